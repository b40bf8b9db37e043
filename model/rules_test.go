package model_test

import (
	"fmt"
	"strings"
	"testing"

	"github.com/jalsa-app/jalsa/model"
)

// Expected values in this file are worked out by hand from SPEC §2, never by
// calling the code under test.

func TestQuorumRequired(t *testing.T) {
	for _, tc := range []struct {
		rule  string
		seats int
		want  int
	}{
		// majority = ⌊seats/2⌋+1
		{"majority", 82, 42},
		{"majority", 81, 41},
		{"majority", 10, 6},
		{"majority", 11, 6},
		{"majority", 2, 2},
		{"majority", 1, 1},
		{"majority", 0, 1},
		// third = ⌈seats/3⌉
		{"third", 82, 28},
		{"third", 81, 27},
		{"third", 84, 28},
		{"third", 10, 4},
		{"third", 2, 1},
		{"third", 1, 1},
		{"third", 0, 0},
		// none
		{"none", 82, 0},
		{"none", 81, 0},
		{"none", 1, 0},
		{"none", 0, 0},
		// an integer stands for itself, whatever the seats
		{"30", 82, 30},
		{"30", 81, 30},
		{"1", 1, 1},
		{"0", 82, 0},
	} {
		if got := model.QuorumRequired(tc.rule, tc.seats); got != tc.want {
			t.Errorf("QuorumRequired(%q, %d) = %d, want %d", tc.rule, tc.seats, got, tc.want)
		}
	}
}

func TestValidQuorumRule(t *testing.T) {
	for _, tc := range []struct {
		rule string
		ok   bool
	}{
		{"majority", true}, {"third", true}, {"none", true}, {"0", true}, {"42", true},
		{"-1", false}, {"half", false}, {"", false}, {"4.5", false}, {"Majority", false},
	} {
		if got := model.ValidQuorumRule(tc.rule); got != tc.ok {
			t.Errorf("ValidQuorumRule(%q) = %v, want %v", tc.rule, got, tc.ok)
		}
	}
}

func TestQuorumRule(t *testing.T) {
	def := model.DefaultRules()
	custom := model.Rules{Quorum: []string{"majority", "third"}}
	one := model.Rules{Quorum: []string{"25"}}
	empty := model.Rules{}
	for _, tc := range []struct {
		name  string
		rules model.Rules
		call  int
		want  string
	}{
		{"default call 1", def, 1, "majority"},
		{"default call 2", def, 2, "majority"},
		{"default call 3", def, 3, "none"},
		{"default beyond the list", def, 4, "none"},
		{"default far beyond the list", def, 9, "none"},
		{"default call 0 counts as 1", def, 0, "majority"},
		{"custom call 1", custom, 1, "majority"},
		{"custom call 2", custom, 2, "third"},
		{"custom beyond: the last rule stands", custom, 3, "third"},
		{"single integer rule", one, 1, "25"},
		{"single rule beyond", one, 3, "25"},
		{"no rules: no quorum", empty, 1, "none"},
		{"no rules beyond", empty, 3, "none"},
	} {
		if got := tc.rules.QuorumRule(tc.call); got != tc.want {
			t.Errorf("%s: QuorumRule(%d) = %q, want %q", tc.name, tc.call, got, tc.want)
		}
	}
	if d := model.DefaultRules(); d.Majority != model.MajorityCast || d.Tie != model.TiePresident ||
		strings.Join(d.Quorum, ",") != "majority,majority,none" {
		t.Errorf("DefaultRules() = %+v, want quorum [majority majority none], cast, president", d)
	}
}

type decideCase struct {
	name          string
	rule          model.Majority
	tie           model.TieRule
	f, a, ab      int
	present, seat int
	chair         model.Choice
	want          model.Outcome
}

func runDecide(t *testing.T, cases []decideCase) {
	t.Helper()
	for _, tc := range cases {
		tie := tc.tie
		if tie == "" {
			tie = model.TiePresident
		}
		got := model.Decide(tc.rule, tie, model.Tally{For: tc.f, Against: tc.a, Abstain: tc.ab}, tc.present, tc.seat, tc.chair)
		if got != tc.want {
			t.Errorf("%s: Decide(%s, %s, %d/%d/%d, present %d, seats %d, chair %q) = %s, want %s",
				tc.name, tc.rule, tie, tc.f, tc.a, tc.ab, tc.present, tc.seat, tc.chair, got, tc.want)
		}
	}
}

const (
	adopt  = model.Adopted
	reject = model.Rejected
)

func TestDecideBoundaries(t *testing.T) {
	runDecide(t, []decideCase{
		// cast: for > against; abstentions recorded but not counted.
		{"cast one more", model.MajorityCast, "", 10, 9, 5, 24, 82, "", adopt},
		{"cast one less", model.MajorityCast, "", 9, 10, 5, 24, 82, "", reject},
		{"cast 1-0", model.MajorityCast, "", 1, 0, 0, 44, 82, "", adopt},
		{"cast abstentions ignored", model.MajorityCast, "", 2, 1, 40, 43, 81, "", adopt},
		{"cast 41-3", model.MajorityCast, "", 41, 3, 0, 44, 82, "", adopt},

		// voting: for > (for+against+abstain)/2.
		{"voting 21 of 41 (odd total)", model.MajorityVoting, "", 21, 10, 10, 41, 82, "", adopt},
		{"voting 20 of 41 (odd total)", model.MajorityVoting, "", 20, 10, 11, 41, 82, "", reject},
		{"voting 22 of 43", model.MajorityVoting, "", 22, 11, 10, 43, 81, "", adopt},
		{"voting 21 of 42: exactly half is not enough", model.MajorityVoting, "", 21, 11, 10, 42, 81, "", reject},
		{"voting 20 of 40: exactly half", model.MajorityVoting, "", 20, 10, 10, 40, 82, "", reject},
		{"voting abstentions count", model.MajorityVoting, "", 20, 10, 21, 51, 82, "", reject},

		// present: for > present/2.
		{"present 23 of 44 (even)", model.MajorityPresent, "", 23, 0, 0, 44, 82, "", adopt},
		{"present 22 of 44: exactly half", model.MajorityPresent, "", 22, 0, 0, 44, 82, "", reject},
		{"present 23 of 45 (odd)", model.MajorityPresent, "", 23, 5, 5, 45, 81, "", adopt},
		{"present 22 of 45 (odd)", model.MajorityPresent, "", 22, 0, 0, 45, 81, "", reject},
		{"present: non-voters count against", model.MajorityPresent, "", 20, 1, 0, 44, 82, "", reject},

		// seats: for > seats/2.
		{"seats 42 of 82 (even)", model.MajoritySeats, "", 42, 0, 0, 60, 82, "", adopt},
		{"seats 41 of 82: exactly half", model.MajoritySeats, "", 41, 0, 0, 60, 82, "", reject},
		{"seats 41 of 81 (odd)", model.MajoritySeats, "", 41, 0, 0, 60, 81, "", adopt},
		{"seats 40 of 81 (odd)", model.MajoritySeats, "", 40, 0, 0, 60, 81, "", reject},

		// two-thirds-cast: 3·for ≥ 2·(for+against) and for > 0.
		{"2/3 cast exactly 20-10", model.MajorityTwoThirdsCast, "", 20, 10, 7, 44, 82, "", adopt},
		{"2/3 cast 19-10", model.MajorityTwoThirdsCast, "", 19, 10, 7, 44, 82, "", reject},
		{"2/3 cast 21-10", model.MajorityTwoThirdsCast, "", 21, 10, 0, 44, 82, "", adopt},
		{"2/3 cast 1-0", model.MajorityTwoThirdsCast, "", 1, 0, 30, 44, 82, "", adopt},
		{"2/3 cast 2-1 exactly", model.MajorityTwoThirdsCast, "", 2, 1, 0, 44, 81, "", adopt},
		{"2/3 cast 1-1", model.MajorityTwoThirdsCast, "", 1, 1, 0, 44, 81, "", reject},

		// two-thirds-present: 3·for ≥ 2·present.
		{"2/3 present 30 of 45 exactly (odd)", model.MajorityTwoThirdsPresent, "", 30, 15, 0, 45, 81, "", adopt},
		{"2/3 present 29 of 45 (odd)", model.MajorityTwoThirdsPresent, "", 29, 0, 0, 45, 81, "", reject},
		{"2/3 present 30 of 44 (even)", model.MajorityTwoThirdsPresent, "", 30, 0, 0, 44, 82, "", adopt},
		{"2/3 present 29 of 44 (even)", model.MajorityTwoThirdsPresent, "", 29, 0, 0, 44, 82, "", reject},
		{"2/3 present ignores against", model.MajorityTwoThirdsPresent, "", 29, 1, 14, 44, 82, "", reject},

		// two-thirds-seats: 3·for ≥ 2·seats.
		{"2/3 seats 55 of 82 (even)", model.MajorityTwoThirdsSeats, "", 55, 0, 0, 70, 82, "", adopt},
		{"2/3 seats 54 of 82 (even)", model.MajorityTwoThirdsSeats, "", 54, 0, 0, 70, 82, "", reject},
		{"2/3 seats 54 of 81 exactly (odd)", model.MajorityTwoThirdsSeats, "", 54, 0, 0, 70, 81, "", adopt},
		{"2/3 seats 53 of 81 (odd)", model.MajorityTwoThirdsSeats, "", 53, 0, 0, 70, 81, "", reject},

		// unanimous: against = 0 and for > 0.
		{"unanimous 0 against", model.MajorityUnanimous, "", 40, 0, 4, 44, 82, "", adopt},
		{"unanimous 1 against", model.MajorityUnanimous, "", 40, 1, 3, 44, 82, "", reject},
		{"unanimous 1-0", model.MajorityUnanimous, "", 1, 0, 43, 44, 82, "", adopt},
	})
}

func TestDecideZeroAndAbstentionsOnly(t *testing.T) {
	var cases []decideCase
	for _, rule := range model.Majorities {
		for _, seats := range []int{82, 81} {
			cases = append(cases,
				decideCase{fmt.Sprintf("%s zero votes, seats %d", rule, seats), rule, "", 0, 0, 0, 44, seats, "", reject},
				decideCase{fmt.Sprintf("%s zero votes, chair for, seats %d", rule, seats), rule, "", 0, 0, 0, 44, seats, model.For, reject},
				decideCase{fmt.Sprintf("%s abstentions only, seats %d", rule, seats), rule, "", 0, 0, 44, 44, seats, "", reject},
				decideCase{fmt.Sprintf("%s abstentions only, chair for, seats %d", rule, seats), rule, model.TieRejected, 0, 0, 44, 44, seats, model.For, reject},
			)
		}
	}
	runDecide(t, cases)
	if len(model.Majorities) != 8 {
		t.Errorf("Majorities has %d rules, SPEC §2 lists 8", len(model.Majorities))
	}
}

func TestDecideTies(t *testing.T) {
	var cases []decideCase
	chairs := []model.Choice{model.For, model.Against, model.Abstain, model.NoVote}
	for _, rule := range []model.Majority{model.MajorityCast, model.MajorityVoting} {
		for _, tie := range []model.TieRule{model.TiePresident, model.TieRejected} {
			for _, chair := range chairs {
				want := reject
				if tie == model.TiePresident && chair == model.For {
					want = adopt
				}
				// Even seats, no abstentions; odd seats with abstentions.
				cases = append(cases,
					decideCase{fmt.Sprintf("%s tie 20-20, %s, chair %q", rule, tie, chair), rule, tie, 20, 20, 0, 44, 82, chair, want},
					decideCase{fmt.Sprintf("%s tie 1-1+3, %s, chair %q", rule, tie, chair), rule, tie, 1, 1, 3, 44, 81, chair, want},
				)
			}
		}
	}
	// for = against under any other rule is no tie: the chair's side is ignored.
	for _, rule := range []model.Majority{model.MajorityPresent, model.MajoritySeats, model.MajorityTwoThirdsCast,
		model.MajorityTwoThirdsPresent, model.MajorityTwoThirdsSeats, model.MajorityUnanimous} {
		cases = append(cases, decideCase{fmt.Sprintf("%s 5-5 with chair for is no tie", rule), rule, model.TiePresident, 5, 5, 0, 10, 10, model.For, reject})
	}
	runDecide(t, cases)
}

func TestIsTie(t *testing.T) {
	for _, tc := range []struct {
		rule     model.Majority
		f, a, ab int
		want     bool
	}{
		{model.MajorityCast, 5, 5, 0, true},
		{model.MajorityCast, 1, 1, 9, true},
		{model.MajorityVoting, 5, 5, 3, true},
		{model.MajorityVoting, 1, 1, 0, true},
		{model.MajorityCast, 0, 0, 0, false},
		{model.MajorityCast, 0, 0, 7, false},
		{model.MajorityVoting, 0, 0, 7, false},
		{model.MajorityCast, 5, 4, 0, false},
		{model.MajorityVoting, 4, 5, 0, false},
		{model.MajorityPresent, 5, 5, 0, false},
		{model.MajoritySeats, 5, 5, 0, false},
		{model.MajorityTwoThirdsCast, 5, 5, 0, false},
		{model.MajorityTwoThirdsPresent, 5, 5, 0, false},
		{model.MajorityTwoThirdsSeats, 5, 5, 0, false},
		{model.MajorityUnanimous, 5, 5, 0, false},
	} {
		if got := model.IsTie(tc.rule, model.Tally{For: tc.f, Against: tc.a, Abstain: tc.ab}); got != tc.want {
			t.Errorf("IsTie(%s, %d/%d/%d) = %v, want %v", tc.rule, tc.f, tc.a, tc.ab, got, tc.want)
		}
	}
}

func TestTally(t *testing.T) {
	tl := model.Tally{For: 41, Against: 3, Abstain: 2}
	if tl.Cast() != 44 || tl.Total() != 46 {
		t.Errorf("Tally %+v: Cast %d Total %d, want 44 and 46", tl, tl.Cast(), tl.Total())
	}
}

func TestValidMajority(t *testing.T) {
	for _, m := range []model.Majority{"cast", "voting", "present", "seats", "two-thirds-cast", "two-thirds-present", "two-thirds-seats", "unanimous"} {
		if !model.ValidMajority(m) {
			t.Errorf("ValidMajority(%q) = false", m)
		}
	}
	for _, m := range []model.Majority{"", "absolute", "two-thirds", "Cast"} {
		if model.ValidMajority(m) {
			t.Errorf("ValidMajority(%q) = true", m)
		}
	}
}

func TestExplainEnglish(t *testing.T) {
	for _, tc := range []struct {
		name string
		v    model.Vote
		want string
	}{
		{"the SPEC example", model.Vote{For: 41, Against: 3, Present: 44, Seats: 82, Quorum: 42, Rule: model.MajorityCast, Outcome: model.Adopted},
			"adopted: 41 for > 3 against (votes cast); quorum 44/82 ≥ 42"},
		{"cast rejected", model.Vote{For: 3, Against: 41, Abstain: 1, Present: 45, Seats: 82, Quorum: 42, Rule: model.MajorityCast, Outcome: model.Rejected},
			"rejected: 3 for ≤ 41 against (votes cast); quorum 45/82 ≥ 42"},
		{"no quorum required", model.Vote{For: 5, Against: 1, Present: 7, Seats: 82, Quorum: 0, Rule: model.MajorityCast, Outcome: model.Adopted},
			"adopted: 5 for > 1 against (votes cast); no quorum required"},
		{"voting", model.Vote{For: 21, Against: 10, Abstain: 10, Present: 44, Seats: 82, Quorum: 42, Rule: model.MajorityVoting, Outcome: model.Adopted},
			"adopted: 21 for > half of 41 voting; quorum 44/82 ≥ 42"},
		{"present", model.Vote{For: 22, Present: 44, Seats: 82, Quorum: 42, Rule: model.MajorityPresent, Outcome: model.Rejected},
			"rejected: 22 for ≤ half of 44 present; quorum 44/82 ≥ 42"},
		{"seats", model.Vote{For: 41, Present: 44, Seats: 81, Quorum: 41, Rule: model.MajoritySeats, Outcome: model.Adopted},
			"adopted: 41 for > half of 81 seats; quorum 44/81 ≥ 41"},
		{"two-thirds-cast", model.Vote{For: 20, Against: 10, Abstain: 14, Present: 44, Seats: 82, Quorum: 42, Rule: model.MajorityTwoThirdsCast, Outcome: model.Adopted},
			"adopted: 20 for ≥ two thirds of 30 votes cast; quorum 44/82 ≥ 42"},
		{"two-thirds-present", model.Vote{For: 29, Present: 44, Seats: 82, Quorum: 42, Rule: model.MajorityTwoThirdsPresent, Outcome: model.Rejected},
			"rejected: 29 for < two thirds of 44 present; quorum 44/82 ≥ 42"},
		{"two-thirds-seats", model.Vote{For: 54, Present: 60, Seats: 81, Quorum: 41, Rule: model.MajorityTwoThirdsSeats, Outcome: model.Adopted},
			"adopted: 54 for ≥ two thirds of 81 seats; quorum 60/81 ≥ 41"},
		{"unanimous", model.Vote{For: 40, Against: 1, Abstain: 3, Present: 44, Seats: 82, Quorum: 42, Rule: model.MajorityUnanimous, Outcome: model.Rejected},
			"rejected: 40 for, 1 against (unanimity required); quorum 44/82 ≥ 42"},
		{"tie, president, chair for", model.Vote{For: 20, Against: 20, Abstain: 4, Present: 44, Seats: 82, Quorum: 42, Rule: model.MajorityCast, Tie: model.TiePresident, Chair: model.For, Outcome: model.Adopted},
			"adopted: tie 20 for = 20 against, the presiding member voted for; quorum 44/82 ≥ 42"},
		{"tie, president, chair against", model.Vote{For: 20, Against: 20, Present: 44, Seats: 82, Quorum: 42, Rule: model.MajorityVoting, Tie: model.TiePresident, Chair: model.Against, Outcome: model.Rejected},
			"rejected: tie 20 for = 20 against, the presiding member voted against; quorum 44/82 ≥ 42"},
		{"tie, president, chair unknown", model.Vote{For: 2, Against: 2, Present: 44, Seats: 82, Quorum: 42, Rule: model.MajorityCast, Tie: model.TiePresident, Outcome: model.Rejected},
			"rejected: tie 2 for = 2 against, the presiding member voted unknown; quorum 44/82 ≥ 42"},
		{"tie, rejected rule", model.Vote{For: 20, Against: 20, Present: 44, Seats: 82, Quorum: 42, Rule: model.MajorityCast, Tie: model.TieRejected, Chair: model.For, Outcome: model.Rejected},
			"rejected: tie 20 for = 20 against (presiding member: for), a tie rejects; quorum 44/82 ≥ 42"},
	} {
		if got := model.Explain("en", &tc.v); got != tc.want {
			t.Errorf("%s:\n got %q\nwant %q", tc.name, got, tc.want)
		}
	}
}

func TestExplainTieNamesChairSide(t *testing.T) {
	for _, lang := range []string{"en", "fr", "ar"} {
		seen := map[string]model.Choice{}
		for _, chair := range []model.Choice{model.For, model.Against, model.Abstain, model.NoVote} {
			v := model.Vote{For: 20, Against: 20, Abstain: 4, Present: 44, Seats: 82, Quorum: 42,
				Rule: model.MajorityCast, Tie: model.TiePresident, Chair: chair, Outcome: model.Rejected}
			got := model.Explain(lang, &v)
			if !strings.Contains(got, "20") || !strings.Contains(got, "44") {
				t.Errorf("%s, chair %q: %q lacks the figures", lang, chair, got)
			}
			if other, dup := seen[got]; dup {
				t.Errorf("%s: chair %q and chair %q give the same explanation %q", lang, chair, other, got)
			}
			seen[got] = chair
		}
	}
	// In English the side is named in words.
	for chair, word := range map[model.Choice]string{model.For: "voted for", model.Against: "voted against", model.Abstain: "voted abstained", model.NoVote: "voted unknown"} {
		v := model.Vote{For: 3, Against: 3, Present: 6, Seats: 10, Quorum: 6, Rule: model.MajorityCast, Tie: model.TiePresident, Chair: chair, Outcome: model.Rejected}
		if got := model.Explain("en", &v); !strings.Contains(got, word) {
			t.Errorf("chair %q: %q does not say %q", chair, got, word)
		}
	}
}

func TestExplainOtherLanguages(t *testing.T) {
	v := model.Vote{For: 41, Against: 3, Present: 44, Seats: 82, Quorum: 42, Rule: model.MajorityCast, Outcome: model.Adopted}
	en := model.Explain("en", &v)
	for _, tc := range []struct{ lang, outcome string }{{"fr", "adopté"}, {"ar", "صودق عليه"}} {
		got := model.Explain(tc.lang, &v)
		if got == "" || got == en {
			t.Errorf("%s: %q is empty or English", tc.lang, got)
		}
		for _, fig := range []string{"41", "3", "44", "82", "42"} {
			if !strings.Contains(got, fig) {
				t.Errorf("%s: %q lacks %s", tc.lang, got, fig)
			}
		}
		if !strings.Contains(got, tc.outcome) {
			t.Errorf("%s: %q does not say %q", tc.lang, got, tc.outcome)
		}
		if strings.Contains(got, "%!") || strings.Contains(got, "explain.") || strings.Contains(got, "outcome.") {
			t.Errorf("%s: %q has a formatting error or a raw key", tc.lang, got)
		}
	}
	// Every rule, pass and fail, in every language, names its figures without a raw key.
	for _, lang := range []string{"en", "fr", "ar"} {
		for _, rule := range model.Majorities {
			for _, f := range []int{37, 1} {
				v := model.Vote{For: f, Against: 2, Abstain: 1, Present: 44, Seats: 82, Quorum: 42, Rule: rule, Tie: model.TiePresident}
				v.Outcome = model.Decide(rule, v.Tie, model.Tally{For: v.For, Against: v.Against, Abstain: v.Abstain}, v.Present, v.Seats, "")
				got := model.Explain(lang, &v)
				if !strings.Contains(got, fmt.Sprint(f)) || !strings.Contains(got, "44/82") {
					t.Errorf("%s %s: %q lacks its figures", lang, rule, got)
				}
				if strings.Contains(got, "%!") || strings.Contains(got, "explain.") || strings.Contains(got, "outcome.") {
					t.Errorf("%s %s: %q has a formatting error or a raw key", lang, rule, got)
				}
			}
		}
	}
}

func TestParseChoice(t *testing.T) {
	for _, tc := range []struct {
		in   string
		want model.Choice
		ok   bool
	}{
		{"for", model.For, true},
		{"FOR", model.For, true},
		{" for ", model.For, true},
		{"against", model.Against, true},
		{"Against", model.Against, true},
		{"abstain", model.Abstain, true},
		{"none", model.NoVote, true},
		{"", model.NoVote, true},
		{"pour", model.NoVote, false},
		{"yes", model.NoVote, false},
		{"abstained", model.NoVote, false},
		{"f", model.NoVote, false},
	} {
		got, ok := model.ParseChoice(tc.in)
		if got != tc.want || ok != tc.ok {
			t.Errorf("ParseChoice(%q) = %q, %v; want %q, %v", tc.in, got, ok, tc.want, tc.ok)
		}
	}
}
