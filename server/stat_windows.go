package server

import (
	"io/fs"
	"os"
	"time"
)

// fileUID cannot name a Windows file's owner as a user id; the file's ACL
// guards it there.
func fileUID(fs.FileInfo) (int, bool) { return 0, false }

// fileStamp tells whether a file changed: an edit or a replacement
// changes its size or its modification time.
type fileStamp struct {
	size  int64
	mtime time.Time
}

func stampOf(path string) fileStamp {
	fi, err := os.Stat(path)
	if err != nil {
		return fileStamp{}
	}
	return fileStamp{size: fi.Size(), mtime: fi.ModTime()}
}
