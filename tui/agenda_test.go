package tui

import (
	"slices"
	"testing"

	"github.com/jalsa-app/jalsa/model"
)

func titles(s *model.Session) []string {
	var out []string
	for _, it := range s.Items {
		out = append(out, it.Title)
	}
	return out
}

// The agenda of the demo's draft October session, changed by keys: an item
// moved, one added with its kind and majority chosen from the lists, one
// edited in place, one removed only once the question is answered.
func TestAgendaScreen(t *testing.T) {
	st := demoStore(t)
	m := newTestUI(t, st, Options{Session: "2024-10"})
	before := titles(session(t, st, "2024-10"))
	press(t, m, "e")
	if m.active != screenAgenda {
		t.Fatalf("e in the cockpit: screen %d, want the agenda", m.active)
	}
	contains(t, view(t, m), "Agenda of session 2024-10 (draft)", "10 budget", "lines: 37")

	press(t, m, "j", "K")
	want := slices.Clone(before)
	want[0], want[1] = want[1], want[0]
	if got := titles(session(t, st, "2024-10")); !slices.Equal(got, want) {
		t.Fatalf("after K on item 2: %v", got)
	}
	contains(t, view(t, m), "item 2 is now item 1")

	// A new item after the selected one: its kind two to the right of
	// agreement (budget), its majority two to the right of the body's rule
	// (members voting).
	press(t, m, "+", "Flood relief", "tab", "right", "right", "tab", "right", "right", "tab", "The assembly grants the aid.")
	requireGolden(t, m)
	press(t, m, "enter")
	s := session(t, st, "2024-10")
	it := s.Items[1]
	if len(s.Items) != 11 || it.Title != "Flood relief" || it.Kind != model.KindBudget || it.Majority != model.MajorityVoting || it.Text != "The assembly grants the aid." {
		t.Fatalf("added item %+v of %d", it, len(s.Items))
	}
	contains(t, view(t, m), "item 2 added")

	// Edit in place: the title, and back to the body's rule.
	press(t, m, "enter")
	contains(t, view(t, m), "Item 2", "[Flood relief")
	press(t, m, " fund", "tab", "tab", "left", "left", "enter")
	if it := session(t, st, "2024-10").Items[1]; it.Title != "Flood relief fund" || it.Majority != "" {
		t.Fatalf("edited item %+v", it)
	}

	// Removal asks first; esc keeps the item.
	press(t, m, "x")
	contains(t, view(t, m), "Remove item 2 «Flood relief fund» from the agenda?")
	press(t, m, "esc")
	if n := len(session(t, st, "2024-10").Items); n != 11 {
		t.Fatalf("esc removed the item: %d items", n)
	}
	press(t, m, "x", "enter")
	if got := titles(session(t, st, "2024-10")); !slices.Equal(got, want) {
		t.Fatalf("after the removal: %v", got)
	}
	contains(t, view(t, m), "item 2 removed")
	press(t, m, "esc")
	if m.active != screenCockpit {
		t.Fatalf("esc from the agenda: screen %d, want the cockpit", m.active)
	}
}

// The same screen in Arabic, laid out from the right, at 80×24 and 160×50.
func TestAgendaScreenArabic(t *testing.T) {
	for _, size := range [][2]int{{80, 24}, {160, 50}} {
		st := demoStore(t)
		m := newTestUI(t, st, Options{Session: "2024-10", Lang: "ar", Width: size[0], Height: size[1]})
		press(t, m, "e", "+", "دعم المتضررين", "tab")
		view(t, m)
		if size[0] == 80 {
			requireGolden(t, m)
		}
		press(t, m, "enter")
		if it := session(t, st, "2024-10").Items[1]; it.Title != "دعم المتضررين" || it.Kind != model.KindAgreement {
			t.Fatalf("%dx%d: added %+v", size[0], size[1], it)
		}
	}
}

// Once the session is open the agenda takes only an urgent item, with its
// reason; and an observer changes nothing.
func TestAgendaScreenOpenAndReadOnly(t *testing.T) {
	st := demoStore(t)
	openWithRoll(t, st)
	m := newTestUI(t, st, Options{Session: "2024-10"})
	press(t, m, "e")
	// The help bar offers only what the screen still does.
	for _, b := range m.pages[m.active].ShortHelp() {
		if k := b.Help().Key; k != "+" && (b.Keys()[0] == "x" || b.Keys()[0] == "K" || b.Keys()[0] == "J" || b.Help().Desc == m.c.T("tui.key.edit_item")) {
			t.Errorf("an open session's agenda offers %s (%s)", k, b.Help().Desc)
		}
	}
	press(t, m, "j", "K")
	contains(t, view(t, m), "its agenda no longer changes")
	press(t, m, "+")
	contains(t, view(t, m), "Urgent item, added during the session", "Reason")
	press(t, m, "Flood relief", "enter")
	contains(t, view(t, m), "a reason is required")
	press(t, m, "tab", "tab", "tab", "tab", "the floods", "enter")
	s := session(t, st, "2024-10")
	if it := s.Items[len(s.Items)-1]; len(s.Items) != 11 || it.Urgent == nil || it.Urgent.Reason != "the floods" {
		t.Fatalf("urgent item %+v", it)
	}

	obs := newTestUI(t, st, Options{Session: "2024-10", Role: model.RoleObserver})
	press(t, obs, "e", "+")
	contains(t, view(t, obs), "the observer role may look but not change anything")
}

// An urgent budget item gets its lines from the command line (the UI
// imports none): adding one says how, while the item still waits.
func TestUrgentBudgetSaysWhereLinesComeFrom(t *testing.T) {
	st := demoStore(t)
	openWithRoll(t, st)
	m := newTestUI(t, st, Options{Session: "2024-10", Width: 160, Height: 50})
	press(t, m, "e", "+", "Supplementary budget", "tab")
	for model.ItemKinds[m.pages[screenAgenda].(*agendaScreen).form.kind] != model.KindBudget {
		press(t, m, "right")
	}
	press(t, m, "tab", "tab", "tab", "the floods", "enter")
	s := session(t, st, "2024-10")
	if it := s.Items[len(s.Items)-1]; it.Kind != model.KindBudget || it.Urgent == nil {
		t.Fatalf("urgent item %+v", it)
	}
	contains(t, view(t, m), "import its lines: jalsa budget 2024-10 11 import FILE")
}
