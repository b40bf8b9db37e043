package cli_test

import (
	"bytes"
	"context"
	"slices"
	"strings"
	"testing"

	"github.com/jalsa-app/jalsa/cli"
	"github.com/jalsa-app/jalsa/model"
	"github.com/jalsa-app/jalsa/store"
)

// FuzzVoteArgs gives random argument lists to vote, correct and attend on
// the demo with a sitting under way and checks what the record holds after
// each, not only the exit: every vote in the record has counts ≤ present
// voters ≤ seats (SPEC §11); exit 0 records exactly one event, with nothing
// on stderr; a refusal (exit 2, 3 or 4, one line on stderr) records
// nothing. The arguments are the lines of the fuzzed text.
func FuzzVoteArgs(f *testing.F) {
	for _, seed := range []struct {
		cmd  uint8
		args string
	}{
		{0, "2024-10\n1\n--for\n70\n--against\n5\n--abstain\n5"},
		{0, "2024-10\n1\n--named\nm02=against,m09=abstain\n--rest\nfor"},
		{0, "2024-10\n1\n--for\n30\n--against\n30\n--chair\nagainst"},
		{0, "2024-10\n10\n--line\nI.1.1\n--for=60\n--against=10"},
		{0, "2024-10\n1\n--for\n-3"},
		{0, "2024-10\n1\n--for\n99999999999999999999"},
		{0, "2024-06\n1\n--for\n1"},
		{0, "2024-10\n0\n--named\n=for"},
		{0, "2024-10\n1\n--named\nm01=for,m01=against"},
		{1, "2024-10\n1\n--for\n71\n--reason\nmiscount"},
		{1, "2024-10\n1\n--named\nm14=for\n--reason\nr"},
		{2, "2024-10\n--present\nall\n--absent\nm14,m15"},
		{2, "2024-10\n--arrive\nm14\n--leave\nm15,all"},
		{2, "2024-10\n--excused\n,,,\n--present\nm99"},
		{2, "--lang\nar\n2024-10\n--present\nm\x00\n"},
		{0, "--db\n/nonexistent/x.db\n2024-10\n1\n--for\n1\n--help"},
		{0, "2024-10\n1\n--for\n9223372036854775807\n--against\n1\n--abstain\n0"},
		{0, "2024-10\n1\n--for\n4611686018427387904\n--against\n4611686018427387904\n--abstain\n1"},
		{1, "2024-10\n1\n--for\n9223372036854775807\n--against\n1\n--reason\nr"},
		{0, "2024-10\n10\n--line\nI.1.1\n--for=9223372036854775807\n--against=-9223372036854775808"},
	} {
		f.Add(seed.cmd, seed.args)
	}

	db := demoDB(f)
	st, err := store.Open(db, store.Options{})
	if err != nil {
		f.Fatal(err)
	}
	f.Cleanup(func() { st.Close() })
	for _, setup := range [][]string{
		{"open", "2024-10"},
		{"attend", "2024-10", "--present", "all", "--absent", "m14,m15"},
		{"item", "2024-10", "1", "start"},
	} {
		var errb bytes.Buffer
		if code := cli.Run(context.Background(), &cli.Env{Stdout: &bytes.Buffer{}, Stderr: &errb, Getenv: noEnv, Store: st}, setup); code != 0 {
			f.Fatalf("%v: %s", setup, errb.String())
		}
	}

	commands := []string{"vote", "correct", "attend"}
	f.Fuzz(func(t *testing.T, which uint8, joined string) {
		args := append([]string{commands[int(which)%len(commands)]}, strings.Split(joined, "\n")...)
		var out, errb bytes.Buffer
		env := &cli.Env{Stdin: strings.NewReader(""), Stdout: &out, Stderr: &errb, Getenv: noEnv, Actor: "fuzz", Store: st}
		before := st.Seq()
		code := cli.Run(context.Background(), env, args)
		recorded := st.Seq() - before
		switch code {
		case 0:
			if errb.Len() != 0 {
				t.Errorf("%q: exit 0 with stderr %q", args, errb.String())
			}
			help := slices.ContainsFunc(args, func(a string) bool { return a == "--help" || a == "-h" || a == "--h" })
			if recorded != 1 && !help {
				t.Errorf("%q: exit 0 recorded %d events, want 1", args, recorded)
			}
		case 2, 3, 4:
			line := errb.String()
			if strings.Count(line, "\n") != 1 || !strings.HasSuffix(line, "\n") || !strings.HasPrefix(line, "jalsa: ") {
				t.Errorf("%q: exit %d; want one line on stderr, got %q", args, code, line)
			}
			if recorded != 0 {
				t.Errorf("%q: refused with exit %d yet recorded %d events", args, code, recorded)
			}
		default:
			t.Errorf("%q: exit %d (%q); want 0, 2, 3 or 4", args, code, errb.String())
		}
		st.Read(func(s *model.State) {
			for _, v := range allVotes(s) {
				// Each count is bounded before the sum is taken, which
				// would otherwise wrap as the record's own check once did.
				if v.For < 0 || v.Against < 0 || v.Abstain < 0 || v.For > v.Present || v.Against > v.Present ||
					v.Abstain > v.Present || v.For+v.Against+v.Abstain > v.Present || v.Present > v.Seats ||
					v.Present != len(v.PresentIDs) {
					t.Fatalf("after %q (exit %d) the record holds an impossible vote: %d for, %d against, %d abstaining, %d present (%d ids), %d seats",
						args, code, v.For, v.Against, v.Abstain, v.Present, len(v.PresentIDs), v.Seats)
				}
			}
		})
	})
}

// allVotes is every vote the record holds: of items and budget lines, and
// the ones corrections replaced.
func allVotes(s *model.State) []*model.Vote {
	var out []*model.Vote
	add := func(v *model.Vote, cs []model.Correction) {
		if v != nil {
			out = append(out, v)
		}
		for i := range cs {
			out = append(out, &cs[i].Previous)
		}
	}
	for _, sess := range s.Sessions {
		for _, it := range sess.Items {
			add(it.Vote, it.Corrections)
			for _, l := range it.Lines {
				add(l.Vote, l.Corrections)
			}
		}
	}
	return out
}
