package store

import (
	"encoding/json"

	"github.com/jalsa-app/jalsa/model"
	bolt "go.etcd.io/bbolt"
)

// saveBodies writes the bodies a command changed: those whose pointer is
// not the one before it ran (a command replaces a body it changes), and
// those it created.
func (s *Store) saveBodies(tx *bolt.Tx, before map[string]*model.Body) error {
	for id, b := range s.state.Bodies {
		if before[id] == b {
			continue
		}
		if err := putBody(tx, b); err != nil {
			return err
		}
	}
	return nil
}

func putBody(tx *bolt.Tx, b *model.Body) error {
	v, err := json.Marshal(b)
	if err != nil {
		return err
	}
	return tx.Bucket(bucketBodies).Put([]byte(b.ID), v)
}
