package model

import (
	"fmt"
	"strconv"
	"strings"
)

// Cents is an exact amount in centimes: budgets never touch floats.
type Cents int64

// maxCents bounds amounts far above any chamber budget so sums cannot overflow.
const maxCents = Cents(1e15)

// ParseCents reads "4800000.00", "4800000", "4 800 000,50" or "-12.5".
func ParseCents(s string) (Cents, error) {
	t := strings.NewReplacer(" ", "", "\u00a0", "", "\u202f", "", "_", "").Replace(strings.TrimSpace(s))
	t = strings.Replace(t, ",", ".", 1)
	neg := strings.HasPrefix(t, "-")
	t = strings.TrimPrefix(t, "-")
	whole, frac, hasFrac := strings.Cut(t, ".")
	if whole == "" || (hasFrac && (frac == "" || len(frac) > 2)) || !digits(whole) || !digits(frac) {
		return 0, fmt.Errorf("%q is not an amount with at most two decimals", s)
	}
	for len(frac) < 2 {
		frac += "0"
	}
	w, err := strconv.ParseInt(whole, 10, 64)
	if err != nil || Cents(w) > maxCents/100 {
		return 0, fmt.Errorf("%q is too large", s)
	}
	f, _ := strconv.ParseInt(frac, 10, 64)
	c := Cents(w*100 + f)
	if neg {
		c = -c
	}
	return c, nil
}

func digits(s string) bool {
	for _, r := range s {
		if r < '0' || r > '9' {
			return false
		}
	}
	return true
}

// String writes the amount as "4800000.00", the form files and JSON use.
func (c Cents) String() string {
	sign := ""
	if c < 0 {
		sign, c = "-", -c
	}
	return fmt.Sprintf("%s%d.%02d", sign, c/100, c%100)
}

// Format writes the amount grouped by thousands with the given separators,
// e.g. Format(' ', ',') gives "1 234 567,89".
func (c Cents) Format(group, decimal rune) string {
	s := c.String()
	sign := ""
	if strings.HasPrefix(s, "-") {
		sign, s = "-", s[1:]
	}
	whole, frac, _ := strings.Cut(s, ".")
	var b strings.Builder
	for i, r := range whole {
		if i > 0 && (len(whole)-i)%3 == 0 {
			b.WriteRune(group)
		}
		b.WriteRune(r)
	}
	return sign + b.String() + string(decimal) + frac
}

// MarshalJSON writes the amount as a JSON number with two decimals, exact.
func (c Cents) MarshalJSON() ([]byte, error) { return []byte(c.String()), nil }

// UnmarshalJSON reads a JSON number or string amount.
func (c *Cents) UnmarshalJSON(b []byte) error {
	v, err := ParseCents(strings.Trim(string(b), `"`))
	if err != nil {
		return err
	}
	*c = v
	return nil
}
