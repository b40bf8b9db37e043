package tui_test

import (
	"fmt"
	"github.com/jalsa-app/jalsa/internal/testbin"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/jalsa-app/jalsa/tui/bidi"
)

// Agenda titles that go wrong first when Arabic is drawn in the wrong
// order: numbers, an amount, brackets, a Latin name.
var e2eTitles = []string{
	"المصادقة على اتفاقية (المرحلة 2) بقيمة 50 مليون درهم",
	"اتفاقية شراكة مع ODCO لسنة 2024",
}

// bidiTerm starts a tmux pane at 160×50 on a database holding an Arabic
// session with e2eTitles, its sitting open, so the UI opens on its cockpit.
func bidiTerm(t *testing.T) *term {
	t.Helper()
	if _, err := exec.LookPath("tmux"); err != nil {
		t.Skip("tmux is not installed: the end-to-end test of the terminal UI needs it (.ci/run installs it)")
	}
	if testing.Short() {
		t.Skip("-short: the end-to-end test builds and drives the real binary")
	}
	dir := t.TempDir()
	tm := &term{t: t, socket: fmt.Sprintf("jalsa-bidi-%d-%d", os.Getpid(), time.Now().UnixNano()), bin: testbin.Jalsa(t),
		width: 160, height: 50,
		env: []string{"JALSA_DB=" + filepath.Join(dir, "jalsa.db"), "LANG=C.UTF-8", "TERM=xterm-256color",
			"XDG_CONFIG_HOME=" + filepath.Join(dir, "config")}}
	t.Cleanup(func() { exec.Command("tmux", "-L", tm.socket, "kill-server").Run() })
	file := filepath.Join(dir, "session.yaml")
	yaml := "body: {id: b1, name: غرفة, language: ar}\nmembers: [{id: m01, name: ناجي}]\n" +
		"session: {id: s1, title: الدورة العادية لشهر أكتوبر 2024, date: 2024-10-28, chair: m01}\nagenda:\n"
	for _, title := range e2eTitles {
		yaml += "  - {title: \"" + title + "\", kind: agreement}\n"
	}
	if err := os.WriteFile(file, []byte(yaml), 0o600); err != nil {
		t.Fatal(err)
	}
	tm.jalsa("init", file)
	tm.jalsa("open", "s1")
	return tm
}

// tmux does no bidi: what capture-pane reads is what jalsa wrote, cell by
// cell. In app mode the titles are there in visual order (and not in
// logical order); in terminal mode in logical order.
func TestEndToEndBidiOrderInTmux(t *testing.T) {
	for _, mode := range []string{"app", "terminal"} {
		t.Run(mode, func(t *testing.T) {
			tm := bidiTerm(t)
			tm.start("--lang", "ar", "--bidi", mode)
			for _, title := range e2eTitles {
				want, not := bidi.Visual(title), title
				if mode == "terminal" {
					want, not = not, want
				}
				tm.waitFor(want)
				if strings.Contains(tm.screen(), not) {
					t.Errorf("%s mode: the screen holds %q", mode, not)
				}
			}
			tm.keys("q")
			if code := tm.waitDead(); code != "0" {
				t.Fatalf("exit %s", code)
			}
		})
	}
}

// SIGTERM while the UI runs in app mode: the program ends, leaves the
// alternate screen and puts the terminal back in implicit bidi mode as the
// very last thing it writes. script gives it a terminal and records every
// byte the terminal got (tmux is not needed here, and tmux 3.3 now and then
// stops drawing a pane whose program just died).
func TestTerminalRestoredAfterSIGTERM(t *testing.T) {
	if _, err := exec.LookPath("script"); err != nil {
		t.Skip("script (util-linux) is not installed")
	}
	tm := bidiTerm(t)
	record := filepath.Join(t.TempDir(), "typescript")
	cmd := exec.Command("script", "-qfc", "stty cols 160 rows 50; exec env "+strings.Join(tm.env, " ")+" "+tm.bin+" --lang ar --bidi app", record)
	stdin, err := cmd.StdinPipe() // held open: the UI waits for keys
	if err != nil {
		t.Fatal(err)
	}
	defer stdin.Close()
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	done := make(chan error, 1)
	go func() { done <- cmd.Wait() }()
	read := func() string {
		data, _ := os.ReadFile(record)
		return string(data)
	}
	// Once the header is drawn the UI is running; the signal may come at
	// any time after that.
	for start := time.Now(); !strings.Contains(read(), " · s1 · jalsa"); time.Sleep(10 * time.Millisecond) {
		if time.Since(start) > screenWait {
			cmd.Process.Kill()
			t.Fatalf("the UI never started: %q", read())
		}
	}
	out, err := exec.Command("pgrep", "-f", "^"+tm.bin).Output()
	pids := strings.Fields(string(out))
	if err != nil || len(pids) != 1 {
		cmd.Process.Kill()
		t.Fatalf("pgrep %s: %q %v", tm.bin, out, err)
	}
	if err := exec.Command("kill", "-TERM", pids[0]).Run(); err != nil {
		t.Fatal(err)
	}
	select {
	case err := <-done:
		if err != nil {
			t.Fatalf("after SIGTERM: %v", err)
		}
	case <-time.After(screenWait):
		cmd.Process.Kill()
		t.Fatalf("jalsa did not end on SIGTERM")
	}
	got := read()
	if i := strings.LastIndex(got, "\nScript done"); i >= 0 { // util-linux's own trailer
		got = got[:i]
	}
	enter, alt, leaveAlt := strings.Index(got, bidi.EnterExplicit), strings.Index(got, "\x1b[?1049h"), strings.LastIndex(got, "\x1b[?1049l")
	if enter < 0 || alt < 0 || enter > alt {
		t.Errorf("CSI 8 l is not written before the UI starts (at %d, alternate screen at %d)", enter, alt)
	}
	if leaveAlt < 0 || !strings.HasSuffix(got, bidi.LeaveExplicit) {
		t.Errorf("the output does not end by leaving the alternate screen and then CSI 8 h: …%q", got[max(len(got)-80, 0):])
	}
}
