package store

import (
	"bytes"
	"encoding/binary"
	"encoding/json"
	"fmt"

	"github.com/jalsa-app/jalsa/model"
	bolt "go.etcd.io/bbolt"
)

// A past decision is kept once: in the register event that recorded it,
// as a JSON object inside the event's rows. Bucket "register" maps each
// ref to where its row lies (register pointer: uvarint event seq, offset
// and length of the row in the stored event), so that `show`, a lookup's
// results and the check for refs given twice read one row in place without
// decoding the thousand rows around it. Events are never rewritten, so a
// pointer stays true for the life of the file.
//
// The key importMarkerKey, which no ref can take (a ref starts with a
// letter or digit), holds the import under way, if any (importer.go).

// rowSpan is where a row lies in its event's stored bytes.
type rowSpan struct {
	off, n int
}

func (sp rowSpan) pointer(seq uint64) []byte {
	b := binary.AppendUvarint(nil, seq)
	b = binary.AppendUvarint(b, uint64(sp.off))
	return binary.AppendUvarint(b, uint64(sp.n))
}

// readPointer reads a register pointer; ok is false for a damaged one.
func readPointer(v []byte) (seq uint64, sp rowSpan, ok bool) {
	var xs [3]uint64
	for i := range xs {
		x, k := binary.Uvarint(v)
		if k <= 0 {
			return 0, rowSpan{}, false
		}
		xs[i], v = x, v[k:]
	}
	return xs[0], rowSpan{int(xs[1]), int(xs[2])}, len(v) == 0
}

// registerBucket is the register's pointers, filled in ref order by imports.
func registerBucket(tx *bolt.Tx) *bolt.Bucket {
	b := tx.Bucket(bucketRegister)
	b.FillPercent = 1.0
	return b
}

// clearRegisterPointers empties the register bucket but for the import
// marker: the pointers are made again from the events.
func clearRegisterPointers(tx *bolt.Tx) error {
	marker := bytes.Clone(tx.Bucket(bucketRegister).Get(importMarkerKey))
	if err := tx.DeleteBucket(bucketRegister); err != nil {
		return err
	}
	b, err := tx.CreateBucket(bucketRegister)
	if err != nil || marker == nil {
		return err
	}
	return b.Put(importMarkerKey, marker)
}

// registerRows finds the rows of a stored register event: each element of
// data.rows, in order. It also accepts the bytes of the event's data alone.
func registerRows(raw []byte) ([]rowSpan, error) {
	dec := json.NewDecoder(bytes.NewReader(raw))
	// Walk to the rows array: into objects, past the values of other keys.
	depth := 0
	for {
		tok, err := dec.Token()
		if err != nil {
			return nil, fmt.Errorf("register event: %w", err)
		}
		switch tok {
		case json.Delim('{'):
			depth++
			continue
		case json.Delim('}'):
			return nil, fmt.Errorf("register event without rows")
		}
		key, ok := tok.(string)
		if !ok {
			return nil, fmt.Errorf("register event: unexpected %v", tok)
		}
		if key == "data" && depth == 1 {
			continue // its object opens next
		}
		if key == "rows" {
			break
		}
		var skip json.RawMessage
		if err := dec.Decode(&skip); err != nil {
			return nil, fmt.Errorf("register event: %w", err)
		}
	}
	if tok, err := dec.Token(); err != nil || tok != json.Delim('[') {
		return nil, fmt.Errorf("register event: rows is not a list")
	}
	var spans []rowSpan
	for dec.More() {
		start := int(dec.InputOffset())
		for start < len(raw) && bytes.IndexByte([]byte(" \t\r\n,"), raw[start]) >= 0 {
			start++
		}
		var row json.RawMessage
		if err := dec.Decode(&row); err != nil {
			return nil, fmt.Errorf("register event: row %d: %w", len(spans)+1, err)
		}
		end := int(dec.InputOffset())
		if !bytes.Equal(bytes.TrimSpace(raw[start:end]), row) {
			return nil, fmt.Errorf("register event: row %d is not where it was read", len(spans)+1)
		}
		spans = append(spans, rowSpan{start, end - start})
	}
	return spans, nil
}

// isRegisterEvent tells a register event from its stored bytes, without
// decoding it: its type comes before its data.
func isRegisterEvent(raw []byte) bool {
	i := bytes.Index(raw, []byte(`"type":`))
	return i >= 0 && bytes.HasPrefix(raw[i+len(`"type":`):], []byte(`"register"`))
}

// forEachRegisterRow calls fn with every row of every register event, in
// the order of the events.
func forEachRegisterRow(tx *bolt.Tx, fn func(seq uint64, sp rowSpan, d model.Decision) error) error {
	return tx.Bucket(bucketEvents).ForEach(func(k, v []byte) error {
		if !isRegisterEvent(v) {
			return nil
		}
		seq := binary.BigEndian.Uint64(k)
		spans, err := registerRows(v)
		if err != nil {
			return fmt.Errorf("event %d: %w", seq, err)
		}
		for _, sp := range spans {
			var d model.Decision
			if err := json.Unmarshal(v[sp.off:sp.off+sp.n], &d); err != nil {
				return fmt.Errorf("event %d: %w", seq, err)
			}
			if err := fn(seq, sp, d); err != nil {
				return err
			}
		}
		return nil
	})
}

// registerRow reads the past decision ref from its event; ok is false when
// the register has no such row, or only in an import under way.
func registerRow(tx *bolt.Tx, ref string, pending *importMarker) (model.Decision, bool, error) {
	v := tx.Bucket(bucketRegister).Get([]byte(ref))
	if v == nil {
		return model.Decision{}, false, nil
	}
	seq, sp, ok := readPointer(v)
	if !ok {
		return model.Decision{}, false, fmt.Errorf("register: the pointer of %s is damaged (jalsa verify --repair-index rebuilds it)", ref)
	}
	if pending.holds(seq) {
		return model.Decision{}, false, nil
	}
	ev := tx.Bucket(bucketEvents).Get(seqKey(seq))
	if sp.off < 0 || sp.n <= 0 || sp.off+sp.n > len(ev) {
		return model.Decision{}, false, fmt.Errorf("register: %s points outside event %d (jalsa verify --repair-index rebuilds it)", ref, seq)
	}
	var d model.Decision
	if err := json.Unmarshal(ev[sp.off:sp.off+sp.n], &d); err != nil {
		return model.Decision{}, false, fmt.Errorf("register: %s in event %d: %w", ref, seq, err)
	}
	if d.Ref != ref {
		return model.Decision{}, false, fmt.Errorf("register: %s points to %s in event %d (jalsa verify --repair-index rebuilds it)", ref, d.Ref, seq)
	}
	return d, true, nil
}
