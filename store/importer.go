package store

import (
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"io"
	"maps"
	"slices"
	"strings"
	"sync"
	"time"

	"github.com/jalsa-app/jalsa/model"
	bolt "go.etcd.io/bbolt"
)

// An import of a past register is written in batches, so that a register
// of a hundred thousand decisions never holds the file for more than one
// batch: the clerk's commands and lookups, local or through the owner,
// slip in between. What a clerk sees is all or nothing all the same:
//
//   - the whole file is read and checked first; a bad row stops the import
//     before anything is written (without --skip-bad);
//   - each batch appends its register events to the record and indexes
//     their rows, but the rows stay out of every lookup and of `show`
//     until the last batch, which makes them all visible at once;
//   - the import under way is noted in the register (importMarker): the
//     events it has written, the doc ids of their rows, the file and a
//     digest of its rows. Should the process die, the next
//     `import-decisions` of the same file takes up where it stopped (the
//     rows already written are not written again) and makes the whole
//     import visible; another file is refused until then.
//
// The events written stay in the record, as every event does: export and
// verify see them, and an export taken while an import is unfinished
// carries its rows as they are.
var importMarkerKey = []byte("\x00import")

// A batch writes its rows as one register event. Its size adapts: each
// batch aims at holding the store for batchTarget, sized on how long the
// last one held it, between minBatch and RegisterChunk rows. A command
// arriving meanwhile thus waits about batchTarget whatever the machine,
// its load or its disk, well within the 200 ms a clerk may wait; and on a
// quick machine batches grow so that the two fdatasyncs of each commit do
// not dominate the import.
const (
	batchTarget = 40 * time.Millisecond
	minBatch    = 100
	// importBatch is the size of the first batch.
	importBatch = RegisterChunk / 4
)

// nextBatch sizes the next batch from the last: size rows held the store
// for held.
func nextBatch(size int, held time.Duration) int {
	if held <= 0 {
		return RegisterChunk
	}
	return min(RegisterChunk, max(minBatch, int(float64(size)*float64(batchTarget)/float64(held))))
}

// importing makes imports take turns: two at once would write one marker
// over the other's. (A process owns one database; a turn per process is
// a turn per database.)
var importing sync.Mutex

// afterBatch, when a test sets it, is called after each batch but the
// last with the rows written so far; an error stops the import there, as
// a killed process would.
var afterBatch func(done int) error

// importMarker is the import under way.
type importMarker struct {
	File   string    `json:"file"`
	Digest string    `json:"digest"`
	Rows   int       `json:"rows"`
	Seqs   []uint64  `json:"seqs"`
	Docs   docRanges `json:"docs"`
}

// holds tells whether event seq belongs to the import; a nil marker holds
// nothing.
func (m *importMarker) holds(seq uint64) bool { return m != nil && slices.Contains(m.Seqs, seq) }

func readImportMarker(tx *bolt.Tx) (*importMarker, error) {
	v := tx.Bucket(bucketRegister).Get(importMarkerKey)
	if v == nil {
		return nil, nil
	}
	var m importMarker
	if err := json.Unmarshal(v, &m); err != nil {
		return nil, fmt.Errorf("register: the note of the import under way is unreadable: %w", err)
	}
	return &m, nil
}

func writeImportMarker(tx *bolt.Tx, m *importMarker) error {
	if m == nil {
		return tx.Bucket(bucketRegister).Delete(importMarkerKey)
	}
	v, err := json.Marshal(m)
	if err != nil {
		return err
	}
	return tx.Bucket(bucketRegister).Put(importMarkerKey, v)
}

// docRanges are sorted, disjoint ranges of doc ids, [from, to).
type docRanges [][2]uint32

func (r docRanges) add(id uint32) docRanges {
	if n := len(r); n > 0 && r[n-1][1] == id {
		r[n-1][1]++
		return r
	}
	return append(r, [2]uint32{id, id + 1})
}

func (r docRanges) contains(id uint32) bool {
	i, found := slices.BinarySearchFunc(r, id, func(x [2]uint32, id uint32) int {
		switch {
		case x[1] <= id:
			return -1
		case x[0] > id:
			return 1
		}
		return 0
	})
	return found && i < len(r)
}

// rowsDigest identifies the rows of a file, whatever their order.
func rowsDigest(rows []RegisterRow) string {
	h := sha256.New()
	for _, r := range rows {
		b, _ := json.Marshal(r.Decision)
		h.Write(b)
		h.Write([]byte{'\n'})
	}
	return hex.EncodeToString(h.Sum(nil)[:16])
}

// ImportRegister reads a register file (ReadRegister) and adds its rows to
// the past register, in batches (see above): either every good row is
// recorded and indexed, or none is visible. A row is also bad when its ref
// is already in the register or belongs to a session of the record. With
// bad rows and without SkipBad, the report lists them and the error says
// nothing was imported (a usage error).
//
// The request id of org goes on the last batch's event only, so that
// Recorded finds an import once it is whole and visible: a client whose
// owner died during an import runs it again, and the rerun writes only
// what is missing.
func (s *Store) ImportRegister(org Origin, name string, r io.Reader, o RegisterOptions) (rep RegisterReport, err error) {
	defer shield(s.path, &err)()
	if s.readOnly {
		return RegisterReport{}, ErrReadOnly(s.path)
	}
	if len(org.Request) > maxRequestID {
		return RegisterReport{}, model.Usage("err.request_id", maxRequestID)
	}
	rows, bad, err := ReadRegister(name, r)
	if err != nil {
		return RegisterReport{}, err
	}
	importing.Lock()
	defer importing.Unlock()
	if err := s.catchUp(); err != nil {
		return RegisterReport{}, err
	}
	rep, todo, marker, err := s.planImport(name, rows, bad, o)
	if err != nil || len(todo) == 0 && marker == nil {
		return rep, err
	}
	// The rows go as their batches are written: a register held whole in
	// memory would make every garbage collection of the owner, and so
	// every command meanwhile, slower.
	rows = nil
	at := org.Time
	if at.IsZero() {
		at = s.clock()
	}
	at = at.UTC().Truncate(time.Millisecond)
	done := marker.Rows - len(todo)
	size := importBatch
	for rest := todo; len(rest) > 0; {
		chunk := rest[:min(size, len(rest))]
		rest = rest[len(chunk):]
		last := len(rest) == 0
		b, err := s.prepareBatch(org.Actor, at, chunk)
		if err != nil {
			return rep, err
		}
		if last {
			b.ev.Req = org.Request
		}
		seq, held, err := s.writeBatchLocked(b, marker, last)
		if err != nil {
			return rep, s.stopped(name, marker, done, err)
		}
		size = nextBatch(len(chunk), held)
		clear(chunk)
		done += len(chunk)
		if o.Progress != nil {
			o.Progress(done, marker.Rows)
		}
		if afterBatch != nil && !last {
			if err := afterBatch(done); err != nil {
				return rep, err
			}
		}
		if last {
			s.publish(Change{Seq: seq, Type: (&model.RegisterCmd{}).Type(), Actor: org.Actor})
		}
	}
	if len(todo) == 0 {
		// Every row was written before the process died: make them visible.
		err := func() error {
			s.mu.Lock()
			defer s.mu.Unlock()
			return s.db.Update(func(tx *bolt.Tx) error { return writeImportMarker(tx, nil) })
		}()
		if err != nil {
			return rep, s.stopped(name, marker, done, err)
		}
		s.publish(Change{Seq: s.Seq(), Type: (&model.RegisterCmd{}).Type(), Actor: org.Actor})
	}
	rep.Imported = marker.Rows
	return rep, nil
}

// stopped is the error of an import that could not write a batch: what
// went wrong, and how to finish.
func (s *Store) stopped(name string, m *importMarker, done int, err error) error {
	return model.Failure("store.import_stopped", name, done, m.Rows, err.Error())
}

// planImport checks the rows against the record and the import under way,
// and returns the rows left to write with the marker to write them under.
func (s *Store) planImport(name string, rows []RegisterRow, bad []*RowError, o RegisterOptions) (RegisterReport, []RegisterRow, *importMarker, error) {
	var rep RegisterReport
	var marker *importMarker
	var good []RegisterRow
	s.mu.RLock()
	err := s.db.View(func(tx *bolt.Tx) error {
		var err error
		if marker, err = readImportMarker(tx); err != nil {
			return err
		}
		reg := tx.Bucket(bucketRegister)
		for _, row := range rows {
			d := row.Decision
			v := reg.Get([]byte(d.Ref))
			seq, _, _ := readPointer(v)
			switch {
			case s.state.Sessions[d.Session] != nil:
				bad = append(bad, &RowError{File: name, Line: row.Line, Field: "ref", Err: usage("store.register_in_record", d.Session)})
			case v != nil && !marker.holds(seq):
				bad = append(bad, &RowError{File: name, Line: row.Line, Field: "ref", Err: usage("store.register_exists", d.Ref)})
			default:
				good = append(good, row)
			}
		}
		return nil
	})
	s.mu.RUnlock()
	if err != nil {
		return rep, nil, nil, err
	}
	slices.SortStableFunc(bad, func(a, b *RowError) int { return a.Line - b.Line })
	rep.Bad = bad
	if len(bad) > 0 && !o.SkipBad {
		return rep, nil, nil, model.Usage("store.register_rejected", len(bad), name)
	}
	if len(good) == 0 {
		return rep, nil, nil, model.Usage("store.register_nothing", name)
	}
	slices.SortFunc(good, func(a, b RegisterRow) int { return strings.Compare(a.Decision.Ref, b.Decision.Ref) })
	digest := rowsDigest(good)
	if marker == nil {
		return rep, good, &importMarker{File: name, Digest: digest, Rows: len(good)}, nil
	}
	if marker.Digest != digest {
		return rep, nil, nil, model.Refused("store.import_unfinished", marker.File, marker.Rows)
	}
	// Taking up an import where it stopped: the rows it wrote are there.
	var todo []RegisterRow
	err = s.db.View(func(tx *bolt.Tx) error {
		reg := tx.Bucket(bucketRegister)
		for _, row := range good {
			if reg.Get([]byte(row.Decision.Ref)) == nil {
				todo = append(todo, row)
			}
		}
		return nil
	})
	return rep, todo, marker, err
}

// batch is one register event ready to be chained, with its rows analysed.
type batch struct {
	cmd      *model.RegisterCmd
	ev       model.Event
	rows     []rowSpan // of the rows within ev.Data
	docs     []doc
	analyses []analysis
}

// prepareBatch does before the batch takes the store what needs no write:
// the check of its rows against the record, the event's data, where each
// row lies in it, and the analysis of each row's text.
func (s *Store) prepareBatch(actor string, at time.Time, chunk []RegisterRow) (*batch, error) {
	cmd := &model.RegisterCmd{Rows: make([]model.Decision, len(chunk))}
	for i, row := range chunk {
		cmd.Rows[i] = row.Decision
	}
	s.mu.RLock()
	err := cmd.Apply(s.state, model.Ctx{})
	s.mu.RUnlock()
	if err != nil {
		return nil, err
	}
	ev, err := model.NewEvent(cmd, model.Ctx{Time: at, Actor: actor})
	if err != nil {
		return nil, err
	}
	spans, err := registerRows(ev.Data)
	if err != nil {
		return nil, err
	}
	b := &batch{cmd: cmd, ev: ev, rows: spans}
	an := newAnalyzer()
	for _, d := range cmd.Rows {
		doc := registerDoc(d)
		a := an.analyze(&doc)
		a.tf = maps.Clone(a.tf)
		b.docs = append(b.docs, doc)
		b.analyses = append(b.analyses, a)
	}
	return b, nil
}

// writeBatchLocked is writeBatch holding s.mu, and says how long it held
// it and the last event's number after it.
func (s *Store) writeBatchLocked(b *batch, m *importMarker, last bool) (seq uint64, held time.Duration, err error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	start := time.Now()
	err = s.writeBatch(b, m, last)
	return s.seq, time.Since(start), err
}

// writeBatch appends a batch's event, its pointers and index entries, and
// the marker of the import; the last batch removes the marker instead, so
// that the whole import shows at once. Callers hold s.mu.
func (s *Store) writeBatch(b *batch, m *importMarker, last bool) error {
	ev := b.ev
	ev.Seq, ev.Prev = s.seq+1, s.head
	raw, hash := seal(&ev)
	// The data is stored as it was marshalled: find where it starts.
	at := strings.Index(string(raw), `"data":`) + len(`"data":`)
	if at < len(`"data":`) || !strings.HasPrefix(string(raw[at:]), string(b.ev.Data)) {
		return fmt.Errorf("register event %d: its data moved when sealed", ev.Seq)
	}
	next := *m
	next.Seqs = append(slices.Clone(m.Seqs), ev.Seq)
	next.Docs = slices.Clone(m.Docs)
	err := s.db.Update(func(tx *bolt.Tx) error {
		if err := eventsBucket(tx).Put(seqKey(ev.Seq), raw); err != nil {
			return err
		}
		if err := tx.Bucket(bucketMeta).Put(keyHead, []byte(hash)); err != nil {
			return err
		}
		// What the sessions left pending goes first, so that doc ids keep
		// the events' order.
		if err := s.indexPending(tx, s.seq); err != nil {
			return err
		}
		if err := setIndexed(tx, ev.Seq); err != nil {
			return err
		}
		reg := registerBucket(tx)
		w, err := newIndexWriter(tx)
		if err != nil {
			return err
		}
		for i, d := range b.cmd.Rows {
			if reg.Get([]byte(d.Ref)) != nil {
				return model.Refused("store.register_exists", d.Ref)
			}
			sp := rowSpan{at + b.rows[i].off, b.rows[i].n}
			if err := reg.Put([]byte(d.Ref), sp.pointer(ev.Seq)); err != nil {
				return err
			}
			id, err := w.putAnalysed(b.docs[i], &b.analyses[i])
			if err != nil {
				return err
			}
			next.Docs = next.Docs.add(id)
		}
		if err := w.flush(); err != nil {
			return err
		}
		if last {
			return writeImportMarker(tx, nil)
		}
		return writeImportMarker(tx, &next)
	})
	if err != nil {
		return fmt.Errorf("write %s: %w", s.path, err)
	}
	s.seq, s.head = ev.Seq, hash
	s.caughtUp(ev.Seq)
	*m = next
	return nil
}
