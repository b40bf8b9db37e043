package store

import (
	"bytes"
	"encoding/binary"
	"encoding/json"
	"math"
	"slices"
	"sort"
	"strings"

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
	if err := s.catchUp(); err != nil {
		return nil, err
	}
	s.mu.RLock()
	defer s.mu.RUnlock()
	var out []model.Decision
	err := s.db.View(func(tx *bolt.Tx) error {
		b, err := openIndexBuckets(tx)
		if err != nil {
			return err
		}
		ids := newIndexReader(b).search(q)
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
	// records are the values of docs by block, gathered in one sweep of
	// the bucket: a record is then read in place, without a lookup.
	records [][]byte
	n       int // doc ids are below n
}

func newIndexReader(b indexBuckets) *indexReader {
	r := &indexReader{indexBuckets: b, stats: readStats(b.meta.Get(keyStats))}
	r.n = int(r.stats.next)
	r.records = make([][]byte, r.n>>recordBits+1)
	c := b.docs.Cursor()
	for k, v := c.First(); k != nil; k, v = c.Next() {
		if blk := int(binary.BigEndian.Uint32(k)); blk < len(r.records) {
			r.records[blk] = v
		}
	}
	return r
}

// raw returns the record of doc id in place, nil if there is none.
func (r *indexReader) raw(id uint32) []byte {
	b := r.records[id>>recordBits]
	off := int(id&(1<<recordBits-1)) * recordSize
	if off+recordSize > len(b) {
		return nil
	}
	return b[off : off+recordSize]
}

// length is the length field of doc id's record, read alone for the
// scoring loop.
func (r *indexReader) length(id uint32) uint16 {
	b := r.records[id>>recordBits]
	off := int(id&(1<<recordBits-1))*recordSize + 12
	if off+2 > len(b) {
		return 0
	}
	return binary.BigEndian.Uint16(b[off:])
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
	alts []*postCursor
	df   int
}

type postBlock struct {
	n uint16
	v []byte
}

// postCursor walks the postings of one term in doc order, block by block,
// decoding only the blocks it is asked to enter.
type postCursor struct {
	idf    float32 // times k1+1, the numerator of BM25's saturation
	blocks []postBlock
	bi     int    // current block
	v      []byte // what is left of it
	doc    uint32
	tf     uint8
	done   bool
}

func (c *postCursor) enter(bi int) {
	c.bi = bi
	if bi >= len(c.blocks) {
		c.done = true
		return
	}
	b := c.blocks[bi]
	_, _, c.v = postingsHeader(b.n, b.v)
	c.doc = uint32(b.n) << blockBits
}

// next moves to the next posting; false at the end. The usual case, a
// one-byte gap within the block, is kept small enough to be inlined.
func (c *postCursor) next() bool {
	if v := c.v; len(v) >= 2 && v[0] < 0x80 {
		c.doc += uint32(v[0])
		c.tf = v[1]
		c.v = v[2:]
		return true
	}
	return c.nextSlow()
}

func (c *postCursor) nextSlow() bool {
	for len(c.v) < 2 {
		if c.done {
			return false
		}
		c.enter(c.bi + 1)
		if c.done {
			return false
		}
	}
	gap, k := uint64(c.v[0]), 1
	if gap >= 0x80 {
		if gap, k = binary.Uvarint(c.v); k <= 0 || k >= len(c.v) {
			c.done = true
			return false
		}
	}
	c.doc += uint32(gap)
	c.tf = c.v[k]
	c.v = c.v[k+1:]
	return true
}

// start positions the cursor on its first posting.
func (c *postCursor) start() {
	c.enter(0)
	if !c.done && !c.next() {
		c.done = true
	}
}

// seek moves to the first posting at or after doc, skipping whole blocks
// that end before it; false at the end.
func (c *postCursor) seek(doc uint32) bool {
	if c.done {
		return false
	}
	if c.doc >= doc {
		return true
	}
	if blk := uint16(doc >> blockBits); c.blocks[c.bi].n < blk {
		i, _ := slices.BinarySearchFunc(c.blocks[c.bi:], blk, func(b postBlock, n uint16) int { return int(b.n) - int(n) })
		if c.enter(c.bi + i); c.done || !c.next() {
			c.done = true
			return false
		}
	}
	for c.doc < doc {
		if !c.next() {
			c.done = true
			return false
		}
	}
	return true
}

// cand is a decision matching the words so far, with its score.
type cand struct {
	doc   uint32
	score float32
}

// search returns the ids of the matching decisions, best first.
//
// Words are taken rarest first. The first gives the candidates, the union
// of its alternatives' postings merged in doc order; each next word keeps
// the candidates it also matches, seeking its postings to them. A word
// scores a decision by the best of its alternatives: the exact form, rarer
// than the stem, scores higher. Memory follows the number of matches, not
// the size of the register.
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
	plan := make([]word, 0, len(words))
	for _, alts := range words {
		w := r.plan(alts)
		if w.df == 0 {
			return nil
		}
		plan = append(plan, w)
	}
	slices.SortStableFunc(plan, func(a, b word) int { return a.df - b.df })

	avg := float32(1)
	if r.stats.live > 0 {
		avg = float32(float64(r.stats.total) / float64(r.stats.live))
	}
	normA, normB := float32(bm25K1*(1-bm25B)), float32(bm25K1*bm25B)/avg
	score := func(c *postCursor, doc uint32) float32 {
		t := float32(c.tf)
		return c.idf * t / (t + normA + normB*float32(r.length(doc)))
	}

	var cands []cand
	var best []float32 // per candidate, the current word's best alternative
	for wi, w := range plan {
		for _, c := range w.alts {
			c.start()
		}
		if wi == 0 {
			cands = make([]cand, 0, w.df)
			for {
				doc, any := uint32(math.MaxUint32), false
				for _, c := range w.alts {
					if !c.done && c.doc <= doc {
						doc, any = c.doc, true
					}
				}
				if !any {
					break
				}
				var best float32
				for _, c := range w.alts {
					if !c.done && c.doc == doc {
						best = max(best, score(c, doc))
						c.done = !c.next()
					}
				}
				cands = append(cands, cand{doc, best})
			}
			continue
		}
		// Merge each alternative with the candidates: the postings seek
		// over blocks without candidates, the candidates jump over docs
		// without postings.
		best = append(best[:0], make([]float32, len(cands))...)
		for _, c := range w.alts {
			for j := 0; j < len(cands) && !c.done; {
				switch d := cands[j].doc; {
				case c.doc < d:
					c.seek(d)
				case c.doc > d:
					j += sort.Search(len(cands)-j, func(i int) bool { return cands[j+i].doc >= c.doc })
				default:
					best[j] = max(best[j], score(c, d))
					j++
					c.done = !c.next()
				}
			}
		}
		kept := cands[:0]
		for j, cd := range cands {
			if best[j] > 0 {
				kept = append(kept, cand{cd.doc, cd.score + best[j]})
			}
		}
		if cands = kept; len(cands) == 0 {
			return nil
		}
	}
	rank := ranking{limit: q.Limit}
	if len(pq.Phrases) > 0 {
		rank.limit = 0 // phrases are checked in rank order, below
	}
	for _, cd := range cands {
		if b := r.raw(cd.doc); b != nil && f.passes(b) {
			rec := getRecord(b)
			rank.add(hit{id: cd.doc, score: cd.score, date: rec.date, item: rec.item})
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

// plan gathers the postings of a word's alternatives, without decoding
// them, and their inverse document frequencies.
func (r *indexReader) plan(alts []string) word {
	var w word
	n := float64(r.stats.live)
	c := r.post.Cursor()
	for _, term := range alts {
		prefix := append([]byte(term), 0)
		pc := &postCursor{}
		df := 0
		for k, v := c.Seek(prefix); k != nil && bytes.HasPrefix(k, prefix) && len(k) == len(prefix)+2; k, v = c.Next() {
			pc.blocks = append(pc.blocks, postBlock{binary.BigEndian.Uint16(k[len(prefix):]), v})
			df += postingCount(v)
		}
		if df == 0 {
			continue
		}
		// A positive idf even for a term in every decision: a zero score
		// would read as "not matched".
		idf := max(math.Log(1+(n-float64(df)+0.5)/(float64(df)+0.5)), 1e-6)
		pc.idf = float32(idf * (bm25K1 + 1))
		w.alts = append(w.alts, pc)
		w.df += df
	}
	return w
}

// list is the answer to a query without text: every decision that passes
// the filters, most recent first, read from the records alone.
func (r *indexReader) list(f filter, limit int) []uint32 {
	rank := ranking{limit: limit}
	for blk, v := range r.records {
		base := uint32(blk) << recordBits
		for off := 0; off+recordSize <= len(v); off += recordSize {
			if f.passes(v[off:]) {
				rec := getRecord(v[off:])
				rank.add(hit{id: base + uint32(off/recordSize), date: rec.date, item: rec.item})
			}
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
