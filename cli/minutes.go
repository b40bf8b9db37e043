package cli

import (
	"github.com/jalsa-app/jalsa/model"
	"github.com/jalsa-app/jalsa/report"
)

// minutesFlags are `jalsa minutes`' flags.
type minutesFlags struct {
	Format string `flag:"format" values:"formats" default:"md"`
	outputFlags
}

// outputFlags are the flags of a command that writes a file or standard
// output.
type outputFlags struct {
	Output string `flag:"output,o" value:"FILE" file:"out"`
}

// write writes data to the --output file, through a temporary file, or to
// standard output.
func (f *outputFlags) write(c *call, data []byte) error {
	if f.Output == "" || f.Output == "-" {
		_, err := c.Stdout.Write(data)
		return err
	}
	return writeFileAtomic(c.Path(f.Output), data)
}

// runMinutes writes the minutes in the body's language unless --lang names
// another: the minutes are the body's document, whatever the clerk's locale.
func runMinutes(c *call, f *minutesFlags) error {
	binary := f.Format == "docx" || f.Format == "pdf"
	if binary && (f.Output == "" || f.Output == "-") && c.Terminal {
		return model.Usage("report.err_binary_tty", f.Format)
	}
	var out []byte
	var err error
	c.st.Read(func(s *model.State) { out, err = report.Render(s, c.args[0], c.global.Lang, f.Format) })
	if err == nil && f.Format == "pdf" {
		out, err = report.PrintPDF(c.ctx, out) // outside Read: printing takes seconds
	}
	if err != nil {
		return err
	}
	return f.write(c, out)
}
