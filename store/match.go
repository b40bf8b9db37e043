package store

import (
	"bytes"
	"encoding/binary"
	"math"
	"slices"
	"strings"
	"unicode/utf8"

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

// termCache keeps the postings of the terms a query reads: the same term
// often serves several alternatives (folded and exact lookups share keys).
type termCache map[string]termPostings

type termPostings struct {
	ps  []posting
	idf float32
	df  int
}

// postings reads a term's postings, every block of it, with its idf.
func (r *indexReader) postings(t search.Term, cache termCache) termPostings {
	key := t.Key()
	if tp, ok := cache[key]; ok {
		return tp
	}
	var tp termPostings
	if v := r.vocab.Get([]byte(key)); v != nil {
		id, df := readVocab(v)
		if df > 0 {
			tp.df = int(df)
			n := float64(r.stats.live)
			// A positive idf even for a term in every decision: a zero
			// score would read as "not matched".
			tp.idf = float32(max(math.Log(1+(n-float64(df)+0.5)/(float64(df)+0.5)), 1e-6) * (bm25K1 + 1))
			last := uint16(0)
			if r.stats.next > 0 {
				last = uint16((r.stats.next - 1) >> blockBits)
			}
			for blk := uint16(0); blk <= last; blk++ {
				if v := r.post.Get(postKey(blk, id)); v != nil {
					tp.ps = decodePostings(blk, v, tp.ps)
				}
			}
		}
	}
	cache[key] = tp
	return tp
}

// altHits is the decisions matching one alternative of a slot, by doc.
func (r *indexReader) altHits(a search.Alt, cache termCache) ([]slotHit, int) {
	normA, normB := float32(bm25K1*(1-bm25B)), float32(bm25K1*bm25B)/r.avg
	weight := a.Level.Weight()
	var out []slotHit
	df := 0
	for pi, part := range a.Parts {
		var hits []slotHit
		for _, t := range part {
			tp := r.postings(t, cache)
			if tp.df == 0 {
				continue
			}
			df += tp.df
			hs := make([]slotHit, len(tp.ps))
			for i, p := range tp.ps {
				tf := tfWeight(p.tf)
				hs[i] = slotHit{doc: p.doc, level: a.Level, weak: a.Weak,
					score: weight * tp.idf * tf / (tf + normA + normB*float32(r.length(p.doc)))}
			}
			hits = mergeHits(hits, hs)
		}
		if pi == 0 {
			out = hits
			continue
		}
		out = intersectHits(out, hits, false)
	}
	return out, df
}

// intersectHits keeps the docs of a found in b too, adding their scores;
// with sum the levels are added as well (slots of a query), else the
// lower is kept (words of one thesaurus entry).
func intersectHits(a, b []slotHit, sum bool) []slotHit {
	out := a[:0]
	j := 0
	for _, h := range a {
		j += sortSearch(b[j:], h.doc)
		if j < len(b) && b[j].doc == h.doc {
			h.score += b[j].score
			if sum {
				h.level += b[j].level
			} else {
				h.level = min(h.level, b[j].level)
			}
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

// matched is a decision matching every slot: its levels summed, its score
// summed, and how many slots it matches by more than a weak alternative.
type matched struct {
	slotHit
	strong int
}

// search returns the ids of the decisions matching pq, best first, and the
// number of decisions each slot's terms are in (its df), for typos.
func (r *indexReader) search(pq search.Query, f *filter, limit int, fetch func(uint32) (model.Decision, bool, error)) ([]uint32, []int, error) {
	if len(pq.Slots) == 0 {
		return nil, nil, nil
	}
	cache := termCache{}
	slots := make([][]slotHit, len(pq.Slots))
	dfs := make([]int, len(pq.Slots))
	for i, s := range pq.Slots {
		for _, a := range s.Alts {
			hs, df := r.altHits(a, cache)
			slots[i] = mergeHits(slots[i], hs)
			if !a.Weak {
				dfs[i] += df
			}
		}
	}
	order := make([]int, len(slots))
	for i := range order {
		order[i] = i
	}
	slices.SortFunc(order, func(a, b int) int { return len(slots[a]) - len(slots[b]) })
	var cands []matched
	for k, i := range order {
		if k == 0 {
			cands = make([]matched, len(slots[i]))
			for j, h := range slots[i] {
				cands[j] = matched{slotHit: h, strong: b2i(!h.weak)}
			}
			continue
		}
		hs, kept := slots[i], cands[:0]
		j := 0
		for _, c := range cands {
			j += sortSearch(hs[j:], c.doc)
			if j < len(hs) && hs[j].doc == c.doc {
				c.level += hs[j].level
				c.score += hs[j].score
				c.strong += b2i(!hs[j].weak)
				kept = append(kept, c)
			}
		}
		cands = kept
	}
	ids, err := r.rank(cands, pq, f, limit, fetch, 1)
	if err == nil && len(ids) == 0 {
		// Weak matches only count with other evidence, unless nothing else
		// was found.
		ids, err = r.rank(cands, pq, f, limit, fetch, 0)
	}
	return ids, dfs, err
}

func b2i(b bool) int {
	if b {
		return 1
	}
	return 0
}

// rank orders the candidates with at least minStrong strong slots, checks
// the phrases in rank order, and keeps limit of them.
func (r *indexReader) rank(cands []matched, pq search.Query, f *filter, limit int, fetch func(uint32) (model.Decision, bool, error), minStrong int) ([]uint32, error) {
	rank := ranking{limit: limit}
	if len(pq.Phrases) > 0 {
		rank.limit = 0 // phrases are checked in rank order, below
	}
	for _, c := range cands {
		if c.strong < minStrong {
			continue
		}
		if b, ok := r.visible(f, c.doc); ok {
			rec := getRecord(b)
			rank.add(hit{id: c.doc, tier: int(c.level), score: c.score, date: rec.date, item: rec.item})
		}
	}
	ids := rank.ids()
	if len(pq.Phrases) == 0 {
		return ids, nil
	}
	out := ids[:0]
	for _, id := range ids {
		d, ok, err := fetch(id)
		if err != nil {
			return nil, err
		}
		if ok && hasPhrases(d, pq.Phrases) {
			out = append(out, id)
			if len(out) == limit {
				break
			}
		}
	}
	return out, nil
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
	t := asciiDigits(strings.TrimSpace(text))
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

// asciiDigits writes Arabic-Indic digits as ASCII, for references typed in
// an Arabic keyboard layout.
func asciiDigits(s string) string {
	return strings.Map(func(r rune) rune {
		switch {
		case r >= '٠' && r <= '٩':
			return '0' + r - '٠'
		case r >= '۰' && r <= '۹':
			return '0' + r - '۰'
		}
		return r
	}, s)
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
