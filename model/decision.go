package model

import (
	"slices"
	"strconv"
	"time"
)

// Decision is the outcome of an item or a budget line, as the lookup shows
// it. Its JSON names are those of `jalsa decisions --json`.
type Decision struct {
	Ref          string            `json:"ref"`
	Session      string            `json:"session"`
	SessionTitle string            `json:"session_title,omitempty"`
	Date         string            `json:"date"`
	Item         int               `json:"item"`
	Line         string            `json:"line"`
	Title        string            `json:"title"`
	Kind         string            `json:"kind"`
	Outcome      Outcome           `json:"outcome"`
	For          int               `json:"for"`
	Against      int               `json:"against"`
	Abstain      int               `json:"abstain"`
	Present      int               `json:"present"`
	Seats        int               `json:"seats"`
	Rule         string            `json:"rule"`
	Explanation  string            `json:"explanation"`
	Text         string            `json:"text"`
	Named        map[string]Choice `json:"named,omitempty"`
	Corrections  []Correction      `json:"corrections,omitempty"`
	Notes        []Note            `json:"notes,omitempty"`
	Amount       *Cents            `json:"amount,omitempty"`

	// vote is the record behind a decision of the record (nil for a past
	// register's). A recorded Vote is never changed in place — a correction
	// replaces it — so holding it after the state moves on is safe.
	vote *Vote
}

// ExplanationIn says how the outcome was reached, in lang. A past
// register's decisions keep the wording they were imported with.
func (d Decision) ExplanationIn(lang string) string {
	if d.vote == nil {
		return d.Explanation
	}
	return Explain(lang, d.vote)
}

// Ref is the reference of item n (and line, if any) of session.
func Ref(session string, n int, line string) string {
	r := session + "/" + strconv.Itoa(n)
	if line != "" {
		r += "/" + line
	}
	return r
}

// Decisions lists the decisions of one session in agenda order: every item
// with an outcome, and every budget line that was voted.
func (st *State) Decisions(s *Session) []Decision {
	var out []Decision
	for _, it := range s.Items {
		out = append(out, st.ItemDecisions(s, it, "")...)
	}
	return out
}

// ItemDecisions lists the decisions of one item: the item's own, if it has
// an outcome, then its voted budget lines — or, when line is set, only that
// line's decision.
func (st *State) ItemDecisions(s *Session, it *Item, line string) []Decision {
	var out []Decision
	seats := 0
	b := st.BodyOf(s)
	if b != nil {
		seats = b.Seats
	}
	loc := b.Location()
	if it.Outcome != Pending && line == "" {
		d := Decision{Ref: Ref(s.ID, it.N, ""), Session: s.ID, SessionTitle: s.Title, Date: s.sittingDate(it.Sitting, loc),
			Item: it.N, Title: it.Title, Kind: it.Kind, Outcome: it.Outcome, Text: it.Text, Seats: seats,
			Corrections: it.Corrections, Notes: LiveNotes(it.Notes)}
		d.fill(it.Vote)
		out = append(out, d)
	}
	for _, l := range it.Lines {
		if l.Vote == nil || (line != "" && l.Code != line) {
			continue
		}
		amount := l.Amount
		d := Decision{Ref: Ref(s.ID, it.N, l.Code), Session: s.ID, SessionTitle: s.Title, Date: s.sittingDate(l.Vote.Sitting, loc),
			Item: it.N, Line: l.Code, Title: l.Label, Kind: it.Kind, Outcome: l.Outcome, Seats: seats,
			Corrections: l.Corrections, Amount: &amount}
		d.fill(l.Vote)
		out = append(out, d)
	}
	return out
}

// AllDecisions lists the decisions of every session, most recent first.
func (st *State) AllDecisions() []Decision {
	var out []Decision
	for _, s := range st.SessionList() {
		out = append(out, st.Decisions(s)...)
	}
	slices.SortStableFunc(out, func(a, b Decision) int {
		switch {
		case a.Date > b.Date:
			return -1
		case a.Date < b.Date:
			return 1
		}
		return 0
	})
	return out
}

func (d *Decision) fill(v *Vote) {
	if v == nil {
		return
	}
	d.For, d.Against, d.Abstain, d.Present, d.Seats = v.For, v.Against, v.Abstain, v.Present, v.Seats
	d.Rule, d.Explanation, d.Named, d.vote = string(v.Rule), v.Explanation, v.Named, v
}

// sittingDate is the day of sitting n in the body's zone loc (a sitting
// opened at 23:30 UTC is on the next day in Fès), or the planned date
// before any.
func (s *Session) sittingDate(n int, loc *time.Location) string {
	for _, sit := range s.Sittings {
		if sit.N == n {
			return sit.Open.In(loc).Format("2006-01-02")
		}
	}
	return s.Date
}
