//go:build failpoints

package store

import (
	"errors"
	"os"
	"syscall"

	gofail "go.etcd.io/gofail/runtime"
)

// The failpoints of SPEC §11's tests, enabled by GOFAIL_FAILPOINTS in a
// binary built with -tags failpoints, e.g.
// GOFAIL_FAILPOINTS='afterCommit=return("kill")':
//
//   - afterCommit: an event is committed, its index not yet;
//   - inCommand: the owner is carrying out a forwarded command (sleep(N)
//     makes it a long one);
//   - beforeReply: a forwarded command is carried out, its reply not sent.
//
// return("kill") stops the process as kill -9 would; return("error") at
// beforeReply drops the reply, as a connection lost would.
var (
	fpAfterCommit = gofail.NewFailpoint("afterCommit")
	fpInCommand   = gofail.NewFailpoint("inCommand")
	fpBeforeReply = gofail.NewFailpoint("beforeReply")
)

var errFailpoint = errors.New("failpoint")

func failpoint(fp *gofail.Failpoint) error {
	v, err := fp.Acquire()
	if err != nil {
		return nil
	}
	switch v {
	case "kill":
		_ = syscall.Kill(os.Getpid(), syscall.SIGKILL)
		select {}
	case "error":
		return errFailpoint
	}
	return nil
}
