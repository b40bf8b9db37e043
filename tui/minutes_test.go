package tui

import (
	"testing"

	"github.com/jalsa-app/jalsa/model"
)

func TestMinutesPreviewFollowsTheSitting(t *testing.T) {
	st := demoStore(t)
	openWithRoll(t, st)
	m := newTestUI(t, st, Options{Lang: "fr"})
	press(t, m, "m")
	if m.active != screenMinutes {
		t.Fatalf("m: screen %d", m.active)
	}
	mins := m.pages[screenMinutes].(*minutes)
	before := mins.md
	if before == "" {
		t.Fatal("no minutes")
	}
	contains(t, view(t, m), "Procès-verbal de 2024-10 (aperçu)")
	mustDo(t, st, &model.ItemCmd{Session: "2024-10", N: 1, Action: model.ActStart})
	mustDo(t, st, &model.ItemCmd{Session: "2024-10", N: 1, Action: model.ActNote, Text: "Lecture du procès-verbal."})
	m.Update(ChangeMsg{Seq: st.Seq()})
	if mins.md == before {
		t.Fatal("the preview did not follow the change")
	}
	press(t, m, "pgdown", "esc")
	if m.active != screenCockpit {
		t.Fatalf("esc: screen %d", m.active)
	}
}
