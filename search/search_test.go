package search

import (
	"slices"
	"strings"
	"testing"
	"unicode"
)

// matches applies a parsed query to one text the way the lookup is meant
// to: every word by any of its alternatives, every phrase by PhraseMatch.
func matches(query, text string) bool {
	q := ParseQuery(query)
	idx := map[string]bool{}
	for _, t := range Analyze(text) {
		idx[t] = true
	}
	for _, alts := range q.Words {
		if !slices.ContainsFunc(alts, func(a string) bool { return idx[a] }) {
			return false
		}
	}
	toks := Tokens(text)
	for _, p := range q.Phrases {
		if !PhraseMatch(toks, p) {
			return false
		}
	}
	return len(q.Words)+len(q.Phrases) > 0
}

func TestNormalize(t *testing.T) {
	tests := []struct {
		name, in, want string
	}{
		{"harakat", "المُصادَقة", "المصادقه"},
		{"shadda and tanwin", "مُدَّةً", "مده"},
		{"superscript alef", "هٰذا", "هذا"},
		{"tatweel", "الميزانيـــة", "الميزانيه"},
		{"alef madda", "آخر", "اخر"},
		{"alef hamza above", "أعضاء", "اعضاء"},
		{"alef hamza below", "إتفاقية", "اتفاقيه"},
		{"alef wasla", "ٱلمكتب", "المكتب"},
		{"alef maksura", "على", "علي"},
		{"teh marbuta", "الغرفة", "الغرفه"},
		{"hamza carriers kept", "مؤسسة رئيس", "مؤسسه رئيس"},
		{"farsi yeh and keheh", "کتابی", "كتابي"},
		{"presentation lam-alef", "ﻻ", "لا"},
		{"presentation word", "ﺍﻟﻤﻴﺰﺍﻧﻴﺔ", "الميزانيه"},
		{"arabic-indic digits", "٢٠٢٤", "2024"},
		{"extended arabic-indic digits", "۲۰۲۴", "2024"},
		{"fullwidth digits", "２０２４", "2024"},
		{"LRM RLM", "\u200Fالاتفاقية\u200E", "الاتفاقيه"},
		{"embedding and override", "\u202Bقرار\u202C \u202Dabc\u202E", "قرار abc"},
		{"isolates", "\u2067صفرو\u2069 \u2066x\u2068", "صفرو x"},
		{"ZWNJ ZWJ inside word", "اتفا\u200Cقي\u200Dة", "اتفاقيه"},
		{"arabic letter mark", "\u061Cقرار", "قرار"},
		{"soft hyphen", "règle\u00ADment", "reglement"},
		{"zero width space separates", "a\u200Bb", "a b"},
		{"french accents", "Règlement Intérieur", "reglement interieur"},
		{"decomposed accent", "re\u0300glement", "reglement"},
		{"cedilla and circumflex", "Façade CHÂTEAU", "facade chateau"},
		{"ligatures", "Œuvre ﬁnale", "oeuvre finale"},
		{"english case", "General Assembly", "general assembly"},
		{"mixed", "Décision ٣ : الاتفاقية", "decision 3 : الاتفاقيه"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if got := Normalize(tc.in); got != tc.want {
				t.Errorf("Normalize(%q) = %q, want %q", tc.in, got, tc.want)
			}
			if got := Normalize(tc.want); got != tc.want {
				t.Errorf("Normalize not idempotent on %q: %q", tc.want, got)
			}
		})
	}
}

func TestTokens(t *testing.T) {
	tests := []struct {
		in   string
		want []string
	}{
		{"المُصادَقة على الميزانيـــة", []string{"المصادقه", "علي", "الميزانيه"}},
		{"Décision n°12/2024-10", []string{"decision", "n", "12", "2024", "10"}},
		{"سنة ٢٠٢٤م", []string{"سنه", "2024", "م"}},
		{"اتفاقية بالCNSS", []string{"اتفاقيه", "بال", "cnss"}},
		{"l’assemblée d'artisanat", []string{"l", "assemblee", "d", "artisanat"}},
		{"«الدورة العادية»، (أكتوبر)", []string{"الدوره", "العاديه", "اكتوبر"}},
		{"\u200F\u200E  ", nil},
		{"", nil},
	}
	for _, tc := range tests {
		if got := Tokens(tc.in); !slices.Equal(got, tc.want) {
			t.Errorf("Tokens(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
}

func TestLightStem(t *testing.T) {
	// Expected values follow Lucene's ArabicStemmer (domain_rules.md §3).
	tests := []struct{ in, want string }{
		{"الاتفاقيه", "اتفاق"},
		{"الاتفاقيات", "اتفاق"},
		{"والاتفاقيات", "اتفاق"},
		{"للاتفاقيه", "اتفاق"},
		{"اتفاقيه", "اتفاق"},
		{"اتفاقيات", "اتفاق"},
		{"المصادقه", "مصادق"},
		{"الميزانيه", "ميزان"}, // Lucene over-stems; kept for fidelity
		{"باتفاقيه", "باتفاق"}, // Lucene never strips a bare ب
		{"للغرفه", "غرف"},
		{"الغرفه", "غرف"},
		{"وفاس", "فاس"}, // bare و needs four letters
		{"ولد", "ولد"},
		{"ال", "ال"},
		{"الب", "الب"}, // ال needs two letters left
		{"بصفرو", "بصفرو"},
	}
	for _, tc := range tests {
		if got := string(lightStem([]rune(tc.in))); got != tc.want {
			t.Errorf("lightStem(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
}

func TestTerms(t *testing.T) {
	tests := []struct {
		in       string
		contains []string
		excludes []string
	}{
		{"بصفرو", []string{"بصفرو", "صفرو"}, nil},
		{"الاتفاقية", []string{"الاتفاقيه", "اتفاق"}, nil},
		{"بمدينة", []string{"بمدينه", "مدينه", "مدين"}, nil},
		// The stripped form's stem is too short to be safe: بلدية must not
		// be found by لدى.
		{"بلدية", []string{"بلديه", "بلد", "لديه"}, []string{"لد"}},
		{"بلد", []string{"بلد"}, []string{"لد"}}, // only two letters would remain
		{"Règlements", []string{"reglements", "reglement"}, nil},
		{"régionaux", []string{"regionaux", "regional"}, nil},
		{"bureaux", []string{"bureaux", "bureau"}, nil},
		{"class", []string{"class"}, []string{"clas"}},
		{"taux", []string{"taux"}, []string{"tau", "tal"}},
		{"٢٠٢٤", []string{"2024"}, nil},
	}
	for _, tc := range tests {
		got := Terms(tc.in)
		for _, w := range tc.contains {
			if !slices.Contains(got, w) {
				t.Errorf("Terms(%q) = %q, missing %q", tc.in, got, w)
			}
		}
		for _, w := range tc.excludes {
			if slices.Contains(got, w) {
				t.Errorf("Terms(%q) = %q, should not contain %q", tc.in, got, w)
			}
		}
		if len(slices.Compact(slices.Sorted(slices.Values(got)))) != len(got) {
			t.Errorf("Terms(%q) = %q has duplicates", tc.in, got)
		}
	}
}

func TestQueryTermsStemFirst(t *testing.T) {
	tests := []struct{ in, want string }{
		{"الاتفاقية", "اتفاق"},
		{"اتفاقيات", "اتفاق"},
		{"بصفرو", "بصفرو"},
		{"règlements", "reglement"},
		{"2024", "2024"},
	}
	for _, tc := range tests {
		if got := QueryTerms(tc.in); len(got) == 0 || got[0] != tc.want {
			t.Errorf("QueryTerms(%q) = %q, want %q first", tc.in, got, tc.want)
		}
	}
}

func TestAnalyzeKeepsDuplicates(t *testing.T) {
	got := Analyze("الاتفاقية والاتفاقية")
	n := 0
	for _, term := range got {
		if term == "اتفاق" {
			n++
		}
	}
	if n != 2 {
		t.Errorf("Analyze: stem اتفاق counted %d times in %q, want 2", n, got)
	}
}

func TestMatch(t *testing.T) {
	tests := []struct {
		name, query, text string
		want              bool
	}{
		// SPEC §8 pairs.
		{"definite finds plural", "الاتفاقية", "تجديد اتفاقيات الشراكة", true},
		{"plural finds definite", "اتفاقيات", "المصادقة على الاتفاقية", true},
		{"hamza finds definite", "إتفاقية", "المصادقة على الاتفاقية", true},
		{"definite finds hamza", "الاتفاقية", "مشروع إتفاقية", true},
		{"plural finds hamza", "اتفاقيات", "مشروع إتفاقية", true},
		{"reglement finds règlement", "reglement", "Projet de règlement intérieur", true},
		{"Règlement finds REGLEMENT", "Règlement", "REGLEMENT INTERIEUR", true},
		{"صفرو finds بصفرو", "صفرو", "إحداث ملحقة بصفرو", true},

		// Prefixes.
		{"wa-al prefix", "والاتفاقية", "الاتفاقية", true},
		{"wa-al prefix reverse", "الاتفاقية", "والاتفاقية", true},
		{"wa-al vs plural", "والاتفاقية", "اتفاقيات", true},
		{"lil prefix", "للغرفة", "ميزانية الغرفة", true},
		{"lil prefix reverse", "الغرفة", "التابعة للغرفة", true},
		{"bi prefix reverse", "بصفرو", "إقليم صفرو", true},
		{"bi-al prefix", "بالرباط", "الرباط", true},
		{"li prefix on a place", "فاس", "الطريق لفاس", true},

		// Harakat, tatweel, presentation forms, bidi controls.
		{"harakat in query", "المُصادَقة", "المصادقة على المحضر", true},
		{"harakat in text", "المصادقة", "المُصادَقة على المحضر", true},
		{"tatweel in text", "الميزانية", "الميزانيـــة", true},
		{"tatweel in query", "الميزانيـــة", "مشروع ميزانية 2025", true},
		{"presentation forms in text", "الميزانية", "ﺍﻟﻤﻴﺰﺍﻧﻴﺔ", true},
		{"lam-alef ligature", "لا", "ﻻ مانع", true},
		{"bidi controls in text", "الاتفاقية", "\u202Bال\u200Cاتفاقية\u202C مع \u2066CNSS\u2069", true},

		// Digits in both scripts.
		{"ascii finds arabic-indic", "2024", "دورة أكتوبر ٢٠٢٤", true},
		{"arabic-indic finds ascii", "٢٠٢٤", "session d'octobre 2024", true},
		{"extended finds ascii", "۲۰۲۴", "2024", true},
		{"year with م", "2024", "سنة ٢٠٢٤م", true},
		{"different numbers", "2024", "٢٠٢٥", false},

		// Mixed Arabic/Latin queries (AND).
		{"mixed query all present", "اتفاقية CNSS ٢٠٢٤", "المصادقة على الاتفاقية مع cnss لسنة 2024", true},
		{"mixed query one missing", "اتفاقية CNSS", "المصادقة على الاتفاقية مع الوكالة", false},
		{"mixed query across scripts", "convention الغرفة", "Convention entre la Chambre — الغرفة", true},

		// French accents and plurals.
		{"accents folded", "assemblee generale", "Assemblée Générale ordinaire", true},
		{"plural aux", "conseil regional", "les conseils régionaux", true},
		{"elision", "assemblée", "de l’assemblée", true},

		// Negatives: folding must not merge distinct words.
		{"different arabic words", "الميزانية", "الاتفاقية", false},
		{"regle is not reglement", "reglement", "la règle", false},
		{"لدى does not find بلدية", "لدى", "رئيس بلدية صفرو", false},
		{"empty query", "", "anything", false},

		// Phrases.
		{"phrase adjacent", `"الدورة العادية"`, "جدول أعمال الدورة العادية لشهر أكتوبر", true},
		{"phrase with prefix", `"الدورة العادية"`, "بالنسبة للدورة العادية", true},
		{"phrase with bi prefix", `"إقليم صفرو"`, "ملحقة بإقليم صفرو", true},
		{"phrase wrong order", `"العادية الدورة"`, "الدورة العادية", false},
		{"phrase not adjacent", `"الدورة أكتوبر"`, "الدورة العادية لشهر أكتوبر", false},
		{"phrase guillemets", "«règlement intérieur»", "Adoption du Règlement Intérieur", true},
		{"phrase curly", "“reglement interieur”", "le règlement financier et intérieur", false},
		{"phrase plus word", `"الدورة العادية" 2024`, "الدورة العادية ٢٠٢٤", true},
		{"phrase plus missing word", `"الدورة العادية" 2025`, "الدورة العادية ٢٠٢٤", false},
		{"unclosed quote", `"الدورة العادية`, "الدورة العادية", true},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if got := matches(tc.query, tc.text); got != tc.want {
				t.Errorf("query %q on %q: got %v, want %v\nquery: %q\nterms: %q",
					tc.query, tc.text, got, tc.want, ParseQuery(tc.query), Analyze(tc.text))
			}
		})
	}
}

// TestSpecPairsShareTerm checks the SPEC §8 set pairwise at the term level,
// independent of how a caller combines words.
func TestSpecPairsShareTerm(t *testing.T) {
	set := []string{"الاتفاقية", "اتفاقيات", "إتفاقية", "والاتفاقية", "الاتفاقيات", "للاتفاقية"}
	for _, q := range set {
		for _, d := range set {
			if !shareTerm(QueryTerms(q), Terms(d)) {
				t.Errorf("QueryTerms(%q)=%q and Terms(%q)=%q share nothing", q, QueryTerms(q), d, Terms(d))
			}
		}
	}
}

func TestParseQuery(t *testing.T) {
	q := ParseQuery(`  صفرو "الدورة  العادية" Règlement « ٢٠٢٤ » "" `)
	if len(q.Words) != 2 {
		t.Fatalf("Words = %q, want 2 entries", q.Words)
	}
	if !slices.Contains(q.Words[0], "صفرو") || !slices.Contains(q.Words[1], "reglement") {
		t.Errorf("Words = %q", q.Words)
	}
	want := [][]string{{"الدوره", "العاديه"}, {"2024"}}
	if !slices.EqualFunc(q.Phrases, want, slices.Equal) {
		t.Errorf("Phrases = %q, want %q", q.Phrases, want)
	}
}

func TestPhraseMatchEdges(t *testing.T) {
	if !PhraseMatch(nil, nil) {
		t.Error("empty phrase should match")
	}
	if PhraseMatch([]string{"a"}, []string{"a", "b"}) {
		t.Error("phrase longer than field matched")
	}
	if !PhraseMatch([]string{"x", "a", "b"}, []string{"a", "b"}) {
		t.Error("phrase at end not matched")
	}
}

func FuzzAnalyze(f *testing.F) {
	for _, s := range []string{
		"المُصادَقة على الميزانيـــة", "ﺍﻟﻤﻴﺰﺍﻧﻴﺔ ﻻ", "\u202Bقرار\u202C ٢٠٢٤م",
		"Règlement intérieur n°12/2024-10", `"الدورة العادية" صفرو`, "«a» “b", "ᄀ\u064Bᅡ",
		"ﷺ ﷲ", "e\u064B\u0301", "", "\u200B\u200D",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		n := Normalize(s)
		if Normalize(n) != n {
			t.Fatalf("Normalize not idempotent: %q -> %q -> %q", s, n, Normalize(n))
		}
		toks := Tokens(s)
		for _, tok := range toks {
			checkTerm(t, "token", tok)
			if Normalize(tok) != tok {
				t.Fatalf("token %q not normalized (%q)", tok, Normalize(tok))
			}
			if !shareTerm(QueryTerms(tok), Terms(tok)) {
				t.Fatalf("token %q does not find itself", tok)
			}
		}
		for _, term := range Analyze(s) {
			checkTerm(t, "term", term)
		}
		q := ParseQuery(s)
		for _, w := range q.Words {
			if len(w) == 0 {
				t.Fatalf("word with no alternatives in %q", s)
			}
			for _, term := range w {
				checkTerm(t, "query term", term)
			}
		}
		for _, p := range q.Phrases {
			if len(p) == 0 {
				t.Fatalf("empty phrase in %q", s)
			}
			PhraseMatch(toks, p)
		}
		if len(toks) > 0 && !PhraseMatch(toks, toks) {
			t.Fatalf("text %q does not contain itself as a phrase", s)
		}
	})
}

func checkTerm(t *testing.T, what, s string) {
	t.Helper()
	if s == "" {
		t.Fatalf("empty %s", what)
	}
	if strings.IndexFunc(s, unicode.IsSpace) >= 0 {
		t.Fatalf("%s %q contains a space", what, s)
	}
	if strings.ContainsFunc(s, func(r rune) bool {
		return !(unicode.IsLetter(r) || unicode.IsNumber(r) || unicode.IsMark(r))
	}) {
		t.Fatalf("%s %q contains a separator", what, s)
	}
}

// benchParagraph is about 300 characters of agenda prose, with harakat,
// tatweel, digits and prefixes, typical of a decision text.
const benchParagraph = "صادقت الجمعية العامة لغرفة الصناعة التقليدية لجهة فاس مكناس، " +
	"خلال دورتها العادية لشهر أكتوبر ٢٠٢٤، بالإجماع على مشروع الاتفاقية المُبرمة " +
	"مع المديرية الإقليمية بصفرو، وعلى تعديل الميزانيـــة برسم السنة المالية 2025، " +
	"كما قررت إحداث لجنة مؤقتة لتتبع تنفيذ الاتفاقيات والبرامج المتعلقة بتكوين " +
	"الصناع التقليديين وتأهيل الفضاءات المهنية بالإقليم."

func BenchmarkAnalyze(b *testing.B) {
	b.SetBytes(int64(len(benchParagraph)))
	b.ReportAllocs()
	for b.Loop() {
		Analyze(benchParagraph)
	}
}
