package tui

import (
	"sort"
	"strconv"
	"strings"

	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"
	"github.com/jalsa-app/jalsa/model"
	"github.com/jalsa-app/jalsa/store"
)

// lookupLimit bounds the results shown as you type.
const lookupLimit = 200

// lookup finds past decisions as the clerk types (the same search as
// `jalsa decisions`), opens one in full, and jumps to its session.
type lookup struct {
	c       *Common
	w, h    int
	query   field
	results []DecisionRow
	// showing is the query the results answer when it is not the one
	// typed (typos).
	showing string
	// ran is the query the results are for, and seq the record they saw.
	ran    string
	seq    uint64
	cursor cursor
	// open is the decision shown in full, nil for the list, and explain
	// how its outcome was reached, in the UI's language (a copy of a
	// decision no longer holds the vote it is worded from).
	open    *model.Decision
	explain string
}

func newLookup(c *Common) *lookup { return &lookup{c: c, query: newField(200), ran: "\x00"} }

// SetSize implements page.
func (m *lookup) SetSize(w, h int) { m.w, m.h = w, h }

// Init implements tea.Model.
func (m *lookup) Init() tea.Cmd { return nil }

// Capturing implements capturer: the query takes every key on the list.
func (m *lookup) Capturing() bool { return m.open == nil }

func (m *lookup) listRows() int { return m.h - 3 }

// search runs the query when it or the record changed.
func (m *lookup) search() {
	q := m.query.Value()
	if q == m.ran && m.seq == m.c.Data.Seq {
		return
	}
	m.ran, m.seq = q, m.c.Data.Seq
	found, err := m.c.Store.Search(store.Query{Text: q, Limit: lookupLimit})
	if err != nil {
		m.c.Fail(err)
		return
	}
	m.results, m.showing = m.results[:0], found.ShowingFor
	for _, d := range found.Decisions {
		m.results = append(m.results, decisionRow(d))
	}
	m.cursor.clamp(len(m.results), m.listRows())
}

// Update implements tea.Model.
func (m *lookup) Update(msg tea.Msg) (tea.Model, tea.Cmd) {
	switch msg := msg.(type) {
	case GoMsg:
		m.open = nil
		m.search()
	case ChangeMsg:
		m.search()
	case tea.KeyMsg:
		if m.open != nil {
			m.detailKey(msg)
		} else {
			m.listKey(msg)
		}
	}
	return m, nil
}

func (m *lookup) listKey(msg tea.KeyMsg) {
	c, k := m.c, m.c.Keys
	switch {
	case key.Matches(msg, k.Back):
		c.Back()
	case msg.Type == tea.KeyUp, msg.Type == tea.KeyDown, msg.Type == tea.KeyPgUp, msg.Type == tea.KeyPgDown:
		m.cursor.move(msg, k, len(m.results), m.listRows())
	case key.Matches(msg, k.Enter):
		if len(m.results) == 0 {
			return
		}
		m.cursor.clamp(len(m.results), m.listRows())
		d, err := c.Store.Decision(m.results[m.cursor.pos].Ref)
		if err != nil {
			c.Fail(err)
			return
		}
		// Decisions share maps and slices with the store's state.
		m.open, m.explain = deepCopy(&d), d.ExplanationIn(c.Lang)
	default:
		m.query.update(msg)
		m.search()
	}
}

func (m *lookup) detailKey(msg tea.KeyMsg) {
	c, k := m.c, m.c.Keys
	switch {
	case key.Matches(msg, k.Back):
		m.open = nil
	case key.Matches(msg, k.GoToSession), key.Matches(msg, k.Enter):
		c.Go(GoMsg{To: screenCockpit, Session: m.open.Session, Item: m.open.Item})
	}
}

// View implements tea.Model.
func (m *lookup) View() string {
	if m.open != nil {
		return m.detail()
	}
	c, st := m.c, m.c.Styles
	w := m.w
	out := []string{
		c.row(st.Title.Render(c.Cell(c.T("tui.lookup.title"), 12)), " ", m.query.view(c, w-14, true)),
		st.Label.Render(c.Cell(m.foundLine(), w)),
		"",
	}
	from, to := m.cursor.window(len(m.results), m.listRows())
	for i := from; i < to; i++ {
		out = append(out, c.selectRow(i == m.cursor.pos, decisionLine(c, m.results[i], w-2)))
	}
	return strings.Join(out, "\n")
}

// foundLine counts the results, and says which query they answer when it
// is not the one typed.
func (m *lookup) foundLine() string {
	line := m.c.T("tui.lookup.found", len(m.results))
	if m.showing != "" {
		line += " · " + store.ShowingForMessage(m.c.Lang, m.showing)
	}
	return line
}

// detail shows one decision in full, as `jalsa show` does.
func (m *lookup) detail() string {
	c, st := m.c, m.c.Styles
	d := m.open
	w := m.w
	mark, ms := st.Outcome(d.Outcome, "")
	var out []string
	add := func(l ...string) { out = append(out, l...) }
	add(st.Title.Render(c.Cell(d.Ref+" · "+c.Day(d.Date)+" · "+c.T("kind."+d.Kind), w)))
	add(c.cells(d.Title, w, 2)...)
	add(c.Cell(d.SessionTitle, w))
	add(ms.Render(c.Cell(mark+" "+c.T("outcome."+string(d.Outcome)), w)))
	if d.Amount != nil {
		add(c.Cell(c.T("label.amount")+": "+c.Money(*d.Amount), w))
	}
	if d.For+d.Against+d.Abstain > 0 || d.Explanation != "" {
		add(c.Cell(c.T("tui.vote.counts", d.For, d.Against, d.Abstain)+" · "+c.T("tui.header.present", d.Present, d.Seats)+" · "+c.T("tui.rule."+d.Rule), w))
		for _, l := range wrap(m.explain, w) {
			add(st.Label.Render(c.CellStart(l, w)))
		}
	}
	if len(d.Named) > 0 {
		add(st.Label.Render(c.Cell(c.T("label.named")+": "+strconv.Itoa(len(d.Named)), w)))
		add(m.namedLines(d, w)...)
	}
	for _, cor := range d.Corrections {
		add(st.Warn.Render(c.Cell(c.T("tui.lookup.correction", cor.Previous.For, cor.Previous.Against, cor.Previous.Abstain, cor.Reason), w)))
	}
	if d.Text != "" {
		add("")
		add(c.cells(d.Text, w, max(m.h-len(out)-2, 1))...)
	}
	for _, n := range d.Notes {
		add(st.Dim.Render(c.Cell(c.T("label.note")+": "+n.Text, w)))
	}
	return strings.Join(out, "\n")
}

// namedLines lists by name who voted against and who abstained in a
// roll-call vote, and how many voted for: in a chamber where most vote for,
// the exceptions are what a reader looks for.
func (m *lookup) namedLines(d *model.Decision, w int) []string {
	c := m.c
	var body *model.Body
	c.Store.Read(func(st *model.State) {
		if s := st.Sessions[d.Session]; s != nil {
			if b := st.BodyOf(s); b != nil {
				cp := *b
				body = &cp
			}
		}
	})
	names := map[model.Choice][]string{}
	for _, id := range sortedIDs(d.Named) {
		name := id
		if body != nil {
			name = body.MemberName(id)
		}
		names[d.Named[id]] = append(names[d.Named[id]], name)
	}
	sep := ", "
	if c.Lang == "ar" {
		sep = "، "
	}
	var out []string
	for _, ch := range []model.Choice{model.Against, model.Abstain} {
		if len(names[ch]) > 0 {
			out = append(out, c.cells(c.T("choice."+string(ch))+" ("+strconv.Itoa(len(names[ch]))+"): "+strings.Join(names[ch], sep), w, 3)...)
		}
	}
	if n := len(names[model.For]); n > 0 {
		out = append(out, c.Cell(c.T("choice.for")+": "+strconv.Itoa(n), w))
	}
	return out
}

func sortedIDs(m map[string]model.Choice) []string {
	ids := make([]string, 0, len(m))
	for id := range m {
		ids = append(ids, id)
	}
	sort.Strings(ids)
	return ids
}

// ShortHelp implements help.KeyMap.
func (m *lookup) ShortHelp() []key.Binding {
	k := m.c.Keys
	if m.open != nil {
		return []key.Binding{k.GoToSession, k.Back}
	}
	return []key.Binding{k.Up, k.Down, k.Enter, k.Back}
}

// FullHelp implements help.KeyMap.
func (m *lookup) FullHelp() [][]key.Binding {
	k := m.c.Keys
	return [][]key.Binding{{k.Up, k.Down, k.PageUp, k.PageDown, k.Enter, k.Back, k.GoToSession}}
}
