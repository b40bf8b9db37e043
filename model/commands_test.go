package model_test

import (
	"encoding/json"
	"errors"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/jalsa-app/jalsa/model"
)

// cmdRun drives a session through Command.Apply with a fixed clock, records
// every command that succeeds as an event, and checks that every refused
// command leaves the state exactly as it was.
type cmdRun struct {
	t      *testing.T
	st     *model.State
	clock  time.Time
	events []model.Event
}

func newCmdRun(t *testing.T) *cmdRun {
	return &cmdRun{t: t, st: model.NewState(), clock: time.Date(2024, 10, 28, 9, 0, 0, 0, time.UTC)}
}

func (r *cmdRun) ctx() model.Ctx {
	r.clock = r.clock.Add(time.Minute)
	return model.Ctx{Time: r.clock, Actor: "test"}
}

func (r *cmdRun) snapshot() string {
	r.t.Helper()
	b, err := json.Marshal(r.st)
	if err != nil {
		r.t.Fatalf("marshal state: %v", err)
	}
	return string(b)
}

// ok carries out cmd as the store does (model.Do), which must succeed, and
// records it as an event.
func (r *cmdRun) ok(what string, cmd model.Command) {
	r.t.Helper()
	c := r.ctx()
	if err := model.Do(r.st, cmd, c); err != nil {
		r.t.Fatalf("%s: %v (exit %d)", what, err, model.ExitCode(err))
	}
	ev, err := model.NewEvent(cmd, c)
	if err != nil {
		r.t.Fatalf("%s: NewEvent: %v", what, err)
	}
	r.events = append(r.events, ev)
}

// no applies cmd, which must fail with exit code and message key, and checks
// that the state did not change.
func (r *cmdRun) no(what string, cmd model.Command, code int, key string) {
	r.t.Helper()
	before := r.snapshot()
	err := model.Do(r.st, cmd, r.ctx())
	if err == nil {
		r.t.Fatalf("%s: accepted, want exit %d (%s)", what, code, key)
	}
	if got := model.ExitCode(err); got != code {
		r.t.Errorf("%s: exit %d (%v), want %d", what, got, err, code)
	}
	// A check that names a field says the rest with its own key.
	_, bare := model.SplitField(err)
	var e *model.Error
	if key != "" && (!errors.As(bare, &e) || e.Key != key) {
		r.t.Errorf("%s: error %v, want key %s", what, err, key)
	}
	if after := r.snapshot(); after != before {
		r.t.Errorf("%s: refused command changed the state\nbefore %s\nafter  %s", what, before, after)
	}
}

func (r *cmdRun) session() *model.Session {
	r.t.Helper()
	s, err := r.st.Session(cmdSID)
	if err != nil {
		r.t.Fatal(err)
	}
	return s
}

func (r *cmdRun) ctItem(n int) *model.Item {
	r.t.Helper()
	it, err := r.session().Item(n)
	if err != nil {
		r.t.Fatal(err)
	}
	return it
}

func (r *cmdRun) line(n int, code string) *model.BudgetLine {
	r.t.Helper()
	l, err := r.ctItem(n).Line(code)
	if err != nil {
		r.t.Fatal(err)
	}
	return l
}

func (r *cmdRun) quorum(present, required int, rule string, met bool) {
	r.t.Helper()
	q := r.st.QuorumNow(r.session())
	if q.Present != present || q.Required != required || q.Rule != rule || q.Met != met || q.Seats != 10 {
		r.t.Errorf("quorum %+v, want present %d, required %d, rule %s, met %v, seats 10", q, present, required, rule, met)
	}
}

// replayed replays every recorded event into a fresh state and returns its JSON.
func (r *cmdRun) replayed() string {
	r.t.Helper()
	st := model.NewState()
	for i, ev := range r.events {
		// Go through the bytes the store keeps.
		raw, err := json.Marshal(ev)
		if err != nil {
			r.t.Fatal(err)
		}
		var back model.Event
		if err := json.Unmarshal(raw, &back); err != nil {
			r.t.Fatal(err)
		}
		if err := back.Replay(st); err != nil {
			r.t.Fatalf("replay of event %d (%s): %v", i, ev.Type, err)
		}
	}
	b, err := json.Marshal(st)
	if err != nil {
		r.t.Fatal(err)
	}
	return string(b)
}

const cmdSID = "2024-10"

// Items of the test session.
const (
	nMinutes    = 1 // minutes: votes
	nReport     = 2 // report: no vote
	nAgreement  = 3 // agreement: deferred, then a tie in sitting 2
	nRegulation = 4 // regulation: two-thirds-present, named vote
	nBudget     = 5 // budget voted by lines
	nWhole      = 6 // budget voted as a whole
	nPending    = 7 // agreement left pending until close
	nWithdrawn  = 8 // other: withdrawn
)

func ctCents(t *testing.T, s string) model.Cents {
	t.Helper()
	c, err := model.ParseCents(s)
	if err != nil {
		t.Fatal(err)
	}
	return c
}

func testInit(t *testing.T) *model.InitCmd {
	var members []model.Member
	for _, id := range []string{"m01", "m02", "m03", "m04", "m05", "m06", "m07", "m08", "m09", "m10"} {
		m := model.Member{ID: id, Name: "Member " + id, Role: "member"}
		if id == "m01" {
			m.Role = "president"
		}
		members = append(members, m)
	}
	rules := model.DefaultRules()
	// Convocation 2 under "third" so a second sitting's quorum is visibly its own.
	rules.Quorum = []string{"majority", "third", "none"}
	line := func(code, kind, amount string) *model.BudgetLine {
		return &model.BudgetLine{Code: code, Label: "line " + code, Kind: kind, Part: code[:1], Amount: ctCents(t, amount)}
	}
	return &model.InitCmd{
		Body: model.Body{ID: "test-body", Name: "Test Chamber", Language: "en", Seats: 10, Rules: rules, Members: members},
		Session: model.Session{
			ID: cmdSID, Kind: "ordinary", Title: "October 2024", Date: "2024-10-28", Place: "Fès",
			Chair: "m01", Secretary: "m05", Guests: []model.Guest{{Name: "The Wali", Role: "guest"}},
			Items: []*model.Item{
				{Title: "Minutes of June 2024", Kind: model.KindMinutes, Votes: true},
				{Title: "Literary report", Kind: model.KindReport},
				{Title: "Cooperation protocol", Kind: model.KindAgreement, Text: "The assembly approves the protocol.", Votes: true},
				{Title: "Rules of procedure", Kind: model.KindRegulation, Majority: model.MajorityTwoThirdsPresent, Votes: true},
				{Title: "Budget 2025", Kind: model.KindBudget, Votes: true, VoteMode: "lines", Balanced: true, Lines: []*model.BudgetLine{
					line("I.1", "revenue", "1000.00"),
					line("I.2", "revenue", "500.00"),
					line("II.1", "expense", "1200.00"),
					line("II.2", "expense", "300.00"),
				}},
				{Title: "Supplementary budget", Kind: model.KindBudget, Votes: true, VoteMode: "whole", Balanced: true, Lines: []*model.BudgetLine{
					line("R.1", "revenue", "250.50"),
					line("E.1", "expense", "250.50"),
				}},
				{Title: "Permanent fair", Kind: model.KindAgreement, Votes: true},
				{Title: "Any other business", Kind: model.KindOther, Votes: true},
			},
		},
	}
}

func ctVote(n int, f, a, ab int) *model.VoteCmd {
	return &model.VoteCmd{Session: cmdSID, N: n, For: f, Against: a, Abstain: ab}
}

func ctItem(n int, action string) *model.ItemCmd {
	return &model.ItemCmd{Session: cmdSID, N: n, Action: action}
}

func TestSessionCommands(t *testing.T) {
	r := newCmdRun(t)
	r.ok("init", testInit(t))
	r.no("init twice", testInit(t), 3, "err.session_exists")

	s := r.session()
	if s.State != model.StateDraft || len(s.Items) != 8 || s.Body != "test-body" {
		t.Fatalf("after init: state %s, %d items, body %s", s.State, len(s.Items), s.Body)
	}
	for i, it := range s.Items {
		if it.N != i+1 || it.State != model.ItemWaiting || it.Outcome != model.Pending {
			t.Errorf("item %d after init: n %d, state %s, outcome %s", i+1, it.N, it.State, it.Outcome)
		}
	}
	for _, l := range r.ctItem(nBudget).Lines {
		if l.Outcome != model.Pending {
			t.Errorf("line %s after init: outcome %s", l.Code, l.Outcome)
		}
	}

	// Nothing happens before the sitting opens.
	r.no("attend before open", &model.AttendCmd{Session: cmdSID, Present: []string{"all"}}, 3, "err.not_open")
	r.no("start before open", ctItem(nMinutes, model.ActStart), 3, "err.not_open")
	r.no("vote before open", ctVote(nMinutes, 1, 0, 0), 3, "err.not_open")
	r.no("suspend before open", &model.SuspendCmd{Session: cmdSID}, 3, "err.not_open")
	r.no("close before open", &model.CloseCmd{Session: cmdSID}, 3, "err.not_open")
	r.no("open unknown session", &model.OpenCmd{Session: "nope"}, 4, "err.session_not_found")
	r.no("open call 4", &model.OpenCmd{Session: cmdSID, Call: 4}, 2, "err.bad_call")

	// Open, roll call.
	r.ok("open", &model.OpenCmd{Session: cmdSID})
	if sit := r.session().Sitting(); sit == nil || sit.N != 1 || sit.Call != 1 || r.session().State != model.StateOpen {
		t.Fatalf("after open: %+v, state %s", sit, r.session().State)
	}
	r.no("open again", &model.OpenCmd{Session: cmdSID}, 3, "err.already_open")
	r.quorum(0, 6, "majority", false)
	r.no("attend nothing", &model.AttendCmd{Session: cmdSID}, 2, "err.attend_nothing")
	r.no("attend unknown member", &model.AttendCmd{Session: cmdSID, Present: []string{"all"}, Absent: []string{"m99"}}, 4, "err.member_not_found")
	r.ok("attend all, then absent a few", &model.AttendCmd{Session: cmdSID, Present: []string{"all"}, Absent: []string{"m06", "m07", "m08"}, Excused: []string{"m09", "m10"}})
	r.quorum(5, 6, "majority", false)
	sit := r.session().Sitting()
	if sit.Count(model.Present) != 5 || sit.Count(model.Absent) != 3 || sit.Count(model.Excused) != 2 {
		t.Errorf("attendance %v", sit.Attendance)
	}
	if got := sit.PresentIDs(); !slices.Equal(got, []string{"m01", "m02", "m03", "m04", "m05"}) {
		t.Errorf("present ids %v", got)
	}

	// Item 1: minutes.
	r.no("vote on an item not started", ctVote(nMinutes, 5, 0, 0), 3, "err.item_not_open")
	r.ok("start minutes", ctItem(nMinutes, model.ActStart))
	if r.session().Current != nMinutes || r.ctItem(nMinutes).State != model.ItemOpen || r.ctItem(nMinutes).Sitting != 1 {
		t.Errorf("after start: current %d, item %+v", r.session().Current, r.ctItem(nMinutes))
	}
	r.no("vote without quorum", ctVote(nMinutes, 5, 0, 0), 3, "err.no_quorum")
	r.ok("two arrive", &model.AttendCmd{Session: cmdSID, Arrive: []string{"m06", "m07"}})
	r.quorum(7, 6, "majority", true)
	if mv := r.session().Sitting().Moves; len(mv) < 2 || mv[len(mv)-2].Member != "m06" || mv[len(mv)-1].Member != "m07" ||
		mv[len(mv)-1].Kind != "arrive" || mv[len(mv)-1].Presence != model.Present {
		t.Errorf("attendance moves %+v, want the two arrivals last", mv)
	}
	r.no("start another item while one is open", ctItem(nReport, model.ActStart), 3, "err.other_item_open")
	r.no("start the open item again", ctItem(nMinutes, model.ActStart), 3, "err.item_already_open")
	r.no("done on an item that takes a vote", ctItem(nMinutes, model.ActDone), 3, "err.item_needs_vote")
	r.no("bad item action", ctItem(nMinutes, "finish"), 2, "err.bad_action")
	r.no("unknown item", ctItem(99, model.ActStart), 4, "err.item_not_found")
	r.no("counts above present", ctVote(nMinutes, 6, 1, 1), 3, "count.sum")
	r.no("negative count", ctVote(nMinutes, 8, -1, 0), 2, "count.negative")
	r.no("vote on a line of a plain item", &model.VoteCmd{Session: cmdSID, N: nMinutes, Line: "I.1", For: 7}, 3, "err.not_budget")
	r.no("named voter not present", &model.VoteCmd{Session: cmdSID, N: nMinutes, Named: map[string]model.Choice{"m08": model.For}, Rest: model.For}, 3, "err.voter_not_present")
	r.no("named bad choice", &model.VoteCmd{Session: cmdSID, N: nMinutes, Named: map[string]model.Choice{"m02": "maybe"}, Rest: model.For}, 2, "err.bad_choice")
	r.ok("note on minutes", &model.ItemCmd{Session: cmdSID, N: nMinutes, Action: model.ActNote, Text: "  read out by the secretary "})
	r.no("empty note", &model.ItemCmd{Session: cmdSID, N: nMinutes, Action: model.ActNote, Text: "  "}, 2, "err.note_empty")
	r.ok("vote minutes at exactly all present", ctVote(nMinutes, 6, 0, 1))
	it := r.ctItem(nMinutes)
	if it.Outcome != model.Adopted || it.State != model.ItemEnded || r.session().Current != 0 || it.Vote == nil {
		t.Fatalf("minutes after vote: %+v", it)
	}
	v := it.Vote
	if v.For != 6 || v.Against != 0 || v.Abstain != 1 || v.Present != 7 || v.Seats != 10 || v.Quorum != 6 ||
		v.Rule != model.MajorityCast || v.Tie != model.TiePresident || v.Sitting != 1 || v.By != "test" ||
		!slices.Equal(v.PresentIDs, []string{"m01", "m02", "m03", "m04", "m05", "m06", "m07"}) {
		t.Errorf("minutes vote %+v", v)
	}
	if want := "adopted: 6 for > 0 against (votes cast); quorum 7/10 ≥ 6"; v.Explanation != want {
		t.Errorf("explanation %q, want %q", v.Explanation, want)
	}
	if n := it.Notes; len(n) != 1 || n[0].Text != "read out by the secretary" || n[0].By != "test" {
		t.Errorf("notes %+v", n)
	}
	r.no("second vote", ctVote(nMinutes, 7, 0, 0), 3, "")
	r.no("restart an adopted item", ctItem(nMinutes, model.ActStart), 3, "err.item_ended")
	r.no("defer an adopted item", ctItem(nMinutes, model.ActDefer), 3, "err.item_ended")
	r.no("correct without a reason", &model.VoteCmd{Session: cmdSID, N: nMinutes, For: 5, Against: 1, Abstain: 1, Correct: true}, 2, "err.reason_required")
	r.no("correct above the present of the vote", &model.VoteCmd{Session: cmdSID, N: nMinutes, For: 8, Correct: true, Reason: "recount"}, 3, "count.above_present")
	r.no("correct a vote never taken", &model.VoteCmd{Session: cmdSID, N: nAgreement, For: 5, Correct: true, Reason: "x"}, 3, "err.no_vote_to_correct")
	r.ok("correct minutes", &model.VoteCmd{Session: cmdSID, N: nMinutes, For: 5, Against: 1, Abstain: 1, Correct: true, Reason: " one vote was misread "})
	it = r.ctItem(nMinutes)
	if len(it.Corrections) != 1 || it.Corrections[0].Previous.For != 6 || it.Corrections[0].Previous.Against != 0 ||
		it.Corrections[0].Reason != "one vote was misread" || it.Corrections[0].By != "test" {
		t.Errorf("corrections %+v", it.Corrections)
	}
	if it.Vote.For != 5 || it.Vote.Against != 1 || it.Outcome != model.Adopted || it.State != model.ItemEnded ||
		it.Vote.Explanation != "adopted: 5 for > 1 against (votes cast); quorum 7/10 ≥ 6" {
		t.Errorf("corrected vote %+v, outcome %s", it.Vote, it.Outcome)
	}

	// Item 2: report, no vote.
	r.no("done on a waiting item", ctItem(nReport, model.ActDone), 3, "err.item_not_open")
	r.ok("start report", ctItem(nReport, model.ActStart))
	r.no("vote on a report", ctVote(nReport, 7, 0, 0), 3, "err.item_no_vote")
	r.ok("speaker m02 asks", &model.SpeakerCmd{Session: cmdSID, N: nReport, Member: "m02", Action: model.SpeakerAdd})
	r.no("speaker m02 asks again", &model.SpeakerCmd{Session: cmdSID, N: nReport, Member: "m02", Action: model.SpeakerAdd}, 3, "err.speaker_listed")
	r.no("unknown speaker", &model.SpeakerCmd{Session: cmdSID, N: nReport, Member: "m99", Action: model.SpeakerAdd}, 4, "err.member_not_found")
	r.no("speaker done before speaking", &model.SpeakerCmd{Session: cmdSID, N: nReport, Member: "m02", Action: model.SpeakerDone}, 3, "err.speaker_not_speaking")
	r.ok("speaker m02 speaks", &model.SpeakerCmd{Session: cmdSID, N: nReport, Member: "m02", Action: model.SpeakerStart})
	r.no("remove a speaker who is speaking", &model.SpeakerCmd{Session: cmdSID, N: nReport, Member: "m02", Action: model.SpeakerRemove}, 3, "err.speaker_not_waiting")
	r.ok("speaker m02 done", &model.SpeakerCmd{Session: cmdSID, N: nReport, Member: "m02", Action: model.SpeakerDone})
	r.ok("report done", ctItem(nReport, model.ActDone))
	if it := r.ctItem(nReport); it.Outcome != model.Noted || it.State != model.ItemEnded || it.Vote != nil || len(it.Speakers) != 1 || it.Speakers[0].End.IsZero() {
		t.Errorf("report after done: %+v", it)
	}
	r.no("done twice", ctItem(nReport, model.ActDone), 3, "err.item_not_open")

	// Item 3: deferred now, taken up again in sitting 2.
	r.ok("start agreement", ctItem(nAgreement, model.ActStart))
	r.ok("defer agreement", ctItem(nAgreement, model.ActDefer))
	if it := r.ctItem(nAgreement); it.Outcome != model.Deferred || it.State != model.ItemEnded || r.session().Current != 0 {
		t.Errorf("agreement after defer: %+v, current %d", it, r.session().Current)
	}
	r.no("vote on a deferred item", ctVote(nAgreement, 5, 0, 0), 3, "err.item_not_open")

	// Item 4: two-thirds of the present, by name.
	r.ok("start regulation", ctItem(nRegulation, model.ActStart))
	// 7 present: 3·for ≥ 14 needs 5 for.
	r.ok("named vote with rest", &model.VoteCmd{Session: cmdSID, N: nRegulation,
		Named: map[string]model.Choice{"m02": model.Against, "m03": model.Abstain}, Rest: model.For})
	it = r.ctItem(nRegulation)
	v = it.Vote
	if v.For != 5 || v.Against != 1 || v.Abstain != 1 || v.Chair != model.For || v.Rule != model.MajorityTwoThirdsPresent ||
		len(v.Named) != 7 || v.Named["m01"] != model.For || v.Named["m02"] != model.Against || v.Named["m03"] != model.Abstain ||
		it.Outcome != model.Adopted {
		t.Errorf("regulation vote %+v, outcome %s", v, it.Outcome)
	}
	if want := "adopted: 5 for ≥ two thirds of 7 present; quorum 7/10 ≥ 6"; v.Explanation != want {
		t.Errorf("explanation %q, want %q", v.Explanation, want)
	}
	// A correction by name: 4 for of 7 present is below two thirds (12 < 14).
	r.ok("correct regulation by name", &model.VoteCmd{Session: cmdSID, N: nRegulation, Correct: true, Reason: "m04 voted against",
		Named: map[string]model.Choice{"m02": model.Against, "m03": model.Abstain, "m04": model.Against}, Rest: model.For})
	if it := r.ctItem(nRegulation); it.Outcome != model.Rejected || it.Vote.For != 4 || it.Vote.Against != 2 ||
		len(it.Corrections) != 1 || it.Corrections[0].Previous.For != 5 || it.Corrections[0].Previous.Outcome != model.Adopted {
		t.Errorf("regulation after correction: %+v, vote %+v", it, it.Vote)
	}

	// Item 5: budget voted line by line.
	r.no("amend a line of a plain item", &model.AmendCmd{Session: cmdSID, N: nMinutes, Line: "I.1", Amount: 1, Reason: "x"}, 3, "err.not_budget")
	r.no("amend an unknown line", &model.AmendCmd{Session: cmdSID, N: nBudget, Line: "IX.9", Amount: 1, Reason: "x"}, 4, "err.line_not_found")
	r.no("amend without a reason", &model.AmendCmd{Session: cmdSID, N: nBudget, Line: "II.1", Amount: 1, Reason: " "}, 2, "err.reason_required")
	r.no("amend to a negative amount", &model.AmendCmd{Session: cmdSID, N: nBudget, Line: "II.1", Amount: -1, Reason: "x"}, 2, "err.negative_amount")
	r.no("vote a line before the item starts", &model.VoteCmd{Session: cmdSID, N: nBudget, Line: "I.1", For: 7}, 3, "err.item_not_open")
	r.ok("start budget", ctItem(nBudget, model.ActStart))
	r.ok("amend II.1 before its vote", &model.AmendCmd{Session: cmdSID, N: nBudget, Line: "II.1", Amount: ctCents(t, "1100.00"), Reason: "fuel savings"})
	if l := r.line(nBudget, "II.1"); l.Amount != 110000 || len(l.Amendments) != 1 || l.Amendments[0].From != 120000 ||
		l.Amendments[0].To != 110000 || l.Amendments[0].Reason != "fuel savings" {
		t.Errorf("II.1 after amendment: %+v", l)
	}
	if r.ctItem(nBudget).IsBalanced() {
		t.Errorf("budget balanced after II.1 cut: revenue 1500.00, expense 1400.00")
	}
	r.no("final vote with no line voted", ctVote(nBudget, 7, 0, 0), 3, "err.lines_unvoted")
	r.ok("vote I.1", &model.VoteCmd{Session: cmdSID, N: nBudget, Line: "I.1", For: 7})
	if l := r.line(nBudget, "I.1"); l.Outcome != model.Adopted || l.Vote == nil || r.ctItem(nBudget).State != model.ItemOpen || r.ctItem(nBudget).Outcome != model.Pending {
		t.Errorf("after the vote on I.1: line %+v, item %+v", l, r.ctItem(nBudget))
	}
	r.no("second vote on I.1", &model.VoteCmd{Session: cmdSID, N: nBudget, Line: "I.1", For: 7}, 3, "err.vote_recorded")
	r.no("amend I.1 after its vote", &model.AmendCmd{Session: cmdSID, N: nBudget, Line: "I.1", Amount: 1, Reason: "x"}, 3, "err.amend_after_vote")
	r.no("line tie without chair", &model.VoteCmd{Session: cmdSID, N: nBudget, Line: "II.1", For: 3, Against: 3, Abstain: 1}, 3, "err.tie_needs_chair")
	r.ok("line tie, chair against", &model.VoteCmd{Session: cmdSID, N: nBudget, Line: "II.1", For: 3, Against: 3, Abstain: 1, Chair: model.Against})
	if l := r.line(nBudget, "II.1"); l.Outcome != model.Rejected || l.Vote.Chair != model.Against ||
		l.Vote.Explanation != "rejected: tie 3 for = 3 against, the presiding member voted against; quorum 7/10 ≥ 6" {
		t.Errorf("II.1 after a tie: %+v", l.Vote)
	}
	r.no("correct a line without a reason", &model.VoteCmd{Session: cmdSID, N: nBudget, Line: "II.1", For: 4, Against: 3, Correct: true}, 2, "err.reason_required")
	r.ok("correct II.1", &model.VoteCmd{Session: cmdSID, N: nBudget, Line: "II.1", For: 4, Against: 2, Abstain: 1, Correct: true, Reason: "recount"})
	if l := r.line(nBudget, "II.1"); l.Outcome != model.Adopted || len(l.Corrections) != 1 || l.Corrections[0].Previous.Outcome != model.Rejected {
		t.Errorf("II.1 after correction: %+v", l)
	}
	r.ok("vote II.2", &model.VoteCmd{Session: cmdSID, N: nBudget, Line: "II.2", For: 7})
	r.no("final vote while I.2 has no vote", ctVote(nBudget, 7, 0, 0), 3, "err.lines_unvoted")
	r.ok("amend I.2 to balance", &model.AmendCmd{Session: cmdSID, N: nBudget, Line: "I.2", Amount: ctCents(t, "400.00"), Reason: "lower grant"})
	if !r.ctItem(nBudget).IsBalanced() {
		rev, exp := r.ctItem(nBudget).Totals()
		t.Errorf("budget not balanced after amendments: %s / %s", rev, exp)
	}
	r.ok("vote I.2", &model.VoteCmd{Session: cmdSID, N: nBudget, Line: "I.2", For: 6, Against: 1})
	r.ok("final budget vote", ctVote(nBudget, 7, 0, 0))
	if it := r.ctItem(nBudget); it.Outcome != model.Adopted || it.State != model.ItemEnded || it.Vote == nil {
		t.Errorf("budget after final vote: %+v", it)
	}
	r.no("line vote after the final vote", &model.VoteCmd{Session: cmdSID, N: nBudget, Line: "I.1", For: 7}, 3, "")
	r.no("amend after the final vote", &model.AmendCmd{Session: cmdSID, N: nBudget, Line: "I.1", Amount: 1, Reason: "x"}, 3, "err.amend_after_final")

	// Item 6: budget voted as a whole; unbalanced, then balanced.
	r.ok("start whole budget", ctItem(nWhole, model.ActStart))
	r.no("line vote on a whole budget", &model.VoteCmd{Session: cmdSID, N: nWhole, Line: "R.1", For: 7}, 3, "err.whole_budget")
	r.ok("amend E.1 to unbalance", &model.AmendCmd{Session: cmdSID, N: nWhole, Line: "E.1", Amount: ctCents(t, "300.00"), Reason: "new hall"})
	r.no("final vote unbalanced", ctVote(nWhole, 7, 0, 0), 3, "err.unbalanced")
	r.ok("amend R.1 to balance", &model.AmendCmd{Session: cmdSID, N: nWhole, Line: "R.1", Amount: ctCents(t, "300.00"), Reason: "hall rental"})
	r.ok("final vote balanced", ctVote(nWhole, 7, 0, 0))
	if it := r.ctItem(nWhole); it.Outcome != model.Adopted || it.Lines[0].Outcome != model.Pending || it.Lines[0].Amendments[0].From != 25050 {
		t.Errorf("whole budget after vote: %+v, lines %+v", it, it.Lines)
	}
	r.no("amend a whole budget after its vote", &model.AmendCmd{Session: cmdSID, N: nWhole, Line: "R.1", Amount: 1, Reason: "x"}, 3, "err.amend_after_final")

	// Suspend; the sitting ends, nothing but notes and corrections can change.
	r.ok("suspend", &model.SuspendCmd{Session: cmdSID})
	if s := r.session(); s.State != model.StateSuspended || s.Sitting().End.IsZero() {
		t.Errorf("after suspend: state %s, sitting %+v", s.State, s.Sitting())
	}
	r.no("suspend twice", &model.SuspendCmd{Session: cmdSID}, 3, "err.not_open")
	r.no("attend while suspended", &model.AttendCmd{Session: cmdSID, Arrive: []string{"m08"}}, 3, "err.not_open")
	r.no("start while suspended", ctItem(nAgreement, model.ActStart), 3, "err.not_open")
	r.no("vote while suspended", ctVote(nPending, 7, 0, 0), 3, "err.not_open")
	r.ok("note while suspended", &model.ItemCmd{Session: cmdSID, N: nAgreement, Action: model.ActNote, Text: "to be redrafted"})
	r.no("close with pending items", &model.CloseCmd{Session: cmdSID}, 3, "err.close_pending")

	// Sitting 2 under convocation 2: a new roll call, and quorum by "third".
	r.ok("open sitting 2, call 2", &model.OpenCmd{Session: cmdSID, Call: 2})
	if s := r.session(); len(s.Sittings) != 2 || s.Sitting().N != 2 || s.Sitting().Call != 2 || len(s.Sitting().Attendance) != 0 {
		t.Errorf("sitting 2: %+v", s.Sitting())
	}
	r.quorum(0, 4, "third", false)
	r.ok("restart the deferred agreement", ctItem(nAgreement, model.ActStart))
	if it := r.ctItem(nAgreement); it.State != model.ItemOpen || it.Outcome != model.Pending || it.Sitting != 2 || !it.Ended.IsZero() {
		t.Errorf("agreement restarted: %+v", it)
	}
	r.no("vote before the new roll call", ctVote(nAgreement, 1, 0, 0), 3, "err.no_quorum")
	r.ok("roll call of sitting 2", &model.AttendCmd{Session: cmdSID, Present: []string{"m01", "m02", "m03"}, Absent: []string{"all"}})
	r.quorum(3, 4, "third", false)
	r.ok("one arrives", &model.AttendCmd{Session: cmdSID, Arrive: []string{"m04"}})
	// 4 present ≥ ⌈10/3⌉ = 4; convocation 1's majority (6) would not be met.
	r.quorum(4, 4, "third", true)
	r.no("tie without chair", ctVote(nAgreement, 2, 2, 0), 3, "err.tie_needs_chair")
	r.no("named voter absent in sitting 2", &model.VoteCmd{Session: cmdSID, N: nAgreement, Named: map[string]model.Choice{"m05": model.For}}, 3, "err.voter_not_present")
	r.ok("tie with chair for", &model.VoteCmd{Session: cmdSID, N: nAgreement, For: 2, Against: 2, Chair: model.For})
	it = r.ctItem(nAgreement)
	if it.Outcome != model.Adopted || it.Vote.Sitting != 2 || it.Vote.Present != 4 || it.Vote.Quorum != 4 || it.Vote.Chair != model.For || it.Sitting != 2 {
		t.Errorf("agreement tie: %+v, vote %+v", it, it.Vote)
	}
	if want := "adopted: tie 2 for = 2 against, the presiding member voted for; quorum 4/10 ≥ 4"; it.Vote.Explanation != want {
		t.Errorf("explanation %q, want %q", it.Vote.Explanation, want)
	}
	// A correction in sitting 2 of a vote of sitting 1 keeps sitting 1's base.
	r.ok("correct minutes again in sitting 2", &model.VoteCmd{Session: cmdSID, N: nMinutes, For: 6, Against: 1, Correct: true, Reason: "second recount"})
	if it := r.ctItem(nMinutes); it.Vote.Sitting != 1 || it.Vote.Present != 7 || it.Vote.Quorum != 6 || len(it.Corrections) != 2 || it.Corrections[1].Previous.For != 5 {
		t.Errorf("minutes after second correction: vote %+v, corrections %+v", it.Vote, it.Corrections)
	}

	// Close: refused while item 7 is pending, allowed once it is deferred.
	r.ok("withdraw item 8", ctItem(nWithdrawn, model.ActWithdraw))
	r.no("restart a withdrawn item", ctItem(nWithdrawn, model.ActStart), 3, "err.item_ended")
	r.no("close with item 7 pending", &model.CloseCmd{Session: cmdSID}, 3, "err.close_pending")
	r.ok("start item 7", ctItem(nPending, model.ActStart))
	r.no("close with item 7 under way", &model.CloseCmd{Session: cmdSID}, 3, "err.close_pending")
	r.ok("defer item 7", ctItem(nPending, model.ActDefer))
	r.ok("close", &model.CloseCmd{Session: cmdSID})
	s = r.session()
	if s.State != model.StateClosed || s.Closed.IsZero() || s.Sitting().End.IsZero() || s.Current != 0 {
		t.Errorf("after close: state %s, closed %v, sitting %+v", s.State, s.Closed, s.Sitting())
	}
	want := map[int]model.Outcome{nMinutes: model.Adopted, nReport: model.Noted, nAgreement: model.Adopted, nRegulation: model.Rejected,
		nBudget: model.Adopted, nWhole: model.Adopted, nPending: model.Deferred, nWithdrawn: model.Withdrawn}
	for n, o := range want {
		if got := r.ctItem(n).Outcome; got != o {
			t.Errorf("item %d: outcome %s, want %s", n, got, o)
		}
	}

	// After close, every command is refused.
	for _, tc := range []struct {
		what string
		cmd  model.Command
	}{
		{"open", &model.OpenCmd{Session: cmdSID}},
		{"open call 2", &model.OpenCmd{Session: cmdSID, Call: 2}},
		{"attend", &model.AttendCmd{Session: cmdSID, Present: []string{"all"}}},
		{"start", ctItem(nPending, model.ActStart)},
		{"done", ctItem(nReport, model.ActDone)},
		{"defer", ctItem(nPending, model.ActDefer)},
		{"withdraw", ctItem(nPending, model.ActWithdraw)},
		{"note", &model.ItemCmd{Session: cmdSID, N: nPending, Action: model.ActNote, Text: "late"}},
		{"speaker", &model.SpeakerCmd{Session: cmdSID, N: nPending, Member: "m02", Action: model.SpeakerAdd}},
		{"amend", &model.AmendCmd{Session: cmdSID, N: nBudget, Line: "I.1", Amount: 1, Reason: "x"}},
		{"vote", ctVote(nPending, 4, 0, 0)},
		{"vote line", &model.VoteCmd{Session: cmdSID, N: nBudget, Line: "I.1", For: 4}},
		{"correct", &model.VoteCmd{Session: cmdSID, N: nMinutes, For: 7, Correct: true, Reason: "after close"}},
		{"correct line", &model.VoteCmd{Session: cmdSID, N: nBudget, Line: "I.1", For: 6, Correct: true, Reason: "after close"}},
		{"suspend", &model.SuspendCmd{Session: cmdSID}},
		{"close", &model.CloseCmd{Session: cmdSID}},
		{"init again", testInit(t)},
	} {
		r.no("after close: "+tc.what, tc.cmd, 3, "")
	}

	// Replay: the events give the same state, byte for byte.
	live := r.snapshot()
	if got := r.replayed(); got != live {
		t.Errorf("replay differs from the live state\nlive   %s\nreplay %s", live, got)
	}
	// And the types of the recorded events are the command types.
	var types []string
	for _, ev := range r.events {
		if ev.Session != cmdSID || ev.Actor != "test" || ev.Time.IsZero() {
			t.Errorf("event %+v", ev)
		}
		if !slices.Contains(types, ev.Type) {
			types = append(types, ev.Type)
		}
	}
	slices.Sort(types)
	if got := strings.Join(types, ","); got != "amend,attend,close,correct,init,item,open,speaker,suspend,vote" {
		t.Errorf("event types %s", got)
	}
}

func TestEventDecode(t *testing.T) {
	cmd := &model.VoteCmd{Session: cmdSID, N: 3, For: 2, Against: 2, Chair: model.For, Correct: true, Reason: "r"}
	ev, err := model.NewEvent(cmd, model.Ctx{Time: time.Date(2024, 10, 28, 10, 0, 0, 0, time.UTC), Actor: "test"})
	if err != nil {
		t.Fatal(err)
	}
	if ev.Type != "correct" || ev.Session != cmdSID {
		t.Errorf("event %+v", ev)
	}
	back, err := ev.Decode()
	if err != nil {
		t.Fatal(err)
	}
	if vc, ok := back.(*model.VoteCmd); !ok || vc.N != 3 || vc.Chair != model.For || !vc.Correct || vc.Reason != "r" {
		t.Errorf("decoded %#v", back)
	}
	if _, err := (model.Event{Type: "frobnicate", Data: []byte(`{}`)}).Decode(); err == nil {
		t.Error("unknown event type decoded")
	}
}

func TestExitCode(t *testing.T) {
	for _, tc := range []struct {
		err  error
		want int
	}{
		{nil, 0},
		{model.Failure("x"), 1},
		{model.Usage("x"), 2},
		{model.Refused("x"), 3},
		{model.NotFound("x"), 4},
		{errors.New("plain"), 1},
	} {
		if got := model.ExitCode(tc.err); got != tc.want {
			t.Errorf("ExitCode(%v) = %d, want %d", tc.err, got, tc.want)
		}
	}
}

// setupVoting returns a run with the test session open, all ten members
// present and item 3 under way.
func setupVoting(t *testing.T) *cmdRun {
	r := newCmdRun(t)
	r.ok("init", testInit(t))
	r.ok("open", &model.OpenCmd{Session: cmdSID})
	r.ok("attend", &model.AttendCmd{Session: cmdSID, Present: []string{"all"}})
	r.ok("start", ctItem(nAgreement, model.ActStart))
	return r
}

// A roll-call vote given as "all for" with no exceptions is an empty (non-nil)
// named map and a Rest: it must replay as it was recorded.
func TestNamedAllRestReplays(t *testing.T) {
	r := setupVoting(t)
	r.ok("all for, no exceptions", &model.VoteCmd{Session: cmdSID, N: nAgreement, Named: map[string]model.Choice{}, Rest: model.For})
	if v := r.ctItem(nAgreement).Vote; v.For != 10 || r.ctItem(nAgreement).Outcome != model.Adopted {
		t.Fatalf("vote %+v", v)
	}
	if live, got := r.snapshot(), r.replayed(); live != got {
		var st model.State
		if err := json.Unmarshal([]byte(got), &st); err != nil {
			t.Fatal(err)
		}
		rv := st.Sessions[cmdSID].Items[nAgreement-1].Vote
		t.Logf("live: 10/0/0 adopted; replay: %d/%d/%d %s", rv.For, rv.Against, rv.Abstain, rv.Outcome)
		t.Error("VoteCmd.Named is json:\"named,omitempty\", so an empty named map with Rest is recorded without it " +
			"and replays as a vote by counts (0/0/0, rejected); Apply should take the named path when Named != nil || Rest != \"\"")
	}
}

// applyQuiet applies cmd and says whether the state changed, without failing.
func applyQuiet(r *cmdRun, cmd model.Command) (error, bool) {
	before := r.snapshot()
	err := model.Do(r.st, cmd, r.ctx())
	return err, r.snapshot() != before
}

// Rest takes for, against, abstain or none, like the named choices.
func TestVoteRejectsBadRest(t *testing.T) {
	r := setupVoting(t)
	err, changed := applyQuiet(r, &model.VoteCmd{Session: cmdSID, N: nAgreement, Named: map[string]model.Choice{"m02": model.Against}, Rest: "bogus"})
	if model.ExitCode(err) != 2 || changed {
		t.Errorf("VoteCmd.fillNamed does not check Rest: exit %d, state changed %v (Vote.Named holds %q for 9 members, counted nowhere)",
			model.ExitCode(err), changed, r.ctItem(nAgreement).Vote.Named["m01"])
	}
}

// Chair takes for, against, abstain or none.
func TestVoteRejectsBadChair(t *testing.T) {
	r := setupVoting(t)
	err, changed := applyQuiet(r, &model.VoteCmd{Session: cmdSID, N: nAgreement, For: 4, Against: 4, Chair: "yes"})
	if model.ExitCode(err) != 2 || changed {
		t.Errorf("VoteCmd.Apply does not check Chair: exit %d, state changed %v, explanation %q",
			model.ExitCode(err), changed, r.ctItem(nAgreement).Vote.Explanation)
	}
}

// The refusal of a final vote names how many lines lack a vote.
func TestLinesUnvotedCount(t *testing.T) {
	r := newCmdRun(t)
	init := testInit(t)
	var lines []*model.BudgetLine
	for _, code := range []string{"L1", "L2", "L3", "L4", "L5", "L6", "L7"} {
		lines = append(lines, &model.BudgetLine{Code: code, Label: code, Kind: "revenue"})
	}
	init.Session.Items[nBudget-1].Lines = lines
	r.ok("init", init)
	r.ok("open", &model.OpenCmd{Session: cmdSID})
	r.ok("attend", &model.AttendCmd{Session: cmdSID, Present: []string{"all"}})
	r.ok("start", ctItem(nBudget, model.ActStart))
	r.no("final vote, 7 lines unvoted", ctVote(nBudget, 10, 0, 0), 3, "err.lines_unvoted")
	err := ctVote(nBudget, 10, 0, 0).Apply(r.st, r.ctx())
	var e *model.Error
	if !errors.As(err, &e) || len(e.Args) == 0 {
		t.Fatalf("error %v", err)
	}
	if e.Args[0] != 7 {
		t.Errorf("finalVoteAllowed counts the lines after cutting the list to 5 + \"…\": says %v lines (%q), want 7", e.Args[0], err.Error())
	}
}

// A named vote gives the presiding member's side on a tie; an absent or
// abstaining chair means the tie rejects (SPEC §2).
func TestNamedTieChairSide(t *testing.T) {
	against5 := map[string]model.Choice{"m06": model.Against, "m07": model.Against, "m08": model.Against, "m09": model.Against, "m10": model.Against}
	for _, tc := range []struct {
		name  string
		named map[string]model.Choice
		rest  model.Choice
		want  model.Outcome
		chair model.Choice
	}{
		{"chair with the for side", against5, model.For, model.Adopted, model.For},
		{"chair with the against side", map[string]model.Choice{"m01": model.Against, "m02": model.Against, "m03": model.For, "m04": model.For}, model.NoVote, model.Rejected, model.Against},
		{"chair abstains", map[string]model.Choice{"m01": model.Abstain, "m02": model.Against, "m03": model.For}, model.NoVote, model.Rejected, model.Abstain},
		{"chair does not vote", map[string]model.Choice{"m02": model.Against, "m03": model.For}, model.NoVote, model.Rejected, model.NoVote},
	} {
		t.Run(tc.name, func(t *testing.T) {
			r := setupVoting(t)
			r.ok("named tie", &model.VoteCmd{Session: cmdSID, N: nAgreement, Named: tc.named, Rest: tc.rest})
			v := r.ctItem(nAgreement).Vote
			if v.For != v.Against || v.For == 0 || v.Chair != tc.chair || v.Outcome != tc.want {
				t.Errorf("vote %+v, want a tie, chair %q, %s", v, tc.chair, tc.want)
			}
			if live, got := r.snapshot(), r.replayed(); live != got {
				t.Errorf("replay differs")
			}
		})
	}
}

// SPEC §2: a line may be amended before its vote; a deferred budget has had
// no final vote, so its unvoted lines can still be amended.
func TestAmendDeferredBudget(t *testing.T) {
	r := newCmdRun(t)
	r.ok("init", testInit(t))
	r.ok("open", &model.OpenCmd{Session: cmdSID})
	r.ok("attend", &model.AttendCmd{Session: cmdSID, Present: []string{"all"}})
	r.ok("amend a waiting budget", &model.AmendCmd{Session: cmdSID, N: nWhole, Line: "R.1", Amount: 30000, Reason: "before the item"})
	r.ok("start", ctItem(nWhole, model.ActStart))
	r.ok("defer", ctItem(nWhole, model.ActDefer))
	err, changed := applyQuiet(r, &model.AmendCmd{Session: cmdSID, N: nWhole, Line: "E.1", Amount: 30000, Reason: "while deferred"})
	if err != nil {
		if changed {
			t.Errorf("refused amendment changed the state")
		}
		t.Errorf("AmendCmd.Apply refuses a deferred budget with %q although it has had no final vote", err.Error())
	}
}
