package tui

import (
	"strings"
	"testing"

	"github.com/jalsa-app/jalsa/model"
	"github.com/jalsa-app/jalsa/report"
	"github.com/jalsa-app/jalsa/tui/bidi"
)

func TestMinutesPreviewFollowsTheSitting(t *testing.T) {
	st := demoStore(t)
	openWithRoll(t, st)
	m := newTestUI(t, st, Options{Lang: "fr"})
	press(t, m, "m")
	if m.active != screenMinutes {
		t.Fatalf("m: screen %d", m.active)
	}
	mins := m.pages[screenMinutes].(*minutes)
	shown := func() string { return strings.Join(renderPage(m.c, mins.page, m.c.Width), "\n") }
	before := shown()
	if mins.page == nil || before == "" {
		t.Fatal("no minutes")
	}
	contains(t, view(t, m), "Procès-verbal de 2024-10 (aperçu)")
	mustDo(t, st, &model.ItemCmd{Session: "2024-10", N: 1, Action: model.ActStart})
	mustDo(t, st, &model.ItemCmd{Session: "2024-10", N: 1, Action: model.ActNote, Text: "Lecture du procès-verbal."})
	m.Update(ChangeMsg{Seq: st.Seq()})
	if shown() == before {
		t.Fatal("the preview did not follow the change")
	}
	press(t, m, "pgdown", "esc")
	if m.active != screenCockpit {
		t.Fatalf("esc: screen %d", m.active)
	}
}

// The preview shows the minutes as they print, in the body's language
// (Arabic for the demo, whatever the UI's), laid out: no Markdown marks,
// tables in columns, and it scrolls to the end.
func TestMinutesPreviewIsLaidOut(t *testing.T) {
	st := demoStore(t)
	m := newTestUI(t, st, Options{Lang: "fr", Session: "2024-06", Width: 160, Height: 50})
	press(t, m, "m")
	mins := m.pages[screenMinutes].(*minutes)
	if mins.page.Lang != "ar" {
		t.Fatalf("the preview is in %q, want the body's language, ar", mins.page.Lang)
	}
	var all []string
	for _, l := range renderPage(m.c, mins.page, m.c.Width) {
		all = append(all, l)
		for _, mark := range []string{"**", "###", "|---", "| "} {
			if strings.Contains(l, mark) {
				t.Errorf("a Markdown mark %q is on screen: %q", mark, l)
			}
		}
		if w := ansiWidth(l); w > m.c.Width {
			t.Errorf("a line is %d cells wide: %q", w, l)
		}
	}
	text := strings.Join(all, "\n")
	// Tables in columns, under their heads.
	contains(t, text, "─────")
	press(t, m, "end")
	if mins.view.ScrollPercent() != 1 {
		t.Errorf("end: at %v of the minutes", mins.view.ScrollPercent())
	}
	press(t, m, "home")
	if mins.view.ScrollPercent() != 0 {
		t.Errorf("home: at %v of the minutes", mins.view.ScrollPercent())
	}
}

// Every word the minutes' page holds outside its tables is on the preview,
// as typed (no Markdown escapes: a note's "*" or "<b>" is text), whatever
// the languages of the UI and of the minutes, and no line is wider than the
// screen; a budget part's caption does not widen the table's columns.
func TestMinutesPreviewSaysWhatThePageSays(t *testing.T) {
	st := demoStore(t)
	openWithRoll(t, st)
	mustDo(t, st, &model.ItemCmd{Session: "2024-10", N: 1, Action: model.ActStart})
	note := `Lecture du procès-verbal 2024-06/3 (*étoile*, <b>, a|b, \x) à صفرو: 12 500 DH.`
	mustDo(t, st, &model.ItemCmd{Session: "2024-10", N: 1, Action: model.ActNote, Text: note})
	marks := strings.NewReplacer("\u200e", "", "\u200f", "", "\u2066", "", "\u2067", "", "\u2068", "", "\u2069", "")
	for _, ui := range []string{"ar", "fr", "en"} {
		for _, mode := range []bidi.Mode{bidi.ModeTerminal, bidi.ModeApp} {
			m := newTestUI(t, st, Options{Lang: ui, Bidi: mode})
			for _, sid := range []string{"2024-06", "2024-10"} {
				for _, lang := range []string{"ar", "fr", "en"} {
					var p *report.Page
					st.Read(func(s *model.State) {
						var err error
						if p, err = report.Minutes(s, sid, lang); err != nil {
							t.Fatal(err)
						}
					})
					for _, w := range []int{80, 160} {
						lines := renderPage(m.c, p, w)
						for _, l := range lines {
							if n := ansiWidth(l); n > w {
								t.Fatalf("%s/%s %s %s at %d: a line is %d cells wide: %q", ui, mode, sid, lang, w, n, l)
							}
						}
						if mode != bidi.ModeTerminal {
							continue // jalsa reorders the letters
						}
						shown := marks.Replace(strings.Join(lines, " "))
						for _, word := range strings.Fields(marks.Replace(pageText(p))) {
							if !strings.Contains(shown, word) {
								t.Fatalf("%s %s %s at %d: %q is not on the preview", ui, sid, lang, w, word)
							}
						}
						if sid == "2024-10" && !strings.Contains(shown, "(*étoile*, <b>, a|b, \\x)") {
							t.Errorf("%s %s at %d: the note is not shown as typed", ui, lang, w)
						}
					}
				}
			}
		}
	}
}

// pageText is the text of a page's blocks but its tables of columns.
func pageText(p *report.Page) string {
	var b strings.Builder
	runs := func(rs []report.Run) {
		for _, r := range rs {
			b.WriteString(r.Text + " ")
		}
	}
	for _, bl := range p.Blocks {
		switch bl := bl.(type) {
		case *report.Heading:
			runs(bl.Text)
		case *report.Para:
			runs(bl.Runs)
		case *report.List:
			for _, it := range bl.Items {
				runs(it)
			}
		case *report.Names:
			b.WriteString(bl.Title + " " + strings.Join(bl.Names, " ") + " ")
		case *report.Table:
			if bl.Facts {
				for _, r := range bl.Rows {
					b.WriteString(strings.Join(r.Cells, " ") + " ")
				}
			}
		}
	}
	return b.String()
}

// A budget part's caption spans the table: the code column stays as
// narrow as the codes.
func TestMinutesPreviewCaptionsSpanTheTable(t *testing.T) {
	st := demoStore(t)
	m := newTestUI(t, st, Options{Lang: "en"})
	var p *report.Page
	st.Read(func(s *model.State) {
		var err error
		if p, err = report.Minutes(s, "2024-10", "en"); err != nil {
			t.Fatal(err)
		}
	})
	lines := renderPage(m.c, p, 160)
	var caption, row string
	for _, l := range lines {
		if strings.HasPrefix(l, "Part One") {
			caption = l
		}
		if strings.HasPrefix(l, "I.1.1 ") {
			row = l
		}
	}
	if caption == "" || row == "" {
		t.Fatalf("no budget part or line:\n%s", strings.Join(lines, "\n"))
	}
	if code := strings.Fields(row)[0]; !strings.HasPrefix(row, code+"    ") || strings.HasPrefix(row, code+strings.Repeat(" ", 10)) {
		t.Errorf("the code column is not as narrow as its codes: %q", row)
	}
}
