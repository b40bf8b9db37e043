package search

import "unicode/utf8"

// MaxEdits is how many edits a query word may be from a word of the index
// for a lookup that finds little to try it instead: none below four
// letters, where one edit makes another word; one up to seven; two from
// eight, where two slips are common and still leave the word recognisable.
func MaxEdits(word string) int {
	switch n := utf8.RuneCountInString(word); {
	case n < 4:
		return 0
	case n < 8:
		return 1
	}
	return 2
}

// Distance is the optimal string alignment distance between a and b, in
// letters: insertions, deletions, substitutions and transpositions of two
// neighbours (reglment, النضام, الميزنية are each one edit from the word
// meant). It stops counting past max and returns max+1.
func Distance(a, b string, max int) int {
	ra, rb := []rune(a), []rune(b)
	if d := len(ra) - len(rb); d > max || -d > max {
		return max + 1
	}
	// Three rows: the one before the previous is needed for transpositions.
	prev2 := make([]int, len(rb)+1)
	prev := make([]int, len(rb)+1)
	cur := make([]int, len(rb)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(ra); i++ {
		cur[0] = i
		best := cur[0]
		for j := 1; j <= len(rb); j++ {
			cost := 1
			if ra[i-1] == rb[j-1] {
				cost = 0
			}
			v := min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
			if i > 1 && j > 1 && ra[i-1] == rb[j-2] && ra[i-2] == rb[j-1] {
				v = min(v, prev2[j-2]+1)
			}
			cur[j] = v
			best = min(best, v)
		}
		if best > max {
			return max + 1
		}
		prev2, prev, cur = prev, cur, prev2
	}
	return min(prev[len(rb)], max+1)
}

// TypoKey is the form of a word that typos are measured on: its base,
// folded, so that a missing hamza or accent is not counted as a slip.
func TypoKey(tok string) string { return Fold(splitWord(tok).base) }

// Respell is a query word with its base (its letters after any article)
// replaced, the article kept: النضام respelt with نظام is النظام.
func Respell(tok, base string) string {
	w := splitWord(tok)
	return tok[:len(tok)-len(w.base)] + base
}
