package sheet

import (
	"sync"

	"github.com/jalsa-app/jalsa/model"
	"github.com/jalsa-app/jalsa/report"
)

// memberColumns are a roster's columns (SPEC §12) and the headers they go
// by in English, French and Arabic.
var memberColumns = []Column{
	{Key: "id", Headers: []string{"id", "identifiant", "identifier", "code", "matricule", "n°", "no", "المعرف", "معرف", "الرمز", "رقم", "الرقم"}, Required: true},
	{Key: "name", Headers: []string{"name", "nom", "nom complet", "nom et prénom", "full name", "الاسم", "اسم", "الاسم الكامل", "الاسم والنسب"}, Required: true},
	{Key: "role", Headers: []string{"role", "rôle", "fonction", "qualité", "الصفة", "صفة", "المهمة", "المنصب"}},
	{Key: "gender", Headers: []string{"gender", "sex", "genre", "sexe", "الجنس", "النوع"}},
	{Key: "group", Headers: []string{"group", "groupe", "circonscription", "province", "المجموعة", "الفريق", "الدائرة", "الإقليم", "العمالة"}},
	{Key: "since", Headers: []string{"since", "from", "depuis", "début", "date d'entrée", "منذ", "من", "تاريخ الالتحاق", "بداية العضوية"}},
	{Key: "until", Headers: []string{"until", "to", "jusqu'à", "fin", "date de départ", "إلى", "حتى", "تاريخ المغادرة", "نهاية العضوية"}},
}

// Members reads a roster: one member a row, by the columns id, name,
// role, gender, group, since, until (headed in any of the three
// languages). A role or a gender may be written in any of them too
// ("نائبة الرئيس", "vice-présidente", "F"). The first fault found is
// returned, as an *Error naming the line (or cell) and the column; rows are
// the rows the members came from, for placing the faults the record finds
// (Table.Explain).
func (t *Table) Members() (members []model.Member, rows []Row, err error) {
	if err := t.Columns(memberColumns); err != nil {
		return nil, nil, err
	}
	first := map[string]int{}
	for _, r := range t.Rows {
		m, key, ferr := t.member(r)
		if ferr == nil {
			if line, dup := first[m.ID]; dup {
				key, ferr = "id", model.Usage("sheet.dup_id", m.ID, line)
			}
			first[m.ID] = r.Line
		}
		if ferr != nil {
			return nil, nil, t.Fault(r, key, false, ferr)
		}
		members = append(members, m)
		rows = append(rows, r)
	}
	if len(members) == 0 {
		return nil, nil, fail(t.at(t.HeadLine, 0), "", "sheet.no_rows")
	}
	return members, rows, nil
}

// member reads one row; a fault names the column it is in.
func (t *Table) member(r Row) (model.Member, string, error) {
	var m model.Member
	m.ID, _ = t.Cell(r, "id")
	m.Name, _ = t.Cell(r, "name")
	if role, _ := t.Cell(r, "role"); role != "" {
		key, ok := report.ParseRole(role)
		if !ok {
			return m, "role", model.Usage("err.unknown_role", role, model.Phrase{Key: "report.roles_allowed"})
		}
		m.Role = key
	}
	if g, _ := t.Cell(r, "gender"); g != "" {
		key, ok := parseGender(g)
		if !ok {
			return m, "gender", model.Usage("sheet.gender", g)
		}
		m.Gender = key
	}
	m.Group, _ = t.Cell(r, "group")
	for _, d := range []struct {
		key string
		to  *string
	}{{"since", &m.Since}, {"until", &m.Until}} {
		s, number := t.Cell(r, d.key)
		day, err := t.Date(s, number)
		if err != nil {
			return m, d.key, err
		}
		*d.to = day
	}
	// The record's own checks, so that every fault of the row names its
	// line: the record names only the row.
	if _, err := model.CheckMember(m); err != nil {
		field, bare := model.SplitField(err)
		return m, field, bare
	}
	return m, "", nil
}

// genders are the ways a roster writes f or m, by their folded form.
var genders = folded(map[string]string{
	"f": model.Female, "female": model.Female, "woman": model.Female, "femme": model.Female, "feminin": model.Female,
	"أنثى": model.Female, "انثى": model.Female, "امرأة": model.Female, "امراة": model.Female, "سيدة": model.Female,
	"m": model.Male, "h": model.Male, "male": model.Male, "man": model.Male, "homme": model.Male, "masculin": model.Male,
	"ذكر": model.Male, "رجل": model.Male, "سيد": model.Male,
})

func parseGender(s string) (string, bool) {
	g, ok := genders()[headerKey(s)]
	return g, ok
}

// folded is words keyed by their folded form (headerKey): written with or
// without accents, harakat, capitals or hamza, a word reads the same. The
// folding waits for the first file read: it needs search's tables, which
// a command that reads no file should not build at its start.
func folded(words map[string]string) func() map[string]string {
	return sync.OnceValue(func() map[string]string {
		out := make(map[string]string, len(words))
		for k, v := range words {
			out[headerKey(k)] = v
		}
		return out
	})
}
