package server

import (
	"context"
	"errors"
	"io"

	"github.com/jalsa-app/jalsa/cli"
	"github.com/jalsa-app/jalsa/store"
)

// UIFunc is the local UI hook of cli.Env (Interactive).
type UIFunc func(ctx context.Context, env *cli.Env, st *store.Store, o cli.UIOptions) error

// Alongside extends the local UI with `jalsa --listen ADDR`: when a listen
// address is given, the SSH server (default operators file and host key,
// default idle limit) runs in the same process, on the same open store, so
// the clerk's laptop feeds the projector and the chair's tablet; it stops,
// telling its clients, when the local UI quits. Its log is dropped, since
// the local UI owns the terminal.
func Alongside(ui UIFunc) UIFunc {
	return func(ctx context.Context, env *cli.Env, st *store.Store, o cli.UIOptions) error {
		if o.Listen == "" {
			return ui(ctx, env, st, o)
		}
		quiet := *env
		quiet.Stderr = io.Discard
		srv, err := Start(ctx, &quiet, st, cli.ServeOptions{Listen: o.Listen, Lang: o.Lang})
		if err != nil {
			return err
		}
		err = ui(ctx, env, st, o)
		return errors.Join(err, srv.Stop())
	}
}
