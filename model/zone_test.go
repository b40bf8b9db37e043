package model

import (
	"testing"
	"time"
)

// TestBodyLocation: a body without a zone is in Africa/Casablanca, which
// keeps UTC during Ramadan and UTC+1 otherwise; a body's own zone is used;
// the host's zone never is.
func TestBodyLocation(t *testing.T) {
	at := func(b *Body, utc time.Time) string { return utc.In(b.Location()).Format("15:04") }
	for _, c := range []struct {
		body *Body
		utc  time.Time
		want string
	}{
		{&Body{}, time.Date(2024, 10, 28, 10, 40, 0, 0, time.UTC), "11:40"},
		{&Body{}, time.Date(2025, 3, 15, 10, 40, 0, 0, time.UTC), "10:40"}, // Ramadan 2025
		{nil, time.Date(2024, 10, 28, 10, 40, 0, 0, time.UTC), "11:40"},
		{&Body{Timezone: "Europe/Paris"}, time.Date(2024, 7, 1, 10, 40, 0, 0, time.UTC), "12:40"},
		{&Body{Timezone: "Asia/Tokyo"}, time.Date(2024, 7, 1, 10, 40, 0, 0, time.UTC), "19:40"},
		// A zone the zone database no longer knows: the default, not the host's.
		{&Body{Timezone: "Mars/Olympus"}, time.Date(2024, 10, 28, 10, 40, 0, 0, time.UTC), "11:40"},
	} {
		if got := at(c.body, c.utc); got != c.want {
			t.Errorf("%+v at %s: %s, want %s", c.body, c.utc, got, c.want)
		}
	}
	for _, bad := range []string{"Local", "Africa/Fes", "../etc/passwd", "UTC+1"} {
		if ValidTimezone(bad) {
			t.Errorf("ValidTimezone(%q) = true", bad)
		}
		if _, err := LoadZone(bad); ExitCode(err) != 2 {
			t.Errorf("LoadZone(%q): %v, want a usage error", bad, err)
		}
	}
}

// TestInitBodyMustMatchZone: a session file whose body has another zone or
// legal basis than the one on record is refused, as for other details.
func TestInitBodyMustMatchZone(t *testing.T) {
	st := NewState()
	load := func(extra string) *InitCmd {
		t.Helper()
		cmd, err := LoadSessionFile("s.yaml", []byte("body: {id: b1, name: Body"+extra+"}\nmembers: [{id: m01, name: One}]\nsession: {id: s"+
			string(rune('0'+len(st.Sessions)))+", title: T, date: 2024-10-28, chair: m01}\nagenda: [{title: X, kind: agreement}]\n"))
		if err != nil {
			t.Fatal(err)
		}
		return cmd
	}
	if err := load(", timezone: Europe/Paris").Apply(st, Ctx{}); err != nil {
		t.Fatal(err)
	}
	if err := load(", timezone: Europe/Paris").Apply(st, Ctx{}); err != nil {
		t.Fatalf("same zone: %v", err)
	}
	for _, extra := range []string{"", ", timezone: Africa/Casablanca", ", timezone: Europe/Paris, legal_basis: X"} {
		if err := load(extra).Apply(st, Ctx{}); ExitCode(err) != 3 {
			t.Errorf("body with %q: %v, want refused", extra, err)
		}
	}
}
