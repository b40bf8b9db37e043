package bidi

import (
	"strings"
	"unicode/utf8"

	"github.com/charmbracelet/x/ansi"
	"github.com/jalsa-app/jalsa/i18n"
	"github.com/rivo/uniseg"
)

// Ellipsis marks text cut by [Cell]. It is one cell wide.
const Ellipsis = "…"

// Cell is [CellDir] with the direction of the cell's first strong
// character ([IsRTL]).
func Cell(s string, width int, mode Mode) string {
	return CellDir(s, width, mode, IsRTL(Sanitize(s)))
}

// CellDir is the one function every TUI text cell goes through. It
//
//  1. neutralises control and escape characters ([Sanitize]);
//  2. if width > 0, truncates the logical text to width display cells,
//     ending with "…" when something was cut (grapheme clusters are never
//     split; harakat are zero width, East Asian wide characters two), and
//     never inside a number or an isolate: "لشهر يونيو 2024" cut short
//     loses all of 2024, not its last digits;
//  3. in [ModeApp] (or an unresolved [ModeAuto]) converts to visual order
//     with [VisualIn] in the given base direction, and right-aligns RTL
//     text (padding on the left), left-aligns LTR text;
//  4. in [ModeTerminal] keeps logical order for the terminal to reorder,
//     but inside an isolate of the cell's direction (RLI or LRI … PDI),
//     aligned the same way: a terminal that reorders whole screen lines
//     then reorders each cell's text within the cell, and a cell never
//     swaps places with its neighbours. (Left-to-right text with nothing
//     to reorder needs no isolate.)
//
// With width > 0 the result is exactly width cells wide as measured by
// ansi.StringWidth (what lipgloss uses; the isolate marks are zero width);
// with width 1 a cut cell is just "…". With width <= 0 nothing is truncated
// or padded.
//
// Truncation happens on logical text, before reordering, so an RTL title
// loses its logical end (drawn at its left) and not its beginning. To shape
// Arabic for terminals that do not join letters, pass Shape(s) as s.
func CellDir(s string, width int, mode Mode, rtl bool) string {
	s = Sanitize(s)
	w := 0
	if width > 0 {
		var cut bool
		s, w, cut = fit(s, width)
		if cut {
			s = closeIsolates(s) // the closers may have been cut off
		}
	}
	if mode == ModeTerminal {
		switch {
		case rtl:
			s = RLI + s + PDI
		case needsBidi(s):
			s = LRI + s + PDI
		}
	} else {
		s = VisualIn(s, rtl) // moves whole grapheme clusters: same width
	}
	pad := width - w
	if pad <= 0 {
		return s
	}
	if rtl {
		return strings.Repeat(" ", pad) + s
	}
	return s + strings.Repeat(" ", pad)
}

// Isolates, as written around a cell in terminal mode.
const (
	LRI = "\u2066"
	RLI = "\u2067"
	PDI = "\u2069"
)

// fit cuts s (already sanitized) to at most width cells (width > 0),
// appending Ellipsis if anything was removed; blanks before the ellipsis are
// dropped. It returns the result, its width as ansi.StringWidth counts it,
// and whether it cut.
func fit(s string, width int) (string, int, bool) {
	// Fast path: printable ASCII is one cell per byte.
	ascii := true
	for i := 0; i < len(s); i++ {
		if s[i] >= 0x80 {
			ascii = false
			break
		}
	}
	if ascii {
		if len(s) <= width {
			return s, len(s), false
		}
		kept := strings.TrimRight(s[:safeCut(s, width-1)], " ")
		return kept + Ellipsis, len(kept) + 1, true
	}

	var (
		total   int // width of s up to the current cluster
		keep    int // bytes of the clusters that fit before an ellipsis
		keepW   int // their width
		fitting = true
		rest    = s
	)
	for rest != "" {
		c, r, w, _ := uniseg.FirstGraphemeClusterInString(rest, -1)
		rest = r
		if c[0] < 0x80 && len(c) > 1 {
			// ansi.StringWidth counts a leading ASCII byte on its own and
			// measures the rest of the cluster separately; do the same.
			w = 1 + ansi.StringWidth(c[1:])
		}
		if fitting && total+w > width-1 {
			fitting = false
		}
		total += w
		if total > width {
			if k := safeCut(s, keep); k < keep {
				kept := strings.TrimRight(s[:k], " ")
				return kept + Ellipsis, ansi.StringWidth(kept) + 1, true
			}
			kept := strings.TrimRight(s[:keep], " ")
			return kept + Ellipsis, keepW - (keep - len(kept)) + 1, true
		}
		if fitting {
			keep += len(c)
			keepW += w
		}
	}
	return s, total, false
}

// safeCut moves a cut at byte i of s back to the start of the number
// ([i18n.NumberRuns]) or the explicit isolate that it would split.
func safeCut(s string, i int) int {
	for _, r := range i18n.NumberRuns(s) {
		if r.Start < i && i < r.End {
			i = r.Start
			break
		}
	}
	depth, start := 0, 0
	for j, r := range s[:i] {
		switch r {
		case 0x2066, 0x2067, 0x2068: // LRI RLI FSI
			if depth == 0 {
				start = j
			}
			depth++
		case 0x2069: // PDI
			depth = max(depth-1, 0)
		}
	}
	if depth > 0 {
		return start
	}
	return i
}

// Sanitize neutralises everything a terminal could act on, so that user data
// prints harmlessly and stays on one line: every C0 control (tab and newline
// included), DEL, every C1 control (U+0080–U+009F, e.g. U+009B CSI), U+2028
// and U+2029, and every byte that is not valid UTF-8 becomes U+FFFD. An
// escape sequence such as "\x1b[2J" thus prints as "\uFFFD[2J". Explicit
// embeddings and overrides (U+202A–U+202E) become U+FFFD too, and isolates
// left open are closed at the end (PDI) so that they cannot reorder the rest
// of the screen line in a terminal that does bidi. Text that needs none of
// this is returned unchanged.
func Sanitize(s string) string {
	for i := 0; i < len(s); {
		r, n := utf8.DecodeRuneInString(s[i:])
		if unsafeRune(r, n) {
			var b strings.Builder
			b.Grow(len(s) + 2)
			b.WriteString(s[:i])
			for i < len(s) {
				r, n = utf8.DecodeRuneInString(s[i:])
				if unsafeRune(r, n) {
					b.WriteRune(utf8.RuneError)
				} else {
					b.WriteString(s[i : i+n])
				}
				i += n
			}
			s = b.String()
			break
		}
		i += n
	}
	return closeIsolates(s)
}

// unsafeRune reports a decoded rune (of n bytes) that Sanitize replaces.
func unsafeRune(r rune, n int) bool {
	switch {
	case r < 0x20, r == 0x7F:
		return true
	case 0x80 <= r && r <= 0x9F:
		return true
	case r == 0x2028, r == 0x2029:
		return true
	case 0x202A <= r && r <= 0x202E:
		// Embeddings and overrides (LRE RLE PDF LRO RLO) are refused in
		// user text (SPEC §11); one that came in anyway (an old record, a
		// register) must not reverse what other operators read. jalsa's
		// own marks are isolates and are added after this.
		return true
	case r == utf8.RuneError && n == 1: // invalid byte
		return true
	}
	return false
}

// closeIsolates appends a PDI for every isolate that s opens and does not
// close. Embeddings and overrides never reach it: [Sanitize] has replaced
// them.
func closeIsolates(s string) string {
	open := 0
	for _, r := range s {
		switch r {
		case 0x2066, 0x2067, 0x2068: // LRI RLI FSI
			open++
		case 0x2069: // PDI
			open = max(open-1, 0)
		}
	}
	return s + strings.Repeat(PDI, open)
}

// Marks written around screen lines and pane borders in [ModeTerminal].
const (
	// LRM is the left-to-right mark, a strong left-to-right character of
	// no width.
	LRM = "\u200e"
	// LRE and PDF open and close a left-to-right embedding.
	LRE = "\u202a"
	PDF = "\u202c"
)

// Anchor makes every line of a frame a left-to-right embedding that begins
// and ends with an LRM, for [ModeTerminal]. A terminal that reorders each
// screen line gives the line a direction of its own: from its first strong
// character, or right to left whatever it holds in some settings. Inside a
// left-to-right embedding the line keeps jalsa's layout either way, and
// each cell's text, isolated by [CellDir], is reordered within the cell.
// Embeddings are older than isolates, so terminals that know no isolates
// honour them too. The LRMs give an auto-detecting terminal a left-to-right
// line, and keep the line's trailing blanks where they are (rule L1 would
// move blanks that end a line to its paragraph's side).
func Anchor(frame string) string {
	return LRE + LRM + strings.ReplaceAll(frame, "\n", LRM+PDF+"\n"+LRE+LRM) + LRM + PDF
}
