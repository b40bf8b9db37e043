package cli_test

import (
	"strings"
	"testing"

	"github.com/jalsa-app/jalsa/model"
	"github.com/jalsa-app/jalsa/store"
)

// What the clerk's screen does with notes and speakers, the command line
// does too: correct and withdraw a note, give a guest the floor, which
// ends the member's turn. Bad input is refused naming what is wrong, and
// a guest's name is held to the limits of every name.
func TestNotesAndGuestSpeakers(t *testing.T) {
	h := newHarness(t)
	h.db = demoDB(t)
	h.ok("open", "2024-10")
	h.ok("attend", "2024-10", "--present", "all")
	h.ok("item", "2024-10", "1", "start")
	h.ok("item", "2024-10", "1", "note", "the presdient opens")
	if out := h.ok("note", "2024-10", "1", "1", "correct", "the", "president", "opens"); out != "note 1 of item 1 corrected\n" {
		t.Errorf("note correct printed %q", out)
	}
	h.ok("item", "2024-10", "1", "note", "said twice")
	h.ok("note", "2024-10", "1", "2", "withdraw")
	h.refused(3, "err.note_withdrawn", []any{2, 1}, "note", "2024-10", "1", "2", "withdraw")
	h.refused(4, "err.note_not_found", []any{3, 1, 2}, "note", "2024-10", "1", "3", "withdraw")
	h.refused(2, "err.bad_note", []any{"x"}, "note", "2024-10", "1", "x", "withdraw")
	h.fails(2, "note", "2024-10", "1", "1", "correct")
	h.fails(2, "note", "2024-10", "1", "1", "withdraw", "extra")
	h.fails(2, "note", "2024-10", "1", "1", "erase")
	h.fails(2, "note", "2024-10", "1", "1", "correct", "bad\u202etext")

	h.ok("speaker", "2024-10", "1", "m02", "start")
	h.ok("speaker", "2024-10", "1", "--guest", "معاذ الجامعي", "start")
	h.refused(4, "err.guest_not_found", []any{"Nobody", "2024-10"}, "speaker", "2024-10", "1", "--guest", "Nobody", "start")
	h.fails(2, "speaker", "2024-10", "1", "m02", "--guest", "معاذ الجامعي", "start")
	h.fails(2, "speaker", "2024-10", "1", "--guest", strings.Repeat("x", model.MaxName+1), "start")

	st, err := store.Open(h.db, store.Options{MustExist: true})
	if err != nil {
		t.Fatal(err)
	}
	st.Read(func(s *model.State) {
		it := s.Sessions["2024-10"].Items[0]
		notes := it.Notes
		if len(notes) != 2 || notes[0].Text != "the president opens" || len(notes[0].Edits) != 1 || notes[1].Live() {
			t.Errorf("notes %+v: want the first corrected, its wording kept, the second withdrawn", notes)
		}
		sps := it.Speakers
		if len(sps) != 2 || sps[0].Member != "m02" || sps[0].Speaking() || sps[1].Guest != "معاذ الجامعي" || !sps[1].Speaking() {
			t.Errorf("speakers %+v: want m02's turn ended by the guest's", sps)
		}
	})
	st.Close()
	md := h.ok("minutes", "2024-10", "--format", "md")
	if !strings.Contains(md, "معاذ الجامعي") || strings.Contains(md, "said twice") {
		t.Errorf("the minutes name the guest and leave out the withdrawn note:\n%s", md)
	}
}
