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
	core := *sess
	core.Items, core.Sittings = nil, nil
	if err := putJSON(b, keyCore, core); err != nil {
		return err
	}
	if !scoped || item == 0 {
		if err := putJSON(b, keySittings, sess.Sittings); err != nil {
			return err
		}
	}
	for _, it := range sess.Items {
		own, spilled := !scoped || it.N == item, slices.Contains(spill, it.N)
		if !own && !spilled {
			continue
		}
		if !scoped || line == "" || spilled {
			bare := *it
			bare.Lines = nil
			if err := putJSON(b, itemKey(it.N), bare); err != nil {
				return err
			}
		}
		if !own {
			continue
		}
		for i, l := range it.Lines {
			if scoped && line != "" && l.Code != line {
				continue
			}
			if err := putJSON(b, lineKey(it.N, i), l); err != nil {
				return err
			}
		}
	}
	return nil
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
	return tx.Bucket(bucketSessions).ForEachBucket(func(id []byte) error {
		b := tx.Bucket(bucketSessions).Bucket(id)
		var s model.Session
		if err := json.Unmarshal(b.Get(keyCore), &s); err != nil {
			return fmt.Errorf("session %s: %w", id, err)
		}
		if v := b.Get(keySittings); v != nil {
			if err := json.Unmarshal(v, &s.Sittings); err != nil {
				return fmt.Errorf("session %s sittings: %w", id, err)
			}
		}
		err := b.ForEach(func(k, v []byte) error {
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
