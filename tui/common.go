package tui

import (
	"slices"
	"strings"
	"time"

	"github.com/charmbracelet/bubbles/key"
	"github.com/charmbracelet/lipgloss"
	"github.com/jalsa-app/jalsa/i18n"
	"github.com/jalsa-app/jalsa/model"
	"github.com/jalsa-app/jalsa/store"
	"github.com/jalsa-app/jalsa/tui/bidi"
)

// Common is what every screen of one UI session shares: the store and who
// acts, the renderer, styles and keys, the size, language and bidi mode, the
// copy of the state the screens draw, and the status line. Each SSH client
// has its own, so clients never share styles or sizes.
type Common struct {
	Store    *store.Store
	Renderer *lipgloss.Renderer
	Styles   *Styles
	Keys     *KeyMap
	Lang     string
	Bidi     bidi.Mode
	// Shape draws Arabic letters in their joined forms (screen only).
	Shape bool
	Actor string
	// Role is the role the screens show; access is the one writes are
	// held to, which may change first (see Access).
	Role   string
	access *Access
	// Width and Height are the size of the whole terminal.
	Width, Height int
	// Now tells the time for the clock and the speakers' timer.
	Now func() time.Time

	// Data is the latest copy of the state (see Load).
	Data *Snapshot
	// SessionID is the session the cockpit and its screens work on.
	SessionID string

	// bidiFrom says where Bidi came from (fromFlag…), for the help.
	bidiFrom string
	// prefs is the file where display choices are remembered.
	prefs string
	// switched is set once the display mode changed during the session:
	// every frame then starts with the mode's escape (see UI.View).
	switched bool
	// dateW caches dateWidth.
	dateW int

	status    string
	statusBad bool
	cellCache map[cellKey]string
	nav       []navigation
}

// navigation is a screen change a page asked for, carried out by the root
// once the page's Update returns.
type navigation struct {
	to   GoMsg
	back bool
}

type cellKey struct {
	s   string
	w   int
	dir int8
	n   int // lines, for wrapped text (dirWrapped)
	// start marks CellStart's results.
	start bool
}

// maxCells bounds the cell cache; it is cleared when full.
const maxCells = 8192

// NewCommon builds the context of one UI session.
func NewCommon(o Options) *Common {
	r := o.Renderer
	if r == nil {
		r = lipgloss.DefaultRenderer()
	}
	o.Resolve()
	c := &Common{Store: o.Store, Renderer: r, Lang: i18n.Choose(o.Lang), Bidi: o.Bidi, Shape: o.Shape, Actor: o.Actor, Role: o.Role,
		Width: o.Width, Height: o.Height, Now: time.Now, SessionID: o.Session, cellCache: map[cellKey]string{},
		bidiFrom: o.from, prefs: o.Prefs}
	c.access = o.Access
	if c.access == nil {
		c.access = NewAccess(c.Role)
	}
	c.Role = c.access.Role()
	c.Styles = DefaultStyles(r)
	c.Styles.anchored = c.Bidi == bidi.ModeTerminal
	c.Keys = DefaultKeyMap(func(key string) string { return c.Cell(c.T(key), 0) })
	return c
}

// SetDisplay changes how Arabic is drawn for the rest of the session: every
// cached cell and key label is drawn again, and the terminal is told the
// new mode with the next frame.
func (c *Common) SetDisplay(mode bidi.Mode, shape bool) {
	if mode == c.Bidi && shape == c.Shape {
		return
	}
	c.switched = c.switched || mode != c.Bidi
	c.Bidi, c.Shape = mode, shape
	c.Styles.anchored = mode == bidi.ModeTerminal
	clear(c.cellCache)
	c.Keys = DefaultKeyMap(func(key string) string { return c.Cell(c.T(key), 0) })
}

// RTL reports a mirrored layout: Arabic drawn by the app, so lists and
// panes read from the right (the agenda on the right, a row's number at its
// right end). In terminal mode the layout stays left to right: every line
// is anchored left to right (bidi.Anchor) and the terminal reorders only
// the text inside each cell.
func (c *Common) RTL() bool { return c.Lang == "ar" && c.Bidi == bidi.ModeApp }

// frame is a whole screen as written to the terminal: in terminal mode each
// line anchored left to right (bidi.Anchor).
func (c *Common) frame(s string) string {
	if c.Bidi == bidi.ModeTerminal {
		return bidi.Anchor(s)
	}
	return s
}

// row joins the pieces of a screen row, each already drawn at its width,
// in reading order: left to right, or right to left with RTL. In terminal
// mode an LRM (zero width) stands between pieces, so that two Arabic cells
// side by side never merge into one run and swap on a terminal that knows
// no isolates.
func (c *Common) row(pieces ...string) string {
	if c.RTL() {
		slices.Reverse(pieces)
	}
	if c.Bidi == bidi.ModeTerminal {
		return strings.Join(pieces, bidi.LRM)
	}
	return strings.Join(pieces, "")
}

// pointer marks the selected row at its reading start.
func (c *Common) pointer() string {
	if c.RTL() {
		return " ‹"
	}
	return "› "
}

// selectRow marks the selected row of a list with a pointer (so the
// selection shows without colour) and the selection style.
func (c *Common) selectRow(selected bool, line string) string {
	if selected {
		return c.Styles.Selected.Render(c.row(c.pointer(), line))
	}
	return c.row("  ", line)
}

// T says the UI string key in the session's language.
func (c *Common) T(key string, args ...any) string { return i18n.T(c.Lang, key, args...) }

// Cell is the one way text reaches the screen: control and escape characters
// neutralised, every number kept left to right in one piece
// (i18n.IsolateNumbers), cut or padded to w cells (w ≤ 0: as long as it is)
// without splitting a number, and put in visual order in bidi app mode. The
// text is one paragraph, laid out in its own direction (i18n.ParagraphRTL).
// Results are cached, since the same titles and names are drawn on every
// frame and reordering Arabic is not cheap.
func (c *Common) Cell(s string, w int) string { return c.cell(s, w, dirAuto) }

// CellIn is Cell for one line of a paragraph whose direction is known
// (right to left when rtl): each line a paragraph wraps into keeps it.
func (c *Common) CellIn(s string, w int, rtl bool) string {
	if rtl {
		return c.cell(s, w, dirRTL)
	}
	return c.cell(s, w, dirLTR)
}

// paragraphRTL is the direction of a paragraph in this UI.
func (c *Common) paragraphRTL(s string) bool { return i18n.ParagraphRTL(s, i18n.Dir(c.Lang) == "rtl") }

// Directions a cell is drawn in: its own, or its paragraph's; dirWrapped
// keys the lines of wrapped text in the cache (see cells).
const (
	dirAuto int8 = iota
	dirLTR
	dirRTL
	dirWrapped
)

func (c *Common) cell(s string, w int, dir int8) string {
	k := cellKey{s: s, w: w, dir: dir}
	if v, ok := c.cellCache[k]; ok {
		return v
	}
	rtl := dir == dirRTL || dir == dirAuto && c.paragraphRTL(s)
	t := i18n.IsolateNumbers(s, rtl)
	if c.Shape {
		t = bidi.Shape(t)
	}
	v := bidi.CellDir(t, w, c.Bidi, rtl)
	c.remember(k, v)
	return v
}

// remember keeps a drawn cell; the cache is emptied when full.
func (c *Common) remember(k cellKey, v string) {
	if len(c.cellCache) >= maxCells {
		clear(c.cellCache)
	}
	c.cellCache[k] = v
}

// ReadOnly reports whether this session may not change anything.
func (c *Common) ReadOnly() bool { return c.Role != model.RoleClerk }

// shown is bs as this session's role may use them: a read-only role is
// not offered the keys that would record something (KeyMap.Shown).
func (c *Common) shown(bs []key.Binding) []key.Binding { return c.Keys.Shown(bs, c.ReadOnly()) }

// Do carries out cmd as this session's actor. Observers and displays are
// refused before anything reaches the store, by the role of the moment
// (Access), even one the screens do not show yet.
func (c *Common) Do(cmd model.Command) error {
	err := c.access.write(func() error {
		_, err := c.Store.Do(c.Actor, cmd)
		return err
	})
	c.Reload()
	return err
}

// Check tries cmd on a scratch copy of the session, without saving
// anything, to tell early whether the rules would allow it.
func (c *Common) Check(cmd model.Command) error {
	st := model.NewState()
	if d := c.Data; d.Session != nil {
		st.Sessions[d.Session.ID] = deepCopy(d.Session)
		st.Bodies[d.Body.ID] = deepCopy(d.Body)
	}
	return model.Do(st, cmd, model.Ctx{Time: c.Now(), Actor: c.Actor})
}

// Refuse shows why an attempt to change something was refused and returns
// true, when this session may not change anything.
func (c *Common) Refuse() bool {
	if c.ReadOnly() {
		c.Fail(model.Refused("err.role_readonly", c.Role))
		return true
	}
	return false
}

// Reload takes a fresh copy of the state.
func (c *Common) Reload() { c.Data = Load(c.Store, c.SessionID) }

// Info shows a message on the status line until the next key.
func (c *Common) Info(msg string) { c.status, c.statusBad = msg, false }

// Fail shows err on the status line, in the session's language.
func (c *Common) Fail(err error) { c.status, c.statusBad = c.say(err), true }

// Go asks the root to show a screen.
func (c *Common) Go(g GoMsg) { c.nav = append(c.nav, navigation{to: g}) }

// Back asks the root to return to the previous screen.
func (c *Common) Back() { c.nav = append(c.nav, navigation{back: true}) }

// BackAfter returns to the previous screen and tells it what happened (a
// vote recorded), so that it moves on.
func (c *Common) BackAfter(g GoMsg) { c.nav = append(c.nav, navigation{to: g, back: true}) }

func (c *Common) takeNav() (GoMsg, bool, bool) {
	if len(c.nav) == 0 {
		return GoMsg{}, false, false
	}
	n := c.nav[0]
	c.nav = c.nav[1:]
	return n.to, n.back, true
}

// clearStatus empties the status line.
func (c *Common) clearStatus() { c.status, c.statusBad = "", false }
