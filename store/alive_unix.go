//go:build unix

package store

import "syscall"

// processAlive reports whether process pid may still run: signal 0 checks it
// without touching it.
func processAlive(pid int) bool { return syscall.Kill(pid, 0) != syscall.ESRCH }
