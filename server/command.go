package server

import (
	"fmt"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/charmbracelet/ssh"
	"github.com/jalsa-app/jalsa/cli"
	"github.com/jalsa-app/jalsa/model"
	gossh "golang.org/x/crypto/ssh"
)

// commandMode runs the command a client passes (`ssh -p 2222 host decisions
// صفرو --json`) through cli.Run, with the operator's name and role, the
// client's language, and its exit code; a session without a command goes on
// to the UI. What may run is checked first, cheapest first: the raw length
// before any parsing, the role (a display runs nothing, an observer only
// what reads), then the words. Every command, refused or run, leaves one
// line in the log naming who, with which key, from where.
func (s *Server) commandMode(next ssh.Handler) ssh.Handler {
	return func(sess ssh.Session) {
		raw := sess.RawCommand()
		if strings.TrimSpace(raw) == "" {
			next(sess)
			return
		}
		c := newClient(sess, s.lang)
		op := operatorOf(sess)
		code := s.command(sess, c, op, raw)
		s.logf("server.log.command", op.Name, op.Role, gossh.FingerprintSHA256(op.Key), sess.RemoteAddr(), logCommand(raw), code)
		_ = sess.Exit(code)
	}
}

// command checks and runs one command line and returns its exit code.
func (s *Server) command(sess ssh.Session, c client, op Operator, raw string) int {
	refuse := func(err error) int {
		fmt.Fprintln(sess.Stderr(), "jalsa: "+model.Message(err, c.lang))
		return model.ExitCode(err)
	}
	if len(raw) > MaxCommand {
		return refuse(model.Usage("server.command_too_long", len(raw), MaxCommand))
	}
	if op.Role == cli.RoleDisplay {
		return refuse(model.Refused("server.display_no_command"))
	}
	args, err := splitCommand(raw)
	if err == nil {
		err = remoteArgs(args, raw)
	}
	if err != nil {
		return refuse(err)
	}
	if op.Role != cli.RoleClerk && cli.Writes(args) {
		return refuse(model.Refused("err.role_readonly", op.Role))
	}
	_, _, tty := sess.Pty()
	if cn := connOf(sess.Context()); cn != nil {
		sess = activity{Session: sess, c: cn}
	}
	env := &cli.Env{Stdin: sess, Stdout: sess, Stderr: sess.Stderr(), Getenv: c.getenv,
		Actor: op.Name, Role: op.Role, Store: s.st, Forwarded: true, Terminal: tty}
	return cli.Run(sess.Context(), env, args)
}

// logCommand is a command line as the log shows it: quoted, so that no
// control or bidi character in it acts on the terminal that reads the log,
// and cut short, so that a long one does not flood it.
func logCommand(raw string) string {
	const max = 200
	if len(raw) <= max {
		return strconv.Quote(raw)
	}
	cut := max
	for cut > 0 && !utf8.RuneStart(raw[cut]) {
		cut--
	}
	return strconv.Quote(raw[:cut]) + fmt.Sprintf("… (%d bytes)", len(raw))
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
