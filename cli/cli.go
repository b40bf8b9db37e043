// Package cli runs jalsa's commands. The terminal, the owner's socket and SSH
// command mode all call Run, so a command behaves the same wherever it comes
// from; only Env differs.
package cli

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/jalsa-app/jalsa/i18n"
	"github.com/jalsa-app/jalsa/model"
	"github.com/jalsa-app/jalsa/store"
	"github.com/jalsa-app/jalsa/tui/bidi"
	"github.com/spf13/pflag"
)

// Roles of operators (SPEC §7). Local users are clerks.
const (
	RoleClerk    = "clerk"
	RoleObserver = "observer"
	RoleDisplay  = "display"
)

// Env is what one run of a command sees.
type Env struct {
	Stdin          io.Reader
	Stdout, Stderr io.Writer
	Getenv         func(string) string
	// Dir resolves relative file names (the client's directory when forwarded).
	Dir string
	// Actor is recorded in every event the command makes.
	Actor string
	// Role limits what the command may change.
	Role string
	// Store is the open database when the caller owns it (socket, SSH);
	// nil for a local command, which opens it or forwards to its owner.
	Store *store.Store
	// Terminal says stdout is a terminal (progress bars, the TUI).
	Terminal bool
	// Interactive starts the TUI on an open store; set by main.
	Interactive func(ctx context.Context, env *Env, st *store.Store, opts UIOptions) error
	// Serve runs the SSH server; set by main.
	Serve func(ctx context.Context, env *Env, st *store.Store, opts ServeOptions) error
	// Clock stamps changes; the store's clock when nil.
	Clock func() time.Time
	// Forwarded is set when the command came through the socket, so it is
	// never forwarded again.
	Forwarded bool

	lang string
}

// UIOptions are the command line's settings for the TUI.
type UIOptions struct {
	Lang string
	// Bidi is --bidi (auto, app or terminal, already checked), or "" when
	// not given: then the operator's remembered choice applies.
	Bidi string
	// Shape is --shape: Arabic letters drawn in their joined forms.
	Shape   bool
	Session string
	Listen  string
}

// ServeOptions are `jalsa serve`'s flags.
type ServeOptions struct {
	Listen    string
	Operators string
	HostKey   string
	Idle      string
	Lang      string
	Bidi      string
}

// Lang is the language messages are written in.
func (e *Env) Lang() string { return e.lang }

// Path resolves a file name given on the command line.
func (e *Env) Path(name string) string {
	if name == "" || name == "-" || filepath.IsAbs(name) || e.Dir == "" {
		return name
	}
	return filepath.Join(e.Dir, name)
}

// do carries out cmd on st as the env's actor.
func (e *Env) do(st *store.Store, cmd model.Command) (model.Event, error) {
	if e.Clock != nil {
		return st.DoAt(e.Actor, e.Clock(), cmd)
	}
	return st.Do(e.Actor, cmd)
}

// command is one subcommand.
type command struct {
	name   string
	usage  string
	writes bool
	// owns means the command must hold the database itself (TUI, server).
	owns  bool
	flags func(fs *pflag.FlagSet, o *opts)
	run   func(ctx context.Context, env *Env, st *store.Store, o *opts) error
}

// opts collects every flag of every command; each command reads its own.
type opts struct {
	args []string
	// global
	db, lang, bidi string
	shape          bool

	named, rest, chair, reason, call, line, format, out, session, since, until, outcome, kind string
	present, absent, excused, arrive, leave                                                   string
	forN, againstN, abstainN, limit                                                           int
	listen, operators, hostKey, idle, guest                                                   string
	repairIndex, skipBad, jsonOut                                                             bool
	set                                                                                       func(string) bool
}

var commands = map[string]*command{}

func add(c *command) { commands[c.name] = c }

// usageError is a command line that does not parse.
func usageError(key string, args ...any) error { return model.Usage(key, args...) }

// Run runs one command line (without the program name) and returns its exit
// code.
func Run(ctx context.Context, env *Env, args []string) int {
	if env.Getenv == nil {
		env.Getenv = os.Getenv
	}
	env.lang = i18n.Choose(flagValue(args, "lang"), env.lang, env.Getenv("JALSA_LANG"), env.Getenv("LC_ALL"), env.Getenv("LANG"))
	name, rest := "", args
	for i, a := range args {
		if !strings.HasPrefix(a, "-") && !isFlagValue(args, i) {
			name, rest = a, append(append([]string{}, args[:i]...), args[i+1:]...)
			break
		}
	}
	if name == "" {
		name = "ui"
	}
	if name == "help" || flagPresent(args, "help") || flagPresent(args, "h") {
		printHelp(env, name)
		return 0
	}
	c, ok := commands[name]
	if !ok {
		return fail(env, usageError("err.unknown_command", name))
	}
	o := &opts{}
	fs := pflag.NewFlagSet(name, pflag.ContinueOnError)
	fs.SetOutput(io.Discard)
	fs.SetInterspersed(true)
	fs.StringVar(&o.db, "db", "", "")
	fs.StringVar(&o.lang, "lang", "", "")
	fs.StringVar(&o.bidi, "bidi", "", "")
	fs.BoolVar(&o.shape, "shape", false, "")
	if c.flags != nil {
		c.flags(fs, o)
	}
	if err := fs.Parse(rest); err != nil {
		return fail(env, usageError("err.bad_flags", err.Error(), c.usage))
	}
	if o.bidi != "" {
		m, err := bidi.ParseMode(o.bidi)
		if err != nil {
			return fail(env, usageError("err.bad_bidi", o.bidi))
		}
		o.bidi = string(m)
	}
	o.args = fs.Args()
	o.set = func(n string) bool { return fs.Changed(n) }
	if c.writes && env.Role != "" && env.Role != RoleClerk {
		return fail(env, model.Refused("err.role_readonly", env.Role))
	}
	if env.Store != nil {
		if c.owns {
			return fail(env, model.Refused("err.needs_local", name))
		}
		return fail(env, c.run(ctx, env, env.Store, o))
	}
	db := dbPath(env, o.db)
	// An owner that serves the socket answers at once; trying it first spares
	// every command the lock timeout. A socket left by a killed owner refuses
	// the connection, and the command opens the file itself.
	tried := false
	if !c.owns && !env.Forwarded && store.Serving(db) {
		if code, ok := forward(env, db, args); ok {
			return code
		}
		tried = true
	}
	st, err := store.Open(db, store.Options{})
	if errors.Is(err, store.ErrLocked) {
		if c.owns || env.Forwarded || tried {
			return fail(env, lockedError(db))
		}
		if code, ok := forward(env, db, args); ok {
			return code
		}
		return fail(env, lockedError(db))
	}
	if err != nil {
		return fail(env, err)
	}
	defer st.Close()
	if c.owns {
		// Stop serving before the store closes, so the socket file goes
		// with the process instead of staying behind.
		sctx, stop := context.WithCancel(ctx)
		served := make(chan struct{})
		go func() {
			defer close(served)
			st.Serve(sctx, "jalsa "+name, SocketHandler(env, st))
		}()
		defer func() {
			stop()
			<-served
		}()
	}
	return fail(env, c.run(ctx, env, st, o))
}

// SocketHandler runs commands forwarded by other jalsa processes against the
// owner's open store, with the client's language, directory and name.
func SocketHandler(owner *Env, st *store.Store) store.Handler {
	return func(ctx context.Context, req store.Request, stdout, stderr io.Writer) int {
		env := &Env{Stdin: bytes.NewReader(req.Stdin), Stdout: stdout, Stderr: stderr, Getenv: owner.Getenv, Dir: req.Dir,
			Actor: req.Actor, Store: st, Forwarded: true, lang: req.Lang}
		return Run(ctx, env, req.Args)
	}
}

// fail prints err as one line on stderr and returns its exit code.
func fail(env *Env, err error) int {
	if err == nil {
		return 0
	}
	fmt.Fprintln(env.Stderr, "jalsa: "+model.Message(err, env.lang))
	return model.ExitCode(err)
}

func lockedError(db string) error {
	who := store.Owner(db)
	if who == "" {
		who = "?"
	}
	return model.Refused("err.locked", db, who)
}

// forward runs the command in the process that owns the database; ok is
// false when no owner answered.
func forward(env *Env, db string, args []string) (code int, ok bool) {
	var stdin []byte
	if contains(args, "-") && env.Stdin != nil {
		stdin, _ = io.ReadAll(env.Stdin)
		// Should the owner not answer, the command runs here on the same input.
		env.Stdin = bytes.NewReader(stdin)
	}
	dir := env.Dir
	if dir == "" {
		dir, _ = os.Getwd()
	}
	resp, err := store.Forward(db, store.Request{Args: args, Lang: env.lang, Dir: dir, Actor: env.Actor, Stdin: stdin}, store.LockTimeout*5)
	if err != nil {
		return 0, false
	}
	env.Stdout.Write(resp.Stdout)
	env.Stderr.Write(resp.Stderr)
	return resp.Code, true
}

// dbPath resolves --db, $JALSA_DB, then $XDG_DATA_HOME/jalsa/jalsa.db.
func dbPath(env *Env, flag string) string {
	if flag != "" {
		return env.Path(flag)
	}
	if p := env.Getenv("JALSA_DB"); p != "" {
		return env.Path(p)
	}
	dir := env.Getenv("XDG_DATA_HOME")
	if dir == "" {
		home, _ := os.UserHomeDir()
		dir = filepath.Join(home, ".local", "share")
	}
	return filepath.Join(dir, "jalsa", "jalsa.db")
}

// valueFlags take a value, so the word after them is not a command name.
var valueFlags = map[string]bool{"db": true, "lang": true, "bidi": true, "call": true, "present": true, "absent": true,
	"excused": true, "arrive": true, "leave": true, "line": true, "for": true, "against": true, "abstain": true,
	"chair": true, "named": true, "rest": true, "reason": true, "session": true, "since": true, "until": true,
	"outcome": true, "kind": true, "limit": true, "format": true, "o": true, "listen": true, "operators": true,
	"host-key": true, "idle": true}

func isFlagValue(args []string, i int) bool {
	if i == 0 {
		return false
	}
	p := args[i-1]
	if !strings.HasPrefix(p, "-") || strings.Contains(p, "=") {
		return false
	}
	return valueFlags[strings.TrimLeft(p, "-")]
}

func flagValue(args []string, name string) string {
	for i, a := range args {
		if a == "--"+name && i+1 < len(args) {
			return args[i+1]
		}
		if v, ok := strings.CutPrefix(a, "--"+name+"="); ok {
			return v
		}
	}
	return ""
}

func flagPresent(args []string, name string) bool {
	for i, a := range args {
		if (a == "--"+name || (len(name) == 1 && a == "-"+name)) && !isFlagValue(args, i) {
			return true
		}
	}
	return false
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}
