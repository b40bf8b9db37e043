package bidi

import "unicode"

// Shape replaces Arabic letters with their contextual presentation forms
// (isolated, final, initial, medial; U+FExx, U+FBxx) for terminals that draw
// each code point on its own and do not join letters (xterm, Alacritty,
// Windows Terminal…). VTE and mlterm shape by themselves: do not use it
// there.
//
// It is for the screen only. Presentation forms are compatibility
// characters: never store, search, export or copy them into files (NFKC
// folds them back). Shape works on logical order; call it before Visual or
// Cell: Cell(Shape(s), w, m).
//
// No lam-alef ligature is formed, so one letter stays one cell and widths do
// not change; harakat and other marks are kept and are transparent to
// joining. The joining table covers the basic Arabic letters U+0621–U+064A,
// tatweel, ZWJ/ZWNJ and a few letters used for Moroccan and Persian names
// (پ چ ژ ڤ ک ڭ گ ی); other letters are left as they are and break joining.
func Shape(s string) string {
	has := false
	for _, r := range s {
		if 0x0621 <= r && r <= 0x064A {
			has = true
			break
		}
	}
	if !has {
		return s
	}
	rs := []rune(s)
	out := make([]rune, len(rs))
	copy(out, rs)
	for i, r := range rs {
		l, ok := arabicLetter(r)
		if !ok || l.iso == 0 {
			continue
		}
		joinPrev := false
		if l.jt == jtD || l.jt == jtR {
			joinPrev = joinsForward(neighbour(rs, i, -1))
		}
		joinNext := false
		if l.jt == jtD {
			joinNext = joinsBackward(neighbour(rs, i, +1))
		}
		switch {
		case joinPrev && joinNext && l.med != 0:
			out[i] = l.med
		case joinPrev && l.fin != 0:
			out[i] = l.fin
		case joinNext && l.ini != 0:
			out[i] = l.ini
		default:
			out[i] = l.iso
		}
	}
	return string(out)
}

// Joining types (Unicode ArabicShaping.txt).
type joiningType uint8

const (
	jtU joiningType = iota // non-joining
	jtR                    // right-joining: joins the preceding letter only
	jtD                    // dual-joining
	jtC                    // join-causing (tatweel, ZWJ)
	jtT                    // transparent (marks)
)

// letter is the joining type and presentation forms of one letter; a zero
// form does not exist.
type letter struct {
	jt                 joiningType
	iso, fin, ini, med rune
}

// dual and right build table entries from the isolated form: in the FExx
// and FBxx blocks the forms follow it in the order isolated, final, initial,
// medial.
func dual(iso rune) letter  { return letter{jtD, iso, iso + 1, iso + 2, iso + 3} }
func right(iso rune) letter { return letter{jt: jtR, iso: iso, fin: iso + 1} }

// basicLetters covers U+0621–U+064A, indexed by r-0x0621.
var basicLetters = [0x064A - 0x0621 + 1]letter{
	0:               {jt: jtU, iso: 0xFE80}, // ء hamza (0x0621 - 0x0621)
	0x0622 - 0x0621: right(0xFE81),          // آ
	0x0623 - 0x0621: right(0xFE83),          // أ
	0x0624 - 0x0621: right(0xFE85),          // ؤ
	0x0625 - 0x0621: right(0xFE87),          // إ
	0x0626 - 0x0621: dual(0xFE89),           // ئ
	0x0627 - 0x0621: right(0xFE8D),          // ا
	0x0628 - 0x0621: dual(0xFE8F),           // ب
	0x0629 - 0x0621: right(0xFE93),          // ة
	0x062A - 0x0621: dual(0xFE95),           // ت
	0x062B - 0x0621: dual(0xFE99),           // ث
	0x062C - 0x0621: dual(0xFE9D),           // ج
	0x062D - 0x0621: dual(0xFEA1),           // ح
	0x062E - 0x0621: dual(0xFEA5),           // خ
	0x062F - 0x0621: right(0xFEA9),          // د
	0x0630 - 0x0621: right(0xFEAB),          // ذ
	0x0631 - 0x0621: right(0xFEAD),          // ر
	0x0632 - 0x0621: right(0xFEAF),          // ز
	0x0633 - 0x0621: dual(0xFEB1),           // س
	0x0634 - 0x0621: dual(0xFEB5),           // ش
	0x0635 - 0x0621: dual(0xFEB9),           // ص
	0x0636 - 0x0621: dual(0xFEBD),           // ض
	0x0637 - 0x0621: dual(0xFEC1),           // ط
	0x0638 - 0x0621: dual(0xFEC5),           // ظ
	0x0639 - 0x0621: dual(0xFEC9),           // ع
	0x063A - 0x0621: dual(0xFECD),           // غ
	0x063B - 0x0621: {jt: jtD},              // keheh with two dots above: no forms
	0x063C - 0x0621: {jt: jtD},              // keheh with three dots below
	0x063D - 0x0621: {jt: jtD},              // farsi yeh with inverted v
	0x063E - 0x0621: {jt: jtD},              // farsi yeh with two dots above
	0x063F - 0x0621: {jt: jtD},              // farsi yeh with three dots above
	0x0640 - 0x0621: {jt: jtC},              // ـ tatweel
	0x0641 - 0x0621: dual(0xFED1),           // ف
	0x0642 - 0x0621: dual(0xFED5),           // ق
	0x0643 - 0x0621: dual(0xFED9),           // ك
	0x0644 - 0x0621: dual(0xFEDD),           // ل
	0x0645 - 0x0621: dual(0xFEE1),           // م
	0x0646 - 0x0621: dual(0xFEE5),           // ن
	0x0647 - 0x0621: dual(0xFEE9),           // ه
	0x0648 - 0x0621: right(0xFEED),          // و
	// ى alef maksura is dual-joining; its initial and medial forms live in
	// the FBxx block.
	0x0649 - 0x0621: {jt: jtD, iso: 0xFEEF, fin: 0xFEF0, ini: 0xFBE8, med: 0xFBE9},
	0x064A - 0x0621: dual(0xFEF1), // ي
}

// extraLetters are letters outside U+0621–U+064A seen in Moroccan and
// Persian names.
var extraLetters = map[rune]letter{
	0x067E: dual(0xFB56),  // پ peh
	0x0686: dual(0xFB7A),  // چ tcheh
	0x0698: right(0xFB8A), // ژ jeh
	0x06A4: dual(0xFB6A),  // ڤ veh
	0x06A9: dual(0xFB8E),  // ک keheh
	0x06AD: dual(0xFBD3),  // ڭ ng
	0x06AF: dual(0xFB92),  // گ gaf
	0x06CC: dual(0xFBFC),  // ی farsi yeh
}

// arabicLetter returns the table entry for r.
func arabicLetter(r rune) (letter, bool) {
	if 0x0621 <= r && r <= 0x064A {
		return basicLetters[r-0x0621], true
	}
	l, ok := extraLetters[r]
	return l, ok
}

// joiningTypeOf returns the joining type of any rune: table letters, ZWJ
// (join-causing), ZWNJ (non-joining), marks and format characters
// (transparent, per ArabicShaping.txt), everything else non-joining.
func joiningTypeOf(r rune) joiningType {
	if l, ok := arabicLetter(r); ok {
		return l.jt
	}
	switch r {
	case 0x200D:
		return jtC
	case 0x200C:
		return jtU
	}
	if unicode.In(r, unicode.Mn, unicode.Me, unicode.Cf) {
		return jtT
	}
	return jtU
}

// neighbour returns the joining type of the nearest non-transparent rune
// before (dir -1) or after (dir +1) rs[i], or jtU at the text's edge.
func neighbour(rs []rune, i, dir int) joiningType {
	for j := i + dir; 0 <= j && j < len(rs); j += dir {
		if t := joiningTypeOf(rs[j]); t != jtT {
			return t
		}
	}
	return jtU
}

// joinsForward: a preceding character of type t joins the next letter.
func joinsForward(t joiningType) bool { return t == jtD || t == jtC }

// joinsBackward: a following character of type t joins the previous letter.
func joinsBackward(t joiningType) bool { return t == jtD || t == jtR || t == jtC }
