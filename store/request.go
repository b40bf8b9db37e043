package store

import (
	"bytes"
	"crypto/rand"
	"encoding/hex"
	"encoding/json"
	"strconv"
	"strings"
	"time"

	"github.com/jalsa-app/jalsa/model"
	bolt "go.etcd.io/bbolt"
)

// Exactly once (SPEC §11): every write carries the id of the request it
// answers, made by the process that asks, and the event records it. A
// client whose owner died before replying cannot tell whether the command
// was carried out; it looks its id up (Recorded) instead of running the
// command blindly a second time.

// Origin is who asks for a change, when, and which of their requests it
// answers.
type Origin struct {
	Actor string
	// Time stamps the event; the store's clock when zero.
	Time time.Time
	// Request is the id NewRequestID made for the request; Record makes
	// one when it is empty.
	Request string
}

// NewRequestID makes the id of one request: the time it was made, which
// tells Recorded how far back to look, and 64 random bits.
func NewRequestID() string {
	var b [8]byte
	_, _ = rand.Read(b[:])
	return strconv.FormatInt(time.Now().UnixMilli(), 36) + "-" + hex.EncodeToString(b[:])
}

// maxRequestID bounds the id a client may give: NewRequestID's take 28.
const maxRequestID = 64

// lookBack is how long before a request's time Recorded still looks.
// Events are stamped after the request is made, on the same machine; the
// margin covers a clock stepped back in between.
const lookBack = 10 * time.Minute

// lookAtMost bounds the events Recorded reads for an id that does not say
// when it was made.
const lookAtMost = 1000

var keyImportRequest = []byte("import-request")

// Recorded returns the last event that answers request id, if any. An
// import of an export, whose events keep the ids they were exported with,
// answers its request with its last event.
func (s *Store) Recorded(id string) (ev model.Event, ok bool, err error) {
	if id == "" {
		return model.Event{}, false, nil
	}
	defer shield(s.path, &err)()
	since, timed := requestTime(id)
	since = since.Add(-lookBack)
	err = s.db.View(func(tx *bolt.Tx) error {
		if v := tx.Bucket(bucketMeta).Get(keyImportRequest); v != nil {
			if req, seq, _ := strings.Cut(string(v), " "); req == id {
				n, _ := strconv.ParseUint(seq, 10, 64)
				ok = true
				return json.Unmarshal(tx.Bucket(bucketEvents).Get(seqKey(n)), &ev)
			}
		}
		c := tx.Bucket(bucketEvents).Cursor()
		read := 0
		for k, v := c.Last(); k != nil; k, v = c.Prev() {
			at, req, err := eventHead(v)
			if err != nil {
				return damaged(s.path, eventPlace(k), err)
			}
			if req == id {
				ok = true
				return json.Unmarshal(v, &ev)
			}
			read++
			if (timed && at.Before(since)) || (!timed && read >= lookAtMost) {
				return nil
			}
		}
		return nil
	})
	return ev, ok, err
}

// requestTime reads the time NewRequestID wrote into id.
func requestTime(id string) (time.Time, bool) {
	ms, _, found := strings.Cut(id, "-")
	n, err := strconv.ParseInt(ms, 36, 64)
	if !found || err != nil {
		return time.Time{}, false
	}
	return time.UnixMilli(n), true
}

// eventHead reads an event's time and request id from its stored bytes
// without reading the rest: model.Event writes them before its data, which
// for a register event is a megabyte.
func eventHead(raw []byte) (at time.Time, req string, err error) {
	dec := json.NewDecoder(bytes.NewReader(raw))
	if _, err := dec.Token(); err != nil {
		return at, "", err
	}
	for dec.More() {
		key, err := dec.Token()
		if err != nil {
			return at, "", err
		}
		switch key {
		case "seq":
			var n uint64
			err = dec.Decode(&n)
		case "time":
			err = dec.Decode(&at)
		case "req":
			err = dec.Decode(&req)
		default:
			return at, req, nil
		}
		if err != nil {
			return at, "", err
		}
	}
	return at, req, nil
}
