package main

import (
	"flag"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"time"
)

// start measures what a process costs, whole: `jalsa version` (the start
// alone) and a lookup of 20 decisions, for each jalsa binary given (this
// one and a base, say), beside an empty Go program and sqlite3 (its start,
// and the same lookup in FTS5), every command run in turn so that a busy
// machine slows them alike. CPU time (user + system) is the steadier
// figure on a loaded machine; wall time is printed too.
//
//	searchbench start -jalsa new=BIN -jalsa base=BIN -db DB -fts FTS.db [-runs 60] [-query صفرو]
func start(args []string) error {
	fs := flag.NewFlagSet("start", flag.ExitOnError)
	var bins []string
	fs.Func("jalsa", "NAME=BIN: a jalsa binary to measure (repeatable)", func(s string) error {
		if !strings.Contains(s, "=") {
			return fmt.Errorf("want NAME=BIN, got %q", s)
		}
		bins = append(bins, s)
		return nil
	})
	db := fs.String("db", "", "database holding the register")
	fts := fs.String("fts", "", "the same rows in an sqlite3 FTS5 table d")
	runs := fs.Int("runs", 60, "runs of each command")
	query := fs.String("query", "صفرو", "the lookup")
	fs.Parse(args)
	if len(bins) == 0 || *db == "" || *fts == "" {
		return fmt.Errorf("start needs -jalsa, -db and -fts")
	}
	empty, err := emptyProgram()
	if err != nil {
		return err
	}
	defer os.RemoveAll(filepath.Dir(empty))

	type probe struct {
		name string
		cmd  []string
	}
	probes := []probe{
		{"empty Go program", []string{empty}},
		{"sqlite3 SELECT 1", []string{"sqlite3", *fts, "SELECT 1;"}},
		{"sqlite3 FTS5 lookup", []string{"sqlite3", "-json", *fts, ftsQuery(strings.Fields(*query))}},
	}
	for _, b := range bins {
		name, bin, _ := strings.Cut(b, "=")
		probes = append(probes,
			probe{"jalsa " + name + " version", []string{bin, "version"}},
			probe{"jalsa " + name + " lookup", []string{bin, "--db", *db, "decisions", *query, "--json", "--limit", "20"}})
	}
	cpu := make([][]float64, len(probes))
	wall := make([][]float64, len(probes))
	for i := 0; i <= *runs; i++ {
		for j, p := range probes {
			c := exec.Command(p.cmd[0], p.cmd[1:]...)
			c.Env = append(os.Environ(), "LC_ALL=C.UTF-8", "JALSA_LANG=en")
			c.Stdout = io.Discard
			var stderr strings.Builder
			c.Stderr = &stderr
			t0 := time.Now()
			if err := c.Run(); err != nil {
				return fmt.Errorf("%s: %w: %s", p.name, err, stderr.String())
			}
			w := time.Since(t0)
			if i == 0 {
				continue // the first run warms the page cache
			}
			st := c.ProcessState
			cpu[j] = append(cpu[j], float64((st.UserTime()+st.SystemTime()).Microseconds())/1000)
			wall[j] = append(wall[j], float64(w.Microseconds())/1000)
		}
	}
	low := func(xs []float64) float64 { return slices.Min(xs) }
	fmt.Printf("whole processes, %d interleaved runs each, ms (CPU = user + system)\n", *runs)
	fmt.Printf("%-28s %8s %8s %8s %8s %10s %10s\n", "", "CPU min", "CPU med", "wall min", "wall med", "CPU/empty", "CPU/sqlite3")
	for j, p := range probes {
		base := 1 // sqlite3's start for a start, its lookup for a lookup
		if strings.HasSuffix(p.name, "lookup") {
			base = 2
		}
		fmt.Printf("%-28s %8.2f %8.2f %8.2f %8.2f %10.2f %10.2f\n", p.name, low(cpu[j]), mid(cpu[j]), low(wall[j]), mid(wall[j]),
			mid(cpu[j])/max(mid(cpu[0]), 0.001), mid(cpu[j])/max(mid(cpu[base]), 0.001))
	}
	fmt.Println("(CPU/sqlite3: a start against sqlite3's start, a lookup against its FTS5 lookup; medians)")
	return nil
}

// emptyProgram builds a Go program that does nothing, statically as a
// release is, and returns its path.
func emptyProgram() (string, error) {
	dir, err := os.MkdirTemp("", "searchbench-empty")
	if err != nil {
		return "", err
	}
	if err := os.WriteFile(filepath.Join(dir, "main.go"), []byte("package main\n\nfunc main() {}\n"), 0o644); err != nil {
		return "", err
	}
	if err := os.WriteFile(filepath.Join(dir, "go.mod"), []byte("module empty\n"), 0o644); err != nil {
		return "", err
	}
	bin := filepath.Join(dir, "empty")
	build := exec.Command("go", "build", "-trimpath", "-o", bin, ".")
	build.Dir, build.Env = dir, append(os.Environ(), "CGO_ENABLED=0")
	if out, err := build.CombinedOutput(); err != nil {
		return "", fmt.Errorf("go build: %w\n%s", err, out)
	}
	return bin, nil
}
