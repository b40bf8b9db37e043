package store

import (
	"encoding/json"
	"fmt"
	"io"

	"github.com/jalsa-app/jalsa/model"
	bolt "go.etcd.io/bbolt"
)

// Export is the whole record as JSON: the event chain, from which everything
// else is derived.
type Export struct {
	Format string        `json:"format"`
	Schema int           `json:"schema"`
	Events []model.Event `json:"events"`
}

// exportFormat names the file kind so import can refuse anything else.
const exportFormat = "jalsa-export"

// Export writes the whole record to w, indented, one event per element.
func (s *Store) Export(w io.Writer) error {
	x := Export{Format: exportFormat, Schema: SchemaVersion, Events: []model.Event{}}
	if err := s.Events(func(ev model.Event) error { x.Events = append(x.Events, ev); return nil }); err != nil {
		return err
	}
	enc := json.NewEncoder(w)
	enc.SetIndent("", " ")
	return enc.Encode(x)
}

// Import loads an export into an empty database. Every event's hash is
// checked and replayed, so the result is the exported record, identical; on
// any error nothing is written.
func (s *Store) Import(r io.Reader) (int, error) {
	var x Export
	dec := json.NewDecoder(r)
	if err := dec.Decode(&x); err != nil {
		return 0, model.Usage("err.import_unreadable", err.Error())
	}
	if x.Format != exportFormat {
		return 0, model.Usage("err.import_format", x.Format)
	}
	if x.Schema > SchemaVersion {
		return 0, model.Refused("err.import_newer", x.Schema, SchemaVersion)
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.seq != 0 {
		return 0, model.Refused("err.import_not_empty", s.path)
	}
	st := model.NewState()
	prev := ""
	for i, ev := range x.Events {
		if ev.Seq != uint64(i+1) || ev.Prev != prev {
			return 0, model.Usage("err.import_chain", i+1)
		}
		stored := ev.Hash
		ev.Hash = ""
		body, _ := json.Marshal(ev)
		if chainHash(ev.Prev, body) != stored {
			return 0, model.Usage("err.import_hash", ev.Seq)
		}
		if err := ev.Replay(st); err != nil {
			return 0, fmt.Errorf("event %d: %w", ev.Seq, err)
		}
		prev = stored
	}
	err := s.db.Update(func(tx *bolt.Tx) error {
		evs := eventsBucket(tx)
		for _, ev := range x.Events {
			raw, err := json.Marshal(ev)
			if err != nil {
				return err
			}
			if err := evs.Put(seqKey(ev.Seq), raw); err != nil {
				return err
			}
		}
		if err := tx.Bucket(bucketMeta).Put(keyHead, []byte(prev)); err != nil {
			return err
		}
		old := s.state
		s.state = st
		for id, sess := range st.Sessions {
			err := s.saveSession(tx, id, true, nil)
			if err == nil {
				err = indexSession(tx, sess, st)
			}
			if err != nil {
				s.state = old
				return err
			}
		}
		if err := importRegisterEvents(tx, x.Events); err != nil {
			s.state = old
			return err
		}
		return setIndexed(tx, uint64(len(x.Events)))
	})
	if err != nil {
		return 0, err
	}
	s.seq, s.head = uint64(len(x.Events)), prev
	s.caughtUp(s.seq)
	s.publish(Change{Seq: s.seq})
	return len(x.Events), nil
}
