package store

import (
	"errors"
	"net"
	"path/filepath"
	"testing"
	"time"
)

// An owner that accepts a connection but never answers must not hang the
// client: Forward gives up within its timeout.
func TestForwardGivesUpOnSilentOwner(t *testing.T) {
	db := filepath.Join(t.TempDir(), "j.db")
	ln, err := net.Listen("unix", SocketPath(db))
	if err != nil {
		t.Fatal(err)
	}
	defer ln.Close()
	go func() {
		for {
			c, err := ln.Accept()
			if err != nil {
				return
			}
			defer c.Close() // hold it open, say nothing
		}
	}()
	start := time.Now()
	_, err = Forward(db, Request{Args: []string{"status", "x"}}, 300*time.Millisecond)
	if !errors.Is(err, ErrNoOwner) {
		t.Fatalf("Forward to a silent owner: %v, want ErrNoOwner", err)
	}
	if d := time.Since(start); d > 2*time.Second {
		t.Fatalf("Forward took %v; SPEC §5 allows 2 s at most", d)
	}
}
