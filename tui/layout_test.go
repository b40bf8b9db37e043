package tui

import (
	"strings"
	"testing"
	"time"

	"github.com/jalsa-app/jalsa/model"
)

// rowsWith returns the lines of v holding s.
func rowsWith(v, s string) []string {
	var out []string
	for _, l := range strings.Split(v, "\n") {
		if strings.Contains(l, s) {
			out = append(out, l)
		}
	}
	return out
}

// In an Arabic layout drawn by jalsa, forms read from the right: the vote
// fields, the roll call's search row, a question's hint end at the right
// edge, like their titles; in French they start at the left.
func TestFormsMirrorInArabic(t *testing.T) {
	for _, c := range []struct {
		lang  string
		right bool
	}{{"ar", true}, {"fr", false}} {
		st := demoStore(t)
		openWithRoll(t, st, "m03", "m14")
		mustDo(t, st, &model.ItemCmd{Session: "2024-10", N: 1, Action: model.ActStart})
		m := newTestUI(t, st, Options{Lang: c.lang, Width: 160, Height: 50})
		check := func(what string, lines []string) {
			t.Helper()
			if len(lines) == 0 {
				t.Fatalf("%s %s: not on screen:\n%s", c.lang, what, view(t, m))
			}
			for _, l := range lines {
				// Rows keep two cells for the selection's pointer.
				atRight := ansiWidth(strings.TrimRight(l, " ")) >= m.c.Width-2
				atLeft := !strings.HasPrefix(l, "    ")
				if c.right && !atRight || !c.right && !atLeft {
					t.Errorf("%s %s: %q does not start where the layout reads from", c.lang, what, l)
				}
			}
		}
		press(t, m, "v", "60")
		check("vote fields", rowsWith(view(t, m), "["))
		press(t, m, "esc")
		check("a question's hint", rowsWith(view(t, m), "esc"))
		press(t, m, "enter", "a")
		check("the roll call's search", rowsWith(view(t, m), "[ "))
	}
}

// In a French screen an Arabic session title starts at the left and stays
// apart from the clock.
func TestTitleDoesNotRunIntoTheClock(t *testing.T) {
	st := demoStore(t)
	m := newTestUI(t, st, Options{Lang: "fr", Session: "2024-10"})
	head := strings.Split(view(t, m), "\n")[0]
	clock := m.c.Clock(m.c.Now())
	before, _, ok := strings.Cut(head, clock)
	if !ok || !strings.HasSuffix(before, "   ") {
		t.Errorf("the title runs into the clock: %q", head)
	}
	if !strings.HasPrefix(head, " jalsa · 2024-10 · 2024 ") {
		t.Errorf("the title does not start after its label: %q", head)
	}
}

// The help bar ends with ? on every screen, at 80 and 100 columns, in every
// language: the full list is always one key away.
func TestHelpBarAlwaysShowsTheHelpKey(t *testing.T) {
	st := demoStore(t)
	openWithRoll(t, st, "m03")
	mustDo(t, st, &model.ItemCmd{Session: "2024-10", N: 10, Action: model.ActStart})
	screens := map[string][]string{
		"cockpit": nil, "roll call": {"a"}, "roll call search": {"a", "tab"}, "budget": {"enter"},
		"vote": {"enter", "v"}, "named vote": {"enter", "v", "N"}, "amend": {"enter", "e"},
		"notes": {"n"}, "speakers": {"n", "tab", "tab"}, "lookup": {"/"}, "minutes": {"m"},
		"audience": {"D"}, "check": {"B"}, "question": {"p"},
	}
	for _, lang := range []string{"en", "fr", "ar"} {
		for _, width := range []int{80, 100} {
			for name, keys := range screens {
				m := newTestUI(t, st, Options{Lang: lang, Width: width, Height: 24})
				press(t, m, keys...)
				lines := strings.Split(view(t, m), "\n")
				bar := lines[len(lines)-1]
				if !strings.Contains(bar, "? "+m.c.Keys.Help.Help().Desc) && !strings.Contains(bar, m.c.Keys.Help.Help().Desc+" ?") {
					t.Errorf("%s %d %s: the help bar lacks ?: %q", lang, width, name, bar)
				}
			}
		}
	}
}

// Times on screen are in the body's time zone, as in the minutes and
// `show`, whatever zone the operator's machine keeps.
func TestClockIsInTheBodysZone(t *testing.T) {
	st := demoStore(t)
	m := newTestUI(t, st, Options{Lang: "fr", Session: "2024-10"})
	noon := time.Date(2024, 10, 28, 12, 0, 0, 0, time.UTC)
	if got := m.c.Clock(noon); got != "13:00" {
		t.Errorf("12:00 UTC in Fès: %s, want 13:00 (Africa/Casablanca)", got)
	}
	m.c.Data.Body.Timezone = "Asia/Tokyo"
	if got := m.c.Clock(noon); got != "21:00" {
		t.Errorf("12:00 UTC for a body in Tokyo: %s, want 21:00", got)
	}
}
