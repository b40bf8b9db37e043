// Package sshclient is the SSH client side of jalsa's server tests and
// benchmark: a real golang.org/x/crypto/ssh client that runs commands, and a
// Screen (a session with a pty) that records everything the server draws and
// answers the queries a terminal answers, so a test can wait for text to
// appear instead of sleeping.
package sshclient

import (
	"bytes"
	"context"
	"crypto/ed25519"
	"crypto/rand"
	"errors"
	"fmt"
	"io"
	"strings"
	"sync"

	"github.com/charmbracelet/x/ansi"
	gossh "golang.org/x/crypto/ssh"
)

// NewKey returns a fresh ed25519 key and its authorized_keys form
// ("ssh-ed25519 AAAA…", no newline).
func NewKey() (gossh.Signer, string, error) {
	_, priv, err := ed25519.GenerateKey(rand.Reader)
	if err != nil {
		return nil, "", err
	}
	signer, err := gossh.NewSignerFromKey(priv)
	if err != nil {
		return nil, "", err
	}
	return signer, strings.TrimSpace(string(gossh.MarshalAuthorizedKey(signer.PublicKey()))), nil
}

// Dial connects to addr and authenticates with the given methods; host
// keys are not checked (tests and the benchmark run on loopback).
func Dial(addr string, auth ...gossh.AuthMethod) (*gossh.Client, error) {
	return gossh.Dial("tcp", addr, &gossh.ClientConfig{
		User:            "operator",
		Auth:            auth,
		HostKeyCallback: gossh.InsecureIgnoreHostKey(), //nolint:gosec // loopback tests
	})
}

// Result is what a command printed and its exit status.
type Result struct {
	Stdout, Stderr string
	Code           int
}

// Run runs cmd in a new session of c with stdin and the environment env.
func Run(c *gossh.Client, cmd string, stdin io.Reader, env map[string]string) (Result, error) {
	sess, err := c.NewSession()
	if err != nil {
		return Result{}, err
	}
	defer sess.Close()
	for k, v := range env {
		if err := sess.Setenv(k, v); err != nil {
			return Result{}, err
		}
	}
	var out, errb bytes.Buffer
	sess.Stdin, sess.Stdout, sess.Stderr = stdin, &out, &errb
	err = sess.Run(cmd)
	r := Result{Stdout: out.String(), Stderr: errb.String()}
	var exit *gossh.ExitError
	switch {
	case errors.As(err, &exit):
		r.Code = exit.ExitStatus()
	case err != nil:
		return r, err
	}
	return r, nil
}

// Screen is a session with a pty, as a person's terminal would open it.
type Screen struct {
	sess  *gossh.Session
	stdin io.WriteCloser

	mu      sync.Mutex
	raw     []byte
	changed chan struct{}
	done    chan struct{}
	err     error
}

// OpenScreen opens a session of c with a pty of the given TERM and size and
// the environment env, and starts its shell (jalsa's UI).
func OpenScreen(c *gossh.Client, term string, width, height int, env map[string]string) (*Screen, error) {
	sess, err := c.NewSession()
	if err != nil {
		return nil, err
	}
	for k, v := range env {
		if err := sess.Setenv(k, v); err != nil {
			sess.Close()
			return nil, err
		}
	}
	s := &Screen{sess: sess, changed: make(chan struct{}), done: make(chan struct{})}
	if s.stdin, err = sess.StdinPipe(); err != nil {
		sess.Close()
		return nil, err
	}
	sess.Stdout = s
	sess.Stderr = s
	if err := sess.RequestPty(term, height, width, gossh.TerminalModes{gossh.ECHO: 0}); err != nil {
		sess.Close()
		return nil, err
	}
	if err := sess.Shell(); err != nil {
		sess.Close()
		return nil, err
	}
	go func() {
		err := sess.Wait()
		s.mu.Lock()
		s.err = err
		s.mu.Unlock()
		close(s.done)
	}()
	return s, nil
}

// Terminal queries the server may send, and a terminal's answers: the
// background colour (OSC 11) and the primary device attributes (DA1), which
// lipgloss's renderer asks for before the UI starts.
var answers = []struct{ query, answer string }{
	{ansi.RequestBackgroundColor, "\x1b]11;rgb:0000/0000/0000\x07"},
	{ansi.RequestPrimaryDeviceAttributes, "\x1b[?62;22c"},
}

// Write records what the server sent (it is the session's stdout).
func (s *Screen) Write(p []byte) (int, error) {
	s.mu.Lock()
	s.raw = append(s.raw, p...)
	close(s.changed)
	s.changed = make(chan struct{})
	s.mu.Unlock()
	for _, a := range answers {
		if bytes.Contains(p, []byte(a.query)) {
			_, _ = io.WriteString(s.stdin, a.answer)
		}
	}
	return len(p), nil
}

// Type sends keys as typed.
func (s *Screen) Type(keys string) error {
	_, err := io.WriteString(s.stdin, keys)
	return err
}

// Mark is a position in the output; Wait can look only at what came after.
func (s *Screen) Mark() int {
	s.mu.Lock()
	defer s.mu.Unlock()
	return len(s.raw)
}

// Text is the output since mark with escape sequences removed.
func (s *Screen) Text(mark int) string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return ansi.Strip(string(s.raw[mark:]))
}

// Raw is everything the server sent, escape sequences included.
func (s *Screen) Raw() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return string(s.raw)
}

// Wait returns once cond holds for the text received since mark, or an
// error when ctx ends or the session ends without it holding.
func (s *Screen) Wait(ctx context.Context, mark int, cond func(text string) bool) error {
	for {
		s.mu.Lock()
		text := ansi.Strip(string(s.raw[mark:]))
		changed := s.changed
		s.mu.Unlock()
		if cond(text) {
			return nil
		}
		select {
		case <-changed:
		case <-s.done:
			if cond(s.Text(mark)) {
				return nil
			}
			return fmt.Errorf("session ended; the screen showed:\n%s", lastLines(s.Text(mark), 30))
		case <-ctx.Done():
			return fmt.Errorf("%w; the screen showed:\n%s", ctx.Err(), lastLines(s.Text(mark), 30))
		}
	}
}

// WaitText waits for text to appear after mark.
func (s *Screen) WaitText(ctx context.Context, mark int, text string) error {
	return s.Wait(ctx, mark, func(t string) bool { return strings.Contains(t, text) })
}

// Done is closed when the session has ended.
func (s *Screen) Done() <-chan struct{} { return s.done }

// ExitErr is how the session ended (nil for exit status 0), once Done.
func (s *Screen) ExitErr() error {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.err
}

// Close ends the session.
func (s *Screen) Close() error { return s.sess.Close() }

func lastLines(s string, n int) string {
	lines := strings.Split(s, "\n")
	if len(lines) > n {
		lines = lines[len(lines)-n:]
	}
	return strings.Join(lines, "\n")
}
