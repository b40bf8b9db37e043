package sheet

import "github.com/jalsa-app/jalsa/i18n"

func init() { i18n.RegisterLazy("sheet.", messages) }

// messages is the wording of the spreadsheet reader, registered with i18n
// when a file is first read and found at fault, not at every command's
// start.
func messages() map[string]i18n.Text {
	return map[string]i18n.Text{
		"sheet.dup_id":         {En: "member %q is already on line %d", Fr: "le membre %q figure déjà à la ligne %d", Ar: "العضو %q مذكور من قبل في السطر %d"},
		"sheet.dup_code":       {En: "line code %q is already on line %d", Fr: "le code %q figure déjà à la ligne %d", Ar: "الرمز %q مذكور من قبل في السطر %d"},
		"sheet.no_rows":        {En: "no rows under the header", Fr: "aucune ligne sous l'en-tête", Ar: "لا توجد أي صفوف تحت صف العناوين"},
		"sheet.gender":         {En: "%q is not a gender: write f or m", Fr: "%q n'est pas un genre : écrivez f ou m", Ar: "%q ليس جنسا: اكتب f أو m"},
		"sheet.kind":           {En: "%q is neither revenue nor expense", Fr: "%q n'est ni une recette (revenue) ni une dépense (expense)", Ar: "%q ليس مداخيل (revenue) ولا مصاريف (expense)"},
		"sheet.part_name":      {En: "part %q is already named %q (line %d)", Fr: "la partie %q est déjà nommée %q (ligne %d)", Ar: "الجزء %q مسمى من قبل %q (السطر %d)"},
		"sheet.part_missing":   {En: "a part name needs the part it names", Fr: "un nom de partie demande la partie qu'il nomme", Ar: "يحتاج اسم الجزء إلى رقم الجزء الذي يسميه"},
		"sheet.csv_sheet":      {En: "--sheet is for XLSX workbooks; this file is CSV", Fr: "--sheet vaut pour les classeurs XLSX ; ce fichier est en CSV", Ar: "الخيار --sheet خاص بمصنفات XLSX؛ وهذا الملف بصيغة CSV"},
		"sheet.not_utf8":       {En: "not UTF-8 text: save it from Excel as \"CSV UTF-8\", or give the XLSX file", Fr: "texte non UTF-8 : enregistrez-le depuis Excel en « CSV UTF-8 », ou donnez le fichier XLSX", Ar: "نص ليس بترميز UTF-8: احفظه من Excel بصيغة «CSV UTF-8»، أو استعمل ملف XLSX"},
		"sheet.csv_syntax":     {En: "CSV syntax: %s", Fr: "syntaxe CSV : %s", Ar: "صياغة CSV: %s"},
		"sheet.not_xlsx":       {En: "cannot read the workbook (%s)", Fr: "impossible de lire le classeur (%s)", Ar: "تعذرت قراءة المصنف (%s)"},
		"sheet.no_sheet":       {En: "no sheet %q (the workbook has: %s)", Fr: "pas de feuille %q (le classeur a : %s)", Ar: "لا توجد ورقة %q (في المصنف: %s)"},
		"sheet.too_many":       {En: "too many rows (more than %d)", Fr: "trop de lignes (plus de %d)", Ar: "عدد الصفوف يتجاوز %d"},
		"sheet.empty":          {En: "the file is empty: its first row names the columns", Fr: "le fichier est vide : sa première ligne nomme les colonnes", Ar: "الملف فارغ: يجب أن يسمي صفه الأول الأعمدة"},
		"sheet.dup_column":     {En: "column %q comes twice (first in column %d)", Fr: "la colonne %q figure deux fois (d'abord en colonne %d)", Ar: "العمود %q مكرر (أول مرة في العمود %d)"},
		"sheet.missing_column": {En: "no column %s (headed %s); the first row names the columns: %s", Fr: "pas de colonne %s (intitulée %s) ; la première ligne nomme les colonnes : %s", Ar: "لا يوجد عمود %s (بعنوان %s)؛ يسمي الصف الأول الأعمدة: %s"},
		"sheet.extra_cells":    {En: "more cells (%d) than the first row names columns (%d): a separator too many (an amount such as 1 234,50 in a comma-separated file must be quoted)", Fr: "plus de cellules (%d) que la première ligne ne nomme de colonnes (%d) : un séparateur de trop (un montant comme 1 234,50 dans un fichier séparé par des virgules doit être entre guillemets)", Ar: "خلايا (%d) أكثر من الأعمدة التي يسميها الصف الأول (%d): فاصل زائد (يجب وضع مبلغ مثل 1 234,50 بين علامتي تنصيص في ملف تفصله الفواصل)"},
		"sheet.date":           {En: "%q is not a date: write it YYYY-MM-DD or DD/MM/YYYY", Fr: "%q n'est pas une date : écrivez-la AAAA-MM-JJ ou JJ/MM/AAAA", Ar: "%q ليس تاريخا: اكتبه على شكل YYYY-MM-DD أو DD/MM/YYYY"},
	}
}
