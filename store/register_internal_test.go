package store

import (
	"testing"

	"github.com/jalsa-app/jalsa/search"
	bolt "go.etcd.io/bbolt"
)

// PostingsKeyForTest and BadPointerForTest let the command-line tests of
// the register (package store_test) damage a file as a disk or a hand
// could.
func PostingsKeyForTest(t *testing.T, idx *bolt.Bucket, term search.Term) []byte {
	return termPostingsKey(t, idx, term)
}

// BadPointerForTest is a register pointer into event 1 that points at no row.
func BadPointerForTest() []byte { return rowSpan{1, 2}.pointer(1) }
