package server

import (
	"context"
	"io"
	"sync"
	"sync/atomic"
	"time"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/ssh"
	"github.com/charmbracelet/wish"
	bm "github.com/charmbracelet/wish/bubbletea"
	"github.com/jalsa-app/jalsa/i18n"
	"github.com/jalsa-app/jalsa/model"
	"github.com/jalsa-app/jalsa/tui"
	"github.com/jalsa-app/jalsa/tui/bidi"
)

// screen is one client's UI while it runs.
type screen struct {
	lang string
	// done ends the UI's subscription to changes and the shutdown watch.
	done context.CancelFunc
	// idle is set when the UI quit because no key was pressed.
	idle atomic.Bool
	// release uncounts the screen from its connection.
	release func()
	// access is the role the UI writes in, which reassign changes.
	access *tui.Access

	mu sync.Mutex
	// why is set when the server ended the UI for its own reason (the
	// operator's key was revoked or changed).
	why  *farewellMsg
	quit func()
	send func(tea.Msg)
}

// farewellMsg is the line a client reads when the server ends its UI.
type farewellMsg struct {
	key  string
	args []any
}

// end quits the UI, which then tells its client why.
func (scr *screen) end(why farewellMsg) {
	scr.mu.Lock()
	if scr.why == nil {
		scr.why = &why
	}
	quit := scr.quit
	scr.mu.Unlock()
	if quit != nil {
		// Quit waits for the program to read it; end must not.
		go quit()
	}
}

// setRole gives the UI another role: at once for what it writes, and on
// its screen as soon as its program reads the RoleMsg. The message is sent
// from its own goroutine, as Quit is: the UI then shows the role of its
// Access, so two changes read out of order still end on the last.
func (scr *screen) setRole(role string) {
	scr.access.Set(role)
	scr.mu.Lock()
	send := scr.send
	scr.mu.Unlock()
	if send != nil {
		go send(tui.RoleMsg{})
	}
}

// reason is why the server ended the UI, nil if it did not.
func (scr *screen) reason() *farewellMsg {
	scr.mu.Lock()
	defer scr.mu.Unlock()
	return scr.why
}

// program builds the UI of a client with a terminal: its own renderer
// (colour profile and background from the client, not the server), size,
// language and bidi mode, and the operator's name and role. A display
// operator opens straight on the audience display (tui does it from the
// role). It returns nil, after saying why, when there is no terminal.
func (s *Server) program(sess ssh.Session) *tea.Program {
	pty, _, ok := sess.Pty()
	c := newClient(sess, s.lang)
	if !ok {
		wish.Fatalln(sess, "jalsa: "+i18n.T(c.lang, "server.no_terminal"))
		return nil
	}
	op := operatorOf(sess)
	ctx, done := context.WithCancel(sess.Context())
	scr := &screen{lang: c.lang, done: done, access: tui.NewAccess(op.Role)}
	s.mu.Lock()
	stopping := s.stopping
	if !stopping {
		s.screens[sess] = scr
	}
	s.mu.Unlock()
	if stopping {
		done()
		wish.Fatalln(sess, "jalsa: "+i18n.T(c.lang, "server.bye_shutdown"))
		return nil
	}
	// A person's UI idles out by itself; a display's connection stays while
	// its client answers keep-alives.
	if cn := connOf(sess.Context()); cn != nil {
		counter := &cn.people
		if op.Role == model.RoleDisplay {
			counter = &cn.displays
		}
		scr.release = cn.open(counter, scr)
	}
	// The bidi mode: --bidi if given, else what this operator chose last
	// time, else what the client's environment says (TERM, and any
	// KONSOLE_VERSION or VTE_VERSION it sends).
	opts := tui.Options{Store: s.st, Lang: c.lang, Bidi: s.bidi, Env: c.lookup, Prefs: s.prefs, Renderer: bm.MakeRenderer(sess),
		Actor: op.Name, Access: scr.access, Width: pty.Window.Width, Height: pty.Window.Height, Context: ctx}
	opts.Resolve()
	var m tea.Model = tui.New(opts)
	// A projector never presses a key: idleness is for people.
	if s.idle > 0 && op.Role != model.RoleDisplay {
		m = newIdleModel(m, s.idle, time.Now, &scr.idle)
	}
	// The server handles signals; a program must not quit on them by
	// itself, or its client would miss the farewell.
	p := tea.NewProgram(m, append(bm.MakeOptions(sess), tea.WithAltScreen(), tea.WithoutSignalHandler())...)
	scr.mu.Lock()
	scr.quit, scr.send = p.Quit, p.Send
	ended := scr.why != nil
	scr.mu.Unlock()
	if ended {
		go p.Quit()
	}
	if opts.Bidi == bidi.ModeApp {
		_, _ = io.WriteString(sess, bidi.EnterExplicit)
	}
	go func() {
		select {
		case <-s.ctx.Done():
			p.Quit()
		case <-ctx.Done():
		}
	}()
	return p
}

// farewell runs once a client's UI has ended: it restores the terminal's
// implicit bidi mode and says why the UI ended when the client did not ask
// for it.
func (s *Server) farewell(next ssh.Handler) ssh.Handler {
	return func(sess ssh.Session) {
		s.mu.Lock()
		scr := s.screens[sess]
		delete(s.screens, sess)
		s.mu.Unlock()
		if scr != nil {
			scr.done()
			if scr.release != nil {
				scr.release()
			}
			// Always: the operator may have switched to app mode on the
			// "check your terminal" screen, and CSI 8 h is the terminal's
			// default anyway.
			_, _ = io.WriteString(sess, bidi.LeaveExplicit)
			switch why := scr.reason(); {
			case s.ctx.Err() != nil:
				wish.Println(sess, "jalsa: "+i18n.T(scr.lang, "server.bye_shutdown"))
			case why != nil:
				wish.Println(sess, "jalsa: "+i18n.T(scr.lang, why.key, why.args...))
			case scr.idle.Load():
				wish.Println(sess, "jalsa: "+i18n.T(scr.lang, "server.bye_idle", s.idle))
			}
		}
		next(sess)
	}
}
