package tui

import (
	"strings"

	"github.com/charmbracelet/bubbles/key"
	"github.com/charmbracelet/bubbles/viewport"
	tea "github.com/charmbracelet/bubbletea"
	"github.com/jalsa-app/jalsa/model"
	"github.com/jalsa-app/jalsa/report"
)

// minutes previews the minutes of the session as `jalsa minutes` writes
// them, kept up to date as the sitting goes on.
type minutes struct {
	c    *Common
	w, h int
	view viewport.Model
	// md is the Markdown shown, and seq and sid the record it was written from.
	md  string
	seq uint64
	sid string
}

func newMinutes(c *Common) *minutes { return &minutes{c: c, view: viewport.New(0, 0)} }

// SetSize implements page.
func (m *minutes) SetSize(w, h int) {
	m.w, m.h = w, h
	m.view.Width, m.view.Height = w, h-1
	m.render()
}

// Init implements tea.Model.
func (m *minutes) Init() tea.Cmd { return nil }

// load writes the minutes again when the record or the session changed.
func (m *minutes) load() {
	c := m.c
	if m.seq == c.Data.Seq && m.sid == c.SessionID && m.md != "" {
		return
	}
	m.seq, m.sid = c.Data.Seq, c.SessionID
	var err error
	c.Store.Read(func(st *model.State) { m.md, err = report.Markdown(st, c.SessionID, c.Lang) })
	if err != nil {
		m.md = model.Message(err, c.Lang)
	}
	m.render()
}

// render lays the Markdown out in the viewport, each line through Cell.
func (m *minutes) render() {
	if m.md == "" || m.w <= 0 {
		return
	}
	c, st := m.c, m.c.Styles
	var b strings.Builder
	for _, para := range strings.Split(m.md, "\n") {
		style := Paint{}
		if strings.HasPrefix(para, "#") {
			style = st.Title
		}
		for _, l := range c.cells(para, m.w, 0) {
			b.WriteString(style.Render(l))
			b.WriteByte('\n')
		}
	}
	m.view.SetContent(strings.TrimSuffix(b.String(), "\n"))
}

// Update implements tea.Model.
func (m *minutes) Update(msg tea.Msg) (tea.Model, tea.Cmd) {
	switch msg := msg.(type) {
	case GoMsg:
		m.load()
	case ChangeMsg:
		m.load()
	case tea.KeyMsg:
		if key.Matches(msg, m.c.Keys.Back) {
			m.c.Back()
			return m, nil
		}
		var cmd tea.Cmd
		m.view, cmd = m.view.Update(msg)
		return m, cmd
	}
	return m, nil
}

// View implements tea.Model.
func (m *minutes) View() string {
	c, st := m.c, m.c.Styles
	pct := int(m.view.ScrollPercent() * 100)
	return st.Title.Render(c.Cell(c.T("tui.minutes.title", c.SessionID, pct), m.w)) + "\n" + m.view.View()
}

// ShortHelp implements help.KeyMap.
func (m *minutes) ShortHelp() []key.Binding {
	k := m.c.Keys
	return []key.Binding{k.Up, k.Down, k.PageUp, k.PageDown, k.Back}
}

// FullHelp implements help.KeyMap.
func (m *minutes) FullHelp() [][]key.Binding { return [][]key.Binding{m.ShortHelp()} }
