package cli

import (
	"strconv"
	"time"

	"github.com/jalsa-app/jalsa/i18n"
	"github.com/jalsa-app/jalsa/model"
)

// Dates, numbers and amounts as people read them in each language, for the
// command line's text output and the TUI. JSON and files keep ISO dates and
// plain amounts.

// FormatDate writes a day as "28 October 2024", "28 octobre 2024" (1er for
// the first) or "28 أكتوبر 2024" (Moroccan month names, Western digits), with
// the month names of the minutes so that screens and minutes agree.
func FormatDate(lang string, t time.Time) string {
	day := strconv.Itoa(t.Day())
	if t.Day() == 1 {
		day = i18n.T(lang, "report.day.first")
	}
	return day + " " + i18n.T(lang, "report.month."+strconv.Itoa(int(t.Month()))) + " " + strconv.Itoa(t.Year())
}

// FormatDay is FormatDate of a YYYY-MM-DD day; anything else is returned as
// it is.
func FormatDay(lang, day string) string {
	t, err := parseDate(day)
	if err != nil {
		return day
	}
	return FormatDate(lang, t)
}

// FormatMoney writes an amount with the digit grouping of lang
// (i18n.NumberMarks): 4,800,000.00 in English, 4 800 000,00 grouped by
// U+202F in French and Arabic, as the minutes write it.
func FormatMoney(lang string, c model.Cents) string { return c.Format(i18n.NumberMarks(lang)) }

func init() {
	i18n.Register(map[string]i18n.Text{
		"err.bad_bidi": {En: "--bidi %q: allowed are auto, app and terminal", Fr: "--bidi %q : valeurs permises auto, app et terminal", Ar: "--bidi %q: القيم المسموح بها auto وapp وterminal"},
	})
}

// parseDate reads an ISO day, as files, flags and JSON write it.
func parseDate(s string) (time.Time, error) { return time.Parse("2006-01-02", s) }
