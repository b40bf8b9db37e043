package store

import (
	"bytes"
	"encoding/binary"
	"encoding/json"
	"fmt"
	"slices"

	"github.com/jalsa-app/jalsa/model"
	bolt "go.etcd.io/bbolt"
)

// A session is kept as several records in its own bucket under "sessions",
// so that a command rewrites only what it changed (model.Scoped): a vote on
// a budget line writes the session's own fields and that line, not the
// whole agenda with every earlier vote.
var (
	keyCore     = []byte("core")
	keySittings = []byte("sittings")
)

func itemKey(n int) []byte { return binary.BigEndian.AppendUint32([]byte{'i'}, uint32(n)) }

func lineKey(n, i int) []byte {
	return binary.BigEndian.AppendUint32(binary.BigEndian.AppendUint32([]byte{'l'}, uint32(n)), uint32(i))
}

// putSession writes the records of sess that a command of the given scope
// changed, and the spilled items without their lines (model.Spiller); all
// of them when scoped is false.
func putSession(tx *bolt.Tx, sess *model.Session, scoped bool, item int, line string, spill []int) error {
	b, err := tx.Bucket(bucketSessions).CreateBucketIfNotExists([]byte(sess.ID))
	if err != nil {
		return err
	}
	written := map[string]bool{}
	err = eachRecord(sess, func(key []byte, n int, code string, v any) error {
		spilled := n > 0 && code == "" && slices.Contains(spill, n)
		if scoped && !inScope(n, code, item, line) && !spilled {
			return nil
		}
		written[string(key)] = true
		return putJSON(b, key, v)
	})
	if err != nil || scoped {
		return err
	}
	// A command that changes the whole session may remove or renumber
	// items and lines (the agenda of a draft, a budget's lines): what it
	// did not write is gone.
	var stale [][]byte
	err = b.ForEach(func(k, _ []byte) error {
		if !written[string(k)] {
			stale = append(stale, bytes.Clone(k))
		}
		return nil
	})
	for _, k := range stale {
		if err == nil {
			err = b.Delete(k)
		}
	}
	return err
}

// eachRecord calls fn with each record of sess as it is stored: the
// session's own fields (n -1), its sittings (n 0), each item without its
// budget lines (n its number, code ""), each line (n its item's number,
// code its code).
func eachRecord(sess *model.Session, fn func(key []byte, n int, code string, v any) error) error {
	core := *sess
	core.Items, core.Sittings = nil, nil
	if err := fn(keyCore, -1, "", core); err != nil {
		return err
	}
	if err := fn(keySittings, 0, "", sess.Sittings); err != nil {
		return err
	}
	for _, it := range sess.Items {
		bare := *it
		bare.Lines = nil
		if err := fn(itemKey(it.N), it.N, "", bare); err != nil {
			return err
		}
		for i, l := range it.Lines {
			if err := fn(lineKey(it.N, i), it.N, l.Code, l); err != nil {
				return err
			}
		}
	}
	return nil
}

// inScope says whether the record (n, code) of eachRecord is one a command
// scoped to item and line (model.Scoped) may change: the session's own
// fields always; the sittings for item 0; the item itself unless the
// scope is one of its lines; its lines, or the one line.
func inScope(n int, code string, item int, line string) bool {
	switch {
	case n == -1:
		return true
	case n == 0:
		return item == 0
	case n != item:
		return false
	case code == "":
		return line == ""
	}
	return line == "" || line == code
}

// putJSON stores v under key unless it is stored already: rewriting a value
// dirties its page, and a line's vote leaves the session's own fields as
// they were.
func putJSON(b *bolt.Bucket, key []byte, v any) error {
	data, err := json.Marshal(v)
	if err != nil {
		return err
	}
	if bytes.Equal(b.Get(key), data) {
		return nil
	}
	return b.Put(key, data)
}

// loadSessions reassembles every session from its records.
func loadSessions(tx *bolt.Tx, st *model.State) error {
	sessions := ascending("the sessions")
	return tx.Bucket(bucketSessions).ForEachBucket(func(id []byte) error {
		if err := sessions(id); err != nil {
			return err
		}
		b := tx.Bucket(bucketSessions).Bucket(id)
		if b == nil {
			return fmt.Errorf("session %s: not a bucket", id)
		}
		var s model.Session
		if err := json.Unmarshal(b.Get(keyCore), &s); err != nil {
			return fmt.Errorf("session %s: %w", id, err)
		}
		if v := b.Get(keySittings); v != nil {
			if err := json.Unmarshal(v, &s.Sittings); err != nil {
				return fmt.Errorf("session %s sittings: %w", id, err)
			}
		}
		records := ascending("session " + string(id))
		err := b.ForEach(func(k, v []byte) error {
			if err := records(k); err != nil {
				return err
			}
			switch {
			case len(k) == 5 && k[0] == 'i':
				it := new(model.Item)
				if err := json.Unmarshal(v, it); err != nil {
					return fmt.Errorf("session %s item %d: %w", id, binary.BigEndian.Uint32(k[1:]), err)
				}
				s.Items = append(s.Items, it)
			case len(k) == 9 && k[0] == 'l':
				n := int(binary.BigEndian.Uint32(k[1:5]))
				if n < 1 || n > len(s.Items) {
					return fmt.Errorf("session %s: a budget line of item %d, which it does not have", id, n)
				}
				l := new(model.BudgetLine)
				if err := json.Unmarshal(v, l); err != nil {
					return fmt.Errorf("session %s item %d line: %w", id, n, err)
				}
				s.Items[n-1].Lines = append(s.Items[n-1].Lines, l)
			}
			return nil
		})
		if err != nil {
			return err
		}
		st.Sessions[s.ID] = &s
		return nil
	})
}

// ascending returns a check that each key it is given comes after the one
// before: bbolt yields a bucket's keys in order, and yields them again when
// a damaged file's pages form a cycle, which would otherwise loop for ever.
func ascending(what string) func(k []byte) error {
	var prev []byte
	return func(k []byte) error {
		if prev != nil && bytes.Compare(k, prev) <= 0 {
			return fmt.Errorf("%s: a record comes twice or out of order: the pages form a cycle", what)
		}
		prev = append(prev[:0], k...)
		return nil
	}
}
