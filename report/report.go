// Package report writes the documents jalsa prints from the record — the
// minutes (محضر) of a session, complete and never disagreeing with what was
// voted (SPEC §9) — and the register of decisions as CSV.
//
// A document is built as data ([Document] for the minutes), laid out as a
// [Page], and the Page is written as Markdown for the terminal, as one
// self-contained HTML file with an A4 print stylesheet, as DOCX for Word,
// or printed from its HTML to PDF by a headless Chromium. Wording lives in
// one file per language (words_ar.go, words_fr.go, words_en.go),
// registered with i18n under "report.*".
package report

import (
	"bytes"
	"encoding/json"
	"slices"

	"github.com/jalsa-app/jalsa/i18n"
	"github.com/jalsa-app/jalsa/model"
)

// Formats lists the output formats of `jalsa minutes`, the default first.
var Formats = []string{"md", "html", "json", "docx", "pdf"}

// Minutes lays out the minutes of session id in lang (ar|fr|en; "" = the
// body's language).
func Minutes(st *model.State, id, lang string) (*Page, error) {
	d, err := Build(st, id, lang)
	if err != nil {
		return nil, err
	}
	return Layout(d), nil
}

// Markdown writes the minutes of session id in lang.
func Markdown(st *model.State, id, lang string) (string, error) {
	p, err := Minutes(st, id, lang)
	if err != nil {
		return "", err
	}
	return p.Markdown(), nil
}

// HTML writes the minutes of session id in lang as one self-contained HTML
// file with an A4 print stylesheet.
func HTML(st *model.State, id, lang string) (string, error) {
	p, err := Minutes(st, id, lang)
	if err != nil {
		return "", err
	}
	return p.HTML(), nil
}

// DOCX writes the minutes of session id in lang as a Word document.
func DOCX(st *model.State, id, lang string) ([]byte, error) {
	p, err := Minutes(st, id, lang)
	if err != nil {
		return nil, err
	}
	return p.DOCX()
}

// JSON writes the minutes of session id in lang as indented JSON.
func JSON(st *model.State, id, lang string) ([]byte, error) {
	d, err := Build(st, id, lang)
	if err != nil {
		return nil, err
	}
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	if err := enc.Encode(d); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}

// Render writes the minutes in one of [Formats]; an unknown format is a
// usage error that names the allowed ones. For "pdf" it returns the HTML
// page that [PrintPDF] prints: printing takes seconds, and the caller
// should not hold the record while it runs.
func Render(st *model.State, id, lang, format string) ([]byte, error) {
	switch format {
	case "md", "":
		s, err := Markdown(st, id, lang)
		return []byte(s), err
	case "html", "pdf":
		s, err := HTML(st, id, lang)
		return []byte(s), err
	case "json":
		return JSON(st, id, lang)
	case "docx":
		return DOCX(st, id, lang)
	}
	return nil, model.Usage("report.err_format", format)
}

// Markdown writes the page as CommonMark with GFM tables.
func (p *Page) Markdown() string { return renderMarkdown(p) }

// HTML writes the page as one self-contained HTML file that prints on A4.
func (p *Page) HTML() string { return renderHTML(p) }

// DOCX writes the page as a Word document.
func (p *Page) DOCX() ([]byte, error) { return renderDOCX(p) }

// language checks lang and falls back to the body's language.
func language(lang string, b *model.Body) (string, error) {
	if lang == "" {
		lang = b.Language
	}
	if l := i18n.Lang(lang); l != "" && slices.Contains(i18n.Languages, l) {
		return l, nil
	}
	return "", model.Usage("report.err_lang", lang)
}
