package tui

import (
	"testing"

	"github.com/jalsa-app/jalsa/model"
)

func TestRollCall(t *testing.T) {
	st := demoStore(t)
	mustDo(t, st, &model.OpenCmd{Session: "2024-10", Call: 1})
	m := newTestUI(t, st, Options{})
	press(t, m, "a")
	contains(t, view(t, m), "present 0 · excused 0 · absent 82", "NO QUORUM")
	press(t, m, "A")
	contains(t, view(t, m), "present 82/82", "quorum (≥ 42)")
	press(t, m, "j", "space", "j", "x")
	sit := session(t, st, "2024-10").Sitting()
	if sit.Attendance["m02"] != model.Absent || sit.Attendance["m03"] != model.Excused || sit.Attendance["m01"] != model.Present {
		t.Fatalf("attendance %v", sit.Attendance)
	}
	for _, mv := range sit.Moves {
		if mv.Kind != "roll" {
			t.Errorf("before any item starts, every change is the roll: %+v", mv)
		}
	}
	requireGolden(t, m)
}

func TestRollCallFindsAsYouType(t *testing.T) {
	st := demoStore(t)
	openWithRoll(t, st)
	m := newTestUI(t, st, Options{})
	press(t, m, "a", "tab", "m14")
	v := view(t, m)
	contains(t, v, "m14")
	rc := m.pages[screenRollCall].(*rollCall)
	if got := rc.visible(); len(got) != 1 || got[0].ID != "m14" {
		t.Fatalf("m14 finds %v", got)
	}
	// Arabic folding: without hamza, the name with hamza is found.
	rc.find.SetValue("ادريس")
	if got := rc.visible(); len(got) != 1 || got[0].ID != "m04" {
		t.Fatalf("ادريس should find إدريس بوعزة (m04), got %v", got)
	}
	press(t, m, "esc")
	if len(rc.visible()) != 82 {
		t.Fatalf("esc clears the search")
	}
	press(t, m, "tab", "m14", "enter", "space")
	if p := session(t, st, "2024-10").Sitting().Attendance["m14"]; p != model.Absent {
		t.Fatalf("m14 toggled: %s", p)
	}
	requireGolden(t, m)
}

func TestRollCallRecordsArrivalsOnceItemsStarted(t *testing.T) {
	st := demoStore(t)
	openWithRoll(t, st, "m02")
	mustDo(t, st, &model.ItemCmd{Session: "2024-10", N: 1, Action: model.ActStart})
	m := newTestUI(t, st, Options{})
	press(t, m, "a")
	contains(t, view(t, m), "arrivals and departures")
	press(t, m, "space", "j", "space")
	moves := session(t, st, "2024-10").Sitting().Moves
	last := moves[len(moves)-2:]
	if last[0].Member != "m01" || last[0].Kind != "leave" || last[1].Member != "m02" || last[1].Kind != "arrive" {
		t.Fatalf("moves %+v, want m01 leaves then m02 arrives", last)
	}
}

// Home and End reach the ends of the list; while the search has the focus
// a space is text, not a toggle; enter lands on the member found.
func TestRollCallKeys(t *testing.T) {
	st := demoStore(t)
	openWithRoll(t, st)
	m := newTestUI(t, st, Options{})
	press(t, m, "a", "end")
	rc := m.pages[screenRollCall].(*rollCall)
	if rc.cursor.pos != 81 {
		t.Fatalf("end: row %d, want 82", rc.cursor.pos+1)
	}
	press(t, m, "home")
	if rc.cursor.pos != 0 {
		t.Fatalf("home: row %d", rc.cursor.pos+1)
	}
	press(t, m, "tab", "عبد", "space", "الحق")
	if got := rc.find.Value(); got != "عبد الحق" {
		t.Fatalf("the search holds %q", got)
	}
	if p := session(t, st, "2024-10").Sitting().Attendance; p["m01"] != model.Present || len(rc.visible()) != 1 {
		t.Fatalf("space toggled a member while searching, or the search finds %d", len(rc.visible()))
	}
	press(t, m, "enter", "space")
	if p := session(t, st, "2024-10").Sitting().Attendance["m11"]; p != model.Absent {
		t.Fatalf("enter lands on عبد الحق الشامي (m11), space marks him absent: %s", p)
	}
}

// During the sitting a departure is shown with its time, as the minutes
// report it; a resumed session takes the last sitting's roll with one key.
func TestRollCallDeparturesAndResumption(t *testing.T) {
	st := demoStore(t)
	openWithRoll(t, st, "m02")
	mustDo(t, st, &model.AttendCmd{Session: "2024-10", Excused: []string{"m03"}})
	mustDo(t, st, &model.ItemCmd{Session: "2024-10", N: 1, Action: model.ActStart})
	m := newTestUI(t, st, Options{})
	press(t, m, "a", "space")
	clock := m.c.Clock(session(t, st, "2024-10").Sitting().Moves[len(session(t, st, "2024-10").Sitting().Moves)-1].Time)
	contains(t, view(t, m), "left at "+clock, "left at "+m.c.Clock(m.c.Now()))
	press(t, m, "esc")
	mustDo(t, st, &model.SuspendCmd{Session: "2024-10"})
	mustDo(t, st, &model.OpenCmd{Session: "2024-10", Call: 1})
	m.Update(ChangeMsg{Seq: st.Seq()})
	press(t, m, "a")
	contains(t, view(t, m), "The session resumes: L takes the roll")
	press(t, m, "L")
	sit := session(t, st, "2024-10").Sitting()
	if sit.N != 2 || sit.Attendance["m01"] != model.Absent || sit.Attendance["m02"] != model.Absent ||
		sit.Attendance["m03"] != model.Excused || sit.Attendance["m04"] != model.Present {
		t.Fatalf("sitting %d: %v", sit.N, sit.Attendance)
	}
	contains(t, view(t, m), "attendance as at the end of sitting 1")
}
