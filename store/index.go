package store

import (
	"bytes"
	"cmp"
	"crypto/sha256"
	"encoding/binary"
	"fmt"
	"slices"
	"sync"

	"github.com/jalsa-app/jalsa/model"
	"github.com/jalsa-app/jalsa/search"
	bolt "go.etcd.io/bbolt"
)

// The search index lives in bucket "index" of the record's own file. It
// follows the record (follow.go): every read of it first indexes what the
// last commands changed, so a lookup never misses a decision the record
// holds, nor finds one it no longer does. Its sub-buckets:
//
//	meta   "format" → indexFormat(); "stats" → indexStats;
//	       "indexed" → the last event (8) the index reflects
//	vocab  term key (search.Term.Key) → uvarint term id, uvarint df
//	post   block (2) + term id (4) → uvarint count, uvarint last doc -
//	       block start, then per doc uvarint(gap << 3 | tf code)
//	docs   doc id >> recordBits (4) → up to 1<<recordBits records of recordSize bytes
//	ids    doc id (4) → source byte + ref
//	refs   source byte + ref → doc id (4), and for a session's decision
//	       the hash of its indexed text (8)
//	terms  doc id (4) → its term keys, each led by its uvarint length, for
//	       a session's decision only: what to take out of the postings when
//	       it changes
//	sess   session id → session number (4)
//
// Postings are keyed block first, so that the decisions an import adds,
// which take the highest doc ids, land at the end of the bucket: bbolt
// appends them to full pages instead of splitting pages all over the file.
// A query reads a term's blocks with one Get each (a block holds
// 1<<blockBits doc ids, so 100,000 decisions make 25). The tf code of a
// posting is 4 when the term is in the title, plus how often it is in the
// rest, up to 3: the title is what a clerk remembers a decision by.
//
// The index stores no text: a past decision is read in place from the
// register event that recorded it (register.go), a session's from the
// state. The fixed-size records let filters and ranking read a decision's
// date, session, outcome, kind and length in place.
var (
	bucketRegister = []byte("register")
	bucketIndex    = []byte("index")

	idxMeta  = []byte("meta")
	idxVocab = []byte("vocab")
	idxPost  = []byte("post")
	idxDocs  = []byte("docs")
	idxIDs   = []byte("ids")
	idxRefs  = []byte("refs")
	idxTerms = []byte("terms")
	idxSess  = []byte("sess")

	indexBucketNames = [][]byte{idxMeta, idxVocab, idxPost, idxDocs, idxIDs, idxRefs, idxTerms, idxSess}

	keyFormat = []byte("format")
	keyStats  = []byte("stats")
)

const (
	blockBits  = 12
	recordBits = 7
	recordSize = 16
	maxDocs    = 1 << (16 + blockBits) // block numbers are two bytes

	srcSession  = 's'
	srcRegister = 'r'

	flagLive     = 1
	flagRegister = 2

	// tfTitle is the tf code's title bit; the text's count is below it.
	tfTitle = 4
	// titleWeight makes a word of the title count as much as four in the
	// text, for a decision's length.
	titleWeight = 4
)

// indexVersion changes whenever the layout above does.
const indexVersion = "jalsa-index-2"

// indexFormat identifies the index layout together with everything that
// decides its content: block sizes, the outcome and kind codes of the
// records, the weights, and the text analysis itself, probed on a sample.
// When a new jalsa analyses text differently, the stored index no longer
// matches what queries look for, so opening the file rebuilds it instead of
// silently missing decisions.
var indexFormat = sync.OnceValue(func() []byte {
	h := sha256.New()
	fmt.Fprintln(h, indexVersion, blockBits, recordBits, recordSize, model.Outcomes, model.ItemKinds, titleWeight, search.MaxTermBytes)
	probe := "المُصادَقة على الاتفاقيات والإتفاقية للغرفة بصفرو ﻻ ٢٠٢٤م مؤسسة مسئول — Règlements régionaux, bureaux ŒUVRE n°12 de la"
	fmt.Fprintln(h, search.Tokens(probe), search.Analyze(probe))
	return fmt.Appendf(nil, "%s %x", indexVersion, h.Sum(nil)[:8])
})

// indexStats are the counters of the index.
type indexStats struct {
	next     uint32 // next doc id
	live     uint32 // decisions indexed
	total    uint64 // sum of their weighted lengths
	nextSess uint32
	nextTerm uint32
}

func (s indexStats) bytes() []byte {
	b := make([]byte, 24)
	binary.BigEndian.PutUint32(b, s.next)
	binary.BigEndian.PutUint32(b[4:], s.live)
	binary.BigEndian.PutUint64(b[8:], s.total)
	binary.BigEndian.PutUint32(b[16:], s.nextSess)
	binary.BigEndian.PutUint32(b[20:], s.nextTerm)
	return b
}

func readStats(b []byte) indexStats {
	if len(b) < 24 {
		return indexStats{}
	}
	return indexStats{binary.BigEndian.Uint32(b), binary.BigEndian.Uint32(b[4:]), binary.BigEndian.Uint64(b[8:]),
		binary.BigEndian.Uint32(b[16:]), binary.BigEndian.Uint32(b[20:])}
}

// record is a decision's fixed-size entry in docs.
type record struct {
	date    uint32 // YYYYMMDD
	session uint32
	outcome uint8 // 1 + index in model.Outcomes
	kind    uint8 // 1 + index in model.ItemKinds
	flags   uint8
	length  uint16 // weighted number of tokens, capped
	item    uint16
}

func (r record) put(b []byte) {
	binary.BigEndian.PutUint32(b, r.date)
	binary.BigEndian.PutUint32(b[4:], r.session)
	b[8], b[9], b[10], b[11] = r.outcome, r.kind, r.flags, 0
	binary.BigEndian.PutUint16(b[12:], r.length)
	binary.BigEndian.PutUint16(b[14:], r.item)
}

func getRecord(b []byte) record {
	return record{binary.BigEndian.Uint32(b), binary.BigEndian.Uint32(b[4:]), b[8], b[9], b[10],
		binary.BigEndian.Uint16(b[12:]), binary.BigEndian.Uint16(b[14:])}
}

func outcomeCode(o model.Outcome) uint8 { return uint8(slices.Index(model.Outcomes, o) + 1) }
func kindCode(k string) uint8           { return uint8(slices.Index(model.ItemKinds, k) + 1) }

// dateCode turns YYYY-MM-DD into YYYYMMDD, an integer in date order; 0 when
// s is not a date.
func dateCode(s string) uint32 {
	if len(s) != 10 || s[4] != '-' || s[7] != '-' {
		return 0
	}
	var n uint32
	for _, c := range s[:4] + s[5:7] + s[8:] {
		if c < '0' || c > '9' {
			return 0
		}
		n = n*10 + uint32(c-'0')
	}
	return n
}

func u32(n uint32) []byte { return binary.BigEndian.AppendUint32(nil, n) }

// postKey is the key of a term's postings in one block.
func postKey(block uint16, term uint32) []byte {
	k := binary.BigEndian.AppendUint16(make([]byte, 0, 6), block)
	return binary.BigEndian.AppendUint32(k, term)
}

// doc is a decision as the index sees it.
type doc struct {
	key     string // source byte + ref
	date    string
	session string
	outcome model.Outcome
	kind    string
	item    int
	// parts are the indexed texts: the title first, then the decision
	// text, each note and the session label.
	parts []string
}

func sessionDoc(d model.Decision) doc { return newDoc(srcSession, d) }

func registerDoc(d model.Decision) doc { return newDoc(srcRegister, d) }

func newDoc(src byte, d model.Decision) doc {
	parts := make([]string, 0, 3+len(d.Notes))
	parts = append(parts, d.Title, d.Text)
	for _, n := range d.Notes {
		parts = append(parts, n.Text)
	}
	parts = append(parts, d.SessionTitle)
	return doc{key: string(src) + d.Ref, date: d.Date, session: d.Session, outcome: d.Outcome, kind: d.Kind, item: d.Item, parts: parts}
}

// hash covers the indexed text, so an unchanged decision is not analysed
// again when only its outcome or counts move.
func (d *doc) hash() []byte {
	h := sha256.New()
	for _, p := range d.parts {
		h.Write([]byte(p))
		h.Write([]byte{0})
	}
	return h.Sum(nil)[:8]
}

func (d *doc) record(session uint32, length int) record {
	flags := uint8(flagLive)
	if d.key[0] == srcRegister {
		flags |= flagRegister
	}
	return record{date: dateCode(d.date), session: session, outcome: outcomeCode(d.outcome), kind: kindCode(d.kind),
		flags: flags, length: uint16(min(length, 0xFFFF)), item: uint16(min(max(d.item, 0), 0xFFFF))}
}

// posting is one doc in a term's postings, with its tf code.
type posting struct {
	doc uint32
	tf  uint8
}

// encodePostings encodes a block's postings, sorted by doc; entries, when
// given, are the already encoded postings of the block (count of them, the
// last at doc last), all before ps.
func encodePostings(block uint16, count int, last uint32, entries []byte, ps []posting) []byte {
	base := uint32(block) << blockBits
	prev := base
	if len(entries) > 0 {
		prev = last
	}
	if len(ps) > 0 {
		last = ps[len(ps)-1].doc
	}
	b := make([]byte, 0, 8+len(entries)+2*len(ps))
	b = binary.AppendUvarint(b, uint64(count+len(ps)))
	b = binary.AppendUvarint(b, uint64(last-base))
	b = append(b, entries...)
	for _, p := range ps {
		b = binary.AppendUvarint(b, uint64(p.doc-prev)<<3|uint64(p.tf&7))
		prev = p.doc
	}
	return b
}

// postingsHeader reads a block value's count and last doc and returns its
// encoded entries.
func postingsHeader(block uint16, v []byte) (count int, last uint32, entries []byte) {
	n, k := binary.Uvarint(v)
	if k <= 0 {
		return 0, 0, nil
	}
	l, k2 := binary.Uvarint(v[k:])
	if k2 <= 0 {
		return 0, 0, nil
	}
	return int(n), uint32(block)<<blockBits + uint32(l), v[k+k2:]
}

// decodePostings appends the postings of a block value to ps.
func decodePostings(block uint16, v []byte, ps []posting) []posting {
	eachPosting(block, v, func(doc uint32, code uint8) { ps = append(ps, posting{doc, code}) })
	return ps
}

// eachPosting calls fn with each posting of a block's value v, in doc
// order.
func eachPosting(block uint16, v []byte, fn func(doc uint32, code uint8)) {
	n, _, v := postingsHeader(block, v)
	d := uint32(block) << blockBits
	for ; n > 0 && len(v) > 0; n-- {
		x, k := uint64(v[0]), 1
		if x >= 0x80 {
			if x, k = binary.Uvarint(v); k <= 0 {
				break
			}
		}
		d += uint32(x >> 3)
		fn(d, uint8(x&7))
		v = v[k:]
	}
}

// tfWeight is the weighted term frequency a tf code stands for.
func tfWeight(code uint8) float32 {
	return float32(code&3) + float32(code>>2)*titleWeight
}

// tfLength is the least weighted length of a decision holding a term with
// tf code: its title words and its other words each count.
func tfLength(code uint8) int {
	return int(code>>2)*titleWeight + int(code&3)
}

// analysis is a doc's weighted length and the tf code of each of its terms.
type analysis struct {
	length int
	tf     map[string]uint8 // term key → tf code
}

// analyzer turns docs into analyses, remembering the terms of each token:
// a register's vocabulary is small next to its size, so most tokens are
// seen many times.
type analyzer struct {
	terms map[string][]string
	tf    map[string]uint8
}

func newAnalyzer() *analyzer {
	return &analyzer{terms: map[string][]string{}, tf: map[string]uint8{}}
}

// analyze fills a.tf, reused between calls: clone it to keep it.
func (a *analyzer) analyze(d *doc) analysis {
	clear(a.tf)
	length := 0
	for i, p := range d.parts {
		w := 1
		if i == 0 {
			w = titleWeight
		}
		for _, t := range search.Tokens(p) {
			length += w
			for _, key := range a.termsOf(t) {
				c := a.tf[key]
				if i == 0 {
					c |= tfTitle
				} else if c&3 < 3 {
					c++
				}
				a.tf[key] = c
			}
		}
	}
	return analysis{length: length, tf: a.tf}
}

func (a *analyzer) termsOf(tok string) []string {
	ks, ok := a.terms[tok]
	if !ok {
		for _, t := range search.WordTerms(tok) {
			ks = append(ks, t.Key())
		}
		if len(a.terms) > 1<<20 {
			clear(a.terms) // a register of unique words must not hold them all
		}
		a.terms[tok] = ks
	}
	return ks
}

// indexBuckets are the sub-buckets of the index in one transaction.
type indexBuckets struct {
	meta, vocab, post, docs, ids, refs, terms, sess *bolt.Bucket
}

// errNoIndex means the index is missing or in another format. Open rebuilds
// such an index (ensureIndex), so only a file damaged while open meets it.
var errNoIndex = model.Failure("store.index_missing")

func openIndexBuckets(tx *bolt.Tx) (indexBuckets, error) {
	root := tx.Bucket(bucketIndex)
	if root == nil {
		return indexBuckets{}, errNoIndex
	}
	b := indexBuckets{root.Bucket(idxMeta), root.Bucket(idxVocab), root.Bucket(idxPost), root.Bucket(idxDocs),
		root.Bucket(idxIDs), root.Bucket(idxRefs), root.Bucket(idxTerms), root.Bucket(idxSess)}
	if b.meta == nil || b.vocab == nil || b.post == nil || b.docs == nil || b.ids == nil || b.refs == nil || b.terms == nil ||
		b.sess == nil || !bytes.Equal(b.meta.Get(keyFormat), indexFormat()) {
		return indexBuckets{}, errNoIndex
	}
	return b, nil
}

// vocabEntry is a term's id and document frequency.
type vocabEntry struct {
	id    uint32
	df    int64
	dirty bool
}

func readVocab(v []byte) (id uint32, df int64) {
	x, k := binary.Uvarint(v)
	if k <= 0 {
		return 0, 0
	}
	d, k2 := binary.Uvarint(v[k:])
	if k2 <= 0 {
		return uint32(x), 0
	}
	return uint32(x), int64(d)
}

// indexWriter changes the index within one write transaction. Postings
// edits, vocabulary counts and records are gathered and written by flush
// in key order, which is what keeps a bulk load fast in bbolt.
type indexWriter struct {
	indexBuckets
	stats    indexStats
	analyzer *analyzer
	known    map[string]*vocabEntry // vocabulary entries read or made
	edits    map[uint64]*termEdit   // block << 32 | term id
	blocks   map[uint32][]byte      // record blocks being changed
	sessions map[string]uint32      // session numbers met
}

type termEdit struct {
	add []posting
	del []uint32
}

func newIndexWriter(tx *bolt.Tx) (*indexWriter, error) {
	b, err := openIndexBuckets(tx)
	if err != nil {
		return nil, err
	}
	// Everything but the vocabulary grows at its end (doc ids, and blocks
	// first in postings): full pages make the file half the size.
	for _, bk := range []*bolt.Bucket{b.post, b.docs, b.ids, b.refs, b.terms} {
		bk.FillPercent = 1.0
	}
	b.vocab.FillPercent = 0.9
	return &indexWriter{indexBuckets: b, stats: readStats(b.meta.Get(keyStats)), analyzer: newAnalyzer(),
		known: map[string]*vocabEntry{}, edits: map[uint64]*termEdit{}, blocks: map[uint32][]byte{}, sessions: map[string]uint32{}}, nil
}

// term returns the vocabulary entry of a term key, creating it if asked.
func (w *indexWriter) term(key string, create bool) *vocabEntry {
	if e, ok := w.known[key]; ok {
		return e
	}
	v := w.vocab.Get([]byte(key))
	if v == nil && !create {
		return nil
	}
	e := &vocabEntry{}
	if v != nil {
		e.id, e.df = readVocab(v)
	} else {
		e.id, e.dirty = w.stats.nextTerm, true
		w.stats.nextTerm++
	}
	w.known[key] = e
	return e
}

func (w *indexWriter) edit(block uint16, term uint32) *termEdit {
	k := uint64(block)<<32 | uint64(term)
	e := w.edits[k]
	if e == nil {
		e = &termEdit{}
		w.edits[k] = e
	}
	return e
}

// put indexes d, or brings its entry up to date. An unchanged text costs a
// hash and a record comparison.
func (w *indexWriter) put(d doc) (uint32, error) { return w.putAnalysed(d, nil) }

// putAnalysed is put with the analysis of d, when made beforehand (an
// import analyses its rows before it takes the lock).
func (w *indexWriter) putAnalysed(d doc, an *analysis) (uint32, error) {
	key := []byte(d.key)
	session := d.key[0] == srcSession
	var hash []byte
	if session {
		hash = d.hash()
	}
	sess, err := w.sessionNumber(d.session)
	if err != nil {
		return 0, err
	}
	old := w.refs.Get(key)
	var id uint32
	oldLength := 0
	if old != nil {
		id = binary.BigEndian.Uint32(old)
		oldLength = int(w.record(id).length)
		if bytes.Equal(old[4:], hash) {
			w.setRecord(id, d.record(sess, oldLength))
			return id, nil
		}
		if err := w.unpost(id); err != nil {
			return 0, err
		}
	} else {
		if w.stats.next >= maxDocs {
			return 0, model.Refused("store.index_full", maxDocs)
		}
		id = w.stats.next
		w.stats.next++
		w.stats.live++
		if err := w.ids.Put(u32(id), key); err != nil {
			return 0, err
		}
	}
	if an == nil {
		a := w.analyzer.analyze(&d)
		an = &a
	}
	blk := uint16(id >> blockBits)
	var keys []byte
	for k, code := range an.tf {
		e := w.term(k, true)
		e.df++
		e.dirty = true
		ed := w.edit(blk, e.id)
		ed.add = append(ed.add, posting{id, code})
		if session {
			keys = binary.AppendUvarint(keys, uint64(len(k)))
			keys = append(keys, k...)
		}
	}
	if session {
		if err := w.terms.Put(u32(id), keys); err != nil {
			return 0, err
		}
	}
	if err := w.refs.Put(key, append(u32(id), hash...)); err != nil {
		return 0, err
	}
	rec := d.record(sess, an.length)
	w.stats.total = w.stats.total - uint64(oldLength) + uint64(rec.length)
	w.setRecord(id, rec)
	return id, nil
}

// remove takes the decision with index key out of the index.
func (w *indexWriter) remove(key []byte) error {
	v := w.refs.Get(key)
	if v == nil {
		return nil
	}
	id := binary.BigEndian.Uint32(v)
	if err := w.unpost(id); err != nil {
		return err
	}
	rec := w.record(id)
	w.stats.total -= uint64(rec.length)
	w.stats.live--
	for _, err := range []error{w.terms.Delete(u32(id)), w.ids.Delete(u32(id)), w.refs.Delete(key)} {
		if err != nil {
			return err
		}
	}
	w.setRecord(id, record{})
	return nil
}

// unpost schedules the removal of a session's decision from the postings
// of its terms, and drops any posting of it added earlier in this writer.
func (w *indexWriter) unpost(id uint32) error {
	blk := uint16(id >> blockBits)
	return forEachTermKey(w.terms.Get(u32(id)), func(key string) error {
		e := w.term(key, false)
		if e == nil {
			return fmt.Errorf("index entry %d lists %q, which the vocabulary lacks", id, key)
		}
		ed := w.edit(blk, e.id)
		ed.add = slices.DeleteFunc(ed.add, func(p posting) bool { return p.doc == id })
		ed.del = append(ed.del, id)
		e.df--
		e.dirty = true
		return nil
	})
}

// forEachTermKey reads a terms value: each key length-prefixed.
func forEachTermKey(v []byte, fn func(key string) error) error {
	for len(v) > 0 {
		n, k := binary.Uvarint(v)
		if k <= 0 || uint64(len(v)-k) < n {
			return fmt.Errorf("unreadable list of terms")
		}
		if err := fn(string(v[k : k+int(n)])); err != nil {
			return err
		}
		v = v[k+int(n):]
	}
	return nil
}

func (w *indexWriter) record(id uint32) record {
	blk := id >> recordBits
	b, ok := w.blocks[blk]
	if !ok {
		b = w.docs.Get(u32(blk))
	}
	off := int(id&(1<<recordBits-1)) * recordSize
	if off+recordSize > len(b) {
		return record{}
	}
	return getRecord(b[off:])
}

// setRecord changes a record; flush writes its block.
func (w *indexWriter) setRecord(id uint32, r record) {
	blk := id >> recordBits
	b, ok := w.blocks[blk]
	if !ok {
		b = bytes.Clone(w.docs.Get(u32(blk)))
	}
	off := int(id&(1<<recordBits-1)) * recordSize
	if off+recordSize > len(b) {
		b = append(b, make([]byte, off+recordSize-len(b))...)
	}
	var cur [recordSize]byte
	r.put(cur[:])
	if ok || !bytes.Equal(b[off:off+recordSize], cur[:]) {
		copy(b[off:], cur[:])
		w.blocks[blk] = b
	}
}

// sessionNumber interns a session id: records hold the number.
func (w *indexWriter) sessionNumber(id string) (uint32, error) {
	if n, ok := w.sessions[id]; ok {
		return n, nil
	}
	if v := w.sess.Get([]byte(id)); v != nil {
		n := binary.BigEndian.Uint32(v)
		w.sessions[id] = n
		return n, nil
	}
	n := w.stats.nextSess
	w.stats.nextSess++
	w.sessions[id] = n
	return n, w.sess.Put([]byte(id), u32(n))
}

// flush writes the gathered postings, vocabulary and records.
func (w *indexWriter) flush() error {
	keys := make([]uint64, 0, len(w.edits))
	for k := range w.edits {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	for _, k := range keys {
		if err := w.flushEdit(uint16(k>>32), uint32(k), w.edits[k]); err != nil {
			return err
		}
	}
	terms := make([]string, 0, len(w.known))
	for t, e := range w.known {
		if e.dirty {
			terms = append(terms, t)
		}
	}
	slices.Sort(terms)
	for _, t := range terms {
		e := w.known[t]
		v := binary.AppendUvarint(nil, uint64(e.id))
		v = binary.AppendUvarint(v, uint64(max(e.df, 0)))
		if err := w.vocab.Put([]byte(t), v); err != nil {
			return err
		}
		e.dirty = false
	}
	blks := make([]uint32, 0, len(w.blocks))
	for b := range w.blocks {
		blks = append(blks, b)
	}
	slices.Sort(blks)
	for _, b := range blks {
		if err := w.docs.Put(u32(b), w.blocks[b]); err != nil {
			return err
		}
	}
	w.edits, w.blocks = map[uint64]*termEdit{}, map[uint32][]byte{}
	if len(w.known) > 1<<18 {
		w.known = map[string]*vocabEntry{} // all written; keep memory bounded
	}
	return w.meta.Put(keyStats, w.stats.bytes())
}

func (w *indexWriter) flushEdit(blk uint16, term uint32, e *termEdit) error {
	slices.SortFunc(e.add, func(a, b posting) int { return cmp.Compare(a.doc, b.doc) })
	slices.Sort(e.del)
	key := postKey(blk, term)
	old := w.post.Get(key)
	count, last, entries := postingsHeader(blk, old)
	switch {
	case old == nil && len(e.add) > 0:
		return w.post.Put(key, encodePostings(blk, 0, 0, nil, e.add))
	case old == nil:
		return nil
	case len(e.add) > 0 && e.add[0].doc > last && len(e.del) == 0:
		return w.post.Put(key, encodePostings(blk, count, last, entries, e.add))
	}
	var ps []posting
	for _, p := range decodePostings(blk, old, nil) {
		if _, gone := slices.BinarySearch(e.del, p.doc); !gone {
			ps = append(ps, p)
		}
	}
	if ps = mergePostings(ps, e.add); len(ps) == 0 {
		return w.post.Delete(key)
	}
	return w.post.Put(key, encodePostings(blk, 0, 0, nil, ps))
}

// mergePostings merges two lists sorted by doc; b wins on equal docs.
func mergePostings(a, b []posting) []posting {
	if len(b) == 0 {
		return a
	}
	out := make([]posting, 0, len(a)+len(b))
	i, j := 0, 0
	for i < len(a) || j < len(b) {
		switch {
		case j == len(b) || (i < len(a) && a[i].doc < b[j].doc):
			out = append(out, a[i])
			i++
		case i == len(a) || b[j].doc < a[i].doc:
			out = append(out, b[j])
			j++
		default:
			out = append(out, b[j])
			i++
			j++
		}
	}
	return out
}

// checkRegisterClash refuses a session whose id is that of decisions in
// the past register, since their references would collide.
func checkRegisterClash(tx *bolt.Tx, s *model.Session) error {
	prefix := []byte(s.ID + "/")
	if k, _ := tx.Bucket(bucketRegister).Cursor().Seek(prefix); k != nil && bytes.HasPrefix(k, prefix) {
		return model.Refused("store.session_in_register", s.ID, string(k))
	}
	return nil
}

// indexSession brings the search index in line with a session's decisions.
func indexSession(tx *bolt.Tx, s *model.Session, st *model.State) error {
	return reindex(tx, st.Decisions(s), []byte(string(srcSession)+s.ID+"/"), nil)
}

// indexItem brings the index in line with one item of a session (or one of
// its lines), after a command that changed nothing else (model.Scoped).
func indexItem(tx *bolt.Tx, s *model.Session, st *model.State, n int, line string) error {
	it := s.Items[n-1]
	ref := string(srcSession) + model.Ref(s.ID, n, line)
	if line != "" {
		return reindex(tx, st.ItemDecisions(s, it, line), nil, []byte(ref))
	}
	// The item's own key, and its lines under "ref/".
	return reindex(tx, st.ItemDecisions(s, it, ""), []byte(ref+"/"), []byte(ref))
}

// reindex puts ds into the index and removes the indexed decisions that are
// no longer among them: those under prefix, and the one keyed exact.
func reindex(tx *bolt.Tx, ds []model.Decision, prefix, exact []byte) error {
	w, err := newIndexWriter(tx)
	if err != nil {
		return err
	}
	current := map[string]bool{}
	for _, d := range ds {
		doc := sessionDoc(d)
		current[doc.key] = true
		if _, err := w.put(doc); err != nil {
			return err
		}
	}
	var gone [][]byte
	if exact != nil && !current[string(exact)] && w.refs.Get(exact) != nil {
		gone = append(gone, bytes.Clone(exact))
	}
	if prefix != nil {
		c := w.refs.Cursor()
		for k, _ := c.Seek(prefix); k != nil && bytes.HasPrefix(k, prefix); k, _ = c.Next() {
			if !current[string(k)] {
				gone = append(gone, bytes.Clone(k))
			}
		}
	}
	for _, k := range gone {
		if err := w.remove(k); err != nil {
			return err
		}
	}
	return w.flush()
}

// forEachDoc calls fn with every decision the index must hold: those of the
// sessions in st, session by session, then the past register in the order
// of its events (seq is the event of a register row, 0 for a session's).
func forEachDoc(tx *bolt.Tx, st *model.State, fn func(d doc, seq uint64) error) error {
	ids := make([]string, 0, len(st.Sessions))
	for id := range st.Sessions {
		ids = append(ids, id)
	}
	slices.Sort(ids)
	for _, id := range ids {
		for _, d := range st.Decisions(st.Sessions[id]) {
			if err := fn(sessionDoc(d), 0); err != nil {
				return err
			}
		}
	}
	return forEachRegisterRow(tx, func(seq uint64, _ rowSpan, d model.Decision) error { return fn(registerDoc(d), seq) })
}

// rebuildIndex throws the index and the register's pointers away and makes
// them again from the state of event seq and the register events.
func rebuildIndex(tx *bolt.Tx, st *model.State, seq uint64) (int, error) {
	if tx.Bucket(bucketIndex) != nil {
		if err := tx.DeleteBucket(bucketIndex); err != nil {
			return 0, err
		}
	}
	root, err := tx.CreateBucket(bucketIndex)
	if err != nil {
		return 0, err
	}
	for _, name := range indexBucketNames {
		if _, err := root.CreateBucket(name); err != nil {
			return 0, err
		}
	}
	if err := root.Bucket(idxMeta).Put(keyFormat, indexFormat()); err != nil {
		return 0, err
	}
	if err := setIndexed(tx, seq); err != nil {
		return 0, err
	}
	marker, err := readImportMarker(tx)
	if err != nil {
		return 0, err
	}
	if err := clearRegisterPointers(tx); err != nil {
		return 0, err
	}
	w, err := newIndexWriter(tx)
	if err != nil {
		return 0, err
	}
	reg := registerBucket(tx)
	var pending docRanges
	n := 0
	err = forEachDoc(tx, st, func(d doc, seq uint64) error {
		n++
		id, err := w.put(d)
		if err != nil || d.key[0] != srcRegister {
			return err
		}
		if marker != nil && slices.Contains(marker.Seqs, seq) {
			pending = pending.add(id)
		}
		// Bound the memory of a rebuild: postings go out every few blocks.
		if n%(4<<blockBits) == 0 {
			return w.flush()
		}
		return nil
	})
	if err == nil {
		err = forEachRegisterRow(tx, func(seq uint64, sp rowSpan, d model.Decision) error {
			return reg.Put([]byte(d.Ref), sp.pointer(seq))
		})
	}
	if err != nil {
		return 0, err
	}
	if marker != nil {
		marker.Docs = pending
		if err := writeImportMarker(tx, marker); err != nil {
			return 0, err
		}
	}
	return n, w.flush()
}

// ensureIndex rebuilds the index when the file has none in this binary's
// format: a file from before the index, or from a jalsa that analysed text
// differently. A current index costs one read.
func (s *Store) ensureIndex() error {
	current := false
	_ = s.db.View(func(tx *bolt.Tx) error {
		_, err := openIndexBuckets(tx)
		current = err == nil
		return nil
	})
	if current {
		return nil
	}
	_, err := s.RepairIndex()
	return err
}

// RepairIndex rebuilds the search index from the stored decisions and the
// past register, and returns how many decisions it holds.
func (s *Store) RepairIndex() (n int, err error) {
	defer shield(s.path, &err)()
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.readOnly {
		return 0, ErrReadOnly(s.path)
	}
	err = s.db.Update(func(tx *bolt.Tx) error {
		var err error
		n, err = rebuildIndex(tx, s.state, s.seq)
		return err
	})
	if err != nil {
		return 0, fmt.Errorf("rebuild the search index of %s: %w", s.path, err)
	}
	s.caughtUp(s.seq)
	return n, nil
}
