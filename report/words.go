package report

import (
	"maps"
	"strconv"
	"strings"
	"time"
	"unicode"

	"github.com/jalsa-app/jalsa/i18n"
	"github.com/jalsa-app/jalsa/model"
)

func init() { i18n.RegisterLazy("report.", wording) }

// wording is the report's catalog, registered with i18n when a document
// is first written (or a report message first printed), not at the start
// of every run: every key of english with its French and Arabic, and the
// counted messages (count.go).
func wording() map[string]i18n.Text {
	registerCounted()
	en, fr, ar := english(), french(), arabic()
	texts := make(map[string]i18n.Text, len(en))
	for k, e := range en {
		texts["report."+k] = i18n.Text{En: e, Fr: fr[k], Ar: ar[k]}
	}
	for _, other := range []map[string]string{fr, ar} {
		for k := range other {
			if _, ok := en[k]; !ok {
				panic("report: wording key " + k + " is missing from english")
			}
		}
	}
	texts["report.roles_allowed"] = rolesAllowed(en, fr, ar)
	maps.Copy(texts, papersWording())
	return texts
}

// words says the parts of a document in one language. Every writer reads
// the Page the words built, so all formats say exactly the same things.
type words struct{ lang string }

// T is the report wording key in the document's language.
func (w words) T(key string, args ...any) string { return i18n.T(w.lang, "report."+key, args...) }

// Date writes a day as "Monday 24 June 2024" in the document's language.
func (w words) Date(t time.Time) string {
	if t.IsZero() {
		return "—"
	}
	return w.T("date", w.T("day."+strconv.Itoa(int(t.Weekday()))), w.DateShort(t))
}

// DateShort writes a day without its weekday: "24 June 2024", as a
// closing formula dates a document.
func (w words) DateShort(t time.Time) string {
	if t.IsZero() {
		return "—"
	}
	day := strconv.Itoa(t.Day())
	if t.Day() == 1 {
		day = w.T("day.first")
	}
	return w.T("date.short", day, w.T("month."+strconv.Itoa(int(t.Month()))), t.Year())
}

// parseDay reads a YYYY-MM-DD day in the document's zone.
func parseDay(s string, loc *time.Location) (time.Time, bool) {
	t, err := time.ParseInLocation(time.DateOnly, s, loc)
	return t, err == nil
}

// Clock writes a time of day, 24-hour.
func (w words) Clock(t time.Time) string {
	if t.IsZero() {
		return "—"
	}
	return w.T("clock", t.Hour(), t.Minute())
}

// Stamp writes a day and a time.
func (w words) Stamp(t time.Time) string { return w.T("stamp", w.Date(t), w.Clock(t)) }

// Number writes an amount grouped in the language's way (i18n.NumberMarks,
// as the screen writes it), without currency. Where the language groups
// with a space, the separator is U+202F: it never breaks, and the bidi
// algorithm keeps it inside the number, so "1 234 567,89" does not come out
// as "567,89 234 1" in Arabic text.
func (w words) Number(c model.Cents) string { return c.Format(i18n.NumberMarks(w.lang)) }

// Amount writes an amount with its currency.
func (w words) Amount(c model.Cents) string { return w.T("amount", w.Number(c)) }

// Count writes n with a counted noun agreeing with it, in case c.
func (w words) Count(n int, nn noun, c grammaticalCase) string { return count(w.lang, n, nn, c) }

// Ordinal is "first", "الأولى", "première"… for small numbers, in the
// feminine where the language has one (الجلسة، الدعوة، la séance).
func (w words) Ordinal(n int) string {
	if n >= 1 && n <= 10 {
		return w.T("ord." + strconv.Itoa(n))
	}
	return w.T("ord.n", n)
}

// SittingName is "the first sitting" in the language's word order.
func (w words) SittingName(n int) string { return w.T("sitting.name", w.Ordinal(n)) }

// CallName is "first convocation".
func (w words) CallName(n int) string { return w.T("call.name", w.Ordinal(n)) }

// Kind names a session kind; an unknown kind is shown as given.
func (w words) Kind(k string) string { return w.known("kind."+k, k) }

// KindAdj is the session kind as an adjective: "العادية", "ordinaire".
func (w words) KindAdj(k string) string { return w.known("kind.adj."+k, k) }

// State names a session state.
func (w words) State(s string) string { return w.known("state."+s, s) }

// female reports whether a gender takes the feminine forms.
func female(gender string) bool { return gender == model.Female }

// Role names a member's role, agreeing with the member's gender; an
// unknown role is shown as given, and plain members have none.
func (w words) Role(r, gender string) string {
	if r == "" || r == "member" {
		return ""
	}
	if female(gender) {
		if s, ok := w.lookup("role.f." + r); ok {
			return s
		}
	}
	return w.known("role."+r, r)
}

// RoleName is a member's role as the minutes write it in lang: a role
// jalsa knows (president, vice-president, secretary, …) in that language,
// "" for a plain member, any other role as the session file gives it.
func RoleName(lang, role string) string { return words{i18n.Choose(lang)}.Role(role, "") }

// Gendered is the wording of key, in its feminine form ("key.f") when the
// person is a woman: «كاتبة الجلسة», «La secrétaire de séance».
func (w words) Gendered(key, gender string, args ...any) string {
	if female(gender) {
		return w.T(key+".f", args...)
	}
	return w.T(key, args...)
}

// Honored is a name with its honorific: السيد/السيدة, M./Mme, Mr/Ms.
// French and English put none when the gender is not stated; Arabic uses
// السيد, as an administrative text does for anyone.
func (w words) Honored(name, gender string) string {
	name = w.iso(name)
	switch gender {
	case model.Female:
		return w.T("hon.f", name)
	case model.Male:
		return w.T("hon.m", name)
	}
	return w.T("hon", name)
}

// Isolates around typed text: FIRST STRONG ISOLATE … POP DIRECTIONAL
// ISOLATE. clean() removes them from what users type, so every pair in a
// sentence is the words' own; the HTML writer makes them <bdi>, the DOCX
// writer embeddings Word knows, the Markdown writer drops them.
const (
	fsi = '\u2068'
	pdi = '\u2069'
)

// iso isolates typed text whose direction is not the document's — an
// Arabic name in a French sentence, a Latin code in an Arabic one — so it
// does not carry the words around it to its side. Text of the document's
// own direction is left alone: an isolate inside «بفاس» would part the
// letters the shaping joins.
func (w words) iso(s string) string {
	rtl := i18n.Dir(w.lang) == "rtl"
	for _, r := range s {
		if isRTL(r) != rtl && unicode.IsLetter(r) {
			return string(fsi) + s + string(pdi)
		}
	}
	return s
}

// isRTL reports whether r is a letter of a right-to-left script.
func isRTL(r rune) bool {
	return unicode.In(r, unicode.Arabic, unicode.Hebrew, unicode.Syriac, unicode.Thaana)
}

// Person is a person with honorific and role: «السيد ناجي الفخاري
// (الرئيس)».
func (w words) Person(p *Person) string {
	if p == nil {
		return "—"
	}
	s := w.Honored(p.Name, p.Gender)
	if r := w.Role(p.Role, p.Gender); r != "" {
		s += " (" + w.iso(r) + ")"
	}
	return s
}

// Guest is a guest with honorific and the office they hold.
func (w words) Guest(g Guest) string {
	s := w.Honored(g.Name, g.Gender)
	if g.Role != "" {
		s += w.T("guest.role", w.iso(g.Role))
	}
	return s
}

// List joins items as a sentence does: «أ، ب و ج», "a, b and c".
func (w words) List(items []string) string {
	switch len(items) {
	case 0:
		return ""
	case 1:
		return items[0]
	}
	return strings.Join(items[:len(items)-1], w.T("list.sep")) + w.T("list.last") + items[len(items)-1]
}

// Names joins the names of people with the language's list separator.
func (w words) Names(ps []Person) string {
	if len(ps) == 0 {
		return w.T("label.none")
	}
	names := make([]string, len(ps))
	for i, p := range ps {
		names[i] = p.Name
	}
	return strings.Join(names, w.T("list.sep"))
}

// Outcome is the outcome's short name, as the lookup says it.
func (w words) Outcome(o model.Outcome) string { return i18n.T(w.lang, "outcome."+string(o)) }

// monthOf is the month of a session as its title says it: "لشهر أكتوبر",
// "d'octobre", "October".
func (w words) monthOf(t time.Time) string {
	return w.T("month.of."+strconv.Itoa(int(t.Month())), t.Year())
}

// Title is the document's title: the kind of session and its month, from
// the planned date («محضر أشغال الدورة العادية لشهر أكتوبر 2024»).
func (w words) Title(d *Document) string {
	t, ok := parseDay(d.Session.Planned, d.loc())
	if !ok {
		return w.T("title.plain", w.KindAdj(d.Session.Kind))
	}
	return w.T("title", w.KindAdj(d.Session.Kind), w.monthOf(t))
}

// place is " in PLACE" as the sentence needs it, or "".
func (w words) place(p string) string {
	if p == "" {
		return ""
	}
	return w.T("at.place", w.iso(p))
}

// Preamble is the sentence that opens the minutes: on what convocation the
// body held which session, and where. cont says it continues the legal
// basis printed before it, in the same language.
func (w words) Preamble(d *Document, cont bool) string {
	kind, month := w.KindAdj(d.Session.Kind), ""
	if t, ok := parseDay(d.Session.Planned, d.loc()); ok {
		month = w.monthOf(t)
	}
	key := "preamble"
	if t, ok := parseDay(d.Session.Convened, d.loc()); ok {
		key = "preamble.convened"
		if cont {
			key += ".cont"
		}
		return w.T(key, w.DateShort(t), w.iso(d.Body.Name), kind, month, w.place(d.Session.Place))
	}
	if cont {
		key += ".cont"
	}
	return w.T(key, w.iso(d.Body.Name), kind, month, w.place(d.Session.Place))
}

// Public says whether the sittings were public, or "" when not recorded.
func (w words) Public(d *Document) string {
	switch {
	case d.Session.Public == nil:
		return ""
	case *d.Session.Public:
		return w.T("public.yes")
	}
	return w.T("public.no")
}

// Opening is the sentence that opens a sitting: when, where, on which
// convocation, who presides and which guests attend.
func (w words) Opening(d *Document, s Sitting) string {
	chair := "—"
	if d.Chair != nil {
		chair = w.Person(d.Chair)
	}
	guests := ""
	if len(d.Guests) > 0 {
		gs := make([]string, len(d.Guests))
		for i, g := range d.Guests {
			gs[i] = w.Guest(g)
		}
		guests = w.T("open.guests", w.List(gs))
	}
	return w.T("open.sentence", w.SittingName(s.N), w.Date(s.Open), w.Clock(s.Open), w.place(d.Session.Place),
		w.CallName(s.Call), chair, guests)
}

// SittingEnd says when and how a sitting ended.
func (w words) SittingEnd(s Sitting) string {
	switch {
	case s.End.IsZero():
		return w.T("end.running")
	case s.Closes:
		return w.T("end.closed", w.Clock(s.End))
	}
	return w.T("end.suspended", w.Clock(s.End))
}

// Move is one arrival or departure.
func (w words) Move(m Move) string {
	return w.T("move."+m.Kind, w.Clock(m.Time), w.Honored(m.Member.Name, m.Member.Gender))
}

// Headcount says how many were present at the opening (the roll call) and
// at the end of a sitting, and the arrivals and departures between: the
// list of those who attended counts everyone who came, the quorum only
// those at the roll call, and the minutes must say which is which.
func (w words) Headcount(s Sitting) string {
	open := w.Count(s.AtOpen, nounMember, nominative)
	running := ""
	if s.End.IsZero() {
		running = ".running"
	}
	if s.Arrivals == 0 && s.Departures == 0 {
		return w.T("att.still"+running, open)
	}
	var moves []string
	if s.Arrivals > 0 {
		moves = append(moves, w.T("att.arrivals", w.Count(s.Arrivals, nounArrival, genitive)))
	}
	if s.Departures > 0 {
		moves = append(moves, w.T("att.departures", w.Count(s.Departures, nounDeparture, genitive)))
	}
	return w.T("att.summary"+running, open, w.Count(s.AtEnd, nounMember, accusative), w.List(moves))
}

// QuorumStatement states the quorum of a sitting with its figures and rule.
func (w words) QuorumStatement(q Quorum) string {
	present, seats := w.Count(q.Present, nounMember, accusative), w.Count(q.Seats, nounMember, genitive)
	if q.Required == 0 {
		return w.T("quorum.statement_none", present, seats, w.CallName(q.Call))
	}
	met := w.T("quorum.not_met")
	if q.Met {
		met = w.T("quorum.met")
	}
	return w.T("quorum.statement", present, seats, w.Count(q.Required, nounMember, nominative), w.QuorumRule(q.Rule), w.CallName(q.Call), met)
}

// QuorumRule describes a quorum rule.
func (w words) QuorumRule(rule string) string {
	switch rule {
	case "majority", "third":
		return w.T("quorum." + rule)
	}
	n, _ := strconv.Atoi(rule)
	return w.T("quorum.number", w.Count(n, nounMember, genitive))
}

// ItemWhen says in which sitting and when an item was taken up.
func (w words) ItemWhen(it Item) string {
	if it.Started.IsZero() {
		return w.T("item.not_started")
	}
	if it.StartSitting != 0 {
		return w.T("item.when_across", w.SittingName(it.StartSitting), w.Clock(it.Started), w.SittingName(it.Sitting), w.Clock(it.Ended))
	}
	return w.T("item.when", w.SittingName(it.Sitting), w.Clock(it.Started), w.Clock(it.Ended))
}

// Speaker is a speaker's name and when they spoke, with the sitting when it
// is not the one the item ended in; a turn still under way has no end.
func (w words) Speaker(s Speaker, itemSitting int) string {
	when := w.Clock(s.Start)
	if !s.End.IsZero() {
		when += "–" + w.Clock(s.End)
	}
	if s.Sitting != 0 && s.Sitting != itemSitting {
		when = w.T("speaker.sitting", w.SittingName(s.Sitting), when)
	}
	return w.Honored(s.Member.Name, s.Member.Gender) + " (" + when + ")"
}

// Rule names the majority rule of a vote and, where a tie can occur, how it
// is broken.
func (w words) Rule(v *Vote) string {
	r := w.known("rule."+string(v.Rule), string(v.Rule))
	if v.Rule == model.MajorityCast || v.Rule == model.MajorityVoting {
		r = w.T("rule.join", r, w.known("tie."+string(v.Tie), string(v.Tie)))
	}
	return r
}

// TextLabel labels an item's text: the decision once adopted, else a draft.
func (w words) TextLabel(it Item) string {
	if it.Outcome == model.Adopted {
		return w.T("label.decision")
	}
	return w.T("label.draft_text")
}

// LineAmount is a line's amount, with the original on a second line when
// it was amended.
func (w words) LineAmount(l Line) string {
	if l.Original == nil {
		return w.Number(l.Amount)
	}
	return w.Number(l.Amount) + "\n(" + w.T("amount.was", w.Number(*l.Original)) + ")"
}

// LineKind names revenue or expense.
func (w words) LineKind(k string) string { return w.known("kind."+k, k) }

// PartName names a budget part: «الجزء الأول: مداخيل التسيير», "Première
// partie : Recettes de fonctionnement". A part keyed 1…10 or I…X takes its
// ordinal; any other key is shown as given.
func (w words) PartName(key, name string) string {
	n := partNumber(key)
	var part string
	if n >= 1 && n <= 10 {
		part = w.T("part.ord", w.T("mord."+strconv.Itoa(n)))
	} else {
		part = w.T("part.key", key)
	}
	if name == "" {
		return part
	}
	return w.T("part.named", part, w.iso(name))
}

// partNumber reads a part key written 1…10 or I…X; 0 otherwise.
func partNumber(key string) int {
	if n, err := strconv.Atoi(key); err == nil {
		return n
	}
	for i, r := range []string{"I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X"} {
		if strings.EqualFold(key, r) {
			return i + 1
		}
	}
	return 0
}

// Amendment states one amendment of a line.
func (w words) Amendment(l Line, a Amendment) string {
	return w.T("amendment", w.Clock(a.Time), w.iso(l.Code), w.Amount(a.From), w.Amount(a.To), w.iso(a.Reason))
}

// Amended reports whether any line of the budget was amended.
func (w words) Amended(b *Budget) bool {
	for _, l := range b.Lines {
		if len(l.Amendments) > 0 {
			return true
		}
	}
	return false
}

// TotalsHead heads the table of totals.
func (w words) TotalsHead() []string {
	cur := w.T("currency")
	return []string{"", w.T("col.revenue", cur), w.T("col.expense", cur)}
}

// TotalsRows are the budget's totals: each part, the whole, and the balance.
func (w words) TotalsRows(b *Budget) []Row {
	var rows []Row
	for _, p := range b.Parts {
		rows = append(rows, Row{Cells: []string{w.PartName(p.Part, p.Name), w.Number(p.Revenue), w.Number(p.Expense)}})
	}
	state := w.T("balance.off")
	if b.Balance == 0 {
		state = w.T("balance.ok")
	}
	return append(rows, Row{Cells: []string{w.T("total"), w.Number(b.Revenue), w.Number(b.Expense)}},
		Row{Cells: []string{w.T("total.balance"), w.Number(b.Balance) + " (" + state + ")", ""}})
}

// Correction states when and why a vote was corrected, and what the
// replaced vote had recorded.
func (w words) Correction(c Correction) string {
	return w.T("correction", w.Stamp(c.Time), w.Clauses(&c.Previous, false), w.Outcome(c.Previous.Outcome), w.iso(c.Reason))
}

// Closing is the closing sentence, or the draft's.
func (w words) Closing(d *Document) string {
	if d.Draft || d.Closed.IsZero() {
		return w.T("closing.draft")
	}
	return w.T("closing.closed", w.Date(d.Closed), w.Clock(d.Closed))
}

// DoneAt is the formula that dates and places a final document: «وحرر
// بفاس في 31 أكتوبر 2024»; "" for a draft.
func (w words) DoneAt(d *Document) string {
	if d.Draft || d.Closed.IsZero() {
		return ""
	}
	if d.Session.Place == "" {
		return w.T("done.date", w.DateShort(d.Closed))
	}
	return w.T("done.place", w.iso(d.Session.Place), w.DateShort(d.Closed))
}

// DraftNotice says why the minutes are a draft.
func (w words) DraftNotice(d *Document) string { return w.T("draft_notice", w.State(d.State)) }

// lookup is the wording of key, if the catalog has it.
func (w words) lookup(key string) (string, bool) {
	if _, ok := i18n.Lookup("report." + key); ok {
		return w.T(key), true
	}
	return "", false
}

// known is the wording of key, or fallback when the record holds a value
// the wording does not know (a role or kind typed in a session file).
func (w words) known(key, fallback string) string {
	if s, ok := w.lookup(key); ok {
		return s
	}
	return fallback
}
