package report

import (
	"strings"
	"testing"

	"github.com/jalsa-app/jalsa/i18n"
	"pgregory.net/rapid"
)

// pieces loses no text and adds none, closes every isolate it opens, and
// in right-to-left context keeps every number NumberRuns finds.
func TestPiecesProperties(t *testing.T) {
	alphabet := []rune("فاس مكناس abc 0123456789-/.,:×\u202f\u00a0 " + string(fsi) + string(pdi))
	rapid.Check(t, func(t *rapid.T) {
		s := rapid.StringOf(rapid.SampledFrom(alphabet)).Draw(t, "s")
		rtl := rapid.Bool().Draw(t, "rtl")
		var text strings.Builder
		var nums []string
		depth := 0
		for _, pc := range pieces(s, rtl) {
			switch pc.kind {
			case plainPiece, numberPiece:
				if pc.text == "" {
					t.Fatalf("an empty piece in %q", s)
				}
				text.WriteString(pc.text)
				if pc.kind == numberPiece {
					nums = append(nums, pc.text)
				}
			case openPiece:
				depth++
			case closePiece:
				depth--
				if depth < 0 {
					t.Fatalf("an isolate closed before it opened in %q", s)
				}
			}
		}
		if depth != 0 {
			t.Fatalf("%d isolates left open in %q", depth, s)
		}
		plain := strings.NewReplacer(string(fsi), "", string(pdi), "").Replace(s)
		if text.String() != plain {
			t.Fatalf("pieces of %q read %q", s, text.String())
		}
		if rtl && !strings.ContainsAny(s, string(fsi)+string(pdi)) {
			var want []string
			for _, r := range i18n.NumberRuns(s) {
				want = append(want, s[r.Start:r.End])
			}
			if strings.Join(nums, "|") != strings.Join(want, "|") {
				t.Fatalf("numbers of %q: %q, want %q", s, nums, want)
			}
		}
	})
}

// Each writer sets numbers apart its own way, and gives typed text the
// direction the screen does: in Arabic minutes, a note that starts with a
// Latin place name but is written in Arabic reads right to left.
func TestWritersIsolate(t *testing.T) {
	note := "Fès-Meknès، أن الكلفة 1\u202f234\u202f567,89 درهم في 2024-10-28"
	if got := htmlText(string(fsi)+note+string(pdi), true); !strings.HasPrefix(got, `<bdi dir="rtl">Fès-Meknès`) ||
		!strings.Contains(got, `<bdi dir="ltr">1`+"\u202f"+`234`+"\u202f"+`567,89</bdi>`) || !strings.Contains(got, `<bdi dir="ltr">2024-10-28</bdi>`) {
		t.Errorf("htmlText = %q", got)
	}
	if got := htmlText("On 28 October 2024", false); got != "On 28 October 2024" {
		t.Errorf("htmlText of Latin text in a left-to-right page = %q, want it untouched", got)
	}
	if got := esc(note, true); !strings.Contains(got, i18n.LRI+"2024-10-28"+i18n.PDI) {
		t.Errorf("esc = %q", got)
	}
	var b strings.Builder
	(&docxWriter{rtl: true}).runLine(&b, text("بتاريخ 2024-10-28"), "بتاريخ 2024-10-28")
	if got := b.String(); !strings.Contains(got, `<w:r><w:rPr></w:rPr><w:t xml:space="preserve">`+rlm+lre+"2024-10-28"+pdf+rlm+`</w:t></w:r>`) {
		t.Errorf("runLine = %q, want the date in a left-to-right run of its own, embedded between right-to-left marks", got)
	}
	b.Reset()
	(&docxWriter{rtl: true}).runLine(&b, typed("ملحق اتفاقية بصفرو"), "ملحق اتفاقية بصفرو")
	if got := b.String(); strings.ContainsAny(got, rle+lre+pdf) {
		t.Errorf("runLine = %q: typed text of the paragraph's direction is embedded (LibreOffice leaves a gap after it)", got)
	}
	b.Reset()
	(&docxWriter{rtl: true}).runLine(&b, typed("ODCO 2"), "ODCO 2")
	if got := b.String(); !strings.Contains(got, rlm+lre+"ODCO 2"+pdf+rlm+"</w:t></w:r>") {
		t.Errorf("runLine = %q: Latin typed text in Arabic is not embedded left to right", got)
	}
}
