package report

import (
	"os"
	"strings"
	"testing"
	"time"

	"github.com/jalsa-app/jalsa/model"
)

// A debate that begins in one sitting and ends in the next is placed in the
// sittings it took place in; a guest's turn names the guest; a withdrawn
// note is not printed; a turn still under way has no dash to nowhere.
func TestDebateAcrossSittings(t *testing.T) {
	data, err := os.ReadFile("../demo/2024-10.yaml")
	if err != nil {
		t.Fatal(err)
	}
	init, err := model.LoadSessionFile("2024-10.yaml", data)
	if err != nil {
		t.Fatal(err)
	}
	st := model.NewState()
	at := time.Date(2024, 10, 28, 9, 0, 0, 0, time.UTC)
	do := func(c model.Command) {
		t.Helper()
		at = at.Add(7 * time.Minute)
		if err := model.Do(st, c, model.Ctx{Time: at, Actor: "t"}); err != nil {
			t.Fatalf("%T: %v", c, err)
		}
	}
	const sid = "2024-10"
	do(init)
	do(&model.OpenCmd{Session: sid})
	do(&model.AttendCmd{Session: sid, Present: []string{"all"}})
	do(&model.ItemCmd{Session: sid, N: 1, Action: model.ActStart})
	do(&model.SpeakerCmd{Session: sid, N: 1, Member: "m02", Action: model.SpeakerStart})
	do(&model.ItemCmd{Session: sid, N: 1, Action: model.ActNote, Text: "withdrawn later"})
	do(&model.NoteCmd{Session: sid, N: 1, Note: 1, Action: model.NoteWithdraw})
	do(&model.SuspendCmd{Session: sid})
	do(&model.OpenCmd{Session: sid})
	do(&model.AttendCmd{Session: sid, Present: []string{"all"}})
	do(&model.SpeakerCmd{Session: sid, N: 1, Guest: "معاذ الجامعي", Action: model.SpeakerStart})
	do(&model.VoteCmd{Session: sid, N: 1, For: 70})
	do(&model.ItemCmd{Session: sid, N: 2, Action: model.ActStart})
	do(&model.SpeakerCmd{Session: sid, N: 2, Member: "m03", Action: model.SpeakerStart})
	md, err := Markdown(st, sid, "en")
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{
		"Taken up in the first sitting at 10:28, ended in the second sitting at 11:24.",
		"(first sitting, \u206610:35–10:56\u2069)",
		"Mr معاذ الجامعي (\u206611:17–11:24\u2069)",
		"Ms خديجة العمراني (\u206611:38\u2069)",
	} {
		if !strings.Contains(md, want) {
			t.Errorf("the minutes lack %q", want)
		}
	}
	for _, bad := range []string{"withdrawn later", "–—", "—)"} {
		if strings.Contains(md, bad) {
			t.Errorf("the minutes hold %q", bad)
		}
	}
	if t.Failed() {
		t.Log(md)
	}
}
