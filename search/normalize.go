// Package search holds the text analysis behind jalsa's decision lookup
// (SPEC §8): normalisation, tokenisation, light stemming and query parsing
// for Arabic, French and English. It is pure: callers own the index and the
// storage, this package only decides which keys a text and a query produce,
// so that indexing and querying can never drift apart.
package search

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// Normalize maps s to the search key space shared by index and query.
//
// Clerks type the same word many ways: with or without harakat, with a
// stretched tatweel for layout, with any of four alef shapes, with bidi
// marks pasted from Word or a PDF, with Arabic-Indic or ASCII digits, with
// or without French accents. None of that should change what a search
// finds, so all of it is folded away here. The output is never shown to a
// user; stored text keeps its original form.
//
// Beyond the SPEC list, every Unicode format character (Cf) is dropped
// rather than only the named bidi controls, because soft hyphens, BOMs and
// the Arabic letter mark are just as invisible and just as harmful to
// matching; U+200B becomes a space because it separates words. Farsi yeh
// (ی) and keheh (ک) fold to ي and ك because Persian keyboard layouts
// produce them for Arabic text. Hamza carriers ؤ and ئ are kept, as in
// Lucene, since folding them merges unrelated words.
func Normalize(s string) string {
	out := fold(norm.NFKC.String(s))
	// Dropping marks can bring two characters together that NFKC composes
	// (Hangul jamo, Indic vowel signs), so repeat until stable; this keeps
	// Normalize idempotent, which the index relies on. Two rounds suffice in
	// practice; the bound is only a guard.
	for i := 0; i < 3 && !norm.NFKC.IsNormalString(out); i++ {
		out = fold(norm.NFKC.String(out))
	}
	return out
}

// fold applies the per-character folds after NFKC has already turned
// presentation forms and compatibility characters into ordinary ones.
func fold(s string) string {
	var b strings.Builder
	b.Grow(len(s))
	for _, r := range s {
		if r < utf8.RuneSelf {
			if 'A' <= r && r <= 'Z' {
				r += 'a' - 'A'
			}
			b.WriteByte(byte(r))
			continue
		}
		switch {
		case r >= 0x064B && r <= 0x065F, r == 0x0670, r == 0x0640:
			// Harakat, superscript alef and tatweel: optional in writing.
			continue
		case r == 0x200B:
			b.WriteByte(' ')
			continue
		case unicode.Is(unicode.Cf, r):
			// Bidi controls, ZWJ/ZWNJ, ALM, soft hyphen, BOM, ...
			continue
		case r >= 0x0660 && r <= 0x0669:
			b.WriteByte(byte('0' + r - 0x0660))
			continue
		case r >= 0x06F0 && r <= 0x06F9:
			b.WriteByte(byte('0' + r - 0x06F0))
			continue
		}
		switch r {
		case 'آ', 'أ', 'إ', 'ٱ':
			b.WriteRune('ا')
			continue
		case 'ى', 'ی':
			b.WriteRune('ي')
			continue
		case 'ة':
			b.WriteRune('ه')
			continue
		case 'ک':
			b.WriteRune('ك')
			continue
		}
		if unicode.Is(unicode.Arabic, r) {
			if !unicode.Is(unicode.Mn, r) { // Quranic annotation marks
				b.WriteRune(r)
			}
			continue
		}
		if unicode.Is(unicode.Mn, r) {
			// Accents that NFKC could not compose onto a base.
			continue
		}
		r = unicode.ToLower(r)
		d := norm.NFD.PropertiesString(string(r)).Decomposition()
		if d == nil {
			writeLetter(&b, r)
			continue
		}
		// Accent folding: keep the base letters, drop the combining marks,
		// so règlement and reglement meet.
		for len(d) > 0 {
			c, n := utf8.DecodeRune(d)
			d = d[n:]
			if !unicode.Is(unicode.Mn, c) {
				writeLetter(&b, unicode.ToLower(c))
			}
		}
	}
	return b.String()
}

// writeLetter spells out the Latin ligatures that NFKC leaves alone,
// because French œuvre is routinely typed oeuvre.
func writeLetter(b *strings.Builder, r rune) {
	switch r {
	case 'œ':
		b.WriteString("oe")
	case 'æ':
		b.WriteString("ae")
	case 'ß':
		b.WriteString("ss")
	default:
		b.WriteRune(r)
	}
}

// Tokens splits s into normalized words.
//
// It normalizes before splitting, not after, because harakat and bidi
// controls are not letters: splitting first would cut المُصادَقة at each
// mark. A word also ends where the text switches between digits, Arabic
// letters and other letters, so that ٢٠٢٤م, n°12 or بالCNSS still yield the
// number or the acronym as a word of its own; hyphenated references such as
// 2024-10 yield 2024 and 10.
func Tokens(s string) []string {
	s = Normalize(s)
	var out []string
	start, cur := -1, classNone
	for i, r := range s {
		c := classOf(r)
		if c == classMark && start >= 0 {
			continue // marks stay with the word they belong to
		}
		if c == classMark {
			c = classOther
		}
		if c != cur {
			if start >= 0 {
				out = append(out, s[start:i])
			}
			start, cur = -1, c
			if c != classNone {
				start = i
			}
		}
	}
	if start >= 0 {
		out = append(out, s[start:])
	}
	return out
}

type charClass int

const (
	classNone charClass = iota
	classDigit
	classArabic
	classOther
	classMark
)

func classOf(r rune) charClass {
	switch {
	case '0' <= r && r <= '9':
		return classDigit
	case 'a' <= r && r <= 'z':
		return classOther
	case r < utf8.RuneSelf:
		return classNone
	case unicode.IsLetter(r):
		if unicode.Is(unicode.Arabic, r) {
			return classArabic
		}
		return classOther
	case unicode.IsNumber(r):
		return classDigit
	case unicode.IsMark(r):
		return classMark
	}
	return classNone
}
