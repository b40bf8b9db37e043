package tui

import (
	"maps"
	"slices"
	"strconv"
	"strings"

	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"
	"github.com/jalsa-app/jalsa/model"
)

// vote records a vote on an item or a budget line, or corrects one: by
// counts, or by name (everyone votes the rest choice, then the exceptions,
// found by typing). A count is recorded only as the clerk typed it: each of
// the three must be typed (0 too), the fields show exactly what was typed,
// and a sum above the members present stays on screen, marked, while enter
// refuses with the reason. A preview gives the outcome before enter records
// it; a tie asks for the presiding member's side.
type vote struct {
	c       *Common
	w, h    int
	item    int
	line    string
	correct bool

	named bool
	// counts are the digits typed for, against and abstained ("": not typed).
	counts [3]string
	focus  int
	chair  model.Choice
	// By name: the members whose vote differs from rest.
	exceptions map[string]model.Choice
	rest       model.Choice
	cursor     cursor
	find       memberFinder
	// pick is the cursor among the members the search finds.
	pick   cursor
	reason field
	// opened is the form as it opened, to tell whether anything was typed.
	opened string
	// discard asks before esc throws away what was typed.
	discard *prompt
}

// Fields of the vote screen, in tab order.
const (
	fieldFor = iota
	fieldAgainst
	fieldAbstain
	fieldChair
	fieldGrid
	fieldFind
	fieldReason
)

// maxCountDigits bounds a count as typed: no room holds a million members.
const maxCountDigits = 6

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

func newVote(c *Common) *vote { return &vote{c: c, find: newMemberFinder()} }

// SetSize implements page.
func (m *vote) SetSize(w, h int) { m.w, m.h = w, h }

// Init implements tea.Model.
func (m *vote) Init() tea.Cmd { return nil }

// Capturing implements capturer: the reason and the member search take
// every key.
func (m *vote) Capturing() bool {
	f := m.current()
	return m.discard == nil && (f == fieldReason || f == fieldFind)
}

// Update implements tea.Model.
func (m *vote) Update(msg tea.Msg) (tea.Model, tea.Cmd) {
	switch msg := msg.(type) {
	case GoMsg:
		if msg.Item > 0 {
			m.reset(msg)
		}
	case tea.KeyMsg:
		if m.discard != nil {
			if m.discard.update(m.c, msg) {
				m.discard = nil
			}
			return m, nil
		}
		m.key(msg)
	}
	return m, nil
}

// reset prepares the screen for a new vote, or for correcting one with the
// recorded figures filled in, or with every member present voting for when
// the clerk asked for it (AllFor).
func (m *vote) reset(g GoMsg) {
	*m = vote{c: m.c, w: m.w, h: m.h, item: g.Item, line: g.Line, correct: g.Correct,
		exceptions: map[string]model.Choice{}, rest: model.For, reason: newField(200), find: newMemberFinder()}
	if old := m.recorded(); m.correct && old != nil {
		m.counts = [3]string{strconv.Itoa(old.For), strconv.Itoa(old.Against), strconv.Itoa(old.Abstain)}
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
	m.opened = m.signature()
	if g.AllFor {
		m.allFor()
	}
}

// signature sums up what the form holds, to tell whether anything changed.
func (m *vote) signature() string {
	var b strings.Builder
	b.WriteString(strings.Join(m.counts[:], "/") + "|" + string(m.chair) + "|" + string(m.rest) + "|" + m.reason.Value())
	if m.named {
		b.WriteString("|named")
	}
	for _, id := range slices.Sorted(maps.Keys(m.exceptions)) {
		b.WriteString("|" + id + "=" + string(m.exceptions[id]))
	}
	return b.String()
}

// typed reports that the form holds something the clerk typed.
func (m *vote) typed() bool { return m.signature() != m.opened }

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

// count is count i as typed, and whether it was typed.
func (m *vote) count(i int) (int, bool) {
	if m.counts[i] == "" {
		return 0, false
	}
	n, _ := strconv.Atoi(m.counts[i]) // digits only, at most six
	return n, true
}

// complete reports that all three counts were typed.
func (m *vote) complete() bool { return m.counts[0] != "" && m.counts[1] != "" && m.counts[2] != "" }

// tally is the vote as entered so far (a count not typed counts 0).
func (m *vote) tally(b voteBase) model.Tally {
	if !m.named {
		f, _ := m.count(0)
		a, _ := m.count(1)
		ab, _ := m.count(2)
		return model.Tally{For: f, Against: a, Abstain: ab}
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

// over reports counts whose sum exceeds the members present.
func (m *vote) over(b voteBase) bool { return !m.named && m.tally(b).Total() > b.present }

// needsChair reports a tie by counts under the president rule, once for and
// against are typed.
func (m *vote) needsChair(b voteBase) bool {
	return !m.named && m.counts[0] != "" && m.counts[1] != "" && !m.over(b) && b.tie == model.TiePresident && model.IsTie(b.rule, m.tally(b))
}

// fields lists the fields shown now, in tab order.
func (m *vote) fields() []int {
	var f []int
	if m.named {
		f = []int{fieldGrid, fieldFind}
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

// current is the field with the focus.
func (m *vote) current() int { return m.fields()[m.focus] }

func (m *vote) key(msg tea.KeyMsg) {
	c, k := m.c, m.c.Keys
	cur := m.current()
	if cur == fieldFind {
		m.findKey(msg)
		return
	}
	switch {
	case key.Matches(msg, k.Back):
		if m.typed() {
			m.discard = &prompt{question: c.T("tui.vote.ask_discard"), answer: c.T("tui.vote.discard_answer"),
				run: func(int) error { c.Back(); return nil }}
			return
		}
		c.Back()
		return
	case key.Matches(msg, k.Enter):
		m.confirm()
		return
	case key.Matches(msg, k.Tab):
		m.focus = (m.focus + 1) % len(m.fields())
		return
	case key.Matches(msg, k.ShiftTab):
		m.focus = (m.focus + len(m.fields()) - 1) % len(m.fields())
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

// allFor fills in "every member present voted for": the counts, or the
// named grid with no exceptions. The preview shows it before enter.
func (m *vote) allFor() {
	b := m.base()
	if m.named {
		m.rest = model.For
		clear(m.exceptions)
		return
	}
	m.counts = [3]string{strconv.Itoa(b.present), "0", "0"}
	m.chair = model.NoVote
}

// digit reads a typed digit, Western or Arabic-Indic (an Arabic keyboard
// types ٣), as 0–9; ok is false for anything else.
func digit(r rune) (byte, bool) {
	switch {
	case r >= '0' && r <= '9':
		return byte(r - '0'), true
	case r >= '٠' && r <= '٩':
		return byte(r - '٠'), true
	case r >= '۰' && r <= '۹':
		return byte(r - '۰'), true
	}
	return 0, false
}

// countKey types into a count. Whatever is typed stays as typed: a sum
// above the members present is marked on screen, not silently cut.
func (m *vote) countKey(msg tea.KeyMsg, f int) {
	c, k := m.c, m.c.Keys
	switch {
	case key.Matches(msg, k.Up):
		m.focus = max(m.focus-1, 0)
	case key.Matches(msg, k.Down):
		m.focus = min(m.focus+1, len(m.fields())-1)
	case key.Matches(msg, k.Left), key.Matches(msg, k.Right):
		// The hint of a tie says ←/→ wherever the focus is.
		if m.needsChair(m.base()) {
			m.focusOn(fieldChair)
			m.chairKey(msg)
		}
	case key.Matches(msg, k.ByName):
		m.named, m.focus = true, 0
	case key.Matches(msg, k.AllFor):
		m.allFor()
	case msg.Type == tea.KeyBackspace:
		if s := m.counts[f]; s != "" {
			m.counts[f] = s[:len(s)-1]
		}
	case msg.Type == tea.KeyRunes:
		// Several digits may come in one message when typed fast or pasted.
		for _, r := range msg.Runes {
			d, ok := digit(r)
			if !ok {
				return
			}
			if len(m.counts[f]) == maxCountDigits {
				c.Fail(model.Usage("tui.vote.too_long", maxCountDigits))
				return
			}
			m.counts[f] += string(rune('0' + d))
		}
	}
}

func (m *vote) chairKey(msg tea.KeyMsg) {
	k := m.c.Keys
	i := slices.Index(choices, m.chair)
	switch {
	case key.Matches(msg, k.Left), key.Matches(msg, k.Up):
		if i < 0 {
			i = len(choices)
		}
		i = (i + len(choices) - 1) % len(choices)
	case key.Matches(msg, k.Right), key.Matches(msg, k.Down), key.Matches(msg, k.Toggle):
		i = (i + 1) % len(choices)
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
	switch {
	case key.Matches(msg, k.ByName):
		m.named, m.focus = false, 0
		return
	case key.Matches(msg, k.AllFor):
		m.allFor()
		return
	case key.Matches(msg, k.Rest):
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

// found lists the present members the search finds, in the grid's order.
func (m *vote) found(b voteBase) []string {
	if strings.TrimSpace(m.find.Value()) == "" {
		return b.ids
	}
	var out []string
	for _, mem := range m.find.matches(m.c.Data) {
		if slices.Contains(b.ids, mem.ID) {
			out = append(out, mem.ID)
		}
	}
	return out
}

// findKey types into the member search; enter (or tab) goes back to the
// grid on the member found, esc without moving.
func (m *vote) findKey(msg tea.KeyMsg) {
	k := m.c.Keys
	b := m.base()
	switch {
	case key.Matches(msg, k.Back):
		m.find.SetValue("")
		m.focusOn(fieldGrid)
	case key.Matches(msg, k.Enter), key.Matches(msg, k.Tab), key.Matches(msg, k.ShiftTab):
		if found := m.found(b); len(found) > 0 {
			m.pick.clamp(len(found), m.gridRows())
			m.cursor = cursor{pos: slices.Index(b.ids, found[m.pick.pos])}
		}
		m.find.SetValue("")
		m.focusOn(fieldGrid)
	case msg.Type == tea.KeyUp, msg.Type == tea.KeyDown, msg.Type == tea.KeyPgUp, msg.Type == tea.KeyPgDown:
		m.pick.move(msg, k, len(m.found(b)), m.gridRows())
	default:
		m.find.update(msg)
		m.pick = cursor{}
	}
}

// confirm records the vote, or says why not and puts the focus where the
// clerk must act.
func (m *vote) confirm() {
	c := m.c
	b := m.base()
	if f, err := m.refusal(b); err != nil {
		m.focusOn(f)
		c.Fail(err)
		return
	}
	cmd := &model.VoteCmd{Session: c.SessionID, N: m.item, Line: m.line, Correct: m.correct, Reason: m.reason.Value()}
	t := m.tally(b)
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
		cmd.For, cmd.Against, cmd.Abstain = t.For, t.Against, t.Abstain
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
	c.BackAfter(GoMsg{Voted: true, Item: m.item, Line: m.line})
}

// refusal is the field where the clerk must act (-1: none) and why enter
// would not record the vote now (nil: it would).
func (m *vote) refusal(b voteBase) (int, error) {
	if !m.correct && !b.met {
		return -1, model.NoQuorum(b.present, b.quorum, b.seats)
	}
	if !m.named {
		labels := []string{"choice.for", "choice.against", "choice.abstain"}
		for i := range m.counts {
			if m.counts[i] == "" {
				return fieldFor + i, model.Usage("tui.vote.missing", m.c.T(labels[i]))
			}
		}
		if t := m.tally(b); t.Total() > b.present {
			return -1, model.Refused("err.votes_exceed_present", t.Total(), b.present)
		}
		if m.needsChair(b) && m.chair == model.NoVote {
			t := m.tally(b)
			return fieldChair, model.Refused("tui.vote.tie_side", t.For, t.Against)
		}
	}
	if m.correct && strings.TrimSpace(m.reason.Value()) == "" {
		return fieldReason, model.Usage("tui.vote.reason_needed")
	}
	return -1, nil
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
func (m *vote) gridRows() int { return max(m.h-voteHeaderRows-6, 3) }

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
	add(st.Title.Render(c.CellStart(c.T(heading, model.Ref(c.SessionID, m.item, m.line)), w)))
	subject := it.Title
	if m.line != "" {
		if l, err := it.Line(m.line); err == nil {
			subject = l.Label + " · " + c.Money(l.Amount)
		}
	}
	add(c.CellStart(subject, w))
	quorum := "✓"
	qs := st.Good
	if !b.met {
		quorum, qs = "✗", st.Bad
	}
	add(c.row(st.Label.Render(c.CellStart(c.T("tui.vote.base", c.T("tui.rule."+string(b.rule)), b.present, b.seats), w-20)), " ",
		qs.Render(c.Cell(quorum+" "+c.T("tui.header.quorum_met", b.quorum), 19))))
	add("")
	cur := m.current()
	t := m.tally(b)
	if m.named {
		add(m.findRow(w, cur == fieldFind))
		add(m.grid(b, w, cur)...)
		add(c.CellStart(c.T("tui.vote.rest", c.T("choice."+choiceKey(m.rest)))+" · "+c.T("tui.vote.counts", t.For, t.Against, t.Abstain), w))
	} else {
		labels := []string{c.T("choice.for"), c.T("choice.against"), c.T("choice.abstain")}
		over := m.over(b)
		for i, l := range labels {
			add(m.countRow(i, l, cur == i, over, w))
		}
		if over {
			add(st.Bad.Render(c.CellStart("✗ "+model.Message(model.Refused("err.votes_exceed_present", t.Total(), b.present), c.Lang), w)))
		} else {
			add(st.Label.Render(c.CellStart(c.T("tui.vote.not_voting", max(b.present-t.Total(), 0)), w)))
		}
		if m.needsChair(b) {
			add(m.chairRow(cur == fieldChair, w))
		}
	}
	if m.correct {
		add(c.line(c.row(c.Cell(c.T("tui.vote.reason"), 14), " ", m.reason.view(c, w-16, cur == fieldReason)), w))
	}
	add("")
	add(m.previewLines(b, w)...)
	if m.discard != nil {
		box, rows := m.discard.box(c, w)
		out = append(fill(out, w, m.h-rows), box)
	}
	return strings.Join(out, "\n")
}

func choiceKey(ch model.Choice) string {
	if ch == model.NoVote {
		return "unknown"
	}
	return string(ch)
}

// countRow draws count i as typed: blank until typed, marked when the sum
// is above the members present.
func (m *vote) countRow(i int, label string, focused, over bool, w int) string {
	c, st := m.c, m.c.Styles
	val := m.counts[i]
	if focused {
		val += "▏"
	}
	box := st.Dim.Render("[") + padLeft(val, maxCountDigits+1) + st.Dim.Render("]")
	mark := "  "
	switch {
	case over && val != "":
		box, mark = st.Bad.Render("["+padLeft(val, maxCountDigits+1)+"]"), st.Bad.Render(" ✗")
	case focused:
		box = st.Selected.Render("[" + padLeft(val, maxCountDigits+1) + "]")
	}
	lead := "  "
	if focused {
		lead = c.pointer()
	}
	return c.line(c.row(lead, c.Cell(label, 14), " ", box, mark), w)
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
	return c.line(c.row(append([]string{lead}, pieces...)...), w)
}

// findRow is the member search of the named grid.
func (m *vote) findRow(w int, focused bool) string {
	c := m.c
	label := c.Cell(c.T("tui.roll.find"), 12)
	if !focused && m.find.Value() == "" {
		return c.line(c.row(label, " ", c.Styles.Dim.Render(c.Cell(c.T("tui.vote.find_hint"), 0))), w)
	}
	return c.line(c.row(label, " ", m.find.view(c, 40, focused)), w)
}

// grid draws the present members with their votes: those the search finds
// while it has the focus.
func (m *vote) grid(b voteBase, w int, cur int) []string {
	c := m.c
	rows := m.gridRows()
	ids, pos := b.ids, &m.cursor
	if cur == fieldFind {
		ids, pos = m.found(b), &m.pick
	}
	from, to := pos.window(len(ids), rows)
	out := make([]string, 0, rows)
	for i := from; i < to; i++ {
		id := ids[i]
		ch := m.choiceOf(id)
		mark := " "
		if _, ok := m.exceptions[id]; ok {
			mark = "*"
		}
		// The vote stays next to the name on a wide screen.
		line := c.line(c.row(c.Cell(id, 6), " ", c.CellStart(c.Data.MemberName(id), min(w-6-20, 40)), " ", mark, c.Cell(c.T("choice."+choiceKey(ch)), 14)), w-2)
		out = append(out, c.selectRow((cur == fieldGrid || cur == fieldFind) && i == pos.pos, line))
	}
	if len(ids) == 0 {
		out = append(out, c.Styles.Dim.Render(c.CellStart(c.T("tui.roll.no_match"), w)))
	}
	return fill(out, w, rows)
}

// previewLines say whether enter records the vote now, and what it records.
func (m *vote) previewLines(b voteBase, w int) []string {
	c, st := m.c, m.c.Styles
	if _, err := m.refusal(b); err != nil {
		hint := c.say(err)
		switch {
		case !m.named && !m.complete():
			hint = c.T("tui.vote.type_counts")
		case m.over(b):
			hint = c.T("tui.vote.fix_counts")
		}
		var out []string
		for _, l := range wrap("✗ "+hint, w) {
			out = append(out, st.Warn.Render(c.CellStart(l, w)))
		}
		return out
	}
	v := m.preview(b)
	_, ms := st.Outcome(v.Outcome, "")
	out := []string{st.Good.Render(c.CellStart("✓ "+c.T("tui.vote.preview"), w))}
	for _, l := range wrap(model.Explain(c.Lang, v), w) {
		out = append(out, ms.Render(c.CellStart(l, w)))
	}
	return out
}

// ShortHelp implements help.KeyMap.
func (m *vote) ShortHelp() []key.Binding {
	k, c := m.c.Keys, m.c
	if m.discard != nil {
		return m.discard.help(k)
	}
	switch m.current() {
	case fieldFind:
		return []key.Binding{k.Up, k.Down, withHelp(k.Enter, c, "tui.vote.go_to_member"), k.Back}
	case fieldGrid:
		return []key.Binding{k.VoteFor, k.VoteAgainst, k.VoteAbstain, withHelp(k.Tab, c, "tui.roll.find_key"), withHelp(k.Enter, c, "tui.vote.record"), k.Back, k.Rest, k.AllFor, k.ByName, k.Up, k.Down}
	}
	if m.needsChair(m.base()) {
		return []key.Binding{k.Left, k.Right, withHelp(k.Enter, c, "tui.vote.record"), k.Tab, k.Back}
	}
	return []key.Binding{k.Tab, k.AllFor, withHelp(k.Enter, c, "tui.vote.record"), k.Back, k.ByName}
}

// FullHelp implements help.KeyMap.
func (m *vote) FullHelp() [][]key.Binding {
	k, c := m.c.Keys, m.c
	return [][]key.Binding{
		{k.Tab, k.ShiftTab, withHelp(k.Enter, c, "tui.vote.record"), k.Back, k.AllFor, k.ByName, k.Left, k.Right},
		{k.Up, k.Down, k.Home, k.End, k.VoteFor, k.VoteAgainst, k.VoteAbstain, k.VoteClear, k.Toggle, k.Rest, withHelp(k.Tab, c, "tui.roll.find_key")},
	}
}
