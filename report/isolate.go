package report

import (
	"html"
	"regexp"
	"strings"

	"github.com/jalsa-app/jalsa/i18n"
	"golang.org/x/text/unicode/bidi"
)

// The minutes keep every number left to right as one piece (i18n.NumberRuns):
// in Arabic text a browser, a PDF printer or a Markdown viewer would draw
// "2024-10-28" as "28-10-2024" and "1 234 567,89" as "567,89 234 1". This is
// done on the written output, so every sentence is covered, whoever wrote
// it: the catalogs' wording, the clerk's notes, the amounts. Text in a
// right-to-left document is isolated throughout; in a left-to-right one,
// only the pieces that hold right-to-left letters.

// mdStructure is what starts a Markdown line and must stay first on it:
// heading marks, list bullets and numbers, quote marks.
var mdStructure = regexp.MustCompile(`^\s*(?:(?:#{1,6}|[-*+>]|\d{1,9}[.)])\s+)*`)

// isolateMarkdown wraps the numbers of every line of md in LRI…PDI, and
// starts a line (not a table row) with an RLM (or LRM) when its first
// letter would give it the wrong direction in a viewer that goes by the
// first strong character: a note that begins «Fès-Meknès، أن الكلفة…» is
// Arabic (i18n.ParagraphRTL).
func isolateMarkdown(md string, rtl bool) string {
	lines := strings.Split(md, "\n")
	for i, l := range lines {
		head := mdStructure.FindString(l)
		text := l[len(head):]
		mark := ""
		if first, ok := firstStrongRTL(text); ok && !strings.HasPrefix(text, "|") && i18n.ParagraphRTL(text, rtl) != first {
			mark = "\u200f" // RLM
			if first {
				mark = "\u200e" // LRM
			}
		}
		lines[i] = head + mark + i18n.IsolateNumbers(text, rtl)
	}
	return strings.Join(lines, "\n")
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

// isolateHTML wraps the numbers in the text of page in <bdi dir="ltr">. The
// page comes from html/template, so "<" in text is always escaped and
// starts a tag; the text of <style>, <script> and <title> is left alone (no
// element may go there; the title gets LRI…PDI instead), as is text the
// template already put in <bdi dir="ltr">.
func isolateHTML(page string, rtl bool) string {
	var b strings.Builder
	b.Grow(len(page) + len(page)/8)
	raw := "" // the element whose text is not HTML, until its end tag
	ltr := false
	for page != "" {
		if page[0] == '<' {
			end := strings.IndexByte(page, '>')
			if end < 0 {
				end = len(page) - 1
			}
			tag := page[:end+1]
			page = page[end+1:]
			switch name := tagName(tag); {
			case raw != "" && name == "/"+raw:
				raw = ""
			case raw == "" && (name == "style" || name == "script" || name == "title"):
				raw = name
			case tag == "<bdi>":
				tag = `<bdi dir="` + direction(page, rtl) + `">`
			case name == "bdi":
				ltr = strings.Contains(tag, `dir="ltr"`)
			case name == "/bdi":
				ltr = false
			}
			b.WriteString(tag)
			continue
		}
		next := strings.IndexByte(page, '<')
		if next < 0 {
			next = len(page)
		}
		text := page[:next]
		page = page[next:]
		switch {
		case raw == "title":
			b.WriteString(html.EscapeString(i18n.IsolateNumbers(html.UnescapeString(text), rtl)))
		case raw != "" || ltr:
			b.WriteString(text)
		default:
			b.WriteString(bdiNumbers(text, rtl))
		}
	}
	return b.String()
}

// direction is the direction of the text that starts page, up to the next
// tag, as the screen lays it out (i18n.ParagraphRTL), for a <bdi> the
// template leaves to the browser: a browser would go by the first letter,
// and lay out «Fès-Meknès، أن الكلفة…» left to right.
func direction(page string, rtl bool) string {
	text, _, _ := strings.Cut(page, "<")
	if i18n.ParagraphRTL(html.UnescapeString(text), rtl) {
		return "rtl"
	}
	return "ltr"
}

// bdiNumbers wraps the numbers of one escaped text node in <bdi dir="ltr">.
func bdiNumbers(text string, rtl bool) string {
	plain := html.UnescapeString(text)
	if !rtl && !i18n.HasRTL(plain) {
		return text
	}
	runs := i18n.NumberRuns(plain)
	if len(runs) == 0 {
		return text
	}
	var b strings.Builder
	last := 0
	for _, r := range runs {
		b.WriteString(html.EscapeString(plain[last:r.Start]))
		b.WriteString(`<bdi dir="ltr">`)
		b.WriteString(html.EscapeString(plain[r.Start:r.End]))
		b.WriteString(`</bdi>`)
		last = r.End
	}
	b.WriteString(html.EscapeString(plain[last:]))
	return b.String()
}

// tagName is the lower-case name of a start tag ("bdi") or end tag ("/bdi").
func tagName(tag string) string {
	t := strings.TrimPrefix(tag, "<")
	end := 0
	if strings.HasPrefix(t, "/") {
		end = 1
	}
	for end < len(t) && !strings.ContainsRune(" \t\n\r/>", rune(t[end])) {
		end++
	}
	return strings.ToLower(t[:end])
}
