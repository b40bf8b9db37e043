package atomicfile

import (
	"os"

	"golang.org/x/sys/windows"
)

// tryLock takes f's lock without waiting; Windows lets it go with the
// process that held it.
func tryLock(f *os.File) error {
	var ol windows.Overlapped
	return windows.LockFileEx(windows.Handle(f.Fd()), windows.LOCKFILE_EXCLUSIVE_LOCK|windows.LOCKFILE_FAIL_IMMEDIATELY, 0, 1, 0, &ol)
}

// SyncDir has nothing to do on Windows: a directory cannot be opened for
// flushing there, and NTFS journals its entries itself.
func SyncDir(string) error { return nil }
