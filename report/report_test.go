package report_test

import (
	"bytes"
	"context"
	"encoding/json"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/jalsa-app/jalsa/cli"
	"github.com/jalsa-app/jalsa/i18n"
	"github.com/jalsa-app/jalsa/model"
	"github.com/jalsa-app/jalsa/report"
	"github.com/jalsa-app/jalsa/store"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata/golden")

// demoState loads the built-in demo into a fresh store and, when script is
// set, runs that testdata script of jalsa commands (one per line) with a
// clock that starts at start and moves three minutes per command; then the
// commands of more, if any.
func demoState(t *testing.T, script, start string, more ...[]string) *model.State {
	t.Helper()
	st, err := store.Open(filepath.Join(t.TempDir(), "j.db"), store.Options{})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	env := &cli.Env{Stdout: &bytes.Buffer{}, Stderr: &bytes.Buffer{}, Getenv: func(string) string { return "" }, Actor: "test"}
	if err := cli.LoadDemo(context.Background(), env, st); err != nil {
		t.Fatal(err)
	}
	if script != "" {
		runScript(t, st, script, start)
	}
	for _, args := range more {
		if err := runCommand(st, time.Now, args...); err != nil {
			t.Fatal(err)
		}
	}
	var out *model.State
	st.Read(func(s *model.State) {
		// The store's state is live; the tests keep a copy.
		data, _ := json.Marshal(s)
		out = model.NewState()
		if err := json.Unmarshal(data, out); err != nil {
			t.Fatal(err)
		}
	})
	return out
}

func runScript(t *testing.T, st *store.Store, name, start string) {
	t.Helper()
	data, err := os.ReadFile(filepath.Join("testdata", name))
	if err != nil {
		t.Fatal(err)
	}
	at, err := time.Parse(time.RFC3339, start)
	if err != nil {
		t.Fatal(err)
	}
	for i, line := range strings.Split(string(data), "\n") {
		if strings.HasPrefix(line, "@ ") {
			// "@ TIME" moves the clock, e.g. to the next sitting's day.
			if at, err = time.Parse(time.RFC3339, strings.TrimSpace(line[2:])); err != nil {
				t.Fatalf("%s:%d: %v", name, i+1, err)
			}
			continue
		}
		args, err := cli.SplitArgs(line)
		if err != nil {
			t.Fatalf("%s:%d: %v", name, i+1, err)
		}
		if len(args) == 0 {
			continue
		}
		if err := runCommand(st, func() time.Time { at = at.Add(3 * time.Minute); return at }, args...); err != nil {
			t.Fatalf("%s:%d: %v", name, i+1, err)
		}
	}
}

// runCommand runs one jalsa command on st.
func runCommand(st *store.Store, clock func() time.Time, args ...string) error {
	var stderr bytes.Buffer
	env := &cli.Env{Stdout: &bytes.Buffer{}, Stderr: &stderr, Getenv: func(string) string { return "" }, Actor: "test", Store: st,
		Clock: clock}
	if code := cli.Run(context.Background(), env, args); code != 0 {
		return fmt.Errorf("jalsa %s: exit %d: %s", strings.Join(args, " "), code, stderr.String())
	}
	return nil
}

// cases are the sessions with golden minutes: the demo's June session as
// the demo closes it, and October conducted by a test script through two
// sittings, with amendments, speakers, named votes and corrections.
var cases = []struct {
	name, session, script, start string
}{
	{"2024-06", "2024-06", "", ""},
	{"2024-10", "2024-10", "2024-10.script", "2024-10-28T09:30:00+01:00"},
}

func TestGolden(t *testing.T) {
	// The stylesheet is checked once per page here and left out of the HTML
	// goldens, which would otherwise each hold a copy of document.css.
	css, err := os.ReadFile("document.css")
	if err != nil {
		t.Fatal(err)
	}
	css = bytes.TrimSpace(css)
	for _, c := range cases {
		st := demoState(t, c.script, c.start)
		for _, lang := range []string{"ar", "fr", "en"} {
			for _, format := range []string{"md", "html", "json"} { // docx and pdf: pdf_test.go
				got, err := report.Render(st, c.session, lang, format)
				if err != nil {
					t.Fatalf("%s %s %s: %v", c.name, lang, format, err)
				}
				if format == "html" {
					if !bytes.Contains(got, css) {
						t.Fatalf("%s %s: the page does not inline document.css whole", c.name, lang)
					}
					got = bytes.Replace(got, css, []byte("/* document.css */"), 1)
				}
				golden(t, filepath.Join("testdata", "golden", c.name+"."+lang+"."+format), got)
			}
		}
	}
}

func golden(t *testing.T, path string, got []byte) {
	t.Helper()
	if *update {
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, got, 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go test ./report -update to create it)", err)
	}
	if !bytes.Equal(got, want) {
		gl, wl := strings.Split(string(got), "\n"), strings.Split(string(want), "\n")
		for i := range min(len(gl), len(wl)) {
			if gl[i] != wl[i] {
				t.Fatalf("%s differs at line %d:\n got: %s\nwant: %s\n(run go test ./report -update if the change is intended)", path, i+1, gl[i], wl[i])
			}
		}
		t.Fatalf("%s differs in length: got %d lines, want %d (run go test ./report -update if intended)", path, len(gl), len(wl))
	}
}

func TestCatalog(t *testing.T) { i18n.CheckCatalog(t) }
