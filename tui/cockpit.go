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
	prompt *prompt
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
		switch {
		case msg.Voted:
			m.cursor.pos = m.nextPending(msg.Item)
		case msg.Item > 0:
			m.cursor.pos = msg.Item - 1
		case m.sid != m.c.SessionID:
			m.cursor.pos = m.firstUseful()
		}
		m.sid = m.c.SessionID
	case tea.KeyMsg:
		if m.prompt != nil {
			if m.prompt.update(m.c, msg) {
				m.prompt = nil
			}
			return m, nil
		}
		m.key(msg)
	}
	return m, nil
}

// nextPending is where the cursor goes once item n is dealt with: the next
// pending item after it, else the first pending one, else n itself.
func (m *cockpit) nextPending(n int) int {
	items := m.items()
	for i := range items {
		if j := (n + i) % len(items); items[j].Outcome == model.Pending {
			return j
		}
	}
	return n - 1
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
		if m.do(&model.ItemCmd{Session: s.ID, N: it.N, Action: model.ActDone}, c.T("tui.cockpit.ended", it.N)) {
			m.cursor.pos = m.nextPending(it.N)
		}
	case key.Matches(msg, k.Defer):
		m.askItem(it, model.ActDefer, "tui.cockpit.ask_defer", "tui.cockpit.deferred")
	case key.Matches(msg, k.Withdraw):
		m.askItem(it, model.ActWithdraw, "tui.cockpit.ask_withdraw", "tui.cockpit.withdrawn")
	case key.Matches(msg, k.Vote), key.Matches(msg, k.AllFor):
		startVote(c, GoMsg{To: screenVote, Item: it.N, AllFor: key.Matches(msg, k.AllFor)})
	case key.Matches(msg, k.FinalVote) && it.Kind == model.KindBudget:
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
		// What stands in the way is said before the question.
		if c.Refuse() {
			return
		}
		if err := c.Check(&model.CloseCmd{Session: s.ID}); err != nil {
			c.Fail(err)
			return
		}
		m.ask(c.T("tui.cockpit.ask_close", s.ID), nil, 0, func(int) error {
			return c.Do(&model.CloseCmd{Session: s.ID})
		}, c.T("tui.cockpit.closed"))
	}
}

// askItem asks before deferring or withdrawing an item (neither can be
// undone by a key), after checking that the rules allow it.
func (m *cockpit) askItem(it *model.Item, action, question, done string) {
	c := m.c
	if c.Refuse() {
		return
	}
	cmd := &model.ItemCmd{Session: c.SessionID, N: it.N, Action: action}
	if err := c.Check(cmd); err != nil {
		c.Fail(err)
		return
	}
	m.ask(c.T(question, it.N), nil, 0, func(int) error {
		if err := c.Do(cmd); err != nil {
			return err
		}
		m.cursor.pos = m.nextPending(it.N)
		return nil
	}, c.T(done, it.N))
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

// do carries out cmd and says done or why not; it reports whether it was
// done.
func (m *cockpit) do(cmd model.Command, done string) bool {
	if err := m.c.Do(cmd); err != nil {
		m.c.Fail(err)
		return false
	}
	m.c.Info(done)
	return true
}

func (m *cockpit) ask(q string, choices []string, choice int, run func(int) error, done string) {
	m.prompt = &prompt{question: q, choices: choices, choice: choice, run: run, done: done}
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
	var box string
	if m.prompt != nil {
		var rows int
		box, rows = m.prompt.box(c, m.w)
		h -= rows
	}
	left := strings.Split(st.Box(m.agenda(lw-4, h-2), lw-4, false), "\n")
	right := strings.Split(st.Box(m.detail(rw-4, h-2), rw-4, false), "\n")
	var b strings.Builder
	for i := range left {
		b.WriteString(c.row(left[i], right[i]))
		b.WriteByte('\n')
	}
	b.WriteString(box)
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
	if n, sp, over := len(model.LiveNotes(it.Notes)), speakerSummary(c, it), floorOverTime(c, it); n > 0 || sp != "" {
		style := st.Label
		if over {
			style = st.Bad
		}
		add(style.Render(c.CellStart(c.T("tui.item.notes", n)+sp, w)))
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

// floorOverTime reports that the speaker who has the floor on it has run
// past the session's speaking time.
func floorOverTime(c *Common, it *model.Item) bool {
	for _, sp := range it.Speakers {
		if sp.Speaking() {
			return overTime(c, turn(c, sp))
		}
	}
	return false
}

// speakerSummary says who is speaking and for how long, or how many wait.
func speakerSummary(c *Common, it *model.Item) string {
	waiting := 0
	for _, sp := range it.Speakers {
		if sp.Speaking() {
			return " · " + c.T("tui.speakers.speaking", speakerName(c, sp), since(turn(c, sp)))
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

// ShortHelp implements help.KeyMap.
func (m *cockpit) ShortHelp() []key.Binding {
	k := m.c.Keys
	if m.prompt != nil {
		return m.prompt.help(k)
	}
	s := m.c.Data.Session
	it := m.selected()
	switch {
	case s == nil:
		return []key.Binding{k.Back, k.Quit}
	case s.State == model.StateDraft:
		return []key.Binding{k.OpenSitting, k.Agenda, k.Up, k.Down, k.Enter, k.Back, k.Quit}
	case s.State == model.StateSuspended:
		return []key.Binding{k.OpenSitting, k.Up, k.Down, k.Enter, k.Back, k.Quit}
	case s.State == model.StateClosed || it == nil:
		return []key.Binding{k.Up, k.Down, k.Enter, k.Back, k.Quit}
	}
	// The keys the selected item needs come first.
	var bs []key.Binding
	switch {
	case it.State != model.ItemOpen && it.Outcome == model.Pending || it.Outcome == model.Deferred:
		bs = []key.Binding{k.Start, k.Defer}
	case it.State == model.ItemOpen && it.Kind == model.KindBudget:
		bs = []key.Binding{withHelp(k.Enter, m.c, "tui.cockpit.lines"), k.FinalVote, k.Defer}
	case it.State == model.ItemOpen && it.Votes:
		bs = []key.Binding{k.Vote, k.AllFor, k.Defer}
	case it.State == model.ItemOpen:
		bs = []key.Binding{k.Done, k.Defer}
	case it.Vote != nil:
		bs = []key.Binding{k.Correct}
	}
	return append(bs, k.Notes, k.Up, k.Down, k.RollCall, k.Suspend, k.Close, k.Quit)
}

// FullHelp implements help.KeyMap.
func (m *cockpit) FullHelp() [][]key.Binding {
	k := m.c.Keys
	return [][]key.Binding{
		{k.Up, k.Down, k.PageUp, k.PageDown, k.Home, k.End, k.Enter, k.Back},
		{k.Start, k.Vote, k.AllFor, k.Correct, k.Done, k.Defer, k.Withdraw, k.Notes},
		{withHelp(k.Enter, m.c, "tui.cockpit.lines"), k.FinalVote},
		{k.OpenSitting, k.Suspend, k.Close, k.Agenda},
	}
}

// MoreHelp implements moreHelp: a budget's keys, one enter away.
func (m *cockpit) MoreHelp() (string, []key.Binding) {
	var bs []key.Binding
	for _, g := range m.c.budgetKeys() {
		bs = append(bs, g...)
	}
	return m.c.T("tui.help.budget"), bs
}
