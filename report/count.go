package report

import "github.com/jalsa-app/jalsa/i18n"

// noun is a noun the minutes count ("68 members", "3 أصوات"): the name of
// its counted messages (i18n.RegisterCounted), one per grammatical case,
// whose forms agree with a number written in digits by the language's
// CLDR plural rules.
//
// Arabic: after 1 the noun comes first with the adjective "one" («عضو
// واحد», «عضوا واحدا» in the accusative); 2 is the dual alone («عضوان»,
// «عضوين» outside the nominative); 3 to 10 take the plural («5 أعضاء»);
// 11 to 99 the singular accusative («64 عضوا»); 100, 101, 102… the
// singular («100 عضو»). The last two digits decide, as the CLDR plural
// categories zero/one/two/few/many/other say.
type noun string

const (
	nounMember noun = "member"
	nounVote   noun = "vote"
	nounVoter  noun = "voter"
	// An abstention, an arrival and a departure are counted in members in
	// Arabic: «امتناع 6 أعضاء», «التحاق عضو واحد».
	nounAbst noun = "abstention"
	// Who voted for or against: members in Arabic («صوت لفائدته 64 عضوا»),
	// votes in French and English ("64 voix pour").
	nounBallot    noun = "ballot"
	nounArrival   noun = "arrival"
	nounDeparture noun = "departure"
)

// nounForms are a noun's words: Arabic's counted forms, French and
// English singular and plural.
type nounForms struct {
	ar                             arNoun
	frOne, frOther, enOne, enOther string
}

// arNoun is an Arabic noun's counted forms.
type arNoun struct {
	sing, singAcc, dual, dualObl, plural, one, oneAcc string
}

var (
	arMember = arNoun{"عضو", "عضوا", "عضوان", "عضوين", "أعضاء", "واحد", "واحدا"}
	nouns    = map[noun]nounForms{
		nounMember:    {arMember, "membre", "membres", "member", "members"},
		nounVote:      {arNoun{"صوت", "صوتا", "صوتان", "صوتين", "أصوات", "واحد", "واحدا"}, "voix", "voix", "vote", "votes"},
		nounVoter:     {arNoun{"مصوت", "مصوتا", "مصوتان", "مصوتين", "مصوتين", "واحد", "واحدا"}, "votant", "votants", "member voting", "members voting"},
		nounAbst:      {arMember, "abstention", "abstentions", "abstention", "abstentions"},
		nounBallot:    {arMember, "voix", "voix", "vote", "votes"},
		nounArrival:   {arMember, "arrivée", "arrivées", "arrival", "arrivals"},
		nounDeparture: {arMember, "départ", "départs", "departure", "departures"},
	}
)

// grammatical case of a counted Arabic phrase: the role the sentence gives
// it. Only Arabic inflects for it (and only after 1 and 2).
type grammaticalCase int

const (
	nominative grammaticalCase = iota
	accusative
	genitive
)

// key is the counted message of nn in case c.
func (nn noun) key(c grammaticalCase) string {
	return "report.n." + string(nn) + [...]string{"", ".acc", ".gen"}[c]
}

// counted is the message of a noun in case c: the count in digits and the
// noun agreeing with it.
func (f nounForms) counted(c grammaticalCase) i18n.Counted {
	a := f.ar
	one, two := a.sing+" "+a.one, a.dual
	if c == accusative {
		one = a.singAcc + " " + a.oneAcc
	}
	if c != nominative {
		two = a.dualObl
	}
	return i18n.Counted{Arg: 1,
		Ar: i18n.Forms{One: one, Two: two, Few: "%d " + a.plural, Many: "%d " + a.singAcc, Other: "%d " + a.sing},
		Fr: i18n.Forms{One: "%d " + f.frOne, Other: "%d " + f.frOther},
		En: i18n.Forms{One: "%d " + f.enOne, Other: "%d " + f.enOther}}
}

// registerCounted registers the counted nouns and phrases of the report
// with its wording (words.go), when a document is first written.
func registerCounted() {
	msgs := map[string]i18n.Counted{
		// The members present who did not vote: the count, then the phrase
		// that writes it with its noun.
		"report.cl.novote": {Arg: 1,
			En: i18n.Forms{Other: "%[2]s present did not vote"},
			Fr: i18n.Forms{One: "%[2]s présent n'a pas pris part au vote", Other: "%[2]s présents n'ont pas pris part au vote"},
			Ar: i18n.Forms{Other: "لم يشارك في التصويت %[2]s من الحاضرين"}},
	}
	for nn, f := range nouns {
		for _, c := range []grammaticalCase{nominative, accusative, genitive} {
			msgs[nn.key(c)] = f.counted(c)
		}
	}
	i18n.RegisterCounted(msgs)
}

// count writes n with the noun agreeing with it in lang, in case c.
func count(lang string, n int, nn noun, c grammaticalCase) string { return i18n.T(lang, nn.key(c), n) }
