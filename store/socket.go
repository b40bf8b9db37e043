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
	"sync"
	"time"
)

// SocketPath is where the owner of the database at db listens.
func SocketPath(db string) string { return db + ".sock" }

// ownerPath holds who owns the database, for the message a blocked command prints.
func ownerPath(db string) string { return db + ".owner" }

// Request is one command sent to the owner over the socket.
type Request struct {
	// ID is the request's id (NewRequestID), made by the process that
	// asks: the owner records it in the event, carries out a request of an
	// id only once however often it comes, and a client whose owner died
	// before replying looks it up (Store.Recorded) instead of running the
	// command again.
	ID    string   `json:"id,omitempty"`
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

// The conversation on the socket:
//
//	client → owner  the Request, as JSON
//	owner  → client ack: the owner is alive and has read it
//	client → owner  proceed: the client got the ack in time and waits
//	owner  → client a heartbeat every heartbeat while the command runs
//	owner  → client the Response, as JSON
//
// The owner runs nothing before proceed, so a client that gave up waiting
// for the ack (a stopped owner) knows its command will never run there.
// Heartbeats are spaces, which JSON skips before the response; they let a
// client wait for a long command (an import) and still give up within 2 s
// on an owner that stopped (SIGSTOP) while running it (SPEC §5).
const (
	ack       = '\x06'
	proceed   = '\x07'
	heartbeat = ' '

	heartbeatEvery = 250 * time.Millisecond
)

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
	calls := &requests{calls: map[string]*call{}}
	for {
		conn, err := ln.AcceptUnix()
		if err != nil {
			if ctx.Err() != nil {
				return nil
			}
			return err
		}
		go serveConn(ctx, conn, h, calls)
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

func serveConn(ctx context.Context, conn *net.UnixConn, h Handler, calls *requests) {
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
	if _, err := conn.Write([]byte{ack}); err != nil {
		return
	}
	// The line break the request's encoder ended it with may come first.
	_ = conn.SetReadDeadline(time.Now().Add(heartbeatEvery * 8))
	r := io.MultiReader(dec.Buffered(), conn)
	b := []byte{'\n'}
	for b[0] == '\n' {
		if _, err := io.ReadFull(r, b); err != nil {
			return
		}
	}
	if b[0] != proceed {
		return
	}
	stop := make(chan struct{})
	beating := make(chan struct{})
	go func() {
		defer close(beating)
		t := time.NewTicker(heartbeatEvery)
		defer t.Stop()
		for {
			select {
			case <-stop:
				return
			case <-t.C:
				_ = conn.SetWriteDeadline(time.Now().Add(heartbeatEvery))
				if _, err := conn.Write([]byte{heartbeat}); err != nil {
					return
				}
			}
		}
	}()
	resp := calls.do(req.ID, func() Response {
		_ = failpoint(fpInCommand)
		var out, errb bytes.Buffer
		code := h(ctx, req, &out, &errb)
		return Response{Stdout: out.Bytes(), Stderr: errb.Bytes(), Code: code}
	})
	close(stop)
	<-beating
	if failpoint(fpBeforeReply) != nil {
		return
	}
	_ = conn.SetWriteDeadline(time.Time{})
	_ = json.NewEncoder(conn).Encode(resp)
}

// requests is the owner's book of the requests it carries out: a request
// that comes again while it runs (its client lost the connection and asks
// again) waits for the first run and gets its response, as does one that
// comes again soon after. The store's events hold the rest (Recorded).
type requests struct {
	mu    sync.Mutex
	calls map[string]*call
	order []string
}

type call struct {
	done chan struct{}
	resp Response
}

// keepCalls is how many past requests the owner remembers.
const keepCalls = 256

func (r *requests) do(id string, run func() Response) Response {
	if id == "" {
		return run()
	}
	r.mu.Lock()
	if c, ok := r.calls[id]; ok {
		r.mu.Unlock()
		<-c.done
		return c.resp
	}
	c := &call{done: make(chan struct{})}
	r.calls[id] = c
	r.order = append(r.order, id)
	if len(r.order) > keepCalls {
		delete(r.calls, r.order[0])
		r.order = r.order[1:]
	}
	r.mu.Unlock()
	c.resp = run()
	close(c.done)
	return c.resp
}

// peerUser names the user of the process at the other end of conn, as the
// kernel tells it; ok is false unless that is the owner's own user or
// root, or the kernel cannot tell.
func peerUser(conn *net.UnixConn) (name string, ok bool) {
	raw, err := conn.SyscallConn()
	if err != nil {
		return "", false
	}
	peer, ok := peerUID(raw)
	if !ok || (int(peer) != os.Geteuid() && peer != 0) {
		return "", false
	}
	uid := strconv.FormatUint(uint64(peer), 10)
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

// Errors of Forward. Only ErrNoOwner means the command did not run there.
var (
	// ErrNoOwner means no owner took the request: none listens, or one
	// listens and did not acknowledge in time (ErrNoAnswer too). The
	// command did not run there and never will.
	ErrNoOwner = errors.New("no owner answers")
	// ErrNoAnswer means an owner listens but did not acknowledge in time:
	// it is stopped or hung.
	ErrNoAnswer = errors.New("the owner does not acknowledge")
	// ErrOwnerLost means the owner took the request, then the connection
	// ended without a response: it died, or dropped the reply. Whether the
	// command ran is for Recorded to say.
	ErrOwnerLost = errors.New("the owner took the command and stopped before replying")
	// ErrOwnerSilent means the owner took the request and then fell
	// silent (stopped or hung): the command may run should it go on.
	ErrOwnerSilent = errors.New("the owner took the command and does not answer")
)

// Forward sends req to the owner of the database at db and returns its
// response. The owner must acknowledge within wait and, while it runs the
// command, send a heartbeat at least every 2·wait; no command ever hangs on
// a lock held by a process that does not answer.
func Forward(db string, req Request, wait time.Duration) (Response, error) {
	conn, err := net.DialTimeout("unix", SocketPath(db), wait)
	if err != nil {
		return Response{}, fmt.Errorf("%w: %v", ErrNoOwner, err)
	}
	defer conn.Close()
	_ = conn.SetDeadline(time.Now().Add(wait))
	if err := json.NewEncoder(conn).Encode(req); err != nil {
		return Response{}, fmt.Errorf("%w: %v", ErrNoOwner, err)
	}
	b := make([]byte, 1)
	if _, err := io.ReadFull(conn, b); err != nil || b[0] != ack {
		return Response{}, fmt.Errorf("%w: %w (%v)", ErrNoOwner, ErrNoAnswer, err)
	}
	if _, err := conn.Write([]byte{proceed}); err != nil {
		return Response{}, fmt.Errorf("%w: %v", ErrNoOwner, err)
	}
	_ = conn.SetWriteDeadline(time.Time{})
	var resp Response
	if err := json.NewDecoder(&alive{conn: conn, silence: 2 * wait}).Decode(&resp); err != nil {
		if errors.Is(err, os.ErrDeadlineExceeded) {
			return Response{}, fmt.Errorf("%w: silent for %v", ErrOwnerSilent, 2*wait)
		}
		return Response{}, fmt.Errorf("%w: %v", ErrOwnerLost, err)
	}
	return resp, nil
}

// alive reads from conn, giving up when nothing, not even a heartbeat,
// comes for silence.
type alive struct {
	conn    net.Conn
	silence time.Duration
}

func (a *alive) Read(p []byte) (int, error) {
	_ = a.conn.SetReadDeadline(time.Now().Add(a.silence))
	return a.conn.Read(p)
}
