package i18n

// NumberMarks are the digit group separator and the decimal mark with which
// lang writes amounts: 4,800,000.00 in English, 4 800 000,00 in French and
// Arabic. The group separator there is U+202F, the narrow no-break space of
// French typography and of CLDR: a line never breaks inside the number, and
// its bidi class (CS) joins the groups, where a plain space would let them
// be drawn in reverse order after Arabic words. The screen and every format
// of the minutes group amounts with these marks.
func NumberMarks(lang string) (group, decimal rune) {
	if lang == "en" {
		return ',', '.'
	}
	return '\u202f', ','
}
