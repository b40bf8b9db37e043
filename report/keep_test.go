package report_test

import (
	"context"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/jalsa-app/jalsa/report"
)

// No heading of the Word minutes ends a page in LibreOffice, wherever the
// page breaks fall. Each kind of run in the October minutes — one or more
// headings (a level, or a list of members' title) and what follows them
// up to the next heading: a paragraph, a list, a table, the lists of
// members, the signatures — is printed on a new page after each count of
// filler lines that brings its first heading to one of the last lines of
// the page, so that every kind of heading stands at every line of a
// page's foot; pdftotext must find no page whose last line is a heading.
// The runs' tables and lists are cut to a few rows, still more than fit
// under a heading at a page's foot. Without keep-with-next on its
// headings, the DOCX fails here 64 times in French and Arabic (tables,
// lists of members, paragraphs and the signatures alike).
func TestDOCXHeadingsStayWithWhatFollows(t *testing.T) {
	need(t, "pdftotext", "poppler-utils")
	c := cases[1]
	st := demoState(t, c.script, c.start)
	var docs [][]byte
	var all []*report.Page
	var runs [][]headingRun
	for _, lang := range []string{"fr", "ar"} {
		page, _ := minutes(t, st, c.session, lang)
		copies := *page
		copies.Blocks = nil
		rs := headingRuns(shortened(page))
		for k, r := range rs {
			for n := footFrom; n <= footTo; n++ {
				copies.Blocks = append(copies.Blocks, &report.PageBreak{}, marker(k, n))
				for i := range n {
					copies.Blocks = append(copies.Blocks, &report.Para{Runs: []report.Run{{Text: fmt.Sprintf("— %d —", i+1), LTR: true}}})
				}
				copies.Blocks = append(copies.Blocks, r.blocks...)
			}
		}
		data, err := copies.DOCX()
		if err != nil {
			t.Fatal(err)
		}
		docs = append(docs, data)
		all = append(all, &copies)
		runs = append(runs, rs)
	}
	for i, pdf := range libreOfficePDFs(t, docs) {
		pages := pdfPages(t, pdf, "-layout")
		t.Logf("%s: %d kinds of heading run, %d pages", all[i].Lang, len(runs[i]), len(pages))
		// at[n] is the run and count of filler lines of the copy page n
		// (from 0) is of; moved[k] says that some count pushed run k's
		// first heading past the first page: the counts reached the foot.
		at := make([][2]int, len(pages))
		moved := make([]bool, len(runs[i]))
		for n, p := range pages {
			if m := markRE.FindStringSubmatch(p); m != nil {
				k, _ := strconv.Atoi(m[1])
				lines, _ := strconv.Atoi(m[2])
				at[n] = [2]int{k, lines}
				if !strings.Contains(alnum(p), runs[i][k].first) {
					moved[k] = true
				}
			} else if n > 0 {
				at[n] = at[n-1]
			}
		}
		for k, m := range moved {
			if !m {
				t.Errorf("%s: %d filler lines never pushed the run %q to the next page: raise footTo", all[i].Lang, footTo, runs[i][k].first)
			}
		}
		for _, h := range headingsEndingPages(pages, all[i]) {
			r := at[h.page-1]
			t.Errorf("%s, run %q after %d lines: page %d ends on the heading %q", all[i].Lang, runs[i][r[0]].first, r[1], h.page, h.text)
		}
	}
}

// footFrom and footTo bound the filler lines put before a run: an A4
// page of the minutes holds about 32 lines of 11 points, so the run's
// first heading stands on each of the last lines of a page and, at the
// end, on the next one.
const footFrom, footTo = 24, 36

// markRE is the first line of a copy: its run and count of filler lines.
var markRE = regexp.MustCompile(`run (\d+) after (\d+)`)

// marker is the first line of a copy of run k after n filler lines.
func marker(k, n int) report.Block {
	return &report.Para{Runs: []report.Run{{Text: fmt.Sprintf("run %d after %d", k, n), LTR: true}}}
}

// headingRun is one or more headings and the blocks after them up to the
// next heading; first is its first heading's text, as alnum reads it.
type headingRun struct {
	blocks []report.Block
	first  string
}

// headingRuns lists the first run of each kind in page: the kind is the
// headings' levels (a list of members counts as a heading of its own)
// and the kind of block that follows them.
func headingRuns(page *report.Page) []headingRun {
	heading := func(bl report.Block) (string, bool) {
		switch bl := bl.(type) {
		case *report.Heading:
			var s strings.Builder
			for _, r := range bl.Text {
				s.WriteString(r.Text)
			}
			return "h" + strconv.Itoa(bl.Level) + ":" + s.String(), true
		case *report.Names:
			return "names:" + bl.Title, true
		}
		return "", false
	}
	seen := map[string]bool{}
	var out []headingRun
	bs := page.Blocks
	for i := 0; i < len(bs); i++ {
		h, ok := heading(bs[i])
		if !ok {
			continue
		}
		j, kind := i, ""
		for ; j < len(bs); j++ {
			hj, ok := heading(bs[j])
			if !ok {
				break
			}
			kind += hj[:strings.Index(hj, ":")] + " "
			if _, isNames := bs[j].(*report.Names); isNames {
				j++
				break
			}
		}
		end := j
		for end < len(bs) {
			if _, ok := heading(bs[end]); ok {
				break
			}
			end++
		}
		if j < len(bs) {
			kind += fmt.Sprintf("%T", bs[j])
		}
		if !seen[kind] {
			seen[kind] = true
			out = append(out, headingRun{bs[i:end], alnum(h[strings.Index(h, ":")+1:])})
		}
		i = j - 1
	}
	return out
}

// shortened is page with its tables cut to four rows and its lists to
// twelve names (four rows): the same blocks, each still more than fits
// under a heading at a page's foot, in fewer pages.
func shortened(page *report.Page) *report.Page {
	p := *page
	p.Blocks = slices.Clone(page.Blocks)
	for i, bl := range p.Blocks {
		switch bl := bl.(type) {
		case *report.Table:
			t := *bl
			t.Rows = t.Rows[:min(len(t.Rows), 4)]
			p.Blocks[i] = &t
		case *report.Names:
			n := *bl
			n.Names = n.Names[:min(len(n.Names), 12)]
			p.Blocks[i] = &n
		}
	}
	return &p
}

// libreOfficePDFs converts DOCX files to PDF with one LibreOffice run:
// starting it takes most of the time of a conversion.
func libreOfficePDFs(t *testing.T, docx [][]byte) [][]byte {
	t.Helper()
	soffice := need(t, "soffice", "libreoffice-writer-nogui")
	dir := t.TempDir()
	args := []string{"--headless", "--norestore", "-env:UserInstallation=file://" + filepath.Join(dir, "profile"),
		"--convert-to", "pdf", "--outdir", dir}
	for i, data := range docx {
		src := filepath.Join(dir, fmt.Sprintf("m%03d.docx", i))
		if err := os.WriteFile(src, data, 0o644); err != nil {
			t.Fatal(err)
		}
		args = append(args, src)
	}
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Minute)
	defer cancel()
	start := time.Now()
	if out, err := exec.CommandContext(ctx, soffice, args...).CombinedOutput(); err != nil {
		t.Fatalf("soffice: %v\n%s", err, out)
	}
	t.Logf("LibreOffice converted %d documents in %s", len(docx), time.Since(start).Round(time.Millisecond))
	pdfs := make([][]byte, len(docx))
	for i := range docx {
		pdf, err := os.ReadFile(filepath.Join(dir, fmt.Sprintf("m%03d.pdf", i)))
		if err != nil {
			t.Fatalf("LibreOffice wrote no PDF for document %d: %v", i, err)
		}
		pdfs[i] = pdf
	}
	return pdfs
}
