package model

import (
	"encoding/json"
	"fmt"
	"time"
)

// Command is a request to change the record. Apply checks everything first
// and changes st only when the whole request is allowed, so a refused command
// leaves no trace; replaying the same command on the same state gives the
// same result, which is what makes the event log the record.
type Command interface {
	// Type names the event the command becomes.
	Type() string
	// SessionID is the session the command changes ("" for none).
	SessionID() string
	// Apply validates the command against st and applies it.
	Apply(st *State, c Ctx) error
}

// Event is a command as it was carried out: the store appends it to the
// hash-chained log in the same transaction as the state it produced.
type Event struct {
	Seq  uint64    `json:"seq"`
	Time time.Time `json:"time"`
	// Req is the id of the request the event answers, made by the process
	// that asked (SPEC §11): a client whose owner died before replying
	// looks it up instead of running the command a second time. It comes
	// before the data, so a lookup reads it without reading the data.
	Req     string          `json:"req,omitempty"`
	Actor   string          `json:"actor"`
	Type    string          `json:"type"`
	Session string          `json:"session,omitempty"`
	Data    json.RawMessage `json:"data"`
	Prev    string          `json:"prev"`
	Hash    string          `json:"hash"`
}

var commandTypes = map[string]func() Command{}

func register(f func() Command) { commandTypes[f().Type()] = f }

func init() {
	register(func() Command { return &InitCmd{} })
	register(func() Command { return &OpenCmd{} })
	register(func() Command { return &AttendCmd{} })
	register(func() Command { return &ItemCmd{} })
	register(func() Command { return &SpeakerCmd{} })
	register(func() Command { return &NoteCmd{} })
	register(func() Command { return &AmendCmd{} })
	register(func() Command { return &VoteCmd{} })
	register(func() Command { return &SuspendCmd{} })
	register(func() Command { return &CloseCmd{} })
	register(func() Command { return &RegisterCmd{} })
	register(func() Command { return &BodyCreateCmd{} })
	register(func() Command { return &BodySetCmd{} })
	register(func() Command { return &MemberAddCmd{} })
	register(func() Command { return &MemberLeaveCmd{} })
	register(func() Command { return &MemberSetCmd{} })
	register(func() Command { return &MembersImportCmd{} })
	register(func() Command { return &NewSessionCmd{} })
	register(func() Command { return &EditSessionCmd{} })
	register(func() Command { return &GuestsCmd{} })
	register(func() Command { return &AgendaCmd{} })
	register(func() Command { return &BudgetImportCmd{} })
}

// NewEvent wraps a carried-out command as an event (without seq and hashes).
func NewEvent(cmd Command, c Ctx) (Event, error) {
	data, err := json.Marshal(cmd)
	if err != nil {
		return Event{}, err
	}
	return Event{Time: c.Time.UTC(), Actor: c.Actor, Type: cmd.Type(), Session: cmd.SessionID(), Data: data}, nil
}

// Decode turns an event back into its command.
func (e Event) Decode() (Command, error) {
	f, ok := commandTypes[e.Type]
	if !ok {
		return nil, &EventError{Seq: e.Seq, Type: e.Type, Err: fmt.Errorf("unknown type %q", e.Type)}
	}
	cmd := f()
	if err := json.Unmarshal(e.Data, cmd); err != nil {
		return nil, &EventError{Seq: e.Seq, Type: e.Type, Err: err}
	}
	return cmd, nil
}

// Replay applies an event to st as it was applied when recorded. An event
// that cannot be decoded or is refused gives an *EventError.
func (e Event) Replay(st *State) error {
	cmd, err := e.Decode()
	if err != nil {
		return err
	}
	if err := cmd.Apply(st, Ctx{Time: e.Time, Actor: e.Actor}); err != nil {
		return &EventError{Seq: e.Seq, Type: e.Type, Err: err}
	}
	return nil
}

// EventError is an event that cannot be decoded or replayed. It names the
// event once, however many layers report it; its exit code is the one of
// the error it wraps.
type EventError struct {
	Seq  uint64
	Type string
	Err  error
}

func (e *EventError) Error() string { return e.In("en") }

// In says the error in lang.
func (e *EventError) In(lang string) string {
	return fmt.Sprintf("event %d (%s): %s", e.Seq, e.Type, Message(e.Err, lang))
}

// Unwrap returns the error the event gave.
func (e *EventError) Unwrap() error { return e.Err }

// Scoped is implemented by commands that change only part of a session: the
// session's own fields, plus either its sittings (item 0) or one item (and,
// when line is set, only that budget line of it). The store then rewrites
// only those records, which keeps a vote's commit small however long the
// agenda is. A command that is not Scoped may change anything.
type Scoped interface {
	// Scope names the item and line the command changes; item 0 means the
	// sittings instead.
	Scope() (item int, line string)
}

// Spiller is implemented by Scoped commands that may also end a
// speaker's turn on other items (one speaker has the floor at a time, and a
// vote, a suspension or the next item stops the clock). Spill names those
// items, from the turns the command ends (floor.go); the store rewrites
// them too, without their budget lines.
type Spiller interface {
	Spill() []int
}

// Scope implements Scoped.
func (c *OpenCmd) Scope() (int, string) { return 0, "" }

// Scope implements Scoped.
func (c *AttendCmd) Scope() (int, string) { return 0, "" }

// Scope implements Scoped.
func (c *SuspendCmd) Scope() (int, string) { return 0, "" }

// Scope implements Scoped.
func (c *CloseCmd) Scope() (int, string) { return 0, "" }

// Scope implements Scoped.
func (c *ItemCmd) Scope() (int, string) { return c.N, "" }

// Scope implements Scoped.
func (c *NoteCmd) Scope() (int, string) { return c.N, "" }

// Scope implements Scoped.
func (c *SpeakerCmd) Scope() (int, string) { return c.N, "" }

// Scope implements Scoped.
func (c *AmendCmd) Scope() (int, string) { return c.N, c.Line }

// Scope implements Scoped: a line's vote changes that line; a final vote the
// item (and the session's current item).
func (c *VoteCmd) Scope() (int, string) { return c.N, c.Line }
