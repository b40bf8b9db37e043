package store

import (
	"path/filepath"
	"testing"

	"github.com/jalsa-app/jalsa/model"
)

// A vote on a budget line, the next item and a suspension end a speaker's
// turn on an item outside their scope (model.Spiller): what is on disk
// after a reopen is what was in memory.
func TestFloorEndsOutsideTheScopeAreSaved(t *testing.T) {
	path := filepath.Join(t.TempDir(), "j.db")
	st := openStore(t, path)
	mustDo(t, st, demoInit(t))
	mustDo(t, st, &model.OpenCmd{Session: sid, Call: 1})
	mustDo(t, st, &model.AttendCmd{Session: sid, Present: []string{"all"}})
	mustDo(t, st, &model.ItemCmd{Session: sid, N: 10, Action: model.ActStart})
	var line string
	st.Read(func(s *model.State) { line = s.Sessions[sid].Items[9].Lines[0].Code })
	mustDo(t, st, &model.SpeakerCmd{Session: sid, N: 10, Member: "m02", Action: model.SpeakerStart})
	mustDo(t, st, &model.VoteCmd{Session: sid, N: 10, Line: line, For: 40})
	mustDo(t, st, &model.SpeakerCmd{Session: sid, N: 9, Member: "m03", Action: model.SpeakerStart})
	mustDo(t, st, &model.ItemCmd{Session: sid, N: 10, Action: model.ActDefer})
	mustDo(t, st, &model.ItemCmd{Session: sid, N: 1, Action: model.ActStart})
	mustDo(t, st, &model.SpeakerCmd{Session: sid, N: 2, Member: "m04", Action: model.SpeakerStart})
	mustDo(t, st, &model.SuspendCmd{Session: sid})
	state := stateJSON(t, st)
	st.Read(func(s *model.State) {
		for _, it := range s.Sessions[sid].Items {
			for _, sp := range it.Speakers {
				if sp.Speaking() {
					t.Errorf("item %d: %s still speaking after the suspension", it.N, sp.Member)
				}
			}
		}
	})
	if err := st.Close(); err != nil {
		t.Fatal(err)
	}
	st = openStore(t, path)
	defer st.Close()
	if got := stateJSON(t, st); got != state {
		t.Errorf("state after reopen differs:\n got %s\nwant %s", got, state)
	}
	if _, err := st.Verify(); err != nil {
		t.Fatalf("verify: %v", err)
	}
}
