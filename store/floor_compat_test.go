package store

import (
	"bytes"
	"compress/gzip"
	"encoding/json"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"testing"

	"github.com/jalsa-app/jalsa/model"
)

// testdata/floor-before-one-speaker.db.gz is a database written by jalsa
// before one speaker held the floor at a time (the int branch at 29120df),
// with a session of 5 members and 4 items, by:
//
//	init s.yaml; open s1; attend s1 --present all; item s1 1 start
//	speaker s1 1 m2 start; speaker s1 1 m3 start      (two on the floor)
//	vote s1 1 --for 4 --against 1 --abstain 0         (both run through it)
//	item s1 2 start; speaker s1 2 m4 start; suspend s1 (m4 runs through)
//	open s1; attend s1 --present all; item s1 2 done
//	item s1 3 start; speaker s1 3 m5 start; item s1 3 defer
//	item s1 4 start; speaker s1 4 m1 start
//
// Under today's rules the vote, the next item, the suspension and the end
// of an item would have ended those turns; the record keeps them running.

// oldFloorDB copies the old database into a temporary directory.
func oldFloorDB(t *testing.T) string {
	t.Helper()
	f, err := os.Open("testdata/floor-before-one-speaker.db.gz")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	zr, err := gzip.NewReader(f)
	if err != nil {
		t.Fatal(err)
	}
	data, err := io.ReadAll(zr)
	if err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(t.TempDir(), "old.db")
	if err := os.WriteFile(path, data, 0o600); err != nil {
		t.Fatal(err)
	}
	return path
}

// speakingNow lists who holds the floor, as "item/member".
func speakingNow(st *Store) []string {
	var out []string
	st.Read(func(s *model.State) {
		for _, it := range s.Sessions["s1"].Items {
			for _, sp := range it.Speakers {
				if sp.Speaking() {
					out = append(out, strconv.Itoa(it.N)+"/"+sp.Member+sp.Guest)
				}
			}
		}
	})
	return out
}

// A record made under the earlier rules replays as it was recorded: verify
// finds every session equal to its replay, and the turns that ran through
// a vote, a suspension and the next item are still running. What is
// recorded now follows today's rules and says so in its event (the turns
// it ends), so the record verifies after it too, and an export of the
// whole imports to the same state.
func TestOldRecordReplaysAsRecorded(t *testing.T) {
	path := oldFloorDB(t)
	st := openStore(t, path)
	rep, err := st.Verify()
	if err != nil {
		t.Fatalf("verify of the old record: %v", err)
	}
	if rep.Events != 18 || rep.Sessions != 1 {
		t.Errorf("verify: %d events, %d sessions; want 18 and 1", rep.Events, rep.Sessions)
	}
	want := []string{"1/m2", "1/m3", "2/m4", "3/m5", "4/m1"}
	if got := speakingNow(st); !slices.Equal(got, want) {
		t.Fatalf("the old record holds %v on the floor, want %v as recorded", got, want)
	}

	// Today's vote ends every turn under way, and its event names them.
	ev := mustDo(t, st, &model.VoteCmd{Session: "s1", N: 4, For: 5})
	var vote model.VoteCmd
	if err := json.Unmarshal(ev.Data, &vote); err != nil {
		t.Fatal(err)
	}
	if len(vote.Ends) != len(want) {
		t.Errorf("the vote's event ends %+v, want the %d turns under way", vote.Ends, len(want))
	}
	if got := speakingNow(st); len(got) != 0 {
		t.Errorf("after today's vote %v still hold the floor", got)
	}
	mustDo(t, st, &model.CloseCmd{Session: "s1"})
	state := stateJSON(t, st)
	if _, err := st.Verify(); err != nil {
		t.Fatalf("verify after new events: %v", err)
	}
	var export bytes.Buffer
	if err := st.Export(&export); err != nil {
		t.Fatal(err)
	}
	if err := st.Close(); err != nil {
		t.Fatal(err)
	}
	st = openStore(t, path)
	if got := stateJSON(t, st); got != state {
		t.Errorf("state after reopen differs:\n got %s\nwant %s", got, state)
	}
	st.Close()

	imported := openStore(t, filepath.Join(t.TempDir(), "copy.db"))
	defer imported.Close()
	if _, err := imported.Import(&export, ""); err != nil {
		t.Fatalf("import: %v", err)
	}
	if got := stateJSON(t, imported); got != state {
		t.Errorf("the imported record differs:\n got %s\nwant %s", got, state)
	}
}
