package server

import (
	"bytes"
	"context"
	"errors"
	"net"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/jalsa-app/jalsa/cli"
	"github.com/jalsa-app/jalsa/i18n"
	"github.com/jalsa-app/jalsa/model"
	"github.com/jalsa-app/jalsa/server/internal/sshclient"
	"github.com/jalsa-app/jalsa/store"
	gossh "golang.org/x/crypto/ssh"
)

func TestRefusesUnknownKeysPasswordsAndKeyboardInteractive(t *testing.T) {
	f := newFixture(t, nil)
	stranger, _ := newKey(t)
	addr := f.srv.Addr().String()
	for name, auth := range map[string]gossh.AuthMethod{
		"unknown key": gossh.PublicKeys(stranger),
		"password":    gossh.Password("fatima"),
		"keyboard-interactive": gossh.KeyboardInteractive(func(string, string, []string, []bool) ([]string, error) {
			return []string{"fatima"}, nil
		}),
	} {
		if c, err := sshclient.Dial(addr, auth); err == nil {
			c.Close()
			t.Errorf("%s: let in", name)
		} else if !strings.Contains(err.Error(), "unable to authenticate") {
			t.Errorf("%s: %v", name, err)
		}
	}
	if want := "refused key " + gossh.FingerprintSHA256(stranger.PublicKey()); !strings.Contains(f.log.String(), want) {
		t.Errorf("the log does not say %q:\n%s", want, f.log)
	}
	// The same connection may try an unknown key first and a known one next.
	c, err := sshclient.Dial(addr, gossh.PublicKeys(stranger, f.keys["fatima"]))
	if err != nil {
		t.Fatalf("known key after an unknown one: %v", err)
	}
	c.Close()
}

// A command over SSH prints and exits exactly as the same command run on
// the machine that holds the database.
func TestCommandModeIsTheCommandLine(t *testing.T) {
	f := newFixture(t, nil)
	f.local("vote", "2024-10", "1", "--for", "60", "--against", "0", "--abstain", "2")
	for _, args := range [][]string{
		{"decisions", "--json"},
		{"decisions", "صفرو", "--json"},
		{"status", "2024-10", "--json"},
		{"show", "2024-10/1"},
		{"status", "2099-01"},
		{"vote", "2024-10"},
		{"nonsense"},
	} {
		var out, errb bytes.Buffer
		code := cli.Run(context.Background(), &cli.Env{Stdout: &out, Stderr: &errb, Getenv: func(string) string { return "" },
			Actor: "x", Role: model.RoleObserver, Store: f.st, Forwarded: true}, args)
		got := f.run("vice-president", strings.Join(args, " "), nil)
		if got.Stdout != out.String() || got.Stderr != errb.String() || got.Code != code {
			t.Errorf("%s: over SSH\n  exit %d, stdout %q, stderr %q\nlocally\n  exit %d, stdout %q, stderr %q",
				strings.Join(args, " "), got.Code, got.Stdout, got.Stderr, code, out.String(), errb.String())
		}
	}
}

// Role scopes (SPEC §7): an observer runs what reads, and verify
// --repair-index writes; a display runs nothing at all, not even a read.
func TestCommandModeRoles(t *testing.T) {
	f := newFixture(t, nil)
	vote := "vote 2024-10 1 --for 60 --against 0 --abstain 2"
	readonly := "jalsa: " + i18n.T("en", "err.role_readonly", "observer") + "\n"
	display := "jalsa: " + i18n.T("en", "server.display_no_command") + "\n"
	before := f.st.Seq()
	for _, c := range []struct {
		who, cmd, stderr string
		code             int
	}{
		{"vice-president", vote, readonly, 3},
		{"vice-president", "verify --repair-index", readonly, 3},
		{"vice-president", "verify --repair-index=true", readonly, 3},
		{"vice-president", "--lang en verify --repair-index", readonly, 3},
		{"vice-president", "verify", "", 0},
		{"vice-president", "export", "", 0},
		{"hall-projector", vote, display, 3},
		{"hall-projector", "export", display, 3},
		{"hall-projector", "sessions", display, 3},
		{"hall-projector", "help", display, 3},
	} {
		r := f.run(c.who, c.cmd, nil)
		if r.Code != c.code || r.Stderr != c.stderr || (c.code != 0 && r.Stdout != "") {
			t.Errorf("%s: %s: exit %d, stderr %q, stdout %.40q; want exit %d and %q", c.who, c.cmd, r.Code, r.Stderr, r.Stdout, c.code, c.stderr)
		}
	}
	if f.st.Seq() != before {
		t.Fatal("a refused command changed the record")
	}
	if r := f.run("fatima", vote, nil); r.Code != 0 {
		t.Fatalf("clerk: exit %d: %s", r.Code, r.Stderr)
	}
	if ev := f.lastEvent(); ev.Actor != "fatima" || ev.Type != "vote" {
		t.Errorf("last event %s by %q, want a vote by fatima", ev.Type, ev.Actor)
	}
}

func TestCommandModeSpeaksTheClientsLanguage(t *testing.T) {
	f := newFixture(t, nil)
	for _, c := range []struct {
		env  map[string]string
		lang string
	}{
		{nil, "en"},
		{map[string]string{"LANG": "fr_FR.UTF-8"}, "fr"},
		{map[string]string{"LANG": "fr_FR.UTF-8", "JALSA_LANG": "ar"}, "ar"},
		{map[string]string{"LANG": "C.UTF-8"}, "en"},
	} {
		r := f.run("vice-president", "item 2024-10 1 done", c.env)
		if want := "jalsa: " + i18n.T(c.lang, "err.role_readonly", "observer") + "\n"; r.Stderr != want {
			t.Errorf("env %v: %q, want %q", c.env, r.Stderr, want)
		}
	}
}

func TestCommandModeKeepsOffTheServersFiles(t *testing.T) {
	f := newFixture(t, nil)
	target := filepath.Join(f.dir, "export.json")
	for _, cmd := range []string{"export -o " + target, "minutes 2024-10 --output=" + target, "backup " + target, "import " + filepath.Join(f.dir, "operators")} {
		r := f.run("fatima", cmd, nil)
		if r.Code != 3 || !strings.HasPrefix(r.Stderr, "jalsa: ") {
			t.Errorf("%s: exit %d, %q; want it refused (exit 3)", cmd, r.Code, r.Stderr)
		}
	}
	if exists(target) {
		t.Error("a client wrote a file on the server")
	}
	if r := f.run("vice-president", "export", nil); r.Code != 0 || !strings.HasPrefix(r.Stdout, "{") {
		t.Errorf("export to the client's stdout: exit %d, %.40q", r.Code, r.Stdout)
	}
}

func TestNoTerminalAndNoCommand(t *testing.T) {
	f := newFixture(t, nil)
	sess, err := f.client("fatima").NewSession()
	if err != nil {
		t.Fatal(err)
	}
	var errb bytes.Buffer
	sess.Stderr = &errb
	if err := sess.Shell(); err != nil {
		t.Fatal(err)
	}
	err = sess.Wait()
	var exit *gossh.ExitError
	if !errors.As(err, &exit) || exit.ExitStatus() != 1 || !strings.Contains(errb.String(), i18n.T("en", "server.no_terminal")) {
		t.Errorf("ended with %v, stderr %q", err, errb.String())
	}
}

// `jalsa serve` with a bad operators file stops at start, naming the line,
// with exit 2; a missing file and a bad --idle likewise.
func TestServeRefusesToStart(t *testing.T) {
	dir := t.TempDir()
	// serve does not create a database (SPEC §11): it needs one to serve.
	st, err := store.Open(filepath.Join(dir, "j.db"), store.Options{})
	if err != nil {
		t.Fatal(err)
	}
	st.Close()
	_, pub := newKey(t)
	bad := filepath.Join(dir, "operators")
	writeFile(t, bad, "# operators\nclerk "+pub+" fatima\nclark "+pub+" karim\n", 0o600)
	for _, c := range []struct {
		args []string
		code int
		want string
	}{
		{[]string{"--operators", bad}, 2, "jalsa: " + bad + `:3:1: "clark" is not a role: use clerk, observer or display`},
		{[]string{"--operators", filepath.Join(dir, "none")}, 2, "jalsa: " + filepath.Join(dir, "none") + ": no operators file"},
		{[]string{"--operators", bad, "--idle", "soon"}, 2, `jalsa: --idle "soon": give a duration`},
	} {
		var out, errb bytes.Buffer
		env := &cli.Env{Stdout: &out, Stderr: &errb, Getenv: func(string) string { return "" }, Serve: Run}
		args := append([]string{"serve", "--lang", "en", "--db", filepath.Join(dir, "j.db"), "--host-key", filepath.Join(dir, "hk"), "--listen", "127.0.0.1:0"}, c.args...)
		code := cli.Run(context.Background(), env, args)
		if code != c.code || !strings.HasPrefix(errb.String(), c.want) || strings.Count(errb.String(), "\n") != 1 {
			t.Errorf("%v: exit %d, stderr %q; want exit %d and one line starting %q", c.args, code, errb.String(), c.code, c.want)
		}
	}
}

// The host key is made once, private to the server, and the same key is
// presented from one run to the next.
func TestHostKeyIsMadeOnceAndReused(t *testing.T) {
	f := newFixture(t, nil)
	path := filepath.Join(f.dir, "host_ed25519")
	fi, err := os.Stat(path)
	if err != nil {
		t.Fatal(err)
	}
	if fi.Mode().Perm() != 0o600 {
		t.Errorf("host key mode %04o, want 0600", fi.Mode().Perm())
	}
	first := hostKeyOf(t, f)
	f.srv.Stop()
	srv, err := Start(context.Background(), &cli.Env{Stderr: f.log, Getenv: func(string) string { return "" }}, f.st, cli.ServeOptions{
		Listen: "127.0.0.1:0", Operators: filepath.Join(f.dir, "operators"), HostKey: path})
	if err != nil {
		t.Fatal(err)
	}
	defer srv.Stop()
	f.srv = srv
	if again := hostKeyOf(t, f); again != first {
		t.Errorf("host key changed from %s to %s", first, again)
	}
	if err := os.Chmod(path, 0o644); err != nil {
		t.Fatal(err)
	}
	_, err = Start(context.Background(), &cli.Env{Stderr: f.log}, f.st, cli.ServeOptions{Listen: "127.0.0.1:0",
		Operators: filepath.Join(f.dir, "operators"), HostKey: path})
	if err == nil || !strings.Contains(err.Error(), "can be read by others (mode 0644)") {
		t.Errorf("a host key others can read: %v", err)
	}
}

func hostKeyOf(t *testing.T, f *fixture) string {
	t.Helper()
	var fp string
	c, err := gossh.Dial("tcp", f.srv.Addr().String(), &gossh.ClientConfig{
		User: "x", Auth: []gossh.AuthMethod{gossh.PublicKeys(f.keys["fatima"])},
		HostKeyCallback: func(_ string, _ net.Addr, k gossh.PublicKey) error { fp = gossh.FingerprintSHA256(k); return nil },
	})
	if err != nil {
		t.Fatal(err)
	}
	c.Close()
	return fp
}

// Two clerks recording the same vote at once: one is recorded, the other
// is told it already is, and nothing is lost or recorded twice.
func TestTwoClerksOneVote(t *testing.T) {
	f := newFixture(t, nil)
	before := f.st.Seq()
	results := make(chan sshclient.Result, 2)
	for _, counts := range []string{"--for 60 --against 0 --abstain 2", "--for 55 --against 5 --abstain 2"} {
		c := f.client("fatima")
		go func() {
			r, err := sshclient.Run(c, "vote 2024-10 1 "+counts, nil, nil)
			if err != nil {
				r.Code, r.Stderr = -1, err.Error()
			}
			results <- r
		}()
	}
	codes := map[int]int{}
	for range 2 {
		r := <-results
		codes[r.Code]++
		if r.Code == 3 && !strings.HasPrefix(r.Stderr, "jalsa: ") {
			t.Errorf("refused without a reason: %q", r.Stderr)
		}
	}
	if codes[0] != 1 || codes[3] != 1 {
		t.Errorf("exit codes %v, want one 0 and one 3", codes)
	}
	if f.st.Seq() != before+1 {
		t.Errorf("%d events, want 1", f.st.Seq()-before)
	}
}

// `jalsa --listen ADDR` serves SSH beside the local UI, from the default
// operators file, and stops when the UI quits.
func TestAlongsideTheLocalUI(t *testing.T) {
	f := newFixture(t, nil)
	f.srv.Stop()
	config := t.TempDir()
	if err := os.MkdirAll(filepath.Join(config, "jalsa"), 0o700); err != nil {
		t.Fatal(err)
	}
	ops, err := os.ReadFile(filepath.Join(f.dir, "operators"))
	if err != nil {
		t.Fatal(err)
	}
	writeFile(t, filepath.Join(config, "jalsa", OperatorsFile), string(ops), 0o600)
	env := &cli.Env{Getenv: func(k string) string { return map[string]string{"XDG_CONFIG_HOME": config}[k] }}
	var addr string
	ui := func(ctx context.Context, env *cli.Env, st *store.Store, o cli.UIOptions) error {
		// While the local UI runs, an operator gets in over SSH.
		c, err := sshclient.Dial(o.Listen, gossh.PublicKeys(f.keys["vice-president"]))
		if err != nil {
			return err
		}
		defer c.Close()
		r, err := sshclient.Run(c, "status 2024-10 --json", nil, nil)
		if err == nil && r.Code != 0 {
			err = errors.New(r.Stderr)
		}
		addr = o.Listen
		return err
	}
	listen := freeAddr(t)
	if err := Alongside(ui)(context.Background(), env, f.st, cli.UIOptions{Listen: listen, Lang: "en"}); err != nil {
		t.Fatal(err)
	}
	if addr != listen {
		t.Fatal("the UI did not run")
	}
	if !exists(filepath.Join(config, "jalsa", HostKeyFile)) {
		t.Error("no host key in the default place")
	}
	if c, err := sshclient.Dial(listen, gossh.PublicKeys(f.keys["vice-president"])); err == nil {
		c.Close()
		t.Error("the server still runs after the UI quit")
	}
}

// freeAddr is a loopback address nobody listens on.
func freeAddr(t *testing.T) string {
	t.Helper()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer ln.Close()
	return ln.Addr().String()
}
