package model

import (
	"slices"
	"strings"
)

// VoteCmd records a vote on an item or a budget line, by counts or by name,
// or (Correct) replaces a recorded one while keeping it.
type VoteCmd struct {
	Session string `json:"session"`
	N       int    `json:"n"`
	Line    string `json:"line,omitempty"`
	For     int    `json:"for"`
	Against int    `json:"against"`
	Abstain int    `json:"abstain"`
	// Named, when set, is a roll-call vote; Rest applies to every other
	// present member.
	Named map[string]Choice `json:"named,omitempty"`
	Rest  Choice            `json:"rest,omitempty"`
	// Chair is the presiding member's side, needed on a tie by counts.
	Chair   Choice `json:"chair,omitempty"`
	Correct bool   `json:"correct,omitempty"`
	Reason  string `json:"reason,omitempty"`
	// Ends are the turns the vote ends (floor.go): whoever has the floor.
	Ends []Turn `json:"ends,omitempty"`
}

// Settle implements Settler: a vote ends the turn of whoever has the
// floor; a correction ends none.
func (c *VoteCmd) Settle(st *State) {
	c.Ends = nil
	if !c.Correct {
		c.Ends = turnsUnderWay(st, c.Session, 0)
	}
}

// Spill implements Spiller. A line's vote is scoped to the line: its item
// is spilled too.
func (c *VoteCmd) Spill() []int {
	own := c.N
	if c.Line != "" {
		own = 0
	}
	return spillOf(c.Ends, own)
}

// Type implements Command.
func (c *VoteCmd) Type() string {
	if c.Correct {
		return "correct"
	}
	return "vote"
}

// SessionID implements Command.
func (c *VoteCmd) SessionID() string { return c.Session }

func init() { register(func() Command { return &VoteCmd{Correct: true} }) }

// target is what a vote is taken on: an item or one of its lines.
type target struct {
	vote        **Vote
	outcome     *Outcome
	corrections *[]Correction
}

// Apply implements Command.
func (c *VoteCmd) Apply(st *State, ctx Ctx) error {
	var s *Session
	var err error
	if c.Correct {
		s, err = changeableSession(st, c.Session)
	} else {
		s, err = openSession(st, c.Session)
	}
	if err != nil {
		return err
	}
	b := st.BodyOf(s)
	it, err := s.Item(c.N)
	if err != nil {
		return err
	}
	if !it.Votes {
		return Refused("err.item_no_vote", it.N)
	}
	tg, err := c.target(it)
	if err != nil {
		return err
	}
	// A malformed count is refused before anything about the state is said.
	for _, n := range []struct {
		field string
		n     int
	}{{"for", c.For}, {"against", c.Against}, {"abstain", c.Abstain}} {
		if n.n < 0 {
			return fieldErr(KindUsage, n.field, "count.negative", n.n)
		}
	}
	for _, ch := range []Choice{c.Rest, c.Chair} {
		if ch != NoVote && ch != For && ch != Against && ch != Abstain {
			return Usage("err.bad_choice", string(ch))
		}
	}
	// An "all for, no exceptions" roll call has no Named entries once
	// encoded, so Rest marks a roll call too.
	named := c.Named != nil || c.Rest != NoVote

	v := Vote{Time: ctx.Time, By: ctx.Actor, Tie: b.Rules.Tie, Seats: b.Seats, Rule: b.Rules.Majority}
	if it.Majority != "" {
		v.Rule = it.Majority
	}
	if c.Correct {
		if *tg.vote == nil {
			return Refused("err.no_vote_to_correct", c.ref(s))
		}
		if strings.TrimSpace(c.Reason) == "" {
			return Usage("err.reason_required")
		}
		if err := CheckText("reason", c.Reason, MaxText, true); err != nil {
			return err
		}
		// A correction fixes how a vote was counted; it does not hold the vote
		// again, so it keeps the base of the original.
		old := *tg.vote
		v.Sitting, v.PresentIDs, v.Present, v.Quorum = old.Sitting, old.PresentIDs, old.Present, old.Quorum
		v.Rule, v.Tie, v.Seats = old.Rule, old.Tie, old.Seats
	} else {
		// A recorded vote ends its item, so this comes first: the clerk
		// needs to hear "use correct", not "start the item".
		if *tg.vote != nil {
			return Refused("err.vote_recorded", c.ref(s))
		}
		if it.State != ItemOpen {
			return Refused("err.item_not_open", it.N)
		}
		q := st.QuorumNow(s)
		if !q.Met {
			return NoQuorum(q.Present, q.Required, q.Seats)
		}
		sit := s.Sitting()
		v.Sitting, v.PresentIDs, v.Present, v.Quorum = sit.N, sit.PresentIDs(), q.Present, q.Required
		if c.Line == "" && it.Kind == KindBudget {
			if err := finalVoteAllowed(it); err != nil {
				return err
			}
		}
	}

	if named {
		if err := c.fillNamed(&v, s.Chair); err != nil {
			return err
		}
	} else {
		v.For, v.Against, v.Abstain, v.Chair = c.For, c.Against, c.Abstain, c.Chair
	}
	t := Tally{v.For, v.Against, v.Abstain}
	if _, err := CheckCounts(t, v.Present, v.Seats); err != nil {
		return err
	}
	if IsTie(v.Rule, t) && v.Tie == TiePresident && v.Chair == NoVote && !named {
		return Refused("err.tie_needs_chair", t.For, t.Against)
	}
	if err := checkEnds(s, c.Ends); err != nil {
		return err
	}
	v.Outcome = Decide(v.Rule, v.Tie, t, v.Present, v.Seats, v.Chair)
	v.Explanation = Explain("en", &v)

	if c.Correct {
		*tg.corrections = append(*tg.corrections, Correction{Time: ctx.Time, Previous: **tg.vote, Reason: strings.TrimSpace(c.Reason), By: ctx.Actor})
	}
	*tg.vote = &v
	*tg.outcome = v.Outcome
	endTurns(s, c.Ends, ctx.Time)
	if c.Line == "" && !c.Correct {
		endItem(s, it, v.Outcome, ctx, v.Sitting)
	}
	return nil
}

func (c *VoteCmd) target(it *Item) (target, error) {
	if c.Line == "" {
		return target{&it.Vote, &it.Outcome, &it.Corrections}, nil
	}
	l, err := it.Line(c.Line)
	if err != nil {
		return target{}, err
	}
	if it.VoteMode != "lines" {
		return target{}, Refused("err.whole_budget", it.N)
	}
	if !c.Correct && it.Vote != nil {
		return target{}, Refused("err.vote_recorded", it.N)
	}
	return target{&l.Vote, &l.Outcome, &l.Corrections}, nil
}

func finalVoteAllowed(it *Item) error {
	if it.VoteMode == "lines" {
		var missing []string
		for _, l := range it.Lines {
			if l.Vote == nil {
				missing = append(missing, l.Code)
			}
		}
		if n := len(missing); n > 0 {
			if n > 5 {
				missing = append(missing[:5], "…")
			}
			return Refused("err.lines_unvoted", n, strings.Join(missing, ", "))
		}
	}
	if it.Balanced {
		if r, e := it.Totals(); r != e {
			return Refused("err.unbalanced", r, e)
		}
	}
	return nil
}

// fillNamed counts a roll-call vote from the named votes and Rest, and takes
// the presiding member's side from their own vote.
func (c *VoteCmd) fillNamed(v *Vote, chair string) error {
	v.Named = map[string]Choice{}
	for id, ch := range c.Named {
		if !slices.Contains(v.PresentIDs, id) {
			return Refused("err.voter_not_present", id)
		}
		if ch != For && ch != Against && ch != Abstain {
			return Usage("err.bad_choice", string(ch))
		}
		v.Named[id] = ch
	}
	if c.Rest != NoVote {
		for _, id := range v.PresentIDs {
			if _, ok := v.Named[id]; !ok {
				v.Named[id] = c.Rest
			}
		}
	}
	for _, ch := range v.Named {
		switch ch {
		case For:
			v.For++
		case Against:
			v.Against++
		case Abstain:
			v.Abstain++
		}
	}
	v.Chair = v.Named[chair]
	return nil
}

func (c *VoteCmd) ref(s *Session) string {
	r := s.ID + "/" + itoa(c.N)
	if c.Line != "" {
		r += "/" + c.Line
	}
	return r
}
