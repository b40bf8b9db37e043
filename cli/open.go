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

// lockWait bounds how long a command waits for a database another process
// holds without serving it (a command that is running): SPEC §5 wants every
// command to work, or say which process holds the database, within 2 s.
const lockWait = 1200 * time.Millisecond

// answerWait is how long the owner has to take a forwarded command; while
// it runs the command it must say something at least every 2·answerWait.
const answerWait = 600 * time.Millisecond

// withStore runs fn on the database the call names: through its owner when
// one serves it, else on the file itself, which only a command the table
// marks Creates may create (SPEC §11; any other exits 4 on a path that
// holds no database, creating nothing). Each run makes a request id; a
// command the owner took and then died with is looked up by that id on the
// file, never run a second time blindly. A command that owns the database,
// or holds it for long (Serves), serves the socket while it runs.
func withStore(c *call, fn func(st *store.Store) error) error {
	env, cmd := c.Env, c.cmd
	db := dbPath(env, c.global.DB, cmd.File)
	env.request = store.NewRequestID()
	_, statErr := os.Stat(db)
	missing := errors.Is(statErr, os.ErrNotExist)
	var newDirs []string
	if missing && cmd.Creates {
		newDirs = missingDirs(filepath.Dir(db))
	}
	args := c.tree.line
	var stdin []byte
	if slices.Contains(args, "-") && env.Stdin != nil && !cmd.Owns {
		// Read once: it goes to the owner, or to the command run here.
		stdin, _ = io.ReadAll(env.Stdin)
		env.Stdin = bytes.NewReader(stdin)
	}
	deadline := time.Now().Add(lockWait)
	taken, tried := false, false
	for {
		// An owner that serves the socket answers at once; trying it first
		// spares every command the lock timeout.
		if !cmd.Owns && !env.Forwarded && store.Serving(db) {
			resp, err := forward(env, db, args, stdin)
			switch {
			case err == nil:
				env.Stdout.Write(resp.Stdout)
				env.Stderr.Write(resp.Stderr)
				return exited(resp.Code)
			case errors.Is(err, store.ErrOwnerSilent):
				return model.Failure("err.owner_silent", db, ownerOrUnknown(env, db))
			case errors.Is(err, store.ErrOwnerLost):
				taken = true
			case errors.Is(err, store.ErrNoAnswer):
				tried = true
			}
		}
		var st *store.Store
		err := store.Shield(db, func() (err error) {
			st, err = store.Open(db, store.Options{MustExist: !cmd.Creates, Check: cmd.Check})
			return err
		})
		if errors.Is(err, store.ErrLocked) {
			serving := store.Serving(db)
			switch {
			case time.Now().After(deadline):
			case taken || store.Owner(db) == "":
				// The holder died with our command, or let go meanwhile.
				continue
			case serving && !cmd.Owns && !tried:
				// An owner started meanwhile, or took over from one that
				// died with our command.
				continue
			case !serving || cmd.Owns:
				// A command holds it for a moment.
				time.Sleep(20 * time.Millisecond)
				continue
			}
			return lockedError(env, db, cmd.Owns, serving)
		}
		var nf *model.Error
		if errors.As(err, &nf) && nf.Key == "err.no_database" && cmd.Name == "" {
			return exited(noDatabaseUI(c.ctx, env, err, args))
		}
		if err != nil {
			return err
		}
		err = runOpened(c, st, taken, fn)
		if err != nil && missing && cmd.Creates {
			removeCreated(db, newDirs)
		}
		return err
	}
}

// runOpened runs fn on the store the call opened; a command that another
// owner took and died with (taken) is looked up first.
func runOpened(c *call, st *store.Store, taken bool, fn func(st *store.Store) error) error {
	var ran error
	err := store.Shield(st.Path(), func() error {
		// What the command recorded is on disk; closing only catches the
		// index up, which the next Open does too, so its error is not the
		// command's.
		defer st.Close()
		if taken {
			if code, done := reportRecorded(c.Env, st); done {
				ran = exited(code)
				return nil
			}
		}
		if c.cmd.Owns || c.cmd.Serves {
			// Stop serving before the store closes, so the socket file goes
			// with the process instead of staying behind.
			sctx, stop := context.WithCancel(c.ctx)
			served := make(chan struct{})
			go func() {
				defer close(served)
				st.Serve(sctx, "jalsa "+c.cmd.key(), SocketHandler(c.Env, st))
			}()
			defer func() {
				stop()
				<-served
			}()
		}
		ran = fn(st)
		return nil
	})
	if err != nil {
		return err
	}
	return ran
}

// exited is the exit code of a run whose output is already written: by the
// owner the command was forwarded to, or by the demo the UI offered.
type exited int

func (e exited) Error() string { return fmt.Sprintf("exit %d", int(e)) }

// lockedError says who holds db when it could not be had in time: the
// process that has it open (a UI, a server), an owner that does not
// answer, or a command that is still running.
func lockedError(env *Env, db string, owns, serving bool) error {
	who := ownerOrUnknown(env, db)
	switch {
	case owns:
		return model.Refused("err.owned", db, who)
	case serving:
		return model.Refused("err.locked", db, who)
	}
	return model.Refused("err.locked_busy", db, who)
}

// openToRead opens the database at db for a look that must change nothing
// (completions): read-only, so that it neither writes nor catches the
// index up; a path with no database is an error, not a new database; and
// a lock held by a silent owner is not waited for.
func openToRead(db string) (*store.Store, error) {
	return store.Open(db, store.Options{MustExist: true, ReadOnly: true, Timeout: 100 * time.Millisecond})
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
	// The demo keeps its own file (SPEC §13), never the path the user
	// gave: only the display flags go on, and $JALSA_DB is not read.
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
	sub := *env
	sub.Getenv = func(k string) string {
		if k == "JALSA_DB" {
			return ""
		}
		return env.Getenv(k)
	}
	return Run(ctx, &sub, append([]string{"demo"}, demo...))
}

// dbPath resolves --db, $JALSA_DB, then $XDG_DATA_HOME/jalsa/FILE
// (jalsa.db when file is "").
func dbPath(env *Env, flag, file string) string {
	if flag != "" {
		return env.Path(flag)
	}
	if p := env.Getenv("JALSA_DB"); p != "" {
		return env.Path(p)
	}
	dir := env.Getenv("XDG_DATA_HOME")
	if dir == "" {
		home, _ := os.UserHomeDir()
		dir = filepath.Join(home, ".local", "share")
	}
	if file == "" {
		file = "jalsa.db"
	}
	return filepath.Join(dir, "jalsa", file)
}
