package cli

import "strings"

// writeFlags are the flags that make a read command write: verify
// --repair-index rebuilds the search index.
var writeFlags = map[string]string{"verify": "--repair-index"}

// Writes reports whether the command line args (without the program name)
// may change the database, so that a server can refuse it to a role that
// only reads before anything runs. An unknown command does not write (Run
// refuses it).
func Writes(args []string) bool {
	for i, a := range args {
		if strings.HasPrefix(a, "-") || isFlagValue(args, i) {
			continue
		}
		c, ok := commands[a]
		if !ok {
			return false
		}
		if c.writes || c.owns {
			return true
		}
		flag, ok := writeFlags[a]
		if !ok {
			return false
		}
		for _, f := range args {
			if f == flag || strings.HasPrefix(f, flag+"=") {
				return true
			}
		}
		return false
	}
	return false
}
