package cli

import (
	"fmt"
	"io"
	"strings"
	"text/tabwriter"

	"github.com/jalsa-app/jalsa/i18n"
	"github.com/spf13/cobra"
	"github.com/spf13/pflag"
)

// runHelp is `jalsa help [COMMAND…]`: the same text as `jalsa COMMAND --help`.
func runHelp(c *call, _ *noFlags) error {
	cc := c.tree.root
	for _, w := range c.args {
		sub := c.tree.child(cc, w)
		if sub == nil {
			return unknownCommand(cc, w)
		}
		cc = sub
	}
	c.tree.help(c.Env, cc)
	return nil
}

// help writes a command's help in the env's language: what it does, its
// usage, its flags each with its meaning, the global flags and examples;
// for jalsa alone, the commands by group first.
func (t *tree) help(env *Env, cc *cobra.Command) {
	w, l := cc.OutOrStdout(), env.lang
	t.localise(l)
	fmt.Fprintf(w, "%s — %s\n", cc.CommandPath(), cc.Short)
	heading(w, l, "usage")
	fmt.Fprintf(w, "  %s\n", cc.UseLine())
	if cc.Long != "" {
		fmt.Fprintf(w, "\n%s\n", cc.Long)
	}
	if cc == t.root {
		t.commandList(w, l)
	}
	if fs := t.ownFlags(cc); fs.HasFlags() {
		heading(w, l, "flags")
		flagList(w, l, fs)
	}
	heading(w, l, "global")
	flagList(w, l, t.root.PersistentFlags())
	heading(w, l, "examples")
	for _, line := range strings.Split(cc.Example, "\n") {
		fmt.Fprintf(w, "  %s\n", line)
	}
	if cc == t.root {
		fmt.Fprintf(w, "\n%s\n", i18n.T(l, "help.more"))
	}
}

// heading starts a section of the help.
func heading(w io.Writer, lang, key string) {
	fmt.Fprintf(w, "\n%s\n", i18n.T(lang, "help.h."+key))
}

// commandList lists the table's commands by group, each with what it does.
func (t *tree) commandList(w io.Writer, lang string) {
	for _, g := range groups {
		heading(w, lang, "group."+g)
		tw := tabwriter.NewWriter(w, 0, 4, 2, ' ', 0)
		for _, cc := range t.commands() {
			if c := t.entry[cc]; c.Name != "" && c.Group == g {
				fmt.Fprintf(tw, "  %s\t%s\n", c.Name, cc.Short)
			}
		}
		tw.Flush()
	}
}

// ownFlags are the flags the command declares itself, not the global ones.
// in the order the flags struct declares them.
func (t *tree) ownFlags(cc *cobra.Command) *pflag.FlagSet {
	fs := pflag.NewFlagSet(cc.Name(), pflag.ContinueOnError)
	fs.SortFlags = false
	cc.Flags().VisitAll(func(f *pflag.Flag) {
		if t.root.PersistentFlags().Lookup(f.Name) == nil {
			fs.AddFlag(f)
		}
	})
	return fs
}

// flagList writes one line a flag: its name, what its value is, and what
// it means, with its default when that says something.
func flagList(w io.Writer, lang string, fs *pflag.FlagSet) {
	tw := tabwriter.NewWriter(w, 0, 4, 2, ' ', 0)
	fs.VisitAll(func(f *pflag.Flag) {
		name := "    --" + f.Name
		if f.Shorthand != "" {
			name = "-" + f.Shorthand + ", --" + f.Name
		}
		if v := flagValueName(f); v != "" {
			name += " " + v
		}
		fmt.Fprintf(tw, "  %s\t%s\n", name, flagMeaning(lang, f))
	})
	tw.Flush()
}

// flagMeaning is what a flag means in help and man pages, with its values
// and its default when they say something.
func flagMeaning(lang string, f *pflag.Flag) string {
	text := f.Usage
	if ann(f, annValue) != "" && ann(f, annValues) != "" {
		text += " (" + ann(f, annValues) + ")"
	}
	if f.Value.Type() == "string" && f.DefValue != "" {
		text += " " + i18n.T(lang, "help.default", f.DefValue)
	}
	return text
}

// flagValueName is what a flag's value is called in help: its value tag,
// its values, or nothing for a switch.
func flagValueName(f *pflag.Flag) string {
	if f.NoOptDefVal != "" {
		return ""
	}
	if v := ann(f, annValue); v != "" {
		return v
	}
	return ann(f, annValues)
}

// usageOf is a command's usage line for error messages, without "jalsa ".
func usageOf(cc *cobra.Command) string {
	return strings.TrimPrefix(strings.TrimPrefix(cc.UseLine(), "jalsa"), " ")
}
