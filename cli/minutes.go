package cli

import (
	"context"

	"github.com/jalsa-app/jalsa/model"
	"github.com/jalsa-app/jalsa/report"
	"github.com/jalsa-app/jalsa/store"
	"github.com/spf13/pflag"
)

func init() {
	add(&command{name: "minutes", usage: "minutes SESSION [--format md|html|json|docx|pdf] [-o FILE]",
		flags: func(fs *pflag.FlagSet, o *opts) {
			fs.StringVar(&o.format, "format", "md", "")
			fs.StringVarP(&o.out, "output", "o", "", "")
		}, run: runMinutes})
}

// runMinutes writes the minutes in the body's language unless --lang names
// another: the minutes are the body's document, whatever the clerk's locale.
func runMinutes(ctx context.Context, env *Env, st *store.Store, o *opts) error {
	if err := needArgs(o, 1, commands["minutes"].usage); err != nil {
		return err
	}
	if (o.format == "docx" || o.format == "pdf") && (o.out == "" || o.out == "-") && env.Terminal {
		return model.Usage("report.err_binary_tty", o.format)
	}
	var out []byte
	var err error
	st.Read(func(s *model.State) { out, err = report.Render(s, o.args[0], o.lang, o.format) })
	if err == nil && o.format == "pdf" {
		out, err = report.PrintPDF(ctx, out) // outside Read: printing takes seconds
	}
	if err != nil {
		return err
	}
	if o.out == "" || o.out == "-" {
		_, err = env.Stdout.Write(out)
		return err
	}
	return writeFileAtomic(env.Path(o.out), out)
}
