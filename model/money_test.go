package model

import "testing"

func TestParseCents(t *testing.T) {
	for _, tc := range []struct {
		in   string
		want Cents
		ok   bool
	}{
		{"4800000.00", 480000000, true},
		{"4800000", 480000000, true},
		{"0.1", 10, true},
		{"4 800 000,50", 480000050, true},
		{"-12.05", -1205, true},
		{"1.234", 0, false},
		{"1e6", 0, false},
		{"", 0, false},
		{"12.", 0, false},
		{"abc", 0, false},
		{"99999999999999999999", 0, false},
	} {
		got, err := ParseCents(tc.in)
		if (err == nil) != tc.ok || got != tc.want {
			t.Errorf("ParseCents(%q) = %v, %v; want %v ok=%v", tc.in, got, err, tc.want, tc.ok)
		}
	}
}

func TestCentsFormat(t *testing.T) {
	for _, tc := range []struct {
		c    Cents
		want string
	}{
		{123456789, "1 234 567,89"},
		{100, "1,00"},
		{-100000, "-1 000,00"},
		{5, "0,05"},
	} {
		if got := tc.c.Format(' ', ','); got != tc.want {
			t.Errorf("%d.Format = %q, want %q", tc.c, got, tc.want)
		}
	}
	if got := Cents(480000000).String(); got != "4800000.00" {
		t.Errorf("String = %q", got)
	}
}
