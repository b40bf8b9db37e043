package store

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/jalsa-app/jalsa/demo"
	"github.com/jalsa-app/jalsa/internal/testbin"
	"github.com/jalsa-app/jalsa/model"
	bolt "go.etcd.io/bbolt"
)

func TestMain(m *testing.M) { os.Exit(testbin.Run(m)) }

func jalsaBinary(t testing.TB) string { return testbin.Jalsa(t) }

// runJalsa runs the real binary against db and returns its exit code and output.
func runJalsa(t testing.TB, db string, args ...string) (code int, stdout, stderr string) {
	t.Helper()
	cmd := exec.Command(jalsaBinary(t), append([]string{"--db", db, "--lang", "en"}, args...)...)
	var out, errb bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &errb
	err := cmd.Run()
	var ee *exec.ExitError
	switch {
	case errors.As(err, &ee):
		code = ee.ExitCode()
	case err != nil:
		t.Fatalf("jalsa %v: %v", args, err)
	}
	return code, out.String(), errb.String()
}

// testClock ticks one minute per call from the planned day of the demo's
// October session, so that exports are reproducible.
func testClock() func() time.Time {
	var mu sync.Mutex
	at := time.Date(2024, 10, 28, 9, 0, 0, 0, time.UTC)
	return func() time.Time {
		mu.Lock()
		defer mu.Unlock()
		at = at.Add(time.Minute)
		return at
	}
}

func openStore(t testing.TB, path string) *Store {
	t.Helper()
	st, err := Open(path, Options{Clock: testClock()})
	if err != nil {
		t.Fatalf("open %s: %v", path, err)
	}
	return st
}

// newStore opens a fresh database that the test closes at its end.
func newStore(t testing.TB) *Store {
	t.Helper()
	st := openStore(t, filepath.Join(t.TempDir(), "j.db"))
	t.Cleanup(func() { st.Close() })
	return st
}

// demoInit is the command that creates the demo's October 2024 session
// (82 members, ten items, a balanced 37-line budget as item 10).
func demoInit(t testing.TB) *model.InitCmd {
	t.Helper()
	data, err := demo.Files.ReadFile("2024-10.yaml")
	if err != nil {
		t.Fatal(err)
	}
	cmd, err := model.LoadSessionFile("2024-10.yaml", data)
	if err != nil {
		t.Fatal(err)
	}
	return cmd
}

const sid = "2024-10"

func mustDo(t testing.TB, st *Store, cmd model.Command) model.Event {
	t.Helper()
	ev, err := st.Do("test", cmd)
	if err != nil {
		t.Fatalf("%s %+v: %v", cmd.Type(), cmd, err)
	}
	return ev
}

// conduct creates the demo October session and takes it through roll call,
// a note, votes by counts and by name, a correction, an amendment and a
// budget line vote: every kind of event.
func conduct(t testing.TB, st *Store) {
	t.Helper()
	mustDo(t, st, demoInit(t))
	mustDo(t, st, &model.OpenCmd{Session: sid, Call: 1})
	mustDo(t, st, &model.AttendCmd{Session: sid, Present: []string{"all"}, Absent: []string{"m14", "m15"}, Excused: []string{"m16"}})
	mustDo(t, st, &model.ItemCmd{Session: sid, N: 1, Action: model.ActStart})
	mustDo(t, st, &model.ItemCmd{Session: sid, N: 1, Action: model.ActNote, Text: "تلت كاتبة المكتب ملخص المحضر"})
	mustDo(t, st, &model.VoteCmd{Session: sid, N: 1, For: 70, Against: 3, Abstain: 6})
	mustDo(t, st, &model.VoteCmd{Session: sid, N: 1, For: 71, Against: 3, Abstain: 5, Correct: true, Reason: "miscount"})
	mustDo(t, st, &model.ItemCmd{Session: sid, N: 2, Action: model.ActStart})
	mustDo(t, st, &model.ItemCmd{Session: sid, N: 2, Action: model.ActDone})
	mustDo(t, st, &model.AttendCmd{Session: sid, Arrive: []string{"m14"}})
	mustDo(t, st, &model.ItemCmd{Session: sid, N: 3, Action: model.ActStart})
	mustDo(t, st, &model.VoteCmd{Session: sid, N: 3, Named: map[string]model.Choice{"m02": model.Against, "m09": model.Abstain}, Rest: model.For})
	mustDo(t, st, &model.ItemCmd{Session: sid, N: 10, Action: model.ActStart})
	mustDo(t, st, &model.AmendCmd{Session: sid, N: 10, Line: "I.2.2", Amount: 100000_00, Reason: "new tariff"})
	mustDo(t, st, &model.VoteCmd{Session: sid, N: 10, Line: "I.1.1", For: 60, Against: 10, Abstain: 10})
}

// stateJSON is the whole in-memory state, for comparisons.
func stateJSON(t testing.TB, st *Store) string {
	t.Helper()
	var b []byte
	var err error
	st.Read(func(s *model.State) { b, err = json.Marshal(s) })
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

func exportOf(t testing.TB, st *Store) []byte {
	t.Helper()
	var buf bytes.Buffer
	if err := st.Export(&buf); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

func TestReopenKeepsState(t *testing.T) {
	path := filepath.Join(t.TempDir(), "j.db")
	st := openStore(t, path)
	conduct(t, st)
	state, seq, export := stateJSON(t, st), st.Seq(), exportOf(t, st)
	if seq != 15 {
		t.Fatalf("seq after 15 commands = %d", seq)
	}
	if err := st.Close(); err != nil {
		t.Fatal(err)
	}

	st = openStore(t, path)
	defer st.Close()
	if got := stateJSON(t, st); got != state {
		t.Errorf("state after reopen differs:\n got %s\nwant %s", got, state)
	}
	if st.Seq() != seq {
		t.Errorf("seq after reopen = %d, want %d", st.Seq(), seq)
	}
	if got := exportOf(t, st); !bytes.Equal(got, export) {
		t.Error("export after reopen differs")
	}
	// The chain goes on from where it stopped.
	ev := mustDo(t, st, &model.ItemCmd{Session: sid, N: 10, Action: model.ActNote, Text: "after reopen"})
	if ev.Seq != seq+1 {
		t.Errorf("next event is %d, want %d", ev.Seq, seq+1)
	}
	rep, err := st.Verify()
	if err != nil {
		t.Fatalf("verify: %v", err)
	}
	if rep.Events != seq+1 || rep.Sessions != 1 {
		t.Errorf("verify report %+v", rep)
	}
}

func TestRefusedCommandChangesNothing(t *testing.T) {
	st := newStore(t)
	mustDo(t, st, demoInit(t))

	// refuse checks that cmd fails with the exit code and message key and
	// leaves the state, the event count and the file as they were.
	refuse := func(name string, cmd model.Command, code int, key string) {
		t.Helper()
		state, seq, export := stateJSON(t, st), st.Seq(), exportOf(t, st)
		_, err := st.Do("test", cmd)
		var me *model.Error
		if !errors.As(err, &me) || model.ExitCode(err) != code || me.Key != key {
			t.Errorf("%s: got %v (exit %d), want exit %d %s", name, err, model.ExitCode(err), code, key)
		}
		if got := stateJSON(t, st); got != state {
			t.Errorf("%s: refused command changed the state", name)
		}
		if st.Seq() != seq || !bytes.Equal(exportOf(t, st), export) {
			t.Errorf("%s: refused command wrote an event", name)
		}
	}

	refuse("vote before open", &model.VoteCmd{Session: sid, N: 1, For: 1}, 3, "err.not_open")
	refuse("unknown session", &model.OpenCmd{Session: "1999-01"}, 4, "err.session_not_found")
	mustDo(t, st, &model.OpenCmd{Session: sid, Call: 1})
	refuse("attend unknown member", &model.AttendCmd{Session: sid, Present: []string{"m01", "m99"}}, 4, "err.member_not_found")
	mustDo(t, st, &model.AttendCmd{Session: sid, Present: []string{"m01", "m02", "m03"}})
	refuse("item not started", &model.VoteCmd{Session: sid, N: 1, For: 2}, 3, "err.item_not_open")
	mustDo(t, st, &model.ItemCmd{Session: sid, N: 1, Action: model.ActStart})
	refuse("no quorum", &model.VoteCmd{Session: sid, N: 1, For: 2}, 3, "err.no_quorum")
	mustDo(t, st, &model.AttendCmd{Session: sid, Present: []string{"all"}, Absent: []string{"m14", "m15"}})
	refuse("counts above present", &model.VoteCmd{Session: sid, N: 1, For: 70, Against: 10, Abstain: 1}, 3, "err.votes_exceed_present")
	refuse("named voter absent", &model.VoteCmd{Session: sid, N: 1, Named: map[string]model.Choice{"m14": model.For}, Rest: model.For}, 3, "err.voter_not_present")
	refuse("tie without chair", &model.VoteCmd{Session: sid, N: 1, For: 30, Against: 30}, 3, "err.tie_needs_chair")
	refuse("other item open", &model.ItemCmd{Session: sid, N: 3, Action: model.ActStart}, 3, "err.other_item_open")
	mustDo(t, st, &model.VoteCmd{Session: sid, N: 1, For: 70, Against: 5, Abstain: 5})
	refuse("second vote", &model.VoteCmd{Session: sid, N: 1, For: 70, Against: 5, Abstain: 4}, 3, "err.vote_recorded")
	refuse("correct without reason", &model.VoteCmd{Session: sid, N: 1, For: 70, Correct: true}, 2, "err.reason_required")

	mustDo(t, st, &model.ItemCmd{Session: sid, N: 10, Action: model.ActStart})
	refuse("final vote before lines", &model.VoteCmd{Session: sid, N: 10, For: 70}, 3, "err.lines_unvoted")
	mustDo(t, st, &model.AmendCmd{Session: sid, N: 10, Line: "I.2.2", Amount: 1, Reason: "unbalance it"})
	var codes []string
	st.Read(func(s *model.State) {
		for _, l := range s.Sessions[sid].Items[9].Lines {
			codes = append(codes, l.Code)
		}
	})
	for _, c := range codes {
		mustDo(t, st, &model.VoteCmd{Session: sid, N: 10, Line: c, For: 60, Against: 10, Abstain: 10})
	}
	refuse("amend after its vote", &model.AmendCmd{Session: sid, N: 10, Line: "I.2.2", Amount: 96000_00, Reason: "too late"}, 3, "err.amend_after_vote")
	refuse("unbalanced final vote", &model.VoteCmd{Session: sid, N: 10, For: 70}, 3, "err.unbalanced")

	for n := 2; n <= 9; n++ {
		mustDo(t, st, &model.ItemCmd{Session: sid, N: n, Action: model.ActDefer})
	}
	refuse("close with a pending item", &model.CloseCmd{Session: sid}, 3, "err.close_pending")
	mustDo(t, st, &model.ItemCmd{Session: sid, N: 10, Action: model.ActDefer})
	mustDo(t, st, &model.CloseCmd{Session: sid})
	for _, c := range []struct {
		name string
		cmd  model.Command
	}{
		{"open after close", &model.OpenCmd{Session: sid}},
		{"note after close", &model.ItemCmd{Session: sid, N: 1, Action: model.ActNote, Text: "late"}},
		{"correct after close", &model.VoteCmd{Session: sid, N: 1, For: 71, Correct: true, Reason: "late"}},
		{"amend after close", &model.AmendCmd{Session: sid, N: 10, Line: "I.1.1", Amount: 1, Reason: "late"}},
		{"close after close", &model.CloseCmd{Session: sid}},
		{"init again", demoInit(t)},
	} {
		key := "err.closed"
		if c.name == "init again" {
			key = "err.session_exists"
		}
		refuse(c.name, c.cmd, 3, key)
	}
}

// tamper opens a copy of the database at path with bbolt alone and changes it
// with fn, as someone editing the file behind jalsa's back would.
func tamper(t *testing.T, path string, fn func(tx *bolt.Tx) error) string {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	cp := filepath.Join(t.TempDir(), "tampered.db")
	if err := os.WriteFile(cp, data, 0o600); err != nil {
		t.Fatal(err)
	}
	db, err := bolt.Open(cp, 0o600, &bolt.Options{Timeout: time.Second})
	if err != nil {
		t.Fatal(err)
	}
	if err := db.Update(fn); err != nil {
		t.Fatal(err)
	}
	if err := db.Close(); err != nil {
		t.Fatal(err)
	}
	return cp
}

func TestVerifyNamesTheBadEvent(t *testing.T) {
	path := filepath.Join(t.TempDir(), "j.db")
	st := openStore(t, path)
	conduct(t, st)
	if _, err := st.Verify(); err != nil {
		t.Fatalf("verify of an untouched file: %v", err)
	}
	st.Close()
	if code, out, errs := runJalsa(t, path, "verify"); code != 0 || !strings.HasPrefix(out, "ok: 15 events") {
		t.Fatalf("jalsa verify of an untouched file: exit %d, %q %q", code, out, errs)
	}

	replace := func(seq uint64, old, new string) func(tx *bolt.Tx) error {
		return func(tx *bolt.Tx) error {
			b := tx.Bucket(bucketEvents)
			v := string(b.Get(seqKey(seq)))
			if !strings.Contains(v, old) {
				return fmt.Errorf("event %d has no %q: %s", seq, old, v)
			}
			return b.Put(seqKey(seq), []byte(strings.Replace(v, old, new, 1)))
		}
	}
	for _, c := range []struct {
		name    string
		change  func(tx *bolt.Tx) error
		seq     uint64 // the event Verify must name; 0 for the state
		message string
	}{
		// Event 6 is the first vote on item 1: 70 for.
		{"vote count altered", replace(6, `"for":70`, `"for":69`), 6, "altered"},
		{"actor altered", replace(4, `"actor":"test"`, `"actor":"mallory"`), 4, "altered"},
		{"event deleted", func(tx *bolt.Tx) error { return tx.Bucket(bucketEvents).Delete(seqKey(9)) }, 10, "gap"},
		{"event rehashed but chain broken", func(tx *bolt.Tx) error {
			// Alter event 12 and recompute its own hash: event 13 no longer follows.
			b := tx.Bucket(bucketEvents)
			var ev model.Event
			if err := json.Unmarshal(b.Get(seqKey(12)), &ev); err != nil {
				return err
			}
			ev.Actor = "mallory"
			raw, _ := seal(&ev)
			return b.Put(seqKey(12), raw)
		}, 13, "does not follow"},
		{"stored state altered", func(tx *bolt.Tx) error {
			b := tx.Bucket(bucketSessions).Bucket([]byte(sid))
			var key []byte
			b.ForEach(func(k, v []byte) error {
				if key == nil && strings.Contains(string(v), `"for":71`) {
					key = bytes.Clone(k)
				}
				return nil
			})
			if key == nil {
				return fmt.Errorf("no record of session %s holds the vote 71 for", sid)
			}
			v := strings.Replace(string(b.Get(key)), `"for":71`, `"for":72`, 1)
			return b.Put(key, []byte(v))
		}, 0, "differs from the replay"},
	} {
		t.Run(c.name, func(t *testing.T) {
			cp := tamper(t, path, c.change)
			st := openStore(t, cp)
			_, err := st.Verify()
			st.Close()
			var ve *VerifyError
			if !errors.As(err, &ve) || ve.Seq != c.seq || !strings.Contains(ve.Msg, c.message) {
				t.Fatalf("Verify = %v, want event %d %q", err, c.seq, c.message)
			}
			code, _, errs := runJalsa(t, cp, "verify")
			if code != 1 || strings.Count(errs, "\n") != 1 || !strings.Contains(errs, ve.Error()) {
				t.Errorf("jalsa verify: exit %d, stderr %q; want exit 1 naming %q", code, errs, ve.Error())
			}
			if c.seq != 0 && !strings.Contains(errs, fmt.Sprintf("event %d", c.seq)) {
				t.Errorf("jalsa verify does not name event %d: %q", c.seq, errs)
			}
		})
	}
}

func TestExportImportRoundTrip(t *testing.T) {
	src := newStore(t)
	conduct(t, src)
	first := exportOf(t, src)

	dst := newStore(t)
	n, err := dst.Import(bytes.NewReader(first))
	if err != nil || n != 15 {
		t.Fatalf("import: %d events, %v", n, err)
	}
	if second := exportOf(t, dst); !bytes.Equal(first, second) {
		t.Errorf("export → import → export differs:\n%s\n---\n%s", first, second)
	}
	if a, b := stateJSON(t, src), stateJSON(t, dst); a != b {
		t.Error("imported state differs from the source")
	}
	if _, err := dst.Verify(); err != nil {
		t.Errorf("verify after import: %v", err)
	}

	// Refused into a database that holds anything, and nothing written.
	before := exportOf(t, dst)
	if _, err := dst.Import(bytes.NewReader(first)); model.ExitCode(err) != 3 {
		t.Errorf("import into a non-empty database: %v (exit %d), want exit 3", err, model.ExitCode(err))
	}
	if !bytes.Equal(before, exportOf(t, dst)) {
		t.Error("refused import changed the database")
	}

	// An altered export is refused as a whole.
	altered := bytes.Replace(first, []byte(`"for": 70`), []byte(`"for": 69`), 1)
	if bytes.Equal(altered, first) {
		t.Fatal("the export does not hold the vote to alter")
	}
	empty := newStore(t)
	if _, err := empty.Import(bytes.NewReader(altered)); model.ExitCode(err) != 2 || !strings.Contains(err.Error(), "event 6") {
		t.Errorf("import of an altered export: %v (exit %d), want exit 2 naming event 6", err, model.ExitCode(err))
	}
	if empty.Seq() != 0 || stateJSON(t, empty) != stateJSON(t, newStore(t)) {
		t.Error("a refused import left something behind")
	}
}

func TestBackupWhileWriting(t *testing.T) {
	st := newStore(t)
	mustDo(t, st, demoInit(t))
	mustDo(t, st, &model.OpenCmd{Session: sid, Call: 1})
	mustDo(t, st, &model.ItemCmd{Session: sid, N: 2, Action: model.ActStart})

	ctx, stop := context.WithCancel(context.Background())
	var wg sync.WaitGroup
	var written atomic.Int64
	wg.Go(func() {
		for i := 0; ctx.Err() == nil; i++ {
			if _, err := st.Do("writer", &model.ItemCmd{Session: sid, N: 2, Action: model.ActNote, Text: fmt.Sprintf("note %d", i)}); err != nil {
				t.Errorf("write during backup: %v", err)
				return
			}
			written.Add(1)
		}
	})
	// Back up until the writer has committed many times in between, so that
	// copies and commits overlap.
	dir := t.TempDir()
	var seqs []uint64
	for i := 0; i < 5 || (written.Load() < 30 && i < 1000); i++ {
		path := filepath.Join(dir, fmt.Sprintf("backup%d.db", i%5))
		if err := st.Backup(path); err != nil {
			t.Fatalf("backup %d: %v", i, err)
		}
		b, err := Open(path, Options{})
		if err != nil {
			t.Fatalf("open backup %d: %v", i, err)
		}
		rep, err := b.Verify()
		b.Close()
		if err != nil {
			t.Fatalf("backup %d does not verify: %v", i, err)
		}
		seqs = append(seqs, rep.Events)
	}
	stop()
	wg.Wait()
	t.Logf("%d notes written during %d backups, which hold %d to %d events", written.Load(), len(seqs), seqs[0], seqs[len(seqs)-1])
	if first, last := seqs[0], seqs[len(seqs)-1]; first < 3 || last <= first || last > st.Seq() {
		t.Errorf("backups hold %d to %d events; the store has %d", first, last, st.Seq())
	}

	// The live file is never the target: that would truncate it under bbolt.
	if err := st.Backup(st.Path()); err == nil {
		t.Error("backup onto the database itself was accepted")
	}
	if _, err := st.Verify(); err != nil {
		t.Errorf("the database after a refused backup onto itself: %v", err)
	}
}

func TestNewerSchemaRefused(t *testing.T) {
	path := filepath.Join(t.TempDir(), "j.db")
	st := openStore(t, path)
	mustDo(t, st, demoInit(t))
	st.Close()
	cp := tamper(t, path, func(tx *bolt.Tx) error { return tx.Bucket(bucketMeta).Put(keySchema, []byte("99")) })
	before, _ := os.ReadFile(cp)

	_, err := Open(cp, Options{})
	if err == nil || !strings.Contains(err.Error(), "schema 99") || !strings.Contains(err.Error(), "upgrade jalsa") {
		t.Fatalf("open of a schema 99 file: %v", err)
	}
	if after, _ := os.ReadFile(cp); !bytes.Equal(before, after) {
		t.Error("the refused open wrote to the newer file")
	}
	code, _, errs := runJalsa(t, cp, "sessions")
	if code == 0 || strings.Count(errs, "\n") != 1 || !strings.Contains(errs, "schema 99") {
		t.Errorf("jalsa sessions on a schema 99 file: exit %d, %q", code, errs)
	}
}

func TestSubscribe(t *testing.T) {
	st := newStore(t)
	ch, stop := st.Subscribe()
	ev := mustDo(t, st, demoInit(t))
	select {
	case c := <-ch:
		if c.Seq != ev.Seq || c.Session != sid || c.Type != "init" || c.Actor != "test" {
			t.Errorf("change %+v after event %d", c, ev.Seq)
		}
	case <-time.After(5 * time.Second):
		t.Fatal("no change after Do")
	}

	// A refused command announces nothing; a slow reader gets the latest change.
	st.Do("test", &model.VoteCmd{Session: sid, N: 1, For: 1})
	mustDo(t, st, &model.OpenCmd{Session: sid})
	last := mustDo(t, st, &model.AttendCmd{Session: sid, Present: []string{"all"}})
	if c := <-ch; c.Seq != last.Seq || c.Type != "attend" {
		t.Errorf("slow subscriber got %+v, want the latest change %d", c, last.Seq)
	}
	select {
	case c := <-ch:
		t.Errorf("unexpected change %+v", c)
	default:
	}

	stop()
	if _, ok := <-ch; ok {
		t.Error("channel open after stop")
	}
	stop() // twice is harmless
}

func TestConcurrentWritesKeepTheChain(t *testing.T) {
	st := newStore(t)
	mustDo(t, st, demoInit(t))
	mustDo(t, st, &model.OpenCmd{Session: sid})
	mustDo(t, st, &model.ItemCmd{Session: sid, N: 2, Action: model.ActStart})
	var wg sync.WaitGroup
	for w := range 4 {
		wg.Go(func() {
			for i := range 10 {
				if _, err := st.Do(fmt.Sprintf("w%d", w), &model.ItemCmd{Session: sid, N: 2, Action: model.ActNote, Text: fmt.Sprintf("%d-%d", w, i)}); err != nil {
					t.Error(err)
				}
			}
		})
		wg.Go(func() {
			for range 10 {
				st.Read(func(s *model.State) { _ = len(s.Sessions[sid].Items[1].Notes) })
			}
		})
	}
	wg.Wait()
	rep, err := st.Verify()
	if err != nil || rep.Events != 43 {
		t.Fatalf("after concurrent writes: %+v, %v", rep, err)
	}
}

func TestSecondOpenIsLocked(t *testing.T) {
	st := newStore(t)
	start := time.Now()
	_, err := Open(st.Path(), Options{})
	if !errors.Is(err, ErrLocked) {
		t.Fatalf("second open: %v, want ErrLocked", err)
	}
	if d := time.Since(start); d > 2*time.Second {
		t.Errorf("second open gave up after %v; SPEC §5 wants well under 2 s", d)
	}
}

// TestFailedCommitChangesNothing makes the write transaction fail while the
// file stays readable: memory must go back to what the file holds.
func TestFailedCommitChangesNothing(t *testing.T) {
	path := filepath.Join(t.TempDir(), "j.db")
	st := openStore(t, path)
	defer st.Close()
	mustDo(t, st, demoInit(t))
	mustDo(t, st, &model.OpenCmd{Session: sid})
	mustDo(t, st, &model.AttendCmd{Session: sid, Present: []string{"all"}})
	mustDo(t, st, &model.ItemCmd{Session: sid, N: 1, Action: model.ActStart})
	state, seq := stateJSON(t, st), st.Seq()

	// bbolt refuses every write transaction of a read-only handle. The
	// swap holds the store's lock: the index's idle flush reads st.db.
	st.mu.Lock()
	if err := st.db.Close(); err != nil {
		t.Fatal(err)
	}
	ro, err := bolt.Open(path, 0o600, &bolt.Options{ReadOnly: true, Timeout: time.Second})
	if err != nil {
		t.Fatal(err)
	}
	st.db = ro
	st.mu.Unlock()

	other := demoInit(t)
	other.Session.ID = "2025-02"
	other.Body.ID = "another-body"
	for _, cmd := range []model.Command{
		&model.VoteCmd{Session: sid, N: 1, For: 70, Against: 5},
		&model.ItemCmd{Session: sid, N: 1, Action: model.ActNote, Text: "lost"},
		other, // a new session and a new body
	} {
		_, err := st.Do("test", cmd)
		if err == nil || model.ExitCode(err) != 1 {
			t.Errorf("%s on a read-only file: %v (exit %d), want a failure", cmd.Type(), err, model.ExitCode(err))
		}
		if got := stateJSON(t, st); got != state {
			t.Errorf("a failed %s left memory changed", cmd.Type())
		}
		if st.Seq() != seq {
			t.Errorf("a failed %s moved the sequence to %d", cmd.Type(), st.Seq())
		}
	}
}

// TestSealWritesWhatMarshalWould holds seal to its shortcut: the stored
// bytes of every kind of event are exactly json.Marshal of the event, so
// that verify, export and import, which marshal, agree with it.
func TestSealWritesWhatMarshalWould(t *testing.T) {
	st := newStore(t)
	tmpl := demoInit(t)
	id := tmpl.Session.ID
	mustDo(t, st, tmpl)
	mustDo(t, st, &model.OpenCmd{Session: id, Call: 1})
	mustDo(t, st, &model.AttendCmd{Session: id, Present: []string{"all"}, Absent: []string{"m14"}})
	mustDo(t, st, &model.ItemCmd{Session: id, N: 1, Action: model.ActStart})
	mustDo(t, st, &model.VoteCmd{Session: id, N: 1, For: 60, Against: 10, Abstain: 10})
	n := 0
	err := st.db.View(func(tx *bolt.Tx) error {
		return tx.Bucket(bucketEvents).ForEach(func(k, raw []byte) error {
			var ev model.Event
			if err := json.Unmarshal(raw, &ev); err != nil {
				return err
			}
			want, _ := json.Marshal(ev)
			if !bytes.Equal(raw, want) {
				t.Errorf("event %d stored as\n%s\nmarshals as\n%s", ev.Seq, raw, want)
			}
			n++
			return nil
		})
	})
	if err != nil || n != 5 {
		t.Fatalf("read %d events: %v", n, err)
	}
}
