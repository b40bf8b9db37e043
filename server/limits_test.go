package server

import (
	"bufio"
	"context"
	"errors"
	"io"
	"net"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/charmbracelet/x/ansi"
	"github.com/jalsa-app/jalsa/cli"
	"github.com/jalsa-app/jalsa/i18n"
	"github.com/jalsa-app/jalsa/server/internal/sshclient"
	gossh "golang.org/x/crypto/ssh"
)

// fastPoll makes revocations and idleness looked at every 20 ms.
var fastPoll = limits{grace: LoginGrace, poll: 20 * time.Millisecond}

// Escape sequences that only set colours, and those that move the cursor
// or otherwise end a run of text.
var (
	sgr       = regexp.MustCompile(`\x1b\[[0-9;:]*m`)
	breakText = regexp.MustCompile(`\x1b(\[[0-9;:?<=>]*[ -/]*[@-~]|\][^\x07\x1b]*(\x07|\x1b\\)|.)|\r|\n`)
)

// widest is the width of the widest run of text drawn in one go since
// mark: a line, or the part of one that the renderer redrew.
func widest(s *sshclient.Screen, mark int) int {
	w := 0
	for _, run := range runs(s, mark) {
		w = max(w, ansi.StringWidth(run))
	}
	return w
}

// runs are the runs of text drawn since mark, each in one go.
func runs(s *sshclient.Screen, mark int) []string {
	return breakText.Split(sgr.ReplaceAllString(s.Raw()[mark:], ""), -1)
}

// A client that says its terminal is 10000×10000, at the start or on a
// window-change, is drawn at 400×200 (SPEC §7); a smaller one at its size.
func TestTerminalSizeIsCapped(t *testing.T) {
	f := newFixture(t, nil)
	ctx := waitCtx(t)
	s, err := sshclient.OpenScreen(f.client("vice-president"), "xterm-256color", 10000, 10000, map[string]string{"LANG": "en"})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	if err := s.WaitText(ctx, 0, "jalsa · 2024-10"); err != nil {
		t.Fatal(err)
	}
	if w := widest(s, 0); w > MaxWidth || w < MaxWidth/2 {
		t.Errorf("a 10000-column client was drawn %d columns wide, want at most %d (and the screen used)", w, MaxWidth)
	}
	mark := s.Mark()
	if err := s.Resize(20000, 20000); err != nil {
		t.Fatal(err)
	}
	if err := s.WaitText(ctx, mark, "jalsa · 2024-10"); err != nil {
		t.Fatal(err)
	}
	if w := widest(s, mark); w > MaxWidth {
		t.Errorf("resized to 20000x20000: drawn %d columns wide, want at most %d", w, MaxWidth)
	}
	// Below the cap, the client's own size is used.
	mark = s.Mark()
	if err := s.Resize(100, 30); err != nil {
		t.Fatal(err)
	}
	err = s.Wait(ctx, mark, func(string) bool {
		for _, run := range runs(s, mark) {
			if strings.Contains(run, "jalsa · 2024-10") && ansi.StringWidth(run) <= 100 {
				return true
			}
		}
		return false
	})
	if err != nil {
		t.Errorf("resized to 100x30: %v", err)
	}
	if !strings.Contains(f.log.String(), "screen 10000x10000") {
		t.Errorf("the log does not say what the client asked for:\n%s", f.log)
	}
}

// waitClosed waits for an SSH connection to end.
func waitClosed(ctx context.Context, c *gossh.Client) error {
	done := make(chan struct{})
	go func() { c.Wait(); close(done) }()
	select {
	case <-done:
		return nil
	case <-ctx.Done():
		return errors.New("the connection is still open")
	}
}

// A key removed from the operators file ends its open sessions at once, the
// UI with a line telling why, and a connection without a session too; the
// other operators stay (SPEC §7).
func TestRevokedKeyEndsItsSessions(t *testing.T) {
	f := newFixtureLimits(t, nil, fastPoll)
	ctx := waitCtx(t)
	clerk := f.screen("fatima", map[string]string{"LANG": "en"})
	observer := f.screen("vice-president", map[string]string{"LANG": "en"})
	for _, s := range []*sshclient.Screen{clerk, observer} {
		if err := s.WaitText(ctx, 0, "jalsa · 2024-10"); err != nil {
			t.Fatal(err)
		}
	}
	bare := f.client("fatima") // ssh -N: no session at all
	ops := readFile(t, filepath.Join(f.dir, "operators"))
	var kept []string
	for _, line := range strings.Split(ops, "\n") {
		if !strings.HasSuffix(line, " fatima") {
			kept = append(kept, line)
		}
	}
	start := time.Now()
	writeFile(t, filepath.Join(f.dir, "operators"), strings.Join(kept, "\n"), 0o600)
	if err := clerk.WaitText(ctx, 0, i18n.T("en", "server.bye_revoked")); err != nil {
		t.Fatal(err)
	}
	select {
	case <-clerk.Done():
	case <-ctx.Done():
		t.Fatal("the revoked clerk's screen is still open")
	}
	if err := waitClosed(ctx, bare); err != nil {
		t.Fatal("the revoked key's bare connection:", err)
	}
	t.Logf("revoked sessions ended %v after the edit", time.Since(start).Round(time.Millisecond))
	if !strings.Contains(clerk.Raw(), "\x1b[?1049l") {
		t.Error("the revoked screen was left in the alternate screen")
	}
	select {
	case <-observer.Done():
		t.Fatal("the observer, still in the file, was disconnected")
	default:
	}
	if _, err := sshclient.Dial(f.srv.Addr().String(), gossh.PublicKeys(f.keys["fatima"])); err == nil {
		t.Error("the removed key still logs in")
	}
	if log := f.log.String(); !strings.Contains(log, "fatima (key SHA256:") || !strings.Contains(log, "is no longer in the operators file") {
		t.Errorf("the log does not tell the revocation:\n%s", log)
	}
}

// A changed role applies at once: a clerk made observer sees it on the
// open screen, a key made display (another screen) is disconnected
// telling its new role, and a command run next has the new role (a clerk
// demoted to observer can no longer write).
func TestChangedRoleAppliesAtOnce(t *testing.T) {
	f := newFixtureLimits(t, nil, fastPoll)
	ctx := waitCtx(t)
	clerk := f.screen("fatima", map[string]string{"LANG": "en"})
	observer := f.screen("vice-president", map[string]string{"LANG": "en"})
	for _, s := range []*sshclient.Screen{clerk, observer} {
		if err := s.WaitText(ctx, 0, "jalsa · 2024-10"); err != nil {
			t.Fatal(err)
		}
	}
	lines := strings.Split(readFile(t, filepath.Join(f.dir, "operators")), "\n")
	for i, line := range lines {
		switch {
		case strings.HasSuffix(line, " fatima"):
			lines[i] = "observer" + strings.TrimPrefix(line, "clerk")
		case strings.HasSuffix(line, " vice-president"):
			lines[i] = "display" + strings.TrimPrefix(line, "observer")
		}
	}
	writeFile(t, filepath.Join(f.dir, "operators"), strings.Join(lines, "\n"), 0o600)
	// Clerk to observer is shown in place; observer to display, another
	// screen, ends the connection.
	if err := clerk.WaitText(ctx, 0, i18n.T("en", "tui.role.observer")); err != nil {
		t.Fatal(err)
	}
	if err := observer.WaitText(ctx, 0, i18n.T("en", "server.bye_changed", "vice-president", "display")); err != nil {
		t.Fatal(err)
	}
	before := f.st.Seq()
	r := f.run("fatima", "vote 2024-10 1 --for 60 --against 0 --abstain 2", nil)
	if r.Code != 3 || !strings.Contains(r.Stderr, i18n.T("en", "err.role_readonly", "observer")) || f.st.Seq() != before {
		t.Errorf("the demoted clerk voted: exit %d, %q", r.Code, r.Stderr)
	}
	if r := f.run("vice-president", "decisions", nil); r.Code != 3 {
		t.Errorf("the observer made a display still runs commands: exit %d, %q", r.Code, r.Stderr)
	}
}

// dialRaw opens a TCP connection from the local address from, as an
// attacker would, and reads the server's version line: nil means the
// connection was closed without one.
func dialRaw(t *testing.T, from, addr string) (net.Conn, []byte) {
	t.Helper()
	d := net.Dialer{LocalAddr: &net.TCPAddr{IP: net.ParseIP(from)}, Timeout: 20 * time.Second}
	c, err := d.Dial("tcp", addr)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { c.Close() })
	c.SetReadDeadline(time.Now().Add(20 * time.Second))
	line, err := bufio.NewReader(c).ReadBytes('\n')
	if err != nil {
		return c, nil
	}
	return c, line
}

// A connection that does not authenticate within the login grace is
// closed; at most MaxStartups wait at once, and a source whose
// connections time out is refused for a while (SPEC §7, as sshd's
// LoginGraceTime, MaxStartups and PerSourcePenalties).
func TestLoginGraceMaxStartupsAndPenalties(t *testing.T) {
	f := newFixtureLimits(t, nil, limits{grace: 2 * time.Second, poll: 20 * time.Millisecond})
	addr := f.srv.Addr().String()
	var silent []net.Conn
	for range MaxStartups {
		c, banner := dialRaw(t, "127.0.0.2", addr)
		if !strings.HasPrefix(string(banner), "SSH-2.0-") {
			t.Fatalf("connection %d got %q, want the server's version", len(silent)+1, banner)
		}
		silent = append(silent, c)
	}
	if _, banner := dialRaw(t, "127.0.0.3", addr); banner != nil {
		t.Errorf("connection %d was served while %d waited: %q", MaxStartups+1, MaxStartups, banner)
	}
	for i, c := range silent {
		if _, err := io.Copy(io.Discard, c); err != nil {
			t.Fatalf("silent connection %d was not closed after the grace: %v", i+1, err)
		}
	}
	if r := f.run("fatima", "sessions", nil); r.Code != 0 {
		t.Errorf("after the grace, the clerk: exit %d, %q", r.Code, r.Stderr)
	}
	if _, banner := dialRaw(t, "127.0.0.2", addr); banner != nil {
		t.Errorf("the source whose connections timed out is not refused: %q", banner)
	}
	log := f.log.String()
	for _, want := range []string{"not authenticated within 2s", "127.0.0.2 failed to log in too often", "already wait to authenticate"} {
		if !strings.Contains(log, want) {
			t.Errorf("the log lacks %q:\n%s", want, log)
		}
	}
}

// Failed logins cost their source: after four, even a good key from there
// is refused, while other sources are not (sshd's PerSourcePenalties
// authfail:5s, min:15s).
func TestFailedLoginsArePenalisedPerSource(t *testing.T) {
	f := newFixture(t, nil)
	addr := f.srv.Addr().String()
	stranger, _ := newKey(t)
	for i := range 4 {
		if _, err := sshclient.DialFrom("127.0.0.4", addr, gossh.PublicKeys(stranger)); err == nil {
			t.Fatalf("attempt %d: an unknown key logged in", i+1)
		}
	}
	// The server settles a connection's account once it has closed it,
	// which may be after the client has given up.
	if err := f.waitLog(waitCtx(t), "127.0.0.4 failed to log in too often"); err != nil {
		t.Fatal(err)
	}
	if c, err := sshclient.DialFrom("127.0.0.4", addr, gossh.PublicKeys(f.keys["fatima"])); err == nil {
		c.Close()
		t.Error("a good key from a penalised source got in")
	}
	if r, err := sshclient.Run(f.clientFrom("127.0.0.5", "fatima"), "sessions", nil, nil); err != nil || r.Code != 0 {
		t.Errorf("another source was refused: %+v, %v", r, err)
	}
}

// Every connection ends after its idle limit: one with no session (ssh -N)
// too, while a display that answers keep-alives stays (SPEC §7).
func TestIdleLimitEndsEveryConnectionButAnsweringDisplays(t *testing.T) {
	f := newFixtureLimits(t, func(o *cli.ServeOptions) { o.Idle = "1s" }, fastPoll)
	ctx := waitCtx(t)
	display := f.screen("hall-projector", map[string]string{"LANG": "en"})
	if err := display.Wait(ctx, 0, func(s string) bool { return strings.TrimSpace(s) != "" }); err != nil {
		t.Fatal(err)
	}
	// Two bare connections one after the other: the display outlives both.
	for _, who := range []string{"fatima", "hall-projector"} {
		// The idle clock starts at the login, inside f.client.
		start := time.Now()
		bare := f.client(who)
		if err := waitClosed(ctx, bare); err != nil {
			t.Fatalf("%s's bare connection: %v", who, err)
		}
		if d := time.Since(start); d < time.Second {
			t.Errorf("%s's bare connection was closed after %v, before its idle limit", who, d)
		}
	}
	select {
	case <-display.Done():
		t.Fatalf("the display was disconnected:\n%s", display.Text(0))
	default:
	}
	if !strings.Contains(f.log.String(), "closed: idle for 1s") {
		t.Errorf("the log does not tell the idle connections:\n%s", f.log)
	}
}

// Every command leaves a line in the log with the operator, the key's
// fingerprint, the address and the exit code; one over 64 KiB is refused
// before it is parsed, and shell syntax is refused, not ignored.
func TestCommandLimitsAndAudit(t *testing.T) {
	f := newFixture(t, nil)
	before := f.st.Seq()
	long := "item 2024-10 1 note " + strings.Repeat("ا", MaxCommand/2)
	r := f.run("fatima", long, nil)
	if want := "jalsa: " + i18n.T("en", "server.command_too_long", len(long), MaxCommand) + "\n"; r.Code != 2 || r.Stderr != want {
		t.Errorf("a %d-byte command: exit %d, %q; want exit 2 and %q", len(long), r.Code, r.Stderr, want)
	}
	start := time.Now()
	huge, err := sshclient.Run(f.client("fatima"), "sessions "+strings.Repeat("a", 1<<20), nil, nil)
	t.Logf("a 1 MB command was refused in %v (%+v, %v)", time.Since(start).Round(time.Millisecond), huge.Code, err)
	if err == nil && huge.Code != 2 {
		t.Errorf("a 1 MB command: exit %d, %q", huge.Code, huge.Stderr)
	}
	r = f.run("vice-president", "sessions && id", nil)
	if want := "jalsa: " + i18n.T("en", "server.shell_syntax", "&&") + "\n"; r.Code != 2 || r.Stderr != want || r.Stdout != "" {
		t.Errorf("sessions && id: exit %d, %q, %q", r.Code, r.Stdout, r.Stderr)
	}
	if f.st.Seq() != before {
		t.Error("a refused command changed the record")
	}
	if r := f.run("fatima", "sessions", nil); r.Code != 0 {
		t.Fatalf("the server no longer serves: %+v", r)
	}
	log := f.log.String()
	for _, c := range []struct{ who, role, cmd, code string }{
		{"fatima", "clerk", `"sessions"`, "exit 0"},
		{"vice-president", "observer", `"sessions && id"`, "exit 2"},
		{"fatima", "clerk", `(` + itoa(len(long)) + ` bytes)`, "exit 2"},
	} {
		fp := gossh.FingerprintSHA256(f.keys[c.who].PublicKey())
		want := "command by " + c.who + " (" + c.role + ", key " + fp + ") from 127.0.0.1:"
		found := false
		for _, line := range strings.Split(log, "\n") {
			found = found || (strings.Contains(line, want) && strings.Contains(line, c.cmd) && strings.HasSuffix(line, c.code))
		}
		if !found {
			t.Errorf("no audit line %q … %s … %s in:\n%s", want, c.cmd, c.code, log)
		}
	}
}

func itoa(n int) string { return strconv.Itoa(n) }

func readFile(t *testing.T, path string) string {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

// waitLog waits for text to appear in the server's log.
func (f *fixture) waitLog(ctx context.Context, text string) error { return f.log.waitFor(ctx, text) }
