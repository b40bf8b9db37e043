package model

import "strings"

// Note actions of `jalsa note`.
const (
	NoteCorrect  = "correct"
	NoteWithdraw = "withdraw"
)

// NoteCmd corrects or withdraws a discussion note. Neither erases it: a
// correction keeps the earlier wording, a withdrawal keeps the note marked
// as withdrawn, so the record says what was written and when, as it does
// for a corrected vote.
type NoteCmd struct {
	Session string `json:"session"`
	N       int    `json:"n"`
	// Note is the note's number on the item, from 1, in the order written.
	Note   int    `json:"note"`
	Action string `json:"action"`
	Text   string `json:"text,omitempty"`
}

// Type implements Command.
func (*NoteCmd) Type() string { return "note" }

// SessionID implements Command.
func (c *NoteCmd) SessionID() string { return c.Session }

// Apply implements Command.
func (c *NoteCmd) Apply(st *State, ctx Ctx) error {
	s, err := changeableSession(st, c.Session)
	if err != nil {
		return err
	}
	it, err := s.Item(c.N)
	if err != nil {
		return err
	}
	if c.Note < 1 || c.Note > len(it.Notes) {
		return NotFound("err.note_not_found", c.Note, it.N, len(it.Notes))
	}
	n := &it.Notes[c.Note-1]
	if !n.Live() {
		return Refused("err.note_withdrawn", c.Note, it.N)
	}
	switch c.Action {
	case NoteCorrect:
		text := strings.TrimSpace(c.Text)
		if text == "" {
			return Usage("err.note_empty")
		}
		if err := CheckText("note", text, MaxText, true); err != nil {
			return err
		}
		if text == n.Text {
			return Usage("err.note_unchanged", c.Note, it.N)
		}
		n.Edits = append(n.Edits, NoteEdit{Time: ctx.Time, Text: n.Text, By: ctx.Actor})
		n.Text = text
	case NoteWithdraw:
		n.Withdrawn = ctx.Time
	default:
		return Usage("err.bad_action", c.Action)
	}
	return nil
}
