package cli

import (
	"strings"

	"github.com/jalsa-app/jalsa/model"
	"github.com/spf13/cobra"
	"github.com/spf13/pflag"
)

// located is a command line read against the table before cobra runs it.
type located struct {
	// words name the command ("vote"; none for the UI).
	words []string
	// args are the command line with the words first, as cobra expects
	// them: flags may come anywhere, `jalsa --output m.html minutes 2024-06`
	// included.
	args []string
	// lang and db are --lang and --db, wherever they are; version is --version.
	lang, db string
	version  bool
	// complete says the line is a shell's completion request.
	complete bool
	// err is an unknown command.
	err error
}

// locate finds the command that args name. A word is a flag's value only if
// the table says that flag takes one: the commands' own flags, wherever in
// the line they are, and the global ones.
func (t *tree) locate(args []string) located {
	if len(args) > 0 && (args[0] == cobra.ShellCompRequestCmd || args[0] == cobra.ShellCompNoDescRequestCmd) {
		l := t.locate(args[1:])
		l.args, l.complete, l.err = args, true, nil
		return l
	}
	var l located
	cc := t.root
	var rest []string
	positional := false // a word that names no subcommand came: no more command words
	for i := 0; i < len(args); i++ {
		a := args[i]
		switch {
		case a == "--":
			rest = append(rest, args[i:]...)
			i = len(args)
		case strings.HasPrefix(a, "-") && a != "-":
			rest = append(rest, a)
			name, value, inline := strings.Cut(strings.TrimLeft(a, "-"), "=")
			if !inline && t.takesValue(cc, a) && i+1 < len(args) {
				value = args[i+1]
				rest = append(rest, value)
				i++
			}
			l.global(name, value)
		case !positional && t.child(cc, a) != nil:
			cc = t.child(cc, a)
			l.words = append(l.words, a)
		case cc == t.root:
			l.err = unknownCommand(t.root, a)
			return l
		default:
			positional = true
			rest = append(rest, a)
		}
	}
	l.args = append(append([]string{}, l.words...), rest...)
	return l
}

// global notes the global flags the run needs before cobra parses the line:
// --lang for the language of every message, --db for completions, and
// --version.
func (l *located) global(name, value string) {
	switch name {
	case "lang":
		l.lang = value
	case "db":
		l.db = value
	case "version":
		l.version = true
	}
}

// child is cc's subcommand called name, or nil.
func (t *tree) child(cc *cobra.Command, name string) *cobra.Command {
	for _, sub := range cc.Commands() {
		if sub.Name() == name && t.entry[sub] != nil {
			return sub
		}
	}
	return nil
}

// takesValue says whether the flag word a (--name, -x, --name=v, -xv)
// needs the next word as its value. The command found so far knows its
// flags; before the command's name, any command's flag may come.
func (t *tree) takesValue(cc *cobra.Command, a string) bool {
	if strings.Contains(a, "=") {
		return false
	}
	var f *pflag.Flag
	lookup := func(c *cobra.Command) *pflag.Flag {
		if strings.HasPrefix(a, "--") {
			return c.Flags().Lookup(a[2:])
		}
		if len(a) != 2 {
			return nil // -ovalue carries its value
		}
		return c.Flags().ShorthandLookup(a[1:])
	}
	candidates := []*cobra.Command{cc}
	if cc == t.root {
		candidates = t.commands()
	}
	for _, c := range candidates {
		if f = lookup(c); f == nil {
			f = lookupInherited(c, a)
		}
		if f != nil {
			return f.NoOptDefVal == ""
		}
	}
	return false
}

// lookupInherited finds a flag word among the root's global flags.
func lookupInherited(c *cobra.Command, a string) *pflag.Flag {
	pf := c.Root().PersistentFlags()
	if strings.HasPrefix(a, "--") {
		return pf.Lookup(a[2:])
	}
	if len(a) == 2 {
		return pf.ShorthandLookup(a[1:])
	}
	return nil
}

// unknownCommand says name is no command, and which it may have meant.
func unknownCommand(root *cobra.Command, name string) error {
	var names []string
	for _, sub := range root.Commands() {
		if sub.IsAvailableCommand() {
			names = append(names, sub.Name())
		}
	}
	if s := closest(name, names); len(s) > 0 {
		return model.Usage("err.unknown_command_suggest", name, strings.Join(s, ", "))
	}
	return model.Usage("err.unknown_command", name)
}
