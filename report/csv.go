package report

import (
	"encoding/csv"
	"io"
	"strconv"
	"strings"

	"github.com/jalsa-app/jalsa/model"
)

// CSVColumns are the columns of `decisions --csv`: the fields of
// `decisions --json`, named the same and in the same order, less the two
// that hold lists (named votes, corrections), which only JSON can carry.
// They are the columns `import-decisions` reads, so the file goes back in.
var CSVColumns = []string{"ref", "session", "session_title", "date", "item", "line", "title", "kind", "outcome",
	"for", "against", "abstain", "present", "seats", "rule", "explanation", "text", "notes", "amount"}

// DecisionsCSV writes decisions as CSV that Excel opens with readable
// Arabic: UTF-8 with a byte-order mark, CRLF line ends, and the list
// separator of the reader's language — ";" where the decimal mark is a
// comma (French, Arabic: Excel in Morocco splits on ";"), "," in English.
// Notes are one cell, one note a line; amounts are plain decimals.
func DecisionsCSV(w io.Writer, ds []model.Decision, lang string) error {
	if _, err := io.WriteString(w, "\ufeff"); err != nil {
		return err
	}
	cw := csv.NewWriter(w)
	cw.UseCRLF = true
	if lang != "en" {
		cw.Comma = ';'
	}
	if err := cw.Write(CSVColumns); err != nil {
		return err
	}
	for _, d := range ds {
		notes := make([]string, len(d.Notes))
		for i, n := range d.Notes {
			notes[i] = n.Text
		}
		amount := ""
		if d.Amount != nil {
			amount = d.Amount.String()
		}
		row := []string{d.Ref, d.Session, d.SessionTitle, d.Date, strconv.Itoa(d.Item), d.Line, d.Title, d.Kind, string(d.Outcome),
			strconv.Itoa(d.For), strconv.Itoa(d.Against), strconv.Itoa(d.Abstain), strconv.Itoa(d.Present), strconv.Itoa(d.Seats),
			d.Rule, d.Explanation, d.Text, strings.Join(notes, "\n"), amount}
		if err := cw.Write(row); err != nil {
			return err
		}
	}
	cw.Flush()
	return cw.Error()
}
