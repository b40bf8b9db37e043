package i18n

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// Isolate marks: a left-to-right isolate (LRI) and its end (PDI).
const (
	LRI = "\u2066"
	PDI = "\u2069"
)

// Span is a run of s[Start:End], in bytes.
type Span struct{ Start, End int }

// NumberRuns finds the runs of s that the Unicode bidi algorithm draws in the
// wrong order when they stand in right-to-left text, and that must therefore
// be kept left to right as one piece:
//
//   - numbers with their separators: dates (2024-10-28, 28/10/2024), times
//     (11:40, 11h40), references (2024-06/3, 2024-10/10/III.2), amounts
//     grouped by a no-break space (1 234 567,89) or by ordinary spaces when
//     the groups are thousands, decimals (42,5), ranges (2024–2025), sizes
//     (160×50), a leading sign and a trailing per cent sign (−12,5 %);
//   - telephone numbers in groups (+212 5 35 62 12 34, 05 35 62 12 34);
//   - command-line options (--bidi, -o).
//
// After an Arabic letter UAX #9 turns European digits into Arabic numbers
// (rule W2), and neither "-" nor a space joins those: "2024-10-28" would
// read "28-10-2024" and "1 234 567,89" "567,89 234 1". "--" before a Latin
// word takes the direction of the Arabic around it: "--bidi" reads "bidi--".
//
// A run is made of Latin letters and digits joined by single separators
// (- / . , : – × and the no-break spaces), so a reference that mixes both
// (III.2) stays whole; it counts only if it holds a digit. A run never
// starts inside a word. This is the one place that decides what a number
// looks like: the screen, the Markdown and HTML minutes all isolate what it
// finds.
func NumberRuns(s string) []Span {
	if !strings.ContainsAny(s, "0123456789-") && !hasOtherDigit(s) {
		return nil
	}
	var out []Span
	for i := 0; i < len(s); {
		r, n := utf8.DecodeRuneInString(s[i:])
		p := before(s, i)
		if isAtom(p) || isMark(p) {
			i += n // inside a word: runs start at its beginning only
			continue
		}
		end := 0
		switch {
		case isSign(r) && isSign(p):
			// a sign or an option starts after a blank, not after "-"
		case r == '-' && i+1 < len(s) && (s[i+1] == '-' || isASCIILetter(s[i+1])):
			end = option(s, i)
		case isAtom(r), isSign(r):
			end = number(s, i)
		}
		if end > i {
			out = append(out, Span{i, end})
			i = end
			continue
		}
		i += n
	}
	return out
}

// IsolateNumbers wraps every run that NumberRuns finds in LRI…PDI, so that
// it is drawn left to right as one piece wherever it stands. It does so only
// when the text needs it: when rtl (its context, the UI or the document, is
// right to left) or when it holds a right-to-left letter itself; other text
// is returned unchanged, as is a run already isolated. Only marks are added:
// the text keeps its logical order, and removing LRI and PDI gives s back.
func IsolateNumbers(s string, rtl bool) string {
	if !rtl && !HasRTL(s) {
		return s
	}
	runs := NumberRuns(s)
	if len(runs) == 0 {
		return s
	}
	var b strings.Builder
	b.Grow(len(s) + len(runs)*(len(LRI)+len(PDI)))
	last := 0
	for _, r := range runs {
		if strings.HasSuffix(s[:r.Start], LRI) && strings.HasPrefix(s[r.End:], PDI) {
			continue
		}
		b.WriteString(s[last:r.Start])
		b.WriteString(LRI)
		b.WriteString(s[r.Start:r.End])
		b.WriteString(PDI)
		last = r.End
	}
	b.WriteString(s[last:])
	return b.String()
}

// HasRTL reports whether s holds a right-to-left letter (Arabic, Hebrew,
// Syriac, Thaana, N'Ko… and their presentation forms).
func HasRTL(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] < 0xD6 { // every rune below U+0590 is left to right or neutral
			continue
		}
		r, _ := utf8.DecodeRuneInString(s[i:])
		if isRTLLetter(r) {
			return true
		}
	}
	return false
}

// isRTLLetter reports a letter of a right-to-left script.
func isRTLLetter(r rune) bool {
	switch {
	case r < 0x0590:
		return false
	case r <= 0x08FF, 0xFB1D <= r && r <= 0xFDFF, 0xFE70 <= r && r <= 0xFEFF,
		0x10800 <= r && r <= 0x10FFF, 0x1E800 <= r && r <= 0x1EFFF:
		return unicode.IsLetter(r)
	}
	return false
}

// option returns the end of the command-line option that starts at i ("-o",
// "--bidi", "--present-all"), or i when there is none.
func option(s string, i int) int {
	j := i + 1
	if j < len(s) && s[j] == '-' {
		j++
	}
	if j >= len(s) || !isASCIILetter(s[j]) {
		return i
	}
	for j < len(s) && (isASCIILetter(s[j]) || isASCIIDigit(s[j]) || s[j] == '-' && j+1 < len(s) && isASCIILetter(s[j+1])) {
		j++
	}
	if r, _ := utf8.DecodeRuneInString(s[j:]); isAtom(r) || isMark(r) {
		return i // "-x" glued to more of a word: not an option
	}
	return j
}

// number returns the end of the number-like run that starts at i, or i when
// the text there holds no digit.
func number(s string, i int) int {
	if e := phone(s, i); e > i {
		return e
	}
	j := i
	if r, n := utf8.DecodeRuneInString(s[j:]); isSign(r) {
		if d, _ := utf8.DecodeRuneInString(s[j+n:]); !isDigit(d) {
			return i
		}
		j += n
	}
	var (
		digits   bool   // the run holds a digit
		grouped  = true // digits and group separators only, so far
		groups   int    // group separators seen while grouped
		groupLen int    // digits of the current group
		last     = j    // end of the last letter or digit
	)
	for j < len(s) {
		r, n := utf8.DecodeRuneInString(s[j:])
		switch {
		case isDigit(r):
			digits = true
			groupLen++
			j += n
			last = j
			continue
		case isAtom(r), isMark(r):
			grouped = false
			j += n
			last = j
			continue
		}
		// A separator joins only when a letter or digit follows it.
		next, _ := utf8.DecodeRuneInString(s[j+n:])
		switch {
		case isJoiner(r) && isAtom(next):
			grouped = grouped && (r == '\u00a0' || r == '\u202f')
		case r == ' ' && grouped && digits && thousands(s[j+n:]) &&
			(groups == 0 && groupLen <= 3 || groups > 0 && groupLen == 3):
			// "1 234 567": ordinary spaces between thousands.
		default:
			return end(s, i, last, digits)
		}
		if grouped {
			groups++
			groupLen = 0
		}
		j += n
	}
	return end(s, i, last, digits)
}

// end finishes a number run at e: with its per cent sign if one follows (at
// most one space apart), and only if it holds a digit.
func end(s string, i, e int, digits bool) int {
	if !digits {
		return i
	}
	rest := s[e:]
	skip := 0
	if r, n := utf8.DecodeRuneInString(rest); r == ' ' || r == '\u00a0' || r == '\u202f' {
		skip = n
	}
	if p, m := utf8.DecodeRuneInString(rest[skip:]); isPercent(p) {
		if r, _ := utf8.DecodeRuneInString(rest[skip+m:]); !isAtom(r) && !isMark(r) {
			return e + skip + m
		}
	}
	return e
}

// thousands reports whether s starts with exactly three digits that end a
// group ("234 567", "567,89", "000 درهم"; not "2345" nor "23a").
func thousands(s string) bool {
	if len(s) < 3 || !isASCIIDigit(s[0]) || !isASCIIDigit(s[1]) || !isASCIIDigit(s[2]) {
		return false
	}
	r, _ := utf8.DecodeRuneInString(s[3:])
	return !isAtom(r)
}

// phone returns the end of a telephone number written in groups that starts
// at i ("+212 5 35 62 12 34", "05 35 62 12 34", "0535-62-12-34"), or i: a
// leading + or 0, at least three groups of one to four digits separated by
// single spaces, dots or hyphens, nine to fifteen digits in all.
func phone(s string, i int) int {
	j := i
	if s[j] == '+' {
		j++
	} else if s[j] != '0' {
		return i
	}
	digits, groups, endAt := 0, 0, i
	for {
		k := j
		for k < len(s) && isASCIIDigit(s[k]) {
			k++
		}
		n := k - j
		if n == 0 || n > 4 && groups > 0 {
			break
		}
		if r, _ := utf8.DecodeRuneInString(s[k:]); isAtom(r) {
			break
		}
		digits += n
		groups++
		endAt = k
		if k+1 >= len(s) || (s[k] != ' ' && s[k] != '.' && s[k] != '-') || !isASCIIDigit(s[k+1]) {
			break
		}
		j = k + 1
	}
	if groups < 3 || digits < 9 || digits > 15 {
		return i
	}
	return endAt
}

// before returns the rune before s[i:], skipping explicit bidi marks (an
// isolate already around a run must not change what is found), or 0.
func before(s string, i int) rune {
	for i > 0 {
		r, n := utf8.DecodeLastRuneInString(s[:i])
		if !isBidiMark(r) {
			return r
		}
		i -= n
	}
	return 0
}

// isBidiMark reports the explicit directional formatting characters.
func isBidiMark(r rune) bool {
	return r == 0x061C || r == 0x200E || r == 0x200F || 0x202A <= r && r <= 0x202E || 0x2066 <= r && r <= 0x2069
}

func isASCIIDigit(b byte) bool { return '0' <= b && b <= '9' }

func isASCIILetter(b byte) bool { return 'a' <= b && b <= 'z' || 'A' <= b && b <= 'Z' }

// isDigit reports European, Arabic-Indic and Eastern Arabic-Indic digits.
func isDigit(r rune) bool {
	return '0' <= r && r <= '9' || 0x0660 <= r && r <= 0x0669 || 0x06F0 <= r && r <= 0x06F9
}

// LatinDigits writes Arabic-Indic and Eastern Arabic-Indic digits as ASCII
// ones, as an Arabic keyboard or spreadsheet may type them (٢٠٢٤ → 2024).
func LatinDigits(s string) string {
	if !hasOtherDigit(s) {
		return s
	}
	return strings.Map(func(r rune) rune {
		switch {
		case r >= '٠' && r <= '٩':
			return '0' + r - '٠'
		case r >= '۰' && r <= '۹':
			return '0' + r - '۰'
		}
		return r
	}, s)
}

func hasOtherDigit(s string) bool {
	return strings.ContainsFunc(s, func(r rune) bool { return r >= 0x0660 && isDigit(r) })
}

// isLatin reports a Latin letter.
func isLatin(r rune) bool {
	switch {
	case r < 0x80:
		return 'a' <= r && r <= 'z' || 'A' <= r && r <= 'Z'
	case 0x0370 <= r && r < 0x1D00:
		return false // Greek to Mongolian, Arabic among them: no Latin letter
	}
	return unicode.Is(unicode.Latin, r)
}

// isAtom reports what a run is made of: digits and Latin letters.
func isAtom(r rune) bool { return isDigit(r) || isLatin(r) }

// isMark reports a combining mark (an accent written apart from its letter).
func isMark(r rune) bool { return r >= 0x300 && unicode.Is(unicode.Mn, r) }

func isSign(r rune) bool { return r == '+' || r == '-' || r == '\u2212' }

func isPercent(r rune) bool { return r == '%' || r == '\u066a' || r == '\u2030' }

// isJoiner reports a separator that holds two parts of a number together:
// hyphens and dashes, slash, dot, comma, colon, ×, the Arabic decimal and
// thousands separators and the no-break spaces.
func isJoiner(r rune) bool {
	switch r {
	case '-', '/', '.', ',', ':', '\u2010', '\u2011', '\u2013', '\u00d7',
		'\u066b', '\u066c', '\u00a0', '\u202f':
		return true
	}
	return false
}
