package model

import (
	"bytes"
	"encoding/json"
	"os"
	"reflect"
	"testing"
	"time"

	"pgregory.net/rapid"
)

// initFile records a session file in st and returns the session.
func initFile(t *testing.T, st *State, name string, data []byte, at time.Time) *Session {
	t.Helper()
	cmd, err := LoadSessionFile(name, data)
	if err != nil {
		t.Fatal(err)
	}
	if err := cmd.Apply(st, Ctx{Time: at, Actor: "clerk"}); err != nil {
		t.Fatalf("%s: %v", name, err)
	}
	return st.Sessions[cmd.Session.ID]
}

// SameSession compares what a session file states of two sessions, field
// by field, naming the first that differs.
func sameSession(t *testing.T, st1 *State, a *Session, st2 *State, b *Session) {
	t.Helper()
	eq := func(field string, x, y any) {
		t.Helper()
		if !reflect.DeepEqual(x, y) {
			jx, _ := json.Marshal(x)
			jy, _ := json.Marshal(y)
			t.Errorf("%s differs:\n %s\n %s", field, jx, jy)
		}
	}
	ba, bb := st1.BodyOf(a), st2.BodyOf(b)
	eq("body.id", ba.ID, bb.ID)
	eq("body.name", ba.Name, bb.Name)
	eq("body.names", ba.Names, bb.Names)
	eq("body.language", ba.Language, bb.Language)
	eq("body.seats", ba.Seats, bb.Seats)
	eq("body.rules", ba.Rules, bb.Rules)
	eq("body.legal_basis", ba.LegalBasis, bb.LegalBasis)
	eq("body.timezone", ba.Zone(), bb.Zone())
	eq("members", len(ba.Members), len(bb.Members))
	for i := range min(len(ba.Members), len(bb.Members)) {
		ma, mb := ba.Members[i], bb.Members[i]
		ma.Since, ma.Until, ma.Reason = "", "", ""
		mb.Since, mb.Until, mb.Reason = "", "", ""
		eq("members["+ma.ID+"]", ma, mb)
	}
	for _, f := range []struct {
		name string
		x, y any
	}{{"id", a.ID, b.ID}, {"kind", a.Kind, b.Kind}, {"title", a.Title, b.Title}, {"date", a.Date, b.Date},
		{"place", a.Place, b.Place}, {"chair", a.Chair, b.Chair}, {"secretary", a.Secretary, b.Secretary},
		{"guests", a.Guests, b.Guests}, {"convened", a.Convened, b.Convened}, {"public", a.Public, b.Public},
		{"speaking_time", a.SpeakingTime, b.SpeakingTime}, {"time", a.Time, b.Time}, {"state", a.State, b.State}} {
		eq("session."+f.name, f.x, f.y)
	}
	eq("agenda", len(a.Items), len(b.Items))
	for i := range min(len(a.Items), len(b.Items)) {
		x, y := *a.Items[i], *b.Items[i]
		x.Urgent, y.Urgent = nil, nil
		eq("agenda["+x.Title+"]", x, y)
	}
}

// session-file, then init of what it wrote in an empty record, gives the
// same session, for each demo file.
func TestSessionFileRoundTrip(t *testing.T) {
	for _, tc := range []struct{ file, old, new string }{
		{"2024-06.yaml", "", ""},
		{"2024-10.yaml", "", ""},
		// A limit that is not whole minutes is written as a duration.
		{"2024-10.yaml", "speaking_time: 5 ", "speaking_time: 3m30s "},
	} {
		f := tc.file
		data, err := os.ReadFile("../demo/" + f)
		if err != nil {
			t.Fatal(err)
		}
		if tc.old != "" {
			if !bytes.Contains(data, []byte(tc.old)) {
				t.Fatalf("%s has no %q", f, tc.old)
			}
			data = bytes.Replace(data, []byte(tc.old), []byte(tc.new), 1)
		}
		st := NewState()
		s := initFile(t, st, f, data, time.Now())
		out, err := SessionFile(st, s.ID)
		if err != nil {
			t.Fatal(err)
		}
		st2 := NewState()
		s2 := initFile(t, st2, "written.yaml", out, time.Now())
		sameSession(t, st, s, st2, s2)
		again, err := SessionFile(st2, s2.ID)
		if err != nil {
			t.Fatal(err)
		}
		if string(again) != string(out) {
			t.Errorf("%s: the file written from the file written differs", f)
		}
	}
}

// Every limit ParseSpeakingTime accepts is written so that it reads back
// the same.
func TestSpeakingTimeWritten(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		secs := rapid.IntRange(1, int(maxSpeakingTime/time.Second)).Draw(t, "secs")
		n := speakingTimeNode(secs)
		if got, ok := ParseSpeakingTime(n.Value); !ok || got != secs {
			t.Fatalf("%d s written %q reads back %d (%v)", secs, n.Value, got, ok)
		}
	})
}
