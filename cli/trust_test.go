package cli_test

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"os/exec"
	"os/user"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/jalsa-app/jalsa/cli"
	"github.com/jalsa-app/jalsa/i18n"
	"github.com/jalsa-app/jalsa/store"
)

// readCommands are the commands of SPEC §11 that only read the record.
var readCommands = [][]string{
	{"sessions"}, {"status", "2024-10"}, {"show", "2024-06/1"}, {"decisions", "budget"},
	{"minutes", "2024-06"}, {"export"}, {"verify"},
}

// TestNoDatabase: a command that does not create a record, given a path
// that holds none — no file, an empty file, a directory that does not
// exist — exits 4 with SPEC §11's message and creates nothing, not even
// the directory. A creating command that fails leaves nothing behind.
func TestNoDatabase(t *testing.T) {
	dir := t.TempDir()
	empty := filepath.Join(dir, "empty.db")
	if err := os.WriteFile(empty, nil, 0o600); err != nil {
		t.Fatal(err)
	}
	commands := append(append([][]string{}, readCommands...),
		[]string{"backup", filepath.Join(dir, "copy.db")}, []string{"open", "2024-10"},
		[]string{"vote", "2024-10", "1", "--for", "1", "--against", "0", "--abstain", "0"}, []string{"item", "2024-10", "1", "note", "x"})
	for _, db := range []string{filepath.Join(dir, "typo", "deeper", "jalsa.db"), filepath.Join(dir, "none.db"), empty} {
		for _, args := range commands {
			r := runBinary(t, dir, nil, append([]string{"--db", db}, args...)...)
			want := "jalsa: " + i18n.T("en", "err.no_database", db) + "\n"
			if r.code != 4 || r.stderr != want || r.stdout != "" {
				t.Errorf("jalsa %s on %s: exit %d, %q; want exit 4, %q", args[0], filepath.Base(db), r.code, r.stderr, want)
			}
		}
	}
	if _, err := os.Stat(filepath.Join(dir, "typo")); !errors.Is(err, os.ErrNotExist) {
		t.Errorf("a read on a missing path created its directory (%v)", err)
	}
	for _, f := range []string{"none.db", "copy.db"} {
		if _, err := os.Stat(filepath.Join(dir, f)); !errors.Is(err, os.ErrNotExist) {
			t.Errorf("%s was created (%v)", f, err)
		}
	}
	if fi, err := os.Stat(empty); err != nil || fi.Size() != 0 {
		t.Errorf("the empty file was written to: %v", err)
	}

	// A refused init into a new directory leaves neither file nor directory.
	if err := os.WriteFile(filepath.Join(dir, "bad.yaml"), []byte("body: {id: x}\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	db := filepath.Join(dir, "new", "j.db")
	if r := runBinary(t, dir, nil, "--db", db, "init", "bad.yaml"); r.code != 2 {
		t.Fatalf("init of a bad file: exit %d, %q", r.code, r.stderr)
	}
	if _, err := os.Stat(filepath.Join(dir, "new")); !errors.Is(err, os.ErrNotExist) {
		t.Errorf("a refused init left its directory behind (%v)", err)
	}
}

// TestNoDatabaseUI: the UI on a path with no database says what any
// command says and, on a terminal, offers the demo.
func TestNoDatabaseUI(t *testing.T) {
	db := filepath.Join(t.TempDir(), "j.db")
	for _, tc := range []struct {
		answer string
		opens  bool
	}{{"n\n", false}, {"y\n", true}, {"نعم\n", true}} {
		var out, errb bytes.Buffer
		opened := ""
		env := &cli.Env{Stdin: strings.NewReader(tc.answer), Stdout: &out, Stderr: &errb, Terminal: true,
			Getenv: func(k string) string { return map[string]string{"XDG_DATA_HOME": filepath.Dir(db)}[k] },
			Interactive: func(_ context.Context, _ *cli.Env, st *store.Store, _ cli.UIOptions) error {
				opened = st.Path()
				return nil
			}}
		code := cli.Run(context.Background(), env, []string{"--db", db, "--lang", "en"})
		if !strings.Contains(errb.String(), i18n.T("en", "err.no_database", db)) || !strings.Contains(out.String(), i18n.T("en", "msg.offer_demo")) {
			t.Errorf("answer %q: stderr %q, stdout %q; want the message and the offer", tc.answer, errb.String(), out.String())
		}
		if (opened != "") != tc.opens || (tc.opens && code != 0) || (!tc.opens && code != 4) {
			t.Errorf("answer %q: exit %d, demo opened on %q", tc.answer, code, opened)
		}
		if opened == db {
			t.Errorf("the demo was loaded into the path the user gave, %s", db)
		}
	}
	// Without a terminal there is no one to answer.
	var errb bytes.Buffer
	env := &cli.Env{Stdin: strings.NewReader("y\n"), Stdout: io.Discard, Stderr: &errb, Getenv: noEnv}
	if code := cli.Run(context.Background(), env, []string{"--db", db}); code != 4 {
		t.Errorf("the UI without a terminal on no database: exit %d, %s", code, errb.String())
	}
}

// TestReadOnlyDatabase: the read commands work on a file its user cannot
// write, in a directory they cannot write (SPEC §11); a write says the
// record is read-only here and changes nothing. As root, the commands run
// as the user nobody, since root may write anything.
func TestReadOnlyDatabase(t *testing.T) {
	var as []string
	if os.Geteuid() == 0 {
		setpriv, err := exec.LookPath("setpriv")
		if err != nil {
			t.Skip("running as root without setpriv (util-linux) to run as another user")
		}
		nobody, err := user.Lookup("nobody")
		if err != nil {
			t.Skip("no user nobody to run as")
		}
		as = []string{setpriv, "--reuid=" + nobody.Uid, "--regid=" + nobody.Gid, "--clear-groups"}
	}
	// Everything the other user must reach: the binary, the database's
	// directory (read-only), a directory to write copies in.
	base, err := os.MkdirTemp("", "jalsa-readonly-")
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { os.Chmod(filepath.Join(base, "ro"), 0o755); os.RemoveAll(base) })
	bin := filepath.Join(base, "jalsa")
	data, err := os.ReadFile(jalsaBinary(t))
	if err != nil {
		t.Fatal(err)
	}
	roDir, out := filepath.Join(base, "ro"), filepath.Join(base, "out")
	db := filepath.Join(roDir, "j.db")
	for _, d := range []string{roDir, out} {
		if err := os.MkdirAll(d, 0o777); err != nil {
			t.Fatal(err)
		}
	}
	demo, err := os.ReadFile(demoDB(t))
	if err != nil {
		t.Fatal(err)
	}
	if err := errors.Join(os.WriteFile(bin, data, 0o755), os.WriteFile(db, demo, 0o444), os.Chmod(base, 0o755),
		os.Chmod(out, 0o777), os.Chmod(roDir, 0o555)); err != nil {
		t.Fatal(err)
	}
	before, _ := os.ReadFile(db)
	run := func(args ...string) result {
		argv := append(append(as, bin, "--db", db, "--lang", "en"), args...)
		cmd := exec.Command(argv[0], argv[1:]...)
		cmd.Dir, cmd.Env = out, []string{"HOME=" + out, "LANG=C.UTF-8"}
		var o, e bytes.Buffer
		cmd.Stdout, cmd.Stderr = &o, &e
		cmd.Run()
		return result{cmd.ProcessState.ExitCode(), o.String(), e.String()}
	}
	for _, args := range append(readCommands, []string{"backup", filepath.Join(out, "copy.db")}, []string{"export", "-o", filepath.Join(out, "x.json")}) {
		if r := run(args...); r.code != 0 {
			t.Errorf("jalsa %s on a read-only database: exit %d, %s", args[0], r.code, r.stderr)
		}
	}
	r := run("item", "2024-10", "1", "note", "x")
	if want := "jalsa: " + i18n.T("en", "err.read_only", db) + "\n"; r.code != 1 || r.stderr != want {
		t.Errorf("a write on a read-only database: exit %d, %q; want exit 1, %q", r.code, r.stderr, want)
	}
	if after, _ := os.ReadFile(db); !bytes.Equal(before, after) {
		t.Error("the read-only database changed")
	}
}

// TestNoLeftovers: backup and export -o write through a temporary file of
// a fixed name, so the one a killed run left is replaced and gone after
// the next run; the copies are mode 0600. A failed write leaves nothing.
func TestNoLeftovers(t *testing.T) {
	db := demoDB(t)
	dir := t.TempDir()
	for _, tc := range []struct {
		args []string
		file string
	}{
		{[]string{"backup", "copy.db"}, "copy.db"},
		{[]string{"export", "-o", "all.json"}, "all.json"},
	} {
		// What a run killed half-way leaves: a big temporary file.
		tmp := filepath.Join(dir, "."+tc.file+".jalsa-tmp")
		if err := os.WriteFile(tmp, bytes.Repeat([]byte("x"), 1<<20), 0o644); err != nil {
			t.Fatal(err)
		}
		if r := runBinary(t, dir, nil, append([]string{"--db", db}, tc.args...)...); r.code != 0 {
			t.Fatalf("jalsa %s: exit %d, %s", tc.args[0], r.code, r.stderr)
		}
		if _, err := os.Stat(tmp); !errors.Is(err, os.ErrNotExist) {
			t.Errorf("jalsa %s left %s (%v)", tc.args[0], filepath.Base(tmp), err)
		}
		if fi, err := os.Stat(filepath.Join(dir, tc.file)); err != nil || fi.Mode().Perm() != 0o600 {
			t.Errorf("jalsa %s wrote %s with %v (%v), want mode 0600", tc.args[0], tc.file, fi.Mode(), err)
		}
	}
	entries, _ := os.ReadDir(dir)
	if len(entries) != 2 {
		t.Errorf("the directory holds %d files, want the two copies", len(entries))
	}
	// A target that cannot be written: an error, and nothing beside it.
	if r := runBinary(t, dir, nil, "--db", db, "export", "-o", filepath.Join(dir, "no", "such", "dir", "x.json")); r.code == 0 {
		t.Error("export into a missing directory succeeded")
	}
	if r := runBinary(t, dir, nil, "--db", db, "verify"); r.code != 0 {
		t.Errorf("verify after the copies: %s", r.stderr)
	}
}

// TestLockHolderNamed: a command that finds the database held by a process
// that is not an owner (here flock(1), as a command that runs long would)
// waits for it a moment, then names it by pid and program — never "?".
func TestLockHolderNamed(t *testing.T) {
	flock, err := exec.LookPath("flock")
	if err != nil {
		t.Skip("needs flock (util-linux)")
	}
	db := demoDB(t)
	holder := exec.Command(flock, db, "sleep", "30")
	if err := holder.Start(); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { holder.Process.Kill(); holder.Wait() })
	want := fmt.Sprintf("pid %d (flock ", holder.Process.Pid)
	for deadline := time.Now().Add(10 * time.Second); ; {
		if strings.HasPrefix(store.Owner(db), want) {
			break
		}
		if time.Now().After(deadline) {
			t.Fatal("flock did not take the lock")
		}
		time.Sleep(10 * time.Millisecond)
	}
	start := time.Now()
	r := runBinary(t, t.TempDir(), nil, "--db", db, "status", "2024-10")
	took := time.Since(start)
	if r.code != 3 || !strings.Contains(r.stderr, want) || !strings.Contains(r.stderr, "try again when it has finished") {
		t.Errorf("status on a held database: exit %d, %q; want exit 3 naming %s", r.code, r.stderr, want)
	}
	// An upper bound with a margin for a loaded machine, not a benchmark.
	if took > 2*time.Second {
		t.Errorf("status waited %v; SPEC §5 allows 2 s", took)
	}
}
