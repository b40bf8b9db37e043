package model

import (
	"strings"
)

// InitCmd creates a body (or reuses the same one), its members and a session.
// The session file loader builds it.
type InitCmd struct {
	Body    Body    `json:"body"`
	Session Session `json:"session"`
}

// Type implements Command.
func (*InitCmd) Type() string { return "init" }

// SessionID implements Command.
func (c *InitCmd) SessionID() string { return c.Session.ID }

// Apply implements Command.
func (c *InitCmd) Apply(st *State, ctx Ctx) error {
	if err := c.check(); err != nil {
		return err
	}
	if _, ok := st.Sessions[c.Session.ID]; ok {
		return Refused("err.session_exists", c.Session.ID)
	}
	body, err := c.body(st, ctx)
	if err != nil {
		return err
	}
	// Only what a session file gives is taken from the command: an event
	// that claims sittings, votes or notes from the start is not a session
	// file's, and what it claims is not recorded.
	cs := &c.Session
	s := Session{ID: cs.ID, Body: c.Body.ID, Kind: cs.Kind, Title: cs.Title, Date: cs.Date, Time: cs.Time, Place: cs.Place,
		Chair: cs.Chair, Secretary: cs.Secretary, Guests: cs.Guests, Convened: cs.Convened, Public: cs.Public,
		SpeakingTime: cs.SpeakingTime, State: StateDraft, Created: ctx.Time}
	s.Items = make([]*Item, len(cs.Items))
	for i, it := range cs.Items {
		cp := Item{N: i + 1, Title: it.Title, Kind: it.Kind, Text: it.Text, Majority: it.Majority, Votes: it.Votes,
			VoteMode: it.VoteMode, Balanced: it.Balanced, Parts: it.Parts, State: ItemWaiting, Outcome: Pending}
		cp.Lines = make([]*BudgetLine, len(it.Lines))
		for j, l := range it.Lines {
			cp.Lines[j] = &BudgetLine{Code: l.Code, Label: l.Label, Kind: l.Kind, Part: l.Part, Amount: l.Amount, Outcome: Pending}
		}
		s.Items[i] = &cp
	}
	if err := checkOfficers(body, &s); err != nil {
		return err
	}
	st.Bodies[body.ID] = body
	st.Sessions[s.ID] = &s
	return nil
}

// OpenCmd opens a sitting: the first, or a new one after a suspension.
type OpenCmd struct {
	Session string `json:"session"`
	Call    int    `json:"call"`
}

// Type implements Command.
func (*OpenCmd) Type() string { return "open" }

// SessionID implements Command.
func (c *OpenCmd) SessionID() string { return c.Session }

// Apply implements Command.
func (c *OpenCmd) Apply(st *State, ctx Ctx) error {
	s, err := st.Session(c.Session)
	if err != nil {
		return err
	}
	switch s.State {
	case StateOpen:
		return Refused("err.already_open", s.ID)
	case StateClosed:
		return Refused("err.closed", s.ID)
	}
	if err := s.readyToOpen(); err != nil {
		return err
	}
	call := c.Call
	if call == 0 {
		call = 1
	}
	if call < 1 || call > 3 {
		return Usage("err.bad_call", c.Call)
	}
	s.Sittings = append(s.Sittings, &Sitting{N: len(s.Sittings) + 1, Call: call, Open: ctx.Time, Attendance: map[string]Presence{}})
	s.State = StateOpen
	return nil
}

// AttendCmd records attendance. Each list holds member ids or "all"; "all"
// applies before the named ids.
type AttendCmd struct {
	Session string   `json:"session"`
	Present []string `json:"present,omitempty"`
	Absent  []string `json:"absent,omitempty"`
	Excused []string `json:"excused,omitempty"`
	Arrive  []string `json:"arrive,omitempty"`
	Leave   []string `json:"leave,omitempty"`
}

// Type implements Command.
func (*AttendCmd) Type() string { return "attend" }

// SessionID implements Command.
func (c *AttendCmd) SessionID() string { return c.Session }

// Apply implements Command.
func (c *AttendCmd) Apply(st *State, ctx Ctx) error {
	s, err := openSession(st, c.Session)
	if err != nil {
		return err
	}
	b := st.BodyOf(s)
	lists := []struct {
		ids  []string
		p    Presence
		kind string
	}{
		{c.Present, Present, "roll"}, {c.Absent, Absent, "roll"}, {c.Excused, Excused, "roll"},
		{c.Arrive, Present, "arrive"}, {c.Leave, Absent, "leave"},
	}
	var all, named []Move
	empty := true
	for _, l := range lists {
		for _, id := range l.ids {
			empty = false
			if strings.EqualFold(id, "all") {
				for _, m := range b.Members {
					all = append(all, Move{Time: ctx.Time, Member: m.ID, Presence: l.p, Kind: l.kind})
				}
				continue
			}
			if _, ok := b.Member(id); !ok {
				return NotFound("err.member_not_found", id)
			}
			named = append(named, Move{Time: ctx.Time, Member: id, Presence: l.p, Kind: l.kind})
		}
	}
	if empty {
		return Usage("err.attend_nothing")
	}
	// Named ids override "all"; only net changes go into the log, so the
	// minutes do not show a member arriving and leaving in the same instant.
	sit := s.Sitting()
	final := map[string]Move{}
	var order []string
	for _, mv := range append(all, named...) {
		if _, seen := final[mv.Member]; !seen {
			order = append(order, mv.Member)
		}
		final[mv.Member] = mv
	}
	for _, id := range order {
		mv := final[id]
		if sit.Attendance[id] == mv.Presence {
			continue
		}
		sit.Attendance[id] = mv.Presence
		sit.Moves = append(sit.Moves, mv)
	}
	return nil
}

// SuspendCmd ends the current sitting; the session resumes with a new one.
// The turn of whoever has the floor ends with it (Ends, settled when
// recorded).
type SuspendCmd struct {
	Session string `json:"session"`
	// Ends are the turns the command ends (floor.go).
	Ends []Turn `json:"ends,omitempty"`
}

// Settle implements Settler.
func (c *SuspendCmd) Settle(st *State) { c.Ends = turnsUnderWay(st, c.Session, 0) }

// Spill implements Spiller.
func (c *SuspendCmd) Spill() []int { return spillOf(c.Ends, 0) }

// Type implements Command.
func (*SuspendCmd) Type() string { return "suspend" }

// SessionID implements Command.
func (c *SuspendCmd) SessionID() string { return c.Session }

// Apply implements Command.
func (c *SuspendCmd) Apply(st *State, ctx Ctx) error {
	s, err := openSession(st, c.Session)
	if err != nil {
		return err
	}
	if err := checkEnds(s, c.Ends); err != nil {
		return err
	}
	endTurns(s, c.Ends, ctx.Time)
	s.Sitting().End = ctx.Time
	s.State = StateSuspended
	return nil
}

// CloseCmd ends the sitting and locks the session for good, and with it
// the turn of whoever has the floor (Ends, settled when recorded).
type CloseCmd struct {
	Session string `json:"session"`
	// Ends are the turns the command ends (floor.go).
	Ends []Turn `json:"ends,omitempty"`
}

// Settle implements Settler.
func (c *CloseCmd) Settle(st *State) { c.Ends = turnsUnderWay(st, c.Session, 0) }

// Spill implements Spiller.
func (c *CloseCmd) Spill() []int { return spillOf(c.Ends, 0) }

// Type implements Command.
func (*CloseCmd) Type() string { return "close" }

// SessionID implements Command.
func (c *CloseCmd) SessionID() string { return c.Session }

// Apply implements Command.
func (c *CloseCmd) Apply(st *State, ctx Ctx) error {
	s, err := st.Session(c.Session)
	if err != nil {
		return err
	}
	switch s.State {
	case StateClosed:
		return Refused("err.closed", s.ID)
	case StateDraft:
		return Refused("err.not_open", s.ID)
	}
	// The advice differs by kind: an item that takes no vote is ended
	// (noted), not voted.
	var toVote, toEnd []string
	for _, it := range s.Items {
		switch {
		case it.Outcome != Pending:
		case it.Votes:
			toVote = append(toVote, itoa(it.N))
		default:
			toEnd = append(toEnd, itoa(it.N))
		}
	}
	switch {
	case len(toVote) > 0 && len(toEnd) > 0:
		return Refused("err.close_pending_both", strings.Join(toVote, ", "), strings.Join(toEnd, ", "))
	case len(toVote) > 0:
		return Refused("err.close_pending", strings.Join(toVote, ", "))
	case len(toEnd) > 0:
		return Refused("err.close_pending_noted", strings.Join(toEnd, ", "))
	}
	if err := checkEnds(s, c.Ends); err != nil {
		return err
	}
	endTurns(s, c.Ends, ctx.Time)
	if sit := s.Sitting(); sit != nil && sit.End.IsZero() {
		sit.End = ctx.Time
	}
	s.State = StateClosed
	s.Closed = ctx.Time
	s.RollAt = len(st.Bodies[s.Body].Changes)
	s.Current = 0
	return nil
}

// openSession returns the session if it has a sitting under way.
func openSession(st *State, id string) (*Session, error) {
	s, err := st.Session(id)
	if err != nil {
		return nil, err
	}
	switch s.State {
	case StateOpen:
		return s, nil
	case StateClosed:
		return nil, Refused("err.closed", s.ID)
	}
	return nil, Refused("err.not_open", s.ID)
}

// changeableSession returns the session unless it is closed.
func changeableSession(st *State, id string) (*Session, error) {
	s, err := st.Session(id)
	if err != nil {
		return nil, err
	}
	if s.State == StateClosed {
		return nil, Refused("err.closed", s.ID)
	}
	return s, nil
}
