package search

import (
	"strings"
	"sync"
	"unicode/utf8"
)

// stopLists are the function words of French and English, folded, and
// those of Arabic as written, with or without a hamza:
// alone they carry no meaning and are in nearly every decision, so they
// are not indexed and a query does not require them. Quoted phrases still
// hold them: a phrase is checked against the decision's own words.
// They are built on first use: a command that looks nothing up does not
// pay for them.
var stopLists = sync.OnceValues(func() (latin, arabic map[string]bool) {
	latin, arabic = map[string]bool{}, map[string]bool{}
	for i, list := range []string{
		// Arabic: prepositions, relatives, demonstratives, pronouns,
		// particles, as written.
		`في من إلى على عن مع أو أم أن إن ما لا لم لن قد ثم كل بعض غير بين عند حول حتى منذ
		 ضد دون لدى إذا إذ لكن بل أي أيضا هذا هذه ذلك تلك هؤلاء أولئك هنا هناك
		 الذي التي الذين اللذين اللتين اللواتي اللاتي
		 هو هي هم هن أنا نحن أنت أنتم كان كانت يكون تكون ليس لقد كما مما عما
		 فيه فيها منه منها عليه عليها إليه إليها عنه عنها به بها له لها لهم بهم`,
		// French.
		`de la le les des du et a au aux en un une l d j m n s t c qu que qui quoi dont ou
		 dans par pour sur avec sans sous chez entre vers ce cet cette ces se sa son ses
		 leur leurs ne pas il elle ils elles on nous vous est sont y`,
		// English.
		`the of and to in for on an by with at or is are be as from that this these those
		 which it its was were`,
	} {
		for _, w := range strings.Fields(list) {
			if i > 0 {
				latin[Fold(w)] = true
			} else {
				// As typed behind و or ف: with or without the hamza.
				arabic[w] = true
				arabic[strings.NewReplacer("أ", "ا", "إ", "ا").Replace(w)] = true
			}
		}
	}
	return latin, arabic
})

// IsStopword tells whether a surface token is a function word: one in the
// list, one of them as written behind the conjunction و or ف (والتي,
// وإلى, but not والي, the wali), or a lone Arabic or Latin letter (the م
// of ٢٠٢٤م, the l of l'assemblée). A lone digit is a number, and numbers
// are kept.
func IsStopword(tok string) bool {
	r, size := utf8.DecodeRuneInString(tok)
	if size == len(tok) {
		return classOf(r) != classDigit
	}
	latin, arabic := stopLists()
	if classOf(r) != classArabic {
		return latin[Fold(tok)]
	}
	// Arabic as written: على is a preposition, علي a name.
	if arabic[tok] {
		return true
	}
	return (r == 'و' || r == 'ف') && arabic[tok[size:]]
}
