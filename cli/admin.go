package cli

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"strings"
	"time"

	"github.com/jalsa-app/jalsa/demo"
	"github.com/jalsa-app/jalsa/i18n"
	"github.com/jalsa-app/jalsa/internal/atomicfile"
	"github.com/jalsa-app/jalsa/model"
	"github.com/jalsa-app/jalsa/store"
	"github.com/spf13/pflag"
)

func init() {
	outFlag := func(fs *pflag.FlagSet, o *opts) { fs.StringVarP(&o.out, "output", "o", "", "") }
	add(&command{name: "export", usage: "export [-o FILE]", flags: outFlag, run: runExport})
	add(&command{name: "import", usage: "import FILE", writes: true, run: runImport})
	add(&command{name: "backup", usage: "backup FILE", run: runBackup})
	add(&command{name: "verify", usage: "verify [--repair-index]", run: runVerify,
		flags: func(fs *pflag.FlagSet, o *opts) { fs.BoolVar(&o.repairIndex, "repair-index", false, "") }})
	uiFlags := func(fs *pflag.FlagSet, o *opts) { fs.StringVar(&o.listen, "listen", "", "") }
	add(&command{name: "demo", usage: "demo", writes: true, owns: true, flags: uiFlags, run: runDemo})
	add(&command{name: "ui", usage: "jalsa [--listen ADDR]", owns: true, flags: uiFlags, run: runUI})
	add(&command{name: "serve", usage: "serve [--listen ADDR] [--operators FILE] [--host-key FILE] [--idle DURATION]", owns: true,
		flags: func(fs *pflag.FlagSet, o *opts) {
			fs.StringVar(&o.listen, "listen", "127.0.0.1:2222", "")
			fs.StringVar(&o.operators, "operators", "", "")
			fs.StringVar(&o.hostKey, "host-key", "", "")
			fs.StringVar(&o.idle, "idle", "", "") // "": the server's default (SPEC §7: 15 min)
		}, run: runServe})
}

func runExport(ctx context.Context, env *Env, st *store.Store, o *opts) error {
	if o.out == "" || o.out == "-" {
		return st.Export(env.Stdout)
	}
	return st.ExportTo(env.Path(o.out))
}

// writeFileAtomic writes a document (the minutes) through a temporary file
// (atomicfile), so that a crash or a full disk never leaves half of one, or
// a leftover, behind.
func writeFileAtomic(path string, data []byte) error {
	err := atomicfile.Write(path, 0o644, func(w io.Writer) error {
		_, err := w.Write(data)
		return err
	})
	if errors.Is(err, atomicfile.ErrBusy) {
		return model.Refused("err.write_busy", path)
	}
	return err
}

func openInput(env *Env, name string) (io.ReadCloser, error) {
	if name == "-" {
		return io.NopCloser(env.Stdin), nil
	}
	f, err := os.Open(env.Path(name))
	if err != nil {
		return nil, model.NotFound("err.read_file", name, err.Error())
	}
	return f, nil
}

func runImport(ctx context.Context, env *Env, st *store.Store, o *opts) error {
	if err := needArgs(o, 1, commands["import"].usage); err != nil {
		return err
	}
	r, err := openInput(env, o.args[0])
	if err != nil {
		return err
	}
	defer r.Close()
	n, err := st.Import(r, env.request)
	if err != nil {
		return err
	}
	fmt.Fprintln(env.Stdout, i18n.T(env.lang, "msg.imported", n))
	return nil
}

func runBackup(ctx context.Context, env *Env, st *store.Store, o *opts) error {
	if err := needArgs(o, 1, commands["backup"].usage); err != nil {
		return err
	}
	path := env.Path(o.args[0])
	if err := st.Backup(path); err != nil {
		return err
	}
	fmt.Fprintln(env.Stdout, i18n.T(env.lang, "msg.backup", path))
	return nil
}

func runVerify(ctx context.Context, env *Env, st *store.Store, o *opts) error {
	if o.repairIndex {
		if err := repairIndex(env, st); err != nil {
			return err
		}
	}
	rep, err := st.VerifyContext(ctx)
	var d *store.DamagedError
	switch {
	case ctx.Err() != nil:
		return model.Failure("err.verify_stopped")
	case errors.As(err, &d):
		return err
	case err != nil:
		return model.Failure("err.verify", err.Error())
	}
	fmt.Fprintln(env.Stdout, i18n.T(env.lang, "msg.verified", i18n.T(env.lang, "msg.events_chained", rep.Events),
		i18n.T(env.lang, "msg.sessions_replayed", rep.Sessions), shortHash(rep.Head)))
	return nil
}

func shortHash(h string) string {
	if len(h) > 12 {
		return h[:12]
	}
	return h
}

// LoadDemo loads every demo session that is not yet in the database: the
// session file, then the script that conducts it, each command stamped with
// a plausible time of its sitting.
func LoadDemo(ctx context.Context, env *Env, st *store.Store) error {
	for _, ds := range demo.Sessions {
		data, err := demo.Files.ReadFile(ds.File)
		if err != nil {
			return err
		}
		cmd, err := model.LoadSessionFile(ds.File, data)
		if err != nil {
			return err
		}
		exists := false
		st.Read(func(s *model.State) { _, exists = s.Sessions[cmd.Session.ID] })
		if exists {
			continue
		}
		clock := time.Now
		if ds.Start != "" {
			at, err := time.Parse(time.RFC3339, ds.Start)
			if err != nil {
				return err
			}
			at = at.Add(-24 * time.Hour)
			clock = func() time.Time { at = at.Add(3 * time.Minute); return at }
		}
		if _, err := st.DoAt("demo", clock(), cmd); err != nil {
			return err
		}
		if ds.Script == "" {
			continue
		}
		if ds.Start != "" {
			// The session file was loaded the day before; the sitting opens at Start.
			at, _ := time.Parse(time.RFC3339, ds.Start)
			clock = func() time.Time { at = at.Add(3 * time.Minute); return at }
		}
		script, err := demo.Files.ReadFile(ds.Script)
		if err != nil {
			return err
		}
		sub := &Env{Stdout: io.Discard, Stderr: &bytes.Buffer{}, Getenv: env.Getenv, Actor: "demo", Store: st, Clock: clock}
		for i, line := range strings.Split(string(script), "\n") {
			args, err := SplitArgs(line)
			if err != nil {
				return fmt.Errorf("%s:%d: %w", ds.Script, i+1, err)
			}
			if len(args) == 0 {
				continue
			}
			if code := Run(ctx, sub, args); code != 0 {
				return fmt.Errorf("%s:%d: %s", ds.Script, i+1, strings.TrimSpace(sub.Stderr.(*bytes.Buffer).String()))
			}
		}
	}
	return nil
}

// SplitArgs splits a script line into arguments: spaces separate, double
// quotes group, and a line starting with # is a comment.
func SplitArgs(line string) ([]string, error) {
	line = strings.TrimSpace(line)
	if line == "" || strings.HasPrefix(line, "#") {
		return nil, nil
	}
	var args []string
	var cur strings.Builder
	inQuote, started := false, false
	for _, r := range line {
		switch {
		case r == '"':
			inQuote, started = !inQuote, true
		case (r == ' ' || r == '\t') && !inQuote:
			if started {
				args = append(args, cur.String())
				cur.Reset()
				started = false
			}
		default:
			cur.WriteRune(r)
			started = true
		}
	}
	if inQuote {
		return nil, fmt.Errorf("unclosed quote")
	}
	if started {
		args = append(args, cur.String())
	}
	return args, nil
}

func runDemo(ctx context.Context, env *Env, st *store.Store, o *opts) error {
	if err := LoadDemo(ctx, env, st); err != nil {
		return err
	}
	// Without a terminal (a script, CI) the demo is loaded and its status
	// shown, so `jalsa demo` also prepares a database for commands.
	if env.Interactive == nil || !env.Terminal {
		sub := *env
		sub.Store = st
		if code := Run(ctx, &sub, []string{"status", "2024-10"}); code != 0 {
			return model.Failure("err.demo_status")
		}
		return nil
	}
	return runUI(ctx, env, st, o)
}

func runUI(ctx context.Context, env *Env, st *store.Store, o *opts) error {
	if env.Interactive == nil {
		return model.Failure("err.no_ui")
	}
	return env.Interactive(ctx, env, st, UIOptions{Lang: env.lang, Bidi: o.bidi, Shape: o.shape, Listen: o.listen})
}

func runServe(ctx context.Context, env *Env, st *store.Store, o *opts) error {
	if env.Serve == nil {
		return model.Failure("err.no_server")
	}
	return env.Serve(ctx, env, st, ServeOptions{Listen: o.listen, Operators: o.operators, HostKey: o.hostKey, Idle: o.idle, Lang: env.lang, Bidi: o.bidi})
}
