package report

import (
	"fmt"
	"strings"
)

// renderMarkdown writes the document as CommonMark with GFM tables. All
// text goes through esc, so a note such as "<script>" or "*" stays text.
func renderMarkdown(d *Document) string {
	w := words{d.Lang}
	var m mdWriter
	m.heading(1, w.T("title"))
	m.para("**" + esc(d.Body.Name) + "**  \n**" + esc(d.Session.Title) + "**  \n" + esc(w.T("colon", w.T("reference"))+" "+d.Session.ID))
	if d.Draft {
		m.para("> **" + esc(w.T("draft_mark")) + "** — " + esc(w.DraftNotice(d)))
	}

	m.heading(2, w.T("section.session"))
	m.field(w, "label.body", d.Body.Name)
	m.field(w, "label.session", d.Session.Title)
	m.field(w, "label.kind", w.Kind(d.Session.Kind))
	m.field(w, "label.planned", w.Day(d.Session.Planned))
	if d.Session.Place != "" {
		m.field(w, "label.place", d.Session.Place)
	}
	m.field(w, "label.chair", w.Person(d.Chair))
	if d.Secretary != nil {
		m.field(w, "label.secretary", w.Person(d.Secretary))
	}
	if len(d.Guests) == 0 {
		m.field(w, "label.guests", w.T("label.none"))
	} else {
		m.field(w, "label.guests", "")
		for _, g := range d.Guests {
			m.line("  - " + esc(w.Guest(g)))
		}
	}
	m.blank()
	m.heading(3, w.T("label.sittings"))
	if len(d.Sittings) == 0 {
		m.para(esc(w.T("label.none")))
	} else {
		rows := [][]string{}
		for _, s := range d.Sittings {
			rows = append(rows, []string{w.SittingName(s.N), w.CallName(s.Call), w.Date(s.Open), w.Clock(s.Open), w.SittingEnd(s)})
		}
		m.table([]string{w.T("col.sitting"), w.T("col.call"), w.T("col.date"), w.T("col.opened"), w.T("col.ended")}, rows)
	}

	m.heading(2, w.T("section.attendance"))
	if len(d.Sittings) == 0 {
		m.para(esc(w.T("label.none")))
	}
	for _, s := range d.Sittings {
		m.heading(3, w.T("sitting.heading", s.N, w.Date(s.Open)))
		m.para(esc(w.Opening(d, s)))
		m.para(m.label(w, w.T("attendance.present", len(s.Present))) + esc(w.Names(s.Present)))
		m.para(m.label(w, w.T("attendance.excused", len(s.Excused))) + esc(w.Names(s.Excused)))
		m.para(m.label(w, w.T("attendance.absent", len(s.Absent))) + esc(w.Names(s.Absent)))
		if len(s.Moves) > 0 {
			m.caption(w, w.T("attendance.moves"))
			for _, mv := range s.Moves {
				m.line("- " + esc(w.Move(mv)))
			}
			m.blank()
		}
		m.para(m.label(w, w.T("quorum.label")) + esc(w.QuorumStatement(s.Quorum)))
	}

	m.heading(2, w.T("section.agenda"))
	for _, it := range d.Items {
		m.line(fmt.Sprintf("%d. %s — %s", it.N, esc(it.Title), esc(w.Outcome(it.Outcome))))
	}
	m.blank()

	m.heading(2, w.T("section.proceedings"))
	for _, it := range d.Items {
		m.item(w, it)
	}

	m.heading(2, w.T("section.corrections"))
	if len(d.Corrections) == 0 {
		m.para(esc(w.T("corrections.none")))
	} else {
		for _, c := range d.Corrections {
			m.line("- " + esc(c.Ref+" — "+w.Correction(c)))
		}
		m.blank()
	}

	m.heading(2, w.T("section.closing"))
	m.para(esc(w.Closing(d)))

	m.heading(2, w.T("section.signatures"))
	head := []string{w.T("sig.chair")}
	names := []string{w.Person(d.Chair)}
	signs := []string{w.T("colon", w.T("sig.sign"))}
	if d.Secretary != nil {
		head = append(head, w.T("sig.secretary"))
		names = append(names, w.Person(d.Secretary))
		signs = append(signs, w.T("colon", w.T("sig.sign")))
	}
	m.table(head, [][]string{names, signs})
	return strings.TrimRight(m.b.String(), "\n") + "\n"
}

// item writes one agenda item: when, discussion, vote, outcome, text, budget.
func (m *mdWriter) item(w words, it Item) {
	m.heading(3, w.T("item.heading", it.N, it.Title))
	m.para(esc(w.ItemWhen(it)))
	if len(it.Notes) > 0 {
		m.caption(w, w.T("label.notes"))
		for _, n := range it.Notes {
			m.line("- " + esc(w.Clock(n.Time)+" — "+n.Text))
		}
		m.blank()
	}
	if len(it.Speakers) > 0 {
		sp := make([]string, len(it.Speakers))
		for i, s := range it.Speakers {
			sp[i] = w.Speaker(s, it.Sitting)
		}
		m.para(m.label(w, w.T("label.speakers")) + esc(strings.Join(sp, w.T("list.sep"))))
	}
	if it.Budget != nil {
		m.budget(w, it.Budget)
	}
	if v := it.Vote; v != nil {
		m.para(m.label(w, w.T("label.vote")) + esc(w.Counts(v)))
		if v.Corrected {
			m.para("*" + esc(w.T("vote.corrected")) + "*")
		}
		if v.Named != nil {
			m.caption(w, w.T("label.named"))
			for _, g := range []struct {
				key string
				ps  []Person
			}{{"named.for", v.Named.For}, {"named.against", v.Named.Against}, {"named.abstain", v.Named.Abstain}, {"named.novote", v.Named.NoVote}} {
				if g.key == "named.novote" && len(g.ps) == 0 {
					continue // everyone present voted
				}
				m.line("- " + m.label(w, w.T(g.key, len(g.ps))) + esc(w.Names(g.ps)))
			}
			m.blank()
		}
		m.para(m.label(w, w.T("label.rule")) + esc(w.Rule(v)))
		m.para(m.label(w, w.T("label.explain")) + esc(v.Explanation))
	}
	m.para(m.label(w, w.T("label.outcome")) + esc(w.Result(it)))
	if it.Text != "" {
		m.para(m.label(w, w.TextLabel(it)) + esc(it.Text))
	}
}

// budget writes the table of lines, the amendments and the totals.
func (m *mdWriter) budget(w words, b *Budget) {
	m.para(m.label(w, w.T("label.budget")) + esc(w.T("budget.mode."+b.Mode)))
	rows := make([][]string, len(b.Lines))
	for i, l := range b.Lines {
		rows[i] = []string{l.Code, l.Label, w.LineKind(l.Kind), w.LineAmount(l), w.LineVotes(l), lineOutcome(w, l)}
	}
	m.table([]string{w.T("col.code"), w.T("col.line"), w.T("col.kind"), w.T("col.amount", w.T("currency")), w.T("col.votes"), w.T("col.outcome")}, rows)
	if w.Amended(b) {
		m.caption(w, w.T("label.amendments"))
		for _, l := range b.Lines {
			for _, a := range l.Amendments {
				m.line("- " + esc(w.Amendment(l, a)))
			}
		}
		m.blank()
	}
	m.caption(w, w.T("label.totals"))
	m.table(w.TotalsHead(), w.TotalsRows(b))
}

// lineOutcome is a line's outcome, or a dash for a line voted only with the
// whole budget.
func lineOutcome(w words, l Line) string {
	if l.Vote == nil {
		return "—"
	}
	return w.Outcome(l.Outcome)
}

// mdWriter collects Markdown lines.
type mdWriter struct{ b strings.Builder }

func (m *mdWriter) line(s string) { m.b.WriteString(s + "\n") }
func (m *mdWriter) blank()        { m.b.WriteString("\n") }
func (m *mdWriter) para(s string) { m.b.WriteString(s + "\n\n") }

func (m *mdWriter) heading(level int, s string) {
	m.para(strings.Repeat("#", level) + " " + esc(s))
}

// label is a bold "Label:" followed by a space.
func (m *mdWriter) label(w words, s string) string { return "**" + esc(w.T("colon", s)) + "** " }

// caption is a bold "Label:" on its own, before a list or table.
func (m *mdWriter) caption(w words, s string) { m.para("**" + esc(w.T("colon", s)) + "**") }

// field is one "- **Label:** value" line of a list.
func (m *mdWriter) field(w words, key, value string) {
	m.line(strings.TrimRight("- "+m.label(w, w.T(key))+esc(value), " "))
}

func (m *mdWriter) table(head []string, rows [][]string) {
	cells := func(cs []string) string {
		out := make([]string, len(cs))
		for i, c := range cs {
			out[i] = esc(c)
		}
		return "| " + strings.Join(out, " | ") + " |"
	}
	m.line(cells(head))
	m.line(strings.Repeat("|---", len(head)) + "|")
	for _, r := range rows {
		m.line(cells(r))
	}
	m.blank()
}

// mdSpecial are the characters that could turn text into markup: emphasis,
// links, code, raw HTML, table cells, strikethrough. (">" and "#" only matter
// at the start of a line, where user text never is.) The wording catalogs
// use none of them, so whole sentences can be escaped.
const mdSpecial = "\\`*_[]<|~"

// esc makes s literal text in Markdown.
func esc(s string) string {
	if !strings.ContainsAny(s, mdSpecial) {
		return s
	}
	var b strings.Builder
	for _, r := range s {
		if strings.ContainsRune(mdSpecial, r) {
			b.WriteByte('\\')
		}
		b.WriteRune(r)
	}
	return b.String()
}
