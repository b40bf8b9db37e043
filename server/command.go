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
	if op.Role == model.RoleDisplay {
		return refuse(model.Refused("server.display_no_command"))
	}
	args, err := splitCommand(raw)
	if err == nil {
		err = remoteArgs(args, raw, op.Role)
	}
	if err != nil {
		return refuse(err)
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

// remoteArgs refuses a command line that does not split into words, and
// what cli.Remote refuses: what the role may not run (an observer nothing
// that writes, verify --repair-index included), and any argument or flag
// that names a file on the server (the operators file, the host key and
// the database are files too). Standard input and output ("-", or no -o)
// work as they do locally.
func remoteArgs(args []string, raw, role string) error {
	if len(args) == 0 {
		return model.Usage("server.bad_command", raw)
	}
	return cli.Remote(args, role)
}
