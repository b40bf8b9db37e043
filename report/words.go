package report

import (
	"fmt"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/jalsa-app/jalsa/i18n"
	"github.com/jalsa-app/jalsa/model"
)

func init() {
	texts := make(map[string]i18n.Text, len(english))
	for k, en := range english {
		texts["report."+k] = i18n.Text{En: en, Fr: french[k], Ar: arabic[k]}
	}
	for _, other := range []map[string]string{french, arabic} {
		for k := range other {
			if _, ok := english[k]; !ok {
				panic("report: wording key " + k + " is missing from english")
			}
		}
	}
	i18n.Register(texts)
}

// words says the parts of the minutes in one language. The Markdown and HTML
// renderers share it, so both say exactly the same things.
type words struct{ lang string }

// T is the report wording key in the minutes' language.
func (w words) T(key string, args ...any) string { return i18n.T(w.lang, "report."+key, args...) }

// Date writes a day as "Monday 24 June 2024" in the minutes' language.
func (w words) Date(t time.Time) string {
	if t.IsZero() {
		return "—"
	}
	day := strconv.Itoa(t.Day())
	if t.Day() == 1 {
		day = w.T("day.first")
	}
	return w.T("date", w.T("day."+strconv.Itoa(int(t.Weekday()))), day, w.T("month."+strconv.Itoa(int(t.Month()))), t.Year())
}

// Day writes a YYYY-MM-DD date, or the text as is when it is not one.
func (w words) Day(s string) string {
	t, err := time.ParseInLocation("2006-01-02", s, zone())
	if err != nil {
		return s
	}
	return w.Date(t)
}

// Clock writes a time of day, 24-hour.
func (w words) Clock(t time.Time) string {
	if t.IsZero() {
		return "—"
	}
	return w.T("clock", t.Hour(), t.Minute())
}

// Stamp writes a day and a time.
func (w words) Stamp(t time.Time) string { return w.T("stamp", w.Date(t), w.Clock(t)) }

// Number writes an amount grouped in the language's way, without currency.
// The group separator is a no-break space where the language uses a space:
// it never breaks, and the bidi algorithm keeps it inside the number, so
// "1 234 567,89" does not come out as "567,89 234 1" in Arabic text.
func (w words) Number(c model.Cents) string {
	g, _ := utf8.DecodeRuneInString(w.T("num.group"))
	d, _ := utf8.DecodeRuneInString(w.T("num.decimal"))
	return c.Format(g, d)
}

// Amount writes an amount with its currency.
func (w words) Amount(c model.Cents) string { return w.T("amount", w.Number(c)) }

// Ordinal is "first", "الأولى", "première"… for small numbers.
func (w words) Ordinal(n int) string {
	if n >= 1 && n <= 10 {
		return w.T("ord." + strconv.Itoa(n))
	}
	return w.T("ord.n", n)
}

// SittingName is "the first sitting" in the language's word order.
func (w words) SittingName(n int) string { return w.T("sitting.name", w.Ordinal(n)) }

// CallName is "first convocation".
func (w words) CallName(n int) string { return w.T("call.name", w.Ordinal(n)) }

// Kind names a session kind; an unknown kind is shown as given.
func (w words) Kind(k string) string { return w.known("kind."+k, k) }

// State names a session state.
func (w words) State(s string) string { return w.known("state."+s, s) }

// Role names a member's role; an unknown role is shown as given, and plain
// members have none.
func (w words) Role(r string) string {
	if r == "" || r == "member" {
		return ""
	}
	return w.known("role."+r, r)
}

// RoleName is a member's role as the minutes write it in lang: a role
// jalsa knows (president, vice-president, secretary, …) in that language,
// "" for a plain member, any other role as the session file gives it.
func RoleName(lang, role string) string { return words{i18n.Choose(lang)}.Role(role) }

// Person is a name followed by the role, if any.
func (w words) Person(p *Person) string {
	n := w.Named(p)
	if n.Role != "" {
		return n.Name + " (" + n.Role + ")"
	}
	return n.Name
}

// Named is a person's name and role in words, for the page to isolate the
// name: an Arabic name in French text must not pull the role to its side.
func (w words) Named(p *Person) Person {
	if p == nil {
		return Person{Name: "—"}
	}
	return Person{ID: p.ID, Name: p.Name, Role: w.Role(p.Role)}
}

// Guest is a guest's name and role.
func (w words) Guest(g Guest) string {
	if g.Role == "" {
		return g.Name
	}
	return g.Name + " — " + g.Role
}

// Names joins the names of people with the language's list separator.
func (w words) Names(ps []Person) string {
	if len(ps) == 0 {
		return w.T("label.none")
	}
	names := make([]string, len(ps))
	for i, p := range ps {
		names[i] = p.Name
	}
	return strings.Join(names, w.T("list.sep"))
}

// Outcome is the outcome's short name, as the lookup says it.
func (w words) Outcome(o model.Outcome) string { return i18n.T(w.lang, "outcome."+string(o)) }

// Opening is the sentence that opens a sitting.
func (w words) Opening(d *Document, s Sitting) string {
	place := ""
	if d.Session.Place != "" {
		place = w.T("open.place", d.Session.Place)
	}
	chair := "—"
	if d.Chair != nil {
		chair = d.Chair.Name
	}
	return w.T("open.sentence", w.Date(s.Open), w.Clock(s.Open), w.SittingName(s.N), d.Session.Title, place, w.CallName(s.Call), chair)
}

// SittingEnd says when and how a sitting ended.
func (w words) SittingEnd(s Sitting) string {
	switch {
	case s.End.IsZero():
		return w.T("end.running")
	case s.Closes:
		return w.T("end.closed", w.Clock(s.End))
	}
	return w.T("end.suspended", w.Clock(s.End))
}

// Move is one arrival or departure.
func (w words) Move(m Move) string { return w.T("move."+m.Kind, w.Clock(m.Time), m.Member.Name) }

// QuorumStatement states the quorum of a sitting with its figures and rule.
func (w words) QuorumStatement(q Quorum) string {
	if q.Required == 0 {
		return w.T("quorum.statement_none", q.Present, q.Seats, w.CallName(q.Call))
	}
	met := w.T("quorum.not_met")
	if q.Met {
		met = w.T("quorum.met")
	}
	return w.T("quorum.statement", q.Present, q.Seats, q.Required, w.QuorumRule(q.Rule), w.CallName(q.Call), met)
}

// QuorumRule describes a quorum rule.
func (w words) QuorumRule(rule string) string {
	switch rule {
	case "majority", "third":
		return w.T("quorum." + rule)
	}
	return w.T("quorum.number", rule)
}

// ItemWhen says in which sitting and when an item was taken up.
func (w words) ItemWhen(it Item) string {
	if it.Started.IsZero() {
		return w.T("item.not_started")
	}
	if it.StartSitting != 0 {
		return w.T("item.when_across", w.SittingName(it.StartSitting), w.Clock(it.Started), w.SittingName(it.Sitting), w.Clock(it.Ended))
	}
	return w.T("item.when", w.SittingName(it.Sitting), w.Clock(it.Started), w.Clock(it.Ended))
}

// Speaker is a speaker's name and when they spoke, with the sitting when it
// is not the one the item ended in.
func (w words) Speaker(s Speaker, itemSitting int) string {
	when := w.Clock(s.Start)
	if !s.End.IsZero() {
		when += "–" + w.Clock(s.End)
	}
	if s.Sitting != 0 && s.Sitting != itemSitting {
		when = w.T("speaker.sitting", w.SittingName(s.Sitting), when)
	}
	return s.Member.Name + " (" + when + ")"
}

// Counts states a vote's counts and the members present.
func (w words) Counts(v *Vote) string {
	return w.T("vote.counts", w.Clock(v.Time), v.For, v.Against, v.Abstain, v.Present)
}

// Tally is a short account of a vote, for corrections.
func (w words) Tally(v Vote) string {
	return w.T("tally", v.For, v.Against, v.Abstain, w.Outcome(v.Outcome))
}

// Rule names the majority rule of a vote and, where a tie can occur, how it
// is broken.
func (w words) Rule(v *Vote) string {
	r := w.known("rule."+string(v.Rule), string(v.Rule))
	if v.Rule == model.MajorityCast || v.Rule == model.MajorityVoting {
		r = w.T("rule.join", r, w.known("tie."+string(v.Tie), string(v.Tie)))
	}
	return r
}

// Result is the sentence that ends an item: adopted (unanimously, by
// majority, or on a tie by the presiding member's side), rejected, deferred, withdrawn, noted or pending.
func (w words) Result(it Item) string {
	if v := it.Vote; it.Outcome == model.Adopted && v != nil {
		switch {
		case v.Against == 0 && v.Abstain == 0:
			return w.T("out.unanimous")
		case model.IsTie(v.Rule, model.Tally{For: v.For, Against: v.Against, Abstain: v.Abstain}):
			return w.T("out.casting")
		}
	}
	if it.Outcome == model.Adopted {
		return w.T("out.majority")
	}
	return w.known("out."+string(it.Outcome), string(it.Outcome))
}

// TextLabel labels an item's text: the decision once adopted, else a draft.
func (w words) TextLabel(it Item) string {
	if it.Outcome == model.Adopted {
		return w.T("label.decision")
	}
	return w.T("label.draft_text")
}

// LineAmount is a line's amount, with the original when it was amended.
func (w words) LineAmount(l Line) string {
	if l.Original == nil {
		return w.Number(l.Amount)
	}
	return w.Number(l.Amount) + " (" + w.T("amount.was", w.Number(*l.Original)) + ")"
}

// LineVotes is a line's for/against/abstain, or a dash.
func (w words) LineVotes(l Line) string {
	if l.Vote == nil {
		return "—"
	}
	return fmt.Sprintf("%d / %d / %d", l.Vote.For, l.Vote.Against, l.Vote.Abstain)
}

// LineKind names revenue or expense.
func (w words) LineKind(k string) string { return w.known("kind."+k, k) }

// Amendment states one amendment of a line.
func (w words) Amendment(l Line, a Amendment) string {
	return w.T("amendment", l.Code, w.Clock(a.Time), w.Amount(a.From), w.Amount(a.To), a.Reason)
}

// Amended reports whether any line of the budget was amended.
func (w words) Amended(b *Budget) bool {
	for _, l := range b.Lines {
		if len(l.Amendments) > 0 {
			return true
		}
	}
	return false
}

// TotalsHead heads the table of totals.
func (w words) TotalsHead() []string {
	cur := w.T("currency")
	return []string{"", w.T("col.revenue", cur), w.T("col.expense", cur)}
}

// TotalsRows are the budget's totals: each part, the whole, and the balance.
func (w words) TotalsRows(b *Budget) [][]string {
	var rows [][]string
	for _, p := range b.Parts {
		rows = append(rows, []string{w.T("part.name", p.Part), w.Number(p.Revenue), w.Number(p.Expense)})
	}
	state := w.T("balance.off")
	if b.Balance == 0 {
		state = w.T("balance.ok")
	}
	return append(rows, []string{w.T("total"), w.Number(b.Revenue), w.Number(b.Expense)},
		[]string{w.T("total.balance"), w.Number(b.Balance) + " (" + state + ")", ""})
}

// Correction states when and why a vote was corrected; the renderers put
// its reference before it, isolated, since a reference such as
// "2024-10/10/II.1.2" mixes directions.
func (w words) Correction(c Correction) string {
	return w.T("correction", w.Stamp(c.Time), w.Tally(c.Previous), c.Reason)
}

// Closing is the closing sentence, or the draft's.
func (w words) Closing(d *Document) string {
	if d.Draft || d.Closed.IsZero() {
		return w.T("closing.draft")
	}
	return w.T("closing.closed", w.Date(d.Closed), w.Clock(d.Closed))
}

// DraftNotice says why the minutes are a draft.
func (w words) DraftNotice(d *Document) string { return w.T("draft_notice", w.State(d.State)) }

// known is the wording of key, or fallback when the record holds a value
// the wording does not know (a role or kind typed in a session file).
func (w words) known(key, fallback string) string {
	if _, ok := i18n.Lookup("report." + key); ok {
		return w.T(key)
	}
	return fallback
}

// nameGroup is a titled list of people, as the page prints it.
type nameGroup struct {
	Title  string
	People []Person
	None   string
}

// Group titles a list of people with key, which takes the count.
func (w words) Group(key string, ps []Person) nameGroup {
	return nameGroup{Title: w.T(key, len(ps)), People: ps, None: w.T("label.none")}
}
