// Package corpus generates a realistic past register of a Moroccan chamber
// of traditional industry, in Arabic and French, to measure the decision
// lookup at scale: the agenda titles, decision texts, notes and session
// labels follow the shape of real minutes (conventions with named partners
// and places, budgets with their lines, reports, internal rules), with the
// harakat, tatweel, Arabic-Indic digits and clitics clerks actually type.
// The same seed always gives the same rows.
package corpus

import (
	"fmt"
	"iter"
	"math/rand/v2"
	"slices"
	"strings"
	"time"

	"github.com/jalsa-app/jalsa/model"
)

// Queries are the lookups the benchmark times, by class: language and
// number of words. Each matches rows of the corpus, common and rare words
// mixed, as a clerk would type them (with or without the article, accents
// or not).
var Queries = map[string][]string{
	"ar-1": {"صفرو", "الاتفاقية", "الفخار", "الميزانية", "التكوين", "الدباغة", "بإفران", "المعرض"},
	"ar-3": {"اتفاقية شراكة صفرو", "تأهيل الصناع التقليديين", "ميزانية الغرفة 2019", "إحداث مجمع بتازة",
		"التغطية الصحية للصناع", "محضر الدورة العادية", "معرض الخزف فاس", "كراء محلات مكناس"},
	"fr-1": {"Sefrou", "convention", "reglement", "tanneries", "budget", "apprentissage", "Ifrane", "salon"},
	"fr-3": {"convention partenariat Sefrou", "formation apprentissage Meknès", "budget chambre 2019", "création complexe Taza",
		"couverture médicale artisans", "procès-verbal session ordinaire", "salon céramique Fès", "location locaux Meknès"},
}

// Classes lists the query classes in a stable order.
var Classes = []string{"ar-1", "ar-3", "fr-1", "fr-3"}

type lang struct {
	places, partners, subjects, crafts, facilities, months []string
	sessionTitles                                          map[string]string // by kind: a format of month and year
	titles                                                 []string
	sentences                                              []string
	notes                                                  []string
	lines                                                  []string
	digits                                                 func(string) string
}

var ar = lang{
	places:   []string{"فاس", "مكناس", "صفرو", "إفران", "تازة", "بولمان", "الحاجب", "تاونات", "مولاي يعقوب", "ميسور", "أزرو", "إيموزار كندر"},
	partners: []string{"وزارة السياحة والصناعة التقليدية والاقتصاد الاجتماعي والتضامني", "مجلس جهة فاس مكناس", "المديرية الجهوية للصناعة التقليدية", "دار الصانع", "مكتب التكوين المهني وإنعاش الشغل", "الوكالة الوطنية لإنعاش التشغيل والكفاءات", "الصندوق الوطني للضمان الاجتماعي CNSS", "المبادرة الوطنية للتنمية البشرية", "جامعة سيدي محمد بن عبد الله", "المجلس الإقليمي", "مؤسسة محمد الخامس للتضامن"},
	subjects: []string{"تأهيل الصناع التقليديين", "التكوين بالتدرج المهني", "تسويق منتوجات الصناعة التقليدية", "التغطية الصحية للصناع التقليديين", "تنظيم المعرض الجهوي للصناعة التقليدية", "إحداث مجمع الصناعة التقليدية", "إعادة تأهيل دور الدباغة", "حماية الحرف المهددة بالانقراض", "رقمنة خدمات الغرفة", "تشجيع التعاونيات الحرفية", "محاربة الأمية في صفوف الحرفيين", "دعم المقاولات الحرفية الصغرى"},
	crafts:   []string{"الفخار", "الزليج", "الدباغة", "النقش على الخشب", "الطرز", "النسيج", "الجلد", "النحاس", "الحلي", "الخزف", "الدرازة", "الخياطة التقليدية"},
	facilities: []string{"مجمع الصناعة التقليدية", "ملحقة الغرفة", "دار الصانعة", "قرية الصناع التقليديين", "مركز التكوين والتأهيل",
		"فضاء العرض الدائم"},
	months: []string{"يناير", "فبراير", "مارس", "أبريل", "ماي", "يونيو", "يوليوز", "غشت", "شتنبر", "أكتوبر", "نونبر", "دجنبر"},
	sessionTitles: map[string]string{
		"ordinary":      "الدورة العادية لشهر %s %d",
		"extraordinary": "الدورة الاستثنائية لشهر %s %d",
		"bureau":        "اجتماع مكتب الغرفة لشهر %s %d",
	},
	titles: []string{
		"المُصادَقة على اتفاقية شراكة بين غرفة الصناعة التقليدية لجهة فاس مكناس و{partner} بشأن {subject} ب{place}",
		"المصادقة على ملحق اتفاقية {subject} مع {partner}",
		"المصادقة على اتفاقية تعاون مع {partner} في مجال {craft}",
		"المصادقة على محضر أشغال الدورة العادية لشهر {month} {year}",
		"عرض التقرير الأدبي للغرفة برسم سنة {year}",
		"المصادقة على تحويل اعتمادات من الفصل {n} إلى الفصل {m}",
		"إحداث لجنة مؤقتة لتتبع {subject}",
		"المصادقة على برنامج عمل الغرفة في مجال {subject} ب{place}",
		"تعديل المادة {n} من النظام الداخلي للغرفة",
		"المصادقة على اقتناء عقار لإحداث {facility} ب{place}",
		"المصادقة على كراء محلات {facility} ب{place}",
		"المصادقة على المشاركة في معرض {craft} ب{place}",
		"المصادقة على اتفاقية دعم التأهيل البيئي لأفران الجير و{craft} التقليدية بإقليم {place}",
		"إطلاق بطاقة الصانع التقليدي لفائدة حرفيي {craft} ب{place}",
		"دعم استعمال الطاقة الشمسية في ورشات {craft} ب{place}",
		"ملحق اتفاقية الشراكة المتعلقة ببناء مركب للصناعة التقليدية ب{place}",
		"تعيين {responsible} عن {subject}",
	},
	sentences: []string{
		"بعد الاطلاع على القانون رقم 18.09 بمثابة النظام الأساسي لغرف الصناعة التقليدية، وبعد المناقشة، صادقت الجمعية العامة على {subject}.",
		"تساهم الغرفة في هذه الاتفاقية بمبلغ {amount} درهم يُصرف على ثلاث دفعات، ويساهم {partner} بالباقي.",
		"تهدف هذه الاتفاقية إلى {subject} وتشجيع حرفة {craft} بإقليم {place}.",
		"وقد أكد السيد الرئيس على أهمية {subject} بالنسبة للصناع التقليديين بجهة فاس مكناس.",
		"تسهر لجنة تقنية مشتركة على تتبع تنفيذ بنود الاتفاقية وتقدم تقريرا سنويا إلى مكتب الغرفة.",
		"تُرصد الاعتمادات اللازمة في ميزانيـــة الغرفة برسم السنة المالية {year}.",
		"يستفيد من البرنامج {n} صانعا تقليديا في حرفة {craft} من مختلف جماعات إقليم {place}.",
		"وتدخل عدد من الأعضاء للمطالبة بتعميم الاستفادة على باقي أقاليم الجهة وخاصة {place}.",
		"وقد جرت أشغال الدورة بحضور السيد والي جهة فاس مكناس.",
		"وتساهم {institution} في تمويل المشروع إلى جانب الغرفة.",
		"وأكد الأعضاء على ضرورة دعم المعارض الجهوية لتسويق منتوجات {craft}.",
	},
	notes: []string{
		"تدخل عضو عن فرع {place} مطالبا بتخصيص حصة لحرفيي {craft}.",
		"طالب بعض الأعضاء بتأجيل النقطة إلى حين توصلهم بالوثائق.",
		"أوضح الكاتب العام أن الاعتمادات مرصودة في الميزانية.",
		"تم التذكير بمقتضيات المادة {n} من النظام الداخلي.",
	},
	lines: []string{"مداخيل الرسوم المهنية", "منحة الدولة للتسيير", "نفقات الموظفين", "تعويضات الأعضاء", "اقتناء المعدات المعلوماتية",
		"مصاريف التنقل والإقامة", "دعم المعارض والتظاهرات", "صيانة المقرات", "واجبات الكراء", "مصاريف الاتصالات", "نفقات التكوين"},
	digits: func(s string) string {
		return strings.Map(func(r rune) rune {
			if r >= '0' && r <= '9' {
				return '٠' + r - '0'
			}
			return r
		}, s)
	},
}

var fr = lang{
	places:   []string{"Fès", "Meknès", "Sefrou", "Ifrane", "Taza", "Boulemane", "El Hajeb", "Taounate", "Moulay Yacoub", "Missour", "Azrou", "Imouzzer Kandar"},
	partners: []string{"le Ministère du Tourisme, de l'Artisanat et de l'Économie sociale et solidaire", "le Conseil de la Région Fès-Meknès", "la Direction régionale de l'Artisanat", "la Maison de l'Artisan", "l'Office de la Formation Professionnelle et de la Promotion du Travail", "l'ANAPEC", "la CNSS", "l'INDH", "l'Université Sidi Mohamed Ben Abdellah", "le Conseil provincial", "la Fondation Mohammed V pour la Solidarité"},
	subjects: []string{"la mise à niveau des artisans", "la formation par apprentissage", "la commercialisation des produits de l'artisanat", "la couverture médicale des artisans", "l'organisation du salon régional de l'artisanat", "la création du complexe artisanal", "la réhabilitation des tanneries", "la sauvegarde des métiers menacés", "la digitalisation des services de la Chambre", "l'encouragement des coopératives artisanales", "l'alphabétisation des artisans", "le soutien aux très petites entreprises artisanales"},
	crafts:   []string{"la poterie", "le zellige", "la tannerie", "la sculpture sur bois", "la broderie", "le tissage", "la maroquinerie", "la dinanderie", "la bijouterie", "la céramique", "le tissage traditionnel", "la couture traditionnelle"},
	facilities: []string{"complexe artisanal", "annexe de la Chambre", "maison de l'artisane", "village des artisans", "centre de formation et de qualification",
		"espace d'exposition permanente"},
	months: []string{"janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août", "septembre", "octobre", "novembre", "décembre"},
	sessionTitles: map[string]string{
		"ordinary":      "Session ordinaire de %s %d",
		"extraordinary": "Session extraordinaire de %s %d",
		"bureau":        "Réunion du bureau de la Chambre, %s %d",
	},
	titles: []string{
		"Approbation de la convention de partenariat entre la Chambre d'Artisanat de la Région Fès-Meknès et {partner} relative à {subject} à {place}",
		"Approbation de l'avenant à la convention relative à {subject} avec {partner}",
		"Approbation de la convention de coopération avec {partner} dans le domaine de {craft}",
		"Approbation du procès-verbal de la session ordinaire de {month} {year}",
		"Présentation du rapport moral de la Chambre pour l'année {year}",
		"Approbation du virement de crédits du chapitre {n} au chapitre {m}",
		"Création d'une commission temporaire chargée du suivi de {subject}",
		"Approbation du programme d'action de la Chambre pour {subject} à {place}",
		"Modification de l'article {n} du règlement intérieur de la Chambre",
		"Acquisition d'un terrain pour la création d'un {facility} à {place}",
		"Approbation de la location des locaux du {facility} à {place}",
		"Participation au salon de {craft} à {place}",
		"Approbation de la convention de mise à niveau environnementale des fours à chaux et de {craft} dans la province de {place}",
		"Lancement de la carte de l'artisan pour les artisans de {craft} à {place}",
		"Soutien à l'énergie solaire dans les ateliers de {craft} à {place}",
		"Avenant à la convention de partenariat pour la construction d'un complexe artisanal à {place}",
		"Désignation du responsable chargé de {subject}",
	},
	sentences: []string{
		"Vu la loi n° 18-09 portant statut des chambres d'artisanat, et après délibération, l'Assemblée générale a approuvé {subject}.",
		"La Chambre contribue à cette convention à hauteur de {amount} dirhams, versés en trois tranches, {partner} prenant en charge le reste.",
		"Cette convention vise {subject} et la promotion de {craft} dans la province de {place}.",
		"Le Président a souligné l'importance de {subject} pour les artisans de la région Fès-Meknès.",
		"Un comité technique mixte veille au suivi de l'exécution de la convention et présente un rapport annuel au bureau de la Chambre.",
		"Les crédits nécessaires sont inscrits au budget de la Chambre pour l'exercice {year}.",
		"Le programme bénéficie à {n} artisans de {craft} des différentes communes de la province de {place}.",
		"Plusieurs membres sont intervenus pour demander l'extension du bénéfice aux autres provinces, notamment {place}.",
		"La session s'est tenue en présence du Wali de la région Fès-Meknès.",
		"{institution} contribue au financement du projet aux côtés de la Chambre.",
		"Les membres ont souligné la nécessité de soutenir les salons régionaux pour commercialiser {craft}.",
	},
	notes: []string{
		"Un membre de l'antenne de {place} a demandé un quota pour les artisans de {craft}.",
		"Certains membres ont demandé le report du point jusqu'à réception des documents.",
		"Le secrétaire général a précisé que les crédits sont inscrits au budget.",
		"Rappel des dispositions de l'article {n} du règlement intérieur.",
	},
	lines: []string{"Recettes des taxes professionnelles", "Subvention de fonctionnement de l'État", "Dépenses de personnel", "Indemnités des membres",
		"Acquisition de matériel informatique", "Frais de déplacement et de séjour", "Soutien aux salons et manifestations", "Entretien des locaux",
		"Loyers", "Frais de télécommunications", "Dépenses de formation"},
	digits: func(s string) string { return s },
}

// Facts are what a generated row is about, for judging lookups (judged.go):
// indexes into the parallel lists of the two languages, so that a place or
// a craft is the same in Arabic and in French.
type Facts struct {
	Lang  string // "ar" or "fr"
	Title int    // the title's template; -1 for a budget line
	// What the title, the text and the notes name.
	Places, Crafts, Subjects, Partners, Facilities []int
	// The templates of the text's sentences and of the note.
	Sentences, Notes []int
	Session          string
}

// Has tells whether a list of Facts holds i.
func Has(list []int, i int) bool { return slices.Contains(list, i) }

// Rows yields n register rows from seed: sessions from 1990 to 2023 (so
// that none collides with the demo's 2024 sessions), about sixty decisions
// each, seven in ten kept in Arabic, the rest in French.
func Rows(n int, seed uint64) iter.Seq[model.Decision] {
	return func(yield func(model.Decision) bool) {
		for d := range RowsWithFacts(n, seed) {
			if !yield(d) {
				return
			}
		}
	}
}

// RowsWithFacts is Rows with what each row is about.
func RowsWithFacts(n int, seed uint64) iter.Seq2[model.Decision, Facts] {
	return func(yield func(model.Decision, Facts) bool) {
		g := &gen{r: rand.New(rand.NewPCG(seed, seed^0x5eed)), ids: map[string]int{}}
		sessions := max(1, n/60)
		start := time.Date(1990, 1, 1, 0, 0, 0, 0, time.UTC)
		span := time.Date(2023, 12, 1, 0, 0, 0, 0, time.UTC).Sub(start)
		made := 0
		for s := 0; made < n; s++ {
			day := start.Add(time.Duration(int64(span) / int64(sessions) * int64(s%sessions)))
			ds, fs := g.session(day, min(n-made, 40+g.r.IntN(41)))
			for i, d := range ds {
				if !yield(d, fs[i]) {
					return
				}
				made++
			}
		}
	}
}

type gen struct {
	r   *rand.Rand
	ids map[string]int
}

func (g *gen) pick(list []string) string { return list[g.r.IntN(len(list))] }

func (g *gen) session(day time.Time, n int) ([]model.Decision, []Facts) {
	l, lang := &ar, "ar"
	if g.r.IntN(10) >= 7 {
		l, lang = &fr, "fr"
	}
	kind := []string{"ordinary", "ordinary", "extraordinary", "bureau"}[g.r.IntN(4)]
	id := day.Format("2006-01")
	g.ids[id]++
	if c := g.ids[id]; c > 1 {
		id += string(rune('a' + c - 2))
	}
	label := fmt.Sprintf(l.sessionTitles[kind], l.months[day.Month()-1], day.Year())
	seats := 60 + g.r.IntN(31)
	var out []model.Decision
	var facts []Facts
	for item := 1; len(out) < n; item++ {
		f := Facts{Lang: lang, Session: id}
		d := g.decision(l, id, label, day, item, seats, &f)
		if d.Kind == model.KindBudget {
			lines := 3 + g.r.IntN(8)
			for i := 1; i <= lines && len(out)+1 < n; i++ {
				line := d
				line.Line = fmt.Sprintf("%s.%d.%d", []string{"I", "II"}[g.r.IntN(2)], 1+g.r.IntN(3), i)
				line.Ref = model.Ref(id, item, line.Line)
				line.Title = g.pick(l.lines)
				line.Text = ""
				line.Notes = nil
				amount := model.Cents(int64(10_000+g.r.IntN(5_000_000)) * 100)
				line.Amount = &amount
				g.vote(&line, seats)
				out = append(out, line)
				facts = append(facts, Facts{Lang: lang, Session: id, Title: -1})
			}
		}
		out = append(out, d)
		facts = append(facts, f)
	}
	return out, facts
}

func (g *gen) decision(l *lang, id, label string, day time.Time, item, seats int, f *Facts) model.Decision {
	t := g.r.IntN(len(l.titles))
	kind := []string{model.KindAgreement, model.KindAgreement, model.KindAgreement, model.KindMinutes, model.KindReport, model.KindBudget,
		model.KindOther, model.KindOther, model.KindRegulation, model.KindOther, model.KindOther, model.KindOther,
		model.KindAgreement, model.KindOther, model.KindOther, model.KindAgreement, model.KindOther}[t]
	f.Title = t
	d := model.Decision{Ref: model.Ref(id, item, ""), Session: id, SessionTitle: label, Date: day.Format("2006-01-02"), Item: item,
		Title: g.fill(l, l.titles[t], day, f), Kind: kind}
	var text []string
	for i := 0; i < 2+g.r.IntN(4); i++ {
		k := g.r.IntN(len(l.sentences))
		f.Sentences = append(f.Sentences, k)
		text = append(text, g.fill(l, l.sentences[k], day, f))
	}
	d.Text = strings.Join(text, " ")
	if g.r.IntN(4) == 0 {
		k := g.r.IntN(len(l.notes))
		f.Notes = append(f.Notes, k)
		d.Notes = []model.Note{{Time: day.Add(10 * time.Hour), Text: g.fill(l, l.notes[k], day, f)}}
	}
	if kind == model.KindReport {
		d.Outcome = model.Noted
		return d
	}
	g.vote(&d, seats)
	return d
}

// vote gives a decision plausible counts and the outcome they make under
// the votes-cast rule, sometimes deferred or withdrawn instead.
func (g *gen) vote(d *model.Decision, seats int) {
	switch g.r.IntN(50) {
	case 0, 1:
		d.Outcome = model.Deferred
		return
	case 2:
		d.Outcome = model.Withdrawn
		return
	}
	present := seats/2 + 1 + g.r.IntN(seats/2)
	against := g.r.IntN(present / 6)
	abstain := g.r.IntN(present / 8)
	forN := present - against - abstain - g.r.IntN(3)
	if g.r.IntN(20) == 0 {
		forN, against = against, forN
	}
	d.For, d.Against, d.Abstain, d.Present, d.Seats, d.Rule = forN, against, abstain, present, seats, string(model.MajorityCast)
	d.Outcome = model.Adopted
	verb := ">"
	if forN <= against {
		d.Outcome, verb = model.Rejected, "≤"
	}
	d.Explanation = fmt.Sprintf("%s: %d for %s %d against (votes cast); quorum %d/%d ≥ %d", d.Outcome, forN, verb, against, present, seats, seats/2+1)
}

// fill replaces the placeholders of tmpl, noting in f what they name.
// Clerks spell some words two ways: المسؤول and المسئول, مؤسسة and the
// hamzaless موسسة.
func (g *gen) fill(l *lang, tmpl string, day time.Time, f *Facts) string {
	lists := []struct {
		name  string
		list  []string
		facts *[]int
	}{{"{partner}", l.partners, &f.Partners}, {"{subject}", l.subjects, &f.Subjects}, {"{place}", l.places, &f.Places},
		{"{craft}", l.crafts, &f.Crafts}, {"{facility}", l.facilities, &f.Facilities}}
	for _, p := range lists {
		for strings.Contains(tmpl, p.name) {
			i := g.r.IntN(len(p.list))
			*p.facts = append(*p.facts, i)
			tmpl = strings.Replace(tmpl, p.name, p.list[i], 1)
		}
	}
	year := fmt.Sprint(day.Year() - g.r.IntN(2))
	if g.r.IntN(3) == 0 {
		year = l.digits(year)
	}
	institution := l.partners[len(l.partners)-1]
	if strings.Contains(tmpl, "{institution}") {
		f.Partners = append(f.Partners, len(l.partners)-1)
		if l == &ar && g.r.IntN(3) == 0 {
			institution = strings.Replace(institution, "مؤسسة", "موسسة", 1)
		}
	}
	if l == &fr {
		institution = strings.ToUpper(institution[:1]) + institution[1:]
	}
	return strings.NewReplacer(
		"{month}", g.pick(l.months),
		"{year}", year,
		"{n}", fmt.Sprint(2+g.r.IntN(60)),
		"{m}", fmt.Sprint(2+g.r.IntN(60)),
		"{amount}", fmt.Sprint((1+g.r.IntN(90))*50_000),
		"{responsible}", []string{"المسؤول", "المسئول"}[g.r.IntN(2)],
		"{institution}", institution,
	).Replace(tmpl)
}
