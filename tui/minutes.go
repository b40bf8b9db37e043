package tui

import (
	"strings"

	"github.com/charmbracelet/bubbles/key"
	"github.com/charmbracelet/bubbles/viewport"
	tea "github.com/charmbracelet/bubbletea"
	"github.com/jalsa-app/jalsa/i18n"
	"github.com/jalsa-app/jalsa/model"
	"github.com/jalsa-app/jalsa/report"
)

// minutes previews the minutes of the session as `jalsa minutes` prints
// them, in the body's language, laid out (headings, lists, tables) rather
// than as Markdown, kept up to date as the sitting goes on.
type minutes struct {
	c    *Common
	w, h int
	view viewport.Model
	// page is the minutes shown, and seq and sid the record they were laid
	// out from.
	page *report.Page
	seq  uint64
	sid  string
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
	if m.seq == c.Data.Seq && m.sid == c.SessionID && m.page != nil {
		return
	}
	m.seq, m.sid = c.Data.Seq, c.SessionID
	lang := c.Lang
	if b := c.Data.Body; b != nil && b.Language != "" {
		lang = b.Language
	}
	var err error
	c.Store.Read(func(st *model.State) { m.page, err = report.Minutes(st, c.SessionID, lang) })
	if err != nil {
		m.page = &report.Page{Lang: c.Lang, Dir: i18n.Dir(c.Lang), Blocks: []report.Block{
			&report.Para{Runs: []report.Run{{Text: model.Message(err, c.Lang)}}},
		}}
	}
	m.render()
}

// render lays the minutes out in the viewport.
func (m *minutes) render() {
	if m.page == nil || m.w <= 0 {
		return
	}
	m.view.SetContent(strings.Join(renderPage(m.c, m.page, m.w), "\n"))
}

// Update implements tea.Model.
func (m *minutes) Update(msg tea.Msg) (tea.Model, tea.Cmd) {
	switch msg := msg.(type) {
	case GoMsg:
		m.load()
	case ChangeMsg:
		m.load()
	case tea.KeyMsg:
		switch k := m.c.Keys; {
		case key.Matches(msg, k.Back):
			m.c.Back()
			return m, nil
		case key.Matches(msg, k.Home):
			m.view.GotoTop()
			return m, nil
		case key.Matches(msg, k.End):
			m.view.GotoBottom()
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
	return st.Title.Render(c.CellStart(c.T("tui.minutes.title", c.SessionID, pct), m.w)) + "\n" + m.view.View()
}

// ShortHelp implements help.KeyMap.
func (m *minutes) ShortHelp() []key.Binding {
	k := m.c.Keys
	return []key.Binding{k.Up, k.Down, k.PageUp, k.PageDown, k.Home, k.End, k.Back}
}

// FullHelp implements help.KeyMap.
func (m *minutes) FullHelp() [][]key.Binding { return [][]key.Binding{m.ShortHelp()} }
