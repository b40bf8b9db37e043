package store

import (
	"bytes"
	"encoding/binary"
	"math"
	"os"
	"strings"
	"sync"
	"time"

	"github.com/jalsa-app/jalsa/i18n"
	"github.com/jalsa-app/jalsa/model"
	"github.com/jalsa-app/jalsa/search"
	bolt "go.etcd.io/bbolt"
)

// Query is a decision lookup.
type Query struct {
	Text    string
	Session string
	Since   string // YYYY-MM-DD, inclusive
	Until   string // YYYY-MM-DD, inclusive
	Outcome string
	Kind    string
	Limit   int
}

// Result is the answer to a lookup.
type Result struct {
	Decisions []model.Decision
	// ShowingFor is set when the decisions answer another query than the
	// one asked: the query with its words that found little replaced by
	// the nearest words of the index (typos). Callers say so ("showing
	// results for …", ShowingForMessage).
	ShowingFor string
}

// ShowingForMessage is how a lookup tells, in lang, that it answers
// another query than the one typed.
func ShowingForMessage(lang, query string) string { return i18n.T(lang, "store.showing_for", query) }

// BM25 parameters, the usual ones.
const (
	bm25K1 = 1.2
	bm25B  = 0.75
)

// fewHits is how few decisions a lookup finds before it tries the words of
// the index nearest to its rarest words.
const fewHits = 3

// Lookup is Search without the note on what it answered.
func (s *Store) Lookup(q Query) (ds []model.Decision, err error) {
	defer shield(s.path, &err)()
	r, err := s.Search(q)
	return r.Decisions, err
}

// Search finds decisions matching q, best match first (SPEC §8).
//
// A query that is a decision's reference (2024-10/8, 2024-10/10/III.2)
// finds that decision, with the lines of an item; a session's id finds the
// session's decisions in agenda order. Otherwise every word of q.Text must
// match (search.ParseQuery: by its own forms, its thesaurus group or its
// stem) and every quoted phrase occur in one field. Decisions rank by how
// well their words match (search.Level, summed over the words), then by
// BM25 over the fields with the title weighted up, then the most recent
// first. When that finds little, words of the index within a typo or two
// of the rarest query words are tried instead (Result.ShowingFor). Without
// text, the decisions that pass the filters come most recent first.
// Everything, filters included, is answered from the index.
func (s *Store) Search(q Query) (res Result, err error) {
	defer shield(s.path, &err)()
	if err := s.catchUp(); err != nil {
		return Result{}, err
	}
	th := s.thesaurus()
	s.mu.RLock()
	defer s.mu.RUnlock()
	var out Result
	err = s.db.View(func(tx *bolt.Tx) error {
		b, err := openIndexBuckets(tx)
		if err != nil {
			return err
		}
		marker, err := readImportMarker(tx)
		if err != nil {
			return err
		}
		r := newIndexReader(b, marker)
		bySession := map[string][]model.Decision{}
		fetch := func(id uint32) (model.Decision, bool, error) {
			key := b.ids.Get(u32(id))
			if len(key) < 2 {
				return model.Decision{}, false, nil
			}
			return s.decisionAt(tx, key[0], string(key[1:]), bySession, marker)
		}
		ids, err := r.answer(q, th, fetch, &out)
		if err != nil {
			return err
		}
		out.Decisions = make([]model.Decision, 0, len(ids))
		for _, id := range ids {
			d, ok, err := fetch(id)
			if err != nil {
				return err
			}
			if ok {
				out.Decisions = append(out.Decisions, d)
			}
		}
		return nil
	})
	return out, err
}

// thesaurus is jalsa's own, with the groups of the body's file beside the
// database (PATH.thesaurus) when there is one: read again when it changes,
// so a clerk's new group works at the next lookup.
func (s *Store) thesaurus() *search.Thesaurus {
	path := s.path + ".thesaurus"
	fi, err := os.Stat(path)
	if err != nil {
		return search.Builtin()
	}
	if c, ok := thesauri.Load(path); ok {
		if c := c.(*bodyThesaurus); c.mod.Equal(fi.ModTime()) && c.size == fi.Size() {
			return c.th
		}
	}
	data, err := os.ReadFile(path)
	if err != nil {
		return search.Builtin()
	}
	c := &bodyThesaurus{th: search.Builtin().With(string(data)), mod: fi.ModTime(), size: fi.Size()}
	thesauri.Store(path, c)
	return c.th
}

// thesauri caches the body thesauri read, by path.
var thesauri sync.Map

type bodyThesaurus struct {
	th   *search.Thesaurus
	mod  time.Time
	size int64
}

// decisionAt fetches a decision by index source and ref; bySession caches
// the decisions of sessions already met. A register row of an import under
// way is not there yet. Callers hold s.mu.
func (s *Store) decisionAt(tx *bolt.Tx, src byte, ref string, bySession map[string][]model.Decision, marker *importMarker) (model.Decision, bool, error) {
	if src == srcRegister {
		return registerRow(tx, ref, marker)
	}
	sid, _, _ := strings.Cut(ref, "/")
	ds, ok := bySession[sid]
	if !ok {
		if sess := s.state.Sessions[sid]; sess != nil {
			ds = s.state.Decisions(sess)
		}
		bySession[sid] = ds
	}
	for _, d := range ds {
		if d.Ref == ref {
			return d, true, nil
		}
	}
	return model.Decision{}, false, nil
}

// Decision returns the decision with reference ref (SESSION/ITEM[/LINE]),
// from a session of the record or from the past register.
func (s *Store) Decision(ref string) (dec model.Decision, err error) {
	defer shield(s.path, &err)()
	s.mu.RLock()
	defer s.mu.RUnlock()
	var d model.Decision
	found := false
	err = s.db.View(func(tx *bolt.Tx) error {
		var err error
		d, found, err = s.decisionAt(tx, srcSession, ref, map[string][]model.Decision{}, nil)
		if found || err != nil {
			return err
		}
		marker, err := readImportMarker(tx)
		if err != nil {
			return err
		}
		d, found, err = s.decisionAt(tx, srcRegister, ref, nil, marker)
		return err
	})
	if err != nil {
		return model.Decision{}, err
	}
	if !found {
		return model.Decision{}, model.NotFound("err.decision_not_found", ref)
	}
	return d, nil
}

// indexReader answers queries within one read transaction. Values it holds
// point into bbolt's memory map and die with the transaction.
type indexReader struct {
	indexBuckets
	stats indexStats
	// records are the values of docs by block, read when first needed.
	records   [][]byte
	read      []bool
	recCursor *bolt.Cursor
	pending   docRanges
	avg       float32
	// normA and normB are BM25's length normalisation: normA + normB *
	// length.
	normA, normB float32
}

func newIndexReader(b indexBuckets, marker *importMarker) *indexReader {
	r := &indexReader{indexBuckets: b, stats: readStats(b.meta.Get(keyStats)), avg: 1}
	n := int(r.stats.next)>>recordBits + 1
	r.records, r.read = make([][]byte, n), make([]bool, n)
	if marker != nil {
		r.pending = marker.Docs
	}
	if r.stats.live > 0 {
		r.avg = float32(float64(r.stats.total) / float64(r.stats.live))
	}
	r.normA, r.normB = float32(bm25K1*(1-bm25B)), float32(bm25K1*bm25B)/r.avg
	return r
}

// raw returns the record of doc id in place, nil if there is none.
func (r *indexReader) raw(id uint32) []byte {
	blk := int(id >> recordBits)
	if blk >= len(r.records) {
		return nil
	}
	if !r.read[blk] {
		r.readRecords(blk)
	}
	b := r.records[blk]
	off := int(id&(1<<recordBits-1)) * recordSize
	if off+recordSize > len(b) {
		return nil
	}
	return b[off : off+recordSize]
}

// readRecords reads the block of records blk. Lookups read records in doc
// order, so a cursor that moves on from the last block read costs a step
// where a Get would walk the tree from its root.
func (r *indexReader) readRecords(blk int) {
	want := u32(uint32(blk))
	var k, v []byte
	if r.recCursor == nil {
		r.recCursor = r.docs.Cursor()
		k, v = r.recCursor.Seek(want)
	} else if k, v = r.recCursor.Next(); k != nil && bytes.Compare(k, want) < 0 {
		k, v = r.recCursor.Seek(want)
	} else if k == nil || bytes.Compare(k, want) > 0 {
		k, v = r.recCursor.Seek(want)
	}
	r.read[blk] = true
	if bytes.Equal(k, want) {
		r.records[blk] = v
	}
}

// length is the length field of doc id's record, for the scoring loop.
func (r *indexReader) length(id uint32) uint16 {
	if b := r.raw(id); b != nil {
		return binary.BigEndian.Uint16(b[12:])
	}
	return 0
}

// filter is a Query's filters in record terms.
type filter struct {
	session        uint32
	bySession      bool
	since, until   uint32
	outcome, kind  uint8
	matchesNothing bool
}

func (r *indexReader) filter(q Query) filter {
	f := filter{until: math.MaxUint32}
	if q.Session != "" {
		v := r.sess.Get([]byte(q.Session))
		f.matchesNothing = v == nil
		if v != nil {
			f.session, f.bySession = binary.BigEndian.Uint32(v), true
		}
	}
	if q.Since != "" {
		f.since = dateCode(q.Since)
	}
	if q.Until != "" {
		f.until = dateCode(q.Until)
	}
	if q.Outcome != "" {
		f.outcome = outcomeCode(model.Outcome(q.Outcome))
		f.matchesNothing = f.matchesNothing || f.outcome == 0
	}
	if q.Kind != "" {
		f.kind = kindCode(q.Kind)
		f.matchesNothing = f.matchesNothing || f.kind == 0
	}
	return f
}

// passes tells whether a record, read in place, passes the filters; it
// reads only what they need, since a listing without text checks every
// record of the index.
func (f *filter) passes(b []byte) bool {
	if b[10]&flagLive == 0 || (f.outcome != 0 && b[8] != f.outcome) || (f.kind != 0 && b[9] != f.kind) {
		return false
	}
	if d := binary.BigEndian.Uint32(b); d < f.since || d > f.until {
		return false
	}
	return !f.bySession || binary.BigEndian.Uint32(b[4:]) == f.session
}

// visible tells whether doc id passes the filters and is not part of an
// import under way.
func (r *indexReader) visible(f *filter, id uint32) ([]byte, bool) {
	b := r.raw(id)
	if b == nil || !f.passes(b) || r.pending.contains(id) {
		return nil, false
	}
	return b, true
}

// answer is the ids of the decisions q finds, best first; it notes in out
// a query rewritten for typos.
func (r *indexReader) answer(q Query, th *search.Thesaurus, fetch func(uint32) (model.Decision, bool, error), out *Result) ([]uint32, error) {
	f := r.filter(q)
	if f.matchesNothing {
		return nil, nil
	}
	if strings.TrimSpace(q.Text) == "" {
		return r.list(f, q.Limit), nil
	}
	if ids := r.reference(q.Text, &f, q.Limit); ids != nil {
		return ids, nil
	}
	pq := search.ParseQuery(q.Text, th)
	ids, dfs, err := r.search(pq, &f, q.Limit, fetch)
	if err != nil || len(ids) >= fewHits {
		return ids, err
	}
	fix := r.corrections(pq, dfs)
	if len(fix) == 0 {
		return ids, nil
	}
	text := pq.Rewrite(fix)
	fixed, _, err := r.search(search.ParseQuery(text, th), &f, q.Limit, fetch)
	if err != nil || len(fixed) <= len(ids) {
		return ids, err
	}
	out.ShowingFor = text
	return fixed, nil
}

// list is the answer to a query without text: every decision that passes
// the filters, most recent first, read from the records alone.
func (r *indexReader) list(f filter, limit int) []uint32 {
	rank := ranking{limit: limit}
	c := r.docs.Cursor()
	for k, v := c.First(); k != nil; k, v = c.Next() {
		base := binary.BigEndian.Uint32(k) << recordBits
		for off := 0; off+recordSize <= len(v); off += recordSize {
			id := base + uint32(off/recordSize)
			if f.passes(v[off:]) && !r.pending.contains(id) {
				rec := getRecord(v[off:])
				rank.add(hit{id: id, date: rec.date, item: rec.item})
			}
		}
	}
	return rank.ids()
}

func init() {
	i18n.Register(map[string]i18n.Text{
		"store.showing_for": {En: "showing results for «%s»", Fr: "résultats pour « %s »", Ar: "عرض نتائج «%s»"},
	})
}
