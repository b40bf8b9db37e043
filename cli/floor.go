package cli

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/jalsa-app/jalsa/i18n"
	"github.com/jalsa-app/jalsa/model"
)

// The command line's side of what the clerk's screen does with notes and
// speakers (SPEC §4: one code path in model/ for both).

func init() {
	i18n.Register(map[string]i18n.Text{
		"msg.note_correct":  {En: "note %d of item %d corrected", Fr: "note %d du point %d corrigée", Ar: "صُححت الملاحظة %d من النقطة %d"},
		"msg.note_withdraw": {En: "note %d of item %d withdrawn", Fr: "note %d du point %d retirée", Ar: "سُحبت الملاحظة %d من النقطة %d"},
		"err.bad_note":      {En: "note %q: give its number on the item, from 1", Fr: "note %q : donnez son numéro sur le point, à partir de 1", Ar: "الملاحظة %q: حدد رقمها في النقطة ابتداء من 1"},
	})
}

// NoteCommand reads `note SESSION N NOTE correct TEXT…` or
// `note SESSION N NOTE withdraw`; usage is the usage line its errors give.
func NoteCommand(args []string, usage string) (*model.NoteCmd, error) {
	if len(args) < 4 {
		return nil, model.Usage("err.args", usage)
	}
	n, err := itemNumber(args[1])
	if err != nil {
		return nil, err
	}
	k, err := strconv.Atoi(args[2])
	if err != nil || k < 1 {
		return nil, model.Usage("err.bad_note", args[2])
	}
	cmd := &model.NoteCmd{Session: args[0], N: n, Note: k, Action: args[3]}
	switch {
	case cmd.Action == model.NoteCorrect && len(args) >= 5:
		cmd.Text = strings.Join(args[4:], " ")
	case cmd.Action == model.NoteWithdraw && len(args) == 4:
	default:
		return nil, model.Usage("err.args", usage)
	}
	return cmd, nil
}

func runNote(c *call, _ *noFlags) error {
	cmd, err := NoteCommand(c.args, usageOf(c.cobra))
	if err != nil {
		return err
	}
	if _, err := c.do(c.st, cmd); err != nil {
		return err
	}
	fmt.Fprintln(c.Stdout, i18n.T(c.lang, "msg.note_"+cmd.Action, cmd.Note, cmd.N))
	return nil
}

// SpeakerCommand reads `speaker SESSION N MEMBER ACTION`, or, with guest
// set (--guest NAME), `speaker SESSION N ACTION` for a guest of the
// session; usage is the usage line its errors give.
func SpeakerCommand(args []string, guest, usage string) (*model.SpeakerCmd, error) {
	want := 4
	if guest != "" {
		want = 3
	}
	if len(args) != want {
		return nil, model.Usage("err.args", usage)
	}
	n, err := itemNumber(args[1])
	if err != nil {
		return nil, err
	}
	cmd := &model.SpeakerCmd{Session: args[0], N: n, Guest: guest, Action: args[want-1]}
	if guest == "" {
		cmd.Member = args[2]
	}
	return cmd, nil
}
