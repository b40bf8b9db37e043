package tui

import (
	"context"
	"io"
	"path/filepath"
	"strings"
	"testing"
	"time"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/lipgloss"
	"github.com/charmbracelet/x/exp/golden"
	"github.com/jalsa-app/jalsa/cli"
	"github.com/jalsa-app/jalsa/model"
	"github.com/jalsa-app/jalsa/store"
	"github.com/jalsa-app/jalsa/tui/bidi"
	"github.com/muesli/termenv"
)

// testNow is the wall clock the screens see in tests.
var testNow = time.Date(2024, 10, 28, 10, 30, 0, 0, time.UTC)

// demoStore opens a fresh database with the demo loaded; events are stamped
// by a clock that starts at testNow and moves a second per event.
func demoStore(t testing.TB) *store.Store {
	t.Helper()
	at := testNow
	st, err := store.Open(filepath.Join(t.TempDir(), "j.db"), store.Options{Clock: func() time.Time {
		at = at.Add(time.Second)
		return at
	}})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	env := &cli.Env{Getenv: func(string) string { return "" }, Actor: "test"}
	if err := cli.LoadDemo(context.Background(), env, st); err != nil {
		t.Fatal(err)
	}
	return st
}

// asciiRenderer draws without colours, so views compare as plain text.
func asciiRenderer() *lipgloss.Renderer {
	return lipgloss.NewRenderer(io.Discard, termenv.WithProfile(termenv.Ascii))
}

// bidiUnset asks newTestUI for a UI started without --bidi (its default
// is app mode).
const bidiUnset bidi.Mode = "unset"

// newTestUI builds the root model at a fixed size with the ASCII renderer.
func newTestUI(t testing.TB, st *store.Store, o Options) *UI {
	t.Helper()
	o.Store = st
	o.Renderer = asciiRenderer()
	if o.Lang == "" {
		o.Lang = "en"
	}
	switch o.Bidi {
	case "":
		o.Bidi = bidi.ModeApp
	case bidiUnset:
		o.Bidi = ""
	}
	if o.Actor == "" {
		o.Actor = "clerk"
	}
	if o.Width == 0 {
		o.Width, o.Height = 80, 24
	}
	if o.Prefs == "" {
		// Never the tester's own choices, and never written there.
		o.Prefs = filepath.Join(t.TempDir(), "prefs.json")
	}
	m := newUI(o)
	m.c.Now = func() time.Time { return testNow.Add(2 * time.Minute) }
	return m
}

// keyMsg turns a key name as bubbletea writes it ("enter", "ctrl+c",
// "shift+tab", "a") into a key message.
func keyMsg(k string) tea.KeyMsg {
	names := map[string]tea.KeyType{
		"enter": tea.KeyEnter, "esc": tea.KeyEscape, "tab": tea.KeyTab, "shift+tab": tea.KeyShiftTab,
		"up": tea.KeyUp, "down": tea.KeyDown, "left": tea.KeyLeft, "right": tea.KeyRight,
		"pgup": tea.KeyPgUp, "pgdown": tea.KeyPgDown, "backspace": tea.KeyBackspace,
		"space": tea.KeySpace, "ctrl+c": tea.KeyCtrlC, "home": tea.KeyHome, "end": tea.KeyEnd,
	}
	if k == "space" {
		// As a terminal gives it.
		return tea.KeyMsg{Type: tea.KeySpace, Runes: []rune{' '}}
	}
	if t, ok := names[k]; ok {
		return tea.KeyMsg{Type: t}
	}
	return tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune(k)}
}

// press sends keys to m; a key longer than one rune that is not a key name
// is typed rune by rune.
func press(t testing.TB, m *UI, keys ...string) tea.Cmd {
	t.Helper()
	var cmd tea.Cmd
	for _, k := range keys {
		msg := keyMsg(k)
		if msg.Type == tea.KeyRunes && len(msg.Runes) > 1 {
			for _, r := range msg.Runes {
				_, cmd = m.Update(tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune{r}})
			}
			continue
		}
		_, cmd = m.Update(msg)
	}
	return cmd
}

// view draws m and checks what every frame must satisfy: exactly the
// terminal's height, no line wider than it, and (with the ASCII renderer)
// not a single escape character.
func view(t testing.TB, m *UI) string {
	t.Helper()
	v := m.View()
	lines := strings.Split(v, "\n")
	if len(lines) != m.c.Height && !m.tooSmall() {
		t.Errorf("view has %d lines, want %d", len(lines), m.c.Height)
	}
	for i, l := range lines {
		if w := ansiWidth(l); w > m.c.Width {
			t.Errorf("line %d is %d cells wide, more than %d: %q", i+1, w, m.c.Width, l)
		}
	}
	if strings.ContainsRune(v, '\x1b') {
		t.Errorf("view holds an escape character:\n%q", v)
	}
	return v
}

// requireGolden compares the view with testdata/<test name>.golden
// (go test -update writes it).
func requireGolden(t *testing.T, m *UI) {
	t.Helper()
	golden.RequireEqual(t, []byte(view(t, m)))
}

// session reads a copy of session id.
func session(t testing.TB, st *store.Store, id string) *model.Session {
	t.Helper()
	var s *model.Session
	st.Read(func(state *model.State) { s = deepCopy(state.Sessions[id]) })
	if s == nil {
		t.Fatalf("no session %s", id)
	}
	return s
}

// mustDo carries out cmd on the store as another operator would.
func mustDo(t testing.TB, st *store.Store, cmd model.Command) {
	t.Helper()
	if _, err := st.Do("other", cmd); err != nil {
		t.Fatal(err)
	}
}

// openWithRoll opens the October sitting with everyone present but absent.
func openWithRoll(t testing.TB, st *store.Store, absent ...string) {
	t.Helper()
	mustDo(t, st, &model.OpenCmd{Session: "2024-10", Call: 1})
	cmd := &model.AttendCmd{Session: "2024-10", Present: []string{"all"}}
	if len(absent) > 0 {
		cmd.Absent = absent
	}
	mustDo(t, st, cmd)
}

// contains fails unless the view holds every one of want.
func contains(t testing.TB, v string, want ...string) {
	t.Helper()
	for _, w := range want {
		if !strings.Contains(v, w) {
			t.Errorf("view lacks %q:\n%s", w, v)
		}
	}
}
