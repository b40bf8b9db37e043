package tui

import (
	"strconv"
	"strings"

	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"
	"github.com/jalsa-app/jalsa/model"
	"github.com/jalsa-app/jalsa/tui/bidi"
)

// checkSample is drawn in every way jalsa can draw Arabic. It holds what
// goes wrong first on a terminal set up the wrong way: word order, a number
// and a Latin name inside Arabic, brackets, and letters that join.
const checkSample = "المصادقة على اتفاقية (المرحلة 2) مع ODCO بقيمة 50 مليون درهم"

// displayChoice is one way to draw Arabic.
type displayChoice struct {
	mode  bidi.Mode
	shape bool
	label string // i18n key
}

var displayChoices = []displayChoice{
	{bidi.ModeApp, false, "tui.check.app"},
	{bidi.ModeApp, true, "tui.check.app_shaped"},
	{bidi.ModeTerminal, false, "tui.check.terminal"},
	{bidi.ModeTerminal, true, "tui.check.terminal_shaped"},
}

// check is the "check your terminal" screen (B): the sample sentence drawn
// each way, one under the other, so the clerk picks the one that reads
// right in one look. The choice applies at once and is remembered for the
// operator's next start (Prefs) unless --bidi is given then.
type check struct {
	c      *Common
	w, h   int
	cursor int
}

func newCheck(c *Common) *check { return &check{c: c} }

// SetSize implements page.
func (m *check) SetSize(w, h int) { m.w, m.h = w, h }

// Init implements tea.Model.
func (m *check) Init() tea.Cmd { return nil }

// current is the index of the choice in use.
func (m *check) current() int {
	for i, ch := range displayChoices {
		if ch.mode == m.c.Bidi && ch.shape == m.c.Shape {
			return i
		}
	}
	return 0
}

// Update implements tea.Model.
func (m *check) Update(msg tea.Msg) (tea.Model, tea.Cmd) {
	c, k := m.c, m.c.Keys
	switch msg := msg.(type) {
	case GoMsg:
		m.cursor = m.current()
	case tea.KeyMsg:
		switch {
		case key.Matches(msg, k.Up):
			m.cursor = max(m.cursor-1, 0)
		case key.Matches(msg, k.Down):
			m.cursor = min(m.cursor+1, len(displayChoices)-1)
		case key.Matches(msg, k.Enter):
			m.choose(m.cursor)
		case key.Matches(msg, k.Back):
			c.Back()
		default:
			if n, err := strconv.Atoi(msg.String()); err == nil && 1 <= n && n <= len(displayChoices) {
				m.cursor = n - 1
				m.choose(n - 1)
			}
		}
	}
	return m, nil
}

// choose applies choice i and remembers it for the operator.
func (m *check) choose(i int) {
	c := m.c
	ch := displayChoices[i]
	c.SetDisplay(ch.mode, ch.shape)
	if err := SavePrefs(c.prefs, c.Actor, Prefs{Bidi: ch.mode, Shape: ch.shape}); err != nil {
		c.Fail(model.Failure("tui.check.not_saved", c.prefs, err.Error()))
		return
	}
	c.bidiFrom = fromRemembered
	c.Info(c.T("tui.check.saved", c.T(ch.label)))
}

// View implements tea.Model.
func (m *check) View() string {
	c, st := m.c, m.c.Styles
	w := m.w
	out := []string{st.Title.Render(c.Cell(c.T("tui.check.title"), w))}
	for _, l := range c.cells(c.T("tui.check.explain"), w, 3) {
		out = append(out, st.Label.Render(l))
	}
	out = append(out, "")
	cur := m.current()
	for i, ch := range displayChoices {
		mark := "○"
		if i == cur {
			mark = "●"
		}
		label := c.row(strconv.Itoa(i+1), " ", mark, " ", c.Cell(c.T(ch.label), w-6))
		out = append(out, c.selectRow(i == m.cursor, label))
		// The sample is drawn the way this choice draws it, whatever the
		// current mode: that is what the clerk compares.
		s := checkSample
		if ch.shape {
			s = bidi.Shape(s)
		}
		sample := bidi.Cell(s, w-6, ch.mode)
		out = append(out, c.row(strings.Repeat(" ", 6), st.Big.Render(sample)), "")
	}
	for _, l := range c.cells(c.displaySummary(), w, 2) {
		out = append(out, st.Dim.Render(l))
	}
	return strings.Join(out, "\n")
}

// ShortHelp implements help.KeyMap.
func (m *check) ShortHelp() []key.Binding {
	k := m.c.Keys
	return []key.Binding{k.Up, k.Down, withHelp(k.Enter, m.c, "tui.check.choose"), k.Back}
}

// FullHelp implements help.KeyMap.
func (m *check) FullHelp() [][]key.Binding { return [][]key.Binding{m.ShortHelp()} }
