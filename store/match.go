package store

import (
	"bytes"
	"encoding/binary"
	"math"
	"slices"
	"strings"
	"unicode/utf8"

	"github.com/jalsa-app/jalsa/i18n"
	"github.com/jalsa-app/jalsa/model"
	"github.com/jalsa-app/jalsa/search"
)

// slotHit is a decision matching one slot of a query: the best level it
// matches at, whether only weakly (search.Alt.Weak), and its score there.
type slotHit struct {
	doc   uint32
	level search.Level
	weak  bool
	score float32
}

// better tells whether a matches a slot better than b: strong before weak,
// then the higher level.
func (a slotHit) better(b slotHit) bool {
	if a.weak != b.weak {
		return !a.weak
	}
	return a.level > b.level
}

// combine keeps the better match of one decision and the higher score.
func combine(a, b slotHit) slotHit {
	best := a
	if b.better(a) {
		best = b
	}
	best.score = max(a.score, b.score)
	return best
}

// mergeHits merges two lists sorted by doc, combining a doc in both.
func mergeHits(a, b []slotHit) []slotHit {
	if len(a) == 0 {
		return b
	}
	if len(b) == 0 {
		return a
	}
	out := make([]slotHit, 0, len(a)+len(b))
	i, j := 0, 0
	for i < len(a) && j < len(b) {
		switch {
		case a[i].doc < b[j].doc:
			out = append(out, a[i])
			i++
		case b[j].doc < a[i].doc:
			out = append(out, b[j])
			j++
		default:
			out = append(out, combine(a[i], b[j]))
			i++
			j++
		}
	}
	out = append(out, a[i:]...)
	return append(out, b[j:]...)
}

// termInfo is what a query needs of a term before reading its postings.
type termInfo struct {
	id  uint32
	df  int
	idf float32 // times k1+1, the numerator of BM25's saturation
}

// termCache keeps the terms a query met: the same term often serves
// several alternatives (folded and exact lookups share keys).
type termCache map[string]termInfo

// term reads a term's id and df from the vocabulary.
func (r *indexReader) term(t search.Term, cache termCache) termInfo {
	key := t.Key()
	if ti, ok := cache[key]; ok {
		return ti
	}
	var ti termInfo
	if v := r.vocab.Get([]byte(key)); v != nil {
		id, df := readVocab(v)
		if df > 0 {
			n := float64(r.stats.live)
			// A positive idf even for a term in every decision: a zero
			// score would read as "not matched".
			ti = termInfo{id: id, df: int(df),
				idf: float32(max(math.Log(1+(n-float64(df)+0.5)/(float64(df)+0.5)), 1e-6) * (bm25K1 + 1))}
		}
	}
	cache[key] = ti
	return ti
}

// lastBlock is the number of the highest block of postings.
func (r *indexReader) lastBlock() uint16 {
	if r.stats.next == 0 {
		return 0
	}
	return uint16((r.stats.next - 1) >> blockBits)
}

// score is BM25 for one posting, scaled by the level's weight.
func (r *indexReader) score(w float32, ti termInfo, code uint8, doc uint32) float32 {
	tf := tfWeight(code)
	return w * ti.idf * tf / (tf + r.normA + r.normB*float32(r.length(doc)))
}

// scoreOf is score for a candidate, whose length is read once.
func (r *indexReader) scoreOf(w float32, ti termInfo, code uint8, c *matched) float32 {
	tf := tfWeight(code)
	return w * ti.idf * tf / (tf + r.normA + r.normB*r.lengthOf(c))
}

// firstSlot reads the slot that starts a search whole and returns the
// decisions it matches, in doc order: a table by doc id keeps each one's
// best match, so that the postings of all its terms are merged in one
// pass, and their scores wait for the ranking (matched.wi). An entry of
// the table is four bytes, the term read from a list of the slot's terms.
// Alternatives below floor are left unread (search says when that cannot
// change the answer).
func (r *indexReader) firstSlot(s search.Slot, cache termCache, floor search.Level) []matched {
	type best struct {
		level search.Level // 0: no match
		weak  bool
		term  uint8 // index in terms; entry for an entry of several words
		code  uint8 // tf code
	}
	const entry = 255
	table := make([]best, r.stats.next)
	var wis []float32               // by term: level weight times idf
	entries := map[uint32]float32{} // scores of entries of several words
	proxy := func(b best) float32 {
		tf := tfWeight(b.code)
		return wis[b.term] * tf / (tf + 1)
	}
	set := func(doc uint32, b best) {
		if doc >= uint32(len(table)) {
			return
		}
		cur := &table[doc]
		switch {
		case cur.level == 0,
			cur.weak && !b.weak,
			cur.weak == b.weak && b.level > cur.level,
			cur.weak == b.weak && b.level == cur.level && b.term != entry && cur.term != entry && proxy(b) > proxy(*cur):
			*cur = b
		}
	}
	if a, t, ok := oneTerm(s, floor); ok {
		// The usual case once the floor is set: one term, whose postings
		// come in doc order already.
		ti := r.term(t, cache)
		if ti.df == 0 {
			return nil
		}
		out := make([]matched, 0, ti.df)
		m := matched{slotHit: slotHit{level: a.Level, weak: a.Weak}, strong: uint8(b2i(!a.Weak)), wi: a.Level.Weight() * ti.idf}
		for blk := uint16(0); blk <= r.lastBlock(); blk++ {
			if v := r.post.Get(postKey(blk, ti.id)); v != nil {
				eachPosting(blk, v, func(doc uint32, code uint8) {
					m.doc, m.code = doc, code
					out = append(out, m)
				})
			}
		}
		return out
	}
	var ps []posting
	for _, a := range s.Alts {
		if a.Level < floor {
			continue
		}
		w := a.Level.Weight()
		if len(a.Parts) > 1 {
			for _, h := range r.altHits(a, cache) {
				if cur := table[h.doc]; cur.level == 0 || (cur.weak && !h.weak) || (cur.weak == h.weak && h.level > cur.level) {
					entries[h.doc] = h.score
				}
				set(h.doc, best{level: h.level, weak: h.weak, term: entry})
			}
			continue
		}
		for _, t := range a.Parts[0] {
			ti := r.term(t, cache)
			if ti.df == 0 || len(wis) == entry {
				continue
			}
			wis = append(wis, w*ti.idf)
			ps = r.postings(ti, ps[:0])
			k := uint8(len(wis) - 1)
			for _, p := range ps {
				set(p.doc, best{level: a.Level, weak: a.Weak, term: k, code: p.tf})
			}
		}
	}
	n := 0
	for i := range table {
		if table[i].level > 0 {
			n++
		}
	}
	out := make([]matched, 0, n)
	for doc, b := range table {
		if b.level == 0 {
			continue
		}
		m := matched{slotHit: slotHit{doc: uint32(doc), level: b.level, weak: b.weak}, strong: uint8(b2i(!b.weak))}
		if b.term == entry {
			m.score = entries[uint32(doc)]
		} else {
			m.wi, m.code = wis[b.term], b.code
		}
		out = append(out, m)
	}
	return out
}

// oneTerm tells whether a slot read from floor up is one term of one
// alternative, and which.
func oneTerm(s search.Slot, floor search.Level) (search.Alt, search.Term, bool) {
	var alt search.Alt
	var term search.Term
	n := 0
	for _, a := range s.Alts {
		if a.Level < floor {
			continue
		}
		if len(a.Parts) > 1 {
			return alt, term, false
		}
		for _, t := range a.Parts[0] {
			alt, term = a, t
			n++
		}
	}
	return alt, term, n == 1
}

// postings appends a term's postings, in doc order, to ps.
func (r *indexReader) postings(ti termInfo, ps []posting) []posting {
	for blk := uint16(0); blk <= r.lastBlock(); blk++ {
		if v := r.post.Get(postKey(blk, ti.id)); v != nil {
			ps = decodePostings(blk, v, ps)
		}
	}
	return ps
}

// altHits is every decision matching one alternative of a slot, by doc:
// the postings of the slot that starts the search, read whole.
func (r *indexReader) altHits(a search.Alt, cache termCache) []slotHit {
	w := a.Level.Weight()
	var out []slotHit
	for pi, part := range a.Parts {
		var hits []slotHit
		for _, t := range part {
			ti := r.term(t, cache)
			if ti.df == 0 {
				continue
			}
			ps := r.postings(ti, nil)
			hs := make([]slotHit, len(ps))
			for i, p := range ps {
				hs[i] = slotHit{doc: p.doc, level: a.Level, weak: a.Weak, score: r.score(w, ti, p.tf, p.doc)}
			}
			hits = mergeHits(hits, hs)
		}
		if pi == 0 {
			out = hits
			continue
		}
		out = intersectHits(out, hits)
	}
	return out
}

// intersectHits keeps the docs of a found in b too, adding their scores
// and keeping the lower level: the words of one thesaurus entry.
func intersectHits(a, b []slotHit) []slotHit {
	out := a[:0]
	j := 0
	for _, h := range a {
		j += sortSearch(b[j:], h.doc)
		if j < len(b) && b[j].doc == h.doc {
			h.score += b[j].score
			h.level = min(h.level, b[j].level)
			out = append(out, h)
		}
	}
	return out
}

// sortSearch is the first index in hs with a doc at or after doc: a gallop
// then a binary search, since intersections skip ahead.
func sortSearch(hs []slotHit, doc uint32) int {
	hi := 1
	for hi < len(hs) && hs[hi].doc < doc {
		hi *= 2
	}
	lo := hi / 2
	hi = min(hi+1, len(hs))
	for lo < hi {
		m := (lo + hi) / 2
		if hs[m].doc < doc {
			lo = m + 1
		} else {
			hi = m
		}
	}
	return lo
}

// matchTerm walks a term's postings against docs, sorted, and calls fn
// with the index in docs of each one it holds. Blocks without one of
// docs are not read.
func (r *indexReader) matchTerm(ti termInfo, docs []uint32, fn func(j int, code uint8)) {
	j := 0
	for blk := uint16(0); blk <= r.lastBlock() && j < len(docs); blk++ {
		lo, hi := uint32(blk)<<blockBits, uint32(blk+1)<<blockBits
		for j < len(docs) && docs[j] < lo {
			j++
		}
		if j == len(docs) || docs[j] >= hi {
			continue
		}
		v := r.post.Get(postKey(blk, ti.id))
		if v == nil {
			continue
		}
		n, _, v := postingsHeader(blk, v)
		d := lo
		for ; n > 0 && len(v) > 0 && j < len(docs); n-- {
			x, k := uint64(v[0]), 1
			if x >= 0x80 {
				if x, k = binary.Uvarint(v); k <= 0 {
					break
				}
			}
			d += uint32(x >> 3)
			v = v[k:]
			for j < len(docs) && docs[j] < d {
				j++
			}
			if j < len(docs) && docs[j] == d {
				fn(j, uint8(x&7))
			}
		}
	}
}

// slotOver is how each candidate matches a slot (level 0: not at all),
// reading only the postings of blocks that hold candidates. A candidate
// keeps its best level's score, as in the first slot; the alternatives
// come best first, so each is read only for the candidates it could
// still match better, and not at all when there are none.
func (r *indexReader) slotOver(s search.Slot, cands []matched, cache termCache) []slotHit {
	best := make([]slotHit, len(cands))
	var docs []uint32
	var at []int // index in cands of each of docs
	for _, a := range s.Alts {
		alt := slotHit{level: a.Level, weak: a.Weak}
		docs, at = docs[:0], at[:0]
		for j, c := range cands {
			if best[j].level == 0 || !best[j].better(alt) {
				docs, at = append(docs, c.doc), append(at, j)
			}
		}
		if len(docs) == 0 {
			continue
		}
		keep := func(k int, score float32) {
			b := &best[at[k]]
			switch {
			case b.level == 0 || alt.better(*b):
				*b = slotHit{doc: docs[k], level: a.Level, weak: a.Weak, score: score}
			case !b.better(alt):
				b.score = max(b.score, score)
			}
		}
		w := a.Level.Weight()
		if len(a.Parts) == 1 {
			for _, t := range a.Parts[0] {
				if ti := r.term(t, cache); ti.df > 0 {
					r.matchTerm(ti, docs, func(k int, code uint8) { keep(k, r.scoreOf(w, ti, code, &cands[at[k]])) })
				}
			}
			continue
		}
		// An entry of several words: every word must be there.
		sum := make([]float32, len(docs))
		parts := make([]int, len(docs))
		for pi, part := range a.Parts {
			for _, t := range part {
				if ti := r.term(t, cache); ti.df > 0 {
					r.matchTerm(ti, docs, func(k int, code uint8) {
						if parts[k] == pi {
							parts[k] = pi + 1
						}
						if parts[k] == pi+1 {
							sum[k] = max(sum[k], r.scoreOf(w, ti, code, &cands[at[k]]))
						}
					})
				}
			}
		}
		for k := range docs {
			if parts[k] == len(a.Parts) {
				keep(k, sum[k])
			}
		}
	}
	return best
}

// matched is a decision matching every slot: its levels summed, its score
// summed, and how many slots it matches by more than a weak alternative.
type matched struct {
	slotHit
	strong uint8
	// code is the first slot's tf code and wi its BM25 weight (level
	// weight times idf): its score waits for the decision's length, read
	// once, when the candidates are ranked. An entry of several words is
	// scored already (code 0).
	code uint8
	// length is the decision's length once read (0 before: a decision
	// that matches a term has words).
	length uint16
	wi     float32
}

// lengthOf reads the length of candidate c once.
func (r *indexReader) lengthOf(c *matched) float32 {
	if c.length == 0 {
		c.length = r.length(c.doc)
	}
	return float32(c.length)
}

// search returns the ids of the decisions matching pq, best first, and the
// number of decisions each slot's terms are in (its df), for typos.
//
// The slot with the fewest postings is read whole and gives the
// candidates; each other slot only checks them, in the blocks that hold
// some.
func (r *indexReader) search(pq search.Query, f *filter, limit int, fetch func(uint32) (model.Decision, bool, error)) ([]uint32, []int, error) {
	if len(pq.Slots) == 0 {
		return nil, nil, nil
	}
	cache := termCache{}
	dfs := make([]int, len(pq.Slots))
	for i, s := range pq.Slots {
		for _, a := range s.Alts {
			for _, part := range a.Parts {
				for _, t := range part {
					if !a.Weak {
						dfs[i] += r.term(t, cache).df
					}
				}
			}
		}
	}
	slots := make([]search.Slot, len(pq.Slots))
	for i, s := range pq.Slots {
		slots[i] = distinctAlts(s)
	}
	order := make([]int, len(pq.Slots))
	for i := range order {
		order[i] = i
	}
	slices.SortStableFunc(order, func(a, b int) int { return dfs[a] - dfs[b] })
	// A decision ranks by the sum of its slots' levels before its score.
	// The first slot is read at its best level first; when that alone
	// fills the ranking with decisions of a higher sum than any its lower
	// alternatives could give, those are never read: a word in every
	// third decision, as written, folded and by its stem, is read once
	// instead of three times.
	first := slots[order[0]]
	if top, next := levels(first); limit > 0 && len(pq.Phrases) == 0 && next > 0 {
		bound := next
		for _, i := range order[1:] {
			top, _ := levels(slots[i])
			bound += top
		}
		ids, last, err := r.match(slots, order, top, pq, f, limit, fetch, cache)
		if err != nil || (len(ids) == limit && last > bound) {
			return ids, dfs, err
		}
	}
	ids, _, err := r.match(slots, order, 0, pq, f, limit, fetch, cache)
	return ids, dfs, err
}

// match reads the first slot (slots[order[0]]) from floor up, checks its
// decisions against the other slots and ranks them; it returns the ids
// kept, best first, and the level sum of the last (0 when only weak
// matches were found: decisions the floor left out might be stronger).
func (r *indexReader) match(slots []search.Slot, order []int, floor search.Level, pq search.Query, f *filter, limit int, fetch func(uint32) (model.Decision, bool, error), cache termCache) ([]uint32, search.Level, error) {
	cands := r.firstSlot(slots[order[0]], cache, floor)
	for _, i := range order[1:] {
		if len(cands) == 0 {
			break
		}
		best, kept := r.slotOver(slots[i], cands, cache), cands[:0]
		for j, c := range cands {
			if h := best[j]; h.level > 0 {
				c.level += h.level
				c.score += h.score
				c.strong += uint8(b2i(!h.weak))
				kept = append(kept, c)
			}
		}
		cands = kept
	}
	hs, err := r.rank(cands, pq, f, limit, fetch, 1)
	strong := len(hs) > 0
	if err == nil && !strong {
		// Weak matches only count with other evidence, unless nothing else
		// was found.
		hs, err = r.rank(cands, pq, f, limit, fetch, 0)
	}
	ids := make([]uint32, len(hs))
	var last search.Level
	for i, h := range hs {
		ids[i] = h.id
		if strong {
			last = search.Level(h.tier)
		}
	}
	return ids, last, err
}

// levels is the best level of a slot's alternatives and the best below
// it, 0 when there is none.
func levels(s search.Slot) (top, next search.Level) {
	for _, a := range s.Alts {
		top = max(top, a.Level)
	}
	for _, a := range s.Alts {
		if a.Level < top {
			next = max(next, a.Level)
		}
	}
	return top, next
}

// distinctAlts is a slot with its alternatives best first, each term read
// once: a term already in a better alternative cannot make a decision
// match better, nor score higher, at a lower level.
func distinctAlts(s search.Slot) search.Slot {
	alts := slices.Clone(s.Alts)
	slices.SortStableFunc(alts, func(a, b search.Alt) int {
		if a.Weak != b.Weak {
			return b2i(a.Weak) - b2i(b.Weak)
		}
		return int(b.Level) - int(a.Level)
	})
	seen := map[search.Term]bool{}
	out := s
	out.Alts = alts[:0]
	for _, a := range alts {
		if len(a.Parts) == 1 {
			var part []search.Term
			for _, t := range a.Parts[0] {
				if !seen[t] {
					seen[t] = true
					part = append(part, t)
				}
			}
			if len(part) == 0 {
				continue
			}
			a.Parts = [][]search.Term{part}
		}
		out.Alts = append(out.Alts, a)
	}
	return out
}

func b2i(b bool) int {
	if b {
		return 1
	}
	return 0
}

// rank orders the candidates with at least minStrong strong slots, checks
// the phrases in rank order, and keeps limit of them, best first.
func (r *indexReader) rank(cands []matched, pq search.Query, f *filter, limit int, fetch func(uint32) (model.Decision, bool, error), minStrong uint8) ([]hit, error) {
	rank := ranking{limit: limit}
	if len(pq.Phrases) > 0 {
		rank.limit = 0 // phrases are checked in rank order, below
	}
	// Tier by tier, best first: the tier decides before the score, so once
	// a tier fills the ranking, the decisions of lower tiers need not be
	// read at all.
	var tiers []search.Level
	for _, c := range cands {
		if c.strong >= minStrong && !slices.Contains(tiers, c.level) {
			tiers = append(tiers, c.level)
		}
	}
	slices.SortFunc(tiers, func(a, b search.Level) int { return int(b) - int(a) })
	// Within a tier, the first slot's tf code bounds a decision's score
	// before its length is read (a decision is at least as long as the
	// words it holds the term in): decisions are taken by code, highest
	// first, and once the ranking is full one whose bound is below the
	// worst kept is left unread. A common word's title matches thus
	// settle the ranking, and its many matches in texts are not read.
	var tfs, shortest [8]float32
	for code := range tfs {
		tfs[code], shortest[code] = tfWeight(uint8(code)), float32(tfLength(uint8(code)))
	}
	var order []int32
	for _, tier := range tiers {
		if rank.full() {
			break
		}
		order = byCode(cands, tier, minStrong, order[:0])
		for _, i := range order {
			c := &cands[i]
			code := c.code & 7
			tf := tfs[code]
			full := rank.full()
			if full && (rank.hits[0].tier > int(tier) || c.score+c.wi*tf/(tf+r.normA+r.normB*shortest[code]) < rank.hits[0].score) {
				continue
			}
			b, ok := r.visible(f, c.doc)
			if !ok {
				continue
			}
			score := c.score + c.wi*tf/(tf+r.normA+r.normB*float32(binary.BigEndian.Uint16(b[12:])))
			if full && score < rank.hits[0].score {
				continue
			}
			rank.add(hit{id: c.doc, tier: int(c.level), score: score, date: binary.BigEndian.Uint32(b), item: binary.BigEndian.Uint16(b[14:])})
		}
	}
	hs := rank.sorted()
	if len(pq.Phrases) == 0 {
		return hs, nil
	}
	out := hs[:0]
	for _, h := range hs {
		d, ok, err := fetch(h.id)
		if err != nil {
			return nil, err
		}
		if ok && hasPhrases(d, pq.Phrases) {
			out = append(out, h)
			if len(out) == limit {
				break
			}
		}
	}
	return out, nil
}

// byCode appends to order the index of each candidate of tier with at
// least minStrong strong slots, by tf code, highest first, then in doc
// order.
func byCode(cands []matched, tier search.Level, minStrong uint8, order []int32) []int32 {
	var at [9]int
	for _, c := range cands {
		if c.level == tier && c.strong >= minStrong {
			at[8-c.code&7]++
		}
	}
	n := 0
	for i, k := range at {
		at[i], n = n, n+k
	}
	order = slices.Grow(order, n)[:n]
	for i, c := range cands {
		if c.level == tier && c.strong >= minStrong {
			k := 8 - c.code&7
			order[at[k]] = int32(i)
			at[k]++
		}
	}
	return order
}

// hasPhrases checks the quoted phrases against a decision's own words:
// each must occur within one field.
func hasPhrases(d model.Decision, phrases [][]string) bool {
	doc := sessionDoc(d)
	fields := make([][]string, len(doc.parts))
	for i, p := range doc.parts {
		fields[i] = search.Tokens(p)
	}
	for _, p := range phrases {
		if !slices.ContainsFunc(fields, func(toks []string) bool { return search.PhraseMatch(toks, p) }) {
			return false
		}
	}
	return true
}

// reference answers a query that is a decision's reference or a session's
// id: that decision (with the lines of an item), or the session's
// decisions in agenda order; nil when the query is neither.
func (r *indexReader) reference(text string, f *filter, limit int) []uint32 {
	t := i18n.LatinDigits(strings.TrimSpace(text))
	if t == "" || strings.ContainsAny(t, " \t") {
		return nil
	}
	var ids []uint32
	add := func(id uint32) {
		if _, ok := r.visible(f, id); ok && !slices.Contains(ids, id) && (limit <= 0 || len(ids) < limit) {
			ids = append(ids, id)
		}
	}
	if session, _, _, ok := model.SplitRef(t); ok {
		for _, src := range []byte{srcSession, srcRegister} {
			c := r.refs.Cursor()
			prefix := []byte(string(src) + session + "/")
			for k, v := c.Seek(prefix); k != nil && bytes.HasPrefix(k, prefix); k, v = c.Next() {
				ref := string(k[1:])
				if strings.EqualFold(ref, t) || strings.HasPrefix(strings.ToLower(ref), strings.ToLower(t)+"/") {
					add(binary.BigEndian.Uint32(v))
				}
			}
		}
		if len(ids) > 0 {
			return ids
		}
		return nil
	}
	v := r.sess.Get([]byte(t))
	if v == nil {
		return nil
	}
	n := binary.BigEndian.Uint32(v)
	var hs []hit
	c := r.docs.Cursor()
	for k, v := c.First(); k != nil; k, v = c.Next() {
		base := binary.BigEndian.Uint32(k) << recordBits
		for off := 0; off+recordSize <= len(v); off += recordSize {
			if binary.BigEndian.Uint32(v[off+4:]) == n && v[off+10]&flagLive != 0 {
				rec := getRecord(v[off:])
				hs = append(hs, hit{id: base + uint32(off/recordSize), item: rec.item})
			}
		}
	}
	slices.SortStableFunc(hs, func(a, b hit) int { return int(a.item) - int(b.item) })
	for _, h := range hs {
		add(h.id)
	}
	return ids
}

// corrections proposes, for each query word whose slot found fewer than
// fewHits decisions, the word of the index nearest to it (search.Distance,
// within search.MaxEdits), the most frequent among equals, if it is in
// more decisions. The index's own words are the dictionary: names, places
// and the chamber's jargon included.
func (r *indexReader) corrections(pq search.Query, dfs []int) map[int]string {
	type want struct {
		word, key string
		max, df   int
		best      string
		dist      int
		bestDF    int64
	}
	var wants []*want
	for i, s := range pq.Slots {
		if s.Word < 0 || dfs[i] >= fewHits {
			continue
		}
		w := pq.Words[s.Word]
		key := search.TypoKey(w)
		if m := search.MaxEdits(key); m > 0 {
			wants = append(wants, &want{word: w, key: key, max: m, df: dfs[i], dist: m + 1})
		}
	}
	if len(wants) == 0 {
		return nil
	}
	prefix := []byte{byte(search.Exact)}
	c := r.vocab.Cursor()
	for k, v := c.Seek(prefix); k != nil && k[0] == prefix[0]; k, v = c.Next() {
		text := string(k[1:])
		if search.Hashed(text) {
			continue
		}
		n := utf8.RuneCountInString(text)
		for _, w := range wants {
			if d := n - utf8.RuneCountInString(w.key); d > w.max || -d > w.max {
				continue
			}
			cand := search.Fold(text)
			if cand == w.key {
				continue
			}
			d := search.Distance(w.key, cand, w.max)
			if d > w.max || d > w.dist {
				continue
			}
			_, df := readVocab(v)
			if d < w.dist || df > w.bestDF {
				w.best, w.dist, w.bestDF = text, d, df
			}
		}
	}
	fix := map[int]string{}
	for i, s := range pq.Slots {
		for _, w := range wants {
			if s.Word >= 0 && pq.Words[s.Word] == w.word && w.best != "" && w.bestDF > int64(w.df) && (w.df == 0 || w.bestDF >= 5*int64(w.df)) {
				fix[pq.Slots[i].Word] = search.Respell(w.word, w.best)
			}
		}
	}
	return fix
}

// hit is a matching decision with its rank keys.
type hit struct {
	id    uint32
	tier  int
	score float32
	date  uint32
	item  uint16
}

// before orders hits best first: the sum of their match levels, the score,
// then the most recent, then the later item, then the later indexed.
func (a hit) before(b hit) bool {
	switch {
	case a.tier != b.tier:
		return a.tier > b.tier
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

// full tells whether the ranking keeps no more hits without dropping one.
func (r *ranking) full() bool { return r.limit > 0 && len(r.hits) >= r.limit }

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

// sorted returns the kept hits, best first.
func (r *ranking) sorted() []hit {
	slices.SortFunc(r.hits, func(a, b hit) int {
		if a.before(b) {
			return -1
		}
		return 1
	})
	return r.hits
}

// ids returns the kept hits' ids, best first.
func (r *ranking) ids() []uint32 {
	r.sorted()
	out := make([]uint32, len(r.hits))
	for i, h := range r.hits {
		out[i] = h.id
	}
	return out
}
