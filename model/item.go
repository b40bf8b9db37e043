package model

import (
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
type ItemCmd struct {
	Session string `json:"session"`
	N       int    `json:"n"`
	Action  string `json:"action"`
	Text    string `json:"text,omitempty"`
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
	sit := s.Sitting().N
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
		it.State, it.Outcome, it.Started, it.Sitting = ItemOpen, Pending, ctx.Time, sit
		it.Ended = time.Time{}
		s.Current = it.N
	case ActDone:
		if it.State != ItemOpen {
			return Refused("err.item_not_open", it.N)
		}
		if it.Votes {
			return Refused("err.item_needs_vote", it.N)
		}
		endItem(s, it, Noted, ctx, sit)
	case ActDefer, ActWithdraw:
		if it.State == ItemEnded {
			return Refused("err.item_ended", it.N, string(it.Outcome))
		}
		if it.Vote != nil {
			return Refused("err.item_ended", it.N, string(it.Outcome))
		}
		out := Deferred
		if c.Action == ActWithdraw {
			out = Withdrawn
		}
		endItem(s, it, out, ctx, sit)
	default:
		return Usage("err.bad_action", c.Action)
	}
	return nil
}

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

// SpeakerCmd keeps the list of speakers on an item.
type SpeakerCmd struct {
	Session string `json:"session"`
	N       int    `json:"n"`
	Member  string `json:"member"`
	Action  string `json:"action"`
}

// Type implements Command.
func (*SpeakerCmd) Type() string { return "speaker" }

// SessionID implements Command.
func (c *SpeakerCmd) SessionID() string { return c.Session }

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
	if _, ok := st.BodyOf(s).Member(c.Member); !ok {
		return NotFound("err.member_not_found", c.Member)
	}
	// The member's latest entry that has not finished speaking.
	idx := -1
	for i := len(it.Speakers) - 1; i >= 0; i-- {
		if it.Speakers[i].Member == c.Member && it.Speakers[i].End.IsZero() {
			idx = i
			break
		}
	}
	switch c.Action {
	case SpeakerAdd:
		if idx >= 0 {
			return Refused("err.speaker_listed", c.Member)
		}
		it.Speakers = append(it.Speakers, Speaker{Member: c.Member, Added: ctx.Time})
	case SpeakerStart:
		if idx < 0 {
			it.Speakers = append(it.Speakers, Speaker{Member: c.Member, Added: ctx.Time})
			idx = len(it.Speakers) - 1
		}
		if !it.Speakers[idx].Start.IsZero() {
			return Refused("err.speaker_speaking", c.Member)
		}
		it.Speakers[idx].Start = ctx.Time
	case SpeakerDone:
		if idx < 0 || it.Speakers[idx].Start.IsZero() {
			return Refused("err.speaker_not_speaking", c.Member)
		}
		it.Speakers[idx].End = ctx.Time
	case SpeakerRemove:
		if idx < 0 || !it.Speakers[idx].Start.IsZero() {
			return Refused("err.speaker_not_waiting", c.Member)
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
		return Usage("err.negative_amount", c.Amount.String())
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
