package tui

import (
	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"
)

// stub stands for a screen being written; esc returns.
type stub struct {
	c    *Common
	name string
}

func newStub(c *Common, name string) *stub { return &stub{c: c, name: name} }

// SetSize implements page.
func (m *stub) SetSize(w, h int) {}

// Init implements tea.Model.
func (m *stub) Init() tea.Cmd { return nil }

// Update implements tea.Model.
func (m *stub) Update(msg tea.Msg) (tea.Model, tea.Cmd) {
	if k, ok := msg.(tea.KeyMsg); ok && key.Matches(k, m.c.Keys.Back) {
		m.c.Back()
	}
	return m, nil
}

// View implements tea.Model.
func (m *stub) View() string { return m.name }

// ShortHelp implements help.KeyMap.
func (m *stub) ShortHelp() []key.Binding { return []key.Binding{m.c.Keys.Back} }

// FullHelp implements help.KeyMap.
func (m *stub) FullHelp() [][]key.Binding { return [][]key.Binding{m.ShortHelp()} }

func newCockpit(c *Common) page  { return newStub(c, "cockpit") }
func newRollCall(c *Common) page { return newStub(c, "roll call") }
func newVote(c *Common) page     { return newStub(c, "vote") }
func newBudget(c *Common) page   { return newStub(c, "budget") }
func newNotes(c *Common) page    { return newStub(c, "notes") }
func newLookup(c *Common) page   { return newStub(c, "lookup") }
func newMinutes(c *Common) page  { return newStub(c, "minutes") }
func newAudience(c *Common) page { return newStub(c, "audience") }
