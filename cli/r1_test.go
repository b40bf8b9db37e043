package cli_test

import (
	"encoding/json"
	"fmt"
	"maps"
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"strings"
	"testing"
	"time"
)

// TestRoundOneRecord opens a record written by round one's binary
// (testdata/r1, made by scripts/make-r1-db.sh from commit 1433e3a, before
// the body's roster and the floor turns): this binary verifies it, shows
// every decision, status and minutes round one showed of it (what it adds
// aside), goes on with its open session to the close and verifies again.
func TestRoundOneRecord(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "jalsa.db")
	data, err := os.ReadFile("testdata/r1/jalsa.db")
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(db, data, 0o600); err != nil {
		t.Fatal(err)
	}
	env := []string{"JALSA_DB=" + db, "JALSA_LANG=ar"}
	run := func(args ...string) string {
		t.Helper()
		r := runBinary(t, dir, env, args...)
		if r.code != 0 {
			t.Fatalf("jalsa %s: exit %d: %s", strings.Join(args, " "), r.code, r.stderr)
		}
		return r.stdout
	}
	run("verify")

	sameAsRoundOne(t, run, "*")

	// The October session goes on to its close.
	const s = "2024-10"
	run("item", s, "10", "defer")
	run("item", s, "6", "start")
	run("speaker", s, "6", "m12", "start")
	run("vote", s, "6", "--for", "60", "--against", "2", "--abstain", "3")
	for _, n := range []string{"7", "8", "9"} {
		run("item", s, n, "defer")
	}
	run("close", s)
	run("verify")
	var status struct {
		State string `json:"state"`
	}
	if err := json.Unmarshal([]byte(run("status", s, "--json")), &status); err != nil || status.State != "closed" {
		t.Fatalf("status after close: %+v %v", status, err)
	}

	// The roster lives on from the body round one recorded: a member who
	// leaves is not on the next session's roll, and the closed June
	// session still shows the roll it had.
	run("members", "leave", "m82", "--date", "2024-11-15", "--reason", "استقالة")
	if out := run("new", "2025-02", "--title", "الدورة العادية لشهر فبراير 2025", "--date", "2025-02-24", "--chair", "m01"); !strings.Contains(out, "81") {
		t.Errorf("new after a departure: %q, want a roll of 81", out)
	}
	sameAsRoundOne(t, run, "*2024-06*")
	run("verify")
}

// sameAsRoundOne runs the command that wrote each output of round one in
// testdata/r1 matching glob and compares what it shows now.
func sameAsRoundOne(t *testing.T, run func(...string) string, glob string) {
	t.Helper()
	shown, err := filepath.Glob("testdata/r1/" + glob + ".json")
	if err != nil || len(shown) == 0 || glob == "*" && len(shown) < 20 {
		t.Fatalf("testdata/r1 holds %d outputs of round one (%v): run scripts/make-r1-db.sh", len(shown), err)
	}
	for _, f := range shown {
		name := strings.TrimSuffix(filepath.Base(f), ".json")
		var args []string
		switch kind, arg, _ := strings.Cut(name, "-"); kind {
		case "sessions":
			args = []string{"sessions", "--json"}
		case "decisions":
			args = []string{"decisions", "--json", "--limit", "1000"}
		case "status":
			args = []string{"status", arg, "--json"}
		case "minutes":
			args = []string{"minutes", arg, "--format", "json"}
		case "show":
			args = []string{"show", strings.ReplaceAll(arg, "_", "/"), "--json"}
		default:
			t.Fatalf("%s: no command shows it", f)
		}
		old, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		var was, is any
		if err := json.Unmarshal(old, &was); err != nil {
			t.Fatalf("%s: %v", f, err)
		}
		out := run(args...)
		if err := json.Unmarshal([]byte(out), &is); err != nil {
			t.Fatalf("jalsa %s: %v", strings.Join(args, " "), err)
		}
		var diffs []string
		shownAsBefore(name, was, is, &diffs)
		for _, d := range diffs[:min(len(diffs), 10)] {
			t.Errorf("jalsa %s: %s", strings.Join(args, " "), d)
		}
	}
}

// shownAsBefore adds to diffs each value round one showed (was) that this
// binary does not show alike (is): objects may gain keys, lists keep their
// length, times are compared as instants (the zone they are shown in may
// differ), anything else as it is, but for the minutes' explanation of a
// vote, which issue 16 words as a sentence (the decision's own, in
// decisions and show, is compared).
func shownAsBefore(path string, was, is any, diffs *[]string) {
	switch w := was.(type) {
	case map[string]any:
		o, ok := is.(map[string]any)
		if !ok {
			*diffs = append(*diffs, fmt.Sprintf("%s: was an object, is %v", path, is))
			return
		}
		for _, k := range slices.Sorted(maps.Keys(w)) {
			if k == "explanation" && strings.HasPrefix(path, "minutes-") {
				if e, _ := o[k].(string); e == "" {
					*diffs = append(*diffs, fmt.Sprintf("%s.%s: was %v, is %v", path, k, w[k], o[k]))
				}
				continue
			}
			v, ok := o[k]
			if !ok {
				*diffs = append(*diffs, fmt.Sprintf("%s.%s: was %v, is gone", path, k, w[k]))
				continue
			}
			shownAsBefore(path+"."+k, w[k], v, diffs)
		}
	case []any:
		o, ok := is.([]any)
		if !ok || len(o) != len(w) {
			*diffs = append(*diffs, fmt.Sprintf("%s: was %d elements, is %v", path, len(w), is))
			return
		}
		for i := range w {
			shownAsBefore(fmt.Sprintf("%s[%d]", path, i), w[i], o[i], diffs)
		}
	default:
		if sameInstant(was, is) {
			return
		}
		if !reflect.DeepEqual(was, is) {
			*diffs = append(*diffs, fmt.Sprintf("%s: was %v, is %v", path, was, is))
		}
	}
}

// sameInstant reports two times written alike or in other zones.
func sameInstant(was, is any) bool {
	w, ok1 := was.(string)
	o, ok2 := is.(string)
	if !ok1 || !ok2 {
		return false
	}
	t1, e1 := time.Parse(time.RFC3339Nano, w)
	t2, e2 := time.Parse(time.RFC3339Nano, o)
	return e1 == nil && e2 == nil && t1.Equal(t2)
}
