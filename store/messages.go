package store

import "github.com/jalsa-app/jalsa/i18n"

func init() {
	i18n.Register(map[string]i18n.Text{
		"err.import_unreadable": {En: "not a jalsa export: %s", Fr: "pas un export jalsa : %s", Ar: "ليس ملف تصدير jalsa: %s"},
		"err.import_format":     {En: "not a jalsa export (format %q)", Fr: "pas un export jalsa (format %q)", Ar: "ليس ملف تصدير jalsa (الصيغة %q)"},
		"err.import_newer":      {En: "the export has schema %d; this jalsa reads up to %d: upgrade jalsa", Fr: "l'export a le schéma %d ; ce jalsa lit jusqu'au %d : mettez jalsa à jour", Ar: "ملف التصدير بالمخطط %d وهذا الإصدار يقرأ حتى %d: حدّث jalsa"},
		"err.import_not_empty":  {En: "%s is not empty: import only into a new database", Fr: "%s n'est pas vide : importez seulement dans une base neuve", Ar: "%s ليست فارغة: الاستيراد ممكن فقط في قاعدة جديدة"},
		"err.import_chain":      {En: "event %d does not follow the previous one: the export is damaged", Fr: "l'événement %d ne suit pas le précédent : l'export est endommagé", Ar: "الحدث %d لا يتبع الحدث السابق: ملف التصدير تالف"},
		"err.backup_onto_db":    {En: "%s is the database itself: back up to another file", Fr: "%s est la base elle-même : sauvegardez dans un autre fichier", Ar: "%s هو قاعدة البيانات نفسها: احفظ النسخة في ملف آخر"},
		"err.import_hash":       {En: "event %d does not match its hash: the export was altered", Fr: "l'événement %d ne correspond pas à son empreinte : l'export a été modifié", Ar: "الحدث %d لا يطابق بصمته: تم تغيير ملف التصدير"},
	})
}

func init() {
	i18n.Register(map[string]i18n.Text{
		"err.decision_not_found": {En: "no decision %q (references look like 2024-10/5 or 2024-10/10/II.1.2)", Fr: "aucune décision %q (les références ont la forme 2024-10/5 ou 2024-10/10/II.1.2)", Ar: "لا يوجد مقرر %q (المراجع على شكل 2024-10/5 أو 2024-10/10/II.1.2)"},
	})
}
