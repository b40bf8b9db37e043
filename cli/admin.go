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
)

func runExport(c *call, f *outputFlags) error {
	if f.Output == "" || f.Output == "-" {
		return c.st.Export(c.Stdout)
	}
	return c.st.ExportTo(c.Path(f.Output))
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

func runImport(c *call, _ *noFlags) error {
	r, err := openInput(c.Env, c.args[0])
	if err != nil {
		return err
	}
	defer r.Close()
	n, err := c.st.Import(r, c.request)
	if err != nil {
		return err
	}
	fmt.Fprintln(c.Stdout, i18n.T(c.lang, "msg.imported", n))
	return nil
}

func runBackup(c *call, _ *noFlags) error {
	path := c.Path(c.args[0])
	if err := c.st.Backup(path); err != nil {
		return err
	}
	fmt.Fprintln(c.Stdout, i18n.T(c.lang, "msg.backup", path))
	return nil
}

// verifyFlags are `jalsa verify`'s flags.
type verifyFlags struct {
	RepairIndex bool `flag:"repair-index" writes:"true"`
}

func runVerify(c *call, f *verifyFlags) error {
	if f.RepairIndex {
		if err := repairIndex(c.Env, c.st); err != nil {
			return err
		}
	}
	rep, err := c.st.VerifyContext(c.ctx)
	var d *store.DamagedError
	switch {
	case c.ctx.Err() != nil:
		return model.Failure("err.verify_stopped")
	case errors.As(err, &d):
		return err
	case err != nil:
		return model.Failure("err.verify", err.Error())
	}
	fmt.Fprintln(c.Stdout, i18n.T(c.lang, "msg.verified", i18n.T(c.lang, "msg.events_chained", rep.Events),
		i18n.T(c.lang, "msg.sessions_replayed", rep.Sessions), shortHash(rep.Head)))
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

// uiFlags are the UI's flags.
type uiFlags struct {
	Listen string `flag:"listen" value:"ADDR"`
}

// runDemo loads the demo and opens the UI on it; the database is demo.db
// unless --db or $JALSA_DB names one (the table's File), and the demo
// says where it is when it is done.
func runDemo(c *call, f *uiFlags) error {
	if err := LoadDemo(c.ctx, c.Env, c.st); err != nil {
		return err
	}
	// Without a terminal (a script, CI) the demo is loaded and its status
	// shown, so `jalsa demo` also prepares a database for commands.
	if c.Interactive == nil || !c.Terminal {
		sub := *c.Env
		sub.Store = c.st
		if code := Run(c.ctx, &sub, []string{"status", "2024-10"}); code != 0 {
			return model.Failure("err.demo_status")
		}
	} else if err := runUI(c, f); err != nil {
		return err
	}
	fmt.Fprintln(c.Stdout, i18n.T(c.lang, "msg.demo_where", c.st.Path()))
	return nil
}

func runUI(c *call, f *uiFlags) error {
	if c.Interactive == nil {
		return model.Failure("err.no_ui")
	}
	return c.Interactive(c.ctx, c.Env, c.st, UIOptions{Lang: c.lang, Bidi: c.global.Bidi, Shape: c.global.Shape, Listen: f.Listen})
}

// serveFlags are `jalsa serve`'s flags.
type serveFlags struct {
	Listen    string `flag:"listen" value:"ADDR" default:"127.0.0.1:2222"`
	Operators string `flag:"operators" value:"FILE" file:"in"`
	HostKey   string `flag:"host-key" value:"FILE" file:"in"`
	// Idle is "" unless given: the server's default (SPEC §7: 15 min).
	Idle string `flag:"idle" value:"DURATION"`
}

func runServe(c *call, f *serveFlags) error {
	if c.Serve == nil {
		return model.Failure("err.no_server")
	}
	return c.Serve(c.ctx, c.Env, c.st, ServeOptions{Listen: f.Listen, Operators: f.Operators, HostKey: f.HostKey, Idle: f.Idle, Lang: c.lang, Bidi: c.global.Bidi})
}
