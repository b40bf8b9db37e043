package server

import (
	"runtime"
	"strings"
	"testing"

	"github.com/jalsa-app/jalsa/i18n"
	"github.com/jalsa-app/jalsa/model"
	"pgregory.net/rapid"
)

func TestSplitCommand(t *testing.T) {
	for _, c := range []struct {
		raw  string
		want []string
		bad  string // the text the refusal names
		msg  string // or the whole message
	}{
		{raw: "decisions صفرو --json", want: []string{"decisions", "صفرو", "--json"}},
		{raw: `item 2024-10 1 note 'a && b; c | d > e $HOME # f'`, want: []string{"item", "2024-10", "1", "note", "a && b; c | d > e $HOME # f"}},
		{raw: `note "it's \"quoted\"" a\ b`, want: []string{"note", `it's "quoted"`, "a b"}},
		{raw: "  sessions  ", want: []string{"sessions"}},
		{raw: "decisions * ?.go", want: []string{"decisions", "*", "?.go"}}, // no file names are globbed on the server
		{raw: "sessions && id", bad: "&&"},
		{raw: "sessions || id", bad: "||"},
		{raw: "sessions | id", bad: "|"},
		{raw: "sessions; id", bad: ";"},
		{raw: "sessions\nid", bad: `\n`},
		{raw: "sessions &", bad: "&"},
		{raw: "sessions > /tmp/x", bad: ">"},
		{raw: "sessions < /etc/passwd", bad: "<"},
		{raw: "sessions # hidden words", bad: "#"},
		{raw: "show $HOME", bad: "$HOME"},
		{raw: "show \"$HOME\"", bad: "$HOME"},
		{raw: "show `id`", bad: "`id`"},
		{raw: "show $(id)", bad: "$(id)"},
		{raw: "LANG=fr sessions", bad: "LANG=fr sessions"},
		{raw: "(sessions)", bad: "(sessions)"},
		{raw: "! sessions", bad: "! sessions"},
		{raw: "show {a,b}", bad: "{a,b}"},
		{raw: "note 'a\r\nb'", msg: i18n.T("en", "server.command_control", "U+000D", 7)},
		{raw: "note a\x1b[2Jb", msg: i18n.T("en", "server.command_control", "U+001B", 6)},
		{raw: "show 'unterminated", bad: ""},
	} {
		got, err := splitCommand(c.raw)
		if c.want != nil {
			if err != nil || strings.Join(got, "\x00") != strings.Join(c.want, "\x00") {
				t.Errorf("%q: %q, %v; want %q", c.raw, got, err, c.want)
			}
			continue
		}
		if err == nil {
			t.Errorf("%q: split into %q; want it refused", c.raw, got)
			continue
		}
		if model.ExitCode(err) != 2 {
			t.Errorf("%q: exit %d, want 2 (usage)", c.raw, model.ExitCode(err))
		}
		want := i18n.T("en", "server.bad_command", c.raw)
		switch {
		case c.msg != "":
			want = c.msg
		case c.bad != "":
			want = i18n.T("en", "server.shell_syntax", c.bad)
		}
		if msg := model.Message(err, "en"); msg != want {
			t.Errorf("%q: %q, want %q", c.raw, msg, want)
		}
	}
}

// Whatever the words, quoted for a POSIX shell they come back as they were:
// nothing is split, joined, expanded or dropped.
func TestSplitCommandRoundTrip(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		words := rapid.SliceOfN(rapid.StringMatching(`[^\x00]{0,12}`), 1, 8).Draw(t, "words")
		quoted := make([]string, len(words))
		for i, w := range words {
			quoted[i] = "'" + strings.ReplaceAll(w, "'", `'\''`) + "'"
		}
		raw := strings.Join(quoted, rapid.SampledFrom([]string{" ", "  ", "\t"}).Draw(t, "blank"))
		got, err := splitCommand(raw)
		if strings.IndexFunc(raw, control) >= 0 {
			if err == nil || !strings.Contains(model.Message(err, "en"), "control character") {
				t.Fatalf("%q: %q, %v; want the control character refused", raw, got, err)
			}
			return
		}
		if err != nil {
			t.Fatalf("%q: %v", raw, err)
		}
		if strings.Join(got, "\x00") != strings.Join(words, "\x00") {
			t.Fatalf("%q: %q, want %q", raw, got, words)
		}
	})
}

// Splitting costs memory linear in the command's length: four times longer
// allocates about four times as much (the splitter it replaces copied the
// rest of the line at every word). Allocated bytes, unlike seconds, do not
// depend on how busy the machine is; BenchmarkSplitCommand gives the time.
func TestSplitCommandIsLinear(t *testing.T) {
	allocated := func(n int) uint64 {
		raw := "show " + strings.Repeat("a ", n/2)
		var before, after runtime.MemStats
		runtime.ReadMemStats(&before)
		if _, err := splitCommand(raw); err != nil {
			t.Fatal(err)
		}
		runtime.ReadMemStats(&after)
		return after.TotalAlloc - before.TotalAlloc
	}
	small, large := allocated(MaxCommand/4), allocated(MaxCommand)
	if ratio := float64(large) / float64(small); ratio > 6 {
		t.Errorf("splitting %d bytes allocated %d bytes, %d bytes %d: ratio %.1f, want about 4 (linear)", MaxCommand/4, small, MaxCommand, large, ratio)
	}
}

func BenchmarkSplitCommand(b *testing.B) {
	for _, c := range []struct{ name, raw string }{
		{"one 64KiB word", "show " + strings.Repeat("a", MaxCommand-5)},
		{"32Ki words", strings.Repeat("a ", MaxCommand/2)},
	} {
		b.Run(c.name, func(b *testing.B) {
			b.SetBytes(int64(len(c.raw)))
			for b.Loop() {
				if _, err := splitCommand(c.raw); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
