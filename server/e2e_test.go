package server

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"github.com/jalsa-app/jalsa/internal/testbin"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/jalsa-app/jalsa/i18n"
	"github.com/jalsa-app/jalsa/server/internal/sshclient"
)

// e2e drives the real binary with the system's ssh client.
type e2e struct {
	t        *testing.T
	dir, bin string
	db       string
	port     string
}

// TestEndToEndWithTheSystemSSHClient starts `jalsa serve` and uses OpenSSH
// with keys made by ssh-keygen, as an operator would.
func TestMain(m *testing.M) { os.Exit(testbin.Run(m)) }

func TestEndToEndWithTheSystemSSHClient(t *testing.T) {
	if testing.Short() {
		t.Skip("end-to-end test: builds the binary")
	}
	for _, tool := range []string{"ssh", "ssh-keygen"} {
		if _, err := exec.LookPath(tool); err != nil {
			t.Skipf("end-to-end test skipped: %s is not installed (apt-get install openssh-client; .ci/run does it)", tool)
		}
	}
	e := &e2e{t: t, dir: t.TempDir()}
	e.bin = testbin.Jalsa(t)
	e.db = filepath.Join(e.dir, "jalsa.db")
	var ops strings.Builder
	for _, o := range []struct{ role, name string }{{"clerk", "fatima"}, {"observer", "vice-president"}, {"", "stranger"}} {
		key := filepath.Join(e.dir, o.name)
		if out, err := exec.Command("ssh-keygen", "-q", "-t", "ed25519", "-N", "", "-C", o.name, "-f", key).CombinedOutput(); err != nil {
			t.Fatalf("ssh-keygen: %v\n%s", err, out)
		}
		if o.role != "" {
			pub, err := os.ReadFile(key + ".pub")
			if err != nil {
				t.Fatal(err)
			}
			f := strings.Fields(string(pub))
			ops.WriteString(o.role + "\t" + f[0] + " " + f[1] + "\t" + o.name + "\n")
		}
	}
	writeFile(t, filepath.Join(e.dir, "operators"), ops.String(), 0o600)
	if r := e.jalsa(nil, "init", "../demo/2024-10.yaml"); r.Code != 0 {
		t.Fatalf("init: %+v", r)
	}

	serve, log, hostKey := e.serve()

	// Command mode, within each role.
	for _, c := range []struct {
		who, cmd string
		code     int
	}{
		{"fatima", "open 2024-10", 0},
		{"fatima", "attend 2024-10 --present all", 0},
		{"fatima", "item 2024-10 1 start", 0},
		{"vice-president", "vote 2024-10 1 --for 60 --against 0 --abstain 2", 3},
	} {
		if r := e.ssh(c.who, nil, c.cmd); r.Code != c.code {
			t.Fatalf("%s: %s: exit %d, want %d: %s", c.who, c.cmd, r.Code, c.code, r.Stderr)
		} else if c.code == 3 && !strings.Contains(r.Stderr, i18n.T("en", "err.role_readonly", "observer")) {
			t.Errorf("%s: %s: %q", c.who, c.cmd, r.Stderr)
		}
	}
	// Unknown keys and passwords are refused.
	if r := e.ssh("stranger", nil, "sessions"); r.Code != 255 || !strings.Contains(r.Stderr, "Permission denied (publickey)") {
		t.Errorf("stranger: exit %d: %s", r.Code, r.Stderr)
	}
	if r := e.ssh("fatima", []string{"-o", "PreferredAuthentications=password,keyboard-interactive"}, "sessions"); r.Code != 255 {
		t.Errorf("password: exit %d: %s", r.Code, r.Stderr)
	}

	// A terminal gets the UI. script(1) gives ssh a terminal of a known
	// size, as a person's would be; the test answers its queries.
	if _, err := exec.LookPath("script"); err != nil {
		t.Skip("the rest needs script(1) (util-linux)")
	}
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	sshLine := "stty cols 100 rows 30; exec ssh " + strings.Join(e.sshArgs("vice-president", []string{"-t", "-o", "SetEnv=LANG=en_US.UTF-8"}), " ")
	tui := exec.CommandContext(ctx, "script", "-qefc", sshLine, "/dev/null")
	tui.Env = append(os.Environ(), "TERM=xterm-256color")
	stdin, err := tui.StdinPipe()
	if err != nil {
		t.Fatal(err)
	}
	defer stdin.Close()
	screen := sshclient.NewTerminal(stdin)
	tui.Stdout, tui.Stderr = screen, screen
	if err := tui.Start(); err != nil {
		t.Fatal(err)
	}
	if err := screen.WaitText(ctx, 0, "jalsa · 2024-10"); err != nil {
		t.Fatal(err)
	}
	// A vote recorded by a local command, through the server's socket,
	// appears on the SSH screen.
	mark := screen.Mark()
	if r := e.jalsa(nil, "vote", "2024-10", "1", "--for", "60", "--against", "0", "--abstain", "2"); r.Code != 0 {
		t.Fatalf("local vote: exit %d: %s", r.Code, r.Stderr)
	}
	if err := screen.WaitText(ctx, mark, i18n.T("en", "tui.vote.counts", 60, 0, 2)); err != nil {
		t.Error(err)
	}
	remote := e.ssh("vice-president", nil, "decisions", "--json")
	var decisions []struct{ Ref, Outcome string }
	if err := json.Unmarshal([]byte(remote.Stdout), &decisions); err != nil || remote.Code != 0 {
		t.Fatalf("decisions --json: exit %d, %v: %q", remote.Code, err, remote.Stdout)
	}
	if len(decisions) != 1 || decisions[0].Ref != "2024-10/1" || decisions[0].Outcome != "adopted" {
		t.Errorf("decisions: %+v", decisions)
	}
	// The same command on the server's machine goes through the socket.
	if local := e.jalsa(nil, "decisions", "--json"); local.Stdout != remote.Stdout || local.Code != 0 {
		t.Errorf("locally: exit %d, %q; over SSH %q", local.Code, local.Stdout, remote.Stdout)
	}
	var export struct {
		Events []struct{ Actor, Type string }
	}
	if r := e.ssh("fatima", nil, "export"); json.Unmarshal([]byte(r.Stdout), &export) != nil || len(export.Events) < 2 {
		t.Errorf("export: exit %d %.200q", r.Code, r.Stdout)
	} else if ev := export.Events[len(export.Events)-2]; ev.Actor != "fatima" || ev.Type != "item" {
		t.Errorf("the item started over SSH is recorded as %s by %q, want by fatima", ev.Type, ev.Actor)
	}

	// SIGTERM tells the screen, and the server closes the database.
	if err := serve.Process.Signal(syscall.SIGTERM); err != nil {
		t.Fatal(err)
	}
	if err := serve.Wait(); err != nil {
		t.Errorf("serve after SIGTERM: %v\n%s", err, log)
	}
	tui.Wait()
	screen.Close()
	if want := i18n.T("en", "server.bye_shutdown"); !strings.Contains(screen.Text(0), want) {
		t.Errorf("the screen was not told %q: %q", want, tail(screen.Text(0), 300))
	}
	if r := e.jalsa(nil, "verify"); r.Code != 0 {
		t.Errorf("verify after the server stopped: exit %d: %s", r.Code, r.Stderr)
	}

	// The host key stays the same from one run to the next.
	if fi, err := os.Stat(filepath.Join(e.dir, "host_ed25519")); err != nil || fi.Mode().Perm() != 0o600 {
		t.Errorf("host key: %v, %v", fi, err)
	}
	again, log2, hostKey2 := e.serve()
	if hostKey2 != hostKey {
		t.Errorf("host key %s, then %s", hostKey, hostKey2)
	}
	again.Process.Signal(syscall.SIGINT)
	if err := again.Wait(); err != nil {
		t.Errorf("serve after SIGINT: %v\n%s", err, log2)
	}

	// A bad operators file stops the server at start, naming the line.
	writeFile(t, filepath.Join(e.dir, "bad"), ops.String()+"chair ssh-ed25519 AAAA x\n", 0o600)
	r := e.jalsa(nil, "serve", "--lang", "en", "--listen", "127.0.0.1:0", "--operators", filepath.Join(e.dir, "bad"), "--host-key", filepath.Join(e.dir, "host_ed25519"))
	if want := "jalsa: " + filepath.Join(e.dir, "bad") + `:3:1: "chair" is not a role`; r.Code != 2 || !strings.HasPrefix(r.Stderr, want) {
		t.Errorf("bad operators file: exit %d, %q; want exit 2 and %q", r.Code, r.Stderr, want)
	}
}

// serve starts `jalsa serve` on a free loopback port and returns once it
// listens, with its log and the fingerprint of its host key.
func (e *e2e) serve(extra ...string) (*exec.Cmd, *syncBuffer, string) {
	e.t.Helper()
	cmd := exec.Command(e.bin, append([]string{"serve", "--db", e.db, "--lang", "en", "--listen", "127.0.0.1:0",
		"--operators", filepath.Join(e.dir, "operators"), "--host-key", filepath.Join(e.dir, "host_ed25519")}, extra...)...)
	cmd.Env = append(os.Environ(), "XDG_CONFIG_HOME="+e.dir)
	stderr, err := cmd.StderrPipe()
	if err != nil {
		e.t.Fatal(err)
	}
	if err := cmd.Start(); err != nil {
		e.t.Fatal(err)
	}
	e.t.Cleanup(func() { cmd.Process.Kill() })
	serving := regexp.MustCompile(`serving on 127\.0\.0\.1:(\d+); host key (SHA256:\S+);`)
	log := &syncBuffer{}
	lines := bufio.NewScanner(stderr)
	for lines.Scan() {
		io.WriteString(log, lines.Text()+"\n")
		if m := serving.FindStringSubmatch(lines.Text()); m != nil {
			e.port = m[1]
			go io.Copy(log, stderr)
			return cmd, log, m[2]
		}
	}
	e.t.Fatalf("jalsa serve did not start:\n%s", log)
	return nil, nil, ""
}

func (e *e2e) sshArgs(who string, opts []string, cmd ...string) []string {
	args := []string{"-F", "/dev/null", "-o", "StrictHostKeyChecking=no", "-o", "UserKnownHostsFile=/dev/null",
		"-o", "BatchMode=yes", "-o", "IdentitiesOnly=yes", "-o", "LogLevel=ERROR",
		"-i", filepath.Join(e.dir, who), "-p", e.port}
	args = append(append(args, opts...), "127.0.0.1")
	return append(args, cmd...)
}

// ssh runs a command over SSH as who.
func (e *e2e) ssh(who string, opts []string, cmd ...string) sshclient.Result {
	return e.run(exec.Command("ssh", e.sshArgs(who, opts, cmd...)...))
}

// jalsa runs the binary on the test's database.
func (e *e2e) jalsa(stdin io.Reader, args ...string) sshclient.Result {
	cmd := exec.Command(e.bin, append([]string{"--db", e.db, "--lang", "en"}, args...)...)
	cmd.Stdin = stdin
	return e.run(cmd)
}

func (e *e2e) run(cmd *exec.Cmd) sshclient.Result {
	e.t.Helper()
	var out, errb bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &errb
	err := cmd.Run()
	r := sshclient.Result{Stdout: out.String(), Stderr: errb.String()}
	var exit *exec.ExitError
	if errors.As(err, &exit) {
		r.Code = exit.ExitCode()
	} else if err != nil {
		e.t.Fatalf("%s: %v", cmd, err)
	}
	return r
}
