package cli

import (
	"context"
	"fmt"
	"strconv"
	"strings"

	"github.com/jalsa-app/jalsa/i18n"
	"github.com/jalsa-app/jalsa/model"
	"github.com/jalsa-app/jalsa/store"
)

// The command line's side of what the clerk's screen does with notes and
// speakers (SPEC §4: one code path in model/ for both).

func init() {
	add(&command{name: "note", usage: "note SESSION N NOTE correct TEXT | note SESSION N NOTE withdraw", writes: true, run: runNote})
	i18n.Register(map[string]i18n.Text{
		"help.note":         {En: "correct or withdraw a note of an item (NOTE counts from 1); the record keeps the earlier wording", Fr: "corrige ou retire une note d'un point (NOTE compte à partir de 1) ; le registre garde l'ancienne rédaction", Ar: "تصحيح ملاحظة نقطة أو سحبها (NOTE يبدأ من 1)؛ يحتفظ السجل بالصيغة السابقة"},
		"msg.note_correct":  {En: "note %d of item %d corrected", Fr: "note %d du point %d corrigée", Ar: "صُححت الملاحظة %d من النقطة %d"},
		"msg.note_withdraw": {En: "note %d of item %d withdrawn", Fr: "note %d du point %d retirée", Ar: "سُحبت الملاحظة %d من النقطة %d"},
		"err.bad_note":      {En: "note %q: give its number on the item, from 1", Fr: "note %q : donnez son numéro sur le point, à partir de 1", Ar: "الملاحظة %q: حدد رقمها في النقطة ابتداء من 1"},
	})
}

// NoteCommand reads `note SESSION N NOTE correct TEXT…` or
// `note SESSION N NOTE withdraw`.
func NoteCommand(args []string) (*model.NoteCmd, error) {
	usage := commands["note"].usage
	if len(args) < 4 {
		return nil, usageError("err.args", usage)
	}
	n, err := itemNumber(args[1])
	if err != nil {
		return nil, err
	}
	k, err := strconv.Atoi(args[2])
	if err != nil || k < 1 {
		return nil, usageError("err.bad_note", args[2])
	}
	cmd := &model.NoteCmd{Session: args[0], N: n, Note: k, Action: args[3]}
	switch {
	case cmd.Action == model.NoteCorrect && len(args) >= 5:
		cmd.Text = strings.Join(args[4:], " ")
	case cmd.Action == model.NoteWithdraw && len(args) == 4:
	default:
		return nil, usageError("err.args", usage)
	}
	return cmd, nil
}

func runNote(ctx context.Context, env *Env, st *store.Store, o *opts) error {
	cmd, err := NoteCommand(o.args)
	if err != nil {
		return err
	}
	if _, err := env.do(st, cmd); err != nil {
		return err
	}
	fmt.Fprintln(env.Stdout, i18n.T(env.lang, "msg.note_"+cmd.Action, cmd.Note, cmd.N))
	return nil
}

// SpeakerCommand reads `speaker SESSION N MEMBER ACTION`, or, with guest
// set (--guest NAME), `speaker SESSION N ACTION` for a guest of the session.
func SpeakerCommand(args []string, guest string) (*model.SpeakerCmd, error) {
	want := 4
	if guest != "" {
		want = 3
	}
	if len(args) != want {
		return nil, usageError("err.args", commands["speaker"].usage)
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
