package cli

import (
	"reflect"
	"slices"
	"strconv"
	"strings"

	"github.com/jalsa-app/jalsa/model"
	"github.com/jalsa-app/jalsa/report"
	"github.com/spf13/pflag"
)

// Command is one entry of the command table (table.go). Everything else
// about a command is derived from it: its cobra command, usage line, help,
// completions, man page, what a role may run, and what an SSH client may not.
type Command struct {
	// Name is the words after jalsa ("vote", "members import"); "" is
	// jalsa alone, the UI.
	Name string
	// Group places the command in `jalsa help`.
	Group string
	// Args are the positional arguments, in order.
	Args []Arg
	// Writes says the command changes the record. A flag tagged
	// `writes:"true"` makes a reading command write when given
	// (verify --repair-index).
	Writes bool
	// Owns says the command must hold the database itself (the UI, the
	// server): it is never forwarded to another owner, nor run over SSH.
	Owns bool
	// Serves says a command that holds the database for long serves its
	// socket meanwhile, as an owner does, so that other commands go
	// through it instead of waiting for the file (import-decisions). With
	// an owner running it is forwarded like any other.
	Serves bool
	// Creates says the command may create the database file when there is
	// none (SPEC §11 "No database").
	Creates bool
	// Check says the file's structure is checked before bbolt reads it
	// (verify): a damaged file is named, never loaded.
	Check bool
	// NoDB says the command never touches the database (help, version).
	NoDB bool
	// File is the database's file name in the data directory when --db and
	// $JALSA_DB name none: jalsa.db, or the demo's own demo.db.
	File string
	// Do is the command's function with its own flags struct: with(fn).
	Do action
}

// Arg is one positional argument.
type Arg struct {
	// Name is what the usage line shows: SESSION, N, FILE.
	Name string
	// Kind says what the argument names, for completion and for the files
	// an SSH client may not name.
	Kind argKind
	// Values are the words a choice argument takes.
	Values []string
	// Optional arguments may be left out; Many takes every word left.
	Optional, Many bool
	// Or is a flag of the command that stands in for the argument: given,
	// the argument is left out (a speaker is a MEMBER, or --guest NAME).
	Or string
}

// argKind is what a positional argument names.
type argKind int

const (
	argText    argKind = iota
	argSession         // a session id
	argItem            // an item number of the session before it
	argMember          // a member id
	argLine            // a budget line code of the item before it
	argRef             // a decision reference, SESSION/N[/LINE]
	argChoice          // one of Values
	argCommand         // a command of the table
	argFile            // a file read ("-" is standard input)
	argDir             // a directory written into
	argNewFile         // a file written that cannot be standard output
)

// file says the argument names a file or directory.
func (k argKind) file() bool { return k >= argFile }

// The arguments most commands share.
var (
	argsSession = Arg{Name: "SESSION", Kind: argSession}
	argsItem    = Arg{Name: "N", Kind: argItem}
	argsFile    = Arg{Name: "FILE", Kind: argFile}
)

// usage is the command's usage line without "jalsa ": its words, its
// arguments, and [flags] when it has flags of its own (fs).
func (c *Command) usage(fs *pflag.FlagSet) string {
	parts := []string{}
	if c.Name != "" {
		parts = append(parts, c.Name)
	}
	for _, a := range c.Args {
		w := a.Name
		if a.Kind == argChoice {
			w = strings.Join(a.Values, "|")
		}
		if a.Many {
			w += "…"
		}
		if a.Or != "" {
			alt := "--" + a.Or
			if f := fs.Lookup(a.Or); f != nil && ann(f, annValue) != "" {
				alt += " " + ann(f, annValue)
			}
			w = "(" + w + " | " + alt + ")"
		}
		if a.Optional {
			w = "[" + w + "]"
		}
		parts = append(parts, w)
	}
	if fs.HasFlags() {
		parts = append(parts, "[flags]")
	}
	return strings.Join(parts, " ")
}

// key names the command in catalog keys: "vote", "members.import", and
// "ui" for jalsa alone.
func (c *Command) key() string {
	if c.Name == "" {
		return "ui"
	}
	return strings.ReplaceAll(c.Name, " ", ".")
}

// checkArgs counts the positional arguments against Args, less those that
// a flag given (given) stands in for.
func (c *Command) checkArgs(args []string, usage string, given func(string) bool) error {
	lo, hi := 0, 0
	for _, a := range c.positional(given) {
		if !a.Optional {
			lo++
		}
		if a.Many {
			hi = -1
		} else if hi >= 0 {
			hi++
		}
	}
	if len(args) < lo || (hi >= 0 && len(args) > hi) {
		return model.Usage("err.args", usage)
	}
	for i, v := range args {
		if a, _ := c.argAt(i, given); a.Kind == argChoice && !slices.Contains(a.Values, v) {
			return model.Usage("err.bad_arg_choice", a.Name, v, strings.Join(a.Values, ", "))
		}
	}
	return nil
}

// positional are the arguments the command line gives in words: Args,
// less those that a flag given stands in for (Or).
func (c *Command) positional(given func(string) bool) []Arg {
	out := make([]Arg, 0, len(c.Args))
	for _, a := range c.Args {
		if a.Or == "" || !given(a.Or) {
			out = append(out, a)
		}
	}
	return out
}

// argAt is the declared argument that the i-th positional word fills.
func (c *Command) argAt(i int, given func(string) bool) (Arg, bool) {
	args := c.positional(given)
	if i < len(args) {
		return args[i], true
	}
	if n := len(args); n > 0 && args[n-1].Many {
		return args[n-1], true
	}
	return Arg{}, false
}

// action is a command's function and the flags struct it is given.
type action struct {
	flags func() any
	run   func(c *call, flags any) error
}

// with makes the action of fn; fn's flags struct declares the command's
// flags with tags:
//
//	flag:"name[,shorthand]"  the flag
//	value:"NAME"             what its value is, in help (none for a switch)
//	values:"a|b|c"           the values it takes (help and completion), or
//	                         the name of a list of the model's (valueLists)
//	default:"…"              its default
//	file:"in|out"            it names a file (refused over SSH unless "-")
//	writes:"true"            given, it makes the command write
//	complete:"sessions|members|lines|items"  completed from the database
func with[F any](fn func(c *call, f *F) error) action {
	return action{
		flags: func() any { return new(F) },
		run:   func(c *call, f any) error { return fn(c, f.(*F)) },
	}
}

// noFlags is the flags struct of a command without flags.
type noFlags struct{}

// Annotations on the pflag flags, read back by help, completion and Remote.
// They are the struct tags of the same names.
const (
	annFile     = "file"
	annWrites   = "writes"
	annValue    = "value"
	annValues   = "values"
	annComplete = "complete"
)

// bindFlags defines on fs a flag for every tagged field of the struct that
// ptr points to (embedded structs included).
func bindFlags(fs *pflag.FlagSet, ptr any) {
	bindStruct(fs, reflect.ValueOf(ptr).Elem())
}

func bindStruct(fs *pflag.FlagSet, v reflect.Value) {
	t := v.Type()
	for i := 0; i < t.NumField(); i++ {
		field, fv := t.Field(i), v.Field(i)
		if field.Anonymous && field.Type.Kind() == reflect.Struct {
			bindStruct(fs, fv)
			continue
		}
		spec, ok := field.Tag.Lookup("flag")
		if !ok {
			continue
		}
		name, short, _ := strings.Cut(spec, ",")
		def := field.Tag.Get("default")
		switch p := fv.Addr().Interface().(type) {
		case *string:
			fs.StringVarP(p, name, short, def, "")
		case *bool:
			fs.BoolVarP(p, name, short, def == "true", "")
		case *int:
			n, _ := strconv.Atoi(def)
			fs.IntVarP(p, name, short, n, "")
		default:
			panic("cli: flag " + name + " of unsupported type " + field.Type.String())
		}
		f := fs.Lookup(name)
		for _, key := range []string{annFile, annWrites, annValue, annValues, annComplete} {
			v := field.Tag.Get(key)
			if list, ok := valueLists[v]; ok && key == annValues {
				v = strings.Join(list(), "|")
			}
			if v != "" {
				if f.Annotations == nil {
					f.Annotations = map[string][]string{}
				}
				f.Annotations[key] = []string{v}
			}
		}
	}
}

// valueLists are the values of flags that take one of the model's words,
// named in a values tag: values:"outcomes".
var valueLists = map[string]func() []string{
	"outcomes": func() []string {
		out := make([]string, len(model.Outcomes))
		for i, o := range model.Outcomes {
			out[i] = string(o)
		}
		return out
	},
	"kinds":   func() []string { return model.ItemKinds },
	"formats": func() []string { return report.Formats },
}

// ann is a flag's annotation, or "".
func ann(f *pflag.Flag, key string) string {
	if v := f.Annotations[key]; len(v) > 0 {
		return v[0]
	}
	return ""
}
