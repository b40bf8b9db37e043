package i18n

import (
	"fmt"
	"regexp"
	"slices"
	"sort"
	"strconv"
	"strings"
	"sync"
)

// verbRe finds the fmt verbs of a message; compiled on first use, as only
// the catalog's tests check messages.
var verbRe = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`%[-+# 0-9.]*[a-zA-Z%]`) })

// Problems lists every registered message that lacks a language or whose
// translations do not take the same arguments.
func Problems() []string {
	loadAllLazy()
	mu.RLock()
	out := check(catalog)
	mu.RUnlock()
	countedMu.RLock()
	keys := make([]string, 0, len(counted))
	for k := range counted {
		keys = append(keys, k)
	}
	countedMu.RUnlock()
	for _, k := range keys {
		out = append(out, checkCounted(k)...)
	}
	sort.Strings(out)
	return out
}

// argRe finds the verbs of a format with their explicit argument index;
// compiled on first use, like verbRe.
var argRe = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`%(?:\[(\d+)\])?[-+# 0-9.]*([a-zA-Z%])`) })

// arguments maps each argument index (from 0) a format uses to its verb,
// counting as fmt does: an explicit [n] moves the index.
func arguments(format string, into map[int]byte) {
	next := 0
	for _, m := range argRe().FindAllStringSubmatch(format, -1) {
		if m[2] == "%" {
			continue
		}
		if m[1] != "" {
			n, _ := strconv.Atoi(m[1])
			next = n - 1
		}
		into[next] = m[2][0]
		next++
	}
}

// checkCounted formats a counted message in every language with counts of
// every Arabic plural category and reports the forms that come out empty or
// with a fmt error, and the languages whose Other form leaves out an
// argument that another language uses.
func checkCounted(key string) []string {
	countedMu.RLock()
	c := counted[key]
	countedMu.RUnlock()
	if c.Arg < 1 {
		return []string{fmt.Sprintf("%s: Arg is %d, want the position of the count from 1", key, c.Arg)}
	}
	used := map[int]byte{}
	perLang := map[string]map[int]byte{}
	for _, lang := range Languages {
		f := c.in(lang)
		for _, form := range []string{f.Zero, f.One, f.Two, f.Few, f.Many, f.Other} {
			arguments(form, used)
		}
		perLang[lang] = map[int]byte{}
		arguments(f.Other, perLang[lang])
	}
	n := c.Arg
	for i := range used {
		n = max(n, i+1)
	}
	args := make([]any, n)
	for i := range args {
		switch used[i] {
		case 'd':
			args[i] = 7
		case 'f', 'g', 'e':
			args[i] = 1.5
		default:
			args[i] = "x"
		}
	}
	var out []string
	for _, lang := range Languages {
		for i := range used {
			if _, ok := perLang[lang][i]; !ok && i != c.Arg-1 {
				out = append(out, fmt.Sprintf("%s: %s Other form leaves out argument %d", key, lang, i+1))
			}
		}
		for _, count := range []int{0, 1, 2, 3, 11, 100, 101} {
			args[c.Arg-1] = count
			s := sprintCounted(lang, key, args)
			if s == "" || strings.Contains(s, "%!") {
				out = append(out, fmt.Sprintf("%s: %s with count %d gives %q", key, lang, count, s))
			}
		}
	}
	return out
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
