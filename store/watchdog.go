package store

import (
	"context"
	"fmt"
	"os"
	"runtime/metrics"
	"sync"
	"time"
)

// A damaged file can also send bbolt round a cycle of pages (a child that
// points back at its parent): that neither faults nor panics, it loops,
// and memory grows with every turn. No goroutine can be stopped from
// outside, so a watchdog watches the process while a store is open: when
// the heap grows far past what the open files explain, or an operation of
// the store runs on and on, it checks each file's structure from the file
// itself (checkPages, bounded). A damaged file ends the process with its
// DamagedError (onDamage); a sound one lets the work go on, and the next
// check waits until the heap or the operation's age has doubled.

// onDamage ends the process when the watchdog finds a file damaged under
// an operation that cannot end. This last resort speaks English: the
// process cannot reach the language its command chose.
var onDamage = func(err error) {
	fmt.Fprintln(os.Stderr, "jalsa: "+err.Error())
	os.Exit(1)
}

// Thresholds of the watchdog: a check when the heap passes heapPerFile
// times the open files' size plus heapBase, or an operation has run for
// slowOp; either doubles before the next check.
const (
	heapPerFile = 4
	heapBase    = 32 << 20
	slowOp      = 3 * time.Second
	watchEvery  = 100 * time.Millisecond
)

type watchdog struct {
	mu     sync.Mutex
	stores map[*Store]bool
	ops    map[uint64]time.Time // operations under shield, by start
	nextOp uint64
	// heap and age at which the next check is due.
	heapDue uint64
	ageDue  time.Duration
	running bool
}

var dog = &watchdog{stores: map[*Store]bool{}, ops: map[uint64]time.Time{}}

// watch keeps s under watch until unwatch.
func (w *watchdog) watch(s *Store) {
	w.mu.Lock()
	defer w.mu.Unlock()
	w.stores[s] = true
	if !w.running {
		w.running = true
		w.heapDue, w.ageDue = 0, slowOp
		go w.loop()
	}
}

func (w *watchdog) unwatch(s *Store) {
	w.mu.Lock()
	defer w.mu.Unlock()
	delete(w.stores, s)
}

// enter notes an operation that reads the file; the function it returns
// notes its end.
func (w *watchdog) enter() func() {
	w.mu.Lock()
	id := w.nextOp
	w.nextOp++
	w.ops[id] = time.Now()
	w.mu.Unlock()
	return func() {
		w.mu.Lock()
		delete(w.ops, id)
		w.mu.Unlock()
	}
}

func (w *watchdog) loop() {
	sample := []metrics.Sample{{Name: "/memory/classes/heap/objects:bytes"}}
	for {
		time.Sleep(watchEvery)
		w.mu.Lock()
		if len(w.stores) == 0 {
			w.running = false
			w.mu.Unlock()
			return
		}
		var paths []string
		for s := range w.stores {
			paths = append(paths, s.path)
		}
		var oldest time.Duration
		for _, start := range w.ops {
			oldest = max(oldest, time.Since(start))
		}
		w.mu.Unlock()

		metrics.Read(sample)
		heap := sample[0].Value.Uint64()
		var size uint64
		for _, p := range paths {
			if fi, err := os.Stat(p); err == nil {
				size += uint64(fi.Size())
			}
		}
		due := w.heapDue
		if due == 0 {
			due = heapPerFile*size + heapBase
		}
		if heap < due && oldest < w.ageDue {
			continue
		}
		for _, p := range paths {
			if err := checkStable(p); err != nil {
				onDamage(damaged(p, "", err))
			}
		}
		w.heapDue = 2 * max(heap, due)
		if oldest >= w.ageDue {
			w.ageDue = 2 * oldest
		}
	}
}

// checkStable checks the pages of the file at path; a commit during the
// check (another meta page when it ends) makes it inconclusive, not
// damaged: the commit may have moved pages the check was reading.
func checkStable(path string) error {
	txid, err := checkPagesAt(context.Background(), path)
	if err == nil {
		return nil
	}
	f, ferr := os.Open(path)
	if ferr != nil {
		return nil
	}
	defer f.Close()
	fi, ferr := f.Stat()
	if ferr != nil {
		return nil
	}
	pc := &pageChecker{f: f, size: fi.Size()}
	if m, merr := pc.meta(); merr == nil && m.txid != txid {
		return nil
	}
	return err
}
