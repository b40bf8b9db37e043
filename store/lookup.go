package store

import (
	"strings"

	"github.com/jalsa-app/jalsa/model"
)

// Query is a decision lookup.
type Query struct {
	Text    string
	Session string
	Since   string // YYYY-MM-DD, inclusive
	Until   string // YYYY-MM-DD, inclusive
	Outcome string
	Kind    string
	Limit   int
}

// Lookup finds decisions matching q, best match first.
func (s *Store) Lookup(q Query) ([]model.Decision, error) {
	var out []model.Decision
	words := strings.Fields(strings.ToLower(q.Text))
	s.Read(func(st *model.State) {
		for _, d := range st.AllDecisions() {
			if !q.matches(d) {
				continue
			}
			hay := strings.ToLower(d.Title + " " + d.Text + " " + d.SessionTitle)
			ok := true
			for _, w := range words {
				if !strings.Contains(hay, w) {
					ok = false
					break
				}
			}
			if ok {
				out = append(out, d)
			}
			if q.Limit > 0 && len(out) >= q.Limit {
				break
			}
		}
	})
	return out, nil
}

func (q Query) matches(d model.Decision) bool {
	return (q.Session == "" || d.Session == q.Session) &&
		(q.Since == "" || d.Date >= q.Since) &&
		(q.Until == "" || d.Date <= q.Until) &&
		(q.Outcome == "" || string(d.Outcome) == q.Outcome) &&
		(q.Kind == "" || d.Kind == q.Kind)
}

// Decision returns the decision with reference ref (SESSION/ITEM[/LINE]).
func (s *Store) Decision(ref string) (model.Decision, error) {
	var found *model.Decision
	s.Read(func(st *model.State) {
		sid, _, _ := strings.Cut(ref, "/")
		sess, ok := st.Sessions[sid]
		if !ok {
			return
		}
		for _, d := range st.Decisions(sess) {
			if d.Ref == ref {
				found = &d
				return
			}
		}
	})
	if found == nil {
		return model.Decision{}, model.NotFound("err.decision_not_found", ref)
	}
	return *found, nil
}
