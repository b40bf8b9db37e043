package report_test

import (
	"archive/zip"
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"html"
	"io"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/jalsa-app/jalsa/cli"
	"github.com/jalsa-app/jalsa/model"
	"github.com/jalsa-app/jalsa/report"
)

// TestEverythingOnRecordAppears checks, in every language and format, that
// each decision and each person the record names for the session is in
// the minutes.
func TestEverythingOnRecordAppears(t *testing.T) {
	for _, c := range cases {
		st := demoState(t, c.script, c.start)
		s := st.Sessions[c.session]
		b := st.BodyOf(s)
		decisions := st.Decisions(s)
		if len(decisions) < 5 {
			t.Fatalf("%s: only %d decisions: the fixture does not exercise the minutes", c.name, len(decisions))
		}
		var people []string
		for _, sit := range s.Sittings {
			for id := range sit.Attendance {
				people = append(people, b.MemberName(id))
			}
			for _, mv := range sit.Moves {
				people = append(people, b.MemberName(mv.Member))
			}
		}
		people = append(people, b.MemberName(s.Chair), b.MemberName(s.Secretary))
		for _, g := range s.Guests {
			people = append(people, g.Name, g.Role)
		}
		for _, lang := range []string{"ar", "fr", "en"} {
			md, err := report.Markdown(st, c.session, lang)
			if err != nil {
				t.Fatal(err)
			}
			page, err := report.HTML(st, c.session, lang)
			if err != nil {
				t.Fatal(err)
			}
			doc, err := report.Build(st, c.session, lang)
			if err != nil {
				t.Fatal(err)
			}
			for _, text := range []struct {
				format, body string
				quote        func(string) string
			}{{"md", unisolated(md), func(s string) string { return s }}, {"html", unisolated(page), html.EscapeString}} {
				where := fmt.Sprintf("%s %s %s", c.name, lang, text.format)
				for _, d := range decisions {
					if !strings.Contains(text.body, text.quote(d.Title)) {
						t.Errorf("%s: decision %s %q is missing", where, d.Ref, d.Title)
					}
					if d.Line != "" && !strings.Contains(text.body, d.Line) {
						t.Errorf("%s: budget line code %s is missing", where, d.Line)
					}
				}
				for _, p := range people {
					if !strings.Contains(text.body, text.quote(p)) {
						t.Errorf("%s: %q is missing", where, p)
					}
				}
				for _, it := range doc.Items {
					if it.Vote != nil && !strings.Contains(text.body, text.quote(it.Vote.Explanation)) {
						t.Errorf("%s: the reasons of item %d are missing", where, it.N)
					}
					if !strings.Contains(text.body, text.quote(it.Result)) {
						t.Errorf("%s: the decision of item %d is missing", where, it.N)
					}
				}
			}
			checkJSON(t, st, s, lang)
		}
	}
}

// unisolated removes what keeps numbers left to right in the minutes and
// sets typed text apart (LRI…PDI, <bdi dir="ltr">…</bdi>, <bdi
// dir="rtl">…</bdi>), to look for sentences in them.
func unisolated(s string) string { return isolation.ReplaceAllString(s, "") }

var isolation = regexp.MustCompile(`\x{2066}|\x{2069}|<bdi dir="(?:ltr|rtl)">|</bdi>`)

// checkJSON checks that the JSON minutes hold every decision with its
// outcome and counts, and place every member of each sitting.
func checkJSON(t *testing.T, st *model.State, s *model.Session, lang string) {
	t.Helper()
	data, err := report.JSON(st, s.ID, lang)
	if err != nil {
		t.Fatal(err)
	}
	var d report.Document
	if err := json.Unmarshal(data, &d); err != nil {
		t.Fatal(err)
	}
	got := map[string]string{}
	record := func(ref string, out model.Outcome, v *report.Vote) {
		got[ref] = string(out)
		if v != nil {
			got[ref] += fmt.Sprintf(" %d/%d/%d", v.For, v.Against, v.Abstain)
		}
	}
	for _, it := range d.Items {
		record(it.Ref, it.Outcome, it.Vote)
		if it.Budget != nil {
			for _, l := range it.Budget.Lines {
				if l.Vote != nil {
					record(l.Ref, l.Outcome, l.Vote)
				}
			}
		}
	}
	for _, dec := range st.Decisions(s) {
		want := string(dec.Outcome)
		if dec.Rule != "" {
			want += fmt.Sprintf(" %d/%d/%d", dec.For, dec.Against, dec.Abstain)
		}
		if got[dec.Ref] != want {
			t.Errorf("json %s: decision %s is %q, want %q", lang, dec.Ref, got[dec.Ref], want)
		}
	}
	if len(d.Sittings) != len(s.Sittings) {
		t.Fatalf("json %s: %d sittings, want %d", lang, len(d.Sittings), len(s.Sittings))
	}
	for i, sit := range d.Sittings {
		seen := map[string]int{}
		for _, list := range [][]report.Person{sit.Present, sit.Excused, sit.Absent} {
			for _, p := range list {
				seen[p.ID]++
			}
		}
		for _, m := range st.BodyOf(s).Members {
			if seen[m.ID] != 1 {
				t.Errorf("json %s sitting %d: member %s is listed %d times, want once", lang, i+1, m.ID, seen[m.ID])
			}
		}
		for id, p := range s.Sittings[i].Attendance {
			if p == model.Present && !containsID(sit.Present, id) {
				t.Errorf("json %s sitting %d: %s is present on the record but not in the minutes", lang, i+1, id)
			}
		}
	}
}

func containsID(ps []report.Person, id string) bool {
	for _, p := range ps {
		if p.ID == id {
			return true
		}
	}
	return false
}

// TestDraft checks that minutes of a session that is not closed say so in
// every format, and that closed ones do not.
func TestDraft(t *testing.T) {
	st := demoState(t, "", "")
	for _, c := range []struct {
		session string
		draft   bool
	}{{"2024-10", true}, {"2024-06", false}} {
		md, err := report.Markdown(st, c.session, "ar")
		if err != nil {
			t.Fatal(err)
		}
		if got := strings.Contains(md, "**مسودة**"); got != c.draft {
			t.Errorf("%s markdown: draft mark %v, want %v", c.session, got, c.draft)
		}
		page, err := report.HTML(st, c.session, "fr")
		if err != nil {
			t.Fatal(err)
		}
		if got := strings.Contains(page, `class="watermark"`) && strings.Contains(page, "PROJET"); got != c.draft {
			t.Errorf("%s html: watermark %v, want %v", c.session, got, c.draft)
		}
		data, err := report.JSON(st, c.session, "en")
		if err != nil {
			t.Fatal(err)
		}
		var d report.Document
		if err := json.Unmarshal(data, &d); err != nil {
			t.Fatal(err)
		}
		if d.Draft != c.draft {
			t.Errorf("%s json: draft %v, want %v", c.session, d.Draft, c.draft)
		}
	}
}

// TestUserTextIsEscaped puts markup in every kind of text a user types and
// checks that it stays text in HTML and Markdown.
func TestUserTextIsEscaped(t *testing.T) {
	st := demoState(t, "", "")
	const evil = `<script>alert("x")</script> <img src=x onerror=alert(1)> *bold* [link](http://x) | cell`
	s := st.Sessions["2024-10"]
	s.Title = "عنوان " + evil
	s.Place = evil
	s.Guests = append(s.Guests, model.Guest{Name: evil, Role: evil})
	s.Items[2].Title = evil
	s.Items[2].Text = evil
	s.Items[2].Notes = append(s.Items[2].Notes, model.Note{Text: evil + "\x1b[2J\u202e"})
	st.BodyOf(s).Members[0].Name = evil

	page, err := report.HTML(st, "2024-10", "ar")
	if err != nil {
		t.Fatal(err)
	}
	for _, bad := range []string{"<script", "<img", "\x1b", "\u202e"} {
		if strings.Contains(page, bad) {
			t.Errorf("html contains %q", bad)
		}
	}
	if n := strings.Count(page, "&lt;script&gt;alert(&#34;x&#34;)&lt;/script&gt;"); n < 6 {
		t.Errorf("html shows the escaped text %d times, want at least 6 (title, place, guest, item, text, note, member)", n)
	}

	md, err := report.Markdown(st, "2024-10", "ar")
	if err != nil {
		t.Fatal(err)
	}
	// Each markup character must come after a backslash.
	unescaped := regexp.MustCompile(`(?:^|[^\\])(<script|\*bold|\[link|\| cell)|\x1b`)
	if m := unescaped.FindString(md); m != "" {
		t.Errorf("markdown contains %q unescaped", m)
	}
	if !strings.Contains(md, `\<script>alert("x")\</script>`) {
		t.Error("markdown lost the text of the note")
	}
}

// TestSelfContained checks that the page loads nothing from elsewhere.
func TestSelfContained(t *testing.T) {
	st := demoState(t, "", "")
	page, err := report.HTML(st, "2024-06", "ar")
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(page, `<html lang="ar" dir="rtl">`) {
		t.Error(`the Arabic page does not say lang="ar" dir="rtl"`)
	}
	if !strings.Contains(page, "size: A4") || !strings.Contains(page, "counter(page)") || !strings.Contains(page, "counter(pages)") {
		t.Error("the page has no A4 print stylesheet with page numbers")
	}
	external := regexp.MustCompile(`(?i)<script|<link|<img|<iframe|\bsrc=|@import|url\(|https?://`)
	if m := external.FindString(page); m != "" {
		t.Errorf("the page refers to something outside itself: %q", m)
	}
}

func TestErrors(t *testing.T) {
	st := demoState(t, "", "")
	for _, c := range []struct {
		session, lang, format string
		code                  int
	}{
		{"nosuch", "", "md", 4},
		{"2024-06", "de", "md", 2},
		{"2024-06", "", "odt", 2},
	} {
		_, err := report.Render(st, c.session, c.lang, c.format)
		if got := model.ExitCode(err); got != c.code {
			t.Errorf("Render(%q, %q, %q) = %v (exit %d), want exit %d", c.session, c.lang, c.format, err, got, c.code)
		}
	}
}

// TestCommand runs `jalsa minutes` as the command line does.
func TestCommand(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "j.db")
	run := func(args ...string) (string, string, int) {
		var out, errOut bytes.Buffer
		env := &cli.Env{Stdout: &out, Stderr: &errOut, Getenv: func(string) string { return "" }, Dir: dir, Actor: "test"}
		code := cli.Run(context.Background(), env, append([]string{"--db", db}, args...))
		return out.String(), errOut.String(), code
	}
	// `demo` without a UI loads the demo and prints the October status.
	if _, e, code := run("demo"); code != 0 {
		t.Fatalf("demo: exit %d: %s", code, e)
	}
	out, e, code := run("minutes", "2024-06")
	if code != 0 || !strings.Contains(unisolated(out), "\n# محضر أشغال الدورة العادية لشهر يونيو 2024\n") {
		t.Fatalf("minutes 2024-06: exit %d, stderr %q, stdout starts %.60q: want Arabic Markdown (the body's language)", code, e, out)
	}
	out, _, code = run("minutes", "2024-06", "--lang", "fr", "--format", "json")
	var d report.Document
	if code != 0 || json.Unmarshal([]byte(out), &d) != nil || d.Lang != "fr" {
		t.Fatalf("minutes --lang fr --format json: exit %d, lang %q", code, d.Lang)
	}
	if _, e, code := run("minutes", "2024-06", "--format", "html", "-o", "m.html"); code != 0 {
		t.Fatalf("minutes -o: exit %d: %s", code, e)
	}
	data, err := os.ReadFile(filepath.Join(dir, "m.html"))
	if err != nil || !bytes.HasPrefix(data, []byte("<!DOCTYPE html>")) {
		t.Fatalf("minutes -o m.html wrote %.40q, %v", data, err)
	}
	if _, e, code := run("minutes", "2024-06", "--format", "docx", "-o", "m.docx"); code != 0 {
		t.Fatalf("minutes --format docx -o: exit %d: %s", code, e)
	}
	if z, err := zip.OpenReader(filepath.Join(dir, "m.docx")); err != nil || !slices.ContainsFunc(z.File, func(f *zip.File) bool { return f.Name == "word/document.xml" }) {
		t.Fatalf("minutes --format docx wrote no Word file: %v", err)
	}
	// A binary format is not written to a terminal.
	var out2, err2 bytes.Buffer
	tty := &cli.Env{Stdout: &out2, Stderr: &err2, Getenv: func(string) string { return "" }, Dir: dir, Actor: "test", Terminal: true}
	if code := cli.Run(context.Background(), tty, []string{"--db", db, "minutes", "2024-06", "--format", "docx"}); code != 2 || out2.Len() != 0 ||
		!strings.Contains(err2.String(), "-o FILE") {
		t.Errorf("minutes --format docx on a terminal: exit %d, %d bytes out, %q", code, out2.Len(), err2.String())
	}
	for _, c := range []struct {
		args []string
		code int
	}{
		{[]string{"minutes", "2024-06", "--format", "odt"}, 2},
		{[]string{"minutes", "nosuch"}, 4},
		{[]string{"minutes"}, 2},
	} {
		out, e, code := run(c.args...)
		if code != c.code || out != "" || !strings.HasPrefix(e, "jalsa: ") {
			t.Errorf("%v: exit %d, stdout %q, stderr %q; want exit %d, one error line", c.args, code, out, e, c.code)
		}
	}
}

// TestAmountsAsOnScreen: every budget amount of the October minutes reads
// in the Markdown, the HTML and the DOCX exactly as the screen writes it
// (report.FormatMoney): grouped by U+202F in Arabic and French, by commas in
// English.
func TestAmountsAsOnScreen(t *testing.T) {
	c := cases[1]
	st := demoState(t, c.script, c.start)
	tags := regexp.MustCompile(`<[^>]*>`)
	for _, lang := range []string{"ar", "fr", "en"} {
		page, d := minutes(t, st, c.session, lang)
		docx, err := page.DOCX()
		if err != nil {
			t.Fatal(err)
		}
		formats := map[string]string{"md": unisolated(page.Markdown()), "html": unisolated(page.HTML()),
			"docx": embeddings.Replace(tags.ReplaceAllString(docxPart(t, docx, "word/document.xml"), ""))}
		amounts := 0
		for _, it := range d.Items {
			if it.Budget == nil {
				continue
			}
			for _, l := range it.Budget.Lines {
				want := report.FormatMoney(lang, l.Amount)
				if lang != "en" && l.Amount >= 100000 && !strings.Contains(want, "\u202f") {
					t.Fatalf("FormatMoney(%s, %v) = %q: not grouped by U+202F", lang, l.Amount, want)
				}
				amounts++
				for name, text := range formats {
					if !strings.Contains(text, want) {
						t.Errorf("%s %s: the amount of line %s does not read %q", lang, name, l.Code, want)
					}
				}
			}
		}
		if amounts < 30 {
			t.Fatalf("%s: only %d amounts: the fixture does not exercise them", lang, amounts)
		}
	}
}

// minutes is the page of a session's minutes in lang, and the document
// it lays out.
func minutes(t *testing.T, st *model.State, session, lang string) (*report.Page, *report.Document) {
	t.Helper()
	page, err := report.Minutes(st, session, lang)
	if err != nil {
		t.Fatal(err)
	}
	d, err := report.Build(st, session, lang)
	if err != nil {
		t.Fatal(err)
	}
	return page, d
}

// docxPart is the text of one part of a DOCX.
func docxPart(t *testing.T, docx []byte, name string) string {
	t.Helper()
	for _, f := range unzip(t, docx) {
		if f.name == name {
			return string(f.data)
		}
	}
	t.Fatalf("the DOCX has no %s", name)
	return ""
}

// zipFile is one file of a zip archive.
type zipFile struct {
	name string
	data []byte
}

// unzip reads every file of a zip archive (a DOCX), in order.
func unzip(t *testing.T, data []byte) []zipFile {
	t.Helper()
	z, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		t.Fatal(err)
	}
	var out []zipFile
	for _, f := range z.File {
		rc, err := f.Open()
		if err != nil {
			t.Fatal(err)
		}
		b, err := io.ReadAll(rc)
		rc.Close()
		if err != nil {
			t.Fatal(err)
		}
		out = append(out, zipFile{f.Name, b})
	}
	return out
}
