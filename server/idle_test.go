package server

import (
	"sync/atomic"
	"testing"
	"time"

	tea "github.com/charmbracelet/bubbletea"
)

// counter is a model that counts the messages that reach it.
type counter struct{ n *int }

func (c counter) Init() tea.Cmd                       { return nil }
func (c counter) Update(tea.Msg) (tea.Model, tea.Cmd) { *c.n++; return c, nil }
func (c counter) View() string                        { return "" }

func TestIdleModel(t *testing.T) {
	now := time.Date(2024, 10, 28, 9, 0, 0, 0, time.UTC)
	clock := func() time.Time { return now }
	var expired atomic.Bool
	var seen int
	var m tea.Model = newIdleModel(counter{&seen}, 30*time.Minute, clock, &expired)

	step := func(d time.Duration, msg tea.Msg) tea.Cmd {
		now = now.Add(d)
		var cmd tea.Cmd
		m, cmd = m.Update(msg)
		return cmd
	}
	// Redraws and other messages do not count as activity.
	step(10*time.Minute, tea.WindowSizeMsg{Width: 80, Height: 24})
	step(0, struct{}{})
	// A key at 09:20 moves the deadline to 09:50.
	step(10*time.Minute, tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune("j")})
	// The check armed at start fires at 09:30: 20 minutes are left.
	if cmd := step(10*time.Minute, idleCheckMsg{}); cmd == nil || expired.Load() {
		t.Fatal("quit 10 minutes after a key press")
	}
	// A mouse click at 09:45 moves it to 10:15.
	step(15*time.Minute, tea.MouseMsg{})
	if cmd := step(5*time.Minute, idleCheckMsg{}); cmd == nil || expired.Load() {
		t.Fatal("quit 5 minutes after a click")
	}
	cmd := step(25*time.Minute, idleCheckMsg{})
	if !expired.Load() {
		t.Fatal("not expired 30 minutes after the last click")
	}
	if _, quit := cmd().(tea.QuitMsg); !quit {
		t.Fatal("expired without quitting")
	}
	if seen != 4 {
		t.Errorf("the UI saw %d messages, want the 4 that were not idle checks", seen)
	}
}
