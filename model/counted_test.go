package model_test

import (
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/jalsa-app/jalsa/model"
)

// arNoun is what an Arabic noun is after a number in digits, by CLDR
// category: one and two without the digits, 3–10 the plural, 11–99 the
// singular accusative, 0 and 100, 101… the singular.
type arNoun struct{ one, two, few, many, other string }

// form is n with the noun agreeing with it.
func (a arNoun) form(n int) string {
	switch r := n % 100; {
	case n == 1:
		return a.one
	case n == 2:
		return a.two
	case r >= 3 && r <= 10:
		return strconv.Itoa(n) + " " + a.few
	case r >= 11 && r <= 99:
		return strconv.Itoa(n) + " " + a.many
	}
	return strconv.Itoa(n) + " " + a.other
}

// Every count that a model message writes before a noun takes the noun's
// form for that count in Arabic, and the number itself is left out only
// where «واحد» or the dual say it: across the counts of every plural
// category, for the explanation of each majority base and the errors that
// count present members, seats, votes, budget lines and characters.
func TestArabicCountedNouns(t *testing.T) {
	present := arNoun{"حاضر واحد", "حاضرين اثنين", "حاضرين", "حاضرا", "حاضر"}
	cases := []struct {
		name string
		say  func(n int) string
		want func(n int) string
	}{
		{"half of the present", func(n int) string {
			return model.Explain("ar", &model.Vote{Rule: model.MajorityPresent, For: 0, Present: n, Outcome: model.Rejected})
		}, func(n int) string { return "نصف " + present.form(n) + "؛" }},
		{"two thirds of the present", func(n int) string {
			return model.Explain("ar", &model.Vote{Rule: model.MajorityTwoThirdsPresent, For: 0, Present: n, Outcome: model.Rejected})
		}, func(n int) string { return "ثلثي " + present.form(n) + "؛" }},
		{"half of the seats", func(n int) string {
			return model.Explain("ar", &model.Vote{Rule: model.MajoritySeats, For: 0, Seats: n, Outcome: model.Rejected})
		}, func(n int) string {
			return "نصف " + arNoun{"مقعد واحد", "مقعدين", "مقاعد", "مقعدا", "مقعد"}.form(n) + "؛"
		}},
		{"half of those voting", func(n int) string {
			return model.Explain("ar", &model.Vote{Rule: model.MajorityVoting, Abstain: n, Outcome: model.Rejected})
		}, func(n int) string {
			return "نصف " + arNoun{"مصوت واحد", "مصوتين اثنين", "مصوتين", "مصوتا", "مصوت"}.form(n) + "؛"
		}},
		{"two thirds of the votes cast", func(n int) string {
			return model.Explain("ar", &model.Vote{Rule: model.MajorityTwoThirdsCast, Against: n, Outcome: model.Rejected})
		}, func(n int) string {
			return "ثلثي " + arNoun{"صوت واحد معبر عنه", "صوتين معبر عنهما", "أصوات معبر عنها", "صوتا معبرا عنه", "صوت معبر عنه"}.form(n) + "؛"
		}},
		{"no quorum", func(n int) string {
			return model.Message(model.NoQuorum(n, 42, n), "ar")
		}, func(n int) string {
			nom := arNoun{"حاضر واحد", "حاضران", "حاضرين", "حاضرا", "حاضر"}
			seats := arNoun{"مقعد واحد", "مقعدين", "مقاعد", "مقعدا", "مقعد"}
			return "النصاب غير مكتمل: " + nom.form(n) + "، والمطلوب 42 (من أصل " + seats.form(n) + ")"
		}},
		{"votes above the present", func(n int) string {
			return model.Message(model.Refused("err.votes_exceed_present", n, 7), "ar")
		}, func(n int) string {
			verb := map[bool]string{true: " تتجاوز", false: " يتجاوز"}[n != 1]
			if n == 2 {
				verb = " يتجاوزان"
			}
			return arNoun{"صوت واحد", "صوتان", "أصوات", "صوتا", "صوت"}.form(n) + verb + " عدد الأعضاء الحاضرين 7"
		}},
		{"unvoted budget lines", func(n int) string {
			return model.Message(model.Refused("err.lines_unvoted", n, "I.1"), "ar")
		}, func(n int) string {
			return arNoun{"سطر واحد", "سطران", "أسطر", "سطرا", "سطر"}.form(n) + " من الميزانية"
		}},
	}
	for _, tc := range cases {
		for _, n := range []int{0, 1, 2, 3, 10, 11, 99, 100, 101} {
			got, want := tc.say(n), tc.want(n)
			if !strings.Contains(got, want) {
				t.Errorf("%s, %d: %q does not say %q", tc.name, n, got, want)
			}
			if (n == 1 || n == 2) && regexp.MustCompile(`(^|[^0-9])`+strconv.Itoa(n)+` `).MatchString(got) {
				t.Errorf("%s, %d: %q writes the number that «واحد» or the dual says", tc.name, n, got)
			}
		}
	}
}

// French counted nouns are singular for 0 and 1 and plural from 2, and an
// error says so whatever the count: the French and English forms of a few
// messages at the edges.
func TestCountedNounsFrenchEnglish(t *testing.T) {
	for _, tc := range []struct {
		lang string
		err  error
		want string
	}{
		{"fr", model.Refused("err.lines_unvoted", 1, "I.1"), "1 ligne budgétaire n'a pas encore été votée : I.1"},
		{"fr", model.Refused("err.lines_unvoted", 2, "I.1, I.2"), "2 lignes budgétaires n'ont pas encore été votées : I.1, I.2"},
		{"en", model.Refused("err.lines_unvoted", 1, "I.1"), "1 budget line has no vote yet: I.1"},
		{"en", model.Refused("err.votes_exceed_present", 1, 0), "1 vote exceeds the number of members present (0)"},
		{"fr", model.Refused("err.votes_exceed_present", 90, 80), "90 voix dépassent le nombre de membres présents (80)"},
		{"fr", model.NoQuorum(1, 2, 3), "quorum non atteint : 1 présent, 2 requis (sur 3 sièges)"},
		{"fr", model.NoQuorum(0, 2, 1), "quorum non atteint : 0 présent, 2 requis (sur 1 siège)"},
		{"en", model.NoQuorum(3, 42, 82), "no quorum: 3 present, 42 required (of 82 seats)"},
	} {
		if got := model.Message(tc.err, tc.lang); got != tc.want {
			t.Errorf("%s: %q, want %q", tc.lang, got, tc.want)
		}
	}
	fr := model.Explain("fr", &model.Vote{Rule: model.MajoritySeats, For: 1, Seats: 1, Outcome: model.Rejected})
	if !strings.Contains(fr, "1 pour > moitié de 1 siège ;") {
		t.Errorf("fr explanation %q", fr)
	}
}
