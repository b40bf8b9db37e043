package report_test

import (
	"context"
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"
	"unicode"

	"github.com/jalsa-app/jalsa/model"
	"github.com/jalsa-app/jalsa/report"
	"golang.org/x/text/unicode/norm"
)

// TestPrintedMinutes prints the October minutes (two sittings, a roll-call
// vote, a tie, a 37-line budget) the two ways a clerk gets a PDF: the HTML
// through headless Chromium (`minutes --format pdf`), and the DOCX through
// LibreOffice (a real reader of Word files). In each PDF, pdftotext must
// find every decision, every count, every attendee and the page numbers,
// with numbers in logical order; and no page may end on a heading whose
// content went to the next page. The page counts are logged: they are the
// issue's measure.
func TestPrintedMinutes(t *testing.T) {
	need(t, "pdftotext", "poppler-utils")
	c := cases[1]
	st := demoState(t, c.script, c.start)
	for _, lang := range []string{"ar", "fr"} {
		page, d := minutes(t, st, c.session, lang)
		t.Run(lang+"/html-chromium", func(t *testing.T) {
			checkPDF(t, chromiumPDF(t, page.HTML()), page, d)
		})
		t.Run(lang+"/docx-libreoffice", func(t *testing.T) {
			docx, err := page.DOCX()
			if err != nil {
				t.Fatal(err)
			}
			checkPDF(t, libreOfficePDF(t, docx), page, d)
		})
	}
}

// chromiumPDF prints an HTML page to PDF with headless Chromium, as
// `minutes --format pdf` does.
func chromiumPDF(t *testing.T, page string) []byte {
	t.Helper()
	need(t, "pdftotext", "poppler-utils")
	if report.FindChromium() == "" {
		t.Skip("no Chromium on the PATH (apt-get install chromium fonts-noto-core): skipping the HTML→PDF test")
	}
	if arabicFont() == "" {
		t.Skip("no font with Arabic letters is installed (fc-list :lang=ar finds none; apt-get install fonts-noto-core): skipping the HTML→PDF test")
	}
	ctx, cancel := context.WithTimeout(context.Background(), 3*time.Minute)
	defer cancel()
	pdf, err := report.PrintPDF(ctx, []byte(page))
	if err != nil {
		t.Fatal(err)
	}
	return pdf
}

// need is the path of tool, or skips the test naming the package to install.
func need(t *testing.T, tool, pkg string) string {
	t.Helper()
	p, err := exec.LookPath(tool)
	if err != nil {
		t.Skipf("%s is not installed (apt-get install %s): skipping", tool, pkg)
	}
	return p
}

// libreOfficePDF converts a DOCX to PDF with LibreOffice, in a profile of
// its own so that parallel runs do not share one.
func libreOfficePDF(t *testing.T, docx []byte) []byte {
	t.Helper()
	need(t, "pdftotext", "poppler-utils")
	soffice := need(t, "soffice", "libreoffice-writer-nogui")
	dir := t.TempDir()
	src := filepath.Join(dir, "minutes.docx")
	if err := os.WriteFile(src, docx, 0o644); err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithTimeout(context.Background(), 3*time.Minute)
	defer cancel()
	cmd := exec.CommandContext(ctx, soffice, "--headless", "--norestore", "-env:UserInstallation=file://"+filepath.Join(dir, "profile"),
		"--convert-to", "pdf", "--outdir", dir, src)
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("soffice: %v\n%s", err, out)
	}
	pdf, err := os.ReadFile(filepath.Join(dir, "minutes.pdf"))
	if err != nil {
		t.Fatalf("LibreOffice wrote no PDF: %v", err)
	}
	return pdf
}

// pdfPages is the text of each page of a PDF, by pdftotext with options
// (-layout: the lines in the order they stand on the page).
func pdfPages(t *testing.T, pdf []byte, options ...string) []string {
	t.Helper()
	dir := t.TempDir()
	f := filepath.Join(dir, "m.pdf")
	if err := os.WriteFile(f, pdf, 0o644); err != nil {
		t.Fatal(err)
	}
	out, err := exec.Command("pdftotext", slices.Concat([]string{"-enc", "UTF-8"}, options, []string{f, "-"})...).Output()
	if err != nil {
		var ee *exec.ExitError
		errors.As(err, &ee)
		t.Fatalf("pdftotext: %v %s", err, ee.Stderr)
	}
	// LibreOffice draws «الله» with the font's ligature, whose text in the
	// PDF reads «اهلل»; the DOCX itself holds the letters (the HTML turns
	// the ligature off, see document.css).
	return strings.Split(strings.ReplaceAll(strings.TrimSuffix(string(out), "\f"), "اهلل", "الله"), "\f")
}

// arabicFont names an installed font made for Arabic, as fontconfig (which
// Chromium asks) sees them; "" when there is none or no fc-list to ask.
// Fonts that only cover part of Arabic (DejaVu Sans Mono answers
// :lang=ar) lose the lam-alef ligatures of the titles in the PDF text.
func arabicFont() string {
	out, err := exec.Command("fc-list", ":lang=ar", "family").Output()
	if err != nil {
		return ""
	}
	for _, family := range strings.Split(string(out), "\n") {
		if arabicFamily.MatchString(family) {
			return family
		}
	}
	return ""
}

// arabicFamily are the families of fonts drawn for Arabic (the check of
// .ci/run, which installs fonts-noto-core when none is there).
var arabicFamily = regexp.MustCompile(`(?i)arab|naskh|kufi|kacst|amiri`)

// squeeze folds what PDF text extraction changes and keeps what it must
// not: presentation forms become letters (NFKC), and spaces, line breaks
// and the bidi marks pdftotext inserts are dropped. Separators stay, so
// "2024-10-28" printed as "28-10-2024" does not match.
func squeeze(s string) string {
	return strings.Map(func(r rune) rune {
		if unicode.IsSpace(r) || unicode.Is(unicode.Bidi_Control, r) {
			return -1
		}
		return r
	}, norm.NFKC.String(s))
}

// alnum keeps the letters and digits of s, after NFKC (PDF text holds
// Arabic presentation forms): how a sentence must read in the PDF whatever
// the spaces, line breaks, bidi marks and punctuation the extraction puts
// around it. Digits stay in their order, so "70 0 6" printed as "6 0 70"
// does not match.
func alnum(s string) string {
	return strings.Map(func(r rune) rune {
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			return r
		}
		return -1
	}, norm.NFKC.String(s))
}

// checkPDF reads the minutes printed as pdf and checks what they must
// hold, and that no page ends on a heading.
func checkPDF(t *testing.T, pdf []byte, page *report.Page, d *report.Document) {
	t.Helper()
	pages := pdfPages(t, pdf)
	t.Logf("%d pages", len(pages))
	text := alnum(strings.Join(pages, "\n"))
	want := func(what, s string) {
		t.Helper()
		if s == "" {
			return
		}
		if d.Dir == "ltr" && strings.ContainsFunc(s, func(r rune) bool { return unicode.Is(unicode.Arabic, r) }) {
			// Arabic typed text in a left-to-right document: pdftotext
			// orders the pieces of right-to-left text around a number or a
			// colon as they are drawn from left to right («2024 المصادقة
			// …»), so each word of it is looked for.
			for _, word := range strings.Fields(s) {
				if a := alnum(word); a != "" && !strings.Contains(text, a) {
					t.Errorf("the PDF lacks the word %q of %s %q", word, what, s)
				}
			}
			return
		}
		if !strings.Contains(text, alnum(s)) {
			t.Errorf("the PDF lacks %s: %q", what, s)
		}
	}
	want("the title", page.Title)
	want("the body", d.Body.Name)
	for _, it := range d.Items {
		want("an item's title", it.Title)
		want("a decision", it.Result)
		if v := it.Vote; v != nil {
			want("a vote's reasons", v.Explanation)
		}
		if b := it.Budget; b != nil {
			for _, l := range b.Lines {
				// Cells are extracted row by row, so a label that wraps is
				// cut by its neighbours: the code and the amount are checked.
				want("a budget line's code", l.Code)
				want("a budget line's amount", l.Amount.Format(0x20, 0x2c)) // separators aside, the digits
			}
		}
	}
	for _, s := range d.Sittings {
		for _, group := range [][]report.Person{s.Present, s.Excused, s.Absent} {
			for _, p := range group {
				want("an attendee", p.Name)
			}
		}
	}
	// Each vote's counts: the sentence that reports them, in logical order.
	for _, bl := range page.Blocks {
		if p, ok := bl.(*report.Para); ok {
			for _, r := range p.Runs {
				if strings.Contains(r.Text, strconv.Itoa(d.Body.Seats)) {
					want("a sentence with counts", r.Text)
				}
			}
		}
	}
	for i, p := range pages {
		want := alnum(page.PageLabel + " " + strconv.Itoa(i+1) + " " + page.PageOf + " " + strconv.Itoa(len(pages)))
		if !strings.Contains(alnum(p), want) {
			t.Errorf("page %d is not numbered %q", i+1, want)
		}
	}
	for _, h := range headingsEndingPages(pdfPages(t, pdf, "-layout"), page) {
		t.Errorf("page %d ends on the heading %q", h.page, h.text)
	}
}

// endingHeading is a page (from 1) whose last line of text is a heading.
type endingHeading struct {
	page int
	text string
}

// headingsEndingPages lists the pages, but the last, whose last lines of
// text (the footer aside) are a heading of page, whole: a heading whose
// content went to the next page. The pages are read with -layout, whose
// lines are in the order they stand on the page (without it, pdftotext
// may read a table's first row before its text). A heading may wrap, so
// the last one, two or three lines are compared with it.
func headingsEndingPages(pages []string, page *report.Page) []endingHeading {
	headings := map[string]bool{}
	for _, bl := range page.Blocks {
		switch bl := bl.(type) {
		case *report.Heading:
			var s strings.Builder
			for _, r := range bl.Text {
				s.WriteString(r.Text)
			}
			headings[alnum(s.String())] = true
		case *report.Names:
			headings[alnum(bl.Title)] = true
		}
	}
	var out []endingHeading
	for i, p := range pages[:len(pages)-1] {
		var lines []string
		for _, l := range strings.Split(p, "\n") {
			if a := alnum(l); a != "" && !strings.Contains(a, alnum(page.PageLabel)+strconv.Itoa(i+1)) {
				lines = append(lines, a)
			}
		}
		for k := 1; k <= min(3, len(lines)); k++ {
			if last := strings.Join(lines[len(lines)-k:], ""); headings[last] {
				out = append(out, endingHeading{i + 1, last})
				break
			}
		}
	}
	return out
}

// TestPrintWithoutChromium: with no Chromium on the PATH, printing fails
// with exit 1 and says what to install.
func TestPrintWithoutChromium(t *testing.T) {
	t.Setenv("PATH", t.TempDir())
	_, err := report.PrintPDF(context.Background(), []byte("<!DOCTYPE html><p>x"))
	if model.ExitCode(err) != 1 || !strings.Contains(model.Message(err, "en"), "apt-get install chromium") {
		t.Errorf("PrintPDF without Chromium: %v (exit %d), want exit 1 naming what to install", err, model.ExitCode(err))
	}
}
