package model

import (
	"maps"
	"slices"
	"time"

	"github.com/jalsa-app/jalsa/i18n"
)

// A body's roster lives across sessions (SPEC §12): members arrive, leave
// and change role between them. Body.Members holds every member the body
// ever had, as they are now (one who left keeps their place, with Until);
// Body.Changes logs each change with what it replaced. A session sees the
// body through For: the members in office on its date, as the roster
// stands while the session can still change, and as it stood when it
// closed once it has, so that the minutes of a past session keep the
// names, roles, seats and rules it had.

// Kinds of BodyChange.
const (
	ChangeArrive = "arrive"
	ChangeLeave  = "leave"
	ChangeMember = "member"
	ChangeBody   = "body"
)

// BodyChange is one change of a body's roster or terms, as recorded.
type BodyChange struct {
	// Time is when it was recorded; Date the day it takes effect
	// (YYYY-MM-DD), which for a change of details is when it was decided.
	Time time.Time `json:"time"`
	Date string    `json:"date,omitempty"`
	Kind string    `json:"kind"`
	// Member is the member after an arrival, a departure or a change of
	// details; Before is the member before it (nil for an arrival).
	Member *Member `json:"member,omitempty"`
	Before *Member `json:"before,omitempty"`
	// Terms are the body's terms before a ChangeBody.
	Terms *Terms `json:"terms,omitempty"`
	By    string `json:"by,omitempty"`
}

// Terms are what a body says of itself besides its members: what a
// session's minutes take from it.
type Terms struct {
	Name       string            `json:"name"`
	Names      map[string]string `json:"names,omitempty"`
	Language   string            `json:"language"`
	Seats      int               `json:"seats"`
	Rules      Rules             `json:"rules"`
	LegalBasis string            `json:"legal_basis,omitempty"`
	Timezone   string            `json:"timezone,omitempty"`
}

// Terms returns b's terms (a copy).
func (b *Body) Terms() Terms {
	return Terms{Name: b.Name, Names: maps.Clone(b.Names), Language: b.Language, Seats: b.Seats,
		Rules:      Rules{Quorum: slices.Clone(b.Rules.Quorum), Majority: b.Rules.Majority, Tie: b.Rules.Tie},
		LegalBasis: b.LegalBasis, Timezone: b.Timezone}
}

func (b *Body) setTerms(t Terms) {
	b.Name, b.Names, b.Language, b.Seats, b.Rules = t.Name, t.Names, t.Language, t.Seats, t.Rules
	b.LegalBasis, b.Timezone = t.LegalBasis, t.Timezone
}

// InOffice reports whether m is a member on day (YYYY-MM-DD): from the day
// they took office to the day before they left.
func (m Member) InOffice(day string) bool {
	return (m.Since == "" || m.Since <= day) && (m.Until == "" || day < m.Until)
}

// Left reports whether m has left the body on or before day.
func (m Member) Left(day string) bool { return m.Until != "" && m.Until <= day }

// At is the body as it was once the first n of its changes were recorded:
// a member whose first later change is their arrival was not there yet;
// one whose first later change edits them or ends their term was as that
// change found them; the terms are those before the first later change of
// terms. At(len(b.Changes)) is b itself.
func (b *Body) At(n int) *Body {
	if n >= len(b.Changes) {
		return b
	}
	v := *b
	first := map[string]*BodyChange{}
	var terms *Terms
	for i := n; i < len(b.Changes); i++ {
		ch := &b.Changes[i]
		if ch.Kind == ChangeBody {
			if terms == nil {
				terms = ch.Terms
			}
			continue
		}
		if _, ok := first[ch.Member.ID]; !ok {
			first[ch.Member.ID] = ch
		}
	}
	if terms != nil {
		v.setTerms(*terms)
	}
	v.Members = make([]Member, 0, len(b.Members))
	for _, m := range b.Members {
		if ch, ok := first[m.ID]; ok {
			if ch.Before == nil {
				continue
			}
			m = *ch.Before
		}
		v.Members = append(v.Members, m)
	}
	v.Changes = b.Changes[:n]
	return &v
}

// For is the body as session s sees it: its members on the session's roll
// (in office on the session's date), as the roster stands, or as it stood
// when the session closed; and its seats, the number on the roll when the
// body fixes none. A body whose roster never changed is itself.
func (b *Body) For(s *Session) *Body {
	if b == nil || (len(b.Changes) == 0 && b.Seats > 0) {
		return b
	}
	at := b
	if s.State == StateClosed {
		at = b.At(s.RollAt)
	}
	v := *at
	v.Changes = nil
	v.Members = make([]Member, 0, len(at.Members))
	for _, m := range at.Members {
		if m.InOffice(s.Date) {
			v.Members = append(v.Members, m)
		}
	}
	if v.Seats == 0 {
		v.Seats = len(v.Members)
	}
	return &v
}

// Current lists the members in office on day, or due to take office
// after it: those who have not left by then.
func (b *Body) Current(day string) []Member {
	var out []Member
	for _, m := range b.Members {
		if !m.Left(day) {
			out = append(out, m)
		}
	}
	return out
}

// SeatsNow is the body's seats, or, when it fixes none, the number of its
// members who have not left by day.
func (b *Body) SeatsNow(day string) int {
	if b.Seats > 0 {
		return b.Seats
	}
	return len(b.Current(day))
}

// tookPart reports whether member id took part in session s: present at a
// sitting, on its list of speakers, or counted in a vote. It says which in
// a message key ("" when not at all).
func (s *Session) tookPart(id string) string {
	voted := func(v *Vote) bool {
		if v == nil {
			return false
		}
		_, named := v.Named[id]
		return named || slices.Contains(v.PresentIDs, id)
	}
	votes := func(v *Vote, cs []Correction) bool {
		if voted(v) {
			return true
		}
		for i := range cs {
			if voted(&cs[i].Previous) {
				return true
			}
		}
		return false
	}
	for _, it := range s.Items {
		if votes(it.Vote, it.Corrections) {
			return "roster.part.voted"
		}
		for _, l := range it.Lines {
			if votes(l.Vote, l.Corrections) {
				return "roster.part.voted"
			}
		}
		for _, sp := range it.Speakers {
			if sp.Member == id {
				return "roster.part.spoke"
			}
		}
	}
	for _, sit := range s.Sittings {
		if sit.Attendance[id] == Present {
			return "roster.part.present"
		}
		for _, mv := range sit.Moves {
			if mv.Member == id && mv.Presence == Present {
				return "roster.part.present"
			}
		}
	}
	return ""
}

// Today is the day of t in the body's time zone, YYYY-MM-DD: the day a
// change made now takes effect unless it says otherwise.
func (b *Body) Today(t time.Time) string { return t.In(b.Location()).Format(time.DateOnly) }

// Roles are the roles a member may hold on the roster: the bureau of a
// Moroccan chamber, and "member". A session file may give any role; the
// roster commands take only these, in any of the three languages.
var Roles = []string{"president", "vice-president", "secretary", "deputy-secretary", "treasurer", "deputy-treasurer", "member"}

func init() {
	i18n.Register(map[string]i18n.Text{
		"roster.part.voted":   {En: "is counted in a vote of", Fr: "est compté dans un vote de", Ar: "محسوب في تصويت من تصويتات"},
		"roster.part.spoke":   {En: "spoke in", Fr: "a pris la parole dans", Ar: "تدخل في"},
		"roster.part.present": {En: "was present at a sitting of", Fr: "était présent à une séance de", Ar: "حضر جلسة من جلسات"},
	})
}
