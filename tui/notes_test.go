package tui

import (
	"strings"
	"testing"
)

func TestNotesAndSpeakers(t *testing.T) {
	m, sess := votingOn(t, 5)
	press(t, m, "n")
	if m.active != screenNotes {
		t.Fatalf("n: screen %d", m.active)
	}
	press(t, m, "tab", "The wali supports the project.", "enter")
	press(t, m, "esc", "+", "m07", "enter")
	press(t, m, "+", "m09", "enter")
	press(t, m, "k", "enter") // m07 speaks
	it := sess().Items[4]
	if len(it.Notes) != 1 || it.Notes[0].Text != "The wali supports the project." {
		t.Fatalf("notes %+v", it.Notes)
	}
	if len(it.Speakers) != 2 || it.Speakers[0].Member != "m07" || it.Speakers[0].Start.IsZero() || !it.Speakers[1].Start.IsZero() {
		t.Fatalf("speakers %+v", it.Speakers)
	}
	// The test clock is two minutes past the start of the sitting.
	requireGolden(t, m)
	press(t, m, "enter", "j", "-")
	it = sess().Items[4]
	if it.Speakers[0].End.IsZero() || len(it.Speakers) != 1 {
		t.Fatalf("m07 done, m09 removed: %+v", it.Speakers)
	}
	press(t, m, "esc")
	v := view(t, m)
	contains(t, v, "1 note")
	if strings.Contains(v, "1 notes") {
		t.Errorf("one note counted as many:\n%s", v)
	}
}
