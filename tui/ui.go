package tui

import (
	"context"
	"slices"
	"strings"
	"sync"
	"time"

	"github.com/charmbracelet/bubbles/help"
	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/x/ansi"
	"github.com/jalsa-app/jalsa/model"
	"github.com/jalsa-app/jalsa/store"
	"github.com/jalsa-app/jalsa/tui/bidi"
)

// Smallest terminal the UI draws in (SPEC §6).
const (
	minWidth  = 80
	minHeight = 24
)

// Rows the root draws around a screen: the header above, the status line
// and the help bar below.
const (
	headerRows = 2
	footerRows = 2
)

// screen names a page of the UI.
type screen int

const (
	screenHome screen = iota
	screenCockpit
	screenRollCall
	screenVote
	screenBudget
	screenNotes
	screenLookup
	screenMinutes
	screenAudience
	screenCheck
	screenAgenda
	numScreens
)

// page is one screen: a model with its own help and a size.
type page interface {
	tea.Model
	help.KeyMap
	SetSize(width, height int)
}

// moreHelp is a page whose full help also lists the keys of a screen it
// opens (the cockpit, a budget's).
type moreHelp interface {
	MoreHelp() (title string, keys []key.Binding)
}

// capturer is a page with a text field focused, which gets every key but
// the few that leave it.
type capturer interface {
	Capturing() bool
}

// GoMsg is delivered to a screen when it is shown, with what it is about.
type GoMsg struct {
	To screen
	// Session, when set, becomes the session the cockpit works on.
	Session string
	Item    int
	Line    string
	// Correct asks the vote screen to correct a recorded vote.
	Correct bool
	// AllFor opens the vote screen with every member present voting for,
	// shown before enter records it.
	AllFor bool
	// Voted tells the screen returned to that the vote on Item (and Line)
	// was recorded, so that it moves on to what comes next.
	Voted bool
}

// ChangeMsg reports that the record changed (from this UI, another SSH
// client or the socket).
type ChangeMsg store.Change

// TickMsg moves the clock and the speakers' timer.
type TickMsg time.Time

// UI is the root model: the header, the active screen, the status line and
// the help bar.
type UI struct {
	c      *Common
	ctx    context.Context
	pages  [numScreens]page
	active screen
	// back holds the screens to return to with esc.
	back     []screen
	showHelp bool
	// helpBars caches the help bars drawn: the same few on every frame.
	helpBars map[helpKey]string

	sub   <-chan store.Change
	unsub func()
}

func newUI(o Options) *UI {
	c := NewCommon(o)
	ctx := o.Context
	if ctx == nil {
		ctx = context.Background()
	}
	m := &UI{c: c, ctx: ctx, helpBars: map[helpKey]string{}}
	c.Reload()
	m.start()
	m.resize()
	return m
}

// start builds every screen afresh and shows the first one of the role:
// the audience display for a display, else the live session's cockpit,
// else home.
func (m *UI) start() {
	c := m.c
	m.pages = [numScreens]page{
		screenHome:     newHome(c),
		screenCockpit:  newCockpit(c),
		screenRollCall: newRollCall(c),
		screenVote:     newVote(c),
		screenBudget:   newBudget(c),
		screenNotes:    newNotes(c),
		screenLookup:   newLookup(c),
		screenMinutes:  newMinutes(c),
		screenAudience: newAudience(c),
		screenCheck:    newCheck(c),
		screenAgenda:   newAgenda(c),
	}
	switch {
	case c.Role == model.RoleDisplay:
		// show loads the session when it is not the one loaded already.
		sid := c.SessionID
		if sid == "" {
			sid = c.Data.liveSessionID()
		}
		m.show(GoMsg{To: screenAudience, Session: sid})
	case c.SessionID != "":
		m.show(GoMsg{To: screenCockpit, Session: c.SessionID})
	case c.Data.liveSessionID() != "":
		m.show(GoMsg{To: screenCockpit, Session: c.Data.liveSessionID()})
	default:
		m.show(GoMsg{To: screenHome})
	}
	m.back = nil
}

// Init implements tea.Model: it subscribes to changes and starts the clock.
// The subscription ends once, when the UI quits or its context ends (an SSH
// client gone, a signal), whichever comes first: the program may be gone
// by then, with no wait pending to notice.
func (m *UI) Init() tea.Cmd {
	sub, unsub := m.c.Store.Subscribe()
	once := sync.OnceFunc(unsub)
	stop := context.AfterFunc(m.ctx, once)
	m.sub, m.unsub = sub, func() { stop(); once() }
	return tea.Batch(m.wait(), tick())
}

// wait returns a command that waits for the next change: the root re-arms it
// after each one, so no goroutine ever sends to the program. It returns nil
// once the subscription has ended.
func (m *UI) wait() tea.Cmd {
	sub := m.sub
	return func() tea.Msg {
		ch, ok := <-sub
		if !ok {
			return nil
		}
		return ChangeMsg(ch)
	}
}

func tick() tea.Cmd {
	return tea.Tick(time.Second, func(t time.Time) tea.Msg { return TickMsg(t) })
}

// Update implements tea.Model.
func (m *UI) Update(msg tea.Msg) (tea.Model, tea.Cmd) {
	var cmds []tea.Cmd
	switch msg := msg.(type) {
	case tea.WindowSizeMsg:
		m.c.Width, m.c.Height = msg.Width, msg.Height
		if msg.Width == 0 && msg.Height == 0 {
			// The terminal does not know its size (ssh -tt from a script):
			// the smallest size that fits beats a blank screen.
			m.c.Width, m.c.Height = minWidth, minHeight
		}
		m.resize()
		return m, nil
	case ChangeMsg:
		if msg.Seq > m.c.Data.Seq {
			m.c.Reload()
		}
		cmds = append(cmds, m.wait())
	case TickMsg:
		cmds = append(cmds, tick())
	case RoleMsg:
		m.changeRole(m.c.access.Role())
		return m, nil
	case tea.KeyMsg:
		if msg.Type == tea.KeyRunes && len(msg.Runes) > 1 && !msg.Paste && !m.capturing() {
			return m, m.splitKeys(msg.Runes)
		}
		m.c.clearStatus()
		if quit, cmd := m.globalKey(msg); quit || cmd != nil {
			return m, cmd
		}
	}
	cmds = append(cmds, m.forward(msg))
	return m, tea.Batch(cmds...)
}

// capturing reports that the active screen has a text field focused.
func (m *UI) capturing() bool {
	c, ok := m.pages[m.active].(capturer)
	return ok && c.Capturing()
}

// splitKeys handles keys typed faster than the terminal is read, which
// arrive as one message ("js"), one at a time, until a text field takes the
// rest as typed text.
func (m *UI) splitKeys(runes []rune) tea.Cmd {
	var cmds []tea.Cmd
	for i, r := range runes {
		if m.capturing() {
			_, cmd := m.Update(tea.KeyMsg{Type: tea.KeyRunes, Runes: runes[i:]})
			return tea.Batch(append(cmds, cmd)...)
		}
		_, cmd := m.Update(tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune{r}})
		cmds = append(cmds, cmd)
	}
	return tea.Batch(cmds...)
}

// globalKey handles the keys that work on every screen; it reports whether
// the key was used.
func (m *UI) globalKey(msg tea.KeyMsg) (bool, tea.Cmd) {
	k := m.c.Keys
	if key.Matches(msg, k.ForceQuit) {
		return true, m.quit()
	}
	if m.showHelp {
		m.showHelp = false
		return true, nil
	}
	if m.tooSmall() {
		return key.Matches(msg, k.Quit), m.quitIf(key.Matches(msg, k.Quit))
	}
	if m.capturing() {
		return false, nil
	}
	if m.c.Role == model.RoleDisplay {
		return true, m.quitIf(key.Matches(msg, k.Quit))
	}
	hasSession := m.c.Data.Session != nil
	switch {
	case key.Matches(msg, k.Help):
		m.showHelp = true
	case key.Matches(msg, k.Quit) && (m.active == screenHome || m.active == screenCockpit):
		return true, m.quit()
	case key.Matches(msg, k.Lookup) && m.active != screenLookup:
		m.show(GoMsg{To: screenLookup})
	case key.Matches(msg, k.Audience) && m.active != screenAudience:
		m.show(GoMsg{To: screenAudience})
	case key.Matches(msg, k.Display) && m.active != screenCheck:
		m.show(GoMsg{To: screenCheck})
	case key.Matches(msg, k.Minutes) && hasSession && m.active != screenMinutes:
		m.show(GoMsg{To: screenMinutes})
	case key.Matches(msg, k.RollCall) && hasSession && m.active != screenRollCall:
		m.show(GoMsg{To: screenRollCall})
	default:
		return false, nil
	}
	return true, nil
}

func (m *UI) quitIf(ok bool) tea.Cmd {
	if !ok {
		return nil
	}
	return m.quit()
}

// quit ends the UI. Nothing needs saving: every change is on disk already.
func (m *UI) quit() tea.Cmd {
	if m.unsub != nil {
		m.unsub()
	}
	return tea.Quit
}

// forward passes msg to the active screen, then carries out the navigation
// the screen asked for.
func (m *UI) forward(msg tea.Msg) tea.Cmd {
	_, cmd := m.pages[m.active].Update(msg)
	for {
		g, back, ok := m.c.takeNav()
		if !ok {
			return cmd
		}
		if back {
			m.goBack(g)
			continue
		}
		m.show(g)
	}
}

// show makes g.To the active screen and tells it what it is about.
func (m *UI) show(g GoMsg) {
	if g.Session != "" && g.Session != m.c.SessionID {
		m.c.SessionID = g.Session
		m.c.Reload()
	}
	if g.To != m.active {
		m.back = append(m.back, m.active)
	}
	m.active = g.To
	m.pages[g.To].Update(g)
}

// goBack returns to the previous screen (home when there is none) and
// tells it what g says (Voted).
func (m *UI) goBack(g GoMsg) {
	to := screenHome
	if n := len(m.back); n > 0 {
		to, m.back = m.back[n-1], m.back[:n-1]
	}
	if to == m.active {
		return
	}
	m.active = to
	g.To = to
	m.pages[to].Update(g)
}

func (m *UI) bodyHeight() int { return m.c.Height - headerRows - footerRows }

func (m *UI) resize() {
	for _, p := range m.pages {
		p.SetSize(m.c.Width, m.bodyHeight())
	}
}

func (m *UI) tooSmall() bool { return m.c.Width < minWidth || m.c.Height < minHeight }

// View implements tea.Model.
func (m *UI) View() string {
	c := m.c
	if c.Width == 0 {
		return ""
	}
	if m.tooSmall() {
		return c.frame(strings.Join(c.cells(c.T("tui.too_small", c.Width, c.Height, minWidth, minHeight), c.Width, c.Height), "\n"))
	}
	var mode string
	if c.switched {
		// The clerk changed the mode on the "check your terminal" screen:
		// the terminal learns it with the frame, through the renderer that
		// owns the output (locally and over SSH alike). Repeating it costs
		// a few bytes on the lines the renderer repaints.
		mode = bidi.LeaveExplicit
		if c.Bidi == bidi.ModeApp {
			mode = bidi.EnterExplicit
		}
	}
	var b strings.Builder
	b.WriteString(m.header())
	b.WriteByte('\n')
	var body string
	if m.showHelp {
		body = m.fullHelp()
	} else {
		body = m.pages[m.active].View()
	}
	status := m.statusLines()
	b.WriteString(fitBlock(body, m.bodyHeight()-len(status)+1))
	b.WriteByte('\n')
	b.WriteString(strings.Join(status, "\n"))
	b.WriteByte('\n')
	// A display (the hall's projector) shows no keys.
	if m.c.Role != model.RoleDisplay {
		b.WriteString(m.shortHelp(m.c.shown(append(m.pages[m.active].ShortHelp(), m.c.Keys.Help))))
	}
	return mode + c.frame(b.String())
}

// globalHelp lists the keys that work on every screen.
func (m *UI) globalHelp() []key.Binding {
	k := m.c.Keys
	return []key.Binding{k.Up, k.Down, k.Enter, k.Back, k.Tab, k.Help, k.Lookup, k.RollCall, k.Minutes, k.Audience, k.Display, k.Quit, k.ForceQuit}
}

// helpColumn is the width of one column of the full help.
const helpColumn = 39

// fullHelp lists every key of the active screen, then those that work
// everywhere, in as many columns as fit.
func (m *UI) fullHelp() string {
	c, s := m.c, m.c.Styles
	var entries []string
	seen := map[string]bool{}
	addAll := func(title string, bs []key.Binding) {
		entries = append(entries, s.Title.Render(c.Cell(title, helpColumn)))
		for _, b := range c.shown(bs) {
			h := b.Help()
			if seen[h.Key+h.Desc] || !b.Enabled() {
				continue
			}
			seen[h.Key+h.Desc] = true
			// h.Desc is drawn already (DefaultKeyMap); only padded here. A
			// mirrored layout aligns the keys on their right.
			desc, keyCell := padRight(h.Desc, helpColumn-11), c.Cell(h.Key, 10)
			if c.RTL() {
				desc, keyCell = padLeft(h.Desc, helpColumn-11), padLeft(c.Cell(h.Key, 0), 10)
			}
			entries = append(entries, c.row(s.Help.FullKey.Render(keyCell), " ", s.Help.FullDesc.Render(desc)))
		}
	}
	var screen []key.Binding
	for _, g := range m.pages[m.active].FullHelp() {
		screen = append(screen, g...)
	}
	addAll(c.T("tui.help.screen"), screen)
	if more, ok := m.pages[m.active].(moreHelp); ok {
		title, bs := more.MoreHelp()
		addAll(title, bs)
	}
	addAll(c.T("tui.help.everywhere"), m.globalHelp())
	display := c.cells(c.displaySummary(), c.Width, 2)
	for i, l := range display {
		display[i] = s.Accent.Render(l)
	}
	head := strings.Join(display, "\n") + "\n\n"
	rows := m.bodyHeight() - len(display) - 1
	if fit := (c.Width + 1) / (helpColumn + 1); len(entries) > rows*fit {
		// Every key comes first: what the summary says, B shows.
		head, rows = "", m.bodyHeight()
	}
	var cols []string
	for i := 0; i < len(entries); i += rows {
		cols = append(cols, strings.Join(entries[i:min(i+rows, len(entries))], "\n"))
		if len(cols)*(helpColumn+1) > c.Width-helpColumn {
			break
		}
	}
	if !c.RTL() {
		return head + joinColumns(cols, helpColumn+1)
	}
	slices.Reverse(cols)
	lines := strings.Split(joinColumns(cols, helpColumn+1), "\n")
	for i, l := range lines {
		lines[i] = padLeft(l, c.Width)
	}
	return head + strings.Join(lines, "\n")
}

// displaySummary says how Arabic is drawn and why, for the full help.
func (c *Common) displaySummary() string {
	shape := "tui.shape.off"
	if c.Shape {
		shape = "tui.shape.on"
	}
	return c.T("tui.help.display", c.T("tui.mode."+string(c.Bidi)), c.T("tui.from."+c.bidiFrom), c.T(shape))
}

// shortHelp is the help bar: the screen's keys in the order given, as many
// as fit, then always ? for the full list (SPEC §6: every key is shown,
// there or in the full help). In a mirrored layout it reads from the
// right, each key before its description.
func (m *UI) shortHelp(bs []key.Binding) string {
	c := m.c
	var sig strings.Builder
	for _, b := range bs {
		if b.Enabled() {
			sig.WriteString(b.Help().Key + "\x00" + b.Help().Desc + "\x00")
		}
	}
	k := helpKey{sig.String(), c.Width, c.RTL()}
	if bar, ok := m.helpBars[k]; ok {
		return bar
	}
	if len(m.helpBars) > 64 {
		clear(m.helpBars)
	}
	bar := m.drawHelp(bs)
	m.helpBars[k] = bar
	return bar
}

// helpKey is a help bar's keys and width, for the cache of bars.
type helpKey struct {
	keys  string
	width int
	rtl   bool
}

// drawHelp draws the help bar (see shortHelp).
func (m *UI) drawHelp(bs []key.Binding) string {
	c := m.c
	s := c.Styles.Help
	sep := s.ShortSeparator.Inline(true).Render(" • ")
	item := func(b key.Binding) string {
		h := b.Help()
		return c.row(s.ShortKey.Inline(true).Render(c.Cell(h.Key, 0)), " ", s.ShortDesc.Inline(true).Render(h.Desc))
	}
	last := item(c.Keys.Help)
	room := c.Width - 1 - ansiWidth(sep) - ansiWidth(last)
	var pieces []string
	w := 0
	for _, b := range bs {
		if !b.Enabled() || b.Help().Key == c.Keys.Help.Help().Key {
			continue
		}
		it := item(b)
		iw := ansiWidth(it)
		if len(pieces) > 0 {
			iw += ansiWidth(sep)
		}
		if w+iw > room {
			pieces = append(pieces, s.Ellipsis.Inline(true).Render(" …"))
			break
		}
		if len(pieces) > 0 {
			pieces = append(pieces, sep)
		}
		pieces = append(pieces, it)
		w += iw
	}
	if len(pieces) > 0 && !strings.HasSuffix(pieces[len(pieces)-1], s.Ellipsis.Inline(true).Render(" …")) {
		pieces = append(pieces, sep)
	} else if len(pieces) > 0 {
		pieces = append(pieces, " ")
	}
	return c.line(c.row(append(pieces, last)...), c.Width)
}

// joinColumns lays blocks side by side, each w cells wide.
func joinColumns(blocks []string, w int) string {
	split := make([][]string, len(blocks))
	rows := 0
	for i, b := range blocks {
		split[i] = strings.Split(b, "\n")
		rows = max(rows, len(split[i]))
	}
	var sb strings.Builder
	for r := range rows {
		if r > 0 {
			sb.WriteByte('\n')
		}
		for i := range split {
			l := ""
			if r < len(split[i]) {
				l = split[i][r]
			}
			if i < len(split)-1 {
				l = padRight(l, w)
			}
			sb.WriteString(l)
		}
	}
	return sb.String()
}

// maxStatusRows bounds the status line when a message wraps; the screen
// gives up its last rows until the next key.
const maxStatusRows = 3

// statusLines are the message of the last action, wrapped (never cut: a
// refusal's advice is at its end), or one calm empty line.
func (m *UI) statusLines() []string {
	c := m.c
	if c.status == "" {
		return []string{""}
	}
	mark, st := "✓", c.Styles.Info
	if c.statusBad {
		mark, st = "✗", c.Styles.Error
	}
	lines := c.cells(c.status, c.Width-2, maxStatusRows)
	for i, l := range lines {
		lead := "  "
		if i == 0 {
			lead = mark + " "
			if c.RTL() {
				lead = " " + mark
			}
		}
		lines[i] = st.Render(c.line(c.row(lead, strings.TrimSpace(l)), c.Width))
	}
	return lines
}

// fitBlock cuts or pads s to exactly h lines. Screens keep within the
// width themselves (tests check every frame); the renderer would cut a line
// that does not.
func fitBlock(s string, h int) string {
	n := strings.Count(s, "\n") + 1
	if n > h {
		i := 0
		for range h {
			i += strings.IndexByte(s[i:], '\n') + 1
		}
		return s[:i-1]
	}
	return s + strings.Repeat("\n", h-n)
}

// header is two lines: the body and session, then the sitting, the clock,
// who is present and the quorum mark.
func (m *UI) header() string {
	c := m.c
	s := c.Styles
	d := c.Data
	w := c.Width
	clock := c.Clock(c.Now())
	rtl := c.RTL()
	if d.Session == nil {
		line1 := padRight(" jalsa", w-len(clock)-1) + clock + " "
		if rtl {
			line1 = " " + clock + padLeft("jalsa ", w-len(clock)-1)
		}
		return s.Header.Render(line1) + "\n" + s.HeaderDim.Render(c.row(" ", c.Cell(c.T("tui.home.tagline"), w-2), " "))
	}
	sess, body := d.Session, d.Body
	title := " jalsa · " + sess.ID + " · "
	if rtl {
		title = " · " + sess.ID + " · jalsa "
	}
	// The title starts where the layout reads from, two cells from the
	// clock at the most: an Arabic title in a French screen does not run
	// into the time.
	room := w - ansi.StringWidth(title) - len(clock) - 4
	line1 := s.Header.Render(c.row(title, c.CellStart(sess.Title, room), "   "+clock+" "))
	q := d.Quorum
	info := c.T("state." + sess.State)
	if sit := sess.Sitting(); sit != nil {
		info += " · " + c.T("tui.header.sitting", sit.N, sit.Call)
	}
	// The quorum mark is drawn with its words, so that it reads from the
	// right too in a mirrored layout.
	quorum := func(p Paint, text string) string { return p.Render(c.row(" ", c.Cell(text, 0))) }
	var mark string
	switch {
	case sess.State != model.StateOpen:
	case q.Required == 0:
		mark = quorum(s.HeaderDim, "· "+c.T("tui.header.quorum_none"))
	case q.Met:
		mark = quorum(s.HeaderGood, "✓ "+c.T("tui.header.quorum_met", q.Required))
	default:
		mark = quorum(s.HeaderBad, "✗ "+c.T("tui.header.quorum_lost", q.Required))
	}
	if sess.State == model.StateOpen {
		info += " · " + c.T("tui.header.present", q.Present, q.Seats)
	}
	infoCell := c.row(" ", c.Cell(info, 0))
	left := w - ansi.StringWidth(infoCell) - ansi.StringWidth(mark)
	tail := ""
	if id := c.Cell(body.ID, 0); ansi.StringWidth(id)+2 <= left {
		tail = c.row(id, " ")
	}
	pad := padLeft
	if rtl {
		pad = padRight
	}
	line2 := c.row(s.HeaderDim.Render(infoCell), mark, s.HeaderDim.Render(pad(tail, left)))
	return line1 + "\n" + line2
}
