// Package store keeps jalsa's record in one bbolt file: the hash-chained
// events, the current state they produce, the decision register and its
// search index. It also owns the file lock and the local socket through which
// other jalsa processes reach the owner. Nothing else touches bbolt.
package store

import (
	"crypto/sha256"
	"encoding/binary"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"maps"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"syscall"
	"time"

	"github.com/jalsa-app/jalsa/internal/atomicfile"
	"github.com/jalsa-app/jalsa/model"
	bolt "go.etcd.io/bbolt"
	berrors "go.etcd.io/bbolt/errors"
)

// SchemaVersion is the layout of the file this binary writes. A file with a
// higher version comes from a newer jalsa and is refused.
const SchemaVersion = 1

// LockTimeout bounds how long Open waits for the file lock: SPEC §5 wants
// every command to work or say who holds the database well within 2 s.
const LockTimeout = 200 * time.Millisecond

var (
	bucketMeta     = []byte("meta")
	bucketEvents   = []byte("events")
	bucketBodies   = []byte("bodies")
	bucketSessions = []byte("sessions")

	keySchema = []byte("schema")
	keyHead   = []byte("head")
)

// ErrLocked means another process holds the database.
var ErrLocked = errors.New("database is locked by another process")

// Store is an open record. It is safe for concurrent use: writes are
// serialised, reads see a consistent state.
type Store struct {
	db    *bolt.DB
	path  string
	clock func() time.Time

	mu    sync.RWMutex
	state *model.State
	seq   uint64
	head  string

	// The index follows the record (follow.go): it reflects event indexed,
	// and pending says what the events after it changed.
	indexed uint64
	pending []scope
	idle    *time.Timer
	delay   time.Duration // indexDelay; tests change it
	closed  bool

	// readOnly: this process may not write the file (Open).
	readOnly bool
	// broken is set when a write found the file damaged half-way.
	broken error

	subMu sync.Mutex
	subs  map[chan Change]struct{}
}

// Change tells subscribers that the record moved on.
type Change struct {
	Seq     uint64
	Session string
	Type    string
	Actor   string
}

// Options tune Open.
type Options struct {
	// Timeout for the file lock; LockTimeout when zero.
	Timeout time.Duration
	// Clock stamps events; time.Now when nil. Tests set it.
	Clock func() time.Time
	// MustExist refuses a path that holds no database (no file, an empty
	// one) instead of creating one there; nothing is created, not even a
	// directory (SPEC §11: only the commands that create a record may).
	MustExist bool
	// ReadOnly opens the file for reading only, as one this process may
	// not write: for a look that must change nothing (completions), which
	// then neither writes nor catches the index up, and shares the lock
	// with other readers.
	ReadOnly bool
	// Check checks the file's structure (checkPages) before bbolt reads
	// it, so that a damaged file is named without ever being loaded:
	// verify's memory stays bounded by the file's size.
	Check bool
}

// Open opens the database at path and loads its state, creating it (and
// its directory) unless o.MustExist. A file this process may not write (a
// read-only file, directory or mount) is opened read-only: reading works,
// and any write is refused with ErrReadOnly. A damaged file gives a
// *DamagedError, never a crash.
func Open(path string, o Options) (s *Store, err error) {
	defer shield(path, &err)()
	if o.Timeout == 0 {
		o.Timeout = LockTimeout
	}
	if o.Clock == nil {
		o.Clock = time.Now
	}
	if o.MustExist {
		if err := mustExist(path); err != nil {
			return nil, err
		}
	} else if err := os.MkdirAll(filepath.Dir(path), 0o700); err != nil {
		return nil, err
	}
	if o.Check {
		if _, serr := os.Stat(path); serr == nil {
			if err := checkStable(path); err != nil {
				return nil, damaged(path, "", err)
			}
		}
	}
	db, readOnly, err := openBolt(path, o)
	if errors.Is(err, berrors.ErrTimeout) {
		return nil, ErrLocked
	}
	if err != nil {
		return nil, openError(path, err)
	}
	s = &Store{db: db, path: path, clock: o.Clock, subs: map[chan Change]struct{}{}, delay: indexDelay, readOnly: readOnly}
	dog.watch(s)
	if err := s.load(o.MustExist); err != nil {
		dog.unwatch(s)
		db.Close()
		return nil, err
	}
	s.claim(commandLine())
	return s, nil
}

// mustExist refuses a path that holds no database.
func mustExist(path string) error {
	fi, err := os.Stat(path)
	switch {
	case errors.Is(err, fs.ErrNotExist):
		return model.NotFound("err.no_database", path)
	case err != nil:
		return fmt.Errorf("open %s: %w", path, err)
	case fi.IsDir():
		return model.Usage("err.db_is_dir", path)
	case fi.Size() == 0:
		// An empty file is not an empty record: bbolt would make it one.
		return model.NotFound("err.no_database", path)
	}
	return nil
}

// openBolt opens the file, read-only when asked or when this process may
// not write it.
func openBolt(path string, o Options) (*bolt.DB, bool, error) {
	bo := &bolt.Options{Timeout: o.Timeout, ReadOnly: o.ReadOnly}
	if o.ReadOnly {
		db, err := bolt.Open(path, 0o600, bo)
		return db, true, err
	}
	if o.MustExist {
		// Should the file go between the check and here, it is not made.
		bo.OpenFile = func(name string, flag int, perm os.FileMode) (*os.File, error) {
			return os.OpenFile(name, flag&^os.O_CREATE, perm)
		}
	}
	db, err := bolt.Open(path, 0o600, bo)
	if errors.Is(err, fs.ErrPermission) || errors.Is(err, syscall.EROFS) {
		if _, serr := os.Stat(path); serr != nil {
			return nil, false, err
		}
		bo.ReadOnly = true
		db, err = bolt.Open(path, 0o600, bo)
		return db, true, err
	}
	return db, false, err
}

// openError says why bbolt could not open path: a file that is not a
// database, or is damaged, is a DamagedError; anything else (permissions,
// a missing directory) as the system says it.
func openError(path string, err error) error {
	for _, e := range []error{berrors.ErrInvalid, berrors.ErrChecksum, berrors.ErrVersionMismatch, berrors.ErrInvalidMapping} {
		if errors.Is(err, e) {
			return damaged(path, "", fmt.Errorf("%w: not a jalsa database, or its first pages are damaged", err))
		}
	}
	return fmt.Errorf("open %s: %w", path, err)
}

// load reads the state, and brings the index up to the record unless the
// file is read-only (then the index is as the file has it).
func (s *Store) load(mustExist bool) error {
	if err := s.init(mustExist); err != nil {
		return err
	}
	if s.readOnly {
		s.caughtUp(s.seq)
		return nil
	}
	if err := s.ensureIndex(); err != nil {
		return err
	}
	if err := s.resumeIndex(); err != nil {
		return fmt.Errorf("index %s: %w", s.path, err)
	}
	return nil
}

// claim records that this process holds the database, for the message a
// command blocked by the lock prints (Owner). The holder writes it only after
// taking the lock, so a file left by a killed process is replaced by the
// next holder before anyone can be blocked by it.
func (s *Store) claim(what string) {
	_ = os.WriteFile(ownerPath(s.path), []byte(fmt.Sprintf("%d %s", os.Getpid(), what)), 0o600)
}

// release removes the claim if it is still this process's.
func (s *Store) release() {
	b, err := os.ReadFile(ownerPath(s.path))
	if err == nil && strings.HasPrefix(string(b), fmt.Sprintf("%d ", os.Getpid())) {
		os.Remove(ownerPath(s.path))
	}
}

// commandLine is how this process was started, short enough for a message.
func commandLine() string {
	return shorten(strings.Join(withoutDB(os.Args), " "))
}

func (s *Store) init(mustExist bool) error {
	// Read first: a newer file must be refused before anything is written to
	// it, and a file already set up needs no write transaction, whose commit
	// would cost every read-only command two fdatasyncs.
	ready, core, empty := false, 0, true
	err := s.db.View(func(tx *bolt.Tx) error {
		if err := s.checkSchema(tx); err != nil {
			return err
		}
		ready = true
		for _, b := range allBuckets() {
			ready = ready && tx.Bucket(b) != nil
		}
		for _, b := range coreBuckets() {
			if tx.Bucket(b) != nil {
				core++
			}
		}
		k, _ := tx.Cursor().First()
		empty = k == nil
		return nil
	})
	switch {
	case err != nil:
		return err
	case core == 0 && !empty:
		return damaged(s.path, "", errors.New("the record's buckets are missing"))
	case core == 0 && mustExist:
		// A bbolt file that jalsa never set up: a creation cut short, or
		// another program's file. Either way no record is there.
		return model.NotFound("err.no_database", s.path)
	case core != 0 && core != len(coreBuckets()):
		// The first commit makes them all: one lost is a damaged file.
		return damaged(s.path, "", errors.New("some of the record's buckets are missing"))
	}
	if !ready && s.readOnly {
		return model.Failure("err.read_only_setup", s.path)
	}
	if !ready {
		err := s.db.Update(func(tx *bolt.Tx) error {
			for _, b := range allBuckets() {
				if _, err := tx.CreateBucketIfNotExists(b); err != nil {
					return err
				}
			}
			meta := tx.Bucket(bucketMeta)
			if meta.Get(keySchema) == nil {
				return meta.Put(keySchema, []byte(fmt.Sprint(SchemaVersion)))
			}
			return nil
		})
		if err != nil {
			return err
		}
	}
	return s.db.View(func(tx *bolt.Tx) error {
		st, err := loadState(tx)
		if err != nil {
			return damaged(s.path, "", err)
		}
		s.state = st
		if h := tx.Bucket(bucketMeta).Get(keyHead); h != nil {
			s.head = string(h)
		}
		if k, _ := tx.Bucket(bucketEvents).Cursor().Last(); k != nil {
			if len(k) != 8 {
				return damaged(s.path, "", fmt.Errorf("an event key of %d bytes", len(k)))
			}
			s.seq = binary.BigEndian.Uint64(k)
		}
		return nil
	})
}

// coreBuckets are made together when a database is set up; the others
// came with later versions, and Open adds them to an older file.
func coreBuckets() [][]byte {
	return [][]byte{bucketMeta, bucketEvents, bucketBodies, bucketSessions}
}

func allBuckets() [][]byte {
	return [][]byte{bucketMeta, bucketEvents, bucketBodies, bucketSessions, bucketRegister, bucketIndex}
}

// checkSchema refuses a file written by a newer jalsa, and one whose
// schema is not a version at all.
func (s *Store) checkSchema(tx *bolt.Tx) error {
	meta := tx.Bucket(bucketMeta)
	if meta == nil {
		return nil
	}
	raw := meta.Get(keySchema)
	if raw == nil {
		return nil
	}
	v, err := strconv.Atoi(string(raw))
	if err != nil || v < 1 {
		return damaged(s.path, "schema", fmt.Errorf("%q is not a schema version", oneLine(string(raw))))
	}
	if v > SchemaVersion {
		return model.Refused("err.schema_newer", s.path, v, SchemaVersion)
	}
	return nil
}

func loadState(tx *bolt.Tx) (*model.State, error) {
	st := model.NewState()
	bodies := ascending("the bodies")
	err := tx.Bucket(bucketBodies).ForEach(func(k, v []byte) error {
		if err := bodies(k); err != nil {
			return err
		}
		var b model.Body
		if err := json.Unmarshal(v, &b); err != nil {
			return fmt.Errorf("body %s: %w", k, err)
		}
		st.Bodies[b.ID] = &b
		return nil
	})
	if err != nil {
		return nil, err
	}
	return st, loadSessions(tx, st)
}

// Path is the database file.
func (s *Store) Path() string { return s.path }

// Close indexes what is still pending and closes the database.
func (s *Store) Close() (err error) {
	var ierr error
	func() {
		defer shield(s.path, &ierr)()
		s.mu.Lock()
		defer s.mu.Unlock()
		if s.idle != nil {
			s.idle.Stop()
		}
		if !s.closed && s.broken == nil {
			ierr = s.flushIndex()
		}
		s.closed = true
	}()
	s.subMu.Lock()
	for ch := range s.subs {
		close(ch)
		delete(s.subs, ch)
	}
	s.subMu.Unlock()
	s.release()
	dog.unwatch(s)
	if err := s.db.Close(); err != nil {
		return err
	}
	return ierr
}

// Read runs fn with the current state. fn must not keep pointers into it
// after it returns: the next write changes them.
func (s *Store) Read(fn func(st *model.State)) {
	s.mu.RLock()
	defer s.mu.RUnlock()
	fn(s.state)
}

// Seq is the number of the last event.
func (s *Store) Seq() uint64 {
	s.mu.RLock()
	defer s.mu.RUnlock()
	return s.seq
}

// Do carries out cmd as actor: it applies it to the state and, in one write
// transaction, appends the event and stores what changed. When Do returns
// nil the change is on disk. A refused command changes nothing.
func (s *Store) Do(actor string, cmd model.Command) (model.Event, error) {
	return s.Record(Origin{Actor: actor}, cmd)
}

// DoAt is Do with the event stamped at a given time, for loading records of
// past sittings (the demo's June session) with their own dates.
func (s *Store) DoAt(actor string, at time.Time, cmd model.Command) (model.Event, error) {
	return s.Record(Origin{Actor: actor, Time: at}, cmd)
}

// Record is Do for a request with its origin: the event records who asked,
// when and the request's id.
func (s *Store) Record(o Origin, cmd model.Command) (ev model.Event, err error) {
	defer shield(s.path, &err)()
	if o.Request == "" {
		o.Request = NewRequestID()
	}
	if o.Time.IsZero() {
		o.Time = s.clock()
	}
	if len(o.Request) > maxRequestID {
		return model.Event{}, model.Usage("err.request_id", maxRequestID)
	}
	ev, err = s.locked(func() (model.Event, error) { return s.do(o, cmd) })
	if err == nil {
		s.publish(Change{Seq: ev.Seq, Session: ev.Session, Type: ev.Type, Actor: ev.Actor})
	}
	return ev, err
}

// locked runs fn holding s.mu; a damaged file found on the way (a panic
// that shield turns into an error) leaves the store refusing any further
// write, since its state in memory may be ahead of the file.
func (s *Store) locked(fn func() (model.Event, error)) (ev model.Event, err error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.broken != nil {
		return model.Event{}, s.broken
	}
	defer func() {
		if p := recover(); p != nil {
			s.broken = &DamagedError{Path: s.path, Cause: "a write failed half-way"}
			panic(p)
		}
	}()
	return fn()
}

func (s *Store) do(o Origin, cmd model.Command) (model.Event, error) {
	if _, ok := cmd.(*model.RegisterCmd); ok {
		// Its rows are written, and indexed, in bulk: ImportRegister.
		return model.Event{}, errors.New("store: register commands are recorded by ImportRegister, not Do")
	}
	if s.readOnly {
		return model.Event{}, ErrReadOnly(s.path)
	}
	ctx := model.Ctx{Time: o.Time.UTC().Truncate(time.Millisecond), Actor: o.Actor}
	sid := cmd.SessionID()
	// Apply replaces a body it changes (init, the roster commands) instead
	// of editing it, so the pointers tell which bodies to write again.
	bodies := maps.Clone(s.state.Bodies)
	if err := model.Do(s.state, cmd, ctx); err != nil {
		return model.Event{}, err
	}
	ev, err := model.NewEvent(cmd, ctx)
	if err != nil {
		return model.Event{}, err
	}
	ev.Seq = s.seq + 1
	ev.Prev = s.head
	ev.Req = o.Request
	raw, hash := seal(&ev)
	err = s.db.Update(func(tx *bolt.Tx) error {
		if err := eventsBucket(tx).Put(seqKey(ev.Seq), raw); err != nil {
			return err
		}
		if err := tx.Bucket(bucketMeta).Put(keyHead, []byte(hash)); err != nil {
			return err
		}
		if err := s.saveBodies(tx, bodies); err != nil {
			return err
		}
		return s.saveSession(tx, sid, cmd)
	})
	if err != nil {
		s.reload()
		return model.Event{}, fmt.Errorf("write %s: %w", s.path, err)
	}
	s.seq, s.head = ev.Seq, hash
	// The event is on disk, its index not yet: a process killed here must
	// lose nothing (the next Open indexes it). Only a kill makes sense
	// here: the command is done.
	_ = failpoint(fpAfterCommit)
	s.follow(sid, cmd)
	return ev, nil
}

// ErrReadOnly is the refusal of a write to a database this process may
// not write.
func ErrReadOnly(path string) error { return model.Failure("err.read_only", path) }

// reload reads the state back from the file after a failed commit: Apply
// changed memory, the file still holds the last committed state. (Reading
// it back costs nothing on the way to a commit, unlike keeping a copy.)
func (s *Store) reload() {
	_ = s.db.View(func(tx *bolt.Tx) error {
		st, err := loadState(tx)
		if err == nil {
			s.state = st
		}
		return err
	})
}

// saveSession writes what cmd changed of session sid; a nil cmd (an
// import) writes everything. The index follows (follow.go).
func (s *Store) saveSession(tx *bolt.Tx, sid string, cmd model.Command) error {
	sess := s.state.Sessions[sid]
	if sess == nil {
		return nil
	}
	sc, scoped := cmd.(model.Scoped)
	item, line := 0, ""
	if scoped {
		item, line = sc.Scope()
	}
	var spill []int
	if sp, ok := cmd.(model.Spiller); ok {
		spill = sp.Spill()
	}
	if err := putSession(tx, sess, scoped, item, line, spill); err != nil {
		return err
	}
	if !scoped {
		return checkRegisterClash(tx, sess)
	}
	return nil
}

// seal computes the event's hash over the previous hash and the event's bytes
// and returns the bytes to store (hash included) and the hash. The hash is
// the last field, so the stored bytes are the hashed ones with the hash
// written into its empty string, as json.Marshal would write them (a test
// holds it to that) without encoding the event twice.
func seal(ev *model.Event) ([]byte, string) {
	ev.Hash = ""
	body, _ := json.Marshal(ev)
	ev.Hash = chainHash(ev.Prev, body)
	raw := append(body[:len(body)-len(`"}`)], ev.Hash...)
	return append(raw, `"}`...), ev.Hash
}

func chainHash(prev string, body []byte) string {
	h := sha256.New()
	h.Write([]byte(prev))
	h.Write(body)
	return hex.EncodeToString(h.Sum(nil))
}

// eventsBucket is the event log, which only ever grows at its end: pages
// filled before they split hold twice as many events, so the log's branch
// pages that every commit rewrites are half as long.
func eventsBucket(tx *bolt.Tx) *bolt.Bucket {
	b := tx.Bucket(bucketEvents)
	b.FillPercent = 1.0
	return b
}

func seqKey(n uint64) []byte {
	k := make([]byte, 8)
	binary.BigEndian.PutUint64(k, n)
	return k
}

// Subscribe returns a channel that receives a Change after every write, and
// a function to stop. Slow subscribers miss intermediate changes, never the
// fact that something changed: the channel holds the latest one.
func (s *Store) Subscribe() (<-chan Change, func()) {
	ch := make(chan Change, 1)
	s.subMu.Lock()
	s.subs[ch] = struct{}{}
	s.subMu.Unlock()
	return ch, func() {
		s.subMu.Lock()
		if _, ok := s.subs[ch]; ok {
			delete(s.subs, ch)
			close(ch)
		}
		s.subMu.Unlock()
	}
}

func (s *Store) publish(c Change) {
	s.subMu.Lock()
	defer s.subMu.Unlock()
	for ch := range s.subs {
		select {
		case ch <- c:
		default:
			// Replace the stale change with the newest.
			select {
			case <-ch:
			default:
			}
			ch <- c
		}
	}
}

// Events calls fn for every event in order. An event that cannot be read
// is named in a DamagedError.
func (s *Store) Events(fn func(ev model.Event) error) (err error) {
	defer shield(s.path, &err)()
	events := ascending("the events")
	return s.db.View(func(tx *bolt.Tx) error {
		return tx.Bucket(bucketEvents).ForEach(func(k, v []byte) error {
			if err := events(k); err != nil {
				return damaged(s.path, "", err)
			}
			var ev model.Event
			if err := json.Unmarshal(v, &ev); err != nil {
				return damaged(s.path, eventPlace(k), err)
			}
			return fn(ev)
		})
	})
}

// eventPlace names the event stored under key k.
func eventPlace(k []byte) string {
	if len(k) != 8 {
		return fmt.Sprintf("an event key of %d bytes", len(k))
	}
	return fmt.Sprintf("event %d", binary.BigEndian.Uint64(k))
}

// Backup writes a consistent copy of the database to path while it stays in
// use (a bbolt read transaction). The copy goes through a temporary file,
// synced, renamed, the directory synced (atomicfile), so a crash never
// leaves a half backup where a good one was, nor a leftover the size of the
// database. The copy is mode 0600, like the database. path may not be the
// database itself.
func (s *Store) Backup(path string) (err error) {
	defer shield(s.path, &err)()
	if fi, err := os.Stat(path); err == nil {
		if db, err := os.Stat(s.path); err == nil && os.SameFile(fi, db) {
			return model.Refused("err.backup_onto_db", path)
		}
	}
	return writeFile(path, func(w io.Writer) error {
		return s.db.View(func(tx *bolt.Tx) error {
			_, err := tx.WriteTo(w)
			return err
		})
	})
}

// writeFile writes a copy of the record (a backup, an export) to path,
// mode 0600, through atomicfile.
func writeFile(path string, write func(w io.Writer) error) error {
	err := atomicfile.Write(path, 0o600, write)
	if errors.Is(err, atomicfile.ErrBusy) {
		return model.Refused("err.write_busy", path)
	}
	return err
}
