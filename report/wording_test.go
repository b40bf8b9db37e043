package report

import (
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/jalsa-app/jalsa/model"
	"pgregory.net/rapid"
)

// TestWordingTable pins the exact words of the minutes for every rule ×
// outcome × language: what the vote was (counts), why the rule gives its
// outcome (reasons) and the decision, for a presiding woman (the feminine
// forms; the masculine ones are in the goldens of the demo). The table is
// testdata/wording.golden, one block per case, to read as a secretary
// would; go test ./report -update rewrites it after a reviewed change.
func TestWordingTable(t *testing.T) {
	var b strings.Builder
	for _, c := range wordingCases {
		v := c.vote()
		if got := model.Decide(c.rule, c.tie, model.Tally{For: c.f, Against: c.a, Abstain: c.ab}, c.present, 82, c.chair); got != c.outcome {
			t.Fatalf("%s: the fixture says %s, the rules engine %s", c.name, c.outcome, got)
		}
		v.Time = time.Date(2024, 10, 28, 9, 39, 0, 0, time.UTC)
		fmt.Fprintf(&b, "== %s: %s, %d for, %d against, %d abstaining, %d present\n", c.name, c.rule, c.f, c.a, c.ab, c.present)
		for _, lang := range []string{"ar", "fr", "en"} {
			w := words{lang}
			fmt.Fprintf(&b, "%s vote:     %s\n%s reasons:  %s\n%s decision: %s\n", lang, w.VoteCounts(v), lang, w.Why(v, model.Female),
				lang, w.Result(Item{Outcome: c.outcome, Vote: v}, model.Female))
		}
	}
	goldenFile(t, filepath.Join("testdata", "wording.golden"), b.String())
}

// TestUnanimityWording: unanimity is said only when every member present
// voted for (or against); no vote against, with abstentions or members
// who did not vote, is the unanimity of the votes cast; otherwise the
// decision gives the majority with its counts.
func TestUnanimityWording(t *testing.T) {
	want := map[string]map[string]string{
		"ar": {"all": "تمت المصادقة بالإجماع.", "cast": "تمت المصادقة بإجماع الأصوات المعبر عنها.", "majority": "تمت المصادقة بأغلبية 60 صوتا مقابل 4 أصوات."},
		"fr": {"all": "Adopté à l'unanimité.", "cast": "Adopté à l'unanimité des suffrages exprimés.", "majority": "Adopté à la majorité de 60 voix contre 4 voix."},
		"en": {"all": "Adopted unanimously.", "cast": "Adopted unanimously by the votes cast.", "majority": "Adopted by a majority of 60 votes to 4 votes."},
	}
	for _, c := range []struct {
		kind              string
		f, a, ab, present int
	}{
		{"all", 68, 0, 0, 68},
		{"cast", 64, 0, 0, 68}, // the item 1: four present did not vote
		{"cast", 64, 0, 4, 68},
		{"cast", 1, 0, 1, 2},
		{"majority", 60, 4, 0, 64},
	} {
		v := &Vote{For: c.f, Against: c.a, Abstain: c.ab, Present: c.present, Seats: 82, Rule: model.MajorityCast, Tie: model.TiePresident, Outcome: model.Adopted}
		for lang, ws := range want {
			if got := (words{lang}).Result(Item{Outcome: model.Adopted, Vote: v}, ""); got != ws[c.kind] {
				t.Errorf("%s %d-%d-%d of %d: %q, want %q", lang, c.f, c.a, c.ab, c.present, got, ws[c.kind])
			}
		}
	}
}

// TestCount: a number and its noun agree in each language — Arabic 1 (the
// noun and «واحد»), 2 (the dual, by case), 3–10 (plural), 11–99 (singular
// accusative), 100–102 (singular), and again by the last two digits.
func TestCount(t *testing.T) {
	for _, c := range []struct {
		lang string
		n    int
		nn   noun
		gc   grammaticalCase
		want string
	}{
		{"ar", 1, nounMember, nominative, "عضو واحد"},
		{"ar", 1, nounMember, accusative, "عضوا واحدا"},
		{"ar", 1, nounVote, genitive, "صوت واحد"},
		{"ar", 2, nounMember, nominative, "عضوان"},
		{"ar", 2, nounMember, genitive, "عضوين"},
		{"ar", 2, nounVote, accusative, "صوتين"},
		{"ar", 3, nounMember, nominative, "3 أعضاء"},
		{"ar", 10, nounVote, genitive, "10 أصوات"},
		{"ar", 11, nounMember, nominative, "11 عضوا"},
		{"ar", 64, nounVote, genitive, "64 صوتا"},
		{"ar", 99, nounMember, accusative, "99 عضوا"},
		{"ar", 100, nounMember, nominative, "100 عضو"},
		{"ar", 101, nounVote, genitive, "101 صوت"},
		{"ar", 102, nounMember, genitive, "102 عضو"},
		{"ar", 103, nounMember, genitive, "103 أعضاء"},
		{"ar", 111, nounVote, nominative, "111 صوتا"},
		{"ar", 68, nounVoter, nominative, "68 مصوتا"},
		{"ar", 5, nounVoter, nominative, "5 مصوتين"},
		{"fr", 0, nounMember, nominative, "0 membre"},
		{"fr", 1, nounMember, nominative, "1 membre"},
		{"fr", 2, nounMember, nominative, "2 membres"},
		{"fr", 2, nounVote, nominative, "2 voix"},
		{"fr", 1, nounAbst, nominative, "1 abstention"},
		{"fr", 6, nounAbst, nominative, "6 abstentions"},
		{"en", 1, nounMember, nominative, "1 member"},
		{"en", 0, nounVote, nominative, "0 votes"},
		{"en", 68, nounVoter, nominative, "68 members voting"},
		{"en", 1, nounArrival, nominative, "1 arrival"},
	} {
		if got := count(c.lang, c.n, c.nn, c.gc); got != c.want {
			t.Errorf("count(%s, %d, %s, case %d) = %q, want %q", c.lang, c.n, c.nn, c.gc, got, c.want)
		}
	}
}

// shorthand is what the minutes must never say: comparison signs, and the
// bare words for/against as counts' labels («64 مع»، «مع > 0 ضد»).
var shorthand = regexp.MustCompile(`[<>≤≥=]|\d+ (مع|ضد)([\s.،؛]|$)|(^|\s)(مع|ضد)[.؛،]?$|(^|\s)(مع|ضد) \d`)

// TestShorthandCatches keeps the property test honest: the machine
// wording the minutes used to print is caught.
func TestShorthandCatches(t *testing.T) {
	for _, s := range []string{"صودق عليه: 64 مع > 0 ضد (الأصوات المعبر عنها)؛ النصاب 68/82 ≥ 42", "تعادل 30 مع = 30 ضد، وصوت رئيس الجلسة مع",
		"وصوت رئيس الجلسة مع.", "الموافقون 58 مع", "adopted: 41 for > 3 against"} {
		if !shorthand.MatchString(s) {
			t.Errorf("shorthand misses %q", s)
		}
	}
	for _, s := range []string{"صوت ضده 3 أعضاء", "وقد حصل المقترح على صوت واحد ضده، فلم يستوف هذا الشرط.", "مع امتناع 6 أعضاء"} {
		if shorthand.MatchString(s) {
			t.Errorf("shorthand flags the prose %q", s)
		}
	}
}

// TestProseProperties draws votes under every rule and checks, in every
// language, that the prose says every count, never shorthand, ends as a
// sentence, agrees with the rules engine on the figures it gives, and
// says unanimity exactly when everyone present voted the same way.
func TestProseProperties(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		seats := rapid.IntRange(1, 120).Draw(t, "seats")
		present := rapid.IntRange(1, seats).Draw(t, "present")
		f := rapid.IntRange(0, present).Draw(t, "for")
		a := rapid.IntRange(0, present-f).Draw(t, "against")
		ab := rapid.IntRange(0, present-f-a).Draw(t, "abstain")
		rule := rapid.SampledFrom(model.Majorities).Draw(t, "rule")
		tie := rapid.SampledFrom([]model.TieRule{model.TiePresident, model.TieRejected}).Draw(t, "tie")
		chair := rapid.SampledFrom([]model.Choice{model.For, model.Against, model.Abstain, model.NoVote}).Draw(t, "chair")
		gender := rapid.SampledFrom([]string{"", model.Female, model.Male}).Draw(t, "gender")
		out := model.Decide(rule, tie, model.Tally{For: f, Against: a, Abstain: ab}, present, seats, chair)
		v := &Vote{For: f, Against: a, Abstain: ab, Present: present, Seats: seats, Quorum: seats/2 + 1, Rule: rule, Tie: tie, Chair: chair, Outcome: out}
		for _, lang := range []string{"ar", "fr", "en"} {
			w := words{lang}
			counts, why, result := w.VoteCounts(v), w.Why(v, gender), w.Result(Item{Outcome: out, Vote: v}, gender)
			for name, s := range map[string]string{"vote": counts, "reasons": why, "decision": result} {
				if m := shorthand.FindString(s); m != "" {
					t.Fatalf("%s %s says %q: %s", lang, name, m, s)
				}
				if !strings.HasSuffix(s, ".") {
					t.Fatalf("%s %s does not end as a sentence: %s", lang, name, s)
				}
				if strings.Contains(s, "%!") {
					t.Fatalf("%s %s has a formatting error: %s", lang, name, s)
				}
			}
			for _, n := range []int{f, a, ab, present, seats} {
				if n > 2 && !strings.Contains(counts, strconv.Itoa(n)) {
					t.Fatalf("%s vote does not give %d: %s", lang, n, counts)
				}
			}
			if base, least, ok := minimum(v); ok && !model.IsTie(rule, model.Tally{For: f, Against: a, Abstain: ab}) {
				if (f >= least) != (out == model.Adopted) {
					t.Fatalf("%s: the reasons say at least %d of %d, the vote had %d for and is %s", lang, least, base, f, out)
				}
			}
			unanimous := map[string]string{"ar": "بالإجماع.", "fr": "à l'unanimité.", "en": "unanimously."}[lang]
			all := (out == model.Adopted && f == present || out == model.Rejected && a == present) &&
				!model.IsTie(rule, model.Tally{For: f, Against: a, Abstain: ab})
			if strings.HasSuffix(result, unanimous) != all {
				t.Fatalf("%s: %d-%d-%d of %d present, %s: %q", lang, f, a, ab, present, out, result)
			}
		}
	})
}

// goldenFile compares got with the file at path, or rewrites the file
// under -update (the flag report_test.go declares).
func goldenFile(t *testing.T, path, got string) {
	t.Helper()
	if f := flag.Lookup("update"); f != nil && f.Value.String() == "true" {
		if err := os.WriteFile(path, []byte(got), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go test ./report -update to create it)", err)
	}
	gl, wl := strings.Split(got, "\n"), strings.Split(string(want), "\n")
	for i := range min(len(gl), len(wl)) {
		if gl[i] != wl[i] {
			t.Fatalf("%s differs at line %d:\n got: %s\nwant: %s\n(go test ./report -update if the change is intended)", path, i+1, gl[i], wl[i])
		}
	}
	if len(gl) != len(wl) {
		t.Fatalf("%s: got %d lines, want %d (go test ./report -update if intended)", path, len(gl), len(wl))
	}
}
