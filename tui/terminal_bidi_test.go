package tui

import (
	"slices"
	"strings"
	"testing"

	"github.com/charmbracelet/x/ansi"
	"github.com/jalsa-app/jalsa/i18n"
	"github.com/jalsa-app/jalsa/internal/bidioracle"
	"github.com/jalsa-app/jalsa/tui/bidi"
	"github.com/rivo/uniseg"
)

// written is a terminal-mode frame without the marks jalsa adds for
// terminals that reorder lines (LRM, isolates): the text it wrote, in
// logical order.
func written(v string) string {
	return strings.NewReplacer(bidi.LRM, "", bidi.LRE, "", bidi.PDF, "", bidi.LRI, "", bidi.RLI, "", bidi.PDI, "").Replace(v)
}

// unmirror puts mirrored pairs on one side: a terminal draws a bracket in
// right-to-left text as its mirror image.
var unmirror = strings.NewReplacer("»", "«", ")", "(", "]", "[", "}", "{", ">", "<", "≥", "≤", "›", "‹")

// panes cuts a screen line at its box borders: the border columns and the
// text between them, sorted, since only which characters stand in a pane
// matters here, not their order or mirroring. The line is folded first
// (bidioracle.Fold), so that FriBidi's lam-alef ligatures count as the two
// letters they stand for.
func panes(line string) (cols []int, texts []string) {
	col := 0
	var cur []rune
	g := uniseg.NewGraphemes(unmirror.Replace(bidioracle.Fold(line)))
	for g.Next() {
		if g.Str() == "│" {
			cols = append(cols, col)
			slices.Sort(cur)
			texts = append(texts, string(cur))
			cur = nil
		} else {
			cur = append(cur, []rune(g.Str())...)
		}
		col += g.Width()
	}
	slices.Sort(cur)
	return cols, append(texts, string(cur))
}

// simulate shows frame v as a terminal that reorders each whole screen line
// itself (Konsole, mlterm, Terminal.app) would: GNU FriBidi over every line,
// in the paragraph direction the terminal picks. strip names marks to take
// out first, as a terminal that does not know them would ignore them.
func simulate(t *testing.T, v string, base bidioracle.Base, strip ...string) (logical, shown []string) {
	t.Helper()
	logical = strings.Split(ansi.Strip(v), "\n")
	in := make([]string, len(logical))
	for i, l := range logical {
		for _, s := range strip {
			l = strings.ReplaceAll(l, s, "")
		}
		in[i] = l
	}
	return logical, bidioracle.Visual(t, base, in...)
}

// misplaced lists the box lines whose borders moved or whose panes hold
// other characters once the terminal reordered them.
func misplaced(logical, shown []string) []int {
	var bad []int
	for i := range logical {
		wc, wt := panes(logical[i])
		if len(wc) < 2 {
			continue // not a box line
		}
		sc, st := panes(shown[i])
		if !slices.Equal(wc, sc) || !slices.Equal(wt, st) {
			bad = append(bad, i+1)
		}
	}
	return bad
}

// In --bidi terminal mode, a terminal that runs the bidi algorithm over
// each whole line (simulated with FriBidi, whatever direction it gives the
// line) keeps every pane's text in its pane: the cockpit's two boxes have
// Arabic on both sides of "││", which would otherwise merge into one
// right-to-left run and swap. Each Arabic title reads as FriBidi reads it
// alone, numbers left to right. A terminal that ignores isolates still
// keeps the panes apart, thanks to the marks at the borders; and the test
// can fail: without any mark, the panes swap.
func TestTerminalModeKeepsPanesInPlace(t *testing.T) {
	st := demoStore(t)
	arabicSession(t, st)
	for _, lang := range []string{"ar", "fr"} {
		m := newTestUI(t, st, Options{Lang: lang, Bidi: bidi.ModeTerminal, Session: "ar-1", Width: 160, Height: 50})
		v := view(t, m)
		for _, base := range []bidioracle.Base{bidioracle.Auto, bidioracle.RTL, bidioracle.LTR} {
			logical, shown := simulate(t, v, base)
			if bad := misplaced(logical, shown); len(bad) > 0 {
				t.Errorf("%s %s: panes changed on lines %v:\n%s", lang, base, bad, strings.Join(shown, "\n"))
			}
			screen := bidioracle.Fold(strings.Join(shown, "\n"))
			for _, title := range []string{agendaTitles[0], agendaTitles[3]} {
				want := bidioracle.Visual(t, bidioracle.RTL, i18n.IsolateNumbers(title, true))[0]
				if !strings.Contains(screen, bidioracle.Fold(want)) {
					t.Errorf("%s %s: the terminal does not show %q as %q:\n%s", lang, base, title, want, strings.Join(shown, "\n"))
				}
			}
		}
		logical, shown := simulate(t, v, bidioracle.RTL, bidi.LRI, bidi.RLI, bidi.PDI)
		if bad := misplaced(logical, shown); len(bad) > 0 {
			t.Errorf("%s, terminal without isolates: panes changed on lines %v", lang, bad)
		}
		logical, shown = simulate(t, v, bidioracle.RTL, bidi.LRI, bidi.RLI, bidi.PDI, bidi.LRM, bidi.LRE, bidi.PDF)
		if bad := misplaced(logical, shown); len(bad) == 0 {
			t.Errorf("%s: without any mark the panes still stay in place: the test proves nothing", lang)
		}
	}
}
