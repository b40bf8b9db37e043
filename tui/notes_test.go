package tui

import (
	"strings"
	"testing"
	"time"

	"github.com/jalsa-app/jalsa/model"
)

func TestNotesAndSpeakers(t *testing.T) {
	m, sess := votingOn(t, 5)
	press(t, m, "n")
	if m.active != screenNotes {
		t.Fatalf("n: screen %d", m.active)
	}
	// The screen opens on the note field: type, enter.
	press(t, m, "The wali supports the project.", "enter")
	contains(t, view(t, m), "note added to item 5")
	press(t, m, "tab", "tab", "+", "m07", "enter")
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
	// One esc leaves.
	press(t, m, "esc")
	if m.active != screenCockpit {
		t.Fatalf("esc: screen %d, want the cockpit", m.active)
	}
	v := view(t, m)
	contains(t, v, "1 note")
	if strings.Contains(v, "1 notes") {
		t.Errorf("one note counted as many:\n%s", v)
	}
}

// Giving the floor ends the previous speaker's turn; a guest can be given
// the floor; a vote stops the clock.
func TestOneFloorAndGuests(t *testing.T) {
	m, sess := votingOn(t, 1)
	press(t, m, "n", "tab", "tab", "+", "m07", "enter", "enter")
	press(t, m, "+", "الجامعي", "enter", "enter")
	it := sess().Items[0]
	if len(it.Speakers) != 2 || it.Speakers[0].Speaking() || !it.Speakers[1].Speaking() || it.Speakers[1].Guest != "معاذ الجامعي" {
		t.Fatalf("the guest has the floor, m07 no longer: %+v", it.Speakers)
	}
	press(t, m, "esc", "u", "enter")
	for _, sp := range sess().Items[0].Speakers {
		if sp.Speaking() {
			t.Fatalf("the vote did not stop the clock: %+v", sp)
		}
	}
}

// Past the session's speaking time the timer turns red, on the clerk's
// screen and on the audience display, which shows who speaks in large
// type.
func TestSpeakingTimeLimit(t *testing.T) {
	m, _ := votingOn(t, 1) // the demo's October session: speaking_time 5
	st := m.c.Store
	mustDo(t, st, &model.SpeakerCmd{Session: "2024-10", N: 1, Member: "m07", Action: model.SpeakerStart})
	m.c.Reload()
	sp := m.c.Data.Session.Items[0].Speakers[0]
	for _, c := range []struct {
		after time.Duration
		over  bool
	}{{5 * time.Minute, false}, {5*time.Minute + time.Second, true}} {
		m.c.Now = func() time.Time { return sp.Start.Add(c.after) }
		if got := overTime(m.c, turn(m.c, sp)); got != c.over {
			t.Errorf("after %v of a 5-minute limit: over %v, want %v", c.after, got, c.over)
		}
	}
	m.c.Now = func() time.Time { return sp.Start.Add(6*time.Minute + 7*time.Second) }
	press(t, m, "D")
	v := view(t, m)
	contains(t, v, "has the floor", "limit 05:00")
	for _, row := range bigText("06:07") {
		contains(t, v, row)
	}
}

// A note is corrected or withdrawn; the record keeps both.
func TestNoteCorrectedAndWithdrawn(t *testing.T) {
	m, sess := votingOn(t, 1)
	press(t, m, "n", "the presdient opens", "enter", "said twice", "enter")
	press(t, m, "tab", "k", "e")
	contains(t, view(t, m), "note 1:")
	for range len("presdient opens") {
		press(t, m, "backspace")
	}
	press(t, m, "president opens", "enter")
	contains(t, view(t, m), "note 1 of item 1 corrected")
	press(t, m, "tab", "j", "w")
	contains(t, view(t, m), "Withdraw note 2 (said twice)?")
	press(t, m, "enter")
	notes := sess().Items[0].Notes
	if notes[0].Text != "the president opens" || len(notes[0].Edits) != 1 || notes[1].Live() {
		t.Fatalf("notes %+v", notes)
	}
	contains(t, view(t, m), "withdrawn", "corrected")
}
