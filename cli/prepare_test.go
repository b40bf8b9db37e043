package cli_test

import (
	"bytes"
	"context"
	"encoding/csv"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/jalsa-app/jalsa/cli"
	"github.com/jalsa-app/jalsa/i18n"
	"github.com/jalsa-app/jalsa/model"
	"github.com/jalsa-app/jalsa/store"
	"github.com/xuri/excelize/v2"
)

// demoOctober is the demo's October session file, as init reads it.
func demoOctober(t testing.TB) *model.InitCmd {
	t.Helper()
	data, err := os.ReadFile("../demo/2024-10.yaml")
	if err != nil {
		t.Fatal(err)
	}
	cmd, err := model.LoadSessionFile("2024-10.yaml", data)
	if err != nil {
		t.Fatal(err)
	}
	return cmd
}

// writeRoster writes members as the chamber's list: CSV with Arabic
// headers, roles and genders as a clerk types them.
func writeRoster(t testing.TB, path string, members []model.Member) {
	t.Helper()
	var buf bytes.Buffer
	w := csv.NewWriter(&buf)
	w.Write([]string{"المعرف", "الاسم", "الصفة", "الجنس", "المجموعة"})
	gender := map[string]string{model.Female: "أنثى", model.Male: "ذكر"}
	for _, m := range members {
		role := m.Role
		if r := i18n.T("ar", "report.role."+role); role != "member" && !strings.HasPrefix(r, "report.") {
			role = r // "نائب الرئيس"
		}
		w.Write([]string{m.ID, m.Name, role, gender[m.Gender], m.Group})
	}
	w.Flush()
	if err := os.WriteFile(path, buf.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
}

// writeBudget writes a budget's lines as a treasurer's workbook: French
// headers, the parts' names beside each line, amounts as numbers, and
// every third as text in the French way.
func writeBudget(t testing.TB, path string, it *model.Item) {
	t.Helper()
	f := excelize.NewFile()
	defer f.Close()
	f.SetSheetName("Sheet1", "Budget 2025")
	sh := "Budget 2025"
	for j, h := range []string{"Code", "Partie", "Nom de la partie", "Nature", "Libellé", "Montant"} {
		cell, _ := excelize.CoordinatesToCellName(j+1, 1)
		f.SetCellValue(sh, cell, h)
	}
	for i, l := range it.Lines {
		kind := map[string]string{"revenue": "Recette", "expense": "Dépense"}[l.Kind]
		part, _ := strconv.Atoi(l.Part)
		var amount any = float64(l.Amount) / 100
		if i%3 == 0 {
			amount = l.Amount.Format('\u202f', ',')
		}
		for j, v := range []any{l.Code, part, it.Parts[l.Part], kind, l.Label, amount} {
			cell, _ := excelize.CoordinatesToCellName(j+1, i+2)
			f.SetCellValue(sh, cell, v)
		}
	}
	if err := f.SaveAs(path); err != nil {
		t.Fatal(err)
	}
}

// prepareDemo prepares the demo's October session inside jalsa, from a CSV
// roster and an XLSX budget, and returns the commands it took.
func prepareDemo(t *testing.T, h *harness) [][]string {
	file := demoOctober(t)
	b, s := file.Body, file.Session
	writeRoster(t, filepath.Join(h.dir, "roster.csv"), b.Members)
	writeBudget(t, filepath.Join(h.dir, "budget.xlsx"), s.Items[9])
	lines := [][]string{
		{"body", "create", b.ID, "--name", b.Name, "--seats", strconv.Itoa(b.Seats), "--language", b.Language, "--timezone", b.Timezone},
		{"body", "set", "--name", b.Names["fr"], "--in", "fr"},
		{"body", "set", "--name", b.Names["en"], "--in", "en"},
		{"body", "set", "--legal-basis", b.LegalBasis},
		{"members", "import", "roster.csv"},
		{"new", s.ID, "--title", s.Title, "--date", s.Date, "--time", s.Time, "--place", s.Place, "--chair", s.Chair,
			"--secretary", s.Secretary, "--convened", s.Convened, "--public", "yes", "--speaking-time", strconv.Itoa(s.SpeakingTime / 60)},
	}
	for _, g := range s.Guests {
		lines = append(lines, []string{"guests", s.ID, "add", g.Name, "--role", g.Role, "--gender", g.Gender})
	}
	for _, it := range s.Items {
		add := []string{"agenda", s.ID, "add", it.Title, "--kind", it.Kind}
		if it.Text != "" {
			add = append(add, "--text", it.Text)
		}
		if it.Majority != "" {
			add = append(add, "--majority", string(it.Majority))
		}
		if it.Kind == model.KindBudget {
			add = append(add, "--vote", it.VoteMode)
		}
		lines = append(lines, add)
	}
	lines = append(lines, []string{"budget", s.ID, "10", "import", "budget.xlsx", "--yes"})
	for _, args := range lines {
		h.ok(args...)
	}
	return lines
}

// fileFields flattens what a session file states of session id in db to
// one value per field path ("agenda[10].lines[3].amount"), for comparing
// two sessions field by field.
func fileFields(t *testing.T, db, id string) map[string]string {
	t.Helper()
	st, err := store.Open(db, store.Options{MustExist: true, ReadOnly: true})
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	var data []byte
	st.Read(func(s *model.State) {
		sess, serr := s.Session(id)
		if serr != nil {
			t.Fatal(serr)
		}
		b := s.BodyOf(sess)
		type line struct {
			Code, Label, Kind, Part string
			Amount                  model.Cents
		}
		type item struct {
			Title, Kind, Text, Majority, VoteMode string
			Votes, Balanced                       bool
			Parts                                 map[string]string
			Lines                                 []line
		}
		view := struct {
			Body    model.Terms
			ID      string
			Zone    string
			Members []model.Member
			Session model.Session
			Agenda  []item
		}{Body: b.Terms(), ID: b.ID, Zone: b.Zone(), Members: b.Members, Session: *sess}
		view.Body.Timezone = ""
		for i := range view.Members {
			view.Members[i].Since, view.Members[i].Until, view.Members[i].Reason = "", "", ""
		}
		for _, it := range sess.Items {
			v := item{Title: it.Title, Kind: it.Kind, Text: it.Text, Majority: string(it.Majority), VoteMode: it.VoteMode, Votes: it.Votes,
				Balanced: it.Balanced, Parts: it.Parts}
			for _, l := range it.Lines {
				v.Lines = append(v.Lines, line{l.Code, l.Label, l.Kind, l.Part, l.Amount})
			}
			view.Agenda = append(view.Agenda, v)
		}
		// Every field of the session but the agenda, compared above as a
		// file states it, and what only the record holds: when it was made
		// and what happened in it.
		view.Session = *sess
		view.Session.Created, view.Session.Closed, view.Session.Items = time.Time{}, time.Time{}, nil
		view.Session.State, view.Session.Sittings, view.Session.Current, view.Session.RollAt = "", nil, 0, 0
		data, err = json.Marshal(view)
	})
	if err != nil {
		t.Fatal(err)
	}
	var tree any
	if err := json.Unmarshal(data, &tree); err != nil {
		t.Fatal(err)
	}
	out := map[string]string{}
	var walk func(path string, v any)
	walk = func(path string, v any) {
		switch v := v.(type) {
		case map[string]any:
			for k, x := range v {
				walk(strings.TrimPrefix(path+"."+k, "."), x)
			}
		case []any:
			for i, x := range v {
				walk(fmt.Sprintf("%s[%d]", path, i+1), x)
			}
		default:
			j, _ := json.Marshal(v)
			out[path] = string(j)
		}
	}
	walk("", tree)
	return out
}

// sameFields reports every field whose value differs between two sessions.
func sameFields(t *testing.T, what string, got, want map[string]string) {
	t.Helper()
	var keys []string
	for k := range want {
		keys = append(keys, k)
	}
	for k := range got {
		if _, ok := want[k]; !ok {
			keys = append(keys, k)
		}
	}
	slices.Sort(keys)
	bad := 0
	for _, k := range keys {
		if got[k] != want[k] {
			if bad++; bad <= 20 {
				t.Errorf("%s: %s is %s, want %s", what, k, got[k], want[k])
			}
		}
	}
	if len(want) < 300 {
		t.Errorf("%s: only %d fields compared", what, len(want))
	}
	t.Logf("%s: %d fields compared, %d differ", what, len(keys), bad)
}

// The measure of issue 17: a new user prepares the demo's October session
// inside jalsa from the chamber's CSV roster and the treasurer's XLSX
// budget, and gets the session the demo file describes, field by field.
func TestPrepareTheDemoSession(t *testing.T) {
	h := newHarness(t)
	lines := prepareDemo(t, h)
	t.Logf("the October session prepared in %d commands (1 roster file, 1 budget workbook, no YAML)", len(lines))

	ref := newHarness(t)
	if err := os.WriteFile(filepath.Join(ref.dir, "2024-10.yaml"), mustRead(t, "../demo/2024-10.yaml"), 0o644); err != nil {
		t.Fatal(err)
	}
	ref.ok("init", "2024-10.yaml")
	want := fileFields(t, ref.db, "2024-10")
	sameFields(t, "prepared session", fileFields(t, h.db, "2024-10"), want)

	// session-file writes it; init of that file in an empty database gives
	// the same session again.
	h.ok("session-file", "2024-10", "-o", "out.yaml")
	again := newHarness(t)
	if err := os.WriteFile(filepath.Join(again.dir, "out.yaml"), mustRead(t, filepath.Join(h.dir, "out.yaml")), 0o644); err != nil {
		t.Fatal(err)
	}
	again.ok("init", "out.yaml")
	sameFields(t, "session-file round trip", fileFields(t, again.db, "2024-10"), want)
	if out := h.ok("verify"); !strings.Contains(out, "ok") && !strings.Contains(out, "equal") {
		t.Logf("verify: %s", out)
	}
}

func mustRead(t *testing.T, path string) []byte {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return data
}

// session-file of each demo session, closed or to come, then init in an
// empty database, gives the same session.
func TestSessionFileOfTheDemo(t *testing.T) {
	h := withDemo(t)
	for _, id := range []string{"2024-06", "2024-10"} {
		out := h.ok("session-file", id)
		fresh := newHarness(t)
		if err := os.WriteFile(filepath.Join(fresh.dir, "s.yaml"), []byte(out), 0o644); err != nil {
			t.Fatal(err)
		}
		if got := fresh.ok("init", "s.yaml"); got != id+"\n" {
			t.Errorf("init printed %q", got)
		}
		sameFields(t, id, fileFields(t, fresh.db, id), fileFields(t, h.db, id))
	}
}

// Bad input: every file error names the file, the line or cell and the
// field, in the UI's language; nothing is written; the refusals of the
// record exit 3.
func TestPreparationRefusals(t *testing.T) {
	h := newHarness(t)
	prepareDemo(t, h)
	big := make([]model.Member, 5000)
	for i := range big {
		big[i] = model.Member{ID: fmt.Sprintf("x%04d", i), Name: fmt.Sprintf("عضو %d", i), Role: "member"}
	}
	big[3216].Role = "presdent"
	writeRoster(t, filepath.Join(h.dir, "big.csv"), big)
	h.ok("body", "set", "--seats", "6000")
	for _, tc := range []struct {
		lang, want string
	}{
		{"en", `jalsa: big.csv:3218: الصفة: "presdent" is not a role: allowed are president, vice-president`},
		{"fr", `jalsa: big.csv:3218: الصفة: "presdent" n'est pas une fonction : valeurs permises président, vice-président`},
		{"ar", `jalsa: big.csv:3218: الصفة: "presdent" ليست صفة: القيم المسموح بها الرئيس، نائب الرئيس`},
	} {
		h.lang = tc.lang
		if got := h.fails(2, "members", "import", "big.csv"); !strings.HasPrefix(got, tc.want) {
			t.Errorf("%s:\n got %s\nwant %s…", tc.lang, got, tc.want)
		}
	}
	h.lang = "en"
	h.ok("body", "set", "--seats", "83")
	h.ok("members", "add", "m90", "--name", "سلوى", "--since", "2025-03-01")
	if err := os.WriteFile(filepath.Join(h.dir, "b2.csv"), []byte("code,kind,label,amount\nA1,revenue,L,5\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		file, data string
		code       int
		args       []string
		want       string
	}{
		{"dup.csv", "id,name\nz1,A\nz1,B\n", 2, []string{"members", "import", "dup.csv"}, `jalsa: dup.csv:3: id: member "z1" is already on line 2`},
		{"known.csv", "id,name,since,until\nm05,محمد أمين الزرهوني,2025-01-02,2025-01-01\n", 2, []string{"members", "import", "known.csv"}, `jalsa: known.csv:2: until: a departure on 2025-01-01 comes before m05's arrival on 2025-01-02`},
		{"b.csv", "code;kind;label;amount\nA1;revenue;L;1 234 567,89\nA2;expense;L;12,345\n", 2, []string{"budget", "2024-10", "10", "import", "b.csv", "--yes"}, `jalsa: b.csv:3:4: amount: "12,345" is ambiguous`},
		{"", "", 3, []string{"budget", "2024-10", "1", "import", "b2.csv", "--yes"}, `jalsa: item 1 is not a budget`},
		{"", "", 3, []string{"members", "add", "m01", "--name", "Again"}, `jalsa: member "m01" is already on the roster`},
		{"", "", 2, []string{"members", "add", "m99", "--name", "X", "--role", "king"}, `jalsa: --role: "king" is not a role`},
		{"", "", 2, []string{"members", "leave", "m90", "--date", "2025-02-28"}, `jalsa: until: a departure on 2025-02-28 comes before m90's arrival on 2025-03-01`},
		{"", "", 3, []string{"members", "leave", "m01", "--date", "2024-10-01"}, `jalsa: m01 is the chair of session 2024-10 (dated 2024-10-28): name another first (jalsa edit 2024-10 --chair ID)`},
		{"", "", 3, []string{"members", "add", "m91", "--name", "X"}, `jalsa: all the seats (83) are filled`},
		{"", "", 3, []string{"body", "create", "other", "--name", "Other"}, `jalsa: this database already has its body`},
		{"", "", 2, []string{"agenda", "2024-10", "add", "X", "--kind", "agrement"}, `jalsa: kind: "agrement" is not one of`},
		{"", "", 2, []string{"agenda", "2024-10", "move", "1"}, `jalsa: wrong arguments; usage: jalsa agenda SESSION move N TO`},
		{"", "", 2, []string{"new", "2025-02", "--date", "2025-02-24"}, `jalsa: --title is required`},
	} {
		if tc.file != "" {
			if err := os.WriteFile(filepath.Join(h.dir, tc.file), []byte(tc.data), 0o644); err != nil {
				t.Fatal(err)
			}
		}
		if got := h.fails(tc.code, tc.args...); !strings.HasPrefix(got, tc.want) {
			t.Errorf("jalsa %s:\n got %s\nwant %s…", strings.Join(tc.args, " "), got, tc.want)
		}
	}

	// Once the session is open, a member who voted cannot have left before
	// it, and the agenda only takes an urgent item, shown in the minutes.
	h.ok("open", "2024-10")
	h.ok("attend", "2024-10", "--present", "all")
	h.ok("item", "2024-10", "1", "start")
	h.ok("vote", "2024-10", "1", "--for", "70", "--against", "0", "--abstain", "0")
	if got := h.fails(3, "members", "leave", "m10", "--date", "2024-10-01"); !strings.Contains(got, "m10 is counted in a vote of session 2024-10") {
		t.Errorf("departure of a member who voted: %s", got)
	}
	h.fails(3, "agenda", "2024-10", "add", "X", "--kind", "other")
	h.fails(3, "agenda", "2024-10", "remove", "2")
	h.fails(2, "agenda", "2024-10", "add", "X", "--kind", "other", "--urgent")
	out := h.ok("agenda", "2024-10", "add", "دعم المتضررين من الفيضانات", "--kind", "agreement", "--urgent", "--reason", "فيضانات الأسبوع الماضي")
	if !strings.Contains(out, "11  ") || !strings.Contains(out, "(urgent)") {
		t.Errorf("the agenda after the urgent item:\n%s", out)
	}
	minutes := h.ok("minutes", "2024-10", "--lang", "ar")
	if !strings.Contains(minutes, "نقطة طارئة") || !strings.Contains(minutes, "فيضانات الأسبوع الماضي") {
		t.Error("the minutes do not show the urgent item with its reason")
	}
}

// On a terminal, the budget's totals are printed and the clerk asked; a
// no imports nothing.
func TestBudgetImportAsks(t *testing.T) {
	h := newHarness(t)
	prepareDemo(t, h)
	os.WriteFile(filepath.Join(h.dir, "b.csv"), []byte("code,part,kind,label,amount\nR1,1,revenue,Levy,\"1 000,00\"\nE1,2,expense,Staff,999.99\n"), 0o644)
	run := func(answer string) (int, string) {
		var out, errb bytes.Buffer
		env := &cli.Env{Stdin: strings.NewReader(answer), Stdout: &out, Stderr: &errb, Getenv: h.getenv, Dir: h.dir, Actor: "clerk", Terminal: true}
		code := cli.Run(context.Background(), env, []string{"--db", h.db, "budget", "2024-10", "10", "import", "b.csv"})
		return code, out.String() + errb.String()
	}
	before := h.snapshot()
	code, out := run("n\n")
	if code != 0 || !strings.Contains(out, "NOT balanced: revenue − expense = 0.01") || !strings.Contains(out, "[y/N]") || !strings.Contains(out, "nothing imported") {
		t.Errorf("answered no: exit %d\n%s", code, out)
	}
	if h.snapshot() != before {
		t.Error("answered no, yet something was written")
	}
	if code, out = run("y\n"); code != 0 || !strings.Contains(out, "2 lines imported into item 10") {
		t.Errorf("answered yes: exit %d\n%s", code, out)
	}
	if out := h.ok("budget", "2024-10", "10", "import", "b.csv", "--dry-run"); !strings.Contains(out, "nothing written") {
		t.Errorf("--dry-run: %s", out)
	}
}

// members import may create the database; without a body it says what
// to do first, and leaves nothing behind.
func TestMembersImportWithoutBody(t *testing.T) {
	h := newHarness(t)
	os.WriteFile(filepath.Join(h.dir, "r.csv"), []byte("id,name\nm1,A\n"), 0o644)
	h.refused(4, "err.no_body", nil, "members", "import", "r.csv")
	if _, err := os.Stat(h.db); !os.IsNotExist(err) {
		t.Error("a refused members import left a database behind")
	}
	h.refused(4, "err.no_database", []any{h.db}, "members")
	h.ok("body", "create", "cat", "--name", "Chamber", "--language", "fr")
	if out := h.ok("members", "import", "r.csv"); !strings.Contains(out, "arrivals: 1") {
		t.Errorf("import: %s", out)
	}
	var members []model.Member
	if err := json.Unmarshal([]byte(h.ok("members", "--json")), &members); err != nil || len(members) != 1 || members[0].Name != "A" {
		t.Errorf("members --json: %v %+v", err, members)
	}
}

// body says its rules in the reader's words, not as the ids the flags and
// the session file take.
func TestBodyRulesInTheReadersWords(t *testing.T) {
	h := newHarness(t)
	h.ok("body", "create", "cat", "--name", "Chamber")
	for _, tie := range []string{"president", "rejected"} {
		h.ok("body", "set", "--tie", tie)
		for _, lang := range i18n.Languages {
			h.lang = lang
			label := i18n.T(lang, "msg.body.tie")
			var value string
			for _, l := range strings.Split(h.ok("body"), "\n") {
				if v, ok := strings.CutPrefix(l, label); ok {
					value = strings.TrimSpace(v)
				}
			}
			if value == "" || value == tie || strings.HasPrefix(value, "msg.") {
				t.Errorf("%s: body shows tie %q as %q", lang, tie, value)
			}
		}
		h.lang = "en"
	}
}
