package cli

import (
	"context"
	"io"
	"slices"
	"strings"

	"github.com/jalsa-app/jalsa/model"
	"github.com/spf13/cobra"
	"github.com/spf13/pflag"
)

// permitted says whether role may run the command as its flags stand:
// a clerk anything, an observer what does not write, a display nothing
// (it only shows the audience screen), and any other role nothing.
func permitted(c *Command, cc *cobra.Command, role string) error {
	switch role {
	case "", model.RoleClerk:
		return nil
	case model.RoleObserver:
		if writes(c, cc) {
			return model.Refused("err.role_readonly", role)
		}
		return nil
	}
	return model.Refused("err.role_no_commands", role)
}

// writes says the command changes the record with the flags given (a
// writing switch set to false writes nothing).
func writes(c *Command, cc *cobra.Command) bool {
	w := c.Writes
	cc.Flags().Visit(func(f *pflag.Flag) { w = w || (ann(f, annWrites) != "" && f.Value.String() != "false") })
	return w
}

// Remote says whether a command line sent by an SSH client with role may
// run on the server: nil, or the refusal to print. Besides the role, it
// refuses, by default, every argument and flag that the table marks as
// naming a file, since it would name one of the server's (the operators
// file, the host key, the database itself): only "-", the client's own
// standard input or output, is allowed. A line that does not parse is let
// through: Run parses it the same way and says what is wrong.
func Remote(args []string, role string) error {
	env := &Env{Stdout: io.Discard, Stderr: io.Discard, Getenv: func(string) string { return "" }}
	t := newTree(context.Background(), env)
	at := t.locate(args)
	if at.err != nil {
		return nil
	}
	cc, c := t.find(at.words)
	if at.complete {
		// A shell's completion request names no file; it reads as its role allows.
		return permitted(&Command{}, cc, role)
	}
	if err := cc.ParseFlags(at.args[len(at.words):]); err != nil || c.checkArgs(cc.Flags().Args(), "", cc.Flags().Changed) != nil {
		return nil
	}
	if err := permitted(c, cc, role); err != nil {
		return err
	}
	var refused error
	cc.Flags().Visit(func(f *pflag.Flag) {
		if v := f.Value.String(); refused == nil && ann(f, annFile) != "" && v != "" && v != "-" {
			refused = model.Refused("err.remote_file", v)
		}
	})
	if refused != nil {
		return refused
	}
	for i, a := range cc.Flags().Args() {
		arg, ok := c.argAt(i, cc.Flags().Changed)
		switch {
		case !ok || !arg.Kind.file():
		case arg.Kind == argNewFile || arg.Kind == argDir:
			return model.Refused("err.remote_writes_files", c.Name)
		case a != "-":
			return model.Refused("err.remote_file", a)
		}
	}
	return nil
}

// FileUses lists, for every command of the table by name, command lines
// (without "jalsa") that name path at each place the table marks as a
// file: each file argument, each file flag, and the global --db. Other
// arguments are placeholders. Tests walk them to prove that an SSH client
// can name none.
func FileUses(path string) map[string][][]string {
	t := newTree(context.Background(), &Env{Stdout: io.Discard, Stderr: io.Discard, Getenv: func(string) string { return "" }})
	out := map[string][][]string{}
	for _, cc := range t.commands() {
		c := t.entry[cc]
		words := strings.Fields(c.Name)
		var filled []string
		for i, a := range c.Args {
			if a.Kind.file() {
				line := append(append(slices.Clone(words), filled...), path)
				out[c.Name] = append(out[c.Name], line)
			}
			if !a.Optional {
				filled = append(filled, placeholder(c, i))
			}
		}
		base := append(slices.Clone(words), filled...)
		visit := func(f *pflag.Flag) {
			if ann(f, annFile) != "" {
				out[c.Name] = append(out[c.Name], append(slices.Clone(base), "--"+f.Name, path))
			}
		}
		cc.Flags().VisitAll(visit)
		cc.InheritedFlags().VisitAll(visit)
		if _, ok := out[c.Name]; !ok {
			out[c.Name] = nil
		}
	}
	return out
}

// placeholder is a word that fills the i-th argument of c without naming
// anything: a file argument gets "-", a choice its first value.
func placeholder(c *Command, i int) string {
	switch a := c.Args[i]; {
	case a.Kind == argChoice:
		return a.Values[0]
	case a.Kind.file():
		return "-"
	}
	return "1"
}
