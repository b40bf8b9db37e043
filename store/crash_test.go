package store

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"math/rand/v2"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/jalsa-app/jalsa/demo"
	"github.com/jalsa-app/jalsa/model"
)

// crashSeed makes the crash test's script and kill times reproducible;
// $JALSA_CRASH_SEED replays another.
const crashSeed = 20241028

// crashStep is one command of the scripted run. attempt returns, for the
// a-th try (from 0), the arguments of `jalsa` and the command they must
// record. Notes and amendments carry the attempt in their text so that
// every try is told apart in the record.
type crashStep func(a int) ([]string, model.Command)

func fixed(cmd model.Command, args ...string) crashStep {
	return func(int) ([]string, model.Command) { return args, cmd }
}

// crashScript conducts the demo's October session, generated from rng:
// roll call, every item with notes and a vote (counts, by name, a tie with
// the chair's side, a correction), arrivals and departures, amendments that
// keep the budget balanced, a vote on each of its 37 lines, the final vote
// and the closing.
func crashScript(rng *rand.Rand, lines []string) []crashStep {
	const s = sid
	var steps []crashStep
	add := func(st crashStep) { steps = append(steps, st) }
	present := 82 - 4
	counts := func() (f, a, ab int, chair model.Choice) {
		a, ab = rng.IntN(6), rng.IntN(6)
		f = rng.IntN(present - a - ab + 1)
		if f == a && f > 0 {
			chair = model.For
		}
		return
	}
	vote := func(n int, line string) {
		f, a, ab, chair := counts()
		args := []string{"vote", s, strconv.Itoa(n), "--for", strconv.Itoa(f), "--against", strconv.Itoa(a), "--abstain", strconv.Itoa(ab)}
		if line != "" {
			args = append(args, "--line", line)
		}
		if chair != model.NoVote {
			args = append(args, "--chair", string(chair))
		}
		add(fixed(&model.VoteCmd{Session: s, N: n, Line: line, For: f, Against: a, Abstain: ab, Chair: chair}, args...))
	}
	note := func(n, k int) {
		add(func(a int) ([]string, model.Command) {
			text := fmt.Sprintf("note %d.%d, try %d", n, k, a)
			return []string{"item", s, strconv.Itoa(n), "note", text}, &model.ItemCmd{Session: s, N: n, Action: model.ActNote, Text: text}
		})
	}
	start := func(n int) {
		add(fixed(&model.ItemCmd{Session: s, N: n, Action: model.ActStart}, "item", s, strconv.Itoa(n), "start"))
	}

	add(fixed(&model.OpenCmd{Session: s, Call: 1}, "open", s, "--call", "1"))
	add(fixed(&model.AttendCmd{Session: s, Present: []string{"all"}, Absent: []string{"m14", "m15", "m16"}, Excused: []string{"m17"}},
		"attend", s, "--present", "all", "--absent", "m14,m15,m16", "--excused", "m17"))
	for n := 1; n <= 9; n++ {
		start(n)
		for k := range 15 {
			note(n, k)
		}
		switch n {
		case 2:
			add(fixed(&model.ItemCmd{Session: s, N: n, Action: model.ActDone}, "item", s, "2", "done"))
		case 4:
			add(fixed(&model.VoteCmd{Session: s, N: n, Named: map[string]model.Choice{"m02": model.Against, "m09": model.Abstain}, Rest: model.For},
				"vote", s, "4", "--named", "m02=against,m09=abstain", "--rest", "for"))
		case 5:
			add(fixed(&model.VoteCmd{Session: s, N: n, For: 30, Against: 30, Abstain: 5, Chair: model.Against},
				"vote", s, "5", "--for", "30", "--against", "30", "--abstain", "5", "--chair", "against"))
		default:
			vote(n, "")
		}
		if n == 3 {
			add(func(a int) ([]string, model.Command) {
				reason := fmt.Sprintf("recount, try %d", a)
				return []string{"correct", s, "3", "--for", "40", "--against", "2", "--abstain", "1", "--reason", reason},
					&model.VoteCmd{Session: s, N: 3, For: 40, Against: 2, Abstain: 1, Correct: true, Reason: reason}
			})
		}
		if n%3 == 0 {
			add(fixed(&model.AttendCmd{Session: s, Arrive: []string{"m14"}}, "attend", s, "--arrive", "m14"))
			present++
		}
		if n%3 == 1 && n > 1 {
			add(fixed(&model.AttendCmd{Session: s, Leave: []string{"m14"}}, "attend", s, "--leave", "m14"))
			present--
		}
	}
	start(10)
	// Revenue and expense rise together: the budget stays balanced.
	for _, am := range []struct{ line, amount string }{
		{"I.2.1", "190000.00"}, {"II.2.4", "93500.00"}, {"I.2.2", "100000.00"}, {"II.3.2", "99000.00"},
	} {
		add(func(a int) ([]string, model.Command) {
			reason := fmt.Sprintf("amendment of %s, try %d", am.line, a)
			amount, err := model.ParseCents(am.amount)
			if err != nil {
				panic(err)
			}
			return []string{"amend", s, "10", am.line, am.amount, "--reason", reason},
				&model.AmendCmd{Session: s, N: 10, Line: am.line, Amount: amount, Reason: reason}
		})
	}
	for k := range 3 {
		note(10, k)
	}
	for _, l := range lines {
		vote(10, l)
	}
	vote(10, "")
	add(fixed(&model.CloseCmd{Session: s}, "close", s))
	return steps
}

// attempt is one run of the binary for a step.
type attempt struct {
	step   int
	args   []string
	cmd    model.Command
	result string // "ok" (exit 0), "killed" or "refused" (exit 3)
}

// crashRun runs the real binary one command at a time and kills some of the
// runs with SIGKILL after a random delay.
type crashRun struct {
	t    *testing.T
	bin  string
	db   string
	rng  *rand.Rand
	took []time.Duration // of the runs not killed, to aim the kills
}

func (c *crashRun) typical() time.Duration {
	if len(c.took) == 0 {
		return 20 * time.Millisecond
	}
	s := slices.Clone(c.took)
	slices.Sort(s)
	return s[len(s)/2]
}

// killTime picks when to kill the next run (0: not at all). Half the runs
// are killed: a third of those anywhere in a typical run, the rest near its
// end, where the commit is (startup takes most of a run).
func (c *crashRun) killTime() time.Duration {
	typ := int64(c.typical())
	switch c.rng.IntN(6) {
	case 0:
		return 1 + time.Duration(c.rng.Int64N(typ))
	case 1, 2:
		return time.Duration(typ*55/100 + c.rng.Int64N(typ/2))
	}
	return 0
}

// run runs jalsa with args, killing it after killAfter if that is positive.
func (c *crashRun) run(killAfter time.Duration, args ...string) (code int, killed bool, stderr string) {
	c.t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	cmd := exec.CommandContext(ctx, c.bin, append([]string{"--db", c.db, "--lang", "en"}, args...)...)
	var errb bytes.Buffer
	cmd.Stderr = &errb
	begin := time.Now()
	if err := cmd.Start(); err != nil {
		c.t.Fatal(err)
	}
	if killAfter > 0 {
		killer := time.AfterFunc(killAfter, func() { cmd.Process.Signal(syscall.SIGKILL) })
		defer killer.Stop()
	}
	cmd.Wait()
	if ctx.Err() != nil {
		c.t.Fatalf("jalsa %v hung", args)
	}
	ws := cmd.ProcessState.Sys().(syscall.WaitStatus)
	if ws.Signaled() && ws.Signal() == syscall.SIGKILL {
		return -1, true, ""
	}
	if killAfter <= 0 {
		c.took = append(c.took, time.Since(begin))
	}
	return ws.ExitStatus(), false, errb.String()
}

func TestCrashAtRandomMoments(t *testing.T) {
	seed := uint64(crashSeed)
	if s := os.Getenv("JALSA_CRASH_SEED"); s != "" {
		n, err := strconv.ParseUint(s, 10, 64)
		if err != nil {
			t.Fatalf("JALSA_CRASH_SEED=%q: %v", s, err)
		}
		seed = n
	}
	t.Logf("seed %d", seed)
	rng := rand.New(rand.NewPCG(seed, seed))
	dir := t.TempDir()
	c := &crashRun{t: t, bin: jalsaBinary(t), db: filepath.Join(dir, "j.db"), rng: rng}

	data, err := demo.Files.ReadFile("2024-10.yaml")
	if err != nil {
		t.Fatal(err)
	}
	yaml := filepath.Join(dir, "2024-10.yaml")
	if err := os.WriteFile(yaml, data, 0o644); err != nil {
		t.Fatal(err)
	}
	if code, _, errs := c.run(0, "init", yaml); code != 0 {
		t.Fatalf("init: exit %d %s", code, errs)
	}
	var lines []string
	for _, l := range demoInit(t).Session.Items[9].Lines {
		lines = append(lines, l.Code)
	}
	steps := crashScript(rng, lines)
	if len(steps) < 200 {
		t.Fatalf("the script has %d commands; the issue asks for at least 200", len(steps))
	}

	var attempts []attempt
	kills := 0
	begin := time.Now()
	for i, step := range steps {
		for a := 0; ; a++ {
			if a == 10 {
				t.Fatalf("step %d: still not acknowledged after 10 tries", i)
			}
			args, cmd := step(a)
			killAfter := c.killTime()
			code, killed, errs := c.run(killAfter, args...)
			at := attempt{step: i, args: args, cmd: cmd}
			switch {
			case killed:
				at.result = "killed"
				kills++
			case code == 0:
				at.result = "ok"
			case code == 3 && a > 0 && attempts[len(attempts)-1].result == "killed":
				// The killed try had committed: this one is refused as a repeat.
				at.result = "refused"
			default:
				t.Fatalf("step %d, try %d: jalsa %s: exit %d %s", i, a, strings.Join(args, " "), code, errs)
			}
			attempts = append(attempts, at)
			if killed {
				// The file must be sound after every crash.
				if code, _, errs := c.run(0, "verify"); code != 0 {
					t.Fatalf("verify after killing jalsa %s: exit %d %s", strings.Join(args, " "), code, errs)
				}
				continue
			}
			break
		}
	}
	t.Logf("%d commands, %d runs, %d killed, in %v (typical run %v)", len(steps), len(attempts), kills, time.Since(begin).Round(time.Millisecond), c.typical())

	if code, _, errs := c.run(0, "verify"); code != 0 {
		t.Fatalf("final verify: exit %d %s", code, errs)
	}
	st := openStore(t, c.db)
	defer st.Close()
	checkRecord(t, st, attempts)
}

// checkRecord walks the events after init alongside the attempts. Tries of
// one step that carry the same command cannot be told apart in the record,
// so they are taken together: of such a group, the acknowledged try must be
// there, a refused one must have found an earlier killed one there, and
// each killed one may be there wholly or not at all; nothing else may be.
func checkRecord(t *testing.T, st *Store, attempts []attempt) {
	t.Helper()
	var events []model.Event
	if err := st.Events(func(ev model.Event) error { events = append(events, ev); return nil }); err != nil {
		t.Fatal(err)
	}
	events = events[1:] // init
	data := func(cmd model.Command) []byte {
		b, err := json.Marshal(cmd)
		if err != nil {
			t.Fatal(err)
		}
		return b
	}
	j, landed, lost := 0, 0, 0
	notes := map[int][]string{}
	for i := 0; i < len(attempts); {
		first := attempts[i]
		want := data(first.cmd)
		var ok, killed, refused int
		for ; i < len(attempts) && attempts[i].step == first.step && bytes.Equal(data(attempts[i].cmd), want); i++ {
			switch attempts[i].result {
			case "ok":
				ok++
			case "killed":
				killed++
			case "refused":
				refused++
			}
		}
		m := 0
		for m < ok+killed && j+m < len(events) && events[j+m].Type == first.cmd.Type() && bytes.Equal(events[j+m].Data, want) {
			m++
		}
		what := "jalsa " + strings.Join(first.args, " ")
		switch {
		case m < ok:
			t.Fatalf("acknowledged %s is not the next event (%d): %s", what, j+2, eventString(events, j))
		case refused > 0 && m == 0:
			t.Fatalf("%s was refused as a repeat, but no killed try of it is in the record", what)
		}
		landed += m - ok
		lost += killed - (m - ok)
		if c, isItem := first.cmd.(*model.ItemCmd); isItem && c.Action == model.ActNote {
			for range m {
				notes[c.N] = append(notes[c.N], c.Text)
			}
		}
		j += m
	}
	if j != len(events) {
		t.Fatalf("%d events no command accounts for, from event %d: %s", len(events)-j, j+2, eventString(events, j))
	}
	t.Logf("killed runs: %d wholly recorded, %d wholly absent", landed, lost)

	st.Read(func(s *model.State) {
		sess := s.Sessions[sid]
		if sess.State != model.StateClosed {
			t.Errorf("the session is %s after the script", sess.State)
		}
		for _, it := range sess.Items {
			var texts []string
			for _, n := range it.Notes {
				texts = append(texts, n.Text)
			}
			if !slices.Equal(texts, notes[it.N]) {
				t.Errorf("item %d notes %q, want %q", it.N, texts, notes[it.N])
			}
			if it.Outcome == model.Pending {
				t.Errorf("item %d is pending", it.N)
			}
		}
		if it := sess.Items[9]; !it.IsBalanced() || it.Outcome == model.Pending {
			t.Errorf("budget: balanced %v, outcome %s", it.IsBalanced(), it.Outcome)
		}
	})
}

func eventString(events []model.Event, j int) string {
	if j >= len(events) {
		return "none"
	}
	return fmt.Sprintf("%s %s", events[j].Type, events[j].Data)
}
