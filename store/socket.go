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
	"os/user"
	"path/filepath"
	"strconv"
	"strings"
	"time"

	"golang.org/x/sys/unix"
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

// Serve listens on the socket beside the database and runs each request
// with h until ctx ends. The socket is never reachable by another user,
// not even for an instant (listenPrivate), and only a process of the same
// user or root is served (SO_PEERCRED); the actor of its command is that
// user's name, whatever the request says. The caller owns the file lock,
// so a socket file left by a killed owner is stale and replaced.
func (s *Store) Serve(ctx context.Context, what string, h Handler) error {
	path := SocketPath(s.path)
	ln, err := listenPrivate(path)
	if err != nil {
		return fmt.Errorf("listen on %s: %w", path, err)
	}
	s.claim(what)
	go func() {
		<-ctx.Done()
		ln.Close()
	}()
	defer os.Remove(path)
	for {
		conn, err := ln.AcceptUnix()
		if err != nil {
			if ctx.Err() != nil {
				return nil
			}
			return err
		}
		go serveConn(ctx, conn, h)
	}
}

// listenPrivate binds a unix socket at path with no access for others from
// the first instant: it is bound in a new directory only its owner may
// enter, made 0600 there, then renamed into place, which replaces a stale
// socket in one step. (Bound at path directly and chmod-ed after, it was
// open to every local user, under umask 000, until the chmod.)
func listenPrivate(path string) (*net.UnixListener, error) {
	dir, err := os.MkdirTemp(filepath.Dir(path), ".sock-")
	if err != nil {
		return nil, err
	}
	defer os.RemoveAll(dir)
	tmp := filepath.Join(dir, "s")
	ln, err := net.ListenUnix("unix", &net.UnixAddr{Name: tmp, Net: "unix"})
	if err != nil {
		return nil, err
	}
	// The name it was bound to is gone once renamed; Serve removes path.
	ln.SetUnlinkOnClose(false)
	if err := os.Chmod(tmp, 0o600); err != nil {
		ln.Close()
		return nil, err
	}
	if err := os.Rename(tmp, path); err != nil {
		ln.Close()
		return nil, err
	}
	return ln, nil
}

func serveConn(ctx context.Context, conn *net.UnixConn, h Handler) {
	defer conn.Close()
	// A stranger learns nothing, not even that an owner is there.
	actor, ok := peerUser(conn)
	if !ok {
		return
	}
	var req Request
	dec := json.NewDecoder(conn)
	if err := dec.Decode(&req); err != nil {
		return
	}
	req.Actor = actor
	// The acknowledgement tells the client a live owner took the command, so
	// it can wait for a long one (an import) without hanging on a dead one.
	if _, err := conn.Write([]byte{ack}); err != nil {
		return
	}
	var out, errb bytes.Buffer
	code := h(ctx, req, &out, &errb)
	_ = json.NewEncoder(conn).Encode(Response{Stdout: out.Bytes(), Stderr: errb.Bytes(), Code: code})
}

// peerUser names the user of the process at the other end of conn, as the
// kernel tells it (SO_PEERCRED); ok is false unless that is the owner's
// own user or root.
func peerUser(conn *net.UnixConn) (name string, ok bool) {
	raw, err := conn.SyscallConn()
	if err != nil {
		return "", false
	}
	var cred *unix.Ucred
	var credErr error
	if err := raw.Control(func(fd uintptr) {
		cred, credErr = unix.GetsockoptUcred(int(fd), unix.SOL_SOCKET, unix.SO_PEERCRED)
	}); err != nil || credErr != nil {
		return "", false
	}
	if int(cred.Uid) != os.Geteuid() && cred.Uid != 0 {
		return "", false
	}
	uid := strconv.FormatUint(uint64(cred.Uid), 10)
	if u, err := user.LookupId(uid); err == nil {
		return u.Username, true
	}
	return "uid " + uid, true
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
