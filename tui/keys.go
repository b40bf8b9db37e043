package tui

import "github.com/charmbracelet/bubbles/key"

// KeyMap holds every key of the UI. SPEC §6 fixes the common ones; the
// others are jalsa's own. Each screen shows the ones that matter in its help
// bar, and `?` lists them all.
type KeyMap struct {
	Up, Down, PageUp, PageDown, Home, End, Left, Right key.Binding
	Enter, Back, Tab, ShiftTab                         key.Binding
	Help, Lookup, Quit, ForceQuit                      key.Binding

	// Cockpit and the screens it opens.
	RollCall, Vote, Start, Notes, Minutes, Audience key.Binding
	// Display opens the "check your terminal" screen.
	Display                        key.Binding
	OpenSitting, Suspend, Close    key.Binding
	Done, Defer, Withdraw, Correct key.Binding

	// Roll call.
	Toggle, AllPresent, Excused, SameAsLast key.Binding

	// Vote entry. AllFor fills in "every member present voted for".
	ByName, AllFor, VoteFor, VoteAgainst, VoteAbstain, VoteClear, Rest key.Binding

	// Budget.
	Amend, FinalVote key.Binding

	// Notes and speakers.
	AddSpeaker, RemoveSpeaker, EditNote, WithdrawNote key.Binding

	// Lookup.
	GoToSession key.Binding

	// The agenda of a draft session.
	Agenda, AddItem, MoveItemUp, MoveItemDown, RemoveItem key.Binding

	// writes holds the help (key and text) of every binding that records
	// something, so that a read-only role is never offered one (see Shown).
	writes map[key.Help]bool
}

// writeHelp lists the texts a screen gives a shared key (withHelp) where
// pressing it records something: enter saves a note, records a vote, starts
// a speaker…
var writeHelp = []struct{ key, text string }{
	{"enter", "tui.notes.save"},
	{"enter", "tui.vote.record"},
	{"enter", "tui.key.edit_item"},
	{"enter", "tui.speakers.start_end"},
	{"enter", "tui.key.add_speaker"},
	{"tab", "tui.notes.write"},
}

// Shown is bs without the bindings that record something when readOnly:
// the keys a role may use, the only ones its help lists.
func (k *KeyMap) Shown(bs []key.Binding, readOnly bool) []key.Binding {
	if !readOnly {
		return bs
	}
	var out []key.Binding
	for _, b := range bs {
		if !k.writes[b.Help()] {
			out = append(out, b)
		}
	}
	return out
}

// DefaultKeyMap returns the keys, with help text said by label (an i18n key
// in, the text to show out).
func DefaultKeyMap(label func(string) string) *KeyMap {
	b := func(help, desc string, keys ...string) key.Binding {
		return key.NewBinding(key.WithKeys(keys...), key.WithHelp(help, label("tui.key."+desc)))
	}
	k := &KeyMap{
		Up:        b("↑/k", "up", "up", "k"),
		Down:      b("↓/j", "down", "down", "j"),
		PageUp:    b("pgup", "page_up", "pgup"),
		PageDown:  b("pgdn", "page_down", "pgdown"),
		Home:      b("home", "home", "home"),
		End:       b("end", "end", "end"),
		Left:      b("←", "left", "left"),
		Right:     b("→", "right", "right"),
		Enter:     b("enter", "enter", "enter"),
		Back:      b("esc", "back", "esc"),
		Tab:       b("tab", "tab", "tab"),
		ShiftTab:  b("shift+tab", "shift_tab", "shift+tab"),
		Help:      b("?", "help", "?"),
		Lookup:    b("/", "lookup", "/"),
		Quit:      b("q", "quit", "q"),
		ForceQuit: b("ctrl+c", "force_quit", "ctrl+c"),

		RollCall:    b("a", "roll_call", "a"),
		Vote:        b("v", "vote", "v"),
		Start:       b("s", "start", "s"),
		Notes:       b("n", "notes", "n"),
		Minutes:     b("m", "minutes", "m"),
		Audience:    b("D", "audience", "D"),
		Display:     b("B", "display", "B"),
		OpenSitting: b("o", "open_sitting", "o"),
		Suspend:     b("p", "suspend", "p"),
		Close:       b("X", "close", "X"),
		Done:        b("d", "done", "d"),
		Defer:       b("f", "defer", "f"),
		Withdraw:    b("w", "withdraw", "w"),
		Correct:     b("c", "correct", "c"),

		Toggle:     b("space", "toggle", " "),
		AllPresent: b("A", "all_present", "A"),
		Excused:    b("x", "excused", "x"),
		SameAsLast: b("L", "same_as_last", "L"),

		ByName:      b("N", "by_name", "N"),
		AllFor:      b("u", "all_for", "u"),
		VoteFor:     b("1", "vote_for", "1"),
		VoteAgainst: b("2", "vote_against", "2"),
		VoteAbstain: b("3", "vote_abstain", "3"),
		VoteClear:   b("0", "vote_clear", "0"),
		Rest:        b("r", "rest", "r"),

		Amend:     b("e", "amend", "e"),
		FinalVote: b("V", "final_vote", "V"),

		AddSpeaker:    b("+", "add_speaker", "+"),
		RemoveSpeaker: b("-", "remove_speaker", "-"),
		EditNote:      b("e", "edit_note", "e"),
		WithdrawNote:  b("w", "withdraw_note", "w"),

		GoToSession: b("g", "go_to_session", "g"),

		Agenda:       b("e", "agenda", "e"),
		AddItem:      b("+", "add_item", "+", "insert"),
		MoveItemUp:   b("K", "move_up", "K", "shift+up"),
		MoveItemDown: b("J", "move_down", "J", "shift+down"),
		RemoveItem:   b("x", "remove_item", "x", "delete"),
	}
	k.writes = map[key.Help]bool{}
	for _, w := range []key.Binding{k.Vote, k.Start, k.OpenSitting, k.Suspend, k.Close, k.Done, k.Defer, k.Withdraw, k.Correct,
		k.Toggle, k.AllPresent, k.Excused, k.SameAsLast, k.ByName, k.AllFor, k.VoteFor, k.VoteAgainst, k.VoteAbstain, k.VoteClear, k.Rest,
		k.Amend, k.FinalVote, k.AddSpeaker, k.RemoveSpeaker, k.EditNote, k.WithdrawNote, k.AddItem, k.MoveItemUp, k.MoveItemDown, k.RemoveItem} {
		k.writes[w.Help()] = true
	}
	for _, w := range writeHelp {
		k.writes[key.Help{Key: w.key, Desc: label(w.text)}] = true
	}
	return k
}

// withHelp is b with the help text key, where a screen gives a key its
// own meaning.
func withHelp(b key.Binding, c *Common, text string) key.Binding {
	b.SetHelp(b.Help().Key, c.Cell(c.T(text), 0))
	return b
}
