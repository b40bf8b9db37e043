package i18n

import "testing"

func TestCatalogComplete(t *testing.T) { CheckCatalog(t) }

func TestLang(t *testing.T) {
	for in, want := range map[string]string{"ar_MA.UTF-8": "ar", "fr-FR": "fr", "EN": "en", "de_DE": "", "": "", "C.UTF-8": ""} {
		if got := Lang(in); got != want {
			t.Errorf("Lang(%q) = %q, want %q", in, got, want)
		}
	}
	if got := Choose("", "de", "fr_FR.UTF-8", "ar"); got != "fr" {
		t.Errorf("Choose = %q, want fr", got)
	}
	if got := Choose("C"); got != "en" {
		t.Errorf("Choose(C) = %q, want en", got)
	}
}

func TestMissingLanguageFails(t *testing.T) {
	if problems := check(map[string]Text{"x": {En: "a %d", Fr: "b %d"}}); len(problems) == 0 {
		t.Fatal("a message without Arabic passed the check")
	}
	if problems := check(map[string]Text{"x": {En: "a %d", Fr: "b %s", Ar: "ج %d"}}); len(problems) == 0 {
		t.Fatal("a message with mismatched verbs passed the check")
	}
}
