package store

import (
	"encoding/binary"
	"errors"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/jalsa-app/jalsa/model"
	"github.com/jalsa-app/jalsa/search"
	bolt "go.etcd.io/bbolt"
)

// lookupSessionFile is a small session: three members, an agreement, a
// regulation and a report.
const lookupSessionFile = `body:
  id: cat
  name: Chambre
  language: fr
members:
  - {id: m1, name: Amina, role: president}
  - {id: m2, name: Brahim}
  - {id: m3, name: Chama}
session:
  id: s1
  kind: ordinary
  title: Session ordinaire de juin
  date: 2024-06-24
  chair: m1
agenda:
  - {title: Convention avec la commune de Sefrou, kind: agreement, text: "La Chambre approuve la convention."}
  - {title: Règlement intérieur, kind: regulation}
  - {title: Rapport moral, kind: report}
`

// startLookupSession creates the session, opens its sitting with everyone
// present.
func startLookupSession(t *testing.T, st *Store) {
	t.Helper()
	init, err := model.LoadSessionFile("s1.yaml", []byte(lookupSessionFile))
	if err != nil {
		t.Fatal(err)
	}
	for _, cmd := range []model.Command{init, &model.OpenCmd{Session: "s1", Call: 1}, &model.AttendCmd{Session: "s1", Present: []string{"all"}}} {
		if _, err := st.Do("test", cmd); err != nil {
			t.Fatalf("%s: %v", cmd.Type(), err)
		}
	}
}

func doAll(t *testing.T, st *Store, cmds ...model.Command) {
	t.Helper()
	for _, cmd := range cmds {
		if _, err := st.Do("test", cmd); err != nil {
			t.Fatalf("%s %+v: %v", cmd.Type(), cmd, err)
		}
	}
}

func mustVerify(t *testing.T, st *Store) {
	t.Helper()
	if _, err := st.Verify(); err != nil {
		t.Fatalf("verify: %v", err)
	}
}

// TestIndexFollowsTheRecord checks that every change to a decision is in
// the index as soon as the command returns: a new decision, a corrected
// outcome, a note, a deferred item taken up again.
func TestIndexFollowsTheRecord(t *testing.T) {
	st := openLookupStore(t)
	startLookupSession(t, st)
	if got := lookupRefs(t, st, Query{Text: "Sefrou"}); len(got) != 0 {
		t.Fatalf("an item without outcome is no decision, found %q", got)
	}
	doAll(t, st, &model.ItemCmd{Session: "s1", N: 1, Action: model.ActStart},
		&model.VoteCmd{Session: "s1", N: 1, For: 3})
	if got := lookupRefs(t, st, Query{Outcome: "adopted"}); !slices.Equal(got, []string{"s1/1"}) {
		t.Errorf("adopted after the vote: %q", got)
	}
	doAll(t, st, &model.VoteCmd{Session: "s1", N: 1, For: 1, Against: 2, Correct: true, Reason: "recount"})
	if got := lookupRefs(t, st, Query{Outcome: "rejected"}); !slices.Equal(got, []string{"s1/1"}) {
		t.Errorf("rejected after the correction: %q", got)
	}
	if got := lookupRefs(t, st, Query{Outcome: "adopted"}); len(got) != 0 {
		t.Errorf("adopted after the correction: %q", got)
	}
	doAll(t, st, &model.ItemCmd{Session: "s1", N: 1, Action: model.ActNote, Text: "Demande d'une antenne à Immouzer"})
	if got := lookupRefs(t, st, Query{Text: "immouzer"}); !slices.Equal(got, []string{"s1/1"}) {
		t.Errorf("note word: %q", got)
	}
	// The session label is indexed with every decision of the session.
	if got := lookupRefs(t, st, Query{Text: "ordinaire juin"}); !slices.Equal(got, []string{"s1/1"}) {
		t.Errorf("session label: %q", got)
	}

	doAll(t, st, &model.ItemCmd{Session: "s1", N: 2, Action: model.ActDefer})
	if got := lookupRefs(t, st, Query{Text: "reglement", Outcome: "deferred"}); !slices.Equal(got, []string{"s1/2"}) {
		t.Errorf("deferred: %q", got)
	}
	// Taken up again, it is pending: no decision until its vote.
	doAll(t, st, &model.ItemCmd{Session: "s1", N: 2, Action: model.ActStart})
	if got := lookupRefs(t, st, Query{Text: "reglement"}); len(got) != 0 {
		t.Errorf("a deferred item taken up again is still found: %q", got)
	}
	mustVerify(t, st)
	doAll(t, st, &model.VoteCmd{Session: "s1", N: 2, For: 3})
	if got := lookupRefs(t, st, Query{Text: "reglement"}); !slices.Equal(got, []string{"s1/2"}) {
		t.Errorf("voted again: %q", got)
	}
	mustVerify(t, st)
}

// damage is a way to break the index behind jalsa's back.
type damage struct {
	name string
	fn   func(t *testing.T, idx *bolt.Bucket)
	want string
}

// termPostingsKey finds the key of a term's postings in its first block.
func termPostingsKey(t *testing.T, idx *bolt.Bucket, term search.Term) []byte {
	v := idx.Bucket(idxVocab).Get([]byte(term.Key()))
	if v == nil {
		t.Fatalf("no term %q", term.Key())
	}
	id, _ := readVocab(v)
	c := idx.Bucket(idxPost).Cursor()
	for k, _ := c.First(); k != nil; k, _ = c.Next() {
		if binary.BigEndian.Uint32(k[2:]) == id {
			return k
		}
	}
	t.Fatalf("no postings for %q", term.Key())
	return nil
}

var damages = []damage{
	{"posting removed", func(t *testing.T, idx *bolt.Bucket) {
		if err := idx.Bucket(idxPost).Delete(termPostingsKey(t, idx, search.Term{Space: search.Exact, Text: "sefrou"})); err != nil {
			t.Fatal(err)
		}
	}, `postings of "sefrou"`},
	{"term frequency changed", func(t *testing.T, idx *bolt.Bucket) {
		post := idx.Bucket(idxPost)
		k := termPostingsKey(t, idx, search.Term{Space: search.Exact, Text: "convention"})
		v := slices.Clone(post.Get(k))
		v[len(v)-1] ^= 1
		if err := post.Put(k, v); err != nil {
			t.Fatal(err)
		}
	}, `postings of "convention"`},
	{"document frequency changed", func(t *testing.T, idx *bolt.Bucket) {
		vocab := idx.Bucket(idxVocab)
		k := []byte(search.Term{Space: search.Exact, Text: "convention"}.Key())
		id, df := readVocab(vocab.Get(k))
		v := binary.AppendUvarint(binary.AppendUvarint(nil, uint64(id)), uint64(df+1))
		if err := vocab.Put(k, v); err != nil {
			t.Fatal(err)
		}
	}, `the vocabulary counts "econvention"`},
	{"outcome in a record", func(t *testing.T, idx *bolt.Bucket) {
		id := binary.BigEndian.Uint32(idx.Bucket(idxRefs).Get([]byte("ss1/1")))
		docs := idx.Bucket(idxDocs)
		blk := slices.Clone(docs.Get(u32(id >> recordBits)))
		blk[int(id&(1<<recordBits-1))*recordSize+8] = outcomeCode(model.Rejected)
		if err := docs.Put(u32(id>>recordBits), blk); err != nil {
			t.Fatal(err)
		}
	}, "decision s1/1: its date, session, outcome"},
	{"decision missing", func(t *testing.T, idx *bolt.Bucket) {
		if err := idx.Bucket(idxRefs).Delete([]byte("r2019-06/1")); err != nil {
			t.Fatal(err)
		}
	}, "decision 2019-06/1 is not in the search index"},
	{"old content", func(t *testing.T, idx *bolt.Bucket) {
		refs := idx.Bucket(idxRefs)
		v := slices.Clone(refs.Get([]byte("ss1/1")))
		v[len(v)-1]++
		if err := refs.Put([]byte("ss1/1"), v); err != nil {
			t.Fatal(err)
		}
	}, "decision s1/1 is indexed with other content"},
	{"stored words", func(t *testing.T, idx *bolt.Bucket) {
		id := binary.BigEndian.Uint32(idx.Bucket(idxRefs).Get([]byte("ss1/1")))
		if err := idx.Bucket(idxTerms).Put(u32(id), []byte("\x06eautre")); err != nil {
			t.Fatal(err)
		}
	}, "decision s1/1: its indexed words differ"},
	{"format", func(t *testing.T, idx *bolt.Bucket) {
		if err := idx.Bucket(idxMeta).Put(keyFormat, []byte("jalsa-index-0")); err != nil {
			t.Fatal(err)
		}
	}, "missing or was made by another jalsa"},
}

// TestVerifyChecksTheIndex damages the index of a copy of the file in
// several ways: verify names each, RepairIndex (verify --repair-index)
// makes the file whole again and lookups right.
func TestVerifyChecksTheIndex(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "j.db")
	st, err := Open(path, Options{})
	if err != nil {
		t.Fatal(err)
	}
	startLookupSession(t, st)
	doAll(t, st, &model.ItemCmd{Session: "s1", N: 1, Action: model.ActStart}, &model.VoteCmd{Session: "s1", N: 1, For: 3})
	addPast(t, st, pastDecision("2019-06/1", "2019-06-10", "Convention avec la commune de Sefrou", "Texte"))
	mustVerify(t, st)
	want := lookupRefs(t, st, Query{Text: "convention sefrou"})
	if len(want) != 2 {
		t.Fatalf("before the damage: %q", want)
	}
	st.Close()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	for _, dmg := range damages {
		t.Run(dmg.name, func(t *testing.T) {
			cp := filepath.Join(t.TempDir(), "damaged.db")
			if err := os.WriteFile(cp, data, 0o600); err != nil {
				t.Fatal(err)
			}
			// Damaged while open: opening a damaged file would already
			// rebuild an index in a stale format.
			st, err := Open(cp, Options{})
			if err != nil {
				t.Fatal(err)
			}
			defer st.Close()
			err = st.db.Update(func(tx *bolt.Tx) error { dmg.fn(t, tx.Bucket(bucketIndex)); return nil })
			if err != nil {
				t.Fatal(err)
			}
			_, err = st.Verify()
			var ve *VerifyError
			if !errors.As(err, &ve) || !strings.Contains(err.Error(), dmg.want) || !strings.Contains(err.Error(), "--repair-index") {
				t.Fatalf("verify: %v, want a VerifyError with %q", err, dmg.want)
			}
			n, err := st.RepairIndex()
			if err != nil || n != 2 {
				t.Fatalf("repair: %d decisions, %v", n, err)
			}
			mustVerify(t, st)
			if got := lookupRefs(t, st, Query{Text: "convention sefrou"}); !slices.Equal(got, want) {
				t.Errorf("after repair: %q, want %q", got, want)
			}
		})
	}
}

// TestStaleIndexRebuiltAtOpen covers a file from a jalsa that had no index
// (or analysed text differently): opening it read-write rebuilds the index.
func TestStaleIndexRebuiltAtOpen(t *testing.T) {
	path := filepath.Join(t.TempDir(), "j.db")
	st, err := Open(path, Options{})
	if err != nil {
		t.Fatal(err)
	}
	startLookupSession(t, st)
	doAll(t, st, &model.ItemCmd{Session: "s1", N: 3, Action: model.ActStart}, &model.ItemCmd{Session: "s1", N: 3, Action: model.ActDone})
	st.Close()
	db, err := bolt.Open(path, 0o600, &bolt.Options{Timeout: time.Second})
	if err != nil {
		t.Fatal(err)
	}
	if err := db.Update(func(tx *bolt.Tx) error { return tx.DeleteBucket(bucketIndex) }); err != nil {
		t.Fatal(err)
	}
	db.Close()
	st, err = Open(path, Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	if got := lookupRefs(t, st, Query{Text: "rapport"}); !slices.Equal(got, []string{"s1/3"}) {
		t.Errorf("after reopening: %q", got)
	}
	mustVerify(t, st)
}

// TestNewSessionMayNotTakeARegisterID: the refs of a session whose id the
// register already uses would collide.
func TestNewSessionMayNotTakeARegisterID(t *testing.T) {
	st := openLookupStore(t)
	addPast(t, st, pastDecision("s1/4", "2001-06-10", "Convention", ""))
	init, err := model.LoadSessionFile("s1.yaml", []byte(lookupSessionFile))
	if err != nil {
		t.Fatal(err)
	}
	_, err = st.Do("test", init)
	var me *model.Error
	if !errors.As(err, &me) || me.Key != "store.session_in_register" || model.ExitCode(err) != 3 {
		t.Fatalf("init of a session of the register: %v", err)
	}
	if st.Seq() != 1 {
		t.Errorf("the refused init left events: seq %d", st.Seq())
	}
	mustVerify(t, st)
}
