package tui

import (
	"runtime"
	"strconv"
	"testing"

	"github.com/jalsa-app/jalsa/model"
	"pgregory.net/rapid"
)

// A clerk made observer mid-note loses the note, with a notice, and the
// screens read only; made clerk again, the same UI records.
func TestRoleChangeInPlace(t *testing.T) {
	m, sess := votingOn(t, 5)
	press(t, m, "n", "half a note")
	m.c.access.Set(model.RoleObserver)
	m.Update(RoleMsg{})
	v := view(t, m)
	contains(t, v, "now makes you an observer: what you were writing was not")
	if m.active != screenCockpit || m.capturing() {
		t.Fatalf("after the demotion: screen %d, capturing %v", m.active, m.capturing())
	}
	press(t, m, "n", "a note", "enter")
	if n := len(sess().Items[4].Notes); n != 0 {
		t.Fatalf("an observer recorded %d notes", n)
	}
	m.c.access.Set(model.RoleClerk)
	m.Update(RoleMsg{})
	contains(t, view(t, m), "now makes you a clerk: you may record")
	press(t, m, "n", "a note", "enter")
	if n := len(sess().Items[4].Notes); n != 1 {
		t.Fatalf("the clerk again recorded %d notes, want 1", n)
	}
}

// A note typed while the role changes is recorded only if it was written
// before the change took effect: however the keystrokes and the change
// interleave, nothing is recorded once Set has returned, every note
// recorded was acknowledged on screen, and once the UI reads the RoleMsg
// it shows the observer's screens.
func TestNoWriteAfterRoleChange(t *testing.T) {
	st := demoStore(t)
	openWithRoll(t, st, "m03", "m14")
	mustDo(t, st, &model.ItemCmd{Session: "2024-10", N: 5, Action: model.ActStart})
	rapid.Check(t, func(rt *rapid.T) {
		m := newTestUI(t, st, Options{Access: NewAccess(model.RoleClerk)})
		notes := rapid.IntRange(1, 8).Draw(rt, "notes")
		yields := rapid.IntRange(0, 200).Draw(rt, "yields before the change")
		before := len(session(t, st, "2024-10").Items[4].Notes)
		acknowledged := make(chan int, 1)
		go func() {
			ok := 0
			for i := range notes {
				press(t, m, "n", "note "+strconv.Itoa(i), "enter")
				if m.c.statusBad == false && m.c.status != "" {
					ok++
				}
				press(t, m, "esc")
				runtime.Gosched()
			}
			acknowledged <- ok
		}()
		for range yields {
			runtime.Gosched()
		}
		m.c.access.Set(model.RoleObserver)
		atChange := st.Seq()
		ok := <-acknowledged
		if st.Seq() != atChange {
			rt.Fatalf("%d events recorded after the role change", st.Seq()-atChange)
		}
		if got := len(session(t, st, "2024-10").Items[4].Notes) - before; got != ok {
			rt.Fatalf("%d notes recorded, %d acknowledged", got, ok)
		}
		m.Update(RoleMsg{})
		if m.c.Role != model.RoleObserver || !m.c.ReadOnly() {
			rt.Fatalf("the UI shows the role %q", m.c.Role)
		}
	})
}
