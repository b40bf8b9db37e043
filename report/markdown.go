package report

import (
	"strings"

	"github.com/jalsa-app/jalsa/i18n"
)

// renderMarkdown writes a page as CommonMark with GFM tables, for the
// terminal (the TUI's preview lays the Page out itself: screen.go). All text goes through esc, so a note
// such as "<script>" or "*" stays text.
func renderMarkdown(p *Page) string {
	m := mdWriter{w: words{p.Lang}, rtl: p.Dir == "rtl"}
	for _, bl := range p.Blocks {
		switch bl := bl.(type) {
		case *Heading:
			m.para(strings.Repeat("#", bl.Level) + " " + m.runs(bl.Text))
		case *Para:
			switch bl.Style {
			case "notice", "quote":
				m.para("> " + m.runs(bl.Runs))
			case "title":
				m.para("**" + esc(plain(bl.Runs), m.numbers(plain(bl.Runs))) + "**")
			default:
				m.para(m.runs(bl.Runs))
			}
		case *List:
			for i, it := range bl.Items {
				mark := "- "
				if bl.Ordered {
					mark = itoa(i+1) + ". "
				}
				m.line(mark + m.runs(it))
			}
			m.blank()
		case *Table:
			m.table(bl)
		case *Names:
			list, title := p.NameList(bl), p.Label(bl.Title)
			n := m.numbers(title + list)
			m.para("**" + esc(title, n) + "** " + esc(list, n))
		case *Signatures:
			t := &Table{Rows: []Row{{}, {}}}
			for _, s := range bl.Blocks {
				t.Head = append(t.Head, s.Role)
				t.Rows[0].Cells = append(t.Rows[0].Cells, s.Name)
				t.Rows[1].Cells = append(t.Rows[1].Cells, s.Sign)
			}
			m.table(t)
		case *PageBreak:
			m.para("---")
		}
	}
	return strings.TrimRight(m.b.String(), "\n") + "\n"
}

// plain is the text of runs without emphasis.
func plain(runs []Run) string {
	var b strings.Builder
	for _, r := range runs {
		b.WriteString(r.Text)
	}
	return b.String()
}

// mdRuns writes runs with their emphasis; spaces at the edges of an
// emphasised run go outside its markers, where CommonMark needs them.
func (m *mdWriter) runs(runs []Run) string {
	n := m.numbers(plain(runs))
	var b strings.Builder
	for _, r := range runs {
		mark := ""
		switch {
		case r.Bold:
			mark = "**"
		case r.Italic:
			mark = "*"
		}
		core := strings.TrimSpace(r.Text)
		if mark == "" || core == "" {
			b.WriteString(esc(r.Text, n))
			continue
		}
		lead := r.Text[:strings.Index(r.Text, core)]
		b.WriteString(lead + mark + esc(core, n) + mark + r.Text[len(lead)+len(core):])
	}
	return b.String()
}

// mdWriter collects Markdown lines in the words of a language, of
// direction rtl.
type mdWriter struct {
	b   strings.Builder
	w   words
	rtl bool
}

// line writes a line, marked with its direction where a viewer would take
// the wrong one (markLine).
func (m *mdWriter) line(s string) {
	for _, l := range strings.Split(s, "\n") {
		m.b.WriteString(markLine(l, m.rtl) + "\n")
	}
}

func (m *mdWriter) blank()        { m.b.WriteString("\n") }
func (m *mdWriter) para(s string) { m.line(s); m.blank() }

// numbers reports whether the numbers of a line whose text is s must be
// kept left to right: in a right-to-left document, or where the line holds
// right-to-left letters. The line counts, not each piece of it, since the
// isolates of typed text are dropped here.
func (m *mdWriter) numbers(s string) bool { return m.rtl || i18n.HasRTL(s) }

// table writes a GFM table; the particulars of a Facts table are a list of
// "**label:** value" lines instead, and a group row is a bold caption row.
func (m *mdWriter) table(t *Table) {
	if t.Facts {
		for i, r := range t.Rows {
			switch {
			case r.Cells[0] == "":
				m.line("  - " + esc(r.Cells[1], m.numbers(r.Cells[1])))
			case i+1 < len(t.Rows) && t.Rows[i+1].Cells[0] == "":
				// A value that runs over several rows (the guests) is a sublist.
				label := m.w.T("colon", r.Cells[0])
				m.line("- **" + esc(label, m.numbers(label)) + "**")
				m.line("  - " + esc(r.Cells[1], m.numbers(r.Cells[1])))
			default:
				label := m.w.T("colon", r.Cells[0])
				n := m.numbers(label + r.Cells[1])
				m.line("- **" + esc(label, n) + "** " + esc(r.Cells[1], n))
			}
		}
		m.blank()
		return
	}
	cells := func(cs []string) string {
		out := make([]string, len(cs))
		for i, c := range cs {
			c = strings.ReplaceAll(c, "\n", " ")
			out[i] = esc(c, m.numbers(c))
		}
		return "| " + strings.Join(out, " | ") + " |"
	}
	m.line(cells(t.Head))
	m.line(strings.Repeat("|---", len(t.Head)) + "|")
	for _, r := range t.Rows {
		if r.Group != "" {
			m.line("| **" + esc(r.Group, m.numbers(r.Group)) + "** |" + strings.Repeat(" |", len(t.Head)-1))
			continue
		}
		m.line(cells(r.Cells))
	}
	m.blank()
}

// mdSpecial are the characters that could turn text into markup: emphasis,
// links, code, raw HTML, table cells, strikethrough. (">" and "#" only matter
// at the start of a line, where user text never is.) The wording catalogs
// use none of them, so whole sentences can be escaped.
const mdSpecial = "\\`*_[]<|~"

// esc makes s literal text in Markdown; when numbers is set (mdWriter.numbers),
// each number is kept left to right in LRI…PDI. The words' isolates are
// dropped: the terminal's bidi does its own isolation, cell by cell.
func esc(s string, numbers bool) string { return numbered(s, numbers, escape) }

// numbered writes s through write, each number in LRI…PDI when numbers is
// set, without the words' isolates (esc).
func numbered(s string, numbers bool, write func(*strings.Builder, string)) string {
	var b strings.Builder
	for _, pc := range pieces(s, numbers) {
		switch pc.kind {
		case plainPiece:
			write(&b, pc.text)
		case numberPiece:
			b.WriteString(i18n.LRI)
			write(&b, pc.text)
			b.WriteString(i18n.PDI)
		}
	}
	return b.String()
}

// escape writes s with a backslash before each character of mdSpecial.
func escape(b *strings.Builder, s string) {
	for _, r := range s {
		if strings.ContainsRune(mdSpecial, r) {
			b.WriteByte('\\')
		}
		b.WriteRune(r)
	}
}
