package store

import (
	"bytes"
	"encoding/binary"
	"fmt"

	"github.com/jalsa-app/jalsa/model"
	bolt "go.etcd.io/bbolt"
)

// checkIndex checks that every decision is indexed with its current
// content and nothing else is: refs, ids, records, counters, the
// vocabulary's document frequencies and, through a sum per term, every
// posting.
func checkIndex(tx *bolt.Tx, st *model.State) error {
	b, err := openIndexBuckets(tx)
	if err != nil {
		return indexError("it is missing or was made by another jalsa")
	}
	stats := readStats(b.meta.Get(keyStats))
	an := newAnalyzer()
	want := map[string]uint64{} // term key → sum of its postings
	wantDF := map[string]int64{}
	var live uint32
	var total uint64
	err = forEachDoc(tx, st, func(d doc, _ uint64) error {
		ref := d.key[1:]
		v := b.refs.Get([]byte(d.key))
		if len(v) < 4 {
			return indexError("decision %s is not in the search index", ref)
		}
		id := binary.BigEndian.Uint32(v)
		if d.key[0] == srcSession && !bytes.Equal(v[4:], d.hash()) {
			return indexError("decision %s is indexed with other content than it has", ref)
		}
		if !bytes.Equal(b.ids.Get(u32(id)), []byte(d.key)) {
			return indexError("decision %s: its index entry %d names another decision", ref, id)
		}
		a := an.analyze(&d)
		if d.key[0] == srcSession {
			listed := map[string]bool{}
			if err := forEachTermKey(b.terms.Get(u32(id)), func(k string) error { listed[k] = true; return nil }); err != nil {
				return indexError("decision %s: %v", ref, err)
			}
			same := len(listed) == len(a.tf)
			for k := range a.tf {
				same = same && listed[k]
			}
			if !same {
				return indexError("decision %s: its indexed words differ from its text", ref)
			}
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
		for k, code := range a.tf {
			want[k] += postingSum(id, code)
			wantDF[k]++
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
	keyOf := map[uint32]string{}
	err = b.vocab.ForEach(func(k, v []byte) error {
		id, df := readVocab(v)
		if df != wantDF[string(k)] {
			return indexError("the vocabulary counts %q in %d decisions; they are %d", k, df, wantDF[string(k)])
		}
		if _, dup := keyOf[id]; dup || id >= stats.nextTerm {
			return indexError("the vocabulary gives %q a bad or shared number", k)
		}
		keyOf[id] = string(k)
		return nil
	})
	if err != nil {
		return err
	}
	got := map[string]uint64{}
	err = b.post.ForEach(func(k, v []byte) error {
		if len(k) != 6 {
			return indexError("unreadable postings key %q", k)
		}
		blk, tid := binary.BigEndian.Uint16(k), binary.BigEndian.Uint32(k[2:])
		term, ok := keyOf[tid]
		if !ok {
			return indexError("postings of term number %d, which the vocabulary lacks", tid)
		}
		sum := got[term]
		for _, p := range decodePostings(blk, v, nil) {
			sum += postingSum(p.doc, p.tf)
		}
		got[term] = sum
		return nil
	})
	if err != nil {
		return err
	}
	for term, sum := range want {
		if got[term] != sum {
			return indexError("the postings of %q do not match the decisions", term[1:])
		}
		delete(got, term)
	}
	for term := range got {
		return indexError("the index lists %q, which no decision holds", term[1:])
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
	// Bytes is the size of the index's keys and values and of the
	// register's pointers; TextBytes the size of the text it indexes
	// (titles, texts, notes, session labels).
	Bytes, TextBytes int64
}

// IndexStats measures the search index.
func (s *Store) IndexStats() (st IndexStats, err error) {
	defer shield(s.path, &err)()
	if err := s.catchUp(); err != nil {
		return IndexStats{}, err
	}
	s.mu.RLock()
	defer s.mu.RUnlock()
	var out IndexStats
	err = s.db.View(func(tx *bolt.Tx) error {
		b, err := openIndexBuckets(tx)
		if err != nil {
			return err
		}
		out.Decisions = int(readStats(b.meta.Get(keyStats)).live)
		for _, bk := range []*bolt.Bucket{b.meta, b.vocab, b.post, b.docs, b.ids, b.refs, b.terms, b.sess, tx.Bucket(bucketRegister)} {
			err := bk.ForEach(func(k, v []byte) error { out.Bytes += int64(len(k) + len(v)); return nil })
			if err != nil {
				return err
			}
		}
		return forEachDoc(tx, s.state, func(d doc, _ uint64) error {
			for _, p := range d.parts {
				out.TextBytes += int64(len(p))
			}
			return nil
		})
	})
	return out, err
}
