package store

import (
	"fmt"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/jalsa-app/jalsa/internal/testbin"
)

// TestFailpoints kills or fails the owner at the failpoints of SPEC §11's
// tests (go.etcd.io/gofail, in a binary built with -tags failpoints) and
// checks the history after each: a command acknowledged with exit 0 is in
// the record exactly once, and none is in it twice.
func TestFailpoints(t *testing.T) {
	bin := testbin.JalsaFailpoints(t)
	for _, tc := range []struct {
		name, failpoint string
		// want is what the client must print; "" for the command's own
		// output.
		want string
	}{
		// The owner commits, then dies before it replies: the client
		// finds the command in the record.
		{"killed before the reply", `beforeReply=return("kill")`, "already recorded as event"},
		// The owner commits and dies before indexing it.
		{"killed between the event and its index", `afterCommit=return("kill")`, "already recorded as event"},
		// The owner drops its reply once and lives: the client asks again
		// with the same request id and gets the first run's reply.
		{"reply lost once", `beforeReply=1*return("error")`, ""},
		// A long command: the owner heartbeats while it runs, and the
		// client waits for it past every silence limit.
		{"long command", `inCommand=sleep(3000)`, ""},
	} {
		t.Run(tc.name, func(t *testing.T) {
			r := newOwnerRig(t, bin)
			r.env = []string{"GOFAIL_FAILPOINTS=" + tc.failpoint}
			r.start()
			note := "failpoint " + tc.name
			cmd, out, errb := r.client("item", sid, "2", "note", note)
			code := wait(t, cmd)
			if code != 0 || (tc.want != "" && !strings.HasPrefix(out.String(), tc.want)) || (tc.want == "" && !strings.HasPrefix(out.String(), "note added")) {
				t.Errorf("client: exit %d, stdout %q, stderr %q; want exit 0 and %q", code, out, errb, tc.want)
			}
			// The owner, if it lives, goes; the record is read from the file.
			if r.owner != nil {
				r.kill()
			}
			if notes, _ := r.tally(); notes[note] != 1 {
				t.Errorf("the note is in the record %d times, want 1", notes[note])
			}
		})
	}

	// A command run on the file itself, killed between its event and the
	// index: it was never acknowledged; the next command finds the record
	// whole and the index caught up.
	t.Run("local command killed before its index", func(t *testing.T) {
		r := newOwnerRig(t, bin)
		r.clients = []string{`GOFAIL_FAILPOINTS=afterCommit=return("kill")`}
		cmd, _, _ := r.client("item", sid, "2", "note", "killed locally")
		r.clients = nil
		if code := wait(t, cmd); code != -1 {
			t.Fatalf("the command was not killed at the failpoint: exit %d", code)
		}
		next, out, errb := r.client("decisions", "--json")
		if code := wait(t, next); code != 0 {
			t.Fatalf("the next command: exit %d: %s%s", code, out, errb)
		}
		if notes, _ := r.tally(); notes["killed locally"] != 1 {
			t.Errorf("the committed note is in the record %d times, want 1", notes["killed locally"])
		}
	})
}

// TestStoppedOwner: an owner stopped by SIGSTOP must not hold a client
// past 2 s (SPEC §5): the client says which process holds the database.
// A command the owner did not take is never carried out when it resumes;
// one it took and then fell silent on, the client says may be.
func TestStoppedOwner(t *testing.T) {
	bin := testbin.JalsaFailpoints(t)
	r := newOwnerRig(t, bin)
	r.start()
	pid := r.owner.Pid
	r.owner.Signal(syscall.SIGSTOP)
	for _, args := range [][]string{{"status", sid}, {"item", sid, "2", "note", "while stopped"}} {
		start := time.Now()
		cmd, out, errb := r.client(args...)
		code := wait(t, cmd)
		took := time.Since(start)
		holder := fmt.Sprintf("pid %d (%s serve --listen", pid, filepath.Base(bin))
		if code != 3 || out.Len() != 0 || !strings.Contains(errb.String(), holder) || !strings.Contains(errb.String(), "does not answer") {
			t.Errorf("jalsa %s on a stopped owner: exit %d, %q; want exit 3 naming %s…)", args[0], code, errb, holder)
		}
		// An upper bound with a margin for a loaded machine, not a benchmark.
		if took > 2*time.Second {
			t.Errorf("jalsa %s waited %v on a stopped owner; SPEC §5 allows 2 s", args[0], took)
		}
	}
	r.owner.Signal(syscall.SIGCONT)
	r.kill()
	if notes, _ := r.tally(); notes["while stopped"] != 0 {
		t.Errorf("a command the stopped owner never took was carried out when it resumed")
	}

	// The owner takes the command, then stops answering before its reply.
	r.env = []string{`GOFAIL_FAILPOINTS=beforeReply=sleep(4000)`}
	r.start()
	start := time.Now()
	cmd, _, errb := r.client("item", sid, "2", "note", "then silent")
	code := wait(t, cmd)
	if took := time.Since(start); code != 1 || !strings.Contains(errb.String(), "took the command and stopped answering") || took > 2*time.Second {
		t.Errorf("a silent owner: exit %d after %v, %q; want exit 1 within 2 s saying it took the command", code, took, errb)
	}
}
