// Package atomicfile writes a file so that a crash, a full disk or a kill
// leaves either the old file or the new one at its path, never half of
// one, and no leftover that grows with every failed run (SPEC §11).
package atomicfile

import (
	"bufio"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
)

// ErrBusy means another run is writing the same path right now.
var ErrBusy = errors.New("another run is writing this file")

// TempPath is the temporary file Write uses for path. Its name is fixed,
// so the next run that writes path reuses, and so removes, what a killed
// run left there.
func TempPath(path string) string {
	dir, base := filepath.Split(path)
	return filepath.Join(dir, "."+base+".jalsa-tmp")
}

// Write writes path with perm through TempPath(path): write fills it, it
// is synced, renamed over path, and the directory synced, so the rename
// itself survives a crash. On any error the temporary file is removed and
// path is as it was.
func Write(path string, perm os.FileMode, write func(w io.Writer) error) (err error) {
	tmp := TempPath(path)
	f, err := os.OpenFile(tmp, os.O_RDWR|os.O_CREATE, perm)
	if err != nil {
		return err
	}
	// Two runs writing the same path must not fill one temporary file
	// together; a killed run's lock went with it.
	if err := tryLock(f); err != nil {
		f.Close()
		return fmt.Errorf("%s: %w", path, ErrBusy)
	}
	done := false
	defer func() {
		if !done {
			os.Remove(tmp)
		}
		f.Close()
	}()
	if err := f.Truncate(0); err != nil {
		return err
	}
	// A leftover may have had another mode.
	if err := f.Chmod(perm); err != nil {
		return err
	}
	bw := bufio.NewWriterSize(f, 1<<16)
	if err := write(bw); err != nil {
		return err
	}
	if err := bw.Flush(); err != nil {
		return err
	}
	if err := f.Sync(); err != nil {
		return err
	}
	if err := os.Rename(tmp, path); err != nil {
		return err
	}
	done = true
	return SyncDir(filepath.Dir(path))
}
