package search

import (
	"strings"
	"unicode/utf8"
)

// Level says how well a decision matches a query word, best highest. A
// lookup ranks by the sum of its words' levels before anything else, so an
// exact match always outranks a folded one, which outranks a synonym,
// which outranks a stem.
type Level int8

// The levels.
const (
	LevelStem       Level = 1 // shares the word's light stem
	LevelSynonym    Level = 2 // another entry of the word's thesaurus group
	LevelBareFolded Level = 3 // folded, behind a one-letter proclitic
	LevelFolded     Level = 4 // the same letters once folded
	LevelBare       Level = 5 // as written, behind a one-letter proclitic
	LevelExact      Level = 6 // as written (article aside)
)

// Weight scales a level's BM25 score, so that within one level a rarer,
// closer term still wins.
func (l Level) Weight() float32 { return float32(l+2) / 8 }

// Alt is one way for a decision to match a slot: it must hold, for every
// part, one of the part's terms (a part per word of a thesaurus entry of
// several words, one part otherwise).
type Alt struct {
	Level Level
	// Weak marks a short stem (ShortStem): it counts only for a decision
	// that another slot of the query matches by more than a weak
	// alternative.
	Weak  bool
	Parts [][]Term
}

// Slot is what one query word (or one thesaurus entry of several words)
// asks of a decision: one of its alternatives.
type Slot struct {
	// Word is the index of the query word in Query.Words that the slot
	// stands for, -1 for a word of a phrase or an entry of several words,
	// which are not corrected for typos.
	Word int
	Alts []Alt
}

// Query is a parsed lookup. A decision matches when it matches every slot
// (AND), which is what a clerk narrowing a list by typing more words
// expects, and holds every phrase.
type Query struct {
	Slots []Slot
	// Words are the query's unquoted words (Tokens), stopwords included,
	// in order, for Rewrite.
	Words []string
	// Phrases are the surface tokens of each quoted phrase, checked with
	// PhraseMatch against a field's Tokens; their words that are not
	// stopwords are slots too.
	Phrases [][]string
	// phraseText keeps each phrase as typed, for Rewrite.
	phraseText []string
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

// ParseQuery splits q into words and quoted phrases and expands each word
// into the terms it may match, th adding synonyms (nil for none).
//
// An unclosed quote runs to the end of the query, because in a
// search-as-you-type box the closing quote is simply not typed yet. Empty
// phrases are dropped so that a lone quote never filters everything out.
func ParseQuery(q string, th *Thesaurus) Query {
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
			query.phraseText = append(query.phraseText, strings.TrimSpace(body))
		}
	}
	query.Words = Tokens(plain.String())
	for i := 0; i < len(query.Words); {
		n, others := th.Match(query.Words[i:])
		if n > 1 {
			query.Slots = append(query.Slots, entrySlot(query.Words[i:i+n], others))
			i += n
			continue
		}
		if !IsStopword(query.Words[i]) {
			s := wordSlot(query.Words[i], others, n == 1)
			s.Word = i
			query.Slots = append(query.Slots, s)
		}
		i++
	}
	for _, p := range query.Phrases {
		for _, t := range p {
			if !IsStopword(t) {
				query.Slots = append(query.Slots, wordSlot(t, nil, false))
			}
		}
	}
	return query
}

// Rewrite is the query with some of its words replaced, as a clerk would
// have typed it: the phrases follow the words, quoted.
func (q Query) Rewrite(with map[int]string) string {
	words := make([]string, len(q.Words))
	for i, w := range q.Words {
		if r, ok := with[i]; ok {
			w = r
		}
		words[i] = w
	}
	for _, p := range q.phraseText {
		words = append(words, "«"+p+"»")
	}
	return strings.Join(words, " ")
}

// wordSlot expands one query word: its own forms at each level, the
// entries of its thesaurus groups, its stem.
//
// A one-letter proclitic is ambiguous: بصفرو is ب + صفرو, بطاقة (card) is
// not ب + طاقة (energy). Arabic puts a bare preposition before a name far
// more than before a common noun, so matches across a proclitic are strong
// for a word of the thesaurus or gazetteer (known) and weak otherwise:
// they then need another word of the query to match too, or nothing else
// to be found.
func wordSlot(tok string, synonyms [][]string, known bool) Slot {
	s := Slot{Word: -1}
	add := func(l Level, weak bool, terms ...Term) {
		var part []Term
		for _, t := range terms {
			if t.Text != "" && !containsTerm(part, t) {
				part = append(part, t)
			}
		}
		if len(part) > 0 {
			s.Alts = append(s.Alts, Alt{Level: l, Weak: weak, Parts: [][]Term{part}})
		}
	}
	w := splitWord(tok)
	add(LevelExact, false, Term{Exact, w.base})
	folded := func(forms ...string) []Term {
		var ts []Term
		for _, f := range forms {
			ts = append(ts, foldedTerms(f, Exact, Folded)...)
			if w.class == classOther {
				x := latinSingular(Fold(f))
				ts = append(ts, Term{Folded, x}, Term{Exact, x})
			}
		}
		return ts
	}
	bareFolded := func(f string) []Term { return foldedTerms(f, Bare, BareFolded) }
	if w.article {
		// ال may be the first letters of a word typed without its hamza:
		// الغاء is إلغاء, not ال + غاء.
		add(LevelFolded, false, append(folded(w.base), folded(w.surface)...)...)
	} else {
		add(LevelFolded, false, folded(w.base)...)
	}
	switch {
	case w.class != classArabic || w.article:
	case w.bare != "":
		// Typed with a proclitic (بصفرو): the word behind it.
		add(LevelBare, !known, Term{Exact, w.bare}, Term{Bare, w.bare})
		add(LevelBareFolded, !known, append(folded(w.bare), bareFolded(w.bare)...)...)
	default:
		// Typed plain (صفرو): also behind a proclitic (بصفرو).
		add(LevelBare, !known, Term{Bare, w.base})
		add(LevelBareFolded, !known, bareFolded(w.base)...)
	}
	for _, e := range synonyms {
		if len(e) == 1 {
			add(LevelSynonym, false, synonymTerms(e[0])...)
			continue
		}
		alt := Alt{Level: LevelSynonym}
		for _, ew := range e {
			alt.Parts = append(alt.Parts, synonymTerms(ew))
		}
		s.Alts = append(s.Alts, alt)
	}
	if w.class == classArabic {
		if st, ok := arabicStem(Fold(w.base)); ok {
			s.Alts = append(s.Alts, Alt{Level: LevelStem, Weak: utf8.RuneCountInString(st) <= ShortStem, Parts: [][]Term{{{Stem, st}}}})
		}
	}
	return s
}

// entrySlot is a slot for several query words that make one thesaurus
// entry (مولاي يعقوب): the words themselves, or another entry of its group.
func entrySlot(words []string, others [][]string) Slot {
	s := Slot{Word: -1}
	for l, entries := range map[Level][][]string{LevelExact: {words}, LevelSynonym: others} {
		for _, e := range entries {
			alt := Alt{Level: l}
			for _, ew := range e {
				alt.Parts = append(alt.Parts, synonymTerms(ew))
			}
			s.Alts = append(s.Alts, alt)
		}
	}
	return s
}

// synonymTerms are the terms a thesaurus entry's word matches: its forms
// as written and folded, with or without a proclitic, not its stem (the
// group says which forms are meant).
func synonymTerms(tok string) []Term {
	w := splitWord(tok)
	var ts []Term
	forms := []string{w.base}
	if w.bare != "" {
		forms = append(forms, w.bare)
	}
	for _, f := range forms {
		ts = append(ts, Term{Exact, f}, Term{Bare, f})
		ts = append(ts, foldedTerms(f, Exact, Folded)...)
		ts = append(ts, foldedTerms(f, Bare, BareFolded)...)
		if w.class == classOther {
			x := latinSingular(Fold(f))
			ts = append(ts, Term{Folded, x}, Term{Exact, x})
		}
	}
	var out []Term
	for _, t := range ts {
		if !containsTerm(out, t) {
			out = append(out, t)
		}
	}
	return out
}

// foldedTerms are the terms that find a surface form spelt another way:
// its folded forms, looked up among the folded terms and among the words
// written that way (space as written, and its folded space). A word typed
// with a hamza is not folded: its hamza may be what makes it a word
// (أفران, kilns, is not إفران, Ifrane), so it only meets the spellings
// Compatible with it, each mark written or left out.
func foldedTerms(f string, written, folded Space) []Term {
	var ts []Term
	if sp := spellings(f); sp != nil {
		for _, v := range sp {
			ts = append(ts, Term{written, v})
		}
		return ts
	}
	for _, x := range foldedForms(f) {
		ts = append(ts, Term{folded, x}, Term{written, x})
	}
	return ts
}

// spellings are the ways of writing a surface word that has a hamza on an
// alef or a carrier, as the same word: a hamza'd alef as typed or plain
// (أ or ا), a carrier with its hamza on either seat or none (ؤ ئ و ي:
// مسئول and مسؤول are one word), ة or ه, ى or ي. nil for a word without
// such a hamza, or with too many marks to spell out, whose fold stands for
// all its spellings.
func spellings(s string) []string {
	if !strings.ContainsAny(s, "أإآؤئ") {
		return nil
	}
	out := []string{""}
	for _, r := range s {
		var alts []rune
		switch r {
		case 'أ', 'إ', 'آ':
			alts = []rune{r, 'ا'}
		case 'ؤ', 'ئ':
			alts = []rune{'ؤ', 'ئ', 'و', 'ي'}
		case 'ة':
			alts = []rune{r, 'ه'}
		case 'ى':
			alts = []rune{r, 'ي'}
		default:
			alts = []rune{r}
		}
		if len(out)*len(alts) > 64 {
			return nil
		}
		next := make([]string, 0, len(out)*len(alts))
		for _, o := range out {
			for _, a := range alts {
				next = append(next, o+string(a))
			}
		}
		out = next
	}
	return out
}

func containsTerm(ts []Term, t Term) bool {
	for _, o := range ts {
		if o == t {
			return true
		}
	}
	return false
}

// PhraseMatch reports whether phrase occurs as a contiguous run in
// fieldTokens; both are expected to come from Tokens.
//
// Two tokens are the same word when they share their base or bare forms
// once folded, so that a clitic does not break a phrase: «الدورة العادية»
// matches «للدورة العادية», «إقليم صفرو» matches «بإقليم صفرو». Stopwords
// are compared folded. An empty phrase matches anything, as with
// strings.Contains.
func PhraseMatch(fieldTokens []string, phrase []string) bool {
	if len(phrase) == 0 {
		return true
	}
	if len(phrase) > len(fieldTokens) {
		return false
	}
	phraseForms := make([][]string, len(phrase))
	for j, p := range phrase {
		phraseForms[j] = phraseKeys(p)
	}
	fieldForms := make([][]string, len(fieldTokens)) // filled lazily
	same := func(i, j int) bool {
		if fieldTokens[i] == phrase[j] {
			return true
		}
		if fieldForms[i] == nil {
			fieldForms[i] = phraseKeys(fieldTokens[i])
		}
		for _, x := range fieldForms[i] {
			for _, y := range phraseForms[j] {
				if x == y {
					return true
				}
			}
		}
		return false
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

// phraseKeys are the forms by which a token meets another in a phrase.
func phraseKeys(tok string) []string {
	w := splitWord(tok)
	keys := []string{Fold(tok), Fold(w.base)}
	if w.bare != "" {
		keys = append(keys, Fold(w.bare))
	}
	return keys
}
