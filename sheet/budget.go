package sheet

import (
	"strconv"
	"strings"

	"github.com/jalsa-app/jalsa/model"
)

// budgetColumns are a budget's columns (SPEC §12): code, part, kind, label
// and amount, and the part's name, which a treasurer's sheet often carries
// beside each line.
var budgetColumns = []Column{
	{Key: "code", Headers: []string{"code", "rubrique", "article", "الرمز", "رمز", "الرقم", "الفصل"}, Required: true},
	{Key: "part", Headers: []string{"part", "partie", "titre", "الجزء", "جزء", "الباب"}},
	{Key: "part_name", Headers: []string{"part name", "nom de la partie", "intitulé de la partie", "libellé de la partie", "اسم الجزء", "عنوان الجزء"}},
	{Key: "kind", Headers: []string{"kind", "type", "nature", "sens", "النوع", "نوع", "الطبيعة"}, Required: true},
	{Key: "label", Headers: []string{"label", "libellé", "intitulé", "désignation", "البيان", "بيان", "العنوان", "المادة"}, Required: true},
	{Key: "amount", Headers: []string{"amount", "montant", "crédits", "المبلغ", "مبلغ", "الاعتمادات"}, Required: true},
}

// kinds are the ways a budget writes revenue or expense, folded.
var kinds = folded(map[string]string{
	"revenue": "revenue", "revenues": "revenue", "income": "revenue", "recette": "revenue", "recettes": "revenue",
	"ressource": "revenue", "ressources": "revenue", "produit": "revenue", "produits": "revenue",
	"مداخيل": "revenue", "مدخول": "revenue", "موارد": "revenue", "إيرادات": "revenue", "إيراد": "revenue", "دخل": "revenue",
	"expense": "expense", "expenses": "expense", "expenditure": "expense", "dépense": "expense", "dépenses": "expense",
	"charge": "expense", "charges": "expense",
	"مصاريف": "expense", "مصروف": "expense", "مصروفات": "expense", "نفقات": "expense", "نفقة": "expense", "تكاليف": "expense",
})

// Budget reads a budget's lines: code, part, kind, label, amount (and the
// part's name), one line a row. Amounts are read exactly: from text in any
// of the forms ParseAmount reads, from an XLSX number by its shortest
// decimal form, never through a rounding. Faults name the line and column
// ("FILE:LINE:COL: field: …") or the cell. rows are the rows the lines came
// from, for placing the faults the record finds (Table.Explain).
func (t *Table) Budget() (lines []model.BudgetLine, parts map[string]string, rows []Row, err error) {
	if err := t.Columns(budgetColumns); err != nil {
		return nil, nil, nil, err
	}
	first := map[string]int{}
	partAt := map[string]int{}
	for _, r := range t.Rows {
		l, key, ferr := t.line(r)
		if ferr == nil {
			if line, dup := first[l.Code]; dup {
				key, ferr = "code", model.Usage("sheet.dup_code", l.Code, line)
			}
			first[l.Code] = r.Line
		}
		if ferr == nil {
			if name, _ := t.Cell(r, "part_name"); name != "" {
				if parts == nil {
					parts = map[string]string{}
				}
				if was, ok := parts[l.Part]; ok && was != name {
					key, ferr = "part_name", model.Usage("sheet.part_name", l.Part, was, partAt[l.Part])
				} else if l.Part == "" {
					key, ferr = "part", model.Usage("sheet.part_missing")
				} else if !ok {
					parts[l.Part], partAt[l.Part] = name, r.Line
				}
			}
		}
		if ferr != nil {
			return nil, nil, nil, t.Fault(r, key, true, ferr)
		}
		lines = append(lines, l)
		rows = append(rows, r)
	}
	if len(lines) == 0 {
		return nil, nil, nil, fail(t.at(t.HeadLine, 0), "", "sheet.no_rows")
	}
	if _, err := model.CheckBudgetLines(lines); err != nil {
		return nil, nil, nil, t.Explain(err, rows, true)
	}
	return lines, parts, rows, nil
}

// line reads one row; a fault names the column it is in.
func (t *Table) line(r Row) (model.BudgetLine, string, error) {
	var l model.BudgetLine
	l.Code, _ = t.Cell(r, "code")
	l.Part, _ = t.Cell(r, "part")
	l.Label, _ = t.Cell(r, "label")
	k, _ := t.Cell(r, "kind")
	kind, ok := kinds()[headerKey(k)]
	if !ok {
		return l, "kind", model.Usage("sheet.kind", k)
	}
	l.Kind = kind
	s, number := t.Cell(r, "amount")
	c, err := amount(s, number)
	if err != nil {
		_, bare := model.SplitField(err)
		return l, "amount", bare
	}
	l.Amount = c
	return l, "", nil
}

// amount reads an amount from a cell: a number as an XLSX stores it (a
// binary fraction, whose shortest decimal form is what was typed), or
// text.
func amount(s string, number bool) (model.Cents, error) {
	if number {
		if f, err := strconv.ParseFloat(s, 64); err == nil {
			text := strconv.FormatFloat(f, 'f', -1, 64)
			if _, frac, ok := strings.Cut(text, "."); ok && len(frac) > 2 {
				return 0, model.Usage("amount.decimals", text)
			}
			return model.ParseAmount(text)
		}
	}
	return model.ParseAmount(s)
}
