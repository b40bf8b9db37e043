package tui

import (
	"strings"

	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"
	"github.com/jalsa-app/jalsa/model"
)

// notes keeps the discussion of an item: its notes, and the list of
// speakers with a running timer for the one speaking.
type notes struct {
	c        *Common
	w, h     int
	item     int
	focus    int
	note     field
	speakers cursor
	picker   cursor
	find     memberFinder
}

// Parts of the notes screen that take the keys.
const (
	focusSpeakers = iota
	focusNote
	focusPicker
)

// notesHeaderRows: heading and the item's title; the note field is below.
const notesHeaderRows = 2

func newNotes(c *Common) *notes { return &notes{c: c, note: newField(1000), find: newMemberFinder()} }

// SetSize implements page.
func (m *notes) SetSize(w, h int) { m.w, m.h = w, h }

// Init implements tea.Model.
func (m *notes) Init() tea.Cmd { return nil }

// Capturing implements capturer: the note and the member search take every key.
func (m *notes) Capturing() bool { return m.focus != focusSpeakers }

func (m *notes) listRows() int { return m.h - notesHeaderRows - 2 }

// Update implements tea.Model.
func (m *notes) Update(msg tea.Msg) (tea.Model, tea.Cmd) {
	switch msg := msg.(type) {
	case GoMsg:
		if msg.Item > 0 && msg.Item != m.item {
			m.item = msg.Item
			m.note.SetValue("")
			m.speakers = cursor{}
		}
		m.focus = focusSpeakers
	case tea.KeyMsg:
		switch m.focus {
		case focusNote:
			m.noteKey(msg)
		case focusPicker:
			m.pickerKey(msg)
		default:
			m.key(msg)
		}
	}
	return m, nil
}

func (m *notes) key(msg tea.KeyMsg) {
	c, k := m.c, m.c.Keys
	it := c.Data.Item(m.item)
	if key.Matches(msg, k.Back) || it == nil {
		c.Back()
		return
	}
	if m.speakers.move(msg, k, len(it.Speakers), m.listRows()) {
		return
	}
	switch {
	case key.Matches(msg, k.Tab), key.Matches(msg, k.Notes):
		m.focus = focusNote
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
		case !sp.Start.IsZero():
			act, done = model.SpeakerDone, "tui.speakers.ended"
		}
		m.do(&model.SpeakerCmd{Session: c.SessionID, N: m.item, Member: sp.Member, Action: act}, c.T(done, c.Data.MemberName(sp.Member)))
	case key.Matches(msg, k.RemoveSpeaker):
		m.speakers.clamp(len(it.Speakers), m.listRows())
		sp := it.Speakers[m.speakers.pos]
		m.do(&model.SpeakerCmd{Session: c.SessionID, N: m.item, Member: sp.Member, Action: model.SpeakerRemove}, c.T("tui.speakers.removed", c.Data.MemberName(sp.Member)))
	}
}

func (m *notes) noteKey(msg tea.KeyMsg) {
	c, k := m.c, m.c.Keys
	switch {
	case key.Matches(msg, k.Back), key.Matches(msg, k.Tab):
		m.focus = focusSpeakers
	case key.Matches(msg, k.Enter):
		if m.do(&model.ItemCmd{Session: c.SessionID, N: m.item, Action: model.ActNote, Text: m.note.Value()}, c.T("msg.item_note")) {
			m.note.SetValue("")
		}
	default:
		m.note.update(msg)
	}
}

func (m *notes) pickerKey(msg tea.KeyMsg) {
	c, k := m.c, m.c.Keys
	members := m.find.matches(c.Data)
	switch {
	case key.Matches(msg, k.Back):
		m.focus = focusSpeakers
	case msg.Type == tea.KeyUp, msg.Type == tea.KeyDown, msg.Type == tea.KeyPgUp, msg.Type == tea.KeyPgDown:
		m.picker.move(msg, k, len(members), m.listRows()-1)
	case key.Matches(msg, k.Enter):
		if len(members) == 0 {
			return
		}
		m.picker.clamp(len(members), m.listRows()-1)
		mem := members[m.picker.pos]
		if m.do(&model.SpeakerCmd{Session: c.SessionID, N: m.item, Member: mem.ID, Action: model.SpeakerAdd}, c.T("tui.speakers.added", mem.Name)) {
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

// View implements tea.Model.
func (m *notes) View() string {
	c, st := m.c, m.c.Styles
	it := c.Data.Item(m.item)
	if it == nil {
		return ""
	}
	w := m.w
	out := []string{
		st.Title.Render(c.Cell(c.T("tui.notes.title", it.N, len(c.Data.Session.Items)), w)),
		c.Cell(it.Title, w),
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
	out = append(out, c.row(c.Cell(c.T("label.note"), 10), " ", m.note.view(c, w-12, m.focus == focusNote)))
	return strings.Join(out, "\n")
}

// noteLines shows the latest notes that fit, oldest first.
func (m *notes) noteLines(it *model.Item, w, h int) []string {
	c, st := m.c, m.c.Styles
	lines := []string{st.Label.Render(c.Cell(c.T("tui.notes.notes", len(it.Notes)), w))}
	var body []string
	for _, n := range it.Notes {
		who := n.Time.In(c.Now().Location()).Format("15:04")
		if n.By != "" {
			who += " · " + n.By
		}
		body = append(body, st.Dim.Render(c.Cell(who, w)))
		body = append(body, c.cells(n.Text, w, 0)...)
	}
	if len(body) > h-1 {
		body = body[len(body)-(h-1):]
	}
	if len(it.Notes) == 0 {
		body = append(body, st.Dim.Render(c.Cell(c.T("tui.notes.none"), w)))
	}
	return fill(append(lines, body...), w, h)
}

// speakerLines is the list of speakers: done with how long they spoke, the
// one speaking with a running timer, then those waiting.
func (m *notes) speakerLines(it *model.Item, w, h int) []string {
	c, st := m.c, m.c.Styles
	lines := []string{st.Label.Render(c.Cell(c.T("tui.notes.speakers", len(it.Speakers)), w))}
	from, to := m.speakers.window(len(it.Speakers), h-1)
	for i := from; i < to; i++ {
		sp := it.Speakers[i]
		mark, time, ms := "…", "     ", st.Dim
		switch {
		case !sp.End.IsZero():
			mark, time, ms = "✓", since(sp.End.Sub(sp.Start)), st.Dim
		case !sp.Start.IsZero():
			mark, time, ms = "▶", since(c.Now().Sub(sp.Start)), st.Warn
		}
		line := c.row(c.Cell(mark+" "+time, 10), " ", c.Cell(c.Data.MemberName(sp.Member), w-13))
		if i == m.speakers.pos && m.focus == focusSpeakers {
			lines = append(lines, c.selectRow(true, line))
		} else {
			lines = append(lines, c.row("  ", ms.Render(line)))
		}
	}
	if len(it.Speakers) == 0 {
		lines = append(lines, st.Dim.Render(c.Cell(c.T("tui.speakers.none"), w)))
	}
	return fill(lines, w, h)
}

// pickerLines finds a member to add to the list of speakers.
func (m *notes) pickerLines(w, h int) []string {
	c := m.c
	lines := []string{c.row(c.Cell(c.T("tui.roll.find"), 10), " ", m.find.view(c, w-11, true))}
	members := m.find.matches(c.Data)
	from, to := m.picker.window(len(members), h-1)
	for i := from; i < to; i++ {
		mem := members[i]
		lines = append(lines, c.selectRow(i == m.picker.pos, c.row(c.Cell(mem.ID, 4), " ", c.Cell(mem.Name, w-7))))
	}
	return fill(lines, w, h)
}

// ShortHelp implements help.KeyMap.
func (m *notes) ShortHelp() []key.Binding {
	k, c := m.c.Keys, m.c
	switch m.focus {
	case focusNote:
		return []key.Binding{withHelp(k.Enter, c, "tui.notes.save"), k.Tab, k.Back}
	case focusPicker:
		return []key.Binding{k.Up, k.Down, withHelp(k.Enter, c, "tui.key.add_speaker"), k.Back}
	}
	return []key.Binding{k.Up, k.Down, withHelp(k.Enter, c, "tui.speakers.start_end"), k.AddSpeaker, k.RemoveSpeaker, withHelp(k.Tab, c, "tui.notes.write"), k.Back}
}

// FullHelp implements help.KeyMap.
func (m *notes) FullHelp() [][]key.Binding {
	k, c := m.c.Keys, m.c
	return [][]key.Binding{
		{k.Up, k.Down, withHelp(k.Enter, c, "tui.speakers.start_end"), k.AddSpeaker, k.RemoveSpeaker},
		{withHelp(k.Tab, c, "tui.notes.write"), k.Back},
	}
}
