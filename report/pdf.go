package report

import (
	"bytes"
	"context"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"time"

	"github.com/jalsa-app/jalsa/model"
)

// chromiumNames are the names a Chromium that prints headless goes by.
var chromiumNames = []string{"chromium", "chromium-browser", "google-chrome", "google-chrome-stable", "chrome", "headless_shell"}

// FindChromium is the path of the first Chromium on the PATH, or "".
func FindChromium() string {
	for _, n := range chromiumNames {
		if p, err := exec.LookPath(n); err == nil {
			return p
		}
	}
	return ""
}

// printTimeout bounds one printing: a hundred-page document prints in a
// few seconds; a browser that hangs must not hang the command.
const printTimeout = 2 * time.Minute

// PrintPDF prints an HTML page (as [Page.HTML] writes it) to PDF with the
// headless Chromium found on the PATH, as a clerk's "print to PDF" would:
// A4, the page's own margins and page numbers. Without a Chromium it fails
// (exit 1) saying what to install.
func PrintPDF(ctx context.Context, page []byte) ([]byte, error) {
	browser := FindChromium()
	if browser == "" {
		return nil, model.Failure("report.err_chromium")
	}
	dir, err := os.MkdirTemp("", "jalsa-print-")
	if err != nil {
		return nil, err
	}
	defer os.RemoveAll(dir)
	src, out := filepath.Join(dir, "page.html"), filepath.Join(dir, "page.pdf")
	if err := os.WriteFile(src, page, 0o600); err != nil {
		return nil, err
	}
	ctx, cancel := context.WithTimeout(ctx, printTimeout)
	defer cancel()
	// --no-sandbox: the page is jalsa's own, without scripts, and the
	// sandbox cannot start as root (a container, a CI runner).
	cmd := exec.CommandContext(ctx, browser, "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run",
		"--disable-background-networking", "--disable-extensions", "--user-data-dir="+filepath.Join(dir, "profile"),
		"--no-pdf-header-footer", "--print-to-pdf="+out, "file://"+src)
	var log bytes.Buffer
	cmd.Stdout, cmd.Stderr = &log, &log
	if err := cmd.Run(); err != nil {
		return nil, model.Failure("report.err_print", filepath.Base(browser), lastLine(log.String(), err.Error()))
	}
	pdf, err := os.ReadFile(out)
	if err != nil || !bytes.HasPrefix(pdf, []byte("%PDF")) {
		return nil, model.Failure("report.err_print_out", filepath.Base(browser))
	}
	return pdf, nil
}

// lastLine is the last non-empty line of a tool's output, or fallback.
func lastLine(s, fallback string) string {
	lines := strings.Split(strings.TrimSpace(s), "\n")
	if l := strings.TrimSpace(lines[len(lines)-1]); l != "" {
		return l
	}
	return fallback
}
