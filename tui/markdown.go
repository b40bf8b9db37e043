package tui

import (
	"slices"
	"strings"
	"unicode"

	"github.com/jalsa-app/jalsa/tui/bidi"
	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/extension"
	east "github.com/yuin/goldmark/extension/ast"
	"github.com/yuin/goldmark/text"
)

// mdParser reads the minutes' Markdown (GitHub tables included).
var mdParser = goldmark.New(goldmark.WithExtensions(extension.Table)).Parser()

// renderMarkdown lays out the minutes' Markdown as the screen can show it:
// headings, paragraphs, lists, tables in columns, without the marks
// (`**`, `###`, `|---|`), every line w cells wide through Cell, so that
// Arabic is ordered like every other text. A terminal cannot print the
// minutes' fonts; it can print their structure.
// Tables read from the right when the minutes are in Arabic (rtl) and
// jalsa orders the screen.
func renderMarkdown(c *Common, md string, rtl bool, w int) []string {
	src := []byte(md)
	doc := mdParser.Parse(text.NewReader(src))
	r := &mdRender{c: c, src: src, w: w, rtl: rtl && c.Bidi == bidi.ModeApp}
	for n := doc.FirstChild(); n != nil; n = n.NextSibling() {
		r.block(n, "", Paint{})
	}
	return r.out
}

type mdRender struct {
	c   *Common
	src []byte
	w   int
	rtl bool
	out []string
}

// blank adds an empty line between blocks, never two.
func (r *mdRender) blank() {
	if len(r.out) > 0 && r.out[len(r.out)-1] != "" {
		r.out = append(r.out, "")
	}
}

// text writes wrapped text, the first line after lead and the others
// after as many spaces, in style.
func (r *mdRender) text(s, lead string, style Paint) {
	r.out = append(r.out, r.c.paragraph(s, lead, r.w, style)...)
}

func (r *mdRender) block(n ast.Node, lead string, style Paint) {
	st := r.c.Styles
	switch n := n.(type) {
	case *ast.Heading:
		r.blank()
		hs := st.Title
		if n.Level > 2 {
			hs = st.Accent
		}
		r.text(r.inline(n), lead, hs)
		r.blank()
	case *ast.Paragraph, *ast.TextBlock:
		ps := style
		if strong(n) {
			ps = st.Big
		}
		r.text(r.inline(n), lead, ps)
		if _, ok := n.(*ast.Paragraph); ok {
			r.blank()
		}
	case *ast.List:
		for it := n.FirstChild(); it != nil; it = it.NextSibling() {
			first := true
			for b := it.FirstChild(); b != nil; b = b.NextSibling() {
				l := lead + "  "
				if first {
					l = lead + "• "
				}
				r.block(b, l, style)
				first = false
			}
		}
		r.blank()
	case *ast.Blockquote:
		for b := n.FirstChild(); b != nil; b = b.NextSibling() {
			r.block(b, lead+"│ ", st.Warn)
		}
	case *ast.ThematicBreak:
		r.out = append(r.out, st.Dim.Render(strings.Repeat("─", r.w)))
	case *east.Table:
		r.table(n)
		r.blank()
	default:
		if n.HasChildren() {
			for b := n.FirstChild(); b != nil; b = b.NextSibling() {
				r.block(b, lead, style)
			}
		}
	}
}

// strong reports a paragraph that is all bold: a caption.
func strong(n ast.Node) bool {
	e, ok := n.FirstChild().(*ast.Emphasis)
	return ok && e.Level == 2 && e.NextSibling() == nil
}

// inline is the text of n's inline content, without marks; a hard line
// break is a newline.
func (r *mdRender) inline(n ast.Node) string {
	var b strings.Builder
	_ = ast.Walk(n, func(x ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering {
			return ast.WalkContinue, nil
		}
		switch x := x.(type) {
		case *ast.Text:
			b.Write(x.Value(r.src))
			switch {
			case x.HardLineBreak():
				b.WriteByte('\n')
			case x.SoftLineBreak():
				b.WriteByte(' ')
			}
		case *ast.String:
			b.Write(x.Value)
		case *ast.AutoLink:
			b.Write(x.URL(r.src))
			return ast.WalkSkipChildren, nil
		}
		return ast.WalkContinue, nil
	})
	return b.String()
}

// minColumn is the narrowest a table column is squeezed to.
const minColumn = 6

// table lays a table out in columns, the widest squeezed until it fits;
// when even that does not fit, each row becomes one line of its cells.
func (r *mdRender) table(t *east.Table) {
	c, st := r.c, r.c.Styles
	var rows [][]string
	for row := t.FirstChild(); row != nil; row = row.NextSibling() {
		var cells []string
		for cell := row.FirstChild(); cell != nil; cell = cell.NextSibling() {
			cells = append(cells, strings.TrimSpace(r.inline(cell)))
		}
		rows = append(rows, cells)
	}
	if len(rows) == 0 {
		return
	}
	cols := len(rows[0])
	widths := make([]int, cols)
	for _, row := range rows {
		for i := 0; i < cols && i < len(row); i++ {
			widths[i] = max(widths[i], ansiWidth(row[i]))
		}
	}
	total := func() int {
		n := 2 * (cols - 1)
		for _, x := range widths {
			n += x
		}
		return n
	}
	for total() > r.w {
		widest := 0
		for i := range widths {
			if widths[i] > widths[widest] {
				widest = i
			}
		}
		if widths[widest] <= minColumn {
			break
		}
		widths[widest]--
	}
	if total() > r.w {
		for i, row := range rows {
			style := Paint{}
			if i == 0 {
				style = st.Label
			}
			r.text(strings.Join(row, " · "), "", style)
		}
		return
	}
	for i, row := range rows {
		pieces := make([]string, 0, 2*cols)
		for j := range cols {
			cell := ""
			if j < len(row) {
				cell = row[j]
			}
			if j > 0 {
				pieces = append(pieces, "  ")
			}
			if numeric(cell) {
				pieces = append(pieces, padLeft(strings.TrimRight(c.Cell(cell, widths[j]), " "), widths[j]))
			} else {
				pieces = append(pieces, c.CellStart(cell, widths[j]))
			}
		}
		pad := padRight
		if r.rtl {
			slices.Reverse(pieces)
			pad = padLeft
		}
		line := pad(strings.Join(pieces, ""), r.w)
		if i == 0 {
			r.out = append(r.out, st.Label.Render(line), st.Dim.Render(pad(strings.Repeat("─", total()), r.w)))
			continue
		}
		r.out = append(r.out, line)
	}
}

// numeric reports a cell that is a number (an amount, a count), which
// reads best aligned on its last digit.
func numeric(s string) bool {
	if s == "" {
		return false
	}
	for _, r := range s {
		if !unicode.IsDigit(r) && !strings.ContainsRune(" ,.\u00a0\u202f-", r) {
			return false
		}
	}
	return true
}
