package bidi

import (
	"reflect"
	"sync"
	"unicode/utf8"

	gtbidi "github.com/go-text/typesetting/bidi"
	"github.com/rivo/uniseg"
	xbidi "golang.org/x/text/unicode/bidi"
)

// needsBidi reports whether s may need reordering: whether it contains a
// rune ≥ U+0590 other than the neutral punctuation U+2010–U+2027 (dashes,
// curly quotes, bullet, "…"), which is common in Latin text and in cut cells.
// Lead bytes ≥ 0xD6 start runes ≥ U+0580 (a little early, which is harmless);
// invalid bytes ≥ 0xD6 also answer true and take the slow path. Every R, AL
// and AN character and every explicit formatting character is ≥ U+0590
// (Hebrew starts at U+0591; unassigned U+0590 defaults to R), so text below
// it is all at level 0.
func needsBidi(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= 0xD6 {
			r, n := utf8.DecodeRuneInString(s[i:])
			if 0x2010 <= r && r <= 0x2027 {
				i += n - 1
				continue
			}
			return true
		}
	}
	return false
}

// Visual converts one line of logical text to visual order for a terminal
// that draws cells left to right and does no bidi of its own, with each
// paragraph's direction taken from its first strong character (rules
// P2–P3). See [VisualIn].
func Visual(s string) string { return visual(s, gtbidi.Neutral) }

// VisualIn converts one line of logical text to visual order, laid out in
// the given base direction (right to left when rtl) rather than the one
// its first strong character suggests: a line wrapped out of an Arabic
// paragraph stays right to left even when it starts with a Latin word.
//
// It runs UAX #9 with go-text/typesetting/bidi, then rule L2 itself: every
// maximal sequence of characters at level ≥ k is reversed, for k from the
// highest level down to the lowest odd level. Digits and Latin words inside
// Arabic end up at an even level and are reversed twice, so they keep their
// order. Reversal works on grapheme clusters, so harakat and other
// combining marks stay after their base letter (rule L3). Mirrored brackets
// and signs at an odd level are replaced by their mirror glyph (rule L4).
// Explicit bidi formatting characters (LRM, RLM, ALM, LRE…PDF, LRI…PDI) have
// done their work and are dropped. Paragraph separators (newline, CR,
// U+2029, …) are kept and each paragraph is reordered on its own.
//
// Left-to-right text with no rune ≥ U+0590 (punctuation such as "…" and
// curly quotes aside) is returned unchanged without allocating.
// VisualIn is for display only: never store or export its result.
func VisualIn(s string, rtl bool) string {
	if rtl {
		return visual(s, gtbidi.RightToLeft)
	}
	return visual(s, gtbidi.LeftToRight)
}

func visual(s string, dir gtbidi.Direction) string {
	if dir != gtbidi.RightToLeft && !needsBidi(s) {
		return s
	}
	sc := scratchPool.Get().(*scratch)
	defer scratchPool.Put(sc)
	sc.out = sc.out[:0]
	start := 0
	for i, r := range s {
		if isParagraphSeparator(r) {
			sc.paragraph(s[start:i], dir)
			sc.out = append(sc.out, s[i:i+utf8.RuneLen(r)]...)
			start = i + utf8.RuneLen(r)
		}
	}
	sc.paragraph(s[start:], dir)
	return string(sc.out)
}

// IsRTL reports whether the paragraph direction of s is right to left, that
// is whether its first strong character (rules P2–P3, skipping isolates) is
// R or AL. Text with no strong character is LTR. Only the first paragraph of
// s is considered.
func IsRTL(s string) bool {
	depth := 0 // isolate nesting
	for _, r := range s {
		if r < 0x80 {
			switch {
			case 'a' <= r && r <= 'z', 'A' <= r && r <= 'Z':
				if depth == 0 {
					return false
				}
			case isParagraphSeparator(r):
				return false
			}
			continue
		}
		p, _ := xbidi.LookupRune(r)
		switch p.Class() {
		case xbidi.L:
			if depth == 0 {
				return false
			}
		case xbidi.R, xbidi.AL:
			if depth == 0 {
				return true
			}
		case xbidi.LRI, xbidi.RLI, xbidi.FSI:
			depth++
		case xbidi.PDI:
			if depth > 0 {
				depth--
			}
		case xbidi.B:
			return false
		}
	}
	return false
}

// isParagraphSeparator reports bidi class B: go-text's Paragraph stops at
// the first one and silently drops the rest of the text, so Visual splits on
// them first.
func isParagraphSeparator(r rune) bool {
	switch r {
	case '\n', '\r', 0x1C, 0x1D, 0x1E, 0x85, 0x2029:
		return true
	}
	return false
}

// isBidiFormat reports the explicit directional formatting characters.
func isBidiFormat(r rune) bool {
	switch {
	case r == 0x061C, r == 0x200E, r == 0x200F: // ALM, LRM, RLM
		return true
	case 0x202A <= r && r <= 0x202E: // LRE, RLE, PDF, LRO, RLO
		return true
	case 0x2066 <= r && r <= 0x2069: // LRI, RLI, FSI, PDI
		return true
	}
	return false
}

// mirror returns the mirror glyph of a paired or mirrored bracket-like
// character (Bidi_Mirroring_Glyph for the ones that occur in agenda text).
func mirror(r rune) (rune, bool) {
	switch r {
	case '(':
		return ')', true
	case ')':
		return '(', true
	case '[':
		return ']', true
	case ']':
		return '[', true
	case '{':
		return '}', true
	case '}':
		return '{', true
	case '<':
		return '>', true
	case '>':
		return '<', true
	case '«':
		return '»', true
	case '»':
		return '«', true
	case '‹':
		return '›', true
	case '›':
		return '‹', true
	case '≤':
		return '≥', true
	case '≥':
		return '≤', true
	case '⁅':
		return '⁆', true
	case '⁆':
		return '⁅', true
	case '⁽':
		return '⁾', true
	case '⁾':
		return '⁽', true
	case '₍':
		return '₎', true
	case '₎':
		return '₍', true
	case '⌈':
		return '⌉', true
	case '⌉':
		return '⌈', true
	case '⌊':
		return '⌋', true
	case '⌋':
		return '⌊', true
	case '⟨':
		return '⟩', true
	case '⟩':
		return '⟨', true
	case '〈':
		return '〉', true
	case '〉':
		return '〈', true
	}
	return r, false
}

// cluster is one grapheme cluster of a paragraph: bytes p[start:end] at one
// embedding level (the level of its first rune).
type cluster struct {
	start, end int
	level      gtbidi.Level
}

// scratch holds the buffers of one Visual call; pooled so that Cell does not
// allocate them per cell.
type scratch struct {
	para     gtbidi.Paragraph
	runes    []rune
	levels   []gtbidi.Level
	clusters []cluster
	out      []byte
}

var scratchPool = sync.Pool{New: func() any { return new(scratch) }}

// paragraph appends the visual form of one paragraph (no class B inside),
// in base direction dir, to sc.out.
func (sc *scratch) paragraph(p string, dir gtbidi.Direction) {
	if p == "" || dir != gtbidi.RightToLeft && !needsBidi(p) {
		sc.out = append(sc.out, p...)
		return
	}
	sc.runes = sc.runes[:0]
	for _, r := range p {
		sc.runes = append(sc.runes, r)
	}
	// Segment, not SegmentString: Run.Start/End are indices into the rune
	// slice even for SegmentString, whatever its doc suggests.
	runs := sc.para.Segment(sc.runes, dir)
	levels := sc.runeLevels(&runs, len(sc.runes))

	// Grapheme clusters with the level of their first rune. Combining marks
	// get their base's level anyway (rule W1).
	sc.clusters = sc.clusters[:0]
	var (
		lo, hi   = gtbidi.Level(127), gtbidi.Level(0)
		state    = -1
		rest     = p
		off, idx int
		c        string
	)
	ascii := len(sc.runes) == len(p) // every byte a character, and a cluster
	for rest != "" {
		if ascii {
			c, rest = rest[:1], rest[1:]
		} else {
			c, rest, _, state = uniseg.FirstGraphemeClusterInString(rest, state)
		}
		var lvl gtbidi.Level
		if idx < len(levels) {
			lvl = levels[idx]
		}
		sc.clusters = append(sc.clusters, cluster{off, off + len(c), lvl})
		lo, hi = min(lo, lvl), max(hi, lvl)
		off += len(c)
		idx += utf8.RuneCountInString(c)
	}

	// Rule L2: from the highest level down to the lowest odd level, reverse
	// every maximal sequence of clusters at that level or higher.
	cs := sc.clusters
	for k := hi; k >= lo|1; k-- {
		for i := 0; i < len(cs); {
			if cs[i].level < k {
				i++
				continue
			}
			j := i + 1
			for j < len(cs) && cs[j].level >= k {
				j++
			}
			for a, b := i, j-1; a < b; a, b = a+1, b-1 {
				cs[a], cs[b] = cs[b], cs[a]
			}
			i = j
		}
	}

	for _, cl := range cs {
		text := p[cl.start:cl.end]
		r, n := utf8.DecodeRuneInString(text)
		if isBidiFormat(r) && n == len(text) {
			continue
		}
		if cl.level%2 == 1 { // rule L4
			if m, ok := mirror(r); ok {
				sc.out = utf8.AppendRune(sc.out, m)
				text = text[n:]
			}
		}
		sc.out = append(sc.out, text...)
	}
}

// runsLevelsField locates the unexported per-character level slice of
// gtbidi.Runs. Workaround: go-text/typesetting v0.3.5 splits runs on
// direction (level parity) changes only, and Run(i).Level is the level of the
// run's first character. In "Session عادية 2024 report" the digits (level 2)
// and " report" (level 0) therefore come back as one run at level 2, and L2
// on run levels would reverse "2024 report". The exact levels are computed by
// the library but not exported; they are read here with reflect (read-only,
// no unsafe). If a future version renames the field, runeLevels falls back to
// run levels and TestLibraryLevelsReachable fails.
var runsLevelsField = func() []int {
	f, ok := reflect.TypeFor[gtbidi.Runs]().FieldByName("levels")
	if !ok || f.Type != reflect.TypeFor[[]gtbidi.Level]() {
		return nil
	}
	return f.Index
}()

// runeLevels returns the embedding level of each of the n runes.
func (sc *scratch) runeLevels(runs *gtbidi.Runs, n int) []gtbidi.Level {
	lv := sc.levels[:0]
	if runsLevelsField != nil {
		v := reflect.ValueOf(runs).Elem().FieldByIndex(runsLevelsField)
		if v.Len() == n {
			for i := range n {
				lv = append(lv, gtbidi.Level(v.Index(i).Int()))
			}
			sc.levels = lv
			return lv
		}
	}
	for i := range runs.NumRuns() {
		r := runs.Run(i)
		for range r.End - r.Start {
			lv = append(lv, r.Level)
		}
	}
	for len(lv) < n { // never expected; keep indexing safe
		lv = append(lv, 0)
	}
	sc.levels = lv
	return lv
}
