package search

import (
	"strings"
	"unicode/utf8"
)

// Terms returns the index terms for one word: the normalized word itself
// plus its light stem, so that an exact hit and a morphological hit are
// both possible and a ranker can prefer the former.
//
// For Arabic the stem follows Lucene's ArabicStemmer (Larkey's light
// stemming), the de facto reference that users of other search tools will
// expect. SPEC §8 adds one thing Lucene lacks: a leading ب ل ك ف و is also
// stripped when three or more letters remain, and both forms are indexed,
// because Moroccan place names and nouns are often glued to a preposition
// (بصفرو, لفاس) and Lucene never removes a bare ب/ل/ك. The stem of that
// stripped form is kept only when it still has three letters, otherwise
// بلدية would index لد and be found by every لدى.
//
// For French and English the stem only removes a plural ending (-s,
// -aux → -al, -eaux → -eau): enough for "conseils régionaux" to meet "conseil régional"
// without the surprises of an aggressive stemmer. Numbers are kept as is.
//
// The argument is normalized first, so callers may pass raw text; if it
// holds several words the terms of all of them are returned.
func Terms(word string) []string {
	var out []string
	for _, t := range Tokens(word) {
		out = append(out, terms(t)...)
	}
	return dedup(out)
}

// QueryTerms returns the alternatives a query word matches: a document
// matches the word if it holds any of them. The stem comes first because
// it is the key that makes الاتفاقية, اتفاقيات, إتفاقية and والاتفاقية meet;
// the word itself and its preposition-stripped forms follow, so the query
// side mirrors exactly what Terms indexes and بصفرو finds صفرو as well as
// the other way round.
func QueryTerms(word string) []string {
	var out []string
	for _, t := range Tokens(word) {
		out = append(out, stem(t))
		out = append(out, terms(t)...)
	}
	return dedup(out)
}

// Analyze turns a field's text into its index terms. Duplicates are kept
// on purpose so the indexer can count term frequency for ranking.
func Analyze(s string) []string {
	toks := Tokens(s)
	out := make([]string, 0, 2*len(toks))
	for _, t := range toks {
		out = append(out, terms(t)...)
	}
	return out
}

// terms is Terms for a token already produced by Tokens; Analyze uses it
// directly to avoid normalizing twice.
func terms(w string) []string {
	if w == "" {
		return nil
	}
	first, _ := utf8.DecodeRuneInString(w)
	switch classOf(first) {
	case classDigit:
		return []string{w}
	case classArabic:
		return arabicTerms(w)
	}
	if s := latinStem(w); s != w {
		return []string{w, s}
	}
	return []string{w}
}

// stem is the main key of a normalized token: the one form every
// inflection of the word is expected to share.
func stem(w string) string {
	if w == "" {
		return w
	}
	first, _ := utf8.DecodeRuneInString(w)
	switch classOf(first) {
	case classDigit:
		return w
	case classArabic:
		return string(lightStem([]rune(w)))
	}
	return latinStem(w)
}

func arabicTerms(w string) []string {
	rs := []rune(w)
	out := make([]string, 1, 4)
	out[0] = w
	if st := string(lightStem(rs)); st != w {
		out = append(out, st)
	}
	if len(rs)-1 >= 3 && isOneLetterPrefix(rs[0]) {
		rest := rs[1:]
		out = appendNew(out, string(rest))
		if st := lightStem(rest); len(st) >= 3 {
			out = appendNew(out, string(st))
		}
	}
	return out
}

// isOneLetterPrefix reports the proclitics SPEC §8 strips on top of Lucene:
// bi-, li-, ka-, fa-, wa-.
func isOneLetterPrefix(r rune) bool {
	switch r {
	case 'ب', 'ل', 'ك', 'ف', 'و':
		return true
	}
	return false
}

// Lucene ArabicStemmer tables, in Lucene's order; the order matters because
// only the first matching prefix is removed and suffixes are tried once each
// in sequence. ة has already become ه by the time stemming runs, so the ة
// forms are kept only for fidelity with the reference.
var (
	arPrefixes = [][]rune{
		[]rune("ال"), []rune("وال"), []rune("بال"), []rune("كال"),
		[]rune("فال"), []rune("لل"), []rune("و"),
	}
	arSuffixes = [][]rune{
		[]rune("ها"), []rune("ان"), []rune("ات"), []rune("ون"), []rune("ين"),
		[]rune("يه"), []rune("ية"), []rune("ه"), []rune("ة"), []rune("ي"),
	}
)

// lightStem is Lucene's ArabicStemmer.stem on a normalized word. It returns
// a subslice of w.
func lightStem(w []rune) []rune {
	for _, p := range arPrefixes {
		if len(p) == 1 && len(w) < 4 {
			continue // bare wa- needs a word of four letters
		}
		if len(w) < len(p)+2 {
			continue
		}
		if hasPrefix(w, p) {
			w = w[len(p):]
			break
		}
	}
	for _, s := range arSuffixes {
		if len(w) >= len(s)+2 && hasSuffix(w, s) {
			w = w[:len(w)-len(s)]
		}
	}
	return w
}

func hasPrefix(w, p []rune) bool {
	for i, r := range p {
		if w[i] != r {
			return false
		}
	}
	return true
}

func hasSuffix(w, s []rune) bool {
	off := len(w) - len(s)
	for i, r := range s {
		if w[off+i] != r {
			return false
		}
	}
	return true
}

// latinStem removes a plural ending and nothing else. Rules, first match
// wins, each leaving at least three letters:
//
//	-eaux → -eau   (bureaux → bureau)
//	-aux  → -al    (régionaux → regional, journaux → journal)
//	-s    → ""     unless -ss (decisions → decision, but class stays)
//
// Anything cleverer starts to hurt: English -ies → -y would split French
// catégories from catégorie, and gender or verb endings merge unrelated
// words. Words too short to be plurals (bus, taux, prix) are left alone.
func latinStem(w string) string {
	n := utf8.RuneCountInString(w)
	switch {
	case n >= 4 && strings.HasSuffix(w, "eaux"):
		return w[:len(w)-1]
	case n >= 5 && strings.HasSuffix(w, "aux"):
		return w[:len(w)-3] + "al"
	case n >= 4 && strings.HasSuffix(w, "s") && !strings.HasSuffix(w, "ss"):
		return w[:len(w)-1]
	}
	return w
}

func appendNew(out []string, s string) []string {
	for _, o := range out {
		if o == s {
			return out
		}
	}
	return append(out, s)
}

func dedup(in []string) []string {
	if len(in) < 2 {
		return in
	}
	out := in[:0:0]
	for _, s := range in {
		out = appendNew(out, s)
	}
	return out
}
