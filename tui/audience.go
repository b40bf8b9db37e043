package tui

import (
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"
	"github.com/jalsa-app/jalsa/model"
)

// audienceTitleRows is how many lines of an item's title the display shows.
const audienceTitleRows = 3

// audience is the display for a projector in the hall: the item under way
// (or the last one dealt with) and its result in large type, updated live.
type audience struct {
	c    *Common
	w, h int
}

func newAudience(c *Common) *audience { return &audience{c: c} }

// SetSize implements page.
func (m *audience) SetSize(w, h int) { m.w, m.h = w, h }

// Init implements tea.Model.
func (m *audience) Init() tea.Cmd { return nil }

// Update implements tea.Model.
func (m *audience) Update(msg tea.Msg) (tea.Model, tea.Cmd) {
	c := m.c
	switch msg := msg.(type) {
	case ChangeMsg:
		// A display started before the sitting follows the one that opens.
		if c.Data.Session == nil {
			if id := c.Data.liveSessionID(); id != "" {
				c.SessionID = id
				c.Reload()
			}
		}
	case tea.KeyMsg:
		if key.Matches(msg, c.Keys.Back) && c.Role != model.RoleDisplay {
			c.Back()
		}
	}
	return m, nil
}

// shown is the item to show: the one under way, else the last one ended.
func shown(s *model.Session) *model.Item {
	if s.Current > 0 {
		return s.Items[s.Current-1]
	}
	var last *model.Item
	for _, it := range s.Items {
		if it.State == model.ItemEnded && (last == nil || it.Ended.After(last.Ended)) {
			last = it
		}
	}
	return last
}

// result is the vote to show for an item: its own, else its budget line
// voted last (with the line's label).
func result(it *model.Item) (*model.Vote, string) {
	if it.Vote != nil {
		return it.Vote, ""
	}
	var v *model.Vote
	label := ""
	for _, l := range it.Lines {
		if l.Vote != nil && (v == nil || l.Vote.Time.After(v.Time)) {
			v, label = l.Vote, l.Code+" · "+l.Label
		}
	}
	return v, label
}

// View implements tea.Model.
func (m *audience) View() string {
	c, st := m.c, m.c.Styles
	w := m.w
	s := c.Data.Session
	var out []string
	// add centres text, wrapped to the width.
	add := func(style func(...string) string, text string) {
		for _, l := range wrap(text, w-4) {
			out = append(out, style(center(c.Cell(l, 0), w)))
		}
	}
	out = append(out, "")
	if s == nil {
		add(st.Dim.Render, c.T("tui.audience.nothing"))
		return strings.Join(out, "\n")
	}
	add(st.Title.Render, s.Title)
	out = append(out, "")
	it := shown(s)
	if it == nil {
		add(st.Dim.Render, c.T("tui.audience.waiting"))
		return strings.Join(out, "\n")
	}
	add(st.Label.Render, c.T("tui.item.heading", it.N, len(s.Items), c.T("kind."+it.Kind)))
	rtl := c.paragraphRTL(it.Title)
	for i, l := range wrap(it.Title, w-8) {
		if i == audienceTitleRows {
			break
		}
		out = append(out, st.Big.Render(center(c.CellIn(l, 0, rtl), w)))
	}
	out = append(out, "")
	mark, ms := st.Outcome(it.Outcome, it.State)
	status := c.T("outcome." + string(it.Outcome))
	if it.State == model.ItemOpen {
		status = c.T("tui.item.under_way")
	}
	add(ms.Render, mark+" "+status)
	head := out
	out = nil
	if fi, sp, ok := floor(s); ok {
		// Who has the floor, and for how long, read from the back of the
		// hall; red once over the session's speaking time.
		d := turn(c, sp)
		style := st.Warn
		if overTime(c, d) {
			style = st.Bad
		}
		out = append(out, "")
		label := c.T("tui.audience.floor")
		if fi != it {
			label = c.T("tui.audience.floor_on", fi.N)
		}
		add(st.Label.Render, label)
		add(st.Big.Render, speakerName(c, sp))
		for _, r := range bigText(since(d)) {
			out = append(out, style.Render(center(r, w)))
		}
		if s.SpeakingTime > 0 {
			add(st.Label.Render, c.T("tui.speakers.limit", since(time.Duration(s.SpeakingTime)*time.Second)))
		}
	} else if sp := speakerSummary(c, it); sp != "" {
		out = append(out, "")
		add(st.Warn.Render, strings.TrimPrefix(sp, " · "))
	}
	speaking := out
	out = nil
	if v, line := result(it); v != nil {
		out = append(out, "")
		if line != "" {
			add(st.Label.Render, line)
		}
		// The counts in large digits when they fit beside who has the
		// floor, else in words: the floor is what is happening now.
		if len(head)+len(speaking)+len(out)+bigRows+3 <= m.h {
			out = append(out, m.bigCounts(v)...)
		} else {
			add(st.Big.Render, c.T("tui.vote.counts", v.For, v.Against, v.Abstain))
		}
		vm, vs := st.Outcome(v.Outcome, "")
		add(vs.Render, vm+" "+model.Explain(c.Lang, v))
	}
	return strings.Join(slices.Concat(head, out, speaking), "\n")
}

// floor is whoever has the floor in the session, and on which item.
func floor(s *model.Session) (*model.Item, model.Speaker, bool) {
	for _, it := range s.Items {
		for _, sp := range it.Speakers {
			if sp.Speaking() {
				return it, sp, true
			}
		}
	}
	return nil, model.Speaker{}, false
}

// bigCounts draws for, against and abstained in large digits, side by side.
func (m *audience) bigCounts(v *model.Vote) []string {
	c, st := m.c, m.c.Styles
	col := m.w / 3
	counts := []int{v.For, v.Against, v.Abstain}
	labels := []string{"choice.for", "choice.against", "choice.abstain"}
	styles := []func(...string) string{st.Good.Render, st.Bad.Render, st.Label.Render}
	rows := make([]string, bigRows+1)
	if c.RTL() { // "for" at the right, where reading starts
		slices.Reverse(counts)
		slices.Reverse(labels)
		slices.Reverse(styles)
	}
	for i, n := range counts {
		digits := bigNumber(n)
		for r := range bigRows {
			rows[r] += styles[i](center(digits[r], col))
		}
		rows[bigRows] += center(c.Cell(c.T(labels[i]), 0), col)
	}
	return rows
}

// center pads s on both sides to w cells.
func center(s string, w int) string {
	n := w - ansiWidth(s)
	if n <= 0 {
		return s
	}
	return strings.Repeat(" ", n/2) + s + strings.Repeat(" ", n-n/2)
}

// bigRows is the height of the large digits.
const bigRows = 5

// bigDigits are 0–9 drawn in blocks, three cells wide.
var bigDigits = [10][bigRows]string{
	{"███", "█ █", "█ █", "█ █", "███"},
	{" █ ", "██ ", " █ ", " █ ", "███"},
	{"███", "  █", "███", "█  ", "███"},
	{"███", "  █", "███", "  █", "███"},
	{"█ █", "█ █", "███", "  █", "  █"},
	{"███", "█  ", "███", "  █", "███"},
	{"███", "█  ", "███", "█ █", "███"},
	{"███", "  █", "  █", "  █", "  █"},
	{"███", "█ █", "███", "█ █", "███"},
	{"███", "█ █", "███", "  █", "███"},
}

// bigColon separates minutes from seconds in a large timer.
var bigColon = [bigRows]string{" ", "█", " ", "█", " "}

// bigNumber draws n (≥ 0) in large digits.
func bigNumber(n int) [bigRows]string { return bigText(strconv.Itoa(n)) }

// bigText draws digits and colons (a timer, 03:27) in large type.
func bigText(s string) [bigRows]string {
	var rows [bigRows]string
	for i, ch := range []byte(s) {
		glyph := bigColon
		if ch >= '0' && ch <= '9' {
			glyph = bigDigits[ch-'0']
		}
		for r := range bigRows {
			if i > 0 {
				rows[r] += " "
			}
			rows[r] += glyph[r]
		}
	}
	return rows
}

// ShortHelp implements help.KeyMap.
func (m *audience) ShortHelp() []key.Binding {
	if m.c.Role == model.RoleDisplay {
		return nil
	}
	return []key.Binding{m.c.Keys.Back}
}

// FullHelp implements help.KeyMap.
func (m *audience) FullHelp() [][]key.Binding { return [][]key.Binding{m.ShortHelp()} }
