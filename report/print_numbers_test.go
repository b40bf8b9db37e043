package report_test

import (
	"archive/zip"
	"bytes"
	"html"
	"math"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"

	"github.com/jalsa-app/jalsa/i18n"
	"github.com/jalsa-app/jalsa/internal/bidioracle"
	"github.com/jalsa-app/jalsa/report"
	"golang.org/x/text/unicode/norm"
)

// numbers lists every number-like run of the Markdown minutes, in logical
// order, marks taken out.
func numbers(t *testing.T, md string) []string {
	t.Helper()
	md = strings.NewReplacer(i18n.LRI, "", i18n.PDI, "", "\u200e", "", "\u200f", "").Replace(md)
	var out []string
	for _, line := range strings.Split(md, "\n") {
		for _, r := range i18n.NumberRuns(line) {
			out = append(out, line[r.Start:r.End])
		}
	}
	return out
}

// reversed lists the numbers that the printed text does not hold in their
// logical order.
func reversed(text string, nums []string) []string {
	text = squeeze(text)
	var out []string
	for _, n := range nums {
		if !strings.Contains(text, squeeze(n)) {
			out = append(out, n)
		}
	}
	return out
}

// pair is two numbers that follow each other in a line of the minutes with
// only spaces and punctuation between them («2024، 10:24»), and the
// direction of the text they stand in.
type pair struct {
	first, second string
	rtl           bool
}

// pairs lists the pairs of the Markdown minutes of direction rtl, marks
// taken out. Numbers with a space inside (amounts) are left out: PDF text
// extraction splits them into words. The direction of a pair is that of
// the letters on both sides of it (a French note in Arabic minutes reads
// left to right), or else its line's (i18n.ParagraphRTL, as the writers
// lay it out).
func pairs(md string, rtl bool) []pair {
	md = strings.NewReplacer(i18n.LRI, "", i18n.PDI, "", "\u200e", "", "\u200f", "").Replace(md)
	var out []pair
	for _, line := range strings.Split(md, "\n") {
		runs := i18n.NumberRuns(line)
		for i := 1; i < len(runs); i++ {
			a, b := line[runs[i-1].Start:runs[i-1].End], line[runs[i].Start:runs[i].End]
			between := line[runs[i-1].End:runs[i].Start]
			if a == b || strings.ContainsFunc(between, unicode.IsLetter) || strings.ContainsFunc(a+b, unicode.IsSpace) {
				continue
			}
			dir := i18n.ParagraphRTL(line, rtl)
			if before, after := strongBefore(line[:runs[i-1].Start]), strongAfter(line[runs[i].End:]); before != 0 && before == after {
				dir = before == 'R'
			}
			out = append(out, pair{a, b, dir})
		}
	}
	return out
}

// strongBefore is the direction ('R' or 'L') of the last letter of s, or 0.
func strongBefore(s string) rune {
	for s != "" {
		r, n := utf8.DecodeLastRuneInString(s)
		if unicode.IsLetter(r) {
			return direction(r)
		}
		s = s[:len(s)-n]
	}
	return 0
}

// strongAfter is the direction ('R' or 'L') of the first letter of s, or 0.
func strongAfter(s string) rune {
	for _, r := range s {
		if unicode.IsLetter(r) {
			return direction(r)
		}
	}
	return 0
}

// direction is 'R' for a letter of a right-to-left script, else 'L'.
func direction(r rune) rune {
	if i18n.HasRTL(string(r)) {
		return 'R'
	}
	return 'L'
}

// pdfWord is a word of a PDF page where pdftotext -bbox finds it.
type pdfWord struct {
	page int
	x, y float64
	text string
}

var bboxWord = regexp.MustCompile(`<word xMin="([0-9.]+)" yMin="([0-9.]+)"[^>]*>([^<]*)</word>`)

// pdfWords lists the words of a PDF with their places.
func pdfWords(t *testing.T, pdf []byte) []pdfWord {
	t.Helper()
	f := filepath.Join(t.TempDir(), "m.pdf")
	if err := os.WriteFile(f, pdf, 0o644); err != nil {
		t.Fatal(err)
	}
	out, err := exec.Command("pdftotext", "-bbox", f, "-").Output()
	if err != nil {
		t.Fatalf("pdftotext -bbox: %v", err)
	}
	var words []pdfWord
	for i, pg := range strings.Split(string(out), "<page ")[1:] {
		for _, m := range bboxWord.FindAllStringSubmatch(pg, -1) {
			x, _ := strconv.ParseFloat(m[1], 64)
			y, _ := strconv.ParseFloat(m[2], 64)
			words = append(words, pdfWord{i, x, y, norm.NFKC.String(html.UnescapeString(m[3]))})
		}
	}
	return words
}

// misordered lists the pairs that a page prints in the wrong reading
// order: in right-to-left text the first number must stand to the right of
// the second, in left-to-right text to its left. A pair is judged on each printed line where its two numbers are
// next to each other among the line's numbers; judged counts the pairs
// judged somewhere.
func misordered(words []pdfWord, ps []pair) (bad []pair, judged int) {
	type number struct {
		text string
		x    float64
	}
	var lines [][]number // each line's numbers, right to left
	var y float64
	page := -1
	for _, w := range words {
		if w.page != page || math.Abs(w.y-y) > 3 {
			lines = append(lines, nil)
			page, y = w.page, w.y
		}
		for _, r := range i18n.NumberRuns(w.text) {
			lines[len(lines)-1] = append(lines[len(lines)-1], number{w.text[r.Start:r.End], w.x})
		}
	}
	for _, l := range lines {
		sort.SliceStable(l, func(i, j int) bool { return l[i].x > l[j].x })
	}
	for _, p := range ps {
		seen, wrong := false, false
		for _, l := range lines {
			// Where a number is on the line twice, any placement of the
			// pair next to each other in reading order will do.
			adjacent, inOrder := false, false
			for i := 1; i < len(l); i++ {
				// The line's numbers go right to left: a right-to-left
				// pair reads in that order, a left-to-right one in the
				// other.
				right, left := l[i-1].text, l[i].text
				switch {
				case right == p.first && left == p.second:
					adjacent, inOrder = true, inOrder || p.rtl
				case right == p.second && left == p.first:
					adjacent, inOrder = true, inOrder || !p.rtl
				}
			}
			if !adjacent {
				continue
			}
			seen, wrong = true, wrong || !inOrder
		}
		if seen {
			judged++
		}
		if wrong {
			bad = append(bad, p)
		}
	}
	return bad, judged
}

// checkOrder checks that a PDF holds every number of nums in its logical
// order and reads every pair of ps in order, and returns how many pairs it
// judged.
func checkOrder(t *testing.T, what string, pdf []byte, nums []string, ps []pair) int {
	t.Helper()
	bad := reversed(strings.Join(pdfPages(t, pdf), "\n"), nums)
	swapped, judged := misordered(pdfWords(t, pdf), ps)
	t.Logf("numbers in %s: %d, out of order: %d; pairs judged: %d, swapped: %d", what, len(nums), len(bad), judged, len(swapped))
	if len(bad) > 0 {
		t.Errorf("out of order in print: %q", bad)
	}
	if len(swapped) > 0 {
		t.Errorf("pairs of numbers that read in the wrong order: %+v", swapped)
	}
	return judged
}

// embeddings takes out the embeddings (LRE, RLE, PDF) the DOCX writer sets
// numbers and typed text apart with.
var embeddings = strings.NewReplacer("\u202a", "", "\u202b", "", "\u202c", "")

// unembedded takes the embeddings (LRE, RLE, PDF) out of the text of a
// DOCX, as the minutes were written before the writer set numbers apart.
func unembedded(t *testing.T, docx []byte) []byte { return rewriteDOCX(t, docx, embeddings) }

// unguarded takes out the directional marks that hold the neutral
// characters between two embeddings in the direction around them.
func unguarded(t *testing.T, docx []byte) []byte {
	return rewriteDOCX(t, docx, strings.NewReplacer("\u200e", "", "\u200f", ""))
}

// rewriteDOCX rewrites every part of a DOCX with r.
func rewriteDOCX(t *testing.T, docx []byte, r *strings.Replacer) []byte {
	t.Helper()
	var buf bytes.Buffer
	out := zip.NewWriter(&buf)
	for _, f := range unzip(t, docx) {
		w, err := out.Create(f.name)
		if err != nil {
			t.Fatal(err)
		}
		if _, err := w.Write([]byte(r.Replace(string(f.data)))); err != nil {
			t.Fatal(err)
		}
	}
	if err := out.Close(); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

// embeddedHTML sets numbers apart by embeddings instead of isolates, to
// show that the pairs test sees the difference.
func embeddedHTML(page string) string {
	return strings.ReplaceAll(page, `<bdi dir="ltr">`, `<bdi dir="ltr" style="unicode-bidi: embed">`)
}

// The Arabic minutes of the demo's October session, printed to PDF the two
// ways a clerk gets one — the HTML by Chromium, the DOCX by LibreOffice —
// hold every number of the record (dates, times, references, counts,
// amounts) in its logical order (pdftotext reads the PDF back in logical
// order), and every two numbers that follow each other with only
// punctuation between them («2024، 10:24») in reading order, right to
// left, as placed on the page. Printed without the writer's isolates, or
// with embeddings that pull the punctuation between them, they do not: the
// test can fail.
func TestPrintedMinutesKeepNumbersInOrder(t *testing.T) {
	st := demoState(t, cases[1].script, cases[1].start)
	md, err := report.Markdown(st, "2024-10", "ar")
	if err != nil {
		t.Fatal(err)
	}
	page, err := report.Minutes(st, "2024-10", "ar")
	if err != nil {
		t.Fatal(err)
	}
	nums, ps := numbers(t, md), pairs(md, true)
	if len(nums) < 100 || len(ps) < 20 {
		t.Fatalf("only %d numbers and %d pairs in the minutes: the fixture does not exercise them", len(nums), len(ps))
	}
	check := func(t *testing.T, pdf, before, merged []byte) {
		if judged := checkOrder(t, "the printed October minutes", pdf, nums, ps); judged < 20 {
			t.Errorf("only %d pairs judged: the pairs test proves little", judged)
		}
		if was := reversed(strings.Join(pdfPages(t, before), "\n"), nums); len(was) == 0 {
			t.Error("without isolates every number still prints in order: the test proves nothing")
		} else {
			t.Logf("without the writer's isolates, %d numbers print out of order, e.g. %q", len(was), was[0])
		}
		if was, _ := misordered(pdfWords(t, merged), ps); len(was) == 0 {
			t.Error("with bare embeddings every pair still reads in order: the pairs test proves nothing")
		} else {
			t.Logf("with bare embeddings, %d pairs read in the wrong order, e.g. %+v", len(was), was[0])
		}
	}
	t.Run("html-chromium", func(t *testing.T) {
		html := page.HTML()
		check(t, chromiumPDF(t, html), chromiumPDF(t, unisolated(html)), chromiumPDF(t, embeddedHTML(html)))
	})
	t.Run("docx-libreoffice", func(t *testing.T) {
		docx, err := page.DOCX()
		if err != nil {
			t.Fatal(err)
		}
		check(t, libreOfficePDF(t, docx), libreOfficePDF(t, unembedded(t, docx)), libreOfficePDF(t, unguarded(t, docx)))
	})
}

// Every sample of the corpus, written as a note in Arabic minutes, prints
// with each of its numbers, and each pair of them, in logical order, from
// the HTML and from the DOCX. (Without the writer's isolates, 20 of its 130
// numbers print out of order from the HTML.)
func TestPrintedCorpusKeepsNumbersInOrder(t *testing.T) {
	samples := bidioracle.Corpus()
	cmds := [][]string{{"open", "2024-10"}, {"attend", "2024-10", "--present", "all"}, {"item", "2024-10", "1", "start"}}
	for _, s := range samples {
		cmds = append(cmds, []string{"item", "2024-10", "1", "note", "--", s.Text})
	}
	st := demoState(t, "", "", cmds...)
	page, err := report.Minutes(st, "2024-10", "ar")
	if err != nil {
		t.Fatal(err)
	}
	var nums []string
	for _, s := range samples {
		nums = append(nums, s.Runs...)
	}
	ps := pairs(page.Markdown(), true)
	check := func(t *testing.T, pdf []byte) { checkOrder(t, "the corpus", pdf, nums, ps) }
	t.Run("html-chromium", func(t *testing.T) { check(t, chromiumPDF(t, page.HTML())) })
	t.Run("docx-libreoffice", func(t *testing.T) {
		docx, err := page.DOCX()
		if err != nil {
			t.Fatal(err)
		}
		check(t, libreOfficePDF(t, docx))
	})
}
