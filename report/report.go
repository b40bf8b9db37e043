// Package report writes the minutes (محضر) of a session from the record, so
// they are complete and never disagree with what was voted (SPEC §9).
//
// One [Document] is built from the state and rendered three ways: Markdown
// for the terminal, a self-contained HTML file that prints as an A4 PDF, and
// JSON for other tools. Wording lives in one file per language (words_ar.go,
// words_fr.go, words_en.go), registered with i18n under "report.*".
package report

import (
	"bytes"
	"encoding/json"
	"slices"

	"github.com/jalsa-app/jalsa/i18n"
	"github.com/jalsa-app/jalsa/model"
)

// Formats lists the output formats of `jalsa minutes`, the default first.
var Formats = []string{"md", "html", "json"}

// Markdown writes the minutes of session id in lang (ar|fr|en; "" = the
// body's language).
func Markdown(st *model.State, id, lang string) (string, error) {
	d, err := Build(st, id, lang)
	if err != nil {
		return "", err
	}
	return renderMarkdown(d), nil
}

// HTML writes the minutes of session id in lang as one self-contained HTML
// file with an A4 print stylesheet.
func HTML(st *model.State, id, lang string) (string, error) {
	d, err := Build(st, id, lang)
	if err != nil {
		return "", err
	}
	return renderHTML(d)
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

// Render writes the minutes in one of [Formats]; an unknown format is a usage
// error that names the allowed ones.
func Render(st *model.State, id, lang, format string) ([]byte, error) {
	switch format {
	case "md", "":
		s, err := Markdown(st, id, lang)
		return []byte(s), err
	case "html":
		s, err := HTML(st, id, lang)
		return []byte(s), err
	case "json":
		return JSON(st, id, lang)
	}
	return nil, model.Usage("report.err_format", format)
}

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
