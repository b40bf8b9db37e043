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
// minutes are written.
func writePaper(c *call, f *paperFlags, layout func(st *model.State) (*report.Page, error)) error {
	return writeDocument(c, &f.outputFlags, f.Format, func(st *model.State) ([]byte, error) {
		p, err := layout(st)
		if err != nil {
			return nil, err
		}
		return report.RenderPage(p, f.Format)
	})
}
