package store

import (
	"bytes"
	"path/filepath"
	"testing"

	"github.com/jalsa-app/jalsa/model"
)

func strp(s string) *string { return &s }

// prepare records a body and its roster by the roster commands, a draft
// session, an agenda built, reordered and cut, a budget's lines set twice,
// a member's change and departure: every preparation event.
func prepare(t testing.TB, st *Store) {
	t.Helper()
	mustDo(t, st, &model.BodyCreateCmd{ID: "cat", Name: "غرفة", Seats: 0})
	mustDo(t, st, &model.MembersImportCmd{Body: "cat", Members: []model.Member{
		{ID: "m1", Name: "ناجي", Role: "president", Gender: model.Male},
		{ID: "m2", Name: "لطيفة", Role: "secretary", Gender: model.Female},
		{ID: "m3", Name: "يوسف"},
		{ID: "m4", Name: "خديجة", Gender: model.Female},
	}})
	mustDo(t, st, &model.BodySetCmd{Body: "cat", LegalBasis: strp("طبقا للقانون 18.09،"), Name: strp("Chambre"), In: "fr"})
	mustDo(t, st, &model.NewSessionCmd{Body: "cat", ID: "2025-02", Title: "فبراير", Date: "2025-02-24", Time: "10:00", Place: "فاس"})
	for _, title := range []string{"أ", "ب", "ج", "د"} {
		mustDo(t, st, &model.AgendaCmd{Session: "2025-02", Action: model.AgendaAdd, Title: strp(title), Kind: strp(model.KindAgreement)})
	}
	mustDo(t, st, &model.AgendaCmd{Session: "2025-02", Action: model.AgendaAdd, Title: strp("الميزانية"), Kind: strp(model.KindBudget)})
	lines := func(n int) []model.BudgetLine {
		var out []model.BudgetLine
		for i := range n {
			kind := "revenue"
			if i%2 == 1 {
				kind = "expense"
			}
			out = append(out, model.BudgetLine{Code: string(rune('A'+i)) + "1", Kind: kind, Label: "سطر", Amount: 100})
		}
		return out
	}
	mustDo(t, st, &model.BudgetImportCmd{Session: "2025-02", N: 5, Lines: lines(6)})
	mustDo(t, st, &model.BudgetImportCmd{Session: "2025-02", N: 5, Lines: lines(2)})
	mustDo(t, st, &model.AgendaCmd{Session: "2025-02", Action: model.AgendaMove, N: 5, To: 1})
	mustDo(t, st, &model.AgendaCmd{Session: "2025-02", Action: model.AgendaRemove, N: 3})
	mustDo(t, st, &model.GuestsCmd{Session: "2025-02", Action: "add", Guest: model.Guest{Name: "الوالي"}})
	mustDo(t, st, &model.EditSessionCmd{Session: "2025-02", Convened: strp("2025-02-10")})
	mustDo(t, st, &model.MemberSetCmd{Body: "cat", ID: "m3", Role: strp("treasurer")})
	mustDo(t, st, &model.MemberLeaveCmd{Body: "cat", ID: "m4", Date: "2025-01-31", Reason: "استقالة"})
}

// What the preparation commands record is on disk: the body (which no
// session's write carries), an agenda that lost items and lines, and
// verify finds the stored state equal to the replay of the events; an
// export imported into an empty database gives the same record.
func TestPreparationIsRecorded(t *testing.T) {
	path := filepath.Join(t.TempDir(), "j.db")
	st := openStore(t, path)
	prepare(t, st)
	want := stateJSON(t, st)
	if err := st.Close(); err != nil {
		t.Fatal(err)
	}
	st = openStore(t, path)
	defer st.Close()
	if got := stateJSON(t, st); got != want {
		t.Errorf("reopened state differs:\n got %s\nwant %s", got, want)
	}
	var items, lines int
	st.Read(func(s *model.State) {
		items = len(s.Sessions["2025-02"].Items)
		lines = len(s.Sessions["2025-02"].Items[0].Lines)
	})
	if items != 4 || lines != 2 {
		t.Errorf("after the agenda's edits: %d items, the budget %d lines; want 4 and 2", items, lines)
	}
	if _, err := st.Verify(); err != nil {
		t.Errorf("verify: %v", err)
	}
	dst := newStore(t)
	if _, err := dst.Import(bytes.NewReader(exportOf(t, st)), ""); err != nil {
		t.Fatal(err)
	}
	if stateJSON(t, dst) != want {
		t.Error("the imported record differs")
	}
	if _, err := dst.Verify(); err != nil {
		t.Errorf("verify after import: %v", err)
	}

	// A body with no session yet is a record of its own too.
	only := newStore(t)
	mustDo(t, only, &model.BodyCreateCmd{ID: "solo", Name: "Solo"})
	again := newStore(t)
	if _, err := again.Import(bytes.NewReader(exportOf(t, only)), ""); err != nil {
		t.Fatal(err)
	}
	if _, err := again.Verify(); err != nil {
		t.Errorf("verify of an imported body without sessions: %v", err)
	}
}
