package i18n

import (
	"strings"
	"sync"
	"sync/atomic"
)

// lazyMu guards lazy, and is held while a lazy catalog is built, so that a
// lookup waits for the catalog it needs rather than missing it; pending
// counts the catalogs not added yet, so that once all are, a lookup of an
// unknown key does not take the lock.
var (
	lazyMu  sync.Mutex
	lazy    = map[string]func() map[string]Text{}
	pending atomic.Int32
)

// RegisterLazy registers a catalog whose keys all start with prefix (such
// as "report."), built by build and added to the catalog when a key with
// that prefix is first looked up, or when every key is listed (Keys,
// Problems): the wording of a package that most runs never print costs
// them nothing at start. A key registered twice panics when the catalog is
// added, as with Register.
func RegisterLazy(prefix string, build func() map[string]Text) {
	lazyMu.Lock()
	defer lazyMu.Unlock()
	if _, dup := lazy[prefix]; dup || prefix == "" {
		panic("i18n: lazy catalog registered twice or without a prefix: " + prefix)
	}
	lazy[prefix] = build
	pending.Add(1)
}

// loadLazy adds the lazy catalog whose prefix key has, if it is not added
// yet; it returns once any catalog that could hold key is in place.
func loadLazy(key string) {
	if pending.Load() == 0 {
		return
	}
	lazyMu.Lock()
	defer lazyMu.Unlock()
	for prefix, build := range lazy {
		if strings.HasPrefix(key, prefix) {
			addLazy(prefix, build)
		}
	}
}

// loadAllLazy adds every lazy catalog not added yet.
func loadAllLazy() {
	if pending.Load() == 0 {
		return
	}
	lazyMu.Lock()
	defer lazyMu.Unlock()
	for prefix, build := range lazy {
		addLazy(prefix, build)
	}
}

// addLazy builds a lazy catalog and adds it; lazyMu is held.
func addLazy(prefix string, build func() map[string]Text) {
	delete(lazy, prefix)
	c := build()
	countedMu.RLock()
	for k := range c {
		if _, dup := counted[k]; dup {
			countedMu.RUnlock()
			panic("i18n: key registered twice: " + k)
		}
		if !strings.HasPrefix(k, prefix) {
			countedMu.RUnlock()
			panic("i18n: key " + k + " of the lazy catalog " + prefix + " lacks its prefix")
		}
	}
	countedMu.RUnlock()
	Register(c)
	// Only now may a lookup skip the lock: the keys are in the catalog.
	pending.Add(-1)
}
