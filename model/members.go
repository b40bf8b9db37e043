package model

import (
	"fmt"
	"slices"
	"strings"

	"github.com/jalsa-app/jalsa/i18n"
)

// MemberAddCmd brings a member onto a body's roster: an arrival, dated
// Since (the day they take office; "" for a member from the start).
type MemberAddCmd struct {
	Body   string `json:"body"`
	Member Member `json:"member"`
}

// Type implements Command.
func (*MemberAddCmd) Type() string { return "member-add" }

// SessionID implements Command.
func (*MemberAddCmd) SessionID() string { return "" }

// Apply implements Command.
func (c *MemberAddCmd) Apply(st *State, ctx Ctx) error {
	old, err := st.body(c.Body)
	if err != nil {
		return err
	}
	m, err := CheckMember(c.Member)
	if err != nil {
		return err
	}
	if m.Until != "" || m.Reason != "" {
		return fieldFault("until", "err.add_until")
	}
	if old.memberIndex(m.ID) >= 0 {
		return Refused("err.member_exists", m.ID)
	}
	b := old.clone()
	if err := b.arrive(st, m, ctx); err != nil {
		return err
	}
	if err := b.checkSeats(ctx); err != nil {
		return err
	}
	st.Bodies[b.ID] = b
	return nil
}

// MemberLeaveCmd records that a member left the body on Date: they are on
// the roll of no session dated from then on.
type MemberLeaveCmd struct {
	Body   string `json:"body"`
	ID     string `json:"id"`
	Date   string `json:"date"`
	Reason string `json:"reason,omitempty"`
}

// Type implements Command.
func (*MemberLeaveCmd) Type() string { return "member-leave" }

// SessionID implements Command.
func (*MemberLeaveCmd) SessionID() string { return "" }

// Apply implements Command.
func (c *MemberLeaveCmd) Apply(st *State, ctx Ctx) error {
	old, err := st.body(c.Body)
	if err != nil {
		return err
	}
	if err := checkDate("date", c.Date); err != nil {
		return err
	}
	reason := strings.TrimSpace(c.Reason)
	if err := CheckText("reason", reason, MaxText, false); err != nil {
		return err
	}
	b := old.clone()
	i := b.memberIndex(c.ID)
	if i < 0 {
		return NotFound("err.member_not_found", c.ID)
	}
	m := b.Members[i]
	if m.Until != "" {
		return Refused("err.member_left", m.ID, m.Until)
	}
	m.Until, m.Reason = c.Date, reason
	if err := b.replace(st, i, m, ChangeLeave, c.Date, ctx); err != nil {
		return err
	}
	st.Bodies[b.ID] = b
	return nil
}

// MemberSetCmd changes a member's details, from Date on ("" : the day it
// is recorded). Sessions that are not closed show the new details; closed
// ones keep those they had.
type MemberSetCmd struct {
	Body   string  `json:"body"`
	ID     string  `json:"id"`
	Name   *string `json:"name,omitempty"`
	Role   *string `json:"role,omitempty"`
	Group  *string `json:"group,omitempty"`
	Gender *string `json:"gender,omitempty"`
	Date   string  `json:"date,omitempty"`
}

// Type implements Command.
func (*MemberSetCmd) Type() string { return "member-set" }

// SessionID implements Command.
func (*MemberSetCmd) SessionID() string { return "" }

// Apply implements Command.
func (c *MemberSetCmd) Apply(st *State, ctx Ctx) error {
	old, err := st.body(c.Body)
	if err != nil {
		return err
	}
	if c.Name == nil && c.Role == nil && c.Group == nil && c.Gender == nil {
		return Usage("err.member_set_none")
	}
	date, err := changeDate(old, c.Date, ctx)
	if err != nil {
		return err
	}
	b := old.clone()
	i := b.memberIndex(c.ID)
	if i < 0 {
		return NotFound("err.member_not_found", c.ID)
	}
	m := b.Members[i]
	for _, f := range []struct {
		to   *string
		from *string
	}{{&m.Name, c.Name}, {&m.Role, c.Role}, {&m.Group, c.Group}, {&m.Gender, c.Gender}} {
		if f.from != nil {
			*f.to = *f.from
		}
	}
	if m, err = CheckMember(m); err != nil {
		return err
	}
	if err := b.replace(st, i, m, ChangeMember, date, ctx); err != nil {
		return err
	}
	st.Bodies[b.ID] = b
	return nil
}

// MembersImportCmd brings a list of members onto the roster at once (a
// spreadsheet of the chamber's elected members): a new id arrives, a known
// one is updated (a change of role is a change dated Date), one with Until
// leaves. Members the list does not name stay as they are. A fault in any
// row refuses the whole list, as a *RowError naming the row.
type MembersImportCmd struct {
	Body    string   `json:"body"`
	Members []Member `json:"members"`
	Date    string   `json:"date,omitempty"`
}

// Type implements Command.
func (*MembersImportCmd) Type() string { return "members-import" }

// SessionID implements Command.
func (*MembersImportCmd) SessionID() string { return "" }

// Apply implements Command.
func (c *MembersImportCmd) Apply(st *State, ctx Ctx) error {
	old, err := st.body(c.Body)
	if err != nil {
		return err
	}
	date, err := changeDate(old, c.Date, ctx)
	if err != nil {
		return err
	}
	if len(c.Members) == 0 {
		return fieldFault("members", "sessionfile.nonempty_list")
	}
	if len(c.Members) > MaxSeats {
		return fieldFault("members", "sessionfile.number_range", fmt.Sprint(len(c.Members)), 1, MaxSeats)
	}
	b := old.clone()
	pos := make(map[string]int, len(b.Members)+len(c.Members))
	for i, m := range b.Members {
		pos[m.ID] = i
	}
	first := make(map[string]int, len(c.Members))
	for row, given := range c.Members {
		if err := b.importRow(st, row, given, pos, first, date, ctx); err != nil {
			return &RowError{Row: row, Err: err}
		}
	}
	if err := b.checkSeats(ctx); err != nil {
		return err
	}
	st.Bodies[b.ID] = b
	return nil
}

// importRow brings one row of a list onto b: pos holds where each member
// is in b.Members, first the row each id came in.
func (b *Body) importRow(st *State, row int, given Member, pos, first map[string]int, date string, ctx Ctx) error {
	m, err := CheckMember(given)
	if err != nil {
		return err
	}
	if r, dup := first[m.ID]; dup {
		return fieldFault("id", "err.id_row_twice", m.ID, r+1)
	}
	first[m.ID] = row
	i, known := pos[m.ID]
	if !known {
		pos[m.ID] = len(b.Members)
		return b.arrive(st, m, ctx)
	}
	was := b.Members[i]
	if was.Until != "" && m.Until != was.Until {
		return Refused("err.member_left", was.ID, was.Until)
	}
	if m.Since == "" {
		m.Since = was.Since
	}
	m.Reason = was.Reason
	if m == was {
		return nil
	}
	kind, when := ChangeMember, date
	if was.Until == "" && m.Until != "" {
		kind, when = ChangeLeave, m.Until
	}
	return b.replace(st, i, m, kind, when, ctx)
}

// RowError is a fault in row Row (from 0) of a list brought in at once
// (MembersImportCmd, BudgetImportCmd): the command line names the line or
// cell of the file it came from.
type RowError struct {
	Row int
	Err error
}

func (e *RowError) Error() string { return e.In("en") }

// In says the error in lang.
func (e *RowError) In(lang string) string {
	return i18n.T(lang, "err.row", e.Row+1, Message(e.Err, lang))
}

// Unwrap returns the row's error.
func (e *RowError) Unwrap() error { return e.Err }

// CheckMember checks a member the roster commands are given and returns it
// as the record keeps it (trimmed, NFC). Its faults name the columns of a
// roster file (id, name, role, gender, group, since, until), so that a
// reader of such a file can place them.
func CheckMember(m Member) (Member, error) {
	m.Name, m.Role, m.Group = oneLine(m.Name), strings.TrimSpace(m.Role), oneLine(m.Group)
	m.Reason = strings.TrimSpace(m.Reason)
	if err := checkID("id", m.ID); err != nil {
		return m, err
	}
	if m.ID == "all" {
		return m, fieldFault("id", "sessionfile.reserved_all")
	}
	if err := checkLine("name", m.Name, MaxName, true); err != nil {
		return m, err
	}
	if m.Role != "" && !slices.Contains(Roles, m.Role) {
		return m, fieldFault("role", "err.unknown_role", m.Role, strings.Join(Roles, ", "))
	}
	if err := checkGender("gender", m.Gender); err != nil {
		return m, err
	}
	if err := checkLine("group", m.Group, MaxName, false); err != nil {
		return m, err
	}
	for _, d := range []struct{ field, v string }{{"since", m.Since}, {"until", m.Until}} {
		if d.v != "" {
			if err := checkDate(d.field, d.v); err != nil {
				return m, err
			}
		}
	}
	if m.Until != "" && m.Since != "" && m.Until < m.Since {
		return m, fieldFault("until", "err.leave_before", m.Until, m.ID, m.Since)
	}
	if err := CheckText("reason", m.Reason, MaxText, false); err != nil {
		return m, err
	}
	return m, nil
}

// changeDate is the day a change of details takes effect: date, or today
// in the body's zone.
func changeDate(b *Body, date string, ctx Ctx) (string, error) {
	if date == "" {
		return b.Today(ctx.Time), nil
	}
	return date, checkDate("date", date)
}

func (b *Body) memberIndex(id string) int {
	return slices.IndexFunc(b.Members, func(m Member) bool { return m.ID == id })
}

// arrive adds m, a new member, to b (a clone) and logs the arrival.
func (b *Body) arrive(st *State, m Member, ctx Ctx) error {
	b.Members = append(b.Members, m)
	b.Changes = append(b.Changes, BodyChange{Time: ctx.Time, Date: m.Since, Kind: ChangeArrive, Member: &m, By: ctx.Actor})
	return st.checkTerm(b, m)
}

// replace puts m in place of member i of b (a clone) and logs the change.
func (b *Body) replace(st *State, i int, m Member, kind, date string, ctx Ctx) error {
	before := b.Members[i]
	if m.Until != "" && m.Since != "" && m.Until < m.Since {
		return fieldFault("until", "err.leave_before", m.Until, m.ID, m.Since)
	}
	b.Members[i] = m
	b.Changes = append(b.Changes, BodyChange{Time: ctx.Time, Date: date, Kind: kind, Member: &m, Before: &before, By: ctx.Actor})
	return st.checkTerm(b, m)
}

// checkTerm refuses a term of office that would take m off the roll of a
// session they took part in, or of one they chair or are secretary of that
// is not closed (a closed session keeps the roll it had).
func (st *State) checkTerm(b *Body, m Member) error {
	for _, s := range st.SessionList() {
		if s.Body != b.ID || m.InOffice(s.Date) {
			continue
		}
		off := m.Until
		if !m.Left(s.Date) {
			off = m.Since
		}
		if s.State != StateDraft {
			if key := s.tookPart(m.ID); key != "" {
				return Refused("err.leave_took_part", m.ID, Phrase{Key: key}, s.ID, s.Date, off)
			}
		}
		if s.State == StateClosed {
			continue
		}
		for _, o := range []struct{ id, flag string }{{s.Chair, "chair"}, {s.Secretary, "secretary"}} {
			if o.id == m.ID {
				return Refused("err.leave_officer", m.ID, Phrase{Key: "err.officer." + o.flag}, s.ID, s.Date, s.ID, o.flag)
			}
		}
	}
	return nil
}

// checkSeats refuses more members in office than the body's seats.
func (b *Body) checkSeats(ctx Ctx) error {
	if b.Seats == 0 {
		return nil
	}
	if n := len(b.Current(b.Today(ctx.Time))); n > b.Seats {
		return Refused("err.seats_full", b.Seats)
	}
	return nil
}

func init() {
	i18n.Register(map[string]i18n.Text{
		"err.add_until":    {En: "a new member has not left: record a departure with jalsa members leave", Fr: "un nouveau membre n'est pas parti : enregistrez un départ avec jalsa members leave", Ar: "العضو الجديد لم يغادر: سجل المغادرة بالأمر jalsa members leave"},
		"err.id_row_twice": {En: "%q is already in row %d", Fr: "%q figure déjà à la ligne %d", Ar: "%q موجود من قبل في الصف %d"},
		"err.row":          {En: "row %d: %s", Fr: "ligne %d : %s", Ar: "الصف %d: %s"},
	})
}
