// Command searchbench generates a past register and compares whole-process
// lookups in it: jalsa against grep -c and sqlite3's FTS5 over the same
// rows. scripts/bench-search.sh runs it; see there.
//
//	searchbench gen -n 100000 -format jsonl|csv > rows
//	searchbench compare -jalsa BIN -db DB -jsonl ROWS.jsonl -fts FTS.db [-runs 15]
//	searchbench eval [-v]   (recall and precision on the judged queries)
//	searchbench importwait -jalsa BIN -db NEW.db -rows ROWS -session FILE
//	searchbench start -jalsa NAME=BIN… -db DB -fts FTS.db [-runs 60]   (the cost of a whole process)
package main

import (
	"context"
	"encoding/csv"
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"net"
	"os"
	"os/exec"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/jalsa-app/jalsa/cli"
	"github.com/jalsa-app/jalsa/store"
	"github.com/jalsa-app/jalsa/store/internal/corpus"
)

func main() {
	if len(os.Args) < 2 {
		fmt.Fprintln(os.Stderr, "usage: searchbench gen|compare|eval|importwait|start ...")
		os.Exit(2)
	}
	var err error
	switch os.Args[1] {
	case "gen":
		err = gen(os.Args[2:])
	case "compare":
		err = compare(os.Args[2:])
	case "eval":
		err = eval(os.Args[2:])
	case "importwait":
		err = importWait(os.Args[2:])
	case "start":
		err = start(os.Args[2:])
	default:
		err = fmt.Errorf("unknown command %q", os.Args[1])
	}
	if err != nil {
		fmt.Fprintln(os.Stderr, "searchbench:", err)
		os.Exit(1)
	}
}

// csvHeader is the columns written for CSV, those of `decisions --json`.
var csvHeader = []string{"ref", "session", "session_title", "date", "item", "line", "title", "kind", "outcome",
	"for", "against", "abstain", "present", "seats", "rule", "explanation", "text", "notes", "amount"}

func gen(args []string) error {
	fs := flag.NewFlagSet("gen", flag.ExitOnError)
	n := fs.Int("n", 100000, "rows")
	seed := fs.Uint64("seed", 1, "seed")
	format := fs.String("format", "jsonl", "jsonl or csv")
	fs.Parse(args)
	out := os.Stdout
	switch *format {
	case "jsonl":
		enc := json.NewEncoder(out)
		enc.SetEscapeHTML(false)
		for d := range corpus.Rows(*n, *seed) {
			if err := enc.Encode(d); err != nil {
				return err
			}
		}
		return nil
	case "csv":
		w := csv.NewWriter(out)
		w.Write(csvHeader)
		for d := range corpus.Rows(*n, *seed) {
			notes := ""
			if len(d.Notes) > 0 {
				notes = d.Notes[0].Text
			}
			amount := ""
			if d.Amount != nil {
				amount = d.Amount.String()
			}
			w.Write([]string{d.Ref, d.Session, d.SessionTitle, d.Date, strconv.Itoa(d.Item), d.Line, d.Title, d.Kind, string(d.Outcome),
				strconv.Itoa(d.For), strconv.Itoa(d.Against), strconv.Itoa(d.Abstain), strconv.Itoa(d.Present), strconv.Itoa(d.Seats),
				d.Rule, d.Explanation, d.Text, notes, amount})
		}
		w.Flush()
		return w.Error()
	}
	return fmt.Errorf("format %q: jsonl or csv", *format)
}

func compare(args []string) error {
	fs := flag.NewFlagSet("compare", flag.ExitOnError)
	bin := fs.String("jalsa", "", "jalsa binary")
	db := fs.String("db", "", "database holding the register")
	jsonl := fs.String("jsonl", "", "the same rows as JSON lines, for grep")
	fts := fs.String("fts", "", "the same rows in an sqlite3 FTS5 table d")
	runs := fs.Int("runs", 15, "runs per query")
	static := fs.String("static", "", "a second jalsa binary, built without cgo, to compare")
	fs.Parse(args)

	fmt.Printf("whole-process lookups, median of %d interleaved runs per query (ms)\n", *runs)
	head := fmt.Sprintf("%-6s %8s %8s %8s %10s %10s", "class", "jalsa", "grep -c", "FTS5", "jalsa/grep", "jalsa/FTS5")
	if *static != "" {
		head += fmt.Sprintf(" %8s %10s", "static", "static/FTS5")
	}
	fmt.Println(head)
	var allJ, allG, allF, allS []float64
	row := func(name string, js, gs, fts5, ss []float64) {
		line := fmt.Sprintf("%-6s %8.1f %8.1f %8.1f %10.2f %10.2f", name, mid(js), mid(gs), mid(fts5), mid(js)/mid(gs), mid(js)/mid(fts5))
		if *static != "" {
			line += fmt.Sprintf(" %8.1f %10.2f", mid(ss), mid(ss)/mid(fts5))
		}
		fmt.Println(line)
	}
	for _, class := range corpus.Classes {
		var js, gs, fts5, ss []float64
		for _, q := range corpus.Queries[class] {
			words := strings.Fields(q)
			cmds := []*exec.Cmd{exec.Command(*bin, "--db", *db, "decisions", q, "--json", "--limit", "20"),
				grepCommand(*jsonl, words), exec.Command("sqlite3", "-json", *fts, ftsQuery(words))}
			if *static != "" {
				cmds = append(cmds, exec.Command(*static, "--db", *db, "decisions", q, "--json", "--limit", "20"))
			}
			m, err := medians(*runs, cmds...)
			if err != nil {
				return fmt.Errorf("%q: %w", q, err)
			}
			js, gs, fts5 = append(js, m[0]), append(gs, m[1]), append(fts5, m[2])
			if *static != "" {
				ss = append(ss, m[3])
			}
		}
		row(class, js, gs, fts5, ss)
		allJ, allG, allF, allS = append(allJ, js...), append(allG, gs...), append(allF, fts5...), append(allS, ss...)
	}
	row("all", allJ, allG, allF, allS)

	// What each process costs before it looks anything up, to tell the
	// lookups apart from the start of a Go program and of sqlite3.
	starts := []*exec.Cmd{exec.Command(*bin, "help"), exec.Command("sqlite3", *fts, "SELECT 1;")}
	if *static != "" {
		starts = append(starts, exec.Command(*static, "help"))
	}
	m, err := medians(*runs, starts...)
	if err != nil {
		return err
	}
	fmt.Printf("process start: jalsa help %.1f ms, sqlite3 SELECT 1 %.1f ms; beyond it, jalsa/FTS5 %.2f\n",
		m[0], m[1], (mid(allJ)-m[0])/(mid(allF)-m[1]))
	if *static != "" {
		fmt.Printf("static jalsa (CGO_ENABLED=0): help %.1f ms; a lookup's whole process %.2f× sqlite3's\n", m[2], mid(allS)/mid(allF))
	}

	// The same lookups while another process owns the database (as the TUI
	// or serve would): here this one, answering on the socket.
	st, err := store.Open(*db, store.Options{})
	if err != nil {
		return err
	}
	defer st.Close()
	stop, err := serve(st, *db)
	if err != nil {
		return err
	}
	defer stop()
	var fwd []float64
	for _, class := range corpus.Classes {
		for _, q := range corpus.Queries[class] {
			f, err := median(*runs, exec.Command(*bin, "--db", *db, "decisions", q, "--json", "--limit", "20"))
			if err != nil {
				return fmt.Errorf("jalsa %q through the owner: %w", q, err)
			}
			fwd = append(fwd, f)
		}
	}
	fmt.Printf("\nthrough the owner's socket: jalsa %.1f ms median (%.2f× the direct run)\n", mid(fwd), mid(fwd)/mid(allJ))

	is, err := st.IndexStats()
	if err != nil {
		return err
	}
	fi, err := os.Stat(*db)
	if err != nil {
		return err
	}
	fmt.Printf("\nindex: %d decisions, %.1f MB of keys and values for %.1f MB of indexed text: %.2f× the text (database file %.1f MB)\n",
		is.Decisions, mb(is.Bytes), mb(is.TextBytes), float64(is.Bytes)/float64(is.TextBytes), mb(fi.Size()))
	return nil
}

// grepCommand counts the lines holding every word, as grep can: one grep
// per word in a pipeline, the last with -c.
func grepCommand(file string, words []string) *exec.Cmd {
	if len(words) == 1 {
		return exec.Command("grep", "-cF", "--", words[0], file)
	}
	script := "grep -F -- \"$1\" \"$0\""
	for i := 2; i < len(words); i++ {
		script += fmt.Sprintf(" | grep -F -- \"$%d\"", i)
	}
	script += fmt.Sprintf(" | grep -cF -- \"$%d\"", len(words))
	return exec.Command("sh", append([]string{"-c", script, file}, words...)...)
}

// ftsQuery asks FTS5 for the 20 best rows holding every word.
func ftsQuery(words []string) string {
	var q []string
	for _, w := range words {
		q = append(q, `"`+strings.ReplaceAll(w, `"`, `""`)+`"`)
	}
	match := strings.ReplaceAll(strings.Join(q, " "), "'", "''")
	return "SELECT * FROM d WHERE d MATCH '" + match + "' ORDER BY rank LIMIT 20;"
}

// medians runs cmds in turn, once to warm up then runs times, and returns
// the median wall time of each in milliseconds: interleaved, so that a
// busy machine slows them alike. grep exits 1 when it counts nothing,
// which is an answer, not a failure.
func medians(runs int, cmds ...*exec.Cmd) ([]float64, error) {
	ts := make([][]float64, len(cmds))
	for i := 0; i <= runs; i++ {
		for j, cmd := range cmds {
			c := exec.Command(cmd.Path, cmd.Args[1:]...)
			c.Env = append(os.Environ(), "LC_ALL=C.UTF-8")
			// A real output for everyone: GNU grep stops at the first match
			// when its output is /dev/null.
			c.Stdout = io.Discard
			var stderr strings.Builder
			c.Stderr = &stderr
			start := time.Now()
			err := c.Run()
			el := time.Since(start)
			if ee, ok := err.(*exec.ExitError); ok && ee.ExitCode() == 1 && strings.Contains(strings.Join(cmd.Args, " "), "grep") {
				err = nil
			}
			if err != nil {
				return nil, fmt.Errorf("%s: %w: %s", cmd.Path, err, stderr.String())
			}
			if i > 0 {
				ts[j] = append(ts[j], float64(el.Microseconds())/1000)
			}
		}
	}
	out := make([]float64, len(cmds))
	for j := range ts {
		out[j] = mid(ts[j])
	}
	return out, nil
}

// median is medians of one command.
func median(runs int, cmd *exec.Cmd) (float64, error) {
	m, err := medians(runs, cmd)
	if err != nil {
		return 0, err
	}
	return m[0], nil
}

func mid(xs []float64) float64 {
	s := slices.Clone(xs)
	slices.Sort(s)
	if len(s) == 0 {
		return 0
	}
	return s[len(s)/2]
}

func mb(n int64) float64 { return float64(n) / (1 << 20) }

// serve makes this process the owner of st, the database at db, as the TUI
// or serve would be: it answers on the socket, once the socket answers,
// until stop.
func serve(st *store.Store, db string) (stop func(), err error) {
	ctx, stop := context.WithCancel(context.Background())
	owner := &cli.Env{Stdout: io.Discard, Stderr: io.Discard, Getenv: os.Getenv}
	go st.Serve(ctx, "searchbench", cli.SocketHandler(owner, st))
	for start := time.Now(); ; time.Sleep(10 * time.Millisecond) {
		c, err := net.Dial("unix", store.SocketPath(db))
		if err == nil {
			c.Close()
			return stop, nil
		}
		if time.Since(start) > 5*time.Second {
			stop()
			return nil, err
		}
	}
}
