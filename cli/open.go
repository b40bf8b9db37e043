package cli

import (
	"bufio"
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"time"

	"github.com/jalsa-app/jalsa/i18n"
	"github.com/jalsa-app/jalsa/model"
	"github.com/jalsa-app/jalsa/store"
)

// createsDatabase names the commands that may create a database file (SPEC
// §11); any other command on a path that holds no database exits 4 and
// creates nothing. (`body create` and `members import` join them when they
// exist; with a command table this is an attribute of each command.)
var createsDatabase = map[string]bool{"init": true, "demo": true, "import": true, "import-decisions": true}

// lockWait bounds how long a command waits for a database another process
// holds without serving it (a command that is running): SPEC §5 wants every
// command to work, or say which process holds the database, within 2 s.
const lockWait = 1200 * time.Millisecond

// answerWait is how long the owner has to take a forwarded command; while
// it runs the command it must say something at least every 2·answerWait.
const answerWait = 600 * time.Millisecond

// openAndRun runs c on the database at db: through its owner when one
// serves it, else on the file itself. Each run makes a request id; a
// command the owner took and then died with is looked up by that id on
// the file, never run a second time blindly (SPEC §11).
func openAndRun(ctx context.Context, env *Env, c *command, o *opts, db string, args []string) int {
	env.request = store.NewRequestID()
	creates := createsDatabase[c.name]
	_, statErr := os.Stat(db)
	missing := errors.Is(statErr, os.ErrNotExist)
	var newDirs []string
	if missing && creates {
		newDirs = missingDirs(filepath.Dir(db))
	}
	var stdin []byte
	if slices.Contains(args, "-") && env.Stdin != nil && !c.owns {
		// Read once: it goes to the owner, or to the command run here.
		stdin, _ = io.ReadAll(env.Stdin)
		env.Stdin = bytes.NewReader(stdin)
	}
	deadline := time.Now().Add(lockWait)
	taken, tried := false, false
	for {
		// An owner that serves the socket answers at once; trying it first
		// spares every command the lock timeout.
		if !c.owns && !env.Forwarded && store.Serving(db) {
			resp, err := forward(env, db, args, stdin)
			switch {
			case err == nil:
				env.Stdout.Write(resp.Stdout)
				env.Stderr.Write(resp.Stderr)
				return resp.Code
			case errors.Is(err, store.ErrOwnerSilent):
				return fail(env, model.Failure("err.owner_silent", db, ownerOrUnknown(env, db)))
			case errors.Is(err, store.ErrOwnerLost):
				taken = true
			case errors.Is(err, store.ErrNoAnswer):
				tried = true
			}
		}
		var st *store.Store
		err := store.Shield(db, func() (err error) {
			st, err = store.Open(db, store.Options{MustExist: !creates, Check: c.name == "verify"})
			return err
		})
		if errors.Is(err, store.ErrLocked) {
			serving := store.Serving(db)
			switch {
			case time.Now().After(deadline):
			case taken || store.Owner(db) == "":
				// The holder died with our command, or let go meanwhile.
				continue
			case serving && !c.owns && !tried:
				// An owner started meanwhile, or took over from one that
				// died with our command.
				continue
			case !serving || c.owns:
				// A command holds it for a moment.
				time.Sleep(20 * time.Millisecond)
				continue
			}
			who := ownerOrUnknown(env, db)
			switch {
			case c.owns:
				return fail(env, model.Refused("err.owned", db, who))
			case serving:
				return fail(env, model.Refused("err.locked", db, who))
			}
			return fail(env, model.Refused("err.locked_busy", db, who))
		}
		var nf *model.Error
		if errors.As(err, &nf) && nf.Key == "err.no_database" && c.name == "ui" {
			return noDatabaseUI(ctx, env, err, args)
		}
		if err != nil {
			return fail(env, err)
		}
		code := runOpened(ctx, env, c, o, st, taken)
		if code != 0 && missing && creates {
			removeCreated(db, newDirs)
		}
		return code
	}
}

// runOpened runs c on the store it opened; a command that another owner
// took and died with (taken) is looked up first.
func runOpened(ctx context.Context, env *Env, c *command, o *opts, st *store.Store, taken bool) (code int) {
	err := store.Shield(st.Path(), func() error {
		// What the command recorded is on disk; closing only catches the
		// index up, which the next Open does too, so its error is not the
		// command's.
		defer st.Close()
		if taken {
			if rc, done := reportRecorded(env, st); done {
				code = rc
				return nil
			}
		}
		if c.owns {
			// Stop serving before the store closes, so the socket file goes
			// with the process instead of staying behind.
			sctx, stop := context.WithCancel(ctx)
			served := make(chan struct{})
			go func() {
				defer close(served)
				st.Serve(sctx, "jalsa "+c.name, SocketHandler(env, st))
			}()
			defer func() {
				stop()
				<-served
			}()
		}
		code = fail(env, c.run(ctx, env, st, o))
		return nil
	})
	if err != nil {
		return fail(env, err)
	}
	return code
}

// reportRecorded reports a request already in the record as carried out,
// done true; done false when it is not there and the command must run.
func reportRecorded(env *Env, st *store.Store) (code int, done bool) {
	ev, ok, err := st.Recorded(env.request)
	if err != nil {
		return fail(env, err), true
	}
	if !ok {
		return 0, false
	}
	fmt.Fprintln(env.Stdout, i18n.T(env.lang, "msg.already_recorded", ev.Seq, ev.Type, ev.Time.Local().Format("2006-01-02 15:04:05")))
	return 0, true
}

// forward runs the command in the process that owns the database, with
// this run's request id and standard input.
func forward(env *Env, db string, args []string, stdin []byte) (store.Response, error) {
	dir := env.Dir
	if dir == "" {
		dir, _ = os.Getwd()
	}
	return store.Forward(db, store.Request{ID: env.request, Args: args, Lang: env.lang, Dir: dir, Actor: env.Actor, Stdin: stdin}, answerWait)
}

// ownerOrUnknown names the process that holds db for a message.
func ownerOrUnknown(env *Env, db string) string {
	if who := store.Owner(db); who != "" {
		return who
	}
	return i18n.T(env.lang, "msg.unknown_process")
}

// removeCreated removes the database a creating command made and then
// failed in, and the directories it made for it, so that a refused init
// leaves nothing behind; the database stays if anything was recorded in it
// meanwhile, a directory if anything else is in it.
func removeCreated(db string, dirs []string) {
	st, err := store.Open(db, store.Options{MustExist: true, Timeout: 50 * time.Millisecond})
	if err != nil {
		return
	}
	empty := st.Seq() == 0
	st.Close()
	if !empty {
		return
	}
	os.Remove(db)
	for _, d := range dirs {
		os.Remove(d)
	}
}

// missingDirs lists dir and those of its parents that do not exist, the
// deepest first.
func missingDirs(dir string) []string {
	var out []string
	for d := dir; ; d = filepath.Dir(d) {
		if _, err := os.Stat(d); !errors.Is(err, os.ErrNotExist) || d == filepath.Dir(d) {
			return out
		}
		out = append(out, d)
	}
}

// noDatabaseUI is the UI on a path that holds no database: it says so, as
// any command would, and on a terminal offers to open the demo.
func noDatabaseUI(ctx context.Context, env *Env, err error, args []string) int {
	code := fail(env, err)
	if !env.Terminal || env.Stdin == nil {
		return code
	}
	fmt.Fprint(env.Stdout, i18n.T(env.lang, "msg.offer_demo"))
	line, _ := bufio.NewReader(env.Stdin).ReadString('\n')
	switch strings.ToLower(strings.TrimSpace(line)) {
	case "y", "yes", "o", "oui", "ن", "نعم":
	default:
		return code
	}
	// The demo keeps its own file (SPEC §13), so only the display flags go on.
	var demo []string
	for i := 0; i < len(args); i++ {
		if a := args[i]; a == "--db" || strings.HasPrefix(a, "--db=") {
			if a == "--db" {
				i++
			}
			continue
		}
		demo = append(demo, args[i])
	}
	return Run(ctx, env, append([]string{"demo"}, demo...))
}
