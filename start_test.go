package main

import (
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
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

// initBudget is the most the package initialisations of jalsa may allocate
// before main runs: every command pays them, a lookup as much as the UI.
// It stands at about 2,800 allocations; excelize's and goldmark's
// regular expressions and tables once made it 25,000 (1.9 MB), a quarter
// of a lookup's whole process. Allocations are counted, not timed, so the
// test holds on a loaded machine.
const initBudget = 8000

// A package that does heavy work when the program starts (regular
// expressions, tables, catalogs built eagerly) slows every command: the
// allocations of all package initialisations, as the runtime reports them
// (GODEBUG=inittrace=1), stay within initBudget, and the failure names the
// packages that spend most.
func TestStartAllocatesLittle(t *testing.T) {
	cmd := exec.Command(testbin.Jalsa(t), "version")
	cmd.Env = append(os.Environ(), "GODEBUG=inittrace=1", "JALSA_LANG=en")
	out, err := cmd.CombinedOutput()
	if err != nil {
		t.Fatalf("jalsa version: %v\n%s", err, out)
	}
	type pkg struct {
		name   string
		allocs int
	}
	var pkgs []pkg
	total := 0
	for _, line := range strings.Split(string(out), "\n") {
		// init PKG @T ms, C ms clock, B bytes, A allocs
		f := strings.Fields(line)
		if len(f) < 10 || f[0] != "init" || f[len(f)-1] != "allocs" {
			continue
		}
		n, err := strconv.Atoi(f[len(f)-2])
		if err != nil {
			t.Fatalf("unreadable: %q", line)
		}
		pkgs = append(pkgs, pkg{f[1], n})
		total += n
	}
	if len(pkgs) == 0 {
		t.Fatalf("no inittrace lines in:\n%s", out)
	}
	t.Logf("package initialisations: %d allocations in %d packages", total, len(pkgs))
	if total > initBudget {
		slices.SortFunc(pkgs, func(a, b pkg) int { return b.allocs - a.allocs })
		var top []string
		for _, p := range pkgs[:min(8, len(pkgs))] {
			top = append(top, fmt.Sprintf("%s %d", p.name, p.allocs))
		}
		t.Errorf("package initialisations allocate %d times, budget %d; the most: %s", total, initBudget, strings.Join(top, ", "))
	}
}
