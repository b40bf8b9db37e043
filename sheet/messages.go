package sheet

import "github.com/jalsa-app/jalsa/i18n"

func init() {
	i18n.Register(map[string]i18n.Text{
		"sheet.dup_id":       {En: "member %q is already on line %d", Fr: "le membre %q figure déjà à la ligne %d", Ar: "العضو %q مذكور من قبل في السطر %d"},
		"sheet.dup_code":     {En: "line code %q is already on line %d", Fr: "le code %q figure déjà à la ligne %d", Ar: "الرمز %q مذكور من قبل في السطر %d"},
		"sheet.no_rows":      {En: "no rows under the header", Fr: "aucune ligne sous l'en-tête", Ar: "لا توجد أي صفوف تحت صف العناوين"},
		"sheet.gender":       {En: "%q is not a gender: write f or m", Fr: "%q n'est pas un genre : écrivez f ou m", Ar: "%q ليس جنسا: اكتب f أو m"},
		"sheet.kind":         {En: "%q is neither revenue nor expense", Fr: "%q n'est ni une recette (revenue) ni une dépense (expense)", Ar: "%q ليس مداخيل (revenue) ولا مصاريف (expense)"},
		"sheet.part_name":    {En: "part %q is already named %q (line %d)", Fr: "la partie %q est déjà nommée %q (ligne %d)", Ar: "الجزء %q مسمى من قبل %q (السطر %d)"},
		"sheet.part_missing": {En: "a part name needs the part it names", Fr: "un nom de partie demande la partie qu'il nomme", Ar: "يحتاج اسم الجزء إلى رقم الجزء الذي يسميه"},
	})
}
