package cli

import (
	"context"
	"strings"

	"github.com/jalsa-app/jalsa/i18n"
	"github.com/spf13/cobra"
	"github.com/spf13/pflag"
)

// globalFlags are the flags every command takes.
type globalFlags struct {
	DB    string `flag:"db" value:"PATH" file:"in"`
	Lang  string `flag:"lang" values:"ar|fr|en"`
	Bidi  string `flag:"bidi" values:"auto|app|terminal"`
	Shape bool   `flag:"shape"`
}

// tree is the cobra command tree of one run, built from the table: cobra
// commands keep the values of their flags, so each run has its own.
type tree struct {
	root   *cobra.Command
	global *globalFlags
	// entry is the table entry of each cobra command.
	entry map[*cobra.Command]*Command
	// line is the command line as given, for the owner it is forwarded to.
	line []string
	// localised says the wording is in place (localise).
	localised bool
}

func init() {
	// The table's order is the help's.
	cobra.EnableCommandSorting = false
}

// newTree builds the commands of the table for one run in env.
func newTree(ctx context.Context, env *Env) *tree {
	t := &tree{global: &globalFlags{}, entry: map[*cobra.Command]*Command{}}
	byName := map[string]*cobra.Command{}
	for _, c := range table {
		c := c
		flags := c.Do.flags()
		cc := &cobra.Command{SilenceErrors: true, SilenceUsage: true, DisableFlagsInUseLine: true, SuggestionsMinimumDistance: 2}
		cc.Flags().SortFlags = false
		bindFlags(cc.Flags(), flags)
		words := strings.Fields(c.Name)
		cc.Use = c.usage(cc.Flags())
		if len(words) > 1 {
			// cobra takes the command's own name from the first word of Use.
			cc.Use = strings.TrimPrefix(cc.Use, strings.Join(words[:len(words)-1], " ")+" ")
		}
		usage := "jalsa " + c.usage(cc.Flags())
		if c.Name == "" {
			cc.Use = "jalsa [COMMAND] [flags]"
		}
		cc.Args = func(cc *cobra.Command, args []string) error {
			return c.checkArgs(args, strings.TrimPrefix(usage, "jalsa "), cc.Flags().Changed)
		}
		cc.RunE = func(cc *cobra.Command, args []string) error {
			return t.run(&call{Env: env, ctx: ctx, args: args, global: t.global, cobra: cc, tree: t, cmd: c}, flags)
		}
		cc.ValidArgsFunction = func(cc *cobra.Command, args []string, toComplete string) ([]cobra.Completion, cobra.ShellCompDirective) {
			return t.completeArg(env, c, cc, args, toComplete)
		}
		t.entry[cc] = c
		switch {
		case c.Name == "":
			t.root = cc
		case len(words) == 1:
			t.root.AddCommand(cc)
		default:
			byName[strings.Join(words[:len(words)-1], " ")].AddCommand(cc)
		}
		byName[c.Name] = cc
		if c.Name == "help" {
			t.root.SetHelpCommand(cc)
		}
	}
	root := t.root
	root.PersistentFlags().SortFlags = false
	bindFlags(root.PersistentFlags(), t.global)
	root.PersistentFlags().BoolP("help", "h", false, "")
	root.Flags().Bool("version", false, "")
	root.SetVersionTemplate("{{.Version}}\n")
	root.CompletionOptions.DisableDefaultCmd = true
	root.SetHelpFunc(func(cc *cobra.Command, _ []string) { t.help(env, cc) })
	root.SetFlagErrorFunc(func(cc *cobra.Command, err error) error { return t.flagError(cc, err) })
	root.SetOut(env.Stdout)
	root.SetErr(env.Stderr)
	root.SetIn(env.Stdin)
	return t
}

// commands are the cobra commands of the table, the root first.
func (t *tree) commands() []*cobra.Command {
	out := []*cobra.Command{t.root}
	var walk func(c *cobra.Command)
	walk = func(c *cobra.Command) {
		for _, sub := range c.Commands() {
			if t.entry[sub] != nil {
				out = append(out, sub)
				walk(sub)
			}
		}
	}
	walk(t.root)
	return out
}

// localise gives every command and flag its wording in lang, for help, man
// pages and the descriptions shells show beside completions. Only those
// need it, so a command that just runs does not pay for it.
func (t *tree) localise(lang string) {
	if t.localised {
		return
	}
	t.localised = true
	registerHelp()
	for _, cc := range t.commands() {
		k := t.entry[cc].key()
		cc.Short = i18n.T(lang, "help."+k)
		cc.Long = i18n.T(lang, "help."+k+".long")
		cc.Example = i18n.T(lang, "help."+k+".example")
		cc.Flags().VisitAll(func(f *pflag.Flag) { f.Usage = flagText(lang, k, f.Name) })
	}
	t.root.PersistentFlags().VisitAll(func(f *pflag.Flag) { f.Usage = flagText(lang, "", f.Name) })
}

// flagText describes a flag: flag.KEY.NAME when the command gives the flag
// a meaning of its own, else flag.NAME.
func flagText(lang, key, name string) string {
	if _, ok := i18n.Lookup("flag." + key + "." + name); ok && key != "" {
		return i18n.T(lang, "flag."+key+"."+name)
	}
	return i18n.T(lang, "flag."+name)
}

// find is the cobra command and table entry that args name after the
// located command words.
func (t *tree) find(words []string) (*cobra.Command, *Command) {
	cc := t.root
	for _, w := range words {
		next := (*cobra.Command)(nil)
		for _, sub := range cc.Commands() {
			if sub.Name() == w && t.entry[sub] != nil {
				next = sub
			}
		}
		if next == nil {
			break
		}
		cc = next
	}
	return cc, t.entry[cc]
}
