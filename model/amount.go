package model

import (
	"strings"
	"unicode"

	"github.com/jalsa-app/jalsa/i18n"
)

// ParseAmount reads an amount as a treasurer writes it in a spreadsheet:
// "1 234 567,89", "1234567,89", "1234567.89", "1.234.567,89" or
// "1,234,567.89"; digits grouped by spaces, no-break spaces (U+00A0,
// U+202F), thin spaces or the Arabic thousands separator; Arabic-Indic
// digits and the Arabic decimal separator; a currency (DH, MAD, درهم)
// before or after. A separator that could be either ("1,234": a thousand,
// or one and a fraction?) is refused rather than guessed, as are more than
// two decimals and negative amounts. Faults name the field "amount".
func ParseAmount(s string) (Cents, error) {
	t := amountText(s)
	if t == "" {
		return 0, fieldFault("amount", "amount.empty")
	}
	if strings.HasPrefix(t, "-") {
		return 0, fieldFault("amount", "sessionfile.negative", s)
	}
	// Spaces only ever group digits.
	whole := t
	if strings.ContainsRune(t, ' ') {
		if !grouped(strings.Split(t, " "), true) {
			return 0, fieldFault("amount", "amount.groups", s)
		}
		whole = strings.ReplaceAll(t, " ", "")
	}
	intPart, frac, err := splitDecimal(whole, s)
	if err != nil {
		return 0, err
	}
	if len(frac) > 2 {
		return 0, fieldFault("amount", "amount.decimals", s)
	}
	text := intPart
	if frac != "" {
		text += "." + frac
	}
	c, perr := ParseCents(text)
	if perr != nil || c > maxCents {
		if allDigits(intPart) && (frac == "" || allDigits(frac)) {
			return 0, fieldFault("amount", "sessionfile.amount_large", s)
		}
		return 0, fieldFault("amount", "amount.format", s)
	}
	return c, nil
}

// amountText maps an amount's digits and separators to ASCII, its group
// spaces to " ", and drops a currency and the spaces around.
func amountText(s string) string {
	var b strings.Builder
	for _, r := range strings.TrimSpace(s) {
		switch {
		case r >= '٠' && r <= '٩':
			b.WriteRune('0' + r - '٠')
		case r >= '۰' && r <= '۹':
			b.WriteRune('0' + r - '۰')
		case r == '٫':
			b.WriteRune(',')
		case r == '٬' || r == '\'' || r == '’':
			b.WriteRune(' ')
		case r == '−':
			b.WriteRune('-')
		case unicode.IsSpace(r) || r == '\u202f' || r == '\u00a0':
			b.WriteRune(' ')
		default:
			b.WriteRune(r)
		}
	}
	t := b.String()
	for _, cur := range []string{"درهم", "dhs", "dh", "mad"} {
		lower := strings.ToLower(t)
		if strings.HasSuffix(lower, cur) {
			t = t[:len(t)-len(cur)]
		} else if strings.HasPrefix(lower, cur) {
			t = t[len(cur):]
		}
	}
	return strings.Join(strings.Fields(t), " ")
}

// splitDecimal splits an amount without spaces into its whole digits and
// its decimals, telling grouping commas or points from the decimal one.
func splitDecimal(t, orig string) (whole, frac string, err error) {
	dots, commas := strings.Count(t, "."), strings.Count(t, ",")
	var group, dec string
	switch {
	case dots > 0 && commas > 0:
		// The last separator is the decimal one.
		if strings.LastIndex(t, ".") > strings.LastIndex(t, ",") {
			group, dec = ",", "."
		} else {
			group, dec = ".", ","
		}
		if strings.Count(t, dec) > 1 {
			return "", "", fieldFault("amount", "amount.format", orig)
		}
	case dots+commas == 0:
		return t, "", checkDigits(t, orig)
	case dots > 1 || commas > 1:
		group = "."
		if commas > 1 {
			group = ","
		}
	default:
		dec = "."
		if commas == 1 {
			dec = ","
		}
		if _, after, _ := strings.Cut(t, dec); len(after) == 3 && allDigits(after) {
			return "", "", fieldFault("amount", "amount.ambiguous", orig, dec)
		}
	}
	whole = t
	if dec != "" {
		whole, frac, _ = strings.Cut(t, dec)
		if frac == "" {
			return "", "", fieldFault("amount", "amount.format", orig)
		}
	}
	if group != "" {
		if !grouped(strings.Split(whole, group), false) {
			return "", "", fieldFault("amount", "amount.groups", orig)
		}
		whole = strings.ReplaceAll(whole, group, "")
	}
	if err := checkDigits(whole, orig); err != nil {
		return "", "", err
	}
	if frac != "" && !allDigits(frac) {
		return "", "", fieldFault("amount", "amount.format", orig)
	}
	return whole, frac, nil
}

func checkDigits(s, orig string) error {
	if !allDigits(s) {
		return fieldFault("amount", "amount.format", orig)
	}
	return nil
}

// grouped reports whether groups are digits grouped by three: the first 1
// to 3 digits, each other exactly 3. With lastFree, the last group may go on
// with a decimal part ("567,89").
func grouped(groups []string, lastFree bool) bool {
	for i, g := range groups {
		digits := g
		if lastFree && i == len(groups)-1 {
			digits = strings.TrimLeft(g, "0123456789")
			digits = g[:len(g)-len(digits)]
		}
		if !allDigits(digits) || (i == 0 && len(digits) > 3) || (i > 0 && len(digits) != 3) {
			return false
		}
	}
	return true
}

func init() {
	i18n.Register(map[string]i18n.Text{
		"amount.empty":     {En: "no amount", Fr: "aucun montant", Ar: "لا يوجد مبلغ"},
		"amount.format":    {En: "%q is not an amount: write it as 1234567,89, 1 234 567,89 or 1234567.89", Fr: "%q n'est pas un montant : écrivez-le 1234567,89, 1 234 567,89 ou 1234567.89", Ar: "%q ليس مبلغا: اكتبه على شكل 1234567,89 أو 1 234 567,89 أو 1234567.89"},
		"amount.groups":    {En: "%q: digits are grouped by three (1 234 567,89)", Fr: "%q : les chiffres se groupent par trois (1 234 567,89)", Ar: "%q: تجمع الأرقام ثلاثة ثلاثة (1 234 567,89)"},
		"amount.decimals":  {En: "%q has more than two decimals", Fr: "%q a plus de deux décimales", Ar: "%q فيه أكثر من رقمين عشريين"},
		"amount.ambiguous": {En: "%q is ambiguous: is %q grouping thousands or the decimal separator? Write 1234 or 1,23", Fr: "%q est ambigu : %q sépare-t-il les milliers ou les décimales ? Écrivez 1234 ou 1,23", Ar: "%q ملتبس: هل %q فاصل الآلاف أم الفاصل العشري؟ اكتب 1234 أو 1,23"},
	})
}
