package store

import "github.com/jalsa-app/jalsa/i18n"

func init() {
	i18n.RegisterCounted(map[string]i18n.Counted{
		"err.request_id": {Arg: 1,
			En: i18n.Forms{One: "a request id has at most %d character", Other: "a request id has at most %d characters"},
			Fr: i18n.Forms{One: "un identifiant de requête a au plus %d caractère", Other: "un identifiant de requête a au plus %d caractères"},
			Ar: i18n.Forms{One: "معرف الطلب لا يتجاوز حرفا واحدا", Two: "معرف الطلب لا يتجاوز حرفين", Few: "معرف الطلب لا يتجاوز %d أحرف", Many: "معرف الطلب لا يتجاوز %d حرفا", Other: "معرف الطلب لا يتجاوز %d حرف"}},
	})
	i18n.Register(map[string]i18n.Text{
		"err.import_unreadable": {En: "not a jalsa export: %s", Fr: "pas un export jalsa : %s", Ar: "ليس ملف تصدير jalsa: %s"},
		"err.import_format":     {En: "not a jalsa export (format %q)", Fr: "pas un export jalsa (format %q)", Ar: "ليس ملف تصدير jalsa (الصيغة %q)"},
		"err.import_newer":      {En: "the export has schema %d; this jalsa reads up to %d: upgrade jalsa", Fr: "l'export a le schéma %d ; ce jalsa lit jusqu'au %d : mettez jalsa à jour", Ar: "ملف التصدير بالمخطط %d وهذا الإصدار يقرأ حتى %d: حدّث jalsa"},
		"err.import_not_empty":  {En: "%s is not empty: import only into a new database", Fr: "%s n'est pas vide : importez seulement dans une base neuve", Ar: "%s ليست فارغة: الاستيراد ممكن فقط في قاعدة جديدة"},
		"err.import_chain":      {En: "event %d does not follow the previous one: the export is damaged", Fr: "l'événement %d ne suit pas le précédent : l'export est endommagé", Ar: "الحدث %d لا يتبع الحدث السابق: ملف التصدير تالف"},
		"err.backup_onto_db":    {En: "%s is the database itself: back up to another file", Fr: "%s est la base elle-même : sauvegardez dans un autre fichier", Ar: "%s هو قاعدة البيانات نفسها: احفظ النسخة في ملف آخر"},
		"err.import_trailing":   {En: "not a jalsa export: something follows the export (at byte %d)", Fr: "pas un export jalsa : quelque chose suit l'export (à l'octet %d)", Ar: "ليس ملف تصدير jalsa: يوجد محتوى بعد التصدير (عند البايت %d)"},
		"err.import_schema":     {En: "not a jalsa export: schema %d is not a version", Fr: "pas un export jalsa : le schéma %d n'est pas une version", Ar: "ليس ملف تصدير jalsa: المخطط %d ليس إصدارا"},
		"err.no_database":       {En: "no database at %s (jalsa init FILE or jalsa demo creates one)", Fr: "aucune base à %s (jalsa init FICHIER ou jalsa demo en crée une)", Ar: "لا توجد قاعدة بيانات في %s (jalsa init FILE أو jalsa demo ينشئ واحدة)"},
		"err.db_is_dir":         {En: "%s is a directory, not a database file", Fr: "%s est un dossier, pas un fichier de base", Ar: "%s مجلد وليس ملف قاعدة بيانات"},
		"err.read_only":         {En: "the database %s is read-only here (file, directory or disk): it can be read, not changed", Fr: "la base %s est en lecture seule ici (fichier, dossier ou disque) : elle peut être lue, pas modifiée", Ar: "قاعدة البيانات %s للقراءة فقط هنا (الملف أو المجلد أو القرص): يمكن الاطلاع عليها دون تغييرها"},
		"err.read_only_setup":   {En: "the database %s was never fully set up and is read-only here: open it once where it can be written", Fr: "la base %s n'a jamais été entièrement préparée et est en lecture seule ici : ouvrez-la une fois là où elle peut être écrite", Ar: "قاعدة البيانات %s لم تُهيأ كاملة وهي للقراءة فقط هنا: افتحها مرة حيث يمكن الكتابة فيها"},
		"err.schema_newer":      {En: "%s was written by a newer jalsa (schema %d; this binary reads up to %d): upgrade jalsa", Fr: "%s a été écrite par un jalsa plus récent (schéma %d ; ce binaire lit jusqu'au %d) : mettez jalsa à jour", Ar: "%s كتبها إصدار أحدث من jalsa (المخطط %d وهذا الإصدار يقرأ حتى %d): حدّث jalsa"},
		"err.write_busy":        {En: "another jalsa is writing %s right now: try again when it has finished", Fr: "un autre jalsa écrit %s en ce moment : réessayez quand il aura fini", Ar: "نسخة أخرى من jalsa تكتب %s الآن: أعد المحاولة بعد انتهائها"},
		"err.import_hash":       {En: "event %d does not match its hash: the export was altered", Fr: "l'événement %d ne correspond pas à son empreinte : l'export a été modifié", Ar: "الحدث %d لا يطابق بصمته: تم تغيير ملف التصدير"},
	})
}

func init() {
	i18n.Register(map[string]i18n.Text{
		"err.decision_not_found": {En: "no decision %q (references look like 2024-10/5 or 2024-10/10/II.1.2)", Fr: "aucune décision %q (les références ont la forme 2024-10/5 ou 2024-10/10/II.1.2)", Ar: "لا يوجد مقرر %q (المراجع على شكل 2024-10/5 أو 2024-10/10/II.1.2)"},
	})
}
