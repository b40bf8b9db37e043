package main

import (
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"testing"
	"time"

	"github.com/jalsa-app/jalsa/internal/testbin"
)

func TestMain(m *testing.M) { os.Exit(testbin.Run(m)) }

// BenchmarkStart runs `jalsa help` (the whole start of jalsa: the runtime,
// package initialisation, the command table, the help) and an empty Go
// program in turn, and reports the median wall and CPU (user + system)
// time of a run of each, and the ratios: what jalsa's start costs beyond
// the Go runtime's, measured in the same run so that the machine's load
// falls on both. CPU time is the steadier figure on a loaded machine.
//
//	go test -run XXX -bench Start -benchtime 200x .
func BenchmarkStart(b *testing.B) {
	jalsa := testbin.Jalsa(b)
	dir := b.TempDir()
	if err := os.WriteFile(filepath.Join(dir, "main.go"), []byte("package main\n\nfunc main() {}\n"), 0o644); err != nil {
		b.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, "go.mod"), []byte("module empty\n"), 0o644); err != nil {
		b.Fatal(err)
	}
	empty := filepath.Join(dir, "empty")
	build := exec.Command("go", "build", "-o", empty, ".")
	build.Dir = dir
	if out, err := build.CombinedOutput(); err != nil {
		b.Fatalf("go build: %v\n%s", err, out)
	}
	env := append(os.Environ(), "JALSA_DB="+filepath.Join(dir, "none.db"), "JALSA_LANG=en")
	run := func(name string, args ...string) (wall, cpu time.Duration) {
		cmd := exec.Command(name, args...)
		cmd.Env = env
		start := time.Now()
		if err := cmd.Run(); err != nil {
			b.Fatalf("%s: %v", name, err)
		}
		wall = time.Since(start)
		return wall, cmd.ProcessState.UserTime() + cmd.ProcessState.SystemTime()
	}
	var helpWall, helpCPU, emptyWall, emptyCPU []time.Duration
	for b.Loop() {
		w, c := run(jalsa, "help")
		helpWall, helpCPU = append(helpWall, w), append(helpCPU, c)
		w, c = run(empty)
		emptyWall, emptyCPU = append(emptyWall, w), append(emptyCPU, c)
	}
	median := func(d []time.Duration) float64 {
		slices.Sort(d)
		return float64(d[len(d)/2].Microseconds())
	}
	hw, hc, ew, ec := median(helpWall), median(helpCPU), median(emptyWall), median(emptyCPU)
	b.ReportMetric(hw, "help-wall-µs")
	b.ReportMetric(hc, "help-cpu-µs")
	b.ReportMetric(ew, "empty-wall-µs")
	b.ReportMetric(ec, "empty-cpu-µs")
	b.ReportMetric(hw/ew, "wall-ratio")
	b.ReportMetric(hc/max(ec, 1), "cpu-ratio")
}
