package cli_test

import (
	"bytes"
	"context"
	"strings"
	"testing"

	"github.com/jalsa-app/jalsa/cli"
	"github.com/jalsa-app/jalsa/store"
)

// FuzzVoteArgs gives random argument lists to vote, correct and attend on
// the demo with a sitting under way: no panic, and either exit 0 with nothing
// on stderr, or exit 2, 3 or 4 with exactly one line on stderr. The
// arguments are the lines of the fuzzed text.
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
		code := cli.Run(context.Background(), env, args)
		switch code {
		case 0:
			if errb.Len() != 0 {
				t.Errorf("%q: exit 0 with stderr %q", args, errb.String())
			}
		case 2, 3, 4:
			line := errb.String()
			if strings.Count(line, "\n") != 1 || !strings.HasSuffix(line, "\n") || !strings.HasPrefix(line, "jalsa: ") {
				t.Errorf("%q: exit %d; want one line on stderr, got %q", args, code, line)
			}
		default:
			t.Errorf("%q: exit %d (%q); want 0, 2, 3 or 4", args, code, errb.String())
		}
	})
}
