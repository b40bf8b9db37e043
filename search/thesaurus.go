package search

import (
	_ "embed"
	"strings"
	"sync"
	"unicode/utf8"
)

// A Thesaurus groups words and names that a clerk means interchangeably:
// the broken plurals Arabic makes by changing the word inside (أفران,
// أفرنة, فرن), the chamber's own synonyms (مجمع, مركب), and the places of
// the region in every script they are written in (فاس, Fès, Fez). A query
// word found in a group also matches the other entries of the group, a
// rank below the word itself; nothing is indexed for it, so a group added
// to a body's file works at once, on every decision already recorded.
//
// The text form is one group a line, entries separated by commas (, or
// the Arabic ،), an entry being one or more words; # starts a comment.
type Thesaurus struct {
	groups [][][]string // group → entry → surface tokens
	// byFirst lists, by the folded base of an entry's first word, the
	// group and entry indexes of the entries starting with it.
	byFirst map[string][][2]int
}

//go:embed thesaurus.txt
var builtinThesaurus string

//go:embed places.txt
var builtinPlaces string

// Builtin is the thesaurus shipped with jalsa: the chamber's vocabulary
// (thesaurus.txt) and the gazetteer of the Fès–Meknès region (places.txt).
var Builtin = sync.OnceValue(func() *Thesaurus { return NewThesaurus(builtinThesaurus, builtinPlaces) })

// NewThesaurus reads groups from texts in the format above. A line that
// holds fewer than two entries says nothing and is skipped, as is text
// that is not UTF-8.
func NewThesaurus(texts ...string) *Thesaurus {
	t := &Thesaurus{byFirst: map[string][][2]int{}}
	for _, text := range texts {
		for _, line := range strings.Split(text, "\n") {
			line, _, _ = strings.Cut(line, "#")
			if !utf8.ValidString(line) {
				continue
			}
			var group [][]string
			for _, e := range strings.FieldsFunc(line, func(r rune) bool { return r == ',' || r == '،' }) {
				if toks := Tokens(e); len(toks) > 0 {
					group = append(group, toks)
				}
			}
			if len(group) >= 2 {
				t.addGroup(group)
			}
		}
	}
	return t
}

func (t *Thesaurus) addGroup(group [][]string) {
	g := len(t.groups)
	t.groups = append(t.groups, group)
	for i, e := range group {
		k := Fold(splitWord(e[0]).base)
		t.byFirst[k] = append(t.byFirst[k], [2]int{g, i})
	}
}

// With is t with the groups of text added: a body's own file.
func (t *Thesaurus) With(text string) *Thesaurus {
	out := NewThesaurus(text)
	for _, g := range t.groups {
		out.addGroup(g)
	}
	return out
}

// Groups is the number of groups, for a report of what a file added.
func (t *Thesaurus) Groups() int { return len(t.groups) }

// Match looks for the longest entry that the query tokens toks start with
// and returns how many tokens it covers and the other entries of its
// groups; n is 0 when toks start with no entry.
func (t *Thesaurus) Match(toks []string) (n int, others [][]string) {
	if t == nil || len(toks) == 0 {
		return 0, nil
	}
	var hits [][2]int
	for _, k := range entryKeys(toks[0]) {
		for _, h := range t.byFirst[k] {
			e := t.groups[h[0]][h[1]]
			if len(e) < n || !entryMatches(e, toks) {
				continue
			}
			if len(e) > n {
				n, hits = len(e), hits[:0]
			}
			hits = append(hits, h)
		}
	}
	seen := map[string]bool{}
	for _, h := range hits {
		seen[entryID(t.groups[h[0]][h[1]])] = true
	}
	for _, h := range hits {
		for _, e := range t.groups[h[0]] {
			if id := entryID(e); !seen[id] {
				seen[id] = true
				others = append(others, e)
			}
		}
	}
	return n, others
}

func entryID(e []string) string {
	f := make([]string, len(e))
	for i, w := range e {
		f[i] = Fold(splitWord(w).base)
	}
	return strings.Join(f, " ")
}

// entryKeys are the folded forms a query word may be listed under: its
// base, and its base without a proclitic (بفاس is ب + فاس).
func entryKeys(tok string) []string {
	w := splitWord(tok)
	keys := []string{Fold(w.base)}
	if w.bare != "" {
		keys = append(keys, Fold(w.bare))
	}
	return keys
}

// entryMatches tells whether toks start with the words of entry e.
func entryMatches(e, toks []string) bool {
	if len(toks) < len(e) {
		return false
	}
	for i, ew := range e {
		eb := splitWord(ew).base
		ok := false
		for _, k := range entryKeys(toks[i]) {
			qw := splitWord(toks[i])
			q := qw.base
			if k != Fold(q) {
				q = qw.bare
			}
			if k == Fold(eb) && Compatible(q, eb) {
				ok = true
				break
			}
		}
		if !ok {
			return false
		}
	}
	return true
}

// Compatible tells whether two surface words with the same fold can be the
// same word: they are not when both spell a letter with a different mark,
// as إفران (Ifrane) and أفران (kilns) do with their hamzas. A letter
// written plain (ا for أ, e for é) is compatible with any of its marked
// forms, since clerks leave marks out far more often than they get them
// wrong.
func Compatible(a, b string) bool {
	if a == b {
		return true
	}
	ra, rb := []rune(a), []rune(b)
	if len(ra) != len(rb) {
		return true
	}
	for i := range ra {
		x, y := ra[i], rb[i]
		if x != y && !isPlain(x) && !isPlain(y) {
			return false
		}
	}
	return true
}

// isPlain tells whether a letter is its own fold.
func isPlain(r rune) bool { return Fold(string(r)) == string(r) }
