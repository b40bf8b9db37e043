package tui

import (
	"testing"

	"github.com/jalsa-app/jalsa/model"
)

func TestAudienceDisplay(t *testing.T) {
	m, _ := votingOn(t, 5)
	st := m.c.Store
	press(t, m, "D")
	if m.active != screenAudience {
		t.Fatalf("D: screen %d", m.active)
	}
	contains(t, view(t, m), "under way")
	mustDo(t, st, &model.VoteCmd{Session: "2024-10", N: 5, For: 71, Against: 6, Abstain: 3})
	m.Update(ChangeMsg{Seq: st.Seq()})
	requireGolden(t, m)
	press(t, m, "esc")
	if m.active != screenCockpit {
		t.Fatalf("esc: screen %d", m.active)
	}
}

func TestBigNumber(t *testing.T) {
	got := bigNumber(40)
	want := [bigRows]string{"█ █ ███", "█ █ █ █", "███ █ █", "  █ █ █", "  █ ███"}
	if got != want {
		t.Fatalf("bigNumber(40) = %q", got)
	}
}
