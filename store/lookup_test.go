package store

import (
	"encoding/json"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/jalsa-app/jalsa/model"
)

// openLookupStore opens a fresh database whose clock starts on 24 June 2024
// at 9:00 and moves a minute per change.
func openLookupStore(t *testing.T) *Store {
	t.Helper()
	at := time.Date(2024, 6, 24, 9, 0, 0, 0, time.UTC)
	st, err := Open(filepath.Join(t.TempDir(), "j.db"), Options{Clock: func() time.Time { at = at.Add(time.Minute); return at }})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	return st
}

// pastDecision is a register row with what lookups need; the rest of the
// fields take plausible values.
func pastDecision(ref, date, title, text string) model.Decision {
	session, item, line, _ := model.SplitRef(ref)
	return model.Decision{Ref: ref, Session: session, Item: item, Line: line, Date: date, Title: title, Text: text,
		Kind: model.KindAgreement, Outcome: model.Adopted}
}

// addPast loads rows into the register the way import-decisions does.
func addPast(t *testing.T, st *Store, rows ...model.Decision) {
	t.Helper()
	var b strings.Builder
	for _, d := range rows {
		line, err := json.Marshal(d)
		if err != nil {
			t.Fatal(err)
		}
		b.Write(line)
		b.WriteByte('\n')
	}
	rep, err := st.ImportRegister(Origin{Actor: "test"}, "rows.jsonl", strings.NewReader(b.String()), RegisterOptions{})
	if err != nil {
		t.Fatalf("import: %v (bad rows %v)", err, rep.Bad)
	}
}

// lookupRefs runs q and returns the refs found, in order.
func lookupRefs(t *testing.T, st *Store, q Query) []string {
	t.Helper()
	ds, err := st.Lookup(q)
	if err != nil {
		t.Fatalf("lookup %+v: %v", q, err)
	}
	refs := make([]string, len(ds))
	for i, d := range ds {
		refs[i] = d.Ref
	}
	return refs
}

func sorted(refs []string) []string { return slices.Sorted(slices.Values(refs)) }

// TestLookupSpecPairs runs the word pairs of SPEC §8 through the whole
// lookup, index included.
func TestLookupSpecPairs(t *testing.T) {
	st := openLookupStore(t)
	addPast(t, st,
		pastDecision("2019-06/1", "2019-06-10", "المصادقة على الاتفاقية مع جماعة فاس", ""),
		pastDecision("2019-06/2", "2019-06-10", "تجديد اتفاقيات الشراكة", ""),
		pastDecision("2019-06/3", "2019-06-10", "مشروع إتفاقية التكوين", ""),
		pastDecision("2019-06/4", "2019-06-10", "Projet de règlement intérieur", ""),
		pastDecision("2019-06/5", "2019-06-10", "إحداث ملحقة بصفرو", ""),
		pastDecision("2019-06/6", "2019-06-10", "الميزانية", "la règle du quorum"),
	)
	agreements := []string{"2019-06/1", "2019-06/2", "2019-06/3"}
	for _, c := range []struct {
		query string
		want  []string
	}{
		{"الاتفاقية", agreements},
		{"اتفاقيات", agreements},
		{"إتفاقية", agreements},
		{"والاتفاقية", agreements},
		{"reglement", []string{"2019-06/4"}},
		{"RÈGLEMENT", []string{"2019-06/4"}},
		{"صفرو", []string{"2019-06/5"}},
		{"بصفرو", []string{"2019-06/5"}},
		{"الاتفاقية فاس", []string{"2019-06/1"}}, // every word must match
		{"الاتفاقية مكناس", nil},
		{"regle", []string{"2019-06/6"}},
	} {
		if got := sorted(lookupRefs(t, st, Query{Text: c.query})); !slices.Equal(got, c.want) {
			t.Errorf("%q found %q, want %q", c.query, got, c.want)
		}
	}
}

// TestLookupFields checks that the decision text, its notes and the session
// label are searched as well as the title.
func TestLookupFields(t *testing.T) {
	st := openLookupStore(t)
	withNote := pastDecision("2018-02/1", "2018-02-05", "Budget", "")
	withNote.Notes = []model.Note{{Text: "Intervention sur la tannerie de Chouara"}}
	withLabel := pastDecision("2018-02/2", "2018-02-05", "Rapport", "")
	withLabel.SessionTitle = "Session extraordinaire de février"
	addPast(t, st, withNote, withLabel, pastDecision("2018-02/3", "2018-02-05", "Convention", "avec la commune d'Azrou"))
	for q, want := range map[string]string{"chouara": "2018-02/1", "extraordinaire": "2018-02/2", "azrou": "2018-02/3"} {
		if got := lookupRefs(t, st, Query{Text: q}); !slices.Equal(got, []string{want}) {
			t.Errorf("%q found %q, want %s", q, got, want)
		}
	}
}

func TestLookupRanking(t *testing.T) {
	st := openLookupStore(t)
	addPast(t, st,
		// The text mention is more recent, the title one wins.
		pastDecision("2010-01/1", "2010-01-10", "Convention avec la commune de Sefrou", "Texte de la décision sur la convention."),
		pastDecision("2020-01/1", "2020-01-10", "Convention avec la commune de Fès", "Texte de la décision sur Sefrou aussi."),
		// Same content: the most recent first, then the later item.
		pastDecision("2012-01/1", "2012-01-10", "Approbation du budget", "Les crédits du budget."),
		pastDecision("2016-01/1", "2016-01-10", "Approbation du budget", "Les crédits du budget."),
		pastDecision("2016-01/2", "2016-01-10", "Approbation du budget", "Les crédits du budget."),
		pastDecision("2014-01/1", "2014-01-10", "Approbation du budget", "Les crédits du budget."),
	)
	if got := lookupRefs(t, st, Query{Text: "Sefrou"}); !slices.Equal(got, []string{"2010-01/1", "2020-01/1"}) {
		t.Errorf("Sefrou: %q, want the title match first", got)
	}
	want := []string{"2016-01/2", "2016-01/1", "2014-01/1", "2012-01/1"}
	if got := lookupRefs(t, st, Query{Text: "budget"}); !slices.Equal(got, want) {
		t.Errorf("budget: %q, want %q (recent first on equal scores)", got, want)
	}
	if got := lookupRefs(t, st, Query{Text: "budget", Limit: 2}); !slices.Equal(got, want[:2]) {
		t.Errorf("budget, limit 2: %q, want %q", got, want[:2])
	}
}

func TestLookupPhrases(t *testing.T) {
	st := openLookupStore(t)
	addPast(t, st,
		pastDecision("2015-03/1", "2015-03-02", "Adoption du Règlement Intérieur", ""),
		pastDecision("2015-03/2", "2015-03-02", "Le règlement financier et intérieur", ""),
		// A phrase does not run from one field into the next.
		pastDecision("2015-03/3", "2015-03-02", "Modification du règlement", "intérieur de la Chambre"),
		pastDecision("2015-03/4", "2015-03-02", "ملحقة بإقليم صفرو", "الدورة العادية"),
		pastDecision("2015-03/5", "2015-03-02", "صفرو إقليم", "العادية الدورة"),
	)
	for _, c := range []struct {
		query string
		want  []string
	}{
		{`"règlement intérieur"`, []string{"2015-03/1"}},
		{"«reglement interieur»", []string{"2015-03/1"}},
		{"règlement intérieur", []string{"2015-03/1", "2015-03/2", "2015-03/3"}},
		{`"إقليم صفرو"`, []string{"2015-03/4"}},
		{`"الدورة العادية" صفرو`, []string{"2015-03/4"}},
		{`"الدورة العادية" فاس`, nil},
		{`"الدورة العادية`, []string{"2015-03/4"}}, // still being typed
	} {
		if got := sorted(lookupRefs(t, st, Query{Text: c.query})); !slices.Equal(got, c.want) {
			t.Errorf("%s found %q, want %q", c.query, got, c.want)
		}
	}
}

func TestLookupFilters(t *testing.T) {
	st := openLookupStore(t)
	rejected := pastDecision("2021-10/2", "2021-10-20", "Convention avec l'ANAPEC", "")
	rejected.Outcome = model.Rejected
	budget := pastDecision("2022-06/1", "2022-06-15", "Budget de l'exercice 2023", "")
	budget.Kind = model.KindBudget
	noted := pastDecision("2023-02/1", "2023-02-01", "Rapport moral", "")
	noted.Kind, noted.Outcome = model.KindReport, model.Noted
	addPast(t, st, pastDecision("2021-10/1", "2021-10-20", "Convention avec la CNSS", ""), rejected, budget, noted)
	for _, c := range []struct {
		q    Query
		want []string
	}{
		{Query{}, []string{"2023-02/1", "2022-06/1", "2021-10/2", "2021-10/1"}},
		{Query{Limit: 2}, []string{"2023-02/1", "2022-06/1"}},
		{Query{Session: "2021-10"}, []string{"2021-10/2", "2021-10/1"}},
		{Query{Session: "1999-01"}, nil},
		{Query{Since: "2022-06-15"}, []string{"2023-02/1", "2022-06/1"}},
		{Query{Until: "2022-06-15"}, []string{"2022-06/1", "2021-10/2", "2021-10/1"}},
		{Query{Since: "2021-10-21", Until: "2022-12-31"}, []string{"2022-06/1"}},
		{Query{Outcome: "rejected"}, []string{"2021-10/2"}},
		{Query{Outcome: "pending"}, nil},
		{Query{Kind: "budget"}, []string{"2022-06/1"}},
		{Query{Kind: "report", Outcome: "noted"}, []string{"2023-02/1"}},
		{Query{Text: "convention", Outcome: "adopted"}, []string{"2021-10/1"}},
		{Query{Text: "convention", Session: "2022-06"}, nil},
		{Query{Text: "?!"}, nil}, // nothing to search for is not "everything"
	} {
		if got := lookupRefs(t, st, c.q); !slices.Equal(got, c.want) {
			t.Errorf("%+v: %q, want %q", c.q, got, c.want)
		}
	}
}

func TestDecisionFindsRegisterRows(t *testing.T) {
	st := openLookupStore(t)
	d := pastDecision("2017-11/4/II.1.2", "2017-11-08", "Indemnités des membres", "")
	d.For, d.Against, d.Abstain, d.Present, d.Seats, d.Rule = 40, 2, 1, 50, 82, "cast"
	d.Notes = []model.Note{{Text: "Vote à main levée"}}
	addPast(t, st, d)
	got, err := st.Decision("2017-11/4/II.1.2")
	if err != nil {
		t.Fatal(err)
	}
	a, _ := json.Marshal(got)
	b, _ := json.Marshal(d)
	if string(a) != string(b) {
		t.Errorf("show of a register row:\n%s\nwant\n%s", a, b)
	}
	if _, err := st.Decision("2017-11/5"); model.ExitCode(err) != 4 {
		t.Errorf("unknown ref: %v, want not found", err)
	}
}
