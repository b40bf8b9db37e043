package cli

import (
	"bytes"
	"context"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/jalsa-app/jalsa/i18n"
	"github.com/spf13/pflag"
	"pgregory.net/rapid"
)

// groffPath is groff, which renders the pages as man does, or a skip that
// says what to install.
func groffPath(t *testing.T) string {
	t.Helper()
	p, err := exec.LookPath("groff")
	if err != nil {
		t.Skip("groff is not installed (Debian: groff-base, which man-db depends on)")
	}
	return p
}

// renderMan formats a page as `man` shows it, without bold or underline,
// and fails on any warning of groff's (-ww: all of them).
func renderMan(t *testing.T, groff string, page []byte) string {
	t.Helper()
	cmd := exec.Command(groff, "-k", "-man", "-Tutf8", "-ww", "-P-cbou", "-rLL=200n")
	cmd.Stdin = bytes.NewReader(page)
	var out, errs bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &errs
	if err := cmd.Run(); err != nil || errs.Len() > 0 {
		t.Fatalf("groff: %v\n%s\n%s", err, errs.String(), page)
	}
	// Where the formatter prints \- as a minus sign (U+2212), it is still
	// the character a reader types.
	return strings.ReplaceAll(out.String(), "\u2212", "-")
}

// words is s with its runs of blanks made one space, as lines wrap.
func words(s string) string { return strings.Join(strings.Fields(s), " ") }

// `jalsa man DIR` writes, in each language, a page for jalsa and for each
// command of the table but help, named as packaging installs them; groff
// formats every page without a warning, and what man shows holds what the
// help says: the command and what it does, its use, each of its flags and
// every global one with its value and meaning, its examples as they can be
// typed, and for jalsa every command.
func TestManPages(t *testing.T) {
	groff := groffPath(t)
	for _, lang := range i18n.Languages {
		dir := filepath.Join(t.TempDir(), "man1")
		var out, errs bytes.Buffer
		env := &Env{Stdout: &out, Stderr: &errs, Getenv: func(string) string { return "" }}
		if code := Run(context.Background(), env, []string{"--lang", lang, "man", dir}); code != 0 {
			t.Fatalf("%s: man: exit %d: %s", lang, code, errs.String())
		}
		want := []string{"jalsa.1"}
		for _, c := range table {
			if c.Name != "" && c.Name != "help" {
				want = append(want, "jalsa-"+strings.ReplaceAll(c.Name, " ", "-")+".1")
			}
		}
		var got []string
		entries, err := os.ReadDir(dir)
		if err != nil {
			t.Fatal(err)
		}
		for _, e := range entries {
			got = append(got, e.Name())
		}
		slices.Sort(want)
		if !slices.Equal(got, want) {
			t.Fatalf("%s: pages %v, want %v", lang, got, want)
		}

		tr := newTree(context.Background(), &Env{Getenv: func(string) string { return "" }})
		tr.localise(lang)
		for _, cc := range tr.commands() {
			if !manPage(cc) {
				continue
			}
			name := strings.ReplaceAll(cc.CommandPath(), " ", "-")
			page, err := os.ReadFile(filepath.Join(dir, name+".1"))
			if err != nil {
				t.Fatal(err)
			}
			shown := words(renderMan(t, groff, page))
			must := []string{name + " - " + cc.Short, cc.UseLine(), words(cc.Long)}
			flags := func(fs *pflag.FlagSet) {
				fs.VisitAll(func(f *pflag.Flag) {
					tag := "--" + f.Name
					if v := flagValueName(f); v != "" {
						tag += " " + v
					}
					must = append(must, tag+" "+words(flagMeaning(lang, f)))
				})
			}
			flags(tr.ownFlags(cc))
			flags(tr.root.PersistentFlags())
			for _, l := range strings.Split(cc.Example, "\n") {
				must = append(must, words(l))
			}
			if cc == tr.root {
				for _, sub := range tr.commands()[1:] {
					must = append(must, tr.entry[sub].Name+" "+sub.Short)
					if manPage(sub) {
						must = append(must, strings.ReplaceAll(sub.CommandPath(), " ", "-")+"(1)")
					}
				}
			} else {
				must = append(must, strings.ReplaceAll(cc.Parent().CommandPath(), " ", "-")+"(1)")
				for _, sub := range cc.Commands() {
					if tr.entry[sub] != nil && manPage(sub) {
						must = append(must, strings.ReplaceAll(sub.CommandPath(), " ", "-")+"(1)")
					}
				}
			}
			for _, w := range must {
				if !strings.Contains(shown, w) {
					t.Errorf("%s: %s.1 as man shows it lacks %q:\n%s", lang, name, w, shown)
				}
			}
		}
	}
}

// Any text, whatever roff would read in it (a leading dot or apostrophe, a
// backslash, quotes, hyphens, '~'), comes out of groff as it went in: in
// an example, character for character; in a paragraph and as a
// section's title, word for word.
func TestManTextIsLiteral(t *testing.T) {
	groff := groffPath(t)
	chars := []rune(`.'\-"` + "`" + `~^ aZ9é,;|=()[]{}<>*&#$%عن`)
	line := rapid.Custom(func(t *rapid.T) string {
		rs := rapid.SliceOfN(rapid.SampledFrom(chars), 1, 30).Draw(t, "runes")
		return strings.TrimSpace(string(rs))
	}).Filter(func(s string) bool { return s != "" })
	rapid.Check(t, func(rt *rapid.T) {
		lines := rapid.SliceOfN(line, 1, 8).Draw(rt, "lines")
		var b bytes.Buffer
		b.WriteString(".TH T 1\n.nh\n.ad l\n")
		for _, l := range lines {
			b.WriteString(".SH " + roffArg(l) + "\n.EX\n" + roffText(l) + "\n.EE\n.PP\n" + roffText(l) + "\n")
		}
		out := renderMan(t, groff, b.Bytes())
		var got []string
		for _, l := range strings.Split(out, "\n") {
			if l = strings.TrimSpace(l); l != "" {
				got = append(got, l)
			}
		}
		// The page's header and footer lines frame what was written.
		if len(got) < 2 {
			rt.Fatalf("nothing shown:\n%s", out)
		}
		body := got[1 : len(got)-1]
		if len(body) != 3*len(lines) {
			rt.Fatalf("%d lines shown for %d written:\n%s\n--- from\n%s", len(body), 3*len(lines), out, b.String())
		}
		for i, l := range lines {
			for j, what := range []string{"title", "example", "paragraph"} {
				if words(body[3*i+j]) != words(l) {
					rt.Fatalf("%s %q shows as %q\n%s", what, l, body[3*i+j], b.String())
				}
			}
		}
	})
}

// The pages are dated by $SOURCE_DATE_EPOCH when it is set, so that a
// release's pages are the same however often they are made.
func TestManDate(t *testing.T) {
	at := manDate(func(k string) string {
		if k == "SOURCE_DATE_EPOCH" {
			return "1730073600"
		}
		return ""
	})
	if !at.Equal(time.Date(2024, 10, 28, 0, 0, 0, 0, time.UTC)) {
		t.Errorf("SOURCE_DATE_EPOCH 1730073600: %v", at)
	}
}
