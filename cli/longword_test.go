package cli_test

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/jalsa-app/jalsa/model"
)

// TestLongestWordEndToEnd: a note of one word as long as a note may be,
// in Arabic letters (model.MaxText characters, twice as many bytes, far
// above bbolt's key limit and the index's 64-byte terms), and every
// command after it works through the real binary: the vote that indexes
// it, status, a lookup of the word, export, backup, verify and verify
// --repair-index (issue 11's `key too large`).
func TestLongestWordEndToEnd(t *testing.T) {
	dir := t.TempDir()
	if err := os.WriteFile(filepath.Join(dir, "s.yaml"), []byte(sessionYAML), 0o644); err != nil {
		t.Fatal(err)
	}
	word := strings.Repeat("ب", model.MaxText)
	if len(word) != 2*model.MaxText {
		t.Fatalf("the word is %d bytes", len(word))
	}
	env := []string{"JALSA_DB=" + filepath.Join(dir, "j.db"), "JALSA_LANG=en"}
	for _, args := range [][]string{
		{"init", "s.yaml"},
		{"open", "s1"},
		{"attend", "s1", "--present", "all"},
		{"item", "s1", "1", "start"},
		{"item", "s1", "1", "note", word},
		{"vote", "s1", "1", "--for", "5"},
		{"status", "s1"},
		{"decisions", word, "--json"},
		{"export", "-o", "export.json"},
		{"backup", "copy.db"},
		{"verify"},
		{"verify", "--repair-index"},
	} {
		r := runBinary(t, dir, env, args...)
		if r.code != 0 || r.stderr != "" {
			t.Fatalf("jalsa %s: exit %d, stderr %.300q", args[0], r.code, r.stderr)
		}
		if args[0] == "decisions" && !strings.Contains(r.stdout, `"ref": "s1/1"`) {
			t.Errorf("a lookup of the word does not find s1/1: %.300q", r.stdout)
		}
	}
	r := runBinary(t, dir, []string{"JALSA_DB=" + filepath.Join(dir, "copy.db"), "JALSA_LANG=en"}, "verify")
	if r.code != 0 || !strings.HasPrefix(r.stdout, "ok: ") {
		t.Errorf("verify of the backup: exit %d, %q %q", r.code, r.stdout, r.stderr)
	}
}
