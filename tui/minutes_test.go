package tui

import (
	"strings"
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

// The preview shows the minutes as they print, in the body's language
// (Arabic for the demo, whatever the UI's), laid out: no Markdown marks,
// tables in columns, and it scrolls to the end.
func TestMinutesPreviewIsLaidOut(t *testing.T) {
	st := demoStore(t)
	m := newTestUI(t, st, Options{Lang: "fr", Session: "2024-06", Width: 160, Height: 50})
	press(t, m, "m")
	mins := m.pages[screenMinutes].(*minutes)
	if mins.lang != "ar" {
		t.Fatalf("the preview is in %q, want the body's language, ar", mins.lang)
	}
	var all []string
	for _, l := range renderMarkdown(m.c, mins.md, true, m.c.Width) {
		all = append(all, l)
		for _, mark := range []string{"**", "###", "|---", "| "} {
			if strings.Contains(l, mark) {
				t.Errorf("a Markdown mark %q is on screen: %q", mark, l)
			}
		}
		if w := ansiWidth(l); w > m.c.Width {
			t.Errorf("a line is %d cells wide: %q", w, l)
		}
	}
	text := strings.Join(all, "\n")
	// Tables in columns, under their heads.
	contains(t, text, "─────")
	press(t, m, "end")
	if mins.view.ScrollPercent() != 1 {
		t.Errorf("end: at %v of the minutes", mins.view.ScrollPercent())
	}
	press(t, m, "home")
	if mins.view.ScrollPercent() != 0 {
		t.Errorf("home: at %v of the minutes", mins.view.ScrollPercent())
	}
}
