package cli_test

import (
	"bytes"
	"context"
	"errors"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/jalsa-app/jalsa/cli"
	"github.com/jalsa-app/jalsa/store"
)

// completions runs a shell's completion request on db and returns the
// words offered (before the tab that starts each description).
func completions(t *testing.T, db string, words ...string) []string {
	t.Helper()
	var out, errb bytes.Buffer
	env := &cli.Env{Stdout: &out, Stderr: &errb, Getenv: noEnv}
	if code := cli.Run(context.Background(), env, append([]string{"__complete", "--db", db}, words...)); code != 0 {
		t.Fatalf("__complete %v: exit %d: %s", words, code, errb.String())
	}
	var got []string
	for _, line := range strings.Split(strings.TrimSpace(out.String()), "\n") {
		if !strings.HasPrefix(line, ":") {
			got = append(got, strings.SplitN(line, "\t", 2)[0])
		}
	}
	return got
}

// Session ids, item numbers, budget lines and member ids complete from the
// database, commands and values from the table; a missing database gives
// nothing and is not created; an owner's database answers through it.
func TestCompletion(t *testing.T) {
	db := demoDB(t)
	for _, tc := range []struct {
		words []string
		want  []string
	}{
		{[]string{"status", ""}, []string{"2024-10", "2024-06"}},
		{[]string{"vote", "2024-10", ""}, []string{"1", "2", "10"}},
		{[]string{"vote", "2024-10", "10", "--line", ""}, []string{"I.1.1", "I.2.1"}},
		{[]string{"attend", "2024-10", "--present", "m01,m0"}, []string{"m01,m02", "m01,m82"}},
		{[]string{"speaker", "2024-10", "3", ""}, []string{"m01", "m82"}},
		{[]string{"show", "2024-06/"}, []string{"2024-06/3"}},
		{[]string{"decisions", "--outcome", ""}, []string{"adopted", "pending"}},
		{[]string{"item", "2024-10", "3", ""}, []string{"start", "note"}},
		{[]string{"stat"}, []string{"status"}},
		{[]string{"help", ""}, []string{"vote", "minutes"}},
		{[]string{"completion", ""}, []string{"bash", "powershell"}},
	} {
		got := completions(t, db, tc.words...)
		for _, w := range tc.want {
			if !contains(got, w) {
				t.Errorf("%v: %v lacks %s", tc.words, got, w)
			}
		}
	}
	missing := filepath.Join(t.TempDir(), "none.db")
	if got := completions(t, missing, "status", ""); len(got) != 0 {
		t.Errorf("no database: %v", got)
	}
	if _, err := os.Stat(missing); !errors.Is(err, os.ErrNotExist) {
		t.Error("completion created a database")
	}
	// Completions only look: they open the file read-only, so an empty
	// file stays empty and a read-only copy completes and stays as it was.
	empty := filepath.Join(t.TempDir(), "empty.db")
	if err := os.WriteFile(empty, nil, 0o600); err != nil {
		t.Fatal(err)
	}
	if got := completions(t, empty, "status", ""); len(got) != 0 {
		t.Errorf("an empty file: %v", got)
	}
	if fi, err := os.Stat(empty); err != nil || fi.Size() != 0 {
		t.Errorf("completion wrote to an empty file (%v)", err)
	}
	data, err := os.ReadFile(db)
	if err != nil {
		t.Fatal(err)
	}
	ro := filepath.Join(t.TempDir(), "ro.db")
	if err := os.WriteFile(ro, data, 0o444); err != nil {
		t.Fatal(err)
	}
	if got := completions(t, ro, "status", ""); !contains(got, "2024-10") {
		t.Errorf("a read-only database: %v", got)
	}
	if after, _ := os.ReadFile(ro); !bytes.Equal(after, data) {
		t.Error("completion changed a read-only database")
	}
	// A reader shares the file with another reader (a writer would wait
	// for its lock, and complete nothing).
	reader, err := store.Open(ro, store.Options{MustExist: true, ReadOnly: true})
	if err != nil {
		t.Fatal(err)
	}
	if got := completions(t, ro, "status", ""); !contains(got, "2024-10") {
		t.Errorf("beside another reader: %v", got)
	}
	reader.Close()
	serveInProcess(t, db)
	if got := completions(t, db, "status", ""); !contains(got, "2024-10") {
		t.Errorf("with an owner: %v", got)
	}
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

// Every completion script is printed, and names jalsa's completion command.
func TestCompletionScripts(t *testing.T) {
	h := newHarness(t)
	for _, shell := range []string{"bash", "zsh", "fish", "powershell"} {
		if out := h.ok("completion", shell); !strings.Contains(out, "__complete") {
			t.Errorf("%s: the script does not ask jalsa: %.200s", shell, out)
		}
	}
	h.fails(2, "completion", "tcsh")
}

// A terminal shows the first 30 decisions and how many more there are;
// --limit, --json or a pipe show them all.
func TestDecisionsPage(t *testing.T) {
	h := withDemo(t)
	register := "ref,date,title,outcome\n"
	for i := 1; i <= 40; i++ {
		register += "2019-06/" + strconv.Itoa(i) + ",2019-06-10,Convention " + strconv.Itoa(i) + ",adopted\n"
	}
	if err := os.WriteFile(filepath.Join(h.dir, "old.csv"), []byte(register), 0o644); err != nil {
		t.Fatal(err)
	}
	h.ok("import-decisions", "old.csv")
	var all []map[string]any
	h.jsonOf(&all, "decisions", "--json")
	lines := func(out string) int { return strings.Count(out, "\n") }
	var out, errb bytes.Buffer
	env := &cli.Env{Stdout: &out, Stderr: &errb, Getenv: noEnv, Terminal: true}
	if code := cli.Run(context.Background(), env, []string{"--db", h.db, "decisions"}); code != 0 {
		t.Fatal(errb.String())
	}
	if got, want := out.String(), "… and "+strconv.Itoa(len(all)-30)+" more: --limit 0 shows them all\n"; lines(got) != 31 || !strings.HasSuffix(got, want) {
		t.Errorf("on a terminal: %d lines ending %q, want 31 ending %q", lines(got), got[max(0, len(got)-80):], want)
	}
	for _, args := range [][]string{{"decisions", "--limit", "0"}} {
		out.Reset()
		cli.Run(context.Background(), env, append([]string{"--db", h.db}, args...))
		if lines(out.String()) != len(all) {
			t.Errorf("%v on a terminal: %d lines, want %d", args, lines(out.String()), len(all))
		}
	}
	if got := lines(h.ok("decisions")); got != len(all) {
		t.Errorf("through a pipe: %d lines, want %d", got, len(all))
	}
	if got := lines(h.ok("decisions", "--limit", "5")); got != 5 {
		t.Errorf("--limit 5: %d lines", got)
	}
}

// `jalsa demo` without --db or $JALSA_DB uses demo.db beside the register,
// never the register itself, and says where it is.
func TestDemoUsesItsOwnFile(t *testing.T) {
	data := t.TempDir()
	var out, errb bytes.Buffer
	env := &cli.Env{Stdout: &out, Stderr: &errb, Getenv: func(k string) string {
		return map[string]string{"XDG_DATA_HOME": data}[k]
	}}
	if code := cli.Run(context.Background(), env, []string{"demo"}); code != 0 {
		t.Fatalf("demo: exit %d: %s", code, errb.String())
	}
	demo := filepath.Join(data, "jalsa", "demo.db")
	if _, err := os.Stat(demo); err != nil {
		t.Errorf("no demo database at %s: %v", demo, err)
	}
	if _, err := os.Stat(filepath.Join(data, "jalsa", "jalsa.db")); !errors.Is(err, os.ErrNotExist) {
		t.Error("the demo wrote into the register")
	}
	if !strings.Contains(out.String(), demo) {
		t.Errorf("the demo does not say where it is:\n%s", out.String())
	}
}

// `jalsa --version` and `jalsa version` say the same; --json has its fields.
func TestVersion(t *testing.T) {
	h := newHarness(t)
	line := h.ok("--version")
	if !strings.HasPrefix(line, "jalsa ") || !strings.Contains(line, "go1.") || h.ok("version") != line {
		t.Errorf("--version %q, version %q", line, h.ok("version"))
	}
	var v map[string]any
	h.jsonOf(&v, "version", "--json")
	hasFields(t, "version --json", v, "version", "commit", "date", "go")
	h.fails(2, "status", "--version")
}
