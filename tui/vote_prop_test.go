package tui

import (
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/jalsa-app/jalsa/model"
	"github.com/jalsa-app/jalsa/store"
	"pgregory.net/rapid"
)

// voteKeys are the keys the property presses: every key of the vote screen,
// digits of both scripts, the keys that leave it and come back, and a few
// that mean nothing there.
var voteKeys = []string{
	"0", "1", "2", "3", "4", "5", "6", "7", "8", "9", "٣", "٧",
	"tab", "shift+tab", "backspace", "enter", "enter", "enter", "esc",
	"u", "N", "up", "down", "left", "right", "j", "k", "r", "space", "v", "m", "x", "home", "end",
}

// Screen rows the property reads: a count as drawn, the tally of a roll
// call, the presiding member's side.
var (
	countRow   = regexp.MustCompile(`(?m)^(?:› |  )(for|against|abstained) +\[ *([0-9]*)▏?\]`)
	namedTally = regexp.MustCompile(`(\d+) for · (\d+) against · (\d+) abstained`)
	chairSide  = regexp.MustCompile(`‹(for|against|abstained)›`)
)

// onScreen is the vote the screen shows: the counts as drawn ("" for a
// count not typed), or the tally of a roll call, and the chair's side.
type onScreen struct {
	named  bool
	counts map[string]string
	chair  string
}

func readVote(v string) onScreen {
	s := onScreen{counts: map[string]string{}}
	if t := namedTally.FindStringSubmatch(v); t != nil && strings.Contains(v, "everyone else:") {
		s.named = true
		s.counts["for"], s.counts["against"], s.counts["abstained"] = t[1], t[2], t[3]
	} else {
		for _, m := range countRow.FindAllStringSubmatch(v, -1) {
			s.counts[m[1]] = m[2]
		}
	}
	if m := chairSide.FindStringSubmatch(v); m != nil {
		s.chair = m[1]
	}
	return s
}

// copies prepares a database with the October sitting open, 80 present
// and item 3 under way, and returns a function that opens a fresh copy of
// it: each run of a property starts from the same record.
func copies(t *testing.T) func(*rapid.T) *store.Store {
	st := demoStore(t)
	openWithRoll(t, st, "m03", "m14")
	mustDo(t, st, &model.ItemCmd{Session: "2024-10", N: 3, Action: model.ActStart})
	if err := st.Close(); err != nil {
		t.Fatal(err)
	}
	base, err := os.ReadFile(st.Path())
	if err != nil {
		t.Fatal(err)
	}
	dir, n := t.TempDir(), 0
	return func(rt *rapid.T) *store.Store {
		n++
		path := filepath.Join(dir, strconv.Itoa(n)+".db")
		if err := os.WriteFile(path, base, 0o600); err != nil {
			rt.Fatal(err)
		}
		st, err := store.Open(path, store.Options{Clock: func() time.Time { return testNow }})
		if err != nil {
			rt.Fatal(err)
		}
		return st
	}
}

// For any sequence of keys, a vote is recorded only when enter is pressed
// on the vote screen with every count typed (or a roll call's tally shown),
// and the vote recorded is exactly what the screen showed at that moment:
// no dropped digit, no count the clerk did not type, the chair's side as
// shown.
func TestVoteRecordsWhatTheScreenShows(t *testing.T) {
	fresh := copies(t)
	runs, recorded := 0, 0
	rapid.Check(t, func(rt *rapid.T) {
		runs++
		st := fresh(rt)
		defer st.Close()
		m := newTestUI(t, st, Options{})
		press(t, m, "v")
		// Keys one by one, and often three numbers typed whole in a row,
		// so that many runs get as far as a complete vote.
		single := rapid.Map(rapid.SampledFrom(voteKeys), func(k string) []string { return []string{k} })
		number := rapid.Map(rapid.IntRange(0, 30), strconv.Itoa)
		counts := rapid.Custom(func(t *rapid.T) []string {
			return []string{number.Draw(t, "for"), "tab", number.Draw(t, "against"), "tab", number.Draw(t, "abstained"), "enter"}
		})
		var keys []string
		for _, ch := range rapid.SliceOfN(rapid.OneOf(single, single, single, counts, counts, rapid.Just([]string{"enter"})), 1, 25).Draw(rt, "keys") {
			keys = append(keys, ch...)
		}
		for i, k := range keys {
			var before onScreen
			onVote := m.active == screenVote
			if onVote {
				before = readVote(m.View())
			}
			press(t, m, k)
			it := session(t, st, "2024-10").Items[2]
			if it.Vote == nil {
				continue
			}
			if !onVote || k != "enter" {
				rt.Fatalf("key %d (%q) on screen %d recorded %+v", i, k, m.active, it.Vote)
			}
			for _, side := range []string{"for", "against", "abstained"} {
				if before.counts[side] == "" {
					rt.Fatalf("recorded %d/%d/%d with %s not typed: screen %+v", it.Vote.For, it.Vote.Against, it.Vote.Abstain, side, before)
				}
			}
			got := map[string]string{"for": strconv.Itoa(it.Vote.For), "against": strconv.Itoa(it.Vote.Against), "abstained": strconv.Itoa(it.Vote.Abstain)}
			for side, want := range before.counts {
				if n, _ := strconv.Atoi(want); strconv.Itoa(n) != got[side] {
					rt.Fatalf("recorded %s %s, the screen showed %q (keys %q)", side, got[side], want, keys[:i+1])
				}
			}
			recorded++
			if before.named != (it.Vote.Named != nil) {
				rt.Fatalf("recorded named=%v, the screen showed named=%v", it.Vote.Named != nil, before.named)
			}
			sides := map[string]model.Choice{"for": model.For, "against": model.Against, "abstained": model.Abstain}
			if !before.named && it.Vote.Chair != sides[before.chair] {
				rt.Fatalf("recorded the chair's side %q, the screen showed %q", it.Vote.Chair, before.chair)
			}
			return
		}
	})
	// The property says nothing unless votes do get recorded.
	if recorded < runs/5 {
		t.Fatalf("only %d of %d runs recorded a vote", recorded, runs)
	}
	t.Logf("%d of %d runs recorded a vote", recorded, runs)
}

// Whatever digits are typed into the three counts, each shows exactly as
// typed; enter records them when they fit the members present and refuses
// them, recording nothing, when they do not.
func TestCountsShowAsTyped(t *testing.T) {
	fresh := copies(t)
	rapid.Check(t, func(rt *rapid.T) {
		st := fresh(rt)
		defer st.Close()
		m := newTestUI(t, st, Options{})
		digits := rapid.OneOf(rapid.StringMatching(`[0-9]{1,2}`), rapid.StringMatching(`[0-9]{1,6}`))
		typed := map[string]string{"for": digits.Draw(rt, "for"), "against": digits.Draw(rt, "against"), "abstained": digits.Draw(rt, "abstained")}
		press(t, m, "v", typed["for"], "tab", typed["against"], "tab", typed["abstained"])
		shown := readVote(m.View())
		for side, want := range typed {
			if shown.counts[side] != want {
				rt.Fatalf("typed %q for %s, the screen shows %q", want, side, shown.counts[side])
			}
		}
		n := func(s string) int { v, _ := strconv.Atoi(s); return v }
		sum := n(typed["for"]) + n(typed["against"]) + n(typed["abstained"])
		tie := n(typed["for"]) == n(typed["against"]) && n(typed["for"]) > 0
		press(t, m, "enter")
		v := session(t, st, "2024-10").Items[2].Vote
		switch {
		case sum > 80 && v != nil:
			rt.Fatalf("%d votes with 80 present were recorded: %+v", sum, v)
		case sum > 80:
			if !strings.Contains(m.View(), strconv.Itoa(sum)+" votes exceed the number of members present (80)") {
				rt.Fatalf("enter refused %d votes without saying why:\n%s", sum, m.View())
			}
		case tie && v != nil:
			rt.Fatalf("a tie was recorded without the chair's side: %+v", v)
		case !tie && (v == nil || v.For != n(typed["for"]) || v.Against != n(typed["against"]) || v.Abstain != n(typed["abstained"])):
			rt.Fatalf("typed %v, recorded %+v", typed, v)
		}
	})
}
