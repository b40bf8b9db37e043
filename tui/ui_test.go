package tui

import (
	"context"
	"slices"
	"strings"
	"testing"
	"time"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/jalsa-app/jalsa/cli"
	"github.com/jalsa-app/jalsa/i18n"
	"github.com/jalsa-app/jalsa/model"
	"github.com/jalsa-app/jalsa/tui/bidi"
)

func TestCatalog(t *testing.T) { i18n.CheckCatalog(t) }

func TestHome(t *testing.T) {
	st := demoStore(t)
	m := newTestUI(t, st, Options{})
	if m.active != screenHome {
		t.Fatalf("no sitting under way: want home, got screen %d", m.active)
	}
	requireGolden(t, m)
	press(t, m, "enter")
	if m.active != screenCockpit || m.c.SessionID != "2024-10" {
		t.Fatalf("enter on the first session: screen %d, session %q", m.active, m.c.SessionID)
	}
}

func TestStartsOnTheSittingUnderWay(t *testing.T) {
	st := demoStore(t)
	openWithRoll(t, st)
	mustDo(t, st, &model.ItemCmd{Session: "2024-10", N: 3, Action: model.ActStart})
	m := newTestUI(t, st, Options{})
	if m.active != screenCockpit || m.c.SessionID != "2024-10" {
		t.Fatalf("screen %d session %q, want the cockpit of 2024-10", m.active, m.c.SessionID)
	}
	if it := m.pages[screenCockpit].(*cockpit).selected(); it == nil || it.N != 3 {
		t.Fatalf("the cursor should start on the item under way (3), got %+v", it)
	}
}

func TestTooSmall(t *testing.T) {
	st := demoStore(t)
	for _, size := range [][2]int{{79, 24}, {80, 23}, {40, 10}} {
		m := newTestUI(t, st, Options{Width: size[0], Height: size[1]})
		v := m.View()
		contains(t, v, "80×24", "q")
		if strings.Count(v, "\n") >= size[1] {
			t.Errorf("%v: the message takes %d lines", size, strings.Count(v, "\n")+1)
		}
	}
	m := newTestUI(t, st, Options{Width: 60, Height: 20})
	if cmd := press(t, m, "q"); cmd == nil {
		t.Error("q must quit from a window too small to draw")
	}
	m.Update(tea.WindowSizeMsg{Width: 80, Height: 24})
	requireGolden(t, m)
}

// A client that reports no size (0×0: ssh -tt from a script) is drawn at
// 80×24, not left blank or told its window is too small.
func TestUnknownSizeDrawsAt80x24(t *testing.T) {
	st := demoStore(t)
	m := newTestUI(t, st, Options{})
	m.Update(tea.WindowSizeMsg{Width: 0, Height: 0})
	if m.c.Width != minWidth || m.c.Height != minHeight {
		t.Fatalf("0×0: drawn at %d×%d, want %d×%d", m.c.Width, m.c.Height, minWidth, minHeight)
	}
	v := view(t, m)
	contains(t, v, "Sessions", "Recent decisions")
	if strings.Contains(v, "80×24") {
		t.Errorf("0×0: the too-small message:\n%s", v)
	}
}

func TestQuitFromHomeAndCockpitOnly(t *testing.T) {
	st := demoStore(t)
	m := newTestUI(t, st, Options{Session: "2024-10"})
	press(t, m, "a")
	if m.active != screenRollCall {
		t.Fatalf("a: screen %d", m.active)
	}
	if cmd := press(t, m, "q"); cmd != nil {
		t.Error("q must not quit from the roll call")
	}
	press(t, m, "esc")
	if m.active != screenCockpit {
		t.Fatalf("esc from the roll call: screen %d", m.active)
	}
	cmd := press(t, m, "q")
	if cmd == nil {
		t.Fatal("q must quit from the cockpit")
	}
	if _, ok := cmd().(tea.QuitMsg); !ok {
		t.Error("q: the command is not tea.Quit")
	}
	if cmd := press(t, newTestUI(t, st, Options{}), "ctrl+c"); cmd == nil {
		t.Error("ctrl+c must quit")
	}
}

// SPEC §6 keys, each of which the full help must list.
var specKeys = []string{"↑/k", "↓/j", "enter", "esc", "tab", "?", "/", "a", "v", "s", "n", "m", "D", "q", "ctrl+c"}

func TestFullHelpListsEveryKey(t *testing.T) {
	st := demoStore(t)
	m := newTestUI(t, st, Options{Session: "2024-10"})
	press(t, m, "?")
	v := view(t, m)
	keys := slices.Clone(specKeys)
	for _, g := range m.pages[m.active].FullHelp() {
		for _, b := range g {
			keys = append(keys, b.Help().Key)
		}
	}
	for _, b := range m.globalHelp() {
		keys = append(keys, b.Help().Key)
	}
	for _, k := range keys {
		if !strings.Contains(v, " "+k+" ") && !strings.HasPrefix(v, k+" ") && !strings.Contains(v, "\n"+k+" ") {
			t.Errorf("full help lacks %q", k)
		}
	}
	requireGolden(t, m)
	press(t, m, "?")
	if m.showHelp {
		t.Error("a key closes the full help")
	}
}

func TestEscapeSequencesInDataAreNeutralised(t *testing.T) {
	st := demoStore(t)
	evil := "\x1b[2J\x1b]0;owned\x07"
	mustDo(t, st, &model.InitCmd{
		Body: model.Body{ID: "evil", Name: "Body", Language: "en", Seats: 2, Rules: model.DefaultRules(),
			Members: []model.Member{{ID: "m1", Name: "One"}, {ID: "m2", Name: "Two"}}},
		Session: model.Session{ID: "evil-1", Title: "Title", Date: "2030-01-01", Chair: "m1",
			Items: []*model.Item{{Title: "Item", Kind: model.KindAgreement, Votes: true, Text: "text"}}},
	})
	mustDo(t, st, &model.OpenCmd{Session: "evil-1"})
	mustDo(t, st, &model.AttendCmd{Session: "evil-1", Present: []string{"all"}})
	mustDo(t, st, &model.ItemCmd{Session: "evil-1", N: 1, Action: model.ActNote, Text: "note"})
	// The model refuses control characters in anything a user gives (SPEC
	// §11); a record written before it did may still hold them, so they
	// are put into the state as such a record would load.
	st.Read(func(s *model.State) {
		b, sess := s.Bodies["evil"], s.Sessions["evil-1"]
		b.Name += evil
		b.Members[0].Name, b.Members[1].Name = evil, "Two\r\nlines"
		sess.Title += evil
		it := sess.Items[0]
		it.Title, it.Text, it.Notes[0].Text = it.Title+evil, "text\x1b[31m", "note"+evil
	})
	m := newTestUI(t, st, Options{Renderer: asciiRenderer()})
	for _, keys := range [][]string{nil, {"a"}, {"esc", "n"}, {"esc", "D"}, {"esc", "/"}} {
		press(t, m, keys...)
		v := view(t, m) // fails on any escape character
		if strings.Contains(v, "owned\x07") || strings.ContainsRune(v, '\r') {
			t.Errorf("after %v: control characters reached the screen: %q", keys, v)
		}
	}
}

func TestLiveUpdateFromAnotherClient(t *testing.T) {
	st := demoStore(t)
	openWithRoll(t, st)
	a := newTestUI(t, st, Options{Actor: "fatima"})
	b := newTestUI(t, st, Options{Actor: "observer", Role: model.RoleObserver})
	b.Init()
	defer func() { _ = b.quit() }() // unsubscribe; the returned tea.Quit is not needed
	wait := b.wait()
	press(t, a, "a", "space") // m01 leaves
	msg := wait()
	if _, ok := msg.(ChangeMsg); !ok {
		t.Fatalf("b got %T, want a ChangeMsg", msg)
	}
	b.Update(msg)
	contains(t, view(t, b), "present 81/82")
}

func TestSubscriptionEndsWithContext(t *testing.T) {
	st := demoStore(t)
	ctx, cancel := context.WithCancel(context.Background())
	m := newTestUI(t, st, Options{Context: ctx})
	m.Init()
	wait := m.wait()
	cancel()
	if msg := wait(); msg != nil {
		t.Fatalf("after the context ends the wait returns nil, got %T", msg)
	}
	// The subscription is gone: a change no longer reaches the channel.
	openWithRoll(t, st)
	if _, ok := <-m.sub; ok {
		t.Error("the subscription channel is still open")
	}
}

// A change that arrives after the program has ended is taken by the last
// wait, which nobody re-arms: the subscription must still end with the
// context, and a wait made after that returns at once.
func TestSubscriptionEndsWithContextAfterALateChange(t *testing.T) {
	st := demoStore(t)
	ctx, cancel := context.WithCancel(context.Background())
	m := newTestUI(t, st, Options{Context: ctx})
	m.Init()
	wait := m.wait()
	openWithRoll(t, st)
	if _, ok := wait().(ChangeMsg); !ok {
		t.Fatal("the wait did not return the change")
	}
	cancel()
	closed := make(chan struct{})
	go func() {
		for range m.sub { // changes published before the end
		}
		close(closed)
	}()
	select {
	case <-closed:
	case <-time.After(10 * time.Second):
		t.Fatal("the subscription outlived its context")
	}
	if msg := m.wait()(); msg != nil {
		t.Fatalf("a wait on an ended subscription returns nil, got %T", msg)
	}
	m.quit() // unsubscribes once only: a second time must be harmless
}

func TestObserverIsRefusedEveryChange(t *testing.T) {
	st := demoStore(t)
	openWithRoll(t, st)
	mustDo(t, st, &model.ItemCmd{Session: "2024-10", N: 1, Action: model.ActStart})
	before := st.Seq()
	m := newTestUI(t, st, Options{Role: model.RoleObserver})
	attempts := [][]string{{"s"}, {"v"}, {"d"}, {"f"}, {"w"}, {"o"}, {"p"}, {"X"}, {"c"},
		{"a", "space"}, {"a", "A"}, {"a", "x"}, {"n", "tab", "tab", "+"}, {"n", "hello", "enter"}, {"u"}}
	for _, keys := range attempts {
		m = newTestUI(t, st, Options{Role: model.RoleObserver})
		press(t, m, keys...)
		if !m.c.statusBad || !strings.Contains(m.c.status, "observer role may look but not change") {
			t.Errorf("%v: want a refusal on the status line, got %q", keys, m.c.status)
		}
	}
	if st.Seq() != before {
		t.Errorf("an observer changed the record: %d events, want %d", st.Seq(), before)
	}
	requireGolden(t, m)
}

func TestDisplayOpensTheAudienceDisplay(t *testing.T) {
	st := demoStore(t)
	m := newTestUI(t, st, Options{Role: model.RoleDisplay})
	if m.active != screenAudience {
		t.Fatalf("display: screen %d, want the audience display", m.active)
	}
	v := view(t, m)
	contains(t, v, "No sitting under way")
	if strings.Contains(v, "? help") {
		t.Error("a display shows no keys")
	}
	// The sitting opens elsewhere: the display follows.
	m.Init()
	defer func() { _ = m.quit() }() // unsubscribe; the returned tea.Quit is not needed
	wait := m.wait()
	openWithRoll(t, st)
	m.Update(wait())
	contains(t, view(t, m), "The sitting is open")
	press(t, m, "esc", "/", "a")
	if m.active != screenAudience {
		t.Errorf("a display cannot leave the audience display (screen %d)", m.active)
	}
}

// A display that connects while a sitting is under way shows it at once,
// not "no sitting under way" until the next change.
func TestDisplayJoinsTheSittingUnderWay(t *testing.T) {
	st := demoStore(t)
	openWithRoll(t, st)
	mustDo(t, st, &model.ItemCmd{Session: "2024-10", N: 3, Action: model.ActStart})
	m := newTestUI(t, st, Options{Role: model.RoleDisplay})
	if m.c.Data.Session == nil || m.c.Data.Session.ID != "2024-10" {
		t.Fatalf("display: session %+v loaded, want 2024-10", m.c.Data.Session)
	}
	v := view(t, m)
	contains(t, v, "under way", "Item 3/")
	if strings.Contains(v, "No sitting under way") {
		t.Errorf("a display opened during a sitting says there is none:\n%s", v)
	}
}

func TestArabicCockpitModes(t *testing.T) {
	st := demoStore(t)
	openWithRoll(t, st, "m03", "m14")
	mustDo(t, st, &model.ItemCmd{Session: "2024-10", N: 1, Action: model.ActStart})
	mustDo(t, st, &model.VoteCmd{Session: "2024-10", N: 1, For: 70, Against: 5, Abstain: 5})
	for _, mode := range []bidi.Mode{bidi.ModeApp, bidi.ModeTerminal} {
		t.Run(string(mode), func(t *testing.T) {
			m := newTestUI(t, st, Options{Lang: "ar", Bidi: mode, Width: 100, Height: 30})
			requireGolden(t, m)
		})
	}
}

func TestKeysTypedTogetherAreTakenOneByOne(t *testing.T) {
	st := demoStore(t)
	openWithRoll(t, st)
	m := newTestUI(t, st, Options{})
	// A fast typist (or tmux send-keys) gives "jsd" in one message: move
	// down, start the item, end it; then the vote screen takes digits as a
	// number.
	m.Update(tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune("jsd")})
	if it := session(t, st, "2024-10").Items[1]; it.Outcome != model.Noted {
		t.Fatalf("item 2: %s, want noted", it.Outcome)
	}
	// The cursor went on to item 3.
	press(t, m, "s", "v")
	m.Update(tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune("42")})
	if v := m.pages[screenVote].(*vote); v.counts[0] != "42" {
		t.Fatalf("for = %q, want 42", v.counts[0])
	}
}

func TestRunNeedsATerminal(t *testing.T) {
	st := demoStore(t)
	env := &cli.Env{Getenv: func(string) string { return "" }}
	err := Run(context.Background(), env, st, cli.UIOptions{Lang: "en"})
	if err == nil || model.ExitCode(err) != 1 || !strings.Contains(model.Message(err, "en"), "needs a terminal") {
		t.Fatalf("without a terminal: %v", err)
	}
}
