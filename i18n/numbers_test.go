package i18n

import (
	"fmt"
	"slices"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/jalsa-app/jalsa/internal/bidioracle"
	"pgregory.net/rapid"
)

// runs lists the text of each run NumberRuns finds.
func runs(s string) []string {
	var out []string
	for _, r := range NumberRuns(s) {
		out = append(out, s[r.Start:r.End])
	}
	return out
}

// On the corpus, NumberRuns finds exactly the runs marked by hand: every
// date, time, reference, amount, percentage, telephone number and option,
// and nothing else.
func TestNumberRunsFindTheCorpusRuns(t *testing.T) {
	samples := bidioracle.Corpus()
	if len(samples) < 60 {
		t.Fatalf("the corpus holds %d samples, want at least 60", len(samples))
	}
	for _, s := range samples {
		if got := runs(s.Text); !slices.Equal(got, s.Runs) {
			t.Errorf("%q:\n got %q\nwant %q", s.Text, got, s.Runs)
		}
	}
}

func TestNumberRunsEdges(t *testing.T) {
	for _, tc := range []struct {
		in   string
		want []string
	}{
		{"", nil},
		{"لا أرقام هنا", nil},
		{"Fès-Meknès", nil}, // no digit: not a run
		{"Meknès2024 و2024", []string{"Meknès2024", "2024"}}, // a run is a whole word
		{"2024.", []string{"2024"}},                          // a final full stop ends the sentence
		{"2024-", []string{"2024"}},                          // a separator joins only when something follows
		{"1 2 3", []string{"1", "2", "3"}},                   // spaces join thousands only
		{"12 345 6789", []string{"12 345", "6789"}},
		{"58 + 0 + 3", []string{"58", "0", "3"}},
		{"x -5 y", []string{"-5"}},
		{"a--b", nil},
		{"--", nil},
		{"- 5", []string{"5"}},
		{"0123456789", []string{"0123456789"}},
		{"01.02.2024", []string{"01.02.2024"}}, // a date, not a telephone number
		{"\u20662024-10\u2069", []string{"2024-10"}},
	} {
		if got := runs(tc.in); !slices.Equal(got, tc.want) {
			t.Errorf("NumberRuns(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
}

func TestIsolateNumbers(t *testing.T) {
	const s = "تعديل المقرر 2024-06/3 المؤرخ في 2024-10-28"
	want := "تعديل المقرر " + LRI + "2024-06/3" + PDI + " المؤرخ في " + LRI + "2024-10-28" + PDI
	if got := IsolateNumbers(s, false); got != want {
		t.Errorf("Arabic text: got %q, want %q", got, want)
	}
	if got := IsolateNumbers("Session of 2024-10-28", false); got != "Session of 2024-10-28" {
		t.Errorf("left-to-right text in a left-to-right context changed: %q", got)
	}
	if got := IsolateNumbers("2024-10-28", true); got != LRI+"2024-10-28"+PDI {
		t.Errorf("a number in a right-to-left context: %q", got)
	}
	if got := IsolateNumbers(want, true); got != want {
		t.Errorf("isolating twice: %q", got)
	}
}

// text generates mixed text from the pieces that go wrong: Arabic and
// Latin words, numbers in every shape, separators, spaces, marks.
func text() *rapid.Generator[string] {
	piece := rapid.SampledFrom([]string{
		"الدورة", "مقرر", "و", "ب", "Fès", "Meknès", "ODCO", "III", "e\u0301",
		"2024", "10", "3", "1", "234", "567", "89", "0", "١٤٤٦", "٢",
		"-", "--", "/", ".", ",", ":", "%", "+", "×", "–", "(", ")", "«", "»",
		" ", " ", " ", "\u00a0", "\u202f", "\u2066", "\u2069", "\n", "\u200f",
	})
	return rapid.Custom(func(t *rapid.T) string {
		return strings.Join(rapid.SliceOfN(piece, 0, 24).Draw(t, "pieces"), "")
	})
}

// Whatever the text: runs are in order and do not overlap, each holds a
// digit (or is an option), none starts or ends inside a word, and
// isolating adds marks only — removing them gives the text back — and is
// done once.
func TestNumberRunsProperties(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		s := text().Draw(t, "s")
		last := 0
		for _, r := range NumberRuns(s) {
			run := s[r.Start:r.End]
			if r.Start < last || r.End <= r.Start {
				t.Fatalf("run %v after %d in %q", r, last, s)
			}
			last = r.End
			if !strings.ContainsFunc(run, isDigit) && !strings.HasPrefix(run, "-") {
				t.Fatalf("run %q holds no digit", run)
			}
			if p, _ := utf8.DecodeLastRuneInString(s[:r.Start]); r.Start > 0 && (isAtom(p) || isMark(p)) {
				t.Fatalf("run %q starts inside a word in %q", run, s)
			}
			if n, _ := utf8.DecodeRuneInString(s[r.End:]); r.End < len(s) && (isAtom(n) || isMark(n)) {
				t.Fatalf("run %q ends inside a word in %q", run, s)
			}
		}
		iso := IsolateNumbers(s, true)
		if strings.NewReplacer(LRI, "", PDI, "").Replace(iso) != strings.NewReplacer(LRI, "", PDI, "").Replace(s) {
			t.Fatalf("IsolateNumbers(%q) = %q changed the text", s, iso)
		}
		if again := IsolateNumbers(iso, true); again != iso {
			t.Fatalf("IsolateNumbers twice: %q, then %q", iso, again)
		}
	})
}

// A number written in any of jalsa's shapes, between Arabic words, is found
// whole: exactly one run, the number itself.
func TestNumbersAreFoundWhole(t *testing.T) {
	num := rapid.Custom(func(t *rapid.T) string {
		d := func(name string, lo, hi int) int { return rapid.IntRange(lo, hi).Draw(t, name) }
		switch rapid.IntRange(0, 7).Draw(t, "shape") {
		case 0:
			return fmt.Sprintf("%04d-%02d-%02d", d("y", 1990, 2099), d("m", 1, 12), d("d", 1, 31))
		case 1:
			return fmt.Sprintf("%02d/%02d/%04d", d("d", 1, 31), d("m", 1, 12), d("y", 1990, 2099))
		case 2:
			return fmt.Sprintf("%d:%02d", d("h", 0, 23), d("min", 0, 59))
		case 3:
			return fmt.Sprintf("%d-%02d/%d", d("y", 1990, 2099), d("m", 1, 12), d("n", 1, 40))
		case 4:
			sep := rapid.SampledFrom([]string{" ", "\u00a0", "\u202f"}).Draw(t, "sep")
			s := fmt.Sprint(d("head", 1, 999))
			for range d("groups", 1, 3) {
				s += sep + fmt.Sprintf("%03d", d("group", 0, 999))
			}
			return s + fmt.Sprintf(",%02d", d("cents", 0, 99))
		case 5:
			return fmt.Sprintf("%d,%d %%", d("int", 0, 100), d("dec", 0, 9))
		case 6:
			return fmt.Sprintf("05 %02d %02d %02d %02d", d("a", 0, 99), d("b", 0, 99), d("c", 0, 99), d("e", 0, 99))
		}
		return fmt.Sprintf("%d-%02d/%d/III.%d", d("y", 1990, 2099), d("m", 1, 12), d("n", 1, 40), d("p", 1, 9))
	})
	word := rapid.SampledFrom([]string{"المؤرخ في", "بمبلغ", "درهم", "على الساعة", "المرجع", "ODCO", "«"})
	rapid.Check(t, func(t *rapid.T) {
		n := num.Draw(t, "number")
		s := word.Draw(t, "before") + " " + n + " " + word.Draw(t, "after")
		if got := runs(s); len(got) != 1 || got[0] != n {
			t.Fatalf("NumberRuns(%q) = %q, want [%q]", s, got, n)
		}
	})
}

func TestHasRTL(t *testing.T) {
	for s, want := range map[string]bool{"": false, "Fès 2024": false, "Fès الدورة": true, "שלום": true, "١٢٣": false, "\u200f": false, "ﻢﻫﺭﺩ": true} {
		if got := HasRTL(s); got != want {
			t.Errorf("HasRTL(%q) = %v, want %v", s, got, want)
		}
	}
}

func TestLatinDigits(t *testing.T) {
	for in, want := range map[string]string{
		"٢٠٢٤-١٠/٨": "2024-10/8", "۱۴۰۳": "1403", "2024-10": "2024-10", "الدورة ٣": "الدورة 3", "": "",
	} {
		if got := LatinDigits(in); got != want {
			t.Errorf("LatinDigits(%q) = %q, want %q", in, got, want)
		}
	}
}
