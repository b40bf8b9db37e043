// Package sheet reads the lists a chamber keeps in spreadsheets — its
// roster of members, a budget's lines — from CSV or XLSX files, and says
// where in the file each value came from, so that every fault names the
// file and the line (CSV) or the sheet and cell (XLSX), and the column
// (SPEC §12). It reads bytes and does no other I/O.
package sheet

import (
	"archive/zip"
	"bytes"
	"encoding/csv"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"slices"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/jalsa-app/jalsa/i18n"
	"github.com/jalsa-app/jalsa/model"
	"github.com/jalsa-app/jalsa/search"
	"github.com/thedatashed/xlsxreader"
)

// Table is the rows of one sheet: a header row naming the columns, then
// the data rows, each with where it is in the file.
type Table struct {
	// File is the file's name as the user gave it; Sheet the XLSX sheet
	// ("" for CSV).
	File, Sheet string
	// Head is the header row and HeadLine its line (or row) number.
	Head     []string
	HeadLine int
	Rows     []Row
	// cols maps a column key to its index, once Columns found them.
	cols map[string]int
	// numeric says which XLSX cells hold numbers rather than text, by
	// cell name; dates and amounts are read from them as numbers.
	numeric map[string]bool
	// dateShift is how many days the workbook's dates are after what the
	// 1900 calendar makes of them (inspectWorkbook).
	dateShift int
}

// Row is one data row: its line (CSV) or row number (XLSX), and its cells.
type Row struct {
	Line  int
	Cells []string
}

// MaxRows bounds the rows a file may hold: far above a chamber's roster or
// budget, and low enough that reading it never takes unbounded memory.
const MaxRows = 200000

// Read reads the table in data: an XLSX workbook (its first sheet, or
// sheetName) or CSV text in UTF-8, comma-, semicolon- or tab-separated
// (Excel writes semicolons where the decimal separator is a comma). name
// is the file's name for messages. Empty rows are skipped; the first
// non-empty row is the header.
func Read(name string, data []byte, sheetName string) (*Table, error) {
	if bytes.HasPrefix(data, []byte("PK\x03\x04")) {
		return readXLSX(name, data, sheetName)
	}
	if sheetName != "" {
		return nil, fail(model.Where(name, 0, 0, ""), "", "sheet.csv_sheet")
	}
	return readCSV(name, data)
}

func readCSV(name string, data []byte) (*Table, error) {
	data = bytes.TrimPrefix(data, []byte("\xEF\xBB\xBF"))
	if line := firstInvalid(data); line > 0 {
		return nil, fail(model.Where(name, line, 0, ""), "", "sheet.not_utf8")
	}
	r := csv.NewReader(bytes.NewReader(data))
	r.Comma = separator(data)
	r.FieldsPerRecord = -1
	r.LazyQuotes = false
	t := &Table{File: name}
	for {
		rec, err := r.Read()
		if errors.Is(err, io.EOF) {
			break
		}
		var pe *csv.ParseError
		if errors.As(err, &pe) {
			return nil, fail(model.Where(name, pe.Line, pe.Column, ""), "", "sheet.csv_syntax", pe.Err.Error())
		}
		if err != nil {
			return nil, err
		}
		line, _ := r.FieldPos(0)
		if err := t.add(line, rec); err != nil {
			return nil, err
		}
	}
	return t, t.done()
}

// separator guesses the field separator from the first line: the one of
// comma, semicolon and tab it holds most of, outside quotes.
func separator(data []byte) rune {
	line := data
	if i := bytes.IndexByte(data, '\n'); i >= 0 {
		line = data[:i]
	}
	best, n := ',', -1
	for _, sep := range []rune{',', ';', '\t'} {
		count, quoted := 0, false
		for _, r := range string(line) {
			switch {
			case r == '"':
				quoted = !quoted
			case r == sep && !quoted:
				count++
			}
		}
		if count > n {
			best, n = sep, count
		}
	}
	return best
}

// firstInvalid is the line of the first byte that is not UTF-8, or 0.
func firstInvalid(data []byte) int {
	if utf8.Valid(data) {
		return 0
	}
	line := 1
	for len(data) > 0 {
		r, size := utf8.DecodeRune(data)
		if r == utf8.RuneError && size <= 1 {
			return line
		}
		if r == '\n' {
			line++
		}
		data = data[size:]
	}
	return line
}

func readXLSX(name string, data []byte, sheetName string) (t *Table, err error) {
	defer func() {
		// A damaged workbook is an error for the clerk, whatever the
		// reader does with it.
		if r := recover(); r != nil {
			t, err = nil, fail(model.Where(name, 0, 0, ""), "", "sheet.not_xlsx", fmt.Sprint(r))
		}
	}()
	// xlsxreader rather than excelize: excelize compiles some hundred
	// regular expressions when the program starts, which was a quarter of
	// the start of every jalsa command, lookups included.
	x, err := xlsxreader.NewReader(data)
	if err != nil {
		return nil, fail(model.Where(name, 0, 0, ""), "", "sheet.not_xlsx", err.Error())
	}
	if sheetName == "" && len(x.Sheets) > 0 {
		sheetName = x.Sheets[0]
	}
	if sheetName == "" || !slices.Contains(x.Sheets, sheetName) {
		return nil, fail(model.Where(name, 0, 0, ""), "", "sheet.no_sheet", sheetName, strings.Join(x.Sheets, ", "))
	}
	shift, err := inspectWorkbook(data)
	if err != nil {
		return nil, fail(model.Where(name, 0, 0, ""), "", "sheet.not_xlsx", err.Error())
	}
	t = &Table{File: name, Sheet: sheetName, numeric: map[string]bool{}, dateShift: shift}
	var rows []xlsxreader.Row
	for row := range x.ReadRows(sheetName) {
		rows = append(rows, row)
	}
	line := 0
	for _, row := range rows {
		// A row or a cell may leave out its place (r="7", r="B7"): it
		// then follows the one before.
		line = max(row.Index, line+1)
		if row.Error != nil {
			return nil, fail(model.Where(name, 0, 0, ""), "", "sheet.not_xlsx", row.Error.Error())
		}
		var rec []string
		for _, c := range row.Cells {
			col := len(rec)
			if c.Column != "" {
				col = c.ColumnIndex() // from 0
			}
			if col < 0 || col >= maxColumns {
				continue
			}
			for len(rec) <= col {
				rec = append(rec, "")
			}
			v := c.Value
			switch c.Type {
			case xlsxreader.TypeNumerical:
				t.numeric[cellName(col+1, line)] = v != ""
			case xlsxreader.TypeDateTime:
				// The reader writes a date cell as a day (and a time) of the
				// 1900 calendar; a workbook of the 1904 one is days later.
				if d, err := time.Parse(time.DateOnly, v[:min(len(v), len(time.DateOnly))]); err == nil {
					v = d.AddDate(0, 0, t.dateShift).Format(time.DateOnly)
				}
			}
			rec[col] = v
		}
		if err := t.add(line, rec); err != nil {
			return nil, err
		}
	}
	return t, t.done()
}

// maxColumns is the most columns a sheet has (XFD).
const maxColumns = 16384

// excelEpoch is the day before day 1 of Excel's 1900 calendar, as Excel
// counts it (it takes 1900 for a leap year, so from March 1900 on, day n
// is n days after it).
var excelEpoch = time.Date(1899, 12, 30, 0, 0, 0, 0, time.UTC)

// cellName names the cell at col (from 1) and row (from 1): "B7".
func cellName(col, row int) string {
	var letters []byte
	for ; col > 0; col = (col - 1) / 26 {
		letters = append([]byte{byte('A' + (col-1)%26)}, letters...)
	}
	return string(letters) + strconv.Itoa(row)
}

// inspectWorkbook reads every part of the workbook whole, as the reader
// does not: it ends a sheet quietly at a fault in its XML, or at the end
// of a part cut short, and an import would then take the rows before it.
// A part whose zip checksum fails or whose XML is not whole is an error.
// It also returns date1904Shift, which the reader does not give.
func inspectWorkbook(data []byte) (dateShift int, err error) {
	z, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		return 0, err
	}
	for _, f := range z.File {
		rc, err := f.Open()
		if err != nil {
			return 0, err
		}
		if strings.HasSuffix(f.Name, ".xml") || strings.HasSuffix(f.Name, ".rels") {
			err = readXML(rc, func(se xml.StartElement) {
				if f.Name == "xl/workbook.xml" && se.Name.Local == "workbookPr" && date1904(se) {
					dateShift = 1462
				}
			})
		} else {
			_, err = io.Copy(io.Discard, rc) // the checksum is checked at the end
		}
		rc.Close()
		if err != nil {
			return 0, fmt.Errorf("%s: %w", f.Name, err)
		}
	}
	return dateShift, nil
}

// readXML reads an XML document to its end, giving each start element to
// start; an element left open at the end is an error.
func readXML(r io.Reader, start func(xml.StartElement)) error {
	d := xml.NewDecoder(r)
	for {
		tok, err := d.Token()
		if err == io.EOF {
			return nil
		}
		if err != nil {
			return err
		}
		if se, ok := tok.(xml.StartElement); ok {
			start(se)
		}
	}
}

// date1904 says whether a workbook's workbookPr puts it in the 1904
// calendar (the old Excel for the Mac), whose dates are 1,462 days after
// what the 1900 calendar makes of them.
func date1904(workbookPr xml.StartElement) bool {
	for _, a := range workbookPr.Attr {
		if a.Name.Local == "date1904" {
			return a.Value == "1" || a.Value == "true"
		}
	}
	return false
}

// add appends a row read at line, the header first; empty rows are
// skipped.
func (t *Table) add(line int, cells []string) error {
	empty := true
	for _, c := range cells {
		empty = empty && strings.TrimSpace(c) == ""
	}
	if empty {
		return nil
	}
	if t.Head == nil {
		t.Head, t.HeadLine = cells, line
		return nil
	}
	if len(t.Rows) >= MaxRows {
		return fail(t.at(line, 0), "", "sheet.too_many", MaxRows)
	}
	if t.Sheet == "" && len(cells) > len(t.Head) {
		// A CSV row longer than its header has a separator too many: a
		// comma in an amount written 1 234,50 in a comma-separated file.
		for j := len(t.Head); j < len(cells); j++ {
			if strings.TrimSpace(cells[j]) != "" {
				return fail(t.at(line, j+1), "", "sheet.extra_cells", len(cells), len(t.Head))
			}
		}
	}
	t.Rows = append(t.Rows, Row{Line: line, Cells: cells})
	return nil
}

func (t *Table) done() error {
	if t.Head == nil {
		return fail(model.Where(t.File, 0, 0, ""), "", "sheet.empty")
	}
	return nil
}

// at names a place in the file: "FILE:LINE" or "FILE:LINE:COL" for CSV
// (col from 1; 0 leaves it out), "FILE: SHEET!B7" for XLSX (the row's
// first cell when col is 0).
func (t *Table) at(line, col int) string {
	if t.Sheet == "" {
		return model.Where(t.File, line, col, "")
	}
	cell := cellName(max(col, 1), line)
	return fmt.Sprintf("%s: %s!%s: ", t.File, quoteSheet(t.Sheet), cell)
}

// quoteSheet writes a sheet name as a formula would.
func quoteSheet(s string) string {
	for _, r := range s {
		if !(r == '_' || r >= '0' && r <= '9' || r >= 'A' && r <= 'Z' || r >= 'a' && r <= 'z') {
			return "'" + strings.ReplaceAll(s, "'", "''") + "'"
		}
	}
	return s
}

// Column is a column a list reads: its key (the field its faults name) and
// the headers it goes by, in English, French and Arabic.
type Column struct {
	Key      string
	Headers  []string
	Required bool
}

// Columns finds the columns in the header row. Headers are matched without
// regard to case, accents, harakat or spacing; a header no column goes by
// is ignored (a treasurer's notes), a column named twice or a required one
// missing is a fault on the header row.
func (t *Table) Columns(cols []Column) error {
	t.cols = map[string]int{}
	for i, h := range t.Head {
		k := headerKey(h)
		if k == "" {
			continue
		}
		for _, c := range cols {
			if !slices.ContainsFunc(c.Headers, func(name string) bool { return headerKey(name) == k }) {
				continue
			}
			if j, dup := t.cols[c.Key]; dup {
				return fail(t.at(t.HeadLine, i+1), "", "sheet.dup_column", strings.TrimSpace(h), j+1)
			}
			t.cols[c.Key] = i
		}
	}
	for _, c := range cols {
		if _, ok := t.cols[c.Key]; !ok && c.Required {
			var names []string
			for _, c := range cols {
				names = append(names, c.Headers[0])
			}
			return fail(t.at(t.HeadLine, 0), "", "sheet.missing_column", c.Headers[0], strings.Join(c.Headers, ", "), strings.Join(names, ","))
		}
	}
	return nil
}

// headerKey folds a header for matching.
func headerKey(s string) string {
	s = strings.NewReplacer("_", " ", "-", " ", "’", "'", "*", "").Replace(s)
	return strings.Join(strings.Fields(search.Normalize(s)), " ")
}

// Cell is the text of column key in row r, trimmed ("" when the file has no
// such column or the row stops short of it), and whether it holds a number.
func (t *Table) Cell(r Row, key string) (string, bool) {
	i, ok := t.cols[key]
	if !ok || i >= len(r.Cells) {
		return "", false
	}
	cell := ""
	if t.Sheet != "" {
		cell = cellName(i+1, r.Line)
	}
	return strings.TrimSpace(r.Cells[i]), t.numeric[cell]
}

// Has says whether the file has column key.
func (t *Table) Has(key string) bool {
	_, ok := t.cols[key]
	return ok
}

// Fault is a fault at row r, column key: "FILE:LINE: field: what", or with
// the column for lists whose faults name it, or "FILE: SHEET!C7: field:
// what" in a workbook. The field is the column as the file heads it.
func (t *Table) Fault(r Row, key string, withCol bool, err error) error {
	col := 0
	if i, ok := t.cols[key]; ok && (withCol || t.Sheet != "") {
		col = i + 1
	}
	field := key
	if i, ok := t.cols[key]; ok && i < len(t.Head) && strings.TrimSpace(t.Head[i]) != "" {
		field = strings.TrimSpace(t.Head[i])
	}
	return &Error{Place: t.at(r.Line, col), Field: field, Err: err}
}

// Explain places a *model.RowError of a command built from rows (row i is
// rows[i]) at its line and cell; any other error is returned as it is.
func (t *Table) Explain(err error, rows []Row, withCol bool) error {
	var re *model.RowError
	if !errors.As(err, &re) || re.Row < 0 || re.Row >= len(rows) {
		return err
	}
	field, bare := model.SplitField(re.Err)
	return t.Fault(rows[re.Row], field, withCol, bare)
}

// Date reads a day from a cell: YYYY-MM-DD, DD/MM/YYYY (or with dashes or
// dots), or an XLSX date (a number of days).
func (t *Table) Date(s string, number bool) (string, error) {
	if s == "" {
		return "", nil
	}
	if number {
		// A number of days since 1899-12-30, the day Excel counts from
		// (a date cell not styled as one).
		if f, err := strconv.ParseFloat(s, 64); err == nil && f >= 1 && f < 2958466 {
			return excelEpoch.AddDate(0, 0, int(f)+t.dateShift).Format(time.DateOnly), nil
		}
	}
	s = i18n.LatinDigits(s)
	for _, layout := range []string{time.DateOnly, "2006/01/02", "02/01/2006", "02-01-2006", "02.01.2006", "2/1/2006"} {
		if d, err := time.Parse(layout, s); err == nil {
			return d.Format(time.DateOnly), nil
		}
	}
	return "", model.Usage("sheet.date", s)
}

// Error is a fault in a file, at a place: "FILE:LINE: ", "FILE:LINE:COL: "
// or "FILE: SHEET!C7: ". It is a usage error (exit 2) unless the fault
// itself says otherwise (a rule of the record refusing a row: exit 3).
type Error struct {
	Place string
	Field string
	Err   error
}

func (e *Error) Error() string { return e.In("en") }

// In says the error in lang.
func (e *Error) In(lang string) string {
	var b strings.Builder
	b.WriteString(e.Place)
	if e.Field != "" {
		b.WriteString(e.Field)
		b.WriteString(": ")
	}
	b.WriteString(model.Message(e.Err, lang))
	return b.String()
}

// Unwrap returns the fault, whose kind gives the exit code.
func (e *Error) Unwrap() error { return e.Err }

// fail is a usage fault at place, on field, said by key.
func fail(place, field, key string, args ...any) error {
	return &Error{Place: place, Field: field, Err: model.Usage(key, args...)}
}
