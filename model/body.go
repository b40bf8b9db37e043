package model

import (
	"maps"
	"slices"
	"strconv"
	"strings"

	"github.com/jalsa-app/jalsa/i18n"
	"golang.org/x/text/unicode/norm"
)

// BodyCreateCmd creates the body of a database that has none (SPEC §12):
// one body per database. Its members come after it (MemberAddCmd,
// MembersImportCmd). Seats 0 means the number of members in office.
type BodyCreateCmd struct {
	ID       string `json:"id"`
	Name     string `json:"name"`
	Language string `json:"language,omitempty"`
	Seats    int    `json:"seats,omitempty"`
	Timezone string `json:"timezone,omitempty"`
}

// Type implements Command.
func (*BodyCreateCmd) Type() string { return "body-create" }

// SessionID implements Command.
func (*BodyCreateCmd) SessionID() string { return "" }

// Apply implements Command.
func (c *BodyCreateCmd) Apply(st *State, _ Ctx) error {
	if err := checkID("id", c.ID); err != nil {
		return err
	}
	name := oneLine(c.Name)
	if err := checkLine("name", name, MaxName, true); err != nil {
		return err
	}
	lang := c.Language
	if lang == "" {
		lang = "ar"
	}
	if !slices.Contains(fileLanguages, lang) {
		return fieldFault("language", "sessionfile.not_one_of", lang, strings.Join(fileLanguages, ", "))
	}
	if c.Seats < 0 || c.Seats > MaxSeats {
		return fieldFault("seats", "sessionfile.number_range", strconv.Itoa(c.Seats), 1, MaxSeats)
	}
	if c.Timezone != "" && !ValidTimezone(c.Timezone) {
		return fieldFault("timezone", "sessionfile.timezone", c.Timezone)
	}
	for id := range st.Bodies {
		return Refused("err.body_exists", id)
	}
	st.Bodies[c.ID] = &Body{ID: c.ID, Name: name, Language: lang, Seats: c.Seats, Rules: DefaultRules(), Timezone: c.Timezone}
	return nil
}

// BodySetCmd changes a body's terms. Name with In sets the body's name in
// another language (removes it when empty). The seats and the rules do not
// change while a session of the body is under way: its quorum is counted
// on them.
type BodySetCmd struct {
	Body       string    `json:"body"`
	Name       *string   `json:"name,omitempty"`
	In         string    `json:"in,omitempty"`
	Language   *string   `json:"language,omitempty"`
	Seats      *int      `json:"seats,omitempty"`
	LegalBasis *string   `json:"legal_basis,omitempty"`
	Timezone   *string   `json:"timezone,omitempty"`
	Quorum     []string  `json:"quorum,omitempty"`
	Majority   *Majority `json:"majority,omitempty"`
	Tie        *TieRule  `json:"tie,omitempty"`
}

// Type implements Command.
func (*BodySetCmd) Type() string { return "body-set" }

// SessionID implements Command.
func (*BodySetCmd) SessionID() string { return "" }

// Apply implements Command.
func (c *BodySetCmd) Apply(st *State, ctx Ctx) error {
	old, err := st.body(c.Body)
	if err != nil {
		return err
	}
	t := old.Terms()
	if err := c.change(&t); err != nil {
		return err
	}
	today := old.Today(ctx.Time)
	if t.Seats != 0 {
		if n := len(old.Current(today)); t.Seats < n {
			return fieldFault("seats", "sessionfile.seats_below", t.Seats, n)
		}
	}
	if err := checkRules(&t.Rules, max(t.Seats, len(old.Current(today)))); err != nil {
		return err
	}
	if t.Seats != old.Seats || !slices.Equal(t.Rules.Quorum, old.Rules.Quorum) || t.Rules.Majority != old.Rules.Majority || t.Rules.Tie != old.Rules.Tie {
		if s := st.underWay(old.ID); s != nil {
			return Refused("err.body_under_way", s.ID)
		}
	}
	b := old.clone()
	before := old.Terms()
	b.setTerms(t)
	b.Changes = append(b.Changes, BodyChange{Time: ctx.Time, Date: today, Kind: ChangeBody, Terms: &before, By: ctx.Actor})
	st.Bodies[b.ID] = b
	return nil
}

// change applies the command's fields to t, checking each.
func (c *BodySetCmd) change(t *Terms) error {
	given := false
	if c.Name != nil {
		given = true
		name := oneLine(*c.Name)
		switch {
		case c.In == "" || c.In == t.Language:
			if err := checkLine("name", name, MaxName, true); err != nil {
				return err
			}
			t.Name = name
		case !langTagPattern().MatchString(c.In):
			return fieldFault("in", "sessionfile.lang_code", c.In)
		default:
			if err := checkLine("name", name, MaxName, false); err != nil {
				return err
			}
			t.Names = maps.Clone(t.Names)
			if t.Names == nil {
				t.Names = map[string]string{}
			}
			if name == "" {
				delete(t.Names, c.In)
			} else {
				t.Names[c.In] = name
			}
			if len(t.Names) == 0 {
				t.Names = nil
			}
		}
	} else if c.In != "" {
		return Usage("err.in_without_name")
	}
	if c.Language != nil {
		given = true
		if !slices.Contains(fileLanguages, *c.Language) {
			return fieldFault("language", "sessionfile.not_one_of", *c.Language, strings.Join(fileLanguages, ", "))
		}
		t.Language = *c.Language
	}
	if c.Seats != nil {
		given = true
		if *c.Seats < 0 || *c.Seats > MaxSeats {
			return fieldFault("seats", "sessionfile.number_range", strconv.Itoa(*c.Seats), 0, MaxSeats)
		}
		t.Seats = *c.Seats
	}
	if c.LegalBasis != nil {
		given = true
		text := norm.NFC.String(strings.TrimSpace(*c.LegalBasis))
		if err := CheckText("legal_basis", text, MaxText, true); err != nil {
			return err
		}
		t.LegalBasis = text
	}
	if c.Timezone != nil {
		given = true
		if *c.Timezone != "" && !ValidTimezone(*c.Timezone) {
			return fieldFault("timezone", "sessionfile.timezone", *c.Timezone)
		}
		t.Timezone = *c.Timezone
	}
	if c.Quorum != nil {
		given = true
		t.Rules.Quorum = slices.Clone(c.Quorum)
		if len(t.Rules.Quorum) == 0 {
			return fieldFault("quorum", "sessionfile.nonempty_list")
		}
	}
	if c.Majority != nil {
		given = true
		t.Rules.Majority = *c.Majority
	}
	if c.Tie != nil {
		given = true
		t.Rules.Tie = *c.Tie
	}
	if !given {
		return Usage("err.body_set_nothing")
	}
	return nil
}

// body returns body id.
func (st *State) body(id string) (*Body, error) {
	b, ok := st.Bodies[id]
	if !ok {
		return nil, NotFound("err.no_body_id", id)
	}
	return b, nil
}

// OnlyBody is the database's body, which the body and roster commands
// work on: there is one per database (SPEC §12).
func (st *State) OnlyBody() (*Body, error) {
	switch len(st.Bodies) {
	case 0:
		return nil, NotFound("err.no_body")
	case 1:
		for _, b := range st.Bodies {
			return b, nil
		}
	}
	ids := slices.Sorted(maps.Keys(st.Bodies))
	return nil, Refused("err.bodies", strings.Join(ids, ", "))
}

// underWay returns a session of body id with a sitting open or suspended.
func (st *State) underWay(id string) *Session {
	for _, s := range st.SessionList() {
		if s.Body == id && (s.State == StateOpen || s.State == StateSuspended) {
			return s
		}
	}
	return nil
}

// clone copies b so that a command changes the copy: the store writes a
// body again when its pointer changed.
func (b *Body) clone() *Body {
	c := *b
	c.Members = slices.Clone(b.Members)
	c.Changes = slices.Clip(b.Changes)
	return &c
}

// oneLine is a one-line text as the record keeps it: trimmed, in NFC.
func oneLine(s string) string { return norm.NFC.String(strings.TrimSpace(s)) }

func init() {
	i18n.Register(map[string]i18n.Text{
		"err.body_exists":       {En: "this database already has its body, %q: one body per database (change it with jalsa body set)", Fr: "cette base a déjà son assemblée, %q : une assemblée par base (modifiez-la avec jalsa body set)", Ar: "لقاعدة البيانات هذه هيئتها من قبل، %q: هيئة واحدة لكل قاعدة (عدّلها بالأمر jalsa body set)"},
		"err.no_body":           {En: "this database has no body yet: create it with jalsa body create ID --name NAME", Fr: "cette base n'a pas encore d'assemblée : créez-la avec jalsa body create ID --name NOM", Ar: "ليست لقاعدة البيانات هذه هيئة بعد: أنشئها بالأمر jalsa body create ID --name الاسم"},
		"err.no_body_id":        {En: "no body %q", Fr: "aucune assemblée %q", Ar: "لا توجد هيئة %q"},
		"err.bodies":            {En: "this database holds several bodies (%s): the roster commands need one", Fr: "cette base contient plusieurs assemblées (%s) : les commandes de la liste des membres en demandent une seule", Ar: "تضم قاعدة البيانات هذه عدة هيئات (%s): أوامر لائحة الأعضاء تستلزم هيئة واحدة"},
		"err.body_set_nothing":  {En: "nothing to change: give --name, --seats, --legal-basis, --timezone, --language, --quorum, --majority or --tie", Fr: "rien à changer : indiquez --name, --seats, --legal-basis, --timezone, --language, --quorum, --majority ou --tie", Ar: "لا شيء للتغيير: حدد --name أو --seats أو --legal-basis أو --timezone أو --language أو --quorum أو --majority أو --tie"},
		"err.in_without_name":   {En: "--in says which language --name is in: give --name too", Fr: "--in indique la langue de --name : indiquez aussi --name", Ar: "يحدد --in لغة --name: حدد --name أيضا"},
		"err.body_under_way":    {En: "session %s is under way: its quorum counts on these seats and rules; change them after it closes", Fr: "la session %s est en cours : son quorum repose sur ces sièges et ces règles ; changez-les après sa clôture", Ar: "الدورة %s جارية: يحتسب نصابها على هذه المقاعد والقواعد؛ غيّرها بعد اختتامها"},
		"err.member_exists":     {En: "member %q is already on the roster", Fr: "le membre %q figure déjà sur la liste", Ar: "العضو %q مدرج من قبل في اللائحة"},
		"err.member_left":       {En: "member %q left on %s", Fr: "le membre %q est parti le %s", Ar: "غادر العضو %q بتاريخ %s"},
		"err.seats_full":        {En: "all the seats (%d) are filled: raise them first (jalsa body set --seats N)", Fr: "tous les sièges (%d) sont pourvus : augmentez-les d'abord (jalsa body set --seats N)", Ar: "المقاعد كلها مشغولة (%d): ارفع عددها أولا (jalsa body set --seats N)"},
		"err.leave_before":      {En: "a departure on %s comes before %s's arrival on %s", Fr: "un départ le %s précède l'arrivée de %s le %s", Ar: "مغادرة بتاريخ %s تسبق التحاق %s بتاريخ %s"},
		"err.leave_took_part":   {En: "%s %s session %s (dated %s): the date %s would take them off its roll; give another date", Fr: "%s %s la session %s (du %s) : la date du %s le retirerait de sa liste ; donnez une autre date", Ar: "%s %s الدورة %s (بتاريخ %s): تاريخ %s سيحذفه من لائحتها؛ حدد تاريخا آخر"},
		"err.leave_officer":     {En: "%s is the %s of session %s (dated %s): name another first (jalsa edit %s --%s ID)", Fr: "%s est %s de la session %s (du %s) : désignez d'abord quelqu'un d'autre (jalsa edit %s --%s ID)", Ar: "%s هو %s الدورة %s (بتاريخ %s): عيّن غيره أولا (jalsa edit %s --%s ID)"},
		"err.member_set_none":   {En: "nothing to change: give --name, --role, --group or --gender", Fr: "rien à changer : indiquez --name, --role, --group ou --gender", Ar: "لا شيء للتغيير: حدد --name أو --role أو --group أو --gender"},
		"err.unknown_role":      {En: "%q is not a role: allowed are %s", Fr: "%q n'est pas une fonction : valeurs permises %s", Ar: "%q ليست صفة: القيم المسموح بها %s"},
		"err.no_roll":           {En: "no member is on the roll of %s", Fr: "aucun membre n'est inscrit pour le %s", Ar: "لا يوجد أي عضو في اللائحة بتاريخ %s"},
		"err.not_on_roll":       {En: "%q is not on the roll of %s (a member in office that day)", Fr: "%q n'est pas sur la liste du %s (membre en fonction ce jour-là)", Ar: "%q ليس في لائحة الأعضاء بتاريخ %s (عضو مزاول في ذلك اليوم)"},
		"err.no_chair":          {En: "no member is president on %s: name the chair with --chair ID", Fr: "aucun membre n'est président le %s : désignez la présidence avec --chair ID", Ar: "لا يوجد رئيس بتاريخ %s: عيّن رئيس الجلسة بـ --chair ID"},
		"err.officer.chair":     {En: "chair", Fr: "président de séance", Ar: "رئيس جلسات"},
		"err.officer.secretary": {En: "secretary", Fr: "secrétaire de séance", Ar: "كاتب جلسات"},
	})
}
