package report_test

import (
	"strings"
	"testing"
	"unicode"

	"github.com/jalsa-app/jalsa/model"
	"github.com/jalsa-app/jalsa/report"
)

// The convocation letters and the attendance sheet of the demo's October
// session, printed by Chromium as `--format pdf` does, in Arabic and in
// French: pdftotext finds one letter per member on each page, each with
// the member's name, the day, the hour, the place, every agenda item and
// the president's name; and on the sheet every member once.
func TestPrintedPapers(t *testing.T) {
	need(t, "pdftotext", "poppler-utils")
	st := demoState(t, "", "")
	s := st.Sessions["2024-10"]
	roll := st.BodyOf(s).Members
	for _, lang := range []string{"ar", "fr"} {
		t.Run(lang+"/convocation", func(t *testing.T) {
			page, err := report.Convocation(st, "2024-10", "", lang)
			if err != nil {
				t.Fatal(err)
			}
			pages := pdfPages(t, chromiumPDF(t, page.HTML()))
			if len(pages) != len(roll) {
				t.Fatalf("%d pages for %d members: one letter a page", len(pages), len(roll))
			}
			day := map[string]string{"ar": "الاثنين 28 أكتوبر 2024", "fr": "lundi 28 octobre 2024"}[lang]
			for i, m := range roll {
				text := alnum(pages[i])
				for what, s := range map[string]string{"name": m.Name, "day": day, "hour": "10", "president": "ناجي الفخاري"} {
					if lang == "ar" || !strings.ContainsFunc(s, isArabic) {
						if !strings.Contains(text, alnum(s)) {
							t.Errorf("letter %d (%s): no %s %q", i+1, m.ID, what, s)
						}
					}
				}
				if lang == "ar" {
					for _, it := range s.Items {
						if !strings.Contains(text, alnum(it.Title)) {
							t.Errorf("letter %d: no agenda item %d", i+1, it.N)
						}
					}
				}
			}
			t.Logf("%d letters on %d pages", len(roll), len(pages))
		})
		t.Run(lang+"/attendance-sheet", func(t *testing.T) {
			page, err := report.AttendanceSheet(st, "2024-10", 0, lang)
			if err != nil {
				t.Fatal(err)
			}
			text := alnum(strings.Join(pdfPages(t, chromiumPDF(t, page.HTML())), "\n"))
			title := map[string]string{"ar": "ورقة الحضور", "fr": "Feuille d'émargement"}[lang]
			if !strings.Contains(text, alnum(title)) {
				t.Errorf("no title %q", title)
			}
			if lang == "ar" {
				for _, m := range roll {
					if strings.Count(text, alnum(m.Name)) < 1 {
						t.Errorf("%s is not on the sheet", m.ID)
					}
				}
			}
		})
	}
	t.Run("ar/attendance-sheet/docx-libreoffice", func(t *testing.T) {
		page, err := report.AttendanceSheet(st, "2024-10", 1, "ar")
		if err != nil {
			t.Fatal(err)
		}
		docx, err := page.DOCX()
		if err != nil {
			t.Fatal(err)
		}
		text := alnum(strings.Join(pdfPages(t, libreOfficePDF(t, docx)), "\n"))
		for _, m := range roll {
			if !strings.Contains(text, alnum(m.Name)) {
				t.Errorf("%s is not on the sheet Word opens", m.ID)
			}
		}
	})
}

func isArabic(r rune) bool { return r >= 0x0600 && r <= 0x06FF }

// The papers say who, when and where in words that agree with each
// member, and refuse what is not there.
func TestPapersText(t *testing.T) {
	st := demoState(t, "", "")
	for _, tc := range []struct {
		lang, member string
		want         []string
	}{
		{"ar", "m03", []string{"إلى السيدة خديجة العمراني، نائبة الرئيس", "فاس في 14 أكتوبر 2024", "الموضوع: استدعاء لحضور أشغال الدورة العادية لشهر أكتوبر 2024", "على الساعة 10:00 بفاس", "الرئيس"}},
		{"ar", "m10", []string{"إلى السيد المهدي الصنهاجي، عضو الجمعية العامة"}},
		{"fr", "m03", []string{"Madame,", "vice-présidente", "lundi 28 octobre 2024 à 10 h 00", "Veuillez agréer, Madame,", "Le président"}},
		{"en", "m10", []string{"Dear Sir,", "the ordinary session of October 2024", "Monday 28 October 2024 at 10:00"}},
	} {
		page, err := report.Convocation(st, "2024-10", tc.member, tc.lang)
		if err != nil {
			t.Fatal(err)
		}
		md := strings.Map(func(r rune) rune {
			if r == '*' || unicode.Is(unicode.Bidi_Control, r) {
				return -1
			}
			return r
		}, page.Markdown())
		for _, w := range tc.want {
			if !strings.Contains(md, w) {
				t.Errorf("%s letter to %s lacks %q:\n%s", tc.lang, tc.member, w, md)
			}
		}
	}
	if _, err := report.Convocation(st, "2024-10", "m99", ""); model.ExitCode(err) != 4 {
		t.Errorf("a letter to no member: %v", err)
	}
	if _, err := report.AttendanceSheet(st, "2024-10", 3, ""); model.ExitCode(err) != 4 {
		t.Errorf("the sheet of a sitting to come after the next: %v", err)
	}
	if _, err := report.Convocation(st, "nope", "", ""); model.ExitCode(err) != 4 {
		t.Errorf("letters of no session: %v", err)
	}
}
