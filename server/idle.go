package server

import (
	"sync/atomic"
	"time"

	tea "github.com/charmbracelet/bubbletea"
)

// idleModel wraps one client's UI and quits it once the operator has
// pressed no key for limit. Only the operator's keys and mouse count: the
// screen redraws on every change and every clock tick, and those writes reset
// the SSH connection's own deadline (charmbracelet/ssh extends it on every
// read and write), so that deadline cannot tell an operator who walked away
// from one who is reading.
type idleModel struct {
	tea.Model
	limit time.Duration
	now   func() time.Time
	last  time.Time
	// expired is set when the model quits for idleness, for the farewell.
	expired *atomic.Bool
}

// idleCheckMsg asks whether the limit has passed since the last key.
type idleCheckMsg struct{}

func newIdleModel(m tea.Model, limit time.Duration, now func() time.Time, expired *atomic.Bool) idleModel {
	return idleModel{Model: m, limit: limit, now: now, last: now(), expired: expired}
}

// Init implements tea.Model.
func (m idleModel) Init() tea.Cmd { return tea.Batch(m.Model.Init(), check(m.limit)) }

// check arms the one pending idle check; a key press does not re-arm it, the
// check does when it finds time left.
func check(after time.Duration) tea.Cmd {
	return tea.Tick(after, func(time.Time) tea.Msg { return idleCheckMsg{} })
}

// Update implements tea.Model.
func (m idleModel) Update(msg tea.Msg) (tea.Model, tea.Cmd) {
	switch msg.(type) {
	case tea.KeyMsg, tea.MouseMsg:
		m.last = m.now()
	case idleCheckMsg:
		if left := m.limit - m.now().Sub(m.last); left > 0 {
			return m, check(left)
		}
		m.expired.Store(true)
		return m, tea.Quit
	}
	var cmd tea.Cmd
	m.Model, cmd = m.Model.Update(msg)
	return m, cmd
}
