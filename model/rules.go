package model

import (
	"strconv"
	"strings"

	"github.com/jalsa-app/jalsa/i18n"
)

// Tally is the count of a vote.
type Tally struct {
	For, Against, Abstain int
}

// Cast is for+against: the votes cast, abstentions aside.
func (t Tally) Cast() int { return t.For + t.Against }

// Total is every vote including abstentions.
func (t Tally) Total() int { return t.For + t.Against + t.Abstain }

// QuorumRule returns the quorum rule of convocation call (1-based); the last
// rule stands for every later convocation.
func (r Rules) QuorumRule(call int) string {
	if len(r.Quorum) == 0 {
		return "none"
	}
	if call < 1 {
		call = 1
	}
	if call > len(r.Quorum) {
		call = len(r.Quorum)
	}
	return r.Quorum[call-1]
}

// ValidQuorumRule reports whether rule is majority, third, none or a
// non-negative integer.
func ValidQuorumRule(rule string) bool {
	switch rule {
	case "majority", "third", "none":
		return true
	}
	n, err := strconv.Atoi(rule)
	return err == nil && n >= 0
}

// QuorumRequired is the number of present voting members the rule requires
// for seats; 0 means no quorum is required.
func QuorumRequired(rule string, seats int) int {
	switch rule {
	case "majority":
		return seats/2 + 1
	case "third":
		return (seats + 2) / 3
	case "none", "":
		return 0
	}
	n, _ := strconv.Atoi(rule)
	return n
}

// ValidMajority reports whether m names a majority rule.
func ValidMajority(m Majority) bool {
	for _, x := range Majorities {
		if x == m {
			return true
		}
	}
	return false
}

// IsTie reports a tie in the sense of SPEC §2: for = against > 0 under a rule
// that compares for with against.
func IsTie(rule Majority, t Tally) bool {
	return (rule == MajorityCast || rule == MajorityVoting) && t.For == t.Against && t.For > 0
}

// Decide applies a majority rule to a tally. present and seats are the bases
// of the rules that need them; chair is the presiding member's side, used
// only on a tie under the president rule.
func Decide(rule Majority, tie TieRule, t Tally, present, seats int, chair Choice) Outcome {
	if IsTie(rule, t) {
		if tie == TiePresident && chair == For {
			return Adopted
		}
		return Rejected
	}
	if passes(rule, t, present, seats) {
		return Adopted
	}
	return Rejected
}

func passes(rule Majority, t Tally, present, seats int) bool {
	f := t.For
	switch rule {
	case MajorityVoting:
		return 2*f > t.Total()
	case MajorityPresent:
		return 2*f > present
	case MajoritySeats:
		return 2*f > seats
	case MajorityTwoThirdsCast:
		return f > 0 && 3*f >= 2*t.Cast()
	case MajorityTwoThirdsPresent:
		return 3*f >= 2*present && f > 0
	case MajorityTwoThirdsSeats:
		return 3*f >= 2*seats && f > 0
	case MajorityUnanimous:
		return t.Against == 0 && f > 0
	default: // cast
		return f > t.Against
	}
}

// Explain writes the one-line account of a vote's outcome in lang: the
// comparison the rule made, a tie and how it was broken, and the quorum.
func Explain(lang string, v *Vote) string {
	t := Tally{v.For, v.Against, v.Abstain}
	var cmp string
	switch {
	case IsTie(v.Rule, t):
		side := i18n.T(lang, "choice."+string(v.Chair))
		if v.Chair == NoVote {
			side = i18n.T(lang, "choice.unknown")
		}
		key := "explain.tie.president"
		if v.Tie == TieRejected {
			key = "explain.tie.rejected"
		}
		cmp = i18n.T(lang, key, t.For, t.Against, side)
	default:
		sign := "fail"
		if passes(v.Rule, t, v.Present, v.Seats) {
			sign = "pass"
		}
		key := "explain." + string(v.Rule) + "." + sign
		// The base the rule compares with is counted in its noun.
		switch v.Rule {
		case MajorityVoting:
			cmp = i18n.T(lang, key, t.For, i18n.T(lang, "model.n.voting.gen", t.Total()))
		case MajorityPresent, MajorityTwoThirdsPresent:
			cmp = i18n.T(lang, key, t.For, i18n.T(lang, "model.n.present.gen", v.Present))
		case MajoritySeats, MajorityTwoThirdsSeats:
			cmp = i18n.T(lang, key, t.For, i18n.T(lang, "model.n.seats.gen", v.Seats))
		case MajorityTwoThirdsCast:
			cmp = i18n.T(lang, key, t.For, i18n.T(lang, "model.n.cast.gen", t.Cast()))
		default: // cast, unanimous
			cmp = i18n.T(lang, key, t.For, t.Against)
		}
	}
	q := i18n.T(lang, "explain.quorum.none")
	if v.Quorum > 0 {
		q = i18n.T(lang, "explain.quorum", v.Present, v.Seats, v.Quorum)
	}
	return i18n.T(lang, "explain.line", i18n.T(lang, "outcome."+string(v.Outcome)), cmp, q)
}

// ParseChoice reads for, against, abstain or none.
func ParseChoice(s string) (Choice, bool) {
	switch strings.ToLower(strings.TrimSpace(s)) {
	case "for":
		return For, true
	case "against":
		return Against, true
	case "abstain":
		return Abstain, true
	case "none", "":
		return NoVote, true
	}
	return NoVote, false
}
