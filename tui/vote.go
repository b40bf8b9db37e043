package tui

import (
	"slices"
	"strconv"
	"strings"

	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"
	"github.com/jalsa-app/jalsa/model"
)

// vote records a vote on an item or a budget line, or corrects one: by
// counts, checked as they are typed (their sum never exceeds the members
// present), or by name (everyone votes the rest choice, then the
// exceptions). A preview gives the outcome and its explanation before
// enter records it; a tie asks for the presiding member's side.
type vote struct {
	c       *Common
	w, h    int
	item    int
	line    string
	correct bool

	named  bool
	counts [3]int
	focus  int
	chair  model.Choice
	// By name: the members whose vote differs from rest.
	exceptions map[string]model.Choice
	rest       model.Choice
	cursor     cursor
	reason     field
}

// Fields of the vote screen, in tab order.
const (
	fieldFor = iota
	fieldAgainst
	fieldAbstain
	fieldChair
	fieldGrid
	fieldReason
)

// choices are the sides of a vote, in the order keys 1, 2, 3 pick them.
var choices = []model.Choice{model.For, model.Against, model.Abstain}

// voteBase is what a vote is measured against: the members present and the
// rules. A correction keeps those of the vote it corrects.
type voteBase struct {
	present, seats, quorum int
	met                    bool
	rule                   model.Majority
	tie                    model.TieRule
	ids                    []string
}

func newVote(c *Common) *vote { return &vote{c: c} }

// SetSize implements page.
func (m *vote) SetSize(w, h int) { m.w, m.h = w, h }

// Init implements tea.Model.
func (m *vote) Init() tea.Cmd { return nil }

// Capturing implements capturer: the reason field takes every key.
func (m *vote) Capturing() bool { return m.fields()[m.focus] == fieldReason }

// Update implements tea.Model.
func (m *vote) Update(msg tea.Msg) (tea.Model, tea.Cmd) {
	switch msg := msg.(type) {
	case GoMsg:
		if msg.Item > 0 {
			m.reset(msg)
		}
	case tea.KeyMsg:
		m.key(msg)
	}
	return m, nil
}

// reset prepares the screen for a new vote, or for correcting one with the
// recorded figures filled in.
func (m *vote) reset(g GoMsg) {
	*m = vote{c: m.c, w: m.w, h: m.h, item: g.Item, line: g.Line, correct: g.Correct,
		exceptions: map[string]model.Choice{}, rest: model.For, reason: newField(200)}
	if old := m.recorded(); m.correct && old != nil {
		m.counts = [3]int{old.For, old.Against, old.Abstain}
		m.chair = old.Chair
		if old.Named != nil {
			m.named = true
			for id, ch := range old.Named {
				if ch != model.For {
					m.exceptions[id] = ch
				}
			}
		}
	}
}

// recorded is the vote already on the target, if any.
func (m *vote) recorded() *model.Vote {
	it := m.c.Data.Item(m.item)
	if it == nil {
		return nil
	}
	if m.line == "" {
		return it.Vote
	}
	if l, err := it.Line(m.line); err == nil {
		return l.Vote
	}
	return nil
}

func (m *vote) base() voteBase {
	d := m.c.Data
	if old := m.recorded(); m.correct && old != nil {
		return voteBase{old.Present, old.Seats, old.Quorum, true, old.Rule, old.Tie, old.PresentIDs}
	}
	b := voteBase{present: d.Quorum.Present, seats: d.Quorum.Seats, quorum: d.Quorum.Required, met: d.Quorum.Met}
	if d.Body != nil {
		b.rule, b.tie = d.Body.Rules.Majority, d.Body.Rules.Tie
	}
	if it := d.Item(m.item); it != nil && it.Majority != "" {
		b.rule = it.Majority
	}
	if d.Session != nil {
		b.ids = d.Session.Sitting().PresentIDs()
	}
	return b
}

// tally is the vote as entered so far.
func (m *vote) tally(b voteBase) model.Tally {
	if !m.named {
		return model.Tally{For: m.counts[0], Against: m.counts[1], Abstain: m.counts[2]}
	}
	var t model.Tally
	for _, id := range b.ids {
		switch m.choiceOf(id) {
		case model.For:
			t.For++
		case model.Against:
			t.Against++
		case model.Abstain:
			t.Abstain++
		}
	}
	return t
}

func (m *vote) choiceOf(id string) model.Choice {
	if ch, ok := m.exceptions[id]; ok {
		return ch
	}
	return m.rest
}

// needsChair reports a tie by counts under the president rule.
func (m *vote) needsChair(b voteBase) bool {
	return !m.named && b.tie == model.TiePresident && model.IsTie(b.rule, m.tally(b))
}

// fields lists the fields shown now, in tab order.
func (m *vote) fields() []int {
	var f []int
	if m.named {
		f = []int{fieldGrid}
	} else {
		f = []int{fieldFor, fieldAgainst, fieldAbstain}
		if m.needsChair(m.base()) {
			f = append(f, fieldChair)
		}
	}
	if m.correct {
		f = append(f, fieldReason)
	}
	if m.focus >= len(f) {
		m.focus = len(f) - 1
	}
	return f
}

func (m *vote) key(msg tea.KeyMsg) {
	c, k := m.c, m.c.Keys
	fields := m.fields()
	cur := fields[m.focus]
	switch {
	case key.Matches(msg, k.Back):
		c.Back()
		return
	case key.Matches(msg, k.Enter):
		m.confirm()
		return
	case key.Matches(msg, k.Tab):
		m.focus = (m.focus + 1) % len(fields)
		return
	case key.Matches(msg, k.ShiftTab):
		m.focus = (m.focus + len(fields) - 1) % len(fields)
		return
	}
	switch cur {
	case fieldReason:
		m.reason.update(msg)
	case fieldGrid:
		m.gridKey(msg)
	case fieldChair:
		m.chairKey(msg)
	default:
		m.countKey(msg, cur)
	}
}

// countKey types a digit into a count, refusing one that would make the
// sum exceed the members present.
func (m *vote) countKey(msg tea.KeyMsg, f int) {
	c, k := m.c, m.c.Keys
	switch {
	case key.Matches(msg, k.Up):
		m.focus = max(m.focus-1, 0)
	case key.Matches(msg, k.Down):
		m.focus = min(m.focus+1, len(m.fields())-1)
	case key.Matches(msg, k.ByName):
		m.named, m.focus = true, 0
	case msg.Type == tea.KeyBackspace:
		m.counts[f] /= 10
	case msg.Type == tea.KeyRunes:
		// Several digits may come in one message when typed fast or pasted.
		for _, r := range msg.Runes {
			if r < '0' || r > '9' {
				return
			}
			n := m.counts[f]*10 + int(r-'0')
			b := m.base()
			t := m.counts
			t[f] = n
			if sum := t[0] + t[1] + t[2]; sum > b.present {
				c.Fail(model.Refused("err.votes_exceed_present", sum, b.present))
				return
			}
			m.counts[f] = n
		}
	}
}

func (m *vote) chairKey(msg tea.KeyMsg) {
	k := m.c.Keys
	i := 0
	for j, ch := range choices {
		if ch == m.chair {
			i = j
		}
	}
	switch {
	case key.Matches(msg, k.Left), key.Matches(msg, k.Up):
		i = (i + len(choices) - 1) % len(choices)
	case key.Matches(msg, k.Right), key.Matches(msg, k.Down), key.Matches(msg, k.Toggle):
		if m.chair != model.NoVote {
			i = (i + 1) % len(choices)
		}
	case key.Matches(msg, k.VoteFor):
		i = 0
	case key.Matches(msg, k.VoteAgainst):
		i = 1
	case key.Matches(msg, k.VoteAbstain):
		i = 2
	default:
		return
	}
	m.chair = choices[i]
}

// gridKey sets the vote of the member under the cursor, or the rest.
func (m *vote) gridKey(msg tea.KeyMsg) {
	k := m.c.Keys
	ids := m.base().ids
	if m.cursor.move(msg, k, len(ids), m.gridRows()) {
		return
	}
	if key.Matches(msg, k.ByName) {
		m.named, m.focus = false, 0
		return
	}
	if key.Matches(msg, k.Rest) {
		next := map[model.Choice]model.Choice{model.For: model.Against, model.Against: model.Abstain, model.Abstain: model.NoVote, model.NoVote: model.For}
		m.rest = next[m.rest]
		return
	}
	if len(ids) == 0 {
		return
	}
	m.cursor.clamp(len(ids), m.gridRows())
	id := ids[m.cursor.pos]
	set := func(ch model.Choice) {
		if ch == m.rest {
			delete(m.exceptions, id)
		} else {
			m.exceptions[id] = ch
		}
	}
	switch {
	case key.Matches(msg, k.VoteFor):
		set(model.For)
	case key.Matches(msg, k.VoteAgainst):
		set(model.Against)
	case key.Matches(msg, k.VoteAbstain):
		set(model.Abstain)
	case key.Matches(msg, k.VoteClear):
		delete(m.exceptions, id)
	case key.Matches(msg, k.Toggle):
		next := map[model.Choice]model.Choice{model.For: model.Against, model.Against: model.Abstain, model.Abstain: model.For, model.NoVote: model.For}
		set(next[m.choiceOf(id)])
	}
}

// confirm records the vote, or says what is missing.
func (m *vote) confirm() {
	c := m.c
	b := m.base()
	if m.needsChair(b) && m.chair == model.NoVote {
		m.focusOn(fieldChair)
		t := m.tally(b)
		c.Fail(model.Refused("tui.vote.tie_side", t.For, t.Against))
		return
	}
	if m.correct && strings.TrimSpace(m.reason.Value()) == "" {
		m.focusOn(fieldReason)
		c.Fail(model.Usage("tui.vote.reason_needed"))
		return
	}
	cmd := &model.VoteCmd{Session: c.SessionID, N: m.item, Line: m.line, Correct: m.correct, Reason: m.reason.Value()}
	if m.named {
		// Every present member is named, so the event says exactly who
		// voted what.
		cmd.Named = map[string]model.Choice{}
		for _, id := range b.ids {
			if ch := m.choiceOf(id); ch != model.NoVote {
				cmd.Named[id] = ch
			}
		}
	} else {
		cmd.For, cmd.Against, cmd.Abstain = m.counts[0], m.counts[1], m.counts[2]
		if m.needsChair(b) {
			cmd.Chair = m.chair
		}
	}
	if err := c.Do(cmd); err != nil {
		c.Fail(err)
		return
	}
	if v := m.recorded(); v != nil {
		c.Info(c.T("tui.vote.recorded", model.Ref(c.SessionID, m.item, m.line), model.Explain(c.Lang, v)))
	}
	c.Back()
}

func (m *vote) focusOn(f int) {
	for i, x := range m.fields() {
		if x == f {
			m.focus = i
		}
	}
}

// preview is the vote as it would be recorded now.
func (m *vote) preview(b voteBase) *model.Vote {
	t := m.tally(b)
	v := &model.Vote{For: t.For, Against: t.Against, Abstain: t.Abstain, Present: b.present, Seats: b.seats,
		Quorum: b.quorum, Rule: b.rule, Tie: b.tie, Chair: m.chair}
	if m.named && m.c.Data.Session != nil {
		v.Chair = m.choiceOf(m.c.Data.Session.Chair)
		if !slices.Contains(b.ids, m.c.Data.Session.Chair) {
			v.Chair = model.NoVote
		}
	}
	v.Outcome = model.Decide(v.Rule, v.Tie, t, v.Present, v.Seats, v.Chair)
	return v
}

// headerRows of the vote screen: title, subject, base figures, blank.
const voteHeaderRows = 4

// gridRows is how many members the named grid shows.
func (m *vote) gridRows() int { return max(m.h-voteHeaderRows-5, 3) }

// View implements tea.Model.
func (m *vote) View() string {
	c, st := m.c, m.c.Styles
	it := c.Data.Item(m.item)
	if it == nil {
		return ""
	}
	w := m.w
	b := m.base()
	var out []string
	add := func(l ...string) { out = append(out, l...) }
	heading := "tui.vote.title"
	if m.correct {
		heading = "tui.vote.correct_title"
	}
	add(st.Title.Render(c.Cell(c.T(heading, model.Ref(c.SessionID, m.item, m.line)), w)))
	subject := it.Title
	if m.line != "" {
		if l, err := it.Line(m.line); err == nil {
			subject = l.Label + " · " + c.Money(l.Amount)
		}
	}
	add(c.Cell(subject, w))
	quorum := "✓"
	qs := st.Good
	if !b.met {
		quorum, qs = "✗", st.Bad
	}
	add(c.row(st.Label.Render(c.Cell(c.T("tui.vote.base", c.T("tui.rule."+string(b.rule)), b.present, b.seats), w-20)), " ",
		qs.Render(c.Cell(quorum+" "+c.T("tui.header.quorum_met", b.quorum), 19))))
	add("")
	cur := m.fields()[m.focus]
	t := m.tally(b)
	if m.named {
		add(m.grid(b, w, cur == fieldGrid)...)
		add(c.Cell(c.T("tui.vote.rest", c.T("choice."+choiceKey(m.rest)))+" · "+c.T("tui.vote.counts", t.For, t.Against, t.Abstain), w))
	} else {
		labels := []string{c.T("choice.for"), c.T("choice.against"), c.T("choice.abstain")}
		for i, l := range labels {
			add(m.countRow(l, m.counts[i], cur == i))
		}
		add(st.Label.Render(c.Cell(c.T("tui.vote.not_voting", max(b.present-t.Total(), 0)), w)))
		if m.needsChair(b) {
			add(m.chairRow(cur == fieldChair, w))
		}
	}
	if m.correct {
		add(c.row(c.Cell(c.T("tui.vote.reason"), 14), " ", m.reason.view(c, w-16, cur == fieldReason)))
	}
	add("")
	add(m.previewLines(b, w)...)
	return strings.Join(out, "\n")
}

func choiceKey(ch model.Choice) string {
	if ch == model.NoVote {
		return "unknown"
	}
	return string(ch)
}

func (m *vote) countRow(label string, n int, focused bool) string {
	c, st := m.c, m.c.Styles
	val := strconv.Itoa(n)
	if focused {
		if n == 0 {
			val = ""
		}
		return c.row(c.pointer(), c.Cell(label, 14), " ", st.Selected.Render("["+padLeft(val+"▏", 6)+"]"))
	}
	return c.row("  ", c.Cell(label, 14), " ", st.Dim.Render("[")+padLeft(val, 6)+st.Dim.Render("]"))
}

func (m *vote) chairRow(focused bool, w int) string {
	c, st := m.c, m.c.Styles
	pieces := []string{c.Cell(c.T("tui.vote.chair_side"), 0), " "}
	for _, ch := range choices {
		label := c.Cell(c.T("choice."+string(ch)), 0)
		if ch == m.chair {
			pieces = append(pieces, st.Selected.Render("‹"+label+"›"), " ")
		} else {
			pieces = append(pieces, " "+label+"  ")
		}
	}
	lead := "  "
	if focused {
		lead = st.Warn.Render(c.pointer())
	}
	return c.row(append([]string{lead}, pieces...)...)
}

// grid draws the present members with their votes.
func (m *vote) grid(b voteBase, w int, focused bool) []string {
	c := m.c
	rows := m.gridRows()
	from, to := m.cursor.window(len(b.ids), rows)
	out := make([]string, 0, rows)
	for i := from; i < to; i++ {
		id := b.ids[i]
		ch := m.choiceOf(id)
		mark := " "
		if _, ok := m.exceptions[id]; ok {
			mark = "*"
		}
		line := c.row(c.Cell(id, 6), " ", c.Cell(c.Data.MemberName(id), w-6-20), " ", mark, c.Cell(c.T("choice."+choiceKey(ch)), 14))
		out = append(out, c.selectRow(focused && i == m.cursor.pos, line))
	}
	for len(out) < rows {
		out = append(out, "")
	}
	return out
}

func (m *vote) previewLines(b voteBase, w int) []string {
	c, st := m.c, m.c.Styles
	if !m.correct && !b.met {
		return []string{st.Bad.Render(c.Cell(model.Message(model.Refused("err.no_quorum", b.present, b.quorum, b.seats), c.Lang), w))}
	}
	if m.needsChair(b) && m.chair == model.NoVote {
		t := m.tally(b)
		return []string{st.Warn.Render(c.Cell(c.T("tui.vote.tie_side", t.For, t.Against), w))}
	}
	v := m.preview(b)
	mark, ms := st.Outcome(v.Outcome, "")
	out := []string{ms.Render(c.Cell(mark+" "+c.T("tui.vote.preview"), w))}
	for _, l := range c.cells(model.Explain(c.Lang, v), w, 2) {
		out = append(out, ms.Render(l))
	}
	return out
}

// ShortHelp implements help.KeyMap.
func (m *vote) ShortHelp() []key.Binding {
	k := m.c.Keys
	if m.named {
		return []key.Binding{k.Up, k.Down, k.VoteFor, k.VoteAgainst, k.VoteAbstain, k.Rest, k.ByName, k.Enter, k.Back}
	}
	return []key.Binding{k.Tab, k.ByName, k.Enter, k.Back}
}

// FullHelp implements help.KeyMap.
func (m *vote) FullHelp() [][]key.Binding {
	k := m.c.Keys
	return [][]key.Binding{
		{k.Tab, k.ShiftTab, k.Enter, k.Back, k.ByName},
		{k.Up, k.Down, k.VoteFor, k.VoteAgainst, k.VoteAbstain, k.VoteClear, k.Toggle, k.Rest},
	}
}
