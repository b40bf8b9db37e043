package i18n

import "testing"

func TestParagraphRTL(t *testing.T) {
	for _, tc := range []struct {
		s     string
		uiRTL bool
		want  bool
	}{
		{"الدورة العادية", false, true},
		{"Session ordinaire", true, false},
		{"2024-10-28 · 11:40", true, true}, // no letter: the UI's direction
		{"2024-10-28 · 11:40", false, false},
		{"Fès-Meknès، أن الكلفة الإجمالية للمشروع", true, true},               // Arabic with a place name first
		{"Fès-Meknès، أن الكلفة الإجمالية للمشروع", false, false},             // its first letter and the UI agree
		{"اتفاقية شراكة مع ODCO لسنة 2024", false, true},                      // starts in Arabic
		{"against (1): عبد الرحيم الصفريوي", false, false},                    // an English label first
		{"يوسف الدباغ has the floor", false, false},                           // half the words are English
		{"Note de Mme Dupont : 2 votes contre (خديجة العمراني)", true, false}, // mostly French
		{"\u2067الدورة العادية لشهر أكتوبر\u2069 Session", false, false},      // an isolate does not count
	} {
		if got := ParagraphRTL(tc.s, tc.uiRTL); got != tc.want {
			t.Errorf("ParagraphRTL(%q, ui rtl %v) = %v, want %v", tc.s, tc.uiRTL, got, tc.want)
		}
	}
}
