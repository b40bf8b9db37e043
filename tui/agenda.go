package tui

import (
	"fmt"
	"strings"

	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"
	"github.com/jalsa-app/jalsa/i18n"
	"github.com/jalsa-app/jalsa/model"
)

// agendaScreen builds the agenda of a draft session (SPEC §12), through the
// same commands as `jalsa agenda`: add an item, edit it in place, move it
// up or down, remove it after a confirmation; the kind and the majority are
// chosen from lists. Once the session is open, it only adds an urgent item,
// with its reason.
type agendaScreen struct {
	c      *Common
	w, h   int
	cursor cursor
	form   *itemForm
	// removing is the item whose removal waits for a confirmation.
	removing int
}

// itemForm adds an item (n 0) or edits item n.
type itemForm struct {
	n      int
	urgent bool
	title  field
	text   field
	reason field
	// kind and majority index the choices (majorities()[0] is the body's
	// rule).
	kind, majority int
	focus          int
}

// The fields of the form, in the order tab goes through them.
const (
	focusTitle = iota
	focusKind
	focusMajority
	focusText
	focusReason
)

func newAgenda(c *Common) *agendaScreen { return &agendaScreen{c: c} }

// SetSize implements page.
func (m *agendaScreen) SetSize(w, h int) { m.w, m.h = w, h }

// Init implements tea.Model.
func (m *agendaScreen) Init() tea.Cmd { return nil }

// Capturing implements capturer: the form and the question take every key.
func (m *agendaScreen) Capturing() bool { return m.form != nil || m.removing > 0 }

func (m *agendaScreen) items() []*model.Item {
	if s := m.c.Data.Session; s != nil {
		return s.Items
	}
	return nil
}

// majorities are the choices of an item's majority: the body's rule, then
// each rule.
func majorities() []model.Majority { return append([]model.Majority{""}, model.Majorities...) }

// footerRows is the height of the form, the question or the hint.
func (m *agendaScreen) footerRows() int {
	switch {
	case m.form != nil && m.form.urgent:
		return 7
	case m.form != nil:
		return 6
	}
	return 2
}

func (m *agendaScreen) listRows() int { return max(m.h-1-m.footerRows(), 1) }

// Update implements tea.Model.
func (m *agendaScreen) Update(msg tea.Msg) (tea.Model, tea.Cmd) {
	switch msg := msg.(type) {
	case GoMsg:
		m.form, m.removing = nil, 0
		if msg.Item > 0 {
			m.cursor.pos = msg.Item - 1
		}
	case tea.KeyMsg:
		switch {
		case m.form != nil:
			m.updateForm(msg)
		case m.removing > 0:
			m.updateRemove(msg)
		default:
			m.key(msg)
		}
	}
	return m, nil
}

func (m *agendaScreen) key(msg tea.KeyMsg) {
	c, k := m.c, m.c.Keys
	s := c.Data.Session
	if s == nil || key.Matches(msg, k.Back) {
		c.Back()
		return
	}
	n := len(s.Items)
	if m.cursor.move(msg, k, n, m.listRows()) {
		return
	}
	var it *model.Item
	if n > 0 {
		m.cursor.clamp(n, m.listRows())
		it = s.Items[m.cursor.pos]
	}
	switch {
	case key.Matches(msg, k.AddItem):
		if c.Refuse() {
			return
		}
		f := &itemForm{urgent: s.State != model.StateDraft, title: newField(model.MaxTitle), text: newField(model.MaxText), reason: newField(model.MaxText)}
		f.kind = indexOf(model.ItemKinds, model.KindAgreement)
		m.form = f
	case it == nil:
	case key.Matches(msg, k.Enter):
		if c.Refuse() || !m.draft() {
			return
		}
		f := &itemForm{n: it.N, title: newField(model.MaxTitle), text: newField(model.MaxText), reason: newField(model.MaxText)}
		f.title.SetValue(it.Title)
		f.text.SetValue(it.Text)
		f.kind = indexOf(model.ItemKinds, it.Kind)
		for i, mj := range majorities() {
			if mj == it.Majority {
				f.majority = i
			}
		}
		m.form = f
	case key.Matches(msg, k.MoveItemUp) && it.N > 1:
		m.move(it.N, it.N-1)
	case key.Matches(msg, k.MoveItemDown) && it.N < n:
		m.move(it.N, it.N+1)
	case key.Matches(msg, k.RemoveItem):
		if !c.Refuse() && m.draft() {
			m.removing = it.N
		}
	}
}

// draft says whether the agenda still changes, and why not when it does
// not.
func (m *agendaScreen) draft() bool {
	s := m.c.Data.Session
	if s.State != model.StateDraft {
		m.c.Fail(model.Refused("err.agenda_open", s.ID))
		return false
	}
	return true
}

func (m *agendaScreen) move(n, to int) {
	c := m.c
	if c.Refuse() {
		return
	}
	if err := c.Do(&model.AgendaCmd{Session: c.SessionID, Action: model.AgendaMove, N: n, To: to}); err != nil {
		c.Fail(err)
		return
	}
	m.cursor.pos = to - 1
	c.Info(c.T("tui.agenda.moved", n, to))
}

func (m *agendaScreen) updateRemove(msg tea.KeyMsg) {
	c, k := m.c, m.c.Keys
	n := m.removing
	switch {
	case key.Matches(msg, k.Enter):
		m.removing = 0
		if err := c.Do(&model.AgendaCmd{Session: c.SessionID, Action: model.AgendaRemove, N: n}); err != nil {
			c.Fail(err)
			return
		}
		c.Info(c.T("tui.agenda.removed", n))
	case key.Matches(msg, k.Back):
		m.removing = 0
	}
}

func (m *agendaScreen) updateForm(msg tea.KeyMsg) {
	k, f := m.c.Keys, m.form
	last := focusText
	if f.urgent {
		last = focusReason
	}
	switch {
	case key.Matches(msg, k.Back):
		m.form = nil
	case key.Matches(msg, k.Tab), key.Matches(msg, k.Down):
		f.focus = (f.focus + 1) % (last + 1)
	case key.Matches(msg, k.ShiftTab), key.Matches(msg, k.Up):
		f.focus = (f.focus + last) % (last + 1)
	case key.Matches(msg, k.Enter):
		m.save()
	case f.focus == focusKind && (key.Matches(msg, k.Left) || key.Matches(msg, k.Right)):
		f.kind = m.step(msg, f.kind, len(model.ItemKinds))
	case f.focus == focusMajority && (key.Matches(msg, k.Left) || key.Matches(msg, k.Right)):
		f.majority = m.step(msg, f.majority, len(majorities()))
	case f.focus == focusTitle:
		f.title.update(msg)
	case f.focus == focusText:
		f.text.update(msg)
	case f.focus == focusReason:
		f.reason.update(msg)
	}
}

// step moves a choice along its list: → to the next, ← to the previous,
// as the help bar says and the cockpit's questions do.
func (m *agendaScreen) step(msg tea.KeyMsg, i, n int) int {
	d := 1
	if key.Matches(msg, m.c.Keys.Left) {
		d = -1
	}
	return (i + d + n) % n
}

// save adds or changes the item as the form says.
func (m *agendaScreen) save() {
	c, f := m.c, m.form
	title, text := f.title.Value(), f.text.Value()
	kind, majority := model.ItemKinds[f.kind], string(majorities()[f.majority])
	cmd := &model.AgendaCmd{Session: c.SessionID, Title: &title, Kind: &kind, Majority: &majority, Text: &text}
	done := ""
	if f.n == 0 {
		cmd.Action = model.AgendaAdd
		if f.urgent {
			cmd.Urgent, cmd.Reason = true, f.reason.Value()
		} else if n := len(m.items()); n > 0 {
			// A new item goes after the one selected.
			cmd.At = min(m.cursor.pos+2, n+1)
		}
	} else {
		cmd.Action, cmd.N = model.AgendaEdit, f.n
		done = c.T("tui.agenda.edited", f.n)
	}
	if err := c.Do(cmd); err != nil {
		c.Fail(err)
		return
	}
	if f.n == 0 {
		m.cursor.pos = len(m.items()) - 1
		if cmd.At > 0 {
			m.cursor.pos = cmd.At - 1
		}
		done = c.T("tui.agenda.added", m.cursor.pos+1)
		if f.urgent && kind == model.KindBudget {
			// The UI imports no lines; the command line does, while the item waits.
			done = c.T("tui.agenda.added_budget", m.cursor.pos+1, c.SessionID)
		}
	}
	m.form = nil
	c.Info(done)
}

// View implements tea.Model.
func (m *agendaScreen) View() string {
	c, st := m.c, m.c.Styles
	s := c.Data.Session
	if s == nil {
		return st.Dim.Render(c.Cell(c.T("tui.cockpit.no_session"), m.w))
	}
	w := m.w
	out := []string{st.Title.Render(c.Cell(c.T("tui.agenda.title", s.ID, c.T("state."+s.State)), w))}
	rows := m.listRows()
	if len(s.Items) == 0 {
		out = append(out, st.Dim.Render(c.Cell(c.T("tui.agenda.empty"), w)))
	}
	from, to := m.cursor.window(len(s.Items), rows)
	kindW := 14
	for i := from; i < to; i++ {
		it := s.Items[i]
		note := ""
		switch {
		case it.Urgent != nil:
			note = c.T("tui.agenda.urgent")
		case it.Kind == model.KindBudget:
			note = c.T("tui.agenda.lines", len(it.Lines))
		case it.Majority != "":
			note = c.T("tui.rule." + string(it.Majority))
		}
		noteW := 0
		if note != "" {
			noteW = min(ansiWidth(c.Cell(note, 0))+1, 24)
		}
		titleW := w - 2 - 3 - kindW - 2 - noteW
		pieces := []string{fmt.Sprintf("%2d", it.N), " ", c.Cell(c.T("kind."+it.Kind), kindW), "  ", c.Cell(it.Title, titleW)}
		if noteW > 0 {
			pieces = append(pieces, " ", st.Warn.Render(c.Cell(note, noteW-1)))
		}
		out = append(out, c.selectRow(i == m.cursor.pos, c.row(pieces...)))
	}
	out = fill(out, w, rows+1)
	return strings.Join(append(out, fill(m.footer(w), w, m.footerRows())...), "\n")
}

// footer is the form, the question before a removal, or what the keys do.
func (m *agendaScreen) footer(w int) []string {
	c, st := m.c, m.c.Styles
	if m.removing > 0 {
		it := c.Data.Item(m.removing)
		title := ""
		if it != nil {
			title = it.Title
		}
		return []string{st.Warn.Render(c.Cell(c.T("tui.agenda.ask_remove", m.removing, title), w)),
			st.Dim.Render(c.Cell(c.T("tui.prompt.confirm"), w))}
	}
	f := m.form
	if f == nil {
		hint := "tui.agenda.hint"
		if s := c.Data.Session; s != nil && s.State != model.StateDraft {
			hint = "tui.agenda.hint_open"
		}
		return c.cells(c.T(hint), w, 2)
	}
	head := c.T("tui.agenda.add")
	switch {
	case f.urgent:
		head = c.T("tui.agenda.add_urgent")
	case f.n > 0:
		head = c.T("tui.agenda.edit", f.n)
	}
	labelW := 12
	fieldW := w - labelW - 1
	label := func(key string, focus int) string {
		l := c.Cell(c.T(key), labelW)
		if f.focus == focus {
			return st.Accent.Render(l)
		}
		return st.Label.Render(l)
	}
	kinds := make([]string, len(model.ItemKinds))
	for i, k := range model.ItemKinds {
		kinds[i] = c.T("kind." + k)
	}
	rules := make([]string, 0, len(model.Majorities)+1)
	for _, mj := range majorities() {
		if mj == "" {
			rules = append(rules, c.T("tui.agenda.body_rule"))
			continue
		}
		rules = append(rules, c.T("tui.rule."+string(mj)))
	}
	out := []string{
		st.Title.Render(c.Cell(head, w)),
		c.row(label("tui.agenda.field.title", focusTitle), " ", f.title.view(c, fieldW, f.focus == focusTitle)),
		c.row(label("tui.agenda.field.kind", focusKind), " ", m.choices(kinds, f.kind, fieldW, f.focus == focusKind)),
		c.row(label("tui.agenda.field.majority", focusMajority), " ", m.choices(rules, f.majority, fieldW, f.focus == focusMajority)),
		c.row(label("tui.agenda.field.text", focusText), " ", f.text.view(c, fieldW, f.focus == focusText)),
	}
	if f.urgent {
		out = append(out, c.row(label("tui.agenda.field.reason", focusReason), " ", f.reason.view(c, fieldW, f.focus == focusReason)))
	}
	return append(out, st.Dim.Render(c.Cell(c.T("tui.agenda.form_help"), w)))
}

// choices draws a list to choose from on one row of w cells, the chosen
// one marked; a list too long for the row shows the part around the choice.
func (m *agendaScreen) choices(options []string, chosen, w int, focused bool) string {
	c, st := m.c, m.c.Styles
	cells := make([]string, len(options))
	for i, o := range options {
		cells[i] = c.Cell(o, 0)
	}
	width := func(from, to int) int {
		n := 0
		for _, s := range cells[from:to] {
			n += ansiWidth(s) + 3
		}
		return n
	}
	from, to := chosen, chosen+1
	for {
		grew := false
		if to < len(cells) && width(from, to+1)+2 <= w {
			to, grew = to+1, true
		}
		if from > 0 && width(from-1, to)+2 <= w {
			from, grew = from-1, true
		}
		if !grew {
			break
		}
	}
	var pieces []string
	if from > 0 {
		pieces = append(pieces, st.Dim.Render("…"))
	}
	for i := from; i < to; i++ {
		switch {
		case i == chosen && focused:
			pieces = append(pieces, st.Selected.Render("‹"+cells[i]+"›"), " ")
		case i == chosen:
			pieces = append(pieces, st.Accent.Render("‹"+cells[i]+"›"), " ")
		default:
			pieces = append(pieces, " "+cells[i]+"  ")
		}
	}
	if to < len(cells) {
		pieces = append(pieces, st.Dim.Render("…"))
	}
	line := c.row(pieces...)
	if c.RTL() {
		return padLeft(line, w)
	}
	return padRight(line, w)
}

// ShortHelp implements help.KeyMap.
func (m *agendaScreen) ShortHelp() []key.Binding {
	k := m.c.Keys
	switch {
	case m.form != nil:
		return []key.Binding{k.Tab, k.Left, k.Right, k.Enter, k.Back}
	case m.removing > 0:
		return []key.Binding{k.Enter, k.Back}
	}
	return append([]key.Binding{k.Up, k.Down}, append(m.changeKeys(), k.Back)...)
}

// FullHelp implements help.KeyMap.
func (m *agendaScreen) FullHelp() [][]key.Binding {
	k := m.c.Keys
	return [][]key.Binding{{k.Up, k.Down, k.PageUp, k.PageDown, k.Back}, m.changeKeys()}
}

// changeKeys are the keys that change the agenda: once the session is
// open, only + (an urgent item), as the screen's hint says.
func (m *agendaScreen) changeKeys() []key.Binding {
	k := m.c.Keys
	if s := m.c.Data.Session; s != nil && s.State != model.StateDraft {
		return []key.Binding{k.AddItem}
	}
	return []key.Binding{k.AddItem, withHelp(k.Enter, m.c, "tui.key.edit_item"), k.MoveItemUp, k.MoveItemDown, k.RemoveItem}
}

// indexOf is the index of s in list, 0 when it is not there.
func indexOf(list []string, s string) int {
	for i, v := range list {
		if v == s {
			return i
		}
	}
	return 0
}

// agendaMessages is the agenda screen's wording, for the UI's catalog
// (messages).
func agendaMessages() map[string]i18n.Text {
	return map[string]i18n.Text{
		"tui.agenda.title":          {En: "Agenda of session %s (%s)", Fr: "Ordre du jour de la session %s (%s)", Ar: "جدول أعمال الدورة %s (%s)"},
		"tui.agenda.empty":          {En: "No item yet: + adds the first.", Fr: "Aucun point encore : + ajoute le premier.", Ar: "لا توجد أي نقطة بعد: + يضيف الأولى."},
		"tui.agenda.hint":           {En: "+ adds an item after the one selected, enter edits it, K/J move it, x removes it. Every change is recorded at once.", Fr: "+ ajoute un point après celui choisi, entrée le modifie, K/J le déplacent, x le retire. Chaque changement est enregistré aussitôt.", Ar: "+ يضيف نقطة بعد المحددة، وenter يعدلها، وK/J ينقلانها، وx يحذفها. يسجل كل تغيير فورا."},
		"tui.agenda.hint_open":      {En: "The session is open: its agenda only grows by an urgent item (+), recorded with its reason.", Fr: "La session est ouverte : son ordre du jour ne s'allonge que d'un point urgent (+), enregistré avec son motif.", Ar: "الدورة مفتوحة: لا يضاف إلى جدول أعمالها إلا نقطة طارئة (+) تسجل بسببها."},
		"tui.agenda.add":            {En: "New item", Fr: "Nouveau point", Ar: "نقطة جديدة"},
		"tui.agenda.add_urgent":     {En: "Urgent item, added during the session", Fr: "Point urgent, ajouté en cours de session", Ar: "نقطة طارئة تضاف أثناء الدورة"},
		"tui.agenda.edit":           {En: "Item %d", Fr: "Point %d", Ar: "النقطة %d"},
		"tui.agenda.field.title":    {En: "Title", Fr: "Titre", Ar: "العنوان"},
		"tui.agenda.field.kind":     {En: "Kind", Fr: "Nature", Ar: "النوع"},
		"tui.agenda.field.majority": {En: "Majority", Fr: "Majorité", Ar: "الأغلبية"},
		"tui.agenda.field.text":     {En: "Draft text", Fr: "Projet", Ar: "نص المشروع"},
		"tui.agenda.field.reason":   {En: "Reason", Fr: "Motif", Ar: "السبب"},
		"tui.agenda.body_rule":      {En: "the body's rule", Fr: "règle de l'assemblée", Ar: "قاعدة الهيئة"},
		"tui.agenda.form_help":      {En: "tab: next field · ←/→: choose · enter: save · esc: cancel", Fr: "tab : champ suivant · ←/→ : choisir · entrée : enregistrer · échap : annuler", Ar: "tab: الحقل الموالي · ←/→: الاختيار · enter: الحفظ · esc: الإلغاء"},
		"tui.agenda.ask_remove":     {En: "Remove item %d «%s» from the agenda?", Fr: "Retirer le point %d « %s » de l'ordre du jour ?", Ar: "هل تحذف النقطة %d «%s» من جدول الأعمال؟"},
		"tui.agenda.added":          {En: "item %d added", Fr: "point %d ajouté", Ar: "أضيفت النقطة %d"},
		"tui.agenda.added_budget":   {En: "item %[1]d added; before it starts, import its lines: jalsa budget %[2]s %[1]d import FILE", Fr: "point %[1]d ajouté ; avant de l'aborder, importez ses lignes : jalsa budget %[2]s %[1]d import FICHIER", Ar: "أضيفت النقطة %[1]d؛ قبل الشروع فيها، استورد بنودها: jalsa budget %[2]s %[1]d import FILE"},
		"tui.agenda.edited":         {En: "item %d changed", Fr: "point %d modifié", Ar: "عدلت النقطة %d"},
		"tui.agenda.moved":          {En: "item %d is now item %d", Fr: "le point %d est maintenant le point %d", Ar: "نقلت النقطة %d إلى الموضع %d"},
		"tui.agenda.removed":        {En: "item %d removed", Fr: "point %d retiré", Ar: "حذفت النقطة %d"},
		"tui.agenda.urgent":         {En: "urgent", Fr: "urgent", Ar: "طارئة"},
		"tui.agenda.lines":          {En: "lines: %d", Fr: "lignes : %d", Ar: "الأسطر: %d"},
		"tui.key.agenda":            {En: "agenda", Fr: "ordre du jour", Ar: "جدول الأعمال"},
		"tui.key.add_item":          {En: "add item", Fr: "ajouter", Ar: "إضافة"},
		"tui.key.edit_item":         {En: "edit", Fr: "modifier", Ar: "تعديل"},
		"tui.key.move_up":           {En: "move up", Fr: "monter", Ar: "تقديم"},
		"tui.key.move_down":         {En: "move down", Fr: "descendre", Ar: "تأخير"},
		"tui.key.remove_item":       {En: "remove", Fr: "retirer", Ar: "حذف"},
	}
}
