package tui

import (
	"testing"

	"github.com/jalsa-app/jalsa/model"
)

// votingOn opens the October sitting with 80 present and starts item n.
func votingOn(t *testing.T, n int) (*UI, func() *model.Session) {
	st := demoStore(t)
	openWithRoll(t, st, "m03", "m14")
	mustDo(t, st, &model.ItemCmd{Session: "2024-10", N: n, Action: model.ActStart})
	m := newTestUI(t, st, Options{})
	return m, func() *model.Session { return session(t, st, "2024-10") }
}

func TestVoteByCounts(t *testing.T) {
	m, sess := votingOn(t, 1)
	press(t, m, "v", "60", "tab", "1", "0", "tab", "5")
	requireGolden(t, m)
	press(t, m, "enter")
	it := sess().Items[0]
	if it.Vote == nil || it.Vote.For != 60 || it.Vote.Against != 10 || it.Vote.Abstain != 5 || it.Outcome != model.Adopted {
		t.Fatalf("recorded %+v, outcome %s", it.Vote, it.Outcome)
	}
	if m.active != screenCockpit {
		t.Fatalf("after the vote: screen %d, want the cockpit", m.active)
	}
	contains(t, view(t, m), "2024-10/1 recorded: adopted: 60 for > 10 against")
	if c := m.pages[screenCockpit].(*cockpit); c.cursor.pos != 1 {
		t.Errorf("after the vote the cursor is on item %d, want the next pending one, 2", c.cursor.pos+1)
	}
}

// v then enter records nothing: a count is recorded only once typed, 0 too.
func TestVoteNeedsEveryCountTyped(t *testing.T) {
	m, sess := votingOn(t, 1)
	press(t, m, "v", "enter")
	if sess().Items[0].Vote != nil {
		t.Fatal("v enter recorded a vote nobody typed")
	}
	contains(t, view(t, m), "nothing typed for for", "type the votes for, against and abstained")
	press(t, m, "70", "tab", "5", "enter", "enter")
	if sess().Items[0].Vote != nil {
		t.Fatal("a vote was recorded without its abstentions")
	}
	contains(t, view(t, m), "nothing typed for abstained", "[      ▏]")
	press(t, m, "0", "enter")
	if v := sess().Items[0].Vote; v == nil || v.For != 70 || v.Against != 5 || v.Abstain != 0 {
		t.Fatalf("recorded %+v", v)
	}
}

// Counts above the members present stay on screen as typed, marked, and
// enter refuses them: no digit is dropped.
func TestVoteOverThePresentStaysAsTyped(t *testing.T) {
	m, sess := votingOn(t, 1)
	press(t, m, "v", "60", "tab", "30", "tab", "0")
	v := view(t, m)
	contains(t, v, "[     60] ✗", "[     30] ✗", "90 votes exceed the number of members present (80)", "enter refuses these counts")
	press(t, m, "enter")
	if sess().Items[0].Vote != nil {
		t.Fatal("counts over the members present were recorded")
	}
	contains(t, view(t, m), "✗ 90 votes exceed the number of members present (80)")
	press(t, m, "shift+tab", "backspace", "backspace", "20", "enter")
	if it := sess().Items[0]; it.Vote == nil || it.Vote.For != 60 || it.Vote.Against != 20 || it.Vote.Abstain != 0 {
		t.Fatalf("recorded %+v", it.Vote)
	}
}

// u fills in every member present voting for, shown before enter.
func TestVoteAllPresentFor(t *testing.T) {
	m, sess := votingOn(t, 1)
	press(t, m, "u")
	contains(t, view(t, m), "[    80▏]", "[      0]", "ready: enter records", "adopted: 80 for > 0 against")
	if sess().Items[0].Vote != nil {
		t.Fatal("u recorded before enter")
	}
	press(t, m, "enter")
	if v := sess().Items[0].Vote; v == nil || v.For != 80 || v.Against != 0 || v.Abstain != 0 {
		t.Fatalf("recorded %+v", v)
	}
}

// esc on a form with typed data asks before discarding it.
func TestVoteEscAsksBeforeDiscarding(t *testing.T) {
	m, sess := votingOn(t, 1)
	press(t, m, "v", "esc")
	if m.active != screenCockpit {
		t.Fatal("esc on an empty form goes back at once")
	}
	press(t, m, "v", "4", "esc")
	contains(t, view(t, m), "Discard the vote typed so far?")
	press(t, m, "esc")
	if m.active != screenVote {
		t.Fatal("esc on the question keeps the form")
	}
	contains(t, view(t, m), "[     4▏]")
	press(t, m, "esc", "enter")
	if m.active != screenCockpit || sess().Items[0].Vote != nil {
		t.Fatalf("enter on the question discards: screen %d, vote %+v", m.active, sess().Items[0].Vote)
	}
}

func TestVoteTieAsksThePresidingMembersSide(t *testing.T) {
	m, sess := votingOn(t, 3)
	press(t, m, "v", "30", "tab", "30", "tab", "0", "enter")
	if sess().Items[2].Vote != nil {
		t.Fatal("a tie must not be recorded without the presiding member's side")
	}
	contains(t, view(t, m), "tie 30–30: choose the presiding member's side")
	if v := m.pages[screenVote].(*vote); v.current() != fieldChair {
		t.Fatalf("the focus is on field %d, want the chair's side", v.current())
	}
	press(t, m, "2")
	requireGolden(t, m)
	press(t, m, "enter")
	it := sess().Items[2]
	if it.Vote == nil || it.Vote.Chair != model.Against || it.Outcome != model.Rejected {
		t.Fatalf("recorded %+v outcome %s, want rejected with the chair against", it.Vote, it.Outcome)
	}
}

// The hint of a tie says ←/→: they work from the count being typed.
func TestVoteTieArrowsFromACount(t *testing.T) {
	m, sess := votingOn(t, 3)
	press(t, m, "v", "30", "tab", "30", "tab", "0", "right")
	if v := m.pages[screenVote].(*vote); v.current() != fieldChair || v.chair != model.For {
		t.Fatalf("→ from a count: field %d, chair %q", v.current(), v.chair)
	}
	press(t, m, "enter")
	if it := sess().Items[2]; it.Vote == nil || it.Vote.Chair != model.For || it.Outcome != model.Adopted {
		t.Fatalf("recorded %+v", it.Vote)
	}
}

func TestVoteByName(t *testing.T) {
	m, sess := votingOn(t, 3)
	press(t, m, "v", "N")
	press(t, m, "2", "j", "3", "j", "j", "2")
	// The search finds a member far down the list.
	press(t, m, "tab", "m45", "enter", "3")
	requireGolden(t, m)
	press(t, m, "enter")
	v := sess().Items[2].Vote
	if v == nil || v.For != 76 || v.Against != 2 || v.Abstain != 2 || len(v.Named) != 80 {
		t.Fatalf("recorded %+v", v)
	}
	if v.Named["m01"] != model.Against || v.Chair != model.Against || v.Named["m45"] != model.Abstain {
		t.Errorf("m01 (the chair) voted against, m45 abstained: named %s, %s chair %s", v.Named["m01"], v.Named["m45"], v.Chair)
	}
}

func TestVoteCorrection(t *testing.T) {
	m, sess := votingOn(t, 1)
	press(t, m, "v", "60", "tab", "10", "tab", "0", "enter")
	press(t, m, "k", "c")
	contains(t, view(t, m), "Correct the vote on 2024-10/1", "[    60▏]")
	press(t, m, "tab", "backspace", "backspace", "5", "enter")
	contains(t, view(t, m), "a correction needs a reason")
	press(t, m, "counted twice", "enter")
	it := sess().Items[0]
	if it.Vote.Against != 5 || len(it.Corrections) != 1 || it.Corrections[0].Reason != "counted twice" || it.Corrections[0].Previous.Against != 10 {
		t.Fatalf("vote %+v corrections %+v", it.Vote, it.Corrections)
	}
	press(t, m, "k")
	contains(t, view(t, m), "vote corrected once")
}
