package report_test

import (
	"bytes"
	"context"
	"encoding/csv"
	"encoding/json"
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"strings"
	"testing"

	"github.com/jalsa-app/jalsa/cli"
	"github.com/jalsa-app/jalsa/model"
	"github.com/jalsa-app/jalsa/report"
)

// TestCSVColumnsAreJSONs: the CSV's columns are the JSON's fields, named
// the same and in the same order, less the two lists JSON alone carries.
func TestCSVColumnsAreJSONs(t *testing.T) {
	var fields []string
	typ := reflect.TypeOf(model.Decision{})
	for i := range typ.NumField() {
		if tag := typ.Field(i).Tag.Get("json"); tag != "" && tag != "-" {
			fields = append(fields, strings.Split(tag, ",")[0])
		}
	}
	got := slices.DeleteFunc(slices.Clone(fields), func(f string) bool { return f == "named" || f == "corrections" })
	if !slices.Equal(report.CSVColumns, got) {
		t.Errorf("CSV columns %v, want the JSON fields %v without named and corrections", report.CSVColumns, got)
	}
}

// TestDecisionsCSV runs `decisions --csv` on the demo and checks what
// Excel needs (a BOM, CRLF, the language's separator) and that the file
// goes back in: `import-decisions` of it in an empty database gives the
// same decisions, field by field.
func TestDecisionsCSV(t *testing.T) {
	dir := t.TempDir()
	run := func(db string, args ...string) (string, int) {
		var out, errOut bytes.Buffer
		env := &cli.Env{Stdout: &out, Stderr: &errOut, Getenv: func(string) string { return "" }, Dir: dir, Actor: "test"}
		code := cli.Run(context.Background(), env, append([]string{"--db", filepath.Join(dir, db)}, args...))
		if code != 0 {
			t.Logf("%v: %s", args, errOut.String())
		}
		return out.String(), code
	}
	if _, code := run("a.db", "demo"); code != 0 {
		t.Fatal("demo failed")
	}
	for _, c := range []struct {
		lang string
		sep  rune
	}{{"en", ','}, {"fr", ';'}, {"ar", ';'}} {
		out, code := run("a.db", "decisions", "--csv", "--lang", c.lang)
		if code != 0 {
			t.Fatalf("decisions --csv --lang %s: exit %d", c.lang, code)
		}
		if !strings.HasPrefix(out, "\ufeffref"+string(c.sep)+"session") || !strings.Contains(out, "\r\n") {
			t.Fatalf("%s: the CSV starts %.40q: want a BOM, the header with %q, CRLF", c.lang, out, c.sep)
		}
		r := csv.NewReader(strings.NewReader(strings.TrimPrefix(out, "\ufeff")))
		r.Comma = c.sep
		rows, err := r.ReadAll()
		if err != nil || len(rows) < 6 {
			t.Fatalf("%s: %d rows, %v", c.lang, len(rows), err)
		}
		if !slices.Equal(rows[0], report.CSVColumns) {
			t.Errorf("%s: header %v", c.lang, rows[0])
		}
	}
	out, _ := run("a.db", "decisions", "--csv", "--lang", "ar")
	if err := os.WriteFile(filepath.Join(dir, "register.csv"), []byte(out), 0o644); err != nil {
		t.Fatal(err)
	}
	if _, code := run("b.db", "import-decisions", "register.csv"); code != 0 {
		t.Fatal("import-decisions of the CSV failed")
	}
	var before, after []map[string]any
	for _, x := range []struct {
		db   string
		into *[]map[string]any
	}{{"a.db", &before}, {"b.db", &after}} {
		out, code := run(x.db, "decisions", "--json", "--limit", "1000")
		if code != 0 || json.Unmarshal([]byte(out), x.into) != nil {
			t.Fatalf("decisions --json on %s: exit %d", x.db, code)
		}
	}
	if len(before) != len(after) {
		t.Fatalf("%d decisions exported, %d imported", len(before), len(after))
	}
	byRef := map[string]map[string]any{}
	for _, d := range after {
		byRef[d["ref"].(string)] = d
	}
	for _, d := range before {
		got := byRef[d["ref"].(string)]
		for _, f := range report.CSVColumns {
			if f == "notes" {
				continue // notes come back as one, without their times
			}
			if !reflect.DeepEqual(d[f], got[f]) {
				t.Errorf("%s %s: exported %v, imported %v", d["ref"], f, d[f], got[f])
			}
		}
	}
	if _, code := run("a.db", "decisions", "--csv", "--json"); code != 2 {
		t.Errorf("--csv --json: exit %d, want 2", code)
	}
}
