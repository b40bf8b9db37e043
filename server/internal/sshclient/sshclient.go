// Package sshclient is the SSH client side of jalsa's server tests and
// benchmark: a real golang.org/x/crypto/ssh client that runs commands, and a
// Screen (a session with a pty) that records everything the server draws and
// answers the queries a terminal answers, so a test can wait for text to
// appear instead of sleeping. Recorder does the same for any output, such
// as the system ssh client's.
package sshclient

import (
	"bytes"
	"context"
	"crypto/ed25519"
	"crypto/rand"
	"errors"
	"fmt"
	"io"
	"net"
	"strings"
	"sync"
	"time"

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
	return DialFrom("", addr, auth...)
}

// DialFrom is Dial from the local address from (an IP such as 127.0.0.2,
// or "" for any), so that a test can play clients from several sources.
func DialFrom(from, addr string, auth ...gossh.AuthMethod) (*gossh.Client, error) {
	d := net.Dialer{Timeout: 30 * time.Second}
	if from != "" {
		d.LocalAddr = &net.TCPAddr{IP: net.ParseIP(from)}
	}
	nc, err := d.Dial("tcp", addr)
	if err != nil {
		return nil, err
	}
	c, chans, reqs, err := gossh.NewClientConn(nc, addr, &gossh.ClientConfig{
		User:            "operator",
		Auth:            auth,
		HostKeyCallback: gossh.InsecureIgnoreHostKey(), //nolint:gosec // loopback tests
	})
	if err != nil {
		nc.Close()
		return nil, err
	}
	return gossh.NewClient(c, chans, reqs), nil
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

// Recorder keeps everything written to it and lets a test wait for text to
// appear in it, rather than sleep.
type Recorder struct {
	mu      sync.Mutex
	raw     []byte
	changed chan struct{}
	done    chan struct{}
	once    sync.Once
}

// NewRecorder returns an empty recorder.
func NewRecorder() *Recorder {
	return &Recorder{changed: make(chan struct{}), done: make(chan struct{})}
}

// Write records p.
func (r *Recorder) Write(p []byte) (int, error) {
	r.mu.Lock()
	r.raw = append(r.raw, p...)
	close(r.changed)
	r.changed = make(chan struct{})
	r.mu.Unlock()
	return len(p), nil
}

// Close says no more output will come, so waits stop.
func (r *Recorder) Close() error {
	r.once.Do(func() { close(r.done) })
	return nil
}

// Done is closed by Close.
func (r *Recorder) Done() <-chan struct{} { return r.done }

// Mark is a position in the output; Wait can look only at what came after.
func (r *Recorder) Mark() int {
	r.mu.Lock()
	defer r.mu.Unlock()
	return len(r.raw)
}

// Text is the output since mark with escape sequences removed.
func (r *Recorder) Text(mark int) string {
	r.mu.Lock()
	defer r.mu.Unlock()
	return ansi.Strip(string(r.raw[mark:]))
}

// Raw is everything written, escape sequences included.
func (r *Recorder) Raw() string {
	r.mu.Lock()
	defer r.mu.Unlock()
	return string(r.raw)
}

// Wait returns once cond holds for the text written since mark, or an
// error when ctx ends or the output ends without it holding.
func (r *Recorder) Wait(ctx context.Context, mark int, cond func(text string) bool) error {
	for {
		r.mu.Lock()
		text := ansi.Strip(string(r.raw[mark:]))
		changed := r.changed
		r.mu.Unlock()
		if cond(text) {
			return nil
		}
		select {
		case <-changed:
		case <-r.done:
			if cond(r.Text(mark)) {
				return nil
			}
			return fmt.Errorf("output ended; it was:\n%s", lastLines(r.Text(mark), 30))
		case <-ctx.Done():
			return fmt.Errorf("%w; the output was:\n%s", ctx.Err(), lastLines(r.Text(mark), 30))
		}
	}
}

// WaitText waits for text to appear after mark.
func (r *Recorder) WaitText(ctx context.Context, mark int, text string) error {
	return r.Wait(ctx, mark, func(t string) bool { return strings.Contains(t, text) })
}

// Terminal plays the part of a terminal emulator for a test: it records
// what the program draws and answers the queries a terminal answers, on in
// (the program's input).
type Terminal struct {
	*Recorder
	in io.Writer
}

// NewTerminal returns a terminal whose keys and answers go to in.
func NewTerminal(in io.Writer) *Terminal { return &Terminal{Recorder: NewRecorder(), in: in} }

// Terminal queries a program may send, and a terminal's answers: the
// background colour (OSC 11) and the primary device attributes (DA1), which
// lipgloss's renderer asks for over SSH before the UI starts. A terminal
// that answers neither leaves the server waiting for its first key.
var answers = []struct{ query, answer string }{
	{ansi.RequestBackgroundColor, "\x1b]11;rgb:0000/0000/0000\x07"},
	{ansi.RequestPrimaryDeviceAttributes, "\x1b[?62;22c"},
}

// Write records what the program drew and answers its queries.
func (t *Terminal) Write(p []byte) (int, error) {
	n, err := t.Recorder.Write(p)
	for _, a := range answers {
		if bytes.Contains(p, []byte(a.query)) {
			_, _ = io.WriteString(t.in, a.answer)
		}
	}
	return n, err
}

// Type sends keys as typed.
func (t *Terminal) Type(keys string) error {
	_, err := io.WriteString(t.in, keys)
	return err
}

// Screen is a session with a pty, as a person's terminal would open it.
type Screen struct {
	*Terminal
	sess *gossh.Session

	mu  sync.Mutex
	err error
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
	stdin, err := sess.StdinPipe()
	if err != nil {
		sess.Close()
		return nil, err
	}
	s := &Screen{Terminal: NewTerminal(stdin), sess: sess}
	sess.Stdout = s.Terminal
	sess.Stderr = s.Terminal
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
		s.Recorder.Close()
	}()
	return s, nil
}

// ExitErr is how the session ended (nil for exit status 0), once Done.
func (s *Screen) ExitErr() error {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.err
}

// Close ends the session.
func (s *Screen) Close() error { return s.sess.Close() }

// Resize tells the server the terminal is now width×height, as a
// terminal's window-change does.
func (s *Screen) Resize(width, height int) error { return s.sess.WindowChange(height, width) }

func lastLines(s string, n int) string {
	lines := strings.Split(s, "\n")
	if len(lines) > n {
		lines = lines[len(lines)-n:]
	}
	return strings.Join(lines, "\n")
}
