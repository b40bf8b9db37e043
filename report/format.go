package report

import (
	"time"

	"github.com/jalsa-app/jalsa/i18n"
	"github.com/jalsa-app/jalsa/model"
)

// Dates and amounts as people read them in each language, for the command
// line's text output and the TUI, with the minutes' month names so that
// screens and minutes agree. JSON and files keep ISO dates and plain amounts.

// FormatDate writes a day as "28 October 2024", "28 octobre 2024" (1er for
// the first) or "28 أكتوبر 2024" (Moroccan month names, Western digits).
func FormatDate(lang string, t time.Time) string { return words{lang}.DateShort(t) }

// FormatDay is FormatDate of a YYYY-MM-DD day; anything else is returned as
// it is.
func FormatDay(lang, day string) string {
	t, err := time.Parse("2006-01-02", day)
	if err != nil {
		return day
	}
	return FormatDate(lang, t)
}

// FormatMoney writes an amount with the digit grouping of lang
// (i18n.NumberMarks): 4,800,000.00 in English, 4 800 000,00 in French and
// Arabic. The group separator there is U+202F, the narrow no-break space of
// French typography and of CLDR: a line never breaks inside the number, and
// its bidi class (CS) joins the groups, where a plain space would let them
// be drawn in reverse order after Arabic words. The minutes write amounts
// the same way (words.Number).
func FormatMoney(lang string, c model.Cents) string { return c.Format(i18n.NumberMarks(lang)) }
