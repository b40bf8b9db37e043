package report_test

import (
	"regexp"
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

// unisolatedHTML takes out what the writer adds to keep numbers whole, as
// the minutes were printed before.
var unisolatedHTML = regexp.MustCompile(`<bdi dir="ltr">|</bdi>|<bdi dir="rtl">`)

// The Arabic minutes of the demo's October session, printed to PDF by
// Chromium, hold every number of the record — dates, times, references,
// counts, amounts — in its logical order (pdftotext reads the PDF back in
// logical order). Printed without the writer's isolates, they do not: the
// test can fail.
func TestPrintedMinutesKeepNumbersInOrder(t *testing.T) {
	st := demoState(t, cases[1].script, cases[1].start)
	md, err := report.Markdown(st, "2024-10", "ar")
	if err != nil {
		t.Fatal(err)
	}
	page, err := report.HTML(st, "2024-10", "ar")
	if err != nil {
		t.Fatal(err)
	}
	nums := numbers(t, md)
	if len(nums) < 100 {
		t.Fatalf("only %d numbers in the minutes: the fixture does not exercise them", len(nums))
	}
	bad := reversed(printed(t, page), nums)
	t.Logf("numbers in the printed October minutes: %d, out of order: %d", len(nums), len(bad))
	if len(bad) > 0 {
		t.Errorf("out of order in print: %q", bad)
	}
	if before := reversed(printed(t, unisolatedHTML.ReplaceAllString(page, "")), nums); len(before) == 0 {
		t.Error("without isolates every number still prints in order: the test proves nothing")
	} else {
		t.Logf("without the writer's isolates, %d numbers print out of order, e.g. %q", len(before), before[0])
	}
}

// Every sample of the corpus, written as a note in Arabic minutes, prints
// with each of its numbers in logical order. (Without the writer's
// isolates, 20 of its 130 numbers print out of order.)
func TestPrintedCorpusKeepsNumbersInOrder(t *testing.T) {
	samples := bidioracle.Corpus()
	cmds := [][]string{{"open", "2024-10"}, {"attend", "2024-10", "--present", "all"}, {"item", "2024-10", "1", "start"}}
	for _, s := range samples {
		cmds = append(cmds, []string{"item", "2024-10", "1", "note", "--", s.Text})
	}
	st := demoState(t, "", "", cmds...)
	page, err := report.HTML(st, "2024-10", "ar")
	if err != nil {
		t.Fatal(err)
	}
	text := printed(t, page)
	var nums []string
	for _, s := range samples {
		nums = append(nums, s.Runs...)
	}
	bad := reversed(text, nums)
	t.Logf("corpus numbers printed: %d, out of order: %d", len(nums), len(bad))
	if len(bad) > 0 {
		t.Errorf("out of order in print: %q", bad)
	}
}
