package store

import (
	"encoding/binary"
	"path/filepath"
	"slices"
	"testing"
	"time"

	"github.com/jalsa-app/jalsa/model"
	bolt "go.etcd.io/bbolt"
)

// storedIndexed is the last event the index on disk reflects.
func storedIndexed(t *testing.T, db *bolt.DB) uint64 {
	t.Helper()
	var n uint64
	err := db.View(func(tx *bolt.Tx) error {
		b, err := openIndexBuckets(tx)
		if err == nil {
			n = binary.BigEndian.Uint64(b.meta.Get(keyIndexed))
		}
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	return n
}

// voteItemOne conducts the demo session up to a vote on item 1 and returns
// the vote's event.
func voteItemOne(t *testing.T, st *Store) model.Event {
	t.Helper()
	mustDo(t, st, demoInit(t))
	mustDo(t, st, &model.OpenCmd{Session: sid, Call: 1})
	mustDo(t, st, &model.AttendCmd{Session: sid, Present: []string{"all"}})
	mustDo(t, st, &model.ItemCmd{Session: sid, N: 1, Action: model.ActStart})
	return mustDo(t, st, &model.VoteCmd{Session: sid, N: 1, For: 70, Against: 5, Abstain: 2})
}

// hasDecision reports whether a lookup of the session lists ref.
func hasDecision(t *testing.T, st *Store, ref string) bool {
	t.Helper()
	return slices.Contains(lookupRefs(t, st, Query{Session: sid, Limit: 100}), ref)
}

// TestVoteCommitLeavesIndexToLookup: the vote's own transaction does not
// index it, and the next lookup finds it all the same.
func TestVoteCommitLeavesIndexToLookup(t *testing.T) {
	st := newStore(t)
	st.delay = time.Hour
	ev := voteItemOne(t, st)
	if got := storedIndexed(t, st.db); got >= ev.Seq {
		t.Fatalf("the index reflects event %d right after the vote %d: the vote's commit indexed it", got, ev.Seq)
	}
	if !hasDecision(t, st, sid+"/1") {
		t.Fatalf("the lookup right after the vote does not find %s/1", sid)
	}
	if got := storedIndexed(t, st.db); got != ev.Seq {
		t.Fatalf("after the lookup the index reflects event %d, want %d", got, ev.Seq)
	}
}

// TestIndexCatchesUpWhenIdle: with nothing reading, the index catches up
// by itself once the store is idle.
func TestIndexCatchesUpWhenIdle(t *testing.T) {
	st := newStore(t)
	st.delay = 10 * time.Millisecond
	ev := voteItemOne(t, st)
	deadline := time.Now().Add(5 * time.Second)
	for storedIndexed(t, st.db) != ev.Seq {
		if time.Now().After(deadline) {
			t.Fatalf("the index still reflects event %d 5 s after the vote %d", storedIndexed(t, st.db), ev.Seq)
		}
		time.Sleep(5 * time.Millisecond)
	}
}

// TestCloseIndexesWhatIsPending: a clean exit leaves the index current, so
// the next open has nothing to catch up on.
func TestCloseIndexesWhatIsPending(t *testing.T) {
	path := filepath.Join(t.TempDir(), "j.db")
	st := openStore(t, path)
	st.delay = time.Hour
	ev := voteItemOne(t, st)
	if err := st.Close(); err != nil {
		t.Fatal(err)
	}
	db, err := bolt.Open(path, 0o600, &bolt.Options{ReadOnly: true, Timeout: time.Second})
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	if got := storedIndexed(t, db); got != ev.Seq {
		t.Fatalf("after Close the index reflects event %d, want %d", got, ev.Seq)
	}
}

// TestIndexResumesAfterKill: a file whose last commands were never indexed,
// as a killed process leaves it (here a hot backup taken in between), is
// indexed when it is next opened, and verifies.
func TestIndexResumesAfterKill(t *testing.T) {
	st := newStore(t)
	st.delay = time.Hour
	ev := voteItemOne(t, st)
	copyPath := filepath.Join(t.TempDir(), "copy.db")
	if err := st.Backup(copyPath); err != nil {
		t.Fatal(err)
	}
	db, err := bolt.Open(copyPath, 0o600, &bolt.Options{ReadOnly: true, Timeout: time.Second})
	if err != nil {
		t.Fatal(err)
	}
	lag := storedIndexed(t, db)
	db.Close()
	if lag >= ev.Seq {
		t.Fatalf("the copy's index reflects event %d already; the test needs it behind %d", lag, ev.Seq)
	}
	cp := openStore(t, copyPath)
	defer cp.Close()
	if got := storedIndexed(t, cp.db); got != ev.Seq {
		t.Fatalf("after Open the index reflects event %d, want %d", got, ev.Seq)
	}
	if _, err := cp.Verify(); err != nil {
		t.Fatalf("verify: %v", err)
	}
	if !hasDecision(t, cp, sid+"/1") {
		t.Fatalf("the reopened copy does not find %s/1", sid)
	}
}
