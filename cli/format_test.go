package cli

import (
	"bytes"
	"context"
	"strings"
	"testing"
	"time"

	"github.com/jalsa-app/jalsa/model"
	"github.com/jalsa-app/jalsa/store"
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

// --bidi takes auto, app or terminal; anything else is a usage error that
// lists them, in the chosen language, before anything runs.
func TestBidiFlag(t *testing.T) {
	db := t.TempDir() + "/j.db"
	st, err := store.Open(db, store.Options{})
	if err != nil {
		t.Fatal(err)
	}
	st.Close()
	for _, tc := range []struct {
		lang, value, want string
	}{
		{"en", "off", `--bidi "off": allowed are auto, app and terminal`},
		{"fr", "rtl", `--bidi "rtl" : valeurs permises auto, app et terminal`},
		{"ar", "", `--bidi "": القيم المسموح بها auto وapp وterminal`},
	} {
		var out, errb bytes.Buffer
		env := &Env{Stdout: &out, Stderr: &errb, Getenv: func(string) string { return "" }}
		code := Run(context.Background(), env, []string{"--lang", tc.lang, "--bidi=" + tc.value, "--db", db, "sessions"})
		if tc.value == "" {
			// An empty --bidi= is "not given".
			if code != 0 {
				t.Errorf("--bidi= : exit %d, %s", code, errb.String())
			}
			continue
		}
		if code != 2 || !strings.Contains(errb.String(), tc.want) {
			t.Errorf("--bidi %s: exit %d, stderr %q, want 2 and %q", tc.value, code, errb.String(), tc.want)
		}
	}
	var got UIOptions
	env := &Env{Stdout: &bytes.Buffer{}, Stderr: &bytes.Buffer{}, Getenv: func(string) string { return "" },
		Interactive: func(_ context.Context, _ *Env, _ *store.Store, o UIOptions) error { got = o; return nil }}
	for _, tc := range []struct {
		args  []string
		bidi  string
		shape bool
	}{
		{nil, "", false},
		{[]string{"--bidi", "APP", "--shape"}, "app", true},
		{[]string{"--bidi=terminal"}, "terminal", false},
	} {
		got = UIOptions{}
		args := append([]string{"--db", db}, tc.args...)
		if code := Run(context.Background(), env, args); code != 0 {
			t.Fatalf("%v: exit %d", tc.args, code)
		}
		if got.Bidi != tc.bidi || got.Shape != tc.shape {
			t.Errorf("%v: UI options %+v, want bidi %q shape %v", tc.args, got, tc.bidi, tc.shape)
		}
	}
}
