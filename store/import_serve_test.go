package store

import (
	"bytes"
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/jalsa-app/jalsa/store/internal/corpus"
)

// TestImportDecisionsServes: `jalsa import-decisions` run with no owner
// holds the file for its whole run, and serves its socket meanwhile, as an
// owner does: other commands, reading and writing, go through it between
// its batches instead of being refused as the file is busy; and the
// import's rows show once it is whole.
func TestImportDecisionsServes(t *testing.T) {
	if testing.Short() {
		t.Skip("imports a large register")
	}
	dir := t.TempDir()
	db := filepath.Join(dir, "j.db")
	var rows bytes.Buffer
	enc := json.NewEncoder(&rows)
	const n = 20000
	for d := range corpus.Rows(n, 3) {
		if err := enc.Encode(d); err != nil {
			t.Fatal(err)
		}
	}
	if err := os.WriteFile(filepath.Join(dir, "rows.jsonl"), rows.Bytes(), 0o600); err != nil {
		t.Fatal(err)
	}
	jalsa := func(args ...string) *exec.Cmd {
		cmd := exec.Command(jalsaBinary(t), append([]string{"--db", db, "--lang", "en"}, args...)...)
		cmd.Dir = dir
		return cmd
	}
	session, err := filepath.Abs(filepath.Join("..", "demo", "2024-10.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	if out, err := jalsa("init", session).CombinedOutput(); err != nil {
		t.Fatalf("init: %v: %s", err, out)
	}
	imp := jalsa("import-decisions", "rows.jsonl")
	var impOut, impErr bytes.Buffer
	imp.Stdout, imp.Stderr = &impOut, &impErr
	if err := imp.Start(); err != nil {
		t.Fatal(err)
	}
	done := make(chan error, 1)
	go func() { done <- imp.Wait() }()
	for !Serving(db) {
		select {
		case err := <-done:
			t.Fatalf("the import ended before it served its socket: %v: %s", err, impErr.String())
		case <-time.After(10 * time.Millisecond):
		}
	}
	ran := 0
	for _, args := range [][]string{{"status", "2024-10"}, {"decisions", "صفرو", "--limit", "5"}, {"open", "2024-10"}, {"attend", "2024-10", "--present", "all"}} {
		out, err := jalsa(args...).CombinedOutput()
		if err != nil {
			t.Fatalf("jalsa %s during the import: %v: %s", strings.Join(args, " "), err, out)
		}
		select {
		case err := <-done:
			done <- err
		default:
			ran++
		}
	}
	if err := <-done; err != nil {
		t.Fatalf("import-decisions: %v: %s", err, impErr.String())
	}
	if want := "20000 decisions imported into the register\n"; impOut.String() != want {
		t.Errorf("import-decisions printed %q, want %q", impOut.String(), want)
	}
	if ran == 0 {
		t.Fatal("the import ended before any command went through it: no evidence either way")
	}
	out, err := jalsa("decisions", "--json").Output()
	var ds []json.RawMessage
	if err != nil || json.Unmarshal(out, &ds) != nil || len(ds) < n {
		t.Errorf("after the import: %d decisions (%v), want at least %d", len(ds), err, n)
	}
	if Serving(db) {
		t.Error("the socket stayed behind the import")
	}
}
