package cli

import "github.com/jalsa-app/jalsa/i18n"

// flagTexts say what each flag means, as help, man pages and completions
// say it: flag.NAME, or flag.KEY.NAME where one command gives the flag a
// meaning of its own; and the headings of help.
func flagTexts() map[string]i18n.Text {
	return map[string]i18n.Text{
		"flag.db":      {En: "the database file (else $JALSA_DB, else $XDG_DATA_HOME/jalsa/jalsa.db)", Fr: "le fichier de la base (sinon $JALSA_DB, sinon $XDG_DATA_HOME/jalsa/jalsa.db)", Ar: "ملف قاعدة البيانات (وإلا $JALSA_DB، وإلا $XDG_DATA_HOME/jalsa/jalsa.db)"},
		"flag.lang":    {En: "the language of messages and of the UI (else $JALSA_LANG, else $LANG)", Fr: "la langue des messages et de l'interface (sinon $JALSA_LANG, sinon $LANG)", Ar: "لغة الرسائل والواجهة (وإلا $JALSA_LANG، وإلا $LANG)"},
		"flag.bidi":    {En: "who lays out Arabic: jalsa (app), the terminal, or jalsa's guess (auto)", Fr: "qui met l'arabe en ordre : jalsa (app), le terminal, ou jalsa qui devine (auto)", Ar: "من يرتب العربية: jalsa (app) أو الطرفية (terminal) أو تخمين jalsa (auto)"},
		"flag.shape":   {En: "join Arabic letters in jalsa, for terminals that do not join them", Fr: "lier les lettres arabes dans jalsa, pour les terminaux qui ne les lient pas", Ar: "وصل الحروف العربية داخل jalsa، للطرفيات التي لا تصلها"},
		"flag.help":    {En: "say what the command does, its flags and examples", Fr: "dire ce que fait la commande, ses options et des exemples", Ar: "بيان ما يفعله الأمر وخياراته وأمثلة"},
		"flag.version": {En: "say which jalsa this is", Fr: "dire quel jalsa c'est", Ar: "بيان نسخة jalsa هذه"},
		"flag.csv":     {En: "print CSV (UTF-8, the JSON's columns, read again by import-decisions)", Fr: "afficher du CSV (UTF-8, les colonnes du JSON, relu par import-decisions)", Ar: "الطباعة بصيغة CSV (UTF-8، بأعمدة JSON، يقرؤها import-decisions)"},
		"flag.json":    {En: "print JSON instead of text", Fr: "afficher du JSON au lieu de texte", Ar: "الطباعة بصيغة JSON بدل النص"},
		"flag.output":  {En: "write to FILE instead of standard output (- is standard output)", Fr: "écrire dans FICHIER au lieu de la sortie standard (- est la sortie standard)", Ar: "الكتابة في FILE بدل الخرج المعياري (- هو الخرج المعياري)"},
		"flag.listen":  {En: "also serve the UI over SSH at ADDR, for remote operators", Fr: "servir aussi l'interface par SSH à ADDR, pour les opérateurs distants", Ar: "تقديم الواجهة أيضا عبر SSH على ADDR للمشغلين عن بعد"},

		"flag.call":    {En: "the convocation: 1, 2 or 3, which sets the quorum", Fr: "la convocation : 1, 2 ou 3, qui fixe le quorum", Ar: "الدعوة: 1 أو 2 أو 3، وهي تحدد النصاب"},
		"flag.present": {En: "members present", Fr: "membres présents", Ar: "الأعضاء الحاضرون"},
		"flag.absent":  {En: "members absent", Fr: "membres absents", Ar: "الأعضاء الغائبون"},
		"flag.excused": {En: "members absent with an excuse", Fr: "membres excusés", Ar: "الأعضاء المعتذرون"},
		"flag.arrive":  {En: "members arriving during the sitting", Fr: "membres arrivant en cours de séance", Ar: "الأعضاء الملتحقون أثناء الجلسة"},
		"flag.leave":   {En: "members leaving during the sitting", Fr: "membres quittant la séance", Ar: "الأعضاء المغادرون أثناء الجلسة"},

		"flag.guest":          {En: "a guest of the session, by name as the session file gives it, instead of MEMBER", Fr: "un invité de la session, par son nom tel que le donne le fichier de session, au lieu de MEMBER", Ar: "ضيف من ضيوف الدورة باسمه كما في ملف الدورة، بدل MEMBER"},
		"flag.amend.reason":   {En: "why the line is amended (required)", Fr: "pourquoi la ligne est amendée (obligatoire)", Ar: "سبب تعديل السطر (إلزامي)"},
		"flag.correct.reason": {En: "why the vote is corrected (required)", Fr: "pourquoi le vote est corrigé (obligatoire)", Ar: "سبب تصحيح التصويت (إلزامي)"},
		"flag.line":           {En: "the budget line voted on, by its code", Fr: "la ligne budgétaire votée, par son code", Ar: "سطر الميزانية المصوت عليه، برمزه"},
		"flag.for":            {En: "votes for", Fr: "voix pour", Ar: "الأصوات الموافقة"},
		"flag.against":        {En: "votes against", Fr: "voix contre", Ar: "الأصوات المعارضة"},
		"flag.abstain":        {En: "abstentions", Fr: "abstentions", Ar: "الممتنعون"},
		"flag.chair":          {En: "how the chair voted, for a tie the chair breaks", Fr: "le vote du président, pour départager une égalité", Ar: "تصويت الرئيس، لترجيح التعادل"},
		"flag.named":          {En: "a roll call: member=for|against|abstain, separated by commas", Fr: "un appel nominal : membre=for|against|abstain, séparés par des virgules", Ar: "تصويت اسمي: العضو=for|against|abstain مفصولة بفواصل"},
		"flag.rest":           {En: "how everyone present and not named voted", Fr: "le vote de tous les présents non nommés", Ar: "تصويت باقي الحاضرين غير المذكورين"},

		"flag.session": {En: "only decisions of this session", Fr: "seulement les décisions de cette session", Ar: "مقررات هذه الدورة فقط"},
		"flag.since":   {En: "only decisions on or after this day (YYYY-MM-DD)", Fr: "seulement les décisions de ce jour ou après (AAAA-MM-JJ)", Ar: "المقررات المتخذة في هذا اليوم أو بعده فقط (YYYY-MM-DD)"},
		"flag.until":   {En: "only decisions on or before this day (YYYY-MM-DD)", Fr: "seulement les décisions de ce jour ou avant (AAAA-MM-JJ)", Ar: "المقررات المتخذة في هذا اليوم أو قبله فقط (YYYY-MM-DD)"},
		"flag.outcome": {En: "only decisions with this outcome", Fr: "seulement les décisions de cette issue", Ar: "المقررات ذات هذا القرار فقط"},
		"flag.kind":    {En: "only items of this kind", Fr: "seulement les points de cette nature", Ar: "النقط من هذا النوع فقط"},
		"flag.limit":   {En: "at most N decisions (0: all; a terminal shows 30 when not given)", Fr: "au plus N décisions (0 : toutes ; un terminal en montre 30 sans cette option)", Ar: "على الأكثر N مقررا (0: الكل؛ تعرض الطرفية 30 بدون هذا الخيار)"},

		"flag.format":          {En: "the format of the minutes", Fr: "le format du procès-verbal", Ar: "صيغة المحضر"},
		"flag.skip-bad":        {En: "load the good rows and list the bad ones, instead of loading nothing", Fr: "charger les bonnes lignes et lister les mauvaises, au lieu de ne rien charger", Ar: "تحميل الأسطر السليمة وعرض الخاطئة، بدل عدم تحميل أي شيء"},
		"flag.repair-index":    {En: "rebuild the search index first (this writes)", Fr: "reconstruire d'abord l'index de recherche (cela écrit)", Ar: "إعادة بناء فهرس البحث أولا (وهذا يكتب)"},
		"flag.serve.listen":    {En: "the address and port to listen on", Fr: "l'adresse et le port d'écoute", Ar: "العنوان والمنفذ للاستماع"},
		"flag.operators":       {En: "the operators file: role, public key and name, one a line (else $XDG_CONFIG_HOME/jalsa/operators)", Fr: "le fichier des opérateurs : rôle, clé publique et nom, un par ligne (sinon $XDG_CONFIG_HOME/jalsa/operators)", Ar: "ملف المشغلين: الدور والمفتاح العام والاسم، واحد في كل سطر (وإلا $XDG_CONFIG_HOME/jalsa/operators)"},
		"flag.host-key":        {En: "the server's host key, made at first start (else $XDG_CONFIG_HOME/jalsa/host_ed25519)", Fr: "la clé d'hôte du serveur, créée au premier démarrage (sinon $XDG_CONFIG_HOME/jalsa/host_ed25519)", Ar: "مفتاح الخادم، ينشأ عند أول تشغيل (وإلا $XDG_CONFIG_HOME/jalsa/host_ed25519)"},
		"help.h.usage":         {En: "Usage:", Fr: "Usage :", Ar: "الاستعمال:"},
		"help.h.flags":         {En: "Flags:", Fr: "Options :", Ar: "الخيارات:"},
		"help.h.global":        {En: "Global flags:", Fr: "Options globales :", Ar: "الخيارات العامة:"},
		"help.h.examples":      {En: "Examples:", Fr: "Exemples :", Ar: "أمثلة:"},
		"help.h.group.conduct": {En: "During the session:", Fr: "Pendant la session :", Ar: "أثناء الدورة:"},
		"help.h.group.lookup":  {En: "Looking up:", Fr: "Consulter :", Ar: "الاطلاع:"},
		"help.h.group.data":    {En: "The record:", Fr: "Le registre :", Ar: "السجل:"},
		"help.h.group.program": {En: "jalsa itself:", Fr: "jalsa lui-même :", Ar: "jalsa نفسه:"},
		"help.default":         {En: "(default %s)", Fr: "(par défaut %s)", Ar: "(افتراضيا %s)"},
		"help.more":            {En: "jalsa help COMMAND (or jalsa COMMAND --help) says what a command does, its flags and examples. Exit codes: 0 ok, 1 failure, 2 usage, 3 refused, 4 not found.", Fr: "jalsa help COMMANDE (ou jalsa COMMANDE --help) dit ce que fait une commande, ses options et des exemples. Codes de sortie : 0 ok, 1 échec, 2 usage, 3 refusé, 4 introuvable.", Ar: "jalsa help COMMAND (أو jalsa COMMAND --help) يبين ما يفعله الأمر وخياراته وأمثلة. رموز الخروج: 0 نجاح، 1 فشل، 2 استعمال خاطئ، 3 مرفوض، 4 غير موجود."},
		"help.man_manual":      {En: "jalsa manual", Fr: "manuel de jalsa", Ar: "دليل jalsa"},
		"help.man.name":        {En: "NAME", Fr: "NOM", Ar: "الاسم"},
		"help.man.synopsis":    {En: "SYNOPSIS", Fr: "SYNOPSIS", Ar: "الاستعمال"},
		"help.man.description": {En: "DESCRIPTION", Fr: "DESCRIPTION", Ar: "الوصف"},
		"help.man.commands":    {En: "COMMANDS", Fr: "COMMANDES", Ar: "الأوامر"},
		"help.man.options":     {En: "OPTIONS", Fr: "OPTIONS", Ar: "الخيارات"},
		"help.man.global":      {En: "GLOBAL OPTIONS", Fr: "OPTIONS GLOBALES", Ar: "الخيارات العامة"},
		"help.man.examples":    {En: "EXAMPLES", Fr: "EXEMPLES", Ar: "أمثلة"},
		"help.man.see_also":    {En: "SEE ALSO", Fr: "VOIR AUSSI", Ar: "انظر أيضا"},

		"flag.idle": {En: "end a connection idle for this long (default 15m; 0: never)", Fr: "fermer une connexion inactive depuis cette durée (par défaut 15m ; 0 : jamais)", Ar: "إنهاء الاتصال الخامل بعد هذه المدة (افتراضيا 15m؛ 0: أبدا)"},
	}
}
