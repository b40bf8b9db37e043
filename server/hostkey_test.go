package server

import (
	"bytes"
	"os"
	"path/filepath"
	"sync"
	"testing"

	gossh "golang.org/x/crypto/ssh"
)

// What a start killed while making its key leaves must not stop the next
// start: an empty key file (an older jalsa created the file, then wrote
// it) is replaced by a key, and no temporary file stays beside it.
func TestHostKeyAfterAKilledStart(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "host_key")
	if err := os.WriteFile(path, nil, 0o600); err != nil {
		t.Fatal(err)
	}
	if _, err := loadHostKey(path); err != nil {
		t.Fatalf("an empty key file left by a killed start: %v", err)
	}
	entries, _ := os.ReadDir(dir)
	var names []string
	for _, e := range entries {
		names = append(names, e.Name())
	}
	if len(names) != 2 || names[0] != "host_key" || names[1] != "host_key.pub" {
		t.Errorf("beside the key: %v, want host_key and host_key.pub only", names)
	}
}

// Two servers started at once on a new key path present the same key:
// the one that links its key first wins, the other reads it.
func TestHostKeyMadeOnceByConcurrentStarts(t *testing.T) {
	for round := range 20 {
		path := filepath.Join(t.TempDir(), "keys", "host_key")
		keys := make([][]byte, 8)
		var wg sync.WaitGroup
		for i := range keys {
			wg.Go(func() {
				s, err := loadHostKey(path)
				if err != nil {
					t.Errorf("round %d: %v", round, err)
					return
				}
				keys[i] = s.PublicKey().Marshal()
			})
		}
		wg.Wait()
		data, err := os.ReadFile(path)
		if err != nil {
			t.Fatal(err)
		}
		onDisk, err := gossh.ParsePrivateKey(data)
		if err != nil {
			t.Fatalf("round %d: the key on disk: %v", round, err)
		}
		for i, k := range keys {
			if k != nil && !bytes.Equal(k, onDisk.PublicKey().Marshal()) {
				t.Fatalf("round %d: start %d presents another key than the one on disk", round, i)
			}
		}
	}
}
