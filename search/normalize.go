// Package search holds the text analysis behind jalsa's decision lookup
// (SPEC §8): normalisation, tokenisation, the terms a word is indexed
// under, stopwords, the thesaurus and place gazetteer, typo distances and
// query parsing, for Arabic, French and English. It is pure: callers own
// the index and the storage, this package only decides which keys a text
// and a query produce, so that indexing and querying can never drift apart.
package search

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// Normalize maps s to the folded key space: Surface, then every letter
// folded (Fold). Stored text keeps its original form; Normalize is for
// comparisons where only the letters matter, such as finding a member by
// name.
func Normalize(s string) string { return Fold(Surface(s)) }

// Surface removes from s what a reader does not see or does not read as a
// different word, and keeps every letter a reader would: the form the exact
// terms of the index are made of.
//
// Clerks type the same word many ways: with or without harakat, with a
// stretched tatweel for layout, with bidi marks pasted from Word or a PDF,
// with Arabic-Indic or ASCII digits, in capitals. None of that is a
// different word, so all of it goes here. Alef shapes, hamza carriers, teh
// marbuta, alef maksura and French accents are kept: إفران (Ifrane) and
// أفران (kilns) differ only there, and an exact match must be able to tell
// them apart. Fold removes them.
//
// Beyond the SPEC list, every Unicode format character (Cf) is dropped,
// because soft hyphens, BOMs and the Arabic letter mark are as invisible as
// the named bidi controls; U+200B becomes a space because it separates
// words. Farsi yeh (ی) and keheh (ک) become ي and ك because Persian
// keyboard layouts produce them for Arabic text.
func Surface(s string) string {
	out := surface(norm.NFKC.String(s))
	// Dropping marks can bring two characters together that NFKC composes
	// (Hangul jamo, Indic vowel signs), so repeat until stable; this keeps
	// Surface idempotent, which the index relies on. Two rounds suffice in
	// practice; the bound is only a guard.
	for i := 0; i < 3 && !norm.NFKC.IsNormalString(out); i++ {
		out = surface(norm.NFKC.String(out))
	}
	return out
}

// surface applies the per-character removals after NFKC has already turned
// presentation forms and compatibility characters into ordinary ones.
func surface(s string) string {
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
		case r == 'ی':
			r = 'ي'
		case r == 'ک':
			r = 'ك'
		}
		if unicode.Is(unicode.Mn, r) {
			// Quranic annotation marks, and accents that NFKC could not
			// compose onto a base.
			continue
		}
		b.WriteRune(unicode.ToLower(r))
	}
	return b.String()
}

// Fold maps a surface form to the letters that matter for matching: the
// four alef shapes to ا, ى to ي, ة to ه, the hamza carriers ؤ and ئ to ء
// (مسئول and مسؤول are one word spelt two ways), Latin letters without
// their accents (règlement, reglement) and the ligatures œ, æ, ß spelt out.
// Hamzaless spellings (موسسة for مؤسسة) are met by Skeleton.
func Fold(s string) string {
	if isFolded(s) {
		return s
	}
	var b strings.Builder
	b.Grow(len(s))
	for _, r := range s {
		if r < utf8.RuneSelf {
			b.WriteByte(byte(r))
			continue
		}
		switch r {
		case 'آ', 'أ', 'إ', 'ٱ':
			b.WriteRune('ا')
			continue
		case 'ى':
			b.WriteRune('ي')
			continue
		case 'ة':
			b.WriteRune('ه')
			continue
		case 'ؤ', 'ئ':
			b.WriteRune('ء')
			continue
		}
		if unicode.Is(unicode.Arabic, r) {
			b.WriteRune(r)
			continue
		}
		d := norm.NFD.PropertiesString(string(r)).Decomposition()
		if d == nil {
			writeLetter(&b, r)
			continue
		}
		// Accent folding: keep the base letters, drop the combining marks.
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

// isFolded tells whether Fold would leave s alone, the usual case, which
// then costs no allocation.
func isFolded(s string) bool {
	for _, r := range s {
		switch {
		case r < utf8.RuneSelf:
		case r == 'آ', r == 'أ', r == 'إ', r == 'ٱ', r == 'ى', r == 'ة', r == 'ؤ', r == 'ئ':
			return false
		case unicode.Is(unicode.Arabic, r):
		default:
			return false
		}
	}
	return true
}

// Skeleton is a surface word without its hamzas, folded: ؤ and ئ become
// the bare letters that carry them and a bare ء goes, so that مؤسسة meets
// the hamzaless موسسة clerks often type. It is "" for a word without a
// hamza on a carrier or on the line; such a word has no other spelling.
func Skeleton(surface string) string {
	if !strings.ContainsAny(surface, "ؤئء") {
		return ""
	}
	return Fold(unhamza.Replace(surface))
}

var unhamza = strings.NewReplacer("ؤ", "و", "ئ", "ي", "ء", "")

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

// Tokens splits s into surface words (Surface).
//
// It normalizes before splitting, not after, because harakat and bidi
// controls are not letters: splitting first would cut المُصادَقة at each
// mark. A word also ends where the text switches between digits, Arabic
// letters and other letters, so that ٢٠٢٤م, n°12 or بالCNSS still yield the
// number or the acronym as a word of its own; hyphenated references such as
// 2024-10 yield 2024 and 10.
func Tokens(s string) []string {
	s = Surface(s)
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
