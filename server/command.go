package server

import (
	"fmt"
	"strings"

	"github.com/charmbracelet/ssh"
	"github.com/jalsa-app/jalsa/cli"
	"github.com/jalsa-app/jalsa/model"
)

// commandMode runs the command a client passes (`ssh -p 2222 host decisions
// صفرو --json`) through cli.Run, with the operator's name and role, the
// client's language, and its exit code; a session without a command goes on
// to the UI.
func (s *Server) commandMode(next ssh.Handler) ssh.Handler {
	return func(sess ssh.Session) {
		args := sess.Command()
		if len(args) == 0 && strings.TrimSpace(sess.RawCommand()) == "" {
			next(sess)
			return
		}
		c := newClient(sess, s.lang)
		err := remoteArgs(args, sess.RawCommand())
		if err != nil {
			fmt.Fprintln(sess.Stderr(), "jalsa: "+model.Message(err, c.lang))
			_ = sess.Exit(model.ExitCode(err))
			return
		}
		op := operatorOf(sess)
		_, _, tty := sess.Pty()
		env := &cli.Env{Stdin: sess, Stdout: sess, Stderr: sess.Stderr(), Getenv: c.getenv,
			Actor: op.Name, Role: op.Role, Store: s.st, Forwarded: true, Terminal: tty}
		_ = sess.Exit(cli.Run(sess.Context(), env, args))
	}
}

// fileCommands take a file name as their argument; over SSH it would name a
// file on the server, so only "-" (the client's standard input) is allowed.
var fileCommands = map[string]bool{"init": true, "import": true, "import-decisions": true, "backup": true}

// valueFlags are the flags, among those the file commands and -o accept,
// whose value is the next argument.
var valueFlags = map[string]bool{"--db": true, "--lang": true, "--bidi": true, "-o": true, "--output": true}

// remoteArgs refuses a command line that would read or write a file on the
// server: the operators file, the host key or the database itself are
// files too, and an observer may run export. Standard input and output
// ("-", or no -o) work as they do locally.
func remoteArgs(args []string, raw string) error {
	if len(args) == 0 {
		return model.Usage("server.bad_command", raw)
	}
	var positional []string
	for i := 0; i < len(args); i++ {
		a := args[i]
		switch {
		case a == "--":
			positional = append(positional, args[i+1:]...)
			i = len(args)
		case a == "-o" || a == "--output":
			if i+1 < len(args) && args[i+1] != "-" {
				return model.Refused("server.remote_file", args[i+1])
			}
			i++
		case strings.HasPrefix(a, "--output="):
			if v := strings.TrimPrefix(a, "--output="); v != "-" {
				return model.Refused("server.remote_file", v)
			}
		case strings.HasPrefix(a, "-o") && !strings.HasPrefix(a, "--"):
			if v := strings.TrimPrefix(strings.TrimPrefix(a, "-o"), "="); v != "-" {
				return model.Refused("server.remote_file", v)
			}
		case valueFlags[a]:
			i++
		case strings.HasPrefix(a, "-") && a != "-":
		default:
			positional = append(positional, a)
		}
	}
	if len(positional) == 0 || !fileCommands[positional[0]] {
		return nil
	}
	if positional[0] == "backup" {
		return model.Refused("server.remote_backup")
	}
	for _, p := range positional[1:] {
		if p != "-" {
			return model.Refused("server.remote_file", p)
		}
	}
	return nil
}
