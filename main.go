// Command jalsa conducts live sessions of a deliberative assembly from a
// terminal. main only wires the parts together; see README.md.
package main

import (
	"context"
	"os"
	"os/signal"
	"os/user"
	"syscall"

	"github.com/jalsa-app/jalsa/cli"
	"github.com/jalsa-app/jalsa/server"
	"github.com/jalsa-app/jalsa/tui"
	"golang.org/x/term"
)

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	// Asking the user database (NSS, with cgo) costs a start-up; $USER is
	// nearly always there.
	actor := os.Getenv("USER")
	if actor == "" {
		if u, err := user.Current(); err == nil {
			actor = u.Username
		}
	}
	dir, _ := os.Getwd()
	env := &cli.Env{
		Stdin: os.Stdin, Stdout: os.Stdout, Stderr: os.Stderr, Getenv: os.Getenv, Dir: dir,
		Actor: actor, Terminal: term.IsTerminal(int(os.Stdout.Fd())),
		Interactive: server.Alongside(tui.Run), Serve: server.Run,
	}
	os.Exit(cli.Run(ctx, env, os.Args[1:]))
}
