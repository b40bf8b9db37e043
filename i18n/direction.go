package i18n

import (
	xbidi "golang.org/x/text/unicode/bidi"
)

// ParagraphRTL decides the base direction of a paragraph: the direction of
// its first strong letter (UAX #9 rule P2), or uiRTL (the direction of the
// UI's language) when it has no letter, or when it starts in the other
// direction but at least half of its words are written in the UI's. Every
// line the paragraph wraps into is laid out in that one direction.
//
// The first letter alone misreads what a chamber's record is full of: in
// an Arabic UI, a note that begins with a place name, «Fès-Meknès، أن
// الكلفة…», is Arabic. Words are counted once each, by their first strong
// letter; words inside explicit isolates do not count, since the writer has
// set their direction apart already.
func ParagraphRTL(s string, uiRTL bool) bool {
	var rtl, ltr int
	first := xbidi.ON // the first strong letter's class
	inWord, depth := false, 0
	for _, r := range s {
		var class xbidi.Class
		if r < 0x80 {
			class = asciiClass(r)
		} else {
			p, _ := xbidi.LookupRune(r)
			class = p.Class()
		}
		switch class {
		case xbidi.LRI, xbidi.RLI, xbidi.FSI:
			depth++
			inWord = false
		case xbidi.PDI:
			depth = max(depth-1, 0)
			inWord = false
		case xbidi.L, xbidi.R, xbidi.AL:
			if !inWord && depth == 0 {
				if first == xbidi.ON {
					first = class
				}
				if class == xbidi.L {
					ltr++
				} else {
					rtl++
				}
			}
			inWord = true
		case xbidi.NSM, xbidi.BN:
			// marks and joiners stay inside their word
		default:
			inWord = false
		}
	}
	if first == xbidi.ON {
		return uiRTL
	}
	own := ltr
	if uiRTL {
		own = rtl
	}
	if startsRTL := first != xbidi.L; startsRTL == uiRTL || own*2 >= rtl+ltr {
		return uiRTL
	}
	return !uiRTL
}

// asciiClass is the bidi class of an ASCII character that matters here:
// letters are L, everything else counts as a word break.
func asciiClass(r rune) xbidi.Class {
	if 'a' <= r && r <= 'z' || 'A' <= r && r <= 'Z' {
		return xbidi.L
	}
	return xbidi.ON
}
