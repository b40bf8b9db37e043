package store

import (
	"encoding/binary"
	"encoding/json"
	"slices"
	"time"

	"github.com/jalsa-app/jalsa/model"
	bolt "go.etcd.io/bbolt"
)

// The search index is derived from the record, and it follows the record
// instead of riding in every command's transaction: a vote waits only for
// its event and the records it changed (issue 2 measures exactly that), and
// the decisions it touched are indexed a moment later in one transaction of
// their own. That happens once the store has been idle for indexDelay,
// before anything reads the index (a lookup, verify, the index's figures),
// before the past register is written, and on Close. Burst after burst of
// votes thus costs one index transaction, not one per vote.
//
// The index's "indexed" key is the last event it reflects. A process killed
// between a command and its indexing leaves later events behind it; the next
// Open indexes their sessions again from the stored state, which holds them.
const indexDelay = 100 * time.Millisecond

var keyIndexed = []byte("indexed")

// scope is the part of a session whose decisions a command may have
// changed: one item (one line of it when line is set), or the whole
// session when item is 0.
type scope struct {
	session string
	item    int
	line    string
}

// follow notes what cmd, just committed as event s.seq, leaves the index to
// catch up on, and arms the idle flush. Callers hold s.mu.
func (s *Store) follow(sid string, cmd model.Command) {
	sc, scoped := cmd.(model.Scoped)
	switch {
	case sid == "":
	case !scoped:
		s.pending = append(s.pending, scope{session: sid})
	default:
		if item, line := sc.Scope(); item > 0 { // sittings hold no decisions
			s.pending = append(s.pending, scope{session: sid, item: item, line: line})
		}
	}
	if len(s.pending) == 0 || s.closed {
		return
	}
	if s.idle == nil {
		s.idle = time.AfterFunc(s.delay, s.flushIdle)
	} else {
		s.idle.Reset(s.delay)
	}
}

// flushIdle indexes what is pending once the store has been idle. A failure
// leaves it pending for the next flush; verify names what it left out. It
// runs on a timer's goroutine, so a damaged file must not crash the owner
// from there: shield keeps the fault to an error, dropped like any other.
func (s *Store) flushIdle() {
	var err error
	defer shield(s.path, &err)()
	s.mu.Lock()
	defer s.mu.Unlock()
	if !s.closed && len(s.pending) > 0 {
		_ = s.flushIndex()
	}
}

// catchUp brings the index up to the last event before it is read.
func (s *Store) catchUp() error {
	s.mu.RLock()
	behind := s.indexed != s.seq
	s.mu.RUnlock()
	if !behind {
		return nil
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.flushIndex()
}

// flushIndex indexes what is pending in a transaction of its own. Callers
// hold s.mu.
func (s *Store) flushIndex() error {
	if s.indexed == s.seq {
		return nil
	}
	err := s.db.Update(func(tx *bolt.Tx) error { return s.indexPending(tx, s.seq) })
	if err == nil {
		s.caughtUp(s.seq)
	}
	return err
}

// caughtUp notes that a committed transaction brought the index to event
// seq. Callers hold s.mu.
func (s *Store) caughtUp(seq uint64) { s.pending, s.indexed = nil, seq }

// indexPending indexes the pending scopes within tx and records that the
// index now reflects event seq. The caller calls caughtUp once tx commits.
func (s *Store) indexPending(tx *bolt.Tx, seq uint64) error {
	whole := map[string]bool{}
	for _, p := range s.pending {
		if p.item == 0 {
			whole[p.session] = true
		}
	}
	done := map[scope]bool{}
	for _, p := range s.pending {
		if done[p] || (p.item > 0 && whole[p.session]) {
			continue
		}
		done[p] = true
		if err := indexScope(tx, s.state, p); err != nil {
			return err
		}
	}
	return setIndexed(tx, seq)
}

// setIndexed records that the index reflects the state of event seq.
func setIndexed(tx *bolt.Tx, seq uint64) error {
	b, err := openIndexBuckets(tx)
	if err != nil {
		return err
	}
	return b.meta.Put(keyIndexed, seqKey(seq))
}

// indexScope brings the index in line with the decisions of one scope as
// st now has them.
func indexScope(tx *bolt.Tx, st *model.State, p scope) error {
	sess := st.Sessions[p.session]
	switch {
	case sess == nil:
		return reindex(tx, nil, []byte(string(srcSession)+p.session+"/"), nil)
	case p.item == 0:
		return indexSession(tx, sess, st)
	default:
		return indexItem(tx, sess, st, p.item, p.line)
	}
}

// resumeIndex finds where the index stands at Open and, after a process was
// killed before its last commands were indexed, indexes their sessions.
// An index written before the index followed the record has no "indexed"
// key: it was written with every event, so it is current.
func (s *Store) resumeIndex() error {
	s.indexed = s.seq
	var sessions []string
	err := s.db.View(func(tx *bolt.Tx) error {
		b, err := openIndexBuckets(tx)
		if err != nil {
			return err
		}
		v := b.meta.Get(keyIndexed)
		if len(v) != 8 {
			return nil
		}
		s.indexed = binary.BigEndian.Uint64(v)
		c := tx.Bucket(bucketEvents).Cursor()
		for k, v := c.Seek(seqKey(s.indexed + 1)); k != nil; k, v = c.Next() {
			if sid := eventSession(v); sid != "" && !slices.Contains(sessions, sid) {
				sessions = append(sessions, sid)
			}
		}
		return nil
	})
	if err != nil {
		return err
	}
	for _, sid := range sessions {
		s.pending = append(s.pending, scope{session: sid})
	}
	return s.flushIndex()
}

// eventSession reads the session an event belongs to from its stored bytes.
func eventSession(raw []byte) string {
	var ev struct {
		Session string `json:"session"`
	}
	_ = json.Unmarshal(raw, &ev)
	return ev.Session
}
