package store

import (
	"bufio"
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"syscall"

	"golang.org/x/sys/unix"
)

// Owner describes the process that holds the lock of the database at db
// ("pid 1234 (jalsa serve --listen :2222)"), or "" when no process holds
// it any more. On Linux the kernel says who holds it (/proc/locks), which
// is right even in the instant before the holder could write its claim;
// elsewhere the claim the holder wrote when it took the file says it.
func Owner(db string) string {
	if pid, ok := lockHolder(db); ok {
		return fmt.Sprintf("pid %d (%s)", pid, processName(pid))
	}
	b, err := os.ReadFile(ownerPath(db))
	if err != nil {
		return ""
	}
	pid, what, _ := strings.Cut(strings.TrimSpace(string(b)), " ")
	if n, err := strconv.Atoi(pid); err != nil || syscall.Kill(n, 0) == syscall.ESRCH {
		return ""
	}
	return fmt.Sprintf("pid %s (%s)", pid, what)
}

// lockHolder finds the process holding a flock on the file at path in
// /proc/locks, whose lines read
// "1: FLOCK  ADVISORY  WRITE 2263 fe:00:9977859 0 EOF" (the device's major
// and minor numbers in hex, the inode in decimal); lines of processes
// waiting for a lock ("1: -> FLOCK …") are not holders.
func lockHolder(path string) (int, bool) {
	var st unix.Stat_t
	if err := unix.Stat(path, &st); err != nil {
		return 0, false
	}
	want := fmt.Sprintf("%02x:%02x:%d", unix.Major(uint64(st.Dev)), unix.Minor(uint64(st.Dev)), st.Ino)
	f, err := os.Open("/proc/locks")
	if err != nil {
		return 0, false
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		fields := strings.Fields(sc.Text())
		if len(fields) < 6 || fields[1] != "FLOCK" || fields[5] != want {
			continue
		}
		if pid, err := strconv.Atoi(fields[4]); err == nil && pid > 0 {
			return pid, true
		}
	}
	return 0, false
}

// processName is how process pid was started, short enough for a message:
// the program and its arguments but the database, which the message names.
func processName(pid int) string {
	b, err := os.ReadFile(fmt.Sprintf("/proc/%d/cmdline", pid))
	if err != nil || len(b) == 0 {
		return fmt.Sprint(pid)
	}
	args := strings.Split(strings.TrimRight(string(b), "\x00"), "\x00")
	return shorten(strings.Join(withoutDB(args), " "))
}

// withoutDB is a command line without its --db flag, the program by its
// base name.
func withoutDB(args []string) []string {
	out := []string{filepath.Base(args[0])}
	for i := 1; i < len(args); i++ {
		switch a := args[i]; {
		case a == "--db" || a == "-db":
			i++
		case strings.HasPrefix(a, "--db=") || strings.HasPrefix(a, "-db="):
		default:
			out = append(out, a)
		}
	}
	return out
}

// shorten cuts a command line to 60 characters.
func shorten(line string) string {
	if r := []rune(line); len(r) > 60 {
		line = string(r[:60]) + "…"
	}
	return line
}
