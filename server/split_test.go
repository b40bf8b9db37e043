package server

import (
	"strings"
	"testing"
	"time"

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

// Splitting takes time linear in the command's length: four times longer
// takes about four times as long (the splitter it replaces took sixteen).
// The fastest of several runs is compared, so a busy machine does not make
// it fail.
func TestSplitCommandIsLinear(t *testing.T) {
	fastest := func(n int) time.Duration {
		raw := "show " + strings.Repeat("a", n)
		best := time.Duration(1 << 62)
		for range 5 {
			start := time.Now()
			if _, err := splitCommand(raw); err != nil {
				t.Fatal(err)
			}
			best = min(best, time.Since(start))
		}
		return best
	}
	small, large := fastest(MaxCommand/4), fastest(MaxCommand)
	if ratio := float64(large) / float64(small); ratio > 10 {
		t.Errorf("splitting %d bytes took %v, %d bytes %v: ratio %.1f, want about 4 (linear)", MaxCommand/4, small, MaxCommand, large, ratio)
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
