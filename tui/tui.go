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
	// Bidi is app or terminal (auto already resolved by the caller).
	Bidi bidi.Mode
	// Renderer is the client's renderer; nil means lipgloss's default one.
	Renderer *lipgloss.Renderer
	// Actor is recorded in the events this session makes.
	Actor string
	// Role is cli.RoleClerk, cli.RoleObserver or cli.RoleDisplay ("" is clerk).
	Role string
	// Width and Height are the initial size (SSH gives it from the pty).
	Width, Height int
	// Session is the session to open in the cockpit ("" for home, or the
	// session that has a sitting under way).
	Session string
	// Context, when done, ends the subscription to live changes (the SSH
	// session's context). Nil: the subscription ends when the UI quits.
	Context context.Context
}

// New returns the root model.
func New(o Options) tea.Model { return newUI(o) }

// Run runs the UI on the local terminal (what cli.Env.Interactive calls) and
// returns when the user quits. In bidi app mode it puts the terminal in
// explicit bidi mode and restores it on the way out, even on a panic or a
// signal.
func Run(ctx context.Context, env *cli.Env, st *store.Store, o cli.UIOptions) (err error) {
	if !env.Terminal || !term.IsTerminal(int(os.Stdin.Fd())) {
		return model.Failure("tui.no_terminal")
	}
	lang := o.Lang
	if lang == "" {
		lang = env.Lang()
	}
	lang = i18n.Choose(lang)
	mode := bidi.ModeAuto
	if o.Bidi != "" {
		m, perr := bidi.ParseMode(o.Bidi)
		if perr != nil {
			return perr
		}
		mode = m
	}
	if mode == bidi.ModeAuto {
		mode = bidi.Detect(os.Getenv)
	}
	out := env.Stdout
	if out == nil {
		out = os.Stdout
	}
	if mode == bidi.ModeApp {
		fmt.Fprint(out, bidi.EnterExplicit)
		defer func() {
			fmt.Fprint(out, bidi.LeaveExplicit)
			if r := recover(); r != nil {
				panic(r)
			}
		}()
	}
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	role := env.Role
	m := New(Options{Store: st, Lang: lang, Bidi: mode, Actor: env.Actor, Role: role, Session: o.Session, Context: ctx})
	p := tea.NewProgram(m, tea.WithAltScreen(), tea.WithContext(ctx), tea.WithOutput(out))
	_, err = p.Run()
	// A signal ends the program through ctx: everything is already saved.
	if errors.Is(err, tea.ErrProgramKilled) && ctx.Err() != nil {
		return nil
	}
	return err
}
