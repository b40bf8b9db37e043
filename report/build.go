package report

import (
	"slices"
	"strings"
	"time"

	"github.com/jalsa-app/jalsa/i18n"
	"github.com/jalsa-app/jalsa/model"
)

// Build gathers the minutes of session id in lang from st. A session that is
// not closed gives a draft.
func Build(st *model.State, id, lang string) (*Document, error) {
	s, err := st.Session(id)
	if err != nil {
		return nil, err
	}
	b := st.BodyOf(s)
	if b == nil {
		return nil, model.NotFound("report.err_body", s.Body, s.ID)
	}
	if lang, err = language(lang, b); err != nil {
		return nil, err
	}
	bd := builder{lang: lang, body: b, loc: b.Location()}
	name := b.Name
	if n := b.Names[lang]; n != "" {
		name = n
	}
	d := &Document{
		Lang: lang, Dir: i18n.Dir(lang), State: s.State, Draft: s.State != model.StateClosed,
		Body: BodyInfo{ID: b.ID, Name: clean(name), Seats: b.Seats, LegalBasis: cleanText(b.LegalBasis),
			Timezone: b.Zone(), Language: b.Language},
		Session: SessionInfo{ID: s.ID, Kind: s.Kind, Title: clean(s.Title), Planned: s.Date, Place: clean(s.Place),
			Convened: s.Convened, Public: s.Public},
		Chair: bd.personPtr(s.Chair), Secretary: bd.personPtr(s.Secretary),
		Guests: []Guest{}, Sittings: []Sitting{}, Items: []Item{}, Corrections: []Correction{},
		Closed: bd.at(s.Closed), zone: bd.loc,
	}
	for _, g := range s.Guests {
		d.Guests = append(d.Guests, Guest{Name: clean(g.Name), Role: clean(g.Role), Gender: g.Gender})
	}
	for i, sit := range s.Sittings {
		d.Sittings = append(d.Sittings, bd.sitting(sit, s.State == model.StateClosed && i == len(s.Sittings)-1))
	}
	chair := ""
	if d.Chair != nil {
		chair = d.Chair.Gender
	}
	for _, it := range s.Items {
		d.Items = append(d.Items, bd.item(s, it, chair))
		ref := model.Ref(s.ID, it.N, "")
		d.Corrections = append(d.Corrections, bd.corrections(ref, it.Corrections, chair)...)
		for _, l := range it.Lines {
			d.Corrections = append(d.Corrections, bd.corrections(model.Ref(s.ID, it.N, l.Code), l.Corrections, chair)...)
		}
	}
	slices.SortStableFunc(d.Corrections, func(a, b Correction) int { return a.Time.Compare(b.Time) })
	return d, nil
}

// builder turns model records into the document's parts.
type builder struct {
	lang string
	body *model.Body
	// loc is the body's time zone, which every time is shown in.
	loc *time.Location
}

func (bd builder) person(id string) Person {
	m, ok := bd.body.Member(id)
	if !ok {
		return Person{ID: id, Name: id}
	}
	return Person{ID: m.ID, Name: clean(m.Name), Role: clean(m.Role), Gender: m.Gender}
}

func (bd builder) personPtr(id string) *Person {
	if id == "" {
		return nil
	}
	p := bd.person(id)
	return &p
}

// sitting works out who attended: present means present at the roll call
// (as last corrected) or arrived later, so a member who left still counts;
// the quorum is the one the roll call established.
func (bd builder) sitting(sit *model.Sitting, closes bool) Sitting {
	out := Sitting{N: sit.N, Call: sit.Call, Open: bd.at(sit.Open), End: bd.at(sit.End), Closes: closes,
		Present: []Person{}, Excused: []Person{}, Absent: []Person{}, Moves: []Move{}}
	roll := map[string]model.Presence{}
	arrived := map[string]bool{}
	for _, mv := range sit.Moves {
		if mv.Kind == "roll" {
			roll[mv.Member] = mv.Presence
			continue
		}
		arrived[mv.Member] = arrived[mv.Member] || mv.Presence == model.Present
		out.Moves = append(out.Moves, Move{Time: bd.at(mv.Time), Kind: mv.Kind, Member: bd.person(mv.Member)})
		if mv.Kind == "arrive" {
			out.Arrivals++
		} else {
			out.Departures++
		}
	}
	atRoll := 0
	for _, m := range bd.body.Members {
		p := bd.person(m.ID)
		switch {
		case roll[m.ID] == model.Present || arrived[m.ID]:
			out.Present = append(out.Present, p)
		case sit.Attendance[m.ID] == model.Excused:
			out.Excused = append(out.Excused, p)
		default:
			out.Absent = append(out.Absent, p)
		}
		if roll[m.ID] == model.Present {
			atRoll++
		}
		if sit.Attendance[m.ID] == model.Present {
			out.AtEnd++
		}
	}
	out.AtOpen = atRoll
	rule := bd.body.Rules.QuorumRule(sit.Call)
	req := model.QuorumRequired(rule, bd.body.Seats)
	out.Quorum = Quorum{Rule: rule, Call: sit.Call, Present: atRoll, Seats: bd.body.Seats, Required: req, Met: atRoll >= req}
	return out
}

func (bd builder) item(s *model.Session, it *model.Item, chair string) Item {
	out := Item{N: it.N, Ref: model.Ref(s.ID, it.N, ""), Title: clean(it.Title), Kind: it.Kind, Sitting: it.Sitting,
		Started: bd.at(it.Started), Ended: bd.at(it.Ended), Outcome: it.Outcome, Text: clean(it.Text),
		Notes: []Note{}, Speakers: []Speaker{}, Vote: bd.vote(it.Vote, it.Corrections, chair)}
	if first := sittingAt(s, it.Started); first != 0 && first != it.Sitting {
		out.StartSitting = first
	}
	for _, n := range model.LiveNotes(it.Notes) {
		out.Notes = append(out.Notes, Note{Time: bd.at(n.Time), Text: clean(n.Text)})
	}
	for _, sp := range it.Speakers {
		if sp.Start.IsZero() {
			continue // listed but never took the floor
		}
		who := bd.person(sp.Member)
		if sp.Guest != "" {
			who = Person{Name: clean(sp.Guest)}
			for _, g := range s.Guests {
				if g.Name == sp.Guest {
					who.Role, who.Gender = clean(g.Role), g.Gender
				}
			}
		}
		out.Speakers = append(out.Speakers, Speaker{Member: who, Start: bd.at(sp.Start), End: bd.at(sp.End), Sitting: sittingAt(s, sp.Start)})
	}
	if it.Kind == model.KindBudget {
		out.Budget = bd.budget(s, it, chair)
	}
	if u := it.Urgent; u != nil {
		out.Urgent = &Urgent{Time: bd.at(u.Time), Sitting: u.Sitting, Reason: cleanText(u.Reason)}
	}
	out.Result = words{bd.lang}.Result(out, chair)
	return out
}

// sittingAt is the sitting under way at t (0 before the first, or for no
// time).
func sittingAt(s *model.Session, t time.Time) int {
	n := 0
	for _, sit := range s.Sittings {
		if !t.IsZero() && !sit.Open.After(t) {
			n = sit.N
		}
	}
	return n
}

func (bd builder) budget(s *model.Session, it *model.Item, chair string) *Budget {
	b := &Budget{Mode: it.VoteMode, Balanced: it.Balanced, Lines: []Line{}, Parts: []PartTotal{}}
	parts := map[string]int{}
	for _, l := range it.Lines {
		line := Line{Ref: model.Ref(s.ID, it.N, l.Code), Code: clean(l.Code), Label: clean(l.Label), Kind: l.Kind, Part: clean(l.Part),
			Amount: l.Amount, Amendments: []Amendment{}, Outcome: l.Outcome, Vote: bd.vote(l.Vote, l.Corrections, chair)}
		if len(l.Amendments) > 0 {
			orig := l.Amendments[0].From
			line.Original = &orig
		}
		for _, a := range l.Amendments {
			line.Amendments = append(line.Amendments, Amendment{Time: bd.at(a.Time), From: a.From, To: a.To, Reason: clean(a.Reason)})
		}
		b.Lines = append(b.Lines, line)
		if l.Part != "" {
			i, ok := parts[l.Part]
			if !ok {
				i = len(b.Parts)
				parts[l.Part] = i
				b.Parts = append(b.Parts, PartTotal{Part: clean(l.Part), Name: clean(it.Parts[l.Part])})
			}
			if l.Kind == "revenue" {
				b.Parts[i].Revenue += l.Amount
			} else {
				b.Parts[i].Expense += l.Amount
			}
		}
	}
	b.Revenue, b.Expense = it.Totals()
	b.Balance = b.Revenue - b.Expense
	return b
}

// vote is the current record of a vote. A correction re-counts a vote
// rather than holding it again, so the vote keeps the time it was taken.
func (bd builder) vote(v *model.Vote, corrections []model.Correction, chair string) *Vote {
	if v == nil {
		return nil
	}
	out := bd.voteValue(*v, chair)
	if len(corrections) > 0 {
		out.Corrected = true
		out.Time = bd.at(corrections[0].Previous.Time)
	}
	return &out
}

func (bd builder) voteValue(v model.Vote, chair string) Vote {
	out := Vote{Time: bd.at(v.Time), Sitting: v.Sitting, For: v.For, Against: v.Against, Abstain: v.Abstain,
		Present: v.Present, Seats: v.Seats, Quorum: v.Quorum, Rule: v.Rule, Tie: v.Tie, Chair: v.Chair,
		Outcome: v.Outcome}
	out.Explanation = words{bd.lang}.Why(&out, chair)
	if v.Named != nil {
		n := &Named{For: []Person{}, Against: []Person{}, Abstain: []Person{}, NoVote: []Person{}}
		// The body's order, so the lists read like the roll.
		for _, m := range bd.body.Members {
			if !slices.Contains(v.PresentIDs, m.ID) {
				continue
			}
			p := bd.person(m.ID)
			switch v.Named[m.ID] {
			case model.For:
				n.For = append(n.For, p)
			case model.Against:
				n.Against = append(n.Against, p)
			case model.Abstain:
				n.Abstain = append(n.Abstain, p)
			default:
				n.NoVote = append(n.NoVote, p)
			}
		}
		out.Named = n
	}
	return out
}

func (bd builder) corrections(ref string, cs []model.Correction, chair string) []Correction {
	var out []Correction
	for _, c := range cs {
		out = append(out, Correction{Ref: ref, Time: bd.at(c.Time), Reason: clean(c.Reason), Previous: bd.voteValue(c.Previous, chair)})
	}
	return out
}

// at puts a time in the body's zone; zero stays zero.
func (bd builder) at(t time.Time) time.Time {
	if t.IsZero() {
		return t
	}
	return t.In(bd.loc)
}

// clean drops control characters and the bidi embeddings and overrides
// that could make printed text read other than it is stored; line breaks and
// tabs become spaces, since every field is printed inline.
func clean(s string) string {
	return strings.TrimSpace(strings.Map(func(r rune) rune {
		switch {
		case r == '\n' || r == '\t' || r == '\r':
			return ' '
		case r < 0x20 || (r >= 0x7f && r < 0xa0):
			return -1
		case r >= 0x202a && r <= 0x202e, r >= 0x2066 && r <= 0x2069:
			return -1
		}
		return r
	}, s))
}

// cleanText is clean for a text of several paragraphs: line breaks stay.
func cleanText(s string) string {
	paras := strings.Split(strings.ReplaceAll(s, "\r\n", "\n"), "\n")
	for i, p := range paras {
		paras[i] = clean(p)
	}
	return strings.TrimSpace(strings.Join(paras, "\n"))
}
