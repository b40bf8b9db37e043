package report

import (
	"archive/zip"
	"bytes"
	"encoding/xml"
	"strconv"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/jalsa-app/jalsa/i18n"
)

// renderDOCX writes a page as a Word document (WordprocessingML, written
// by hand: no Go library served here writes right-to-left text). For
// Arabic every paragraph is right-to-left (w:bidi), every table too
// (w:bidiVisual), and runs of Arabic letters are marked w:rtl so Word and
// LibreOffice shape them with the complex-script font. A4, page numbers in
// the footer, headings kept with what follows, table headers repeated and
// rows never split, as the printed HTML.
func renderDOCX(p *Page) ([]byte, error) {
	x := &docxWriter{rtl: p.Dir == "rtl", lang: p.Lang}
	for _, bl := range p.Blocks {
		x.block(bl)
	}
	x.body.WriteString(x.sectPr(p.Draft != ""))

	var buf bytes.Buffer
	z := zip.NewWriter(&buf)
	files := []struct{ name, data string }{
		{"[Content_Types].xml", docxContentTypes(p.Draft != "")},
		{"_rels/.rels", docxRootRels},
		{"docProps/core.xml", xmlHead + `<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/"><dc:title>` +
			xmlText(p.Title) + `</dc:title><dc:creator>jalsa</dc:creator><dc:language>` + xmlText(p.Lang) + `</dc:language></cp:coreProperties>`},
		{"docProps/app.xml", xmlHead + `<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties"><Application>jalsa</Application></Properties>`},
		{"word/_rels/document.xml.rels", docxDocRels(p.Draft != "")},
		{"word/settings.xml", x.settings()},
		{"word/styles.xml", x.styles()},
		{"word/footer1.xml", x.footer(p)},
		{"word/document.xml", xmlHead + `<w:document ` + wNS + `><w:body>` + x.body.String() + `</w:body></w:document>`},
	}
	if p.Draft != "" {
		files = append(files, struct{ name, data string }{"word/header1.xml", x.header(p.Draft)})
	}
	for _, f := range files {
		// A fixed time makes the same minutes the same file.
		w, err := z.CreateHeader(&zip.FileHeader{Name: f.name, Method: zip.Deflate, Modified: time.Date(2024, 1, 1, 0, 0, 0, 0, time.UTC)})
		if err != nil {
			return nil, err
		}
		if _, err := w.Write([]byte(f.data)); err != nil {
			return nil, err
		}
	}
	if err := z.Close(); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}

const (
	xmlHead = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>` + "\n"
	wNS     = `xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"`
	// A4 in twentieths of a point, and the text width between the
	// margins of the stylesheet (16 mm each side).
	a4Width, a4Height, textWidth = 11906, 16838, 10092
)

const docxRootRels = xmlHead + `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">` +
	`<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/>` +
	`<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/>` +
	`<Relationship Id="rId3" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/extended-properties" Target="docProps/app.xml"/>` +
	`</Relationships>`

func docxContentTypes(header bool) string {
	s := xmlHead + `<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">` +
		`<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>` +
		`<Default Extension="xml" ContentType="application/xml"/>` +
		`<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>` +
		`<Override PartName="/word/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml"/>` +
		`<Override PartName="/word/settings.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.settings+xml"/>` +
		`<Override PartName="/word/footer1.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.footer+xml"/>` +
		`<Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/>` +
		`<Override PartName="/docProps/app.xml" ContentType="application/vnd.openxmlformats-officedocument.extended-properties+xml"/>`
	if header {
		s += `<Override PartName="/word/header1.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.header+xml"/>`
	}
	return s + `</Types>`
}

func docxDocRels(header bool) string {
	s := xmlHead + `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">` +
		`<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/>` +
		`<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/settings" Target="settings.xml"/>` +
		`<Relationship Id="rId3" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/footer" Target="footer1.xml"/>`
	if header {
		s += `<Relationship Id="rId4" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/header" Target="header1.xml"/>`
	}
	return s + `</Relationships>`
}

// xmlText escapes s as XML character data (invalid characters become
// U+FFFD).
func xmlText(s string) string {
	var b strings.Builder
	_ = xml.EscapeText(&b, []byte(s))
	return b.String()
}

// docxWriter collects the body of document.xml.
type docxWriter struct {
	body strings.Builder
	rtl  bool
	lang string
}

// docxRun is the one way text reaches the document: it writes r's text as
// runs of one direction each (Arabic letters in w:rtl runs, Latin ones
// not, neutral characters with the run they sit in), with r's emphasis; a
// line break in the text is a line break in the paragraph.
func (x *docxWriter) docxRun(b *strings.Builder, r Run) {
	for i, line := range strings.Split(r.Text, "\n") {
		if i > 0 {
			b.WriteString(`<w:r><w:br/></w:r>`)
		}
		x.runLine(b, r, line)
	}
}

// Word and LibreOffice have no <bdi>, and Word reads no isolate marks: the
// pieces of a text (isolates, numbers) are set apart by the embeddings it
// has always read. An embedding, unlike an isolate, pulls the neutral
// characters around it to its direction: «2024، 10:24» in Arabic would read
// «10:24 ،2024», the two numbers and the comma between them made one
// left-to-right run. So each embedding is guarded on both sides by a mark of
// the direction it stands in (RLM or LRM), which holds those characters.
const (
	lre = "\u202a" // LEFT-TO-RIGHT EMBEDDING
	rle = "\u202b" // RIGHT-TO-LEFT EMBEDDING
	pdf = "\u202c" // POP DIRECTIONAL FORMATTING
	lrm = "\u200e" // LEFT-TO-RIGHT MARK
	rlm = "\u200f" // RIGHT-TO-LEFT MARK
)

// mark is the directional mark of a direction.
func mark(rtl bool) string {
	if rtl {
		return rlm
	}
	return lrm
}

// runLine writes one line of a run: the words' isolates become embeddings
// of the direction their text reads in, and each number (pieces) a
// left-to-right run in an embedding of its own, so that «2024-10-28» does
// not read «28-10-2024» in an Arabic paragraph.
func (x *docxWriter) runLine(b *strings.Builder, r Run, text string) {
	rtl := x.rtl && !r.LTR
	if r.LTR && x.rtl {
		// Left-to-right marks keep a reference such as 2024-10 from
		// reading 10-2024.
		text = lrm + text + lrm
	}
	if r.Isolate {
		text = string(fsi) + text + string(pdi)
	}
	// An isolate of the direction it stands in is not embedded: its text
	// reads the same without, and LibreOffice leaves a gap where such an
	// embedding ends.
	type level struct{ rtl, embedded bool }
	levels := []level{{rtl: rtl}}
	var segs []segment
	for _, pc := range pieces(text, rtl) {
		top := levels[len(levels)-1]
		switch pc.kind {
		case plainPiece:
			segs = append(segs, splitDirections(pc.text, top.rtl)...)
		case numberPiece:
			segs = append(segs, segment{text: mark(top.rtl) + lre + pc.text + pdf + mark(top.rtl)})
		case openPiece:
			l := level{rtl: pc.rtl, embedded: pc.rtl != top.rtl}
			switch {
			case l.embedded && pc.rtl:
				segs = append(segs, segment{text: lrm + rle, rtl: true})
			case l.embedded:
				segs = append(segs, segment{text: rlm + lre})
			}
			levels = append(levels, l)
		case closePiece:
			levels = levels[:len(levels)-1]
			if top.embedded {
				segs = append(segs, segment{text: pdf + mark(!top.rtl), rtl: top.rtl})
			}
		}
	}
	for _, seg := range joinSegments(segs) {
		b.WriteString(`<w:r><w:rPr>`)
		if r.Bold {
			b.WriteString(`<w:b/><w:bCs/>`)
		}
		if r.Italic {
			b.WriteString(`<w:i/><w:iCs/>`)
		}
		if r.Muted {
			b.WriteString(`<w:color w:val="555555"/>`)
		}
		if seg.rtl {
			b.WriteString(`<w:rtl/>`)
		}
		b.WriteString(`</w:rPr><w:t xml:space="preserve">` + xmlText(seg.text) + `</w:t></w:r>`)
	}
}

// joinSegments joins neighbouring segments of one direction into one run.
func joinSegments(segs []segment) []segment {
	var out []segment
	for _, s := range segs {
		if n := len(out); n > 0 && out[n-1].rtl == s.rtl {
			out[n-1].text += s.text
			continue
		}
		out = append(out, s)
	}
	return out
}

// segment is a stretch of text of one direction.
type segment struct {
	text string
	rtl  bool
}

// splitDirections cuts s where its strong direction changes: a letter of a
// right-to-left script starts an rtl segment, a Latin letter an ltr one;
// digits, spaces and punctuation stay with the segment they are in (rtl
// when the paragraph is and nothing has said otherwise yet).
func splitDirections(s string, rtl bool) []segment {
	var out []segment
	cur := segment{rtl: rtl}
	start := 0
	for i, r := range s {
		var dir int // 0 neutral, 1 rtl, 2 ltr
		switch {
		case isRTL(r):
			dir = 1
		case unicode.IsLetter(r):
			dir = 2
		}
		if dir == 0 || (dir == 1) == cur.rtl {
			continue
		}
		if i > start {
			cur.text = s[start:i]
			out = append(out, cur)
		}
		cur, start = segment{rtl: dir == 1}, i
	}
	if start < len(s) || len(out) == 0 {
		cur.text = s[start:]
		out = append(out, cur)
	}
	return out
}

// pPr is a paragraph's properties. Word refuses a file whose elements are
// out of the schema's order, so they are written by one method, in order.
type pPr struct {
	style              string
	keepNext           bool
	border, space, ind string
	jc                 string
	outline            int // heading level, 0 for none
}

// xml writes the properties, right-to-left in an Arabic document.
func (p pPr) xml(rtl bool) string {
	var b strings.Builder
	b.WriteString(`<w:pPr>`)
	if p.style != "" {
		b.WriteString(`<w:pStyle w:val="` + p.style + `"/>`)
	}
	if p.keepNext {
		b.WriteString(`<w:keepNext/><w:keepLines/>`)
	}
	if p.border != "" {
		b.WriteString(`<w:pBdr>` + p.border + `</w:pBdr>`)
	}
	if rtl {
		b.WriteString(`<w:bidi/>`)
	}
	b.WriteString(p.space + p.ind)
	if p.jc != "" {
		b.WriteString(`<w:jc w:val="` + p.jc + `"/>`)
	}
	if p.outline > 0 {
		b.WriteString(`<w:outlineLvl w:val="` + itoa(p.outline-1) + `"/>`)
	}
	b.WriteString(`</w:pPr>`)
	return b.String()
}

// para writes a paragraph with runs.
func (x *docxWriter) para(b *strings.Builder, p pPr, runs []Run) {
	b.WriteString(`<w:p>` + p.xml(x.rtl))
	for _, r := range runs {
		x.docxRun(b, r)
	}
	b.WriteString(`</w:p>`)
}

var docxParaStyles = map[string]string{"title": "DocTitle", "center": "Center", "notice": "Notice", "quote": "Quote", "end": "End", "small": "Small"}

func (x *docxWriter) block(bl Block) {
	b := &x.body
	switch bl := bl.(type) {
	case *Heading:
		// keepNext is in the style too; LibreOffice honours it only when the
		// paragraph says it.
		x.para(b, pPr{style: "Heading" + strconv.Itoa(min(max(bl.Level, 1), 4)), keepNext: true}, bl.Text)
	case *Para:
		if bl.Auto && i18n.ParagraphRTL(plain(bl.Runs), x.rtl) != x.rtl {
			// A paragraph in the other direction: written by a writer of
			// that direction.
			(&docxWriter{rtl: !x.rtl, lang: x.lang}).para(b, pPr{style: docxParaStyles[bl.Style]}, bl.Runs)
			return
		}
		x.para(b, pPr{style: docxParaStyles[bl.Style]}, bl.Runs)
	case *List:
		for i, it := range bl.Items {
			mark := "•\t"
			if bl.Ordered {
				mark = itoa(i+1) + ".\t"
			}
			x.para(b, pPr{style: "ListItem"}, append([]Run{text(mark)}, it...))
		}
	case *Table:
		x.table(bl)
		// The table's bottom margin; and LibreOffice ignores "keep with
		// next" on a heading that directly follows a table.
		x.para(b, pPr{style: "AfterTable"}, nil)
	case *Names:
		x.para(b, pPr{style: "Heading4", keepNext: true}, []Run{text(bl.Title)})
		if len(bl.Names) == 0 {
			x.para(b, pPr{}, []Run{text(bl.None)})
			return
		}
		const cols = 3
		t := &Table{}
		for i := 0; i < len(bl.Names); i += cols {
			var r Row
			for j := i; j < i+cols; j++ {
				cell := ""
				if j < len(bl.Names) {
					cell = itoa(j+1) + ". " + bl.Names[j]
				}
				r.Cells = append(r.Cells, cell)
			}
			t.Rows = append(t.Rows, r)
		}
		x.grid(t, "Plain", equalWidths(cols), "NamesCell", false)
		x.para(b, pPr{style: "AfterTable"}, nil)
	case *Signatures:
		t := &Table{Rows: []Row{{}, {}, {}}}
		for _, s := range bl.Blocks {
			t.Rows[0].Cells = append(t.Rows[0].Cells, s.Role)
			t.Rows[1].Cells = append(t.Rows[1].Cells, s.Name)
			t.Rows[2].Cells = append(t.Rows[2].Cells, s.Sign)
		}
		t.RowHeads = false
		x.grid(t, "Signature", equalWidths(len(bl.Blocks)), "", true)
	case *PageBreak:
		b.WriteString(`<w:p>` + pPr{}.xml(x.rtl) + `<w:r><w:br w:type="page"/></w:r></w:p>`)
	}
}

// equalWidths shares the text width among n columns.
func equalWidths(n int) []int {
	ws := make([]int, n)
	for i := range ws {
		ws[i] = textWidth / max(n, 1)
	}
	return ws
}

// table writes a Table: a grid with a repeated header, or the borderless
// particulars.
func (x *docxWriter) table(t *Table) {
	if t.Facts {
		x.grid(t, "Plain", []int{textWidth * 3 / 10, textWidth * 7 / 10}, "", false)
		return
	}
	x.grid(t, "Grid", columnWidths(t), "", false)
}

// columnWidths shares the table's width by the longest text of each
// column, within bounds, so a label column gets room and a code stays
// narrow. The columns that keep to one line (those Wrap leaves out, or by
// default the figures and codes) get the width of their longest first
// line (an amended amount's second line may wrap), and the others share
// the rest, never less than a fifth.
func columnWidths(t *Table) []int {
	n := len(t.Head)
	if n == 0 && len(t.Rows) > 0 {
		n = len(t.Rows[0].Cells)
	}
	at := func(flags []bool, i int) bool { return i < len(flags) && flags[i] }
	keeps := func(i int) bool {
		if t.Wrap != nil {
			return !at(t.Wrap, i)
		}
		return at(t.Num, i) || at(t.LTR, i)
	}
	// Widths in twips: a character of the tables' 10-point text is at
	// most about 120 wide, a header's bold one as much;
	// a cell's margins take 220 more.
	const char, headChar, margins = 120, 120, 220
	longest := make([]int, n)
	measure := func(i int, s string) {
		if i >= n {
			return
		}
		lines := strings.Split(s, "\n")
		if keeps(i) {
			lines = lines[:1]
		}
		for _, line := range lines {
			longest[i] = max(longest[i], min(utf8.RuneCountInString(line), 45)*char)
		}
	}
	for i, h := range t.Head {
		for _, word := range strings.Fields(h) {
			if i < n {
				longest[i] = max(longest[i], utf8.RuneCountInString(word)*headChar)
			}
		}
	}
	for _, r := range t.Rows {
		for i, c := range r.Cells {
			measure(i, c)
		}
	}
	width := textWidth
	if t.Width > 0 {
		width = textWidth * t.Width / 100
	}
	ws := make([]int, n)
	kept, wraps := 0, 0
	for i, l := range longest {
		if keeps(i) {
			ws[i] = max(l, 3*char) + margins
			kept += ws[i]
		} else {
			wraps += max(l, 4*char)
		}
	}
	rest := width - kept
	if least := width / 5; wraps > 0 && rest < least {
		// Too wide: the one-line columns give up room, in proportion.
		for i := range ws {
			ws[i] = ws[i] * (width - least) / max(kept, 1)
		}
		rest = least
	}
	for i, l := range longest {
		if !keeps(i) {
			ws[i] = rest * max(l, 4*char) / max(wraps, 1)
		}
	}
	if last := n - 1; t.Tall && last > 0 && ws[last] < width*32/100 {
		// The column to sign in, which holds no text, gets its room
		// from the others.
		others := width - ws[last]
		ws[last] = width * 32 / 100
		for i := range last {
			ws[i] = ws[i] * (width - ws[last]) / max(others, 1)
		}
	}
	return ws
}

// grid writes a table with style, column widths, and cellStyle for its
// cells' paragraphs; together keeps it on one page, as Word does, by
// keeping each row's text with the next row.
func (x *docxWriter) grid(t *Table, style string, widths []int, cellStyle string, together bool) {
	b := &x.body
	if cellStyle == "" {
		cellStyle = "TableText"
	}
	total := 0
	for _, w := range widths {
		total += w
	}
	b.WriteString(`<w:tbl><w:tblPr><w:tblStyle w:val="` + style + `"/>`)
	if x.rtl {
		b.WriteString(`<w:bidiVisual/>`)
	}
	b.WriteString(`<w:tblW w:w="` + itoa(total) + `" w:type="dxa"/><w:tblLayout w:type="fixed"/><w:tblLook w:val="0000"/></w:tblPr><w:tblGrid>`)
	for _, w := range widths {
		b.WriteString(`<w:gridCol w:w="` + itoa(w) + `"/>`)
	}
	b.WriteString(`</w:tblGrid>`)
	if len(t.Head) > 0 {
		b.WriteString(`<w:tr><w:trPr><w:cantSplit/><w:tblHeader/></w:trPr>`)
		for i, h := range t.Head {
			x.cell(widths, i, 1, pPr{style: "HeadCell", keepNext: true, jc: x.align(t, i)}, []Run{bold(h)}, true)
		}
		b.WriteString(`</w:tr>`)
	}
	rowPr := `<w:tr><w:trPr><w:cantSplit/></w:trPr>`
	if t.Tall {
		// 9 mm, room for a signature.
		rowPr = `<w:tr><w:trPr><w:cantSplit/><w:trHeight w:val="510" w:hRule="atLeast"/></w:trPr>`
	}
	for n, r := range t.Rows {
		b.WriteString(rowPr)
		keep := together && n < len(t.Rows)-1
		if r.Group != "" {
			// A part's caption stays with its first line.
			x.cell(widths, 0, len(widths), pPr{style: "HeadCell", keepNext: true}, []Run{bold(r.Group)}, true)
			b.WriteString(`</w:tr>`)
			continue
		}
		for i, c := range r.Cells {
			run := Run{Text: c, Bold: i == 0 && t.RowHeads, LTR: i < len(t.LTR) && t.LTR[i]}
			x.cell(widths, i, 1, pPr{style: cellStyle, keepNext: keep, jc: x.align(t, i)}, []Run{run}, false)
		}
		b.WriteString(`</w:tr>`)
	}
	b.WriteString(`</w:tbl>`)
}

// align is the paragraph alignment of column i: figures at the end.
func (x *docxWriter) align(t *Table, i int) string {
	if i < len(t.Num) && t.Num[i] {
		return "end"
	}
	return ""
}

// cell writes one cell spanning span columns from column i.
func (x *docxWriter) cell(widths []int, i, span int, p pPr, runs []Run, shaded bool) {
	b := &x.body
	w := 0
	for j := i; j < i+span && j < len(widths); j++ {
		w += widths[j]
	}
	b.WriteString(`<w:tc><w:tcPr><w:tcW w:w="` + itoa(w) + `" w:type="dxa"/>`)
	if span > 1 {
		b.WriteString(`<w:gridSpan w:val="` + itoa(span) + `"/>`)
	}
	if shaded {
		b.WriteString(`<w:shd w:val="clear" w:color="auto" w:fill="F2F2F2"/>`)
	}
	b.WriteString(`</w:tcPr>`)
	x.para(b, p, runs)
	b.WriteString(`</w:tc>`)
}

// sectPr is the page: A4, the stylesheet's margins, footer (and header for
// a draft), right-to-left for Arabic.
func (x *docxWriter) sectPr(header bool) string {
	s := `<w:sectPr>`
	if header {
		s += `<w:headerReference w:type="default" r:id="rId4"/>`
	}
	s += `<w:footerReference w:type="default" r:id="rId3"/>` +
		`<w:pgSz w:w="` + itoa(a4Width) + `" w:h="` + itoa(a4Height) + `"/>` +
		`<w:pgMar w:top="1021" w:right="907" w:bottom="1134" w:left="907" w:header="567" w:footer="567" w:gutter="0"/>`
	if x.rtl {
		s += `<w:bidi/>`
	}
	return s + `</w:sectPr>`
}

// footer numbers the pages: "Page 2 of 7".
func (x *docxWriter) footer(p *Page) string {
	var b strings.Builder
	b.WriteString(xmlHead + `<w:ftr ` + wNS + `><w:p>` + pPr{style: "Footer"}.xml(x.rtl))
	x.docxRun(&b, text(p.PageLabel+" "))
	b.WriteString(`<w:fldSimple w:instr=" PAGE "><w:r><w:t>1</w:t></w:r></w:fldSimple>`)
	x.docxRun(&b, text(" "+p.PageOf+" "))
	b.WriteString(`<w:fldSimple w:instr=" NUMPAGES "><w:r><w:t>1</w:t></w:r></w:fldSimple></w:p></w:ftr>`)
	return b.String()
}

// header stamps a draft on every page.
func (x *docxWriter) header(mark string) string {
	var b strings.Builder
	b.WriteString(xmlHead + `<w:hdr ` + wNS + `>`)
	x.para(&b, pPr{style: "DraftMark"}, []Run{bold(mark)})
	b.WriteString(`</w:hdr>`)
	return b.String()
}

func (x *docxWriter) settings() string {
	return xmlHead + `<w:settings ` + wNS + `><w:defaultTabStop w:val="425"/><w:characterSpacingControl w:val="doNotCompress"/>` +
		`<w:compat><w:compatSetting w:name="compatibilityMode" w:uri="http://schemas.microsoft.com/office/word" w:val="15"/></w:compat></w:settings>`
}

// styles are the document's styles, named as the HTML's classes are.
func (x *docxWriter) styles() string {
	latin := map[string]string{"fr": "fr-FR", "en": "en-GB"}[x.lang]
	if latin == "" {
		latin = "fr-FR"
	}
	style := func(id, name, next string, def bool, p pPr, rPr string) string {
		s := `<w:style w:type="paragraph"`
		if def {
			s += ` w:default="1"`
		} else if !strings.HasPrefix(id, "Heading") && id != "Footer" {
			s += ` w:customStyle="1"`
		}
		s += ` w:styleId="` + id + `"><w:name w:val="` + name + `"/>`
		if !def {
			s += `<w:basedOn w:val="Normal"/>`
		}
		if next != "" {
			s += `<w:next w:val="` + next + `"/>`
		}
		return s + `<w:qFormat/>` + p.xml(x.rtl) + `<w:rPr>` + rPr + `</w:rPr></w:style>`
	}
	size := func(halfPoints string) string {
		return `<w:sz w:val="` + halfPoints + `"/><w:szCs w:val="` + halfPoints + `"/>`
	}
	spacing := func(before, after string) string {
		return `<w:spacing w:before="` + before + `" w:after="` + after + `"/>`
	}
	heading := func(level int, halfPoints string, p pPr) string {
		p.style, p.keepNext, p.outline = "", true, level
		if p.space == "" {
			p.space = spacing("240", "80")
		}
		return style("Heading"+itoa(level), "heading "+itoa(level), "Normal", false, p, `<w:b/><w:bCs/>`+size(halfPoints))
	}
	rule := func(side, size, space, color string) string {
		return `<w:` + side + ` w:val="single" w:sz="` + size + `" w:space="` + space + `" w:color="` + color + `"/>`
	}
	box := rule("top", "12", "4", "BB0000") + rule("left", "12", "4", "BB0000") + rule("bottom", "12", "4", "BB0000") + rule("right", "12", "4", "BB0000")
	cellBorders := `<w:tblBorders>` + rule("top", "6", "0", "999999") + rule("left", "6", "0", "999999") + rule("bottom", "6", "0", "999999") +
		rule("right", "6", "0", "999999") + rule("insideH", "6", "0", "999999") + rule("insideV", "6", "0", "999999") + `</w:tblBorders>`
	tableStyle := func(id, borders string) string {
		return `<w:style w:type="table" w:customStyle="1" w:styleId="` + id + `"><w:name w:val="` + id + `"/><w:tblPr>` + borders +
			`<w:tblCellMar><w:top w:w="20" w:type="dxa"/><w:left w:w="80" w:type="dxa"/><w:bottom w:w="20" w:type="dxa"/><w:right w:w="80" w:type="dxa"/></w:tblCellMar></w:tblPr></w:style>`
	}
	cellText := pPr{space: spacing("0", "0")}
	// In a right-to-left paragraph Word's "left" indent and rule are on the
	// side the line starts, as CSS's inline-start.
	return xmlHead + `<w:styles ` + wNS + `>` +
		`<w:docDefaults><w:rPrDefault><w:rPr><w:rFonts w:ascii="Noto Serif" w:hAnsi="Noto Serif" w:eastAsia="Noto Serif" w:cs="Noto Naskh Arabic"/>` +
		size("22") + `<w:lang w:val="` + latin + `" w:eastAsia="` + latin + `" w:bidi="ar-MA"/></w:rPr></w:rPrDefault>` +
		`<w:pPrDefault>` + pPr{space: `<w:spacing w:after="80" w:line="300" w:lineRule="auto"/>`}.xml(x.rtl) + `</w:pPrDefault></w:docDefaults>` +
		style("Normal", "Normal", "", true, pPr{}, "") +
		heading(1, "34", pPr{jc: "center"}) +
		heading(2, "27", pPr{border: rule("bottom", "12", "1", "1A1A1A")}) +
		heading(3, "24", pPr{}) +
		heading(4, "22", pPr{space: spacing("160", "40")}) +
		style("DocTitle", "Document title", "", false, pPr{space: spacing("0", "0"), jc: "center"}, `<w:b/><w:bCs/>`+size("26")) +
		style("Center", "Centered", "", false, pPr{jc: "center"}, "") +
		style("Notice", "Notice", "", false, pPr{border: box}, `<w:color w:val="BB0000"/>`) +
		style("Quote", "Decision text", "", false, pPr{border: rule("left", "24", "8", "1A1A1A"), ind: `<w:ind w:left="240"/>`}, "") +
		style("End", "End of line", "", false, pPr{space: spacing("240", "80"), jc: "end"}, "") +
		style("Small", "Small", "", false, pPr{}, `<w:color w:val="555555"/>`) +
		style("ListItem", "List item", "", false, pPr{space: spacing("0", "20"), ind: `<w:ind w:left="567" w:hanging="340"/>`}, "") +
		style("HeadCell", "Table header", "", false, pPr{space: spacing("0", "0")}, size("20")) +
		style("TableText", "Table text", "", false, cellText, size("20")) +
		style("NamesCell", "Name", "", false, cellText, size("20")) +
		style("Footer", "footer", "", false, pPr{space: spacing("0", "0"), jc: "center"}, `<w:color w:val="555555"/>`+size("18")) +
		style("AfterTable", "After a table", "", false, pPr{space: `<w:spacing w:before="0" w:after="0" w:line="160" w:lineRule="exact"/>`}, size("8")) +
		style("DraftMark", "Draft mark", "", false, pPr{jc: "center"}, `<w:color w:val="BB0000"/>`+size("28")) +
		tableStyle("Grid", cellBorders) + tableStyle("Plain", "") + tableStyle("Signature", cellBorders) +
		`</w:styles>`
}
