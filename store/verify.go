package store

import (
	"bytes"
	"context"
	"encoding/binary"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"runtime/debug"

	"github.com/jalsa-app/jalsa/model"
	bolt "go.etcd.io/bbolt"
)

// verifyHeap is the heap verify allows itself beyond the file's size: the
// two states it holds (the live one, the replayed one) take less than the
// file, whose events and index hold the same texts again.
const verifyHeap = 8 << 20

// VerifyError names the first event or record that does not check out.
type VerifyError struct {
	Seq uint64
	Msg string
}

func (e *VerifyError) Error() string {
	if e.Seq == 0 {
		return e.Msg
	}
	return fmt.Sprintf("event %d: %s", e.Seq, e.Msg)
}

// Report sums up a successful verification.
type Report struct {
	Events   uint64
	Sessions int
	Head     string
}

// Verify checks the hash chain event by event, replays every event into an
// empty state and compares the result with the stored state, and checks the
// bbolt file's own consistency.
func (s *Store) Verify() (Report, error) { return s.VerifyContext(context.Background()) }

// VerifyContext is Verify, stopped by ctx (SIGINT, SIGTERM). It reads a
// damaged file without crashing and within about twice the file's size in
// memory: the pages' structure is checked first (checkPages), from the
// file itself, before anything trusts it.
func (s *Store) VerifyContext(ctx context.Context) (rep Report, err error) {
	defer shield(s.path, &err)()
	// The file is read through its map, which counts as memory in use once
	// read; the heap holds the replayed state beside the live one. The
	// collector is held to what that takes, so that verify stays within
	// about twice the file's size rather than what collecting lazily
	// allows.
	if fi, err := os.Stat(s.path); err == nil {
		defer debug.SetMemoryLimit(debug.SetMemoryLimit(fi.Size() + verifyHeap))
	}
	// Index what is pending first, so that the index is checked against
	// the whole record. Should that fail, the check below names what the
	// index lacks.
	_ = s.catchUp()
	err = s.db.View(func(tx *bolt.Tx) error {
		// No commit may change the file while its pages are read from it.
		s.mu.RLock()
		err := checkPages(ctx, s.path)
		s.mu.RUnlock()
		if err != nil {
			if ctx.Err() != nil {
				return ctx.Err()
			}
			return &VerifyError{Msg: "bbolt: " + err.Error()}
		}
		st := model.NewState()
		prev := ""
		var want uint64 = 1
		err = tx.Bucket(bucketEvents).ForEach(func(k, v []byte) error {
			if err := ctx.Err(); err != nil {
				return err
			}
			if len(k) != 8 {
				return &VerifyError{Msg: fmt.Sprintf("an event key of %d bytes", len(k))}
			}
			seq := binary.BigEndian.Uint64(k)
			if seq != want {
				return &VerifyError{Seq: seq, Msg: fmt.Sprintf("expected event %d here: the chain has a gap", want)}
			}
			want++
			var ev model.Event
			if err := json.Unmarshal(v, &ev); err != nil {
				return &VerifyError{Seq: seq, Msg: "unreadable: " + err.Error()}
			}
			if ev.Seq != seq {
				return &VerifyError{Seq: seq, Msg: fmt.Sprintf("stored under %d but says %d", seq, ev.Seq)}
			}
			if ev.Prev != prev {
				return &VerifyError{Seq: seq, Msg: "does not follow the previous event (prev hash differs)"}
			}
			stored := ev.Hash
			ev.Hash = ""
			body, _ := json.Marshal(ev)
			if chainHash(ev.Prev, body) != stored {
				return &VerifyError{Seq: seq, Msg: "hash does not match its content: the event was altered"}
			}
			if err := ev.Replay(st); err != nil {
				// The event error names the event; the report names it once.
				var ee *model.EventError
				if errors.As(err, &ee) {
					err = ee.Err
				}
				return &VerifyError{Seq: seq, Msg: fmt.Sprintf("does not replay (%s): %s", ev.Type, err)}
			}
			prev = stored
			rep.Events = seq
			return nil
		})
		if err != nil {
			return err
		}
		if h := string(tx.Bucket(bucketMeta).Get(keyHead)); h != prev {
			return &VerifyError{Msg: "the stored head hash is not the last event's hash"}
		}
		rep.Head = prev
		if err := sameRecords(tx, st); err != nil {
			return err
		}
		rep.Sessions = len(st.Sessions)
		// The stored state is the replay's: the index is checked against it.
		return verifyIndex(tx, st)
	})
	return rep, err
}

// sameRecords compares what is stored of every session and body, record
// by record as putSession writes them, with what the replay of the events
// gives. No second copy of the state is read into memory: verify stays
// within about twice the file's size.
func sameRecords(tx *bolt.Tx, replayed *model.State) error {
	sessions := tx.Bucket(bucketSessions)
	for id, s := range replayed.Sessions {
		b := sessions.Bucket([]byte(id))
		if b == nil {
			return &VerifyError{Msg: fmt.Sprintf("session %s is in the events but not in the stored state", id)}
		}
		n := 0
		err := eachRecord(s, func(key []byte, _ int, _ string, v any) error {
			n++
			want, err := json.Marshal(v)
			if err != nil {
				return err
			}
			if !bytes.Equal(b.Get(key), want) {
				return &VerifyError{Msg: fmt.Sprintf("session %s: stored state differs from the replay of its events", id)}
			}
			return nil
		})
		if err != nil {
			return err
		}
		if b.Stats().KeyN != n {
			return &VerifyError{Msg: fmt.Sprintf("session %s: stored state differs from the replay of its events", id)}
		}
	}
	err := sessions.ForEachBucket(func(id []byte) error {
		if _, ok := replayed.Sessions[string(id)]; !ok {
			return &VerifyError{Msg: fmt.Sprintf("session %s is stored but no event created it", id)}
		}
		return nil
	})
	if err != nil {
		return err
	}
	bodies := tx.Bucket(bucketBodies)
	for id, b := range replayed.Bodies {
		want, err := json.Marshal(b)
		if err != nil {
			return err
		}
		if !bytes.Equal(bodies.Get([]byte(id)), want) {
			return &VerifyError{Msg: fmt.Sprintf("body %s: stored state differs from the replay of its events", id)}
		}
	}
	if bodies.Stats().KeyN != len(replayed.Bodies) {
		return &VerifyError{Msg: "the stored bodies differ from the replay of the events"}
	}
	return nil
}

// verifyIndex checks the past register against the events that made it,
// and the search index against the stored decisions and register.
func verifyIndex(tx *bolt.Tx, st *model.State) error {
	if err := verifyRegister(tx); err != nil {
		return err
	}
	return checkIndex(tx, st)
}
