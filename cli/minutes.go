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
	return writeDocument(c, &f.outputFlags, f.Format, func(st *model.State) ([]byte, error) {
		return report.Render(st, c.args[0], c.global.Lang, f.Format)
	})
}

// writeDocument writes a document render makes from the record in format;
// a PDF is printed from the HTML render gives once the record is let go
// (printing takes seconds). A binary format is not written to a terminal.
func writeDocument(c *call, f *outputFlags, format string, render func(st *model.State) ([]byte, error)) error {
	binary := format == "docx" || format == "pdf"
	if binary && (f.Output == "" || f.Output == "-") && c.Terminal {
		return model.Usage("report.err_binary_tty", format)
	}
	var out []byte
	var err error
	c.st.Read(func(s *model.State) { out, err = render(s) })
	if err == nil && format == "pdf" {
		out, err = report.PrintPDF(c.ctx, out)
	}
	if err != nil {
		return err
	}
	return f.write(c, out)
}
