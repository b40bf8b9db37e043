package tui

import (
	"fmt"
	"strings"

	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"
	"github.com/jalsa-app/jalsa/model"
)

// cockpit is where the clerk conducts a session: the agenda with a status
// mark per item, and the selected item in detail with its live tally.
type cockpit struct {
	c      *Common
	w, h   int
	cursor cursor
	// sid is the session the cursor belongs to.
	sid    string
	prompt *confirm
}

// confirm asks before an action that cannot be undone, optionally with a
// choice (the convocation of a sitting).
type confirm struct {
	question string
	choices  []string
	choice   int
	run      func(choice int) error
	done     string
}

func newCockpit(c *Common) *cockpit { return &cockpit{c: c} }

// SetSize implements page.
func (m *cockpit) SetSize(w, h int) { m.w, m.h = w, h }

// Init implements tea.Model.
func (m *cockpit) Init() tea.Cmd { return nil }

func (m *cockpit) items() []*model.Item {
	if s := m.c.Data.Session; s != nil {
		return s.Items
	}
	return nil
}

// selected is the item under the cursor, or nil.
func (m *cockpit) selected() *model.Item {
	items := m.items()
	if len(items) == 0 {
		return nil
	}
	m.cursor.clamp(len(items), m.listRows())
	return items[m.cursor.pos]
}

func (m *cockpit) listRows() int { return m.h - 2 }

// Update implements tea.Model.
func (m *cockpit) Update(msg tea.Msg) (tea.Model, tea.Cmd) {
	switch msg := msg.(type) {
	case GoMsg:
		m.prompt = nil
		if msg.Item > 0 {
			m.cursor.pos = msg.Item - 1
		} else if m.sid != m.c.SessionID {
			m.cursor.pos = m.firstUseful()
		}
		m.sid = m.c.SessionID
	case tea.KeyMsg:
		if m.prompt != nil {
			m.updatePrompt(msg)
			return m, nil
		}
		m.key(msg)
	}
	return m, nil
}

// firstUseful is where the cursor starts: the item under way, else the
// first pending one.
func (m *cockpit) firstUseful() int {
	s := m.c.Data.Session
	if s == nil {
		return 0
	}
	if s.Current > 0 {
		return s.Current - 1
	}
	for i, it := range s.Items {
		if it.Outcome == model.Pending {
			return i
		}
	}
	return 0
}

func (m *cockpit) key(msg tea.KeyMsg) {
	c, k := m.c, m.c.Keys
	s := c.Data.Session
	if s == nil {
		if key.Matches(msg, k.Back) {
			c.Back()
		}
		return
	}
	if m.cursor.move(msg, k, len(s.Items), m.listRows()) {
		return
	}
	it := m.selected()
	switch {
	case key.Matches(msg, k.Back):
		c.Back()
		return
	case key.Matches(msg, k.Agenda):
		c.Go(GoMsg{To: screenAgenda, Item: m.cursor.pos + 1})
		return
	}
	if it == nil {
		return
	}
	switch {
	case key.Matches(msg, k.Enter) && it.Kind == model.KindBudget:
		c.Go(GoMsg{To: screenBudget, Item: it.N})
	case key.Matches(msg, k.Enter), key.Matches(msg, k.Notes):
		c.Go(GoMsg{To: screenNotes, Item: it.N})
	case key.Matches(msg, k.Start):
		m.do(&model.ItemCmd{Session: s.ID, N: it.N, Action: model.ActStart}, c.T("tui.cockpit.started", it.N))
	case key.Matches(msg, k.Done):
		m.do(&model.ItemCmd{Session: s.ID, N: it.N, Action: model.ActDone}, c.T("tui.cockpit.ended", it.N))
	case key.Matches(msg, k.Defer):
		m.do(&model.ItemCmd{Session: s.ID, N: it.N, Action: model.ActDefer}, c.T("tui.cockpit.deferred", it.N))
	case key.Matches(msg, k.Withdraw):
		if !c.Refuse() {
			m.ask(c.T("tui.cockpit.ask_withdraw", it.N), nil, 0, func(int) error {
				return c.Do(&model.ItemCmd{Session: s.ID, N: it.N, Action: model.ActWithdraw})
			}, c.T("tui.cockpit.withdrawn", it.N))
		}
	case key.Matches(msg, k.Vote):
		startVote(c, GoMsg{To: screenVote, Item: it.N})
	case key.Matches(msg, k.Correct):
		startVote(c, GoMsg{To: screenVote, Item: it.N, Correct: true})
	case key.Matches(msg, k.OpenSitting):
		if c.Refuse() {
			return
		}
		call := 1
		if sit := s.Sitting(); sit != nil {
			call = sit.Call
		}
		m.ask(c.T("tui.cockpit.ask_open", s.ID), []string{"1", "2", "3"}, call-1, func(i int) error {
			return c.Do(&model.OpenCmd{Session: s.ID, Call: i + 1})
		}, c.T("tui.cockpit.opened"))
	case key.Matches(msg, k.Suspend):
		if !c.Refuse() {
			m.ask(c.T("tui.cockpit.ask_suspend", s.ID), nil, 0, func(int) error {
				return c.Do(&model.SuspendCmd{Session: s.ID})
			}, c.T("tui.cockpit.suspended"))
		}
	case key.Matches(msg, k.Close):
		if !c.Refuse() {
			m.ask(c.T("tui.cockpit.ask_close", s.ID), nil, 0, func(int) error {
				return c.Do(&model.CloseCmd{Session: s.ID})
			}, c.T("tui.cockpit.closed"))
		}
	}
}

// startVote opens the vote screen after checking that the vote can be taken
// at all, so the clerk does not type counts for a vote the rules refuse.
func startVote(c *Common, g GoMsg) {
	if c.Refuse() {
		return
	}
	probe := &model.VoteCmd{Session: c.SessionID, N: g.Item, Line: g.Line, Correct: g.Correct, Reason: "-"}
	if err := c.Check(probe); err != nil {
		c.Fail(err)
		return
	}
	c.Go(g)
}

// do carries out cmd and says done or why not.
func (m *cockpit) do(cmd model.Command, done string) {
	if err := m.c.Do(cmd); err != nil {
		m.c.Fail(err)
		return
	}
	m.c.Info(done)
}

func (m *cockpit) ask(q string, choices []string, choice int, run func(int) error, done string) {
	m.prompt = &confirm{question: q, choices: choices, choice: choice, run: run, done: done}
}

func (m *cockpit) updatePrompt(msg tea.KeyMsg) {
	p, k := m.prompt, m.c.Keys
	switch {
	case key.Matches(msg, k.Back):
		m.prompt = nil
	case key.Matches(msg, k.Left) && len(p.choices) > 0:
		p.choice = (p.choice + len(p.choices) - 1) % len(p.choices)
	case key.Matches(msg, k.Right), key.Matches(msg, k.Tab):
		if len(p.choices) > 0 {
			p.choice = (p.choice + 1) % len(p.choices)
		}
	case key.Matches(msg, k.Enter):
		m.prompt = nil
		if err := p.run(p.choice); err != nil {
			m.c.Fail(err)
			return
		}
		m.c.Info(p.done)
	default:
		for i, ch := range p.choices {
			if msg.String() == ch {
				p.choice = i
			}
		}
	}
}

// agendaWidth is the width of the agenda pane, borders included.
func (m *cockpit) agendaWidth() int { return max(m.w*2/5, 36) }

// View implements tea.Model.
func (m *cockpit) View() string {
	c, st := m.c, m.c.Styles
	s := c.Data.Session
	if s == nil {
		return st.Dim.Render(c.Cell(c.T("tui.cockpit.no_session"), m.w))
	}
	lw := m.agendaWidth()
	rw := m.w - lw
	h := m.h
	if m.prompt != nil {
		h -= 4
	}
	left := strings.Split(st.Box(m.agenda(lw-4, h-2), lw-4, false), "\n")
	right := strings.Split(st.Box(m.detail(rw-4, h-2), rw-4, false), "\n")
	var b strings.Builder
	for i := range left {
		b.WriteString(c.row(left[i], right[i]))
		b.WriteByte('\n')
	}
	if m.prompt != nil {
		b.WriteString(st.Box(m.promptView(m.w-4), m.w-4, true))
	}
	return strings.TrimSuffix(b.String(), "\n")
}

// agenda draws one row per item: number, status mark, title.
func (m *cockpit) agenda(w, h int) []string {
	c, st := m.c, m.c.Styles
	items := m.items()
	rows := make([]string, 0, h)
	from, to := m.cursor.window(len(items), h)
	for i := from; i < to; i++ {
		it := items[i]
		mark, ms := st.Outcome(it.Outcome, it.State)
		num := fmt.Sprintf("%2d", it.N)
		title := c.Cell(it.Title, w-7)
		if i == m.cursor.pos {
			rows = append(rows, c.selectRow(true, c.row(num, " ", mark, " ", title)))
		} else {
			rows = append(rows, c.row("  ", num, " ", ms.Render(mark), " ", title))
		}
	}
	for len(rows) < h {
		rows = append(rows, strings.Repeat(" ", w))
	}
	return rows
}

// detail draws the selected item: what it is, where it stands, its vote or
// its budget, its text, notes and speakers.
func (m *cockpit) detail(w, h int) []string {
	c, st := m.c, m.c.Styles
	s := c.Data.Session
	var out []string
	add := func(lines ...string) { out = append(out, lines...) }
	switch s.State {
	case model.StateDraft:
		for _, l := range c.cells(c.T("tui.cockpit.draft_hint"), w, 0) {
			add(st.Warn.Render(l))
		}
	case model.StateSuspended:
		for _, l := range c.cells(c.T("tui.cockpit.suspended_hint"), w, 0) {
			add(st.Warn.Render(l))
		}
	case model.StateClosed:
		for _, l := range c.cells(c.T("tui.cockpit.closed_hint"), w, 0) {
			add(st.Dim.Render(l))
		}
	}
	it := m.selected()
	if it == nil {
		return fill(out, w, h)
	}
	mark, ms := st.Outcome(it.Outcome, it.State)
	status := c.T("outcome." + string(it.Outcome))
	if it.State == model.ItemOpen {
		status = c.T("tui.item.under_way")
	}
	add(st.Title.Render(c.Cell(c.T("tui.item.heading", it.N, len(s.Items), c.T("kind."+it.Kind)), w)))
	add(c.cells(it.Title, w, 3)...)
	add(ms.Render(c.Cell(mark+" "+status, w)))
	if it.Votes {
		add(st.Label.Render(c.Cell(c.T("tui.item.rule", c.T("tui.rule."+string(m.rule(it)))), w)))
	} else {
		add(st.Label.Render(c.Cell(c.T("tui.item.no_vote"), w)))
	}
	add("")
	add(voteLines(c, it.Vote, w)...)
	if len(it.Corrections) > 0 {
		add(st.Warn.Render(c.Cell(c.T("tui.item.corrections", len(it.Corrections)), w)))
	}
	if it.Kind == model.KindBudget {
		add(budgetSummary(c, it, w)...)
	}
	if n, sp := len(it.Notes), speakerSummary(c, it); n > 0 || sp != "" {
		add(st.Label.Render(c.Cell(c.T("tui.item.notes", n)+sp, w)))
	}
	if it.Text != "" {
		add("")
		add(c.cells(it.Text, w, max(h-len(out), 1))...)
	}
	return fill(out, w, h)
}

// rule is the majority rule an item's vote applies.
func (m *cockpit) rule(it *model.Item) model.Majority {
	if it.Majority != "" {
		return it.Majority
	}
	return m.c.Data.Body.Rules.Majority
}

// voteLines draws a recorded vote: counts, outcome, explanation.
func voteLines(c *Common, v *model.Vote, w int) []string {
	st := c.Styles
	if v == nil {
		return nil
	}
	mark, ms := st.Outcome(v.Outcome, "")
	counts := c.T("tui.vote.counts", v.For, v.Against, v.Abstain)
	out := []string{ms.Render(c.Cell(mark+" "+counts, w))}
	for _, l := range c.cells(model.Explain(c.Lang, v), w, 2) {
		out = append(out, st.Label.Render(l))
	}
	return out
}

// speakerSummary says who is speaking and for how long, or how many wait.
func speakerSummary(c *Common, it *model.Item) string {
	waiting := 0
	for _, sp := range it.Speakers {
		if !sp.Start.IsZero() && sp.End.IsZero() {
			return " · " + c.T("tui.speakers.speaking", c.Data.MemberName(sp.Member), since(c.Now().Sub(sp.Start)))
		}
		if sp.Start.IsZero() {
			waiting++
		}
	}
	if waiting > 0 {
		return " · " + c.T("tui.speakers.waiting", waiting)
	}
	return ""
}

// fill makes lines exactly h lines of w cells: it cuts what is beyond and
// adds blank lines. Lines must be w cells wide already (Cell makes them so)
// or empty; they are not measured again, for speed.
func fill(lines []string, w, h int) []string {
	if len(lines) > h {
		lines = lines[:h]
	}
	blank := strings.Repeat(" ", w)
	for i, l := range lines {
		if l == "" {
			lines[i] = blank
		}
	}
	for len(lines) < h {
		lines = append(lines, blank)
	}
	return lines
}

// promptView is the question, the choice if any, and how to answer, each
// line w cells wide.
func (m *cockpit) promptView(w int) []string {
	c, st := m.c, m.c.Styles
	p := m.prompt
	pieces := []string{c.Cell(p.question, 0)}
	if len(p.choices) > 0 {
		pieces = append(pieces, "  ", c.Cell(c.T("tui.cockpit.call"), 0))
		for i, ch := range p.choices {
			if i == p.choice {
				pieces = append(pieces, " ", st.Selected.Render("‹"+ch+"›"))
			} else {
				pieces = append(pieces, "  "+ch+" ")
			}
		}
	}
	line := c.row(pieces...)
	if c.RTL() {
		line = padLeft(line, w)
	}
	return []string{padRight(line, w), st.Dim.Render(c.Cell(c.T("tui.prompt.confirm"), w))}
}

// ShortHelp implements help.KeyMap.
func (m *cockpit) ShortHelp() []key.Binding {
	k := m.c.Keys
	if m.prompt != nil {
		return []key.Binding{k.Enter, k.Back}
	}
	if s := m.c.Data.Session; s != nil && s.State == model.StateDraft {
		return []key.Binding{k.Up, k.Down, k.Agenda, k.OpenSitting, k.RollCall, k.Back, k.Quit}
	}
	return []key.Binding{k.Up, k.Down, k.Start, k.Vote, k.Notes, k.RollCall, k.OpenSitting, k.Back, k.Quit}
}

// FullHelp implements help.KeyMap.
func (m *cockpit) FullHelp() [][]key.Binding {
	k := m.c.Keys
	return [][]key.Binding{
		{k.Up, k.Down, k.PageUp, k.PageDown, k.Enter, k.Back},
		{k.Start, k.Vote, k.Correct, k.Done, k.Defer, k.Withdraw, k.Notes},
		{k.OpenSitting, k.Suspend, k.Close, k.Agenda},
	}
}
