package corpus

import (
	"strings"

	"github.com/jalsa-app/jalsa/model"
)

// Judged is a query a Moroccan clerk would type, with the rule that says
// which generated rows answer it: the set against which searchbench eval
// measures the recall and precision of jalsa and of SQLite FTS5 on the
// same rows (JudgedRows decisions of seed 1).
//
// The rule follows what the clerk means, not the letters typed: a place is
// the same place in Arabic and in French (Fès, فاس), a query in one
// language otherwise wants the decisions kept in that language, a typo
// wants what the word would have found, a reference wants that decision
// and its lines, a session id that session's decisions.
type Judged struct {
	Class, Query, Rule string
	Relevant           func(d model.Decision, f Facts) bool
}

// JudgedRows is the size of the register the judged queries are judged on.
const JudgedRows = 20000

// JudgedClasses lists the classes of JudgedQueries in a stable order.
var JudgedClasses = []string{"word", "stem", "fold", "stopword", "thesaurus", "place", "typo", "reference", "wrong-hit"}

// Indexes into the parallel lists of ar and fr.
const (
	placeFes, placeMeknes, placeSefrou, placeIfrane, placeTaza = 0, 1, 2, 3, 4
	placeElHajeb, placeMoulayYacoub, placeAzrou                = 6, 8, 10
	craftPottery, craftZellige, craftTanning, craftJewels      = 0, 1, 2, 8
	craftCeramic                                               = 9
	subjUpgrade, subjTraining, subjHealth, subjFair            = 0, 1, 3, 4
	subjComplex, subjTanneries, subjCoops                      = 5, 6, 9
	partnerHouse, partnerTrainingOffice, partnerCNSS           = 3, 4, 6
	partnerFoundation                                          = 10
	facComplex                                                 = 0
	titleMinutes, titleRegulation, titleFair, titleKilns       = 3, 8, 11, 12
	titleCard, titleSolar, titleComplexAnnex, titleResponsible = 13, 14, 15, 16
	sentBudget, sentWali, sentFairs                            = 5, 8, 10
	noteBudget, noteRegulation                                 = 2, 3
)

func in(f Facts, lang string) bool { return f.Lang == lang }

func agreement(f Facts) bool {
	return in(f, "ar") && (f.Title == 0 || f.Title == 1 || f.Title == 2 || f.Title == titleKilns || f.Title == titleComplexAnnex ||
		Has(f.Sentences, 1) || Has(f.Sentences, 2) || Has(f.Sentences, 4))
}

func fair(f Facts) bool {
	return f.Title == titleFair || Has(f.Subjects, subjFair) || Has(f.Sentences, sentFairs)
}

func complexes(f Facts) bool {
	return Has(f.Subjects, subjComplex) || Has(f.Facilities, facComplex) || f.Title == titleComplexAnnex
}

func regulation(f Facts) bool { return f.Title == titleRegulation || Has(f.Notes, noteRegulation) }

func tanning(f Facts) bool { return Has(f.Crafts, craftTanning) || Has(f.Subjects, subjTanneries) }

// artisans names artisans: the subjects, sentences, facility, note, title
// and partner that say صانع or صناع (artisan, artisans).
func artisans(f Facts) bool {
	return Has(f.Subjects, subjUpgrade) || Has(f.Subjects, subjHealth) || (f.Lang == "fr" && Has(f.Subjects, 10)) ||
		Has(f.Sentences, 3) || Has(f.Sentences, 6) || Has(f.Facilities, 3) || (f.Lang == "fr" && Has(f.Notes, 0)) ||
		f.Title == titleCard || Has(f.Partners, partnerHouse)
}

func place(p int) func(model.Decision, Facts) bool {
	return func(_ model.Decision, f Facts) bool { return Has(f.Places, p) }
}

func kept(l string, rule func(Facts) bool) func(model.Decision, Facts) bool {
	return func(_ model.Decision, f Facts) bool { return in(f, l) && rule(f) }
}

func ref(r string) func(model.Decision, Facts) bool {
	return func(d model.Decision, _ Facts) bool { return d.Ref == r || strings.HasPrefix(d.Ref, r+"/") }
}

// JudgedQueries are the judged queries, by class.
var JudgedQueries = []Judged{
	// Words as a clerk types them, with or without the article.
	{"word", "الدباغة", "ar rows on tanning (the craft, or the tanneries' rehabilitation)", kept("ar", tanning)},
	{"word", "الفخار", "ar rows on pottery", kept("ar", func(f Facts) bool { return Has(f.Crafts, craftPottery) })},
	{"word", "الزليج", "ar rows on zellige", kept("ar", func(f Facts) bool { return Has(f.Crafts, craftZellige) })},
	{"word", "الحلي", "ar rows on jewellery", kept("ar", func(f Facts) bool { return Has(f.Crafts, craftJewels) })},
	{"word", "التغطية الصحية", "ar rows on artisans' health cover", kept("ar", func(f Facts) bool { return Has(f.Subjects, subjHealth) })},
	{"word", "الصندوق الوطني للضمان الاجتماعي", "ar rows naming the CNSS", kept("ar", func(f Facts) bool { return Has(f.Partners, partnerCNSS) })},
	{"word", "التكوين المهني", "ar rows naming vocational training (the office, apprenticeship)", kept("ar", func(f Facts) bool {
		return Has(f.Partners, partnerTrainingOffice) || Has(f.Subjects, subjTraining)
	})},
	{"word", "céramique", "fr rows on ceramics", kept("fr", func(f Facts) bool { return Has(f.Crafts, craftCeramic) })},
	{"word", "CNSS", "rows naming the CNSS, in either language (the acronym is in both)", func(_ model.Decision, f Facts) bool { return Has(f.Partners, partnerCNSS) }},

	// Plurals and inflections: the light stem.
	{"stem", "التعاونيات", "ar rows on cooperatives", kept("ar", func(f Facts) bool { return Has(f.Subjects, subjCoops) })},
	{"stem", "تعاونية", "ar rows on cooperatives", kept("ar", func(f Facts) bool { return Has(f.Subjects, subjCoops) })},
	{"stem", "الاتفاقيات", "ar rows on an agreement", func(_ model.Decision, f Facts) bool { return agreement(f) }},
	{"stem", "اتفاقية", "ar rows on an agreement", func(_ model.Decision, f Facts) bool { return agreement(f) }},
	{"stem", "coopératives artisanales", "fr rows on cooperatives", kept("fr", func(f Facts) bool { return Has(f.Subjects, subjCoops) })},
	{"stem", "tanneries", "fr rows on tanning", kept("fr", tanning)},
	{"stem", "artisans", "fr rows naming artisans", kept("fr", artisans)},

	// Spellings: hamza, teh marbuta, accents.
	{"fold", "إتفاقية", "ar rows on an agreement", func(_ model.Decision, f Facts) bool { return agreement(f) }},
	{"fold", "الاتفاقيه", "ar rows on an agreement", func(_ model.Decision, f Facts) bool { return agreement(f) }},
	{"fold", "مسئول", "ar rows appointing the official in charge", kept("ar", func(f Facts) bool { return f.Title == titleResponsible })},
	{"fold", "المسؤول", "ar rows appointing the official in charge", kept("ar", func(f Facts) bool { return f.Title == titleResponsible })},
	{"fold", "موسسة محمد الخامس", "ar rows naming the Mohammed V Foundation", kept("ar", func(f Facts) bool { return Has(f.Partners, partnerFoundation) })},
	{"fold", "مؤسسة", "ar rows naming the Mohammed V Foundation", kept("ar", func(f Facts) bool { return Has(f.Partners, partnerFoundation) })},
	{"fold", "reglement interieur", "fr rows on the internal rules", kept("fr", regulation)},
	{"fold", "rehabilitation des tanneries", "fr rows on the tanneries' rehabilitation", kept("fr", func(f Facts) bool { return Has(f.Subjects, subjTanneries) })},

	// Function words, and phrases that hold them.
	{"stopword", "اتفاقية مع دار الصانع", "ar rows naming the Maison de l'Artisan", kept("ar", func(f Facts) bool { return Has(f.Partners, partnerHouse) })},
	{"stopword", "«النظام الداخلي للغرفة»", "ar rows amending the chamber's internal rules", kept("ar", func(f Facts) bool { return f.Title == titleRegulation })},
	{"stopword", "محضر أشغال الدورة العادية", "ar rows approving minutes", kept("ar", func(f Facts) bool { return f.Title == titleMinutes })},
	{"stopword", "convention de partenariat", "fr rows on a partnership agreement", kept("fr", func(f Facts) bool { return f.Title == 0 || f.Title == titleComplexAnnex })},
	{"stopword", "la mise à niveau des artisans", "fr rows on upgrading artisans", kept("fr", func(f Facts) bool { return Has(f.Subjects, subjUpgrade) })},
	{"stopword", "«procès-verbal de la session ordinaire»", "fr rows approving minutes", kept("fr", func(f Facts) bool { return f.Title == titleMinutes })},
	{"stopword", "في مجال الزليج", "ar rows of an agreement in the field of zellige", kept("ar", func(f Facts) bool { return f.Title == 2 && Has(f.Crafts, craftZellige) })},

	// Broken plurals and the chamber's synonyms (thesaurus).
	{"thesaurus", "أفران", "ar rows on the lime and pottery kilns", kept("ar", func(f Facts) bool { return f.Title == titleKilns })},
	{"thesaurus", "أفرنة", "ar rows on the kilns", kept("ar", func(f Facts) bool { return f.Title == titleKilns })},
	{"thesaurus", "فرن", "ar rows on the kilns", kept("ar", func(f Facts) bool { return f.Title == titleKilns })},
	{"thesaurus", "المعارض", "ar rows on exhibitions", kept("ar", fair)},
	{"thesaurus", "معرض", "ar rows on exhibitions", kept("ar", fair)},
	{"thesaurus", "مجمع الصناعة التقليدية", "ar rows on the handicraft complex (مجمع or مركب)", kept("ar", complexes)},
	{"thesaurus", "مركب", "ar rows on the handicraft complex (مجمع or مركب)", kept("ar", complexes)},
	{"thesaurus", "صناع", "ar rows naming artisans (صانع, صناع)", kept("ar", artisans)},
	{"thesaurus", "fours", "fr rows on the kilns", kept("fr", func(f Facts) bool { return f.Title == titleKilns })},
	{"thesaurus", "salon", "fr rows on exhibitions", kept("fr", fair)},

	// Places, in any script.
	{"place", "صفرو", "rows about Sefrou", place(placeSefrou)},
	{"place", "Sefrou", "rows about Sefrou", place(placeSefrou)},
	{"place", "إفران", "rows about Ifrane (not the kilns)", place(placeIfrane)},
	{"place", "Ifrane", "rows about Ifrane", place(placeIfrane)},
	{"place", "بتازة", "rows about Taza", place(placeTaza)},
	{"place", "Meknès", "rows about Meknès (the town)", place(placeMeknes)},
	{"place", "مولاي يعقوب", "rows about Moulay Yacoub", place(placeMoulayYacoub)},
	{"place", "Moulay Yacoub", "rows about Moulay Yacoub", place(placeMoulayYacoub)},
	{"place", "الحاجب", "rows about El Hajeb", place(placeElHajeb)},
	{"place", "El Hajeb", "rows about El Hajeb", place(placeElHajeb)},
	{"place", "أزرو", "rows about Azrou", place(placeAzrou)},
	{"place", "معرض Fès", "ar rows on an exhibition in Fès", kept("ar", func(f Facts) bool { return fair(f) && Has(f.Places, placeFes) })},
	{"place", "الفخار Sefrou", "ar rows on pottery in Sefrou", kept("ar", func(f Facts) bool { return Has(f.Crafts, craftPottery) && Has(f.Places, placeSefrou) })},

	// Typos: what the word meant.
	{"typo", "النضام الداخلي", "ar rows on the internal rules", kept("ar", regulation)},
	{"typo", "الميزنية", "ar rows naming the budget", kept("ar", func(f Facts) bool { return Has(f.Sentences, sentBudget) || Has(f.Notes, noteBudget) })},
	{"typo", "التعاونيت", "ar rows on cooperatives", kept("ar", func(f Facts) bool { return Has(f.Subjects, subjCoops) })},
	{"typo", "الدبغة", "ar rows on tanning", kept("ar", tanning)},
	{"typo", "reglment", "fr rows on the internal rules", kept("fr", regulation)},
	{"typo", "tanneris", "fr rows on tanning", kept("fr", tanning)},
	{"typo", "ceramiqe", "fr rows on ceramics", kept("fr", func(f Facts) bool { return Has(f.Crafts, craftCeramic) })},

	// References and session ids.
	{"reference", "1998-05/35", "that decision and its lines", ref("1998-05/35")},
	{"reference", "1993-04/22/II.2.7", "that budget line", ref("1993-04/22/II.2.7")},
	{"reference", "٢٠٠٠-٠٤/٣", "decision 2000-04/3 typed in Arabic digits", ref("2000-04/3")},
	{"reference", "2000-03", "the decisions of session 2000-03", func(d model.Decision, _ Facts) bool { return d.Session == "2000-03" }},
	{"reference", "1990-01/38", "that decision and its lines", ref("1990-01/38")},

	// Words that other words look like.
	{"wrong-hit", "الطاقة", "ar rows on solar energy, not the artisan's card (بطاقة)", kept("ar", func(f Facts) bool { return f.Title == titleSolar })},
	{"wrong-hit", "بطاقة", "ar rows on the artisan's card", kept("ar", func(f Facts) bool { return f.Title == titleCard })},
	{"wrong-hit", "والي", "ar rows held before the wali, not every إلى", kept("ar", func(f Facts) bool { return Has(f.Sentences, sentWali) })},
	{"wrong-hit", "تعاون", "ar rows of a cooperation agreement, not cooperatives", kept("ar", func(f Facts) bool { return f.Title == 2 })},
	{"wrong-hit", "énergie solaire", "fr rows on solar energy", kept("fr", func(f Facts) bool { return f.Title == titleSolar })},
	{"wrong-hit", "Wali", "fr rows held before the wali", kept("fr", func(f Facts) bool { return Has(f.Sentences, sentWali) })},
}
