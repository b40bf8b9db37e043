package tui_test

import (
	"encoding/json"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	"github.com/jalsa-app/jalsa/internal/testbin"
)

// maxSessionKeys is the pace the clerk's screen is held to: the whole demo
// October session (roll call with its absences, all ten items, every line
// of the 37-line budget, the final vote, the close) in at most this many
// keys. Round one took 381.
const maxSessionKeys = 200

// pace drives the real binary and counts every key it sends: a tmux key
// name is one key, typed text one key per character.
type pace struct {
	*term
	sent int
}

func (p *pace) press(keys ...string) {
	p.t.Helper()
	p.sent += len(keys)
	p.keys(keys...)
}

func (p *pace) text(s string) {
	p.t.Helper()
	p.sent += utf8.RuneCountInString(s)
	p.typ(s)
}

// paceStatus is what the test reads of `jalsa status --json`.
type paceStatus struct {
	State   string `json:"state"`
	Present int    `json:"present"`
	Items   []struct {
		N       int    `json:"n"`
		Outcome string `json:"outcome"`
		For     int    `json:"for"`
		Against int    `json:"against"`
		Abstain int    `json:"abstain"`
		Voted   int    `json:"lines_voted"`
	} `json:"items"`
}

// until polls the record (through the socket while the UI holds the
// database) until ok says it is there: the screen's language does not
// matter to it.
func (p *pace) until(what string, ok func(paceStatus) bool) {
	p.t.Helper()
	start := time.Now()
	for {
		var s paceStatus
		if err := json.Unmarshal([]byte(p.jalsa("status", "2024-10", "--json")), &s); err != nil {
			p.t.Fatal(err)
		}
		if ok(s) {
			return
		}
		if time.Since(start) > screenWait {
			p.t.Fatalf("%s: the record never showed it; status %+v\nscreen:\n%s", what, s, p.screen())
		}
		time.Sleep(20 * time.Millisecond)
	}
}

// counts starts the selected item and types its vote by counts.
func (p *pace) counts(forN, against, abstain string) {
	p.t.Helper()
	p.press("s", "v")
	p.text(forN)
	p.press("Tab")
	p.text(against)
	p.press("Tab")
	p.text(abstain)
	p.press("Enter")
}

// outcome waits for item n's outcome.
func (p *pace) outcome(n int, want string) paceStatus {
	p.t.Helper()
	var got paceStatus
	p.until(fmt.Sprintf("item %d %s", n, want), func(s paceStatus) bool { got = s; return s.Items[n-1].Outcome == want })
	return got
}

// TestEndToEndWholeSessionPace conducts the whole demo October session from
// the keyboard, in French at 80×24 and in Arabic at 160×50, counting the
// keys, and checks the record it made.
func TestEndToEndWholeSessionPace(t *testing.T) {
	if _, err := exec.LookPath("tmux"); err != nil {
		t.Skip("tmux is not installed: the end-to-end test of the terminal UI needs it (.ci/run installs it)")
	}
	if testing.Short() {
		t.Skip("-short: the end-to-end test builds and drives the real binary")
	}
	for _, c := range []struct {
		lang          string
		width, height int
	}{{"fr", 80, 24}, {"ar", 160, 50}} {
		t.Run(fmt.Sprintf("%s-%dx%d", c.lang, c.width, c.height), func(t *testing.T) {
			dir := t.TempDir()
			tm := &term{t: t, socket: fmt.Sprintf("jalsa-pace-%d-%d", os.Getpid(), time.Now().UnixNano()), bin: testbin.Jalsa(t),
				width: c.width, height: c.height,
				env: []string{"JALSA_DB=" + filepath.Join(dir, "jalsa.db"), "JALSA_LANG=" + c.lang, "LANG=C.UTF-8", "TERM=xterm-256color",
					"XDG_CONFIG_HOME=" + filepath.Join(dir, "config")}}
			t.Cleanup(func() { exec.Command("tmux", "-L", tm.socket, "kill-server").Run() })
			p := &pace{term: tm}
			conductDemo(p)
			t.Logf("%s at %d×%d: the whole session took %d keys (target ≤ %d; round one: 381)", c.lang, c.width, c.height, p.sent, maxSessionKeys)
			if p.sent > maxSessionKeys {
				t.Errorf("the whole session took %d keys, more than %d", p.sent, maxSessionKeys)
			}
		})
	}
}

// conductDemo runs the October sitting as a clerk would, waiting only for
// what a clerk waits for (the screen or the record to change).
func conductDemo(p *pace) {
	t := p.t
	p.start("demo")
	p.waitFor("2024-10", "2024-06")
	p.press("Enter")
	p.waitFor("2024-10 · ")

	// Open the sitting; the roll: all present, two absent, one excused.
	p.press("o", "Enter")
	p.until("the sitting is open", func(s paceStatus) bool { return s.State == "open" })
	p.press("a", "A")
	p.until("everyone present", func(s paceStatus) bool { return s.Present == 82 })
	for _, absence := range []struct{ id, key string }{{"m14", "Space"}, {"m40", "Space"}, {"m15", "x"}} {
		p.press("Tab")
		p.text(absence.id)
		p.press("Enter", absence.key)
	}
	p.until("three away", func(s paceStatus) bool { return s.Present == 79 })
	p.press("Escape")
	p.waitFor("╭")

	// 1: counts typed. 2: a report, ended (noted).
	p.counts("70", "5", "4")
	if s := p.outcome(1, "adopted"); s.Items[0].For != 70 || s.Items[0].Against != 5 || s.Items[0].Abstain != 4 {
		t.Fatalf("item 1 recorded %+v, typed 70/5/4", s.Items[0])
	}
	p.press("s", "d")
	p.outcome(2, "noted")

	// 3: a tie; the presiding member's side is asked for.
	p.counts("38", "38", "3")
	p.waitFor("38–38")
	p.press("Right", "Enter")
	p.outcome(3, "adopted")

	// 4: rejected.
	p.counts("20", "50", "9")
	p.outcome(4, "rejected")

	// 5: by name: the chair against, m02 abstains, m45 found by typing.
	p.press("s", "v", "N", "2", "j", "3", "Tab")
	p.text("m45")
	p.press("Enter", "2", "Enter")
	if s := p.outcome(5, "adopted"); s.Items[4].For != 76 || s.Items[4].Against != 2 || s.Items[4].Abstain != 1 {
		t.Fatalf("item 5 recorded %+v, want 76/2/1", s.Items[4])
	}

	// 6 to 9: every member present for, as the preview shows before enter.
	for n := 6; n <= 9; n++ {
		p.press("s", "u", "Enter")
		p.outcome(n, "adopted")
	}

	// 10: the budget, line by line, then the final vote.
	p.press("s", "Enter")
	p.waitFor("I.1.1")
	for range 37 {
		p.press("u", "Enter")
	}
	p.until("every line voted", func(s paceStatus) bool { return s.Items[9].Voted == 37 })
	p.press("u", "Enter")
	if s := p.outcome(10, "adopted"); s.Items[9].For != 79 {
		t.Fatalf("the final vote recorded %+v", s.Items[9])
	}

	// Close.
	p.waitFor("╭")
	p.press("X", "Enter")
	p.until("closed", func(s paceStatus) bool { return s.State == "closed" })
	var ds []struct{ Ref, Outcome string }
	if err := json.Unmarshal([]byte(p.jalsa("decisions", "--session", "2024-10", "--json", "--limit", "100")), &ds); err != nil {
		t.Fatal(err)
	}
	lines := 0
	for _, d := range ds {
		if strings.HasPrefix(d.Ref, "2024-10/10/") && d.Outcome == "adopted" {
			lines++
		}
	}
	if lines != 37 {
		t.Fatalf("%d budget lines adopted, want 37", lines)
	}
	p.press("q")
	if code := p.waitDead(); code != "0" {
		t.Fatalf("jalsa exited with %s:\n%s", code, p.screen())
	}
}
