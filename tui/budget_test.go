package tui

import (
	"testing"

	"github.com/jalsa-app/jalsa/model"
)

func TestBudget(t *testing.T) {
	m, sess := votingOn(t, 10)
	press(t, m, "j", "j", "j", "j", "j", "j", "j", "j", "j", "enter")
	if m.active != screenBudget {
		t.Fatalf("enter on the budget: screen %d", m.active)
	}
	contains(t, view(t, m), "0/37 lines voted", "revenue 17,072,560.50 · expense 17,072,560.50 · balance 0.00", "✓ balanced")
	// Amend the first line, then vote it.
	press(t, m, "e")
	if !m.pages[screenBudget].(*budget).Capturing() {
		t.Fatal("the amendment form takes the keys")
	}
	// The amount is written the screen's one way, and read back in that
	// form or plainly.
	contains(t, view(t, m), "[4,800,000.00▏")
	for range len("4,800,000.00") {
		press(t, m, "backspace")
	}
	press(t, m, "4.900.000", "enter")
	contains(t, view(t, m), `"4.900.000" is not an amount: write it as 1,234,567.89`)
	for range len("4.900.000") {
		press(t, m, "backspace")
	}
	press(t, m, "4,900,000.00", "enter")
	contains(t, view(t, m), "an amendment needs a reason")
	press(t, m, "new tariff", "enter")
	l := sess().Items[9].Lines[0]
	if l.Amount != 490000000 || len(l.Amendments) != 1 || l.Amendments[0].Reason != "new tariff" {
		t.Fatalf("line I.1.1: %s, amendments %+v", l.Amount, l.Amendments)
	}
	contains(t, view(t, m), "line I.1.1 amended to 4,900,000.00", "NOT balanced", "amended 4,800,000.00 → 4,900,000.00: new tariff")
	press(t, m, "v", "70", "tab", "5", "tab", "0", "enter")
	if m.active != screenBudget {
		t.Fatalf("after a line vote: screen %d, want the budget", m.active)
	}
	if l := sess().Items[9].Lines[0]; l.Vote == nil || l.Outcome != model.Adopted {
		t.Fatalf("line I.1.1 vote %+v", l.Vote)
	}
	if b := m.pages[screenBudget].(*budget); b.cursor.pos != 1 {
		t.Fatalf("after a line's vote the cursor is on line %d, want the next one", b.cursor.pos+1)
	}
	press(t, m, "k", "e")
	contains(t, view(t, m), "line I.1.1 has been voted")
	// The final vote is refused while lines have no vote.
	press(t, m, "V")
	if m.active != screenBudget {
		t.Fatal("the final vote must not open with lines unvoted")
	}
	contains(t, view(t, m), "36 budget lines have no vote yet")
	requireGolden(t, m)
}

// TestBudgetLockedOutOfBalance: once every line of an unbalanced budget
// has its vote, no amendment can balance it; the screen says so and what
// is left to do.
func TestBudgetLockedOutOfBalance(t *testing.T) {
	st := demoStore(t)
	openWithRoll(t, st, "m03", "m14")
	mustDo(t, st, &model.ItemCmd{Session: "2024-10", N: 10, Action: model.ActStart})
	lines := session(t, st, "2024-10").Items[9].Lines
	mustDo(t, st, &model.AmendCmd{Session: "2024-10", N: 10, Line: lines[0].Code, Amount: lines[0].Amount + 100, Reason: "new tariff"})
	for _, l := range lines[:len(lines)-1] {
		mustDo(t, st, &model.VoteCmd{Session: "2024-10", N: 10, Line: l.Code, For: 60, Against: 5})
	}
	m := newTestUI(t, st, Options{})
	press(t, m, "j", "j", "j", "j", "j", "j", "j", "j", "j", "enter")
	contains(t, view(t, m), "36/37 lines voted · amend before the last line's vote")
	mustDo(t, st, &model.VoteCmd{Session: "2024-10", N: 10, Line: lines[len(lines)-1].Code, For: 60, Against: 5})
	m.Update(ChangeMsg{Seq: st.Seq()})
	contains(t, view(t, m), "37/37 lines voted · the final vote will be refused: defer the item")
}

// esc on an amendment with something typed asks before discarding it.
func TestAmendEscAsks(t *testing.T) {
	m, sess := votingOn(t, 10)
	press(t, m, "enter", "e", "esc")
	if m.pages[screenBudget].(*budget).form != nil {
		t.Fatal("esc on an untouched amendment leaves it at once")
	}
	press(t, m, "e", "tab", "new tariff", "esc")
	contains(t, view(t, m), "Discard the amendment of line I.1.1 typed so far?")
	press(t, m, "esc")
	if f := m.pages[screenBudget].(*budget).form; f == nil || f.reason.Value() != "new tariff" {
		t.Fatal("esc on the question keeps the form as typed")
	}
	press(t, m, "esc", "enter")
	if m.pages[screenBudget].(*budget).form != nil || len(sess().Items[9].Lines[0].Amendments) != 0 {
		t.Fatal("enter on the question discards the amendment")
	}
}
