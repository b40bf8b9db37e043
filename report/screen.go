package report

import (
	"strings"

	"github.com/jalsa-app/jalsa/i18n"
)

// A screen that lays out bidirectional text itself (the TUI's preview of
// the minutes) reads a Page's blocks with these: the text the Markdown
// writer gives, without its marks.

// Line is the text of runs as the Markdown has it, without marks: the
// words' isolates dropped, numbers kept left to right where the text needs
// it, and each line (runs may hold several) starting with a direction mark
// where its first letter would give it the wrong direction (markLine).
func (p *Page) Line(runs []Run) string {
	s := plain(runs)
	rtl := p.Dir == "rtl"
	lines := strings.Split(numbered(s, rtl || i18n.HasRTL(s), writeString), "\n")
	for i, l := range lines {
		lines[i] = markLine(l, rtl)
	}
	return strings.Join(lines, "\n")
}

// Cell is the text of a table's cell as the Markdown has it, on one line,
// numbers kept left to right where the text needs it.
func (p *Page) Cell(s string) string {
	s = strings.ReplaceAll(s, "\n", " ")
	return numbered(s, p.Dir == "rtl" || i18n.HasRTL(s), writeString)
}

// Label is a label followed by a colon, as the page's language writes it
// ("Lieu :", "Place:").
func (p *Page) Label(s string) string { return words{p.Lang}.T("colon", s) }

// NameList is the names of n on one line in the page's language, or its
// None when there are none.
func (p *Page) NameList(n *Names) string {
	if len(n.Names) == 0 {
		return n.None
	}
	return strings.Join(n.Names, words{p.Lang}.T("list.sep"))
}

func writeString(b *strings.Builder, s string) { b.WriteString(s) }
