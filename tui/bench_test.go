package tui

import (
	"testing"

	"github.com/jalsa-app/jalsa/model"
	"github.com/jalsa-app/jalsa/tui/bidi"
)

// benchUI is the demo in the middle of its sitting (roll taken, items voted,
// the budget under way) in Arabic, at 160×50.
func benchUI(b *testing.B, mode bidi.Mode) *UI {
	st := demoStore(b)
	openWithRoll(b, st, "m03", "m14", "m15")
	for n := 1; n <= 3; n++ {
		mustDo(b, st, &model.ItemCmd{Session: "2024-10", N: n, Action: model.ActStart})
		if n == 2 {
			mustDo(b, st, &model.ItemCmd{Session: "2024-10", N: n, Action: model.ActDone})
			continue
		}
		mustDo(b, st, &model.VoteCmd{Session: "2024-10", N: n, For: 60, Against: 10, Abstain: 9})
	}
	mustDo(b, st, &model.ItemCmd{Session: "2024-10", N: 10, Action: model.ActStart})
	mustDo(b, st, &model.VoteCmd{Session: "2024-10", N: 10, Line: "I.1.1", For: 60, Against: 10, Abstain: 9})
	return newTestUI(b, st, Options{Lang: "ar", Bidi: mode, Width: 160, Height: 50})
}

func benchView(b *testing.B, m *UI, cold bool) {
	b.ReportAllocs()
	for b.Loop() {
		if cold {
			clear(m.c.cellCache)
		}
		_ = m.View()
	}
}

// BenchmarkCockpitView draws the cockpit at 160×50 (target ≤ 1 ms). Warm:
// titles and names already reordered (every frame but the first after a
// change); cold: every cell reordered again.
// Both bidi modes, to compare what app-side reordering costs.
func BenchmarkCockpitView(b *testing.B) {
	for _, mode := range []bidi.Mode{bidi.ModeApp, bidi.ModeTerminal} {
		for _, cold := range []bool{false, true} {
			name := string(mode) + "/warm"
			if cold {
				name = string(mode) + "/cold"
			}
			b.Run(name, func(b *testing.B) {
				m := benchUI(b, mode)
				press(b, m, "j", "j", "j", "j", "j", "j", "j", "j", "j")
				benchView(b, m, cold)
			})
		}
	}
}

// BenchmarkRollCallView draws the roll call of 82 members at 160×50.
func BenchmarkRollCallView(b *testing.B) {
	for _, cold := range []bool{false, true} {
		name := "warm"
		if cold {
			name = "cold"
		}
		b.Run(name, func(b *testing.B) {
			m := benchUI(b, bidi.ModeApp)
			press(b, m, "a")
			benchView(b, m, cold)
		})
	}
}

// BenchmarkFormsView draws the screens a sitting spends its time on, at
// 160×50 in Arabic: the vote by counts, the named grid, the budget with its
// subtotals, the notes and speakers.
func BenchmarkFormsView(b *testing.B) {
	for _, c := range []struct {
		name string
		keys []string
	}{
		{"vote", []string{"enter", "v", "6", "0", "tab", "1", "0"}},
		{"named", []string{"enter", "v", "N", "2", "j", "3"}},
		{"budget", []string{"enter"}},
		{"notes", []string{"n"}},
	} {
		b.Run(c.name, func(b *testing.B) {
			m := benchUI(b, bidi.ModeApp)
			press(b, m, c.keys...)
			benchView(b, m, false)
		})
	}
}
