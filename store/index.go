package store

import (
	"github.com/jalsa-app/jalsa/model"
	bolt "go.etcd.io/bbolt"
)

var (
	bucketRegister = []byte("register")
	bucketIndex    = []byte("index")
)

// indexSession brings the search index in line with a session's decisions,
// inside the transaction that changed them.
func indexSession(tx *bolt.Tx, s *model.Session, st *model.State) error {
	return nil
}
