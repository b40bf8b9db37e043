package model

import (
	"slices"
	"strconv"
	"strings"
	"time"
)

// Item actions of `jalsa item`.
const (
	ActStart    = "start"
	ActDone     = "done"
	ActDefer    = "defer"
	ActWithdraw = "withdraw"
	ActNote     = "note"
)

// ItemCmd moves an item through its life or adds a discussion note.
// Starting an item ends the turn of whoever has the floor; ending one ends
// the turns on it (Ends, settled when recorded).
type ItemCmd struct {
	Session string `json:"session"`
	N       int    `json:"n"`
	Action  string `json:"action"`
	Text    string `json:"text,omitempty"`
	// Ends are the turns the command ends (floor.go).
	Ends []Turn `json:"ends,omitempty"`
}

// Type implements Command.
func (*ItemCmd) Type() string { return "item" }

// SessionID implements Command.
func (c *ItemCmd) SessionID() string { return c.Session }

// Apply implements Command.
func (c *ItemCmd) Apply(st *State, ctx Ctx) error {
	if c.Action == ActNote {
		s, err := changeableSession(st, c.Session)
		if err != nil {
			return err
		}
		it, err := s.Item(c.N)
		if err != nil {
			return err
		}
		text := strings.TrimSpace(c.Text)
		if text == "" {
			return Usage("err.note_empty")
		}
		if err := CheckText("note", text, MaxText, true); err != nil {
			return err
		}
		it.Notes = append(it.Notes, Note{Time: ctx.Time, Text: text, By: ctx.Actor})
		return nil
	}
	s, err := openSession(st, c.Session)
	if err != nil {
		return err
	}
	it, err := s.Item(c.N)
	if err != nil {
		return err
	}
	if err := c.check(s, it); err != nil {
		return err
	}
	if err := checkEnds(s, c.Ends); err != nil {
		return err
	}
	endTurns(s, c.Ends, ctx.Time)
	sit := s.Sitting().N
	switch c.Action {
	case ActStart:
		it.State, it.Outcome, it.Started, it.Sitting = ItemOpen, Pending, ctx.Time, sit
		it.Ended = time.Time{}
		s.Current = it.N
	case ActDone:
		endItem(s, it, Noted, ctx, sit)
	case ActDefer:
		endItem(s, it, Deferred, ctx, sit)
	case ActWithdraw:
		endItem(s, it, Withdrawn, ctx, sit)
	}
	return nil
}

// check refuses an item action the item's state does not allow.
func (c *ItemCmd) check(s *Session, it *Item) error {
	switch c.Action {
	case ActStart:
		if it.State == ItemOpen {
			return Refused("err.item_already_open", it.N)
		}
		if it.State == ItemEnded && it.Outcome != Deferred {
			return Refused("err.item_ended", it.N, string(it.Outcome))
		}
		if s.Current != 0 && s.Current != it.N {
			if cur := s.Items[s.Current-1]; cur.State == ItemOpen {
				return Refused("err.other_item_open", cur.N)
			}
		}
	case ActDone:
		if it.State != ItemOpen {
			return Refused("err.item_not_open", it.N)
		}
		if it.Votes {
			return Refused("err.item_needs_vote", it.N)
		}
	case ActDefer, ActWithdraw:
		if it.State == ItemEnded || it.Vote != nil {
			return Refused("err.item_ended", it.N, string(it.Outcome))
		}
	default:
		return Usage("err.bad_action", c.Action)
	}
	return nil
}

// Settle implements Settler: the next item ends the floor wherever it is;
// ending an item ends only its own debate.
func (c *ItemCmd) Settle(st *State) {
	switch c.Action {
	case ActNote:
		c.Ends = nil
	case ActStart:
		c.Ends = turnsUnderWay(st, c.Session, 0)
	default:
		c.Ends = turnsUnderWay(st, c.Session, c.N)
	}
}

// Spill implements Spiller.
func (c *ItemCmd) Spill() []int { return spillOf(c.Ends, c.N) }

func endItem(s *Session, it *Item, out Outcome, ctx Ctx, sitting int) {
	it.State, it.Outcome, it.Ended, it.Sitting = ItemEnded, out, ctx.Time, sitting
	if s.Current == it.N {
		s.Current = 0
	}
}

// Speaker actions of the list of speakers.
const (
	SpeakerAdd    = "add"
	SpeakerStart  = "start"
	SpeakerDone   = "done"
	SpeakerRemove = "remove"
)

// SpeakerCmd keeps the list of speakers on an item: a member by id, or a
// guest of the session by name. One speaker has the floor at a time:
// giving it ends the turn of whoever had it (Ends, settled when recorded).
type SpeakerCmd struct {
	Session string `json:"session"`
	N       int    `json:"n"`
	Member  string `json:"member,omitempty"`
	Guest   string `json:"guest,omitempty"`
	Action  string `json:"action"`
	// Ends are the turns the command ends (floor.go).
	Ends []Turn `json:"ends,omitempty"`
}

// Type implements Command.
func (*SpeakerCmd) Type() string { return "speaker" }

// SessionID implements Command.
func (c *SpeakerCmd) SessionID() string { return c.Session }

// Settle implements Settler: giving the floor ends every turn under way.
func (c *SpeakerCmd) Settle(st *State) {
	c.Ends = nil
	if c.Action == SpeakerStart {
		c.Ends = turnsUnderWay(st, c.Session, 0)
	}
}

// Spill implements Spiller.
func (c *SpeakerCmd) Spill() []int { return spillOf(c.Ends, c.N) }

// who names the speaker in messages.
func (c *SpeakerCmd) who() string {
	if c.Guest != "" {
		return c.Guest
	}
	return c.Member
}

// same reports that entry sp is this command's speaker.
func (c *SpeakerCmd) same(sp Speaker) bool { return sp.Member == c.Member && sp.Guest == c.Guest }

// Apply implements Command.
func (c *SpeakerCmd) Apply(st *State, ctx Ctx) error {
	s, err := openSession(st, c.Session)
	if err != nil {
		return err
	}
	it, err := s.Item(c.N)
	if err != nil {
		return err
	}
	switch {
	case (c.Member == "") == (c.Guest == ""):
		return Usage("err.speaker_who")
	case c.Guest != "":
		if err := CheckText("guest", c.Guest, MaxName, false); err != nil {
			return err
		}
		if !slices.ContainsFunc(s.Guests, func(g Guest) bool { return g.Name == c.Guest }) {
			return NotFound("err.guest_not_found", c.Guest, s.ID)
		}
	default:
		if _, ok := st.BodyOf(s).Member(c.Member); !ok {
			return NotFound("err.member_not_found", c.Member)
		}
	}
	// The speaker's latest entry that has not finished speaking.
	idx := -1
	for i := len(it.Speakers) - 1; i >= 0; i-- {
		if c.same(it.Speakers[i]) && it.Speakers[i].End.IsZero() {
			idx = i
			break
		}
	}
	switch c.Action {
	case SpeakerAdd:
		if idx >= 0 {
			return Refused("err.speaker_listed", c.who())
		}
		it.Speakers = append(it.Speakers, Speaker{Member: c.Member, Guest: c.Guest, Added: ctx.Time})
	case SpeakerStart:
		if idx >= 0 && it.Speakers[idx].Speaking() {
			return Refused("err.speaker_speaking", c.who())
		}
		if err := checkEnds(s, c.Ends); err != nil {
			return err
		}
		endTurns(s, c.Ends, ctx.Time)
		if idx < 0 {
			it.Speakers = append(it.Speakers, Speaker{Member: c.Member, Guest: c.Guest, Added: ctx.Time})
			idx = len(it.Speakers) - 1
		}
		it.Speakers[idx].Start = ctx.Time
	case SpeakerDone:
		if idx < 0 || !it.Speakers[idx].Speaking() {
			return Refused("err.speaker_not_speaking", c.who())
		}
		it.Speakers[idx].End = ctx.Time
	case SpeakerRemove:
		if idx < 0 || !it.Speakers[idx].Start.IsZero() {
			return Refused("err.speaker_not_waiting", c.who())
		}
		it.Speakers = append(it.Speakers[:idx], it.Speakers[idx+1:]...)
	default:
		return Usage("err.bad_action", c.Action)
	}
	return nil
}

// AmendCmd changes a budget line's amount before its vote.
type AmendCmd struct {
	Session string `json:"session"`
	N       int    `json:"n"`
	Line    string `json:"line"`
	Amount  Cents  `json:"amount"`
	Reason  string `json:"reason"`
}

// Type implements Command.
func (*AmendCmd) Type() string { return "amend" }

// SessionID implements Command.
func (c *AmendCmd) SessionID() string { return c.Session }

// Apply implements Command.
func (c *AmendCmd) Apply(st *State, ctx Ctx) error {
	s, err := changeableSession(st, c.Session)
	if err != nil {
		return err
	}
	it, err := s.Item(c.N)
	if err != nil {
		return err
	}
	l, err := it.Line(c.Line)
	if err != nil {
		return err
	}
	if strings.TrimSpace(c.Reason) == "" {
		return Usage("err.reason_required")
	}
	if err := CheckText("reason", c.Reason, MaxText, true); err != nil {
		return err
	}
	if c.Amount < 0 {
		return Usage("err.negative_amount", c.Amount)
	}
	if c.Amount > maxCents {
		return Usage("err.amount_large", c.Amount.String())
	}
	if it.Vote != nil || (it.State == ItemEnded && it.Outcome != Deferred) {
		return Refused("err.amend_after_final", c.Line, it.N)
	}
	if l.Vote != nil {
		return Refused("err.amend_after_vote", c.Line)
	}
	l.Amendments = append(l.Amendments, Amendment{Time: ctx.Time, From: l.Amount, To: c.Amount, Reason: strings.TrimSpace(c.Reason), By: ctx.Actor})
	l.Amount = c.Amount
	return nil
}

func itoa(n int) string { return strconv.Itoa(n) }
