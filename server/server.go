// Package server puts the live session on SSH (SPEC §7), with wish. Every
// operator that opens a terminal gets the UI of package tui, drawn with its
// own renderer, size, language and bidi mode; a client that passes a command
// runs it through cli.Run within its role, so a remote command prints and
// exits exactly as a local one. Operators are the public keys of the
// operators file; nothing else gets in.
//
// The pieces are small middlewares, in the order they run: identify (who is
// this key, counted for shutdown), commandMode (a command: run it and exit),
// wish's bubbletea middleware (a terminal: the UI) and farewell (say why the
// UI ended, restore the terminal's bidi mode).
package server

import (
	"context"
	"errors"
	"io"
	"log"
	"net"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"time"

	"github.com/charmbracelet/ssh"
	"github.com/charmbracelet/wish"
	bm "github.com/charmbracelet/wish/bubbletea"
	rm "github.com/charmbracelet/wish/recover"
	"github.com/jalsa-app/jalsa/cli"
	"github.com/jalsa-app/jalsa/i18n"
	"github.com/jalsa-app/jalsa/model"
	"github.com/jalsa-app/jalsa/store"
	"github.com/jalsa-app/jalsa/tui/bidi"
	"github.com/muesli/termenv"
	gossh "golang.org/x/crypto/ssh"
)

// Defaults of `jalsa serve` (SPEC §7).
const (
	DefaultListen = "127.0.0.1:2222"
	DefaultIdle   = 15 * time.Minute
	// OperatorsFile and HostKeyFile are the file names under
	// $XDG_CONFIG_HOME/jalsa (else ~/.config/jalsa).
	OperatorsFile = "operators"
	HostKeyFile   = "host_ed25519"
	// PrefsFile, beside the operators file, remembers how each operator's
	// terminal draws Arabic (tui.Prefs).
	PrefsFile = "prefs.json"
)

// drainTimeout bounds how long Stop waits for clients to finish what they
// are doing (a command half-way through) before closing their connections.
const drainTimeout = 5 * time.Second

// Server is a running SSH server over an open store.
type Server struct {
	st   *store.Store
	srv  *ssh.Server
	ln   net.Listener
	ops  *operatorsFile
	lang string
	// bidi is --bidi, "" when not given; prefs is where operators' display
	// choices are remembered, beside the operators file.
	bidi   bidi.Mode
	prefs  string
	idle   time.Duration
	logger *log.Logger

	// ctx ends with Stop: every UI quits and tells its client why.
	ctx    context.Context
	cancel context.CancelFunc
	served chan error
	stop   sync.Once

	mu       sync.Mutex
	stopping bool
	// sessions counts the handlers running, which use the store.
	sessions sync.WaitGroup
	screens  map[ssh.Session]*screen
	// conns are the open connections, waiting those of them that have not
	// authenticated yet; logged says when each kind of refusal was last
	// logged, so that a flood of them does not flood the log.
	conns   map[*conn]bool
	waiting int
	logged  map[string]time.Time

	penalties *penalties
	limits    limits
}

// limits are the times the server enforces; tests shorten them.
type limits struct {
	// grace is the login grace; poll how often the operators file and the
	// connections' idleness are looked at.
	grace, poll time.Duration
}

// defaultLimits are those of SPEC §7; the poll makes a revocation bite
// within a second.
func defaultLimits() limits { return limits{grace: LoginGrace, poll: 250 * time.Millisecond} }

// Run serves SSH until ctx ends (SIGINT or SIGTERM in main), then tells every
// client, closes the listener and returns, so the caller can close the
// store. It is cli.Env.Serve.
func Run(ctx context.Context, env *cli.Env, st *store.Store, opts cli.ServeOptions) error {
	s, err := Start(ctx, env, st, opts)
	if err != nil {
		return err
	}
	var serveErr error
	select {
	case <-ctx.Done():
	case serveErr = <-s.served:
	}
	return errors.Join(serveErr, s.Stop())
}

// Start checks the operators file, loads or creates the host key, listens
// on opts.Listen and serves in the background until Stop. Empty options
// take the defaults of SPEC §7; errors name the file and line at fault.
func Start(ctx context.Context, env *cli.Env, st *store.Store, opts cli.ServeOptions) (*Server, error) {
	return start(ctx, env, st, opts, defaultLimits())
}

func start(ctx context.Context, env *cli.Env, st *store.Store, opts cli.ServeOptions, lim limits) (*Server, error) {
	lang := i18n.Choose(opts.Lang, env.Lang())
	idle, err := parseIdle(opts.Idle)
	if err != nil {
		return nil, err
	}
	var mode bidi.Mode
	if opts.Bidi != "" {
		if mode, err = bidi.ParseMode(opts.Bidi); err != nil {
			return nil, model.Usage("server.bad_bidi", opts.Bidi)
		}
	}
	logw := env.Stderr
	if logw == nil {
		logw = io.Discard
	}
	s := &Server{st: st, lang: lang, bidi: mode, idle: idle, logger: log.New(logw, "jalsa: ", log.LstdFlags|log.Lmsgprefix),
		served: make(chan error, 1), screens: map[ssh.Session]*screen{}, conns: map[*conn]bool{}, logged: map[string]time.Time{},
		penalties: newPenalties(time.Now), limits: lim}
	opsPath := configPath(env, opts.Operators, OperatorsFile)
	if s.ops, err = openOperators(opsPath, lang, s.logf, s.revoke); err != nil {
		return nil, err
	}
	s.prefs = filepath.Join(filepath.Dir(opsPath), PrefsFile)
	signer, err := loadHostKey(configPath(env, opts.HostKey, HostKeyFile))
	if err != nil {
		return nil, err
	}
	s.srv, err = wish.NewServer(
		func(srv *ssh.Server) error {
			srv.AddHostKey(signer)
			srv.ConnCallback = s.accept
			srv.ServerConfigCallback = s.config
			return nil
		},
		// Public keys only: with no password or keyboard-interactive
		// handler, the server offers no other method.
		ssh.PublicKeyAuth(s.auth),
		ssh.EmulatePty(),
		wish.WithMiddleware(rm.MiddlewareWithLogger(s.logger,
			s.farewell,
			bm.MiddlewareWithProgramHandler(s.program, termenv.Ascii),
			capWindow,
			s.commandMode,
			s.identify,
		)),
	)
	if err != nil {
		return nil, err
	}
	addr := opts.Listen
	if addr == "" {
		addr = DefaultListen
	}
	if s.ln, err = net.Listen("tcp", addr); err != nil {
		return nil, model.Failure("server.listen", addr, err.Error())
	}
	s.ctx, s.cancel = context.WithCancel(ctx)
	go func() { s.served <- s.srv.Serve(s.ln) }()
	go s.watch()
	idleNote := idle.String()
	if idle == 0 {
		idleNote = i18n.T(lang, "server.log.no_idle")
	}
	s.logf("server.log.serving", s.ln.Addr(), gossh.FingerprintSHA256(signer.PublicKey()), s.ops.current().Len(), opsPath, idleNote)
	return s, nil
}

// Addr is the address the server listens on.
func (s *Server) Addr() net.Addr { return s.ln.Addr() }

// Stop ends every UI with a line telling why, lets commands under way
// finish, closes the listener and every connection, and returns once no
// handler uses the store any more. It may be called more than once.
func (s *Server) Stop() error {
	var err error
	s.stop.Do(func() {
		s.mu.Lock()
		s.stopping = true
		n := len(s.screens)
		s.mu.Unlock()
		s.logf("server.log.stopping", n)
		s.cancel()
		if cerr := s.ln.Close(); cerr != nil && !errors.Is(cerr, net.ErrClosed) {
			err = cerr
		}
		drained := make(chan struct{})
		go func() { s.sessions.Wait(); close(drained) }()
		select {
		case <-drained:
		case <-time.After(drainTimeout):
		}
		s.srv.Close()
		<-drained
	})
	return err
}

// auth admits the keys of the operators file. It may be shown keys the
// client never proves (CVE-2024-45337), so the session identifies the
// operator again from the key it did prove (identify).
func (s *Server) auth(ctx ssh.Context, key ssh.PublicKey) bool {
	if _, ok := s.ops.current().Lookup(key); ok {
		return true
	}
	s.logf("server.log.unknown_key", gossh.FingerprintSHA256(key), ctx.RemoteAddr())
	return false
}

// operatorKey holds the session's operator in its context.
type operatorKey struct{}

func operatorOf(sess ssh.Session) Operator {
	op, _ := sess.Context().Value(operatorKey{}).(Operator)
	return op
}

// identify finds the operator of the key the client proved, refuses
// anyone else, and counts the session so that Stop waits for it and a
// revocation knows what to end.
func (s *Server) identify(next ssh.Handler) ssh.Handler {
	return func(sess ssh.Session) {
		c := newClient(sess, s.lang)
		op, ok := s.ops.current().Lookup(sess.PublicKey())
		cn := connOf(sess.Context())
		if !ok || (cn != nil && !cn.begin()) {
			wish.Fatalln(sess, "jalsa: "+i18n.T(c.lang, "server.denied"))
			return
		}
		if cn != nil {
			defer cn.finish()
		}
		s.mu.Lock()
		if s.stopping {
			s.mu.Unlock()
			wish.Fatalln(sess, "jalsa: "+i18n.T(c.lang, "server.bye_shutdown"))
			return
		}
		s.sessions.Add(1)
		s.mu.Unlock()
		defer s.sessions.Done()
		sess.Context().SetValue(operatorKey{}, op)
		// The raw command, not its words: nothing is parsed before
		// commandMode has checked its length.
		what := logCommand(sess.RawCommand())
		if pty, _, ok := sess.Pty(); ok && strings.TrimSpace(sess.RawCommand()) == "" {
			what = i18n.T(s.lang, "server.log.screen", pty.Window.Width, pty.Window.Height, pty.Term)
		}
		start := time.Now()
		s.logf("server.log.connect", op.Name, op.Role, gossh.FingerprintSHA256(op.Key), sess.RemoteAddr(), what)
		next(sess)
		s.logf("server.log.disconnect", op.Name, time.Since(start).Round(time.Second))
	}
}

// revoke ends the connections of the keys that a new operators file takes
// away, or names otherwise, and gives the screens of a key that changed
// between clerk and observer their new role in place (reassign; a
// connection it cannot change so is ended): the change bites at once, not
// at the next login.
func (s *Server) revoke(old, now *Operators) {
	for _, c := range s.openConns() {
		key := c.key()
		if key == nil {
			continue
		}
		was, _ := old.Lookup(key)
		op, ok := now.Lookup(key)
		switch {
		case !ok:
			s.logf("server.log.revoked", was.Name, gossh.FingerprintSHA256(key), c.RemoteAddr())
			c.end(farewellMsg{key: "server.bye_revoked"})
		case op.Role == was.Role && op.Name == was.Name:
		case op.Name == was.Name && c.reassign(was.Role, op.Role):
			s.logf("server.log.role_applied", op.Name, op.Role, was.Role, c.RemoteAddr())
		default:
			s.logf("server.log.role_changed", was.Name, was.Role, op.Name, op.Role, c.RemoteAddr())
			c.end(farewellMsg{key: "server.bye_changed", args: []any{op.Name, op.Role}})
		}
	}
}

// watch looks, every poll until Stop, at the operators file (so that a
// revocation bites even when no one logs in) and at each connection's
// idleness.
func (s *Server) watch() {
	t := time.NewTicker(s.limits.poll)
	defer t.Stop()
	for {
		select {
		case <-s.ctx.Done():
			return
		case now := <-t.C:
			s.ops.current()
			if s.idle == 0 {
				continue
			}
			for _, c := range s.openConns() {
				c.watchIdle(now, s.idle)
			}
		}
	}
}

// openConns are the connections open now.
func (s *Server) openConns() []*conn {
	s.mu.Lock()
	defer s.mu.Unlock()
	conns := make([]*conn, 0, len(s.conns))
	for c := range s.conns {
		conns = append(conns, c)
	}
	return conns
}

// logOnce logs a refusal of the kind what at most once a minute.
func (s *Server) logOnce(what, key string, args ...any) {
	now := time.Now()
	s.mu.Lock()
	if now.Sub(s.logged[what]) < time.Minute {
		s.mu.Unlock()
		return
	}
	s.logged[what] = now
	s.mu.Unlock()
	s.logf(key, args...)
}

// logf writes one line to the server's log, in the server's language.
func (s *Server) logf(key string, args ...any) { s.logger.Print(i18n.T(s.lang, key, args...)) }

// parseIdle reads --idle; "" is the default and 0 turns the limit off.
func parseIdle(v string) (time.Duration, error) {
	if v == "" {
		return DefaultIdle, nil
	}
	d, err := time.ParseDuration(v)
	if err != nil || d < 0 {
		return 0, model.Usage("server.bad_idle", v)
	}
	return d, nil
}

// configPath resolves a file given on the command line, or the default one
// under $XDG_CONFIG_HOME/jalsa (else ~/.config/jalsa).
func configPath(env *cli.Env, given, name string) string {
	if given != "" {
		return env.Path(given)
	}
	getenv := env.Getenv
	if getenv == nil {
		getenv = os.Getenv
	}
	dir := getenv("XDG_CONFIG_HOME")
	if dir == "" {
		home := getenv("HOME")
		if home == "" {
			home, _ = os.UserHomeDir()
		}
		dir = filepath.Join(home, ".config")
	}
	return filepath.Join(dir, "jalsa", name)
}
