// Package i18n holds jalsa's user-facing wording in Arabic, French and
// English. Each package registers its own catalog, so wording lives beside the
// code that uses it while one test checks that nothing lacks a translation.
package i18n

import (
	"fmt"
	"sort"
	"strings"
	"sync"
)

// Languages jalsa speaks, the default first.
var Languages = []string{"en", "fr", "ar"}

// Text is one message in every language. Formats use fmt verbs, and the three
// must take the same arguments in the same order.
type Text struct {
	En, Fr, Ar string
}

// In returns the text in lang, falling back to English.
func (t Text) In(lang string) string {
	switch lang {
	case "ar":
		if t.Ar != "" {
			return t.Ar
		}
	case "fr":
		if t.Fr != "" {
			return t.Fr
		}
	}
	return t.En
}

var (
	mu      sync.RWMutex
	catalog = map[string]Text{}
)

// Register adds messages to the catalog; it panics on a key registered twice,
// since that would silently change some screen's wording.
func Register(c map[string]Text) {
	mu.Lock()
	defer mu.Unlock()
	for k, v := range c {
		if _, dup := catalog[k]; dup {
			panic("i18n: key registered twice: " + k)
		}
		catalog[k] = v
	}
}

// T formats the message key in lang; a counted message (RegisterCounted)
// takes the form its count calls for. An unknown key is returned as is, so
// a missing registration shows up on screen and in the catalog test.
func T(lang, key string, args ...any) string {
	mu.RLock()
	t, ok := catalog[key]
	mu.RUnlock()
	if !ok {
		loadLazy(key)
		mu.RLock()
		t, ok = catalog[key]
		mu.RUnlock()
	}
	if !ok && IsCounted(key) {
		return sprintCounted(lang, key, args)
	}
	if !ok {
		if len(args) == 0 {
			return key
		}
		return key + fmt.Sprint(args...)
	}
	if len(args) == 0 {
		return t.In(lang)
	}
	return fmt.Sprintf(t.In(lang), args...)
}

// Keys returns every registered key, sorted.
func Keys() []string {
	loadAllLazy()
	mu.RLock()
	defer mu.RUnlock()
	countedMu.RLock()
	defer countedMu.RUnlock()
	keys := make([]string, 0, len(catalog)+len(counted))
	for k := range catalog {
		keys = append(keys, k)
	}
	for k := range counted {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys
}

// Lookup returns the registered text of key (for a counted message, its
// Other forms).
func Lookup(key string) (Text, bool) {
	loadLazy(key)
	countedMu.RLock()
	c, ok := counted[key]
	countedMu.RUnlock()
	if ok {
		return Text{En: c.En.Other, Fr: c.Fr.Other, Ar: c.Ar.Other}, true
	}
	mu.RLock()
	defer mu.RUnlock()
	t, ok := catalog[key]
	return t, ok
}

// Lang reduces a language setting such as "ar_MA.UTF-8" or "fr-FR" to one of
// Languages, or "" when it names none of them.
func Lang(s string) string {
	s = strings.ToLower(strings.TrimSpace(s))
	if i := strings.IndexAny(s, "_-.@"); i >= 0 {
		s = s[:i]
	}
	for _, l := range Languages {
		if s == l {
			return l
		}
	}
	return ""
}

// Choose picks the first setting that names a supported language, else "en".
func Choose(settings ...string) string {
	for _, s := range settings {
		if l := Lang(s); l != "" {
			return l
		}
	}
	return "en"
}

// Dir is the text direction of lang, for HTML and layout.
func Dir(lang string) string {
	if lang == "ar" {
		return "rtl"
	}
	return "ltr"
}
