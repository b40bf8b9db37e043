package i18n

import (
	"slices"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
)

// isolated gives the test an empty catalog, and gives the package's back
// when the test ends.
func isolated(t *testing.T) {
	mu.Lock()
	lazyMu.Lock()
	saved, savedLazy, savedPending := catalog, lazy, pending.Load()
	catalog, lazy = map[string]Text{}, map[string]func() map[string]Text{}
	pending.Store(0)
	lazyMu.Unlock()
	mu.Unlock()
	t.Cleanup(func() {
		mu.Lock()
		lazyMu.Lock()
		catalog, lazy = saved, savedLazy
		pending.Store(savedPending)
		lazyMu.Unlock()
		mu.Unlock()
	})
}

// A lazy catalog is built once, on the first lookup of one of its keys,
// and not before; every lookup then finds its keys, T, Lookup and Keys
// alike.
func TestLazyCatalogIsBuiltOnFirstLookup(t *testing.T) {
	isolated(t)
	var built atomic.Int32
	RegisterLazy("lazytest.first.", func() map[string]Text {
		built.Add(1)
		return map[string]Text{"lazytest.first.hello": {En: "hello %s", Fr: "bonjour %s", Ar: "مرحبا %s"}}
	})
	T("en", "lazytest.other")
	if _, ok := Lookup("lazytest.firstx"); ok || built.Load() != 0 {
		t.Fatalf("built %d times before a key of its prefix was looked up", built.Load())
	}
	if got := T("fr", "lazytest.first.hello", "Fès"); got != "bonjour Fès" {
		t.Errorf("T = %q", got)
	}
	if tx, ok := Lookup("lazytest.first.hello"); !ok || tx.Ar != "مرحبا %s" {
		t.Errorf("Lookup = %v, %v", tx, ok)
	}
	if !slices.Contains(Keys(), "lazytest.first.hello") {
		t.Error("Keys lacks the lazy key")
	}
	if n := built.Load(); n != 1 {
		t.Errorf("built %d times", n)
	}
}

// Keys and Problems list the keys of lazy catalogs no one looked up.
func TestLazyCatalogIsListed(t *testing.T) {
	isolated(t)
	RegisterLazy("lazytest.listed.", func() map[string]Text {
		return map[string]Text{"lazytest.listed.a": {En: "a %d", Fr: "a", Ar: "a %d"}}
	})
	if !slices.Contains(Keys(), "lazytest.listed.a") {
		t.Error("Keys lacks a lazy key never looked up")
	}
	if !slices.ContainsFunc(Problems(), func(p string) bool { return strings.Contains(p, "lazytest.listed.a") }) {
		t.Errorf("Problems does not check the lazy catalog: %v", Problems())
	}
}

// Lookups racing on a lazy catalog's first use all find its text: none
// sees the raw key while another builds it.
func TestLazyCatalogRace(t *testing.T) {
	isolated(t)
	RegisterLazy("lazytest.race.", func() map[string]Text {
		c := map[string]Text{}
		for _, k := range []string{"a", "b", "c", "d"} {
			c["lazytest.race."+k] = Text{En: k + "!", Fr: k + "!", Ar: k + "!"}
		}
		return c
	})
	var wg sync.WaitGroup
	start := make(chan struct{})
	for i := range 16 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			<-start
			k := string(rune('a' + i%4))
			if got := T("en", "lazytest.race."+k); got != k+"!" {
				t.Errorf("T = %q, want %q", got, k+"!")
			}
		}()
	}
	close(start)
	wg.Wait()
}

// A lazy catalog with a key outside its prefix, or a key registered
// already, panics when it is added, as Register does.
func TestLazyCatalogChecksItsKeys(t *testing.T) {
	isolated(t)
	Register(map[string]Text{"lazytest.dup.x": {En: "x", Fr: "x", Ar: "x"}})
	for name, c := range map[string]map[string]Text{
		"lazytest.dup.":    {"lazytest.dup.x": {En: "y", Fr: "y", Ar: "y"}},
		"lazytest.prefix.": {"elsewhere.x": {En: "y", Fr: "y", Ar: "y"}},
	} {
		RegisterLazy(name, func() map[string]Text { return c })
		func() {
			defer func() {
				if recover() == nil {
					t.Errorf("%s: no panic", name)
				}
			}()
			T("en", name+"y")
		}()
	}
}

// A lazy catalog may register counted messages as it is built (the
// report's nouns): the first T or Lookup of one finds it.
func TestLazyCatalogWithCountedMessages(t *testing.T) {
	isolated(t)
	countedMu.Lock()
	savedCounted := counted
	counted = map[string]Counted{}
	countedMu.Unlock()
	t.Cleanup(func() {
		countedMu.Lock()
		counted = savedCounted
		countedMu.Unlock()
	})
	build := func() map[string]Text {
		RegisterCounted(map[string]Counted{"lazytest.counted.n": {Arg: 1,
			En: Forms{One: "%d member", Other: "%d members"}, Fr: Forms{One: "%d membre", Other: "%d membres"},
			Ar: Forms{One: "عضو واحد", Two: "عضوان", Few: "%d أعضاء", Many: "%d عضوا", Other: "%d عضو"}}})
		return map[string]Text{}
	}
	RegisterLazy("lazytest.counted.", build)
	if got := T("en", "lazytest.counted.n", 2); got != "2 members" {
		t.Errorf("T = %q", got)
	}
	RegisterLazy("lazytest.counted2.", func() map[string]Text {
		RegisterCounted(map[string]Counted{"lazytest.counted2.n": {Arg: 1,
			En: Forms{Other: "%d x"}, Fr: Forms{Other: "%d x"}, Ar: Forms{Other: "%d x"}}})
		return map[string]Text{}
	})
	if tx, ok := Lookup("lazytest.counted2.n"); !ok || tx.En != "%d x" {
		t.Errorf("Lookup = %v, %v", tx, ok)
	}
}
