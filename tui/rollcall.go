package tui

import (
	"slices"
	"strings"

	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"
	"github.com/jalsa-app/jalsa/model"
	"github.com/jalsa-app/jalsa/report"
)

// rollCall takes the attendance of the sitting: toggle each member, all
// present then the exceptions, or the same as the last sitting when a
// suspended session resumes; find a member by name as you type. Once an
// item of the sitting has started, changes are recorded as arrivals and
// departures, shown with their times as the minutes report them.
type rollCall struct {
	c      *Common
	w, h   int
	cursor cursor
	find   memberFinder
	// finding says the search field has the focus; pick is the cursor
	// among the members it finds.
	finding bool
	pick    cursor
}

// rollHeaderRows: counts, mode, search field.
const rollHeaderRows = 3

// rollStatusW is the width of a member's attendance ("left at 11:40").
const rollStatusW = 18

// lastMoves is each member's latest arrival or departure in the sitting.
func lastMoves(sit *model.Sitting) map[string]model.Move {
	out := map[string]model.Move{}
	for _, mv := range sit.Moves {
		if mv.Kind != "roll" {
			out[mv.Member] = mv
		} else {
			delete(out, mv.Member)
		}
	}
	return out
}

func newRollCall(c *Common) *rollCall { return &rollCall{c: c, find: newMemberFinder()} }

// SetSize implements page.
func (m *rollCall) SetSize(w, h int) { m.w, m.h = w, h }

// Init implements tea.Model.
func (m *rollCall) Init() tea.Cmd { return nil }

// Capturing implements capturer: the search field takes every key.
func (m *rollCall) Capturing() bool { return m.finding }

func (m *rollCall) listRows() int { return m.h - rollHeaderRows }

// visible lists the members the search keeps.
func (m *rollCall) visible() []model.Member { return m.find.matches(m.c.Data) }

// during reports that an item of the current sitting has started, so
// attendance changes are arrivals and departures rather than the roll.
func during(s *model.Session) bool {
	sit := s.Sitting()
	if sit == nil {
		return false
	}
	for _, it := range s.Items {
		if it.Sitting == sit.N && !it.Started.IsZero() {
			return true
		}
	}
	return false
}

// presence is a member's attendance in the current sitting.
func presence(s *model.Session, id string) model.Presence {
	if sit := s.Sitting(); sit != nil {
		if p, ok := sit.Attendance[id]; ok {
			return p
		}
	}
	return ""
}

// Update implements tea.Model.
func (m *rollCall) Update(msg tea.Msg) (tea.Model, tea.Cmd) {
	k, ok := msg.(tea.KeyMsg)
	if !ok {
		return m, nil
	}
	if m.finding {
		m.findKey(k)
		return m, nil
	}
	m.key(k)
	return m, nil
}

// findKey types into the search: every key but those that leave it is
// text (a space too: names have them). Enter or tab goes back to the whole
// list on the member found, esc without moving.
func (m *rollCall) findKey(msg tea.KeyMsg) {
	k := m.c.Keys
	switch {
	case key.Matches(msg, k.Back):
		m.find.SetValue("")
		m.finding = false
	case key.Matches(msg, k.Enter), key.Matches(msg, k.Tab), key.Matches(msg, k.ShiftTab):
		found := m.visible()
		m.find.SetValue("")
		m.finding = false
		if len(found) > 0 {
			m.pick.clamp(len(found), m.listRows())
			id := found[m.pick.pos].ID
			m.cursor.pos = slices.IndexFunc(m.visible(), func(mem model.Member) bool { return mem.ID == id })
		}
	case msg.Type == tea.KeyUp, msg.Type == tea.KeyDown, msg.Type == tea.KeyPgUp, msg.Type == tea.KeyPgDown:
		m.pick.move(msg, k, len(m.visible()), m.listRows())
	default:
		m.find.update(msg)
		m.pick = cursor{}
	}
}

func (m *rollCall) key(msg tea.KeyMsg) {
	c, k := m.c, m.c.Keys
	s := c.Data.Session
	members := m.visible()
	if m.cursor.move(msg, k, len(members), m.listRows()) {
		return
	}
	switch {
	case key.Matches(msg, k.Back):
		c.Back()
	case key.Matches(msg, k.Tab):
		m.finding, m.pick = true, cursor{}
		m.find.SetValue("")
	case s == nil:
	case key.Matches(msg, k.AllPresent):
		m.attend(&model.AttendCmd{Session: s.ID, Present: []string{"all"}}, c.T("tui.roll.all_present"))
	case key.Matches(msg, k.SameAsLast):
		m.sameAsLast(s)
	case len(members) == 0:
	case key.Matches(msg, k.Toggle), key.Matches(msg, k.Enter):
		m.cursor.clamp(len(members), m.listRows())
		mem := members[m.cursor.pos]
		cmd := &model.AttendCmd{Session: s.ID}
		here := presence(s, mem.ID) == model.Present
		switch {
		case here && during(s):
			cmd.Leave = []string{mem.ID}
		case here:
			cmd.Absent = []string{mem.ID}
		case during(s):
			cmd.Arrive = []string{mem.ID}
		default:
			cmd.Present = []string{mem.ID}
		}
		state := c.T("tui.roll.present")
		switch {
		case here && during(s):
			state = c.T("tui.roll.left", c.Clock(c.Now()))
		case here:
			state = c.T("tui.roll.absent")
		case during(s):
			state = c.T("tui.roll.arrived", c.Clock(c.Now()))
		}
		m.attend(cmd, c.T("tui.roll.marked", state, mem.Name))
	case key.Matches(msg, k.Excused):
		m.cursor.clamp(len(members), m.listRows())
		mem := members[m.cursor.pos]
		m.attend(&model.AttendCmd{Session: s.ID, Excused: []string{mem.ID}}, c.T("tui.roll.marked", c.T("tui.roll.excused"), mem.Name))
	}
}

// sameAsLast takes the roll of a resumed session as it stood at the end of
// the last sitting: who was there, who was excused, who was not.
func (m *rollCall) sameAsLast(s *model.Session) {
	c := m.c
	if len(s.Sittings) < 2 || during(s) {
		c.Fail(model.Refused("tui.roll.no_last"))
		return
	}
	last := s.Sittings[len(s.Sittings)-2]
	cmd := &model.AttendCmd{Session: s.ID}
	for _, mem := range c.Data.Body.Members {
		switch last.Attendance[mem.ID] {
		case model.Present:
			cmd.Present = append(cmd.Present, mem.ID)
		case model.Excused:
			cmd.Excused = append(cmd.Excused, mem.ID)
		default:
			cmd.Absent = append(cmd.Absent, mem.ID)
		}
	}
	m.attend(cmd, c.T("tui.roll.same_as_last", last.N))
}

func (m *rollCall) attend(cmd *model.AttendCmd, done string) {
	if err := m.c.Do(cmd); err != nil {
		m.c.Fail(err)
		return
	}
	q := m.c.Data.Quorum
	m.c.Info(done + " · " + m.c.T("tui.header.present", q.Present, q.Seats))
}

// View implements tea.Model.
func (m *rollCall) View() string {
	c, st := m.c, m.c.Styles
	s := c.Data.Session
	if s == nil || c.Data.Body == nil {
		return ""
	}
	w := m.w
	sit := s.Sitting()
	var out []string
	q := c.Data.Quorum
	counts := c.T("tui.roll.counts", q.Present, sit.Count(model.Excused), q.Seats-q.Present-sit.Count(model.Excused), q.Seats)
	title := c.Cell(c.T("tui.roll.title"), 0)
	out = append(out, c.row(st.Title.Render(title), "  ", c.CellStart(counts, w-ansiWidth(title)-2)))
	if sit == nil {
		out = append(out, st.Warn.Render(c.Cell(c.T("tui.roll.no_sitting"), w)))
		return strings.Join(out, "\n")
	}
	mode := "tui.roll.mode_roll"
	switch {
	case during(s):
		mode = "tui.roll.mode_moves"
	case len(s.Sittings) > 1:
		mode = "tui.roll.mode_resume"
	}
	out = append(out, st.Label.Render(c.CellStart(c.T(mode), w)))
	out = append(out, c.line(c.row(c.Cell(c.T("tui.roll.find"), 12), " ", m.find.view(c, 40, m.finding)), w))
	members := m.visible()
	rows := m.listRows()
	pos := &m.cursor
	if m.finding {
		pos = &m.pick
	}
	moves := lastMoves(sit)
	from, to := pos.window(len(members), rows)
	for i := from; i < to; i++ {
		mem := members[i]
		p := presence(s, mem.ID)
		mark, ms, word := "○", st.Dim, c.T("tui.roll.absent")
		switch mv, moved := moves[mem.ID]; {
		case moved && mv.Kind == "leave" && p == model.Absent:
			word = c.T("tui.roll.left", c.Clock(mv.Time))
		case moved && mv.Kind == "arrive" && p == model.Present:
			mark, ms, word = "●", st.Good, c.T("tui.roll.arrived", c.Clock(mv.Time))
		case p == model.Present:
			mark, ms, word = "●", st.Good, c.T("tui.roll.present")
		case p == model.Excused:
			mark, ms, word = "◌", st.Warn, c.T("tui.roll.excused")
		case p == "":
			word = c.T("tui.roll.unmarked")
		}
		status := c.CellStart(mark+" "+word, rollStatusW)
		info := strings.Join(slices.DeleteFunc([]string{report.RoleName(c.Lang, mem.Role), mem.Group},
			func(s string) bool { return s == "" }), " · ")
		line := c.row(c.Cell(mem.ID, 5), " ", c.CellStart(mem.Name, 28), " ", c.CellStart(info, w-2-5-28-rollStatusW-3))
		if i == pos.pos {
			out = append(out, c.selectRow(true, c.row(status, " ", line)))
		} else {
			out = append(out, c.row("  ", ms.Render(status), " ", line))
		}
	}
	if len(members) == 0 {
		out = append(out, st.Dim.Render(c.CellStart(c.T("tui.roll.no_match"), w)))
	}
	return strings.Join(out, "\n")
}

// ShortHelp implements help.KeyMap.
func (m *rollCall) ShortHelp() []key.Binding {
	k := m.c.Keys
	if m.finding {
		return []key.Binding{k.Up, k.Down, withHelp(k.Enter, m.c, "tui.vote.go_to_member"), k.Back}
	}
	bs := []key.Binding{k.Toggle, k.AllPresent, k.Excused, withHelp(k.Tab, m.c, "tui.roll.find_key")}
	if s := m.c.Data.Session; s != nil && len(s.Sittings) > 1 && !during(s) {
		bs = append([]key.Binding{k.SameAsLast}, bs...)
	}
	return append(bs, k.Up, k.Down, k.Home, k.End, k.Back)
}

// FullHelp implements help.KeyMap.
func (m *rollCall) FullHelp() [][]key.Binding {
	k := m.c.Keys
	return [][]key.Binding{{k.Up, k.Down, k.PageUp, k.PageDown, k.Home, k.End, k.Back},
		{k.Toggle, k.AllPresent, k.Excused, k.SameAsLast, withHelp(k.Tab, m.c, "tui.roll.find_key")}}
}
