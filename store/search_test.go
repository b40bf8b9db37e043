package store

import (
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"slices"
	"strings"
	"testing"

	"github.com/jalsa-app/jalsa/model"
)

// TestSearchReferences: a decision's reference finds it (an item with its
// lines), in either digits; a session's id finds its decisions in agenda
// order; what only looks like a reference is searched as text.
func TestSearchReferences(t *testing.T) {
	st := openLookupStore(t)
	budget := pastDecision("2019-06/3", "2019-06-10", "Budget 2020", "")
	line := pastDecision("2019-06/3/I.1", "2019-06-10", "Recettes", "")
	addPast(t, st, pastDecision("2019-06/1", "2019-06-10", "Convention 2019 avec Sefrou", "article 6 et 1"),
		pastDecision("2019-06/2", "2019-06-10", "Rapport", ""), budget, line,
		pastDecision("2020-01/1", "2020-01-15", "Convention", "voir 2019-06/1"))
	for q, want := range map[string][]string{
		"2019-06/1":     {"2019-06/1"},
		"2019-06/3":     {"2019-06/3", "2019-06/3/I.1"},
		"2019-06/3/i.1": {"2019-06/3/I.1"},
		"٢٠١٩-٠٦/٢":     {"2019-06/2"},
		"2019-06":       {"2019-06/1", "2019-06/2", "2019-06/3", "2019-06/3/I.1"},
		"2019-06/9":     nil, // no such decision: searched as text, finds nothing
	} {
		if got := lookupRefs(t, st, Query{Text: q}); !slices.Equal(got, want) {
			t.Errorf("%q: %q, want %q", q, got, want)
		}
	}
	if got := lookupRefs(t, st, Query{Text: "2019-06", Limit: 2}); len(got) != 2 {
		t.Errorf("limit: %q", got)
	}
}

// TestSearchTypos: a word that finds little is replaced by the nearest
// word of the index, and the result says so; a word that finds enough is
// left alone.
func TestSearchTypos(t *testing.T) {
	st := openLookupStore(t)
	var rows []model.Decision
	for i := range 6 {
		rows = append(rows, pastDecision(fmt.Sprintf("2019-06/%d", i+1), "2019-06-10", "تعديل النظام الداخلي للغرفة", "Modification du règlement intérieur"))
	}
	rows = append(rows, pastDecision("2019-06/7", "2019-06-10", "الميزانية", ""))
	addPast(t, st, rows...)
	for q, want := range map[string]string{
		"النضام الداخلي": "النظام الداخلي",
		"reglment":       "règlement",
		"الميزنية":       "الميزانية",
	} {
		res, err := st.Search(Query{Text: q})
		if err != nil || res.ShowingFor != want || len(res.Decisions) == 0 {
			t.Errorf("%q: showing for %q with %d decisions (%v), want %q", q, res.ShowingFor, len(res.Decisions), err, want)
		}
	}
	res, _ := st.Search(Query{Text: "النظام"})
	if res.ShowingFor != "" || len(res.Decisions) != 6 {
		t.Errorf("a word found needs no correction: %q, %d", res.ShowingFor, len(res.Decisions))
	}
	if res, _ := st.Search(Query{Text: "xyzzyq"}); res.ShowingFor != "" || len(res.Decisions) != 0 {
		t.Errorf("nothing near: %+v", res)
	}
}

// TestSearchRanksExactFirst: the kilns (أفران) come before anything else
// for أفران, and Ifrane (إفران) is not found at all; a stem alone does
// not find a word that only looks like it.
func TestSearchRanksExactFirst(t *testing.T) {
	st := openLookupStore(t)
	var rows []model.Decision
	for i := range 30 {
		rows = append(rows, pastDecision(fmt.Sprintf("2019-06/%d", i+1), "2019-06-10", "معرض الصناعة التقليدية بإفران", "اتفاقية تعاون مع جماعة إفران"))
	}
	rows = append(rows, pastDecision("2019-01/1", "2019-01-10", "دعم التأهيل البيئي لأفران الجير", ""),
		pastDecision("2019-01/2", "2019-01-10", "صيانة افران الفخار", ""),
		pastDecision("2019-01/3", "2019-01-10", "تشجيع التعاونيات الحرفية", "الطريق إلى فاس"))
	addPast(t, st, rows...)
	if got := lookupRefs(t, st, Query{Text: "أفران"}); !slices.Equal(got, []string{"2019-01/1", "2019-01/2"}) {
		t.Errorf("أفران: %q", got)
	}
	if got := lookupRefs(t, st, Query{Text: "إفران", Limit: 40}); len(got) != 31 || got[30] != "2019-01/2" {
		t.Errorf("إفران: %d decisions, the one typed plain last: %q", len(got), got)
	}
	if got := lookupRefs(t, st, Query{Text: "التعاونيات"}); !slices.Equal(got, []string{"2019-01/3"}) {
		t.Errorf("التعاونيات: %q (اتفاقية تعاون is no cooperative)", got)
	}
	for _, q := range []string{"والي", "إلى", "في من"} {
		if got := lookupRefs(t, st, Query{Text: q}); len(got) != 0 {
			t.Errorf("%q: %q", q, got)
		}
	}
}

// TestSearchBodyThesaurus: a group in the file beside the database works
// at the next lookup, with no index to rebuild.
func TestSearchBodyThesaurus(t *testing.T) {
	st := openLookupStore(t)
	addPast(t, st, pastDecision("2019-06/1", "2019-06-10", "اقتناء حافلة للنقل", ""))
	if got := lookupRefs(t, st, Query{Text: "طوبيس"}); len(got) != 0 {
		t.Fatalf("before: %q", got)
	}
	if err := os.WriteFile(st.Path()+".thesaurus", []byte("# ours\nحافلة، طوبيس، autobus\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	for _, q := range []string{"طوبيس", "autobus"} {
		if got := lookupRefs(t, st, Query{Text: q}); !slices.Equal(got, []string{"2019-06/1"}) {
			t.Errorf("%q with the body's thesaurus: %q", q, got)
		}
	}
}

// TestAnyTextIsIndexed: whatever text a decision holds, of any length and
// however long its words, is indexed, found by its own words, and leaves
// every later command working: issue 11's `key too large`. The texts are
// as long as a command allows (model.MaxText characters).
func TestAnyTextIsIndexed(t *testing.T) {
	st := openLookupStore(t)
	startLookupSession(t, st)
	word := strings.Repeat("ب", model.MaxText)
	long := strings.Repeat("x", model.MaxText)
	doAll(t, st, &model.ItemCmd{Session: "s1", N: 1, Action: model.ActStart},
		&model.ItemCmd{Session: "s1", N: 1, Action: model.ActNote, Text: word},
		&model.VoteCmd{Session: "s1", N: 1, For: 3})
	addPast(t, st, pastDecision("2019-06/1", "2019-06-10", strings.Repeat("é", 1000), long))
	for q, want := range map[string]string{word: "s1/1", strings.Repeat("é", 1000): "2019-06/1", long: "2019-06/1"} {
		if got := lookupRefs(t, st, Query{Text: q}); !slices.Equal(got, []string{want}) {
			t.Errorf("a %d-byte word: %q, want %s", len(q), got, want)
		}
	}
	doAll(t, st, &model.ItemCmd{Session: "s1", N: 1, Action: model.ActNote, Text: long})
	mustVerify(t, st)
	if _, err := st.RepairIndex(); err != nil {
		t.Fatal(err)
	}
	mustVerify(t, st)
	if err := st.Backup(st.Path() + ".bak"); err != nil {
		t.Fatal(err)
	}
}

// TestImportInBatches: a register bigger than a batch is written batch by
// batch; between batches other commands and lookups run, and see none of
// the import until it is whole.
func TestImportInBatches(t *testing.T) {
	st := openLookupStore(t)
	startLookupSession(t, st)
	rows := manyRows(3*RegisterChunk + 10)
	batches := 0
	afterBatch = func(done int) error {
		batches++
		if got := lookupRefs(t, st, Query{Text: "Sefrou"}); len(got) != 0 {
			t.Errorf("after %d rows, the import shows: %d decisions", done, len(got))
		}
		if _, err := st.Decision(rows[0].Ref); err == nil {
			t.Errorf("after %d rows, show finds a row of the import", done)
		}
		// A command between two batches.
		doAll(t, st, &model.ItemCmd{Session: "s1", N: 2, Action: model.ActNote, Text: fmt.Sprintf("note %d", batches)})
		return nil
	}
	defer func() { afterBatch = nil }()
	addPast(t, st, rows...)
	if batches < 3 {
		t.Errorf("%d pauses between batches, want at least 3", batches)
	}
	if got := lookupRefs(t, st, Query{Text: "Sefrou"}); len(got) != len(rows) {
		t.Errorf("after the import: %d decisions, want %d", len(got), len(rows))
	}
	mustVerify(t, st)
}

// TestImportTakenUp: an import stopped between two batches (a killed
// process) shows none of its rows; another file is refused until the same
// file is imported again, which writes only what is missing and shows it
// all. The request id is found (Recorded) only once the import is whole:
// a client whose owner died mid-import runs it again.
func TestImportTakenUp(t *testing.T) {
	st := openLookupStore(t)
	rows := manyRows(3*RegisterChunk - 5)
	stop := errors.New("killed")
	afterBatch = func(done int) error {
		if done >= RegisterChunk {
			return stop
		}
		return nil
	}
	first := NewRequestID()
	_, err := st.ImportRegister(Origin{Actor: "test", Request: first}, "old.jsonl", strings.NewReader(jsonLines(t, rows)), RegisterOptions{})
	afterBatch = nil
	if !errors.Is(err, stop) {
		t.Fatalf("import: %v", err)
	}
	if _, ok, err := st.Recorded(first); ok || err != nil {
		t.Fatalf("an unfinished import is recorded as done (%v)", err)
	}
	if got := lookupRefs(t, st, Query{Text: "Sefrou"}); len(got) != 0 {
		t.Fatalf("an unfinished import shows %d decisions", len(got))
	}
	mustVerify(t, st)
	seq := st.Seq()
	_, err = st.ImportRegister(Origin{Actor: "test"}, "other.jsonl", strings.NewReader(jsonLines(t, manyRows(3))), RegisterOptions{})
	var me *model.Error
	if !errors.As(err, &me) || me.Key != "store.import_unfinished" || st.Seq() != seq {
		t.Fatalf("another file during an unfinished import: %v", err)
	}
	// Reopened, as after the kill, and taken up.
	path := st.Path()
	st.Close()
	st, err = Open(path, Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	again := NewRequestID()
	rep, err := st.ImportRegister(Origin{Actor: "test", Request: again}, "old.jsonl", strings.NewReader(jsonLines(t, rows)), RegisterOptions{})
	if err != nil || rep.Imported != len(rows) {
		t.Fatalf("taken up: %+v, %v", rep, err)
	}
	if ev, ok, err := st.Recorded(again); !ok || err != nil || ev.Seq != st.Seq() {
		t.Errorf("the whole import is not recorded under its request on its last event: %+v %v %v", ev.Seq, ok, err)
	}
	if st.Seq() == seq {
		t.Errorf("taking up wrote no event")
	}
	if got := lookupRefs(t, st, Query{Text: "Sefrou"}); len(got) != len(rows) {
		t.Errorf("after taking up: %d decisions, want %d", len(got), len(rows))
	}
	mustVerify(t, st)
	if _, err := st.RepairIndex(); err != nil {
		t.Fatal(err)
	}
	mustVerify(t, st)
}

func manyRows(n int) []model.Decision {
	rows := make([]model.Decision, n)
	for i := range rows {
		rows[i] = pastDecision(fmt.Sprintf("2019-%02d/%d", 1+i%12, 1+i/12), "2019-06-10", "Convention avec Sefrou", "Texte")
	}
	return rows
}

func jsonLines(t *testing.T, rows []model.Decision) string {
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
	return b.String()
}
