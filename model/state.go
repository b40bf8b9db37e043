package model

import (
	"slices"
	"time"
)

// State is everything the record holds, as replaying its events gives it.
type State struct {
	Bodies   map[string]*Body    `json:"bodies"`
	Sessions map[string]*Session `json:"sessions"`
}

// NewState returns an empty record.
func NewState() *State {
	return &State{Bodies: map[string]*Body{}, Sessions: map[string]*Session{}}
}

// Ctx is who acts and when: the store stamps every command with it.
type Ctx struct {
	Time  time.Time
	Actor string
}

// SessionList returns the sessions, most recent planned date first.
func (st *State) SessionList() []*Session {
	out := make([]*Session, 0, len(st.Sessions))
	for _, s := range st.Sessions {
		out = append(out, s)
	}
	slices.SortFunc(out, func(a, b *Session) int {
		if a.Date != b.Date {
			if a.Date > b.Date {
				return -1
			}
			return 1
		}
		if a.ID > b.ID {
			return -1
		}
		return 1
	})
	return out
}

// Session returns the session id or a not-found error.
func (st *State) Session(id string) (*Session, error) {
	s, ok := st.Sessions[id]
	if !ok {
		return nil, NotFound("err.session_not_found", id)
	}
	return s, nil
}

// BodyOf returns the body a session belongs to, as the session sees it:
// its members are those on the session's roll (Body.For).
func (st *State) BodyOf(s *Session) *Body { return st.Bodies[s.Body].For(s) }

// Member returns the member id of b, if any.
func (b *Body) Member(id string) (Member, bool) {
	for _, m := range b.Members {
		if m.ID == id {
			return m, true
		}
	}
	return Member{}, false
}

// MemberName returns the name of member id, or the id when unknown.
func (b *Body) MemberName(id string) string {
	if m, ok := b.Member(id); ok {
		return m.Name
	}
	return id
}

// Item returns item n of the session or a not-found error.
func (s *Session) Item(n int) (*Item, error) {
	if n < 1 || n > len(s.Items) {
		return nil, NotFound("err.item_not_found", n, s.ID, len(s.Items))
	}
	return s.Items[n-1], nil
}

// Line returns the budget line with code.
func (it *Item) Line(code string) (*BudgetLine, error) {
	if it.Kind != KindBudget {
		return nil, Refused("err.not_budget", it.N)
	}
	for _, l := range it.Lines {
		if l.Code == code {
			return l, nil
		}
	}
	return nil, NotFound("err.line_not_found", code, it.N)
}

// Sitting returns the current (last) sitting, or nil before the first.
func (s *Session) Sitting() *Sitting {
	if len(s.Sittings) == 0 {
		return nil
	}
	return s.Sittings[len(s.Sittings)-1]
}

// PresentIDs lists the members present in the sitting, sorted.
func (sit *Sitting) PresentIDs() []string {
	if sit == nil {
		return nil
	}
	ids := make([]string, 0, len(sit.Attendance))
	for id, p := range sit.Attendance {
		if p == Present {
			ids = append(ids, id)
		}
	}
	if len(ids) == 0 {
		return nil
	}
	slices.Sort(ids)
	return ids
}

// Count returns how many members have presence p.
func (sit *Sitting) Count(p Presence) int {
	if sit == nil {
		return 0
	}
	n := 0
	for _, q := range sit.Attendance {
		if q == p {
			n++
		}
	}
	return n
}

// Quorum is the quorum situation of a session at this moment.
type Quorum struct {
	Present  int
	Seats    int
	Required int
	Rule     string
	Met      bool
}

// QuorumNow computes present/seats and the quorum of the current sitting.
func (st *State) QuorumNow(s *Session) Quorum {
	b := st.BodyOf(s)
	q := Quorum{Seats: b.Seats}
	sit := s.Sitting()
	call := 1
	if sit != nil {
		call = sit.Call
		q.Present = sit.Count(Present)
	}
	q.Rule = b.Rules.QuorumRule(call)
	q.Required = QuorumRequired(q.Rule, b.Seats)
	q.Met = sit != nil && q.Present >= q.Required
	return q
}

// Totals adds up a budget's revenue and expense lines.
func (it *Item) Totals() (revenue, expense Cents) {
	for _, l := range it.Lines {
		if l.Kind == "revenue" {
			revenue += l.Amount
		} else {
			expense += l.Amount
		}
	}
	return
}

// OutOfBalance reports whether a budget that must balance does not, with
// its final vote still to come: that vote will be refused until it does.
func (it *Item) OutOfBalance() bool {
	return it.Balanced && it.Vote == nil && !it.IsBalanced()
}

// BalanceLocked reports whether a budget that must balance does not while
// none of its lines may be amended any more (each has had its vote, SPEC
// §2): its final vote will be refused, and only deferring the item takes it
// further. Clerks need to hear this before the last line's vote.
func (it *Item) BalanceLocked() bool {
	if !it.OutOfBalance() {
		return false
	}
	for _, l := range it.Lines {
		if l.Vote == nil {
			return false
		}
	}
	return len(it.Lines) > 0
}

// IsBalanced reports whether the budget's revenue equals its expense.
func (it *Item) IsBalanced() bool {
	r, e := it.Totals()
	return r == e
}
