package tui

import (
	"strings"

	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"
	"github.com/jalsa-app/jalsa/model"
)

// home lists the sessions and the latest decisions; enter opens a session
// in the cockpit.
type home struct {
	c      *Common
	w, h   int
	cursor cursor
}

func newHome(c *Common) *home { return &home{c: c} }

// SetSize implements page.
func (m *home) SetSize(w, h int) { m.w, m.h = w, h }

// Init implements tea.Model.
func (m *home) Init() tea.Cmd { return nil }

// sessionRows is how many rows the list of sessions may take.
func (m *home) sessionRows() int { return max(m.h/2-2, 3) }

// Update implements tea.Model.
func (m *home) Update(msg tea.Msg) (tea.Model, tea.Cmd) {
	msg2, ok := msg.(tea.KeyMsg)
	if !ok {
		return m, nil
	}
	k := m.c.Keys
	rows := m.c.Data.Sessions
	if m.cursor.move(msg2, k, len(rows), m.sessionRows()) {
		return m, nil
	}
	if key.Matches(msg2, k.Enter) && len(rows) > 0 {
		m.cursor.clamp(len(rows), m.sessionRows())
		m.c.Go(GoMsg{To: screenCockpit, Session: rows[m.cursor.pos].ID})
	}
	return m, nil
}

// stateMark is the mark of a session state.
func stateMark(state string) string {
	switch state {
	case model.StateOpen:
		return "●"
	case model.StateSuspended:
		return "◐"
	case model.StateClosed:
		return "■"
	}
	return "○"
}

// View implements tea.Model.
func (m *home) View() string {
	c, s := m.c, m.c.Styles
	var b strings.Builder
	b.WriteString(s.Title.Render(c.Cell(c.T("tui.home.sessions"), m.w)))
	b.WriteByte('\n')
	rows := c.Data.Sessions
	if len(rows) == 0 {
		b.WriteString(s.Dim.Render(c.Cell(c.T("tui.home.no_sessions"), m.w)))
		b.WriteByte('\n')
	}
	stateW, dateW := 14, c.dateWidth()
	titleW := m.w - 2 - 10 - dateW - stateW - 3
	from, to := m.cursor.window(len(rows), m.sessionRows())
	for i := from; i < to; i++ {
		r := rows[i]
		line := c.row(c.Cell(r.ID, 10), " ", c.Cell(c.Day(r.Date), dateW), " ",
			c.Cell(stateMark(r.State)+" "+c.T("state."+r.State), stateW), " ", c.Cell(r.Title, titleW))
		b.WriteString(c.selectRow(i == m.cursor.pos, line))
		b.WriteByte('\n')
	}
	b.WriteByte('\n')
	b.WriteString(s.Title.Render(c.Cell(c.T("tui.home.recent"), m.w)))
	b.WriteByte('\n')
	if len(c.Data.Recent) == 0 {
		b.WriteString(s.Dim.Render(c.Cell(c.T("tui.home.no_decisions"), m.w)))
	}
	left := m.h - 2 - m.sessionRows() - 2
	for i, d := range c.Data.Recent {
		if i >= left {
			break
		}
		b.WriteString(c.row("  ", decisionLine(c, d, m.w-2)))
		b.WriteByte('\n')
	}
	return b.String()
}

// decisionLine draws a decision as ref, date, outcome and title in w cells.
func decisionLine(c *Common, d DecisionRow, w int) string {
	mark, st := c.Styles.Outcome(d.Outcome, "")
	outW, dateW := 16, c.dateWidth()
	return c.row(c.Cell(d.Ref, 12), " ", c.Cell(c.Day(d.Date), dateW), " ",
		st.Render(c.Cell(mark+" "+c.T("outcome."+string(d.Outcome)), outW)), " ", c.Cell(d.Title, w-12-dateW-outW-3))
}

// ShortHelp implements help.KeyMap.
func (m *home) ShortHelp() []key.Binding {
	k := m.c.Keys
	return []key.Binding{k.Up, k.Down, k.Enter, k.Lookup, k.Quit}
}

// FullHelp implements help.KeyMap.
func (m *home) FullHelp() [][]key.Binding {
	k := m.c.Keys
	return [][]key.Binding{{k.Up, k.Down, k.PageUp, k.PageDown, k.Enter}}
}
