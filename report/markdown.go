package report

import (
	"strings"
)

// renderMarkdown writes a page as CommonMark with GFM tables, for the
// terminal and the TUI's preview. All text goes through esc, so a note
// such as "<script>" or "*" stays text.
func renderMarkdown(p *Page) string {
	m := mdWriter{w: words{p.Lang}}
	for _, bl := range p.Blocks {
		switch bl := bl.(type) {
		case *Heading:
			m.para(strings.Repeat("#", bl.Level) + " " + mdRuns(bl.Text))
		case *Para:
			switch bl.Style {
			case "notice", "quote":
				m.para("> " + mdRuns(bl.Runs))
			case "title":
				m.para("**" + esc(plain(bl.Runs)) + "**")
			default:
				m.para(mdRuns(bl.Runs))
			}
		case *List:
			for i, it := range bl.Items {
				mark := "- "
				if bl.Ordered {
					mark = itoa(i+1) + ". "
				}
				m.line(mark + mdRuns(it))
			}
			m.blank()
		case *Table:
			m.table(bl)
		case *Names:
			list := bl.None
			if len(bl.Names) > 0 {
				list = strings.Join(bl.Names, m.w.T("list.sep"))
			}
			m.para("**" + esc(m.w.T("colon", bl.Title)) + "** " + esc(list))
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
func mdRuns(runs []Run) string {
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
			b.WriteString(esc(r.Text))
			continue
		}
		lead := r.Text[:strings.Index(r.Text, core)]
		b.WriteString(lead + mark + esc(core) + mark + r.Text[len(lead)+len(core):])
	}
	return b.String()
}

// mdWriter collects Markdown lines in the words of a language.
type mdWriter struct {
	b strings.Builder
	w words
}

func (m *mdWriter) line(s string) { m.b.WriteString(s + "\n") }
func (m *mdWriter) blank()        { m.b.WriteString("\n") }
func (m *mdWriter) para(s string) { m.b.WriteString(s + "\n\n") }

// table writes a GFM table; the particulars of a Facts table are a list of
// "**label:** value" lines instead, and a group row is a bold caption row.
func (m *mdWriter) table(t *Table) {
	if t.Facts {
		for i, r := range t.Rows {
			switch {
			case r.Cells[0] == "":
				m.line("  - " + esc(r.Cells[1]))
			case i+1 < len(t.Rows) && t.Rows[i+1].Cells[0] == "":
				// A value that runs over several rows (the guests) is a sublist.
				m.line("- **" + esc(m.w.T("colon", r.Cells[0])) + "**")
				m.line("  - " + esc(r.Cells[1]))
			default:
				m.line("- **" + esc(m.w.T("colon", r.Cells[0])) + "** " + esc(r.Cells[1]))
			}
		}
		m.blank()
		return
	}
	cells := func(cs []string) string {
		out := make([]string, len(cs))
		for i, c := range cs {
			out[i] = esc(strings.ReplaceAll(c, "\n", " "))
		}
		return "| " + strings.Join(out, " | ") + " |"
	}
	m.line(cells(t.Head))
	m.line(strings.Repeat("|---", len(t.Head)) + "|")
	for _, r := range t.Rows {
		if r.Group != "" {
			m.line("| **" + esc(r.Group) + "** |" + strings.Repeat(" |", len(t.Head)-1))
			continue
		}
		m.line(cells(r.Cells))
	}
	m.blank()
}

var dropIsolates = strings.NewReplacer(string(fsi), "", string(pdi), "")

// mdSpecial are the characters that could turn text into markup: emphasis,
// links, code, raw HTML, table cells, strikethrough. (">" and "#" only matter
// at the start of a line, where user text never is.) The wording catalogs
// use none of them, so whole sentences can be escaped.
const mdSpecial = "\\`*_[]<|~"

// esc makes s literal text in Markdown. The words' isolates are dropped:
// the terminal's bidi does its own isolation, cell by cell.
func esc(s string) string {
	s = dropIsolates.Replace(s)
	if !strings.ContainsAny(s, mdSpecial) {
		return s
	}
	var b strings.Builder
	for _, r := range s {
		if strings.ContainsRune(mdSpecial, r) {
			b.WriteByte('\\')
		}
		b.WriteRune(r)
	}
	return b.String()
}
