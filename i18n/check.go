package i18n

import (
	"fmt"
	"regexp"
	"slices"
	"sort"
	"sync"
)

// verbRe finds the fmt verbs of a message; compiled on first use, as only
// the catalog's tests check messages.
var verbRe = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`%[-+# 0-9.]*[a-zA-Z%]`) })

// Problems lists every registered message that lacks a language or whose
// translations do not take the same arguments.
func Problems() []string {
	mu.RLock()
	defer mu.RUnlock()
	return check(catalog)
}

func check(c map[string]Text) []string {
	var out []string
	for k, t := range c {
		if t.En == "" || t.Fr == "" || t.Ar == "" {
			out = append(out, fmt.Sprintf("%s: missing a language (en %q, fr %q, ar %q)", k, t.En, t.Fr, t.Ar))
			continue
		}
		en := verbRe().FindAllString(t.En, -1)
		if !slices.Equal(en, verbRe().FindAllString(t.Fr, -1)) || !slices.Equal(en, verbRe().FindAllString(t.Ar, -1)) {
			out = append(out, fmt.Sprintf("%s: translations take different arguments", k))
		}
	}
	sort.Strings(out)
	return out
}

// TB is the part of testing.TB that CheckCatalog needs, so this package does
// not import testing into the binary.
type TB interface {
	Helper()
	Errorf(format string, args ...any)
}

// CheckCatalog reports every catalog problem on t.
func CheckCatalog(t TB) {
	t.Helper()
	for _, p := range Problems() {
		t.Errorf("i18n: %s", p)
	}
}
