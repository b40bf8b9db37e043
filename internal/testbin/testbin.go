// Package testbin builds the real jalsa binary for the tests that drive it
// as a user would (tmux, ssh, crash and socket tests), once per test process.
package testbin

import (
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"sync"
	"testing"
)

var (
	once sync.Once
	path string
	err  error
)

// Jalsa returns the path of the jalsa command built from this module's
// working tree; the first call builds it into a temporary directory.
func Jalsa(t testing.TB) string {
	t.Helper()
	once.Do(func() {
		dir, e := os.MkdirTemp("", "jalsa-bin-")
		if e != nil {
			err = e
			return
		}
		path = filepath.Join(dir, "jalsa")
		if out, e := exec.Command("go", "build", "-o", path, "github.com/jalsa-app/jalsa").CombinedOutput(); e != nil {
			err = fmt.Errorf("go build: %v\n%s", e, out)
		}
	})
	if err != nil {
		t.Fatal(err)
	}
	return path
}

// Run runs the tests of a package, then removes the binary Jalsa built, if
// any, and returns the exit code: a TestMain of a package whose tests call
// Jalsa is `os.Exit(testbin.Run(m))`.
func Run(m *testing.M) int {
	code := m.Run()
	if path != "" {
		os.RemoveAll(filepath.Dir(path))
	}
	return code
}
