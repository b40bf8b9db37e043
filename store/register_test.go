package store_test

import (
	"bytes"
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/jalsa-app/jalsa/cli"
	"github.com/jalsa-app/jalsa/model"
	"github.com/jalsa-app/jalsa/search"
	"github.com/jalsa-app/jalsa/store"
	"github.com/jalsa-app/jalsa/store/internal/corpus"
	bolt "go.etcd.io/bbolt"
)

// These tests run import-decisions and its neighbours as the command line
// does (cli.Run), so the exact lines a clerk reads are what is checked.

type registerCLI struct {
	t   *testing.T
	dir string
	db  string
}

func newRegisterCLI(t *testing.T) *registerCLI {
	dir := t.TempDir()
	h := &registerCLI{t: t, dir: dir, db: filepath.Join(dir, "j.db")}
	// An empty record: read commands do not create one (SPEC §11).
	st, err := store.Open(h.db, store.Options{})
	if err != nil {
		t.Fatal(err)
	}
	st.Close()
	return h
}

// run runs jalsa args in English and returns the exit code and output.
func (h *registerCLI) run(args ...string) (code int, stdout, stderr string) {
	h.t.Helper()
	var out, errb bytes.Buffer
	env := &cli.Env{Stdout: &out, Stderr: &errb, Dir: h.dir, Actor: "clerk",
		Getenv: func(k string) string { return map[string]string{"JALSA_DB": h.db}[k] }}
	code = cli.Run(context.Background(), env, append([]string{"--lang", "en"}, args...))
	return code, out.String(), errb.String()
}

func (h *registerCLI) write(name, content string) {
	h.t.Helper()
	if err := os.WriteFile(filepath.Join(h.dir, name), []byte(content), 0o600); err != nil {
		h.t.Fatal(err)
	}
}

func (h *registerCLI) refs(args ...string) []string {
	h.t.Helper()
	code, out, errs := h.run(append([]string{"decisions", "--json"}, args...)...)
	if code != 0 {
		h.t.Fatalf("decisions %v: exit %d: %s", args, code, errs)
	}
	var ds []model.Decision
	if err := json.Unmarshal([]byte(out), &ds); err != nil {
		h.t.Fatal(err)
	}
	var refs []string
	for _, d := range ds {
		refs = append(refs, d.Ref)
	}
	slices.Sort(refs)
	return refs
}

func (h *registerCLI) expect(args []string, code int, stdout, stderr string) {
	h.t.Helper()
	c, out, errs := h.run(args...)
	if c != code || out != stdout || errs != stderr {
		h.t.Errorf("jalsa %s: exit %d\nstdout:\n%s\nstderr:\n%s\nwant exit %d\nstdout:\n%s\nstderr:\n%s",
			strings.Join(args, " "), c, out, errs, code, stdout, stderr)
	}
}

const oldCSV = `ref,date,title,outcome,kind,for,against,abstain,present,seats,text
2019-06/1,2019-06-10,Convention avec la commune de Sefrou,adopted,agreement,40,2,1,50,82,La Chambre approuve la convention.
2019-06/2,2019-06-10,Budget 2020,adoptd,budget,40,2,1,50,82,
2019-06/3,2019-13-01,Rapport moral,noted,report,,,,,,
2019-06/4,2019-06-10,,adopted,other,,,,,,
2019-06/1,2019-06-10,Convention bis,adopted,agreement,,,,,,
2019-06/6,2019-06-10,Règlement intérieur,adopted,regulation,40,20,1,50,82,
2019-06/7,٢٠١٩-٠٦-١٠,الاتفاقية مع جماعة صفرو,Adopted,agreement,٤٠,٢,١,٥٠,٨٢,
2019 06/8,2019-06-10,Convention,adopted,agreement,,,,,,
2019-06/9,2019-06-10,Convention sur deux lignes,adopted,agreement,,,,,,"première ligne
seconde ligne"
2019-06/10,2019-06-10,Loi,adopted,law,,,,,,
`

const oldCSVErrors = `old.csv:3: outcome: "adoptd" is not one of adopted, rejected, deferred, withdrawn, noted
old.csv:4: date: "2019-13-01" is not a date; write YYYY-MM-DD
old.csv:5: title: required; give a value
old.csv:6: ref: 2019-06/1 is given twice in the file (first on line 2)
old.csv:7: present: 40 for + 20 against + 1 abstaining exceed the 50 present
old.csv:9: ref: "2019 06/8" is not a reference SESSION/ITEM or SESSION/ITEM/LINE (e.g. 2019-06/4 or 2019-06/10/II.1.2; session and line use letters, digits, . _ -)
old.csv:12: kind: "law" is not one of procedural, minutes, report, agreement, regulation, budget, other
`

func TestImportDecisionsBadRows(t *testing.T) {
	h := newRegisterCLI(t)
	h.write("old.csv", oldCSV)
	h.expect([]string{"import-decisions", "old.csv"}, 2, "",
		oldCSVErrors+"jalsa: 7 bad rows in old.csv; nothing imported (--skip-bad imports the good ones)\n")
	if refs := h.refs(); len(refs) != 0 {
		t.Fatalf("a refused import wrote %q", refs)
	}
	h.expect([]string{"verify"}, 0, "ok: 0 events chained, 0 sessions equal their replay, head \n", "")

	h.expect([]string{"import-decisions", "old.csv", "--skip-bad"}, 0,
		"3 decisions imported into the register; 7 bad rows skipped\n", oldCSVErrors)
	if got, want := h.refs(), []string{"2019-06/1", "2019-06/7", "2019-06/9"}; !slices.Equal(got, want) {
		t.Errorf("imported %q, want %q", got, want)
	}
	// Digits and case were folded; the ref gave session and item.
	code, out, _ := h.run("show", "2019-06/7", "--json")
	var d model.Decision
	if code != 0 || json.Unmarshal([]byte(out), &d) != nil || d.Date != "2019-06-10" || d.Outcome != model.Adopted ||
		d.For != 40 || d.Seats != 82 || d.Session != "2019-06" || d.Item != 7 {
		t.Errorf("show 2019-06/7: exit %d, %+v", code, d)
	}
	// Sefrou and صفرو are one place (the gazetteer).
	for q, want := range map[string][]string{"صفرو": {"2019-06/1", "2019-06/7"}, "sefrou": {"2019-06/1", "2019-06/7"}, "seconde": {"2019-06/9"}} {
		if got := h.refs(q); !slices.Equal(slices.Sorted(slices.Values(got)), want) {
			t.Errorf("%s: %q, want %s", q, got, want)
		}
	}

	// Refs of the register and sessions of the record are taken.
	h.write("s1.yaml", `body: {id: cat, name: Chambre, language: fr}
members:
  - {id: m1, name: Amina, role: president}
session: {id: s1, kind: ordinary, title: Session de juin, date: 2024-06-24, chair: m1}
agenda:
  - {title: Convention, kind: agreement}
`)
	h.expect([]string{"init", "s1.yaml"}, 0, "s1\n", "")
	h.write("more.csv", "ref;date;title;outcome\n2019-06/7;2019-06-10;Doublon;adopted\ns1/1;2024-06-24;Convention;adopted\n2019-06/11;2019-06-10;Nouvelle;rejected\n")
	h.expect([]string{"import-decisions", "more.csv"}, 2, "",
		"more.csv:2: ref: 2019-06/7 is already in the register\n"+
			"more.csv:3: ref: session s1 is in this database's record, which holds its decisions itself; give past decisions references of other sessions\n"+
			"jalsa: 2 bad rows in more.csv; nothing imported (--skip-bad imports the good ones)\n")
	if out := h.ok("verify"); !strings.HasPrefix(out, "ok: 2 events chained, 1 session equals its replay") {
		t.Errorf("verify: %q", out)
	}
}

func (h *registerCLI) ok(args ...string) string {
	h.t.Helper()
	code, out, errs := h.run(args...)
	if code != 0 {
		h.t.Fatalf("jalsa %s: exit %d: %s", strings.Join(args, " "), code, errs)
	}
	return out
}

func TestImportDecisionsJSONLines(t *testing.T) {
	h := newRegisterCLI(t)
	h.write("old.jsonl", `{"ref": "2020-02/1", "date": "2020-02-03", "title": "Convention CNSS", "outcome": "adopted", "notes": [{"text": "Unanimité"}]}

{"ref": "2020-02/2", "date": "2020-02-03", "title": "Budget", "outcom": "adopted"}
{"ref": "2020-02/3", "date": "2020-02-03", "title": "Budget", "outcome": "adopted", "for": "beaucoup"}
[1, 2]
{"ref": "2020-02/5", "date": "2020-02-03", "title": "Vote nominal", "outcome": "adopted", "named": {"m1": "pour"}}
{"ref": "2020-02/6", "date": "2020-02-03", "title": {"fr": "Titre"}, "outcome": "adopted"}
{"ref": "2020-02/7", "session": "2020-03", "date": "2020-02-03", "title": "Ailleurs", "outcome": "adopted"}
{"ref": "2020-02/8", "date": "2020-02-03", "title": "Sans fin", "outcome": "adopted"
`)
	h.expect([]string{"import-decisions", "old.jsonl"}, 2, "",
		`old.jsonl:3: "outcom": not a register field; allowed are ref, session, session_title, date, item, line, title, kind, outcome, for, against, abstain, present, seats, rule, explanation, text, notes, amount, named, corrections
old.jsonl:4: for: "beaucoup" is not a whole number
old.jsonl:5: not a JSON object: json: cannot unmarshal array into Go value of type map[string]json.RawMessage
old.jsonl:6: named: member m1: "pour" is not one of for, against, abstain
old.jsonl:7: title: give text or a number, not an object, a list or true/false
old.jsonl:8: session: "2020-03" differs from the session of ref 2020-02/7 (2020-02); leave it empty or give 2020-02
old.jsonl:9: not a JSON object: unexpected end of JSON input
jalsa: 7 bad rows in old.jsonl; nothing imported (--skip-bad imports the good ones)
`)
	h.ok("import-decisions", "--skip-bad", "old.jsonl")
	if got := h.refs("unanimite"); !slices.Equal(got, []string{"2020-02/1"}) {
		t.Errorf("note of a JSON row: %q", got)
	}
}

func TestImportDecisionsFileErrors(t *testing.T) {
	h := newRegisterCLI(t)
	for _, c := range []struct{ content, stderr string }{
		{"", "jalsa: old.csv: the file is empty; it needs a CSV header row and rows, or one JSON object per line\n"},
		{"ref,date,titre,outcome\n2019-06/1,2019-06-10,x,adopted\n", `jalsa: old.csv:1: "titre": not a register column; allowed are ref, session, session_title, date, item, line, title, kind, outcome, for, against, abstain, present, seats, rule, explanation, text, notes, amount` + "\n"},
		{"ref,date,outcome\n", "jalsa: old.csv:1: title: required column is missing from the header\n"},
		{"ref,date,title,outcome,date\n", "jalsa: old.csv:1: date: the column is given twice\n"},
		{"ref,date,title,outcome\n", "jalsa: old.csv: the file holds no decisions\n"},
		{"ref,date,title,outcome\n2019-06/1,2019-06-10,\"Titre \"mal\" cité\",adopted\n", "jalsa: old.csv:2: CSV syntax: extraneous or missing \" in quoted-field (quote a field holding the separator, a quote or a line break, and double its quotes)\n"},
		{"ref,date,title,outcome\n2019-06/1,2019-06-10,Titre\n", "old.csv:2: the row has 3 fields, the header 4\njalsa: 1 bad row in old.csv; nothing imported (--skip-bad imports the good ones)\n"},
	} {
		h.write("old.csv", c.content)
		h.expect([]string{"import-decisions", "old.csv"}, 2, "", c.stderr)
	}
	h.expect([]string{"import-decisions", "absent.csv"}, 4, "", "jalsa: cannot read absent.csv: open "+filepath.Join(h.dir, "absent.csv")+": no such file or directory\n")
}

// TestRegisterFromDecisionsJSON moves decisions from one database to
// another: the JSON array of decisions --json, with named votes, notes and
// corrections, reads back as the same decisions.
func TestRegisterFromDecisionsJSON(t *testing.T) {
	a := newRegisterCLI(t)
	st, err := store.Open(a.db, store.Options{})
	if err != nil {
		t.Fatal(err)
	}
	err = cli.LoadDemo(context.Background(), &cli.Env{Stdout: &bytes.Buffer{}, Stderr: &bytes.Buffer{}, Getenv: os.Getenv, Actor: "demo"}, st)
	st.Close()
	if err != nil {
		t.Fatal(err)
	}
	out := a.ok("decisions", "--session", "2024-06", "--json")
	b := newRegisterCLI(t)
	b.write("june.json", out)
	b.expect([]string{"import-decisions", "june.json"}, 0, "6 decisions imported into the register\n", "")
	want, got := map[string]string{}, map[string]string{}
	for _, x := range []struct {
		h  *registerCLI
		to map[string]string
	}{{a, want}, {b, got}} {
		var ds []json.RawMessage
		if err := json.Unmarshal([]byte(x.h.ok("decisions", "--json")), &ds); err != nil {
			t.Fatal(err)
		}
		for _, d := range ds {
			var ref struct{ Ref, Session string }
			if err := json.Unmarshal(d, &ref); err != nil {
				t.Fatal(err)
			}
			if ref.Session == "2024-06" {
				x.to[ref.Ref] = string(d)
			}
		}
	}
	if len(want) != 6 {
		t.Fatalf("the demo's June session has %d decisions", len(want))
	}
	for ref, w := range want {
		if got[ref] != w {
			t.Errorf("%s after the move:\n%s\nwant\n%s", ref, got[ref], w)
		}
	}
	if b.ok("decisions", "بمكناس") != a.ok("decisions", "بمكناس") {
		t.Error("the same lookup gives other results after the move")
	}
}

// TestExportImportWithRegister: a record with a session and a register of
// several events (RegisterChunk rows each at most) exports and imports
// into an identical record, which verifies and answers lookups the same.
func TestExportImportWithRegister(t *testing.T) {
	a := newRegisterCLI(t)
	var rows bytes.Buffer
	enc := json.NewEncoder(&rows)
	for d := range corpus.Rows(store.RegisterChunk+500, 7) {
		if err := enc.Encode(d); err != nil {
			t.Fatal(err)
		}
	}
	a.write("rows.jsonl", rows.String())
	a.expect([]string{"import-decisions", "rows.jsonl"}, 0, "1500 decisions imported into the register\n", "")
	a.write("s1.yaml", `body: {id: cat, name: Chambre, language: fr}
members:
  - {id: m1, name: Amina, role: president}
  - {id: m2, name: Brahim}
session: {id: s1, kind: ordinary, title: Session de juin, date: 2024-06-24, chair: m1}
agenda:
  - {title: Convention avec la commune de Sefrou, kind: agreement}
`)
	a.ok("init", "s1.yaml")
	a.ok("open", "s1")
	a.ok("attend", "s1", "--present", "all")
	a.ok("item", "s1", "1", "start")
	a.ok("vote", "s1", "1", "--for", "2", "--against", "0", "--abstain", "0")
	export := a.ok("export")
	events := strings.TrimPrefix(strings.Fields(a.ok("verify"))[1], "ok:")

	b := newRegisterCLI(t)
	b.write("x.json", export)
	b.expect([]string{"import", "x.json"}, 0, events+" events imported\n", "")
	if again := b.ok("export"); again != export {
		t.Error("export after import differs from the original export")
	}
	if out := b.ok("verify"); !strings.HasPrefix(out, "ok: "+events+" events chained, 1 session equals its replay") {
		t.Errorf("verify after import: %q", out)
	}
	for _, class := range corpus.Classes {
		for _, q := range corpus.Queries[class] {
			if x, y := a.ok("decisions", q, "--json", "--limit", "20"), b.ok("decisions", q, "--json", "--limit", "20"); x != y {
				t.Errorf("decisions %q differs after export and import", q)
			}
		}
	}
	if x, y := a.ok("decisions", "sefrou", "--session", "s1"), b.ok("decisions", "sefrou", "--session", "s1"); x != y || !strings.Contains(x, "s1/1") {
		t.Errorf("session decision after import: %q, want %q", y, x)
	}
}

// TestVerifyRegisterAndRepairIndex damages the index, then a register
// row: verify names each; verify --repair-index mends the index but not a
// register that differs from its events.
func TestVerifyRegisterAndRepairIndex(t *testing.T) {
	h := newRegisterCLI(t)
	h.write("old.csv", "ref,date,title,outcome\n2019-06/1,2019-06-10,Convention avec Sefrou,adopted\n2019-06/2,2019-06-10,Budget,adopted\n")
	h.ok("import-decisions", "old.csv")
	damage := func(fn func(tx *bolt.Tx) error) {
		t.Helper()
		db, err := bolt.Open(h.db, 0o600, &bolt.Options{Timeout: time.Second})
		if err != nil {
			t.Fatal(err)
		}
		defer db.Close()
		if err := db.Update(fn); err != nil {
			t.Fatal(err)
		}
	}
	damage(func(tx *bolt.Tx) error {
		idx := tx.Bucket([]byte("index"))
		return idx.Bucket([]byte("post")).Delete(store.PostingsKeyForTest(t, idx, search.Term{Space: search.Exact, Text: "sefrou"}))
	})
	code, _, errs := h.run("verify")
	if code != 1 || !strings.Contains(errs, `search index: the postings of "sefrou" do not match the decisions (jalsa verify --repair-index rebuilds it)`) {
		t.Errorf("verify of a damaged index: exit %d, %s", code, errs)
	}
	if got := h.refs("sefrou"); len(got) != 0 {
		t.Fatalf("the damage did not reach lookups: %q", got)
	}
	out := h.ok("verify", "--repair-index")
	if !strings.HasPrefix(out, "search index rebuilt: 2 decisions\nok: 1 event chained") {
		t.Errorf("verify --repair-index: %q", out)
	}
	if got := h.refs("sefrou"); !slices.Equal(got, []string{"2019-06/1"}) {
		t.Errorf("after repair: %q", got)
	}

	// The register's pointers are made from the events: a damaged one is
	// named, and rebuilt with the index.
	damage(func(tx *bolt.Tx) error {
		return tx.Bucket([]byte("register")).Put([]byte("2019-06/2"), store.BadPointerForTest())
	})
	h.expect([]string{"verify"}, 1, "",
		"jalsa: verification failed: event 1: past register: the register does not point to 2019-06/2 where the event holds it (jalsa verify --repair-index rebuilds it)\n")
	code, _, errs = h.run("show", "2019-06/2")
	if code != 1 || !strings.Contains(errs, "2019-06/2") {
		t.Errorf("show of a damaged pointer: exit %d, %s", code, errs)
	}
	out = h.ok("verify", "--repair-index")
	if !strings.HasPrefix(out, "search index rebuilt: 2 decisions\nok: 1 event chained") {
		t.Errorf("verify --repair-index: %q", out)
	}
	h.ok("show", "2019-06/2")
}

// TestImportDecisionsThroughTheOwner: while another process holds the
// database (here this one, through its socket), import-decisions and
// lookups go through the owner with the same output.
func TestImportDecisionsThroughTheOwner(t *testing.T) {
	h := newRegisterCLI(t)
	st, err := store.Open(h.db, store.Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	ctx, stop := context.WithCancel(context.Background())
	defer stop()
	owner := &cli.Env{Stdout: &bytes.Buffer{}, Stderr: &bytes.Buffer{}, Getenv: os.Getenv}
	go st.Serve(ctx, "jalsa test", cli.SocketHandler(owner, st))
	h.write("old.csv", oldCSV)
	h.expect([]string{"import-decisions", "--skip-bad", "old.csv"}, 0,
		"3 decisions imported into the register; 7 bad rows skipped\n", oldCSVErrors)
	if got := h.refs("convention"); !slices.Equal(got, []string{"2019-06/1", "2019-06/9"}) {
		t.Errorf("convention through the owner: %q", got)
	}
}

// TestDecisionsSaysWhatItShows: a query corrected for a typo says so, on
// stdout before the list, or on stderr with --json, whose stdout stays one
// JSON array; in the clerk's language.
func TestDecisionsSaysWhatItShows(t *testing.T) {
	h := newRegisterCLI(t)
	h.write("old.csv", "ref,date,title,outcome\n2019-06/1,2019-06-10,Modification du règlement intérieur,adopted\n2019-06/2,2019-06-10,تعديل النظام الداخلي,adopted\n")
	h.ok("import-decisions", "old.csv")
	h.expect([]string{"decisions", "reglment"}, 0, "showing results for «règlement»\n2019-06/1  10 June 2019  adopted    Modification du règlement intérieur\n", "")
	code, out, errs := h.run("decisions", "reglment", "--json")
	var ds []model.Decision
	if code != 0 || json.Unmarshal([]byte(out), &ds) != nil || len(ds) != 1 || errs != "showing results for «règlement»\n" {
		t.Errorf("--json: exit %d, stdout %q, stderr %q", code, out, errs)
	}
	var b bytes.Buffer
	env := &cli.Env{Stdout: &b, Stderr: &b, Dir: h.dir, Getenv: func(k string) string { return map[string]string{"JALSA_DB": h.db}[k] }}
	cli.Run(context.Background(), env, []string{"--lang", "ar", "decisions", "النضام"})
	if !strings.HasPrefix(b.String(), "عرض نتائج «النظام»\n2019-06/2") {
		t.Errorf("in Arabic: %q", b.String())
	}
}
