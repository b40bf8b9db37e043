package store

import (
	"bytes"
	"context"
	"encoding/binary"
	"fmt"
	"hash/fnv"
	"io"
	"os"
)

// checkPages checks the structure of the bbolt file at path the way bbolt's
// own Tx.Check does — every page reachable once, or free once, and nothing
// else — but reading the file through ReadAt, with every figure bounded by
// the file before it is used. bbolt's check trusts the file: a flipped
// overflow field once made it allocate 24 GB, a page beyond the end of a
// truncated file makes it fault, and a cycle of pages makes it loop. Here
// memory stays within the file's size (a page is read once, two bit sets
// of one bit a page), and ctx stops it.
func checkPages(ctx context.Context, path string) error {
	_, err := checkPagesAt(ctx, path)
	return err
}

// checkPagesAt is checkPages, which also returns the transaction the
// checked meta page closed, so that a caller can tell whether a commit
// changed the file meanwhile.
func checkPagesAt(ctx context.Context, path string) (txid uint64, err error) {
	f, err := os.Open(path)
	if err != nil {
		return 0, err
	}
	defer f.Close()
	fi, err := f.Stat()
	if err != nil {
		return 0, err
	}
	pc := &pageChecker{ctx: ctx, f: f, size: fi.Size()}
	m, err := pc.meta()
	if err != nil {
		return 0, err
	}
	return m.txid, pc.check(m)
}

func (pc *pageChecker) check(m bboltMeta) error {
	pc.pageSize, pc.hwm = int64(m.pageSize), m.pgid
	if pc.hwm < 2 || pc.hwm > uint64(pc.size/pc.pageSize) {
		return fmt.Errorf("the file holds %d pages of %d bytes; its meta page counts %d: the file was cut short", pc.size/pc.pageSize, pc.pageSize, pc.hwm)
	}
	pc.used, pc.free = newBits(pc.hwm), newBits(pc.hwm)
	pc.used.set(0)
	pc.used.set(1)
	if m.freelist != noFreelist {
		if err := pc.freelist(m.freelist); err != nil {
			return err
		}
	}
	if err := pc.bucket(m.root, nil, 0); err != nil {
		return err
	}
	for id := uint64(2); id < pc.hwm; id++ {
		switch used, free := pc.used.get(id), pc.free.get(id); {
		case used && free:
			return fmt.Errorf("page %d is both in use and free", id)
		case !used && !free:
			return fmt.Errorf("page %d is neither in use nor free", id)
		}
	}
	return nil
}

// bbolt's on-disk format (go.etcd.io/bbolt/internal/common), which is
// stable across its versions: a page starts with a 16-byte header (id,
// flags, count, overflow); a meta page then holds the meta; a branch or
// leaf page holds count 16-byte elements, then keys and values.
const (
	pageHeader   = 16
	elementSize  = 16
	flagBranch   = 0x01
	flagLeaf     = 0x02
	flagMeta     = 0x04
	flagFreelist = 0x10
	leafIsBucket = 0x01
	bboltMagic   = 0xED0CDAED
	bboltVersion = 2
	noFreelist   = ^uint64(0)
	maxDepth     = 64
)

type bboltMeta struct {
	pageSize             uint32
	root, freelist, pgid uint64
	txid                 uint64
}

type pageChecker struct {
	ctx        context.Context
	f          io.ReaderAt
	size       int64
	pageSize   int64
	hwm        uint64
	used, free bits
}

var ne = binary.NativeEndian

// meta reads the meta page bbolt uses: of the two that are valid, the one
// of the later transaction.
func (pc *pageChecker) meta() (bboltMeta, error) {
	var best bboltMeta
	found := false
	pageSize := int64(0)
	if m, ok := pc.readMeta(0); ok {
		best, found, pageSize = m, true, int64(m.pageSize)
	}
	// Without a valid first meta page, the second one is found as bbolt
	// finds it: at every page size it supports.
	sizes := []int64{pageSize}
	if !found {
		sizes = sizes[:0]
		for i := range 15 {
			sizes = append(sizes, 1024<<i)
		}
	}
	for _, ps := range sizes {
		if m, ok := pc.readMeta(ps); ok && int64(m.pageSize) == ps && (!found || m.txid > best.txid) {
			best, found = m, true
			break
		}
	}
	if !found {
		return best, fmt.Errorf("no valid meta page: not a bbolt file, or both meta pages are damaged")
	}
	return best, nil
}

func (pc *pageChecker) readMeta(off int64) (bboltMeta, bool) {
	var b [pageHeader + 64]byte
	if off+int64(len(b)) > pc.size {
		return bboltMeta{}, false
	}
	if _, err := pc.f.ReadAt(b[:], off); err != nil {
		return bboltMeta{}, false
	}
	m := b[pageHeader:]
	h := fnv.New64a()
	h.Write(m[:56])
	if ne.Uint16(b[8:]) != flagMeta || ne.Uint32(m[0:]) != bboltMagic || ne.Uint32(m[4:]) != bboltVersion || h.Sum64() != ne.Uint64(m[56:]) {
		return bboltMeta{}, false
	}
	ps := ne.Uint32(m[8:])
	if ps < 1024 || ps > 1<<24 || ps&(ps-1) != 0 {
		return bboltMeta{}, false
	}
	return bboltMeta{pageSize: ps, root: ne.Uint64(m[16:]), freelist: ne.Uint64(m[32:]), pgid: ne.Uint64(m[40:]), txid: ne.Uint64(m[48:])}, true
}

// page reads page id with its overflow pages, checks its header and marks
// its pages used.
func (pc *pageChecker) page(id uint64, flags uint16) ([]byte, error) {
	if err := pc.ctx.Err(); err != nil {
		return nil, err
	}
	if id < 2 || id >= pc.hwm {
		return nil, fmt.Errorf("page %d: outside the file's %d pages", id, pc.hwm)
	}
	var head [pageHeader]byte
	if _, err := pc.f.ReadAt(head[:], int64(id)*pc.pageSize); err != nil {
		return nil, fmt.Errorf("page %d: %w", id, err)
	}
	if got := ne.Uint64(head[0:]); got != id {
		return nil, fmt.Errorf("page %d: says it is page %d", id, got)
	}
	// One type, and one of those allowed here.
	if got := ne.Uint16(head[8:]); got == 0 || got&(got-1) != 0 || got&^flags != 0 {
		return nil, fmt.Errorf("page %d: of type %#x where a page of type %#x belongs", id, got, flags)
	}
	overflow := uint64(ne.Uint32(head[12:]))
	if overflow >= pc.hwm-id {
		return nil, fmt.Errorf("page %d: runs %d pages past the end of the file", id, overflow+1)
	}
	for p := id; p <= id+overflow; p++ {
		if pc.used.get(p) {
			return nil, fmt.Errorf("page %d: reached twice", p)
		}
		pc.used.set(p)
	}
	buf := make([]byte, int64(overflow+1)*pc.pageSize)
	if _, err := pc.f.ReadAt(buf, int64(id)*pc.pageSize); err != nil {
		return nil, fmt.Errorf("page %d: %w", id, err)
	}
	return buf, nil
}

func (pc *pageChecker) freelist(id uint64) error {
	buf, err := pc.page(id, flagFreelist)
	if err != nil {
		return err
	}
	n, start := uint64(ne.Uint16(buf[10:])), uint64(pageHeader)
	if n == 0xFFFF {
		if len(buf) < pageHeader+8 {
			return fmt.Errorf("page %d: free list too short", id)
		}
		n, start = ne.Uint64(buf[pageHeader:]), pageHeader+8
	}
	if n > (uint64(len(buf))-start)/8 {
		return fmt.Errorf("page %d: free list of %d pages does not fit its page", id, n)
	}
	for i := range n {
		p := ne.Uint64(buf[start+8*i:])
		if p < 2 || p >= pc.hwm {
			return fmt.Errorf("page %d: frees page %d, outside the file", id, p)
		}
		if pc.free.get(p) {
			return fmt.Errorf("page %d: frees page %d twice", id, p)
		}
		pc.free.set(p)
	}
	return nil
}

// bucket checks the tree of a bucket: rooted at page root, or, when root
// is 0, the inline page that follows its header in the bucket's value.
func (pc *pageChecker) bucket(root uint64, inline []byte, depth int) error {
	if depth > maxDepth {
		return fmt.Errorf("buckets nested more than %d deep", maxDepth)
	}
	if root == 0 {
		if len(inline) < pageHeader || ne.Uint16(inline[8:]) != flagLeaf {
			return fmt.Errorf("an inline bucket whose page is not a leaf")
		}
		return pc.elements(inline, 0, flagLeaf, depth)
	}
	return pc.tree(root, depth, 0)
}

func (pc *pageChecker) tree(id uint64, depth, height int) error {
	if height > maxDepth {
		return fmt.Errorf("page %d: a tree more than %d pages deep", id, maxDepth)
	}
	buf, err := pc.page(id, flagBranch|flagLeaf)
	if err != nil {
		return err
	}
	flags := ne.Uint16(buf[8:])
	if err := pc.elements(buf, id, flags, depth); err != nil {
		return err
	}
	if flags != flagBranch {
		return nil
	}
	for i := range uint64(ne.Uint16(buf[10:])) {
		if err := pc.tree(ne.Uint64(buf[pageHeader+i*elementSize+8:]), depth, height+1); err != nil {
			return err
		}
	}
	return nil
}

// elements checks that the elements of a branch or leaf page, their keys
// and values lie within the page and the keys are in order, and checks the
// buckets a leaf holds.
func (pc *pageChecker) elements(buf []byte, id uint64, flags uint16, depth int) error {
	n := uint64(ne.Uint16(buf[10:]))
	if pageHeader+n*elementSize > uint64(len(buf)) {
		return fmt.Errorf("page %d: %d elements do not fit its page", id, n)
	}
	var prev []byte
	for i := range n {
		at := pageHeader + i*elementSize
		e := buf[at : at+elementSize]
		var pos, ksize, vsize uint64
		if flags == flagBranch {
			pos, ksize = uint64(ne.Uint32(e[0:])), uint64(ne.Uint32(e[4:]))
		} else {
			pos, ksize, vsize = uint64(ne.Uint32(e[4:])), uint64(ne.Uint32(e[8:])), uint64(ne.Uint32(e[12:]))
		}
		if at+pos+ksize+vsize > uint64(len(buf)) {
			return fmt.Errorf("page %d: element %d lies outside its page", id, i)
		}
		key := buf[at+pos : at+pos+ksize]
		if i > 0 && bytes.Compare(prev, key) >= 0 {
			return fmt.Errorf("page %d: element %d is out of order", id, i)
		}
		prev = key
		if flags == flagLeaf && ne.Uint32(e[0:])&leafIsBucket != 0 {
			v := buf[at+pos+ksize : at+pos+ksize+vsize]
			if len(v) < 16 {
				return fmt.Errorf("page %d: element %d is a bucket of %d bytes", id, i, len(v))
			}
			if err := pc.bucket(ne.Uint64(v), v[16:], depth+1); err != nil {
				return err
			}
		}
	}
	return nil
}

// bits is a set of page ids.
type bits []uint64

func newBits(n uint64) bits      { return make(bits, (n+63)/64) }
func (b bits) set(i uint64)      { b[i/64] |= 1 << (i % 64) }
func (b bits) get(i uint64) bool { return b[i/64]&(1<<(i%64)) != 0 }
