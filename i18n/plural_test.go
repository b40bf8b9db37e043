package i18n

import (
	"strings"
	"testing"
)

func init() {
	RegisterCounted(map[string]Counted{
		"test.decisions": {Arg: 1,
			En: Forms{Zero: "no decision in %[2]s", One: "%d decision in %s", Other: "%d decisions in %s"},
			Fr: Forms{Zero: "aucune décision en %[2]s", One: "%d décision en %s", Other: "%d décisions en %s"},
			Ar: Forms{Zero: "لا مقرر في %[2]s", One: "مقرر واحد في %[2]s", Two: "مقرران في %[2]s", Few: "%d مقررات في %s", Many: "%d مقررا في %s", Other: "%d مقرر في %s"}},
	})
}

// Each count takes its language's plural form (CLDR): Arabic's six, French
// "one" for 0 and 1, English "one" for 1 only; the count is written with
// plain Western digits, never grouped or translated.
func TestCountedForms(t *testing.T) {
	for _, tc := range []struct {
		lang string
		n    int
		want string
	}{
		{"ar", 0, "لا مقرر في 2024"},
		{"ar", 1, "مقرر واحد في 2024"},
		{"ar", 2, "مقرران في 2024"},
		{"ar", 3, "3 مقررات في 2024"},
		{"ar", 10, "10 مقررات في 2024"},
		{"ar", 11, "11 مقررا في 2024"},
		{"ar", 99, "99 مقررا في 2024"},
		{"ar", 100, "100 مقرر في 2024"},
		{"ar", 102, "102 مقرر في 2024"},
		{"ar", 103, "103 مقررات في 2024"},
		{"ar", 111, "111 مقررا في 2024"},
		{"ar", 1234, "1234 مقررا في 2024"},
		{"fr", 0, "aucune décision en 2024"},
		{"fr", 1, "1 décision en 2024"},
		{"fr", 2, "2 décisions en 2024"},
		{"fr", 1500, "1500 décisions en 2024"},
		{"en", 0, "no decision in 2024"},
		{"en", 1, "1 decision in 2024"},
		{"en", 2, "2 decisions in 2024"},
		{"de", 2, "2 decisions in 2024"}, // an unknown language speaks English
	} {
		if got := T(tc.lang, "test.decisions", tc.n, "2024"); got != tc.want {
			t.Errorf("T(%s, %d) = %q, want %q", tc.lang, tc.n, got, tc.want)
		}
	}
}

func TestCountedKeysAreListed(t *testing.T) {
	found := false
	for _, k := range Keys() {
		found = found || k == "test.decisions"
	}
	if !found {
		t.Error("Keys lacks a counted message")
	}
	if txt, ok := Lookup("test.decisions"); !ok || txt.Ar != "%d مقرر في %s" {
		t.Errorf("Lookup = %+v, %v", txt, ok)
	}
}

// A category the language does not have would make x/text print nothing:
// registering one panics, naming it.
func TestCountedRefusesAForeignCategory(t *testing.T) {
	defer func() {
		if r := recover(); r == nil || !strings.Contains(r.(string), `"two"`) {
			t.Errorf("panic %v, want one naming the category", r)
		}
	}()
	RegisterCounted(map[string]Counted{"test.bad": {Arg: 1, En: Forms{Two: "x", Other: "%d"}, Fr: Forms{Other: "%d"}, Ar: Forms{Other: "%d"}}})
}

// The catalog check formats every counted message with a count of every
// category and reports a form that leaves out an argument in one language.
func TestCheckCountedFindsAMissingArgument(t *testing.T) {
	countedMu.Lock()
	counted["test.missing"] = Counted{Arg: 1, En: Forms{Other: "%d in %s"}, Fr: Forms{Other: "%d"}, Ar: Forms{Other: "%d في %s"}}
	countedMu.Unlock()
	defer func() {
		countedMu.Lock()
		delete(counted, "test.missing")
		countedMu.Unlock()
	}()
	if p := checkCounted("test.missing"); len(p) == 0 || !strings.Contains(p[0], "fr Other form leaves out argument 2") {
		t.Errorf("checkCounted = %q", p)
	}
}
