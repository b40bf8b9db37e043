package cli_test

import (
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/jalsa-app/jalsa/i18n"
)

// status gives the titles the room they need: the columns before a title
// are as wide as their short contents (number, outcome, kind, tally), not
// as a budget's progress sentence, which goes on a line of its own under
// its item's title. In every language the titles start where they would
// in a session without a budget, and the progress starts there too.
func TestStatusColumnsLeaveTheTitlesRoom(t *testing.T) {
	for _, lang := range i18n.Languages {
		h := withDemo(t)
		h.lang = lang
		out := h.ok("status", "2024-10")
		var starts []int
		var progress string
		for _, line := range strings.Split(strings.TrimRight(out, "\n"), "\n")[1:] {
			if strings.HasPrefix(line, "    ") { // no item number: a continuation

				progress = line
				continue
			}
			fields := strings.Split(line, "  ")
			title := strings.TrimSpace(fields[len(fields)-1])
			if title == "" {
				continue
			}
			starts = append(starts, utf8.RuneCountInString(line)-utf8.RuneCountInString(title))
		}
		if len(starts) < 10 {
			t.Fatalf("%s: %d item lines in:\n%s", lang, len(starts), out)
		}
		for _, s := range starts[1:] {
			if s != starts[0] {
				t.Fatalf("%s: titles start at columns %v:\n%s", lang, starts, out)
			}
		}
		if starts[0] > 36 {
			t.Errorf("%s: titles start at column %d, past the short columns' widths:\n%s", lang, starts[0], out)
		}
		want := i18n.T(lang, "msg.lines_voted", 0, 37)
		if strings.TrimSpace(progress) != want || utf8.RuneCountInString(progress)-utf8.RuneCountInString(want) != starts[0] {
			t.Errorf("%s: the budget's progress %q, want %q under its title (column %d):\n%s", lang, progress, want, starts[0], out)
		}
	}
}
