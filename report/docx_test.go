package report

import (
	"archive/zip"
	"bytes"
	"encoding/xml"
	"io"
	"slices"
	"strings"
	"testing"
)

// pPrOrder is the order CT_PPrBase gives the children of w:pPr (ECMA-376
// part 1, 17.3.1.26) for the elements the writer uses: Word refuses a file
// whose elements are out of order.
var pPrOrder = []string{"pStyle", "keepNext", "keepLines", "pBdr", "bidi", "spacing", "ind", "jc", "outlineLvl"}

// TestDOCXStructure reads back the Word file of a page in both directions:
// every part is well-formed XML, every paragraph's properties are in the
// schema's order, and an Arabic document is right to left throughout
// (paragraphs w:bidi, tables w:bidiVisual, section w:bidi) while a French
// one is not; A4, page numbers, header rows that repeat, rows that do not
// split; the same page gives the same bytes.
func TestDOCXStructure(t *testing.T) {
	page := func(lang, dir string) *Page {
		p := &Page{Lang: lang, Dir: dir, Title: "T", Draft: "DRAFT", PageLabel: "Page", PageOf: "of"}
		b := pageBuilder{p}
		b.heading(1, text("محضر"))
		b.para("notice", bold("مسودة"), text(" — x"))
		b.para("", text("المرجع: "), Run{Text: "2024-10", LTR: true})
		b.add(&Table{Head: []string{"الرمز", "البيان"}, Rows: []Row{{Group: "الجزء الأول"}, {Cells: []string{"I.1.1", "سطر\nثان"}}},
			LTR: []bool{true, false}, Wrap: []bool{false, true}})
		b.add(&Names{Title: "الحاضرون (2)", Names: []string{"أ", "ب"}})
		b.add(&List{Ordered: true, Items: [][]Run{{text("بند")}}})
		b.add(&Signatures{Blocks: []Signature{{Role: "رئيس الجلسة", Name: "السيد أ", Sign: "التوقيع:"}}})
		b.add(&PageBreak{})
		return p
	}
	for _, c := range []struct {
		lang, dir string
		rtl       bool
	}{{"ar", "rtl", true}, {"fr", "ltr", false}} {
		data, err := renderDOCX(page(c.lang, c.dir))
		if err != nil {
			t.Fatal(err)
		}
		again, _ := renderDOCX(page(c.lang, c.dir))
		if !bytes.Equal(data, again) {
			t.Errorf("%s: the same page gave two different files", c.lang)
		}
		z, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
		if err != nil {
			t.Fatal(err)
		}
		parts := map[string]string{}
		for _, f := range z.File {
			rc, _ := f.Open()
			b, _ := io.ReadAll(rc)
			rc.Close()
			parts[f.Name] = string(b)
			if strings.HasSuffix(f.Name, ".xml") || strings.HasSuffix(f.Name, ".rels") {
				checkXML(t, c.lang+" "+f.Name, b)
			}
		}
		for _, name := range []string{"[Content_Types].xml", "_rels/.rels", "word/document.xml", "word/styles.xml", "word/settings.xml",
			"word/footer1.xml", "word/header1.xml", "word/_rels/document.xml.rels", "docProps/core.xml"} {
			if _, ok := parts[name]; !ok {
				t.Errorf("%s: no %s", c.lang, name)
			}
		}
		doc := parts["word/document.xml"]
		paras := strings.Count(doc, "<w:p>")
		if got := strings.Count(doc, "<w:bidi/>"); c.rtl && got != paras+1 || !c.rtl && got != 0 {
			t.Errorf("%s: %d w:bidi for %d paragraphs and the section", c.lang, got, paras)
		}
		if got := strings.Count(doc, "<w:bidiVisual/>"); c.rtl != (got == strings.Count(doc, "<w:tbl>")) || !c.rtl && got != 0 {
			t.Errorf("%s: %d of %d tables right to left", c.lang, got, strings.Count(doc, "<w:tbl>"))
		}
		for _, want := range []string{`<w:pgSz w:w="11906" w:h="16838"/>`, `<w:tblHeader/>`, `<w:cantSplit/>`, `<w:br w:type="page"/>`, `<w:br/>`,
			`<w:keepNext/>`} {
			if !strings.Contains(doc, want) {
				t.Errorf("%s: document.xml lacks %s", c.lang, want)
			}
		}
		if c.rtl && !strings.Contains(doc, "\u200e2024-10\u200e") {
			t.Errorf("%s: the reference is not marked left to right", c.lang)
		}
		if !strings.Contains(parts["word/footer1.xml"], `w:instr=" PAGE "`) || !strings.Contains(parts["word/footer1.xml"], `w:instr=" NUMPAGES "`) {
			t.Errorf("%s: the footer does not number the pages", c.lang)
		}
	}
}

// checkXML parses an XML part and checks the order of every w:pPr.
func checkXML(t *testing.T, name string, data []byte) {
	t.Helper()
	dec := xml.NewDecoder(bytes.NewReader(data))
	var stack []string
	var children []string
	for {
		tok, err := dec.Token()
		if err == io.EOF {
			break
		}
		if err != nil {
			t.Errorf("%s is not well-formed XML: %v", name, err)
			return
		}
		switch tok := tok.(type) {
		case xml.StartElement:
			if len(stack) > 0 && stack[len(stack)-1] == "pPr" {
				children = append(children, tok.Name.Local)
			}
			stack = append(stack, tok.Name.Local)
			if tok.Name.Local == "pPr" {
				children = nil
			}
		case xml.EndElement:
			stack = stack[:len(stack)-1]
			if tok.Name.Local == "pPr" {
				last := -1
				for _, c := range children {
					i := slices.Index(pPrOrder, c)
					if i < last {
						t.Errorf("%s: w:pPr children out of the schema's order: %v", name, children)
						break
					}
					last = max(last, i)
				}
			}
		}
	}
}
