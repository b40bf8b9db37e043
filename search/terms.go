package search

import (
	"crypto/sha256"
	"strings"
	"unicode/utf8"
)

// Space is the part of the index a term lives in. A word is indexed in
// several spaces at once, so that a lookup can tell how well a decision
// matches: the word as written (Exact) outranks it with its letters folded
// (Folded), which outranks a word that only shares its stem (Stem). Keeping
// the spaces apart is what stops a stem from matching a word that merely
// looks like it: the stem تعاون of التعاونيات (cooperatives) is not the
// word تعاون (cooperation).
type Space byte

// The spaces, by the byte that leads their keys.
const (
	// Exact holds a word as written (Surface), its article off: الاتفاقية
	// and اتفاقية are the same word, إفران and أفران are not.
	Exact Space = 'e'
	// Bare holds a word as written without a one-letter proclitic (ب ل ك
	// ف و): صفرو of بصفرو. It is kept apart from Exact because the same
	// letters also begin ordinary words: بطاقة (card) is not ب + طاقة
	// (energy), so only a query word typed without an article meets it.
	Bare Space = 'p'
	// Folded holds the folded forms (Fold, Skeleton) of an Exact term that
	// differ from it, and French and English plurals made singular. A
	// folded lookup reads Folded and Exact together, so a word whose fold
	// is itself costs one posting, not two.
	Folded Space = 'f'
	// BareFolded is to Bare what Folded is to Exact.
	BareFolded Space = 'q'
	// Stem holds the light stem of an Arabic word whose suffix came off
	// (Lucene's ArabicStemmer suffixes), so that اتفاقيات meets الاتفاقية.
	// A word that is its own stem has no Stem term.
	Stem Space = 's'
)

// Term is one key of the index.
type Term struct {
	Space Space
	Text  string
}

// MaxTermBytes bounds the text of a key. Any text that passes the model's
// limits is indexed, even a single 20,000-letter word, so a longer term
// keeps its first letters and a hash of the rest: the same word still
// finds itself, and no key ever comes near bbolt's limit.
const MaxTermBytes = 64

// hashedMark separates the kept letters of a long term from its hash; it
// cannot occur in a word, so a hashed term never equals a real one.
const hashedMark = "\x01"

// Key is the term as an index key: its space byte, then its text, cut to
// MaxTermBytes with a hash when longer.
func (t Term) Key() string { return string(t.Space) + capTerm(t.Text) }

func capTerm(s string) string {
	if len(s) <= MaxTermBytes {
		return s
	}
	keep := MaxTermBytes - len(hashedMark) - 12
	for keep > 0 && !utf8.RuneStart(s[keep]) {
		keep--
	}
	sum := sha256.Sum256([]byte(s))
	return s[:keep] + hashedMark + string(sum[:12])
}

// Hashed tells whether a key's text was cut (capTerm): such a term has no
// letters to compare for typos.
func Hashed(key string) bool { return strings.Contains(key, hashedMark) }

// word is one surface token taken apart: the forms its terms come from.
type word struct {
	class   charClass
	surface string
	// base is the word without its article (ال وال بال كال فال لل), or the
	// surface when it has none: the form of its Exact term.
	base    string
	article bool
	// bare is the base without one or two one-letter proclitics (و ف, then
	// ب ل ك), when at least three letters remain; "" otherwise.
	bare string
}

// Arabic articles, the longest first: only one comes off.
var arArticles = []string{"وبال", "وكال", "فبال", "وال", "فال", "بال", "كال", "ولل", "فلل", "لل", "ال"}

func splitWord(tok string) word {
	w := word{surface: tok, base: tok}
	if tok == "" {
		return w
	}
	first, _ := utf8.DecodeRuneInString(tok)
	w.class = classOf(first)
	if w.class != classArabic {
		return w
	}
	n := utf8.RuneCountInString(tok)
	for _, a := range arArticles {
		if strings.HasPrefix(tok, a) && n-utf8.RuneCountInString(a) >= 2 {
			w.base, w.article = tok[len(a):], true
			return w
		}
	}
	rest, k := tok, 0
	if r, size := utf8.DecodeRuneInString(rest); r == 'و' || r == 'ف' {
		rest, k = rest[size:], k+1
	}
	if r, size := utf8.DecodeRuneInString(rest); r == 'ب' || r == 'ل' || r == 'ك' {
		rest, k = rest[size:], k+1
	}
	if k > 0 && n-k >= 3 {
		w.bare = rest
	}
	return w
}

// WordTerms returns the index terms of one surface token (from Tokens):
// none for a stopword.
func WordTerms(tok string) []Term {
	if IsStopword(tok) {
		return nil
	}
	w := splitWord(tok)
	out := make([]Term, 0, 6)
	add := func(sp Space, s string) {
		if s == "" {
			return
		}
		t := Term{sp, s}
		for _, o := range out {
			if o == t {
				return
			}
		}
		out = append(out, t)
	}
	add(Exact, w.base)
	for _, f := range foldedForms(w.base) {
		if f != w.base {
			add(Folded, f)
		}
	}
	if w.class == classOther {
		if p := latinSingular(Fold(w.base)); p != w.base {
			add(Folded, p)
		}
	}
	if w.bare != "" && !IsStopword(w.bare) {
		add(Bare, w.bare)
		for _, f := range foldedForms(w.bare) {
			if f != w.bare {
				add(BareFolded, f)
			}
		}
	}
	if w.class == classArabic {
		if st, ok := arabicStem(Fold(w.base)); ok {
			add(Stem, st)
		}
		if w.bare != "" {
			if st, ok := arabicStem(Fold(w.bare)); ok && utf8.RuneCountInString(st) >= 4 {
				add(Stem, st)
			}
		}
	}
	return out
}

// foldedForms are the folded spellings of a surface form: its fold, and
// its skeleton when it has a hamza.
func foldedForms(s string) []string {
	f := Fold(s)
	if sk := Skeleton(s); sk != "" && sk != f {
		return []string{f, sk}
	}
	return []string{f}
}

// Analyze turns a field's text into its index terms, a token's terms once
// per token: a term met twice in a text is counted twice, for ranking.
func Analyze(s string) []Term {
	var out []Term
	for _, t := range Tokens(s) {
		out = append(out, WordTerms(t)...)
	}
	return out
}

// ShortStem is the length, in letters, of a stem too short to be evidence
// on its own: three-letter stems are Arabic roots shared by unrelated
// words (الطاقة and بطاقة both give طاق), so such a stem only counts for a
// decision that another word of the query also matches.
const ShortStem = 3

// arabicStem removes the light suffixes of a folded, article-free word,
// Lucene's ArabicStemmer's list in its order, each at most once, each
// leaving two letters. ok is false when nothing came off or fewer than
// ShortStem letters remain: a two-letter stem (ال of والي) means nothing.
func arabicStem(w string) (string, bool) {
	rs := []rune(w)
	n := len(rs)
	for _, s := range arSuffixes {
		if len(rs) >= len(s)+2 && hasSuffix(rs, s) {
			rs = rs[:len(rs)-len(s)]
		}
	}
	if len(rs) == n || len(rs) < ShortStem {
		return "", false
	}
	return string(rs), true
}

// arSuffixes are Lucene's, folded (ة is ه by now, so ية is يه).
var arSuffixes = [][]rune{
	[]rune("ها"), []rune("ان"), []rune("ات"), []rune("ون"), []rune("ين"),
	[]rune("يه"), []rune("ه"), []rune("ي"),
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

// latinSingular removes a plural ending and nothing else. Rules, first
// match wins, each leaving at least three letters:
//
//	-eaux → -eau   (bureaux → bureau)
//	-aux  → -al    (régionaux → regional, journaux → journal)
//	-s    → ""     unless -ss (decisions → decision, but class stays)
//
// Anything cleverer starts to hurt: English -ies → -y would split French
// catégories from catégorie, and gender or verb endings merge unrelated
// words. Words too short to be plurals (bus, taux, prix) are left alone.
func latinSingular(w string) string {
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
