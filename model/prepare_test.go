package model_test

import (
	"fmt"
	"slices"
	"strings"
	"testing"

	"github.com/jalsa-app/jalsa/model"
	"pgregory.net/rapid"
)

const bodyID = "cat"

func ptr[T any](v T) *T { return &v }

// preparedRun is a record with a body of five members created by the
// roster commands, and a draft session 2025-02 with two items.
func preparedRun(t *testing.T) *cmdRun {
	r := newCmdRun(t)
	r.ok("body create", &model.BodyCreateCmd{ID: bodyID, Name: "Chamber", Language: "en"})
	r.ok("import", &model.MembersImportCmd{Body: bodyID, Members: []model.Member{
		{ID: "m1", Name: "Amina", Role: "president", Gender: model.Female},
		{ID: "m2", Name: "Brahim", Role: "secretary", Gender: model.Male},
		{ID: "m3", Name: "Chama", Role: "member"},
		{ID: "m4", Name: "Driss", Role: "vice-president", Since: "2024-01-01"},
		{ID: "m5", Name: "Elmehdi"},
	}})
	r.ok("new", &model.NewSessionCmd{Body: bodyID, ID: "2025-02", Title: "February", Date: "2025-02-24"})
	r.ok("add 1", &model.AgendaCmd{Session: "2025-02", Action: model.AgendaAdd, Title: ptr("Minutes"), Kind: ptr(model.KindMinutes)})
	r.ok("add 2", &model.AgendaCmd{Session: "2025-02", Action: model.AgendaAdd, Title: ptr("Agreement"), Kind: ptr(model.KindAgreement)})
	return r
}

func (r *cmdRun) sessionOf(id string) *model.Session {
	r.t.Helper()
	s, err := r.st.Session(id)
	if err != nil {
		r.t.Fatal(err)
	}
	return s
}

// rollOf lists the ids and roles on a session's roll.
func (r *cmdRun) rollOf(id string) []string {
	var out []string
	for _, m := range r.st.BodyOf(r.sessionOf(id)).Members {
		out = append(out, m.ID+":"+m.Name+":"+m.Role)
	}
	return out
}

func TestNewSessionTakesTheRoster(t *testing.T) {
	r := preparedRun(t)
	s := r.sessionOf("2025-02")
	if s.State != model.StateDraft || s.Chair != "m1" || s.Secretary != "m2" || s.Kind != "ordinary" {
		t.Errorf("draft %+v: want chair m1 (president), secretary m2, ordinary", s)
	}
	if got := len(r.st.BodyOf(s).Members); got != 5 || r.st.BodyOf(s).Seats != 5 {
		t.Errorf("roll of %d, seats %d; want the five members, seats following them", got, r.st.BodyOf(s).Seats)
	}
	// The event says who the command chose.
	if r.events[2].Type != "new" || !strings.Contains(string(r.events[2].Data), `"chair":"m1"`) || !strings.Contains(string(r.events[2].Data), `"secretary":"m2"`) {
		t.Errorf("new's event %s does not name the chair and secretary chosen", r.events[2].Data)
	}
	r.no("same id", &model.NewSessionCmd{Body: bodyID, ID: "2025-02", Title: "x", Date: "2025-03-01"}, 3, "err.session_exists")
	r.no("chair unknown", &model.NewSessionCmd{Body: bodyID, ID: "s2", Title: "x", Date: "2025-03-01", Chair: "zz"}, 4, "err.member_not_found")
	r.no("chair not yet in office", &model.NewSessionCmd{Body: bodyID, ID: "s2", Title: "x", Date: "2023-03-01", Chair: "m4"}, 3, "err.not_on_roll")
	r.no("bad date", &model.NewSessionCmd{Body: bodyID, ID: "s2", Title: "x", Date: "2025-02-30"}, 2, "sessionfile.not_date")
	r.no("bad time", &model.NewSessionCmd{Body: bodyID, ID: "s2", Title: "x", Date: "2025-03-01", Time: "25:00"}, 2, "sessionfile.time")
	r.no("convened after", &model.NewSessionCmd{Body: bodyID, ID: "s2", Title: "x", Date: "2025-03-01", Convened: "2025-03-02"}, 2, "err.convened_after")
	r.no("second body", &model.BodyCreateCmd{ID: "other", Name: "Other"}, 3, "err.body_exists")
	r.no("speaking time over 4h", &model.NewSessionCmd{Body: bodyID, ID: "s2", Title: "x", Date: "2025-03-01", SpeakingTime: 4*3600 + 1}, 2, "sessionfile.speaking_time")
	r.no("speaking time below 0", &model.EditSessionCmd{Session: "2025-02", SpeakingTime: ptr(-1)}, 2, "sessionfile.speaking_time")
	r.ok("speaking time", &model.EditSessionCmd{Session: "2025-02", SpeakingTime: ptr(210)})
	if got := r.sessionOf("2025-02").SpeakingTime; got != 210 {
		t.Errorf("speaking time %d s after edit, want 210", got)
	}
	if r.replayed() != r.snapshot() {
		t.Error("replaying the events does not give the same record")
	}
}

// A closed session keeps the names, roles and members it had; the next
// session's roll has neither the member who left nor the old details.
func TestPastSessionsKeepTheirRoll(t *testing.T) {
	r := preparedRun(t)
	r.ok("open", &model.OpenCmd{Session: "2025-02"})
	r.ok("attend", &model.AttendCmd{Session: "2025-02", Present: []string{"all"}})
	r.ok("start 1", &model.ItemCmd{Session: "2025-02", N: 1, Action: model.ActStart})
	r.ok("vote 1", &model.VoteCmd{Session: "2025-02", N: 1, For: 5})
	r.ok("start 2", &model.ItemCmd{Session: "2025-02", N: 2, Action: model.ActStart})
	r.ok("vote 2", &model.VoteCmd{Session: "2025-02", N: 2, For: 4, Against: 1})
	before := r.rollOf("2025-02")

	// During the open session: m3 voted, so cannot have left before it.
	r.no("departure before a vote", &model.MemberLeaveCmd{Body: bodyID, ID: "m3", Date: "2025-02-01"}, 3, "err.leave_took_part")
	r.no("departure before arrival", &model.MemberLeaveCmd{Body: bodyID, ID: "m4", Date: "2023-12-31"}, 2, "err.leave_before")
	r.no("a chair who took part", &model.MemberLeaveCmd{Body: bodyID, ID: "m1", Date: "2025-02-24"}, 3, "err.leave_took_part")
	r.ok("close", &model.CloseCmd{Session: "2025-02"})

	r.ok("m3 leaves", &model.MemberLeaveCmd{Body: bodyID, ID: "m3", Date: "2025-03-01", Reason: "resigned"})
	r.no("m3 leaves twice", &model.MemberLeaveCmd{Body: bodyID, ID: "m3", Date: "2025-03-02"}, 3, "err.member_left")
	r.ok("m2 renamed and treasurer", &model.MemberSetCmd{Body: bodyID, ID: "m2", Name: ptr("Brahim El Idrissi"), Role: ptr("treasurer"), Date: "2025-03-01"})
	r.ok("m6 arrives", &model.MemberAddCmd{Body: bodyID, Member: model.Member{ID: "m6", Name: "Fatima", Since: "2025-03-01"}})
	r.ok("seats fixed", &model.BodySetCmd{Body: bodyID, Seats: ptr(7), LegalBasis: ptr("Law 18-09")})

	if got := r.rollOf("2025-02"); !slices.Equal(got, before) {
		t.Errorf("the closed session's roll changed:\n got %v\nwant %v", got, before)
	}
	if b := r.st.BodyOf(r.sessionOf("2025-02")); b.Seats != 5 || b.LegalBasis != "" {
		t.Errorf("the closed session sees seats %d and legal basis %q, the body's of its time are 5 and none", b.Seats, b.LegalBasis)
	}
	r.ok("next session", &model.NewSessionCmd{Body: bodyID, ID: "2025-06", Title: "June", Date: "2025-06-23"})
	want := []string{"m1:Amina:president", "m2:Brahim El Idrissi:treasurer", "m4:Driss:vice-president", "m5:Elmehdi:", "m6:Fatima:"}
	if got := r.rollOf("2025-06"); !slices.Equal(got, want) {
		t.Errorf("next session's roll:\n got %v\nwant %v", got, want)
	}
	if b := r.st.BodyOf(r.sessionOf("2025-06")); b.Seats != 7 || b.LegalBasis != "Law 18-09" {
		t.Errorf("the next session sees seats %d and legal basis %q", b.Seats, b.LegalBasis)
	}
	if r.replayed() != r.snapshot() {
		t.Error("replaying the events does not give the same record")
	}
}

func TestRosterRefusals(t *testing.T) {
	r := preparedRun(t)
	r.no("duplicate id", &model.MemberAddCmd{Body: bodyID, Member: model.Member{ID: "m1", Name: "Again"}}, 3, "err.member_exists")
	r.no("unknown role", &model.MemberAddCmd{Body: bodyID, Member: model.Member{ID: "m9", Name: "X", Role: "king"}}, 2, "err.unknown_role")
	r.no("bad gender", &model.MemberAddCmd{Body: bodyID, Member: model.Member{ID: "m9", Name: "X", Gender: "x"}}, 2, "sessionfile.not_one_of")
	r.no("reserved id", &model.MemberAddCmd{Body: bodyID, Member: model.Member{ID: "all", Name: "X"}}, 2, "sessionfile.reserved_all")
	r.no("no name", &model.MemberAddCmd{Body: bodyID, Member: model.Member{ID: "m9"}}, 2, "sessionfile.empty_value")
	r.no("name too long", &model.MemberAddCmd{Body: bodyID, Member: model.Member{ID: "m9", Name: string(make([]byte, model.MaxName+1))}}, 2, "")
	r.no("isolate in a name", &model.MemberAddCmd{Body: bodyID, Member: model.Member{ID: "m9", Name: "A\u2067B"}}, 2, "text.control")
	r.no("unknown member", &model.MemberSetCmd{Body: bodyID, ID: "zz", Name: ptr("Z")}, 4, "err.member_not_found")
	r.no("nothing to set", &model.MemberSetCmd{Body: bodyID, ID: "m1"}, 2, "err.member_set_none")
	r.no("chair of a draft leaves", &model.MemberLeaveCmd{Body: bodyID, ID: "m1", Date: "2025-01-01"}, 3, "err.leave_officer")
	r.no("import: a duplicate row", &model.MembersImportCmd{Body: bodyID, Members: []model.Member{{ID: "m8", Name: "H"}, {ID: "m8", Name: "H"}}}, 2, "err.id_row_twice")
	r.no("import: departure before arrival", &model.MembersImportCmd{Body: bodyID, Members: []model.Member{{ID: "m8", Name: "H", Since: "2025-01-02", Until: "2025-01-01"}}}, 2, "err.leave_before")
	r.no("import: unknown role in row 2", &model.MembersImportCmd{Body: bodyID, Members: []model.Member{{ID: "m8", Name: "H"}, {ID: "m9", Name: "I", Role: "chief"}}}, 2, "err.unknown_role")
	r.ok("seats fixed at 5", &model.BodySetCmd{Body: bodyID, Seats: ptr(5)})
	r.no("seats full", &model.MemberAddCmd{Body: bodyID, Member: model.Member{ID: "m9", Name: "I"}}, 3, "err.seats_full")
	r.no("seats below the members", &model.BodySetCmd{Body: bodyID, Seats: ptr(4)}, 2, "sessionfile.seats_below")
	// A row's fault says which row.
	err := (&model.MembersImportCmd{Body: bodyID, Members: []model.Member{{ID: "m8", Name: "H"}, {ID: "m9", Name: "I", Role: "chief"}}}).Apply(r.st, r.ctx())
	var re *model.RowError
	if !asRowError(err, &re) || re.Row != 1 {
		t.Errorf("import error %v: want a *RowError for row 1", err)
	}
}

func asRowError(err error, re **model.RowError) bool {
	for err != nil {
		if e, ok := err.(*model.RowError); ok {
			*re = e
			return true
		}
		u, ok := err.(interface{ Unwrap() error })
		if !ok {
			return false
		}
		err = u.Unwrap()
	}
	return false
}

// An import updates known members (a change of role dated), brings new
// ones, records departures, and leaves the others alone.
func TestMembersImportUpdates(t *testing.T) {
	r := preparedRun(t)
	r.ok("second import", &model.MembersImportCmd{Body: bodyID, Date: "2025-01-15", Members: []model.Member{
		{ID: "m3", Name: "Chama", Role: "treasurer"},
		{ID: "m5", Name: "Elmehdi", Until: "2025-01-31"},
		{ID: "m7", Name: "Ghita", Gender: model.Female},
	}})
	b := r.st.Bodies[bodyID]
	kinds := map[string]string{}
	for _, ch := range b.Changes {
		kinds[ch.Member.ID] = ch.Kind + " " + ch.Date
	}
	for id, want := range map[string]string{"m3": "member 2025-01-15", "m5": "leave 2025-01-31", "m7": "arrive "} {
		if kinds[id] != want {
			t.Errorf("%s: last change %q, want %q", id, kinds[id], want)
		}
	}
	if got := r.rollOf("2025-02"); !slices.Equal(got, []string{"m1:Amina:president", "m2:Brahim:secretary", "m3:Chama:treasurer", "m4:Driss:vice-president", "m7:Ghita:"}) {
		t.Errorf("draft roll after the import: %v", got)
	}
	r.no("a departed member listed without a departure", &model.MembersImportCmd{Body: bodyID, Members: []model.Member{{ID: "m5", Name: "Elmehdi"}}}, 3, "err.member_left")
	n := len(r.st.Bodies[bodyID].Changes)
	r.ok("the same list again", &model.MembersImportCmd{Body: bodyID, Members: []model.Member{{ID: "m3", Name: "Chama", Role: "treasurer"}}})
	if len(r.st.Bodies[bodyID].Changes) != n {
		t.Error("importing what the roster holds recorded changes")
	}
}

func TestAgendaOfADraft(t *testing.T) {
	r := preparedRun(t)
	sid := "2025-02"
	titles := func() []string {
		var out []string
		for i, it := range r.sessionOf(sid).Items {
			if it.N != i+1 {
				t.Errorf("item %d numbered %d", i+1, it.N)
			}
			out = append(out, it.Title)
		}
		return out
	}
	r.ok("add budget at 1", &model.AgendaCmd{Session: sid, Action: model.AgendaAdd, Title: ptr("Budget"), Kind: ptr(model.KindBudget), At: 1})
	if got := titles(); !slices.Equal(got, []string{"Budget", "Minutes", "Agreement"}) {
		t.Errorf("agenda %v", got)
	}
	r.ok("move 1 to 3", &model.AgendaCmd{Session: sid, Action: model.AgendaMove, N: 1, To: 3})
	r.ok("edit 2", &model.AgendaCmd{Session: sid, Action: model.AgendaEdit, N: 2, Title: ptr("Partnership"), Majority: ptr("two-thirds-present"), Text: ptr(" The assembly approves. ")})
	if got := titles(); !slices.Equal(got, []string{"Minutes", "Partnership", "Budget"}) {
		t.Errorf("agenda %v", got)
	}
	if it := r.sessionOf(sid).Items[1]; it.Majority != model.MajorityTwoThirdsPresent || it.Text != "The assembly approves." || !it.Votes {
		t.Errorf("edited item %+v", it)
	}
	r.no("open with a budget without lines", &model.OpenCmd{Session: sid}, 3, "err.budget_no_lines")
	r.ok("budget lines", &model.BudgetImportCmd{Session: sid, N: 3, Lines: []model.BudgetLine{
		{Code: "R1", Part: "1", Kind: "revenue", Label: "Levy", Amount: 100000},
		{Code: "E1", Part: "2", Kind: "expense", Label: "Staff", Amount: 100000},
	}, Parts: map[string]string{"1": "Revenue", "2": "Expense"}})
	r.no("budget: a part no line is in", &model.BudgetImportCmd{Session: sid, N: 3, Lines: []model.BudgetLine{{Code: "R1", Kind: "revenue", Label: "L", Amount: 1}}, Parts: map[string]string{"9": "x"}}, 2, "sessionfile.part_unused")
	r.no("budget: duplicate code", &model.BudgetImportCmd{Session: sid, N: 3, Lines: []model.BudgetLine{{Code: "R1", Kind: "revenue", Label: "L", Amount: 1}, {Code: "R1", Kind: "expense", Label: "L", Amount: 1}}}, 2, "err.id_row_twice")
	r.no("budget: not a budget", &model.BudgetImportCmd{Session: sid, N: 1, Lines: []model.BudgetLine{{Code: "R1", Kind: "revenue", Label: "L", Amount: 1}}}, 3, "err.not_budget")
	r.no("kind of a budget with lines", &model.AgendaCmd{Session: sid, Action: model.AgendaEdit, N: 3, Kind: ptr(model.KindOther)}, 3, "err.agenda_has_lines")
	r.no("unknown kind", &model.AgendaCmd{Session: sid, Action: model.AgendaAdd, Title: ptr("X"), Kind: ptr("agrement")}, 2, "sessionfile.not_one_of")
	r.no("unknown majority", &model.AgendaCmd{Session: sid, Action: model.AgendaEdit, N: 2, Majority: ptr("most")}, 2, "sessionfile.not_one_of")
	r.no("no title", &model.AgendaCmd{Session: sid, Action: model.AgendaAdd, Kind: ptr(model.KindOther)}, 2, "sessionfile.missing")
	r.no("move out of range", &model.AgendaCmd{Session: sid, Action: model.AgendaMove, N: 1, To: 9}, 2, "sessionfile.number_range")
	r.no("remove 9", &model.AgendaCmd{Session: sid, Action: model.AgendaRemove, N: 9}, 4, "err.item_not_found")
	r.no("urgent on a draft", &model.AgendaCmd{Session: sid, Action: model.AgendaAdd, Title: ptr("U"), Kind: ptr(model.KindOther), Urgent: true, Reason: "why"}, 3, "err.urgent_draft")

	r.ok("open", &model.OpenCmd{Session: sid})
	r.no("plain add once open", &model.AgendaCmd{Session: sid, Action: model.AgendaAdd, Title: ptr("X"), Kind: ptr(model.KindOther)}, 3, "err.agenda_open_add")
	r.no("move once open", &model.AgendaCmd{Session: sid, Action: model.AgendaMove, N: 1, To: 2}, 3, "err.agenda_open")
	r.no("urgent without reason", &model.AgendaCmd{Session: sid, Action: model.AgendaAdd, Title: ptr("U"), Kind: ptr(model.KindOther), Urgent: true}, 2, "err.reason_required")
	r.no("urgent in the middle", &model.AgendaCmd{Session: sid, Action: model.AgendaAdd, Title: ptr("U"), Kind: ptr(model.KindOther), Urgent: true, Reason: "why", At: 1}, 3, "err.urgent_at")
	r.ok("urgent", &model.AgendaCmd{Session: sid, Action: model.AgendaAdd, Title: ptr("Flood relief"), Kind: ptr(model.KindAgreement), Urgent: true, Reason: "the floods"})
	it := r.sessionOf(sid).Items[3]
	if it.N != 4 || it.Urgent == nil || it.Urgent.Reason != "the floods" || it.Urgent.Sitting != 1 || it.Urgent.Time.IsZero() || !it.Votes {
		t.Errorf("urgent item %+v", it)
	}
	if r.replayed() != r.snapshot() {
		t.Error("replaying the events does not give the same record")
	}
}

// Any sequence of agenda commands on a draft keeps the agenda a list
// numbered from 1 that the same edits of a plain list give; whatever is
// refused changes nothing; the events replay to the same record.
func TestAgendaEditsAgreeWithAList(t *testing.T) {
	rapid.Check(t, func(rt *rapid.T) {
		r := preparedRun(t)
		want := []string{"Minutes", "Agreement"}
		for i := range rapid.IntRange(1, 30).Draw(rt, "steps") {
			n := len(want)
			switch rapid.IntRange(0, 3).Draw(rt, "action") {
			case 0:
				at := rapid.IntRange(0, n+2).Draw(rt, "at")
				title := fmt.Sprintf("T%d", i)
				cmd := &model.AgendaCmd{Session: "2025-02", Action: model.AgendaAdd, Title: ptr(title), Kind: ptr(model.KindOther), At: at}
				if at > n+1 {
					r.no("add out of range", cmd, 2, "sessionfile.number_range")
					continue
				}
				r.ok("add", cmd)
				pos := n
				if at > 0 {
					pos = at - 1
				}
				want = slices.Insert(want, pos, title)
			case 1:
				if n == 0 {
					continue
				}
				from, to := rapid.IntRange(1, n).Draw(rt, "from"), rapid.IntRange(1, n).Draw(rt, "to")
				r.ok("move", &model.AgendaCmd{Session: "2025-02", Action: model.AgendaMove, N: from, To: to})
				it := want[from-1]
				want = slices.Insert(slices.Delete(want, from-1, from), to-1, it)
			case 2:
				k := rapid.IntRange(1, n+1).Draw(rt, "remove")
				cmd := &model.AgendaCmd{Session: "2025-02", Action: model.AgendaRemove, N: k}
				if k > n {
					r.no("remove missing", cmd, 4, "err.item_not_found")
					continue
				}
				r.ok("remove", cmd)
				want = slices.Delete(want, k-1, k)
			case 3:
				if n == 0 {
					continue
				}
				k := rapid.IntRange(1, n).Draw(rt, "edit")
				title := fmt.Sprintf("E%d", i)
				r.ok("edit", &model.AgendaCmd{Session: "2025-02", Action: model.AgendaEdit, N: k, Title: ptr(title)})
				want[k-1] = title
			}
		}
		var got []string
		for i, it := range r.sessionOf("2025-02").Items {
			if it.N != i+1 {
				rt.Fatalf("item %d numbered %d", i+1, it.N)
			}
			got = append(got, it.Title)
		}
		if !slices.Equal(got, want) {
			rt.Fatalf("agenda %v, want %v", got, want)
		}
		if r.replayed() != r.snapshot() {
			rt.Fatal("replaying the events does not give the same record")
		}
	})
}

// A session file that names its body by its id alone takes the roster the
// database holds; one for a body the database lacks must state it.
func TestInitOnTheRoster(t *testing.T) {
	r := preparedRun(t)
	file := `body: {id: cat}
session: {id: 2025-06, title: June, date: 2025-06-23, chair: m1}
agenda: [{title: Minutes, kind: minutes}]
`
	cmd, err := model.LoadSessionFile("june.yaml", []byte(file))
	if err != nil {
		t.Fatal(err)
	}
	r.ok("init on the roster", cmd)
	if got := len(r.rollOf("2025-06")); got != 5 {
		t.Errorf("roll of %d, want the roster's 5", got)
	}
	other, _ := model.LoadSessionFile("x.yaml", []byte(`body: {id: elsewhere}
session: {id: s9, title: X, date: 2025-06-23, chair: m1}
agenda: [{title: Minutes, kind: minutes}]
`))
	r.no("a body the database lacks", other, 2, "err.init_new_body")
	if _, err := model.LoadSessionFile("y.yaml", []byte(`body: {id: cat, language: fr}
session: {id: s9, title: X, date: 2025-06-23, chair: m1}
agenda: [{title: Minutes, kind: minutes}]
`)); err == nil || !strings.Contains(err.Error(), "body.name: required field is missing") {
		t.Errorf("a body with details but no name: %v", err)
	}
}
