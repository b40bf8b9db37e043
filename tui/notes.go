package tui

import (
	"strings"
	"time"

	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"
	"github.com/jalsa-app/jalsa/model"
	"github.com/jalsa-app/jalsa/search"
)

// notes keeps the discussion of an item: its notes (written, corrected or
// withdrawn, as events the record keeps), and the list of speakers, members
// or guests, with a running timer for the one who has the floor, red once
// the session's speaking time is up. It opens on the note field, so that
// the clerk types at once; one esc leaves.
type notes struct {
	c    *Common
	w, h int
	item int
	// focus is the part that takes the keys.
	focus    int
	note     field
	list     cursor
	speakers cursor
	picker   cursor
	find     memberFinder
	// editing is the note (from 1) the field corrects, 0 for a new one.
	editing int
	ask     *prompt
}

// Parts of the notes screen that take the keys, in tab order (the picker
// is reached with +).
const (
	focusNote = iota
	focusNotes
	focusSpeakers
	focusPicker
)

// notesHeaderRows: heading and the item's title; the note field is below.
const notesHeaderRows = 2

func newNotes(c *Common) *notes { return &notes{c: c, note: newField(1000), find: newMemberFinder()} }

// SetSize implements page.
func (m *notes) SetSize(w, h int) { m.w, m.h = w, h }

// Init implements tea.Model.
func (m *notes) Init() tea.Cmd { return nil }

// Capturing implements capturer: the note and the search take every key.
func (m *notes) Capturing() bool {
	return m.ask == nil && (m.focus == focusNote || m.focus == focusPicker)
}

func (m *notes) listRows() int { return m.h - notesHeaderRows - 2 }

// Update implements tea.Model.
func (m *notes) Update(msg tea.Msg) (tea.Model, tea.Cmd) {
	switch msg := msg.(type) {
	case GoMsg:
		if msg.Item > 0 && msg.Item != m.item {
			m.item = msg.Item
			m.note.SetValue("")
			m.editing = 0
			m.speakers, m.list = cursor{}, cursor{pos: m.lastNote()}
		}
		m.focus, m.ask = focusNote, nil
	case tea.KeyMsg:
		if m.ask != nil {
			if m.ask.update(m.c, msg) {
				m.ask = nil
			}
			return m, nil
		}
		it := m.c.Data.Item(m.item)
		if it == nil {
			m.c.Back()
			return m, nil
		}
		switch m.focus {
		case focusNote:
			m.noteKey(msg)
		case focusNotes:
			m.notesKey(msg, it)
		case focusPicker:
			m.pickerKey(msg)
		default:
			m.speakersKey(msg, it)
		}
	}
	return m, nil
}

// leave goes back, asking first when a note is typed but not saved.
func (m *notes) leave() {
	c := m.c
	if strings.TrimSpace(m.note.Value()) == "" || m.editing > 0 && m.note.Value() == m.noteText(m.editing) {
		c.Back()
		return
	}
	m.ask = &prompt{question: c.T("tui.notes.ask_discard"), answer: c.T("tui.vote.discard_answer"),
		run: func(int) error { m.note.SetValue(""); m.editing = 0; c.Back(); return nil }}
}

// noteText is the text of note k (from 1) of the item.
func (m *notes) noteText(k int) string {
	if it := m.c.Data.Item(m.item); it != nil && k >= 1 && k <= len(it.Notes) {
		return it.Notes[k-1].Text
	}
	return ""
}

// common handles the keys every part shares; it reports whether msg was one.
func (m *notes) common(msg tea.KeyMsg) bool {
	k := m.c.Keys
	switch {
	case key.Matches(msg, k.Back):
		m.leave()
	case key.Matches(msg, k.Tab):
		m.focus = (m.focus + 1) % focusPicker
	case key.Matches(msg, k.ShiftTab):
		m.focus = (m.focus + focusPicker - 1) % focusPicker
	default:
		return false
	}
	return true
}

func (m *notes) noteKey(msg tea.KeyMsg) {
	c, k := m.c, m.c.Keys
	if m.common(msg) {
		return
	}
	if !key.Matches(msg, k.Enter) {
		m.note.update(msg)
		return
	}
	var cmd model.Command = &model.ItemCmd{Session: c.SessionID, N: m.item, Action: model.ActNote, Text: m.note.Value()}
	done := c.T("tui.notes.added", m.item)
	if m.editing > 0 {
		cmd = &model.NoteCmd{Session: c.SessionID, N: m.item, Note: m.editing, Action: model.NoteCorrect, Text: m.note.Value()}
		done = c.T("tui.notes.corrected", m.editing, m.item)
	}
	if m.do(cmd, done) {
		if m.editing == 0 {
			m.list.pos = m.lastNote()
		}
		m.note.SetValue("")
		m.editing = 0
	}
}

// lastNote is the index of the item's latest note: the one a correction is
// most often for.
func (m *notes) lastNote() int {
	if it := m.c.Data.Item(m.item); it != nil {
		return max(len(it.Notes)-1, 0)
	}
	return 0
}

// notesKey picks a note to correct (its text goes to the field) or to
// withdraw (after asking, like every step that cannot be undone).
func (m *notes) notesKey(msg tea.KeyMsg, it *model.Item) {
	c, k := m.c, m.c.Keys
	if m.common(msg) || m.list.move(msg, k, len(it.Notes), m.listRows()-1) || len(it.Notes) == 0 {
		return
	}
	m.list.clamp(len(it.Notes), m.listRows()-1)
	n := m.list.pos + 1
	switch {
	case !it.Notes[n-1].Live():
		if key.Matches(msg, k.EditNote) || key.Matches(msg, k.WithdrawNote) {
			c.Fail(model.Refused("err.note_withdrawn", n, it.N))
		}
	case key.Matches(msg, k.EditNote), key.Matches(msg, k.Enter):
		if !c.Refuse() {
			m.editing, m.focus = n, focusNote
			m.note.SetValue(it.Notes[n-1].Text)
		}
	case key.Matches(msg, k.WithdrawNote):
		if c.Refuse() {
			return
		}
		cmd := &model.NoteCmd{Session: c.SessionID, N: m.item, Note: n, Action: model.NoteWithdraw}
		m.ask = &prompt{question: c.T("tui.notes.ask_withdraw", n, it.Notes[n-1].Text), done: c.T("tui.notes.withdrawn", n, it.N),
			run: func(int) error { return c.Do(cmd) }}
	}
}

func (m *notes) speakersKey(msg tea.KeyMsg, it *model.Item) {
	c, k := m.c, m.c.Keys
	if m.common(msg) || m.speakers.move(msg, k, len(it.Speakers), m.listRows()) {
		return
	}
	switch {
	case key.Matches(msg, k.AddSpeaker):
		if !c.Refuse() {
			m.focus, m.picker = focusPicker, cursor{}
			m.find.SetValue("")
		}
	case len(it.Speakers) == 0:
	case key.Matches(msg, k.Enter), key.Matches(msg, k.Toggle):
		m.speakers.clamp(len(it.Speakers), m.listRows())
		sp := it.Speakers[m.speakers.pos]
		act, done := model.SpeakerStart, "tui.speakers.started"
		switch {
		case !sp.End.IsZero():
			return
		case sp.Speaking():
			act, done = model.SpeakerDone, "tui.speakers.ended"
		}
		m.do(&model.SpeakerCmd{Session: c.SessionID, N: m.item, Member: sp.Member, Guest: sp.Guest, Action: act}, c.T(done, speakerName(c, sp)))
	case key.Matches(msg, k.RemoveSpeaker):
		m.speakers.clamp(len(it.Speakers), m.listRows())
		sp := it.Speakers[m.speakers.pos]
		m.do(&model.SpeakerCmd{Session: c.SessionID, N: m.item, Member: sp.Member, Guest: sp.Guest, Action: model.SpeakerRemove},
			c.T("tui.speakers.removed", speakerName(c, sp)))
	}
}

// candidate is someone who may be given the floor: a guest of the session
// (by name) or a member.
type candidate struct {
	member, guest, name, role string
}

// candidates are the guests, then the members, that the search finds.
func (m *notes) candidates() []candidate {
	c := m.c
	var out []candidate
	q := strings.TrimSpace(m.find.Value())
	if s := c.Data.Session; s != nil {
		for _, g := range s.Guests {
			if q == "" || strings.Contains(search.Normalize(g.Name+" "+g.Role), search.Normalize(q)) {
				out = append(out, candidate{guest: g.Name, name: g.Name, role: c.T("tui.speakers.guest")})
			}
		}
	}
	for _, mem := range m.find.matches(c.Data) {
		out = append(out, candidate{member: mem.ID, name: mem.Name, role: mem.ID})
	}
	return out
}

func (m *notes) pickerKey(msg tea.KeyMsg) {
	c, k := m.c, m.c.Keys
	found := m.candidates()
	switch {
	case key.Matches(msg, k.Back):
		m.focus = focusSpeakers
	case msg.Type == tea.KeyUp, msg.Type == tea.KeyDown, msg.Type == tea.KeyPgUp, msg.Type == tea.KeyPgDown:
		m.picker.move(msg, k, len(found), m.listRows()-1)
	case key.Matches(msg, k.Enter):
		if len(found) == 0 {
			return
		}
		m.picker.clamp(len(found), m.listRows()-1)
		who := found[m.picker.pos]
		if m.do(&model.SpeakerCmd{Session: c.SessionID, N: m.item, Member: who.member, Guest: who.guest, Action: model.SpeakerAdd}, c.T("tui.speakers.added", who.name)) {
			m.focus = focusSpeakers
			if it := c.Data.Item(m.item); it != nil {
				m.speakers.pos = len(it.Speakers) - 1
			}
		}
	default:
		m.find.update(msg)
		m.picker = cursor{}
	}
}

// do carries out cmd and reports whether it was done.
func (m *notes) do(cmd model.Command, done string) bool {
	if err := m.c.Do(cmd); err != nil {
		m.c.Fail(err)
		return false
	}
	m.c.Info(done)
	return true
}

// speakerName is a speaker's name, a guest's marked as such.
func speakerName(c *Common, sp model.Speaker) string {
	if sp.Guest != "" {
		return sp.Guest + " (" + c.T("tui.speakers.guest") + ")"
	}
	return c.Data.MemberName(sp.Member)
}

// overTime reports a turn that has run past the session's speaking time.
func overTime(c *Common, d time.Duration) bool {
	s := c.Data.Session
	return s != nil && s.SpeakingTime > 0 && d > time.Duration(s.SpeakingTime)*time.Second
}

// turn is how long a speaker spoke, or has been speaking.
func turn(c *Common, sp model.Speaker) time.Duration {
	if sp.End.IsZero() {
		return c.Now().Sub(sp.Start)
	}
	return sp.End.Sub(sp.Start)
}

// View implements tea.Model.
func (m *notes) View() string {
	c, st := m.c, m.c.Styles
	it := c.Data.Item(m.item)
	if it == nil {
		return ""
	}
	w := m.w
	out := []string{
		st.Title.Render(c.CellStart(c.T("tui.notes.title", it.N, len(c.Data.Session.Items)), w)),
		c.CellStart(it.Title, w),
	}
	rows := m.listRows()
	rw := max(w*2/5, 34)
	lw := w - rw - 1
	left := m.noteLines(it, lw, rows)
	var right []string
	if m.focus == focusPicker {
		right = m.pickerLines(rw, rows)
	} else {
		right = m.speakerLines(it, rw, rows)
	}
	for i := 0; i < rows; i++ {
		out = append(out, c.row(left[i], " ", right[i]))
	}
	out = append(out, "")
	label := c.T("label.note")
	if m.editing > 0 {
		label = c.T("tui.notes.correcting", m.editing)
	}
	out = append(out, c.line(c.row(c.Cell(label, 14), " ", m.note.view(c, w-16, m.focus == focusNote)), w))
	if m.ask != nil {
		box, n := m.ask.box(c, w)
		out = append(fill(out, w, m.h-n), box)
	}
	return strings.Join(out, "\n")
}

// noteLines shows the notes, the selected one in view, oldest first; a
// withdrawn note stays, struck through in words.
func (m *notes) noteLines(it *model.Item, w, h int) []string {
	c, st := m.c, m.c.Styles
	lines := []string{st.Label.Render(c.CellStart(c.T("tui.notes.notes", len(model.LiveNotes(it.Notes))), w))}
	type block struct {
		lines []string
		sel   bool
	}
	var blocks []block
	m.list.clamp(len(it.Notes), h-1)
	for i, n := range it.Notes {
		who := c.Clock(n.Time)
		if n.By != "" {
			who += " · " + n.By
		}
		if len(n.Edits) > 0 {
			who += " · " + c.T("tui.notes.edited")
		}
		style := st.Dim
		if !n.Live() {
			who += " · " + c.T("tui.notes.is_withdrawn")
			style = st.Warn
		}
		sel := m.focus == focusNotes && i == m.list.pos
		head := c.CellStart(who, w-2)
		if sel {
			head = c.selectRow(true, head)
		} else {
			head = c.row("  ", style.Render(head))
		}
		b := block{lines: []string{head}, sel: sel}
		text := Paint{}
		if !n.Live() {
			text = st.Dim
		}
		b.lines = append(b.lines, c.paragraph(n.Text, "  ", w, text)...)
		blocks = append(blocks, b)
	}
	// The latest notes that fit, or those around the selected one.
	var body []string
	for _, b := range blocks {
		body = append(body, b.lines...)
	}
	if len(body) > h-1 {
		end := len(body)
		if m.focus == focusNotes {
			at := 0
			for _, b := range blocks {
				at += len(b.lines)
				if b.sel {
					break
				}
			}
			end = min(max(at, h-1), len(body))
		}
		body = body[end-(h-1) : end]
	}
	if len(it.Notes) == 0 {
		body = append(body, st.Dim.Render(c.CellStart(c.T("tui.notes.none"), w)))
	}
	return fill(append(lines, body...), w, h)
}

// speakerLines is the list of speakers: done with how long they spoke, the
// one who has the floor with a running timer (red once over the speaking
// time), then those waiting.
func (m *notes) speakerLines(it *model.Item, w, h int) []string {
	c, st := m.c, m.c.Styles
	head := c.T("tui.notes.speakers", len(it.Speakers))
	if s := c.Data.Session; s != nil && s.SpeakingTime > 0 {
		head += " · " + c.T("tui.speakers.limit", since(time.Duration(s.SpeakingTime)*time.Second))
	}
	lines := []string{st.Label.Render(c.CellStart(head, w))}
	from, to := m.speakers.window(len(it.Speakers), h-1)
	for i := from; i < to; i++ {
		sp := it.Speakers[i]
		mark, clock, ms := "…", "     ", st.Dim
		switch {
		case !sp.End.IsZero():
			mark, clock = "✓", since(turn(c, sp))
		case sp.Speaking():
			mark, clock, ms = "▶", since(turn(c, sp)), st.Warn
		}
		if !sp.Start.IsZero() && overTime(c, turn(c, sp)) {
			ms = st.Bad
		}
		line := c.row(c.Cell(mark+" "+clock, 10), " ", c.CellStart(speakerName(c, sp), w-13))
		if i == m.speakers.pos && m.focus == focusSpeakers {
			lines = append(lines, c.selectRow(true, line))
		} else {
			lines = append(lines, c.row("  ", ms.Render(line)))
		}
	}
	if len(it.Speakers) == 0 {
		lines = append(lines, st.Dim.Render(c.CellStart(c.T("tui.speakers.none"), w)))
	}
	return fill(lines, w, h)
}

// pickerLines finds a guest or a member to add to the list of speakers.
func (m *notes) pickerLines(w, h int) []string {
	c := m.c
	lines := []string{c.line(c.row(c.Cell(c.T("tui.roll.find"), 10), " ", m.find.view(c, w-11, true)), w)}
	found := m.candidates()
	from, to := m.picker.window(len(found), h-1)
	for i := from; i < to; i++ {
		who := found[i]
		lines = append(lines, c.selectRow(i == m.picker.pos, c.row(c.CellStart(who.name, w-16), " ", c.Styles.Dim.Render(c.CellStart(who.role, 13)))))
	}
	return fill(lines, w, h)
}

// ShortHelp implements help.KeyMap.
func (m *notes) ShortHelp() []key.Binding {
	k, c := m.c.Keys, m.c
	if m.ask != nil {
		return m.ask.help(k)
	}
	switch m.focus {
	case focusNote:
		return []key.Binding{withHelp(k.Enter, c, "tui.notes.save"), withHelp(k.Tab, c, "tui.notes.to_notes"), k.Back}
	case focusNotes:
		return []key.Binding{k.Up, k.Down, k.EditNote, k.WithdrawNote, withHelp(k.Tab, c, "tui.notes.to_speakers"), k.Back}
	case focusPicker:
		return []key.Binding{k.Up, k.Down, withHelp(k.Enter, c, "tui.key.add_speaker"), k.Back}
	}
	return []key.Binding{withHelp(k.Enter, c, "tui.speakers.start_end"), k.AddSpeaker, k.RemoveSpeaker, k.Up, k.Down, withHelp(k.Tab, c, "tui.notes.write"), k.Back}
}

// FullHelp implements help.KeyMap.
func (m *notes) FullHelp() [][]key.Binding {
	k, c := m.c.Keys, m.c
	return [][]key.Binding{
		{withHelp(k.Enter, c, "tui.notes.save"), k.Tab, k.ShiftTab, k.Back},
		{k.Up, k.Down, k.EditNote, k.WithdrawNote},
		{withHelp(k.Enter, c, "tui.speakers.start_end"), k.AddSpeaker, k.RemoveSpeaker},
	}
}
