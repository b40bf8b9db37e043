package sheet

import (
	"archive/zip"
	"bytes"
	"errors"
	"fmt"
	"io"
	"regexp"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/jalsa-app/jalsa/i18n"
	"github.com/jalsa-app/jalsa/model"
	"github.com/xuri/excelize/v2"
	"pgregory.net/rapid"
)

// workbook builds an XLSX workbook with one sheet of rows; a cell that is a
// float64 is a number, any other a text.
func workbook(t testing.TB, sheet string, rows [][]any) []byte {
	t.Helper()
	f := excelize.NewFile()
	defer f.Close()
	if sheet != "Sheet1" {
		if err := f.SetSheetName("Sheet1", sheet); err != nil {
			t.Fatal(err)
		}
	}
	for i, r := range rows {
		for j, v := range r {
			cell, _ := excelize.CoordinatesToCellName(j+1, i+1)
			if err := f.SetCellValue(sheet, cell, v); err != nil {
				t.Fatal(err)
			}
		}
	}
	var buf bytes.Buffer
	if err := f.Write(&buf); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

func members(t *testing.T, name, data, sheet string) ([]model.Member, error) {
	t.Helper()
	tb, err := Read(name, []byte(data), sheet)
	if err != nil {
		return nil, err
	}
	m, _, err := tb.Members()
	return m, err
}

func TestMembersFromCSV(t *testing.T) {
	for _, tc := range []struct{ name, data string }{
		{"english", "id,name,role,gender,group,since,until\nm01,ناجي الفخاري,president,m,فاس,2021-09-01,\nm03,خديجة العمراني,vice-president,f,مكناس,,\n"},
		{"french, semicolons, a byte-order mark", "\uFEFFIdentifiant;Nom;Fonction;Sexe;Groupe;Depuis;Fin\nm01;ناجي الفخاري;Président;H;فاس;01/09/2021;\nm03;خديجة العمراني;vice-présidente;F;مكناس;;\n"},
		{"arabic, tabs, crlf", "المعرف\tالاسم\tالصفة\tالجنس\tالمجموعة\tمنذ\r\nm01\tناجي الفخاري\tالرئيس\tذكر\tفاس\t٢٠٢١-٠٩-٠١\r\nm03\tخديجة العمراني\tنائبة الرئيس\tأنثى\tمكناس\t\r\n"},
		{"columns in another order, an extra one, empty rows", "name,notes,id,role,gender,group,since\n\nناجي الفخاري,x,m01,president,m,فاس,2021-09-01\n,,,,,,\nخديجة العمراني,,m03,Vice President,f,مكناس,\n"},
	} {
		got, err := members(t, "roster.csv", tc.data, "")
		if err != nil {
			t.Errorf("%s: %v", tc.name, err)
			continue
		}
		want := []model.Member{
			{ID: "m01", Name: "ناجي الفخاري", Role: "president", Gender: "m", Group: "فاس", Since: "2021-09-01"},
			{ID: "m03", Name: "خديجة العمراني", Role: "vice-president", Gender: "f", Group: "مكناس"},
		}
		if len(got) != 2 || got[0] != want[0] || got[1] != want[1] {
			t.Errorf("%s:\n got %+v\nwant %+v", tc.name, got, want)
		}
	}
}

func TestMembersFromXLSX(t *testing.T) {
	data := workbook(t, "Membres", [][]any{
		{"id", "nom", "fonction", "genre", "groupe", "depuis"},
		{"m01", "ناجي الفخاري", "president", "m", "فاس", 44440.0}, // 2021-09-01 as Excel counts days
		{},
		{"m02", "عبد الرحيم الصفريوي", "نائب الرئيس", "m", "صفرو", "2021-09-01"},
	})
	tb, err := Read("liste.xlsx", data, "")
	if err != nil {
		t.Fatal(err)
	}
	got, rows, err := tb.Members()
	if err != nil {
		t.Fatal(err)
	}
	if len(got) != 2 || got[0].Since != "2021-09-01" || got[1].Role != "vice-president" || rows[1].Line != 4 {
		t.Errorf("members %+v from rows %+v", got, rows)
	}
	if _, err := Read("liste.xlsx", data, "Feuil2"); err == nil || err.Error() != `liste.xlsx: no sheet "Feuil2" (the workbook has: Membres)` {
		t.Errorf("a sheet the workbook lacks: %v", err)
	}
	bad := workbook(t, "Membres", [][]any{{"id", "name", "role"}, {"m01", "A", "president"}, {"m02", "B", "king"}})
	if _, err := members(t, "liste.xlsx", string(bad), ""); err == nil || !strings.HasPrefix(err.Error(), `liste.xlsx: Membres!C3: role: "king" is not a role`) {
		t.Errorf("a bad role in a workbook: %v", err)
	}
}

// Every fault of a roster names the file, the line and the column as the
// file heads it, in the reader's language, and is a usage error.
func TestMemberFaults(t *testing.T) {
	for _, tc := range []struct{ data, want string }{
		{"id,name,role\nm01,A,president\nm02,B,presdent\n", `roster.csv:3: role: "presdent" is not a role: allowed are president, vice-president, secretary, deputy secretary, treasurer, deputy treasurer, member`},
		{"id,name\nm01,A\nm01,B\n", `roster.csv:3: id: member "m01" is already on line 2`},
		{"id,name\nm 1,A\n", `roster.csv:2: id: "m 1" is not an id`},
		{"id,name,gender\nm01,A,x\n", `roster.csv:2: gender: "x" is not a gender: write f or m`},
		{"id,nom,depuis,fin\nm01,A,2025-02-01,2025-01-01\n", `roster.csv:2: fin: a departure on 2025-01-01 comes before m01's arrival on 2025-02-01`},
		{"id,name,since\nm01,A,31/02/2025\n", `roster.csv:2: since: "31/02/2025" is not a date`},
		{"id,name\nm01,\n", `roster.csv:2: name: must not be empty`},
		{"id,role\nm01,president\n", `roster.csv:1: no column name (headed name, nom, `},
		{"id,name,name\n", `roster.csv:1:3: column "name" comes twice (first in column 2)`},
		{"id,name\n", `roster.csv:1: no rows under the header`},
		{"", `roster.csv: the file is empty`},
		{"id,name\nm01,\"A\n", `roster.csv:2:`},
		{"id,name\nm01,\xff\n", `roster.csv:2: not UTF-8 text`},
	} {
		_, err := members(t, "roster.csv", tc.data, "")
		if err == nil || !strings.HasPrefix(err.Error(), tc.want) {
			t.Errorf("%q:\n got %v\nwant %s…", tc.data, err, tc.want)
			continue
		}
		if model.ExitCode(err) != 2 {
			t.Errorf("%q: exit %d, want 2", tc.data, model.ExitCode(err))
		}
	}
	_, err := members(t, "liste.csv", "id,nom,fonction\nm01,A,roi\n", "")
	if got := model.Message(err, "fr"); !strings.HasPrefix(got, `liste.csv:2: fonction: "roi" n'est pas une fonction`) {
		t.Errorf("in French: %s", got)
	}
	if got := model.Message(err, "ar"); !strings.HasPrefix(got, `liste.csv:2: fonction: "roi" ليست صفة`) {
		t.Errorf("in Arabic: %s", got)
	}
}

func budget(t *testing.T, name string, data []byte) ([]model.BudgetLine, map[string]string, error) {
	t.Helper()
	tb, err := Read(name, data, "")
	if err != nil {
		return nil, nil, err
	}
	l, p, _, err := tb.Budget()
	return l, p, err
}

func TestBudgetFromCSVAndXLSX(t *testing.T) {
	csv := "code;part;nom de la partie;nature;libellé;montant\n" +
		"I.1.1;1;مداخيل التسيير;recette;حصة الغرفة;4\u202f800\u202f000,00\n" +
		"I.1.2;1;مداخيل التسيير;recette;إعانة الدولة;2 350 000,5\n" +
		"II.1.1;2;مصاريف التسيير;dépense;الأجور;7150000.50\n"
	xlsx := workbook(t, "الميزانية", [][]any{
		{"الرمز", "الجزء", "اسم الجزء", "النوع", "البيان", "المبلغ"},
		{"I.1.1", 1.0, "مداخيل التسيير", "مداخيل", "حصة الغرفة", 4800000.0},
		{"I.1.2", 1.0, "مداخيل التسيير", "مداخيل", "إعانة الدولة", 2350000.5},
		{"II.1.1", 2.0, "مصاريف التسيير", "مصاريف", "الأجور", "7 150 000,50"},
	})
	for name, data := range map[string][]byte{"budget.csv": []byte(csv), "budget.xlsx": xlsx} {
		lines, parts, err := budget(t, name, data)
		if err != nil {
			t.Errorf("%s: %v", name, err)
			continue
		}
		want := []model.BudgetLine{
			{Code: "I.1.1", Part: "1", Kind: "revenue", Label: "حصة الغرفة", Amount: 480000000},
			{Code: "I.1.2", Part: "1", Kind: "revenue", Label: "إعانة الدولة", Amount: 235000050},
			{Code: "II.1.1", Part: "2", Kind: "expense", Label: "الأجور", Amount: 715000050},
		}
		for i := range want {
			if i >= len(lines) || lines[i].Code != want[i].Code || lines[i].Part != want[i].Part || lines[i].Kind != want[i].Kind ||
				lines[i].Label != want[i].Label || lines[i].Amount != want[i].Amount {
				t.Errorf("%s line %d: %+v, want %+v", name, i+1, lines, want[i])
				break
			}
		}
		if parts["1"] != "مداخيل التسيير" || parts["2"] != "مصاريف التسيير" {
			t.Errorf("%s: parts %v", name, parts)
		}
	}
}

func TestBudgetFaults(t *testing.T) {
	head := "code,part,kind,label,amount\n"
	for _, tc := range []struct{ data, want string }{
		{head + "A1,1,revenue,L,\"1 234,5678\"\n", `budget.csv:2:5: amount: "1 234,5678" has more than two decimals`},
		{head + "A1,1,revenue,L,1 234,56\n", `budget.csv:2:6: more cells (6) than the first row names columns (5)`},
		{head + "A1,1,revenue,L,\"1,234\"\n", `budget.csv:2:5: amount: "1,234" is ambiguous`},
		{head + "A1,1,revenue,L,12 34\n", `budget.csv:2:5: amount: "12 34": digits are grouped by three`},
		{head + "A1,1,revenue,L,-5\n", `budget.csv:2:5: amount: "-5" is negative`},
		{head + "A1,1,income tax,L,5\n", `budget.csv:2:3: kind: "income tax" is neither revenue nor expense`},
		{head + "A1,1,revenue,,5\n", `budget.csv:2:4: label: must not be empty`},
		{head + "A1,1,revenue,L,5\nA1,1,expense,L,5\n", `budget.csv:3:1: code: line code "A1" is already on line 2`},
		{head + "A 1,1,revenue,L,5\n", `budget.csv:2:1: code: "A 1" is not an id`},
		{"code,part,part name,kind,label,amount\nA1,1,X,revenue,L,5\nB1,1,Y,expense,L,5\n", `budget.csv:3:3: part name: part "1" is already named "X" (line 2)`},
		{"code,kind,label\nA1,revenue,L\n", `budget.csv:1: no column amount`},
	} {
		_, _, err := budget(t, "budget.csv", []byte(tc.data))
		if err == nil || !strings.HasPrefix(err.Error(), tc.want) {
			t.Errorf("%q:\n got %v\nwant %s…", tc.data, err, tc.want)
		}
	}
	xlsx := workbook(t, "Budget 2025", [][]any{{"code", "kind", "label", "amount"}, {"A1", "revenue", "L", 5.0}, {"B1", "expense", "L", 1.005}})
	if _, _, err := budget(t, "b.xlsx", xlsx); err == nil || !strings.HasPrefix(err.Error(), `b.xlsx: 'Budget 2025'!D3: amount: "1.005" has more than two decimals`) {
		t.Errorf("an XLSX amount with three decimals: %v", err)
	}
}

// Whatever a CSV file holds, reading it as a roster or a budget gives rows
// or one *Error that names the file first: never a panic, never an error
// without its place.
func TestAnyFileIsReadOrPlaced(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		cell := rapid.SampledFrom([]string{"id", "name", "role", "code", "kind", "label", "amount", "m1", "A", "president", "revenue",
			"1 234,50", "1,234", "", "\"", "x\ny", "نائبة الرئيس", "-1", "2025-01-01", "f", "\xff"})
		var b strings.Builder
		for range rapid.IntRange(0, 6).Draw(t, "rows") {
			for j := range rapid.IntRange(1, 6).Draw(t, "cols") {
				if j > 0 {
					b.WriteString(rapid.SampledFrom([]string{",", ";"}).Draw(t, "sep"))
				}
				b.WriteString(cell.Draw(t, "cell"))
			}
			b.WriteString("\n")
		}
		for _, read := range []func(*Table) error{
			func(tb *Table) error { _, _, err := tb.Members(); return err },
			func(tb *Table) error { _, _, _, err := tb.Budget(); return err },
		} {
			tb, err := Read("f.csv", []byte(b.String()), "")
			if err == nil {
				err = read(tb)
			}
			if err == nil {
				continue
			}
			var se *Error
			if !errors.As(err, &se) || !strings.HasPrefix(se.Place, "f.csv") {
				t.Fatalf("%q: %v is not placed in the file", b.String(), err)
			}
			for _, lang := range i18n.Languages {
				if msg := model.Message(err, lang); strings.Contains(msg, "%!") {
					t.Fatalf("%q: a malformed message in %s: %s", b.String(), lang, msg)
				}
			}
		}
	})
}

// A member's dates come out the same however the workbook holds them: a
// cell styled as a date, a plain number of days, a text; and in a workbook
// of the 1904 calendar (the old Excel for the Mac) as in one of 1900.
func TestXLSXDates(t *testing.T) {
	day := time.Date(2021, 9, 1, 0, 0, 0, 0, time.UTC)
	for _, cal := range []bool{false, true} {
		f := excelize.NewFile()
		if err := f.SetWorkbookProps(&excelize.WorkbookPropsOptions{Date1904: &cal}); err != nil {
			t.Fatal(err)
		}
		serial := 44440.0 // 2021-09-01 in the 1900 calendar
		if cal {
			serial -= 1462
		}
		rows := [][]any{{"id", "name", "role", "since"}, {"m01", "A", "president", day}, {"m02", "B", "member", serial}, {"m03", "C", "member", "01/09/2021"}}
		for i, r := range rows {
			for j, v := range r {
				if err := f.SetCellValue("Sheet1", cellName(j+1, i+1), v); err != nil {
					t.Fatal(err)
				}
			}
		}
		var buf bytes.Buffer
		if err := f.Write(&buf); err != nil {
			t.Fatal(err)
		}
		got, err := members(t, "dates.xlsx", buf.String(), "")
		if err != nil {
			t.Fatalf("1904 calendar %v: %v", cal, err)
		}
		for _, m := range got {
			if m.Since != "2021-09-01" {
				t.Errorf("1904 calendar %v: %s since %q, want 2021-09-01", cal, m.ID, m.Since)
			}
		}
	}
}

// Cells are named as a formula names them, past Z and AZ too.
func TestCellName(t *testing.T) {
	for _, tc := range []struct {
		col, row int
		want     string
	}{{1, 1, "A1"}, {26, 7, "Z7"}, {27, 2, "AA2"}, {52, 3, "AZ3"}, {53, 4, "BA4"}, {702, 5, "ZZ5"}, {703, 6, "AAA6"}, {16384, 1, "XFD1"}} {
		if got := cellName(tc.col, tc.row); got != tc.want {
			t.Errorf("cellName(%d, %d) = %q, want %q", tc.col, tc.row, got, tc.want)
		}
	}
}

// A damaged workbook (any byte of a real one changed, or the file cut
// short) is refused with an error that names the file, never a panic.
func TestDamagedWorkbook(t *testing.T) {
	good := workbook(t, "Membres", [][]any{{"id", "name", "role"}, {"m01", "A", "president"}, {"m02", "B", "member"}})
	rapid.Check(t, func(t *rapid.T) {
		data := slices.Clone(good)
		if rapid.Bool().Draw(t, "cut") {
			data = data[:rapid.IntRange(0, len(data)-1).Draw(t, "at")]
		} else {
			for range rapid.IntRange(1, 8).Draw(t, "changes") {
				data[rapid.IntRange(0, len(data)-1).Draw(t, "i")] = rapid.Byte().Draw(t, "b")
			}
		}
		tb, err := Read("liste.xlsx", data, "")
		if err == nil {
			_, _, err = tb.Members()
		}
		var se *Error
		if err != nil && (!errors.As(err, &se) || !strings.HasPrefix(se.Place, "liste.xlsx")) {
			t.Fatalf("%v is not placed in the file", err)
		}
	})
}

// rewritten is the workbook data with each part passed through edit,
// zipped again; sheet parts are those under xl/worksheets/.
func rewritten(data []byte, edit func(name string, part []byte) []byte) ([]byte, error) {
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		return nil, err
	}
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	for _, f := range zr.File {
		rc, err := f.Open()
		if err != nil {
			return nil, err
		}
		part, err := io.ReadAll(rc)
		rc.Close()
		if err != nil {
			return nil, err
		}
		w, err := zw.Create(f.Name)
		if err != nil {
			return nil, err
		}
		if _, err := w.Write(edit(f.Name, part)); err != nil {
			return nil, err
		}
	}
	err = zw.Close()
	return buf.Bytes(), err
}

func isSheet(name string) bool { return strings.HasPrefix(name, "xl/worksheets/") }

// A workbook whose zip is whole but whose sheet is cut short anywhere (a
// copy stopped half-way, then zipped again) is refused, never read as the
// rows before the cut: an import takes a whole file or nothing.
func TestWorkbookWithASheetCutShort(t *testing.T) {
	rows := [][]any{{"id", "name", "role"}}
	for i := range 40 {
		rows = append(rows, []any{fmt.Sprintf("m%02d", i), fmt.Sprintf("عضو %d", i), "member"})
	}
	good := workbook(t, "Membres", rows)
	var whole int
	if _, err := rewritten(good, func(name string, part []byte) []byte {
		if isSheet(name) {
			whole = len(part)
		}
		return part
	}); err != nil {
		t.Fatal(err)
	}
	rapid.Check(t, func(t *rapid.T) {
		cut := rapid.IntRange(whole/3, whole-2).Draw(t, "cut")
		data, err := rewritten(good, func(name string, part []byte) []byte {
			if isSheet(name) {
				return part[:cut]
			}
			return part
		})
		if err != nil {
			t.Fatal(err)
		}
		tb, err := Read("liste.xlsx", data, "")
		if err == nil {
			m, _, merr := tb.Members()
			t.Fatalf("a sheet cut at byte %d of %d read as %d members (error %v)", cut, whole, len(m), merr)
		}
		var se *Error
		if !errors.As(err, &se) || !strings.HasPrefix(se.Place, "liste.xlsx") {
			t.Fatalf("%v is not placed in the file", err)
		}
	})
}

// Rows and cells that leave out their place (r="3", r="B3"), as some
// writers do, follow the ones before them: the same members, and a fault
// named at the same cell.
func TestWorkbookWithoutPlaces(t *testing.T) {
	places := regexp.MustCompile(` r="[A-Z]*[0-9]+"`)
	bare := func(data []byte) []byte {
		out, err := rewritten(data, func(name string, part []byte) []byte {
			if isSheet(name) {
				return places.ReplaceAll(part, nil)
			}
			return part
		})
		if err != nil {
			t.Fatal(err)
		}
		return out
	}
	good := workbook(t, "Membres", [][]any{{"id", "name", "role"}, {"m01", "A", "president"}, {"m02", "B", "member"}})
	got, err := members(t, "liste.xlsx", string(bare(good)), "")
	if err != nil || len(got) != 2 || got[1].ID != "m02" || got[1].Name != "B" {
		t.Errorf("members %+v, %v", got, err)
	}
	bad := workbook(t, "Membres", [][]any{{"id", "name", "role"}, {"m01", "A", "president"}, {"m02", "B", "king"}})
	if _, err := members(t, "liste.xlsx", string(bare(bad)), ""); err == nil || !strings.HasPrefix(err.Error(), `liste.xlsx: Membres!C3: role: "king" is not a role`) {
		t.Errorf("a bad role in a workbook without places: %v", err)
	}
}
