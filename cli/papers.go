package cli

import (
	"github.com/jalsa-app/jalsa/model"
	"github.com/jalsa-app/jalsa/report"
)

// paperFlags are the flags of the papers printed before a session.
type paperFlags struct {
	Format string `flag:"format" values:"html|docx|pdf" default:"html"`
	outputFlags
}

// convocationFlags are `jalsa convocation`'s flags.
type convocationFlags struct {
	Member string `flag:"member" value:"ID" complete:"members"`
	paperFlags
}

func runConvocation(c *call, f *convocationFlags) error {
	return writePaper(c, &f.paperFlags, func(st *model.State) (*report.Page, error) {
		return report.Convocation(st, c.args[0], f.Member, c.global.Lang)
	})
}

// attendanceFlags are `jalsa attendance-sheet`'s flags.
type attendanceFlags struct {
	Sitting int `flag:"sitting" value:"N"`
	paperFlags
}

func runAttendanceSheet(c *call, f *attendanceFlags) error {
	if c.set("sitting") && f.Sitting < 1 {
		return model.Usage("err.bad_sitting", f.Sitting)
	}
	return writePaper(c, &f.paperFlags, func(st *model.State) (*report.Page, error) {
		return report.AttendanceSheet(st, c.args[0], f.Sitting, c.global.Lang)
	})
}

// writePaper lays out a paper from the record and writes it in the format
// asked, in the body's language unless --lang names another, as the
// minutes are written: a PDF is printed once the record is let go.
func writePaper(c *call, f *paperFlags, layout func(st *model.State) (*report.Page, error)) error {
	binary := f.Format == "docx" || f.Format == "pdf"
	if binary && (f.Output == "" || f.Output == "-") && c.Terminal {
		return model.Usage("report.err_binary_tty", f.Format)
	}
	var out []byte
	var err error
	c.st.Read(func(st *model.State) {
		var p *report.Page
		if p, err = layout(st); err == nil {
			out, err = report.RenderPage(p, f.Format)
		}
	})
	if err == nil && f.Format == "pdf" {
		out, err = report.PrintPDF(c.ctx, out)
	}
	if err != nil {
		return err
	}
	return f.write(c, out)
}
