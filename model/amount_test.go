package model

import (
	"fmt"
	"strings"
	"testing"

	"pgregory.net/rapid"
)

func TestParseAmount(t *testing.T) {
	for _, tc := range []struct {
		in   string
		want Cents
		err  string // the message key, when refused
	}{
		{"1 234 567,89", 123456789, ""},
		{"1234567,89", 123456789, ""},
		{"1234567.89", 123456789, ""},
		{"1\u202f234\u202f567,89", 123456789, ""},
		{"1\u00a0234\u00a0567,89", 123456789, ""},
		{"1.234.567,89", 123456789, ""},
		{"1,234,567.89", 123456789, ""},
		{"1,234,567", 123456700, ""},
		{"4800000", 480000000, ""},
		{"4800000.5", 480000050, ""},
		{"٤٨٠٠٠٠٠٫٥٠", 480000050, ""},
		{"1٬234٬567", 123456700, ""},
		{"  96000,00 DH", 9600000, ""},
		{"MAD 96 000", 9600000, ""},
		{"96000 درهم", 9600000, ""},
		{"0", 0, ""},
		{"", 0, "amount.empty"},
		{"1,234", 0, "amount.ambiguous"},
		{"1.234", 0, "amount.ambiguous"},
		{"12 34", 0, "amount.groups"},
		{"1234 567", 0, "amount.groups"},
		{"1.23.456,00", 0, "amount.groups"},
		{"1,2,3.4.5", 0, "amount.format"},
		{"12,345", 0, "amount.ambiguous"},
		{"12,3456", 0, "amount.decimals"},
		{"-5,00", 0, "sessionfile.negative"},
		{"−5,00", 0, "sessionfile.negative"},
		{"abc", 0, "amount.format"},
		{"1e6", 0, "amount.format"},
		{"12,", 0, "amount.format"},
		{"99999999999999999999", 0, "sessionfile.amount_large"},
	} {
		got, err := ParseAmount(tc.in)
		if tc.err == "" {
			if err != nil || got != tc.want {
				t.Errorf("ParseAmount(%q) = %v, %v; want %v", tc.in, got, err, tc.want)
			}
			continue
		}
		field, bare := SplitField(err)
		var e *Error
		if err == nil || field != "amount" || !asError(bare, &e) || e.Key != tc.err {
			t.Errorf("ParseAmount(%q) = %v, %v; want a fault %s on amount", tc.in, got, err, tc.err)
		}
	}
}

func asError(err error, e **Error) bool {
	x, ok := err.(*Error)
	*e = x
	return ok
}

// Every amount written in any of the forms a spreadsheet holds reads back
// as itself.
func TestParseAmountForms(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		c := Cents(rapid.Int64Range(0, int64(maxCents)).Draw(t, "cents"))
		forms := []string{
			c.String(),
			strings.Replace(c.String(), ".", ",", 1),
			c.Format(' ', ','),
			c.Format('\u202f', ','),
			c.Format('\u00a0', ','),
			c.Format('.', ','),
			c.Format(',', '.'),
		}
		for _, f := range forms {
			got, err := ParseAmount(f)
			if err != nil || got != c {
				t.Fatalf("ParseAmount(%q) = %v, %v; want %v", f, got, err, c)
			}
		}
	})
}

// Nothing a user types makes ParseAmount fail other than with a fault on
// the amount, or read a negative amount.
func TestParseAmountAnything(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		s := rapid.StringOf(rapid.RuneFrom([]rune("0123456789 ,.-\u202f\u00a0٫٬٣DHdh"))).Draw(t, "s")
		c, err := ParseAmount(s)
		if err != nil {
			if f, _ := SplitField(err); f != "amount" {
				t.Fatalf("ParseAmount(%q): %v does not name the amount", s, err)
			}
			return
		}
		if c < 0 {
			t.Fatalf("ParseAmount(%q) = %v", s, c)
		}
		if _, err := ParseAmount(fmt.Sprint(c)); err != nil {
			t.Fatalf("%v does not read back: %v", c, err)
		}
	})
}
