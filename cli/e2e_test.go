package cli_test

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"net"
	"os"
	"os/exec"
	"os/user"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/jalsa-app/jalsa/cli"
	"github.com/jalsa-app/jalsa/i18n"
	"github.com/jalsa-app/jalsa/model"
	"github.com/jalsa-app/jalsa/store"
)

// result is what one run of a command gave.
type result struct {
	code           int
	stdout, stderr string
}

// runBinary runs the real jalsa in dir with an environment of its own.
func runBinary(t *testing.T, dir string, env []string, args ...string) result {
	t.Helper()
	cmd := exec.Command(jalsaBinary(t), args...)
	cmd.Dir = dir
	cmd.Env = append([]string{"PATH=" + os.Getenv("PATH"), "HOME=" + dir, "LANG=C.UTF-8"}, env...)
	var out, errb bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &errb
	err := cmd.Run()
	var ee *exec.ExitError
	if err != nil && !errors.As(err, &ee) {
		t.Fatalf("jalsa %v: %v", args, err)
	}
	return result{cmd.ProcessState.ExitCode(), out.String(), errb.String()}
}

// serveInProcess opens db in this process and answers on its socket as the
// TUI or `jalsa serve` would, until the test ends.
func serveInProcess(t *testing.T, db string) *store.Store {
	t.Helper()
	st, err := store.Open(db, store.Options{})
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	served := make(chan error, 1)
	go func() { served <- st.Serve(ctx, "jalsa test owner", cli.SocketHandler(&cli.Env{Getenv: noEnv}, st)) }()
	t.Cleanup(func() {
		cancel()
		if err := <-served; err != nil {
			t.Errorf("serve: %v", err)
		}
		st.Close()
	})
	// Wait for the socket to answer.
	deadline := time.Now().Add(10 * time.Second)
	for {
		c, err := net.Dial("unix", store.SocketPath(db))
		if err == nil {
			c.Close()
			return st
		}
		if time.Now().After(deadline) {
			t.Fatalf("the socket does not answer: %v", err)
		}
		select {
		case err := <-served:
			t.Fatalf("serve stopped: %v", err)
		case <-time.After(10 * time.Millisecond):
		}
	}
}

// TestSecondProcessGoesThroughTheSocket runs the real binary against a
// database this process holds, and the same commands in-process on a twin
// database: output and exit code must be the same, and the changes must
// reach the holder's open store.
func TestSecondProcessGoesThroughTheSocket(t *testing.T) {
	held := demoDB(t)
	twin := withDemo(t)
	st := serveInProcess(t, held)
	seq := st.Seq()

	writes := 0
	for _, args := range [][]string{
		{"status", "2024-10", "--json"},
		{"sessions"},
		{"decisions", "--session", "2024-06", "--json"},
		{"show", "2024-06/4", "--json"},
		{"vote", "2024-10", "1", "--for", "1"},            // 3: not open
		{"status", "2024-99"},                             // 4
		{"open", "2024-10", "--call", "9"},                // 2
		{"item", "2024-10", "1", "start", "--lang", "fr"}, // 3, in French
		{"open", "2024-10"},
		{"attend", "2024-10", "--present", "all", "--absent", "m14,m15"},
		{"item", "2024-10", "1", "start"},
		{"vote", "2024-10", "1", "--for", "3", "--against", "80"}, // 3: above present
		{"vote", "2024-10", "1", "--for", "70", "--against", "2", "--abstain", "5"},
		{"vote", "2024-10", "1", "--for", "70", "--against", "2", "--abstain", "5"}, // 3: recorded
		{"status", "2024-10"},
		{"status", "2024-10", "--json"},
	} {
		got := runBinary(t, t.TempDir(), []string{"USER=remote-clerk"}, append([]string{"--db", held}, args...)...)
		code, out, errs := twin.run(args...)
		want := result{code, out, errs}
		if got != want {
			t.Errorf("jalsa %s through the socket:\n got %+v\nwant %+v", strings.Join(args, " "), got, want)
		}
		if got.code == 0 && args[0] != "status" && args[0] != "sessions" && args[0] != "decisions" && args[0] != "show" {
			writes++
		}
	}
	if writes != 4 {
		t.Fatalf("%d writes succeeded, want 4", writes)
	}
	if st.Seq() != seq+uint64(writes) {
		t.Errorf("the holder's store went from %d to %d events, want %d more", seq, st.Seq(), writes)
	}
	// The owner records the OS user of the process at the other end of its
	// socket (SO_PEERCRED), not the name that process says it has (USER).
	me, err := user.Current()
	if err != nil {
		t.Fatal(err)
	}
	st.Read(func(s *model.State) {
		it := s.Sessions["2024-10"].Items[0]
		if it.Outcome != model.Adopted || it.Vote.For != 70 || it.Vote.Present != 80 || it.Vote.By != me.Username {
			t.Errorf("the holder does not see the vote made through its socket: %+v", it.Vote)
		}
	})
	if _, err := st.Verify(); err != nil {
		t.Error(err)
	}
}

// TestLockedWithoutOwner: a process holds the database but nobody answers on
// its socket. A command must give up within 2 s and name the holder.
func TestLockedWithoutOwner(t *testing.T) {
	db := demoDB(t)
	st, err := store.Open(db, store.Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	// A socket file left behind by a killed owner: nobody listens on it.
	ln, err := net.Listen("unix", store.SocketPath(db))
	if err != nil {
		t.Fatal(err)
	}
	ln.(*net.UnixListener).SetUnlinkOnClose(false)
	ln.Close()

	for _, args := range [][]string{{"status", "2024-10"}, {"open", "2024-10"}} {
		start := time.Now()
		r := runBinary(t, t.TempDir(), nil, append([]string{"--db", db}, args...)...)
		took := time.Since(start)
		// An upper bound with a wide margin (typically ~0.25 s), not a benchmark.
		if took > 2*time.Second {
			t.Errorf("jalsa %s waited %v on a locked database", args[0], took)
		}
		before, after, _ := strings.Cut("jalsa: "+i18n.T("en", "err.locked", db, "\x00")+"\n", "\x00")
		holder := fmt.Sprintf("pid %d (", os.Getpid())
		if r.code != 3 || r.stdout != "" || !strings.HasPrefix(r.stderr, before+holder) || !strings.HasSuffix(r.stderr, after) || strings.Count(r.stderr, "\n") != 1 {
			t.Errorf("jalsa %s on a locked database: exit %d, %q; want exit 3 naming %s…)", args[0], r.code, r.stderr, holder)
		}
	}
	if st.Seq() == 0 {
		t.Fatal("the held store is empty")
	}
}

// TestOwnerLeavesNothingBehind: a process that owns the database (demo)
// removes its socket and owner files when it ends. Without a terminal the
// demo loads and prints the October session's status instead of its UI.
func TestOwnerLeavesNothingBehind(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "j.db")
	ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
	defer cancel()
	cmd := exec.CommandContext(ctx, jalsaBinary(t), "--db", db, "demo")
	cmd.Env = []string{"HOME=" + dir, "TERM=dumb"}
	out, err := cmd.CombinedOutput()
	if ctx.Err() != nil {
		t.Fatalf("jalsa demo without a terminal did not end: %s", out)
	}
	if err != nil || !strings.Contains(string(out), "2024-10") {
		t.Fatalf("jalsa demo without a terminal: %v, want exit 0 and the status of 2024-10:\n%s", err, out)
	}
	if _, err := os.Stat(db); err != nil {
		t.Fatalf("jalsa demo: %v\n%s", err, out)
	}
	for _, f := range []string{store.SocketPath(db), db + ".owner"} {
		if _, err := os.Stat(f); !errors.Is(err, os.ErrNotExist) {
			t.Errorf("%s is left behind (%v)", filepath.Base(f), err)
		}
	}
}

// TestInitErrorEndToEnd: the real binary names the file, line, column and
// field of a session-file error, exits 2 and writes nothing.
func TestInitErrorEndToEnd(t *testing.T) {
	dir := t.TempDir()
	bad := strings.Replace(sessionYAML, "{title: Partnership with the region, kind: agreement,", "{title: Partnership with the region, kind: agrement,", 1)
	if bad == sessionYAML {
		t.Fatal("no kind to misspell")
	}
	if err := os.WriteFile(filepath.Join(dir, "bad.yaml"), []byte(bad), 0o644); err != nil {
		t.Fatal(err)
	}
	// Where the misspelt value starts, 1-based.
	before := bad[:strings.Index(bad, "agrement,")]
	line := strings.Count(before, "\n") + 1
	col := len([]rune(before[strings.LastIndex(before, "\n")+1:])) + 1

	db := filepath.Join(dir, "j.db")
	r := runBinary(t, dir, []string{"JALSA_DB=" + db}, "init", "bad.yaml")
	prefix := fmt.Sprintf("jalsa: bad.yaml:%d:%d: agenda[3].kind: ", line, col)
	if r.code != 2 || !strings.HasPrefix(r.stderr, prefix) || !strings.Contains(r.stderr, `"agrement"`) || strings.Count(r.stderr, "\n") != 1 || r.stdout != "" {
		t.Errorf("init bad.yaml: exit %d, stdout %q, stderr %q; want exit 2 and %q…", r.code, r.stdout, r.stderr, prefix)
	}
	// A refused init changes nothing: it leaves no database behind.
	if r := runBinary(t, dir, []string{"JALSA_DB=" + db}, "sessions", "--json"); r.code != 4 || r.stdout != "" {
		t.Errorf("after a refused init: %+v, want exit 4 (no database)", r)
	}

	// The same file, fixed, loads.
	if err := os.WriteFile(filepath.Join(dir, "good.yaml"), []byte(sessionYAML), 0o644); err != nil {
		t.Fatal(err)
	}
	if r := runBinary(t, dir, []string{"JALSA_DB=" + db}, "init", "good.yaml"); r.code != 0 || r.stdout != "s1\n" {
		t.Errorf("init good.yaml: %+v", r)
	}
}
