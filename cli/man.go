package cli

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"time"

	"github.com/jalsa-app/jalsa/i18n"
	"github.com/spf13/cobra"
	"github.com/spf13/pflag"
)

// runMan writes a man page of every command into DIR, in the chosen
// language.
func runMan(c *call, _ *noFlags) error {
	dir := c.Path(c.args[0])
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return err
	}
	if err := c.tree.writeMan(dir, c.lang, manDate(c.Getenv)); err != nil {
		return err
	}
	fmt.Fprintln(c.Stdout, i18n.T(c.lang, "msg.man_written", dir))
	return nil
}

// writeMan writes into dir one man page (roff, man(7) macros) in lang for
// jalsa and for each of its commands but help, named as packaging installs
// them: jalsa.1, jalsa-vote.1, jalsa-import-decisions.1…
func (t *tree) writeMan(dir, lang string, date time.Time) error {
	t.localise(lang)
	for _, cc := range t.commands() {
		if !manPage(cc) {
			continue
		}
		name := strings.ReplaceAll(cc.CommandPath(), " ", "-") + ".1"
		if err := os.WriteFile(filepath.Join(dir, name), t.man(cc, lang, date), 0o644); err != nil {
			return err
		}
	}
	return nil
}

// manPage reports a command that has a page: not `jalsa help`, whose
// page would say what `man` does.
func manPage(cc *cobra.Command) bool {
	return cc.IsAvailableCommand() && !cc.IsAdditionalHelpTopicCommand()
}

// man is the page of one command: NAME (the line whatis and apropos read),
// SYNOPSIS, DESCRIPTION, the commands (jalsa's page), OPTIONS, the global
// options, EXAMPLES and SEE ALSO, with the wording of `--help`.
func (t *tree) man(cc *cobra.Command, lang string, date time.Time) []byte {
	var b bytes.Buffer
	title := strings.ToUpper(strings.ReplaceAll(cc.CommandPath(), " ", "-"))
	// No hyphenation (HY is what the macros restore it to after an
	// example) and no right margin: flags and commands are copied from the
	// page, and Arabic is not justified.
	fmt.Fprintf(&b, ".TH %s 1 %s %s %s\n.nr HY 0\n.nh\n.ad l\n", roffArg(title), roffArg(date.Format("2006-01-02")),
		roffArg("jalsa "+BuildVersion().Version), roffArg(i18n.T(lang, "help.man_manual")))
	section := func(key string) { fmt.Fprintf(&b, ".SH %s\n", roffArg(i18n.T(lang, "help.man."+key))) }

	section("name")
	fmt.Fprintf(&b, "%s \\- %s\n", roffText(strings.ReplaceAll(cc.CommandPath(), " ", "-")), roffText(cc.Short))
	section("synopsis")
	use := cc.UseLine()
	fmt.Fprintf(&b, "\\fB%s\\fR%s\n", roffText(cc.CommandPath()), roffText(strings.TrimPrefix(use, cc.CommandPath())))
	if cc.Long != "" {
		section("description")
		roffParagraphs(&b, cc.Long)
	}
	if cc == t.root {
		section("commands")
		for _, g := range groups {
			fmt.Fprintf(&b, ".SS %s\n", roffArg(strings.TrimRight(i18n.T(lang, "help.h.group."+g), " :")))
			for _, sub := range t.commands() {
				if c := t.entry[sub]; c.Name != "" && c.Group == g {
					fmt.Fprintf(&b, ".TP\n\\fB%s\\fR\n%s\n", roffText(c.Name), roffText(sub.Short))
				}
			}
		}
	}
	if fs := t.ownFlags(cc); fs.HasFlags() {
		section("options")
		manFlags(&b, lang, fs)
	}
	section("global")
	manFlags(&b, lang, t.root.PersistentFlags())
	if cc.Example != "" {
		section("examples")
		b.WriteString(".EX\n")
		for _, l := range strings.Split(cc.Example, "\n") {
			b.WriteString(roffText(l) + "\n")
		}
		b.WriteString(".EE\n")
	}
	section("see_also")
	var see []string
	if cc == t.root {
		for _, sub := range t.commands()[1:] {
			if manPage(sub) {
				see = append(see, manRef(sub))
			}
		}
	} else {
		// A command of a group (body create) points to the group's page,
		// and the group's page to its commands.
		see = append(see, manRef(cc.Parent()))
		for _, sub := range cc.Commands() {
			if t.entry[sub] != nil && manPage(sub) {
				see = append(see, manRef(sub))
			}
		}
	}
	b.WriteString(strings.Join(see, ",\n") + "\n")
	return b.Bytes()
}

// manFlags writes each flag of fs as a tagged paragraph: its names and
// value, then what it means.
func manFlags(b *bytes.Buffer, lang string, fs *pflag.FlagSet) {
	fs.VisitAll(func(f *pflag.Flag) {
		tag := `\fB\-\-` + roffText(f.Name) + `\fR`
		if f.Shorthand != "" {
			tag = `\fB\-` + roffText(f.Shorthand) + `\fR, ` + tag
		}
		if v := flagValueName(f); v != "" {
			tag += ` \fI` + roffText(v) + `\fR`
		}
		fmt.Fprintf(b, ".TP\n%s\n%s\n", tag, roffText(flagMeaning(lang, f)))
	})
}

// manRef names the page of a command in SEE ALSO: jalsa-vote(1).
func manRef(cc *cobra.Command) string {
	return `\fB` + roffText(strings.ReplaceAll(cc.CommandPath(), " ", "-")) + `\fR(1)`
}

// roffParagraphs writes text, a blank line between its paragraphs.
func roffParagraphs(b *bytes.Buffer, text string) {
	for _, l := range strings.Split(text, "\n") {
		if l = strings.TrimSpace(l); l == "" {
			b.WriteString(".PP\n")
			continue
		}
		b.WriteString(roffText(l) + "\n")
	}
}

// roffEscape keeps text literal in roff, and what a reader copies from a
// page (a flag, an example) the ASCII it was: a backslash is printed, not
// an escape; '-' is the minus of options, which some formatters would
// print as a hyphen (U+2010); quotes, '~' and '^' are not made typographic.
var roffEscape = strings.NewReplacer(`\`, `\e`, "-", `\-`, "'", `\(aq`, "`", `\(ga`, "~", `\(ti`, "^", `\(ha`)

// roffText is one line of text in roff: escaped, and not read as a
// request when it starts with '.'.
func roffText(s string) string {
	s = roffEscape.Replace(s)
	if strings.HasPrefix(s, ".") {
		s = `\&` + s
	}
	return s
}

// roffArg is text as one quoted argument of a macro.
func roffArg(s string) string {
	return `"` + strings.ReplaceAll(roffText(s), `"`, `\(dq`) + `"`
}

// manDate is the date of the pages: $SOURCE_DATE_EPOCH for a reproducible
// build, else the build's commit date, else today.
func manDate(getenv func(string) string) time.Time {
	if n, err := strconv.ParseInt(getenv("SOURCE_DATE_EPOCH"), 10, 64); err == nil {
		return time.Unix(n, 0).UTC()
	}
	if t, err := time.Parse(time.RFC3339, BuildVersion().Date); err == nil {
		return t.UTC()
	}
	return time.Now()
}
