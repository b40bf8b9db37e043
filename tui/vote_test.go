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
}

func TestVoteCountsNeverExceedThePresent(t *testing.T) {
	m, sess := votingOn(t, 1)
	press(t, m, "v", "70", "tab", "9")
	press(t, m, "9") // 70 + 99 > 80: refused
	v := view(t, m)
	contains(t, v, "169 votes exceed the 80 members present", "[    9▏]")
	press(t, m, "backspace", "10", "tab", "1")
	contains(t, view(t, m), "81 votes exceed the 80 members present")
	press(t, m, "enter")
	if it := sess().Items[0]; it.Vote == nil || it.Vote.For+it.Vote.Against+it.Vote.Abstain != 80 {
		t.Fatalf("recorded %+v", it.Vote)
	}
}

func TestVoteTieAsksThePresidingMembersSide(t *testing.T) {
	m, sess := votingOn(t, 3)
	press(t, m, "v", "30", "tab", "30", "enter")
	if sess().Items[2].Vote != nil {
		t.Fatal("a tie must not be recorded without the presiding member's side")
	}
	contains(t, view(t, m), "tie 30–30: choose the presiding member's side")
	press(t, m, "2")
	requireGolden(t, m)
	press(t, m, "enter")
	it := sess().Items[2]
	if it.Vote == nil || it.Vote.Chair != model.Against || it.Outcome != model.Rejected {
		t.Fatalf("recorded %+v outcome %s, want rejected with the chair against", it.Vote, it.Outcome)
	}
}

func TestVoteByName(t *testing.T) {
	m, sess := votingOn(t, 3)
	press(t, m, "v", "N")
	press(t, m, "2", "j", "3", "j", "j", "2")
	requireGolden(t, m)
	press(t, m, "enter")
	v := sess().Items[2].Vote
	if v == nil || v.For != 77 || v.Against != 2 || v.Abstain != 1 || len(v.Named) != 80 {
		t.Fatalf("recorded %+v", v)
	}
	if v.Named["m01"] != model.Against || v.Chair != model.Against {
		t.Errorf("m01 (the chair) voted against: named %s chair %s", v.Named["m01"], v.Chair)
	}
}

func TestVoteCorrection(t *testing.T) {
	m, sess := votingOn(t, 1)
	press(t, m, "v", "60", "tab", "10", "enter")
	press(t, m, "c")
	contains(t, view(t, m), "Correct the vote on 2024-10/1", "[   60▏]")
	press(t, m, "tab", "backspace", "backspace", "5", "enter")
	contains(t, view(t, m), "a correction needs a reason")
	press(t, m, "counted twice", "enter")
	it := sess().Items[0]
	if it.Vote.Against != 5 || len(it.Corrections) != 1 || it.Corrections[0].Reason != "counted twice" || it.Corrections[0].Previous.Against != 10 {
		t.Fatalf("vote %+v corrections %+v", it.Vote, it.Corrections)
	}
	contains(t, view(t, m), "vote corrected once")
}
