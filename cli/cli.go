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
	"time"

	"github.com/jalsa-app/jalsa/i18n"
	"github.com/jalsa-app/jalsa/model"
	"github.com/jalsa-app/jalsa/store"
	"github.com/jalsa-app/jalsa/tui/bidi"
	"github.com/spf13/cobra"
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
	// Role limits what the command may do (model.RoleClerk when "").
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
	// request is the id of this run's request (SPEC §11): the client's,
	// when forwarded; every event the command records carries it.
	request string
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

// do carries out cmd on st as the env's actor, for the env's request.
func (e *Env) do(st *store.Store, cmd model.Command) (model.Event, error) {
	return st.Record(e.origin(), cmd)
}

// origin is who asks for the env's request, and when.
func (e *Env) origin() store.Origin {
	o := store.Origin{Actor: e.Actor, Request: e.request}
	if e.Clock != nil {
		o.Time = e.Clock()
	}
	return o
}

// Run runs one command line (without the program name) and returns its exit
// code.
func Run(ctx context.Context, env *Env, args []string) int {
	if env.Getenv == nil {
		env.Getenv = os.Getenv
	}
	t := newTree(ctx, env)
	t.line = args
	at := t.locate(args)
	env.lang = i18n.Choose(at.lang, env.lang, env.Getenv("JALSA_LANG"), env.Getenv("LC_ALL"), env.Getenv("LANG"))
	if at.err != nil {
		return fail(env, at.err)
	}
	if at.version {
		t.root.Version = versionLine(env.lang)
	}
	if at.complete {
		// The owner of the database answers completions from its own
		// state; otherwise they are read here, if there is a database.
		if code, ok := t.forwardCompletion(env, at, args); ok {
			return code
		}
		t.localise(env.lang)
		t.registerFlagCompletions(env)
	}
	t.root.SetArgs(at.args)
	_, err := t.root.ExecuteContextC(ctx)
	return fail(env, err)
}

// call is one run of a command: what its function sees besides its flags.
type call struct {
	*Env
	ctx    context.Context
	st     *store.Store
	args   []string
	global *globalFlags
	cobra  *cobra.Command
	tree   *tree
	cmd    *Command
}

// set says the flag was given on the command line.
func (c *call) set(name string) bool { return c.cobra.Flags().Changed(name) }

// run checks what the command may do in this env, then runs it on the
// database: the caller's, its owner's through the socket, or opened here.
func (t *tree) run(c *call, flags any) error {
	if c.global.Bidi != "" {
		m, err := bidi.ParseMode(c.global.Bidi)
		if err != nil {
			return model.Usage("err.bad_bidi", c.global.Bidi)
		}
		c.global.Bidi = string(m)
	}
	if err := permitted(c.cmd, c.cobra, c.Role); err != nil {
		return err
	}
	switch {
	case c.cmd.NoDB:
		return c.cmd.Do.run(c, flags)
	case c.Store != nil && c.cmd.Owns:
		return model.Refused("err.needs_local", c.cmd.Name)
	case c.Store != nil:
		c.st = c.Store
		return c.cmd.Do.run(c, flags)
	}
	return withStore(c, func(st *store.Store) error {
		c.st = st
		return c.cmd.Do.run(c, flags)
	})
}

// SocketHandler runs commands forwarded by other jalsa processes against the
// owner's open store, with the client's language, directory, name and
// request id. A request already recorded (its client lost the reply and
// asks again, perhaps of a new owner) is not carried out a second time.
func SocketHandler(owner *Env, st *store.Store) store.Handler {
	return func(ctx context.Context, req store.Request, stdout, stderr io.Writer) int {
		env := &Env{Stdin: bytes.NewReader(req.Stdin), Stdout: stdout, Stderr: stderr, Getenv: owner.Getenv, Dir: req.Dir,
			Actor: req.Actor, Store: st, Forwarded: true, lang: req.Lang, request: req.ID}
		if code, done := reportRecorded(env, st); done {
			return code
		}
		return Run(ctx, env, req.Args)
	}
}

// fail prints err as one line on stderr and returns its exit code.
func fail(env *Env, err error) int {
	var done exited
	switch {
	case err == nil:
		return 0
	case errors.As(err, &done):
		return int(done)
	}
	fmt.Fprintln(env.Stderr, "jalsa: "+model.Message(err, env.lang))
	return model.ExitCode(err)
}
