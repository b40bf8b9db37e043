package testbin

import (
	"fmt"
	"os/exec"
	"path/filepath"
	"sync"
	"testing"
)

var (
	fpOnce sync.Once
	fpPath string
	fpErr  error
)

// JalsaFailpoints returns the path of a jalsa built with -tags failpoints,
// whose failpoints (store/failpoint_on.go) GOFAIL_FAILPOINTS enables; it is
// built beside Jalsa's binary, and removed with it by Run.
func JalsaFailpoints(t testing.TB) string {
	t.Helper()
	dir := filepath.Dir(Jalsa(t))
	fpOnce.Do(func() {
		fpPath = filepath.Join(dir, "jalsa-failpoints")
		if out, e := exec.Command("go", "build", "-tags", "failpoints", "-o", fpPath, "github.com/jalsa-app/jalsa").CombinedOutput(); e != nil {
			fpErr = fmt.Errorf("go build -tags failpoints: %v\n%s", e, out)
		}
	})
	if fpErr != nil {
		t.Fatal(fpErr)
	}
	return fpPath
}
