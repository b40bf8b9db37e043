package server

import (
	"context"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/jalsa-app/jalsa/i18n"
	"github.com/jalsa-app/jalsa/internal/testbin"
	"github.com/jalsa-app/jalsa/server/internal/sshclient"
)

// TestLimitsWithOpenSSH tries SPEC §7's limits and trust on the real
// binary with OpenSSH's client, as the attacks that found them did.
func TestLimitsWithOpenSSH(t *testing.T) {
	if testing.Short() {
		t.Skip("end-to-end test: builds the binary")
	}
	for _, tool := range []string{"ssh", "ssh-keygen", "script"} {
		if _, err := exec.LookPath(tool); err != nil {
			t.Skipf("skipped: %s is not installed (openssh-client, util-linux; .ci/run installs them)", tool)
		}
	}
	// A directory others may enter, so that nobody can reach the files a
	// test gives it.
	root, err := os.MkdirTemp("", "jalsa-limits-")
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { os.RemoveAll(root) })
	if err := os.Chmod(root, 0o755); err != nil {
		t.Fatal(err)
	}
	e := &e2e{t: t, dir: filepath.Join(root, "conf"), bin: testbin.Jalsa(t)}
	if err := os.Mkdir(e.dir, 0o700); err != nil {
		t.Fatal(err)
	}
	e.db = filepath.Join(root, "jalsa.db")
	var ops strings.Builder
	for _, o := range []struct{ role, name string }{{"clerk", "fatima"}, {"observer", "vice-president"}, {"display", "hall-projector"}, {"", "mallory"}} {
		key := filepath.Join(e.dir, o.name)
		if out, err := exec.Command("ssh-keygen", "-q", "-t", "ed25519", "-N", "", "-C", o.name, "-f", key).CombinedOutput(); err != nil {
			t.Fatalf("ssh-keygen: %v\n%s", err, out)
		}
		if o.role != "" {
			ops.WriteString(o.role + " " + strings.Join(strings.Fields(readFile(t, key+".pub"))[:2], " ") + " " + o.name + "\n")
		}
	}
	opsPath := filepath.Join(e.dir, "operators")
	writeFile(t, opsPath, ops.String(), 0o600)
	for _, args := range [][]string{{"init", "../demo/2024-10.yaml"}, {"open", "2024-10"}, {"attend", "2024-10", "--present", "all"}, {"item", "2024-10", "1", "start"}} {
		if r := e.jalsa(nil, args...); r.Code != 0 {
			t.Fatalf("%s: %+v", args, r)
		}
	}

	t.Run("StrictModes at start", func(t *testing.T) { strictModesAtStart(t, e, ops.String()) })

	serve, log, _ := e.serve()
	pid := serve.Process.Pid

	t.Run("role scopes and shell syntax", func(t *testing.T) {
		for _, c := range []struct {
			who, cmd string
			code     int
			stderr   string
		}{
			{"hall-projector", "export", 3, i18n.T("en", "server.display_no_command")},
			{"vice-president", "verify --repair-index", 3, i18n.T("en", "err.role_readonly", "observer")},
			{"vice-president", "sessions && id", 2, i18n.T("en", "server.shell_syntax", "&&")},
		} {
			r := e.ssh(c.who, []string{"-o", "SetEnv=LANG=en_US.UTF-8"}, c.cmd)
			if r.Code != c.code || !strings.Contains(r.Stderr, c.stderr) || r.Stdout != "" {
				t.Errorf("%s: %s: exit %d, %q, %.80q; want exit %d and %q", c.who, c.cmd, r.Code, r.Stderr, r.Stdout, c.code, c.stderr)
			}
		}
	})

	t.Run("a 1 MB command", func(t *testing.T) {
		// One argument may not exceed 128 KiB: ten make the megabyte.
		words := make([]string, 10)
		for i := range words {
			words[i] = strings.Repeat("a", 100_000)
		}
		start := time.Now()
		r := e.ssh("vice-president", nil, append([]string{"sessions"}, words...)...)
		t.Logf("a 1 MB command was refused in %v: exit %d", time.Since(start).Round(time.Millisecond), r.Code)
		if r.Code == 0 {
			t.Errorf("a 1 MB command ran: %.200q", r.Stdout)
		}
		if r := e.ssh("vice-president", nil, "sessions"); r.Code != 0 {
			t.Errorf("the server no longer serves after it: %+v", r)
		}
	})

	t.Run("terminal size cap", func(t *testing.T) {
		ctx, cancel := context.WithTimeout(context.Background(), 60*time.Second)
		defer cancel()
		small := e.screen(ctx, t, "vice-president", 80, 24)
		if err := small.WaitText(ctx, 0, "jalsa · 2024-10"); err != nil {
			t.Fatal(err)
		}
		base := rss(t, pid)
		big := e.screen(ctx, t, "vice-president", 10000, 10000)
		if err := big.WaitText(ctx, 0, "jalsa · 2024-10"); err != nil {
			t.Fatal(err)
		}
		// A change redraws both screens.
		markSmall, markBig := small.Mark(), big.Mark()
		if r := e.jalsa(nil, "item", "2024-10", "1", "note", "redraw"); r.Code != 0 {
			t.Fatal(r)
		}
		for _, s := range []*sshclient.Terminal{small, big} {
			mark := markSmall
			if s == big {
				mark = markBig
			}
			if err := s.Wait(ctx, mark, func(text string) bool { return strings.TrimSpace(text) != "" }); err != nil {
				t.Fatal(err)
			}
		}
		withBig := rss(t, pid)
		t.Logf("server RSS: %d MB with an 80x24 client, %d MB with a 10000x10000 one as well", base>>20, withBig>>20)
		if withBig-base > 20<<20 {
			t.Errorf("a 10000x10000 client costs the server %d MB, want at most 20", (withBig-base)>>20)
		}
	})

	t.Run("a mv by another user in an open directory", func(t *testing.T) { mvByNobody(t, e, log) })

	t.Run("role change with a screen open", func(t *testing.T) {
		ctx, cancel := context.WithTimeout(context.Background(), 60*time.Second)
		defer cancel()
		clerk := e.screen(ctx, t, "fatima", 110, 30)
		if err := clerk.WaitText(ctx, 0, "jalsa · 2024-10"); err != nil {
			t.Fatal(err)
		}
		// A note half typed when the operators file makes fatima an
		// observer: it is dropped, and what she types then is refused.
		clerk.Type("n")
		clerk.Type("draft of a note")
		if err := clerk.WaitText(ctx, 0, "draft of a note"); err != nil {
			t.Fatal(err)
		}
		mark := clerk.Mark()
		writeFile(t, opsPath, strings.Replace(ops.String(), "clerk ", "observer ", 1), 0o600)
		if err := clerk.WaitText(ctx, mark, "now makes you an observer: what you were writing was not recorded"); err != nil {
			t.Fatal(err)
		}
		mark = clerk.Mark()
		clerk.Type("n")
		clerk.Type("late note\r")
		if err := clerk.WaitText(ctx, mark, i18n.T("en", "err.role_readonly", "observer")); err != nil {
			t.Fatal(err)
		}
		// Made clerk again, the same screen records.
		mark = clerk.Mark()
		writeFile(t, opsPath, ops.String(), 0o600)
		if err := clerk.WaitText(ctx, mark, "now makes you a clerk: you may record"); err != nil {
			t.Fatal(err)
		}
		mark = clerk.Mark()
		clerk.Type("n")
		clerk.Type("note after\r")
		if err := clerk.WaitText(ctx, mark, i18n.T("en", "tui.notes.added", 1)); err != nil {
			t.Fatal(err)
		}
		select {
		case <-clerk.Done():
			t.Fatal("the role change ended the connection")
		default:
		}
		want := i18n.T("en", "server.log.role_applied", "fatima", "observer", "clerk", "")
		if !strings.Contains(log.String(), want[:strings.Index(want, "from")]) {
			t.Errorf("the log does not say the role was applied in place:\n%s", log.String())
		}
		r := e.ssh("vice-president", nil, "minutes 2024-10 --format md")
		if strings.Contains(r.Stdout, "late note") || strings.Contains(r.Stdout, "draft of a note") || !strings.Contains(r.Stdout, "note after") {
			t.Errorf("the record's notes are wrong (exit %d): want only \"note after\"; late %v, draft %v, after %v", r.Code, strings.Contains(r.Stdout, "late note"), strings.Contains(r.Stdout, "draft of a note"), strings.Contains(r.Stdout, "note after"))
		}
		clerk.Type("\x03")
	})

	t.Run("revocation with a screen open", func(t *testing.T) {
		ctx, cancel := context.WithTimeout(context.Background(), 60*time.Second)
		defer cancel()
		clerk := e.screen(ctx, t, "fatima", 100, 30)
		if err := clerk.WaitText(ctx, 0, "jalsa · 2024-10"); err != nil {
			t.Fatal(err)
		}
		var kept []string
		for _, line := range strings.Split(ops.String(), "\n") {
			if !strings.HasSuffix(line, " fatima") {
				kept = append(kept, line)
			}
		}
		start := time.Now()
		writeFile(t, opsPath, strings.Join(kept, "\n"), 0o600)
		if err := clerk.WaitText(ctx, 0, i18n.T("en", "server.bye_revoked")); err != nil {
			t.Fatal(err)
		}
		select {
		case <-clerk.Done():
		case <-ctx.Done():
			t.Fatal("ssh is still connected")
		}
		t.Logf("the revoked clerk's ssh ended %v after the edit", time.Since(start).Round(time.Millisecond))
		if r := e.ssh("fatima", nil, "sessions"); r.Code != 255 {
			t.Errorf("the removed key: exit %d, %q", r.Code, r.Stderr)
		}
		writeFile(t, opsPath, ops.String(), 0o600)
	})

	serve.Process.Signal(syscall.SIGTERM)
	serve.Wait()

	t.Run("ssh -N idles out", func(t *testing.T) {
		serve, _, _ := e.serve("--idle", "2s")
		defer func() { serve.Process.Signal(syscall.SIGTERM); serve.Wait() }()
		ctx, cancel := context.WithTimeout(context.Background(), 60*time.Second)
		defer cancel()
		start := time.Now()
		if err := exec.CommandContext(ctx, "ssh", e.sshArgs("hall-projector", []string{"-N", "-o", "ServerAliveInterval=1"})...).Run(); ctx.Err() != nil {
			t.Fatalf("ssh -N with the display key is still connected after %v (%v)", time.Since(start), err)
		}
		if d := time.Since(start); d < 2*time.Second {
			t.Errorf("ssh -N ended after %v, before the idle limit", d)
		}
	})
}

// screen opens the UI over OpenSSH in a terminal of cols×rows (script(1)
// gives ssh a terminal; the test answers its queries).
func (e *e2e) screen(ctx context.Context, t *testing.T, who string, cols, rows int) *sshclient.Terminal {
	t.Helper()
	line := "stty cols " + strconv.Itoa(cols) + " rows " + strconv.Itoa(rows) + "; exec ssh " +
		strings.Join(e.sshArgs(who, []string{"-t", "-o", "SetEnv=LANG=en_US.UTF-8"}), " ")
	cmd := exec.CommandContext(ctx, "script", "-qefc", line, "/dev/null")
	cmd.Env = append(os.Environ(), "TERM=xterm-256color")
	stdin, err := cmd.StdinPipe()
	if err != nil {
		t.Fatal(err)
	}
	term := sshclient.NewTerminal(stdin)
	cmd.Stdout, cmd.Stderr = term, term
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	go func() { cmd.Wait(); term.Close() }()
	t.Cleanup(func() { stdin.Close(); cmd.Process.Kill() })
	return term
}

// rss is the resident memory of process pid, in bytes.
func rss(t *testing.T, pid int) int {
	t.Helper()
	for _, line := range strings.Split(readFile(t, "/proc/"+strconv.Itoa(pid)+"/status"), "\n") {
		if f := strings.Fields(line); len(f) == 3 && f[0] == "VmRSS:" {
			kb, err := strconv.Atoi(f[1])
			if err != nil {
				t.Fatal(err)
			}
			return kb << 10
		}
	}
	t.Skip("no VmRSS in /proc: not Linux")
	return 0
}

// strictModesAtStart: the server refuses to start on an operators file
// that another user could change, naming what is wrong.
func strictModesAtStart(t *testing.T, e *e2e, ops string) {
	start := func(path string) sshclient.Result {
		return e.jalsa(nil, "serve", "--listen", "127.0.0.1:0", "--operators", path, "--host-key", filepath.Join(e.dir, "host_ed25519"))
	}
	open := filepath.Join(filepath.Dir(e.dir), "open")
	if err := os.Mkdir(open, 0o777); err != nil {
		t.Fatal(err)
	}
	os.Chmod(open, 0o777)
	writeFile(t, filepath.Join(open, "operators"), ops, 0o600)
	group := filepath.Join(filepath.Dir(e.dir), "group")
	os.Mkdir(group, 0o700)
	writeFile(t, filepath.Join(group, "operators"), ops, 0o620)
	cases := []struct{ path, want string }{
		{filepath.Join(open, "operators"), i18n.T("en", "server.op_dir_writable", open, os.FileMode(0o777))},
		{filepath.Join(group, "operators"), i18n.T("en", "server.op_writable", os.FileMode(0o620))},
	}
	if os.Geteuid() == 0 {
		theirs := filepath.Join(filepath.Dir(e.dir), "theirs")
		os.Mkdir(theirs, 0o700)
		writeFile(t, filepath.Join(theirs, "operators"), ops, 0o644)
		if err := os.Chown(filepath.Join(theirs, "operators"), 65534, 65534); err != nil {
			t.Fatal(err)
		}
		cases = append(cases, struct{ path, want string }{filepath.Join(theirs, "operators"), "it belongs to nobody"})
	} else {
		t.Log("a file of another user needs root to make: not tried")
	}
	for _, c := range cases {
		r := start(c.path)
		if r.Code != 2 || !strings.Contains(r.Stderr, c.path+": "+c.want) && !strings.Contains(r.Stderr, c.want) {
			t.Errorf("%s: exit %d, %q; want exit 2 and %q", c.path, r.Code, r.Stderr, c.want)
		}
	}
}

// mvByNobody: once the operators' directory is opened to everyone by
// mistake, another user moves their own file over the operators file; the
// running server refuses to reload it, and the intruder's key stays out.
func mvByNobody(t *testing.T, e *e2e, log *syncBuffer) {
	var as []string
	if os.Geteuid() != 0 {
		t.Skip("needs root to act as nobody (CI runs as root)")
	}
	if p, err := exec.LookPath("setpriv"); err == nil {
		as = []string{p, "--reuid=nobody", "--regid=nogroup", "--clear-groups", "--"}
	} else if p, err := exec.LookPath("runuser"); err == nil {
		as = []string{p, "-u", "nobody", "--"}
	} else {
		t.Skip("neither setpriv nor runuser is installed (util-linux)")
	}
	if err := os.Chmod(e.dir, 0o777); err != nil {
		t.Fatal(err)
	}
	defer os.Chmod(e.dir, 0o700)
	mallory := strings.Join(strings.Fields(readFile(t, filepath.Join(e.dir, "mallory.pub")))[:2], " ")
	script := "printf 'clerk " + mallory + " mallory\\n' > " + e.dir + "/.new && chmod 600 " + e.dir + "/.new && mv " + e.dir + "/.new " + e.dir + "/operators"
	if out, err := exec.Command(as[0], append(as[1:], "sh", "-c", script)...).CombinedOutput(); err != nil {
		t.Fatalf("nobody's mv: %v\n%s", err, out)
	}
	if err := log.waitFor(waitCtx(t), i18n.T("en", "server.log.reload_failed", "")); err != nil {
		t.Fatal(err)
	}
	// Mallory's own key file is root's: read it as root.
	if r := e.ssh("mallory", nil, "item", "2024-10", "1", "note", "mallory was here"); r.Code != 255 {
		t.Errorf("mallory's key after the mv: exit %d, %q", r.Code, r.Stderr)
	}
	if r := e.ssh("fatima", nil, "sessions"); r.Code != 0 {
		t.Errorf("the clerk after the refused reload: exit %d, %q", r.Code, r.Stderr)
	}
	// Put the operators file back as the administrator would.
	os.Chmod(e.dir, 0o700)
	os.Remove(filepath.Join(e.dir, "operators"))
}
