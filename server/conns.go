package server

import (
	"maps"
	"net"
	"net/netip"
	"slices"
	"sync"
	"time"

	"github.com/charmbracelet/ssh"
	"github.com/jalsa-app/jalsa/model"
	gossh "golang.org/x/crypto/ssh"
)

// Limits on connections (SPEC §7), as OpenSSH's sshd sets them by default.
const (
	// LoginGrace is how long a connection may take to authenticate
	// (sshd's LoginGraceTime is 120 s; SPEC §7 asks for 30).
	LoginGrace = 30 * time.Second
	// MaxStartups is how many connections may wait to authenticate at
	// once; more are closed at once (sshd's MaxStartups starts dropping at
	// 10).
	MaxStartups = 10
	// revokeGrace is how long a UI told that its key was revoked has to
	// leave the alternate screen before its connection is closed.
	revokeGrace = 500 * time.Millisecond
	// keepAliveEvery is how often a display is asked whether it is still
	// there, when the idle limit does not ask more often.
	keepAliveEvery = 30 * time.Second
)

// conn is one TCP connection, from accept to close: whether it has
// authenticated, what it has open, and when its operator last did anything.
// The server closes it when it outstays the login grace, its idle limit or
// its key.
type conn struct {
	net.Conn
	s      *Server
	ctx    ssh.Context
	source netip.Addr
	grace  *time.Timer
	close  sync.Once
	// sessions counts the session handlers running on the connection, so
	// that a revoked one is closed as soon as its screens have said why.
	sessions sync.WaitGroup

	mu       sync.Mutex
	authed   bool
	failed   bool
	timedOut bool
	last     time.Time
	// people are the UIs of clerks and observers open on the connection
	// (the idle model watches their keys), displays those of displays
	// (they answer keep-alives); a command counts by its input and output
	// (activity).
	people, displays int
	probing          bool
	lastProbe        time.Time
	screens          map[*screen]bool
	// handlers counts the session handlers running (begin…finish): more
	// than screens means a command, or a screen not open yet.
	handlers int
	ended    bool
}

// connKey holds a connection's *conn in its context.
type connKey struct{}

// connOf returns the connection a session came on.
func connOf(ctx ssh.Context) *conn {
	c, _ := ctx.Value(connKey{}).(*conn)
	return c
}

// accept is the server's ConnCallback: it closes at once a connection from
// a source under penalty, or beyond MaxStartups, and starts the login grace
// of the others.
func (s *Server) accept(ctx ssh.Context, nc net.Conn) net.Conn {
	source := sourceOf(nc.RemoteAddr())
	if left := s.penalties.left(source); left > 0 {
		s.logOnce("penalty "+block(source).String(), "server.log.penalized", nc.RemoteAddr(), left.Round(time.Second))
		return nil
	}
	c := &conn{Conn: nc, s: s, ctx: ctx, source: source, last: time.Now(), screens: map[*screen]bool{}}
	s.mu.Lock()
	if s.stopping || s.waiting >= MaxStartups {
		full := !s.stopping
		s.mu.Unlock()
		if full {
			s.logOnce("startups", "server.log.startups", MaxStartups, nc.RemoteAddr())
		}
		return nil
	}
	s.waiting++
	s.conns[c] = true
	s.mu.Unlock()
	c.grace = time.AfterFunc(s.limits.grace, func() {
		c.mu.Lock()
		c.timedOut = !c.authed
		c.mu.Unlock()
		if c.timedOut {
			s.logf("server.log.grace", nc.RemoteAddr(), s.limits.grace)
			c.Close()
		}
	})
	ctx.SetValue(connKey{}, c)
	return c
}

// config is the server's ServerConfigCallback: it learns, for the
// connection of ctx, how each authentication attempt went.
func (s *Server) config(ctx ssh.Context) *gossh.ServerConfig {
	return &gossh.ServerConfig{AuthLogCallback: func(_ gossh.ConnMetadata, method string, err error) {
		if c := connOf(ctx); c != nil {
			c.attempt(method, err)
		}
	}}
}

// attempt records one authentication attempt; the first success ends the
// login grace.
func (c *conn) attempt(method string, err error) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if err != nil {
		c.failed = c.failed || method != "none"
		return
	}
	if c.authed {
		return
	}
	c.authed, c.last = true, time.Now()
	c.grace.Stop()
	c.s.mu.Lock()
	c.s.waiting--
	c.s.mu.Unlock()
}

// Close closes the connection once and settles its account: a connection
// that never authenticated leaves a penalty on its source, as sshd's
// PerSourcePenalties do.
func (c *conn) Close() error {
	err := c.Conn.Close()
	c.close.Do(func() {
		c.grace.Stop()
		c.mu.Lock()
		authed, failed, timedOut := c.authed, c.failed, c.timedOut
		c.ended = true
		c.mu.Unlock()
		c.s.mu.Lock()
		delete(c.s.conns, c)
		if !authed {
			c.s.waiting--
		}
		c.s.mu.Unlock()
		var p time.Duration
		switch {
		case authed:
		case timedOut:
			p = penaltyGrace
		case failed:
			p = penaltyAuthFail
		default:
			p = penaltyNoAuth
		}
		if p > 0 && c.s.penalties.add(c.source, p) {
			c.s.logf("server.log.penalty", c.source, c.s.penalties.left(c.source).Round(time.Second))
		}
	})
	return err
}

// touch records that the operator did something.
func (c *conn) touch() {
	c.mu.Lock()
	c.last = time.Now()
	c.mu.Unlock()
}

// key is the key the connection proved, nil before it has.
func (c *conn) key() gossh.PublicKey {
	k, _ := c.ctx.Value(ssh.ContextKeyPublicKey).(gossh.PublicKey)
	return k
}

// begin counts a session handler; it returns false when the connection is
// being closed, and the session must not start.
func (c *conn) begin() bool {
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.ended {
		return false
	}
	c.sessions.Add(1)
	c.handlers++
	c.last = time.Now()
	return true
}

// finish ends what begin started.
func (c *conn) finish() {
	c.touch()
	c.mu.Lock()
	c.handlers--
	c.mu.Unlock()
	c.sessions.Done()
}

// reassign gives the connection's screens another role in place (a clerk
// made observer, or the reverse) and reports whether it could: not to or
// from a display, whose screen is another, nor while a command runs on the
// connection (in the role it started with) or a screen is still opening
// (with the role it was given before the change).
func (c *conn) reassign(from, to string) bool {
	if from == model.RoleDisplay || to == model.RoleDisplay {
		return false
	}
	c.mu.Lock()
	if c.ended || c.handlers != len(c.screens) {
		c.mu.Unlock()
		return false
	}
	screens := slices.Collect(maps.Keys(c.screens))
	c.mu.Unlock()
	for _, scr := range screens {
		scr.setRole(to)
	}
	return true
}

// open counts a UI on the connection, and returns the function that
// uncounts it.
func (c *conn) open(counter *int, scr *screen) func() {
	c.mu.Lock()
	*counter++
	c.screens[scr] = true
	c.mu.Unlock()
	return func() {
		c.mu.Lock()
		*counter--
		delete(c.screens, scr)
		c.last = time.Now()
		c.mu.Unlock()
	}
}

// end tells the connection's UIs why they end (a farewell line each), gives
// them revokeGrace to leave the alternate screen, and closes the
// connection, which ends its commands too.
func (c *conn) end(reason farewellMsg) {
	c.mu.Lock()
	if c.ended {
		c.mu.Unlock()
		return
	}
	c.ended = true
	screens := slices.Collect(maps.Keys(c.screens))
	c.mu.Unlock()
	for _, scr := range screens {
		scr.end(reason)
	}
	go func() {
		drained := make(chan struct{})
		go func() { c.sessions.Wait(); close(drained) }()
		select {
		case <-drained:
		case <-time.After(revokeGrace):
		}
		c.Close()
	}()
}

// watchIdle ends a connection whose operator has done nothing for the
// idle limit: no UI open (a UI quits by itself, with a farewell, when no
// key is pressed), no command making progress, no display answering the
// keep-alives it is sent.
func (c *conn) watchIdle(now time.Time, limit time.Duration) {
	c.mu.Lock()
	if !c.authed || c.ended {
		c.mu.Unlock()
		return
	}
	if c.people > 0 {
		c.last = now
	}
	idle := now.Sub(c.last)
	probe := c.displays > 0 && !c.probing && now.Sub(c.lastProbe) >= min(limit/3, keepAliveEvery)
	if probe {
		c.probing, c.lastProbe = true, now
	}
	c.mu.Unlock()
	if idle >= limit {
		c.s.logf("server.log.idle_closed", c.RemoteAddr(), limit)
		c.end(farewellMsg{key: "server.bye_idle", args: []any{limit}})
		return
	}
	if probe {
		go c.keepAlive()
	}
}

// keepAlive asks the client whether it is there, as sshd's
// ClientAliveInterval does; any answer counts as activity.
func (c *conn) keepAlive() {
	sc, _ := c.ctx.Value(ssh.ContextKeyConn).(*gossh.ServerConn)
	if sc == nil {
		return
	}
	_, _, err := sc.SendRequest("keepalive@openssh.com", true, nil)
	c.mu.Lock()
	c.probing = false
	if err == nil {
		c.last = time.Now()
	}
	c.mu.Unlock()
}

// sourceOf is the address a connection comes from, for penalties.
func sourceOf(a net.Addr) netip.Addr {
	if tcp, ok := a.(*net.TCPAddr); ok {
		if ip, ok := netip.AddrFromSlice(tcp.IP); ok {
			return ip.Unmap()
		}
	}
	return netip.Addr{}
}

// activity counts a command's input and output as its operator's doing,
// so a command that makes progress is never idle while one that waits on
// its standard input forever is.
type activity struct {
	ssh.Session
	c *conn
}

func (a activity) Read(p []byte) (int, error) {
	n, err := a.Session.Read(p)
	if n > 0 {
		a.c.touch()
	}
	return n, err
}

func (a activity) Write(p []byte) (int, error) {
	n, err := a.Session.Write(p)
	if n > 0 {
		a.c.touch()
	}
	return n, err
}
