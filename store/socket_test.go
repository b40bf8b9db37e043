package store

import (
	"context"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"net"
	"os"
	"os/exec"
	"os/user"
	"path/filepath"
	"runtime"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/jalsa-app/jalsa/internal/testbin"
)

// An owner that accepts a connection but never answers must not hang the
// client: Forward gives up within its timeout.
func TestForwardGivesUpOnSilentOwner(t *testing.T) {
	db := filepath.Join(t.TempDir(), "j.db")
	ln, err := net.Listen("unix", SocketPath(db))
	if err != nil {
		t.Fatal(err)
	}
	defer ln.Close()
	go func() {
		for {
			c, err := ln.Accept()
			if err != nil {
				return
			}
			defer c.Close() // hold it open, say nothing
		}
	}()
	start := time.Now()
	_, err = Forward(db, Request{Args: []string{"status", "x"}}, 300*time.Millisecond)
	if !errors.Is(err, ErrNoOwner) {
		t.Fatalf("Forward to a silent owner: %v, want ErrNoOwner", err)
	}
	if d := time.Since(start); d > 2*time.Second {
		t.Fatalf("Forward took %v; SPEC §5 allows 2 s at most", d)
	}
}

// The socket is created with no access for others from the first instant
// (SPEC §7): under umask 000, a process watching for it never sees it
// open to others, restart after restart.
func TestSocketIsPrivateFromTheFirstInstant(t *testing.T) {
	defer syscall.Umask(syscall.Umask(0))
	st, err := Open(filepath.Join(t.TempDir(), "j.db"), Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	path := SocketPath(st.path)
	for round := 0; round < 20; round++ {
		ctx, cancel := context.WithCancel(context.Background())
		served := make(chan error, 1)
		go func() {
			served <- st.Serve(ctx, "test", func(context.Context, Request, io.Writer, io.Writer) int { return 0 })
		}()
		for {
			fi, err := os.Lstat(path)
			if err == nil {
				if fi.Mode()&os.ModeSocket == 0 || fi.Mode().Perm() != 0o600 {
					t.Fatalf("round %d: the socket first appeared as %v", round, fi.Mode())
				}
				break
			}
			select {
			case err := <-served:
				t.Fatalf("round %d: Serve returned %v before its socket appeared", round, err)
			default:
			}
		}
		cancel()
		if err := <-served; err != nil {
			t.Fatal(err)
		}
		if _, err := os.Lstat(path); !errors.Is(err, fs.ErrNotExist) {
			t.Fatalf("round %d: the socket outlived Serve: %v", round, err)
		}
	}
	if left, _ := filepath.Glob(filepath.Join(filepath.Dir(path), ".sock-*")); len(left) > 0 {
		t.Errorf("left behind: %v", left)
	}
}

// Even if the socket file is made reachable (a loosened mode, a race won on
// an old version), the owner serves only its own user and root, and records
// the OS user that connects, not the name the client sends (SPEC §7).
// The client is the real jalsa binary, run as nobody with setpriv or
// runuser.
func TestSocketServesOnlyItsUserAndRecordsWhoItIs(t *testing.T) {
	if testing.Short() {
		t.Skip("builds the binary")
	}
	if os.Geteuid() != 0 {
		t.Skip("needs root to run a client as nobody (CI runs as root)")
	}
	asNobody := func(args ...string) *exec.Cmd {
		if p, err := exec.LookPath("setpriv"); err == nil {
			return exec.Command(p, append([]string{"--reuid=nobody", "--regid=nogroup", "--clear-groups", "--"}, args...)...)
		}
		if p, err := exec.LookPath("runuser"); err == nil {
			return exec.Command(p, append([]string{"-u", "nobody", "--"}, args...)...)
		}
		return nil
	}
	if asNobody() == nil {
		t.Skip("neither setpriv nor runuser is installed (util-linux)")
	}
	bin := testbin.Jalsa(t)
	dir, err := os.MkdirTemp("", "jalsa-socket-")
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { os.RemoveAll(dir) })
	if err := os.Chmod(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	db := filepath.Join(dir, "j.db")
	st, err := Open(db, Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	actors := make(chan string, 4)
	go st.Serve(ctx, "test", func(_ context.Context, req Request, stdout, _ io.Writer) int {
		actors <- req.Actor
		fmt.Fprintln(stdout, "served")
		return 0
	})
	for !Serving(db) {
		runtime.Gosched()
	}
	if err := os.Chmod(SocketPath(db), 0o666); err != nil {
		t.Fatal(err)
	}
	stranger := asNobody(bin, "--db", db, "--lang", "en", "sessions")
	stranger.Env = append(os.Environ(), "USER=mallory", "HOME="+dir)
	out, err := stranger.CombinedOutput()
	if err == nil || strings.Contains(string(out), "served") {
		t.Errorf("nobody was served: %v\n%s", err, out)
	}
	select {
	case a := <-actors:
		t.Fatalf("the owner ran a command for nobody, as %q", a)
	default:
	}
	me, err := user.Current()
	if err != nil {
		t.Fatal(err)
	}
	self := exec.Command(bin, "--db", db, "--lang", "en", "sessions")
	self.Env = append(os.Environ(), "USER=mallory")
	if out, err := self.CombinedOutput(); err != nil || !strings.Contains(string(out), "served") {
		t.Fatalf("the owner's own user was not served: %v\n%s", err, out)
	}
	if a := <-actors; a != me.Username {
		t.Errorf("the command was recorded as %q, want the OS user %q", a, me.Username)
	}
}
