package tui_test

import (
	"encoding/json"
	"fmt"
	"github.com/jalsa-app/jalsa/internal/testbin"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// The end-to-end test runs the real binary in tmux at 80×24 on a fresh
// database, conducts a whole sitting by keys, reads the screen with
// capture-pane, and checks with `jalsa status` and `jalsa decisions` (through
// the socket while the UI holds the database, then directly) that what the
// screen said was saved.

// screenWait bounds every wait for the screen; the loaded CI machine is slow,
// but a healthy run sees each change within milliseconds.
const screenWait = 20 * time.Second

// term is one tmux server with one pane running jalsa.
type term struct {
	t      *testing.T
	socket string
	env    []string
	bin    string
	// width and height of the pane: 80×24 when zero.
	width, height int
}

func (tm *term) tmux(args ...string) string {
	tm.t.Helper()
	out, err := exec.Command("tmux", append([]string{"-u", "-L", tm.socket, "-f", "/dev/null"}, args...)...).CombinedOutput()
	if err != nil {
		tm.t.Fatalf("tmux %v: %v\n%s", args, err, out)
	}
	return string(out)
}

// exitMark is what the pane's shell prints when jalsa has exited, with its
// status. The shell then stays: tmux 3.3 sometimes loses the last screen of
// a pane whose process ends (a blank "Pane is dead"), or reports it alive
// for seconds.
const exitMark = "jalsa-exited-"

// command is the shell command of the pane: jalsa with args, then the exit
// mark, then a wait that respawn-pane or the end of the test cuts short.
func (tm *term) command(args ...string) string {
	return "env " + strings.Join(tm.env, " ") + " " + tm.bin + " " + strings.Join(args, " ") + "; echo " + exitMark + "$?; sleep 600"
}

// start runs jalsa with args in a fresh pane (80×24 unless set).
func (tm *term) start(args ...string) {
	w, h := tm.width, tm.height
	if w == 0 {
		w, h = 80, 24
	}
	tm.tmux("new-session", "-d", "-s", "e2e", "-x", fmt.Sprint(w), "-y", fmt.Sprint(h), tm.command(args...))
	tm.tmux("set-option", "-t", "e2e", "remain-on-exit", "on")
}

// restart runs jalsa with args again in the same pane, after it quit.
func (tm *term) restart(args ...string) {
	tm.tmux("respawn-pane", "-k", "-t", "e2e", tm.command(args...))
}

// The zero-width bidi marks jalsa writes in terminal mode (LRM, LRE…PDF,
// isolates) are taken out: tmux keeps them, a terminal shows nothing.
func (tm *term) screen() string {
	return marks.Replace(tm.tmux("capture-pane", "-p", "-t", "e2e"))
}

var marks = strings.NewReplacer("\u200e", "", "\u202a", "", "\u202c", "", "\u2066", "", "\u2067", "", "\u2069", "")

// keys sends tmux key names (Enter, Escape, Tab, Space, Right…).
func (tm *term) keys(keys ...string) {
	tm.t.Helper()
	tm.tmux(append([]string{"send-keys", "-t", "e2e"}, keys...)...)
}

// typ types text literally.
func (tm *term) typ(text string) {
	tm.t.Helper()
	tm.tmux("send-keys", "-t", "e2e", "-l", text)
}

// waitFor polls the screen until it shows every one of want.
func (tm *term) waitFor(want ...string) time.Duration {
	tm.t.Helper()
	start := time.Now()
	tick := time.NewTicker(10 * time.Millisecond)
	defer tick.Stop()
	for {
		s := tm.screen()
		ok := true
		for _, w := range want {
			ok = ok && strings.Contains(s, w)
		}
		if ok {
			return time.Since(start)
		}
		if time.Since(start) > screenWait {
			tm.t.Fatalf("the screen never showed %q:\n%s", want, s)
		}
		<-tick.C
	}
}

// waitDead waits for jalsa to exit and returns its exit status.
func (tm *term) waitDead() string {
	tm.t.Helper()
	start := time.Now()
	tick := time.NewTicker(10 * time.Millisecond)
	defer tick.Stop()
	for {
		if _, after, ok := strings.Cut(tm.screen(), exitMark); ok {
			return strings.Fields(after)[0]
		}
		if time.Since(start) > screenWait {
			tm.t.Fatalf("jalsa did not quit:\n%s", tm.screen())
		}
		<-tick.C
	}
}

// jalsa runs a command line of the real binary and returns its output.
func (tm *term) jalsa(args ...string) string {
	tm.t.Helper()
	cmd := exec.Command(tm.bin, args...)
	cmd.Env = append([]string{"PATH=" + os.Getenv("PATH"), "HOME=" + os.Getenv("HOME")}, tm.env...)
	out, err := cmd.Output()
	if err != nil {
		stderr := ""
		if ee, ok := err.(*exec.ExitError); ok {
			stderr = string(ee.Stderr)
		}
		tm.t.Fatalf("jalsa %v: %v %s", args, err, stderr)
	}
	return string(out)
}

// status is the part of `jalsa status --json` the test checks.
type status struct {
	State   string `json:"state"`
	Present int    `json:"present"`
	Current int    `json:"current"`
	Items   []struct {
		N       int    `json:"n"`
		Outcome string `json:"outcome"`
		For     int    `json:"for"`
		Against int    `json:"against"`
		Abstain int    `json:"abstain"`
	} `json:"items"`
}

// decision is the part of `jalsa decisions --json` the test checks.
type decision struct {
	Ref         string `json:"ref"`
	Outcome     string `json:"outcome"`
	For         int    `json:"for"`
	Against     int    `json:"against"`
	Abstain     int    `json:"abstain"`
	Present     int    `json:"present"`
	Explanation string `json:"explanation"`
}

func (tm *term) status() status {
	tm.t.Helper()
	var s status
	if err := json.Unmarshal([]byte(tm.jalsa("status", "2024-10", "--json")), &s); err != nil {
		tm.t.Fatal(err)
	}
	return s
}

func (tm *term) decisions() map[string]decision {
	tm.t.Helper()
	var ds []decision
	if err := json.Unmarshal([]byte(tm.jalsa("decisions", "--session", "2024-10", "--json")), &ds); err != nil {
		tm.t.Fatal(err)
	}
	out := map[string]decision{}
	for _, d := range ds {
		out[d.Ref] = d
	}
	return out
}

func TestMain(m *testing.M) { os.Exit(testbin.Run(m)) }

func TestEndToEndSittingInTmux(t *testing.T) {
	if _, err := exec.LookPath("tmux"); err != nil {
		t.Skip("tmux is not installed: the end-to-end test of the terminal UI needs it (.ci/run installs it)")
	}
	if testing.Short() {
		t.Skip("-short: the end-to-end test builds and drives the real binary")
	}
	dir := t.TempDir()
	tm := &term{t: t, socket: fmt.Sprintf("jalsa-e2e-%d", os.Getpid()), bin: testbin.Jalsa(t),
		env: []string{"JALSA_DB=" + filepath.Join(dir, "jalsa.db"), "JALSA_LANG=en", "LANG=C.UTF-8", "TERM=xterm-256color"}}
	t.Cleanup(func() { exec.Command("tmux", "-L", tm.socket, "kill-server").Run() })

	tm.start("demo")
	tm.waitFor("Sessions", "2024-10", "draft")
	tm.keys("Enter")
	tm.waitFor("Not opened yet")

	// Open the sitting and take the roll: all present, then the exceptions.
	tm.keys("o")
	tm.waitFor("Open a sitting of 2024-10?")
	tm.keys("Enter")
	tm.waitFor("sitting opened", "present 0/82", "NO QUORUM")
	tm.keys("a")
	tm.waitFor("Roll call", "not called")
	tm.keys("A")
	tm.waitFor("every member marked present", "present 82/82", "quorum (≥ 42)")
	tm.keys("Tab")
	tm.typ("m14")
	tm.keys("Enter", "Space")
	tm.waitFor("absent: ", "present 81/82")
	tm.keys("Tab")
	tm.typ("m15")
	tm.keys("Enter", "x")
	tm.waitFor("excused: ", "present 80/82")

	// A member arrives, recorded from another terminal through the socket:
	// the roll call follows live.
	tm.jalsa("attend", "2024-10", "--arrive", "m14")
	took := tm.waitFor("present 81/82")
	t.Logf("a change made through the socket reached the screen in %v (poll every 10 ms)", took)
	tm.keys("Escape")
	tm.waitFor("Item 1/10")

	// Item 1, the minutes: a vote by counts.
	tm.keys("s")
	tm.waitFor("item 1 is under way")
	tm.keys("v")
	tm.waitFor("Vote on 2024-10/1")
	tm.typ("70")
	tm.keys("Tab")
	tm.typ("5")
	tm.keys("Tab")
	tm.typ("5")
	tm.waitFor("adopted: 70 for > 5 against (votes cast); quorum 81/82 ≥ 42", "not voting: 1")
	tm.keys("Enter")
	tm.waitFor("2024-10/1 recorded: adopted")

	// Item 2, a report: noted without a vote. After a vote the cursor is
	// on the next pending item already.
	tm.keys("s")
	tm.waitFor("item 2 is under way")
	tm.keys("d")
	tm.waitFor("item 2 ended (noted)")

	// Item 3: a tie, broken by the presiding member's side.
	tm.keys("s")
	tm.waitFor("item 3 is under way")
	tm.keys("v")
	tm.waitFor("Vote on 2024-10/3")
	tm.typ("38")
	tm.keys("Tab")
	tm.typ("38")
	tm.keys("Tab")
	tm.typ("5")
	tm.keys("Enter")
	tm.waitFor("tie 38–38: choose the presiding member's side", "Tie: the presiding member voted")
	tm.keys("Right")
	tm.waitFor("‹for›", "adopted: tie 38 for = 38 against, the presiding member voted for")
	tm.keys("Enter")
	tm.waitFor("2024-10/3 recorded: adopted")

	// Item 4: rejected.
	tm.keys("s")
	tm.waitFor("item 4 is under way")
	tm.keys("v")
	tm.waitFor("Vote on 2024-10/4")
	tm.typ("20")
	tm.keys("Tab")
	tm.typ("50")
	tm.keys("Tab")
	tm.typ("11")
	tm.waitFor("rejected: 20 for ≤ 50 against")
	tm.keys("Enter")
	tm.waitFor("2024-10/4 recorded: rejected")

	// Items 5 to 9 are deferred to the next session, each after its
	// question.
	for n := 5; n <= 9; n++ {
		tm.keys("f")
		tm.waitFor(fmt.Sprintf("Defer item %d", n))
		tm.keys("Enter")
		tm.waitFor(fmt.Sprintf("item %d deferred", n))
	}

	// Item 10, the budget: one line voted.
	tm.keys("s")
	tm.waitFor("item 10 is under way")
	tm.keys("Enter")
	tm.waitFor("I.1.1", "revenue 17,072,560.50 · expense 17,072,560.50 · balance 0.00", "0/37 lines voted")
	tm.keys("v")
	tm.waitFor("Vote on 2024-10/10/I.1.1")
	tm.typ("60")
	tm.keys("Tab")
	tm.typ("10")
	tm.keys("Tab")
	tm.typ("0")
	tm.keys("Enter")
	tm.waitFor("2024-10/10/I.1.1 recorded: adopted", "1/37 lines voted")

	// What the screen said is saved: ask through the socket while the UI
	// holds the database.
	s := tm.status()
	if s.State != "open" || s.Present != 81 || s.Current != 10 {
		t.Fatalf("status: state %s present %d current %d", s.State, s.Present, s.Current)
	}
	ds := tm.decisions()
	checks := []struct {
		ref                    string
		outcome                string
		forN, against, abstain int
	}{
		{"2024-10/1", "adopted", 70, 5, 5},
		{"2024-10/2", "noted", 0, 0, 0},
		{"2024-10/3", "adopted", 38, 38, 5},
		{"2024-10/4", "rejected", 20, 50, 11},
		{"2024-10/10/I.1.1", "adopted", 60, 10, 0},
	}
	for _, c := range checks {
		d, ok := ds[c.ref]
		if !ok {
			t.Errorf("%s: no decision", c.ref)
			continue
		}
		if d.Outcome != c.outcome || d.For != c.forN || d.Against != c.against || d.Abstain != c.abstain {
			t.Errorf("%s: %s %d/%d/%d, the screen said %s %d/%d/%d", c.ref, d.Outcome, d.For, d.Against, d.Abstain,
				c.outcome, c.forN, c.against, c.abstain)
		}
	}
	if d := ds["2024-10/3"]; !strings.Contains(d.Explanation, "presiding member voted for") {
		t.Errorf("2024-10/3: explanation %q", d.Explanation)
	}

	// Quit and come back: the UI opens on the sitting, at the item under way.
	// (Wait for the cockpit before q: an escape followed at once by a key
	// reads as alt+key.)
	tm.keys("Escape")
	tm.waitFor("? help", "╭")
	tm.keys("q")
	if code := tm.waitDead(); code != "0" {
		t.Fatalf("jalsa exited with %s:\n%s", code, tm.screen())
	}
	tm.restart()
	tm.waitFor("Item 10/10 · budget", "present 81/82", "1/37 lines voted")

	// Close: item 10 is deferred first, since nothing may stay pending.
	tm.keys("X")
	tm.waitFor("are still pending")
	tm.keys("f", "Enter")
	tm.waitFor("item 10 deferred")
	tm.keys("X")
	tm.waitFor("Close session 2024-10?")
	tm.keys("Enter")
	tm.waitFor("session closed", "Closed: the record")
	tm.keys("q")
	if code := tm.waitDead(); code != "0" {
		t.Fatalf("jalsa exited with %s:\n%s", code, tm.screen())
	}

	// And directly, with the UI gone.
	s = tm.status()
	if s.State != "closed" || len(s.Items) != 10 || s.Items[9].Outcome != "deferred" || s.Items[0].Outcome != "adopted" {
		t.Fatalf("after closing: %+v", s)
	}
	if out := tm.jalsa("verify"); !strings.Contains(out, "event") {
		t.Logf("verify: %s", out)
	}
}
