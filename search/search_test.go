package search

import (
	"slices"
	"strings"
	"testing"
	"unicode"
)

// matches applies a parsed query to one text the way the lookup does:
// every slot by one of its alternatives (every part of it by one of its
// terms), a weak alternative only when another slot matches strongly or
// nothing else would, every phrase by PhraseMatch. level is the sum of the
// slots' best levels, 0 when the text does not match.
func level(query, text string) Level {
	idx := map[Term]bool{}
	for _, t := range Analyze(text) {
		idx[t] = true
	}
	return levelIn(idx, Tokens(text), query)
}

// levelIn is level against a text already analysed: its terms and tokens.
func levelIn(idx map[Term]bool, toks []string, query string) Level {
	q := ParseQuery(query, Builtin())
	for _, p := range q.Phrases {
		if !PhraseMatch(toks, p) {
			return 0
		}
	}
	if len(q.Slots) == 0 {
		return 0
	}
	var sum Level
	strong := 0
	for _, s := range q.Slots {
		best, weak := Level(0), true
		for _, a := range s.Alts {
			ok := true
			for _, part := range a.Parts {
				ok = ok && slices.ContainsFunc(part, func(t Term) bool { return idx[t] })
			}
			if ok && (best == 0 || (weak && !a.Weak) || (weak == a.Weak && a.Level > best)) {
				best, weak = a.Level, a.Weak
			}
		}
		if best == 0 {
			return 0
		}
		sum += best
		if !weak {
			strong++
		}
	}
	if strong == 0 {
		return -sum // found only if nothing else is
	}
	return sum
}

func matches(query, text string) bool { return level(query, text) > 0 }

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
		{"hamza carriers fold together", "مؤسسة رئيس مسئول", "مءسسه رءيس مسءول"},
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

func TestSurfaceKeepsLetters(t *testing.T) {
	for in, want := range map[string]string{
		"المُصادَقة":       "المصادقة",
		"الميزانيـــة":     "الميزانية",
		"إفران أفران":      "إفران أفران",
		"مؤسسة مسئول":      "مؤسسة مسئول",
		"Règlement ٢٠٢٤":   "règlement 2024",
		"\u202Bقرار\u202C": "قرار",
		"کتابی":            "كتابي",
	} {
		if got := Surface(in); got != want {
			t.Errorf("Surface(%q) = %q, want %q", in, got, want)
		}
		if Surface(want) != want {
			t.Errorf("Surface not idempotent on %q", want)
		}
	}
}

func TestTokens(t *testing.T) {
	tests := []struct {
		in   string
		want []string
	}{
		{"المُصادَقة على الميزانيـــة", []string{"المصادقة", "على", "الميزانية"}},
		{"Décision n°12/2024-10", []string{"décision", "n", "12", "2024", "10"}},
		{"سنة ٢٠٢٤م", []string{"سنة", "2024", "م"}},
		{"اتفاقية بالCNSS", []string{"اتفاقية", "بال", "cnss"}},
		{"l’assemblée d'artisanat", []string{"l", "assemblée", "d", "artisanat"}},
		{"«الدورة العادية»، (أكتوبر)", []string{"الدورة", "العادية", "أكتوبر"}},
		{"\u200F\u200E  ", nil},
		{"", nil},
	}
	for _, tc := range tests {
		if got := Tokens(tc.in); !slices.Equal(got, tc.want) {
			t.Errorf("Tokens(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
}

func TestWordTerms(t *testing.T) {
	tests := []struct {
		in       string
		contains []Term
		excludes []Term
	}{
		{"بصفرو", []Term{{Exact, "بصفرو"}, {Bare, "صفرو"}}, []Term{{Exact, "صفرو"}}},
		{"الاتفاقية", []Term{{Exact, "اتفاقية"}, {Folded, "اتفاقيه"}, {Stem, "اتفاق"}}, []Term{{Exact, "الاتفاقية"}}},
		{"الإتفاقيات", []Term{{Exact, "إتفاقيات"}, {Folded, "اتفاقيات"}, {Stem, "اتفاق"}}, nil},
		// Exact keeps the hamza that tells Ifrane from kilns; Folded drops it.
		{"إفران", []Term{{Exact, "إفران"}, {Folded, "افران"}}, []Term{{Exact, "افران"}}},
		{"لأفران", []Term{{Exact, "لأفران"}, {Bare, "أفران"}, {BareFolded, "افران"}}, nil},
		// Hamza carriers fold together, and the hamzaless spelling is there.
		{"مسئول", []Term{{Exact, "مسئول"}, {Folded, "مسءول"}, {Folded, "مسيول"}}, nil},
		{"المسؤول", []Term{{Exact, "مسؤول"}, {Folded, "مسءول"}, {Folded, "مسوول"}}, nil},
		{"مؤسسة", []Term{{Folded, "موسسه"}}, nil},
		// A word that is its own stem has no stem term: تعاون is not the
		// stem of التعاونيات.
		{"تعاون", []Term{{Exact, "تعاون"}}, []Term{{Stem, "تعاون"}}},
		{"التعاونيات", []Term{{Exact, "تعاونيات"}, {Stem, "تعاون"}}, []Term{{Exact, "تعاون"}}},
		// Two-letter stems mean nothing; a stopword behind a proclitic is
		// matched by it (والي is not و + إلى).
		{"والي", []Term{{Exact, "والي"}}, []Term{{Exact, "الي"}, {Stem, "ال"}}},
		{"بطاقة", []Term{{Exact, "بطاقة"}, {Bare, "طاقة"}}, []Term{{Exact, "طاقة"}, {Stem, "طاق"}}},
		{"Règlements", []Term{{Exact, "règlements"}, {Folded, "reglements"}, {Folded, "reglement"}}, nil},
		{"régionaux", []Term{{Folded, "regional"}}, nil},
		{"bureaux", []Term{{Exact, "bureaux"}, {Folded, "bureau"}}, nil},
		{"class", []Term{{Exact, "class"}}, []Term{{Folded, "clas"}}},
		{"taux", []Term{{Exact, "taux"}}, []Term{{Folded, "tau"}, {Folded, "tal"}}},
		{"٢٠٢٤", []Term{{Exact, "2024"}}, nil},
	}
	for _, tc := range tests {
		got := WordTerms(Tokens(tc.in)[0])
		for _, w := range tc.contains {
			if !slices.Contains(got, w) {
				t.Errorf("WordTerms(%q) = %q, missing %q", tc.in, got, w)
			}
		}
		for _, w := range tc.excludes {
			if slices.Contains(got, w) {
				t.Errorf("WordTerms(%q) = %q, should not contain %q", tc.in, got, w)
			}
		}
	}
}

func TestStopwords(t *testing.T) {
	for _, w := range []string{"في", "على", "إلى", "التي", "الذي", "والتي", "من", "عن", "de", "la", "Le", "des", "du", "et", "the", "of", "م", "l"} {
		if !IsStopword(Tokens(w)[0]) || WordTerms(Tokens(w)[0]) != nil {
			t.Errorf("%q should be a stopword with no terms", w)
		}
	}
	for _, w := range []string{"صفرو", "والي", "فاس", "budget", "3", "2024"} {
		if IsStopword(w) {
			t.Errorf("%q is no stopword", w)
		}
	}
}

func TestLongTermsAreCapped(t *testing.T) {
	long := strings.Repeat("x", 20000)
	ts := WordTerms(long)
	if len(ts) == 0 {
		t.Fatal("a 20,000-letter word has no term")
	}
	for _, tm := range ts {
		if k := tm.Key(); len(k) > MaxTermBytes+1 || !Hashed(k) {
			t.Errorf("term of %d bytes, hashed %v", len(k), Hashed(k))
		}
	}
	other := WordTerms(long[:19999] + "y")
	if ts[0].Key() == other[0].Key() {
		t.Error("two long words that differ at the end share a key")
	}
	if ParseQuery(long, nil).Slots[0].Alts[0].Parts[0][0].Key() != ts[0].Key() {
		t.Error("a long word does not find itself")
	}
}

func TestDistance(t *testing.T) {
	tests := []struct {
		a, b string
		max  int
		want int
	}{
		{"reglment", "reglement", 1, 1},
		{"نضام", "نظام", 1, 1},
		{"ميزنيه", "ميزانيه", 1, 1},
		{"recieve", "receive", 1, 1}, // a transposition is one edit
		{"abc", "abc", 1, 0},
		{"kitten", "sitting", 3, 3},
		{"kitten", "sitting", 2, 3},
		{"a", "abcdef", 2, 3},
	}
	for _, tc := range tests {
		if got := Distance(tc.a, tc.b, tc.max); got != tc.want {
			t.Errorf("Distance(%q, %q, %d) = %d, want %d", tc.a, tc.b, tc.max, got, tc.want)
		}
	}
	if MaxEdits("نظام") != 1 || MaxEdits("abc") != 0 || MaxEdits("réglementation") != 2 {
		t.Error("MaxEdits")
	}
	if got := Respell("النضام", "نظام"); got != "النظام" {
		t.Errorf("Respell = %q", got)
	}
}

func TestThesaurus(t *testing.T) {
	th := NewThesaurus("# comment\nمجمع، مركب\nFès, فاس, Fez\nمولاي يعقوب, Moulay Yacoub\nseul\n")
	if th.Groups() != 3 {
		t.Fatalf("%d groups, want 3 (a one-entry line says nothing)", th.Groups())
	}
	n, others := th.Match(Tokens("المجمع"))
	if n != 1 || len(others) != 1 || others[0][0] != "مركب" {
		t.Errorf("المجمع: %d %q", n, others)
	}
	n, others = th.Match(Tokens("بفاس"))
	if n != 1 || len(others) != 2 {
		t.Errorf("بفاس: %d %q", n, others)
	}
	n, _ = th.Match(Tokens("مولاي يعقوب 2019"))
	if n != 2 {
		t.Errorf("مولاي يعقوب: covers %d words, want 2", n)
	}
	// إفران (Ifrane) is in the gazetteer; أفران (kilns) is not Ifrane.
	if n, _ := Builtin().Match(Tokens("أفران")); n == 1 {
		if _, o := Builtin().Match(Tokens("أفران")); slices.ContainsFunc(o, func(e []string) bool { return e[0] == "ifrane" }) {
			t.Error("أفران (kilns) matched Ifrane in the gazetteer")
		}
	}
	if !Compatible("افران", "إفران") || Compatible("أفران", "إفران") || !Compatible("fes", "fès") {
		t.Error("Compatible")
	}
	body := Builtin().With("بطاقة، كارط\n")
	if body.Groups() != Builtin().Groups()+1 {
		t.Error("With did not add the body's group")
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
		{"lam-alef ligature", "لائحة", "ﻻئحة المتدربين", true},
		{"bidi controls in text", "الاتفاقية", "\u202Bال\u200Cاتفاقية\u202C مع \u2066CNSS\u2069", true},

		// Digits in both scripts.
		{"ascii finds arabic-indic", "2024", "دورة أكتوبر ٢٠٢٤", true},
		{"arabic-indic finds ascii", "٢٠٢٤", "session d'octobre 2024", true},
		{"extended finds ascii", "۲۰۲۴", "2024", true},
		{"year with م", "2024", "سنة ٢٠٢٤م", true},
		{"different numbers", "2024", "٢٠٢٥", false},

		// Issue 18: words, folds and stems kept apart.
		{"a stem is not the word", "التعاونيات", "المصادقة على اتفاقية تعاون", false},
		{"plural finds singular by stem", "التعاونيات", "تشجيع التعاونية الحرفية", true},
		{"energy is not a card", "الطاقة", "بطاقة الصانع التقليدي", false},
		{"wali is not to", "والي", "الطريق إلى فاس", false},
		{"wali finds the wali", "والي", "بحضور السيد والي الجهة", true},
		{"hamza on ya finds hamza on waw", "مسئول", "تعيين المسؤول الجهوي", true},
		{"hamza on waw finds hamza on ya", "المسؤول", "المسئول عن التكوين", true},
		{"hamzaless finds hamza", "موسسة", "المصادقة على اتفاقية مع مؤسسة", true},
		{"hamza finds hamzaless", "مؤسسة", "اتفاقية مع موسسة التكوين", true},
		{"broken plural by thesaurus", "أفرنة", "التأهيل البيئي لأفران الجير", true},
		{"singular to broken plural", "معرض", "تنظيم المعارض الجهوية", true},
		{"synonym", "مجمع", "بناء مركب للصناعة التقليدية", true},
		{"kilns are not Ifrane", "أفران", "معرض بمدينة إفران", false},
		{"hamzaless alif-lam is no article", "الغاء", "إلغاء المقرر", true},
		{"Ifrane is not kilns", "إفران", "دعم أفران الجير", false},
		{"Ifrane typed plain finds both", "افران", "دعم أفران الجير", true},
		{"place across scripts", "معرض Fès", "إحداث معرض جهوي دائم بفاس", true},
		{"place across scripts reverse", "Sefrou", "ملحق اتفاقية بناء مركب بصفرو", true},
		{"two-word place", "مولاي يعقوب", "Programme à Moulay Yacoub", true},
		{"stopwords do not have to be there", "اتفاقية مع الوزارة", "اتفاقية الوزارة", true},
		{"only stopwords find nothing", "في من", "في من", false},
		{"stopwords in a phrase", `"النظام الداخلي للغرفة"`, "تعديل النظام الداخلي للغرفة", true},
		{"stopword phrase must hold", `"convention de partenariat"`, "convention et partenariat", false},

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
				t.Errorf("query %q on %q: got %v, want %v\nquery: %+v\nterms: %q",
					tc.query, tc.text, got, tc.want, ParseQuery(tc.query, Builtin()), Analyze(tc.text))
			}
		})
	}
}

// TestSpecPairs checks the SPEC §8 set pairwise.
func TestSpecPairs(t *testing.T) {
	set := []string{"الاتفاقية", "اتفاقيات", "إتفاقية", "والاتفاقية", "الاتفاقيات", "للاتفاقية"}
	for _, q := range set {
		for _, d := range set {
			if !matches(q, d) {
				t.Errorf("%q does not find %q", q, d)
			}
		}
	}
}

// TestLevels checks the order of matches: as written, folded, synonym,
// stem.
func TestLevels(t *testing.T) {
	tests := []struct {
		query, better, worse string
	}{
		{"أفران", "دعم أفران الجير", "دعم افران الجير"},
		{"أفران", "لأفران الجير", "لافران الجير"},
		{"الاتفاقية", "اتفاقية", "الإتفاقية"},
		{"الاتفاقية", "الإتفاقية", "اتفاقيات"},
		{"معرض", "معرض جهوي", "المعارض الجهوية"},
		{"reglement", "reglement", "règlement"},
	}
	for _, tc := range tests {
		b, w := level(tc.query, tc.better), level(tc.query, tc.worse)
		if w <= 0 || b <= w {
			t.Errorf("%q: %q at level %d, %q at %d; want the first higher, both found", tc.query, tc.better, b, tc.worse, w)
		}
	}
}

func TestParseQuery(t *testing.T) {
	q := ParseQuery(`  صفرو "الدورة  العادية" Règlement « ٢٠٢٤ » "" في`, nil)
	if !slices.Equal(q.Words, []string{"صفرو", "règlement", "في"}) {
		t.Fatalf("Words = %q", q.Words)
	}
	want := [][]string{{"الدورة", "العادية"}, {"2024"}}
	if !slices.EqualFunc(q.Phrases, want, slices.Equal) {
		t.Errorf("Phrases = %q, want %q", q.Phrases, want)
	}
	// صفرو, règlement, then the phrases' words; في is a stopword.
	if len(q.Slots) != 5 || q.Slots[0].Word != 0 || q.Slots[1].Word != 1 || q.Slots[2].Word != -1 {
		t.Errorf("Slots = %+v", q.Slots)
	}
	if got := q.Rewrite(map[int]string{1: "reglement"}); got != "صفرو reglement في «الدورة  العادية» «٢٠٢٤»" {
		t.Errorf("Rewrite = %q", got)
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
			if Surface(tok) != tok {
				t.Fatalf("token %q not normalized (%q)", tok, Surface(tok))
			}
			// Every word that is not a stopword finds itself, exactly.
			if !IsStopword(tok) && level(tok, tok) < LevelExact {
				t.Fatalf("token %q does not find itself exactly (level %d)", tok, level(tok, tok))
			}
			for _, tm := range WordTerms(tok) {
				if k := tm.Key(); len(k) > MaxTermBytes+1 {
					t.Fatalf("key of %d bytes for %q", len(k), tok)
				}
				if !Hashed(tm.Key()) {
					checkTerm(t, "term", tm.Text)
				}
			}
		}
		q := ParseQuery(s, Builtin())
		for _, sl := range q.Slots {
			if len(sl.Alts) == 0 {
				t.Fatalf("slot with no alternatives in %q", s)
			}
			for _, a := range sl.Alts {
				for _, part := range a.Parts {
					if len(part) == 0 {
						t.Fatalf("empty part in %q", s)
					}
				}
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
