package tui

import (
	"fmt"
	"strings"
	"time"
	"unicode"

	"github.com/charmbracelet/x/ansi"
	"github.com/jalsa-app/jalsa/i18n"
	"github.com/jalsa-app/jalsa/model"
	"github.com/jalsa-app/jalsa/report"
)

// wrap breaks logical text into lines of at most w cells at spaces (a word
// longer than w is cut by Cell later), never inside a number such as
// "1 234 567,89" or an isolate. Newlines in s start new paragraphs. Lines
// stay in logical order: each one goes through Cell on its own, in its
// paragraph's direction (see cells).
func wrap(s string, w int) []string {
	var out []string
	for _, para := range strings.Split(s, "\n") {
		line, lw := "", 0
		for _, word := range words(para) {
			ww := ansi.StringWidth(word)
			switch {
			case lw == 0:
				line, lw = word, ww
			case lw+1+ww <= w:
				line, lw = line+" "+word, lw+1+ww
			default:
				out = append(out, line)
				line, lw = word, ww
			}
		}
		out = append(out, line)
	}
	return out
}

// words splits a paragraph at its blanks, except the spaces inside a number
// (i18n.NumberRuns) or an explicit isolate, which must not break.
func words(para string) []string {
	keep := i18n.NumberRuns(para)
	var out []string
	start, depth := -1, 0
	for i, r := range para {
		switch r {
		case 0x2066, 0x2067, 0x2068: // LRI RLI FSI
			depth++
		case 0x2069: // PDI
			depth = max(depth-1, 0)
		}
		blank := unicode.IsSpace(r) && r != '\u00a0' && r != '\u202f' && depth == 0
		for len(keep) > 0 && keep[0].End <= i {
			keep = keep[1:]
		}
		if blank && len(keep) > 0 && keep[0].Start < i {
			blank = false // inside a number
		}
		switch {
		case blank && start >= 0:
			out = append(out, para[start:i])
			start = -1
		case !blank && start < 0:
			start = i
		}
	}
	if start >= 0 {
		out = append(out, para[start:])
	}
	return out
}

// cells draws wrapped lines, each through Cell at width w, at most n of them
// (the last one ending with "…" when text is left over). Every line of a
// paragraph is laid out in the paragraph's direction, so the second line of
// an Arabic sentence stays right-aligned and right to left even when it
// begins with a Latin word or a number.
func (c *Common) cells(s string, w, n int) []string {
	k := cellKey{s: s, w: w, dir: dirWrapped, n: n}
	if v, ok := c.cellCache[k]; ok {
		return strings.Split(v, "\n") // cells hold no newline (Sanitize)
	}
	type line struct {
		text string
		rtl  bool
	}
	var lines []line
	for _, para := range strings.Split(s, "\n") {
		rtl := c.paragraphRTL(para)
		for _, l := range wrap(para, w) {
			lines = append(lines, line{l, rtl})
		}
	}
	if n > 0 && len(lines) > n {
		lines = lines[:n]
		lines[n-1].text += " " + strings.Repeat("…", w) // forces Cell to cut it with an ellipsis
	}
	out := make([]string, len(lines))
	for i, l := range lines {
		out[i] = c.CellIn(l.text, w, l.rtl)
	}
	c.remember(k, strings.Join(out, "\n"))
	return out
}

// Money writes an amount the way the session's language groups digits.
func (c *Common) Money(a model.Cents) string { return report.FormatMoney(c.Lang, a) }

// ParseMoney reads an amount typed as Money writes it in the session's
// language ("1 234 567,89", "1,234,567.89" in English), or plainly
// ("1234567.89"): a clerk copies what the screen shows.
func (c *Common) ParseMoney(s string) (model.Cents, error) {
	if c.Lang == "en" {
		s = strings.ReplaceAll(s, ",", "")
	}
	return model.ParseCents(s)
}

// Day writes a YYYY-MM-DD day as people read it in the session's language
// ("28 أكتوبر 2024").
func (c *Common) Day(day string) string { return report.FormatDay(c.Lang, day) }

// dateWidth is the widest day Day writes in the session's language, so that
// date columns line up.
func (c *Common) dateWidth() int {
	if c.dateW == 0 {
		for m := time.January; m <= time.December; m++ {
			c.dateW = max(c.dateW, ansi.StringWidth(report.FormatDate(c.Lang, time.Date(2024, m, 28, 0, 0, 0, 0, time.UTC))))
		}
	}
	return c.dateW
}

// Clock writes the time of day of t as the screens show it (15:04), in the
// body's time zone, as the minutes and `show` do: an operator whose machine
// keeps another zone (a server in UTC, a laptop abroad) reads the times of
// the record.
func (c *Common) Clock(t time.Time) string {
	var body *model.Body
	if c.Data != nil {
		body = c.Data.Body
	}
	return t.In(body.Location()).Format("15:04")
}

// since writes a duration as mm:ss (or h:mm:ss), for the speakers' timer.
func since(d time.Duration) string {
	d = max(d, 0).Truncate(time.Second)
	h, m, sec := int(d.Hours()), int(d.Minutes())%60, int(d.Seconds())%60
	if h > 0 {
		return fmt.Sprintf("%d:%02d:%02d", h, m, sec)
	}
	return fmt.Sprintf("%02d:%02d", m, sec)
}

// padLeft right-aligns s in w cells.
func padLeft(s string, w int) string {
	if n := w - ansi.StringWidth(s); n > 0 {
		return strings.Repeat(" ", n) + s
	}
	return s
}

// padRight pads s with spaces to w cells.
func padRight(s string, w int) string {
	if n := w - ansi.StringWidth(s); n > 0 {
		return s + strings.Repeat(" ", n)
	}
	return s
}

// ansiWidth is the display width of s.
func ansiWidth(s string) int { return ansi.StringWidth(s) }
