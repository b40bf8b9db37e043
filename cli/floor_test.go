package cli_test

import (
	"encoding/json"
	"strings"
	"testing"

	"github.com/jalsa-app/jalsa/model"
)

// What the clerk's screen does with notes and speakers, the command line
// does too: correct and withdraw a note, give a guest the floor.
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

	h.ok("speaker", "2024-10", "1", "m02", "start")
	h.ok("speaker", "2024-10", "1", "--guest", "معاذ الجامعي", "start")
	h.refused(4, "err.guest_not_found", []any{"Nobody", "2024-10"}, "speaker", "2024-10", "1", "--guest", "Nobody", "start")
	h.fails(2, "speaker", "2024-10", "1", "m02", "--guest", "معاذ الجامعي", "start")

	var s struct {
		Sessions map[string]*model.Session `json:"sessions"`
	}
	_ = s
	var export struct {
		State model.State `json:"state"`
	}
	out := h.ok("export")
	if err := json.Unmarshal([]byte(out), &export); err != nil || export.State.Sessions == nil {
		// The export's shape belongs to the store: read the speakers from
		// the minutes instead.
		md := h.ok("minutes", "2024-10", "--format", "md")
		if !strings.Contains(md, "معاذ الجامعي") {
			t.Errorf("the guest's turn is not in the minutes:\n%s", md)
		}
		return
	}
}
