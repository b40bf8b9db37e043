package server

import "github.com/jalsa-app/jalsa/i18n"

func init() {
	i18n.RegisterCounted(map[string]i18n.Counted{
		"server.log.serving": {Arg: 3,
			En: i18n.Forms{One: "serving on %s; host key %s; %d operator from %s; idle limit %s", Other: "serving on %s; host key %s; %d operators from %s; idle limit %s"},
			Fr: i18n.Forms{One: "en service sur %s ; clé d'hôte %s ; %d opérateur depuis %s ; inactivité max. %s", Other: "en service sur %s ; clé d'hôte %s ; %d opérateurs depuis %s ; inactivité max. %s"},
			Ar: i18n.Forms{
				One:   "الخادم يعمل على %[1]s؛ مفتاح المضيف %[2]s؛ مشغل واحد من %[4]s؛ أقصى مدة خمول %[5]s",
				Two:   "الخادم يعمل على %[1]s؛ مفتاح المضيف %[2]s؛ مشغلان من %[4]s؛ أقصى مدة خمول %[5]s",
				Few:   "الخادم يعمل على %s؛ مفتاح المضيف %s؛ %d مشغلين من %s؛ أقصى مدة خمول %s",
				Many:  "الخادم يعمل على %s؛ مفتاح المضيف %s؛ %d مشغلا من %s؛ أقصى مدة خمول %s",
				Other: "الخادم يعمل على %s؛ مفتاح المضيف %s؛ %d مشغل من %s؛ أقصى مدة خمول %s"}},
		"server.log.startups": {Arg: 1,
			En: i18n.Forms{One: "%d connection already waits to authenticate: closing new ones (first from %s)", Other: "%d connections already wait to authenticate: closing new ones (first from %s)"},
			Fr: i18n.Forms{One: "%d connexion attend déjà son authentification : les nouvelles sont fermées (la première depuis %s)", Other: "%d connexions attendent déjà leur authentification : les nouvelles sont fermées (la première depuis %s)"},
			Ar: i18n.Forms{
				One:   "اتصال واحد ينتظر المصادقة: تغلق الاتصالات الجديدة (أولها من %[2]s)",
				Two:   "اتصالان ينتظران المصادقة: تغلق الاتصالات الجديدة (أولها من %[2]s)",
				Few:   "%d اتصالات تنتظر المصادقة: تغلق الاتصالات الجديدة (أولها من %s)",
				Many:  "%d اتصالا تنتظر المصادقة: تغلق الاتصالات الجديدة (أولها من %s)",
				Other: "%d اتصال تنتظر المصادقة: تغلق الاتصالات الجديدة (أولها من %s)"}},
		"server.log.reloaded": {Arg: 1,
			En: i18n.Forms{One: "operators file reloaded: %d operator", Other: "operators file reloaded: %d operators"},
			Fr: i18n.Forms{One: "fichier des opérateurs rechargé : %d opérateur", Other: "fichier des opérateurs rechargé : %d opérateurs"},
			Ar: i18n.Forms{One: "أعيد تحميل ملف المشغلين: مشغل واحد", Two: "أعيد تحميل ملف المشغلين: مشغلان", Few: "أعيد تحميل ملف المشغلين: %d مشغلين", Many: "أعيد تحميل ملف المشغلين: %d مشغلا", Other: "أعيد تحميل ملف المشغلين: %d مشغل"}},
		"server.log.stopping": {Arg: 1,
			En: i18n.Forms{One: "stopping: telling %d screen", Other: "stopping: telling %d screens"},
			Fr: i18n.Forms{One: "arrêt : %d écran prévenu", Other: "arrêt : %d écrans prévenus"},
			Ar: i18n.Forms{One: "إيقاف الخادم: إبلاغ شاشة واحدة", Two: "إيقاف الخادم: إبلاغ شاشتين", Few: "إيقاف الخادم: إبلاغ %d شاشات", Many: "إيقاف الخادم: إبلاغ %d شاشة", Other: "إيقاف الخادم: إبلاغ %d شاشة"}},
		"server.command_too_long": {Arg: 1,
			En: i18n.Forms{One: "the command is %d byte long; at most %d are accepted", Other: "the command is %d bytes long; at most %d are accepted"},
			Fr: i18n.Forms{One: "la commande fait %d octet ; %d au plus sont acceptés", Other: "la commande fait %d octets ; %d au plus sont acceptés"},
			Ar: i18n.Forms{One: "طول الأمر بايت واحد؛ الحد الأقصى المقبول %[2]d", Two: "طول الأمر بايتان؛ الحد الأقصى المقبول %[2]d", Few: "طول الأمر %d بايتات؛ الحد الأقصى المقبول %d", Many: "طول الأمر %d بايتا؛ الحد الأقصى المقبول %d", Other: "طول الأمر %d بايت؛ الحد الأقصى المقبول %d"}},
	})
	i18n.Register(map[string]i18n.Text{
		// The operators file (SPEC §7); each is the message part of a FILE:LINE:COL error.
		"server.op_missing": {
			En: `no operators file: create it with one line per operator, "ROLE KEY-TYPE KEY NAME" (roles: clerk, observer, display)`,
			Fr: `pas de fichier des opérateurs : créez-le avec une ligne par opérateur, « RÔLE TYPE-DE-CLÉ CLÉ NOM » (rôles : clerk, observer, display)`,
			Ar: `لا يوجد ملف المشغلين: أنشئه بسطر لكل مشغل «الدور نوع-المفتاح المفتاح الاسم» (الأدوار: clerk وobserver وdisplay)`},
		"server.op_unreadable": {
			En: "cannot read it: %s", Fr: "lecture impossible : %s", Ar: "تعذرت قراءته: %s"},
		"server.op_writable": {
			En: "others may write to it (mode %04o), so they could make themselves clerks: run chmod go-w on it",
			Fr: "d'autres peuvent y écrire (mode %04o), donc se déclarer greffiers : lancez chmod go-w dessus",
			Ar: "يمكن لغيرك الكتابة فيه (الصلاحيات %04o) وبالتالي منح أنفسهم دور الكاتب: نفذ chmod go-w عليه"},
		"server.op_owner": {
			En: "it belongs to %s, not to %s who runs the server nor to root, so its owner could make themselves a clerk: run chown on it",
			Fr: "il appartient à %s, ni à %s qui lance le serveur ni à root, donc son propriétaire pourrait se déclarer greffier : lancez chown dessus",
			Ar: "يملكه %s، لا %s الذي يشغل الخادم ولا root، فيمكن لمالكه منح نفسه دور الكاتب: نفذ chown عليه"},
		"server.op_dir_owner": {
			En: "its directory %s belongs to %s, not to %s who runs the server nor to root, so its owner could replace the file: move the file or run chown on the directory",
			Fr: "son répertoire %s appartient à %s, ni à %s qui lance le serveur ni à root, donc son propriétaire pourrait remplacer le fichier : déplacez le fichier ou lancez chown sur le répertoire",
			Ar: "مجلده %s يملكه %s، لا %s الذي يشغل الخادم ولا root، فيمكن لمالكه استبدال الملف: انقل الملف أو نفذ chown على المجلد"},
		"server.op_dir_writable": {
			En: "others may write to its directory %s (mode %04o), so they could replace the file: run chmod go-w on the directory",
			Fr: "d'autres peuvent écrire dans son répertoire %s (mode %04o), donc remplacer le fichier : lancez chmod go-w sur le répertoire",
			Ar: "يمكن لغيرك الكتابة في مجلده %s (الصلاحيات %04o) وبالتالي استبدال الملف: نفذ chmod go-w على المجلد"},
		"server.op_fields": {
			En: `expected "ROLE KEY-TYPE KEY NAME", e.g. "clerk ssh-ed25519 AAAAC3Nz… fatima"`,
			Fr: `attendu « RÔLE TYPE-DE-CLÉ CLÉ NOM », p. ex. « clerk ssh-ed25519 AAAAC3Nz… fatima »`,
			Ar: `المنتظر «الدور نوع-المفتاح المفتاح الاسم»، مثل «clerk ssh-ed25519 AAAAC3Nz… fatima»`},
		"server.op_role": {
			En: "%q is not a role: use clerk, observer or display",
			Fr: "%q n'est pas un rôle : utilisez clerk, observer ou display",
			Ar: "%q ليس دورا: استعمل clerk أو observer أو display"},
		"server.op_key": {
			En: "not an SSH public key (%s)", Fr: "ce n'est pas une clé publique SSH (%s)", Ar: "ليس مفتاح SSH عموميا (%s)"},
		"server.op_key_type": {
			En: "the key says it is %s, not %s", Fr: "la clé est de type %s, pas %s", Ar: "نوع المفتاح %s وليس %s"},
		"server.op_dup": {
			En: "this key is already on line %d (%s): one key, one operator",
			Fr: "cette clé figure déjà ligne %d (%s) : une clé, un opérateur",
			Ar: "هذا المفتاح مذكور في السطر %d (%s): لكل مفتاح مشغل واحد"},
		"server.op_name": {
			En: "the name contains control characters", Fr: "le nom contient des caractères de contrôle", Ar: "يحتوي الاسم على محارف تحكم"},
		"server.op_none": {
			En: `no operator in it: add a line such as "clerk ssh-ed25519 AAAAC3Nz… fatima"`,
			Fr: `aucun opérateur : ajoutez une ligne comme « clerk ssh-ed25519 AAAAC3Nz… fatima »`,
			Ar: `لا يوجد أي مشغل: أضف سطرا مثل «clerk ssh-ed25519 AAAAC3Nz… fatima»`},

		// Starting the server.
		"server.bad_idle": {
			En: "--idle %q: give a duration such as 30m or 1h (0 turns it off)",
			Fr: "--idle %q : donnez une durée comme 30m ou 1h (0 désactive)",
			Ar: "--idle %q: أعط مدة مثل 30m أو 1h (القيمة 0 تعطله)"},
		"server.bad_bidi": {
			En: "--bidi %q: allowed are auto, app, terminal", Fr: "--bidi %q : valeurs permises auto, app, terminal", Ar: "--bidi %q: القيم المسموح بها auto وapp وterminal"},
		"server.listen": {
			En: "cannot listen on %s: %s", Fr: "impossible d'écouter sur %s : %s", Ar: "تعذر الاستماع على %s: %s"},
		"server.host_key": {
			En: "host key %s: %s", Fr: "clé d'hôte %s : %s", Ar: "مفتاح المضيف %s: %s"},
		"server.host_key_open": {
			En: "host key %s can be read by others (mode %04o): run chmod 600 on it",
			Fr: "la clé d'hôte %s est lisible par d'autres (mode %04o) : lancez chmod 600 dessus",
			Ar: "مفتاح المضيف %s مقروء من طرف الآخرين (الصلاحيات %04o): نفذ chmod 600 عليه"},

		// The server's log (its standard error).
		"server.log.no_idle": {En: "none", Fr: "aucune", Ar: "بلا حد"},
		"server.log.connect": {
			En: "%s (%s, key %s) connected from %s: %s", Fr: "%s (%s, clé %s) connecté depuis %s : %s", Ar: "%s (%s، المفتاح %s) متصل من %s: %s"},
		"server.log.command": {
			En: "command by %s (%s, key %s) from %s: %s, exit %d",
			Fr: "commande de %s (%s, clé %s) depuis %s : %s, code de sortie %d",
			Ar: "أمر من %s (%s، المفتاح %s) من %s: %s، رمز الخروج %d"},
		"server.log.revoked": {
			En: "%s (key %s, from %s) is no longer in the operators file: connection closed",
			Fr: "%s (clé %s, depuis %s) n'est plus dans le fichier des opérateurs : connexion fermée",
			Ar: "%s (المفتاح %s، من %s) لم يعد في ملف المشغلين: أغلق الاتصال"},
		"server.log.role_changed": {
			En: "%s (%s) is now %s (%s) in the operators file: connection from %s closed",
			Fr: "%s (%s) est désormais %s (%s) dans le fichier des opérateurs : connexion depuis %s fermée",
			Ar: "%s (%s) أصبح %s (%s) في ملف المشغلين: أغلق الاتصال من %s"},
		"server.log.role_applied": {
			En: "%s is now %s, no longer %s, in the operators file: the screens from %s show it in place",
			Fr: "%s est désormais %s, non plus %s, dans le fichier des opérateurs : les écrans depuis %s l'affichent sans reconnexion",
			Ar: "%s أصبح %s بدل %s في ملف المشغلين: الشاشات المتصلة من %s تعرض ذلك دون إعادة اتصال"},
		"server.log.grace": {
			En: "connection from %s closed: not authenticated within %s",
			Fr: "connexion depuis %s fermée : pas d'authentification en %s",
			Ar: "أغلق الاتصال من %s: لم تتم المصادقة خلال %s"},
		"server.log.idle_closed": {
			En: "connection from %s closed: idle for %s",
			Fr: "connexion depuis %s fermée : inactive depuis %s",
			Ar: "أغلق الاتصال من %s: خامل منذ %s"},
		"server.log.penalty": {
			En: "%s failed to log in too often: refused for %s",
			Fr: "%s a échoué trop souvent à se connecter : refusé pendant %s",
			Ar: "فشل %s في الدخول مرات كثيرة: مرفوض لمدة %s"},
		"server.log.penalized": {
			En: "connection from %s refused: it failed to log in too often (%s left)",
			Fr: "connexion depuis %s refusée : trop d'échecs de connexion (encore %s)",
			Ar: "رفض الاتصال من %s: فشل في الدخول مرات كثيرة (بقي %s)"},
		"server.log.screen": {
			En: "screen %dx%d, %s", Fr: "écran %dx%d, %s", Ar: "شاشة %dx%d، %s"},
		"server.log.disconnect": {
			En: "%s disconnected after %s", Fr: "%s déconnecté après %s", Ar: "انقطع اتصال %s بعد %s"},
		"server.log.unknown_key": {
			En: "refused key %s from %s: not in the operators file",
			Fr: "clé %s refusée depuis %s : absente du fichier des opérateurs",
			Ar: "رفض المفتاح %s من %s: غير موجود في ملف المشغلين"},
		"server.log.reload_failed": {
			En: "operators file not reloaded, the previous one stays in force: %s",
			Fr: "fichier des opérateurs non rechargé, le précédent reste en vigueur : %s",
			Ar: "لم يعد تحميل ملف المشغلين ويبقى السابق ساريا: %s"},

		// What clients read.
		"server.denied": {
			En: "permission denied: this key is not in the operators file",
			Fr: "accès refusé : cette clé n'est pas dans le fichier des opérateurs",
			Ar: "الدخول مرفوض: هذا المفتاح غير موجود في ملف المشغلين"},
		"server.no_terminal": {
			En: "no terminal: use ssh -t for the screen, or give a command, e.g. ssh -p PORT HOST decisions --json",
			Fr: "pas de terminal : utilisez ssh -t pour l'écran, ou donnez une commande, p. ex. ssh -p PORT HÔTE decisions --json",
			Ar: "لا توجد طرفية: استعمل ssh -t للشاشة، أو أعط أمرا مثل ssh -p PORT HOST decisions --json"},
		"server.bye_idle": {
			En: "disconnected after %s without a key press; everything is saved",
			Fr: "déconnecté après %s sans frappe au clavier ; tout est enregistré",
			Ar: "قطع الاتصال بعد %s دون ضغط أي مفتاح؛ كل شيء محفوظ"},
		"server.bye_shutdown": {
			En: "the server is shutting down; everything is saved",
			Fr: "le serveur s'arrête ; tout est enregistré",
			Ar: "الخادم يتوقف؛ كل شيء محفوظ"},
		"server.bye_revoked": {
			En: "this key was removed from the operators file: disconnected",
			Fr: "cette clé a été retirée du fichier des opérateurs : déconnecté",
			Ar: "أزيل هذا المفتاح من ملف المشغلين: قطع الاتصال"},
		"server.bye_changed": {
			En: "the operators file now names this key %s (%s): connect again",
			Fr: "le fichier des opérateurs attribue désormais cette clé à %s (%s) : reconnectez-vous",
			Ar: "ملف المشغلين ينسب هذا المفتاح الآن إلى %s (%s): اتصل من جديد"},
		"server.display_no_command": {
			En: "a display key only shows the audience screen: it runs no command (connect with ssh -t)",
			Fr: "une clé d'affichage montre seulement l'écran du public : elle ne lance aucune commande (connectez-vous avec ssh -t)",
			Ar: "مفتاح العرض يعرض شاشة الجمهور فقط ولا ينفذ أي أمر (اتصل بـ ssh -t)"},
		"server.command_control": {
			En: "the command holds the control character %s (byte %d): remove it",
			Fr: "la commande contient le caractère de contrôle %s (octet %d) : retirez-le",
			Ar: "يحتوي الأمر على محرف التحكم %s (البايت %d): احذفه"},
		"server.shell_syntax": {
			En: "%s: jalsa runs one command, not a shell line; quote it if it belongs to a value",
			Fr: "%s : jalsa lance une commande, pas une ligne de shell ; mettez-le entre guillemets s'il fait partie d'une valeur",
			Ar: "%s: ينفذ jalsa أمرا واحدا لا سطر shell؛ ضعه بين علامتي اقتباس إن كان جزءا من قيمة"},
		"server.bad_command": {
			En: "cannot read the command %q: check its quotes",
			Fr: "impossible de lire la commande %q : vérifiez ses guillemets",
			Ar: "تعذرت قراءة الأمر %q: تحقق من علامات الاقتباس"},
	})
}
