package tui

import (
	"testing"

	"github.com/jalsa-app/jalsa/model"
)

func TestCockpitDraft(t *testing.T) {
	st := demoStore(t)
	m := newTestUI(t, st, Options{Session: "2024-10"})
	requireGolden(t, m)
}

func TestCockpitOpensASittingWithItsConvocation(t *testing.T) {
	st := demoStore(t)
	m := newTestUI(t, st, Options{Session: "2024-10"})
	press(t, m, "o")
	requireGolden(t, m)
	press(t, m, "right", "esc")
	if s := session(t, st, "2024-10"); s.State != model.StateDraft {
		t.Fatalf("esc must cancel; state %s", s.State)
	}
	press(t, m, "o", "2", "enter")
	s := session(t, st, "2024-10")
	if s.State != model.StateOpen || s.Sitting().Call != 2 {
		t.Fatalf("state %s call %d, want open on the 2nd convocation", s.State, s.Sitting().Call)
	}
	contains(t, view(t, m), "sitting opened", "sitting 1, convocation 2")
}

func TestCockpitConductsItems(t *testing.T) {
	st := demoStore(t)
	openWithRoll(t, st)
	m := newTestUI(t, st, Options{})
	press(t, m, "j", "s") // item 2, a report
	if s := session(t, st, "2024-10"); s.Current != 2 {
		t.Fatalf("s: current item %d, want 2", s.Current)
	}
	press(t, m, "k", "s")
	contains(t, view(t, m), "item 2 is still under way")
	press(t, m, "j", "d")
	// The cursor moves on to the next pending item, 3.
	press(t, m, "s", "f")
	contains(t, view(t, m), "Defer item 3 to a later sitting?")
	press(t, m, "enter", "w")
	contains(t, view(t, m), "Withdraw item 4")
	press(t, m, "enter")
	s := session(t, st, "2024-10")
	for n, want := range map[int]model.Outcome{2: model.Noted, 3: model.Deferred, 4: model.Withdrawn, 1: model.Pending} {
		if got := s.Items[n-1].Outcome; got != want {
			t.Errorf("item %d: %s, want %s", n, got, want)
		}
	}
	requireGolden(t, m)
}

func TestCockpitRefusesAVoteWithoutQuorum(t *testing.T) {
	st := demoStore(t)
	mustDo(t, st, &model.OpenCmd{Session: "2024-10", Call: 1})
	mustDo(t, st, &model.AttendCmd{Session: "2024-10", Present: []string{"m01", "m02", "m03"}})
	mustDo(t, st, &model.ItemCmd{Session: "2024-10", N: 1, Action: model.ActStart})
	m := newTestUI(t, st, Options{})
	press(t, m, "v")
	if m.active != screenCockpit {
		t.Fatalf("without quorum the vote screen must not open (screen %d)", m.active)
	}
	contains(t, view(t, m), "NO QUORUM", "no quorum: 3 present, 42 required")
	requireGolden(t, m)
}

func TestCockpitSuspendsAndCloses(t *testing.T) {
	st := demoStore(t)
	openWithRoll(t, st)
	m := newTestUI(t, st, Options{})
	press(t, m, "p", "enter")
	if s := session(t, st, "2024-10"); s.State != model.StateSuspended {
		t.Fatalf("p enter: state %s", s.State)
	}
	press(t, m, "o", "enter")
	if s := session(t, st, "2024-10"); s.State != model.StateOpen || len(s.Sittings) != 2 {
		t.Fatalf("o enter after a suspension: state %s, %d sittings", s.State, len(s.Sittings))
	}
	// What stands in the way of closing is said before the question, with
	// the keys that answer it: a report needs d, not a vote.
	press(t, m, "X")
	contains(t, m.c.status, "are still pending", "to end (d, noted): 2.")
	if m.pages[screenCockpit].(*cockpit).prompt != nil {
		t.Fatal("X asked to close a session that cannot close")
	}
	for n := 1; n <= 10; n++ {
		mustDo(t, st, &model.ItemCmd{Session: "2024-10", N: n, Action: model.ActDefer})
	}
	m.Update(ChangeMsg{Seq: st.Seq()})
	press(t, m, "X", "enter")
	if s := session(t, st, "2024-10"); s.State != model.StateClosed {
		t.Fatalf("X enter: state %s", s.State)
	}
	contains(t, view(t, m), "session closed", "Closed: the record")
}
