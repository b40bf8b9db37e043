package report

import (
	"bytes"
	_ "embed"
	"html/template"
	"sync"

	"github.com/jalsa-app/jalsa/i18n"
)

// The page is one file: the stylesheet is inlined and no font, script or
// image is fetched, so the minutes print the same anywhere and offline.
var (
	//go:embed minutes.html
	pageSource string
	//go:embed minutes.css
	pageStyle string

	// page is parsed on first use, not at the start of every command.
	page = sync.OnceValue(func() *template.Template {
		return template.Must(template.New("minutes").Parse(pageSource))
	})
)

// htmlView is what the page template sees: the document, the words of its
// language, and the stylesheet.
type htmlView struct {
	*Document
	W   words
	CSS template.CSS
}

// renderHTML writes the document as a self-contained HTML page. The
// template escapes every value, so text typed by users stays text.
func renderHTML(d *Document) (string, error) {
	var buf bytes.Buffer
	if err := page().Execute(&buf, htmlView{Document: d, W: words{d.Lang}, CSS: template.CSS(pageStyle)}); err != nil {
		return "", err
	}
	return isolateHTML(buf.String(), i18n.Dir(d.Lang) == "rtl"), nil
}
