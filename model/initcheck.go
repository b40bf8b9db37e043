package model

import (
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/jalsa-app/jalsa/i18n"
)

// maxLines bounds the lines of one budget item, so that no sum of their
// amounts (each at most maxCents) can overflow.
const maxLines = 5000

// check holds an init command to what the session file's loader accepts
// (SPEC §3, §11), field by field. The loader reports the same faults at
// their line and column; this check is for the paths that do not go
// through it: an import of an export, a replayed event. Errors name the
// field as the session file does ("agenda[3].title").
func (c *InitCmd) check() error {
	b := &c.Body
	if err := checkID("body.id", b.ID); err != nil {
		return err
	}
	if b.Name == "" {
		// A body named by its id alone is the database's (InitCmd.Apply).
		if b.Names != nil || b.Language != "" || b.Seats != 0 || b.Rules.Quorum != nil || b.Rules.Majority != "" ||
			b.Rules.Tie != "" || b.LegalBasis != "" || b.Timezone != "" {
			return fieldFault("body.name", "sessionfile.empty_value")
		}
	} else if err := c.checkTerms(); err != nil {
		return err
	}
	if b.Seats != 0 && b.Seats < len(b.Members) {
		return fieldFault("body.seats", "sessionfile.seats_below", b.Seats, len(b.Members))
	}
	if len(b.Changes) > 0 {
		return fieldFault("body.changes", "err.init_changes")
	}
	seen := map[string]bool{}
	for i, m := range b.Members {
		p := fieldIndex("members", i)
		if err := checkID(p+".id", m.ID); err != nil {
			return err
		}
		if m.ID == "all" {
			return fieldFault(p+".id", "sessionfile.reserved_all")
		}
		if seen[m.ID] {
			return fieldFault(p+".id", "err.id_twice", m.ID)
		}
		seen[m.ID] = true
		for _, f := range []struct {
			name, v  string
			required bool
		}{{"name", m.Name, true}, {"role", m.Role, false}, {"group", m.Group, false}} {
			if err := checkLine(p+"."+f.name, f.v, MaxName, f.required); err != nil {
				return err
			}
		}
		if err := checkGender(p+".gender", m.Gender); err != nil {
			return err
		}
		if m.Since != "" || m.Until != "" || m.Reason != "" {
			return fieldFault(p, "err.init_term")
		}
	}
	return c.checkSession()
}

// checkTerms checks the terms of a body the file states in full.
func (c *InitCmd) checkTerms() error {
	b := &c.Body
	if err := checkLine("body.name", b.Name, MaxName, true); err != nil {
		return err
	}
	for lang, name := range b.Names {
		if err := checkLine(fieldPath("body.names", lang), name, MaxName, true); err != nil {
			return err
		}
	}
	if !slices.Contains(fileLanguages, b.Language) {
		return fieldFault("body.language", "sessionfile.not_one_of", b.Language, strings.Join(fileLanguages, ", "))
	}
	// Seats 0: not stated, by a file without members for a body the
	// database holds.
	if b.Seats < 0 || b.Seats > MaxSeats || (b.Seats == 0 && len(b.Members) > 0) {
		return fieldFault("body.seats", "sessionfile.number_range", strconv.Itoa(b.Seats), 1, MaxSeats)
	}
	if err := checkRules(&b.Rules, max(b.Seats, len(b.Members))); err != nil {
		return err
	}
	if err := CheckText("body.legal_basis", b.LegalBasis, MaxText, true); err != nil {
		return err
	}
	if b.Timezone != "" && !ValidTimezone(b.Timezone) {
		return fieldFault("body.timezone", "sessionfile.timezone", b.Timezone)
	}
	return nil
}

func (c *InitCmd) checkSession() error {
	s := &c.Session
	if err := checkID("session.id", s.ID); err != nil {
		return err
	}
	// An empty kind reads as ordinary, the session file's default.
	if s.Kind != "" && s.Kind != "ordinary" && s.Kind != "extraordinary" {
		return fieldFault("session.kind", "sessionfile.not_one_of", s.Kind, "ordinary, extraordinary")
	}
	if err := checkLine("session.title", s.Title, MaxTitle, true); err != nil {
		return err
	}
	if err := checkDate("session.date", s.Date); err != nil {
		return err
	}
	if s.Convened != "" {
		if err := checkDate("session.convened", s.Convened); err != nil {
			return err
		}
	}
	if s.Time != "" && !ValidClock(s.Time) {
		return fieldFault("session.time", "sessionfile.time", s.Time)
	}
	if err := checkLine("session.place", s.Place, MaxName, false); err != nil {
		return err
	}
	if s.SpeakingTime < 0 || time.Duration(s.SpeakingTime)*time.Second > maxSpeakingTime {
		return fieldFault("session.speaking_time", "sessionfile.speaking_time", strconv.Itoa(s.SpeakingTime)+"s")
	}
	for i, g := range s.Guests {
		p := fieldIndex("session.guests", i)
		if err := checkLine(p+".name", g.Name, MaxName, true); err != nil {
			return err
		}
		if err := checkLine(p+".role", g.Role, MaxName, false); err != nil {
			return err
		}
		if err := checkGender(p+".gender", g.Gender); err != nil {
			return err
		}
	}
	if len(s.Items) == 0 {
		return fieldFault("agenda", "sessionfile.nonempty_list")
	}
	for i, it := range s.Items {
		if err := checkItem(fieldIndex("agenda", i), it); err != nil {
			return err
		}
	}
	return nil
}

func checkRules(r *Rules, seats int) error {
	if len(r.Quorum) > 3 {
		return fieldFault("body.rules.quorum", "sessionfile.calls")
	}
	for i, q := range r.Quorum {
		p := fieldIndex("body.rules.quorum", i)
		if !ValidQuorumRule(q) {
			return fieldFault(p, "sessionfile.quorum_rule", q)
		}
		if n, err := strconv.Atoi(q); err == nil && n > seats {
			return fieldFault(p, "sessionfile.quorum_above", n, seats)
		}
	}
	if !ValidMajority(r.Majority) {
		return fieldFault("body.rules.majority", "sessionfile.not_one_of", string(r.Majority), majorityList())
	}
	if r.Tie != TiePresident && r.Tie != TieRejected {
		return fieldFault("body.rules.tie", "sessionfile.not_one_of", string(r.Tie), "president, rejected")
	}
	return nil
}

func checkItem(p string, it *Item) error {
	if err := checkLine(p+".title", it.Title, MaxTitle, true); err != nil {
		return err
	}
	if !slices.Contains(ItemKinds, it.Kind) {
		return fieldFault(p+".kind", "sessionfile.not_one_of", it.Kind, strings.Join(ItemKinds, ", "))
	}
	if err := CheckText(p+".text", it.Text, MaxText, true); err != nil {
		return err
	}
	if it.Majority != "" && !ValidMajority(it.Majority) {
		return fieldFault(p+".majority", "sessionfile.not_one_of", string(it.Majority), majorityList())
	}
	if it.Kind != KindBudget {
		if len(it.Lines) > 0 {
			return fieldFault(p+".lines", "sessionfile.budget_only", "lines", it.Kind)
		}
		return nil
	}
	if it.VoteMode != "lines" && it.VoteMode != "whole" {
		return fieldFault(p+".vote", "sessionfile.not_one_of", it.VoteMode, "lines, whole")
	}
	if len(it.Lines) == 0 || len(it.Lines) > maxLines {
		return fieldFault(p+".lines", "sessionfile.number_range", strconv.Itoa(len(it.Lines)), 1, maxLines)
	}
	for key, name := range it.Parts {
		if !slices.ContainsFunc(it.Lines, func(l *BudgetLine) bool { return l.Part == key }) {
			return fieldFault(fieldPath(p+".parts", key), "sessionfile.part_unused", key)
		}
		if err := checkLine(fieldPath(p+".parts", key), name, MaxName, true); err != nil {
			return err
		}
	}
	codes := map[string]bool{}
	for j, l := range it.Lines {
		lp := fieldIndex(p+".lines", j)
		if err := checkID(lp+".code", l.Code); err != nil {
			return err
		}
		if codes[l.Code] {
			return fieldFault(lp+".code", "err.id_twice", l.Code)
		}
		codes[l.Code] = true
		if err := checkLine(lp+".label", l.Label, MaxTitle, true); err != nil {
			return err
		}
		if err := checkLine(lp+".part", l.Part, MaxName, false); err != nil {
			return err
		}
		if l.Kind != "revenue" && l.Kind != "expense" {
			return fieldFault(lp+".kind", "sessionfile.not_one_of", l.Kind, "revenue, expense")
		}
		if l.Amount < 0 || l.Amount > maxCents {
			return fieldFault(lp+".amount", "sessionfile.amount_large", l.Amount.String())
		}
	}
	return nil
}

// checkDate checks a day written YYYY-MM-DD.
func checkDate(field, s string) error {
	if _, err := time.Parse(time.DateOnly, s); err != nil || len(s) != len(time.DateOnly) {
		return fieldFault(field, "sessionfile.not_date", s)
	}
	return nil
}

// checkGender checks a member's or guest's gender: f, m or not stated.
func checkGender(field, g string) error {
	if g != "" && g != Female && g != Male {
		return fieldFault(field, "sessionfile.not_one_of", g, Female+", "+Male)
	}
	return nil
}

// checkLine checks a one-line text as the loader reads it: not empty when
// required, within limit, without control characters.
func checkLine(field, s string, limit int, required bool) error {
	if required && s == "" {
		return fieldFault(field, "sessionfile.empty_value")
	}
	return CheckText(field, s, limit, false)
}

// fieldFault is a malformed field: "FIELD: what".
func fieldFault(field, key string, args ...any) error {
	return fieldErr(KindUsage, field, key, args...)
}

func init() {
	i18n.Register(map[string]i18n.Text{
		"err.id_twice":     {En: "%q is given twice", Fr: "%q figure deux fois", Ar: "%q مذكور مرتين"},
		"err.init_changes": {En: "a session file brings no history of the roster", Fr: "un fichier de session n'apporte pas d'historique de la liste des membres", Ar: "لا يحمل ملف الدورة تاريخ لائحة الأعضاء"},
		"err.init_term":    {En: "a session file gives no term of office (since, until): use jalsa members", Fr: "un fichier de session ne donne pas de mandat (since, until) : utilisez jalsa members", Ar: "لا يحدد ملف الدورة مدة العضوية (since وuntil): استعمل jalsa members"},
		"err.amount_large": {En: "amount %s is too large", Fr: "le montant %s est trop grand", Ar: "المبلغ %s كبير جدا"},
	})
}
