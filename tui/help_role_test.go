package tui

import (
	"strings"
	"testing"

	"github.com/charmbracelet/bubbles/key"
	"github.com/jalsa-app/jalsa/model"
)

// helpShown is every binding m's help offers on the screen shown: its help
// bar and its full help (the screen's keys, those one enter away, those of
// every screen), as the role of the moment sees them.
func helpShown(m *UI) []key.Binding {
	c, p := m.c, m.pages[m.active]
	bs := c.shown(append(p.ShortHelp(), c.Keys.Help))
	for _, g := range p.FullHelp() {
		bs = append(bs, c.shown(g)...)
	}
	if more, ok := p.(moreHelp); ok {
		_, mb := more.MoreHelp()
		bs = append(bs, c.shown(mb)...)
	}
	return append(bs, c.shown(m.globalHelp())...)
}

// writesShown are the bindings of helpShown that record something.
func writesShown(m *UI) []string {
	var w []string
	for _, b := range helpShown(m) {
		if m.c.Keys.writes[b.Help()] {
			w = append(w, b.Help().Key+" "+b.Help().Desc)
		}
	}
	return w
}

// An observer's help, on every screen and every state of the cockpit's
// items, lists no key that records something; made clerk in place, the
// same screens offer them again.
func TestObserverHelpListsNoWrite(t *testing.T) {
	st := demoStore(t)
	openWithRoll(t, st, "m03", "m14")
	mustDo(t, st, &model.ItemCmd{Session: "2024-10", N: 1, Action: model.ActStart})
	mustDo(t, st, &model.VoteCmd{Session: "2024-10", N: 1, For: 70, Against: 5, Abstain: 5})
	mustDo(t, st, &model.ItemCmd{Session: "2024-10", N: 10, Action: model.ActStart})
	walks := [][]string{{}, {"esc"}, {"a"}, {"n"}, {"n", "tab"}, {"n", "tab", "tab"}, {"/"}, {"/", "اتفاقية", "enter"},
		{"m"}, {"B"}, {"?"}, {"e"}, {"e", "?"}}
	for i := range 11 {
		walks = append(walks, []string{"home"}, append(repeat(i, "down"), "?"), append(repeat(i, "down"), "enter"), append(repeat(i, "down"), "n"))
	}
	seenWrite := false
	for _, role := range []string{model.RoleObserver, model.RoleDisplay} {
		for _, keys := range walks {
			m := newTestUI(t, st, Options{Session: "2024-10", Role: role, Access: NewAccess(role)})
			press(t, m, keys...)
			if w := writesShown(m); len(w) > 0 {
				t.Errorf("%s after %v (screen %d): the help offers %v", role, keys, m.active, w)
			}
			if role == model.RoleDisplay {
				continue
			}
			bar := view(t, m)
			bar = bar[strings.LastIndex(bar, "\n"):]
			for _, w := range []key.Binding{m.c.Keys.Start, m.c.Keys.Vote, m.c.Keys.Defer, m.c.Keys.Close, m.c.Keys.Toggle} {
				if strings.Contains(bar, w.Help().Desc) {
					t.Errorf("observer after %v: the help bar shows %q: %s", keys, w.Help().Desc, bar)
				}
			}
			m.c.access.Set(model.RoleClerk)
			m.Update(RoleMsg{})
			seenWrite = seenWrite || len(writesShown(m)) > 0
		}
	}
	if !seenWrite {
		t.Error("made clerk, no screen offered a key that records: the test proves nothing")
	}
	// The cockpit of a pending item, made clerk in place: start and defer come back.
	m := newTestUI(t, st, Options{Session: "2024-10", Role: model.RoleObserver, Access: NewAccess(model.RoleObserver)})
	press(t, m, "down")
	m.c.access.Set(model.RoleClerk)
	m.Update(RoleMsg{})
	if w := writesShown(m); !strings.Contains(strings.Join(w, ","), m.c.Keys.Start.Help().Desc) {
		t.Errorf("the clerk's cockpit of a pending item offers %v, want start among them", w)
	}
}

// repeat is n copies of k.
func repeat(n int, k string) []string {
	out := make([]string, n)
	for i := range out {
		out[i] = k
	}
	return out
}
