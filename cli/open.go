package cli

import (
	"bytes"
	"context"
	"errors"
	"io"
	"os"
	"path/filepath"
	"slices"
	"time"

	"github.com/jalsa-app/jalsa/model"
	"github.com/jalsa-app/jalsa/store"
)

// withStore runs fn on the database the call names. An owner that serves
// the socket answers at once; trying it first spares every command the lock
// timeout. A socket left by a killed owner refuses the connection, and the
// command opens the file itself. A command that owns the database serves
// the socket while it runs.
func withStore(c *call, fn func(st *store.Store) error) error {
	db := dbPath(c.Env, c.global.DB, c.cmd.File)
	owns := c.cmd.Owns
	tried := false
	if !owns && !c.Forwarded && store.Serving(db) {
		if code, ok := forward(c.Env, db, c.tree.line); ok {
			return forwarded(code)
		}
		tried = true
	}
	st, err := store.Open(db, store.Options{})
	if errors.Is(err, store.ErrLocked) {
		if owns || c.Forwarded || tried {
			return lockedError(db)
		}
		if code, ok := forward(c.Env, db, c.tree.line); ok {
			return forwarded(code)
		}
		return lockedError(db)
	}
	if err != nil {
		return err
	}
	defer st.Close()
	if owns {
		// Stop serving before the store closes, so the socket file goes
		// with the process instead of staying behind.
		sctx, stop := context.WithCancel(c.ctx)
		served := make(chan struct{})
		go func() {
			defer close(served)
			st.Serve(sctx, "jalsa "+c.cmd.Name, SocketHandler(c.Env, st))
		}()
		defer func() {
			stop()
			<-served
		}()
	}
	return fn(st)
}

// openToRead opens the database at db for a look that must change nothing
// (completions): a missing file is an error, not a new database, and a
// lock held by a silent owner is not waited for.
func openToRead(db string) (*store.Store, error) {
	if _, err := os.Stat(db); err != nil {
		return nil, err
	}
	return store.Open(db, store.Options{Timeout: 100 * time.Millisecond})
}

// forwarded is the exit code of a command its owner ran, whose output is
// already written.
type forwarded int

func (f forwarded) Error() string { return "forwarded" }

func lockedError(db string) error {
	who := store.Owner(db)
	if who == "" {
		who = "?"
	}
	return model.Refused("err.locked", db, who)
}

// forward runs the command in the process that owns the database; ok is
// false when no owner answered.
func forward(env *Env, db string, args []string) (code int, ok bool) {
	var stdin []byte
	if slices.Contains(args, "-") && env.Stdin != nil {
		stdin, _ = io.ReadAll(env.Stdin)
		// Should the owner not answer, the command runs here on the same input.
		env.Stdin = bytes.NewReader(stdin)
	}
	dir := env.Dir
	if dir == "" {
		dir, _ = os.Getwd()
	}
	resp, err := store.Forward(db, store.Request{Args: args, Lang: env.lang, Dir: dir, Actor: env.Actor, Stdin: stdin}, store.LockTimeout*5)
	if err != nil {
		return 0, false
	}
	env.Stdout.Write(resp.Stdout)
	env.Stderr.Write(resp.Stderr)
	return resp.Code, true
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
