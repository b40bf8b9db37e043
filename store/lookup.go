package store

import (
	"bytes"
	"encoding/binary"
	"encoding/json"
	"math"
	"slices"
	"strings"
	"sync"

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

// BM25 parameters, the usual ones.
const (
	bm25K1 = 1.2
	bm25B  = 0.75
)

// Lookup finds decisions matching q, best match first (SPEC §8): every word
// of q.Text must match (a word matches any of its search.QueryTerms), every
// quoted phrase must occur as such in one field; the score is BM25 over the
// fields with the title weighted up, and equal scores put the most recent
// first. Without text, the decisions that pass the filters come most recent
// first. Everything, filters included, is answered from the index.
func (s *Store) Lookup(q Query) ([]model.Decision, error) {
	s.mu.RLock()
	defer s.mu.RUnlock()
	var out []model.Decision
	err := s.db.View(func(tx *bolt.Tx) error {
		b, err := openIndexBuckets(tx)
		if err != nil {
			return err
		}
		st := readStats(b.meta.Get(keyStats))
		r := &indexReader{indexBuckets: b, stats: st, docs: s.docTable(tx, b, st)}
		ids := r.search(q)
		out = make([]model.Decision, 0, len(ids))
		bySession := map[string][]model.Decision{}
		for _, id := range ids {
			key := b.ids.Get(u32(id))
			if len(key) < 2 {
				continue
			}
			d, ok, err := s.decisionAt(tx, key[0], string(key[1:]), bySession)
			if err != nil {
				return err
			}
			if ok {
				out = append(out, d)
			}
		}
		return nil
	})
	return out, err
}

// decisionAt fetches a decision by index source and ref; bySession caches
// the decisions of sessions already met. Callers hold s.mu.
func (s *Store) decisionAt(tx *bolt.Tx, src byte, ref string, bySession map[string][]model.Decision) (model.Decision, bool, error) {
	if src == srcRegister {
		v := tx.Bucket(bucketRegister).Get([]byte(ref))
		if v == nil {
			return model.Decision{}, false, nil
		}
		var d model.Decision
		err := json.Unmarshal(v, &d)
		return d, err == nil, err
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
func (s *Store) Decision(ref string) (model.Decision, error) {
	s.mu.RLock()
	defer s.mu.RUnlock()
	var d model.Decision
	found := false
	err := s.db.View(func(tx *bolt.Tx) error {
		var err error
		d, found, err = s.decisionAt(tx, srcSession, ref, map[string][]model.Decision{})
		if found || err != nil {
			return err
		}
		d, found, err = s.decisionAt(tx, srcRegister, ref, nil)
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
	docs  *docTable
}

// docTable is the index's records in memory, with each decision's BM25
// length normalisation: the scoring loop reads them for every posting, so
// they are decoded once per version of the file rather than per query.
type docTable struct {
	txid int
	recs []record
	norm []float32 // k1·(1-b+b·length/average length)
}

// docTable returns the records as of tx, reusing the cached table while no
// write has committed since it was built (bbolt's tx id counts commits).
func (s *Store) docTable(tx *bolt.Tx, b indexBuckets, st indexStats) *docTable {
	if t := s.docs.Load(); t != nil && t.txid == tx.ID() {
		return t
	}
	t := &docTable{txid: tx.ID(), recs: make([]record, st.next), norm: make([]float32, st.next)}
	avg := float32(1)
	if st.live > 0 {
		avg = float32(float64(st.total) / float64(st.live))
	}
	normA, normB := float32(bm25K1*(1-bm25B)), float32(bm25K1*bm25B)/avg
	c := b.docs.Cursor()
	for k, v := c.First(); k != nil; k, v = c.Next() {
		id := binary.BigEndian.Uint32(k) << recordBits
		for off := 0; off+recordSize <= len(v) && int(id) < len(t.recs); off, id = off+recordSize, id+1 {
			r := getRecord(v[off:])
			t.recs[id], t.norm[id] = r, normA+normB*float32(r.length)
		}
	}
	s.docs.Store(t)
	return t
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

func (f *filter) pass(r record) bool {
	return r.flags&flagLive != 0 &&
		(!f.bySession || r.session == f.session) &&
		r.date >= f.since && r.date <= f.until &&
		(f.outcome == 0 || r.outcome == f.outcome) &&
		(f.kind == 0 || r.kind == f.kind)
}

// hit is a matching decision with its rank keys.
type hit struct {
	id    uint32
	score float32
	date  uint32
	item  uint16
}

// before orders hits best first: score, then the most recent, then the
// later item, then the later indexed.
func (a hit) before(b hit) bool {
	switch {
	case a.score != b.score:
		return a.score > b.score
	case a.date != b.date:
		return a.date > b.date
	case a.item != b.item:
		return a.item > b.item
	}
	return a.id > b.id
}

// ranking collects hits and gives the best first. With a limit it keeps
// only that many, in a heap whose root is the worst kept, so ranking
// thousands of matches for the usual 20 costs one comparison each.
type ranking struct {
	limit int
	hits  []hit
}

func (r *ranking) add(h hit) {
	if r.limit <= 0 {
		r.hits = append(r.hits, h)
		return
	}
	hs := r.hits
	if len(hs) < r.limit {
		hs = append(hs, h)
		for i := len(hs) - 1; i > 0; {
			p := (i - 1) / 2
			if !hs[p].before(hs[i]) {
				break
			}
			hs[p], hs[i] = hs[i], hs[p]
			i = p
		}
		r.hits = hs
		return
	}
	if !h.before(hs[0]) {
		return
	}
	hs[0] = h
	for i := 0; ; {
		worst, l, rt := i, 2*i+1, 2*i+2
		if l < len(hs) && hs[worst].before(hs[l]) {
			worst = l
		}
		if rt < len(hs) && hs[worst].before(hs[rt]) {
			worst = rt
		}
		if worst == i {
			break
		}
		hs[i], hs[worst] = hs[worst], hs[i]
		i = worst
	}
}

// ids returns the kept hits' ids, best first.
func (r *ranking) ids() []uint32 {
	slices.SortFunc(r.hits, func(a, b hit) int {
		if a.before(b) {
			return -1
		}
		return 1
	})
	out := make([]uint32, len(r.hits))
	for i, h := range r.hits {
		out[i] = h.id
	}
	return out
}

// word is one query word: the postings of each of its alternatives.
type word struct {
	alts []alt
	df   int
}

type alt struct {
	idf    float32
	blocks []postBlock
}

type postBlock struct {
	n uint16
	v []byte
}

// scratch holds the per-doc arrays of one query; pooled because their size
// is the number of decisions.
type scratch struct {
	score   []float32
	best    []float32
	matched []uint16
	touched []uint32
	blocks  []bool
	// postings holds the blocks of every term of the query; they point
	// into the transaction's memory map, so search clears them after use.
	postings []postBlock
}

var scratchPool = sync.Pool{New: func() any { return &scratch{} }}

func (sc *scratch) reset(n int) {
	sc.score = resize(sc.score, n)
	sc.best = resize(sc.best, n)
	sc.matched = resize(sc.matched, n)
	sc.blocks = resize(sc.blocks, n>>blockBits+1)
	sc.touched = sc.touched[:0]
	sc.postings = sc.postings[:0]
}

// resize returns s cleared, with length n.
func resize[T any](s []T, n int) []T {
	if cap(s) < n {
		return make([]T, n)
	}
	s = s[:n]
	clear(s)
	return s
}

// search returns the ids of the matching decisions, best first.
func (r *indexReader) search(q Query) []uint32 {
	f := r.filter(q)
	if f.matchesNothing {
		return nil
	}
	pq := search.ParseQuery(q.Text)
	var words [][]string
	words = append(words, pq.Words...)
	for _, p := range pq.Phrases {
		for _, t := range p {
			words = append(words, search.Terms(t))
		}
	}
	if len(words) == 0 {
		if strings.TrimSpace(q.Text) != "" {
			return nil // nothing searchable, e.g. only punctuation
		}
		return r.list(f, q.Limit)
	}
	words = words[:min(len(words), math.MaxUint16-1)]
	sc := scratchPool.Get().(*scratch)
	defer func() {
		clear(sc.postings) // no pointers into the map once the tx is over
		scratchPool.Put(sc)
	}()
	n := len(r.docs.recs)
	sc.reset(n)
	plan := make([]word, 0, len(words))
	for _, alts := range words {
		w := r.plan(alts, sc)
		if w.df == 0 {
			return nil
		}
		plan = append(plan, w)
	}
	// Rarest word first: later words only look at the blocks where
	// candidates are left.
	sortWords(plan)

	norm, matched, best := r.docs.norm, sc.matched, sc.best
	for wi, w := range plan {
		stamp := uint16(wi)
		touched := sc.touched[:0]
		for _, a := range w.alts {
			idf := a.idf * (bm25K1 + 1)
			for _, blk := range a.blocks {
				if wi > 0 && (int(blk.n) >= len(sc.blocks) || !sc.blocks[blk.n]) {
					continue
				}
				// decodePostings, inlined: this loop is the lookup.
				cnt, _, v := postingsHeader(blk.n, blk.v)
				d := uint32(blk.n) << blockBits
				for ; cnt > 0 && len(v) > 1; cnt-- {
					gap, k := uint64(v[0]), 1
					if gap >= 0x80 {
						gap, k = binary.Uvarint(v)
						if k <= 0 || k >= len(v) {
							break
						}
					}
					d += uint32(gap)
					t := float32(v[k])
					v = v[k+1:]
					if int(d) >= n || matched[d] != stamp {
						continue
					}
					s := idf * t / (t + norm[d])
					if best[d] == 0 {
						touched = append(touched, d)
					}
					if s > best[d] {
						best[d] = s
					}
				}
			}
		}
		sc.touched = touched
		if len(touched) == 0 {
			return nil
		}
		clear(sc.blocks)
		for _, d := range touched {
			sc.score[d] += best[d]
			best[d] = 0
			matched[d] = stamp + 1
			sc.blocks[d>>blockBits] = true
		}
	}
	rank := ranking{limit: q.Limit}
	if len(pq.Phrases) > 0 {
		rank.limit = 0 // phrases are checked in rank order, below
	}
	for _, d := range sc.touched {
		if rec := r.docs.recs[d]; f.pass(rec) {
			rank.add(hit{id: d, score: sc.score[d], date: rec.date, item: rec.item})
		}
	}
	ids := rank.ids()
	if len(pq.Phrases) == 0 {
		return ids
	}
	out := ids[:0]
	for _, id := range ids {
		if r.hasPhrases(id, pq.Phrases) {
			out = append(out, id)
			if len(out) == q.Limit {
				break
			}
		}
	}
	return out
}

func sortWords(ws []word) {
	for i := 1; i < len(ws); i++ {
		for j := i; j > 0 && ws[j].df < ws[j-1].df; j-- {
			ws[j], ws[j-1] = ws[j-1], ws[j]
		}
	}
}

// plan gathers the postings of a word's alternatives, without decoding
// them, and their inverse document frequencies.
// The blocks are appended to sc.postings, reused from query to query.
func (r *indexReader) plan(alts []string, sc *scratch) word {
	var w word
	n := float64(r.stats.live)
	c := r.post.Cursor()
	for _, term := range alts {
		prefix := append([]byte(term), 0)
		var a alt
		df, first := 0, len(sc.postings)
		for k, v := c.Seek(prefix); k != nil && bytes.HasPrefix(k, prefix) && len(k) == len(prefix)+2; k, v = c.Next() {
			sc.postings = append(sc.postings, postBlock{binary.BigEndian.Uint16(k[len(prefix):]), v})
			df += postingCount(v)
		}
		if df == 0 {
			continue
		}
		a.blocks = sc.postings[first:len(sc.postings):len(sc.postings)]
		// A positive idf even for a term in every decision: a zero score
		// would read as "not matched" in the scoring loop.
		a.idf = float32(max(math.Log(1+(n-float64(df)+0.5)/(float64(df)+0.5)), 1e-6))
		w.alts = append(w.alts, a)
		w.df += df
	}
	return w
}

// list is the answer to a query without text: every decision that passes
// the filters, most recent first, read from the records alone.
func (r *indexReader) list(f filter, limit int) []uint32 {
	rank := ranking{limit: limit}
	for id, rec := range r.docs.recs {
		if f.pass(rec) {
			rank.add(hit{id: uint32(id), date: rec.date, item: rec.item})
		}
	}
	return rank.ids()
}

// hasPhrases checks the quoted phrases against the stored tokens of a
// decision: each must occur within one field.
func (r *indexReader) hasPhrases(id uint32, phrases [][]string) bool {
	var fields [][]string
	forEachPart(r.toks.Get(u32(id)), func(_ int, tokens []byte) {
		fields = append(fields, strings.Fields(string(tokens)))
	})
	for _, p := range phrases {
		found := false
		for _, toks := range fields {
			if search.PhraseMatch(toks, p) {
				found = true
				break
			}
		}
		if !found {
			return false
		}
	}
	return true
}
