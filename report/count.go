package report

import (
	"strconv"

	"golang.org/x/text/feature/plural"
	xlanguage "golang.org/x/text/language"
)

// noun is a noun the minutes count ("68 members", "3 أصوات"), in the forms
// each language needs to agree with a number written in digits.
//
// Arabic: after 1 the noun comes first with the adjective "one" («عضو
// واحد», «عضوا واحدا» in the accusative); 2 is the dual alone («عضوان»,
// «عضوين» outside the nominative); 3 to 10 take the plural («5 أعضاء»);
// 11 to 99 the singular accusative («64 عضوا»); 100, 101, 102… the
// singular («100 عضو»). The last two digits decide, as the CLDR plural
// categories zero/one/two/few/many/other say.
type noun struct {
	ar                             arNoun
	frOne, frOther, enOne, enOther string
}

// arNoun is an Arabic noun's counted forms.
type arNoun struct {
	sing, singAcc, dual, dualObl, plural, one, oneAcc string
}

// grammatical case of a counted Arabic phrase: the role the sentence gives
// it. Only Arabic inflects for it (and only after 1 and 2).
type grammaticalCase int

const (
	nominative grammaticalCase = iota
	accusative
	genitive
)

var (
	nounMember = noun{arNoun{"عضو", "عضوا", "عضوان", "عضوين", "أعضاء", "واحد", "واحدا"}, "membre", "membres", "member", "members"}
	nounVote   = noun{arNoun{"صوت", "صوتا", "صوتان", "صوتين", "أصوات", "واحد", "واحدا"}, "voix", "voix", "vote", "votes"}
	nounVoter  = noun{arNoun{"مصوت", "مصوتا", "مصوتان", "مصوتين", "مصوتين", "واحد", "واحدا"}, "votant", "votants", "member voting", "members voting"}
	// An abstention, an arrival and a departure are counted in members in
	// Arabic: «امتناع 6 أعضاء», «التحاق عضو واحد».
	nounAbst = noun{nounMember.ar, "abstention", "abstentions", "abstention", "abstentions"}
	// Who voted for or against: members in Arabic («صوت لفائدته 64 عضوا»),
	// votes in French and English ("64 voix pour").
	nounBallot    = noun{nounMember.ar, "voix", "voix", "vote", "votes"}
	nounArrival   = noun{nounMember.ar, "arrivée", "arrivées", "arrival", "arrivals"}
	nounDeparture = noun{nounMember.ar, "départ", "départs", "departure", "departures"}
)

var pluralTags = map[string]xlanguage.Tag{"ar": xlanguage.Arabic, "fr": xlanguage.French, "en": xlanguage.English}

// count writes n with the noun agreeing with it in lang, in case c.
func count(lang string, n int, nn noun, c grammaticalCase) string {
	form := plural.Cardinal.MatchPlural(pluralTags[lang], n, 0, 0, 0, 0)
	num := strconv.Itoa(n)
	switch lang {
	case "ar":
		a := nn.ar
		switch form {
		case plural.One:
			if c == accusative {
				return a.singAcc + " " + a.oneAcc
			}
			return a.sing + " " + a.one
		case plural.Two:
			if c == nominative {
				return a.dual
			}
			return a.dualObl
		case plural.Few:
			return num + " " + a.plural
		case plural.Many:
			return num + " " + a.singAcc
		}
		return num + " " + a.sing // zero, and 100, 101, 102…
	case "fr":
		if form == plural.One {
			return num + " " + nn.frOne
		}
		return num + " " + nn.frOther
	}
	if form == plural.One {
		return num + " " + nn.enOne
	}
	return num + " " + nn.enOther
}
