package cli

import (
	"bytes"
	"context"
	"strings"
	"testing"

	"github.com/jalsa-app/jalsa/store"
)

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
