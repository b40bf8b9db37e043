package model

import (
	"regexp"
	"slices"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/jalsa-app/jalsa/i18n"
)

// RegisterCmd adds decisions of past sessions (a chamber's register kept
// before jalsa) to the record, so that lookups cover them. The rows live
// beside the sessions, not in them: State does not hold them, because a
// register of a hundred thousand decisions must not be loaded to open the
// file; the store keeps them in a bucket of their own and checks that no ref
// is registered twice.
type RegisterCmd struct {
	Rows []Decision `json:"rows"`
}

// Type implements Command.
func (*RegisterCmd) Type() string { return "register" }

// SessionID implements Command: the register belongs to no session.
func (*RegisterCmd) SessionID() string { return "" }

// Apply implements Command. It checks every row (CheckRegisterRow), that no
// ref appears twice in the command and that no row claims a session of the
// record, whose decisions the record itself holds. It changes nothing in st.
func (c *RegisterCmd) Apply(st *State, _ Ctx) error {
	if len(c.Rows) == 0 {
		return Usage("model.register_empty")
	}
	seen := make(map[string]bool, len(c.Rows))
	for _, d := range c.Rows {
		if field, err := CheckRegisterRow(d); err != nil {
			return Usage("model.register_bad_row", d.Ref, field, Message(err, "en"))
		}
		if seen[d.Ref] {
			return Usage("model.register_twice", d.Ref)
		}
		seen[d.Ref] = true
		if _, ok := st.Sessions[d.Session]; ok {
			return Refused("model.register_in_record", d.Ref, d.Session)
		}
	}
	return nil
}

// RegisterOutcomes are the outcomes a past decision may have: a register
// records what was decided, so nothing in it is pending.
var RegisterOutcomes = []Outcome{Adopted, Rejected, Deferred, Withdrawn, Noted}

// registerRef is SESSION/ITEM or SESSION/ITEM/LINE, with the session id and
// line code syntax of session files. Compiled on first use: the bounded
// repetitions expand into thousands of allocations, which every command
// would otherwise pay at start-up.
var registerRef = sync.OnceValue(func() *regexp.Regexp {
	return regexp.MustCompile(`^([A-Za-z0-9][A-Za-z0-9._-]{0,63})/([1-9][0-9]{0,5})(?:/([A-Za-z0-9][A-Za-z0-9._-]{0,63}))?$`)
})

// SplitRef cuts a decision reference into session, item and line; ok is
// false when ref is not of the form SESSION/ITEM[/LINE].
func SplitRef(ref string) (session string, item int, line string, ok bool) {
	m := registerRef().FindStringSubmatch(ref)
	if m == nil {
		return "", 0, "", false
	}
	n, _ := strconv.Atoi(m[2])
	return m[1], n, m[3], true
}

// CheckRegisterRow checks one row of a past register and returns the field
// at fault with the reason. A row is a Decision as `decisions --json` writes
// it: ref, date, title and outcome are required; session, item and line, when
// given, must agree with the ref; counts must be consistent.
func CheckRegisterRow(d Decision) (field string, err error) {
	session, item, line, ok := SplitRef(d.Ref)
	switch {
	case d.Ref == "":
		return "ref", Usage("model.register_required")
	case !ok:
		return "ref", Usage("model.register_ref", d.Ref)
	case d.Session != session:
		return "session", Usage("model.register_session", d.Session, d.Ref, session)
	case d.Item != item:
		return "item", Usage("model.register_item", d.Item, d.Ref, item)
	case d.Line != line:
		return "line", Usage("model.register_line", d.Line, d.Ref, line)
	case d.Date == "":
		return "date", Usage("model.register_required")
	case !isRegisterDate(d.Date):
		return "date", Usage("model.register_date", d.Date)
	case strings.TrimSpace(d.Title) == "":
		return "title", Usage("model.register_required")
	case !slices.Contains(ItemKinds, d.Kind):
		return "kind", Usage("model.register_one_of", d.Kind, strings.Join(ItemKinds, ", "))
	case !slices.Contains(RegisterOutcomes, d.Outcome):
		return "outcome", Usage("model.register_one_of", string(d.Outcome), outcomeList(RegisterOutcomes))
	case d.Rule != "" && !slices.Contains(Majorities, Majority(d.Rule)):
		return "rule", Usage("model.register_one_of", d.Rule, majorityList())
	}
	if field, err := checkRowCounts(Tally{d.For, d.Against, d.Abstain}, d.Present, d.Seats); err != nil {
		return bare(field, err)
	}
	room := d.Seats
	if room == 0 {
		room = MaxSeats
	}
	if len(d.Named) > room {
		return "named", Refused("count.above_seats", len(d.Named), room)
	}
	for id, c := range d.Named {
		if err := CheckText("named", id, MaxName, false); err != nil {
			return bare("named", err)
		}
		if c != For && c != Against && c != Abstain {
			return "named", Usage("model.register_named", id, string(c))
		}
	}
	for _, s := range []struct {
		field, v string
		limit    int
	}{{"title", d.Title, MaxTitle}, {"session_title", d.SessionTitle, MaxTitle}, {"text", d.Text, MaxText},
		{"explanation", d.Explanation, MaxText}} {
		if err := CheckText(s.field, s.v, s.limit, true); err != nil {
			return bare(s.field, err)
		}
	}
	for _, n := range d.Notes {
		if err := CheckText("notes", n.Text, MaxText, true); err != nil {
			return bare("notes", err)
		}
	}
	for _, c := range d.Corrections {
		v := c.Previous
		if field, err := checkRowCounts(Tally{v.For, v.Against, v.Abstain}, v.Present, v.Seats); err != nil {
			return bare("corrections."+field, err)
		}
		if err := CheckText("corrections.reason", c.Reason, MaxText, true); err != nil {
			return bare("corrections.reason", err)
		}
	}
	return "", nil
}

// checkRowCounts checks the figures of a past register's row, where 0
// present or 0 seats means the register does not say: the row's own
// seats, or MaxSeats when it gives none, bound its figures.
func checkRowCounts(t Tally, present, seats int) (string, error) {
	if seats < 0 || seats > MaxSeats {
		return "seats", fieldErr(KindUsage, "seats", "count.range", seats, 0, MaxSeats)
	}
	room := seats
	if room == 0 {
		room = MaxSeats
	}
	if present < 0 || present > room {
		if present < 0 || seats == 0 {
			return "present", fieldErr(KindUsage, "present", "count.range", present, 0, room)
		}
		return "present", fieldErr(KindRefused, "present", "count.above_seats", present, seats)
	}
	if present == 0 {
		present = room
	}
	return CheckCounts(t, present, room)
}

// bare returns field and err without the field it names, since a row's
// error names the field itself.
func bare(field string, err error) (string, error) {
	_, err = SplitField(err)
	return field, err
}

// isRegisterDate accepts a calendar date written YYYY-MM-DD.
func isRegisterDate(s string) bool {
	_, err := time.Parse("2006-01-02", s)
	return err == nil && len(s) == 10
}

func outcomeList(os []Outcome) string {
	s := make([]string, len(os))
	for i, o := range os {
		s[i] = string(o)
	}
	return strings.Join(s, ", ")
}

func majorityList() string {
	s := make([]string, len(Majorities))
	for i, m := range Majorities {
		s[i] = string(m)
	}
	return strings.Join(s, ", ")
}

func init() {
	i18n.Register(map[string]i18n.Text{
		"model.register_empty":     {En: "the register import holds no rows", Fr: "l'import du registre ne contient aucune ligne", Ar: "استيراد السجل لا يتضمن أي سطر"},
		"model.register_bad_row":   {En: "register row %s: %s: %s", Fr: "ligne du registre %s : %s : %s", Ar: "سطر السجل %s: %s: %s"},
		"model.register_twice":     {En: "%s is given twice", Fr: "%s figure deux fois", Ar: "%s مذكور مرتين"},
		"model.register_in_record": {En: "%s: session %s is in this record, which holds its decisions itself; give past decisions references of other sessions", Fr: "%s : la session %s est dans ce registre, qui contient déjà ses décisions ; donnez aux décisions passées des références d'autres sessions", Ar: "%s: الدورة %s مسجلة في هذه القاعدة التي تحفظ مقرراتها؛ أعط للمقررات السابقة مراجع دورات أخرى"},
		"model.register_required":  {En: "required; give a value", Fr: "obligatoire ; donnez une valeur", Ar: "حقل إلزامي؛ أعط قيمة"},
		"model.register_ref":       {En: "%q is not a reference SESSION/ITEM or SESSION/ITEM/LINE (e.g. 2019-06/4 or 2019-06/10/II.1.2; session and line use letters, digits, . _ -)", Fr: "%q n'est pas une référence SESSION/POINT ou SESSION/POINT/LIGNE (ex. 2019-06/4 ou 2019-06/10/II.1.2 ; session et ligne en lettres, chiffres, . _ -)", Ar: "%q ليس مرجعا على شكل SESSION/ITEM أو SESSION/ITEM/LINE (مثل 2019-06/4 أو 2019-06/10/II.1.2؛ الدورة والسطر بحروف لاتينية وأرقام و. _ -)"},
		"model.register_session":   {En: "%q differs from the session of ref %s (%s); leave it empty or give %[3]s", Fr: "%q diffère de la session de la référence %s (%s) ; laissez vide ou donnez %[3]s", Ar: "%q يخالف دورة المرجع %s (%s)؛ اتركه فارغا أو اكتب %[3]s"},
		"model.register_item":      {En: "%d differs from the item of ref %s (%d); leave it empty or give %[3]d", Fr: "%d diffère du point de la référence %s (%d) ; laissez vide ou donnez %[3]d", Ar: "%d يخالف نقطة المرجع %s (%d)؛ اتركه فارغا أو اكتب %[3]d"},
		"model.register_line":      {En: "%q differs from the line of ref %s (%q); leave it empty or give the same", Fr: "%q diffère de la ligne de la référence %s (%q) ; laissez vide ou donnez la même", Ar: "%q يخالف سطر المرجع %s (%q)؛ اتركه فارغا أو اكتب نفسه"},
		"model.register_date":      {En: "%q is not a date; write YYYY-MM-DD", Fr: "%q n'est pas une date ; écrivez AAAA-MM-JJ", Ar: "%q ليس تاريخا؛ اكتب YYYY-MM-DD"},
		"model.register_one_of":    {En: "%q is not one of %s", Fr: "%q n'est pas parmi %s", Ar: "%q ليس من بين %s"},
		"model.register_named":     {En: "member %s: %q is not one of for, against, abstain", Fr: "membre %s : %q n'est pas parmi for, against, abstain", Ar: "العضو %s: %q ليس من بين for وagainst وabstain"},
		"model.register_utf8":      {En: "not valid UTF-8 text; save the file as UTF-8", Fr: "texte UTF-8 invalide ; enregistrez le fichier en UTF-8", Ar: "نص UTF-8 غير صالح؛ احفظ الملف بترميز UTF-8"},
	})
}
