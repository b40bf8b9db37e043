package tui

import (
	"strings"

	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"
	"github.com/jalsa-app/jalsa/model"
)

// budget goes through a budget item line by line: amounts, amendments and
// per-line outcomes, the revenue and expense totals and the balance. The
// last row stands for the final vote on the whole.
type budget struct {
	c      *Common
	w, h   int
	item   int
	cursor cursor
	form   *amendForm
}

// amendForm takes a line's new amount and the reason for it.
type amendForm struct {
	line           string
	amount, reason field
	focus          int
}

// budgetFooterRows is the height of the totals and the selected line's
// details under the table.
const budgetFooterRows = 5

func newBudget(c *Common) *budget { return &budget{c: c} }

// SetSize implements page.
func (m *budget) SetSize(w, h int) { m.w, m.h = w, h }

// Init implements tea.Model.
func (m *budget) Init() tea.Cmd { return nil }

// Capturing implements capturer: the amendment form takes every key.
func (m *budget) Capturing() bool { return m.form != nil }

func (m *budget) it() *model.Item { return m.c.Data.Item(m.item) }

func (m *budget) tableRows() int { return m.h - budgetFooterRows - 1 }

// line is the line under the cursor, nil on the final-vote row.
func (m *budget) line() *model.BudgetLine {
	it := m.it()
	if it == nil {
		return nil
	}
	m.cursor.clamp(len(it.Lines)+1, m.tableRows())
	if m.cursor.pos < len(it.Lines) {
		return it.Lines[m.cursor.pos]
	}
	return nil
}

// Update implements tea.Model.
func (m *budget) Update(msg tea.Msg) (tea.Model, tea.Cmd) {
	switch msg := msg.(type) {
	case GoMsg:
		if msg.Item > 0 && msg.Item != m.item {
			m.item, m.cursor = msg.Item, cursor{}
			m.cursor.pos = m.firstUnvoted()
		}
		m.form = nil
	case tea.KeyMsg:
		if m.form != nil {
			m.updateForm(msg)
			return m, nil
		}
		m.key(msg)
	}
	return m, nil
}

func (m *budget) firstUnvoted() int {
	it := m.it()
	if it == nil {
		return 0
	}
	for i, l := range it.Lines {
		if l.Vote == nil {
			return i
		}
	}
	return len(it.Lines)
}

func (m *budget) key(msg tea.KeyMsg) {
	c, k := m.c, m.c.Keys
	it := m.it()
	if key.Matches(msg, k.Back) || it == nil {
		c.Back()
		return
	}
	if m.cursor.move(msg, k, len(it.Lines)+1, m.tableRows()) {
		return
	}
	l := m.line()
	switch {
	case key.Matches(msg, k.FinalVote), key.Matches(msg, k.Vote) && l == nil:
		startVote(c, GoMsg{To: screenVote, Item: it.N})
	case key.Matches(msg, k.Vote):
		startVote(c, GoMsg{To: screenVote, Item: it.N, Line: l.Code})
	case key.Matches(msg, k.Correct):
		code := ""
		if l != nil {
			code = l.Code
		}
		startVote(c, GoMsg{To: screenVote, Item: it.N, Line: code, Correct: true})
	case key.Matches(msg, k.Amend) && l != nil:
		if c.Refuse() {
			return
		}
		if err := c.Check(&model.AmendCmd{Session: c.SessionID, N: it.N, Line: l.Code, Amount: l.Amount, Reason: "-"}); err != nil {
			c.Fail(err)
			return
		}
		f := &amendForm{line: l.Code, amount: newField(20), reason: newField(200)}
		f.amount.SetValue(l.Amount.String())
		m.form = f
	}
}

func (m *budget) updateForm(msg tea.KeyMsg) {
	c, k, f := m.c, m.c.Keys, m.form
	switch {
	case key.Matches(msg, k.Back):
		m.form = nil
	case key.Matches(msg, k.Tab), key.Matches(msg, k.ShiftTab), key.Matches(msg, k.Up), key.Matches(msg, k.Down):
		f.focus = 1 - f.focus
	case key.Matches(msg, k.Enter):
		amount, err := model.ParseCents(f.amount.Value())
		if err != nil {
			f.focus = 0
			c.Fail(model.Usage("err.bad_amount", f.amount.Value()))
			return
		}
		if strings.TrimSpace(f.reason.Value()) == "" {
			f.focus = 1
			c.Fail(model.Usage("tui.budget.reason_needed"))
			return
		}
		err = c.Do(&model.AmendCmd{Session: c.SessionID, N: m.item, Line: f.line, Amount: amount, Reason: f.reason.Value()})
		if err != nil {
			c.Fail(err)
			return
		}
		m.form = nil
		c.Info(c.T("msg.amended", f.line, c.Money(amount)))
	case f.focus == 0:
		f.amount.update(msg)
	default:
		f.reason.update(msg)
	}
}

// View implements tea.Model.
func (m *budget) View() string {
	c, st := m.c, m.c.Styles
	it := m.it()
	if it == nil {
		return ""
	}
	w := m.w
	var b strings.Builder
	b.WriteString(st.Title.Render(c.Cell(c.T("tui.item.heading", it.N, len(c.Data.Session.Items), c.T("kind."+it.Kind))+" · "+it.Title, w)))
	b.WriteByte('\n')
	amountW, outW, codeW, kindW := 16, 14, 8, 8
	labelW := w - 2 - codeW - kindW - amountW - outW - 5
	rows := m.tableRows()
	from, to := m.cursor.window(len(it.Lines)+1, rows)
	for i := from; i < to; i++ {
		var line string
		if i == len(it.Lines) {
			mark, _ := st.Outcome(it.Outcome, "")
			line = c.row(c.Cell(c.T("tui.budget.final"), codeW+kindW+labelW+amountW+3), " ", c.Cell(mark+" "+c.T("outcome."+string(it.Outcome)), outW))
		} else {
			l := it.Lines[i]
			mark, _ := st.Outcome(l.Outcome, "")
			amended := " "
			if len(l.Amendments) > 0 {
				amended = "*"
			}
			line = c.row(c.Cell(l.Code, codeW), " ", c.Cell(c.T("tui.budget."+l.Kind), kindW), " ", c.Cell(l.Label, labelW), " ",
				padLeft(c.Money(l.Amount), amountW-1)+amended, " ", c.Cell(mark+" "+c.T("outcome."+string(l.Outcome)), outW))
		}
		b.WriteString(c.selectRow(i == m.cursor.pos, line))
		b.WriteByte('\n')
	}
	for i := to - from; i < rows; i++ {
		b.WriteByte('\n')
	}
	for _, l := range fill(m.footer(it, w), w, budgetFooterRows) {
		b.WriteString(l)
		b.WriteByte('\n')
	}
	return strings.TrimSuffix(b.String(), "\n")
}

// footer is the totals, then the amendment form or the selected line's
// amendments and vote.
func (m *budget) footer(it *model.Item, w int) []string {
	c, st := m.c, m.c.Styles
	out := budgetSummary(c, it, w)
	if f := m.form; f != nil {
		label := c.T("tui.budget.amend_line", f.line)
		out = append(out, st.Title.Render(c.Cell(label, w)))
		aw := 24
		out = append(out, c.row(c.Cell(c.T("label.amount"), 12), " ", f.amount.view(c, aw, f.focus == 0), "  ",
			c.Cell(c.T("tui.budget.reason"), 10), " ", f.reason.view(c, w-aw-26, f.focus == 1)))
		return out
	}
	l := m.line()
	if l == nil {
		return append(out, voteLines(c, it.Vote, w)...)
	}
	for _, a := range l.Amendments {
		out = append(out, st.Warn.Render(c.Cell(c.T("tui.budget.amended", c.Money(a.From), c.Money(a.To), a.Reason), w)))
	}
	return append(out, voteLines(c, l.Vote, w)...)
}

// budgetSummary is the totals and the balance of a budget, then how many
// lines were voted, with a warning while an unbalanced budget voted by line
// can still be put right (or says that it no longer can).
func budgetSummary(c *Common, it *model.Item, w int) []string {
	st := c.Styles
	rev, exp := it.Totals()
	bal := rev - exp
	mark, ms := "✓ "+c.T("tui.budget.balanced"), st.Good
	if bal != 0 {
		mark, ms = "✗ "+c.T("tui.budget.unbalanced"), st.Bad
	}
	totals := c.T("tui.budget.totals", c.Money(rev), c.Money(exp), c.Money(bal))
	voted := 0
	for _, l := range it.Lines {
		if l.Vote != nil {
			voted++
		}
	}
	progress := c.T("msg.lines_voted", voted, len(it.Lines))
	if it.VoteMode != "lines" {
		progress = c.T("tui.budget.whole")
	}
	out := []string{}
	if ansiWidth(totals)+ansiWidth(mark)+1 <= w {
		first := c.Cell(totals, 0)
		out = append(out, c.row(first, " ", ms.Render(c.Cell(mark, w-ansiWidth(first)-1))))
	} else {
		out = append(out, c.cells(totals, w, 0)...)
		out = append(out, ms.Render(c.Cell(mark, w)))
	}
	hint, hs := "", st.Warn
	if it.VoteMode == "lines" && it.OutOfBalance() {
		hint = c.T("tui.budget.amend_first")
		if it.BalanceLocked() {
			hint, hs = c.T("tui.budget.locked"), st.Bad
		}
	}
	first := c.Cell(progress, 0)
	if hint == "" || ansiWidth(first)+3 >= w {
		return append(out, st.Label.Render(c.Cell(progress, w)))
	}
	return append(out, c.row(st.Label.Render(first), " · ", hs.Render(c.Cell(hint, w-ansiWidth(first)-3))))
}

// ShortHelp implements help.KeyMap.
func (m *budget) ShortHelp() []key.Binding {
	k := m.c.Keys
	if m.form != nil {
		return []key.Binding{k.Tab, k.Enter, k.Back}
	}
	return []key.Binding{k.Up, k.Down, k.Vote, k.Amend, k.FinalVote, k.Correct, k.Back}
}

// FullHelp implements help.KeyMap.
func (m *budget) FullHelp() [][]key.Binding {
	k := m.c.Keys
	return [][]key.Binding{{k.Up, k.Down, k.PageUp, k.PageDown, k.Back}, {k.Vote, k.FinalVote, k.Amend, k.Correct}}
}
