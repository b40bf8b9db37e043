package server

import (
	"github.com/charmbracelet/ssh"
)

// The largest terminal the server draws for (SPEC §7): a client that says
// it is larger gets a 400×200 screen in its corner. The UI's memory and
// drawing time grow with the cells it draws, so without a cap one client
// claiming 10000×10000 held gigabytes and slowed every other screen.
const (
	MaxWidth  = 400
	MaxHeight = 200
)

// clampWindow caps a terminal size to MaxWidth×MaxHeight.
func clampWindow(w ssh.Window) ssh.Window {
	w.Width = min(max(w.Width, 0), MaxWidth)
	w.Height = min(max(w.Height, 0), MaxHeight)
	return w
}

// windowSession is a session whose terminal size, at the start and at
// every window-change, is capped by clampWindow, for everything after it
// (the UI's renderer, its first size, its resizes).
type windowSession struct {
	ssh.Session
	changes <-chan ssh.Window
}

// Pty implements ssh.Session.
func (s windowSession) Pty() (ssh.Pty, <-chan ssh.Window, bool) {
	pty, _, ok := s.Session.Pty()
	pty.Window = clampWindow(pty.Window)
	return pty, s.changes, ok
}

// capWindow is the middleware that hands the rest a windowSession.
func capWindow(next ssh.Handler) ssh.Handler {
	return func(sess ssh.Session) {
		_, changes, ok := sess.Pty()
		if !ok {
			next(sess)
			return
		}
		capped := make(chan ssh.Window, 1)
		go func() {
			for {
				select {
				case w, open := <-changes:
					if !open {
						return
					}
					select {
					case capped <- clampWindow(w):
					case <-sess.Context().Done():
						return
					}
				case <-sess.Context().Done():
					return
				}
			}
		}()
		next(windowSession{Session: sess, changes: capped})
	}
}
