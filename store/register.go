package store

import (
	"bufio"
	"bytes"
	"encoding/csv"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"slices"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/jalsa-app/jalsa/i18n"
	"github.com/jalsa-app/jalsa/model"
	"github.com/jalsa-app/jalsa/search"
	bolt "go.etcd.io/bbolt"
	"golang.org/x/text/unicode/norm"
)

// The past register is the decisions a chamber took before it used jalsa,
// loaded with `jalsa import-decisions`. Each import is a series of register
// events (RegisterChunk rows each) in the hash-chained log, so export,
// import and verify treat it like the rest of the record. The rows are not
// in the state, which would otherwise load them all to open the file: they
// are read in place from their events (registerrows.go), and written in
// batches (importer.go).

// RegisterChunk is the most rows one register event holds: a 100,000-row
// register makes a hundred events of about a megabyte, not one of a hundred.
const RegisterChunk = 1000

// RowError is a bad row of a register file: FILE:LINE: FIELD: why. Line is
// 0 for the file as a whole, Field "" for the row as a whole.
type RowError struct {
	File  string
	Line  int
	Field string
	Err   *model.Error
}

// Error says the problem in English.
func (e *RowError) Error() string { return e.In("en") }

// In says the problem in lang.
func (e *RowError) In(lang string) string {
	return model.Where(e.File, e.Line, 0, e.Field) + e.Err.In(lang)
}

// RegisterRow is one row read from a register file and where it was.
type RegisterRow struct {
	Line     int
	Decision model.Decision
}

// registerFields are the fields a row may have: those of `decisions --json`.
// The last three are structured and come only in JSON.
var registerFields = []string{"ref", "session", "session_title", "date", "item", "line", "title", "kind", "outcome",
	"for", "against", "abstain", "present", "seats", "rule", "explanation", "text", "notes", "amount", "named", "corrections"}

var registerRequired = []string{"ref", "date", "title", "outcome"}

const csvFieldCount = 19 // registerFields without named and corrections

// ReadRegister reads a register file: CSV with a header row (comma,
// semicolon or tab separated, as spreadsheets write it), JSON lines, or a
// JSON array such as `jalsa decisions --json` prints. It returns the good
// rows, each checked and completed (session, item and line from the ref;
// kind "other" when not given; text in NFC), and the bad ones. A row whose
// ref is given twice is bad the second time. err is a problem with the
// file as a whole (empty, bad header, broken syntax), after which nothing
// can be trusted.
func ReadRegister(name string, r io.Reader) (rows []RegisterRow, bad []*RowError, err error) {
	br := bufio.NewReaderSize(r, 1<<16)
	if bom, _ := br.Peek(3); bytes.Equal(bom, []byte("\xEF\xBB\xBF")) {
		br.Discard(3)
	}
	first, err := firstByte(br)
	if err != nil {
		return nil, nil, &RowError{File: name, Err: usage("store.register_empty_file")}
	}
	rr := &registerReader{name: name, seen: map[string]int{}}
	switch first {
	case '{':
		err = rr.jsonLines(br)
	case '[':
		err = rr.jsonArray(br)
	default:
		err = rr.csv(br)
	}
	if err != nil {
		return nil, nil, err
	}
	if len(rr.rows)+len(rr.bad) == 0 {
		return nil, nil, &RowError{File: name, Err: usage("store.register_no_rows")}
	}
	return rr.rows, rr.bad, nil
}

func usage(key string, args ...any) *model.Error { return model.Usage(key, args...).(*model.Error) }

func firstByte(br *bufio.Reader) (byte, error) {
	for {
		c, err := br.ReadByte()
		if err != nil {
			return 0, err
		}
		if c != ' ' && c != '\t' && c != '\r' && c != '\n' {
			return c, br.UnreadByte()
		}
	}
}

type registerReader struct {
	name string
	rows []RegisterRow
	bad  []*RowError
	seen map[string]int // ref → line
}

// value is one field as read: text, or for JSON the raw value.
type value struct {
	text string
	raw  json.RawMessage // set for JSON
}

func (rr *registerReader) fail(line int, field string, err *model.Error) {
	rr.bad = append(rr.bad, &RowError{File: rr.name, Line: line, Field: field, Err: err})
}

func (rr *registerReader) csv(br *bufio.Reader) error {
	head, _ := br.Peek(4096)
	line, _, _ := bytes.Cut(head, []byte{'\n'})
	cr := csv.NewReader(br)
	cr.Comma = ','
	if n := bytes.Count(line, []byte{';'}); n > bytes.Count(line, []byte{','}) {
		cr.Comma = ';'
	}
	if n := bytes.Count(line, []byte{'\t'}); n > bytes.Count(line, []byte(string(cr.Comma))) {
		cr.Comma = '\t'
	}
	cr.FieldsPerRecord = -1
	header, err := cr.Read()
	if err != nil {
		return rr.csvError(err)
	}
	cols := make([]string, len(header))
	for i, h := range header {
		h = strings.ToLower(strings.TrimSpace(h))
		cols[i] = h
		switch j := slices.Index(registerFields, h); {
		case j < 0 || j >= csvFieldCount:
			return &RowError{File: rr.name, Line: 1, Field: fmt.Sprintf("%q", header[i]),
				Err: usage("store.register_column", strings.Join(registerFields[:csvFieldCount], ", "))}
		case slices.Index(cols[:i], h) >= 0:
			return &RowError{File: rr.name, Line: 1, Field: h, Err: usage("store.register_column_twice")}
		}
	}
	for _, req := range registerRequired {
		if !slices.Contains(cols, req) {
			return &RowError{File: rr.name, Line: 1, Field: req, Err: usage("store.register_column_missing")}
		}
	}
	for {
		rec, err := cr.Read()
		if err == io.EOF {
			return nil
		}
		if err != nil {
			return rr.csvError(err)
		}
		line, _ := cr.FieldPos(0)
		if len(rec) != len(cols) {
			rr.fail(line, "", usage("store.register_field_count", len(rec), len(cols)))
			continue
		}
		fields := make(map[string]value, len(cols))
		for i, c := range cols {
			fields[c] = value{text: rec[i]}
		}
		rr.add(line, fields)
	}
}

func (rr *registerReader) csvError(err error) error {
	var pe *csv.ParseError
	if errors.As(err, &pe) {
		return &RowError{File: rr.name, Line: pe.Line, Err: usage("store.register_csv", pe.Err.Error())}
	}
	return &RowError{File: rr.name, Err: usage("store.register_read", err.Error())}
}

func (rr *registerReader) jsonLines(br *bufio.Reader) error {
	for line := 1; ; line++ {
		text, err := br.ReadBytes('\n')
		if err != nil && err != io.EOF {
			return &RowError{File: rr.name, Line: line, Err: usage("store.register_read", err.Error())}
		}
		if t := bytes.TrimSpace(text); len(t) > 0 {
			rr.addJSON(line, t)
		}
		if err == io.EOF {
			return nil
		}
	}
}

// jsonArray reads one JSON array of rows, giving each the line where it
// starts.
func (rr *registerReader) jsonArray(br *bufio.Reader) error {
	data, err := io.ReadAll(br)
	if err != nil {
		return &RowError{File: rr.name, Err: usage("store.register_read", err.Error())}
	}
	dec := json.NewDecoder(bytes.NewReader(data))
	lineAt := func(off int64) int {
		for off < int64(len(data)) && strings.IndexByte(" \t\r\n,[", data[off]) >= 0 {
			off++
		}
		return 1 + bytes.Count(data[:off], []byte{'\n'})
	}
	if _, err := dec.Token(); err != nil {
		return rr.jsonError(lineAt(dec.InputOffset()), err)
	}
	for dec.More() {
		line := lineAt(dec.InputOffset())
		var raw json.RawMessage
		if err := dec.Decode(&raw); err != nil {
			return rr.jsonError(line, err)
		}
		rr.addJSON(line, raw)
	}
	if _, err := dec.Token(); err != nil {
		return rr.jsonError(lineAt(dec.InputOffset()), err)
	}
	return nil
}

func (rr *registerReader) jsonError(line int, err error) error {
	return &RowError{File: rr.name, Line: line, Err: usage("store.register_json", err.Error())}
}

func (rr *registerReader) addJSON(line int, raw []byte) {
	var obj map[string]json.RawMessage
	if err := json.Unmarshal(raw, &obj); err != nil {
		rr.fail(line, "", usage("store.register_json", err.Error()))
		return
	}
	fields := make(map[string]value, len(obj))
	for k, v := range obj {
		if !slices.Contains(registerFields, k) {
			rr.fail(line, fmt.Sprintf("%q", k), usage("store.register_field", strings.Join(registerFields, ", ")))
			return
		}
		val := value{raw: v}
		switch v[0] {
		case '"':
			if err := json.Unmarshal(v, &val.text); err != nil {
				rr.fail(line, k, usage("store.register_json", err.Error()))
				return
			}
		case 'n': // null
		case '{', '[', 't', 'f':
		default: // a number
			val.text = string(v)
		}
		fields[k] = val
	}
	rr.add(line, fields)
}

// add builds, completes and checks one row.
func (rr *registerReader) add(line int, fields map[string]value) {
	d, field, err := buildRow(fields)
	if err == nil {
		field, err = checkRow(d)
	}
	if err != nil {
		rr.fail(line, field, err)
		return
	}
	if first, ok := rr.seen[d.Ref]; ok {
		rr.fail(line, "ref", usage("store.register_ref_twice", d.Ref, first))
		return
	}
	rr.seen[d.Ref] = line
	rr.rows = append(rr.rows, RegisterRow{Line: line, Decision: d})
}

func checkRow(d model.Decision) (string, *model.Error) {
	field, err := model.CheckRegisterRow(d)
	if err == nil {
		return "", nil
	}
	var me *model.Error
	if errors.As(err, &me) {
		return field, me
	}
	return field, usage("store.register_read", err.Error())
}

// buildRow turns the fields of a row into a decision, so that a register
// typed by hand reads as it was meant: text in NFC, numbers and dates with
// any digits, names of outcomes, kinds and rules in any case.
func buildRow(fields map[string]value) (model.Decision, string, *model.Error) {
	var d model.Decision
	text := func(name string) string { return norm.NFC.String(strings.TrimSpace(fields[name].text)) }
	// Numbers and dates may come in Arabic-Indic digits; names of outcomes,
	// kinds and rules in any case.
	digits := func(name string) string { return search.Normalize(strings.TrimSpace(fields[name].text)) }
	word := func(name string) string { return strings.ToLower(strings.TrimSpace(fields[name].text)) }
	for _, f := range registerFields[:csvFieldCount] {
		v := fields[f]
		if len(v.raw) > 0 && strings.IndexByte("{[tf", v.raw[0]) >= 0 && f != "notes" {
			return d, f, usage("store.register_scalar")
		}
		if !utf8.ValidString(v.text) {
			return d, f, usage("model.register_utf8")
		}
	}
	d.Ref = strings.TrimSpace(fields["ref"].text)
	d.Session = strings.TrimSpace(fields["session"].text)
	d.SessionTitle = text("session_title")
	d.Date = digits("date")
	d.Line = strings.TrimSpace(fields["line"].text)
	d.Title = text("title")
	d.Kind = word("kind")
	d.Outcome = model.Outcome(word("outcome"))
	d.Rule = word("rule")
	d.Explanation = text("explanation")
	d.Text = norm.NFC.String(strings.TrimRight(fields["text"].text, " \t\r\n"))
	for _, n := range []struct {
		name string
		to   *int
	}{{"item", &d.Item}, {"for", &d.For}, {"against", &d.Against}, {"abstain", &d.Abstain}, {"present", &d.Present}, {"seats", &d.Seats}} {
		v := digits(n.name)
		if v == "" {
			continue
		}
		i, err := strconv.Atoi(v)
		if err != nil {
			return d, n.name, usage("store.register_number", fields[n.name].text)
		}
		*n.to = i
	}
	if v := fields["amount"]; strings.TrimSpace(v.text) != "" {
		c, err := model.ParseCents(digits("amount"))
		if err != nil {
			return d, "amount", usage("store.register_amount", v.text)
		}
		d.Amount = &c
	}
	if v, ok := fields["notes"]; ok {
		switch {
		case v.raw != nil && v.raw[0] == '[':
			if err := json.Unmarshal(v.raw, &d.Notes); err != nil {
				return d, "notes", usage("store.register_notes")
			}
			for i := range d.Notes {
				d.Notes[i].Text = norm.NFC.String(d.Notes[i].Text)
			}
		case strings.TrimSpace(v.text) != "":
			d.Notes = []model.Note{{Text: norm.NFC.String(strings.TrimSpace(v.text))}}
		case v.raw != nil && v.raw[0] != 'n' && v.raw[0] != '"':
			return d, "notes", usage("store.register_notes")
		}
	}
	if v, ok := fields["named"]; ok && v.raw != nil && v.raw[0] != 'n' {
		if err := json.Unmarshal(v.raw, &d.Named); err != nil {
			return d, "named", usage("store.register_named")
		}
	}
	if v, ok := fields["corrections"]; ok && v.raw != nil && v.raw[0] != 'n' {
		if err := json.Unmarshal(v.raw, &d.Corrections); err != nil {
			return d, "corrections", usage("store.register_corrections")
		}
	}
	// What the ref says need not be repeated.
	if session, item, line, ok := model.SplitRef(d.Ref); ok {
		if d.Session == "" {
			d.Session = session
		}
		if d.Item == 0 && strings.TrimSpace(fields["item"].text) == "" {
			d.Item = item
		}
		if d.Line == "" {
			d.Line = line
		}
	}
	if d.Kind == "" {
		d.Kind = model.KindOther
	}
	return d, "", nil
}

// RegisterOptions tune ImportRegister.
type RegisterOptions struct {
	// SkipBad imports the good rows when some are bad; otherwise one bad row
	// stops the import and nothing is written.
	SkipBad bool
	// Progress, when set, is told how many rows of total are indexed, from
	// inside the write.
	Progress func(done, total int)
}

// RegisterReport is what ImportRegister did.
type RegisterReport struct {
	Imported int
	// Bad lists the bad rows in file order.
	Bad []*RowError
}

// importRegisterEvents writes the register pointers and index entries of
// the register events among events, already stored in tx, for
// Store.Import.
func importRegisterEvents(tx *bolt.Tx, events []model.Event) error {
	reg := registerBucket(tx)
	w, err := newIndexWriter(tx)
	if err != nil {
		return err
	}
	for _, ev := range events {
		if ev.Type != (&model.RegisterCmd{}).Type() {
			continue
		}
		raw := tx.Bucket(bucketEvents).Get(seqKey(ev.Seq))
		spans, err := registerRows(raw)
		if err != nil {
			return fmt.Errorf("event %d: %w", ev.Seq, err)
		}
		for _, sp := range spans {
			var d model.Decision
			if err := json.Unmarshal(raw[sp.off:sp.off+sp.n], &d); err != nil {
				return fmt.Errorf("event %d: %w", ev.Seq, err)
			}
			if reg.Get([]byte(d.Ref)) != nil {
				return fmt.Errorf("event %d registers %s a second time", ev.Seq, d.Ref)
			}
			if err := reg.Put([]byte(d.Ref), sp.pointer(ev.Seq)); err != nil {
				return err
			}
			if _, err := w.put(registerDoc(d)); err != nil {
				return err
			}
		}
	}
	return w.flush()
}

// verifyRegister checks that the register's pointers are exactly the rows
// of the register events, each once, and that the import under way, if
// any, names events of the register.
func verifyRegister(tx *bolt.Tx) error {
	reg := tx.Bucket(bucketRegister)
	marker, err := readImportMarker(tx)
	if err != nil {
		return &VerifyError{Msg: err.Error()}
	}
	seen := map[string]bool{}
	err = forEachRegisterRow(tx, func(seq uint64, sp rowSpan, d model.Decision) error {
		if seen[d.Ref] {
			return &VerifyError{Seq: seq, Msg: fmt.Sprintf("past register: %s is registered a second time", d.Ref)}
		}
		seen[d.Ref] = true
		v := reg.Get([]byte(d.Ref))
		if v == nil {
			return &VerifyError{Seq: seq, Msg: fmt.Sprintf("past register: %s is in the events but not in the register (jalsa verify --repair-index rebuilds it)", d.Ref)}
		}
		if !bytes.Equal(v, sp.pointer(seq)) {
			return &VerifyError{Seq: seq, Msg: fmt.Sprintf("past register: the register does not point to %s where the event holds it (jalsa verify --repair-index rebuilds it)", d.Ref)}
		}
		return nil
	})
	if err != nil {
		var ve *VerifyError
		if errors.As(err, &ve) {
			return err
		}
		return &VerifyError{Msg: "past register: " + err.Error()}
	}
	n := reg.Stats().KeyN
	if marker != nil {
		n--
		for _, seq := range marker.Seqs {
			if v := tx.Bucket(bucketEvents).Get(seqKey(seq)); v == nil || !isRegisterEvent(v) {
				return &VerifyError{Msg: fmt.Sprintf("past register: the import under way names event %d, which is no register event", seq)}
			}
		}
	}
	if n != len(seen) {
		return &VerifyError{Msg: fmt.Sprintf("past register: %d rows in the register, the events register %d (jalsa verify --repair-index rebuilds it)", n, len(seen))}
	}
	return nil
}

func init() {
	i18n.RegisterCounted(map[string]i18n.Counted{
		"store.import_unfinished": {Arg: 2,
			En: i18n.Forms{One: "an import of %s (%d decision) is unfinished: run jalsa import-decisions %[1]s again to finish it before importing another file", Other: "an import of %s (%d decisions) is unfinished: run jalsa import-decisions %[1]s again to finish it before importing another file"},
			Fr: i18n.Forms{One: "une importation de %s (%d décision) est inachevée : relancez jalsa import-decisions %[1]s pour l'achever avant d'importer un autre fichier", Other: "une importation de %s (%d décisions) est inachevée : relancez jalsa import-decisions %[1]s pour l'achever avant d'importer un autre fichier"},
			Ar: i18n.Forms{
				One:   "استيراد %[1]s (مقرر واحد) لم يكتمل: أعد تشغيل jalsa import-decisions %[1]s لإتمامه قبل استيراد ملف آخر",
				Two:   "استيراد %[1]s (مقرران) لم يكتمل: أعد تشغيل jalsa import-decisions %[1]s لإتمامه قبل استيراد ملف آخر",
				Few:   "استيراد %s (%d مقررات) لم يكتمل: أعد تشغيل jalsa import-decisions %[1]s لإتمامه قبل استيراد ملف آخر",
				Many:  "استيراد %s (%d مقررا) لم يكتمل: أعد تشغيل jalsa import-decisions %[1]s لإتمامه قبل استيراد ملف آخر",
				Other: "استيراد %s (%d مقرر) لم يكتمل: أعد تشغيل jalsa import-decisions %[1]s لإتمامه قبل استيراد ملف آخر"}},
		"store.import_stopped": {Arg: 3,
			En: i18n.Forms{One: "the import of %s stopped after %d of %d decision, none shown yet (%s): run jalsa import-decisions %[1]s again to finish it", Other: "the import of %s stopped after %d of %d decisions, none of them shown yet (%s): run jalsa import-decisions %[1]s again to finish it"},
			Fr: i18n.Forms{One: "l'importation de %s s'est arrêtée après %d sur %d décision, aucune encore visible (%s) : relancez jalsa import-decisions %[1]s pour l'achever", Other: "l'importation de %s s'est arrêtée après %d sur %d décisions, aucune encore visible (%s) : relancez jalsa import-decisions %[1]s pour l'achever"},
			Ar: i18n.Forms{
				One:   "توقف استيراد %[1]s بعد %[2]d من أصل مقرر واحد، ولا يظهر أي منها بعد (%[4]s): أعد تشغيل jalsa import-decisions %[1]s لإتمامه",
				Two:   "توقف استيراد %[1]s بعد %[2]d من أصل مقررين، ولا يظهر أي منها بعد (%[4]s): أعد تشغيل jalsa import-decisions %[1]s لإتمامه",
				Few:   "توقف استيراد %s بعد %d من أصل %d مقررات، ولا يظهر أي منها بعد (%s): أعد تشغيل jalsa import-decisions %[1]s لإتمامه",
				Many:  "توقف استيراد %s بعد %d من أصل %d مقررا، ولا يظهر أي منها بعد (%s): أعد تشغيل jalsa import-decisions %[1]s لإتمامه",
				Other: "توقف استيراد %s بعد %d من أصل %d مقرر، ولا يظهر أي منها بعد (%s): أعد تشغيل jalsa import-decisions %[1]s لإتمامه"}},
		"store.index_full": {Arg: 1,
			En: i18n.Forms{One: "the search index is full (%d decision)", Other: "the search index is full (%d decisions)"},
			Fr: i18n.Forms{One: "l'index de recherche est plein (%d décision)", Other: "l'index de recherche est plein (%d décisions)"},
			Ar: i18n.Forms{One: "فهرس البحث ممتلئ (مقرر واحد)", Two: "فهرس البحث ممتلئ (مقرران)", Few: "فهرس البحث ممتلئ (%d مقررات)", Many: "فهرس البحث ممتلئ (%d مقررا)", Other: "فهرس البحث ممتلئ (%d مقرر)"}},
		"store.register_field_count": {Arg: 1,
			En: i18n.Forms{One: "the row has %d field, the header %d", Other: "the row has %d fields, the header %d"},
			Fr: i18n.Forms{One: "la ligne a %d champ, l'en-tête %d", Other: "la ligne a %d champs, l'en-tête %d"},
			Ar: i18n.Forms{One: "السطر يضم حقلا واحدا وسطر العناوين %[2]d", Two: "السطر يضم حقلين وسطر العناوين %[2]d", Few: "السطر يضم %d حقول وسطر العناوين %d", Many: "السطر يضم %d حقلا وسطر العناوين %d", Other: "السطر يضم %d حقل وسطر العناوين %d"}},
		"store.register_rejected": {Arg: 1,
			En: i18n.Forms{One: "%d bad row in %s; nothing imported (--skip-bad imports the good ones)", Other: "%d bad rows in %s; nothing imported (--skip-bad imports the good ones)"},
			Fr: i18n.Forms{One: "%d ligne incorrecte dans %s ; rien n'est importé (--skip-bad importe les bonnes)", Other: "%d lignes incorrectes dans %s ; rien n'est importé (--skip-bad importe les bonnes)"},
			Ar: i18n.Forms{One: "سطر خاطئ واحد في %[2]s؛ لم يستورد أي شيء (--skip-bad يستورد الأسطر السليمة)", Two: "سطران خاطئان في %[2]s؛ لم يستورد أي شيء (--skip-bad يستورد الأسطر السليمة)", Few: "%d أسطر خاطئة في %s؛ لم يستورد أي شيء (--skip-bad يستورد الأسطر السليمة)", Many: "%d سطرا خاطئا في %s؛ لم يستورد أي شيء (--skip-bad يستورد الأسطر السليمة)", Other: "%d سطر خاطئ في %s؛ لم يستورد أي شيء (--skip-bad يستورد الأسطر السليمة)"}},
	})
	i18n.Register(map[string]i18n.Text{
		"store.register_empty_file":     {En: "the file is empty; it needs a CSV header row and rows, or one JSON object per line", Fr: "le fichier est vide ; il faut une ligne d'en-tête CSV et des lignes, ou un objet JSON par ligne", Ar: "الملف فارغ؛ يلزم سطر عناوين CSV وأسطر، أو كائن JSON في كل سطر"},
		"store.register_no_rows":        {En: "the file holds no decisions", Fr: "le fichier ne contient aucune décision", Ar: "الملف لا يتضمن أي مقرر"},
		"store.register_column":         {En: "not a register column; allowed are %s", Fr: "colonne inconnue du registre ; colonnes permises %s", Ar: "ليس عمودا من أعمدة السجل؛ الأعمدة المسموح بها %s"},
		"store.register_column_twice":   {En: "the column is given twice", Fr: "la colonne figure deux fois", Ar: "العمود مذكور مرتين"},
		"store.register_column_missing": {En: "required column is missing from the header", Fr: "colonne obligatoire absente de l'en-tête", Ar: "عمود إلزامي غائب عن سطر العناوين"},
		"store.register_csv":            {En: "CSV syntax: %s (quote a field holding the separator, a quote or a line break, and double its quotes)", Fr: "syntaxe CSV : %s (mettez entre guillemets un champ contenant le séparateur, un guillemet ou un saut de ligne, et doublez ses guillemets)", Ar: "صياغة CSV: %s (ضع بين علامتي تنصيص كل حقل يتضمن الفاصل أو علامة تنصيص أو سطرا جديدا، وضاعف علامات التنصيص داخله)"},
		"store.register_read":           {En: "cannot read: %s", Fr: "lecture impossible : %s", Ar: "تعذرت القراءة: %s"},
		"store.register_json":           {En: "not a JSON object: %s", Fr: "pas un objet JSON : %s", Ar: "ليس كائن JSON: %s"},
		"store.register_field":          {En: "not a register field; allowed are %s", Fr: "champ inconnu du registre ; champs permis %s", Ar: "ليس حقلا من حقول السجل؛ الحقول المسموح بها %s"},
		"store.register_scalar":         {En: "give text or a number, not an object, a list or true/false", Fr: "donnez un texte ou un nombre, pas un objet, une liste ni true/false", Ar: "أعط نصا أو عددا، لا كائنا ولا لائحة ولا true/false"},
		"store.register_number":         {En: "%q is not a whole number", Fr: "%q n'est pas un nombre entier", Ar: "%q ليس عددا صحيحا"},
		"store.register_amount":         {En: "%q is not an amount (digits with at most two decimals, e.g. 4800000.00)", Fr: "%q n'est pas un montant (chiffres avec au plus deux décimales, ex. 4800000.00)", Ar: "%q ليس مبلغا (أرقام بعشريتين على الأكثر، مثل 4800000.00)"},
		"store.register_notes":          {En: "give text, or a list of {\"text\": …} objects", Fr: "donnez un texte, ou une liste d'objets {\"text\": …}", Ar: "أعط نصا أو لائحة كائنات {\"text\": …}"},
		"store.register_named":          {En: "give an object of member id to for, against or abstain", Fr: "donnez un objet associant chaque membre à for, against ou abstain", Ar: "أعط كائنا يربط معرف كل عضو بـ for أو against أو abstain"},
		"store.register_corrections":    {En: "give a list of corrections as `jalsa show --json` writes them", Fr: "donnez une liste de corrections comme les écrit `jalsa show --json`", Ar: "أعط لائحة تصحيحات كما يكتبها `jalsa show --json`"},
		"store.register_ref_twice":      {En: "%s is given twice in the file (first on line %d)", Fr: "%s figure deux fois dans le fichier (d'abord ligne %d)", Ar: "%s مذكور مرتين في الملف (أول مرة في السطر %d)"},
		"store.register_in_record":      {En: "session %s is in this database's record, which holds its decisions itself; give past decisions references of other sessions", Fr: "la session %s figure dans le registre de cette base, qui contient déjà ses décisions ; donnez aux décisions passées des références d'autres sessions", Ar: "الدورة %s مسجلة في هذه القاعدة التي تحفظ مقرراتها؛ أعط للمقررات السابقة مراجع دورات أخرى"},
		"store.register_exists":         {En: "%s is already in the register", Fr: "%s est déjà dans le registre", Ar: "%s موجود من قبل في السجل"},
		"store.register_nothing":        {En: "%s holds no good row; nothing imported", Fr: "%s ne contient aucune ligne correcte ; rien n'est importé", Ar: "%s لا يتضمن أي سطر سليم؛ لم يستورد أي شيء"},
		"store.index_missing":           {En: "the search index is missing or was made by another jalsa: run jalsa verify --repair-index", Fr: "l'index de recherche manque ou vient d'un autre jalsa : lancez jalsa verify --repair-index", Ar: "فهرس البحث غائب أو أنشأه إصدار آخر من jalsa: شغل jalsa verify --repair-index"},
		"store.session_in_register":     {En: "session %s already has decisions in the past register (%s): choose another session id", Fr: "la session %s a déjà des décisions dans le registre ancien (%s) : choisissez un autre identifiant", Ar: "للدورة %s مقررات في السجل السابق (%s): اختر معرفا آخر للدورة"},
	})
}
