package model

import "testing"

// TestBalanceLocked: a budget is locked out of balance only when it must
// balance, does not, has had no final vote, and every line has its vote.
func TestBalanceLocked(t *testing.T) {
	voted := &Vote{For: 1}
	line := func(kind string, amount Cents, v *Vote) *BudgetLine {
		return &BudgetLine{Code: kind + "-" + amount.String(), Kind: kind, Amount: amount, Vote: v}
	}
	for _, c := range []struct {
		name string
		it   Item
		want bool
	}{
		{"all voted, unbalanced", Item{Balanced: true, Lines: []*BudgetLine{line("revenue", 100, voted), line("expense", 90, voted)}}, true},
		{"all voted, balanced", Item{Balanced: true, Lines: []*BudgetLine{line("revenue", 100, voted), line("expense", 100, voted)}}, false},
		{"one line still open", Item{Balanced: true, Lines: []*BudgetLine{line("revenue", 100, voted), line("expense", 90, nil)}}, false},
		{"balance not required", Item{Lines: []*BudgetLine{line("revenue", 100, voted), line("expense", 90, voted)}}, false},
		{"final vote taken", Item{Balanced: true, Vote: voted, Lines: []*BudgetLine{line("revenue", 100, voted), line("expense", 90, voted)}}, false},
		{"voted as a whole, no line votes", Item{Balanced: true, Lines: []*BudgetLine{line("revenue", 100, nil), line("expense", 90, nil)}}, false},
		{"no lines", Item{Balanced: true}, false},
	} {
		if got := c.it.BalanceLocked(); got != c.want {
			t.Errorf("%s: BalanceLocked = %v, want %v", c.name, got, c.want)
		}
	}
}
