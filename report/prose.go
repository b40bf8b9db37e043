package report

import "github.com/jalsa-app/jalsa/model"

// The sentences the minutes say about a vote, in prose a secretary signs:
// who voted how (VoteCounts), why the rule gives that outcome (Why), and
// the decision (Result) — unanimity only when every member present voted
// for, «بإجماع الأصوات المعبر عنها» when no one voted against but some
// abstained or did not vote, otherwise the majority with its counts.

// Unanimity of a vote: every member present voted the same way, or every
// vote cast (abstentions and members who did not vote aside) did.
const (
	notUnanimous = iota
	unanimousCast
	unanimousPresent
)

// unanimity says whether the votes on side (for when adopted, against when
// rejected) were unanimous, and in which sense.
func unanimity(side, other int, v *Vote) int {
	switch {
	case side == 0 || other > 0:
		return notUnanimous
	case side == v.Present && v.Abstain == 0:
		return unanimousPresent
	}
	return unanimousCast
}

// Clauses says who voted how: «صوت لفائدته 64 عضوا، ولم يصوت ضده أي عضو،
// ولم يمتنع أي عضو عن التصويت», "64 voix pour, aucune voix contre et
// aucune abstention". With nonVoters, the members present who did not vote
// are counted too.
func (w words) Clauses(v *Vote, nonVoters bool) string {
	clause := func(key string, n int, nn noun) string {
		if n == 0 {
			return w.T(key + ".none")
		}
		return w.T(key, w.Count(n, nn, nominative))
	}
	cs := []string{clause("cl.for", v.For, nounBallot), clause("cl.against", v.Against, nounBallot), clause("cl.abstain", v.Abstain, nounAbst)}
	s := cs[0] + w.T("clause.sep") + cs[1] + w.T("clause.last") + cs[2]
	if n := v.Present - v.For - v.Against - v.Abstain; nonVoters && n > 0 {
		s = w.T("clause.then", s, w.T("cl.novote", n, w.Count(n, nounMember, nominative)))
	}
	return s
}

// VoteCounts is the paragraph that reports a vote: when, with how many
// present out of how many seats, the quorum, and who voted how.
func (w words) VoteCounts(v *Vote) string {
	quorum := w.T("vc.quorum.none")
	if v.Quorum > 0 {
		quorum = w.T("vc.quorum", w.Count(v.Quorum, nounMember, genitive))
	}
	return w.T("vote.counts", w.Clock(v.Time), w.Count(v.Present, nounMember, genitive), w.Count(v.Seats, nounMember, genitive),
		quorum, w.Clauses(v, true))
}

// minimum is the fewest votes for that pass rule, and the base it is
// reckoned on, for the rules that compare the votes for with a base; ok is
// false for cast and unanimous, which compare for with against.
func minimum(v *Vote) (base, least int, ok bool) {
	t := model.Tally{For: v.For, Against: v.Against, Abstain: v.Abstain}
	half := func(n int) int { return n/2 + 1 }
	twoThirds := func(n int) int { return max((2*n+2)/3, 1) }
	switch v.Rule {
	case model.MajorityVoting:
		return t.Total(), half(t.Total()), true
	case model.MajorityPresent:
		return v.Present, half(v.Present), true
	case model.MajoritySeats:
		return v.Seats, half(v.Seats), true
	case model.MajorityTwoThirdsCast:
		return t.Cast(), twoThirds(t.Cast()), true
	case model.MajorityTwoThirdsPresent:
		return v.Present, twoThirds(v.Present), true
	case model.MajorityTwoThirdsSeats:
		return v.Seats, twoThirds(v.Seats), true
	}
	return 0, 0, false
}

// baseNoun is what a rule's base counts: votes cast, members voting, or
// members.
func baseNoun(r model.Majority) noun {
	switch r {
	case model.MajorityTwoThirdsCast:
		return nounVote
	case model.MajorityVoting:
		return nounVoter
	}
	return nounMember
}

// Why explains the outcome of a vote by its rule: what the rule requires,
// in figures, and whether the vote met it; on a tie, how the tie was
// broken. chairGender makes «رئيسة الجلسة» agree.
func (w words) Why(v *Vote, chairGender string) string {
	if model.IsTie(v.Rule, model.Tally{For: v.For, Against: v.Against, Abstain: v.Abstain}) {
		tie := w.T("tie", w.Count(v.For, nounVote, nominative))
		if v.Tie == model.TieRejected {
			return w.T("why.tie.rejected", tie, w.T("tie.rejected"))
		}
		side := "unknown"
		if v.Chair != model.NoVote {
			side = string(v.Chair)
		}
		return w.T("why.tie", tie, w.T("tie.president"), w.Gendered("chair."+side, chairGender))
	}
	var req string
	if base, least, ok := minimum(v); ok {
		req = w.T("why."+string(v.Rule), w.Count(base, baseNoun(v.Rule), nominative), w.Count(least, nounVote, accusative))
	} else {
		req = w.known("why."+string(v.Rule), string(v.Rule))
	}
	var got string
	compares := v.Rule == model.MajorityCast || v.Rule == model.MajorityUnanimous
	switch {
	case v.Rule == model.MajorityUnanimous && v.Against > 0:
		got = w.T("got.against", w.Count(v.Against, nounVote, genitive))
	case v.For == 0 && compares && v.Against > 0:
		got = w.T("got.against.only", w.Count(v.Against, nounVote, genitive))
	case v.For == 0:
		got = w.T("got.nothing")
	case compares && v.Against == 0:
		got = w.T("got.cast.none", w.Count(v.For, nounVote, genitive))
	case compares:
		got = w.T("got.cast", w.Count(v.For, nounVote, genitive), w.Count(v.Against, nounVote, genitive))
	default:
		got = w.T("got", w.Count(v.For, nounVote, genitive))
	}
	verdict := "verdict.fail"
	if v.Outcome == model.Adopted {
		verdict = "verdict.pass"
	}
	return w.T("why.join", req, w.T(verdict, got))
}

// Result is the sentence that ends an item: the decision, worded for
// unanimity, unanimity of the votes cast, a majority with its counts or a
// tie; or deferred, withdrawn, noted, pending.
func (w words) Result(it Item, chairGender string) string {
	v := it.Vote
	if v == nil || (it.Outcome != model.Adopted && it.Outcome != model.Rejected) {
		return w.known("out."+string(it.Outcome), string(it.Outcome))
	}
	abstain := ""
	if v.Abstain > 0 {
		abstain = w.T("out.abstain", w.Count(v.Abstain, nounAbst, genitive))
	}
	tie := model.IsTie(v.Rule, model.Tally{For: v.For, Against: v.Against, Abstain: v.Abstain})
	if it.Outcome == model.Adopted {
		switch {
		case tie:
			return w.Gendered("out.casting", chairGender, w.Count(v.For, nounVote, nominative))
		case unanimity(v.For, v.Against, v) == unanimousPresent:
			return w.T("out.unanimous")
		case unanimity(v.For, v.Against, v) == unanimousCast:
			return w.T("out.unanimous_cast")
		}
		return w.T("out.majority", w.Count(v.For, nounVote, genitive), w.Count(v.Against, nounVote, genitive), abstain)
	}
	switch {
	case tie:
		return w.T("out.rejected.tie", w.Count(v.For, nounVote, nominative))
	case unanimity(v.Against, v.For, v) == unanimousPresent:
		return w.T("out.rejected.unanimous")
	case unanimity(v.Against, v.For, v) == unanimousCast:
		return w.T("out.rejected.unanimous_cast")
	case v.Against > v.For:
		return w.T("out.rejected.majority", w.Count(v.Against, nounVote, genitive), w.Count(v.For, nounVote, genitive), abstain)
	case v.Rule == model.MajorityUnanimous:
		return w.T("out.rejected.unanimity")
	}
	return w.T("out.rejected.short")
}
