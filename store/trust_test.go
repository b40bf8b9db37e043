package store

import (
	"bytes"
	"encoding/json"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/jalsa-app/jalsa/model"
	"github.com/jalsa-app/jalsa/store/internal/corpus"
	bolt "go.etcd.io/bbolt"
)

// chained is an export of cmds, each an event of the demo's October
// session, chained and hashed as jalsa writes them: what an editor of an
// export would produce to get past the hash check.
func chained(t testing.TB, cmds []model.Command) []byte {
	t.Helper()
	x := Export{Format: exportFormat, Schema: SchemaVersion}
	prev := ""
	at := time.Date(2024, 10, 28, 9, 0, 0, 0, time.UTC)
	for i, cmd := range cmds {
		ev, err := model.NewEvent(cmd, model.Ctx{Time: at.Add(time.Duration(i) * time.Second), Actor: "clerk"})
		if err != nil {
			t.Fatal(err)
		}
		ev.Seq, ev.Prev = uint64(i+1), prev
		_, prev = seal(&ev)
		x.Events = append(x.Events, ev)
	}
	b, err := json.Marshal(x)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// sitting is the demo's October session with its first sitting under way,
// everyone but m14 and m15 present and item 1 started.
func sitting(t testing.TB) []model.Command {
	return []model.Command{demoInit(t), &model.OpenCmd{Session: sid, Call: 1},
		&model.AttendCmd{Session: sid, Present: []string{"all"}, Absent: []string{"m14", "m15"}},
		&model.ItemCmd{Session: sid, N: 1, Action: model.ActStart}}
}

// TestImportRefusesWhatNoCommandCouldRecord: an export edited and chained
// again, its hashes valid, cannot bring in an impossible vote or an
// over-long text: import replays every event under SPEC §11's rules and
// names the event and the field, once.
func TestImportRefusesWhatNoCommandCouldRecord(t *testing.T) {
	for _, tc := range []struct {
		name string
		last model.Command
		code int
		want string
	}{
		{"a vote above the room", &model.VoteCmd{Session: sid, N: 1, For: 9223372036854775807, Against: 1}, 3,
			"event 5 (vote): for: 9223372036854775807 is more than the 80 members present"},
		{"a sum that wraps", &model.VoteCmd{Session: sid, N: 1, For: 4611686018427387904, Against: 4611686018427387904, Abstain: 1}, 3,
			"event 5 (vote): for: 4611686018427387904 is more than the 80 members present"},
		{"a note of 40 000 letters", &model.ItemCmd{Session: sid, N: 1, Action: model.ActNote, Text: strings.Repeat("x", 40000)}, 2,
			"event 5 (item): note: 40000 characters; at most 20000 are allowed"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			st := newStore(t)
			_, err := st.Import(bytes.NewReader(chained(t, append(sitting(t), tc.last))), "")
			if err == nil || err.Error() != tc.want || model.ExitCode(err) != tc.code {
				t.Fatalf("import: %v (exit %d), want exit %d: %s", err, model.ExitCode(err), tc.code, tc.want)
			}
			if st.Seq() != 0 {
				t.Errorf("a refused import recorded %d events", st.Seq())
			}
		})
	}
}

// TestImportFraming: a byte-order mark before an export is accepted,
// anything after it refused, and so is a schema that is not a version.
func TestImportFraming(t *testing.T) {
	good := chained(t, sitting(t))
	for _, tc := range []struct {
		name string
		data []byte
		code int
		want string
	}{
		{"a byte-order mark", append([]byte("\xEF\xBB\xBF"), good...), 0, ""},
		{"trailing data", append(append([]byte{}, good...), []byte("\n{\"more\":1}")...), 2, "something follows the export"},
		{"schema banana", bytes.Replace(good, []byte(`"schema":1`), []byte(`"schema":"banana"`), 1), 2, "not a jalsa export"},
		{"schema 0", bytes.Replace(good, []byte(`"schema":1`), []byte(`"schema":0`), 1), 2, "schema 0 is not a version"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			st := newStore(t)
			_, err := st.Import(bytes.NewReader(tc.data), "")
			if model.ExitCode(err) != tc.code || (tc.want != "" && !strings.Contains(fmt.Sprint(err), tc.want)) {
				t.Fatalf("import: %v (exit %d), want exit %d %q", err, model.ExitCode(err), tc.code, tc.want)
			}
		})
	}
}

// TestDamagedRecords: a record jalsa cannot read is named — the event, the
// schema — and said to be damaged, never read as something else.
func TestDamagedRecords(t *testing.T) {
	path := filepath.Join(t.TempDir(), "j.db")
	st := openStore(t, path)
	for _, cmd := range sitting(t) {
		if _, err := st.Do("clerk", cmd); err != nil {
			t.Fatal(err)
		}
	}
	st.Close()
	edit := func(fn func(tx *bolt.Tx) error) {
		db, err := bolt.Open(path, 0o600, nil)
		if err != nil {
			t.Fatal(err)
		}
		defer db.Close()
		if err := db.Update(fn); err != nil {
			t.Fatal(err)
		}
	}

	edit(func(tx *bolt.Tx) error { return tx.Bucket(bucketEvents).Put(seqKey(3), []byte("{not json")) })
	st = openStore(t, path)
	err := st.Export(&bytes.Buffer{})
	if want := fmt.Sprintf("the database %s is damaged (event 3: ", path); err == nil || !strings.HasPrefix(err.Error(), want) || model.ExitCode(err) != 1 {
		t.Errorf("export with an unreadable event: %v, want exit 1 %q…", err, want)
	}
	st.Close()

	edit(func(tx *bolt.Tx) error { return tx.Bucket(bucketMeta).Put(keySchema, []byte("banana")) })
	_, err = Open(path, Options{})
	if want := fmt.Sprintf("the database %s is damaged (schema: \"banana\" is not a schema version): restore a backup", path); err == nil || err.Error() != want {
		t.Errorf("schema banana: %v, want %q", err, want)
	}
	edit(func(tx *bolt.Tx) error { return tx.Bucket(bucketMeta).Put(keySchema, []byte("7")) })
	if _, err = Open(path, Options{}); model.ExitCode(err) != 3 || !strings.Contains(fmt.Sprint(err), "newer jalsa (schema 7") {
		t.Errorf("schema 7: %v", err)
	}
}

// bigDatabase makes a database of about mb megabytes of notes, through an
// import (one transaction), for the tests that need a file whose verify
// takes a while.
func bigDatabase(t *testing.T, mb int) string {
	t.Helper()
	cmds := sitting(t)
	text := strings.Repeat("ملاحظة طويلة عن النقطة ", 80) // about 3.5 kB
	for i := range mb << 20 / len(text) {
		cmds = append(cmds, &model.ItemCmd{Session: sid, N: 2 + i%8, Action: model.ActNote, Text: fmt.Sprint(i, text)})
	}
	path := filepath.Join(t.TempDir(), "big.db")
	st := openStore(t, path)
	if _, err := st.Import(bytes.NewReader(chained(t, cmds)), ""); err != nil {
		t.Fatal(err)
	}
	st.Close()
	return path
}

// TestVerifyBoundedAndStoppable: verify of a large record stays within
// about twice the file's size in memory, and SIGTERM stops it with a
// message instead of letting it run on.
func TestVerifyBoundedAndStoppable(t *testing.T) {
	if testing.Short() {
		t.Skip("builds a large database")
	}
	path := bigDatabase(t, 24)
	fi, err := os.Stat(path)
	if err != nil {
		t.Fatal(err)
	}
	cmd := exec.Command(jalsaBinary(t), "--db", path, "--lang", "en", "verify")
	var out, errb bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &errb
	start := time.Now()
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	rss := peakMemory(cmd.Process.Pid)
	if err := cmd.Wait(); err != nil {
		t.Fatalf("verify: %v: %s", err, errb.String())
	}
	took := time.Since(start)
	t.Logf("verify of a %d MB file: peak memory %d MB (%.2f× the file), %v", fi.Size()>>20, rss>>20, float64(rss)/float64(fi.Size()), took.Round(time.Millisecond))
	// The runtime's own few megabytes aside.
	if rss > 2*fi.Size()+16<<20 {
		t.Errorf("verify of a %d MB file took %d MB", fi.Size()>>20, rss>>20)
	}

	cmd = exec.Command(jalsaBinary(t), "--db", path, "--lang", "en", "verify")
	errb.Reset()
	cmd.Stdout, cmd.Stderr = &out, &errb
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	time.Sleep(took / 3)
	cmd.Process.Signal(syscall.SIGTERM)
	cmd.Wait()
	if code := cmd.ProcessState.ExitCode(); code != 1 || !strings.Contains(errb.String(), "verification stopped before the end") {
		t.Errorf("verify on SIGTERM: exit %d, %q; want exit 1 saying it stopped", code, errb.String())
	}
}

// TestVerifyBoundedRegister: verify of a large past register, whose index
// (vocabulary, postings by block) verify rebuilds in memory to compare,
// stays within about twice the file's size too.
func TestVerifyBoundedRegister(t *testing.T) {
	if testing.Short() {
		t.Skip("builds a large database")
	}
	path := filepath.Join(t.TempDir(), "register.db")
	st := openStore(t, path)
	var rows bytes.Buffer
	enc := json.NewEncoder(&rows)
	for d := range corpus.Rows(20000, 1) {
		if err := enc.Encode(d); err != nil {
			t.Fatal(err)
		}
	}
	if _, err := st.ImportRegister(Origin{Actor: "test"}, "rows.jsonl", &rows, RegisterOptions{}); err != nil {
		t.Fatal(err)
	}
	st.Close()
	fi, err := os.Stat(path)
	if err != nil {
		t.Fatal(err)
	}
	cmd := exec.Command(jalsaBinary(t), "--db", path, "--lang", "en", "verify")
	var errb bytes.Buffer
	cmd.Stderr = &errb
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	rss := peakMemory(cmd.Process.Pid)
	if err := cmd.Wait(); err != nil {
		t.Fatalf("verify: %v: %s", err, errb.String())
	}
	t.Logf("verify of a register of %d MB: peak memory %d MB (%.2f× the file)", fi.Size()>>20, rss>>20, float64(rss)/float64(fi.Size()))
	if rss > 2*fi.Size()+16<<20 {
		t.Errorf("verify of a %d MB register took %d MB", fi.Size()>>20, rss>>20)
	}
}

// peakMemory follows process pid until it ends and returns the most memory
// it held (VmHWM, in bytes). The child's rusage would not do: Linux counts
// in it the memory of this process, which started it.
func peakMemory(pid int) int64 {
	var peak int64
	for {
		b, err := os.ReadFile(fmt.Sprintf("/proc/%d/status", pid))
		if err != nil {
			return peak
		}
		_, rest, ok := strings.Cut(string(b), "VmHWM:")
		if !ok {
			return peak // a zombie: its memory is gone
		}
		var kb int64
		fmt.Sscan(rest, &kb)
		peak = max(peak, kb*1024)
		time.Sleep(10 * time.Millisecond)
	}
}
