package report

import (
	_ "embed"
	"html"
	"strconv"
	"strings"
)

// The page is one file: the stylesheet is inlined and no font, script or
// image is fetched, so a document prints the same anywhere and offline.
//
//go:embed document.css
var pageStyle string

// htmlText is the one way text reaches the HTML: escaped, so text typed
// by users stays text; the words' isolates become <bdi>.
func htmlText(s string) string { return isolates.Replace(html.EscapeString(s)) }

var isolates = strings.NewReplacer(string(fsi), "<bdi>", string(pdi), "</bdi>")

// renderHTML writes a page as a self-contained HTML document with an A4
// print stylesheet: a browser, or Chromium for `--format pdf`, prints it.
func renderHTML(p *Page) string {
	var b strings.Builder
	b.WriteString("<!DOCTYPE html>\n<html lang=\"" + htmlText(p.Lang) + "\" dir=\"" + htmlText(p.Dir) + "\">\n<head>\n<meta charset=\"utf-8\">\n")
	b.WriteString("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<meta name=\"generator\" content=\"jalsa\">\n")
	b.WriteString("<title>" + htmlText(p.Title) + "</title>\n<style>\n" + pageStyle)
	// The footer's words are the document's; CSS strings need only quotes
	// and backslashes escaped, which the wording never holds.
	b.WriteString("@page { @bottom-center { content: \"" + cssString(p.PageLabel) + " \" counter(page) \" " + cssString(p.PageOf) + " \" counter(pages); } }\n")
	b.WriteString("</style>\n</head>\n")
	if p.Draft != "" {
		b.WriteString("<body class=\"draft\">\n<div class=\"watermark\" aria-hidden=\"true\">" + htmlText(p.Draft) + "</div>\n")
	} else {
		b.WriteString("<body>\n")
	}
	for _, bl := range p.Blocks {
		htmlBlock(&b, bl)
	}
	b.WriteString("</body>\n</html>\n")
	return b.String()
}

// cssString keeps s inside a CSS string literal.
func cssString(s string) string {
	return strings.NewReplacer(`\`, `\\`, `"`, `\"`, "\n", " ", "<", `\3c `).Replace(s)
}

func htmlBlock(b *strings.Builder, bl Block) {
	switch bl := bl.(type) {
	case *Heading:
		h := "h" + strconv.Itoa(min(max(bl.Level, 1), 4))
		b.WriteString("<" + h + ">" + htmlRuns(bl.Text) + "</" + h + ">\n")
	case *Para:
		attr := ""
		switch bl.Style {
		case "":
		case "notice":
			attr = ` class="notice" role="note"`
		default:
			attr = ` class="` + htmlText(bl.Style) + `"`
		}
		if bl.Auto {
			attr += ` dir="auto"`
		}
		b.WriteString("<p" + attr + ">" + htmlRuns(bl.Runs) + "</p>\n")
	case *List:
		tag := "ul"
		if bl.Ordered {
			tag = "ol"
		}
		b.WriteString("<" + tag + ">\n")
		for _, it := range bl.Items {
			b.WriteString("<li>" + htmlRuns(it) + "</li>\n")
		}
		b.WriteString("</" + tag + ">\n")
	case *Table:
		htmlTable(b, bl)
	case *Names:
		b.WriteString("<div class=\"names\">\n<h4>" + htmlText(bl.Title) + "</h4>\n")
		if len(bl.Names) == 0 {
			b.WriteString("<p>" + htmlText(bl.None) + "</p>\n</div>\n")
			return
		}
		b.WriteString("<ol>\n")
		for i, n := range bl.Names {
			b.WriteString("<li><span class=\"n\">" + strconv.Itoa(i+1) + ".</span> <bdi>" + htmlText(n) + "</bdi></li>\n")
		}
		b.WriteString("</ol>\n</div>\n")
	case *Signatures:
		b.WriteString("<div class=\"signatures\">\n")
		for _, s := range bl.Blocks {
			b.WriteString("<div class=\"sig\"><p class=\"sig-role\">" + htmlText(s.Role) + "</p><p class=\"sig-name\">" + htmlText(s.Name) +
				"</p><p class=\"sig-line\">" + htmlText(s.Sign) + "</p></div>\n")
		}
		b.WriteString("</div>\n")
	case *PageBreak:
		b.WriteString("<div class=\"page-break\"></div>\n")
	}
}

func htmlTable(b *strings.Builder, t *Table) {
	class := "grid"
	if t.Facts {
		class = "facts"
	}
	style := ""
	if t.Width > 0 {
		style = ` style="width: ` + strconv.Itoa(t.Width) + `%"`
	}
	b.WriteString("<table class=\"" + class + "\"" + style + ">\n")
	if len(t.Head) > 0 {
		b.WriteString("<thead><tr>")
		for i, h := range t.Head {
			b.WriteString("<th" + cellAttr(t, i, true) + ">" + htmlText(h) + "</th>")
		}
		b.WriteString("</tr></thead>\n")
	}
	b.WriteString("<tbody>\n")
	for _, r := range t.Rows {
		if r.Group != "" {
			b.WriteString("<tr class=\"group\"><th colspan=\"" + strconv.Itoa(max(len(t.Head), 1)) + "\">" + htmlText(r.Group) + "</th></tr>\n")
			continue
		}
		b.WriteString("<tr>")
		for i, c := range r.Cells {
			if i == 0 && t.RowHeads {
				b.WriteString("<th scope=\"row\">" + htmlCell(c) + "</th>")
				continue
			}
			b.WriteString("<td" + cellAttr(t, i, false) + ">" + htmlCell(c) + "</td>")
		}
		b.WriteString("</tr>\n")
	}
	b.WriteString("</tbody>\n</table>\n")
}

// htmlCell is a cell's text; a line break in it is a line break.
func htmlCell(s string) string {
	lines := strings.Split(s, "\n")
	for i, l := range lines {
		lines[i] = htmlText(l)
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

// htmlRuns writes runs with their emphasis and isolation.
func htmlRuns(runs []Run) string {
	var b strings.Builder
	for _, r := range runs {
		s := htmlText(r.Text)
		switch {
		case r.LTR:
			s = `<bdi dir="ltr">` + s + `</bdi>`
		case r.Isolate:
			s = "<bdi>" + s + "</bdi>"
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
