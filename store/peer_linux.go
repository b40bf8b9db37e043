package store

import (
	"syscall"

	"golang.org/x/sys/unix"
)

// peerUID is the user of the process at the other end of a Unix socket,
// as the kernel tells it (SO_PEERCRED).
func peerUID(raw syscall.RawConn) (uint32, bool) {
	var cred *unix.Ucred
	var credErr error
	if err := raw.Control(func(fd uintptr) {
		cred, credErr = unix.GetsockoptUcred(int(fd), unix.SOL_SOCKET, unix.SO_PEERCRED)
	}); err != nil || credErr != nil {
		return 0, false
	}
	return cred.Uid, true
}
