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
		op := operatorOf(sess)
		err := remoteArgs(args, sess.RawCommand(), op.Role)
		if err != nil {
			fmt.Fprintln(sess.Stderr(), "jalsa: "+model.Message(err, c.lang))
			_ = sess.Exit(model.ExitCode(err))
			return
		}
		_, _, tty := sess.Pty()
		env := &cli.Env{Stdin: sess, Stdout: sess, Stderr: sess.Stderr(), Getenv: c.getenv,
			Actor: op.Name, Role: op.Role, Store: s.st, Forwarded: true, Terminal: tty}
		_ = sess.Exit(cli.Run(sess.Context(), env, args))
	}
}

// remoteArgs refuses a command line that does not split into words, and
// what cli.Remote refuses: what the role may not run, and any argument or
// flag that names a file on the server (the operators file, the host key
// and the database are files too). Standard input and output ("-", or no
// -o) work as they do locally.
func remoteArgs(args []string, raw, role string) error {
	if len(args) == 0 {
		return model.Usage("server.bad_command", raw)
	}
	return cli.Remote(args, role)
}
