package report

import "github.com/jalsa-app/jalsa/i18n"

// The sentences of the minutes whose wording depends on a count, as
// i18n.Counted messages ("report." keys, like the wording of words_*.go):
// the form follows the language's plural rules (Arabic's six, French and
// English two).
func init() {
	i18n.RegisterCounted(map[string]i18n.Counted{
		"report.quorum.statement": {Arg: 1,
			En: i18n.Forms{One: "At the roll call, %d of the %d members in office was present; the quorum required is %d (%s, %s): %s.",
				Other: "At the roll call, %d of the %d members in office were present; the quorum required is %d (%s, %s): %s."},
			Fr: i18n.Forms{One: "À l'appel nominal, %d membre sur les %d en exercice était présent ; le quorum requis est de %d (%s, %s) : %s.",
				Other: "À l'appel nominal, %d membres sur les %d en exercice étaient présents ; le quorum requis est de %d (%s, %s) : %s."},
			Ar: i18n.Forms{Other: "بعد المناداة على الأعضاء، بلغ عدد الحاضرين %d من أصل %d من الأعضاء المزاولين مهامهم، والنصاب القانوني المطلوب %d (%s، %s)، %s."}},
		"report.quorum.statement_none": {Arg: 1,
			En: i18n.Forms{One: "At the roll call, %d of the %d members in office was present; no quorum is required (%s).",
				Other: "At the roll call, %d of the %d members in office were present; no quorum is required (%s)."},
			Fr: i18n.Forms{One: "À l'appel nominal, %d membre sur les %d en exercice était présent ; aucun quorum n'est requis (%s).",
				Other: "À l'appel nominal, %d membres sur les %d en exercice étaient présents ; aucun quorum n'est requis (%s)."},
			Ar: i18n.Forms{Other: "بعد المناداة على الأعضاء، بلغ عدد الحاضرين %d من أصل %d من الأعضاء المزاولين مهامهم، ولا يشترط أي نصاب (%s)."}},
	})
}
