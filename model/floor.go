package model

import (
	"slices"
	"time"
)

// One speaker holds the floor at a time: giving it to the next speaker, a
// vote, a suspension, the next item and the close end the turn under way,
// and ending an item ends the turns on it. Which turns a command ends is
// settled when the command is recorded (Settle) and kept in its event
// (Ends), so that a replay ends exactly those: an event recorded under
// earlier rules, when a speaker could run on through a vote, ends none and
// replays as it was recorded.

// Turn names a speaker's turn under way on an item: a member by id, or a
// guest of the session by name.
type Turn struct {
	N      int    `json:"n"`
	Member string `json:"member,omitempty"`
	Guest  string `json:"guest,omitempty"`
}

// Settler is implemented by commands whose effect beyond their own
// arguments depends on the rules of the version that records them (the
// turns a vote ends). Settle writes that effect into the command, from
// the state it is about to be applied to, so that the event holds it and
// a replay applies exactly it (Do settles, Apply does not).
type Settler interface {
	Settle(st *State)
}

// Do carries out cmd on st for the first time: it settles what the command
// leaves to the rules of the moment (Settler), then applies it. A recorded
// event is replayed with Apply alone.
func Do(st *State, cmd Command, ctx Ctx) error {
	if s, ok := cmd.(Settler); ok {
		s.Settle(st)
	}
	return cmd.Apply(st, ctx)
}

// turnsUnderWay lists the turns under way in the session sid of st: on
// item n only, or on every item when n is 0.
func turnsUnderWay(st *State, sid string, n int) []Turn {
	s := st.Sessions[sid]
	if s == nil {
		return nil
	}
	var out []Turn
	for _, it := range s.Items {
		if n != 0 && it.N != n {
			continue
		}
		for _, sp := range it.Speakers {
			if sp.Speaking() {
				out = append(out, Turn{N: it.N, Member: sp.Member, Guest: sp.Guest})
			}
		}
	}
	return out
}

// speaking is the index of t's entry on its item while it holds the floor,
// or -1.
func (t Turn) speaking(it *Item) int {
	return slices.IndexFunc(it.Speakers, func(sp Speaker) bool {
		return sp.Member == t.Member && sp.Guest == t.Guest && sp.Speaking()
	})
}

// checkEnds refuses a command whose turns to end are not all under way in
// s, before anything is changed.
func checkEnds(s *Session, ends []Turn) error {
	for _, t := range ends {
		it, err := s.Item(t.N)
		if err != nil {
			return err
		}
		if t.speaking(it) < 0 {
			who := t.Member
			if t.Guest != "" {
				who = t.Guest
			}
			return Refused("err.speaker_not_speaking", who)
		}
	}
	return nil
}

// endTurns ends each turn of ends at t; checkEnds has checked them.
func endTurns(s *Session, ends []Turn, t time.Time) {
	for _, e := range ends {
		it := s.Items[e.N-1]
		it.Speakers[e.speaking(it)].End = t
	}
}

// spillOf is what Spiller says of a command that ended ends: the items
// other than own, its scope, whose turns it ended.
func spillOf(ends []Turn, own int) []int {
	var out []int
	for _, t := range ends {
		if t.N != own && !slices.Contains(out, t.N) {
			out = append(out, t.N)
		}
	}
	return out
}
