package cli

import "github.com/jalsa-app/jalsa/i18n"

// prepareHelps is the help of the commands that prepare a session (SPEC
// §12): the body and its roster, a draft session, its agenda and budget,
// the papers sent before it.
func prepareHelps() map[string]commandHelp {
	return map[string]commandHelp{
		"body": {
			short: i18n.Text{En: "show the body: its name, seats, rules, time zone", Fr: "montre l'assemblée : nom, sièges, règles, fuseau horaire", Ar: "عرض الهيئة: اسمها ومقاعدها وقواعدها ومنطقتها الزمنية"},
			long: i18n.Text{
				En: "Shows the body this database keeps: its name (and in other languages), language, seats, members in office, quorum and majority rules, time zone and legal basis. A database holds one body, whose roster lives across its sessions.",
				Fr: "Montre l'assemblée que tient cette base : son nom (et dans d'autres langues), sa langue, ses sièges, ses membres en fonction, ses règles de quorum et de majorité, son fuseau horaire et sa base légale. Une base tient une assemblée, dont la liste des membres vit d'une session à l'autre.",
				Ar: "يعرض الهيئة التي تحفظها قاعدة البيانات: اسمها (وبلغات أخرى) ولغتها ومقاعدها وأعضاءها المزاولين وقواعد النصاب والأغلبية ومنطقتها الزمنية وسندها القانوني. تحفظ القاعدة هيئة واحدة، تبقى لائحة أعضائها من دورة إلى أخرى."},
			examples: []example{
				{i18n.Text{En: "show the body", Fr: "montrer l'assemblée", Ar: "عرض الهيئة"}, "jalsa body"},
				{i18n.Text{En: "the same, as JSON", Fr: "la même, en JSON", Ar: "الشيء نفسه بصيغة JSON"}, "jalsa body --json"},
			},
		},
		"body.create": {
			short: i18n.Text{En: "create the body of a new database", Fr: "crée l'assemblée d'une nouvelle base", Ar: "إنشاء هيئة قاعدة بيانات جديدة"},
			long: i18n.Text{
				En: "Creates the body the database keeps (one per database), creating the database if there is none. Its members come next (jalsa members import, jalsa members add). Without --seats, the seats are the members in office. Its rules are a Moroccan chamber's (quorum majority, majority, none; votes cast; the president breaks a tie) until jalsa body set changes them.",
				Fr: "Crée l'assemblée que tient la base (une par base), et la base s'il n'y en a pas. Ses membres viennent ensuite (jalsa members import, jalsa members add). Sans --seats, les sièges sont les membres en fonction. Ses règles sont celles d'une chambre marocaine (quorum majority, majority, none ; suffrages exprimés ; le président départage) jusqu'à ce que jalsa body set les change.",
				Ar: "ينشئ الهيئة التي تحفظها القاعدة (هيئة واحدة لكل قاعدة)، وينشئ القاعدة إن لم توجد. يأتي أعضاؤها بعد ذلك (jalsa members import وjalsa members add). بدون --seats تكون المقاعد عدد الأعضاء المزاولين. قواعدها قواعد غرفة مغربية (النصاب majority وmajority وnone؛ الأصوات المعبر عنها؛ يرجح الرئيس عند التعادل) إلى أن يغيرها jalsa body set."},
			examples: []example{
				{i18n.Text{En: "create the chamber, 82 seats, in Arabic", Fr: "créer la chambre, 82 sièges, en arabe", Ar: "إنشاء الغرفة، 82 مقعدا، بالعربية"}, "jalsa body create cat-fes-meknes --name \"غرفة الصناعة التقليدية لجهة فاس – مكناس\" --seats 82 --language ar"},
			},
		},
		"body.set": {
			short: i18n.Text{En: "change the body's name, seats, rules, legal basis or time zone", Fr: "change le nom, les sièges, les règles, la base légale ou le fuseau de l'assemblée", Ar: "تغيير اسم الهيئة أو مقاعدها أو قواعدها أو سندها القانوني أو منطقتها الزمنية"},
			long: i18n.Text{
				En: "Changes what the body says of itself. The change is an event; closed sessions keep the body they had, so their minutes do not change. Seats and rules do not change while a session is under way. --name with --in LANG sets the name the minutes use in another language.",
				Fr: "Change ce que l'assemblée dit d'elle-même. Le changement est un événement ; les sessions closes gardent l'assemblée qu'elles avaient, leur procès-verbal ne change pas. Sièges et règles ne changent pas pendant qu'une session est en cours. --name avec --in LANGUE fixe le nom qu'emploie le procès-verbal dans une autre langue.",
				Ar: "يغير ما تقوله الهيئة عن نفسها. التغيير حدث مسجل؛ وتحتفظ الدورات المختتمة بالهيئة كما كانت، فلا تتغير محاضرها. لا تتغير المقاعد والقواعد أثناء دورة جارية. --name مع --in اللغة يحدد الاسم الذي يستعمله المحضر بلغة أخرى."},
			examples: []example{
				{i18n.Text{En: "record the legal basis the minutes open with", Fr: "enregistrer la base légale qui ouvre le procès-verbal", Ar: "تسجيل السند القانوني الذي يفتتح به المحضر"}, "jalsa body set --legal-basis \"طبقا لمقتضيات القانون رقم 18.09،\""},
				{i18n.Text{En: "the body's name in French", Fr: "le nom de l'assemblée en français", Ar: "اسم الهيئة بالفرنسية"}, "jalsa body set --name \"Chambre d'Artisanat de la Région Fès-Meknès\" --in fr"},
				{i18n.Text{En: "a two-thirds quorum at the first convocation", Fr: "un quorum des deux tiers à la première convocation", Ar: "نصاب الثلثين في الدعوة الأولى"}, "jalsa body set --quorum 55,majority,none"},
			},
		},
		"members": {
			short: i18n.Text{En: "list the members in office", Fr: "liste les membres en fonction", Ar: "عرض الأعضاء المزاولين"},
			long: i18n.Text{
				En: "Lists the body's members in office: id, name, role, group. --all adds those who left, with when they took office, when they left and why.",
				Fr: "Liste les membres en fonction de l'assemblée : identifiant, nom, fonction, groupe. --all ajoute ceux qui sont partis, avec leur entrée en fonction, leur départ et son motif.",
				Ar: "يعرض أعضاء الهيئة المزاولين: المعرف والاسم والصفة والمجموعة. يضيف --all من غادروا، مع تاريخ التحاقهم وتاريخ مغادرتهم وسببها."},
			examples: []example{
				{i18n.Text{En: "the members in office", Fr: "les membres en fonction", Ar: "الأعضاء المزاولون"}, "jalsa members"},
				{i18n.Text{En: "every member the body had, as JSON", Fr: "tous les membres qu'a eus l'assemblée, en JSON", Ar: "كل من كان عضوا في الهيئة، بصيغة JSON"}, "jalsa members --all --json"},
			},
		},
		"members.import": {
			short: i18n.Text{En: "bring the roster in from a CSV or XLSX file", Fr: "importe la liste des membres d'un fichier CSV ou XLSX", Ar: "استيراد لائحة الأعضاء من ملف CSV أو XLSX"},
			long: i18n.Text{
				En: "Reads the chamber's list of members from CSV or XLSX (the first sheet, or --sheet NAME), with a first row naming the columns id, name, role, gender, group, since, until (also in French or Arabic: nom, fonction, genre…; الاسم، الصفة، الجنس…). A new id arrives; a known one is updated, a change of role being an event dated --date (today if not given); an until date is a departure. Members the file does not name stay as they are. Any fault names the file, the line (or sheet and cell) and the column, and nothing is written unless every row is valid.",
				Fr: "Lit la liste des membres d'un fichier CSV ou XLSX (la première feuille, ou --sheet NOM), dont la première ligne nomme les colonnes id, name, role, gender, group, since, until (aussi en français ou en arabe : nom, fonction, genre… ; الاسم، الصفة، الجنس…). Un nouvel identifiant est une arrivée ; un connu est mis à jour, un changement de fonction étant un événement daté de --date (aujourd'hui sans elle) ; une date until est un départ. Les membres que le fichier ne nomme pas restent tels quels. Toute erreur nomme le fichier, la ligne (ou la feuille et la cellule) et la colonne, et rien n'est écrit tant qu'une ligne est fausse.",
				Ar: "يقرأ لائحة أعضاء الغرفة من ملف CSV أو XLSX (الورقة الأولى، أو --sheet الاسم)، يسمي صفه الأول الأعمدة id وname وrole وgender وgroup وsince وuntil (أو بالفرنسية أو العربية: الاسم، الصفة، الجنس…). المعرف الجديد التحاق؛ والمعروف يحين، وتغيير الصفة حدث بتاريخ --date (اليوم إن لم يحدد)؛ وتاريخ until مغادرة. يبقى الأعضاء الذين لا يذكرهم الملف كما هم. كل خطأ يسمي الملف والسطر (أو الورقة والخلية) والعمود، ولا يكتب أي شيء ما دام سطر واحد خاطئا."},
			examples: []example{
				{i18n.Text{En: "bring in the elected members", Fr: "importer les membres élus", Ar: "استيراد الأعضاء المنتخبين"}, "jalsa members import membres.csv"},
				{i18n.Text{En: "from a workbook's sheet, role changes dated", Fr: "d'une feuille d'un classeur, changements de fonction datés", Ar: "من ورقة في مصنف، مع تأريخ تغييرات الصفات"}, "jalsa members import liste.xlsx --sheet Membres --date 2025-01-15"},
			},
		},
		"members.add": {
			short: i18n.Text{En: "add one member to the roster", Fr: "ajoute un membre à la liste", Ar: "إضافة عضو إلى اللائحة"},
			long: i18n.Text{
				En: "Records a member's arrival: id, name, and optionally role, gender (so that titles agree), group, and --since, the day they took office (sessions dated before it do not list them).",
				Fr: "Enregistre l'arrivée d'un membre : identifiant, nom, et au choix fonction, genre (pour accorder les titres), groupe, et --since, le jour de son entrée en fonction (les sessions antérieures ne le listent pas).",
				Ar: "يسجل التحاق عضو: المعرف والاسم، واختياريا الصفة والجنس (لتوافق الألقاب) والمجموعة و--since، يوم بدء عضويته (لا تدرجه الدورات السابقة لذلك اليوم)."},
			examples: []example{
				{i18n.Text{En: "a new member for Sefrou, from 1 March", Fr: "un nouveau membre pour Sefrou, dès le 1er mars", Ar: "عضو جديد عن صفرو ابتداء من فاتح مارس"}, "jalsa members add m83 --name \"سلوى البقالي\" --gender f --group صفرو --since 2025-03-01"},
			},
		},
		"members.leave": {
			short: i18n.Text{En: "record that a member left", Fr: "enregistre le départ d'un membre", Ar: "تسجيل مغادرة عضو"},
			long: i18n.Text{
				En: "Records that a member left on --date, and why. They are on the roll of no session dated from that day; sessions before it keep them. A departure dated before a session they took part in, or before their arrival, is refused; so is one of the chair or secretary of a session not closed.",
				Fr: "Enregistre le départ d'un membre le --date, et son motif. Il ne figure sur la liste d'aucune session datée de ce jour ou après ; les sessions antérieures le gardent. Un départ daté d'avant une session à laquelle il a pris part, ou d'avant son arrivée, est refusé ; de même pour le président ou le secrétaire d'une session non close.",
				Ar: "يسجل مغادرة عضو بتاريخ --date وسببها. لا يدرج في لائحة أي دورة مؤرخة بذلك اليوم أو بعده؛ وتحتفظ به الدورات السابقة. ترفض المغادرة المؤرخة قبل دورة شارك فيها أو قبل التحاقه، وكذلك مغادرة رئيس أو كاتب دورة غير مختتمة."},
			examples: []example{
				{i18n.Text{En: "a resignation", Fr: "une démission", Ar: "استقالة"}, "jalsa members leave m44 --date 2025-01-10 --reason استقالة"},
			},
		},
		"members.set": {
			short: i18n.Text{En: "change a member's name, role, group or gender", Fr: "change le nom, la fonction, le groupe ou le genre d'un membre", Ar: "تغيير اسم عضو أو صفته أو مجموعته أو جنسه"},
			long: i18n.Text{
				En: "Changes a member's details from --date on (today if not given). Sessions not closed show the new details; closed sessions keep those they had.",
				Fr: "Change les données d'un membre à partir du --date (aujourd'hui sans lui). Les sessions non closes montrent les nouvelles données ; les sessions closes gardent celles qu'elles avaient.",
				Ar: "يغير بيانات عضو ابتداء من --date (اليوم إن لم يحدد). تعرض الدورات غير المختتمة البيانات الجديدة؛ وتحتفظ الدورات المختتمة بما كان لها."},
			examples: []example{
				{i18n.Text{En: "a new secretary, elected on 15 January", Fr: "une nouvelle secrétaire, élue le 15 janvier", Ar: "كاتبة جديدة انتخبت يوم 15 يناير"}, "jalsa members set m09 --role secretary --date 2025-01-15"},
			},
		},
		"new": {
			short: i18n.Text{En: "make a draft session on the current roster", Fr: "crée une session en projet sur la liste des membres en fonction", Ar: "إنشاء مشروع دورة على لائحة الأعضاء المزاولين"},
			long: i18n.Text{
				En: "Makes a draft session of the body: its title, date (and time), kind, place, chair and secretary, and when the convocations went out. Its roll is the members in office on its date. Without --chair the president chairs; without --secretary, the secretary (if the roll has one). Then build its agenda (jalsa agenda, or the UI), its guests (jalsa guests) and its budget lines (jalsa budget), print the convocations, and open it.",
				Fr: "Crée une session en projet : titre, date (et heure), nature, lieu, président et secrétaire, et date d'envoi des convocations. Sa liste est celle des membres en fonction à sa date. Sans --chair le président préside ; sans --secretary, le secrétaire (s'il y en a un). Composez ensuite son ordre du jour (jalsa agenda, ou l'interface), ses invités (jalsa guests) et ses lignes budgétaires (jalsa budget), imprimez les convocations, et ouvrez-la.",
				Ar: "ينشئ مشروع دورة للهيئة: عنوانها وتاريخها (وساعتها) ونوعها ومكانها ورئيسها وكاتبها وتاريخ توجيه الاستدعاءات. لائحتها الأعضاء المزاولون في تاريخها. بدون --chair يترأسها الرئيس؛ وبدون --secretary يكون الكاتب كاتبها (إن وجد). ثم أعد جدول أعمالها (jalsa agenda أو الواجهة) ومدعويها (jalsa guests) وأسطر ميزانيتها (jalsa budget)، واطبع الاستدعاءات، ثم افتحها."},
			examples: []example{
				{i18n.Text{En: "the February session", Fr: "la session de février", Ar: "دورة فبراير"}, "jalsa new 2025-02 --title \"الدورة العادية لشهر فبراير 2025\" --date 2025-02-24 --time 10:00 --place فاس --convened 2025-02-10"},
			},
		},
		"edit": {
			short: i18n.Text{En: "change a draft session's details", Fr: "change les données d'une session en projet", Ar: "تغيير بيانات مشروع دورة"},
			long: i18n.Text{
				En: "Changes the title, date, time, kind, place, chair, secretary or speaking time of a draft session; until it closes, when the convocations went out (--convened) and whether it sits in public (--public yes|no).",
				Fr: "Change le titre, la date, l'heure, la nature, le lieu, le président, le secrétaire ou le temps de parole d'une session en projet ; jusqu'à sa clôture, la date des convocations (--convened) et la publicité des séances (--public yes|no).",
				Ar: "يغير عنوان مشروع دورة أو تاريخه أو ساعته أو نوعه أو مكانه أو رئيسه أو كاتبه أو مدة التدخل فيه؛ وإلى حين اختتامها، تاريخ توجيه الاستدعاءات (--convened) وعلنية الجلسات (--public yes|no)."},
			examples: []example{
				{i18n.Text{En: "move the session to Meknès, at 15:00", Fr: "déplacer la session à Meknès, à 15 h", Ar: "نقل الدورة إلى مكناس على الساعة 15:00"}, "jalsa edit 2025-02 --place مكناس --time 15:00"},
				{i18n.Text{En: "the convocations went out, the sittings are public", Fr: "les convocations sont parties, les séances sont publiques", Ar: "وجهت الاستدعاءات، والجلسات علنية"}, "jalsa edit 2025-02 --convened 2025-02-10 --public yes"},
			},
		},
		"guests": {
			short: i18n.Text{En: "add or remove a session's guest", Fr: "ajoute ou retire un invité de la session", Ar: "إضافة مدعو إلى الدورة أو حذفه"},
			long: i18n.Text{
				En: "Adds a guest (who attends without a vote: the wali, a regional director) with their office and gender, or removes guest N. Prints the guests.",
				Fr: "Ajoute un invité (qui assiste sans voter : le wali, un directeur régional) avec sa qualité et son genre, ou retire l'invité N. Affiche les invités.",
				Ar: "يضيف مدعوا (يحضر دون تصويت: الوالي، مدير جهوي) بصفته وجنسه، أو يحذف المدعو رقم N. يعرض المدعوين."},
			examples: []example{
				{i18n.Text{En: "the wali attends", Fr: "le wali assiste", Ar: "يحضر الوالي"}, "jalsa guests 2025-02 add \"معاذ الجامعي\" --role \"والي جهة فاس – مكناس\" --gender m"},
				{i18n.Text{En: "remove the second guest", Fr: "retirer le deuxième invité", Ar: "حذف المدعو الثاني"}, "jalsa guests 2025-02 remove 2"},
			},
		},
		"agenda": {
			short: i18n.Text{En: "build a session's agenda: add, edit, move, remove", Fr: "compose l'ordre du jour : ajouter, modifier, déplacer, retirer", Ar: "إعداد جدول أعمال الدورة: إضافة، تعديل، نقل، حذف"},
			long: i18n.Text{
				En: "On a draft session: add TITLE --kind K (at the end, or --at N), edit N (--title, --kind, --majority, --text, --vote), move N TO, remove N; items are numbered again. --vote is lines or whole for a budget, yes or no for another item. Once the session is open, the agenda only grows by an urgent item: add TITLE --kind K --urgent --reason TEXT, recorded with its reason and time and shown so in the minutes. Prints the agenda.",
				Fr: "Sur une session en projet : add TITRE --kind K (à la fin, ou --at N), edit N (--title, --kind, --majority, --text, --vote), move N VERS, remove N ; les points sont renumérotés. --vote vaut lines ou whole pour un budget, yes ou no pour un autre point. Une fois la session ouverte, l'ordre du jour ne s'allonge que d'un point urgent : add TITRE --kind K --urgent --reason TEXTE, enregistré avec son motif et son heure, et signalé au procès-verbal. Affiche l'ordre du jour.",
				Ar: "على مشروع دورة: add العنوان --kind النوع (في الآخر أو --at N) وedit N (--title و--kind و--majority و--text و--vote) وmove N إلى وremove N؛ ويعاد ترقيم النقط. --vote هو lines أو whole للميزانية، وyes أو no لغيرها. بعد افتتاح الدورة لا يضاف إلى جدول الأعمال إلا نقطة طارئة: add العنوان --kind النوع --urgent --reason السبب، تسجل بسببها ووقتها وتظهر كذلك في المحضر. يعرض جدول الأعمال."},
			examples: []example{
				{i18n.Text{En: "the minutes of the last session first", Fr: "d'abord le procès-verbal de la dernière session", Ar: "محضر الدورة السابقة أولا"}, "jalsa agenda 2025-02 add \"المصادقة على محضر الدورة السابقة\" --kind minutes"},
				{i18n.Text{En: "an agreement with its draft decision", Fr: "une convention et son projet de décision", Ar: "اتفاقية مع مشروع مقررها"}, "jalsa agenda 2025-02 add \"اتفاقية شراكة مع الجهة\" --kind agreement --text \"تصادق الجمعية العامة على الاتفاقية.\""},
				{i18n.Text{En: "item 4 becomes second", Fr: "le point 4 passe deuxième", Ar: "تصبح النقطة 4 ثانية"}, "jalsa agenda 2025-02 move 4 2"},
				{i18n.Text{En: "an urgent item, once the session is open", Fr: "un point urgent, la session ouverte", Ar: "نقطة طارئة بعد افتتاح الدورة"}, "jalsa agenda 2025-02 add \"دعم المتضررين من الفيضانات\" --kind agreement --urgent --reason \"فيضانات الأسبوع الماضي\""},
			},
		},
		"budget": {
			short: i18n.Text{En: "import a budget item's lines from CSV or XLSX", Fr: "importe les lignes d'un budget d'un fichier CSV ou XLSX", Ar: "استيراد أسطر ميزانية من ملف CSV أو XLSX"},
			long: i18n.Text{
				En: "Reads a budget's lines from the treasurer's CSV or XLSX (first sheet, or --sheet NAME): columns code, part, kind (revenue or expense), label, amount, and optionally the part's name; headers and kinds also in French or Arabic. Amounts are read exactly as 1 234 567,89, 1234567,89 or 1234567.89 (spaces or no-break spaces between groups). It prints the revenue, expense and balance of each part and of the whole, then on a terminal asks before importing; --yes does not ask, --dry-run only prints; a script, or a command sent to the UI that holds the database, imports after printing. The lines replace those of the item, before any is amended or voted. Any fault names the file, line and column (or sheet and cell), and nothing is written.",
				Fr: "Lit les lignes d'un budget du fichier CSV ou XLSX du trésorier (première feuille, ou --sheet NOM) : colonnes code, part, kind (revenue ou expense), label, amount, et au choix le nom de la partie ; en-têtes et natures aussi en français ou en arabe. Les montants se lisent exactement : 1 234 567,89, 1234567,89 ou 1234567.89 (espaces ou espaces insécables entre les groupes). Il affiche recettes, dépenses et solde de chaque partie et du tout, puis sur un terminal demande avant d'importer ; --yes ne demande pas, --dry-run affiche seulement ; un script, ou une commande envoyée à l'interface qui tient la base, importe après avoir affiché. Les lignes remplacent celles du point, avant tout amendement ou vote. Toute erreur nomme le fichier, la ligne et la colonne (ou la feuille et la cellule), et rien n'est écrit.",
				Ar: "يقرأ أسطر الميزانية من ملف CSV أو XLSX لأمين المال (الورقة الأولى أو --sheet الاسم): الأعمدة code وpart وkind (revenue أو expense) وlabel وamount، واختياريا اسم الجزء؛ والعناوين والأنواع بالفرنسية أو العربية أيضا. تقرأ المبالغ بدقة: 1 234 567,89 أو 1234567,89 أو 1234567.89 (بمسافات أو مسافات غير فاصلة بين المجموعات). يعرض المداخيل والمصاريف والرصيد لكل جزء وللمجموع، ثم يسأل على الطرفية قبل الاستيراد؛ --yes لا يسأل، و--dry-run يعرض فقط؛ والنص البرمجي أو الأمر الموجه إلى الواجهة الماسكة للقاعدة يستورد بعد العرض. تحل الأسطر محل أسطر النقطة قبل أي تعديل أو تصويت. كل خطأ يسمي الملف والسطر والعمود (أو الورقة والخلية)، ولا يكتب شيء."},
			examples: []example{
				{i18n.Text{En: "look at the totals first", Fr: "voir d'abord les totaux", Ar: "الاطلاع على المجاميع أولا"}, "jalsa budget 2025-02 10 import budget-2025.xlsx --dry-run"},
				{i18n.Text{En: "import without being asked", Fr: "importer sans confirmation", Ar: "الاستيراد دون سؤال"}, "jalsa budget 2025-02 10 import budget-2025.csv --yes"},
			},
		},
		"convocation": {
			short: i18n.Text{En: "print the convocation letters (one page per member)", Fr: "imprime les convocations (une page par membre)", Ar: "طباعة الاستدعاءات (صفحة لكل عضو)"},
			long: i18n.Text{
				En: "Writes the convocation letter (الاستدعاء) of each member on the session's roll, one page each, ready to send: the body, the date of the letter (--convened), the member with their title, the session, its day, time and place, the agenda, and the president's signature; in the body's language (or --lang), as HTML, DOCX or PDF (printed by Chromium). --member prints one member's.",
				Fr: "Écrit la convocation de chaque membre de la liste de la session, une page chacune, prête à envoyer : l'assemblée, la date de la lettre (--convened), le membre et son titre, la session, son jour, son heure et son lieu, l'ordre du jour et la signature du président ; dans la langue de l'assemblée (ou --lang), en HTML, DOCX ou PDF (imprimé par Chromium). --member imprime celle d'un membre.",
				Ar: "يكتب استدعاء كل عضو في لائحة الدورة، صفحة لكل عضو، جاهزا للإرسال: الهيئة وتاريخ الرسالة (--convened) والعضو بلقبه والدورة ويومها وساعتها ومكانها وجدول الأعمال وتوقيع الرئيس؛ بلغة الهيئة (أو --lang)، بصيغة HTML أو DOCX أو PDF (تطبعه Chromium). يطبع --member استدعاء عضو واحد."},
			examples: []example{
				{i18n.Text{En: "every member's letter, as PDF", Fr: "la lettre de chaque membre, en PDF", Ar: "استدعاءات جميع الأعضاء بصيغة PDF"}, "jalsa convocation 2025-02 --format pdf -o convocations.pdf"},
				{i18n.Text{En: "one member's, in French, for Word", Fr: "celle d'un membre, en français, pour Word", Ar: "استدعاء عضو واحد بالفرنسية لبرنامج Word"}, "jalsa convocation 2025-02 --member m03 --lang fr --format docx -o m03.docx"},
			},
		},
		"attendance-sheet": {
			short: i18n.Text{En: "print the attendance sheet to sign at the door", Fr: "imprime la feuille d'émargement", Ar: "طباعة ورقة الحضور للتوقيع"},
			long: i18n.Text{
				En: "Writes the attendance sheet (ورقة الحضور, feuille d'émargement) of a sitting: every member on the roll with their role and a column to sign in, the guests likewise, the count and the signatures of the chair and the secretary. --sitting N (else the sitting under way, or the next one). In the body's language (or --lang), as HTML, DOCX or PDF.",
				Fr: "Écrit la feuille d'émargement d'une séance : chaque membre de la liste avec sa fonction et une colonne pour signer, les invités de même, le décompte et les signatures du président et du secrétaire. --sitting N (sinon la séance en cours, ou la suivante). Dans la langue de l'assemblée (ou --lang), en HTML, DOCX ou PDF.",
				Ar: "يكتب ورقة حضور جلسة: كل عضو في اللائحة بصفته وعمود للتوقيع، والمدعوون كذلك، والعدد وتوقيعا الرئيس والكاتب. --sitting N (وإلا فالجلسة الجارية أو الموالية). بلغة الهيئة (أو --lang)، بصيغة HTML أو DOCX أو PDF."},
			examples: []example{
				{i18n.Text{En: "the sheet of the first sitting, as PDF", Fr: "la feuille de la première séance, en PDF", Ar: "ورقة الجلسة الأولى بصيغة PDF"}, "jalsa attendance-sheet 2025-02 --sitting 1 --format pdf -o emargement.pdf"},
			},
		},
		"session-file": {
			short: i18n.Text{En: "write a session as a session file (YAML)", Fr: "écrit une session en fichier de session (YAML)", Ar: "كتابة دورة في ملف دورة (YAML)"},
			long: i18n.Text{
				En: "Writes the session as the session file jalsa init reads: the body as the session sees it, the members on its roll (with gender), the session's details (convened, public, guests) and its agenda with every budget line and part; init of it in an empty database gives the same session. What happened in the session (sittings, votes, notes) stays in the record.",
				Fr: "Écrit la session comme le fichier que lit jalsa init : l'assemblée telle que la session la voit, les membres de sa liste (avec leur genre), les données de la session (convocation, publicité, invités) et son ordre du jour avec chaque ligne budgétaire et partie ; init de ce fichier dans une base vide donne la même session. Ce qui s'est passé en séance (séances, votes, notes) reste au registre.",
				Ar: "يكتب الدورة في ملف الدورة الذي يقرؤه jalsa init: الهيئة كما تراها الدورة، وأعضاء لائحتها (مع الجنس)، وبيانات الدورة (الاستدعاء، العلنية، المدعوون) وجدول أعمالها بكل أسطر الميزانية وأجزائها؛ وتسجيله في قاعدة فارغة يعطي الدورة نفسها. أما ما جرى في الدورة (الجلسات، التصويت، الملاحظات) فيبقى في السجل."},
			examples: []example{
				{i18n.Text{En: "keep October's file", Fr: "garder le fichier d'octobre", Ar: "حفظ ملف دورة أكتوبر"}, "jalsa session-file 2024-10 -o 2024-10.yaml"},
			},
		},
	}
}

// prepareFlagTexts say what the flags of the preparation commands mean.
func prepareFlagTexts() map[string]i18n.Text {
	return map[string]i18n.Text{
		"help.h.group.prepare": {En: "Before the session:", Fr: "Avant la session :", Ar: "قبل الدورة:"},

		"flag.body.create.name":     {En: "the body's name (required)", Fr: "le nom de l'assemblée (obligatoire)", Ar: "اسم الهيئة (إلزامي)"},
		"flag.body.set.name":        {En: "the body's name (in the language --in names)", Fr: "le nom de l'assemblée (dans la langue que nomme --in)", Ar: "اسم الهيئة (باللغة التي يحددها --in)"},
		"flag.seats":                {En: "the seats, the base of the quorum (0: the members in office)", Fr: "les sièges, base du quorum (0 : les membres en fonction)", Ar: "عدد المقاعد، أساس النصاب (0: عدد الأعضاء المزاولين)"},
		"flag.language":             {En: "the body's language, that of its minutes", Fr: "la langue de l'assemblée, celle de ses procès-verbaux", Ar: "لغة الهيئة، وهي لغة محاضرها"},
		"flag.timezone":             {En: "the IANA time zone every time is shown in (default Africa/Casablanca)", Fr: "le fuseau IANA de toutes les heures (par défaut Africa/Casablanca)", Ar: "المنطقة الزمنية (IANA) التي تعرض بها كل الأوقات (افتراضيا Africa/Casablanca)"},
		"flag.in":                   {En: "the language of --name, for the minutes in that language", Fr: "la langue de --name, pour le procès-verbal dans cette langue", Ar: "لغة --name، لمحضر بتلك اللغة"},
		"flag.legal-basis":          {En: "the law and articles the minutes open with", Fr: "la loi et les articles qui ouvrent le procès-verbal", Ar: "القانون والمواد التي يفتتح بها المحضر"},
		"flag.quorum":               {En: "the quorum at the 1st, 2nd, 3rd convocation: majority, third, none or a number, by commas", Fr: "le quorum aux 1re, 2e, 3e convocations : majority, third, none ou un nombre, séparés par des virgules", Ar: "النصاب في الدعوة الأولى والثانية والثالثة: majority أو third أو none أو عدد، مفصولة بفواصل"},
		"flag.majority":             {En: "the majority rule", Fr: "la règle de majorité", Ar: "قاعدة الأغلبية"},
		"flag.tie":                  {En: "how a tie is broken: the president's side, or rejected", Fr: "comment se départage une égalité : voix du président, ou rejet", Ar: "كيف يرجح التعادل: جانب الرئيس أو الرفض"},
		"flag.all":                  {En: "also the members who left, with when and why", Fr: "aussi les membres partis, avec quand et pourquoi", Ar: "ومعهم الأعضاء الذين غادروا، مع التاريخ والسبب"},
		"flag.sheet":                {En: "the sheet of an XLSX workbook to read (else the first)", Fr: "la feuille du classeur XLSX à lire (sinon la première)", Ar: "ورقة مصنف XLSX المراد قراءتها (وإلا فالأولى)"},
		"flag.members.import.date":  {En: "the day the changes of role take effect, YYYY-MM-DD (default today)", Fr: "le jour où les changements de fonction prennent effet, AAAA-MM-JJ (par défaut aujourd'hui)", Ar: "يوم سريان تغييرات الصفات، YYYY-MM-DD (افتراضيا اليوم)"},
		"flag.members.add.name":     {En: "the member's name (required)", Fr: "le nom du membre (obligatoire)", Ar: "اسم العضو (إلزامي)"},
		"flag.members.set.name":     {En: "the member's new name", Fr: "le nouveau nom du membre", Ar: "الاسم الجديد للعضو"},
		"flag.role":                 {En: "the member's role, in any of the languages (president, نائب الرئيس, trésorier…)", Fr: "la fonction du membre, dans l'une des langues (president, نائب الرئيس, trésorier…)", Ar: "صفة العضو بأي لغة (president، نائب الرئيس، trésorier…)"},
		"flag.gender":               {En: "f or m, so that titles agree", Fr: "f ou m, pour accorder les titres", Ar: "f أو m، لتوافق الألقاب"},
		"flag.group":                {En: "the member's group (province, list, college)", Fr: "le groupe du membre (province, liste, collège)", Ar: "مجموعة العضو (الإقليم، اللائحة، الهيئة الناخبة)"},
		"flag.members.add.since":    {En: "the day they took office, YYYY-MM-DD", Fr: "le jour de l'entrée en fonction, AAAA-MM-JJ", Ar: "يوم بدء العضوية، YYYY-MM-DD"},
		"flag.members.leave.date":   {En: "the day they left, YYYY-MM-DD (required)", Fr: "le jour du départ, AAAA-MM-JJ (obligatoire)", Ar: "يوم المغادرة، YYYY-MM-DD (إلزامي)"},
		"flag.members.leave.reason": {En: "why they left (resignation, death, loss of office…)", Fr: "le motif du départ (démission, décès, déchéance…)", Ar: "سبب المغادرة (استقالة، وفاة، تجريد…)"},
		"flag.members.set.date":     {En: "the day the change takes effect, YYYY-MM-DD (default today)", Fr: "le jour où le changement prend effet, AAAA-MM-JJ (par défaut aujourd'hui)", Ar: "يوم سريان التغيير، YYYY-MM-DD (افتراضيا اليوم)"},

		"flag.title":                   {En: "the title", Fr: "le titre", Ar: "العنوان"},
		"flag.new.date":                {En: "the day of the first sitting, YYYY-MM-DD (required)", Fr: "le jour de la première séance, AAAA-MM-JJ (obligatoire)", Ar: "يوم الجلسة الأولى، YYYY-MM-DD (إلزامي)"},
		"flag.new.title":               {En: "the session's title (required)", Fr: "le titre de la session (obligatoire)", Ar: "عنوان الدورة (إلزامي)"},
		"flag.edit.date":               {En: "the day of the first sitting, YYYY-MM-DD", Fr: "le jour de la première séance, AAAA-MM-JJ", Ar: "يوم الجلسة الأولى، YYYY-MM-DD"},
		"flag.time":                    {En: "the hour the first sitting is called, HH:MM", Fr: "l'heure de convocation de la première séance, HH:MM", Ar: "ساعة انعقاد الجلسة الأولى، HH:MM"},
		"flag.new.kind":                {En: "ordinary or extraordinary session", Fr: "session ordinaire ou extraordinaire", Ar: "دورة عادية أو استثنائية"},
		"flag.edit.kind":               {En: "ordinary or extraordinary session", Fr: "session ordinaire ou extraordinaire", Ar: "دورة عادية أو استثنائية"},
		"flag.place":                   {En: "where the session sits", Fr: "le lieu de la session", Ar: "مكان انعقاد الدورة"},
		"flag.new.chair":               {En: "the member who chairs (default the president)", Fr: "le membre qui préside (par défaut le président)", Ar: "العضو الذي يترأس (افتراضيا الرئيس)"},
		"flag.edit.chair":              {En: "the member who chairs", Fr: "le membre qui préside", Ar: "العضو الذي يترأس"},
		"flag.secretary":               {En: "the member who is secretary of the session", Fr: "le membre secrétaire de séance", Ar: "العضو كاتب الجلسات"},
		"flag.convened":                {En: "the day the convocations went out, YYYY-MM-DD", Fr: "le jour d'envoi des convocations, AAAA-MM-JJ", Ar: "يوم توجيه الاستدعاءات، YYYY-MM-DD"},
		"flag.speaking-time":           {En: "how long a speaker may hold the floor: minutes (5) or a duration (3m30s)", Fr: "combien de temps un orateur garde la parole : des minutes (5) ou une durée (3m30s)", Ar: "المدة التي يحتفظ فيها المتدخل بالكلمة: بالدقائق (5) أو مدة (3m30s)"},
		"flag.public":                  {En: "whether the sittings are public: yes or no", Fr: "si les séances sont publiques : yes ou no", Ar: "هل الجلسات علنية: yes أو no"},
		"flag.guests.role":             {En: "the guest's office", Fr: "la qualité de l'invité", Ar: "صفة المدعو"},
		"flag.agenda.kind":             {En: "the item's kind (required to add)", Fr: "la nature du point (obligatoire pour ajouter)", Ar: "نوع النقطة (إلزامي عند الإضافة)"},
		"flag.agenda.title":            {En: "the item's new title", Fr: "le nouveau titre du point", Ar: "العنوان الجديد للنقطة"},
		"flag.text":                    {En: "the draft decision's text", Fr: "le texte du projet de décision", Ar: "نص مشروع المقرر"},
		"flag.vote":                    {En: "a budget votes by lines or whole; another item yes or no", Fr: "un budget se vote par lignes (lines) ou en bloc (whole) ; un autre point yes ou no", Ar: "يصوت على الميزانية سطرا سطرا (lines) أو جملة (whole)؛ وعلى غيرها yes أو no"},
		"flag.at":                      {En: "the position to add the item at (default the end)", Fr: "la position où ajouter le point (par défaut à la fin)", Ar: "موضع إضافة النقطة (افتراضيا في الآخر)"},
		"flag.urgent":                  {En: "an item added during the session (needs --reason)", Fr: "un point ajouté en cours de session (demande --reason)", Ar: "نقطة تضاف أثناء الدورة (تستلزم --reason)"},
		"flag.agenda.reason":           {En: "why the urgent item is added", Fr: "pourquoi le point urgent est ajouté", Ar: "سبب إضافة النقطة الطارئة"},
		"flag.agenda.majority":         {En: "the item's majority rule (empty: the body's)", Fr: "la règle de majorité du point (vide : celle de l'assemblée)", Ar: "قاعدة أغلبية النقطة (فارغ: قاعدة الهيئة)"},
		"flag.yes":                     {En: "import without asking", Fr: "importer sans demander", Ar: "الاستيراد دون سؤال"},
		"flag.dry-run":                 {En: "check the file and print the totals, write nothing", Fr: "vérifier le fichier et afficher les totaux, sans rien écrire", Ar: "فحص الملف وعرض المجاميع دون كتابة أي شيء"},
		"flag.member":                  {En: "only this member's letter", Fr: "seulement la lettre de ce membre", Ar: "استدعاء هذا العضو فقط"},
		"flag.sitting":                 {En: "the sitting (default the one under way, or the next)", Fr: "la séance (par défaut celle en cours, ou la suivante)", Ar: "الجلسة (افتراضيا الجارية أو الموالية)"},
		"flag.convocation.format":      {En: "the format of the letters", Fr: "le format des lettres", Ar: "صيغة الاستدعاءات"},
		"flag.attendance-sheet.format": {En: "the format of the sheet", Fr: "le format de la feuille", Ar: "صيغة الورقة"},
	}
}
