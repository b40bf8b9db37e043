package model

import (
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/jalsa-app/jalsa/i18n"
	"golang.org/x/text/unicode/norm"
)

// A session is prepared inside jalsa (SPEC §12): NewSessionCmd makes a
// draft on the body's roster, AgendaCmd builds its agenda, GuestsCmd its
// guests, BudgetImportCmd a budget's lines, EditSessionCmd changes its
// details. A draft changes freely; once open, the agenda only grows by an
// urgent item, recorded with its reason and time.

// Urgent records that an item was added once the session was open.
type Urgent struct {
	Time    time.Time `json:"time"`
	Sitting int       `json:"sitting"`
	Reason  string    `json:"reason"`
	By      string    `json:"by,omitempty"`
}

// Session kinds.
var sessionKinds = []string{"ordinary", "extraordinary"}

// NewSessionCmd makes a draft session with an empty agenda on the body's
// current roster. Without a chair, the president on the roll chairs;
// without a secretary, the secretary on the roll (if any) is the
// secretary. Apply writes the ones it chose into the command, so that the
// event says who they are.
type NewSessionCmd struct {
	Body      string `json:"body"`
	ID        string `json:"id"`
	Kind      string `json:"kind,omitempty"`
	Title     string `json:"title"`
	Date      string `json:"date"`
	Time      string `json:"time,omitempty"`
	Place     string `json:"place,omitempty"`
	Chair     string `json:"chair,omitempty"`
	Secretary string `json:"secretary,omitempty"`
	Convened  string `json:"convened,omitempty"`
	Public    *bool  `json:"public,omitempty"`
	// SpeakingTime is the limit of a turn in seconds (0: none).
	SpeakingTime int `json:"speaking_time,omitempty"`
}

// Type implements Command.
func (*NewSessionCmd) Type() string { return "new" }

// SessionID implements Command.
func (c *NewSessionCmd) SessionID() string { return c.ID }

// Apply implements Command.
func (c *NewSessionCmd) Apply(st *State, ctx Ctx) error {
	b, err := st.body(c.Body)
	if err != nil {
		return err
	}
	if err := checkID("session", c.ID); err != nil {
		return err
	}
	if _, ok := st.Sessions[c.ID]; ok {
		return Refused("err.session_exists", c.ID)
	}
	kind := c.Kind
	if kind == "" {
		kind = "ordinary"
	}
	s := &Session{ID: c.ID, Body: b.ID, Kind: kind, Title: oneLine(c.Title), Date: c.Date, Time: c.Time, Place: oneLine(c.Place),
		Chair: c.Chair, Secretary: c.Secretary, Convened: c.Convened, Public: c.Public, SpeakingTime: c.SpeakingTime, State: StateDraft,
		Created: ctx.Time}
	if err := checkDetails(s); err != nil {
		return err
	}
	roll := b.For(s).Members
	if len(roll) == 0 {
		return Refused("err.no_roll", s.Date)
	}
	if s.Chair == "" {
		s.Chair = withRole(roll, "president")
		if s.Chair == "" {
			return Refused("err.no_chair", s.Date)
		}
	}
	if s.Secretary == "" {
		s.Secretary = withRole(roll, "secretary")
	}
	if err := checkOfficers(b, s); err != nil {
		return err
	}
	c.Chair, c.Secretary = s.Chair, s.Secretary
	st.Sessions[s.ID] = s
	return nil
}

// withRole is the id of the only member of roll with role, or "".
func withRole(roll []Member, role string) string {
	id := ""
	for _, m := range roll {
		if m.Role == role {
			if id != "" {
				return ""
			}
			id = m.ID
		}
	}
	return id
}

// checkDetails checks what a session says of itself (its agenda apart).
// Faults name the flags of jalsa new.
func checkDetails(s *Session) error {
	if !slices.Contains(sessionKinds, s.Kind) {
		return fieldFault("kind", "sessionfile.not_one_of", s.Kind, strings.Join(sessionKinds, ", "))
	}
	if err := checkLine("title", s.Title, MaxTitle, true); err != nil {
		return err
	}
	if err := checkDate("date", s.Date); err != nil {
		return err
	}
	if err := checkLine("place", s.Place, MaxName, false); err != nil {
		return err
	}
	if s.Time != "" && !ValidClock(s.Time) {
		return fieldFault("time", "sessionfile.time", s.Time)
	}
	if s.SpeakingTime < 0 || time.Duration(s.SpeakingTime)*time.Second > maxSpeakingTime {
		return fieldFault("speaking-time", "sessionfile.speaking_time", strconv.Itoa(s.SpeakingTime)+"s")
	}
	if s.Convened != "" {
		if err := checkDate("convened", s.Convened); err != nil {
			return err
		}
		if s.Convened > s.Date {
			return fieldFault("convened", "err.convened_after", s.Convened, s.Date)
		}
	}
	return nil
}

// checkOfficers checks that the chair and the secretary are on the
// session's roll.
func checkOfficers(b *Body, s *Session) error {
	view := b.For(s)
	for _, o := range []struct{ field, id string }{{"chair", s.Chair}, {"secretary", s.Secretary}} {
		if o.id == "" {
			if o.field == "chair" {
				return fieldFault("chair", "sessionfile.empty_value")
			}
			continue
		}
		if _, ok := view.Member(o.id); ok {
			continue
		}
		if b.memberIndex(o.id) < 0 {
			return NotFound("err.member_not_found", o.id)
		}
		return Refused("err.not_on_roll", o.id, s.Date)
	}
	return nil
}

// EditSessionCmd changes the details of a draft session; once it is open,
// only when the convocations went out and whether it sits in public.
type EditSessionCmd struct {
	Session   string  `json:"session"`
	Title     *string `json:"title,omitempty"`
	Kind      *string `json:"kind,omitempty"`
	Date      *string `json:"date,omitempty"`
	Time      *string `json:"time,omitempty"`
	Place     *string `json:"place,omitempty"`
	Chair     *string `json:"chair,omitempty"`
	Secretary *string `json:"secretary,omitempty"`
	Convened  *string `json:"convened,omitempty"`
	Public    *bool   `json:"public,omitempty"`
	// SpeakingTime is the new limit of a turn in seconds (0: none).
	SpeakingTime *int `json:"speaking_time,omitempty"`
}

// Type implements Command.
func (*EditSessionCmd) Type() string { return "session-edit" }

// SessionID implements Command.
func (c *EditSessionCmd) SessionID() string { return c.Session }

// Scope implements Scoped: the session's own fields.
func (c *EditSessionCmd) Scope() (int, string) { return 0, "" }

// Apply implements Command.
func (c *EditSessionCmd) Apply(st *State, _ Ctx) error {
	s, err := changeableSession(st, c.Session)
	if err != nil {
		return err
	}
	draftOnly := c.Title != nil || c.Kind != nil || c.Date != nil || c.Time != nil || c.Place != nil || c.Chair != nil || c.Secretary != nil ||
		c.SpeakingTime != nil
	if !draftOnly && c.Convened == nil && c.Public == nil {
		return Usage("err.edit_nothing")
	}
	if draftOnly && s.State != StateDraft {
		return Refused("err.not_draft_details", s.ID)
	}
	e := *s
	for _, f := range []struct {
		to   *string
		from *string
		line bool
	}{{&e.Title, c.Title, true}, {&e.Kind, c.Kind, false}, {&e.Date, c.Date, false}, {&e.Time, c.Time, false}, {&e.Place, c.Place, true},
		{&e.Chair, c.Chair, false}, {&e.Secretary, c.Secretary, false}, {&e.Convened, c.Convened, false}} {
		if f.from != nil {
			*f.to = *f.from
			if f.line {
				*f.to = oneLine(*f.from)
			}
		}
	}
	if c.Public != nil {
		p := *c.Public
		e.Public = &p
	}
	if c.SpeakingTime != nil {
		e.SpeakingTime = *c.SpeakingTime
	}
	if err := checkDetails(&e); err != nil {
		return err
	}
	if err := checkOfficers(st.Bodies[s.Body], &e); err != nil {
		return err
	}
	*s = e
	return nil
}

// GuestsCmd adds a guest to a session, or removes guest N (from 1).
type GuestsCmd struct {
	Session string `json:"session"`
	Action  string `json:"action"`
	Guest   Guest  `json:"guest,omitzero"`
	N       int    `json:"n,omitempty"`
}

// Type implements Command.
func (*GuestsCmd) Type() string { return "guests" }

// SessionID implements Command.
func (c *GuestsCmd) SessionID() string { return c.Session }

// Scope implements Scoped: the session's own fields.
func (c *GuestsCmd) Scope() (int, string) { return 0, "" }

// Apply implements Command.
func (c *GuestsCmd) Apply(st *State, _ Ctx) error {
	s, err := changeableSession(st, c.Session)
	if err != nil {
		return err
	}
	switch c.Action {
	case "add":
		g := Guest{Name: oneLine(c.Guest.Name), Role: oneLine(c.Guest.Role), Gender: c.Guest.Gender}
		if err := checkLine("name", g.Name, MaxName, true); err != nil {
			return err
		}
		if err := checkLine("role", g.Role, MaxName, false); err != nil {
			return err
		}
		if err := checkGender("gender", g.Gender); err != nil {
			return err
		}
		s.Guests = append(slices.Clip(s.Guests), g)
	case "remove":
		if c.N < 1 || c.N > len(s.Guests) {
			return NotFound("err.guest_number_not_found", c.N, s.ID, len(s.Guests))
		}
		// The minutes name a guest who took the floor by their entry here.
		name := s.Guests[c.N-1].Name
		for _, it := range s.Items {
			if slices.ContainsFunc(it.Speakers, func(sp Speaker) bool { return sp.Guest == name }) {
				return Refused("err.guest_spoke", name, it.N)
			}
		}
		s.Guests = slices.Delete(slices.Clone(s.Guests), c.N-1, c.N)
		if len(s.Guests) == 0 {
			s.Guests = nil
		}
	default:
		return Usage("err.bad_action", c.Action)
	}
	return nil
}

// Agenda actions.
const (
	AgendaAdd    = "add"
	AgendaEdit   = "edit"
	AgendaMove   = "move"
	AgendaRemove = "remove"
)

// AgendaCmd changes the agenda of a draft session: add an item (at the
// end, or at position At), edit item N, move item N to position To, or
// remove it; items are numbered again in their new order. Once the session
// is open, only an Urgent add is allowed, at the end and with a Reason, so
// that no recorded decision changes number. Vote is "lines" or "whole" for
// a budget, "yes" or "no" for any other item (whether it takes a vote; its
// kind says by default). An empty Majority is the body's rule.
type AgendaCmd struct {
	Session  string  `json:"session"`
	Action   string  `json:"action"`
	N        int     `json:"n,omitempty"`
	To       int     `json:"to,omitempty"`
	At       int     `json:"at,omitempty"`
	Title    *string `json:"title,omitempty"`
	Kind     *string `json:"kind,omitempty"`
	Majority *string `json:"majority,omitempty"`
	Text     *string `json:"text,omitempty"`
	Vote     *string `json:"vote,omitempty"`
	Urgent   bool    `json:"urgent,omitempty"`
	Reason   string  `json:"reason,omitempty"`
}

// Type implements Command.
func (*AgendaCmd) Type() string { return "agenda" }

// SessionID implements Command.
func (c *AgendaCmd) SessionID() string { return c.Session }

// Apply implements Command.
func (c *AgendaCmd) Apply(st *State, ctx Ctx) error {
	s, err := changeableSession(st, c.Session)
	if err != nil {
		return err
	}
	if c.Urgent {
		return c.urgent(s, ctx)
	}
	if s.State != StateDraft {
		if c.Action == AgendaAdd {
			return Refused("err.agenda_open_add", s.ID)
		}
		return Refused("err.agenda_open", s.ID)
	}
	items := slices.Clone(s.Items)
	switch c.Action {
	case AgendaAdd:
		at := c.At
		if at == 0 {
			at = len(items) + 1
		}
		if at < 1 || at > len(items)+1 {
			return fieldFault("at", "sessionfile.number_range", strconv.Itoa(at), 1, len(items)+1)
		}
		it, err := c.item(&Item{State: ItemWaiting, Outcome: Pending})
		if err != nil {
			return err
		}
		items = slices.Insert(items, at-1, it)
	case AgendaEdit:
		old, err := s.Item(c.N)
		if err != nil {
			return err
		}
		cp := *old
		it, err := c.item(&cp)
		if err != nil {
			return err
		}
		items[c.N-1] = it
	case AgendaMove:
		if _, err := s.Item(c.N); err != nil {
			return err
		}
		if c.To < 1 || c.To > len(items) {
			return fieldFault("TO", "sessionfile.number_range", strconv.Itoa(c.To), 1, len(items))
		}
		it := items[c.N-1]
		items = slices.Insert(slices.Delete(items, c.N-1, c.N), c.To-1, it)
	case AgendaRemove:
		if _, err := s.Item(c.N); err != nil {
			return err
		}
		items = slices.Delete(items, c.N-1, c.N)
	default:
		return Usage("err.bad_action", c.Action)
	}
	for i, it := range items {
		if it.N != i+1 {
			cp := *it
			cp.N = i + 1
			items[i] = &cp
		}
	}
	if len(items) == 0 {
		items = nil
	}
	s.Items = items
	return nil
}

// urgent adds an urgent item at the end of the agenda of an open session.
func (c *AgendaCmd) urgent(s *Session, ctx Ctx) error {
	switch {
	case c.Action != AgendaAdd:
		return Usage("err.urgent_add_only")
	case s.State == StateDraft:
		return Refused("err.urgent_draft", s.ID)
	case c.At != 0 && c.At != len(s.Items)+1:
		return Refused("err.urgent_at", len(s.Items)+1)
	}
	reason := norm.NFC.String(strings.TrimSpace(c.Reason))
	if reason == "" {
		return Usage("err.reason_required")
	}
	if err := CheckText("reason", reason, MaxText, true); err != nil {
		return err
	}
	it, err := c.item(&Item{N: len(s.Items) + 1, State: ItemWaiting, Outcome: Pending})
	if err != nil {
		return err
	}
	sitting := 0
	if sit := s.Sitting(); sit != nil {
		sitting = sit.N
	}
	it.Urgent = &Urgent{Time: ctx.Time, Sitting: sitting, Reason: reason, By: ctx.Actor}
	s.Items = append(slices.Clip(s.Items), it)
	return nil
}

// item applies the command's fields to it (a new item, or a copy of the one
// edited) and checks the result. Faults name the flags.
func (c *AgendaCmd) item(it *Item) (*Item, error) {
	isNew := it.Kind == ""
	if isNew && (c.Title == nil || c.Kind == nil) {
		field := "title"
		if c.Title != nil {
			field = "kind"
		}
		return nil, fieldFault(field, "sessionfile.missing")
	}
	if !isNew && c.Title == nil && c.Kind == nil && c.Majority == nil && c.Text == nil && c.Vote == nil {
		return nil, Usage("err.agenda_edit_nothing")
	}
	if c.Title != nil {
		it.Title = oneLine(*c.Title)
	}
	if c.Text != nil {
		it.Text = norm.NFC.String(strings.TrimSpace(*c.Text))
	}
	if c.Majority != nil {
		it.Majority = Majority(*c.Majority)
	}
	if c.Kind != nil && *c.Kind != it.Kind {
		if !slices.Contains(ItemKinds, *c.Kind) {
			return nil, fieldFault("kind", "sessionfile.not_one_of", *c.Kind, strings.Join(ItemKinds, ", "))
		}
		if len(it.Lines) > 0 {
			return nil, Refused("err.agenda_has_lines", it.N)
		}
		it.Kind = *c.Kind
		it.Votes = kindVotesByDefault[it.Kind]
		it.VoteMode, it.Balanced, it.Parts = "", false, nil
		if it.Kind == KindBudget {
			it.VoteMode, it.Balanced = "lines", true
		}
	}
	if c.Vote != nil {
		switch v := *c.Vote; {
		case it.Kind == KindBudget && (v == "lines" || v == "whole"):
			it.VoteMode = v
		case it.Kind != KindBudget && (v == "yes" || v == "no"):
			it.Votes = v == "yes"
		case it.Kind == KindBudget:
			return nil, fieldFault("vote", "sessionfile.not_one_of", v, "lines, whole")
		default:
			return nil, fieldFault("vote", "sessionfile.not_one_of", v, "yes, no")
		}
	}
	if err := checkLine("title", it.Title, MaxTitle, true); err != nil {
		return nil, err
	}
	if err := CheckText("text", it.Text, MaxText, true); err != nil {
		return nil, err
	}
	if it.Majority != "" && !ValidMajority(it.Majority) {
		return nil, fieldFault("majority", "sessionfile.not_one_of", string(it.Majority), majorityList())
	}
	return it, nil
}

// BudgetImportCmd sets the lines of budget item N (and the names of its
// parts) from a treasurer's spreadsheet, replacing those it had: before
// any of them was amended or voted on. A fault in a line refuses them all,
// as a *RowError naming the line.
type BudgetImportCmd struct {
	Session string            `json:"session"`
	N       int               `json:"n"`
	Lines   []BudgetLine      `json:"lines"`
	Parts   map[string]string `json:"parts,omitempty"`
}

// Type implements Command.
func (*BudgetImportCmd) Type() string { return "budget-import" }

// SessionID implements Command.
func (c *BudgetImportCmd) SessionID() string { return c.Session }

// Apply implements Command.
func (c *BudgetImportCmd) Apply(st *State, _ Ctx) error {
	s, err := changeableSession(st, c.Session)
	if err != nil {
		return err
	}
	it, err := s.Item(c.N)
	if err != nil {
		return err
	}
	if it.Kind != KindBudget {
		return Refused("err.not_budget", it.N)
	}
	if it.State != ItemWaiting || it.Vote != nil {
		return Refused("err.budget_started", it.N)
	}
	for _, l := range it.Lines {
		if l.Vote != nil || len(l.Amendments) > 0 {
			return Refused("err.budget_started", it.N)
		}
	}
	lines, err := CheckBudgetLines(c.Lines)
	if err != nil {
		return err
	}
	parts := map[string]string{}
	for key, name := range c.Parts {
		name = oneLine(name)
		if !slices.ContainsFunc(lines, func(l *BudgetLine) bool { return l.Part == key }) {
			return fieldFault(fieldPath("parts", key), "sessionfile.part_unused", key)
		}
		if err := checkLine(fieldPath("parts", key), name, MaxName, true); err != nil {
			return err
		}
		parts[key] = name
	}
	if len(parts) == 0 {
		parts = nil
	}
	cp := *it
	cp.Lines, cp.Parts = lines, parts
	s.Items = slices.Clone(s.Items)
	s.Items[c.N-1] = &cp
	return nil
}

// CheckBudgetLines checks lines brought in at once and returns them as a
// budget item keeps them, each pending. A fault is a *RowError naming the
// line (from 0) and, within it, the column: code, part, kind, label or
// amount.
func CheckBudgetLines(in []BudgetLine) ([]*BudgetLine, error) {
	if len(in) == 0 || len(in) > maxLines {
		return nil, fieldFault("lines", "sessionfile.number_range", strconv.Itoa(len(in)), 1, maxLines)
	}
	out := make([]*BudgetLine, len(in))
	first := make(map[string]int, len(in))
	for i, l := range in {
		bl := &BudgetLine{Code: strings.TrimSpace(l.Code), Label: oneLine(l.Label), Kind: l.Kind, Part: oneLine(l.Part), Amount: l.Amount, Outcome: Pending}
		if err := checkBudgetLine(bl, first, i); err != nil {
			return nil, &RowError{Row: i, Err: err}
		}
		out[i] = bl
	}
	return out, nil
}

func checkBudgetLine(l *BudgetLine, first map[string]int, i int) error {
	if err := checkID("code", l.Code); err != nil {
		return err
	}
	if r, dup := first[l.Code]; dup {
		return fieldFault("code", "err.id_row_twice", l.Code, r+1)
	}
	first[l.Code] = i
	if err := checkLine("part", l.Part, MaxName, false); err != nil {
		return err
	}
	if l.Kind != "revenue" && l.Kind != "expense" {
		return fieldFault("kind", "sessionfile.not_one_of", l.Kind, "revenue, expense")
	}
	if err := checkLine("label", l.Label, MaxTitle, true); err != nil {
		return err
	}
	if l.Amount < 0 {
		return fieldFault("amount", "sessionfile.negative", l.Amount.String())
	}
	if l.Amount > maxCents {
		return fieldFault("amount", "sessionfile.amount_large", l.Amount.String())
	}
	return nil
}

// readyToOpen refuses to open a draft that has nothing to deliberate on:
// no agenda, or a budget without lines.
func (s *Session) readyToOpen() error {
	if s.State != StateDraft {
		return nil
	}
	if len(s.Items) == 0 {
		return Refused("err.agenda_empty", s.ID)
	}
	for _, it := range s.Items {
		if it.Kind == KindBudget && len(it.Lines) == 0 {
			return Refused("err.budget_no_lines", it.N, s.ID)
		}
	}
	return nil
}

func init() {
	i18n.Register(map[string]i18n.Text{
		"err.convened_after":         {En: "the convocations (%s) cannot go out after the session's date (%s)", Fr: "les convocations (%s) ne peuvent partir après la date de la session (%s)", Ar: "لا يمكن أن يكون تاريخ الاستدعاءات (%s) بعد تاريخ الدورة (%s)"},
		"err.edit_nothing":           {En: "nothing to change: give --title, --date, --time, --kind, --place, --chair, --secretary, --speaking-time, --convened or --public", Fr: "rien à changer : indiquez --title, --date, --time, --kind, --place, --chair, --secretary, --speaking-time, --convened ou --public", Ar: "لا شيء للتغيير: حدد --title أو --date أو --time أو --kind أو --place أو --chair أو --secretary أو --speaking-time أو --convened أو --public"},
		"err.not_draft_details":      {En: "session %s is open: only --convened and --public may still change", Fr: "la session %s est ouverte : seuls --convened et --public peuvent encore changer", Ar: "الدورة %s مفتوحة: لا يمكن بعد الآن تغيير غير --convened و--public"},
		"err.guest_number_not_found": {En: "no guest %d in session %s (guests 1 to %d)", Fr: "pas d'invité %d dans la session %s (invités 1 à %d)", Ar: "لا يوجد مدعو رقم %d في الدورة %s (المدعوون من 1 إلى %d)"},
		"err.guest_spoke":            {En: "%s took the floor on item %d: the minutes name them as a guest, who stays", Fr: "%s a pris la parole au point %d : le procès-verbal les nomme comme invité, qui reste", Ar: "تدخل %s في النقطة %d: يذكره المحضر ضيفا، فيبقى"},
		"err.agenda_open_add":        {En: "session %s is open: an item added now is urgent (--urgent --reason TEXT)", Fr: "la session %s est ouverte : un point ajouté maintenant est urgent (--urgent --reason TEXTE)", Ar: "الدورة %s مفتوحة: النقطة المضافة الآن نقطة مستعجلة (--urgent --reason النص)"},
		"err.agenda_open":            {En: "session %s is open: its agenda no longer changes (only an urgent item may be added)", Fr: "la session %s est ouverte : son ordre du jour ne change plus (seul un point urgent peut être ajouté)", Ar: "الدورة %s مفتوحة: لم يعد جدول أعمالها يتغير (تمكن فقط إضافة نقطة مستعجلة)"},
		"err.urgent_add_only":        {En: "--urgent goes with add", Fr: "--urgent s'emploie avec add", Ar: "يستعمل --urgent مع add"},
		"err.urgent_draft":           {En: "session %s is not open yet: add the item without --urgent", Fr: "la session %s n'est pas encore ouverte : ajoutez le point sans --urgent", Ar: "الدورة %s لم تفتح بعد: أضف النقطة دون --urgent"},
		"err.urgent_at":              {En: "an urgent item goes at the end of the agenda (%d), so that no decision changes number", Fr: "un point urgent va à la fin de l'ordre du jour (%d), pour qu'aucune décision ne change de numéro", Ar: "تضاف النقطة المستعجلة في آخر جدول الأعمال (%d)، حتى لا يتغير رقم أي مقرر"},
		"err.agenda_edit_nothing":    {En: "nothing to change: give --title, --kind, --majority, --text or --vote", Fr: "rien à changer : indiquez --title, --kind, --majority, --text ou --vote", Ar: "لا شيء للتغيير: حدد --title أو --kind أو --majority أو --text أو --vote"},
		"err.agenda_has_lines":       {En: "item %d has budget lines: it stays a budget (remove the item instead)", Fr: "le point %d a des lignes budgétaires : il reste un budget (retirez plutôt le point)", Ar: "النقطة %d: لها أسطر ميزانية، فتبقى ميزانية (احذف النقطة بدلا من ذلك)"},
		"err.budget_started":         {En: "item %d has begun (a line amended or voted, or the item under way): its lines stay", Fr: "le point %d a commencé (une ligne amendée ou votée, ou le point en cours) : ses lignes restent", Ar: "بدأت النقطة %d (سطر معدل أو مصوت عليه، أو النقطة جارية): تبقى أسطرها كما هي"},
		"err.agenda_empty":           {En: "session %s has no agenda yet: add its items first", Fr: "la session %s n'a pas encore d'ordre du jour : ajoutez d'abord ses points", Ar: "ليس للدورة %s جدول أعمال بعد: أضف نقطه أولا"},
		"err.budget_no_lines":        {En: "item %d of session %s is a budget without lines: import them first (jalsa budget SESSION N import FILE)", Fr: "le point %d de la session %s est un budget sans lignes : importez-les d'abord (jalsa budget SESSION N import FICHIER)", Ar: "النقطة %d من الدورة %s ميزانية بلا أسطر: استوردها أولا (jalsa budget SESSION N import FILE)"},
	})
}

// ValidClock reports whether s is a time of day written HH:MM (24 hours).
func ValidClock(s string) bool {
	t, err := time.Parse("15:04", s)
	return err == nil && t.Format("15:04") == s
}
