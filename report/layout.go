package report

// A Page is a document laid out for reading and printing: headings,
// paragraphs, lists, tables, numbered lists of names and signature blocks.
// Every document jalsa prints (the minutes; later the convocation and the
// attendance sheet) is built as a Page, and one writer per format reads it,
// so the Markdown, the HTML (and the PDF printed from it) and the DOCX of a
// document say the same thing in the same order:
//
//	Document ──layout──▶ Page ──▶ Markdown | HTML ──▶ PDF | DOCX
//
// Text is plain text, never markup: each writer escapes it its own way.
type Page struct {
	// Lang is the language (ar, fr, en) and Dir its direction (rtl, ltr).
	Lang, Dir string
	// Title names the document in a browser tab and in the DOCX properties.
	Title string
	// Draft, when set, is the word stamped across every page ("مسودة").
	Draft string
	// PageLabel and PageOf say "Page 2 of 7" in the footer of printed pages.
	PageLabel, PageOf string
	Blocks            []Block
}

// Block is one element of a Page: *Heading, *Para, *List, *Table, *Names,
// *Signatures or *PageBreak.
type Block interface{ block() }

// Run is a piece of text with its emphasis. Isolate marks text a user typed
// inside a sentence (a name, a title), which must keep its own direction:
// an Arabic name in a French sentence must not drag the words after it to
// its side. LTR marks codes and references ("2024-10/10/II.1.2") that read
// left to right even in Arabic.
type Run struct {
	Text                string
	Bold, Italic        bool
	Isolate, LTR, Muted bool
}

// Heading is a section title, level 1 to 4. It is kept on the same page as
// what follows it.
type Heading struct {
	Level int
	Text  []Run
}

// Para is a paragraph. Style is one of the paragraph styles every writer
// knows: "" (body text), "center", "title" (the document's header lines),
// "notice" (a framed warning), "quote" (a decision's text), "end" (set to
// the end of the line, as a date in a letter), "small". Auto sets the
// paragraph's direction by its own text (a legal basis in Arabic in French
// minutes), not the document's.
type Para struct {
	Style string
	Runs  []Run
	Auto  bool
}

// List is a bulleted or numbered list; each item is one line of runs.
type List struct {
	Ordered bool
	Items   [][]Run
}

// Table is a table whose header row repeats on every page it runs over and
// whose rows never split across pages. Num marks the columns of figures
// (aligned to the end, never wrapped); LTR the columns of codes; Wrap, when
// set, the only columns whose text may wrap (a budget line's label), the
// others keeping each row one line high. A Row with
// a Group is a caption across the whole table (a budget part). Facts makes
// a borderless two-column table of labels and values; RowHeads bolds the
// first cell of each row.
type Table struct {
	Head           []string
	Rows           []Row
	Num, LTR, Wrap []bool
	Facts          bool
	RowHeads       bool
	Width          int // percent of the line; 0 = full
	// Tall rows leave room to sign in (an attendance sheet).
	Tall bool
}

// Row is one row of a Table: its cells, or a caption across the table.
type Row struct {
	Cells []string
	Group string
}

// Names is a titled, numbered list of people set in columns (attendance,
// a roll-call vote). Numbers are part of the text, so two-digit ones are
// never clipped by a column's edge.
type Names struct {
	Title string
	Names []string
	None  string
}

// Signatures is the row of signature blocks that ends a document.
type Signatures struct {
	Blocks []Signature
}

// Signature is one block: the signatory's title, name, and the line to
// sign on.
type Signature struct {
	Role, Name, Sign string
}

// PageBreak starts a new page (one letter per member in a convocation).
type PageBreak struct{}

func (*Heading) block()    {}
func (*Para) block()       {}
func (*List) block()       {}
func (*Table) block()      {}
func (*Names) block()      {}
func (*Signatures) block() {}
func (*PageBreak) block()  {}

// text is a run of plain text.
func text(s string) Run { return Run{Text: s} }

// bold is a run of bold text.
func bold(s string) Run { return Run{Text: s, Bold: true} }

// typed is text a user typed, isolated from the sentence around it.
func typed(s string) Run { return Run{Text: s, Isolate: true} }

// pageBuilder appends blocks to a page.
type pageBuilder struct{ p *Page }

func (b pageBuilder) add(bl Block) { b.p.Blocks = append(b.p.Blocks, bl) }

func (b pageBuilder) heading(level int, runs ...Run) { b.add(&Heading{Level: level, Text: runs}) }

func (b pageBuilder) para(style string, runs ...Run) { b.add(&Para{Style: style, Runs: runs}) }
