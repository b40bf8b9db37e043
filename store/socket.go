package store

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net"
	"os"
	"strings"
	"time"
)

// SocketPath is where the owner of the database at db listens.
func SocketPath(db string) string { return db + ".sock" }

// ownerPath holds who owns the database, for the message a blocked command prints.
func ownerPath(db string) string { return db + ".owner" }

// Request is one command sent to the owner over the socket.
type Request struct {
	Args  []string `json:"args"`
	Lang  string   `json:"lang"`
	Dir   string   `json:"dir"`
	Actor string   `json:"actor"`
	Stdin []byte   `json:"stdin,omitempty"`
}

// Response is what the command printed and its exit code.
type Response struct {
	Stdout []byte `json:"stdout"`
	Stderr []byte `json:"stderr"`
	Code   int    `json:"code"`
}

// Handler runs a forwarded command against the owner's open store.
type Handler func(ctx context.Context, req Request, stdout, stderr io.Writer) int

// Serve listens on the socket beside the database (mode 0600) and runs each
// request with h until ctx ends. The caller owns the file lock, so a socket
// file left by a killed owner is stale and replaced.
func (s *Store) Serve(ctx context.Context, what string, h Handler) error {
	path := SocketPath(s.path)
	_ = os.Remove(path)
	ln, err := net.Listen("unix", path)
	if err != nil {
		return fmt.Errorf("listen on %s: %w", path, err)
	}
	if err := os.Chmod(path, 0o600); err != nil {
		ln.Close()
		return err
	}
	s.claim(what)
	go func() {
		<-ctx.Done()
		ln.Close()
	}()
	defer os.Remove(path)
	for {
		conn, err := ln.Accept()
		if err != nil {
			if ctx.Err() != nil {
				return nil
			}
			return err
		}
		go serveConn(ctx, conn, h)
	}
}

func serveConn(ctx context.Context, conn net.Conn, h Handler) {
	defer conn.Close()
	var req Request
	dec := json.NewDecoder(conn)
	if err := dec.Decode(&req); err != nil {
		return
	}
	// The acknowledgement tells the client a live owner took the command, so
	// it can wait for a long one (an import) without hanging on a dead one.
	if _, err := conn.Write([]byte{ack}); err != nil {
		return
	}
	var out, errb bytes.Buffer
	code := h(ctx, req, &out, &errb)
	_ = json.NewEncoder(conn).Encode(Response{Stdout: out.Bytes(), Stderr: errb.Bytes(), Code: code})
}

// Serving reports whether a socket file sits beside the database at db: an
// owner serves it, or a killed one left it behind.
func Serving(db string) bool {
	fi, err := os.Stat(SocketPath(db))
	return err == nil && fi.Mode()&os.ModeSocket != 0
}

// ErrNoOwner means the database is locked but no owner answers on its socket.
var ErrNoOwner = errors.New("no owner answers")

// ack is the byte the owner sends as soon as it has read a request.
const ack = '\x06'

// Forward sends req to the owner of the database at db and returns its
// response. The owner must connect and acknowledge within timeout, so no
// command ever hangs on a lock held by a process that does not answer.
func Forward(db string, req Request, timeout time.Duration) (Response, error) {
	conn, err := net.DialTimeout("unix", SocketPath(db), timeout)
	if err != nil {
		return Response{}, fmt.Errorf("%w: %v", ErrNoOwner, err)
	}
	defer conn.Close()
	_ = conn.SetDeadline(time.Now().Add(timeout))
	if err := json.NewEncoder(conn).Encode(req); err != nil {
		return Response{}, fmt.Errorf("%w: %v", ErrNoOwner, err)
	}
	b := make([]byte, 1)
	if _, err := io.ReadFull(conn, b); err != nil || b[0] != ack {
		return Response{}, fmt.Errorf("%w: no acknowledgement (%v)", ErrNoOwner, err)
	}
	_ = conn.SetDeadline(time.Time{})
	var resp Response
	if err := json.NewDecoder(conn).Decode(&resp); err != nil {
		return Response{}, fmt.Errorf("%w: %v", ErrNoOwner, err)
	}
	return resp, nil
}

// Owner describes the process that holds the database at db, as it wrote it
// when it opened the file or took the socket ("pid 1234 (jalsa serve)"), or
// "" if unknown.
func Owner(db string) string {
	b, err := os.ReadFile(ownerPath(db))
	if err != nil {
		return ""
	}
	pid, what, _ := strings.Cut(strings.TrimSpace(string(b)), " ")
	return fmt.Sprintf("pid %s (%s)", pid, what)
}
