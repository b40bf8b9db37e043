package cli

import (
	"strconv"
	"strings"

	"github.com/jalsa-app/jalsa/model"
	"github.com/jalsa-app/jalsa/store"
	"github.com/spf13/cobra"
	"github.com/spf13/pflag"
)

// runCompletion prints the completion script of a shell. The script asks
// `jalsa __complete …` for each completion, which answers from the table
// and, for session ids, item numbers and member ids, from the database.
func runCompletion(c *call, _ *noFlags) error {
	root, w := c.tree.root, c.Stdout
	switch c.args[0] {
	case "bash":
		return root.GenBashCompletionV2(w, true)
	case "zsh":
		return root.GenZshCompletion(w)
	case "fish":
		return root.GenFishCompletion(w, true)
	default:
		return root.GenPowerShellCompletionWithDesc(w)
	}
}

// completeArg completes the positional argument that follows args.
func (t *tree) completeArg(env *Env, c *Command, cc *cobra.Command, args []string, toComplete string) ([]cobra.Completion, cobra.ShellCompDirective) {
	arg, ok := c.argAt(len(args), cc.Flags().Changed)
	if !ok {
		return nil, cobra.ShellCompDirectiveNoFileComp
	}
	var session, item string
	if len(args) > 0 {
		session = args[0]
	}
	if len(args) > 1 {
		item = args[1]
	}
	switch arg.Kind {
	case argFile, argNewFile:
		return nil, cobra.ShellCompDirectiveDefault
	case argDir:
		return nil, cobra.ShellCompDirectiveFilterDirs
	case argChoice:
		return arg.Values, cobra.ShellCompDirectiveNoFileComp
	case argCommand:
		var out []cobra.Completion
		for _, sub := range t.root.Commands() {
			if t.entry[sub] != nil && sub.IsAvailableCommand() {
				out = append(out, cobra.CompletionWithDesc(sub.Name(), sub.Short))
			}
		}
		return out, cobra.ShellCompDirectiveNoFileComp
	}
	return t.fromDB(env, arg.Kind, session, item), cobra.ShellCompDirectiveNoFileComp
}

// registerFlagCompletions gives the flags that name sessions, members or
// lines, or take one of a few values, their completions. cobra keeps them
// in a table of its own for the life of the process, so only a completion
// request registers them.
func (t *tree) registerFlagCompletions(env *Env) {
	kinds := map[string]argKind{"sessions": argSession, "members": argMember, "lines": argLine}
	for _, cc := range t.commands() {
		fs := cc.LocalFlags()
		if cc == t.root {
			fs = t.root.Flags()
		}
		fs.VisitAll(func(f *pflag.Flag) {
			var fn cobra.CompletionFunc
			switch {
			case ann(f, annValues) != "":
				fn = cobra.FixedCompletions(strings.Split(ann(f, annValues), "|"), cobra.ShellCompDirectiveNoFileComp)
			case kinds[ann(f, annComplete)] != 0:
				kind := kinds[ann(f, annComplete)]
				fn = func(_ *cobra.Command, args []string, toComplete string) ([]cobra.Completion, cobra.ShellCompDirective) {
					var session, item string
					if len(args) > 0 {
						session = args[0]
					}
					if len(args) > 1 {
						item = args[1]
					}
					return listCompletions(t.fromDB(env, kind, session, item), toComplete), cobra.ShellCompDirectiveNoFileComp | cobra.ShellCompDirectiveNoSpace
				}
			default:
				return
			}
			_ = cc.RegisterFlagCompletionFunc(f.Name, fn)
		})
	}
}

// listCompletions completes the last id of a comma-separated list
// (--present m01,m0…): each candidate carries the ids before it.
func listCompletions(ids []cobra.Completion, toComplete string) []cobra.Completion {
	i := strings.LastIndexByte(toComplete, ',')
	if i < 0 {
		return ids
	}
	out := make([]cobra.Completion, len(ids))
	for j, id := range ids {
		out[j] = toComplete[:i+1] + id
	}
	return out
}

// fromDB lists the session ids, item numbers, member ids, budget lines or
// decision references that the database holds, each with what it names.
// It reads only: without a database there is nothing to complete, and no
// file is created.
func (t *tree) fromDB(env *Env, kind argKind, session, item string) []cobra.Completion {
	var out []cobra.Completion
	read := func(s *model.State) {
		switch kind {
		case argSession, argRef:
			for _, sess := range s.SessionList() {
				out = append(out, cobra.CompletionWithDesc(sess.ID, sess.Title))
				if kind == argRef {
					for _, it := range sess.Items {
						out = append(out, cobra.CompletionWithDesc(model.Ref(sess.ID, it.N, ""), it.Title))
					}
				}
			}
		case argItem:
			if sess := s.Sessions[session]; sess != nil {
				for _, it := range sess.Items {
					out = append(out, cobra.CompletionWithDesc(strconv.Itoa(it.N), it.Title))
				}
			}
		case argLine:
			if sess := s.Sessions[session]; sess != nil {
				if n, err := strconv.Atoi(item); err == nil && n >= 1 && n <= len(sess.Items) {
					for _, l := range sess.Items[n-1].Lines {
						out = append(out, cobra.CompletionWithDesc(l.Code, l.Label))
					}
				}
			}
		case argMember:
			for _, b := range s.Bodies {
				if sess := s.Sessions[session]; sess != nil && sess.Body != b.ID {
					continue
				}
				for _, m := range b.Members {
					out = append(out, cobra.CompletionWithDesc(m.ID, m.Name))
				}
			}
		}
	}
	if env.Store != nil {
		env.Store.Read(read)
		return out
	}
	st, err := openToRead(dbPath(env, t.global.DB, ""))
	if err != nil {
		return nil
	}
	defer st.Close()
	st.Read(read)
	return out
}

// forwardCompletion sends a completion request to the owner of the
// database, which answers from its open store; ok is false when no owner
// answers.
func (t *tree) forwardCompletion(env *Env, at located, args []string) (int, bool) {
	if env.Store != nil || env.Forwarded {
		return 0, false
	}
	db := dbPath(env, at.db, "")
	if !store.Serving(db) {
		return 0, false
	}
	resp, err := forward(env, db, args, nil)
	if err != nil {
		return 0, false
	}
	env.Stdout.Write(resp.Stdout)
	env.Stderr.Write(resp.Stderr)
	return resp.Code, true
}
