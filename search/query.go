package search

import (
	"strings"
	"unicode/utf8"
)

// Query is a parsed lookup. A decision is meant to match when it matches
// every entry of Words and every entry of Phrases (AND), which is what a
// clerk narrowing a list by typing more words expects.
type Query struct {
	// Words holds, per unquoted query word, the terms it may match
	// (QueryTerms); a document matches the word if it holds any of them.
	Words [][]string
	// Phrases holds, per quoted phrase, its normalized tokens, to be checked
	// with PhraseMatch against a field's Tokens. Phrases are not reduced to
	// terms because word order and adjacency matter for them.
	Phrases [][]string
}

// quotePairs lists the quotes a clerk may type: ASCII, French and Arabic
// guillemets (the same code points in logical order), and the curly quotes
// word processors insert when text is pasted.
var quotePairs = map[rune]rune{
	'"':      '"',
	'«':      '»',
	'“':      '”',
	'„':      '“',
	'\uFF02': '\uFF02', // fullwidth quotation mark
}

// ParseQuery splits q into words and quoted phrases.
//
// An unclosed quote runs to the end of the query, because in a
// search-as-you-type box the closing quote is simply not typed yet. Empty
// phrases are dropped so that a lone quote never filters everything out.
func ParseQuery(q string) Query {
	var query Query
	var plain strings.Builder
	rest := q
	for rest != "" {
		i := strings.IndexFunc(rest, func(r rune) bool { _, ok := quotePairs[r]; return ok })
		if i < 0 {
			plain.WriteString(rest)
			break
		}
		open, size := utf8.DecodeRuneInString(rest[i:])
		plain.WriteString(rest[:i])
		plain.WriteByte(' ') // the quote separates words
		body := rest[i+size:]
		closeQ := quotePairs[open]
		j := strings.IndexFunc(body, func(r rune) bool { return r == closeQ || r == '"' })
		if j < 0 {
			rest = ""
		} else {
			_, csize := utf8.DecodeRuneInString(body[j:])
			rest = body[j+csize:]
			body = body[:j]
		}
		if toks := Tokens(body); len(toks) > 0 {
			query.Phrases = append(query.Phrases, toks)
		}
	}
	for _, t := range Tokens(plain.String()) {
		query.Words = append(query.Words, QueryTerms(t))
	}
	return query
}

// PhraseMatch reports whether phrase occurs as a contiguous run in
// fieldTokens; both are expected to come from Tokens.
//
// Tokens are compared by their terms rather than byte for byte, so that a
// clitic does not break a phrase: «الدورة العادية» matches «للدورة العادية»
// through the shared stem, and «إقليم صفرو» matches «بإقليم صفرو» through the
// preposition-stripped form. An empty phrase matches anything, as with
// strings.Contains.
func PhraseMatch(fieldTokens []string, phrase []string) bool {
	if len(phrase) == 0 {
		return true
	}
	if len(phrase) > len(fieldTokens) {
		return false
	}
	phraseTerms := make([][]string, len(phrase))
	for j, p := range phrase {
		phraseTerms[j] = terms(p)
	}
	fieldTerms := make([][]string, len(fieldTokens)) // filled lazily
	same := func(i, j int) bool {
		if fieldTokens[i] == phrase[j] {
			return true
		}
		if fieldTerms[i] == nil {
			fieldTerms[i] = terms(fieldTokens[i])
		}
		return shareTerm(fieldTerms[i], phraseTerms[j])
	}
	for i := 0; i+len(phrase) <= len(fieldTokens); i++ {
		ok := true
		for j := range phrase {
			if !same(i+j, j) {
				ok = false
				break
			}
		}
		if ok {
			return true
		}
	}
	return false
}

func shareTerm(a, b []string) bool {
	for _, x := range a {
		for _, y := range b {
			if x == y {
				return true
			}
		}
	}
	return false
}
