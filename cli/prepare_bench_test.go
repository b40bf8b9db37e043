package cli_test

import (
	"bytes"
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/jalsa-app/jalsa/cli"
	"github.com/jalsa-app/jalsa/model"
	"github.com/xuri/excelize/v2"
)

// The imports of issue 17's measure: a 5 000-member roster and a 2 000-line
// budget, each a whole command (read the file, check every row, record
// one event, fsync), and the same files with one bad row among them (the
// time to name it, and its message, logged). Run with
//
//	go test ./cli -run '^$' -bench Import -benchtime 5x

// benchJalsa runs one command line on db and fails the benchmark unless it
// exits with code; it returns stderr.
func benchJalsa(b *testing.B, dir, db string, code int, args ...string) string {
	b.Helper()
	var out, errb bytes.Buffer
	env := &cli.Env{Stdin: strings.NewReader(""), Stdout: &out, Stderr: &errb, Getenv: noEnv, Dir: dir, Actor: "bench"}
	if got := cli.Run(context.Background(), env, append([]string{"--db", db, "--lang", "en"}, args...)); got != code {
		b.Fatalf("jalsa %s: exit %d, want %d: %s", strings.Join(args, " "), got, code, errb.String())
	}
	return errb.String()
}

// bigRoster writes n members; bad, when not 0, is the row (from 1) whose
// role is misspelt.
func bigRoster(b *testing.B, path string, n, bad int) {
	members := make([]model.Member, n)
	for i := range members {
		members[i] = model.Member{ID: fmt.Sprintf("m%05d", i+1), Name: fmt.Sprintf("العضو رقم %d", i+1), Role: "member", Group: "فاس",
			Gender: []string{model.Female, model.Male}[i%2]}
	}
	if bad > 0 {
		members[bad-1].Role = "presdent"
	}
	writeRoster(b, path, members)
}

func benchRoster(b *testing.B, bad int) {
	dir := b.TempDir()
	bigRoster(b, filepath.Join(dir, "roster.csv"), 5000, bad)
	want, logged := 0, false
	if bad > 0 {
		want = 2
	}
	for i := 0; b.Loop(); i++ {
		b.StopTimer()
		db := filepath.Join(dir, fmt.Sprintf("j%d.db", i))
		benchJalsa(b, dir, db, 0, "body", "create", "big", "--name", "Big chamber")
		b.StartTimer()
		msg := benchJalsa(b, dir, db, want, "members", "import", "roster.csv")
		if bad > 0 && !logged {
			b.Logf("one bad row among 5000: %s", strings.TrimSpace(msg))
			logged = true
		}
	}
	b.ReportMetric(float64(b.Elapsed().Microseconds())/float64(b.N)/5000, "µs/row")
}

// BenchmarkImportRoster5000 imports a 5 000-member roster into a new body.
func BenchmarkImportRoster5000(b *testing.B) { benchRoster(b, 0) }

// BenchmarkImportRoster5000BadRow is the same roster with a misspelt role
// in row 4 321: refused, naming the line, nothing written.
func BenchmarkImportRoster5000BadRow(b *testing.B) { benchRoster(b, 4321) }

// bigBudget writes a 2 000-line budget as XLSX (amounts as numbers, every
// third as French text), balanced; bad, when not 0, is the line (from 1)
// whose amount has three decimals.
func bigBudget(b *testing.B, path string, n, bad int) {
	f := excelize.NewFile()
	defer f.Close()
	sh := "Sheet1"
	for j, h := range []string{"code", "part", "kind", "label", "amount"} {
		cell, _ := excelize.CoordinatesToCellName(j+1, 1)
		f.SetCellValue(sh, cell, h)
	}
	for i := range n {
		kind := []string{"revenue", "expense"}[i%2]
		var amount any = float64(1000000+i*37) / 100
		if i%3 == 0 {
			amount = model.Cents(100000000+i*3700).Format('\u202f', ',')
		}
		if i%2 == 1 {
			// The expense line equals the revenue line before it.
			amount = nil
		}
		if i+1 == bad {
			amount = "1 234,567"
		}
		row := []any{fmt.Sprintf("L%04d", i+1), fmt.Sprint(i%4 + 1), kind, fmt.Sprintf("سطر الميزانية رقم %d", i+1), amount}
		if amount == nil {
			prev, _ := excelize.CoordinatesToCellName(5, i+1)
			v, _ := f.GetCellValue(sh, prev)
			row[4] = v
		}
		for j, v := range row {
			cell, _ := excelize.CoordinatesToCellName(j+1, i+2)
			f.SetCellValue(sh, cell, v)
		}
	}
	if err := f.SaveAs(path); err != nil {
		b.Fatal(err)
	}
}

func benchBudget(b *testing.B, bad int) {
	dir := b.TempDir()
	bigBudget(b, filepath.Join(dir, "budget.xlsx"), 2000, bad)
	db := filepath.Join(dir, "j.db")
	if err := os.WriteFile(filepath.Join(dir, "s.yaml"), []byte(sessionYAML), 0o644); err != nil {
		b.Fatal(err)
	}
	benchJalsa(b, dir, db, 0, "init", "s.yaml")
	want, logged := 0, false
	if bad > 0 {
		want = 2
	}
	for b.Loop() {
		msg := benchJalsa(b, dir, db, want, "budget", "s1", "5", "import", "budget.xlsx", "--yes")
		if bad > 0 && !logged {
			b.Logf("one bad line among 2000: %s", strings.TrimSpace(msg))
			logged = true
		}
	}
	b.ReportMetric(float64(b.Elapsed().Microseconds())/float64(b.N)/2000, "µs/line")
}

// BenchmarkImportBudget2000 imports a 2 000-line budget from XLSX, again
// and again into the same item (each import replaces the lines).
func BenchmarkImportBudget2000(b *testing.B) { benchBudget(b, 0) }

// BenchmarkImportBudget2000BadRow is the same workbook with an amount of
// three decimals on line 1 789: refused, naming the cell.
func BenchmarkImportBudget2000BadRow(b *testing.B) { benchBudget(b, 1789) }
