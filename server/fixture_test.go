package server

import (
	"bytes"
	"context"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/jalsa-app/jalsa/cli"
	"github.com/jalsa-app/jalsa/model"
	"github.com/jalsa-app/jalsa/server/internal/sshclient"
	"github.com/jalsa-app/jalsa/store"
	gossh "golang.org/x/crypto/ssh"
)

// The operators of every test, as in SPEC §7.
var testOperators = []struct{ role, name string }{
	{"clerk", "fatima"},
	{"observer", "vice-president"},
	{"display", "hall-projector"},
}

// fixture is a server on 127.0.0.1:0 over the demo database, with the
// October 2024 session open, everyone present and item 1 under way.
type fixture struct {
	t    *testing.T
	dir  string
	st   *store.Store
	srv  *Server
	log  *syncBuffer
	keys map[string]gossh.Signer
}

func newFixture(t *testing.T, tune func(*cli.ServeOptions)) *fixture {
	t.Helper()
	return newFixtureLimits(t, tune, defaultLimits())
}

// newFixtureLimits is newFixture with the server's limits shortened.
func newFixtureLimits(t *testing.T, tune func(*cli.ServeOptions), lim limits) *fixture {
	t.Helper()
	f := &fixture{t: t, dir: t.TempDir(), log: &syncBuffer{}, keys: map[string]gossh.Signer{}}
	st, err := store.Open(filepath.Join(f.dir, "jalsa.db"), store.Options{})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	f.st = st
	if err := cli.LoadDemo(context.Background(), &cli.Env{Getenv: func(string) string { return "" }}, st); err != nil {
		t.Fatal(err)
	}
	f.local("open", "2024-10")
	f.local("attend", "2024-10", "--present", "all")
	f.local("item", "2024-10", "1", "start")
	var ops strings.Builder
	for _, o := range testOperators {
		signer, pub := newKey(t)
		f.keys[o.name] = signer
		ops.WriteString(o.role + "  " + pub + "  " + o.name + "\n")
	}
	writeFile(t, filepath.Join(f.dir, "operators"), ops.String(), 0o600)
	opts := cli.ServeOptions{Listen: "127.0.0.1:0", Operators: filepath.Join(f.dir, "operators"),
		HostKey: filepath.Join(f.dir, "host_ed25519"), Idle: "30m", Lang: "en", Bidi: "terminal"}
	if tune != nil {
		tune(&opts)
	}
	env := &cli.Env{Stderr: f.log, Getenv: func(string) string { return "" }}
	if f.srv, err = start(context.Background(), env, st, opts, lim); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { f.srv.Stop() })
	return f
}

// local runs a command on the server's store directly, as the socket would.
func (f *fixture) local(args ...string) cli.Env {
	f.t.Helper()
	var out, errb bytes.Buffer
	env := cli.Env{Stdout: &out, Stderr: &errb, Getenv: func(k string) string { return map[string]string{"LANG": "en"}[k] },
		Actor: "setup", Store: f.st, Forwarded: true}
	if code := cli.Run(context.Background(), &env, args); code != 0 {
		f.t.Fatalf("%s: exit %d: %s", strings.Join(args, " "), code, errb.String())
	}
	return env
}

// client connects as the operator called name.
func (f *fixture) client(name string) *gossh.Client {
	f.t.Helper()
	return f.clientFrom("", name)
}

// clientFrom connects as the operator called name from the local address
// from (see sshclient.DialFrom).
func (f *fixture) clientFrom(from, name string) *gossh.Client {
	f.t.Helper()
	c, err := sshclient.DialFrom(from, f.srv.Addr().String(), gossh.PublicKeys(f.keys[name]))
	if err != nil {
		f.t.Fatalf("%s: %v", name, err)
	}
	f.t.Cleanup(func() { c.Close() })
	return c
}

// run runs a command as the operator called name.
func (f *fixture) run(name, cmd string, env map[string]string) sshclient.Result {
	f.t.Helper()
	r, err := sshclient.Run(f.client(name), cmd, nil, env)
	if err != nil {
		f.t.Fatalf("%s: %s: %v", name, cmd, err)
	}
	return r
}

// screen opens the UI as the operator called name, on a 100×30 xterm.
func (f *fixture) screen(name string, env map[string]string) *sshclient.Screen {
	f.t.Helper()
	s, err := sshclient.OpenScreen(f.client(name), "xterm-256color", 100, 30, env)
	if err != nil {
		f.t.Fatalf("%s: %v", name, err)
	}
	f.t.Cleanup(func() { s.Close() })
	return s
}

// lastEvent is the newest event of the record.
func (f *fixture) lastEvent() model.Event {
	var last model.Event
	if err := f.st.Events(func(ev model.Event) error { last = ev; return nil }); err != nil {
		f.t.Fatal(err)
	}
	return last
}

// waitCtx bounds a wait for the screen; it is generous because -race and a
// loaded machine slow everything, and a wait that succeeds returns at once.
func waitCtx(t *testing.T) context.Context {
	ctx, cancel := context.WithTimeout(context.Background(), 20*time.Second)
	t.Cleanup(cancel)
	return ctx
}

// syncBuffer is the server's log, written by many sessions at once.
type syncBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (b *syncBuffer) Write(p []byte) (int, error) {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.b.Write(p)
}

func (b *syncBuffer) String() string {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.b.String()
}

var _ io.Writer = (*syncBuffer)(nil)

// waitFor waits for text to appear in b.
func (b *syncBuffer) waitFor(ctx context.Context, text string) error {
	for !strings.Contains(b.String(), text) {
		select {
		case <-ctx.Done():
			return fmt.Errorf("%q never appeared in:\n%s", text, b)
		case <-time.After(10 * time.Millisecond):
		}
	}
	return nil
}

// exists reports whether path exists.
func exists(path string) bool {
	_, err := os.Stat(path)
	return err == nil
}
