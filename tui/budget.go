package tui

import (
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"
	"github.com/jalsa-app/jalsa/model"
)

// budget goes through a budget item line by line: amounts, amendments and
// per-line outcomes, a subtotal per part and the balance of each pair of
// parts (revenue then expense, as a chamber's budget is read), the totals
// and the balance. The last row stands for the final vote on the whole.
type budget struct {
	c    *Common
	w, h int
	item int
	// cursor is on a line, or on the final vote after the last line; top
	// is the first table row shown (subtotals take rows too).
	cursor cursor
	top    int
	form   *amendForm
	// longest is the width of the longest label, measured once per copy
	// of the state (labelsOf).
	longest  int
	labelsOf *Snapshot
}

// amendForm takes a line's new amount and the reason for it.
type amendForm struct {
	line           string
	amount, reason field
	focus          int
	// was is the amount as the form opened; discard asks before esc
	// throws away what was typed.
	was     string
	discard *prompt
}

// budgetFooterRows is the height of the totals and the selected line's
// details under the table.
const budgetFooterRows = 5

// Widths of the budget table's columns; the label takes what is left, up
// to what the longest label needs, so that amounts stay next to labels on
// a wide screen.
const (
	budgetCodeW    = 8
	budgetKindW    = 8
	budgetAmountW  = 17
	budgetOutcomeW = 14
)

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
	m.cursor.clamp(len(it.Lines)+1, len(it.Lines)+1)
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
			m.item, m.cursor, m.top = msg.Item, cursor{}, 0
			m.cursor.pos = m.nextUnvoted(0)
		}
		m.form = nil
		if msg.Voted && msg.Item == m.item {
			if msg.Line == "" {
				// The final vote ends the budget: on to the agenda's next item.
				m.c.BackAfter(GoMsg{Voted: true, Item: m.item})
				return m, nil
			}
			m.cursor.pos = m.nextUnvoted(m.cursor.pos)
		}
	case tea.KeyMsg:
		if m.form != nil {
			m.updateForm(msg)
			return m, nil
		}
		m.key(msg)
	}
	return m, nil
}

// nextUnvoted is the first line from `from` on without a vote, else the
// first one before it, else the final-vote row.
func (m *budget) nextUnvoted(from int) int {
	it := m.it()
	if it == nil {
		return 0
	}
	n := len(it.Lines)
	for i := range n {
		if j := (from + i) % n; it.Lines[j].Vote == nil {
			return j
		}
	}
	return n
}

func (m *budget) key(msg tea.KeyMsg) {
	c, k := m.c, m.c.Keys
	it := m.it()
	if key.Matches(msg, k.Back) || it == nil {
		c.Back()
		return
	}
	if m.cursor.move(msg, k, len(it.Lines)+1, len(it.Lines)+1) {
		return
	}
	l := m.line()
	code := ""
	if l != nil {
		code = l.Code
	}
	allFor := key.Matches(msg, k.AllFor)
	switch {
	case key.Matches(msg, k.FinalVote):
		startVote(c, GoMsg{To: screenVote, Item: it.N})
	case key.Matches(msg, k.Vote), allFor:
		startVote(c, GoMsg{To: screenVote, Item: it.N, Line: code, AllFor: allFor})
	case key.Matches(msg, k.Correct):
		startVote(c, GoMsg{To: screenVote, Item: it.N, Line: code, Correct: true})
	case key.Matches(msg, k.Amend) && l != nil:
		if c.Refuse() {
			return
		}
		if err := c.Check(&model.AmendCmd{Session: c.SessionID, N: it.N, Line: l.Code, Amount: l.Amount, Reason: "-"}); err != nil {
			c.Fail(err)
			return
		}
		f := &amendForm{line: l.Code, amount: newField(24), reason: newField(200), was: c.Money(l.Amount)}
		f.amount.SetValue(f.was)
		m.form = f
	}
}

func (m *budget) updateForm(msg tea.KeyMsg) {
	c, k, f := m.c, m.c.Keys, m.form
	if f.discard != nil {
		if f.discard.update(c, msg) {
			f.discard = nil
		}
		return
	}
	switch {
	case key.Matches(msg, k.Back):
		if f.amount.Value() == f.was && strings.TrimSpace(f.reason.Value()) == "" {
			m.form = nil
			return
		}
		f.discard = &prompt{question: c.T("tui.budget.ask_discard", f.line), answer: c.T("tui.vote.discard_answer"),
			run: func(int) error { m.form = nil; return nil }}
	case key.Matches(msg, k.Tab), key.Matches(msg, k.ShiftTab), key.Matches(msg, k.Up), key.Matches(msg, k.Down):
		f.focus = 1 - f.focus
	case key.Matches(msg, k.Enter):
		amount, err := c.ParseMoney(f.amount.Value())
		if err != nil {
			f.focus = 0
			c.Fail(model.Usage("tui.budget.bad_amount", f.amount.Value(), c.Money(123456789)))
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

// budgetRow is one row of the table: a line (line ≥ 0), a part's
// subtotal or a balance (line -1: label and amount), or the final vote.
// Rows are laid out for the whole budget and drawn only when in view.
type budgetRow struct {
	line   int
	final  bool
	label  string
	amount model.Cents
	style  Paint
}

// partName names a part as the budget reads it: 1 is "I".
func partName(p string) string {
	if n, err := strconv.Atoi(p); err == nil && n >= 1 && n <= 10 {
		return []string{"I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X"}[n-1]
	}
	return p
}

// withLeaders draws a label and its amount (each in its column) as one
// piece in reading order, the blank between them dotted as a printed
// budget does, so that the eye finds the amount of a short label on a wide
// screen.
func withLeaders(label, amount string, rtl bool) string {
	var text, digits string
	if rtl {
		digits, text = strings.TrimRight(amount, " "), strings.TrimLeft(label, " ")
	} else {
		text, digits = strings.TrimRight(label, " "), strings.TrimLeft(amount, " ")
	}
	n := len(label) + 1 + len(amount) - len(text) - len(digits)
	gap := strings.Repeat(" ", n)
	if n >= 4 {
		gap = " " + strings.Repeat("·", n-2) + " "
	}
	if rtl {
		return digits + gap + text
	}
	return text + gap + digits
}

// amountCell is an amount right-aligned in its column. Money writes one
// cell per character, so counting them is measuring.
func amountCell(c *Common, a model.Cents) string {
	s := c.Money(a)
	return strings.Repeat(" ", max(budgetAmountW-1-utf8.RuneCountInString(s), 0)) + s
}

// labelWidth is the width of the label column.
func (m *budget) labelWidth(it *model.Item, w int) int {
	if m.labelsOf != m.c.Data {
		m.longest, m.labelsOf = 0, m.c.Data
		for _, l := range it.Lines {
			m.longest = max(m.longest, ansiWidth(l.Label))
		}
	}
	room := w - 2 - budgetCodeW - budgetKindW - budgetAmountW - budgetOutcomeW - 4
	return max(min(room, max(m.longest+1, 30)), 10)
}

// layout lists the rows of the budget, and says which row each line (and,
// last, the final vote) is on.
func (m *budget) layout(it *model.Item) ([]budgetRow, []int) {
	c, st := m.c, m.c.Styles
	sum := func(label string, amount model.Cents, style Paint) budgetRow {
		return budgetRow{line: -1, label: label, amount: amount, style: style}
	}
	rows := make([]budgetRow, 0, len(it.Lines)+12)
	at := make([]int, 0, len(it.Lines)+1)
	// A part of revenue waits for the part of expense after it, to show
	// their balance.
	var rev, exp, pairRev model.Cents
	pairFrom := ""
	for i, l := range it.Lines {
		at = append(at, len(rows))
		rows = append(rows, budgetRow{line: i})
		if l.Kind == "revenue" {
			rev += l.Amount
		} else {
			exp += l.Amount
		}
		if l.Part == "" || (i+1 < len(it.Lines) && it.Lines[i+1].Part == l.Part) {
			continue
		}
		p := partName(l.Part)
		revTotal := sum(c.T("tui.budget.part_total", p, c.T("tui.budget.revenue_total")), rev, st.Label)
		expTotal := sum(c.T("tui.budget.part_total", p, c.T("tui.budget.expense_total")), exp, st.Label)
		switch {
		case rev > 0 && exp > 0:
			rows = append(rows, revTotal, expTotal, sum(c.T("tui.budget.part_balance", p), rev-exp, st.Accent))
			pairFrom = ""
		case rev > 0:
			rows = append(rows, revTotal)
			pairFrom, pairRev = p, rev
		default:
			rows = append(rows, expTotal)
			if pairFrom != "" {
				rows = append(rows, sum(c.T("tui.budget.pair_balance", pairFrom, p), pairRev-exp, st.Accent))
			}
			pairFrom = ""
		}
		rev, exp = 0, 0
	}
	at = append(at, len(rows))
	rows = append(rows, budgetRow{line: -1, final: true})
	return rows, at
}

// draw draws one row of the table w cells wide. Every piece has its width
// already, so nothing is measured again: a budget is long.
func (m *budget) draw(it *model.Item, r budgetRow, labelW, w int) string {
	c, st := m.c, m.c.Styles
	blank := strings.Repeat(" ", max(w-(budgetCodeW+budgetKindW+labelW+budgetAmountW+budgetOutcomeW+4), 0))
	row := func(pieces ...string) string {
		if c.RTL() {
			return blank + c.row(pieces...)
		}
		return c.row(pieces...) + blank
	}
	switch {
	case r.final:
		mark, _ := st.Outcome(it.Outcome, "")
		return row(c.CellStart(c.T("tui.budget.final"), budgetCodeW+budgetKindW+labelW+budgetAmountW+3), " ",
			c.Cell(mark+" "+c.T("outcome."+string(it.Outcome)), budgetOutcomeW))
	case r.line < 0:
		return r.style.Render(row(c.CellStart(r.label, budgetCodeW+budgetKindW+labelW+2), " ",
			amountCell(c, r.amount), " ", strings.Repeat(" ", budgetOutcomeW+1)))
	}
	l := it.Lines[r.line]
	mark, _ := st.Outcome(l.Outcome, "")
	amended := " "
	if len(l.Amendments) > 0 {
		amended = "*"
	}
	return row(c.Cell(l.Code, budgetCodeW), " ", c.Cell(c.T("tui.budget."+l.Kind), budgetKindW), " ",
		withLeaders(c.CellStart(l.Label, labelW), amountCell(c, l.Amount), c.RTL()), amended, " ",
		c.Cell(mark+" "+c.T("outcome."+string(l.Outcome)), budgetOutcomeW))
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
	b.WriteString(st.Title.Render(c.CellStart(c.T("tui.item.heading", it.N, len(c.Data.Session.Items), c.T("kind."+it.Kind))+" · "+it.Title, w)))
	b.WriteByte('\n')
	rows, at := m.layout(it)
	labelW := m.labelWidth(it, w)
	height := m.tableRows()
	m.line() // clamps the cursor
	sel := at[m.cursor.pos]
	m.top = min(max(m.top, sel-height+1), sel)
	m.top = max(min(m.top, len(rows)-height), 0)
	for i := m.top; i < min(m.top+height, len(rows)); i++ {
		r := rows[i]
		text := m.draw(it, r, labelW, w-2)
		if r.line >= 0 || r.final {
			b.WriteString(c.selectRow(i == sel, text))
		} else {
			b.WriteString(c.row("  ", text))
		}
		b.WriteByte('\n')
	}
	for i := len(rows) - m.top; i < height; i++ {
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
	if f := m.form; f != nil && f.discard != nil {
		return append(out, f.discard.view(c, w)...)
	}
	if f := m.form; f != nil {
		label := c.T("tui.budget.amend_line", f.line)
		out = append(out, st.Title.Render(c.CellStart(label, w)))
		aw := 24
		out = append(out, c.line(c.row(c.Cell(c.T("label.amount"), 12), " ", f.amount.view(c, aw, f.focus == 0), "  ",
			c.Cell(c.T("tui.budget.reason"), 10), " ", f.reason.view(c, w-aw-26, f.focus == 1)), w))
		return out
	}
	l := m.line()
	if l == nil {
		return append(out, voteLines(c, it.Vote, w)...)
	}
	for _, a := range l.Amendments {
		out = append(out, st.Warn.Render(c.CellStart(c.T("tui.budget.amended", c.Money(a.From), c.Money(a.To), a.Reason), w)))
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
		out = append(out, c.line(c.row(first, " ", ms.Render(c.Cell(mark, 0))), w))
	} else {
		for _, l := range wrap(totals, w) {
			out = append(out, c.CellStart(l, w))
		}
		out = append(out, ms.Render(c.CellStart(mark, w)))
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
		return append(out, st.Label.Render(c.CellStart(progress, w)))
	}
	return append(out, c.line(c.row(st.Label.Render(first), " · ", hs.Render(c.Cell(hint, min(ansiWidth(hint), w-ansiWidth(first)-3)))), w))
}

// budgetKeys are the keys of the budget screen.
func (c *Common) budgetKeys() [][]key.Binding {
	k := c.Keys
	return [][]key.Binding{{k.Up, k.Down, k.PageUp, k.PageDown, k.Home, k.End, k.Back}, {k.Vote, k.AllFor, k.FinalVote, k.Amend, k.Correct}}
}

// ShortHelp implements help.KeyMap.
func (m *budget) ShortHelp() []key.Binding {
	k := m.c.Keys
	if m.form != nil && m.form.discard != nil {
		return m.form.discard.help(k)
	}
	if m.form != nil {
		return []key.Binding{k.Tab, k.Enter, k.Back}
	}
	if m.line() == nil {
		return []key.Binding{k.FinalVote, k.AllFor, k.Correct, k.Up, k.Down, k.Back}
	}
	return []key.Binding{k.Vote, k.AllFor, k.Amend, k.FinalVote, k.Up, k.Down, k.Correct, k.Back}
}

// FullHelp implements help.KeyMap.
func (m *budget) FullHelp() [][]key.Binding { return m.c.budgetKeys() }
