package report

import (
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Layout lays the minutes out as a Page, in the order of a Moroccan محضر:
// the body and the title; the legal basis and the convocation; the facts of
// the session; each sitting's opening, attendance and quorum; the agenda;
// each item with its discussion, vote, reasons and decision; corrections;
// the closing and the formula that dates the document; the signatures.
func Layout(d *Document) *Page {
	w := words{d.Lang}
	p := &Page{Lang: d.Lang, Dir: d.Dir, Title: w.Title(d), PageLabel: w.T("page"), PageOf: w.T("page.of")}
	if d.Draft {
		p.Draft = w.T("draft_mark")
	}
	b := pageBuilder{p}
	b.para("title", bold(d.Body.Name))
	b.heading(1, text(w.Title(d)))
	b.para("center", text(w.T("colon", w.T("reference"))+" "), Run{Text: d.Session.ID, LTR: true, Muted: true})
	if d.Draft {
		b.para("notice", bold(w.T("draft_mark")), text(" — "+w.DraftNotice(d)))
	}

	// The preamble: the legal basis, then the convocation, as one opening
	// when the legal basis is in the minutes' language and ends mid-sentence
	// — once the session has sat: it says what was held.
	if len(d.Sittings) > 0 {
		cont := false
		if lb := d.Body.LegalBasis; lb != "" {
			for _, para := range strings.Split(lb, "\n") {
				b.add(&Para{Runs: []Run{text(para)}, Auto: true})
			}
			cont = d.Body.Language == d.Lang && endsMidSentence(lb)
		}
		b.para("", text(w.Preamble(d, cont)))
		if s := w.Public(d); s != "" {
			b.para("", text(s))
		}
	}

	b.heading(2, text(w.T("section.session")))
	b.add(facts(w, d))
	b.heading(3, text(w.T("label.sittings")))
	if len(d.Sittings) == 0 {
		b.para("", text(w.T("label.none")))
	} else {
		t := &Table{Head: []string{w.T("col.sitting"), w.T("col.call"), w.T("col.date"), w.T("col.opened"), w.T("col.ended")},
			Num: []bool{false, false, false, true, false}}
		for _, s := range d.Sittings {
			t.Rows = append(t.Rows, Row{Cells: []string{w.SittingName(s.N), w.CallName(s.Call), w.Date(s.Open), w.Clock(s.Open), w.SittingEnd(s)}})
		}
		b.add(t)
	}

	b.heading(2, text(w.T("section.attendance")))
	if len(d.Sittings) == 0 {
		b.para("", text(w.T("label.none")))
	}
	for _, s := range d.Sittings {
		attendance(b, w, d, s)
	}

	b.heading(2, text(w.T("section.agenda")))
	agenda := &List{Ordered: true}
	for _, it := range d.Items {
		runs := []Run{typed(it.Title), text(" — "), bold(w.Outcome(it.Outcome))}
		if it.Urgent != nil {
			runs = append(runs, text(" ("+w.T("urgent.short")+")"))
		}
		agenda.Items = append(agenda.Items, runs)
	}
	b.add(agenda)

	b.heading(2, text(w.T("section.proceedings")))
	for _, it := range d.Items {
		item(b, w, it)
	}

	b.heading(2, text(w.T("section.corrections")))
	if len(d.Corrections) == 0 {
		b.para("", text(w.T("corrections.none")))
	} else {
		l := &List{}
		for _, c := range d.Corrections {
			l.Items = append(l.Items, []Run{{Text: c.Ref, LTR: true}, text(" — " + w.Correction(c))})
		}
		b.add(l)
	}

	b.heading(2, text(w.T("section.closing")))
	b.para("", text(w.Closing(d)))
	if s := w.DoneAt(d); s != "" {
		b.para("end", text(s))
	}

	b.heading(2, text(w.T("section.signatures")))
	sigs := &Signatures{}
	sign := w.T("colon", w.T("sig.sign"))
	chair := ""
	if d.Chair != nil {
		chair = d.Chair.Gender
	}
	sigs.Blocks = append(sigs.Blocks, Signature{Role: w.Gendered("sig.chair", chair), Name: w.Person(d.Chair), Sign: sign})
	if d.Secretary != nil {
		sigs.Blocks = append(sigs.Blocks, Signature{Role: w.Gendered("sig.secretary", d.Secretary.Gender), Name: w.Person(d.Secretary), Sign: sign})
	}
	b.add(sigs)
	return p
}

// endsMidSentence reports whether a text ends on a comma or a word, so the
// sentence after it continues it («…، ولا سيما المادة 11 منه،» «وبناء على»).
func endsMidSentence(s string) bool {
	r, _ := utf8.DecodeLastRuneInString(strings.TrimSpace(s))
	return r == ',' || r == '،' || unicode.IsLetter(r) || unicode.IsDigit(r)
}

// facts is the table of the session's particulars.
func facts(w words, d *Document) *Table {
	t := &Table{Facts: true, RowHeads: true}
	row := func(label, value string) { t.Rows = append(t.Rows, Row{Cells: []string{w.T(label), value}}) }
	row("label.body", d.Body.Name)
	row("label.session", d.Session.Title)
	row("label.kind", w.Kind(d.Session.Kind))
	if day, ok := parseDay(d.Session.Convened, d.loc()); ok {
		row("label.convened", w.Date(day))
	}
	if day, ok := parseDay(d.Session.Planned, d.loc()); ok {
		row("label.planned", w.Date(day))
	} else {
		row("label.planned", d.Session.Planned)
	}
	if d.Session.Place != "" {
		row("label.place", d.Session.Place)
	}
	if d.Session.Public != nil {
		row("label.public", w.T("public.short."+map[bool]string{true: "yes", false: "no"}[*d.Session.Public]))
	}
	chair := ""
	if d.Chair != nil {
		chair = d.Chair.Gender
	}
	t.Rows = append(t.Rows, Row{Cells: []string{w.Gendered("label.chair", chair), w.Person(d.Chair)}})
	if d.Secretary != nil {
		t.Rows = append(t.Rows, Row{Cells: []string{w.Gendered("label.secretary", d.Secretary.Gender), w.Person(d.Secretary)}})
	}
	if len(d.Guests) == 0 {
		row("label.guests", w.T("label.none"))
	}
	for i, g := range d.Guests {
		label := ""
		if i == 0 {
			label = w.T("label.guests")
		}
		t.Rows = append(t.Rows, Row{Cells: []string{label, w.Guest(g)}})
	}
	return t
}

// attendance lays out one sitting: its opening sentence, who attended, who
// was excused or absent, who came and went, and the quorum.
func attendance(b pageBuilder, w words, d *Document, s Sitting) {
	b.heading(3, text(w.T("sitting.heading", upperFirst(w.SittingName(s.N)), w.Date(s.Open))))
	b.para("", text(w.Opening(d, s)))
	b.add(names(w, "att.present", s.Present))
	b.para("", text(w.Headcount(s)))
	b.add(names(w, "att.excused", s.Excused))
	b.add(names(w, "att.absent", s.Absent))
	if len(s.Moves) > 0 {
		b.heading(4, text(w.T("attendance.moves")))
		l := &List{}
		for _, mv := range s.Moves {
			l.Items = append(l.Items, []Run{text(w.Move(mv))})
		}
		b.add(l)
	}
	b.para("", bold(w.T("colon", w.T("quorum.label"))+" "), text(w.QuorumStatement(s.Quorum)))
}

// names is a titled list of people, counted in its title.
func names(w words, key string, ps []Person) *Names {
	n := &Names{Title: w.T(key, len(ps)), None: w.T("label.none")}
	for _, p := range ps {
		n.Names = append(n.Names, p.Name)
	}
	return n
}

// item lays out one agenda item: when, discussion, budget, vote, reasons,
// decision and its text.
func item(b pageBuilder, w words, it Item) {
	b.heading(3, text(w.T("item.heading", it.N, w.iso(it.Title))))
	if u := it.Urgent; u != nil {
		b.para("notice", bold(w.T("urgent.mark")), text(" — "+w.T("urgent.added", w.Stamp(u.Time))+" "), typed(u.Reason))
	}
	b.para("small", text(w.ItemWhen(it)))
	if len(it.Notes) > 0 {
		b.heading(4, text(w.T("label.notes")))
		l := &List{}
		for _, n := range it.Notes {
			l.Items = append(l.Items, []Run{{Text: w.Clock(n.Time), Muted: true}, text(" — "), typed(n.Text)})
		}
		b.add(l)
	}
	if len(it.Speakers) > 0 {
		sp := make([]string, len(it.Speakers))
		for i, s := range it.Speakers {
			sp[i] = w.Speaker(s, it.Sitting)
		}
		b.para("", bold(w.T("colon", w.T("label.speakers"))+" "), text(strings.Join(sp, w.T("list.sep"))))
	}
	if it.Budget != nil {
		budget(b, w, it.Budget)
	}
	if v := it.Vote; v != nil {
		b.para("", bold(w.T("colon", w.T("label.vote"))+" "), text(w.VoteCounts(v)))
		if v.Corrected {
			b.para("small", Run{Text: w.T("vote.corrected"), Italic: true})
		}
		if v.Named != nil {
			b.heading(4, text(w.T("label.named")))
			b.add(names(w, "named.for", v.Named.For))
			b.add(names(w, "named.against", v.Named.Against))
			b.add(names(w, "named.abstain", v.Named.Abstain))
			if len(v.Named.NoVote) > 0 {
				b.add(names(w, "named.novote", v.Named.NoVote))
			}
		}
		b.para("", bold(w.T("colon", w.T("label.rule"))+" "), text(w.Rule(v)))
		b.para("", bold(w.T("colon", w.T("label.explain"))+" "), text(v.Explanation))
	}
	b.para("", bold(w.T("colon", w.T("label.outcome"))+" "), bold(it.Result))
	if it.Text != "" {
		b.heading(4, text(w.TextLabel(it)))
		b.add(&Para{Style: "quote", Runs: []Run{text(it.Text)}, Auto: true})
	}
}

// budget lays out the lines grouped by part, the amendments and the totals.
func budget(b pageBuilder, w words, bg *Budget) {
	b.heading(4, text(w.T("label.budget")))
	b.para("", text(w.T("budget.mode."+bg.Mode)))
	// One column per count: "70 / 0 / 6" in one cell would read 6 / 0 / 70
	// from right to left.
	t := &Table{Head: []string{w.T("col.code"), w.T("col.line"), w.T("col.kind"), w.T("col.amount", w.T("currency")),
		w.T("col.for"), w.T("col.against"), w.T("col.abstain"), w.T("col.outcome")},
		Num:  []bool{false, false, false, true, true, true, true, false},
		LTR:  []bool{true, false, false, false, false, false, false, false},
		Wrap: []bool{false, true, false, false, false, false, false, false}}
	names := map[string]string{}
	for _, p := range bg.Parts {
		names[p.Part] = p.Name
	}
	part := "\x00"
	for _, l := range bg.Lines {
		if l.Part != part && l.Part != "" {
			t.Rows = append(t.Rows, Row{Group: w.PartName(l.Part, names[l.Part])})
		}
		part = l.Part
		outcome := "—"
		if l.Vote != nil {
			outcome = w.Outcome(l.Outcome)
		}
		cells := []string{l.Code, l.Label, w.LineKind(l.Kind), w.LineAmount(l), "—", "—", "—", outcome}
		if v := l.Vote; v != nil {
			cells[4], cells[5], cells[6] = itoa(v.For), itoa(v.Against), itoa(v.Abstain)
		}
		t.Rows = append(t.Rows, Row{Cells: cells})
	}
	b.add(t)
	if w.Amended(bg) {
		b.heading(4, text(w.T("label.amendments")))
		l := &List{}
		for _, ln := range bg.Lines {
			for _, a := range ln.Amendments {
				l.Items = append(l.Items, []Run{text(w.Amendment(ln, a))})
			}
		}
		b.add(l)
	}
	b.heading(4, text(w.T("label.totals")))
	b.add(&Table{Head: w.TotalsHead(), Rows: w.TotalsRows(bg), Num: []bool{false, true, true}, RowHeads: true, Width: 75})
}

// upperFirst capitalises a heading's first letter ("première séance" →
// "Première séance"); Arabic has no case and is left as is.
func upperFirst(s string) string {
	r, n := utf8.DecodeRuneInString(s)
	return string(unicode.ToUpper(r)) + s[n:]
}

// itoa is strconv.Itoa, for the writers' numbering.
func itoa(n int) string { return strconv.Itoa(n) }
