package search

import (
	"strings"
	"testing"

	"pgregory.net/rapid"
)

// clerkText draws text as clerks produce it: Arabic with every alef,
// hamza and teh shape, harakat and tatweel, Latin with accents, both
// kinds of digits, punctuation, bidi marks, and words of any length up to
// one of 40,000 letters, now and then.
func clerkText() *rapid.Generator[string] {
	letters := []rune("ابتثجحخدذرسشصضطظعغفقكلمنهويىةأإآؤئءٱ" + "abcdeéèêçàôœxyz" + "0123456789٠١٢٣٤٥٦٧٨٩")
	marks := []rune("\u064B\u064E\u064F\u0650\u0651\u0652\u0640\u200F\u200E\u202B\u202C")
	word := rapid.Custom(func(t *rapid.T) string {
		n := rapid.IntRange(1, 12).Draw(t, "len")
		if rapid.IntRange(0, 200).Draw(t, "long") == 0 {
			n = rapid.IntRange(100, 40000).Draw(t, "longlen")
		}
		var b strings.Builder
		for range n {
			b.WriteRune(rapid.SampledFrom(letters).Draw(t, "letter"))
			if rapid.IntRange(0, 6).Draw(t, "mark?") == 0 {
				b.WriteRune(rapid.SampledFrom(marks).Draw(t, "mark"))
			}
		}
		return b.String()
	})
	return rapid.Custom(func(t *rapid.T) string {
		ws := rapid.SliceOfN(word, 1, 12).Draw(t, "words")
		seps := []string{" ", "، ", ", ", "«", "» ", " - ", "\n", "/"}
		var b strings.Builder
		for i, w := range ws {
			if i > 0 {
				b.WriteString(rapid.SampledFrom(seps).Draw(t, "sep"))
			}
			b.WriteString(w)
		}
		return b.String()
	})
}

// TestEveryWordFindsItsText: whatever the text, each of its words that is
// not a stopword, typed as a query, finds the text as written, and every
// key it is indexed under stays within bbolt's reach.
func TestEveryWordFindsItsText(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		text := clerkText().Draw(t, "text")
		idx := map[Term]bool{}
		for _, tm := range Analyze(text) {
			if len(tm.Key()) > MaxTermBytes+1 {
				t.Fatalf("a key of %d bytes", len(tm.Key()))
			}
			idx[tm] = true
		}
		toks := Tokens(text)
		for _, tok := range toks {
			if IsStopword(tok) {
				continue
			}
			if l := levelIn(idx, toks, tok); l < LevelExact {
				t.Fatalf("%q does not find %q exactly (level %d)", tok, text, l)
			}
			// Folded, it still finds it, unless folding made it a function
			// word (ٱى is أي).
			if l := levelIn(idx, toks, Fold(tok)); l <= 0 && !IsStopword(Fold(tok)) {
				t.Fatalf("%q folded (%q) does not find %q", tok, Fold(tok), text)
			}
		}
	})
}
