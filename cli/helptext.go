package cli

import (
	"maps"
	"strings"
	"sync"

	"github.com/jalsa-app/jalsa/i18n"
)

// commandHelp is a command's wording: what it does in one line (the
// command list) and in a paragraph, and examples, each a command line
// with what it does.
type commandHelp struct {
	short, long i18n.Text
	examples    []example
}

// example is one command line of a command's help.
type example struct {
	what i18n.Text
	line string
}

// examplesText is the examples as help shows them in each language: what the line
// does as a shell comment, then the line.
func examplesText(examples []example) i18n.Text {
	var en, fr, ar []string
	for _, e := range examples {
		en = append(en, "# "+e.what.En, e.line)
		fr = append(fr, "# "+e.what.Fr, e.line)
		ar = append(ar, "# "+e.what.Ar, e.line)
	}
	return i18n.Text{En: strings.Join(en, "\n"), Fr: strings.Join(fr, "\n"), Ar: strings.Join(ar, "\n")}
}

// commandHelps is the help of every command of the table, by key. It is
// built when help is first shown (registerHelp): a command that just runs
// does not pay for the wording of every other.
func commandHelps() map[string]commandHelp {
	return map[string]commandHelp{
		"ui": {
			short: i18n.Text{En: "the terminal UI: sessions, the sitting under way, lookups", Fr: "l'interface terminal : sessions, séance en cours, recherches", Ar: "واجهة الطرفية: الدورات، الجلسة الجارية، البحث"},
			long: i18n.Text{
				En: "jalsa conducts the sessions of a deliberative assembly: roll call, agenda items, votes by count or by name, budget lines, and minutes. Without a command it opens the terminal UI on the database; every other command below does the same from the command line.",
				Fr: "jalsa conduit les sessions d'une assemblée délibérante : appel, points de l'ordre du jour, votes par nombres ou nominatifs, lignes budgétaires et procès-verbal. Sans commande, il ouvre l'interface terminal sur la base ; chaque commande ci-dessous fait de même en ligne de commande.",
				Ar: "jalsa لتسيير دورات الهيئات التداولية: المناداة، نقط جدول الأعمال، التصويت بالأعداد أو بالأسماء، سطور الميزانية، والمحضر. بدون أمر يفتح واجهة الطرفية على قاعدة البيانات؛ وكل أمر أدناه يفعل الشيء نفسه من سطر الأوامر."},
			examples: []example{
				{i18n.Text{En: "open the UI on the register", Fr: "ouvrir l'interface sur le registre", Ar: "فتح الواجهة على السجل"}, "jalsa"},
				{i18n.Text{En: "the UI in Arabic, letters joined by jalsa", Fr: "l'interface en arabe, lettres liées par jalsa", Ar: "الواجهة بالعربية، والحروف يصلها jalsa"}, "jalsa --lang ar --bidi app --shape"},
				{i18n.Text{En: "the UI, and remote operators beside it over SSH", Fr: "l'interface, et les opérateurs distants par SSH à côté", Ar: "الواجهة، ومعها المشغلون عن بعد عبر SSH"}, "jalsa --listen 127.0.0.1:2222"},
			},
		},
		"init": {
			short: i18n.Text{En: "create body, members and session from a session file", Fr: "crée l'assemblée, les membres et la session depuis un fichier", Ar: "إنشاء الهيئة والأعضاء والدورة من ملف الدورة"},
			long: i18n.Text{
				En: "Reads a session file (YAML: body, members, session, agenda) and records it; prints the new session's id. A mistake is reported as FILE:LINE:COL with what is allowed, and nothing is recorded. FILE - reads standard input.",
				Fr: "Lit un fichier de session (YAML : assemblée, membres, session, ordre du jour) et l'enregistre ; affiche l'identifiant de la session. Une erreur est signalée FILE:LINE:COL avec ce qui est permis, et rien n'est enregistré. FILE - lit l'entrée standard.",
				Ar: "يقرأ ملف الدورة (YAML: الهيئة، الأعضاء، الدورة، جدول الأعمال) ويسجله، ثم يطبع معرف الدورة. يُبلَّغ عن أي خطأ بصيغة FILE:LINE:COL مع المسموح به، ولا يسجل شيء. FILE - يقرأ الدخل المعياري."},
			examples: []example{
				{i18n.Text{En: "record the October session", Fr: "enregistrer la session d'octobre", Ar: "تسجيل دورة أكتوبر"}, "jalsa init session-2024-10.yaml"},
				{i18n.Text{En: "from standard input", Fr: "depuis l'entrée standard", Ar: "من الدخل المعياري"}, "jalsa init - < session.yaml"},
			},
		},
		"open": {
			short: i18n.Text{En: "open a sitting", Fr: "ouvre une séance", Ar: "افتتاح جلسة"},
			long: i18n.Text{
				En: "Opens a sitting of the session (a new one after suspend) on the given convocation, which sets the quorum, and prints present/seats and whether the quorum is met.",
				Fr: "Ouvre une séance de la session (une nouvelle après suspend) sur la convocation donnée, qui fixe le quorum, et affiche présents/sièges et si le quorum est atteint.",
				Ar: "يفتتح جلسة من الدورة (جلسة جديدة بعد suspend) حسب الدعوة المحددة، التي تحدد النصاب، ويطبع عدد الحاضرين من المقاعد وهل اكتمل النصاب."},
			examples: []example{
				{i18n.Text{En: "first convocation", Fr: "première convocation", Ar: "الدعوة الأولى"}, "jalsa open 2024-10"},
				{i18n.Text{En: "second convocation, after a quorum that was not met", Fr: "deuxième convocation, après un quorum non atteint", Ar: "الدعوة الثانية بعد عدم اكتمال النصاب"}, "jalsa open 2024-10 --call 2"},
			},
		},
		"attend": {
			short: i18n.Text{En: "record attendance", Fr: "enregistre les présences", Ar: "تسجيل الحضور"},
			long: i18n.Text{
				En: "Records who is present, absent or excused, and who arrives or leaves during the sitting. IDS are member ids separated by commas, or all; a flag given all applies first and named ids after it. Prints present/seats and the quorum.",
				Fr: "Enregistre qui est présent, absent ou excusé, et qui arrive ou part pendant la séance. IDS sont des identifiants de membres séparés par des virgules, ou all ; un drapeau valant all s'applique d'abord, les identifiants nommés ensuite. Affiche présents/sièges et le quorum.",
				Ar: "يسجل الحاضرين والغائبين والمعتذرين، ومن يلتحق أو يغادر أثناء الجلسة. IDS معرفات أعضاء مفصولة بفواصل، أو all؛ والخيار الذي قيمته all يطبق أولا ثم المعرفات المسماة بعده. يطبع عدد الحاضرين من المقاعد والنصاب."},
			examples: []example{
				{i18n.Text{En: "everyone but two", Fr: "tous sauf deux", Ar: "الجميع إلا اثنين"}, "jalsa attend 2024-10 --present all --absent m14,m15"},
				{i18n.Text{En: "a member arrives late, another leaves", Fr: "un membre arrive en retard, un autre part", Ar: "عضو يلتحق متأخرا وآخر يغادر"}, "jalsa attend 2024-10 --arrive m14 --leave m07"},
			},
		},
		"item": {
			short: i18n.Text{En: "start, end, defer, withdraw an item or add a note", Fr: "commence, termine, reporte, retire un point ou ajoute une note", Ar: "بدء نقطة أو إنهاؤها أو تأجيلها أو سحبها أو إضافة ملاحظة"},
			long: i18n.Text{
				En: "Moves item N of the agenda: start puts it under way, done ends an item that takes no vote as noted, defer and withdraw take it off this session, and note adds TEXT to the discussion in the minutes.",
				Fr: "Fait avancer le point N de l'ordre du jour : start le met en cours, done termine un point sans vote comme « pris acte », defer et withdraw le retirent de la session, et note ajoute TEXT à la discussion du procès-verbal.",
				Ar: "يحرك النقطة N من جدول الأعمال: start يجعلها جارية، وdone ينهي نقطة لا تصويت فيها بالإحاطة علما، وdefer وwithdraw يخرجانها من هذه الدورة، وnote يضيف TEXT إلى المناقشة في المحضر."},
			examples: []example{
				{i18n.Text{En: "start item 3", Fr: "commencer le point 3", Ar: "بدء النقطة 3"}, "jalsa item 2024-10 3 start"},
				{i18n.Text{En: "a note in the minutes", Fr: "une note au procès-verbal", Ar: "ملاحظة في المحضر"}, `jalsa item 2024-10 3 note "طالب عدد من الأعضاء بتوضيحات حول التمويل"`},
				{i18n.Text{En: "the report is noted, without a vote", Fr: "le rapport est pris acte, sans vote", Ar: "الإحاطة علما بالتقرير دون تصويت"}, "jalsa item 2024-10 2 done"},
			},
		},
		"note": {
			short: i18n.Text{En: "correct or withdraw a note of an item", Fr: "corrige ou retire une note d'un point", Ar: "تصحيح ملاحظة نقطة أو سحبها"},
			long: i18n.Text{
				En: "Corrects note NOTE of item N (counted from 1, in the order written) with TEXT, or withdraws it. Neither erases it: the record keeps the earlier wording and the withdrawn note, as it keeps a corrected vote; the minutes print the note as it stands.",
				Fr: "Corrige la note NOTE du point N (comptée à partir de 1, dans l'ordre d'écriture) par TEXT, ou la retire. Rien n'est effacé : le registre garde l'ancienne rédaction et la note retirée, comme il garde un vote corrigé ; le procès-verbal imprime la note telle qu'elle est.",
				Ar: "يصحح الملاحظة NOTE من النقطة N (تعد من 1 بترتيب كتابتها) بالنص TEXT، أو يسحبها. لا يمحى شيء: يحتفظ السجل بالصيغة السابقة وبالملاحظة المسحوبة، كما يحتفظ بالتصويت المصحح؛ ويطبع المحضر الملاحظة كما هي الآن."},
			examples: []example{
				{i18n.Text{En: "a typo in the first note of item 3", Fr: "une coquille dans la première note du point 3", Ar: "خطأ مطبعي في الملاحظة الأولى من النقطة 3"}, `jalsa note 2024-10 3 1 correct "طالب عدد من الأعضاء بتوضيحات حول التمويل"`},
				{i18n.Text{En: "a note written twice", Fr: "une note écrite deux fois", Ar: "ملاحظة كتبت مرتين"}, "jalsa note 2024-10 3 2 withdraw"},
			},
		},
		"speaker": {
			short: i18n.Text{En: "keep an item's list of speakers", Fr: "tient la liste des orateurs d'un point", Ar: "تدبير لائحة المتدخلين في نقطة"},
			long: i18n.Text{
				En: "Adds a member (or, with --guest, a guest of the session) to the list of speakers on item N, gives them the floor (start), ends their turn (done) or takes them off the list (remove). One speaker has the floor at a time: giving it ends the turn under way, as a vote, a suspension, the next item and the close do. The minutes name who spoke.",
				Fr: "Inscrit un membre (ou, avec --guest, un invité de la session) sur la liste des orateurs du point N, lui donne la parole (start), termine son intervention (done) ou le retire de la liste (remove). Un seul orateur a la parole à la fois : la donner termine l'intervention en cours, comme le font un vote, une suspension, le point suivant et la clôture. Le procès-verbal nomme les intervenants.",
				Ar: "يسجل عضوا (أو ضيفا من ضيوف الدورة مع --guest) في لائحة المتدخلين في النقطة N، أو يعطيه الكلمة (start)، أو ينهي تدخله (done)، أو يحذفه من اللائحة (remove). لا يتناول الكلمة إلا متدخل واحد في كل مرة: إعطاؤها ينهي التدخل الجاري، كما ينهيه التصويت والتعليق والنقطة الموالية والاختتام. ويذكر المحضر أسماء المتدخلين."},
			examples: []example{
				{i18n.Text{En: "m09 asks to speak", Fr: "m09 demande la parole", Ar: "m09 يطلب الكلمة"}, "jalsa speaker 2024-10 3 m09 add"},
				{i18n.Text{En: "m09 has the floor", Fr: "m09 a la parole", Ar: "m09 يتناول الكلمة"}, "jalsa speaker 2024-10 3 m09 start"},
				{i18n.Text{En: "a guest of the session has the floor", Fr: "un invité de la session a la parole", Ar: "ضيف الدورة يتناول الكلمة"}, `jalsa speaker 2024-10 3 --guest "معاذ الجامعي" start`},
			},
		},
		"amend": {
			short: i18n.Text{En: "amend a budget line before its vote", Fr: "amende une ligne budgétaire avant son vote", Ar: "تعديل سطر من الميزانية قبل التصويت عليه"},
			long: i18n.Text{
				En: "Changes the amount of budget line LINE of item N before it is voted, with the reason; the minutes show the amount proposed and the amount amended. AMOUNT is written 4800000.00.",
				Fr: "Change le montant de la ligne LINE du point N avant son vote, avec le motif ; le procès-verbal montre le montant proposé et le montant amendé. AMOUNT s'écrit 4800000.00.",
				Ar: "يغير مبلغ السطر LINE من النقطة N قبل التصويت عليه، مع السبب؛ ويبين المحضر المبلغ المقترح والمبلغ المعدل. يكتب AMOUNT هكذا: 4800000.00."},
			examples: []example{
				{i18n.Text{En: "raise a revenue line", Fr: "relever une ligne de recettes", Ar: "رفع سطر من المداخيل"}, `jalsa amend 2024-10 10 I.2.1 200000.00 --reason "مداخيل خدمات جديدة"`},
			},
		},
		"vote": {
			short: i18n.Text{En: "record a vote by counts or by name", Fr: "enregistre un vote par nombres ou nominatif", Ar: "تسجيل تصويت بالأعداد أو بالأسماء"},
			long: i18n.Text{
				En: "Records the vote on item N (or on one budget line with --line): either the counts (--for, --against, --abstain, and --chair to break a tie where the rules give the chair a casting vote), or a roll call (--named, with --rest for everyone present not named). Prints the outcome and why, by the body's rules.",
				Fr: "Enregistre le vote sur le point N (ou sur une ligne budgétaire avec --line) : soit les nombres (--for, --against, --abstain, et --chair pour départager quand le règlement donne voix prépondérante au président), soit un appel nominal (--named, avec --rest pour les présents non nommés). Affiche la décision et sa raison selon le règlement.",
				Ar: "يسجل التصويت على النقطة N (أو على سطر من الميزانية مع --line): إما بالأعداد (--for و--against و--abstain، و--chair لترجيح التعادل حين يمنح النظام الرئيس صوتا مرجحا)، وإما بالمناداة الاسمية (--named، مع --rest لباقي الحاضرين غير المذكورين). يطبع القرار وتعليله حسب النظام."},
			examples: []example{
				{i18n.Text{En: "by counts", Fr: "par nombres", Ar: "بالأعداد"}, "jalsa vote 2024-10 3 --for 60 --against 0 --abstain 2"},
				{i18n.Text{En: "by name: two named, everyone else present for", Fr: "nominatif : deux nommés, tous les autres présents pour", Ar: "بالأسماء: اثنان مسميان وباقي الحاضرين موافقون"}, "jalsa vote 2024-10 3 --named m02=against,m09=abstain --rest for"},
				{i18n.Text{En: "one budget line", Fr: "une ligne budgétaire", Ar: "سطر واحد من الميزانية"}, "jalsa vote 2024-10 10 --line I.1.1 --for 70"},
			},
		},
		"correct": {
			short: i18n.Text{En: "replace a recorded vote, keeping the old one and the reason", Fr: "remplace un vote enregistré en gardant l'ancien et le motif", Ar: "تصحيح تصويت مسجل مع الاحتفاظ بالسابق وبالسبب"},
			long: i18n.Text{
				En: "Replaces the recorded vote on item N (or one budget line) with new counts or named votes, as vote takes them, and the reason. The old vote stays in the record and in show.",
				Fr: "Remplace le vote enregistré sur le point N (ou une ligne budgétaire) par de nouveaux nombres ou votes nominatifs, comme vote, avec le motif. L'ancien vote reste au registre et dans show.",
				Ar: "يعوض التصويت المسجل على النقطة N (أو سطر من الميزانية) بأعداد أو أصوات اسمية جديدة كما في vote، مع السبب. ويبقى التصويت السابق في السجل وفي show."},
			examples: []example{
				{i18n.Text{En: "one vote was miscounted", Fr: "une voix mal comptée", Ar: "خطأ في عد صوت واحد"}, `jalsa correct 2024-10 3 --for 61 --against 0 --abstain 1 --reason "خطأ في العد"`},
			},
		},
		"suspend": {
			short: i18n.Text{En: "end the sitting; the session resumes later", Fr: "lève la séance ; la session reprendra", Ar: "رفع الجلسة على أن تستأنف الدورة لاحقا"},
			long: i18n.Text{
				En: "Ends the sitting under way; the session stays open and the next open starts a new sitting.",
				Fr: "Lève la séance en cours ; la session reste ouverte et le prochain open commence une nouvelle séance.",
				Ar: "يرفع الجلسة الجارية؛ تبقى الدورة مفتوحة ويبدأ open التالي جلسة جديدة."},
			examples: []example{
				{i18n.Text{En: "end today's sitting", Fr: "lever la séance du jour", Ar: "رفع جلسة اليوم"}, "jalsa suspend 2024-10"},
			},
		},
		"close": {
			short: i18n.Text{En: "close the session for good", Fr: "clôt définitivement la session", Ar: "اختتام الدورة نهائيا"},
			long: i18n.Text{
				En: "Ends the sitting and locks the session: nothing of it can change afterwards. Items still pending must be deferred first.",
				Fr: "Lève la séance et verrouille la session : plus rien ne peut en changer. Les points encore en attente doivent d'abord être reportés.",
				Ar: "يرفع الجلسة ويغلق الدورة: لا يمكن تغيير أي شيء منها بعد ذلك. ويجب تأجيل النقط المعلقة أولا."},
			examples: []example{
				{i18n.Text{En: "close the October session", Fr: "clore la session d'octobre", Ar: "اختتام دورة أكتوبر"}, "jalsa close 2024-10"},
			},
		},
		"sessions": {
			short: i18n.Text{En: "list sessions", Fr: "liste les sessions", Ar: "عرض الدورات"},
			long: i18n.Text{
				En: "Lists every session with its date, state, kind and title.",
				Fr: "Liste chaque session avec sa date, son état, sa nature et son titre.",
				Ar: "يعرض كل الدورات بتاريخها وحالتها ونوعها وعنوانها."},
			examples: []example{
				{i18n.Text{En: "as a table", Fr: "en tableau", Ar: "في جدول"}, "jalsa sessions"},
				{i18n.Text{En: "as JSON, for a script", Fr: "en JSON, pour un script", Ar: "بصيغة JSON لبرنامج نصي"}, "jalsa sessions --json"},
			},
		},
		"status": {
			short: i18n.Text{En: "state, sitting, quorum and every item of a session", Fr: "état, séance, quorum et points d'une session", Ar: "حالة الدورة وجلستها ونصابها ونقطها"},
			long: i18n.Text{
				En: "Shows the session's state, its sitting and convocation, present/seats and the quorum, then every item with its outcome and counts; ▶ marks the item under way.",
				Fr: "Montre l'état de la session, sa séance et sa convocation, présents/sièges et le quorum, puis chaque point avec sa décision et ses nombres ; ▶ marque le point en cours.",
				Ar: "يعرض حالة الدورة وجلستها ودعوتها وعدد الحاضرين من المقاعد والنصاب، ثم كل نقطة بقرارها وأعدادها؛ وتشير ▶ إلى النقطة الجارية."},
			examples: []example{
				{i18n.Text{En: "where the October session stands", Fr: "où en est la session d'octobre", Ar: "أين وصلت دورة أكتوبر"}, "jalsa status 2024-10"},
				{i18n.Text{En: "as JSON", Fr: "en JSON", Ar: "بصيغة JSON"}, "jalsa status 2024-10 --json"},
			},
		},
		"decisions": {
			short: i18n.Text{En: "look up decisions, best match first", Fr: "recherche des décisions, la meilleure d'abord", Ar: "البحث في المقررات، الأنسب أولا"},
			long: i18n.Text{
				En: "Finds decisions by words of their title or text, in Arabic, French or English (with or without diacritics and accents), best match first; without QUERY, the newest first. A terminal shows the first 30 and says how many more; --limit 0 or --json gives them all.",
				Fr: "Trouve les décisions par les mots de leur titre ou de leur texte, en arabe, français ou anglais (avec ou sans voyelles ni accents), la meilleure d'abord ; sans QUERY, les plus récentes d'abord. Un terminal montre les 30 premières et dit combien il en reste ; --limit 0 ou --json les donne toutes.",
				Ar: "يبحث عن المقررات بكلمات من عنوانها أو نصها، بالعربية أو الفرنسية أو الإنجليزية (بالتشكيل أو بدونه)، الأنسب أولا؛ وبدون QUERY الأحدث أولا. تعرض الطرفية أول 30 وتذكر عدد الباقي؛ و--limit 0 أو --json يعطيها كلها."},
			examples: []example{
				{i18n.Text{En: "everything about Sefrou", Fr: "tout sur Sefrou", Ar: "كل ما يخص صفرو"}, "jalsa decisions صفرو"},
				{i18n.Text{En: "agreements adopted since January 2024", Fr: "conventions adoptées depuis janvier 2024", Ar: "الاتفاقيات المصادق عليها منذ يناير 2024"}, "jalsa decisions --kind agreement --outcome adopted --since 2024-01-01"},
				{i18n.Text{En: "all of them, as JSON", Fr: "toutes, en JSON", Ar: "كلها بصيغة JSON"}, "jalsa decisions --json"},
				{i18n.Text{En: "the register as CSV, for a spreadsheet or import-decisions", Fr: "le registre en CSV, pour un tableur ou import-decisions", Ar: "السجل بصيغة CSV، لجدول بيانات أو لـ import-decisions"}, "jalsa decisions --session 2024-06 --csv"},
			},
		},
		"show": {
			short: i18n.Text{En: "one decision in full", Fr: "une décision en détail", Ar: "مقرر واحد بالتفصيل"},
			long: i18n.Text{
				En: "Shows one decision: text, counts, named votes, the rule applied and why, notes and corrections. REF is SESSION/N, or SESSION/N/LINE for a budget line.",
				Fr: "Montre une décision : texte, nombres, votes nominatifs, la règle appliquée et pourquoi, notes et corrections. REF est SESSION/N, ou SESSION/N/LINE pour une ligne budgétaire.",
				Ar: "يعرض مقررا واحدا: النص، الأعداد، الأصوات الاسمية، القاعدة المطبقة وتعليلها، الملاحظات والتصحيحات. REF هو SESSION/N، أو SESSION/N/LINE لسطر من الميزانية."},
			examples: []example{
				{i18n.Text{En: "item 3 of June 2024", Fr: "le point 3 de juin 2024", Ar: "النقطة 3 من دورة يونيو 2024"}, "jalsa show 2024-06/3"},
				{i18n.Text{En: "a budget line, as JSON", Fr: "une ligne budgétaire, en JSON", Ar: "سطر من الميزانية بصيغة JSON"}, "jalsa show 2024-06/8/I.1.1 --json"},
			},
		},
		"minutes": {
			short: i18n.Text{En: "write the minutes of a session", Fr: "rédige le procès-verbal d'une session", Ar: "تحرير محضر الدورة"},
			long: i18n.Text{
				En: "Writes the minutes (محضر) of the session in the body's language (--lang chooses another): opening, attendance and quorum, each item with its discussion, vote and decision, and the signatures. docx and pdf (printed by Chromium) go to a file, -o.",
				Fr: "Rédige le procès-verbal (محضر) de la session dans la langue de l'assemblée (--lang en choisit une autre) : ouverture, présences et quorum, chaque point avec sa discussion, son vote et sa décision, et les signatures. docx et pdf (imprimé par Chromium) vont dans un fichier, -o.",
				Ar: "يحرر محضر الدورة بلغة الهيئة (ويختار --lang لغة أخرى): الافتتاح، الحضور والنصاب، كل نقطة بمناقشتها وتصويتها وقرارها، ثم التوقيعات. صيغتا docx وpdf (يطبعها Chromium) تكتبان في ملف، -o."},
			examples: []example{
				{i18n.Text{En: "HTML, ready to print", Fr: "en HTML, prêt à imprimer", Ar: "بصيغة HTML جاهزا للطباعة"}, "jalsa minutes 2024-06 --format html -o minutes.html"},
				{i18n.Text{En: "in French", Fr: "en français", Ar: "بالفرنسية"}, "jalsa minutes 2024-06 --lang fr"},
				{i18n.Text{En: "a Word document, and a PDF to sign", Fr: "un document Word, et un PDF à signer", Ar: "وثيقة Word، وملف PDF للتوقيع"}, "jalsa minutes 2024-06 --format docx -o minutes.docx"},
			},
		},
		"export": {
			short: i18n.Text{En: "write everything as JSON", Fr: "exporte tout en JSON", Ar: "تصدير كل شيء بصيغة JSON"},
			long: i18n.Text{
				En: "Writes every event of the record as JSON; import of it into an empty database reproduces the database exactly.",
				Fr: "Écrit chaque événement du registre en JSON ; son import dans une base vide reproduit exactement la base.",
				Ar: "يكتب كل أحداث السجل بصيغة JSON؛ واستيراده في قاعدة فارغة يعيد إنتاج القاعدة كما هي."},
			examples: []example{
				{i18n.Text{En: "to a file", Fr: "dans un fichier", Ar: "في ملف"}, "jalsa export -o jalsa-2024.json"},
			},
		},
		"import": {
			short: i18n.Text{En: "load an export into an empty database", Fr: "charge un export dans une base vide", Ar: "استيراد ملف تصدير في قاعدة فارغة"},
			long: i18n.Text{
				En: "Loads what export wrote into an empty database, checking the event chain as it goes. FILE - reads standard input.",
				Fr: "Charge ce qu'export a écrit dans une base vide, en vérifiant la chaîne d'événements. FILE - lit l'entrée standard.",
				Ar: "يحمل ما كتبه export في قاعدة فارغة مع التحقق من سلسلة الأحداث. FILE - يقرأ الدخل المعياري."},
			examples: []example{
				{i18n.Text{En: "into a new database", Fr: "dans une nouvelle base", Ar: "في قاعدة جديدة"}, "jalsa --db copy.db import jalsa-2024.json"},
			},
		},
		"import-decisions": {
			short: i18n.Text{En: "load a past register (CSV or JSON lines)", Fr: "charge un registre ancien (CSV ou JSON lines)", Ar: "تحميل سجل سابق (CSV أو JSON lines)"},
			long: i18n.Text{
				En: "Loads decisions taken before jalsa into the lookup, from CSV with a header or JSON lines, with the fields of decisions --json. Bad rows are listed as FILE:LINE: field: reason and nothing is loaded, unless --skip-bad.",
				Fr: "Charge dans la recherche les décisions prises avant jalsa, depuis un CSV avec en-tête ou des lignes JSON, avec les champs de decisions --json. Les lignes incorrectes sont listées FILE:LINE: champ : raison et rien n'est chargé, sauf avec --skip-bad.",
				Ar: "يحمل في البحث المقررات المتخذة قبل jalsa، من CSV برأس أو من أسطر JSON، بحقول decisions --json. تُعرض الأسطر الخاطئة بصيغة FILE:LINE: الحقل: السبب ولا يحمل شيء، إلا مع --skip-bad."},
			examples: []example{
				{i18n.Text{En: "the register of 2015–2023", Fr: "le registre 2015–2023", Ar: "سجل 2015–2023"}, "jalsa import-decisions register-2015-2023.csv"},
				{i18n.Text{En: "keep the good rows, list the bad ones", Fr: "garder les bonnes lignes, lister les mauvaises", Ar: "الاحتفاظ بالأسطر السليمة وعرض الخاطئة"}, "jalsa import-decisions old.jsonl --skip-bad"},
			},
		},
		"backup": {
			short: i18n.Text{En: "consistent hot copy of the database", Fr: "copie à chaud cohérente de la base", Ar: "نسخة احتياطية متسقة أثناء التشغيل"},
			long: i18n.Text{
				En: "Copies the database to FILE while it stays in use, through a temporary file so a crash never leaves half a copy.",
				Fr: "Copie la base dans FILE pendant qu'elle reste en service, via un fichier temporaire, si bien qu'une panne ne laisse jamais une demi-copie.",
				Ar: "ينسخ قاعدة البيانات إلى FILE وهي قيد الاستعمال، عبر ملف مؤقت حتى لا يترك أي عطل نصف نسخة."},
			examples: []example{
				{i18n.Text{En: "tonight's copy", Fr: "la copie du soir", Ar: "نسخة الليلة"}, "jalsa backup /media/usb/jalsa-2024-10-28.db"},
			},
		},
		"verify": {
			short: i18n.Text{En: "check the event chain and the state", Fr: "vérifie la chaîne d'événements et l'état", Ar: "التحقق من سلسلة الأحداث والحالة"},
			long: i18n.Text{
				En: "Checks that every event is chained to the one before it by its hash, and that the current state equals a replay of the events.",
				Fr: "Vérifie que chaque événement est chaîné au précédent par son empreinte, et que l'état courant égale le rejeu des événements.",
				Ar: "يتحقق من أن كل حدث مرتبط بسابقه ببصمته، وأن الحالة الحالية تساوي إعادة تشغيل الأحداث."},
			examples: []example{
				{i18n.Text{En: "check the register", Fr: "vérifier le registre", Ar: "التحقق من السجل"}, "jalsa verify"},
				{i18n.Text{En: "and rebuild the search index", Fr: "et reconstruire l'index de recherche", Ar: "وإعادة بناء فهرس البحث"}, "jalsa verify --repair-index"},
			},
		},
		"demo": {
			short: i18n.Text{En: "load the built-in demo and open the UI", Fr: "charge la démo intégrée et ouvre l'interface", Ar: "تحميل العرض التوضيحي وفتح الواجهة"},
			long: i18n.Text{
				En: "Loads the built-in demo (a closed June 2024 session with its decisions, and the October 2024 session ready to open) and opens the UI on it. Without --db or $JALSA_DB it uses its own file, $XDG_DATA_HOME/jalsa/demo.db, never your register, and says where it is.",
				Fr: "Charge la démo intégrée (une session de juin 2024 close avec ses décisions, et la session d'octobre 2024 prête à ouvrir) et ouvre l'interface dessus. Sans --db ni $JALSA_DB, elle utilise son propre fichier, $XDG_DATA_HOME/jalsa/demo.db, jamais votre registre, et dit où il est.",
				Ar: "يحمل العرض التوضيحي المدمج (دورة يونيو 2024 مختتمة بمقرراتها، ودورة أكتوبر 2024 جاهزة للافتتاح) ويفتح الواجهة عليه. بدون --db أو $JALSA_DB يستعمل ملفه الخاص $XDG_DATA_HOME/jalsa/demo.db، لا سجلك أبدا، ويذكر مكانه."},
			examples: []example{
				{i18n.Text{En: "try jalsa", Fr: "essayer jalsa", Ar: "تجربة jalsa"}, "jalsa demo"},
				{i18n.Text{En: "the demo in a file of your choice", Fr: "la démo dans un fichier de votre choix", Ar: "العرض التوضيحي في ملف من اختيارك"}, "jalsa --db /tmp/demo.db demo"},
			},
		},
		"serve": {
			short: i18n.Text{En: "serve the live session over SSH", Fr: "sert la session en direct par SSH", Ar: "تقديم الدورة مباشرة عبر SSH"},
			long: i18n.Text{
				En: "Serves the UI to every SSH client with a terminal, and runs the commands of clients that pass one, within their role (clerk, observer, display) from the operators file. Public keys only.",
				Fr: "Sert l'interface à chaque client SSH doté d'un terminal, et exécute les commandes des clients qui en passent une, dans la limite de leur rôle (clerk, observer, display) selon le fichier des opérateurs. Clés publiques seulement.",
				Ar: "يقدم الواجهة لكل عميل SSH له طرفية، وينفذ أوامر العملاء الذين يمررون أمرا، في حدود دورهم (clerk وobserver وdisplay) حسب ملف المشغلين. بالمفاتيح العامة فقط."},
			examples: []example{
				{i18n.Text{En: "on the local network", Fr: "sur le réseau local", Ar: "على الشبكة المحلية"}, "jalsa serve --listen 0.0.0.0:2222"},
				{i18n.Text{En: "from a client", Fr: "depuis un client", Ar: "من جهاز عميل"}, "ssh -p 2222 jalsa.local decisions صفرو --json"},
			},
		},
		"help": {
			short: i18n.Text{En: "help on jalsa or one of its commands", Fr: "aide sur jalsa ou l'une de ses commandes", Ar: "مساعدة حول jalsa أو أحد أوامره"},
			long: i18n.Text{
				En: "Without COMMAND, lists the commands; with one, says what it does, its flags and examples, as COMMAND --help does.",
				Fr: "Sans COMMAND, liste les commandes ; avec une, dit ce qu'elle fait, ses options et des exemples, comme COMMAND --help.",
				Ar: "بدون COMMAND يعرض الأوامر؛ ومع أمر يبين ما يفعله وخياراته وأمثلة، كما يفعل COMMAND --help."},
			examples: []example{
				{i18n.Text{En: "how to record a vote", Fr: "comment enregistrer un vote", Ar: "كيف يسجل تصويت"}, "jalsa help vote"},
			},
		},
		"version": {
			short: i18n.Text{En: "version, commit, build date and Go", Fr: "version, commit, date de compilation et Go", Ar: "الإصدار والإيداع وتاريخ البناء وGo"},
			long: i18n.Text{
				En: "Says which jalsa this is: its version, the commit it was built from, when, and with which Go. jalsa --version says the same.",
				Fr: "Dit quel jalsa c'est : sa version, le commit dont il est compilé, quand, et avec quel Go. jalsa --version dit la même chose.",
				Ar: "يبين أي نسخة من jalsa هذه: إصدارها، والإيداع الذي بنيت منه، ومتى، وبأي نسخة من Go. ويقول jalsa --version الشيء نفسه."},
			examples: []example{
				{i18n.Text{En: "for a bug report", Fr: "pour un rapport de bogue", Ar: "لتقرير عن خلل"}, "jalsa version --json"},
			},
		},
		"completion": {
			short: i18n.Text{En: "print a shell completion script", Fr: "affiche un script de complétion pour le shell", Ar: "طباعة برنامج الإكمال التلقائي للصدفة"},
			long: i18n.Text{
				En: "Prints the completion script of bash, zsh, fish or PowerShell. Commands and flags complete from jalsa itself; session ids, item numbers, budget lines and member ids from the database, which is only read.",
				Fr: "Affiche le script de complétion de bash, zsh, fish ou PowerShell. Commandes et options se complètent depuis jalsa ; identifiants de session, numéros de point, lignes budgétaires et membres depuis la base, qui est seulement lue.",
				Ar: "يطبع برنامج الإكمال لـ bash أو zsh أو fish أو PowerShell. تكمل الأوامر والخيارات من jalsa نفسه، ومعرفات الدورات وأرقام النقط وسطور الميزانية ومعرفات الأعضاء من قاعدة البيانات التي تقرأ فقط."},
			examples: []example{
				{i18n.Text{En: "bash, for this shell", Fr: "bash, pour ce shell", Ar: "bash لهذه الصدفة"}, "source <(jalsa completion bash)"},
				{i18n.Text{En: "zsh, for good", Fr: "zsh, durablement", Ar: "zsh بشكل دائم"}, `jalsa completion zsh > "${fpath[1]}/_jalsa"`},
			},
		},
		"man": {
			short: i18n.Text{En: "write man pages", Fr: "écrit les pages de manuel", Ar: "كتابة صفحات الدليل"},
			long: i18n.Text{
				En: "Writes a man page for jalsa and each of its commands into DIR, in the chosen language.",
				Fr: "Écrit une page de manuel pour jalsa et chacune de ses commandes dans DIR, dans la langue choisie.",
				Ar: "يكتب صفحة دليل لـ jalsa ولكل أمر من أوامره في DIR، باللغة المختارة."},
			examples: []example{
				{i18n.Text{En: "install them for your user", Fr: "les installer pour votre utilisateur", Ar: "تثبيتها لمستخدمك"}, "jalsa man ~/.local/share/man/man1"},
			},
		},
	}
}

// registerHelp registers the wording of help, man pages and completions:
// each command's (commandHelps), each flag's and help's headings.
var registerHelp = sync.OnceFunc(func() {
	texts := flagTexts()
	maps.Copy(texts, prepareFlagTexts())
	helps := commandHelps()
	maps.Copy(helps, prepareHelps())
	for key, h := range helps {
		texts["help."+key] = h.short
		texts["help."+key+".long"] = h.long
		texts["help."+key+".example"] = examplesText(h.examples)
	}
	i18n.Register(texts)
})
