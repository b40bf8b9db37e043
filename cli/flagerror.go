package cli

import (
	"errors"
	"strings"

	"github.com/agnivade/levenshtein"
	"github.com/jalsa-app/jalsa/model"
	"github.com/spf13/cobra"
	"github.com/spf13/pflag"
)

// flagError turns a flag that does not parse into a usage error (exit 2)
// in the chosen language, naming the command's usage; an unknown flag also
// says which of the command's flags it may have meant.
func (t *tree) flagError(cc *cobra.Command, err error) error {
	usage := usageOf(cc)
	var (
		unknown  *pflag.NotExistError
		noValue  *pflag.ValueRequiredError
		badValue *pflag.InvalidValueError
	)
	switch {
	case errors.As(err, &unknown):
		name := unknown.GetSpecifiedName()
		if unknown.GetSpecifiedShortnames() != "" {
			return model.Usage("err.unknown_flag", "-"+name, usage)
		}
		if s := suggestFlags(cc, name); len(s) > 0 {
			return model.Usage("err.unknown_flag_suggest", "--"+name, strings.Join(s, ", "), usage)
		}
		return model.Usage("err.unknown_flag", "--"+name, usage)
	case errors.As(err, &noValue):
		return model.Usage("err.flag_needs_value", "--"+noValue.GetFlag().Name, usage)
	case errors.As(err, &badValue):
		kind := "err.flag_not_number"
		if badValue.GetFlag().Value.Type() == "bool" {
			kind = "err.flag_not_bool"
		}
		return model.Usage(kind, "--"+badValue.GetFlag().Name, badValue.GetValue(), usage)
	}
	return model.Usage("err.bad_flags", err.Error(), usage)
}

// suggestFlags are the command's flags closest to name (closest).
func suggestFlags(cc *cobra.Command, name string) []string {
	var names []string
	cc.Flags().VisitAll(func(f *pflag.Flag) { names = append(names, f.Name) })
	out := closest(name, names)
	for i, n := range out {
		out[i] = "--" + n
	}
	return out
}

// closest are the candidates name may have meant: those it begins, or
// else those at most two edits away, the nearest only (vot: vote, not
// note).
func closest(name string, candidates []string) []string {
	name = strings.ToLower(name)
	if name == "" {
		return nil
	}
	var out []string
	best := 3
	for _, c := range candidates {
		d := levenshtein.ComputeDistance(name, c)
		if strings.HasPrefix(c, name) {
			d = 0
		}
		switch {
		case d < best:
			out, best = []string{c}, d
		case d == best:
			out = append(out, c)
		}
	}
	return out
}
