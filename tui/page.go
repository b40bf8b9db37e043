package tui

import (
	"slices"
	"strings"
	"unicode"

	"github.com/jalsa-app/jalsa/report"
	"github.com/jalsa-app/jalsa/tui/bidi"
)

// renderPage lays out the minutes' page as the screen can show it:
// headings, paragraphs, lists, tables in columns, every line w cells wide
// through Cell, so that Arabic is ordered like every other text. A
// terminal cannot print the minutes' fonts; it can print their structure.
// Tables read from the right when the minutes are right to left and jalsa
// orders the screen.
func renderPage(c *Common, p *report.Page, w int) []string {
	r := &pageRender{c: c, p: p, w: w, rtl: p.Dir == "rtl" && c.Bidi == bidi.ModeApp}
	for _, b := range p.Blocks {
		r.block(b)
	}
	return r.out
}

type pageRender struct {
	c   *Common
	p   *report.Page
	w   int
	rtl bool
	out []string
}

// blank adds an empty line between blocks, never two.
func (r *pageRender) blank() {
	if len(r.out) > 0 && r.out[len(r.out)-1] != "" {
		r.out = append(r.out, "")
	}
}

// text writes wrapped text, the first line after lead and the others
// after as many spaces, in style.
func (r *pageRender) text(s, lead string, style Paint) {
	r.out = append(r.out, r.c.paragraph(s, lead, r.w, style)...)
}

func (r *pageRender) block(b report.Block) {
	st, p := r.c.Styles, r.p
	switch b := b.(type) {
	case *report.Heading:
		hs := st.Title
		if b.Level > 2 {
			hs = st.Accent
		}
		r.text(p.Line(b.Text), "", hs)
	case *report.Para:
		switch b.Style {
		case "notice", "quote":
			r.text(p.Line(b.Runs), "│ ", st.Warn)
		case "title":
			r.text(p.Line(b.Runs), "", st.Big)
		default:
			r.text(p.Line(b.Runs), "", Paint{})
		}
	case *report.List:
		for _, it := range b.Items {
			r.text(p.Line(it), "• ", Paint{})
		}
	case *report.Names:
		r.text(p.Line([]report.Run{{Text: p.Label(b.Title) + " " + p.NameList(b)}}), "", Paint{})
	case *report.Table:
		if b.Facts {
			r.facts(b)
		} else {
			r.table(b.Head, b.Rows)
		}
	case *report.Signatures:
		rows := []report.Row{{}, {}}
		var head []string
		for _, s := range b.Blocks {
			head = append(head, s.Role)
			rows[0].Cells = append(rows[0].Cells, s.Name)
			rows[1].Cells = append(rows[1].Cells, s.Sign)
		}
		r.table(head, rows)
	case *report.PageBreak:
		r.out = append(r.out, st.Dim.Render(strings.Repeat("─", r.w)))
	}
	r.blank()
}

// facts lists the particulars of a Facts table as "label: value" items; a
// value that runs over several rows (the guests) is a sublist.
func (r *pageRender) facts(t *report.Table) {
	p := r.p
	for i, row := range t.Rows {
		label, value := row.Cells[0], row.Cells[1]
		switch {
		case label == "":
			r.text(p.Line([]report.Run{{Text: value}}), "  • ", Paint{})
		case i+1 < len(t.Rows) && t.Rows[i+1].Cells[0] == "":
			r.text(p.Line([]report.Run{{Text: p.Label(label)}}), "• ", Paint{})
			r.text(p.Line([]report.Run{{Text: value}}), "  • ", Paint{})
		default:
			r.text(p.Line([]report.Run{{Text: p.Label(label) + " " + value}}), "• ", Paint{})
		}
	}
}

// minColumn is the narrowest a table column is squeezed to.
const minColumn = 6

// table lays a table out in columns, the widest squeezed until it fits;
// when even that does not fit, each row becomes one line of its cells. A
// group row (a budget's part) is a caption across the table.
func (r *pageRender) table(head []string, body []report.Row) {
	if len(head) == 0 {
		return
	}
	c, st := r.c, r.c.Styles
	rows, caption := [][]string{r.cells(head)}, []bool{false}
	for _, row := range body {
		if row.Group != "" {
			rows, caption = append(rows, r.cells([]string{row.Group})), append(caption, true)
			continue
		}
		rows, caption = append(rows, r.cells(row.Cells)), append(caption, false)
	}
	cols := len(rows[0])
	widths := make([]int, cols)
	for k, row := range rows {
		if caption[k] {
			continue
		}
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
			switch {
			case i == 0:
				style = st.Label
			case caption[i]:
				style = st.Accent
			}
			r.text(strings.Join(row, " · "), "", style)
		}
		return
	}
	pad, start := padRight, padRight
	if r.rtl {
		pad, start = padLeft, padLeft
	}
	for i, row := range rows {
		if caption[i] {
			cell := strings.Trim(c.Cell(row[0], total()), " ")
			r.out = append(r.out, st.Accent.Render(pad(start(cell, total()), r.w)))
			continue
		}
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
		if r.rtl {
			slices.Reverse(pieces)
		}
		line := pad(strings.Join(pieces, ""), r.w)
		if i == 0 {
			r.out = append(r.out, st.Label.Render(line), st.Dim.Render(pad(strings.Repeat("─", total()), r.w)))
			continue
		}
		r.out = append(r.out, line)
	}
}

// cells is the text of a row's cells as the page has it.
func (r *pageRender) cells(cs []string) []string {
	out := make([]string, len(cs))
	for i, s := range cs {
		out[i] = strings.TrimSpace(r.p.Cell(s))
	}
	return out
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
