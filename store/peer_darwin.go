package store

import (
	"syscall"

	"golang.org/x/sys/unix"
)

// peerUID is the user of the process at the other end of a Unix socket,
// as the kernel tells it (LOCAL_PEERCRED).
func peerUID(raw syscall.RawConn) (uint32, bool) {
	var cred *unix.Xucred
	var credErr error
	if err := raw.Control(func(fd uintptr) {
		cred, credErr = unix.GetsockoptXucred(int(fd), unix.SOL_LOCAL, unix.LOCAL_PEERCRED)
	}); err != nil || credErr != nil {
		return 0, false
	}
	return cred.Uid, true
}
