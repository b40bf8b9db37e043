package store

import (
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"strings"
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
	if n, err := strconv.Atoi(pid); err != nil || !processAlive(n) {
		return ""
	}
	return fmt.Sprintf("pid %s (%s)", pid, what)
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
