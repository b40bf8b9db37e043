package report_test

import (
	"archive/zip"
	"bytes"
	"strings"
	"testing"

	"github.com/jalsa-app/jalsa/i18n"
	"github.com/jalsa-app/jalsa/internal/bidioracle"
	"github.com/jalsa-app/jalsa/report"
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

// embeddings takes out the embeddings (LRE, RLE, PDF) the DOCX writer sets
// numbers and typed text apart with.
var embeddings = strings.NewReplacer("\u202a", "", "\u202b", "", "\u202c", "")

// unembedded takes the embeddings (LRE, RLE, PDF) out of the text of a
// DOCX, as the minutes were written before the writer set numbers apart.
func unembedded(t *testing.T, docx []byte) []byte {
	t.Helper()
	var buf bytes.Buffer
	out := zip.NewWriter(&buf)
	for _, f := range unzip(t, docx) {
		w, err := out.Create(f.name)
		if err != nil {
			t.Fatal(err)
		}
		if _, err := w.Write([]byte(embeddings.Replace(string(f.data)))); err != nil {
			t.Fatal(err)
		}
	}
	if err := out.Close(); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

// The Arabic minutes of the demo's October session, printed to PDF the two
// ways a clerk gets one — the HTML by Chromium, the DOCX by LibreOffice —
// hold every number of the record (dates, times, references, counts,
// amounts) in its logical order (pdftotext reads the PDF back in logical
// order). Printed without the writer's isolates, they do not: the test can
// fail.
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
	nums := numbers(t, md)
	if len(nums) < 100 {
		t.Fatalf("only %d numbers in the minutes: the fixture does not exercise them", len(nums))
	}
	check := func(t *testing.T, print, before func() []string) {
		bad := reversed(strings.Join(print(), "\n"), nums)
		t.Logf("numbers in the printed October minutes: %d, out of order: %d", len(nums), len(bad))
		if len(bad) > 0 {
			t.Errorf("out of order in print: %q", bad)
		}
		if was := reversed(strings.Join(before(), "\n"), nums); len(was) == 0 {
			t.Error("without isolates every number still prints in order: the test proves nothing")
		} else {
			t.Logf("without the writer's isolates, %d numbers print out of order, e.g. %q", len(was), was[0])
		}
	}
	t.Run("html-chromium", func(t *testing.T) {
		html := page.HTML()
		check(t, func() []string { return chromiumPages(t, html) },
			func() []string { return chromiumPages(t, unisolated(html)) })
	})
	t.Run("docx-libreoffice", func(t *testing.T) {
		docx, err := page.DOCX()
		if err != nil {
			t.Fatal(err)
		}
		check(t, func() []string { return libreOfficePages(t, docx) },
			func() []string { return libreOfficePages(t, unembedded(t, docx)) })
	})
}

// Every sample of the corpus, written as a note in Arabic minutes, prints
// with each of its numbers in logical order, from the HTML and from the
// DOCX. (Without the writer's isolates, 20 of its 130 numbers print out of
// order from the HTML.)
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
	check := func(t *testing.T, pages []string) {
		bad := reversed(strings.Join(pages, "\n"), nums)
		t.Logf("corpus numbers printed: %d, out of order: %d", len(nums), len(bad))
		if len(bad) > 0 {
			t.Errorf("out of order in print: %q", bad)
		}
	}
	t.Run("html-chromium", func(t *testing.T) { check(t, chromiumPages(t, page.HTML())) })
	t.Run("docx-libreoffice", func(t *testing.T) {
		docx, err := page.DOCX()
		if err != nil {
			t.Fatal(err)
		}
		check(t, libreOfficePages(t, docx))
	})
}
