package model

import (
	"bytes"
	"encoding/json"
	"errors"
	"maps"
	"os"
	"reflect"
	"regexp"
	"slices"
	"strings"
	"testing"
	"time"

	"go.yaml.in/yaml/v3"
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

// fileSchema asks the loader which keys each mapping of the session file
// at data accepts: a key it cannot know is put in each mapping in turn and
// the refusal names the keys allowed there. Mappings whose keys are free
// (body.names, a budget's parts) refuse it otherwise and are left out. The
// schema is the loader's own, so a key added to it is in the schema.
func fileSchema(t *testing.T, data []byte) map[string][]string {
	t.Helper()
	var doc yaml.Node
	if err := yaml.Unmarshal(data, &doc); err != nil {
		t.Fatal(err)
	}
	const probe = "zz-no-such-key"
	schema := map[string][]string{}
	var walk func(n *yaml.Node, path string)
	walk = func(n *yaml.Node, path string) {
		switch n.Kind {
		case yaml.SequenceNode:
			for i, c := range n.Content {
				walk(c, fieldIndex(path, i))
			}
		case yaml.MappingNode:
			n.Content = append(n.Content, str(probe), str("x"))
			out, err := yaml.Marshal(&doc)
			n.Content = n.Content[:len(n.Content)-2]
			if err != nil {
				t.Fatal(err)
			}
			_, err = LoadSessionFile("probe.yaml", out)
			var fe *FileError
			if errors.As(err, &fe) && fe.Key == "sessionfile.unknown_key" && fe.Field == fieldPath(path, probe) {
				schema[path] = strings.Split(fe.Args[0].(string), ", ")
			}
			for i := 0; i+1 < len(n.Content); i += 2 {
				walk(n.Content[i+1], fieldPath(path, n.Content[i].Value))
			}
		}
	}
	walk(doc.Content[0], "")
	return schema
}

// keyPaths lists the path of every key of a YAML document, as the loader
// names fields (agenda[7].lines[1].amount).
func keyPaths(t *testing.T, data []byte) map[string]bool {
	t.Helper()
	var doc yaml.Node
	if err := yaml.Unmarshal(data, &doc); err != nil {
		t.Fatal(err)
	}
	paths := map[string]bool{}
	var walk func(n *yaml.Node, path string)
	walk = func(n *yaml.Node, path string) {
		switch n.Kind {
		case yaml.SequenceNode:
			for i, c := range n.Content {
				walk(c, fieldIndex(path, i))
			}
		case yaml.MappingNode:
			for i := 0; i+1 < len(n.Content); i += 2 {
				p := fieldPath(path, n.Content[i].Value)
				paths[p] = true
				walk(n.Content[i+1], p)
			}
		}
	}
	walk(doc.Content[0], "")
	return paths
}

// TestSessionFileWritesEveryField: testdata/session.yaml gives every key
// the loader accepts (asked of the loader, not listed here), and
// session-file of the session it makes writes every key it gave, at the
// same place, and reads back as the same body and session.
func TestSessionFileWritesEveryField(t *testing.T) {
	data, err := os.ReadFile("testdata/session.yaml")
	if err != nil {
		t.Fatal(err)
	}
	given := keyPaths(t, data)
	// A key allowed in a list's element is given if some element gives it.
	pattern := regexp.MustCompile(`\[\d+\]`)
	givenAnywhere := map[string]bool{}
	for p := range given {
		givenAnywhere[pattern.ReplaceAllString(p, "[]")] = true
	}
	schema := fileSchema(t, data)
	if len(schema) < 8 {
		t.Fatalf("the loader named the keys of only %d mappings: %v", len(schema), schema)
	}
	missing := map[string]bool{}
	for path, keys := range schema {
		for _, k := range keys {
			if p := pattern.ReplaceAllString(fieldPath(path, k), "[]"); !givenAnywhere[p] {
				missing[p] = true
			}
		}
	}
	for _, p := range slices.Sorted(maps.Keys(missing)) {
		t.Errorf("testdata/session.yaml gives no %s: give it, so that session-file is tested on it", p)
	}

	st := NewState()
	s := initFile(t, st, "session.yaml", data, time.Now())
	out, err := SessionFile(st, s.ID)
	if err != nil {
		t.Fatal(err)
	}
	written := keyPaths(t, out)
	for _, p := range slices.Sorted(maps.Keys(given)) {
		if !written[p] {
			t.Errorf("session-file dropped %s", p)
		}
	}
	st2 := NewState()
	s2 := initFile(t, st2, "written.yaml", out, time.Now())
	// When the session was made is the record's, not the file's.
	a, b := *s, *s2
	a.Created, b.Created = time.Time{}, time.Time{}
	sameFields(t, "session", reflect.ValueOf(a), reflect.ValueOf(b))
	sameFields(t, "body", reflect.ValueOf(*st.BodyOf(s)), reflect.ValueOf(*st2.BodyOf(s2)))
}

// sameFields names each field of two structs of one type that differs.
func sameFields(t *testing.T, what string, a, b reflect.Value) {
	t.Helper()
	for i := range a.NumField() {
		if x, y := a.Field(i).Interface(), b.Field(i).Interface(); !reflect.DeepEqual(x, y) {
			jx, _ := json.Marshal(x)
			jy, _ := json.Marshal(y)
			t.Errorf("%s.%s differs after session-file and init:\n %s\n %s", what, a.Type().Field(i).Name, jx, jy)
		}
	}
}
