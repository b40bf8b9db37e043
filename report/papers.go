package report

import (
	"strings"
	"time"

	"github.com/jalsa-app/jalsa/i18n"
	"github.com/jalsa-app/jalsa/model"
)

// The papers a chamber sends and signs before a session (SPEC §12): the
// convocation letter (الاستدعاء), one page per member, and the attendance
// sheet (ورقة الحضور, feuille d'émargement) signed at the door of each
// sitting. They are Pages like the minutes, in the body's language unless
// another is asked for, written by the same writers.

// paper is what both papers say of a session, in one language.
type paper struct {
	w    words
	s    *model.Session
	b    *model.Body
	doc  *Document
	loc  *time.Location
	name string
}

func newPaper(st *model.State, id, lang string) (*paper, error) {
	d, err := Build(st, id, lang)
	if err != nil {
		return nil, err
	}
	s := st.Sessions[id]
	b := st.BodyOf(s)
	return &paper{w: words{d.Lang}, s: s, b: b, doc: d, loc: b.Location(), name: d.Body.Name}, nil
}

// sessionName is "the ordinary session of October 2024" as a sentence
// names it.
func (p *paper) sessionName() string {
	kind := p.w.KindAdj(p.s.Kind)
	if t, ok := parseDay(p.s.Date, p.loc); ok {
		return p.w.T("paper.session", kind, p.w.monthOf(t))
	}
	return p.w.T("paper.session.plain", kind)
}

// Convocation lays out the convocation letters of session id in lang (""
// the body's language): one page for each member on the session's roll,
// or for member alone. Each says who is convened, to which session, on
// what day, at what time and where, the agenda, and is signed by the
// body's president.
func Convocation(st *model.State, id, member, lang string) (*Page, error) {
	p, err := newPaper(st, id, lang)
	if err != nil {
		return nil, err
	}
	w := p.w
	roll := p.b.Members
	if member != "" {
		m, ok := p.b.Member(member)
		if !ok {
			return nil, model.NotFound("report.err_not_on_roll", member, id)
		}
		roll = []model.Member{m}
	}
	title := upperFirst(w.T("conv.title", p.sessionName()))
	pg := &Page{Lang: p.doc.Lang, Dir: p.doc.Dir, Title: title, PageLabel: w.T("page"), PageOf: w.T("page.of")}
	b := pageBuilder{pg}
	for i, m := range roll {
		if i > 0 {
			b.add(&PageBreak{})
		}
		p.letter(b, m)
	}
	return pg, nil
}

// letter is one member's convocation.
func (p *paper) letter(b pageBuilder, m model.Member) {
	w, s := p.w, p.s
	b.para("title", bold(p.name))
	dated := p.doc.Session.Convened
	if day, ok := parseDay(dated, p.loc); ok {
		dated = w.DateShort(day)
	} else {
		dated = w.T("conv.blank")
	}
	if s.Place != "" {
		b.para("end", text(w.T("conv.dated", w.iso(clean(s.Place)), dated)))
	} else {
		b.para("end", text(dated))
	}
	to := w.Honored(clean(m.Name), m.Gender)
	if r := w.Role(m.Role, m.Gender); r != "" {
		to += w.T("list.sep") + r
	} else {
		to += w.T("list.sep") + w.Gendered("conv.member", m.Gender)
	}
	b.para("", text(w.T("conv.to", to)))
	b.para("", bold(w.T("colon", w.T("conv.subject"))+" "), text(w.T("conv.title", p.sessionName())))
	b.para("", text(w.agreed("conv.greeting", m.Gender)))

	when := w.T("conv.blank")
	if day, ok := parseDay(s.Date, p.loc); ok {
		when = w.Date(day)
	}
	hour := w.T("conv.blank")
	if t, err := time.Parse("15:04", s.Time); err == nil {
		hour = w.Clock(t)
	}
	cont := false
	if lb := p.doc.Body.LegalBasis; lb != "" && p.b.Language == p.doc.Lang {
		for _, para := range strings.Split(lb, "\n") {
			b.add(&Para{Runs: []Run{text(para)}, Auto: true})
		}
		cont = endsMidSentence(lb)
	}
	key := "conv.body"
	if cont {
		key += ".cont"
	}
	b.para("", text(w.T(key, p.sessionName(), w.iso(p.name), when, hour, w.place(clean(s.Place)))))
	agenda := &List{Ordered: true}
	for _, it := range s.Items {
		agenda.Items = append(agenda.Items, []Run{typed(clean(it.Title))})
	}
	if len(agenda.Items) == 0 {
		b.para("", text(w.T("label.none")))
	} else {
		b.add(agenda)
	}
	b.para("", text(w.T("conv.excuse")))
	b.para("", text(w.agreed("conv.closing", m.Gender)))
	signer := p.president()
	gender := ""
	if signer != nil {
		gender = signer.Gender
	}
	b.add(&Signatures{Blocks: []Signature{{Role: w.Gendered("conv.signer", gender), Name: w.personName(signer),
		Sign: w.T("colon", w.T("sig.sign"))}}})
}

// president is the member on the roll who presides the body (who signs
// the convocations), or the session's chair when the roll has none.
func (p *paper) president() *Person {
	for _, m := range p.b.Members {
		if m.Role == "president" {
			return &Person{ID: m.ID, Name: clean(m.Name), Role: m.Role, Gender: m.Gender}
		}
	}
	return p.doc.Chair
}

// agreed is the wording of key addressed to a woman (key.f), a man
// (key.m), or someone whose gender is not stated (key): «Madame,»,
// «Monsieur,», «Madame, Monsieur,».
func (w words) agreed(key, gender string) string {
	switch gender {
	case model.Female, model.Male:
		return w.T(key + "." + gender)
	}
	return w.T(key)
}

// personName is a person's name with honorific, or a line to write it on.
func (w words) personName(p *Person) string {
	if p == nil {
		return ""
	}
	return w.Honored(p.Name, p.Gender)
}

// AttendanceSheet lays out the sheet the members sign at the door of
// sitting n of session id (0: the sitting under way, or else the next to
// hold), in lang ("" the body's language): every member on the roll with
// their role and a column to sign in, the guests likewise, and the count
// the secretary certifies.
func AttendanceSheet(st *model.State, id string, n int, lang string) (*Page, error) {
	p, err := newPaper(st, id, lang)
	if err != nil {
		return nil, err
	}
	w, s := p.w, p.s
	next := len(s.Sittings) + 1
	if s.State == model.StateOpen {
		next = len(s.Sittings)
	}
	if n == 0 {
		n = next
	}
	if n < 1 || n > len(s.Sittings)+1 {
		return nil, model.NotFound("report.err_sitting", n, id, len(s.Sittings)+1)
	}
	day := w.T("conv.blank")
	switch {
	case n <= len(s.Sittings):
		day = w.Date(s.Sittings[n-1].Open.In(p.loc))
	case n == 1:
		if t, ok := parseDay(s.Date, p.loc); ok {
			day = w.Date(t)
		}
	}
	title := w.T("att.title")
	pg := &Page{Lang: p.doc.Lang, Dir: p.doc.Dir, Title: title + " — " + upperFirst(p.sessionName()), PageLabel: w.T("page"), PageOf: w.T("page.of")}
	b := pageBuilder{pg}
	b.para("title", bold(p.name))
	b.heading(1, text(title))
	b.para("center", text(upperFirst(p.sessionName())))
	b.para("center", bold(upperFirst(w.SittingName(n))), text(" — "+day+w.place(clean(s.Place))))
	head := []string{w.T("att.col.n"), w.T("att.col.name"), w.T("att.col.role"), w.T("att.col.sign")}
	t := &Table{Head: head, Num: []bool{true, false, false, false}, Wrap: []bool{false, true, true, true}, Tall: true}
	for i, m := range p.b.Members {
		role := w.Role(m.Role, m.Gender)
		if role == "" {
			role = w.T("role.member")
			if female(m.Gender) {
				role = w.T("role.f.member")
			}
		}
		t.Rows = append(t.Rows, Row{Cells: []string{itoa(i + 1), clean(m.Name), role, ""}})
	}
	b.add(t)
	if len(s.Guests) > 0 {
		b.heading(2, text(w.T("label.guests")))
		g := &Table{Head: head, Num: []bool{true, false, false, false}, Wrap: []bool{false, true, true, true}, Tall: true}
		for i, guest := range s.Guests {
			g.Rows = append(g.Rows, Row{Cells: []string{itoa(i + 1), clean(guest.Name), clean(guest.Role), ""}})
		}
		b.add(g)
	}
	b.para("", text(w.T("att.count", len(p.b.Members), p.b.Seats)))
	sign := w.T("colon", w.T("sig.sign"))
	chair, sigs := "", &Signatures{}
	if p.doc.Chair != nil {
		chair = p.doc.Chair.Gender
	}
	sigs.Blocks = append(sigs.Blocks, Signature{Role: w.Gendered("sig.chair", chair), Name: w.personName(p.doc.Chair), Sign: sign})
	if p.doc.Secretary != nil {
		sigs.Blocks = append(sigs.Blocks, Signature{Role: w.Gendered("sig.secretary", p.doc.Secretary.Gender), Name: w.personName(p.doc.Secretary), Sign: sign})
	}
	b.add(sigs)
	return pg, nil
}

// PaperFormats are the formats of the convocation and the attendance
// sheet, the default first.
var PaperFormats = []string{"html", "docx", "pdf"}

// RenderPage writes a page in one of PaperFormats; for "pdf" the HTML
// that PrintPDF prints.
func RenderPage(p *Page, format string) ([]byte, error) {
	switch format {
	case "html", "pdf", "":
		return []byte(p.HTML()), nil
	case "docx":
		return p.DOCX()
	}
	return nil, model.Usage("report.err_format", format)
}

func init() {
	i18n.Register(map[string]i18n.Text{
		"report.err_not_on_roll": {En: "%q is not on the roll of session %s", Fr: "%q n'est pas sur la liste des membres de la session %s", Ar: "%q ليس في لائحة أعضاء الدورة %s"},
		"report.err_sitting":     {En: "no sitting %d in session %s (sittings 1 to %d)", Fr: "pas de séance %d dans la session %s (séances 1 à %d)", Ar: "لا توجد جلسة %d في الدورة %s (الجلسات من 1 إلى %d)"},
	})
}
