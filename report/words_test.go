package report

import (
	"strings"
	"testing"
	"time"

	"github.com/jalsa-app/jalsa/model"
)

func TestAmounts(t *testing.T) {
	// Digits grouped by U+202F (narrow no-break space), the currency after
	// a no-break space.
	const nbsp, nnbsp = "\u00a0", "\u202f"
	c := model.Cents(123456789)
	for _, tc := range []struct{ lang, want string }{
		{"ar", "1" + nnbsp + "234" + nnbsp + "567,89" + nbsp + "درهم"},
		{"fr", "1" + nnbsp + "234" + nnbsp + "567,89" + nbsp + "DH"},
		{"en", "1,234,567.89" + nbsp + "MAD"},
	} {
		if got := (words{tc.lang}).Amount(c); got != tc.want {
			t.Errorf("%s: Amount = %q, want %q", tc.lang, got, tc.want)
		}
	}
	if got := (words{"fr"}).Amount(-5); got != "-0,05\u00a0DH" {
		t.Errorf("negative amount = %q", got)
	}
}

func TestDates(t *testing.T) {
	at := func(t time.Time) time.Time { return t.In((&model.Body{}).Location()) }
	casa := time.Date(2024, 8, 1, 8, 5, 0, 0, time.UTC) // 09:05 in Casablanca (UTC+1)
	for _, tc := range []struct{ lang, date, clock string }{
		{"ar", "الخميس 1 غشت 2024", "09:05"},
		{"fr", "jeudi 1er août 2024", "09 h 05"},
		{"en", "Thursday 1 August 2024", "09:05"},
	} {
		w := words{tc.lang}
		if got := w.Date(at(casa)); got != tc.date {
			t.Errorf("%s: Date = %q, want %q", tc.lang, got, tc.date)
		}
		if got := w.Clock(at(casa)); got != tc.clock {
			t.Errorf("%s: Clock = %q, want %q", tc.lang, got, tc.clock)
		}
	}
	// Morocco keeps UTC during Ramadan: 10:00 UTC on 15 March 2025 is 10:00.
	if got := (words{"en"}).Clock(at(time.Date(2025, 3, 15, 10, 0, 0, 0, time.UTC))); got != "10:00" {
		t.Errorf("Ramadan 2025: Clock = %q, want 10:00 (Africa/Casablanca is UTC+0 then)", got)
	}
}

func TestQuorumStatement(t *testing.T) {
	w := words{"ar"}
	met := w.QuorumStatement(Quorum{Rule: "majority", Call: 1, Present: 67, Seats: 82, Required: 42, Met: true})
	for _, want := range []string{"67 عضوا", "82 عضوا", "42 عضوا", "أكثر من نصف", "الدعوة الأولى", "مكتملا"} {
		if !strings.Contains(met, want) {
			t.Errorf("quorum statement %q lacks %q", met, want)
		}
	}
	lost := w.QuorumStatement(Quorum{Rule: "30", Call: 2, Present: 20, Seats: 82, Required: 30})
	if !strings.Contains(lost, "حضور 30 عضوا على الأقل") || !strings.Contains(lost, "لم يكتمل") {
		t.Errorf("quorum statement %q does not say 30 are required and the quorum is not met", lost)
	}
	none := (words{"en"}).QuorumStatement(Quorum{Rule: "none", Call: 3, Present: 5, Seats: 82})
	if !strings.Contains(none, "numbered 5 members out of 82 members in office; no quorum is required (third convocation)") {
		t.Errorf("third convocation: %q", none)
	}
}

// TestWordingIsPlainText keeps markup out of the catalogs: the Markdown
// renderer escapes whole sentences, which must not gain backslashes.
func TestWordingIsPlainText(t *testing.T) {
	en := english()
	for name, c := range map[string]map[string]string{"english": en, "french": french(), "arabic": arabic()} {
		if len(c) != len(en) {
			t.Errorf("%s has %d keys, english %d", name, len(c), len(en))
		}
		for k, v := range c {
			if strings.ContainsAny(v, mdSpecial) {
				t.Errorf("%s %s: %q holds Markdown markup", name, k, v)
			}
		}
	}
}

func TestClean(t *testing.T) {
	if got := clean(" a\x1b[2Jb\u202e\tc\nd\u200f "); got != "a[2Jb c d\u200f" {
		t.Errorf("clean = %q", got)
	}
}

// BenchmarkMarkdown measures the minutes of a closed session with a
// 37-line budget; the TUI renders them on every change in its preview.
func BenchmarkMarkdown(b *testing.B) {
	st := model.NewState()
	body := &model.Body{ID: "b", Name: "هيئة", Language: "ar", Seats: 82, Rules: model.DefaultRules()}
	for i := range 82 {
		body.Members = append(body.Members, model.Member{ID: "m" + string(rune('A'+i/26)) + string(rune('a'+i%26)), Name: "عضو"})
	}
	st.Bodies["b"] = body
	it := &model.Item{N: 1, Title: "الميزانية", Kind: model.KindBudget, VoteMode: "lines", Outcome: model.Adopted,
		Vote: &model.Vote{For: 70, Present: 76, Seats: 82, Quorum: 42, Rule: model.MajorityCast, Outcome: model.Adopted}}
	for i := range 37 {
		it.Lines = append(it.Lines, &model.BudgetLine{Code: "L" + string(rune('a'+i%26)), Label: "سطر", Kind: "expense", Amount: 100000,
			Outcome: model.Adopted, Vote: it.Vote})
	}
	sit := &model.Sitting{N: 1, Call: 1, Attendance: map[string]model.Presence{}}
	for _, m := range body.Members {
		sit.Attendance[m.ID] = model.Present
		sit.Moves = append(sit.Moves, model.Move{Member: m.ID, Presence: model.Present, Kind: "roll"})
	}
	st.Sessions["s"] = &model.Session{ID: "s", Body: "b", Kind: "ordinary", Title: "دورة", Date: "2024-10-28", Chair: "mAa",
		State: model.StateClosed, Items: []*model.Item{it}, Sittings: []*model.Sitting{sit}}
	b.ReportAllocs()
	for b.Loop() {
		if _, err := Markdown(st, "s", "ar"); err != nil {
			b.Fatal(err)
		}
	}
}

// TestRoleName: roles jalsa knows are named in the reader's language, a
// plain member has none, and any other role stays as the file wrote it.
func TestRoleName(t *testing.T) {
	for _, c := range []struct{ lang, role, want string }{
		{"ar", "vice-president", "نائب الرئيس"},
		{"fr", "deputy-secretary", "secrétaire adjoint"},
		{"en", "president", "president"},
		{"ar", "member", ""},
		{"fr", "", ""},
		{"ar", "مقرر اللجنة", "مقرر اللجنة"},
	} {
		if got := RoleName(c.lang, c.role); got != c.want {
			t.Errorf("RoleName(%s, %q) = %q, want %q", c.lang, c.role, got, c.want)
		}
	}
}
