package model_test

import (
	"encoding/json"
	"os"
	"testing"
	"time"

	"github.com/jalsa-app/jalsa/model"
)

// parts splits a session into the records the store keeps apart: the
// session's own fields, its sittings, each item without lines, each line.
func parts(t *testing.T, s *model.Session) map[string]string {
	t.Helper()
	out := map[string]string{}
	enc := func(v any) string {
		b, err := json.Marshal(v)
		if err != nil {
			t.Fatal(err)
		}
		return string(b)
	}
	core := *s
	core.Items, core.Sittings = nil, nil
	out["core"] = enc(core)
	out["sittings"] = enc(s.Sittings)
	for _, it := range s.Items {
		bare := *it
		bare.Lines = nil
		out["item "+itoa(it.N)] = enc(bare)
		for _, l := range it.Lines {
			out["line "+itoa(it.N)+" "+l.Code] = enc(l)
		}
	}
	return out
}

func itoa(n int) string { b, _ := json.Marshal(n); return string(b) }

// A Scoped command changes only the records it names (and the session's own
// fields): the store relies on it to rewrite nothing else.
func TestScopedCommandsChangeOnlyTheirScope(t *testing.T) {
	data, err := os.ReadFile("../demo/2024-10.yaml")
	if err != nil {
		t.Fatal(err)
	}
	init, err := model.LoadSessionFile("2024-10.yaml", data)
	if err != nil {
		t.Fatal(err)
	}
	st := model.NewState()
	at := time.Date(2024, 10, 28, 10, 0, 0, 0, time.UTC)
	ctx := func() model.Ctx { at = at.Add(time.Minute); return model.Ctx{Time: at, Actor: "t"} }
	if err := init.Apply(st, ctx()); err != nil {
		t.Fatal(err)
	}
	// Every command but init says what it changes.
	budget := st.Sessions["2024-10"].Items[9]
	line0, line1 := budget.Lines[0].Code, budget.Lines[1].Code
	cmds := []model.Command{
		&model.OpenCmd{Session: "2024-10"},
		&model.AttendCmd{Session: "2024-10", Present: []string{"all"}},
		&model.ItemCmd{Session: "2024-10", N: 1, Action: model.ActStart},
		&model.ItemCmd{Session: "2024-10", N: 1, Action: model.ActNote, Text: "note"},
		&model.SpeakerCmd{Session: "2024-10", N: 1, Member: "m03", Action: model.SpeakerStart},
		&model.NoteCmd{Session: "2024-10", N: 1, Note: 1, Action: model.NoteCorrect, Text: "corrected"},
		// The floor moves to another item's speaker, then a vote ends it.
		&model.SpeakerCmd{Session: "2024-10", N: 2, Member: "m04", Action: model.SpeakerStart},
		&model.SpeakerCmd{Session: "2024-10", N: 1, Guest: "معاذ الجامعي", Action: model.SpeakerStart},
		&model.VoteCmd{Session: "2024-10", N: 1, For: 50, Against: 2},
		&model.VoteCmd{Session: "2024-10", N: 1, For: 49, Against: 3, Correct: true, Reason: "recount"},
		&model.ItemCmd{Session: "2024-10", N: 2, Action: model.ActStart},
		&model.ItemCmd{Session: "2024-10", N: 2, Action: model.ActDone},
		&model.AmendCmd{Session: "2024-10", N: 10, Line: line0, Amount: 100, Reason: "r"},
		&model.SpeakerCmd{Session: "2024-10", N: 9, Member: "m05", Action: model.SpeakerStart},
		&model.ItemCmd{Session: "2024-10", N: 10, Action: model.ActStart},
		&model.SpeakerCmd{Session: "2024-10", N: 10, Member: "m05", Action: model.SpeakerStart},
		&model.VoteCmd{Session: "2024-10", N: 10, Line: line1, For: 40, Against: 1},
		&model.SpeakerCmd{Session: "2024-10", N: 10, Member: "m06", Action: model.SpeakerStart},
		&model.VoteCmd{Session: "2024-10", N: 10, Line: line1, Named: map[string]model.Choice{"m02": model.Against}, Rest: model.For, Correct: true, Reason: "by name"},
		&model.ItemCmd{Session: "2024-10", N: 10, Action: model.ActDefer},
		&model.AttendCmd{Session: "2024-10", Leave: []string{"m07"}},
		&model.SpeakerCmd{Session: "2024-10", N: 3, Member: "m08", Action: model.SpeakerStart},
		&model.SuspendCmd{Session: "2024-10"},
		&model.OpenCmd{Session: "2024-10", Call: 2},
		&model.AttendCmd{Session: "2024-10", Present: []string{"all"}},
		&model.ItemCmd{Session: "2024-10", N: 10, Action: model.ActStart},
		&model.ItemCmd{Session: "2024-10", N: 10, Action: model.ActWithdraw},
	}
	for n := 3; n <= 9; n++ {
		cmds = append(cmds, &model.ItemCmd{Session: "2024-10", N: n, Action: model.ActDefer})
	}
	cmds = append(cmds, &model.SpeakerCmd{Session: "2024-10", N: 9, Member: "m09", Action: model.SpeakerStart}, &model.CloseCmd{Session: "2024-10"})
	for _, c := range cmds {
		before := parts(t, st.Sessions["2024-10"])
		if err := model.Do(st, c, ctx()); err != nil {
			t.Fatalf("%T %+v: %v", c, c, err)
		}
		after := parts(t, st.Sessions["2024-10"])
		n, line := c.(model.Scoped).Scope()
		allowed := map[string]bool{"core": true, "item " + itoa(n): line == "", "sittings": n == 0}
		if sp, ok := c.(model.Spiller); ok {
			for _, i := range sp.Spill() {
				allowed["item "+itoa(i)] = true
			}
		}
		if line != "" {
			allowed["line "+itoa(n)+" "+line] = true
		}
		for k, v := range after {
			if before[k] != v && !allowed[k] {
				t.Errorf("%s %+v changed %q outside its scope (%d, %q)", c.Type(), c, k, n, line)
			}
		}
	}
}
