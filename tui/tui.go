// Package tui is jalsa's terminal UI: the clerk conducts a whole session from
// the keyboard (SPEC §6). Every change goes through the same model commands
// as the command line, via store.Store.Do, and is on disk the moment it is
// confirmed; the screens only read copies of the state.
//
// One root model (ui.go) holds the screens as sub-models, each in its own
// file, and a per-session Common (renderer, styles, keys, size, language,
// bidi mode), so that SSH clients never share styles.
package tui

import (
	"context"
	"errors"
	"fmt"
	"os"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/lipgloss"
	"github.com/jalsa-app/jalsa/cli"
	"github.com/jalsa-app/jalsa/i18n"
	"github.com/jalsa-app/jalsa/model"
	"github.com/jalsa-app/jalsa/store"
	"github.com/jalsa-app/jalsa/tui/bidi"
	"golang.org/x/term"
)

// Options configure one UI session (local terminal or one SSH client).
type Options struct {
	Store *store.Store
	// Lang is ar, fr or en.
	Lang string
	// Bidi is how Arabic is drawn: app or terminal as given (--bidi);
	// auto: detected from Env; "": what the operator chose last time on the
	// "check your terminal" screen (Prefs), else detected from Env.
	Bidi bidi.Mode
	// Shape draws Arabic letters in their joined forms; when false, the
	// operator's remembered choice applies.
	Shape bool
	// Env is the terminal's environment (os.Getenv, or what an SSH client
	// sent), for auto. Nil: nothing is known, which means app.
	Env func(string) string
	// Prefs is the file where operators' display choices are remembered
	// (DefaultPrefsPath when empty).
	Prefs string
	// Renderer is the client's renderer; nil means lipgloss's default one.
	Renderer *lipgloss.Renderer
	// Actor is recorded in the events this session makes.
	Actor string
	// Role is model.RoleClerk, model.RoleObserver or model.RoleDisplay ("" is clerk).
	Role string
	// Access, when set, holds the role instead of Role, for a caller that
	// changes it while the UI runs (then sends a RoleMsg).
	Access *Access
	// Width and Height are the initial size (SSH gives it from the pty).
	Width, Height int
	// Session is the session to open in the cockpit ("" for home, or the
	// session that has a sitting under way).
	Session string
	// Context, when done, ends the subscription to live changes (the SSH
	// session's context). Nil: the subscription ends when the UI quits.
	Context context.Context

	// from says where Bidi came from once resolved (see Resolve).
	from string
}

// Where a display setting came from, as the help says it.
const (
	fromFlag       = "flag"
	fromRemembered = "remembered"
	fromDetected   = "detected"
)

// Resolve settles Bidi to app or terminal and Shape, from the flag, the
// operator's remembered choice, or the environment, in that order (SPEC §10).
// Callers that must know the mode before the UI starts (to write
// bidi.EnterExplicit) call it first; New calls it too, and it does nothing
// the second time.
func (o *Options) Resolve() {
	if o.from != "" {
		return
	}
	if o.Prefs == "" {
		o.Prefs = DefaultPrefsPath(os.Getenv)
	}
	p, remembered := LoadPrefs(o.Prefs, o.Actor)
	switch {
	case o.Bidi == bidi.ModeApp || o.Bidi == bidi.ModeTerminal:
		o.from = fromFlag
	case o.Bidi == "" && remembered:
		o.Bidi, o.from = p.Bidi, fromRemembered
	default:
		o.Bidi, o.from = bidi.Detect(o.Env), fromDetected
	}
	if remembered && !o.Shape {
		o.Shape = p.Shape
	}
}

// New returns the root model.
func New(o Options) tea.Model { return newUI(o) }

// Run runs the UI on the local terminal (what cli.Env.Interactive calls) and
// returns when the user quits. In bidi app mode it puts the terminal in
// explicit bidi mode at start; on the way out it always restores implicit
// mode, even on a panic or a signal, since the clerk may have switched to
// app mode on the "check your terminal" screen (CSI 8 h is the terminal's
// default, so writing it is harmless where app mode was never used).
func Run(ctx context.Context, env *cli.Env, st *store.Store, o cli.UIOptions) (err error) {
	if !env.Terminal || !term.IsTerminal(int(os.Stdin.Fd())) {
		return model.Failure("tui.no_terminal")
	}
	lang := o.Lang
	if lang == "" {
		lang = env.Lang()
	}
	opts := Options{Store: st, Lang: i18n.Choose(lang), Shape: o.Shape, Env: env.Getenv, Actor: env.Actor, Role: env.Role,
		Session: o.Session}
	if o.Bidi != "" {
		m, perr := bidi.ParseMode(o.Bidi)
		if perr != nil {
			return model.Usage("err.bad_bidi", o.Bidi)
		}
		opts.Bidi = m
	}
	if opts.Env == nil {
		opts.Env = os.Getenv
	}
	opts.Resolve()
	out := env.Stdout
	if out == nil {
		out = os.Stdout
	}
	if opts.Bidi == bidi.ModeApp {
		fmt.Fprint(out, bidi.EnterExplicit)
	}
	defer func() {
		fmt.Fprint(out, bidi.LeaveExplicit)
		if r := recover(); r != nil {
			panic(r)
		}
	}()
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	opts.Context = ctx
	// Signals end the program through ctx (main's signal.NotifyContext).
	// Bubble Tea's own handler must stay off: when both see a SIGTERM, its
	// goroutine can block for ever sending QuitMsg to the event loop that
	// ctx already ended, and the program never returns (seen under -race).
	p := tea.NewProgram(New(opts), tea.WithAltScreen(), tea.WithContext(ctx), tea.WithOutput(out), tea.WithoutSignalHandler())
	_, err = p.Run()
	// A signal ends the program through ctx: everything is already saved.
	if errors.Is(err, tea.ErrProgramKilled) && ctx.Err() != nil {
		return nil
	}
	return err
}
