package store

import (
	"bytes"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"syscall"
	"testing"
	"time"

	"github.com/jalsa-app/jalsa/model"
	"github.com/jalsa-app/jalsa/store/internal/corpus"
)

// benchRows is the register BenchmarkLookup builds when $JALSA_BENCH_DB
// names no database: big enough for the index to take its shape, small
// enough to build in a few seconds. scripts/bench-search.sh passes a
// database of 100,000 rows instead.
const benchRows = 20000

// benchRegister opens $JALSA_BENCH_DB, or builds a register of benchRows
// generated rows with import-decisions' own code path.
func benchRegister(b *testing.B) *Store {
	b.Helper()
	path := os.Getenv("JALSA_BENCH_DB")
	build := path == ""
	if build {
		path = filepath.Join(b.TempDir(), "bench.db")
	}
	st, err := Open(path, Options{})
	if err != nil {
		b.Fatal(err)
	}
	b.Cleanup(func() { st.Close() })
	if build {
		var buf bytes.Buffer
		enc := json.NewEncoder(&buf)
		for d := range corpus.Rows(benchRows, 1) {
			if err := enc.Encode(d); err != nil {
				b.Fatal(err)
			}
		}
		if _, err := st.ImportRegister(Origin{Actor: "bench"}, "bench.jsonl", &buf, RegisterOptions{}); err != nil {
			b.Fatal(err)
		}
	}
	return st
}

// BenchmarkLookup times in-process lookups of 20 decisions, for each class
// of query of corpus.Queries (Arabic and French, one and three words), and
// reports the median and 99th percentile of one lookup (target p99 ≤ 5 ms
// on 100,000 decisions), and the processor time a lookup takes, garbage
// collection included: on a shared machine, what others run stretches
// the times but not that.
func BenchmarkLookup(b *testing.B) {
	st := benchRegister(b)
	for _, class := range corpus.Classes {
		b.Run(class, func(b *testing.B) {
			qs := corpus.Queries[class]
			var took []time.Duration
			i := 0
			cpu := processorTime()
			for b.Loop() {
				q := Query{Text: qs[i%len(qs)], Limit: 20}
				start := time.Now()
				ds, err := st.Lookup(q)
				took = append(took, time.Since(start))
				if err != nil || len(ds) == 0 {
					b.Fatalf("lookup %q: %d decisions, %v", q.Text, len(ds), err)
				}
				i++
			}
			b.ReportMetric(float64((processorTime()-cpu).Microseconds())/float64(len(took)), "cpu-µs/op")
			reportPercentiles(b, took)
		})
	}
}

// processorTime is the processor time this process has taken.
func processorTime() time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}

// BenchmarkLookupFilters times a lookup without text that lists the most
// recent decisions passing filters, answered from the index's records.
func BenchmarkLookupFilters(b *testing.B) {
	st := benchRegister(b)
	var took []time.Duration
	for b.Loop() {
		start := time.Now()
		ds, err := st.Lookup(Query{Outcome: "rejected", Kind: "agreement", Since: "2000-01-01", Limit: 20})
		took = append(took, time.Since(start))
		if err != nil || len(ds) == 0 {
			b.Fatalf("filters: %d decisions, %v", len(ds), err)
		}
	}
	reportPercentiles(b, took)
}

func reportPercentiles(b *testing.B, took []time.Duration) {
	slices.Sort(took)
	at := func(p float64) float64 {
		return float64(took[min(len(took)-1, int(p*float64(len(took))))].Nanoseconds()) / 1e3
	}
	b.ReportMetric(at(0.50), "p50-µs")
	b.ReportMetric(at(0.99), "p99-µs")
}

// BenchmarkIndexCatchUpWithRegister is BenchmarkIndexCatchUp at a clerk's
// pace (each vote indexed on its own) in a database that also holds the
// register: index maintenance must not grow with the register.
func BenchmarkIndexCatchUpWithRegister(b *testing.B) {
	st := benchRegister(b)
	st.delay = time.Hour
	catchUpPerVote(b, st, 1)
}

// BenchmarkImportWait imports a register of benchRows generated rows (or
// $JALSA_BENCH_ROWS) while a clerk's lookups and commands keep coming,
// and reports the import's time and the longest any of them waited
// (target ≤ 200 ms: an import is written in batches).
func BenchmarkImportWait(b *testing.B) {
	n := benchRows
	if v := os.Getenv("JALSA_BENCH_ROWS"); v != "" {
		fmt.Sscan(v, &n)
	}
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	for d := range corpus.Rows(n, 1) {
		if err := enc.Encode(d); err != nil {
			b.Fatal(err)
		}
	}
	data := buf.Bytes()
	for b.Loop() {
		st, err := Open(filepath.Join(b.TempDir(), "wait.db"), Options{})
		if err != nil {
			b.Fatal(err)
		}
		done := make(chan error)
		start := time.Now()
		go func() {
			_, err := st.ImportRegister(Origin{Actor: "bench"}, "bench.jsonl", bytes.NewReader(data), RegisterOptions{})
			done <- err
		}()
		var longest, longestRead time.Duration
		for waiting := true; waiting; {
			select {
			case err := <-done:
				if err != nil {
					b.Fatal(err)
				}
				waiting = false
			default:
				t := time.Now()
				st.Read(func(*model.State) {})
				longestRead = max(longestRead, time.Since(t))
				t = time.Now()
				if _, err := st.Lookup(Query{Text: "صفرو", Limit: 20}); err != nil {
					b.Fatal(err)
				}
				longest = max(longest, time.Since(t))
				time.Sleep(5 * time.Millisecond)
			}
		}
		b.ReportMetric(time.Since(start).Seconds(), "import-s")
		b.ReportMetric(float64(longest.Microseconds())/1000, "longest-lookup-ms")
		b.ReportMetric(float64(longestRead.Microseconds())/1000, "longest-read-ms")
		st.Close()
	}
}
