package main

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
	"flag"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"unicode"

	"github.com/jalsa-app/jalsa/model"
	"github.com/jalsa-app/jalsa/store"
	"github.com/jalsa-app/jalsa/store/internal/corpus"
)

// eval measures recall and precision on the judged queries
// (corpus.JudgedQueries) for jalsa and for SQLite FTS5 over the same rows:
// recall is the share of the relevant rows found, precision the share of
// the rows found that are relevant (over the queries that found any), both
// averaged over the queries of a class.
func eval(args []string) error {
	fs := flag.NewFlagSet("eval", flag.ExitOnError)
	n := fs.Int("n", corpus.JudgedRows, "rows")
	verbose := fs.Bool("v", false, "print every query")
	fs.Parse(args)
	dir, err := os.MkdirTemp("", "searcheval")
	if err != nil {
		return err
	}
	defer os.RemoveAll(dir)

	var rows []model.Decision
	var facts []corpus.Facts
	var jsonl bytes.Buffer
	enc := json.NewEncoder(&jsonl)
	enc.SetEscapeHTML(false)
	csvPath := filepath.Join(dir, "rows.csv")
	cf, err := os.Create(csvPath)
	if err != nil {
		return err
	}
	cw := csv.NewWriter(cf)
	cw.Write(csvHeader)
	for d, f := range corpus.RowsWithFacts(*n, 1) {
		rows, facts = append(rows, d), append(facts, f)
		enc.Encode(d)
		cw.Write(csvRow(d))
	}
	cw.Flush()
	cf.Close()

	st, err := store.Open(filepath.Join(dir, "j.db"), store.Options{})
	if err != nil {
		return err
	}
	defer st.Close()
	if _, err := st.ImportRegister(store.Origin{Actor: "eval"}, "rows.jsonl", &jsonl, store.RegisterOptions{}); err != nil {
		return err
	}
	fts := filepath.Join(dir, "fts.db")
	if err := buildFTS(fts, csvPath); err != nil {
		return err
	}

	type score struct{ recall, precision, answered, queries float64 }
	jalsa, sqlite := map[string]*score{}, map[string]*score{}
	for _, c := range corpus.JudgedClasses {
		jalsa[c], sqlite[c] = &score{}, &score{}
	}
	add := func(s *score, relevant map[string]bool, found []string) (r, p float64) {
		hit := 0
		for _, ref := range found {
			if relevant[ref] {
				hit++
			}
		}
		r = float64(hit) / float64(max(len(relevant), 1))
		s.recall += r
		s.queries++
		if len(found) > 0 {
			p = float64(hit) / float64(len(found))
			s.precision += p
			s.answered++
		}
		return r, p
	}
	for _, q := range corpus.JudgedQueries {
		relevant := map[string]bool{}
		for i, d := range rows {
			if q.Relevant(d, facts[i]) {
				relevant[d.Ref] = true
			}
		}
		res, err := st.Search(store.Query{Text: q.Query})
		if err != nil {
			return fmt.Errorf("jalsa %q: %w", q.Query, err)
		}
		var jrefs []string
		for _, d := range res.Decisions {
			jrefs = append(jrefs, d.Ref)
		}
		frefs, err := ftsRefs(fts, q.Query)
		if err != nil {
			return fmt.Errorf("FTS5 %q: %w", q.Query, err)
		}
		jr, jp := add(jalsa[q.Class], relevant, jrefs)
		fr, fp := add(sqlite[q.Class], relevant, frefs)
		if *verbose {
			note := ""
			if res.ShowingFor != "" {
				note = " (showing results for «" + res.ShowingFor + "»)"
			}
			fmt.Printf("%-10s %-36s relevant %5d  jalsa %5d R %.2f P %.2f  FTS5 %5d R %.2f P %.2f%s\n",
				q.Class, q.Query, len(relevant), len(jrefs), jr, jp, len(frefs), fr, fp, note)
		}
	}
	fmt.Printf("judged queries over %d generated decisions: recall / precision (macro average)\n", *n)
	fmt.Printf("%-10s %4s %15s %15s\n", "class", "n", "jalsa", "FTS5")
	var all [2]score
	for _, c := range corpus.JudgedClasses {
		j, f := jalsa[c], sqlite[c]
		fmt.Printf("%-10s %4.0f %7.2f / %.2f %7.2f / %.2f\n", c, j.queries, j.recall/j.queries, j.precision/max(j.answered, 1),
			f.recall/f.queries, f.precision/max(f.answered, 1))
		for i, s := range []*score{j, f} {
			all[i].recall += s.recall
			all[i].precision += s.precision
			all[i].answered += s.answered
			all[i].queries += s.queries
		}
	}
	fmt.Printf("%-10s %4.0f %7.2f / %.2f %7.2f / %.2f\n", "all", all[0].queries, all[0].recall/all[0].queries, all[0].precision/max(all[0].answered, 1),
		all[1].recall/all[1].queries, all[1].precision/max(all[1].answered, 1))
	return nil
}

func csvRow(d model.Decision) []string {
	notes := ""
	if len(d.Notes) > 0 {
		notes = d.Notes[0].Text
	}
	amount := ""
	if d.Amount != nil {
		amount = d.Amount.String()
	}
	return []string{d.Ref, d.Session, d.SessionTitle, d.Date, fmt.Sprint(d.Item), d.Line, d.Title, d.Kind, string(d.Outcome),
		fmt.Sprint(d.For), fmt.Sprint(d.Against), fmt.Sprint(d.Abstain), fmt.Sprint(d.Present), fmt.Sprint(d.Seats),
		d.Rule, d.Explanation, d.Text, notes, amount}
}

// ftsSchema keeps every column of the rows, the texts indexed, as a
// register in SQLite would.
const ftsSchema = `CREATE VIRTUAL TABLE d USING fts5(ref UNINDEXED, session UNINDEXED, session_title, date UNINDEXED,
  item UNINDEXED, line UNINDEXED, title, kind UNINDEXED, outcome UNINDEXED, "for" UNINDEXED, against UNINDEXED,
  abstain UNINDEXED, present UNINDEXED, seats UNINDEXED, rule UNINDEXED, explanation UNINDEXED, text, notes,
  amount UNINDEXED, tokenize = 'unicode61 remove_diacritics 2');`

// buildFTS loads the CSV rows into an FTS5 table d.
func buildFTS(db, csvPath string) error {
	script := fmt.Sprintf(".import --csv %s rows\n%s\nINSERT INTO d SELECT * FROM rows;\nDROP TABLE rows;\nVACUUM;\n", csvPath, ftsSchema)
	cmd := exec.Command("sqlite3", db)
	cmd.Stdin = strings.NewReader(script)
	if out, err := cmd.CombinedOutput(); err != nil {
		return fmt.Errorf("sqlite3: %w: %s", err, out)
	}
	return nil
}

// ftsMatch is what a user of FTS5 types for a query: every word, each as a
// string; a phrase in guillemets or quotes as one.
func ftsMatch(q string) string {
	var parts []string
	words := func(seg string) []string {
		return strings.FieldsFunc(seg, func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsNumber(r) && !unicode.IsMark(r) })
	}
	for i, seg := range strings.FieldsFunc(q, func(r rune) bool { return strings.ContainsRune("«»\"“”", r) }) {
		ws := words(seg)
		if len(ws) == 0 {
			continue
		}
		// Segments alternate outside and inside quotes, outside first
		// unless the query opens with a quote.
		inside := (i%2 == 1) != strings.ContainsRune("«\"“", []rune(strings.TrimSpace(q))[0])
		if inside {
			parts = append(parts, `"`+strings.Join(ws, " ")+`"`)
			continue
		}
		for _, w := range ws {
			parts = append(parts, `"`+w+`"`)
		}
	}
	return strings.Join(parts, " ")
}

// ftsRefs runs a query on FTS5 and returns the refs found, best first.
func ftsRefs(db, q string) ([]string, error) {
	match := ftsMatch(q)
	if match == "" {
		return nil, nil
	}
	sql := "SELECT ref FROM d WHERE d MATCH '" + strings.ReplaceAll(match, "'", "''") + "' ORDER BY rank;"
	out, err := exec.Command("sqlite3", db, sql).Output()
	if err != nil {
		return nil, err
	}
	return strings.Fields(string(out)), nil
}
