package report

import (
	"regexp"
	"strings"
	"sync"
	"unicode/utf8"

	"github.com/jalsa-app/jalsa/i18n"
	"golang.org/x/text/unicode/bidi"
)

// The minutes keep every number left to right as one piece (i18n.NumberRuns):
// in Arabic text a browser, a PDF printer, a word processor or a Markdown
// viewer would draw "2024-10-28" as "28-10-2024" and "1 234 567,89" as
// "567,89 234 1". Each writer's one text function lays its text out through
// pieces, so every sentence is covered, whoever wrote it: the wording, the
// clerk's notes, the amounts. Text is isolated throughout in right-to-left
// context; in left-to-right context, only text that holds right-to-left
// letters. And text a user typed, which the words set apart between FSI and
// PDI, takes the direction the screen gives it (i18n.ParagraphRTL), not the
// first letter's: a note that begins «Fès-Meknès، أن الكلفة…» is Arabic.

// pieceKind is what a piece of text is to a writer.
type pieceKind int

const (
	plainPiece  pieceKind = iota
	numberPiece           // kept left to right as one piece
	openPiece             // starts an isolate of direction rtl
	closePiece            // ends the innermost isolate
)

// piece is a stretch of text as the writers lay it out.
type piece struct {
	kind pieceKind
	text string
	rtl  bool
}

// pieces cuts s, written in a context of direction rtl, into plain text,
// numbers to keep left to right, and the isolates of the words' FSI…PDI
// with the direction their text reads in. Numbers are kept left to right
// in right-to-left context, and in text with right-to-left letters of its
// own (not only inside an isolate, which sets those apart already). Every
// isolate opened is closed.
func pieces(s string, rtl bool) []piece {
	type level struct{ rtl, numbers bool }
	levels := []level{{rtl, rtl || i18n.HasRTL(own(s))}}
	var out []piece
	for s != "" {
		i := strings.IndexAny(s, string(fsi)+string(pdi))
		if i < 0 {
			i = len(s)
		}
		top := levels[len(levels)-1]
		out = appendNumbers(out, s[:i], top.numbers)
		if i == len(s) {
			break
		}
		r, n := utf8.DecodeRuneInString(s[i:])
		s = s[i+n:]
		switch {
		case r == fsi:
			inner := isolated(s)
			dir := i18n.ParagraphRTL(inner, top.rtl)
			levels = append(levels, level{dir, dir || i18n.HasRTL(own(inner))})
			out = append(out, piece{kind: openPiece, rtl: dir})
		case len(levels) > 1:
			levels = levels[:len(levels)-1]
			out = append(out, piece{kind: closePiece})
		}
	}
	for range levels[1:] {
		out = append(out, piece{kind: closePiece})
	}
	return out
}

// isolated is the text of an isolate that starts s, up to its PDI.
func isolated(s string) string {
	depth := 0
	for i, r := range s {
		switch r {
		case fsi:
			depth++
		case pdi:
			if depth == 0 {
				return s[:i]
			}
			depth--
		}
	}
	return s
}

// own is the text of s outside the isolates in it.
func own(s string) string {
	if !strings.ContainsRune(s, fsi) {
		return s
	}
	var b strings.Builder
	depth := 0
	for _, r := range s {
		switch {
		case r == fsi:
			depth++
		case r == pdi:
			depth = max(depth-1, 0)
		case depth == 0:
			b.WriteRune(r)
		}
	}
	return b.String()
}

// appendNumbers appends s as plain text and, when numbers is set, the
// number runs in it as number pieces.
func appendNumbers(out []piece, s string, numbers bool) []piece {
	last := 0
	if numbers {
		for _, r := range i18n.NumberRuns(s) {
			if r.Start > last {
				out = append(out, piece{text: s[last:r.Start]})
			}
			out = append(out, piece{kind: numberPiece, text: s[r.Start:r.End]})
			last = r.End
		}
	}
	if last < len(s) {
		out = append(out, piece{text: s[last:]})
	}
	return out
}

// mdStructure is what starts a Markdown line and must stay first on it:
// heading marks, list bullets and numbers, quote marks.
// Compiled on first use: most runs write no document.
var mdStructure = sync.OnceValue(func() *regexp.Regexp {
	return regexp.MustCompile(`^\s*(?:(?:#{1,6}|[-*+>]|\d{1,9}[.)])\s+)*`)
})

// markLine starts a Markdown line (not a table row) with an RLM (or LRM)
// when its first letter would give it the wrong direction in a viewer that
// goes by the first strong character: a note that begins «Fès-Meknès، أن
// الكلفة…» is Arabic (i18n.ParagraphRTL).
func markLine(l string, rtl bool) string {
	head := mdStructure().FindString(l)
	text := l[len(head):]
	first, ok := firstStrongRTL(text)
	if !ok || strings.HasPrefix(text, "|") || i18n.ParagraphRTL(text, rtl) == first {
		return l
	}
	if first {
		return head + "\u200e" + text // LRM
	}
	return head + "\u200f" + text // RLM
}

// firstStrongRTL reports whether the first strong letter of s is right to
// left (UAX #9 rule P2, which is what dir="auto" and most viewers apply),
// and whether s has one.
func firstStrongRTL(s string) (rtl, ok bool) {
	for _, r := range s {
		switch p, _ := bidi.LookupRune(r); p.Class() {
		case bidi.R, bidi.AL:
			return true, true
		case bidi.L:
			return false, true
		}
	}
	return false, false
}
