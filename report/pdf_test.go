package report_test

import (
	"context"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"
	"unicode"

	"github.com/jalsa-app/jalsa/report"
	"golang.org/x/text/unicode/norm"
)

// TestPrintToPDF prints the Arabic minutes with headless Chromium, as a
// clerk's "print to PDF" would, and checks with pdftotext that the decision
// titles come out as Arabic text (not boxes, not reversed) and that the
// pages are numbered.
func TestPrintToPDF(t *testing.T) {
	st := demoState(t, "", "")
	page, err := report.HTML(st, "2024-06", "ar")
	if err != nil {
		t.Fatal(err)
	}
	out := printed(t, page)
	text := squeeze(out)

	s := st.Sessions["2024-06"]
	decisions := st.Decisions(s)
	if len(decisions) == 0 {
		t.Fatal("the demo session has no decisions")
	}
	for _, d := range decisions {
		if !strings.Contains(text, squeeze(d.Title)) {
			t.Errorf("the PDF text lacks decision %s %q", d.Ref, d.Title)
		}
	}
	for _, want := range []string{"محضر أشغال الدورة", st.BodyOf(s).Name, "صفحة 1 من"} {
		if !strings.Contains(text, squeeze(want)) {
			t.Errorf("the PDF text lacks %q", want)
		}
	}
	if t.Failed() {
		t.Logf("pdftotext gave:\n%.3000s", out)
	}
}

// printed prints an HTML page to PDF with headless Chromium, as a clerk's
// "print to PDF" would, and returns the PDF's text as pdftotext reads it.
// The test is skipped, saying which, when a tool is missing.
func printed(t *testing.T, page string) string {
	t.Helper()
	chromium, err := exec.LookPath("chromium")
	if err != nil {
		t.Skip("chromium is not installed (apt-get install chromium poppler-utils fonts-noto-core): skipping the PDF test")
	}
	pdftotext, err := exec.LookPath("pdftotext")
	if err != nil {
		t.Skip("pdftotext is not installed (apt-get install poppler-utils): skipping the PDF test")
	}
	if font := arabicFont(); font == "" {
		t.Skip("no font with Arabic letters is installed (fc-list :lang=ar finds none; apt-get install fonts-noto-core): skipping the PDF test")
	}
	dir := t.TempDir()
	src, pdf := filepath.Join(dir, "minutes.html"), filepath.Join(dir, "minutes.pdf")
	if err := os.WriteFile(src, []byte(page), 0o644); err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
	defer cancel()
	cmd := exec.CommandContext(ctx, chromium, "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run",
		"--disable-background-networking", "--user-data-dir="+filepath.Join(dir, "profile"),
		"--no-pdf-header-footer", "--print-to-pdf="+pdf, "file://"+src)
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("chromium: %v\n%s", err, out)
	}
	out, err := exec.CommandContext(ctx, pdftotext, "-enc", "UTF-8", pdf, "-").Output()
	if err != nil {
		t.Fatalf("pdftotext: %v", err)
	}
	return string(out)
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
// and the bidi marks pdftotext inserts are dropped.
func squeeze(s string) string {
	return strings.Map(func(r rune) rune {
		if unicode.IsSpace(r) || unicode.Is(unicode.Bidi_Control, r) {
			return -1
		}
		return r
	}, norm.NFKC.String(s))
}
