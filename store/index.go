package store

import (
	"bytes"
	"cmp"
	"crypto/sha256"
	"encoding/binary"
	"encoding/json"
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
//	meta  "format" → indexFormat(); "stats" → indexStats;
//	      "indexed" → the last event (8) the index reflects
//	refs  source byte + ref → doc id (4) + content hash (8)
//	ids   doc id (4) → source byte + ref
//	docs  doc id >> recordBits (4) → up to 1<<recordBits records of recordSize bytes
//	toks  doc id (4) → the normalized tokens of each field, one line per field
//	post  term 0x00 block (2) → uvarint count, uvarint last doc - block start,
//	      then per doc: uvarint gap, weighted tf
//	sess  session id → session number (4)
//
// Doc ids are given in order and never reused. The postings of a term are
// cut into blocks of 1<<blockBits ids: adding or changing one decision
// rewrites one small value per term, a new decision (the highest id) is
// appended to its block without decoding it, and a query seeks over the
// blocks where no candidate is left. The fixed-size records let filters and
// ranking read a decision's date, session, outcome, kind and length in
// place.
var (
	bucketRegister = []byte("register")
	bucketIndex    = []byte("index")

	idxMeta = []byte("meta")
	idxRefs = []byte("refs")
	idxIDs  = []byte("ids")
	idxDocs = []byte("docs")
	idxToks = []byte("toks")
	idxPost = []byte("post")
	idxSess = []byte("sess")

	keyFormat = []byte("format")
	keyStats  = []byte("stats")
)

const (
	blockBits  = 8
	recordBits = 7
	recordSize = 16
	maxDocs    = 1 << (16 + blockBits) // block numbers are two bytes

	srcSession  = 's'
	srcRegister = 'r'

	flagLive     = 1
	flagRegister = 2

	// titleWeight makes a word of the title count as much as four in the
	// text: the title is what a clerk remembers a decision by.
	titleWeight = 4
)

// indexVersion changes whenever the layout above does.
const indexVersion = "jalsa-index-1"

// indexFormat identifies the index layout together with everything that
// decides its content: block sizes, the outcome and kind codes of the
// records, the weights, and the text analysis itself, probed on a sample.
// When a new jalsa analyses text differently, the stored index no longer
// matches what queries look for, so opening the file rebuilds it instead of
// silently missing decisions.
var indexFormat = sync.OnceValue(func() []byte {
	h := sha256.New()
	fmt.Fprintln(h, indexVersion, blockBits, recordBits, recordSize, model.Outcomes, model.ItemKinds, titleWeight)
	probe := "المُصادَقة على الاتفاقيات والإتفاقية للغرفة بصفرو ﻻ ٢٠٢٤م — Règlements régionaux, bureaux ŒUVRE n°12"
	fmt.Fprintln(h, search.Tokens(probe), search.Analyze(probe))
	for _, t := range search.Tokens(probe) {
		fmt.Fprintln(h, search.QueryTerms(t))
	}
	return fmt.Appendf(nil, "%s %x", indexVersion, h.Sum(nil)[:8])
})

// indexStats are the counters of the index.
type indexStats struct {
	next     uint32 // next doc id
	live     uint32 // decisions indexed
	total    uint64 // sum of their weighted lengths
	nextSess uint32
}

func (s indexStats) bytes() []byte {
	b := make([]byte, 20)
	binary.BigEndian.PutUint32(b, s.next)
	binary.BigEndian.PutUint32(b[4:], s.live)
	binary.BigEndian.PutUint64(b[8:], s.total)
	binary.BigEndian.PutUint32(b[16:], s.nextSess)
	return b
}

func readStats(b []byte) indexStats {
	if len(b) < 20 {
		return indexStats{}
	}
	return indexStats{binary.BigEndian.Uint32(b), binary.BigEndian.Uint32(b[4:]), binary.BigEndian.Uint64(b[8:]), binary.BigEndian.Uint32(b[16:])}
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

// posting is one doc in a term's postings, with the term's weighted
// frequency in it.
type posting struct {
	doc uint32
	tf  uint8
}

func postKey(term string, block uint16) []byte {
	k := make([]byte, 0, len(term)+3)
	k = append(k, term...)
	k = append(k, 0)
	return binary.BigEndian.AppendUint16(k, block)
}

// encodePostings encodes a block's postings, sorted by doc; entries, when
// given, are the already encoded postings of the block, all before ps.
func encodePostings(block uint16, count int, last uint32, entries []byte, ps []posting) []byte {
	base := uint32(block) << blockBits
	prev := base
	if len(entries) > 0 {
		prev = last
	}
	if len(ps) > 0 {
		last = ps[len(ps)-1].doc
	}
	b := make([]byte, 0, 8+len(entries)+3*len(ps))
	b = binary.AppendUvarint(b, uint64(count+len(ps)))
	b = binary.AppendUvarint(b, uint64(last-base))
	b = append(b, entries...)
	for _, p := range ps {
		b = binary.AppendUvarint(b, uint64(p.doc-prev))
		b = append(b, p.tf)
		prev = p.doc
	}
	return b
}

// postingsHeader reads a block value's count and last doc and returns its
// encoded entries.
func postingsHeader(block uint16, v []byte) (count int, last uint32, entries []byte) {
	n, k := binary.Uvarint(v)
	l, k2 := binary.Uvarint(v[k:])
	if k <= 0 || k2 <= 0 {
		return 0, 0, nil
	}
	return int(n), uint32(block)<<blockBits + uint32(l), v[k+k2:]
}

// decodePostings calls fn for each posting of a block value; it stops early
// if fn returns false.
func decodePostings(block uint16, v []byte, fn func(doc uint32, tf uint8) bool) {
	n, _, v := postingsHeader(block, v)
	d := uint32(block) << blockBits
	for ; n > 0 && len(v) > 0; n-- {
		gap, k := binary.Uvarint(v)
		d += uint32(gap)
		if k >= len(v) || !fn(d, v[k]) {
			return
		}
		v = v[k+1:]
	}
}

func postingCount(v []byte) int {
	n, _ := binary.Uvarint(v)
	return int(n)
}

// analysis is a doc's tokens as stored, its weighted length and the
// weighted frequency of each of its terms.
type analysis struct {
	toks   []byte
	length int
	tf     map[string]int
}

// analyzer turns docs into analyses, remembering the terms of each token:
// a register's vocabulary is small next to its size, so most tokens are
// seen many times.
type analyzer struct {
	terms map[string][]string
	tf    map[string]int
}

func newAnalyzer() *analyzer {
	return &analyzer{terms: map[string][]string{}, tf: map[string]int{}}
}

// analyze fills a.tf (reused between calls) and returns the stored tokens:
// each part on a line of its own, led by its weight byte.
func (a *analyzer) analyze(d *doc) analysis {
	clear(a.tf)
	var buf bytes.Buffer
	length := 0
	for i, p := range d.parts {
		w := 1
		if i == 0 {
			w = titleWeight
		}
		buf.WriteByte(byte(w))
		for j, t := range search.Tokens(p) {
			if j > 0 {
				buf.WriteByte(' ')
			}
			buf.WriteString(t)
			length += w
			for _, term := range a.termsOf(t) {
				a.tf[term] += w
			}
		}
		buf.WriteByte('\n')
	}
	return analysis{toks: buf.Bytes(), length: length, tf: a.tf}
}

func (a *analyzer) termsOf(tok string) []string {
	ts, ok := a.terms[tok]
	if !ok {
		ts = search.Terms(tok)
		a.terms[tok] = ts
	}
	return ts
}

// termsOfTokens gives the weighted term frequencies of stored tokens, to
// take a doc out of the postings it was put in.
func (a *analyzer) termsOfTokens(toks []byte) map[string]int {
	tf := map[string]int{}
	forEachPart(toks, func(w int, tokens []byte) {
		for _, t := range bytes.Fields(tokens) {
			for _, term := range a.termsOf(string(t)) {
				tf[term] += w
			}
		}
	})
	return tf
}

// forEachPart splits stored tokens into their weighted parts.
func forEachPart(toks []byte, fn func(weight int, tokens []byte)) {
	for len(toks) > 0 {
		line, rest, _ := bytes.Cut(toks, []byte{'\n'})
		if len(line) > 0 {
			fn(int(line[0]), line[1:])
		}
		toks = rest
	}
}

// indexBuckets are the sub-buckets of the index in one transaction.
type indexBuckets struct {
	meta, refs, ids, docs, toks, post, sess *bolt.Bucket
}

// errNoIndex means the index is missing or in another format. Open rebuilds
// such an index (ensureIndex), so only a file damaged while open meets it.
var errNoIndex = model.Failure("store.index_missing")

func openIndexBuckets(tx *bolt.Tx) (indexBuckets, error) {
	root := tx.Bucket(bucketIndex)
	if root == nil {
		return indexBuckets{}, errNoIndex
	}
	b := indexBuckets{root.Bucket(idxMeta), root.Bucket(idxRefs), root.Bucket(idxIDs), root.Bucket(idxDocs),
		root.Bucket(idxToks), root.Bucket(idxPost), root.Bucket(idxSess)}
	if b.meta == nil || b.refs == nil || b.ids == nil || b.docs == nil || b.toks == nil || b.post == nil || b.sess == nil ||
		!bytes.Equal(b.meta.Get(keyFormat), indexFormat()) {
		return indexBuckets{}, errNoIndex
	}
	return b, nil
}

// indexWriter changes the index within one write transaction. Postings
// edits and records are gathered and written by flush in key order, which
// is what keeps a bulk load of a whole register fast in bbolt.
type indexWriter struct {
	indexBuckets
	stats    indexStats
	analyzer *analyzer
	edits    map[string]*termEdit
	blocks   map[uint32][]byte // record blocks being changed
	sessions map[string]uint32 // session numbers met
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
	return &indexWriter{indexBuckets: b, stats: readStats(b.meta.Get(keyStats)), analyzer: newAnalyzer(),
		edits: map[string]*termEdit{}, blocks: map[uint32][]byte{}, sessions: map[string]uint32{}}, nil
}

func (w *indexWriter) edit(term string) *termEdit {
	e := w.edits[term]
	if e == nil {
		e = &termEdit{}
		w.edits[term] = e
	}
	return e
}

// put indexes d, or brings its entry up to date. An unchanged text costs a
// hash and a record comparison.
func (w *indexWriter) put(d doc) error {
	key := []byte(d.key)
	hash := d.hash()
	sess, err := w.sessionNumber(d.session)
	if err != nil {
		return err
	}
	old := w.refs.Get(key)
	var id uint32
	oldLength := 0
	if old != nil {
		id = binary.BigEndian.Uint32(old)
		rec := w.record(id)
		oldLength = int(rec.length)
		if bytes.Equal(old[4:], hash) {
			w.setRecord(id, d.record(sess, oldLength))
			return nil
		}
		w.unpost(id)
	} else {
		if w.stats.next >= maxDocs {
			return model.Refused("store.index_full", maxDocs)
		}
		id = w.stats.next
		w.stats.next++
		w.stats.live++
		if err := w.ids.Put(u32(id), key); err != nil {
			return err
		}
	}
	an := w.analyzer.analyze(&d)
	for term, f := range an.tf {
		w.edit(term).add = append(w.edit(term).add, posting{id, uint8(min(f, 255))})
	}
	if err := w.toks.Put(u32(id), an.toks); err != nil {
		return err
	}
	if err := w.refs.Put(key, append(u32(id), hash...)); err != nil {
		return err
	}
	rec := d.record(sess, an.length)
	w.stats.total = w.stats.total - uint64(oldLength) + uint64(rec.length)
	w.setRecord(id, rec)
	return nil
}

// remove takes the decision with index key out of the index.
func (w *indexWriter) remove(key []byte) error {
	v := w.refs.Get(key)
	if v == nil {
		return nil
	}
	id := binary.BigEndian.Uint32(v)
	w.unpost(id)
	rec := w.record(id)
	w.stats.total -= uint64(rec.length)
	w.stats.live--
	for _, err := range []error{w.toks.Delete(u32(id)), w.ids.Delete(u32(id)), w.refs.Delete(key)} {
		if err != nil {
			return err
		}
	}
	w.setRecord(id, record{})
	return nil
}

// unpost schedules the removal of doc id from the postings of its stored
// tokens, and drops any posting of it added earlier in this writer.
func (w *indexWriter) unpost(id uint32) {
	for term := range w.analyzer.termsOfTokens(w.toks.Get(u32(id))) {
		e := w.edit(term)
		e.add = slices.DeleteFunc(e.add, func(p posting) bool { return p.doc == id })
		e.del = append(e.del, id)
	}
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

// flush writes the gathered postings and records.
func (w *indexWriter) flush() error {
	terms := make([]string, 0, len(w.edits))
	for t := range w.edits {
		terms = append(terms, t)
	}
	slices.Sort(terms)
	for _, term := range terms {
		if err := w.flushTerm(term, w.edits[term]); err != nil {
			return err
		}
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
	w.edits, w.blocks = map[string]*termEdit{}, map[uint32][]byte{}
	return w.meta.Put(keyStats, w.stats.bytes())
}

func (w *indexWriter) flushTerm(term string, e *termEdit) error {
	slices.SortFunc(e.add, func(a, b posting) int { return cmp.Compare(a.doc, b.doc) })
	slices.Sort(e.del)
	byBlock := map[uint16]bool{}
	for _, p := range e.add {
		byBlock[uint16(p.doc>>blockBits)] = true
	}
	for _, d := range e.del {
		byBlock[uint16(d>>blockBits)] = true
	}
	blocks := make([]uint16, 0, len(byBlock))
	for b := range byBlock {
		blocks = append(blocks, b)
	}
	slices.Sort(blocks)
	for _, blk := range blocks {
		lo, hi := uint32(blk)<<blockBits, uint32(blk+1)<<blockBits
		add := e.add[lowerBound(e.add, lo):lowerBound(e.add, hi)]
		del := e.del
		key := postKey(term, blk)
		old := w.post.Get(key)
		count, last, entries := postingsHeader(blk, old)
		var err error
		switch {
		case old == nil && len(add) > 0:
			err = w.post.Put(key, encodePostings(blk, 0, 0, nil, add))
		case len(add) > 0 && add[0].doc > last && !hasAny(del, lo, hi):
			err = w.post.Put(key, encodePostings(blk, count, last, entries, add))
		default:
			var ps []posting
			decodePostings(blk, old, func(d uint32, tf uint8) bool {
				if _, gone := slices.BinarySearch(del, d); !gone {
					ps = append(ps, posting{d, tf})
				}
				return true
			})
			if ps = mergePostings(ps, add); len(ps) == 0 {
				err = w.post.Delete(key)
			} else {
				err = w.post.Put(key, encodePostings(blk, 0, 0, nil, ps))
			}
		}
		if err != nil {
			return err
		}
	}
	return nil
}

// hasAny reports whether sorted ids holds one in [lo, hi).
func hasAny(ids []uint32, lo, hi uint32) bool {
	i, _ := slices.BinarySearch(ids, lo)
	return i < len(ids) && ids[i] < hi
}

func lowerBound(ps []posting, doc uint32) int {
	i, _ := slices.BinarySearchFunc(ps, doc, func(p posting, d uint32) int { return cmp.Compare(p.doc, d) })
	return i
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
		if err := w.put(doc); err != nil {
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
// sessions in st, session by session, then the past register in ref order.
func forEachDoc(tx *bolt.Tx, st *model.State, fn func(doc) error) error {
	ids := make([]string, 0, len(st.Sessions))
	for id := range st.Sessions {
		ids = append(ids, id)
	}
	slices.Sort(ids)
	for _, id := range ids {
		for _, d := range st.Decisions(st.Sessions[id]) {
			if err := fn(sessionDoc(d)); err != nil {
				return err
			}
		}
	}
	return tx.Bucket(bucketRegister).ForEach(func(k, v []byte) error {
		var d model.Decision
		if err := json.Unmarshal(v, &d); err != nil {
			return fmt.Errorf("register row %s: %w", k, err)
		}
		return fn(registerDoc(d))
	})
}

// rebuildIndex throws the index away and indexes every decision again, the
// state of event seq.
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
	for _, name := range [][]byte{idxMeta, idxRefs, idxIDs, idxDocs, idxToks, idxPost, idxSess} {
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
	w, err := newIndexWriter(tx)
	if err != nil {
		return 0, err
	}
	n := 0
	err = forEachDoc(tx, st, func(d doc) error { n++; return w.put(d) })
	if err != nil {
		return 0, err
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
func (s *Store) RepairIndex() (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	n := 0
	err := s.db.Update(func(tx *bolt.Tx) error {
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

// checkIndex checks that every decision is indexed with its current
// content and nothing else is: refs, records, stored tokens, counters and,
// through a sum per term, every posting.
func checkIndex(tx *bolt.Tx, st *model.State) error {
	b, err := openIndexBuckets(tx)
	if err != nil {
		return indexError("it is missing or was made by another jalsa")
	}
	stats := readStats(b.meta.Get(keyStats))
	an := newAnalyzer()
	want := map[string]uint64{}
	var live uint32
	var total uint64
	err = forEachDoc(tx, st, func(d doc) error {
		ref := d.key[1:]
		v := b.refs.Get([]byte(d.key))
		if v == nil {
			return indexError("decision %s is not in the search index", ref)
		}
		id := binary.BigEndian.Uint32(v)
		if !bytes.Equal(v[4:], d.hash()) {
			return indexError("decision %s is indexed with other content than it has", ref)
		}
		if !bytes.Equal(b.ids.Get(u32(id)), []byte(d.key)) {
			return indexError("decision %s: its index entry %d names another decision", ref, id)
		}
		a := an.analyze(&d)
		if !bytes.Equal(b.toks.Get(u32(id)), a.toks) {
			return indexError("decision %s: its indexed words differ from its text", ref)
		}
		sv := b.sess.Get([]byte(d.session))
		if sv == nil {
			return indexError("decision %s: session %s is not in the index", ref, d.session)
		}
		var got record
		if blk := b.docs.Get(u32(id >> recordBits)); len(blk) >= int(id&(1<<recordBits-1)+1)*recordSize {
			got = getRecord(blk[int(id&(1<<recordBits-1))*recordSize:])
		}
		if exp := d.record(binary.BigEndian.Uint32(sv), a.length); got != exp {
			return indexError("decision %s: its date, session, outcome, kind or length in the index are not its own", ref)
		}
		for term, f := range a.tf {
			want[term] += postingSum(id, uint8(min(f, 255)))
		}
		live++
		total += uint64(got.length)
		return nil
	})
	if err != nil {
		return err
	}
	if n := b.refs.Stats().KeyN; n != int(live) {
		return indexError("the search index holds %d decisions; the record has %d", n, live)
	}
	if stats.live != live || stats.total != total {
		return indexError("the search index counters are off (%d decisions, length %d; expected %d, %d)", stats.live, stats.total, live, total)
	}
	got := map[string]uint64{}
	err = b.post.ForEach(func(k, v []byte) error {
		if len(k) < 3 || k[len(k)-3] != 0 {
			return indexError("unreadable postings key %q", k)
		}
		term := string(k[:len(k)-3])
		blk := binary.BigEndian.Uint16(k[len(k)-2:])
		sum := got[term]
		decodePostings(blk, v, func(d uint32, tf uint8) bool { sum += postingSum(d, tf); return true })
		got[term] = sum
		return nil
	})
	if err != nil {
		return err
	}
	for term, sum := range want {
		if got[term] != sum {
			return indexError("the postings of %q do not match the decisions", term)
		}
		delete(got, term)
	}
	for term := range got {
		return indexError("the index lists %q, which no decision holds", term)
	}
	return nil
}

func indexError(format string, args ...any) error {
	return &VerifyError{Msg: "search index: " + fmt.Sprintf(format, args...) + " (jalsa verify --repair-index rebuilds it)"}
}

// postingSum hashes one posting so that the sum over a term's postings,
// in any order, changes when any posting does.
func postingSum(doc uint32, tf uint8) uint64 {
	x := uint64(doc)<<8 | uint64(tf)
	x += 0x9e3779b97f4a7c15
	x = (x ^ (x >> 30)) * 0xbf58476d1ce4e5b9
	x = (x ^ (x >> 27)) * 0x94d049bb133111eb
	return x ^ (x >> 31)
}

// IndexStats describes the search index, for the benchmark and for
// maintainers sizing a register.
type IndexStats struct {
	Decisions int
	// Bytes is the size of the index's keys and values; TextBytes the size of
	// the text it indexes (titles, texts, notes, session labels).
	Bytes, TextBytes int64
}

// IndexStats measures the search index.
func (s *Store) IndexStats() (IndexStats, error) {
	if err := s.catchUp(); err != nil {
		return IndexStats{}, err
	}
	s.mu.RLock()
	defer s.mu.RUnlock()
	var out IndexStats
	err := s.db.View(func(tx *bolt.Tx) error {
		b, err := openIndexBuckets(tx)
		if err != nil {
			return err
		}
		out.Decisions = int(readStats(b.meta.Get(keyStats)).live)
		for _, bk := range []*bolt.Bucket{b.meta, b.refs, b.ids, b.docs, b.toks, b.post, b.sess} {
			err := bk.ForEach(func(k, v []byte) error { out.Bytes += int64(len(k) + len(v)); return nil })
			if err != nil {
				return err
			}
		}
		return forEachDoc(tx, s.state, func(d doc) error {
			for _, p := range d.parts {
				out.TextBytes += int64(len(p))
			}
			return nil
		})
	})
	return out, err
}
