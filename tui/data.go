package tui

import (
	"encoding/json"

	"github.com/jalsa-app/jalsa/model"
	"github.com/jalsa-app/jalsa/store"
)

// recentDecisions is how many decisions the home screen lists.
const recentDecisions = 12

// Snapshot is a copy of what the screens draw, taken after every change.
// Nothing in it points into the store's state.
type Snapshot struct {
	// Seq is the number of the last event the copy includes.
	Seq      uint64
	Sessions []SessionRow
	Recent   []DecisionRow
	// Session and Body are deep copies of the session in the cockpit, nil
	// when there is none; Quorum is its quorum at this moment.
	Session *model.Session
	Body    *model.Body
	Quorum  model.Quorum
}

// SessionRow is one session on the home screen.
type SessionRow struct {
	ID, Title, Date, State, Kind string
	Items                        int
}

// DecisionRow is one decision in a list.
type DecisionRow struct {
	Ref, Session, Date, Title string
	Item                      int
	Outcome                   model.Outcome
}

// Load copies what the screens need from the store: every session's summary,
// the latest decisions, and session sid in full.
func Load(st *store.Store, sid string) *Snapshot {
	d := &Snapshot{Seq: st.Seq()}
	st.Read(func(s *model.State) {
		for _, sess := range s.SessionList() {
			d.Sessions = append(d.Sessions, SessionRow{sess.ID, sess.Title, sess.Date, sess.State, sess.Kind, len(sess.Items)})
		}
		for _, dec := range s.AllDecisions() {
			if dec.Line != "" {
				continue
			}
			d.Recent = append(d.Recent, decisionRow(dec))
			if len(d.Recent) == recentDecisions {
				break
			}
		}
		sess, ok := s.Sessions[sid]
		if !ok {
			return
		}
		d.Session = deepCopy(sess)
		d.Body = deepCopy(s.BodyOf(sess))
		d.Quorum = s.QuorumNow(sess)
	})
	return d
}

func decisionRow(d model.Decision) DecisionRow {
	return DecisionRow{Ref: d.Ref, Session: d.Session, Date: d.Date, Title: d.Title, Item: d.Item, Outcome: d.Outcome}
}

// deepCopy copies v through JSON, the form the store keeps it in, so the
// copy is complete by construction.
func deepCopy[T any](v *T) *T {
	if v == nil {
		return nil
	}
	b, err := json.Marshal(v)
	if err != nil {
		panic(err) // the store wrote the same value as JSON already
	}
	var out T
	if err := json.Unmarshal(b, &out); err != nil {
		panic(err)
	}
	return &out
}

// Item returns item n of the session in the snapshot, or nil.
func (d *Snapshot) Item(n int) *model.Item {
	if d.Session == nil || n < 1 || n > len(d.Session.Items) {
		return nil
	}
	return d.Session.Items[n-1]
}

// MemberName is the name of member id, or the id when unknown.
func (d *Snapshot) MemberName(id string) string {
	if d.Body == nil {
		return id
	}
	return d.Body.MemberName(id)
}

// liveSessionID is the session to resume: the most recent with a sitting
// under way, else the most recent suspended one, else "".
func (d *Snapshot) liveSessionID() string {
	for _, state := range []string{model.StateOpen, model.StateSuspended} {
		for _, s := range d.Sessions {
			if s.State == state {
				return s.ID
			}
		}
	}
	return ""
}
