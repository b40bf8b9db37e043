package model_test

import (
	"os"
	"slices"
	"strings"
	"testing"

	"github.com/jalsa-app/jalsa/model"
	"pgregory.net/rapid"
)

// speaking lists who holds the floor in s, as "item/who".
func speaking(s *model.Session) []string {
	var out []string
	for _, it := range s.Items {
		for _, sp := range it.Speakers {
			if sp.Speaking() {
				out = append(out, itoa(it.N)+"/"+sp.Member+sp.Guest)
			}
		}
	}
	return out
}

// For any sequence of commands, one speaker at most holds the floor; a
// vote, a suspension, the start of an item and the close leave nobody
// speaking; every turn that ended ended after it began; and the events
// replay to the same state.
func TestOneFloorAtATime(t *testing.T) {
	rapid.Check(t, func(rt *rapid.T) {
		r := newCmdRun(t)
		r.ok("init", testInit(t))
		r.ok("open", &model.OpenCmd{Session: cmdSID, Call: 1})
		r.ok("roll", &model.AttendCmd{Session: cmdSID, Present: []string{"all"}})
		people := []string{"m02", "m03", "m04", "guest"}
		for range rapid.IntRange(1, 60).Draw(rt, "steps") {
			var cmd model.Command
			stops := false
			n := rapid.IntRange(1, 8).Draw(rt, "item")
			switch rapid.IntRange(0, 9).Draw(rt, "kind") {
			case 0, 1, 2, 3:
				sp := &model.SpeakerCmd{Session: cmdSID, N: n, Action: rapid.SampledFrom([]string{model.SpeakerAdd, model.SpeakerStart, model.SpeakerStart, model.SpeakerDone, model.SpeakerRemove}).Draw(rt, "action")}
				if who := rapid.SampledFrom(people).Draw(rt, "who"); who == "guest" {
					sp.Guest = "The Wali"
				} else {
					sp.Member = who
				}
				cmd = sp
			case 4:
				cmd, stops = ctItem(n, model.ActStart), true
			case 5:
				cmd = ctItem(n, rapid.SampledFrom([]string{model.ActDone, model.ActDefer}).Draw(rt, "end"))
			case 6:
				cmd, stops = ctVote(n, 6, 1, 0), true
			case 7:
				cmd, stops = &model.VoteCmd{Session: cmdSID, N: 5, Line: rapid.SampledFrom([]string{"I.1", "II.1"}).Draw(rt, "line"), For: 5}, true
			case 8:
				cmd, stops = &model.SuspendCmd{Session: cmdSID}, true
			case 9:
				cmd = &model.OpenCmd{Session: cmdSID, Call: 1}
			}
			ctx := r.ctx()
			err := model.Do(r.st, cmd, ctx)
			if err == nil {
				ev, eerr := model.NewEvent(cmd, ctx)
				if eerr != nil {
					rt.Fatal(eerr)
				}
				r.events = append(r.events, ev)
			}
			s := r.session()
			if on := speaking(s); len(on) > 1 {
				rt.Fatalf("after %s %+v: %d speakers hold the floor: %v", cmd.Type(), cmd, len(on), on)
			} else if err == nil && stops && len(on) > 0 {
				rt.Fatalf("after %s %+v: %v still holds the floor", cmd.Type(), cmd, on)
			}
		}
		for _, it := range r.session().Items {
			for _, sp := range it.Speakers {
				if !sp.End.IsZero() && sp.End.Before(sp.Start) {
					rt.Fatalf("item %d: a turn ends at %v before it starts at %v", it.N, sp.End, sp.Start)
				}
			}
		}
		if got, want := r.replayed(), r.snapshot(); got != want {
			rt.Fatalf("replay differs from the state")
		}
	})
}

func TestGuestsTakeTheFloor(t *testing.T) {
	r := setupVoting(t)
	r.ok("member speaks", &model.SpeakerCmd{Session: cmdSID, N: nMinutes, Member: "m02", Action: model.SpeakerStart})
	r.ok("the wali speaks", &model.SpeakerCmd{Session: cmdSID, N: nMinutes, Guest: "The Wali", Action: model.SpeakerStart})
	sps := r.ctItem(nMinutes).Speakers
	if len(sps) != 2 || sps[0].End.IsZero() || sps[1].Guest != "The Wali" || !sps[1].Speaking() {
		t.Fatalf("speakers %+v: the member's turn ends when the guest takes the floor", sps)
	}
	r.no("unknown guest", &model.SpeakerCmd{Session: cmdSID, N: nMinutes, Guest: "Nobody", Action: model.SpeakerStart}, 4, "err.guest_not_found")
	r.no("member and guest", &model.SpeakerCmd{Session: cmdSID, N: nMinutes, Member: "m02", Guest: "The Wali", Action: model.SpeakerStart}, 2, "err.speaker_who")
	r.no("nobody", &model.SpeakerCmd{Session: cmdSID, N: nMinutes, Action: model.SpeakerStart}, 2, "err.speaker_who")
	r.ok("suspend", &model.SuspendCmd{Session: cmdSID})
	if sp := r.ctItem(nMinutes).Speakers[1]; sp.Speaking() || !sp.End.Equal(r.session().Sittings[0].End) {
		t.Fatalf("the suspension ends the guest's turn with the sitting: %+v", sp)
	}
	wali := slices.IndexFunc(r.session().Guests, func(g model.Guest) bool { return g.Name == "The Wali" }) + 1
	r.no("a guest who spoke is removed", &model.GuestsCmd{Session: cmdSID, Action: "remove", N: wali}, 3, "err.guest_spoke")
}

func TestNoteCorrectedAndWithdrawnStayInTheRecord(t *testing.T) {
	r := setupVoting(t)
	r.ok("note", &model.ItemCmd{Session: cmdSID, N: nAgreement, Action: model.ActNote, Text: "the presdient opens"})
	r.ok("second note", &model.ItemCmd{Session: cmdSID, N: nAgreement, Action: model.ActNote, Text: "said twice"})
	r.ok("correct", &model.NoteCmd{Session: cmdSID, N: nAgreement, Note: 1, Action: model.NoteCorrect, Text: "the president opens"})
	r.no("unchanged", &model.NoteCmd{Session: cmdSID, N: nAgreement, Note: 1, Action: model.NoteCorrect, Text: " the president opens "}, 2, "err.note_unchanged")
	r.no("empty", &model.NoteCmd{Session: cmdSID, N: nAgreement, Note: 1, Action: model.NoteCorrect, Text: "  "}, 2, "err.note_empty")
	r.no("no such note", &model.NoteCmd{Session: cmdSID, N: nAgreement, Note: 3, Action: model.NoteWithdraw}, 4, "err.note_not_found")
	r.no("bad action", &model.NoteCmd{Session: cmdSID, N: nAgreement, Note: 1, Action: "erase"}, 2, "err.bad_action")
	r.ok("withdraw", &model.NoteCmd{Session: cmdSID, N: nAgreement, Note: 2, Action: model.NoteWithdraw})
	r.no("withdrawn twice", &model.NoteCmd{Session: cmdSID, N: nAgreement, Note: 2, Action: model.NoteWithdraw}, 3, "err.note_withdrawn")
	notes := r.ctItem(nAgreement).Notes
	if len(notes) != 2 || notes[0].Text != "the president opens" || len(notes[0].Edits) != 1 || notes[0].Edits[0].Text != "the presdient opens" {
		t.Fatalf("the correction keeps the earlier wording: %+v", notes[0])
	}
	if notes[1].Live() || notes[1].Text != "said twice" {
		t.Fatalf("the withdrawn note stays, marked: %+v", notes[1])
	}
	r.ok("vote", ctVote(nAgreement, 6, 1, 0))
	d := r.st.ItemDecisions(r.session(), r.ctItem(nAgreement), "")
	if len(d) != 1 || len(d[0].Notes) != 1 || d[0].Notes[0].Text != "the president opens" {
		t.Fatalf("the decision carries the live notes only: %+v", d)
	}
	if got, want := r.replayed(), r.snapshot(); got != want {
		t.Fatalf("replay differs from the state")
	}
}

func TestParseSpeakingTime(t *testing.T) {
	for _, c := range []struct {
		in   string
		secs int
		ok   bool
	}{
		{"5", 300, true}, {"3m30s", 210, true}, {"90s", 90, true}, {"1h", 3600, true},
		{"0", 0, false}, {"-5", 0, false}, {"5 min", 0, false}, {"1.5s", 0, false}, {"5h", 0, false}, {"", 0, false}, {"500ms", 0, false},
	} {
		secs, ok := model.ParseSpeakingTime(c.in)
		if secs != c.secs || ok != c.ok {
			t.Errorf("ParseSpeakingTime(%q) = %d, %v; want %d, %v", c.in, secs, ok, c.secs, c.ok)
		}
	}
}

func TestSessionFileSpeakingTime(t *testing.T) {
	data, err := os.ReadFile("../demo/2024-10.yaml")
	if err != nil {
		t.Fatal(err)
	}
	demo, _, ok := strings.Cut(string(data), "  speaking_time: 5")
	if !ok {
		t.Fatal("the demo's October session gives speaking_time: 5")
	}
	_, after, _ := strings.Cut(string(data), "  speaking_time: 5")
	_, after, _ = strings.Cut(after, "\n")
	with := func(line string) []byte { return []byte(demo + line + after) }
	cmd, err := model.LoadSessionFile("s.yaml", with("  speaking_time: 3m\n"))
	if err != nil || cmd.Session.SpeakingTime != 180 {
		t.Fatalf("speaking_time 3m: %v", err)
	}
	if cmd, err := model.LoadSessionFile("s.yaml", with("")); err != nil || cmd.Session.SpeakingTime != 0 {
		t.Fatalf("no speaking_time: %v, %d s (want no limit)", err, cmd.Session.SpeakingTime)
	}
	_, err = model.LoadSessionFile("s.yaml", with("  speaking_time: trois minutes\n"))
	if err == nil || !strings.Contains(err.Error(), "session.speaking_time") || !strings.Contains(err.Error(), `"trois minutes" is not a speaking time`) {
		t.Fatalf("bad speaking_time: %v", err)
	}
}

// Closing with items pending says what each needs: a vote, or an end
// (noted) for an item that takes none.
func TestCloseAdvisesByKind(t *testing.T) {
	r := setupVoting(t)
	r.no("report and votes pending", &model.CloseCmd{Session: cmdSID}, 3, "err.close_pending_both")
	for _, n := range []int{nMinutes, nAgreement, nRegulation, nBudget, nWhole, nPending, nWithdrawn} {
		r.ok("defer", ctItem(n, model.ActDefer))
	}
	r.no("the report pending", &model.CloseCmd{Session: cmdSID}, 3, "err.close_pending_noted")
	r.ok("start the report", ctItem(nReport, model.ActStart))
	r.ok("end it", ctItem(nReport, model.ActDone))
	r.ok("close", &model.CloseCmd{Session: cmdSID})
}

// Which turns a command ends is in its event, settled when it was recorded
// (model.Do): replayed, an event of the earlier rules (no ends) ends
// nothing, and one whose ends names a turn not under way is refused and
// changes nothing.
func TestReplayEndsWhatTheEventSays(t *testing.T) {
	r := setupVoting(t)
	r.ok("m02 speaks", &model.SpeakerCmd{Session: cmdSID, N: nAgreement, Member: "m02", Action: model.SpeakerStart})
	vote := ctVote(nAgreement, 6, 1, 0)
	if err := vote.Apply(r.st, r.ctx()); err != nil {
		t.Fatal(err)
	}
	if on := speaking(r.session()); len(on) != 1 {
		t.Fatalf("a vote recorded without ends ended %v's turn on replay", on)
	}
	before := r.snapshot()
	for _, c := range []struct {
		turn model.Turn
		code int
	}{{model.Turn{N: nAgreement, Member: "m03"}, 3}, {model.Turn{N: 99, Member: "m02"}, 4}} {
		err := (&model.SuspendCmd{Session: cmdSID, Ends: []model.Turn{c.turn}}).Apply(r.st, r.ctx())
		if model.ExitCode(err) != c.code || r.snapshot() != before {
			t.Errorf("a suspension ending %+v: %v (exit %d), want exit %d and no change", c.turn, err, model.ExitCode(err), c.code)
		}
	}
	suspend := &model.SuspendCmd{Session: cmdSID}
	if err := model.Do(r.st, suspend, r.ctx()); err != nil {
		t.Fatal(err)
	}
	if want := []model.Turn{{N: nAgreement, Member: "m02"}}; !slices.Equal(suspend.Ends, want) {
		t.Errorf("the suspension settled ends %+v, want %+v", suspend.Ends, want)
	}
	if on := speaking(r.session()); len(on) != 0 {
		t.Errorf("after the suspension %v still speak", on)
	}
}
