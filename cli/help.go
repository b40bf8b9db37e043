package cli

import (
	"fmt"
	"sort"

	"github.com/jalsa-app/jalsa/i18n"
)

// printHelp lists the commands, or one command's usage.
func printHelp(env *Env, name string) {
	if c, ok := commands[name]; ok && name != "ui" {
		fmt.Fprintf(env.Stdout, "jalsa %s\n  %s\n", c.usage, i18n.T(env.lang, "help."+name))
		return
	}
	fmt.Fprintln(env.Stdout, i18n.T(env.lang, "help.intro"))
	names := make([]string, 0, len(commands))
	for n := range commands {
		names = append(names, n)
	}
	sort.Strings(names)
	for _, n := range names {
		if n == "ui" {
			continue
		}
		fmt.Fprintf(env.Stdout, "  %-17s %s\n", n, i18n.T(env.lang, "help."+n))
	}
	fmt.Fprintln(env.Stdout, i18n.T(env.lang, "help.global"))
}

func sortStrings(s []string) { sort.Strings(s) }
