package cli

import (
	"bytes"
	"context"
	"errors"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/jalsa-app/jalsa/i18n"
	"github.com/spf13/cobra"
	"github.com/spf13/pflag"
)

// testTree is the tree of a run in an empty environment, localised in lang.
func testTree(lang string) *tree {
	env := &Env{Stdout: &bytes.Buffer{}, Stderr: &bytes.Buffer{}, Getenv: func(string) string { return "" }, lang: lang}
	t := newTree(context.Background(), env)
	t.localise(lang)
	return t
}

// allFlags visits every flag a command takes, its own and the global ones.
func allFlags(t *tree, cc *cobra.Command, fn func(f *pflag.Flag)) {
	cc.Flags().VisitAll(fn)
	cc.InheritedFlags().VisitAll(fn)
}

// TestTable: every command of the table has its wording in every
// language, and every flag a description; help names each flag and shows
// examples; and `jalsa help CMD` prints exactly what `jalsa CMD --help`
// does.
func TestTable(t *testing.T) {
	tr := testTree("en")
	for _, cc := range tr.commands() {
		c := tr.entry[cc]
		k := c.key()
		for _, key := range []string{"help." + k, "help." + k + ".long", "help." + k + ".example"} {
			if text, ok := i18n.Lookup(key); !ok || text.En == "" || text.Fr == "" || text.Ar == "" {
				t.Errorf("%q: %s is missing in some language", c.Name, key)
			}
		}
		allFlags(tr, cc, func(f *pflag.Flag) {
			if f.Name == "version" && cc != tr.root {
				return
			}
			for _, lang := range i18n.Languages {
				if d := flagText(lang, k, f.Name); d == "" || strings.HasPrefix(d, "flag.") {
					t.Errorf("%q --%s has no description in %s", c.Name, f.Name, lang)
				}
			}
		})
	}
	for _, lang := range i18n.Languages {
		for _, cc := range tr.commands() {
			c := tr.entry[cc]
			words := strings.Fields(c.Name)
			viaHelp := runOut(t, lang, append([]string{"help"}, words...)...)
			viaFlag := runOut(t, lang, append(words, "--help")...)
			if viaHelp != viaFlag {
				t.Errorf("%s: jalsa help %s differs from jalsa %s --help:\n%s\n---\n%s", lang, c.Name, c.Name, viaHelp, viaFlag)
			}
			if !strings.Contains(viaHelp, "jalsa "+c.usage(tr.ownFlags(cc))) && c.Name != "" {
				t.Errorf("%s: help of %q lacks its usage line:\n%s", lang, c.Name, viaHelp)
			}
			for _, want := range []string{i18n.T(lang, "help.h.examples"), i18n.T(lang, "help."+c.key()+".long")} {
				if !strings.Contains(viaHelp, want) {
					t.Errorf("%s: help of %q lacks %q", lang, c.Name, want)
				}
			}
			allFlags(tr, cc, func(f *pflag.Flag) {
				if !strings.Contains(viaHelp, "--"+f.Name) && (f.Name != "version" || cc == tr.root) {
					t.Errorf("%s: help of %q does not list --%s", lang, c.Name, f.Name)
				}
			})
		}
	}
	overview := runOut(t, "en", "help")
	for _, cc := range tr.commands()[1:] {
		if !strings.Contains(overview, "\n  "+tr.entry[cc].Name+" ") {
			t.Errorf("jalsa help does not list %s", tr.entry[cc].Name)
		}
	}
}

// runOut runs a command line that must succeed without a database and
// returns its standard output.
func runOut(t *testing.T, lang string, args ...string) string {
	t.Helper()
	var out, errb bytes.Buffer
	db := filepath.Join(t.TempDir(), "never.db")
	env := &Env{Stdout: &out, Stderr: &errb, Getenv: func(string) string { return "" }}
	if code := Run(context.Background(), env, append([]string{"--lang", lang, "--db", db}, args...)); code != 0 {
		t.Fatalf("jalsa %s: exit %d: %s", strings.Join(args, " "), code, errb.String())
	}
	if _, err := os.Stat(db); !errors.Is(err, os.ErrNotExist) {
		t.Errorf("jalsa %s created the database", strings.Join(args, " "))
	}
	return out.String()
}

// Every example in every help is a command line the table accepts: its
// command exists, its flags parse and its arguments count right.
func TestExamplesParse(t *testing.T) {
	tr := testTree("en")
	seen := 0
	for _, cc := range tr.commands() {
		for _, line := range strings.Split(cc.Example, "\n") {
			if strings.HasPrefix(line, "# ") {
				continue
			}
			args, err := exampleArgs(line)
			if err != nil {
				t.Errorf("%q: %v", line, err)
				continue
			}
			seen++
			fresh := testTree("en")
			at := fresh.locate(args)
			if at.err != nil {
				t.Errorf("%q: %v", line, at.err)
				continue
			}
			sub, c := fresh.find(at.words)
			if c != tr.entry[cc] && !strings.HasPrefix(line, "ssh ") {
				t.Errorf("%q is an example of %q but runs %q", line, tr.entry[cc].Name, c.Name)
			}
			if err := sub.ParseFlags(at.args[len(at.words):]); err != nil {
				t.Errorf("%q: %v", line, err)
				continue
			}
			if err := c.checkArgs(sub.Flags().Args(), "", sub.Flags().Changed); err != nil {
				t.Errorf("%q: %v", line, err)
			}
		}
	}
	if seen < len(table) {
		t.Errorf("%d examples for %d commands", seen, len(table))
	}
}

// shellRe cuts an example where the shell takes over: a redirection, a
// pipe or the end of a process substitution.
var shellRe = regexp.MustCompile(` [<>|]|\)`)

// exampleArgs are the jalsa arguments of an example line, which may start
// with jalsa, run it over ssh or in a process substitution.
func exampleArgs(line string) ([]string, error) {
	if rest, ok := strings.CutPrefix(line, "ssh "); ok {
		f := strings.Fields(rest) // -p PORT HOST COMMAND…
		line = "jalsa " + strings.Join(f[3:], " ")
	}
	i := strings.Index(line, "jalsa")
	if i < 0 {
		return nil, errors.New("no jalsa command")
	}
	line = line[i:]
	if loc := shellRe.FindStringIndex(line); loc != nil {
		line = line[:loc[0]]
	}
	args, err := SplitArgs(line)
	if err != nil || len(args) == 0 || args[0] != "jalsa" {
		return nil, errors.New("not a jalsa command line")
	}
	return args[1:], nil
}

// The scan that finds the command and --lang before cobra runs needs every
// flag name to mean one kind of flag everywhere (taking a value or not,
// with one shorthand), and a word that names a file to be marked as one.
func TestFlagsAgree(t *testing.T) {
	tr := testTree("en")
	type kind struct {
		value bool
		short string
	}
	kinds := map[string]kind{}
	fileWord := regexp.MustCompile(`^(FILE|DIR|PATH)$`)
	for _, cc := range tr.commands() {
		c := tr.entry[cc]
		allFlags(tr, cc, func(f *pflag.Flag) {
			k := kind{f.NoOptDefVal == "", f.Shorthand}
			if old, ok := kinds[f.Name]; ok && old != k {
				t.Errorf("--%s takes a value or a shorthand in some commands and not in others", f.Name)
			}
			kinds[f.Name] = k
			if fileWord.MatchString(ann(f, annValue)) != (ann(f, annFile) != "") {
				t.Errorf("%q --%s: value %q but file tag %q", c.Name, f.Name, ann(f, annValue), ann(f, annFile))
			}
		})
		for _, a := range c.Args {
			if fileWord.MatchString(a.Name) != a.Kind.file() {
				t.Errorf("%q argument %s: a file word must be a file kind and the other way round", c.Name, a.Name)
			}
		}
	}
}

// locate finds the command wherever the flags are, knowing from the table
// which flags take a value.
func TestLocate(t *testing.T) {
	for _, tc := range []struct {
		line, words, lang string
	}{
		{"--output m.html minutes 2024-06", "minutes", ""},
		{"-o m.html minutes 2024-06", "minutes", ""},
		{"--json sessions", "sessions", ""},
		{"--lang fr --db x.db status s1", "status", "fr"},
		{"--shape --lang=ar", "", "ar"},
		{"vote s1 1 --for 3 --lang ar", "vote", "ar"},
		{"decisions --session 2024-10 vote", "decisions", ""},
		{"item s1 1 note -- --lang fr", "item", ""},
		{"--limit 3 decisions", "decisions", ""},
	} {
		at := testTree("en").locate(strings.Fields(tc.line))
		if at.err != nil || strings.Join(at.words, " ") != tc.words || at.lang != tc.lang {
			t.Errorf("%q: words %q lang %q err %v; want %q %q", tc.line, at.words, at.lang, at.err, tc.words, tc.lang)
		}
	}
	for _, line := range []string{"stauts", "--db x.db frobnicate"} {
		if at := testTree("en").locate(strings.Fields(line)); at.err == nil {
			t.Errorf("%q: found %q", line, at.words)
		}
	}
}

// An unknown command or flag says what was meant, with exit 2.
func TestDidYouMean(t *testing.T) {
	for _, tc := range []struct {
		args []string
		want string
	}{
		{[]string{"stauts"}, `unknown command "stauts": did you mean status?`},
		{[]string{"decision"}, `did you mean decisions?`},
		{[]string{"help", "vot"}, `did you mean vote?`},
		{[]string{"vote", "s1", "1", "--fro", "3"}, "unknown flag --fro: did you mean --for?"},
		{[]string{"decisions", "--sessoin", "x"}, "did you mean --session?"},
	} {
		var out, errb bytes.Buffer
		env := &Env{Stdout: &out, Stderr: &errb, Getenv: func(string) string { return "" }}
		code := Run(context.Background(), env, append([]string{"--db", filepath.Join(t.TempDir(), "j.db")}, tc.args...))
		if code != 2 || !strings.Contains(errb.String(), tc.want) || out.Len() != 0 {
			t.Errorf("%v: exit %d, stderr %q; want 2 and %q", tc.args, code, errb.String(), tc.want)
		}
	}
}

// The commands that may create a database are those SPEC §11 names.
func TestCreates(t *testing.T) {
	var got []string
	for _, c := range table {
		if c.Creates {
			got = append(got, c.Name)
		}
	}
	if want := []string{"body create", "members import", "init", "import", "import-decisions", "demo"}; !slices.Equal(got, want) {
		t.Errorf("commands that create a database: %v, want %v", got, want)
	}
}

// What a role may run derives from the table: an observer whatever does
// not write (with the flags given), a display nothing.
func TestRoles(t *testing.T) {
	for _, tc := range []struct {
		line, role, key string
	}{
		{"verify", "observer", ""},
		{"verify --repair-index", "observer", "err.role_readonly"},
		{"--repair-index verify", "observer", "err.role_readonly"},
		{"verify --repair-index=false", "observer", ""},
		{"vote 2024-10 1 --for 3", "observer", "err.role_readonly"},
		{"decisions صفرو --json", "observer", ""},
		{"decisions", "display", "err.role_no_commands"},
		{"help", "display", "err.role_no_commands"},
		{"vote 2024-10 1 --for 3", "clerk", ""},
		{"vote 2024-10 1 --for 3", "auditor", "err.role_no_commands"},
	} {
		err := Remote(strings.Fields(tc.line), tc.role)
		var got string
		if err != nil {
			got = err.Error()
		}
		if want := i18n.T("en", tc.key, tc.role); (tc.key == "") != (err == nil) || tc.key != "" && got != want {
			t.Errorf("%s as %s: %v, want %q", tc.line, tc.role, err, tc.key)
		}
	}
}
