package report

import (
	_ "embed"
	"html"
	"strconv"
	"strings"

	"github.com/jalsa-app/jalsa/i18n"
)

// The page is one file: the stylesheet is inlined and no font, script or
// image is fetched, so a document prints the same anywhere and offline.
//
//go:embed document.css
var pageStyle string

// htmlText is the one way text reaches the HTML, written in a context of
// direction rtl: escaped, so text typed by users stays text; the words'
// isolates become <bdi> of the direction their text reads in, and numbers
// are kept left to right in <bdi dir="ltr"> (pieces).
func htmlText(s string, rtl bool) string {
	var b strings.Builder
	for _, pc := range pieces(s, rtl) {
		switch pc.kind {
		case plainPiece:
			b.WriteString(html.EscapeString(pc.text))
		case numberPiece:
			b.WriteString(`<bdi dir="ltr">` + html.EscapeString(pc.text) + `</bdi>`)
		case openPiece:
			b.WriteString(`<bdi dir="` + dirName(pc.rtl) + `">`)
		case closePiece:
			b.WriteString("</bdi>")
		}
	}
	return b.String()
}

// dirName is the HTML dir of a direction.
func dirName(rtl bool) string {
	if rtl {
		return "rtl"
	}
	return "ltr"
}

// renderHTML writes a page as a self-contained HTML document with an A4
// print stylesheet: a browser, or Chromium for `--format pdf`, prints it.
func renderHTML(p *Page) string {
	var b strings.Builder
	rtl := p.Dir == "rtl"
	b.WriteString("<!DOCTYPE html>\n<html lang=\"" + html.EscapeString(p.Lang) + "\" dir=\"" + html.EscapeString(p.Dir) + "\">\n<head>\n<meta charset=\"utf-8\">\n")
	b.WriteString("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<meta name=\"generator\" content=\"jalsa\">\n")
	// A title holds text only: its numbers are isolated by marks.
	b.WriteString("<title>" + html.EscapeString(i18n.IsolateNumbers(p.Title, rtl)) + "</title>\n<style>\n" + pageStyle)
	// The footer's words are the document's; CSS strings need only quotes
	// and backslashes escaped, which the wording never holds.
	b.WriteString("@page { @bottom-center { content: \"" + cssString(p.PageLabel) + " \" counter(page) \" " + cssString(p.PageOf) + " \" counter(pages); } }\n")
	b.WriteString("</style>\n</head>\n")
	if p.Draft != "" {
		b.WriteString("<body class=\"draft\">\n<div class=\"watermark\" aria-hidden=\"true\">" + htmlText(p.Draft, rtl) + "</div>\n")
	} else {
		b.WriteString("<body>\n")
	}
	for _, bl := range p.Blocks {
		htmlBlock(&b, bl, rtl)
	}
	b.WriteString("</body>\n</html>\n")
	return b.String()
}

// cssString keeps s inside a CSS string literal.
func cssString(s string) string {
	return strings.NewReplacer(`\`, `\\`, `"`, `\"`, "\n", " ", "<", `\3c `).Replace(s)
}

func htmlBlock(b *strings.Builder, bl Block, rtl bool) {
	switch bl := bl.(type) {
	case *Heading:
		h := "h" + strconv.Itoa(min(max(bl.Level, 1), 4))
		b.WriteString("<" + h + ">" + htmlRuns(bl.Text, rtl) + "</" + h + ">\n")
	case *Para:
		attr := ""
		switch bl.Style {
		case "":
		case "notice":
			attr = ` class="notice" role="note"`
		default:
			attr = ` class="` + html.EscapeString(bl.Style) + `"`
		}
		dir := rtl
		if bl.Auto {
			dir = i18n.ParagraphRTL(plain(bl.Runs), rtl)
			attr += ` dir="` + dirName(dir) + `"`
		}
		b.WriteString("<p" + attr + ">" + htmlRuns(bl.Runs, dir) + "</p>\n")
	case *List:
		tag := "ul"
		if bl.Ordered {
			tag = "ol"
		}
		b.WriteString("<" + tag + ">\n")
		for _, it := range bl.Items {
			b.WriteString("<li>" + htmlRuns(it, rtl) + "</li>\n")
		}
		b.WriteString("</" + tag + ">\n")
	case *Table:
		htmlTable(b, bl, rtl)
	case *Names:
		b.WriteString("<div class=\"names\">\n<h4>" + htmlText(bl.Title, rtl) + "</h4>\n")
		if len(bl.Names) == 0 {
			b.WriteString("<p>" + htmlText(bl.None, rtl) + "</p>\n</div>\n")
			return
		}
		b.WriteString("<ol>\n")
		for i, n := range bl.Names {
			b.WriteString("<li><span class=\"n\">" + strconv.Itoa(i+1) + ".</span> " + htmlText(string(fsi)+n+string(pdi), rtl) + "</li>\n")
		}
		b.WriteString("</ol>\n</div>\n")
	case *Signatures:
		b.WriteString("<div class=\"signatures\">\n")
		for _, s := range bl.Blocks {
			b.WriteString("<div class=\"sig\"><p class=\"sig-role\">" + htmlText(s.Role, rtl) + "</p><p class=\"sig-name\">" + htmlText(s.Name, rtl) +
				"</p><p class=\"sig-line\">" + htmlText(s.Sign, rtl) + "</p></div>\n")
		}
		b.WriteString("</div>\n")
	case *PageBreak:
		b.WriteString("<div class=\"page-break\"></div>\n")
	}
}

func htmlTable(b *strings.Builder, t *Table, rtl bool) {
	class := "grid"
	switch {
	case t.Facts:
		class = "facts"
	case t.Tall:
		class = "grid tall"
	}
	style := ""
	if t.Width > 0 {
		style = ` style="width: ` + strconv.Itoa(t.Width) + `%"`
	}
	b.WriteString("<table class=\"" + class + "\"" + style + ">\n")
	if len(t.Head) > 0 {
		b.WriteString("<thead><tr>")
		for i, h := range t.Head {
			b.WriteString("<th" + cellAttr(t, i, true) + ">" + htmlText(h, rtl) + "</th>")
		}
		b.WriteString("</tr></thead>\n")
	}
	b.WriteString("<tbody>\n")
	for _, r := range t.Rows {
		if r.Group != "" {
			b.WriteString("<tr class=\"group\"><th colspan=\"" + strconv.Itoa(max(len(t.Head), 1)) + "\">" + htmlText(r.Group, rtl) + "</th></tr>\n")
			continue
		}
		b.WriteString("<tr>")
		for i, c := range r.Cells {
			if i == 0 && t.RowHeads {
				b.WriteString("<th scope=\"row\">" + htmlCell(c, rtl) + "</th>")
				continue
			}
			// A column of codes is left to right.
			b.WriteString("<td" + cellAttr(t, i, false) + ">" + htmlCell(c, rtl && !(i < len(t.LTR) && t.LTR[i])) + "</td>")
		}
		b.WriteString("</tr>\n")
	}
	b.WriteString("</tbody>\n</table>\n")
}

// htmlCell is a cell's text; a line break in it is a line break.
func htmlCell(s string, rtl bool) string {
	lines := strings.Split(s, "\n")
	for i, l := range lines {
		lines[i] = htmlText(l, rtl)
	}
	return strings.Join(lines, "<br>")
}

// cellAttr marks a column of figures, of codes, or that must not wrap; a
// header cell keeps the page's direction and may always wrap.
func cellAttr(t *Table, i int, head bool) string {
	var class []string
	at := func(flags []bool) bool { return i < len(flags) && flags[i] }
	if at(t.Num) {
		class = append(class, "num")
	}
	if !head && at(t.LTR) {
		class = append(class, "code")
	}
	if !head && t.Wrap != nil && !at(t.Wrap) && !at(t.Num) {
		class = append(class, "nowrap")
	}
	attr := ""
	if len(class) > 0 {
		attr = ` class="` + strings.Join(class, " ") + `"`
	}
	if !head && at(t.LTR) {
		attr += ` dir="ltr"`
	}
	return attr
}

// htmlRuns writes runs, in a paragraph of direction rtl, with their
// emphasis and isolation.
func htmlRuns(runs []Run, rtl bool) string {
	var b strings.Builder
	for _, r := range runs {
		var s string
		switch {
		case r.LTR:
			s = `<bdi dir="ltr">` + htmlText(r.Text, false) + `</bdi>`
		case r.Isolate:
			s = htmlText(string(fsi)+r.Text+string(pdi), rtl)
		default:
			s = htmlText(r.Text, rtl)
		}
		if r.Muted {
			s = `<span class="muted">` + s + `</span>`
		}
		if r.Italic {
			s = "<em>" + s + "</em>"
		}
		if r.Bold {
			s = "<strong>" + s + "</strong>"
		}
		b.WriteString(s)
	}
	return b.String()
}
