package store

import (
	"bufio"
	"bytes"
	"encoding/json"
	"errors"
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

// ExportTo writes the export to the file path, mode 0600, through a
// temporary file (atomicfile): an export is as private as the record, and
// a full disk leaves no half of one.
func (s *Store) ExportTo(path string) error { return writeFile(path, s.Export) }

// Import loads an export into an empty database as request req (the
// request id Recorded finds it by). Every event's hash is checked and
// every event replayed under the rules of SPEC §11, so the result is the
// exported record, identical, and an export edited and chained again
// cannot bring in what a command could not record; on any error nothing
// is written. A UTF-8 byte-order mark before the export is skipped;
// anything after it is refused.
func (s *Store) Import(r io.Reader, req string) (n int, err error) {
	defer shield(s.path, &err)()
	x, err := readExport(r)
	if err != nil {
		return 0, err
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.readOnly {
		return 0, ErrReadOnly(s.path)
	}
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
		if err := checkEventFields(ev); err != nil {
			return 0, err
		}
		if err := ev.Replay(st); err != nil {
			return 0, malformedEvent(err)
		}
		prev = stored
	}
	err = s.db.Update(func(tx *bolt.Tx) error {
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
		meta := tx.Bucket(bucketMeta)
		if err := meta.Put(keyHead, []byte(prev)); err != nil {
			return err
		}
		if req != "" && len(x.Events) > 0 {
			if err := meta.Put(keyImportRequest, []byte(fmt.Sprintf("%s %d", req, len(x.Events)))); err != nil {
				return err
			}
		}
		old := s.state
		s.state = st
		if err := s.saveBodies(tx, nil); err != nil {
			s.state = old
			return err
		}
		for id, sess := range st.Sessions {
			err := s.saveSession(tx, id, nil)
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

// readExport reads one export from r: an optional byte-order mark, the
// export, nothing after it but white space.
func readExport(r io.Reader) (*Export, error) {
	br := bufio.NewReader(r)
	if bom, _ := br.Peek(3); bytes.Equal(bom, []byte("\xEF\xBB\xBF")) {
		br.Discard(3)
	}
	var x Export
	dec := json.NewDecoder(br)
	if err := dec.Decode(&x); err != nil {
		return nil, model.Usage("err.import_unreadable", err.Error())
	}
	if _, err := dec.Token(); err != io.EOF {
		return nil, model.Usage("err.import_trailing", dec.InputOffset())
	}
	if x.Format != exportFormat {
		return nil, model.Usage("err.import_format", x.Format)
	}
	if x.Schema < 1 {
		return nil, model.Usage("err.import_schema", x.Schema)
	}
	if x.Schema > SchemaVersion {
		return nil, model.Refused("err.import_newer", x.Schema, SchemaVersion)
	}
	return &x, nil
}

// checkEventFields holds what an event says about itself (who asked, which
// request) to what jalsa writes there.
func checkEventFields(ev model.Event) error {
	if err := model.CheckText("actor", ev.Actor, model.MaxName, false); err != nil {
		return &model.EventError{Seq: ev.Seq, Type: ev.Type, Err: err}
	}
	if err := model.CheckText("req", ev.Req, maxRequestID, false); err != nil {
		return &model.EventError{Seq: ev.Seq, Type: ev.Type, Err: err}
	}
	return nil
}

// malformedEvent makes an event an export holds that does not even decode
// a malformed export (exit 2), like one a rule refuses says which rule.
func malformedEvent(err error) error {
	var ee *model.EventError
	if errors.As(err, &ee) && model.ExitCode(ee.Err) == 1 {
		return &model.EventError{Seq: ee.Seq, Type: ee.Type, Err: model.Usage("err.import_unreadable", ee.Err.Error())}
	}
	return err
}
