package store

import (
	"fmt"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/jalsa-app/jalsa/model"
	bolt "go.etcd.io/bbolt"
	"golang.org/x/sys/unix"
)

// BenchmarkVoteCommit is the time to commit one vote through Store.Do on a
// real file: a budget line of the demo's October session (82 members, 37
// lines), each vote in its own durable transaction. It reports, measured
// in the same run and directory, the time of two 4 KiB writes each followed
// by fdatasync (what a bbolt commit cannot do with less: data pages, then
// the meta page) and the ratio of the two (issue 2's target: ≤ 1.5).
func BenchmarkVoteCommit(b *testing.B) {
	dir := b.TempDir()
	st, err := Open(filepath.Join(dir, "j.db"), Options{})
	if err != nil {
		b.Fatal(err)
	}
	defer st.Close()
	tmpl := demoInit(b)
	var lines []string
	for _, l := range tmpl.Session.Items[9].Lines {
		lines = append(lines, l.Code)
	}
	// Each round conducts a fresh copy of the session up to its budget, so
	// every vote is a first vote on an open line.
	round, id := 0, ""
	newRound := func() {
		round++
		cmd := *tmpl
		cmd.Session.ID = fmt.Sprintf("bench-%d", round)
		id = cmd.Session.ID
		mustDo(b, st, &cmd)
		mustDo(b, st, &model.OpenCmd{Session: id, Call: 1})
		mustDo(b, st, &model.AttendCmd{Session: id, Present: []string{"all"}, Absent: []string{"m14", "m15"}})
		mustDo(b, st, &model.ItemCmd{Session: id, N: 10, Action: model.ActStart})
	}
	newRound()
	next := 0
	b.ResetTimer()
	for range b.N {
		if next == len(lines) {
			b.StopTimer()
			newRound()
			next = 0
			b.StartTimer()
		}
		if _, err := st.Do("bench", &model.VoteCmd{Session: id, N: 10, Line: lines[next], For: 60, Against: 10, Abstain: 10}); err != nil {
			b.Fatal(err)
		}
		next++
	}
	b.StopTimer()
	vote := float64(b.Elapsed().Nanoseconds()) / float64(b.N)

	f, buf := fsyncFile(b, dir)
	const n = 200
	start := time.Now()
	for range n {
		twoFdatasyncs(b, f, buf)
	}
	sync := float64(time.Since(start).Nanoseconds()) / n
	b.ReportMetric(sync, "2fdatasync-ns")
	b.ReportMetric(vote/sync, "ratio")
}

// BenchmarkTwoFdatasync4K writes 4 KiB and calls fdatasync, twice, on a file
// of the directory the benchmarks use for the database.
func BenchmarkTwoFdatasync4K(b *testing.B) {
	f, buf := fsyncFile(b, b.TempDir())
	for b.Loop() {
		twoFdatasyncs(b, f, buf)
	}
}

// fsyncFile creates an 8 KiB file in dir, synced, so that the benchmark
// overwrites blocks already allocated, as bbolt does for its pages.
func fsyncFile(b *testing.B, dir string) (*os.File, []byte) {
	f, err := os.OpenFile(filepath.Join(dir, "fsync.bin"), os.O_RDWR|os.O_CREATE, 0o600)
	if err != nil {
		b.Fatal(err)
	}
	b.Cleanup(func() { f.Close() })
	buf := make([]byte, 4096)
	for i := range 2 {
		if _, err := f.WriteAt(buf, int64(i)*4096); err != nil {
			b.Fatal(err)
		}
	}
	if err := f.Sync(); err != nil {
		b.Fatal(err)
	}
	return f, buf
}

func twoFdatasyncs(b *testing.B, f *os.File, buf []byte) {
	for i := range 2 {
		buf[0]++
		if _, err := f.WriteAt(buf, int64(i)*4096); err != nil {
			b.Fatal(err)
		}
		if err := unix.Fdatasync(int(f.Fd())); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkBoltPutFloor is the floor under BenchmarkVoteCommit: one bbolt
// transaction that puts a single 600-byte value (about one vote event) and
// nothing else, reported against two fdatasyncs measured in the same run.
// Where fdatasync is very fast, bbolt's own page bookkeeping and writes
// already exceed the 1.5 target; this says by how much on the machine at hand.
func BenchmarkBoltPutFloor(b *testing.B) {
	dir := b.TempDir()
	db, err := bolt.Open(filepath.Join(dir, "floor.db"), 0o600, &bolt.Options{Timeout: LockTimeout})
	if err != nil {
		b.Fatal(err)
	}
	defer db.Close()
	if err := db.Update(func(tx *bolt.Tx) error { _, err := tx.CreateBucket(bucketEvents); return err }); err != nil {
		b.Fatal(err)
	}
	v := make([]byte, 600)
	var n uint64
	b.ResetTimer()
	for range b.N {
		n++
		if err := db.Update(func(tx *bolt.Tx) error { return tx.Bucket(bucketEvents).Put(seqKey(n), v) }); err != nil {
			b.Fatal(err)
		}
	}
	b.StopTimer()
	put := float64(b.Elapsed().Nanoseconds()) / float64(b.N)
	f, buf := fsyncFile(b, dir)
	const runs = 200
	start := time.Now()
	for range runs {
		twoFdatasyncs(b, f, buf)
	}
	sync := float64(time.Since(start).Nanoseconds()) / runs
	b.ReportMetric(sync, "2fdatasync-ns")
	b.ReportMetric(put/sync, "ratio")
}
