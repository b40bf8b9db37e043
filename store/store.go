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
	"os"
	"path/filepath"
	"strings"
	"sync"
	"time"

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
}

// Open opens (creating if needed) the database at path and loads its state.
func Open(path string, o Options) (*Store, error) {
	if o.Timeout == 0 {
		o.Timeout = LockTimeout
	}
	if o.Clock == nil {
		o.Clock = time.Now
	}
	if err := os.MkdirAll(filepath.Dir(path), 0o700); err != nil {
		return nil, err
	}
	db, err := bolt.Open(path, 0o600, &bolt.Options{Timeout: o.Timeout})
	if errors.Is(err, berrors.ErrTimeout) {
		return nil, ErrLocked
	}
	if err != nil {
		return nil, fmt.Errorf("open %s: %w", path, err)
	}
	s := &Store{db: db, path: path, clock: o.Clock, subs: map[chan Change]struct{}{}, delay: indexDelay}
	if err := s.init(); err != nil {
		db.Close()
		return nil, err
	}
	if err := s.ensureIndex(); err != nil {
		db.Close()
		return nil, err
	}
	if err := s.resumeIndex(); err != nil {
		db.Close()
		return nil, fmt.Errorf("index %s: %w", path, err)
	}
	s.claim(commandLine())
	return s, nil
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
	args := append([]string{filepath.Base(os.Args[0])}, os.Args[1:]...)
	line := strings.Join(args, " ")
	if r := []rune(line); len(r) > 60 {
		line = string(r[:60]) + "…"
	}
	return line
}

func (s *Store) init() error {
	// Read first: a newer file must be refused before anything is written to
	// it, and a file already set up needs no write transaction, whose commit
	// would cost every read-only command two fdatasyncs.
	ready := false
	err := s.db.View(func(tx *bolt.Tx) error {
		if err := s.checkSchema(tx); err != nil {
			return err
		}
		ready = true
		for _, b := range allBuckets() {
			ready = ready && tx.Bucket(b) != nil
		}
		return nil
	})
	if err != nil {
		return err
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
		meta := tx.Bucket(bucketMeta)
		if meta == nil {
			s.state = model.NewState()
			return nil
		}
		st, err := loadState(tx)
		if err != nil {
			return err
		}
		s.state = st
		if h := meta.Get(keyHead); h != nil {
			s.head = string(h)
		}
		if k, _ := tx.Bucket(bucketEvents).Cursor().Last(); k != nil {
			s.seq = binary.BigEndian.Uint64(k)
		}
		return nil
	})
}

func allBuckets() [][]byte {
	return [][]byte{bucketMeta, bucketEvents, bucketBodies, bucketSessions, bucketRegister, bucketIndex}
}

// checkSchema refuses a file written by a newer jalsa.
func (s *Store) checkSchema(tx *bolt.Tx) error {
	meta := tx.Bucket(bucketMeta)
	if meta == nil {
		return nil
	}
	var v int
	fmt.Sscan(string(meta.Get(keySchema)), &v)
	if v > SchemaVersion {
		return fmt.Errorf("%s was written by a newer jalsa (schema %d; this binary reads up to %d): upgrade jalsa", s.path, v, SchemaVersion)
	}
	return nil
}

func loadState(tx *bolt.Tx) (*model.State, error) {
	st := model.NewState()
	err := tx.Bucket(bucketBodies).ForEach(func(k, v []byte) error {
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
func (s *Store) Close() error {
	s.mu.Lock()
	if s.idle != nil {
		s.idle.Stop()
	}
	var ierr error
	if !s.closed {
		ierr = s.flushIndex()
	}
	s.closed = true
	s.mu.Unlock()
	s.subMu.Lock()
	for ch := range s.subs {
		close(ch)
		delete(s.subs, ch)
	}
	s.subMu.Unlock()
	s.release()
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
	return s.DoAt(actor, s.clock(), cmd)
}

// DoAt is Do with the event stamped at a given time, for loading records of
// past sittings (the demo's June session) with their own dates.
func (s *Store) DoAt(actor string, at time.Time, cmd model.Command) (model.Event, error) {
	s.mu.Lock()
	ev, err := s.do(actor, at, cmd)
	s.mu.Unlock()
	if err == nil {
		s.publish(Change{Seq: ev.Seq, Session: ev.Session, Type: ev.Type, Actor: ev.Actor})
	}
	return ev, err
}

func (s *Store) do(actor string, at time.Time, cmd model.Command) (model.Event, error) {
	if _, ok := cmd.(*model.RegisterCmd); ok {
		// Its rows are written, and indexed, in bulk: ImportRegister.
		return model.Event{}, errors.New("store: register commands are recorded by ImportRegister, not Do")
	}
	ctx := model.Ctx{Time: at.UTC().Truncate(time.Millisecond), Actor: actor}
	sid := cmd.SessionID()
	// Apply replaces a body it changes (init) instead of editing it, so the
	// pointer tells whether the body must be written again.
	var bodyBefore *model.Body
	if sess := s.state.Sessions[sid]; sess != nil {
		bodyBefore = s.state.Bodies[sess.Body]
	}
	if err := cmd.Apply(s.state, ctx); err != nil {
		return model.Event{}, err
	}
	bodyChanged := false
	if sess := s.state.Sessions[sid]; sess != nil {
		bodyChanged = s.state.Bodies[sess.Body] != bodyBefore
	}
	ev, err := model.NewEvent(cmd, ctx)
	if err != nil {
		return model.Event{}, err
	}
	ev.Seq = s.seq + 1
	ev.Prev = s.head
	raw, hash := seal(&ev)
	err = s.db.Update(func(tx *bolt.Tx) error {
		if err := eventsBucket(tx).Put(seqKey(ev.Seq), raw); err != nil {
			return err
		}
		if err := tx.Bucket(bucketMeta).Put(keyHead, []byte(hash)); err != nil {
			return err
		}
		return s.saveSession(tx, sid, bodyChanged, cmd)
	})
	if err != nil {
		s.reload()
		return model.Event{}, fmt.Errorf("write %s: %w", s.path, err)
	}
	s.seq, s.head = ev.Seq, hash
	s.follow(sid, cmd)
	return ev, nil
}

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

// saveSession writes what cmd changed of session sid, and its body if
// withBody; a nil cmd (an import) writes everything. The index follows
// (follow.go).
func (s *Store) saveSession(tx *bolt.Tx, sid string, withBody bool, cmd model.Command) error {
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
	if b := s.state.Bodies[sess.Body]; b != nil && withBody {
		bv, err := json.Marshal(b)
		if err != nil {
			return err
		}
		if err := tx.Bucket(bucketBodies).Put([]byte(b.ID), bv); err != nil {
			return err
		}
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

// Events calls fn for every event in order.
func (s *Store) Events(fn func(ev model.Event) error) error {
	return s.db.View(func(tx *bolt.Tx) error {
		return tx.Bucket(bucketEvents).ForEach(func(_, v []byte) error {
			var ev model.Event
			if err := json.Unmarshal(v, &ev); err != nil {
				return err
			}
			return fn(ev)
		})
	})
}

// Backup writes a consistent copy of the database to path while it stays in
// use (a bbolt read transaction). The copy goes through a temporary file,
// synced, then renamed, so a crash never leaves a half backup where a good
// one was. path may not be the database itself.
func (s *Store) Backup(path string) error {
	if fi, err := os.Stat(path); err == nil {
		if db, err := os.Stat(s.path); err == nil && os.SameFile(fi, db) {
			return model.Refused("err.backup_onto_db", path)
		}
	}
	f, err := os.CreateTemp(filepath.Dir(path), filepath.Base(path)+".*.tmp")
	if err != nil {
		return err
	}
	defer os.Remove(f.Name())
	err = s.db.View(func(tx *bolt.Tx) error {
		_, err := tx.WriteTo(f)
		return err
	})
	if err == nil {
		err = f.Sync()
	}
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	if err == nil {
		err = os.Chmod(f.Name(), 0o600)
	}
	if err != nil {
		return err
	}
	return os.Rename(f.Name(), path)
}
