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
	"syscall"
	"time"

	"github.com/jalsa-app/jalsa/model"
	"github.com/jalsa-app/jalsa/store"
)

// importWait measures what an import of a big register costs the clerk:
// this process owns a fresh database (as the TUI or serve would) and
// serves its socket; `jalsa import-decisions` is forwarded to it, and
// meanwhile `jalsa status` and `jalsa decisions` run again and again, each
// timed whole. Their longest time, against their median once the import is
// over, is the longest a command waited for the import (target ≤ 200 ms).
func importWait(args []string) error {
	fs := flag.NewFlagSet("importwait", flag.ExitOnError)
	bin := fs.String("jalsa", "", "jalsa binary")
	db := fs.String("db", "", "database to create")
	rows := fs.String("rows", "", "register file to import")
	session := fs.String("session", "", "session file to init first, for status")
	fs.Parse(args)
	run := func(args ...string) (time.Duration, error) {
		c := exec.Command(*bin, append([]string{"--db", *db}, args...)...)
		c.Stdout = io.Discard
		var stderr strings.Builder
		c.Stderr = &stderr
		start := time.Now()
		err := c.Run()
		if err != nil {
			return 0, fmt.Errorf("jalsa %s: %w: %s", strings.Join(args, " "), err, stderr.String())
		}
		return time.Since(start), nil
	}
	if _, err := run("init", *session); err != nil {
		return err
	}
	st, err := store.Open(*db, store.Options{})
	if err != nil {
		return err
	}
	defer st.Close()
	var sid string
	st.Read(func(s *model.State) {
		for id := range s.Sessions {
			sid = id
		}
	})
	stop, err := serve(st, *db)
	if err != nil {
		return err
	}
	defer stop()
	commands := [][]string{{"status", sid}, {"decisions", "صفرو", "--json", "--limit", "20"}}
	done := make(chan error, 1)
	start := time.Now()
	go func() {
		_, err := run("import-decisions", *rows)
		done <- err
	}()
	var during []time.Duration
	// What a commit costs this disk meanwhile: each batch, like each vote,
	// holds the database through two fdatasyncs.
	disk := make(chan []time.Duration)
	stopDisk := make(chan struct{})
	go func() { disk <- commitCost(filepath.Dir(*db), stopDisk) }()
	for waiting := true; waiting; {
		select {
		case err := <-done:
			if err != nil {
				return err
			}
			waiting = false
		default:
			for _, c := range commands {
				d, err := run(c...)
				if err != nil {
					return err
				}
				during = append(during, d)
			}
		}
	}
	took := time.Since(start)
	close(stopDisk)
	sync2 := <-disk
	slices.Sort(sync2)
	var after []time.Duration
	for range 20 {
		for _, c := range commands {
			d, err := run(c...)
			if err != nil {
				return err
			}
			after = append(after, d)
		}
	}
	slices.Sort(during)
	slices.Sort(after)
	ms := func(d time.Duration) float64 { return float64(d.Microseconds()) / 1000 }
	longest, base := during[len(during)-1], after[len(after)/2]
	over := 0
	for _, d := range during {
		if d-base > 200*time.Millisecond {
			over++
		}
	}
	fmt.Printf("import through the owner: %.1f s; %d commands ran meanwhile (status, decisions), median %.1f ms, p99 %.1f ms, longest %.1f ms;\n",
		took.Seconds(), len(during), ms(during[len(during)/2]), ms(during[len(during)*99/100]), ms(longest))
	fmt.Printf("  the same commands after it: median %.1f ms, longest %.1f ms; longest wait for the import %.1f ms, %d waits over 200 ms (target: none)\n",
		ms(base), ms(after[len(after)-1]), ms(longest-base), over)
	fmt.Printf("  this disk's commit (write and two fdatasyncs) meanwhile: median %.1f ms, longest %.1f ms\n", ms(sync2[len(sync2)/2]), ms(sync2[len(sync2)-1]))
	return nil
}

// commitCost writes a page and fdatasyncs twice, as a bbolt commit does,
// every 100 ms until stop, and returns how long each round took.
func commitCost(dir string, stop chan struct{}) []time.Duration {
	f, err := os.CreateTemp(dir, "fsync")
	if err != nil {
		return []time.Duration{0}
	}
	defer os.Remove(f.Name())
	defer f.Close()
	page := make([]byte, 4096)
	var out []time.Duration
	for {
		select {
		case <-stop:
			if len(out) == 0 {
				out = append(out, 0)
			}
			return out
		case <-time.After(100 * time.Millisecond):
		}
		start := time.Now()
		for i := range 2 {
			f.WriteAt(page, int64(i)*4096)
			syscall.Fdatasync(int(f.Fd()))
		}
		out = append(out, time.Since(start))
	}
}
