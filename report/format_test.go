package report

import (
	"testing"
	"time"

	"github.com/jalsa-app/jalsa/model"
	"github.com/jalsa-app/jalsa/tui/bidi"
)

func TestFormatDate(t *testing.T) {
	for _, tc := range []struct{ lang, day, want string }{
		{"en", "2024-10-28", "28 October 2024"},
		{"fr", "2024-10-28", "28 octobre 2024"},
		{"ar", "2024-10-28", "28 أكتوبر 2024"},
		{"ar", "2024-06-24", "24 يونيو 2024"},
		{"fr", "2024-06-01", "1er juin 2024"},
		{"en", "2024-06-01", "1 June 2024"},
		{"ar", "not a date", "not a date"},
	} {
		if got := FormatDay(tc.lang, tc.day); got != tc.want {
			t.Errorf("FormatDay(%s, %s) = %q, want %q", tc.lang, tc.day, got, tc.want)
		}
	}
	if got := FormatDate("ar", time.Date(2025, 12, 3, 0, 0, 0, 0, time.UTC)); got != "3 دجنبر 2025" {
		t.Errorf("Moroccan month name: %q", got)
	}
}

func TestFormatMoney(t *testing.T) {
	c := model.Cents(480000050)
	for lang, want := range map[string]string{"en": "4,800,000.50", "fr": "4\u202f800\u202f000,50", "ar": "4\u202f800\u202f000,50"} {
		if got := FormatMoney(lang, c); got != want {
			t.Errorf("FormatMoney(%s) = %q, want %q", lang, got, want)
		}
	}
	// In an Arabic sentence drawn by the app, the groups stay in order.
	if got := bidi.Visual("المداخيل " + FormatMoney("ar", c)); got != "4\u202f800\u202f000,50 ليخادملا" {
		t.Errorf("amount reordered: %q", got)
	}
}
