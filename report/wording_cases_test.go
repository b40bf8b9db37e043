package report

import "github.com/jalsa-app/jalsa/model"

// wordingCase is one vote the wording table covers: a rule and an outcome.
type wordingCase struct {
	name                      string
	rule                      model.Majority
	tie                       model.TieRule
	chair                     model.Choice
	f, a, ab, present, quorum int
	outcome                   model.Outcome
}

// wordingCases covers every majority rule adopting and rejecting, every
// way a tie is broken, and every kind of unanimity; seats are 82.
var wordingCases = []wordingCase{
	{"cast adopted", model.MajorityCast, model.TiePresident, "", 59, 3, 6, 68, 42, model.Adopted},
	{"cast rejected", model.MajorityCast, model.TiePresident, "", 20, 40, 8, 68, 42, model.Rejected},
	{"voting adopted", model.MajorityVoting, model.TiePresident, "", 40, 20, 8, 68, 42, model.Adopted},
	{"voting rejected", model.MajorityVoting, model.TiePresident, "", 30, 20, 18, 68, 42, model.Rejected},
	{"present adopted", model.MajorityPresent, model.TiePresident, "", 40, 10, 0, 68, 42, model.Adopted},
	{"present rejected", model.MajorityPresent, model.TiePresident, "", 34, 10, 0, 68, 42, model.Rejected},
	{"seats adopted", model.MajoritySeats, model.TiePresident, "", 42, 10, 2, 68, 42, model.Adopted},
	{"seats rejected", model.MajoritySeats, model.TiePresident, "", 41, 10, 2, 68, 42, model.Rejected},
	{"two-thirds-cast adopted", model.MajorityTwoThirdsCast, model.TiePresident, "", 40, 20, 8, 68, 42, model.Adopted},
	{"two-thirds-cast rejected", model.MajorityTwoThirdsCast, model.TiePresident, "", 39, 20, 9, 68, 42, model.Rejected},
	{"two-thirds-present adopted", model.MajorityTwoThirdsPresent, model.TiePresident, "", 46, 20, 2, 68, 42, model.Adopted},
	{"two-thirds-present rejected", model.MajorityTwoThirdsPresent, model.TiePresident, "", 45, 20, 3, 68, 42, model.Rejected},
	{"two-thirds-seats adopted", model.MajorityTwoThirdsSeats, model.TiePresident, "", 55, 10, 3, 68, 42, model.Adopted},
	{"two-thirds-seats rejected", model.MajorityTwoThirdsSeats, model.TiePresident, "", 54, 10, 4, 68, 42, model.Rejected},
	{"unanimous adopted", model.MajorityUnanimous, model.TiePresident, "", 60, 0, 8, 68, 42, model.Adopted},
	{"unanimous rejected", model.MajorityUnanimous, model.TiePresident, "", 60, 1, 7, 68, 42, model.Rejected},
	{"tie, chair for", model.MajorityCast, model.TiePresident, model.For, 35, 35, 6, 76, 42, model.Adopted},
	{"tie, chair against", model.MajorityCast, model.TiePresident, model.Against, 35, 35, 6, 76, 42, model.Rejected},
	{"tie, chair abstained", model.MajorityVoting, model.TiePresident, model.Abstain, 2, 2, 1, 5, 0, model.Rejected},
	{"tie, chair unknown", model.MajorityCast, model.TiePresident, model.NoVote, 11, 11, 0, 22, 12, model.Rejected},
	{"tie rejects", model.MajorityVoting, model.TieRejected, model.For, 1, 1, 0, 3, 2, model.Rejected},
	{"unanimity of those present", model.MajorityCast, model.TiePresident, "", 68, 0, 0, 68, 42, model.Adopted},
	{"unanimity of the votes cast, some did not vote", model.MajorityCast, model.TiePresident, "", 64, 0, 0, 68, 42, model.Adopted},
	{"unanimity of the votes cast, some abstained", model.MajorityCast, model.TiePresident, "", 2, 0, 1, 3, 0, model.Adopted},
	{"rejected unanimously", model.MajorityCast, model.TiePresident, "", 0, 68, 0, 68, 42, model.Rejected},
	{"rejected by all votes cast", model.MajorityCast, model.TiePresident, "", 0, 60, 8, 68, 42, model.Rejected},
	{"everyone abstained", model.MajorityCast, model.TiePresident, "", 0, 0, 68, 68, 42, model.Rejected},
	{"the only member present votes for, seats rule", model.MajoritySeats, model.TiePresident, "", 1, 0, 0, 1, 1, model.Rejected},
}

func (c wordingCase) vote() *Vote {
	return &Vote{For: c.f, Against: c.a, Abstain: c.ab, Present: c.present, Seats: 82, Quorum: c.quorum,
		Rule: c.rule, Tie: c.tie, Chair: c.chair, Outcome: c.outcome}
}
