package cli

import (
	"fmt"
	"io"
	"maps"
	"slices"
	"strings"
	"text/tabwriter"
	"time"

	"github.com/jalsa-app/jalsa/i18n"
	"github.com/jalsa-app/jalsa/model"
	"github.com/jalsa-app/jalsa/report"
	"github.com/jalsa-app/jalsa/sheet"
)

// The body and its roster (SPEC §12): one body per database, whose members
// live across sessions.

// BodyInfo is `jalsa body --json`.
type BodyInfo struct {
	ID       string            `json:"id"`
	Name     string            `json:"name"`
	Names    map[string]string `json:"names,omitempty"`
	Language string            `json:"language"`
	// Seats is the body's seats: those it fixes, else its members in
	// office (SeatsFixed false).
	Seats      int         `json:"seats"`
	SeatsFixed bool        `json:"seats_fixed"`
	Members    int         `json:"members"`
	Rules      model.Rules `json:"rules"`
	LegalBasis string      `json:"legal_basis,omitempty"`
	Timezone   string      `json:"timezone"`
}

func runBody(c *call, f *jsonFlags) error {
	var info BodyInfo
	var err error
	c.st.Read(func(st *model.State) {
		var b *model.Body
		if b, err = st.OnlyBody(); err != nil {
			return
		}
		today := b.Today(c.now())
		info = BodyInfo{ID: b.ID, Name: b.Name, Names: b.Names, Language: b.Language, Seats: b.SeatsNow(today), SeatsFixed: b.Seats > 0,
			Members: len(b.Current(today)), Rules: b.Rules, LegalBasis: b.LegalBasis, Timezone: b.Zone()}
	})
	if err != nil {
		return err
	}
	if f.JSON {
		return writeJSON(c.Stdout, info)
	}
	l := c.lang
	tw := tabwriter.NewWriter(c.Stdout, 0, 4, 2, ' ', 0)
	row := func(key string, v any) { fmt.Fprintf(tw, "%s\t%v\n", i18n.T(l, key), v) }
	row("msg.body.id", info.ID)
	row("msg.body.name", info.Name)
	for _, lang := range slices.Sorted(maps.Keys(info.Names)) {
		row("msg.body.name_in", lang+": "+info.Names[lang])
	}
	row("msg.body.language", info.Language)
	seats := fmt.Sprint(info.Seats)
	if !info.SeatsFixed {
		seats = i18n.T(l, "msg.body.seats_auto", info.Seats)
	}
	row("msg.body.seats", seats)
	row("msg.body.members", info.Members)
	quorum := make([]string, len(info.Rules.Quorum))
	for i, q := range info.Rules.Quorum {
		quorum[i] = QuorumRuleName(l, q)
	}
	row("msg.body.quorum", strings.Join(quorum, " · "))
	row("msg.body.majority", i18n.T(l, "report.rule."+string(info.Rules.Majority)))
	row("msg.body.tie", i18n.T(l, "msg.body.tie."+string(info.Rules.Tie)))
	row("msg.body.timezone", info.Timezone)
	if info.LegalBasis != "" {
		row("msg.body.legal_basis", oneLineOf(info.LegalBasis))
	}
	return tw.Flush()
}

// bodyCreateFlags are `jalsa body create`'s flags.
type bodyCreateFlags struct {
	Name     string `flag:"name" value:"NAME"`
	Seats    int    `flag:"seats" value:"N"`
	Language string `flag:"language" values:"ar|fr|en" default:"ar"`
	Timezone string `flag:"timezone" value:"TZ"`
}

func runBodyCreate(c *call, f *bodyCreateFlags) error {
	if !c.set("name") {
		return model.Usage("err.flag_required", "--name")
	}
	if _, err := c.do(c.st, &model.BodyCreateCmd{ID: c.args[0], Name: f.Name, Language: f.Language, Seats: f.Seats, Timezone: f.Timezone}); err != nil {
		return err
	}
	fmt.Fprintln(c.Stdout, i18n.T(c.lang, "msg.body.created", c.args[0]))
	return nil
}

// bodySetFlags are `jalsa body set`'s flags.
type bodySetFlags struct {
	Name       string `flag:"name" value:"NAME"`
	In         string `flag:"in" value:"LANG"`
	Seats      int    `flag:"seats" value:"N"`
	LegalBasis string `flag:"legal-basis" value:"TEXT"`
	Timezone   string `flag:"timezone" value:"TZ"`
	Language   string `flag:"language" values:"ar|fr|en"`
	Quorum     string `flag:"quorum" value:"RULES"`
	Majority   string `flag:"majority" values:"majorities"`
	Tie        string `flag:"tie" values:"president|rejected"`
}

func runBodySet(c *call, f *bodySetFlags) error {
	cmd := &model.BodySetCmd{In: f.In, Name: c.str("name", f.Name), Language: c.str("language", f.Language),
		LegalBasis: c.str("legal-basis", f.LegalBasis), Timezone: c.str("timezone", f.Timezone)}
	if c.set("seats") {
		cmd.Seats = &f.Seats
	}
	if c.set("quorum") {
		cmd.Quorum = strings.Split(strings.ReplaceAll(f.Quorum, " ", ""), ",")
	}
	if c.set("majority") {
		m := model.Majority(f.Majority)
		cmd.Majority = &m
	}
	if c.set("tie") {
		t := model.TieRule(f.Tie)
		cmd.Tie = &t
	}
	err := c.withBody(func(id string) error {
		cmd.Body = id
		_, err := c.do(c.st, cmd)
		return err
	}, "")
	if err == nil {
		fmt.Fprintln(c.Stdout, i18n.T(c.lang, "msg.body.changed"))
	}
	return err
}

// membersFlags are `jalsa members`' flags.
type membersFlags struct {
	All bool `flag:"all"`
	jsonFlags
}

func runMembers(c *call, f *membersFlags) error {
	var members []model.Member
	var err error
	c.st.Read(func(st *model.State) {
		var b *model.Body
		if b, err = st.OnlyBody(); err != nil {
			return
		}
		members = b.Members
		if !f.All {
			members = b.Current(b.Today(c.now()))
		}
		members = append([]model.Member(nil), members...)
	})
	if err != nil {
		return err
	}
	return writeList(c.Env, f.JSON, members, "msg.no_members", func(m model.Member) []string {
		cols := []string{m.ID, m.Name, report.RoleName(c.lang, m.Role), m.Group}
		if f.All {
			cols = append(cols, termOf(c.lang, m))
		}
		return cols
	})
}

// termOf says when a member took office and left, and why.
func termOf(lang string, m model.Member) string {
	var parts []string
	if m.Since != "" {
		parts = append(parts, i18n.T(lang, "msg.member.since", report.FormatDay(lang, m.Since)))
	}
	if m.Until != "" {
		left := i18n.T(lang, "msg.member.left", report.FormatDay(lang, m.Until))
		if m.Reason != "" {
			left += " (" + oneLineOf(m.Reason) + ")"
		}
		parts = append(parts, left)
	}
	return strings.Join(parts, " · ")
}

// membersImportFlags are `jalsa members import`'s flags.
type membersImportFlags struct {
	Sheet string `flag:"sheet" value:"NAME"`
	Date  string `flag:"date" value:"DATE"`
}

func runMembersImport(c *call, f *membersImportFlags) error {
	t, err := readTable(c, c.args[0], f.Sheet)
	if err != nil {
		return err
	}
	members, rows, err := t.Members()
	if err != nil {
		return err
	}
	var before int
	err = c.withBody(func(id string) error {
		c.st.Read(func(st *model.State) { before = len(st.Bodies[id].Changes) })
		_, err := c.do(c.st, &model.MembersImportCmd{Body: id, Members: members, Date: f.Date})
		return t.Explain(err, rows, false)
	}, "")
	if err != nil {
		return err
	}
	counts := map[string]int{}
	c.st.Read(func(st *model.State) {
		b, _ := st.OnlyBody()
		for _, ch := range b.Changes[before:] {
			counts[ch.Kind]++
		}
	})
	fmt.Fprintln(c.Stdout, i18n.T(c.lang, "msg.members.imported", len(members), counts[model.ChangeArrive], counts[model.ChangeMember], counts[model.ChangeLeave]))
	return nil
}

// membersAddFlags are `jalsa members add`'s flags.
type membersAddFlags struct {
	Name   string `flag:"name" value:"NAME"`
	Role   string `flag:"role" values:"roles"`
	Gender string `flag:"gender" values:"f|m"`
	Group  string `flag:"group" value:"GROUP"`
	Since  string `flag:"since" value:"DATE"`
}

func runMembersAdd(c *call, f *membersAddFlags) error {
	if !c.set("name") {
		return model.Usage("err.flag_required", "--name")
	}
	role, err := roleFlag(f.Role)
	if err != nil {
		return err
	}
	m := model.Member{ID: c.args[0], Name: f.Name, Role: role, Gender: f.Gender, Group: f.Group, Since: f.Since}
	return c.withBody(func(id string) error {
		_, err := c.do(c.st, &model.MemberAddCmd{Body: id, Member: m})
		return err
	}, "msg.member.added")
}

// membersLeaveFlags are `jalsa members leave`'s flags.
type membersLeaveFlags struct {
	Date   string `flag:"date" value:"DATE"`
	Reason string `flag:"reason" value:"TEXT"`
}

func runMembersLeave(c *call, f *membersLeaveFlags) error {
	if !c.set("date") {
		return model.Usage("err.flag_required", "--date")
	}
	return c.withBody(func(id string) error {
		_, err := c.do(c.st, &model.MemberLeaveCmd{Body: id, ID: c.args[0], Date: f.Date, Reason: f.Reason})
		return err
	}, "msg.member.left_recorded")
}

// membersSetFlags are `jalsa members set`'s flags.
type membersSetFlags struct {
	Name   string `flag:"name" value:"NAME"`
	Role   string `flag:"role" values:"roles"`
	Gender string `flag:"gender" values:"f|m"`
	Group  string `flag:"group" value:"GROUP"`
	Date   string `flag:"date" value:"DATE"`
}

func runMembersSet(c *call, f *membersSetFlags) error {
	cmd := &model.MemberSetCmd{ID: c.args[0], Name: c.str("name", f.Name), Group: c.str("group", f.Group),
		Gender: c.str("gender", f.Gender), Date: f.Date}
	if c.set("role") {
		role, err := roleFlag(f.Role)
		if err != nil {
			return err
		}
		cmd.Role = &role
	}
	return c.withBody(func(id string) error {
		cmd.Body = id
		_, err := c.do(c.st, cmd)
		return err
	}, "msg.member.changed")
}

// roleFlag reads --role: a role's word or its name in any language.
func roleFlag(s string) (string, error) {
	if strings.TrimSpace(s) == "" {
		return "", nil
	}
	r, ok := report.ParseRole(s)
	if !ok {
		return "", model.Usage("err.field", "--role", model.Phrase{Key: "err.unknown_role", Args: []any{s, model.Phrase{Key: "report.roles_allowed"}}})
	}
	return r, nil
}

// withBody runs fn with the id of the database's body, then, if it did
// not fail, says msg with the command's first argument ("" for none).
func (c *call) withBody(fn func(id string) error, msg string) error {
	var id string
	var err error
	c.st.Read(func(st *model.State) {
		var b *model.Body
		if b, err = st.OnlyBody(); err == nil {
			id = b.ID
		}
	})
	if err == nil {
		err = fn(id)
	}
	if err == nil && msg != "" {
		fmt.Fprintln(c.Stdout, i18n.T(c.lang, msg, c.args[0]))
	}
	return err
}

// str is a pointer to v when flag name was given, nil otherwise: the
// commands that change something tell "not given" from "made empty".
func (c *call) str(name, v string) *string {
	if !c.set(name) {
		return nil
	}
	return &v
}

// maxInput bounds a file a command reads into memory (a roster, a budget):
// far above any real one.
const maxInput = 64 << 20

// readTable reads a CSV or XLSX file given on the command line ("-" is
// standard input).
func readTable(c *call, name, sheetName string) (*sheet.Table, error) {
	r, err := openInput(c.Env, name)
	if err != nil {
		return nil, err
	}
	defer r.Close()
	data, err := io.ReadAll(io.LimitReader(r, maxInput+1))
	if err != nil {
		return nil, model.NotFound("err.read_file", name, err.Error())
	}
	if len(data) > maxInput {
		return nil, model.Usage("err.input_too_large", name, maxInput>>20)
	}
	return sheet.Read(name, data, sheetName)
}

// oneLineOf is a text on one line, for a column of a listing.
func oneLineOf(s string) string { return strings.Join(strings.Fields(s), " ") }

// now is the time a command runs at: the env's clock, or the system's.
func (c *call) now() time.Time {
	if c.Clock != nil {
		return c.Clock()
	}
	return time.Now()
}
