package i18n

import (
	"fmt"
	"reflect"
	"sync"

	"golang.org/x/text/feature/plural"
	"golang.org/x/text/language"
	"golang.org/x/text/message"
	xcatalog "golang.org/x/text/message/catalog"
)

// Forms are the wordings of a counted message in one language, one per CLDR
// plural category. Arabic has all six: zero (0), one (1), two (2), few (3–10,
// 103–110…), many (11–99, 111–199…) and other (100, 101, 102…); French and
// English have one and other (French "one" is 0 and 1), and Zero there
// stands for the exact count 0. Only Other is required: an empty form falls
// back to it. A form may leave an argument out ("مقرران", "no decision");
// it then writes the others with explicit indexes (%[2]s), which also tells
// fmt that the one left out is not extra.
type Forms struct{ Zero, One, Two, Few, Many, Other string }

// Counted is a message whose wording depends on a count, such as
// "%d decisions": «مقرر واحد», «مقرران», «3 مقررات», «11 مقررا», «100 مقرر».
// Arg is the position of the count among the arguments, from 1. T formats
// it like any message; the count and other numbers are written with plain
// Western digits, as everywhere in jalsa.
type Counted struct {
	Arg        int
	En, Fr, Ar Forms
}

var (
	countedMu sync.RWMutex
	counted   = map[string]Counted{}
	// plurals holds the counted messages as golang.org/x/text plural
	// selections, which pick the form by the language's CLDR rules.
	plurals  = xcatalog.NewBuilder()
	printers sync.Map // lang → *message.Printer
	// selected holds the keys whose selections plurals has. A selection is
	// built when its message is first printed, not when it is registered:
	// every process registers all the messages at start, and a command
	// prints a few.
	selected sync.Map // key → struct{}
)

// categories are the plural categories each language has in CLDR; a
// selection that names any other one makes x/text print nothing at all.
var categories = map[string][]string{
	"ar": {"zero", "one", "two", "few", "many", "other"},
	"fr": {"one", "other"},
	"en": {"one", "other"},
}

// tags are the CLDR languages whose plural rules apply.
var tags = map[string]language.Tag{"ar": language.Arabic, "fr": language.French, "en": language.English}

// RegisterCounted adds counted messages to the catalog; like Register, it
// panics on a key registered twice (in either catalog) and on a form that
// names a category the language does not have, since x/text would then
// print an empty string.
func RegisterCounted(c map[string]Counted) {
	mu.Lock()
	defer mu.Unlock()
	countedMu.Lock()
	defer countedMu.Unlock()
	for k, v := range c {
		if _, dup := catalog[k]; dup {
			panic("i18n: key registered twice: " + k)
		}
		if _, dup := counted[k]; dup {
			panic("i18n: key registered twice: " + k)
		}
		for _, lang := range Languages {
			if _, err := v.selectors(lang); err != nil {
				panic("i18n: " + k + ": " + err.Error())
			}
		}
		counted[k] = v
	}
}

// in returns the forms of lang.
func (c Counted) in(lang string) Forms {
	switch lang {
	case "ar":
		return c.Ar
	case "fr":
		return c.Fr
	}
	return c.En
}

// selectors turns the forms of lang into plural.Selectf cases, refusing a
// category the language lacks and a missing Other.
func (c Counted) selectors(lang string) ([]any, error) {
	f := c.in(lang)
	if f.Other == "" {
		return nil, fmt.Errorf("%s has no Other form", lang)
	}
	var cases []any
	if f.Zero != "" {
		cases = append(cases, "=0", f.Zero)
	}
	for _, cf := range []struct{ cat, text string }{{"one", f.One}, {"two", f.Two}, {"few", f.Few}, {"many", f.Many}} {
		if cf.text == "" {
			continue
		}
		if !has(categories[lang], cf.cat) {
			return nil, fmt.Errorf("%s has no plural category %q (it has %v)", lang, cf.cat, categories[lang])
		}
		cases = append(cases, cf.cat, cf.text)
	}
	return append(cases, "other", f.Other), nil
}

func has(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

// sprintCounted formats a counted message. x/text picks the form; the
// arguments are wrapped so that its printer, which would write ١٢ or 1,234
// by locale, writes numbers as fmt does.
func sprintCounted(lang, key string, args []any) string {
	if _, ok := tags[lang]; !ok {
		lang = "en"
	}
	if _, ok := selected.Load(key); !ok {
		countedMu.RLock()
		c := counted[key]
		countedMu.RUnlock()
		for _, l := range Languages {
			cases, _ := c.selectors(l) // checked by RegisterCounted
			if err := plurals.Set(tags[l], key, plural.Selectf(c.Arg, "%d", cases...)); err != nil {
				panic("i18n: " + key + ": " + err.Error())
			}
		}
		selected.Store(key, struct{}{})
	}
	p, ok := printers.Load(lang)
	if !ok {
		p, _ = printers.LoadOrStore(lang, message.NewPrinter(tags[lang], message.Catalog(plurals)))
	}
	wrapped := make([]any, len(args))
	for i, a := range args {
		wrapped[i] = plain(a)
	}
	return p.(*message.Printer).Sprintf(key, wrapped...)
}

// plain wraps a number so that x/text's printer neither translates its
// digits nor groups them; other values are returned as they are.
func plain(a any) any {
	v := reflect.ValueOf(a)
	switch v.Kind() {
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
		return count(v.Int())
	case reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64:
		return count(v.Uint())
	case reflect.Float32, reflect.Float64:
		return fmtValue{a}
	}
	return a
}

// count is an integer argument of a counted message: x/text selects the
// plural form from it (plural.Interface) and fmt prints it.
type count int64

// Format prints the count as fmt prints an int64.
func (c count) Format(f fmt.State, verb rune) { fmt.Fprintf(f, fmt.FormatString(f, verb), int64(c)) }

// PluralForm implements plural.Interface with the CLDR cardinal rules.
func (c count) PluralForm(t language.Tag, _ int) (plural.Form, int) {
	n := int64(c)
	if n < 0 {
		n = -n
	}
	i := int(n % 10_000_000) // the rules look at the last digits only
	return plural.Cardinal.MatchPlural(t, i, 0, 0, 0, 0), i
}

// fmtValue prints any value as fmt would.
type fmtValue struct{ v any }

func (f fmtValue) Format(s fmt.State, verb rune) { fmt.Fprintf(s, fmt.FormatString(s, verb), f.v) }

// LookupCounted returns the counted message key (RegisterCounted), with
// all its forms.
func LookupCounted(key string) (Counted, bool) {
	loadLazy(key)
	countedMu.RLock()
	defer countedMu.RUnlock()
	c, ok := counted[key]
	return c, ok
}

// IsCounted reports whether key is a counted message (RegisterCounted).
func IsCounted(key string) bool {
	loadLazy(key)
	countedMu.RLock()
	defer countedMu.RUnlock()
	_, ok := counted[key]
	return ok
}
