package cli_test

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"sync"
	"testing"

	"github.com/jalsa-app/jalsa/cli"
	"github.com/jalsa-app/jalsa/i18n"
	"github.com/jalsa-app/jalsa/internal/testbin"
	"github.com/jalsa-app/jalsa/model"
	"github.com/jalsa-app/jalsa/store"
)

// sessionYAML is a small body (7 seats: quorum 4 at the first convocation,
// 3 at the second) whose agenda has one item of each kind that matters.
const sessionYAML = `body:
  id: test-body
  name: Test chamber
  language: en
  seats: 7
  rules: {quorum: [majority, third, none], majority: cast, tie: president}
members:
  - {id: m1, name: Amina, role: president}
  - {id: m2, name: Brahim}
  - {id: m3, name: Chama}
  - {id: m4, name: Driss}
  - {id: m5, name: Elmehdi}
  - {id: m6, name: Fatima}
  - {id: m7, name: Ghita}
session:
  id: s1
  kind: ordinary
  title: Test session
  date: 2024-11-04
  place: Fès
  chair: m1
  secretary: m2
agenda:
  - {title: Minutes of the last session, kind: minutes}
  - {title: Activity report, kind: report}
  - {title: Partnership with the region, kind: agreement, text: "The assembly approves the partnership."}
  - {title: Internal rules, kind: regulation, majority: two-thirds-present}
  - title: Budget 2025
    kind: budget
    vote: whole
    lines:
      - {code: R1, kind: revenue, label: Levy, amount: 1000.00}
      - {code: E1, kind: expense, label: Staff, amount: 600.00}
      - {code: E2, kind: expense, label: Rent, amount: 400.00}
  - title: Budget by line
    kind: budget
    vote: lines
    lines:
      - {code: R1, kind: revenue, label: Levy, amount: 500.00}
      - {code: E1, kind: expense, label: Staff, amount: 500.00}
`

// scratch holds a database with the demo loaded, built once, which each
// test copies.
var scratch string

func TestMain(m *testing.M) {
	dir, err := os.MkdirTemp("", "jalsa-cli-test-")
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	scratch = dir
	code := testbin.Run(m)
	os.RemoveAll(dir)
	os.Exit(code)
}

var (
	demoOnce sync.Once
	demoErr  error
)

func jalsaBinary(t testing.TB) string { return testbin.Jalsa(t) }

// demoDB returns a fresh copy of a database holding the built-in demo.
func demoDB(t testing.TB) string {
	t.Helper()
	tmpl := filepath.Join(scratch, "demo.db")
	demoOnce.Do(func() {
		var out, errb bytes.Buffer
		env := &cli.Env{Stdout: &out, Stderr: &errb, Getenv: noEnv, Actor: "demo"}
		if code := cli.Run(context.Background(), env, []string{"--db", tmpl, "demo"}); code != 0 {
			demoErr = fmt.Errorf("jalsa demo: exit %d: %s", code, errb.String())
		}
	})
	if demoErr != nil {
		t.Fatal(demoErr)
	}
	data, err := os.ReadFile(tmpl)
	if err != nil {
		t.Fatal(err)
	}
	db := filepath.Join(t.TempDir(), "j.db")
	if err := os.WriteFile(db, data, 0o600); err != nil {
		t.Fatal(err)
	}
	return db
}

// noEnv is an empty environment: English, no $JALSA_DB.
func noEnv(string) string { return "" }

// harness runs commands in-process through cli.Run on its own database.
type harness struct {
	t    *testing.T
	dir  string
	db   string
	lang string // passed as $JALSA_LANG
}

func newHarness(t *testing.T) *harness {
	dir := t.TempDir()
	return &harness{t: t, dir: dir, db: filepath.Join(dir, "j.db")}
}

// withSession is a harness whose database holds sessionYAML's session s1.
func withSession(t *testing.T) *harness {
	h := newHarness(t)
	if err := os.WriteFile(filepath.Join(h.dir, "s.yaml"), []byte(sessionYAML), 0o644); err != nil {
		t.Fatal(err)
	}
	if out := h.ok("init", "s.yaml"); out != "s1\n" {
		t.Fatalf("init printed %q, want the session id", out)
	}
	return h
}

// withDemo is a harness on a copy of the demo database.
func withDemo(t *testing.T) *harness {
	h := newHarness(t)
	h.db = demoDB(t)
	return h
}

func (h *harness) getenv(k string) string {
	if k == "JALSA_LANG" {
		return h.lang
	}
	return ""
}

func (h *harness) run(args ...string) (code int, stdout, stderr string) {
	var out, errb bytes.Buffer
	env := &cli.Env{Stdin: strings.NewReader(""), Stdout: &out, Stderr: &errb, Getenv: h.getenv, Dir: h.dir, Actor: "clerk"}
	code = cli.Run(context.Background(), env, append([]string{"--db", h.db}, args...))
	return code, out.String(), errb.String()
}

// ok runs a command that must succeed silently on stderr and returns stdout.
func (h *harness) ok(args ...string) string {
	h.t.Helper()
	code, out, errs := h.run(args...)
	if code != 0 || errs != "" {
		h.t.Fatalf("jalsa %s: exit %d, stderr %q", strings.Join(args, " "), code, errs)
	}
	return out
}

// fails runs a command that must fail with code, print exactly one line on
// stderr and nothing on stdout, and change nothing in the database; it
// returns the line.
func (h *harness) fails(code int, args ...string) string {
	h.t.Helper()
	before := h.snapshot()
	got, out, errs := h.run(args...)
	if got != code {
		h.t.Errorf("jalsa %s: exit %d (%q), want %d", strings.Join(args, " "), got, errs, code)
	}
	if out != "" || strings.Count(errs, "\n") != 1 || !strings.HasPrefix(errs, "jalsa: ") {
		h.t.Errorf("jalsa %s: want one line on stderr and nothing on stdout; got stdout %q stderr %q", strings.Join(args, " "), out, errs)
	}
	if after := h.snapshot(); after != before {
		h.t.Errorf("jalsa %s: the refused command changed the database", strings.Join(args, " "))
	}
	return strings.TrimSuffix(errs, "\n")
}

// refused is fails with exit code and the exact message of key in English.
func (h *harness) refused(code int, key string, keyArgs []any, args ...string) {
	h.t.Helper()
	if got, want := h.fails(code, args...), "jalsa: "+model.Message(model.Refused(key, keyArgs...), "en"); got != want {
		h.t.Errorf("jalsa %s:\n got %s\nwant %s", strings.Join(args, " "), got, want)
	}
}

// snapshot is everything the database holds: its export (every event) and
// its state as loaded from disk.
func (h *harness) snapshot() string {
	h.t.Helper()
	if _, err := os.Stat(h.db); err != nil {
		return ""
	}
	st, err := store.Open(h.db, store.Options{})
	if err != nil {
		h.t.Fatal(err)
	}
	defer st.Close()
	var buf bytes.Buffer
	if err := st.Export(&buf); err != nil {
		h.t.Fatal(err)
	}
	st.Read(func(s *model.State) { json.NewEncoder(&buf).Encode(s) })
	return buf.String()
}

// jsonOf runs a command that prints JSON and decodes it.
func (h *harness) jsonOf(v any, args ...string) {
	h.t.Helper()
	out := h.ok(args...)
	dec := json.NewDecoder(strings.NewReader(out))
	dec.UseNumber()
	if err := dec.Decode(v); err != nil {
		h.t.Fatalf("jalsa %s: %v\n%s", strings.Join(args, " "), err, out)
	}
}

// show returns a decision as `show --json` prints it.
func (h *harness) show(ref string) model.Decision {
	h.t.Helper()
	var d model.Decision
	if err := json.Unmarshal([]byte(h.ok("show", ref, "--json")), &d); err != nil {
		h.t.Fatal(err)
	}
	return d
}

func (h *harness) status(id string) cli.Status {
	h.t.Helper()
	var s cli.Status
	if err := json.Unmarshal([]byte(h.ok("status", id, "--json")), &s); err != nil {
		h.t.Fatal(err)
	}
	return s
}

// TestWholeSession conducts s1 from roll call to closing with every write
// command, then reads it back with every read command.
func TestWholeSession(t *testing.T) {
	h := withSession(t)
	if s := h.status("s1"); s.State != "draft" || len(s.Items) != 6 || s.Seats != 7 || s.QuorumRequired != 4 {
		t.Fatalf("status after init: %+v", s)
	}
	if out := h.ok("open", "s1"); !strings.Contains(out, i18n.T("en", "msg.opened", "s1", 1, 1)) {
		t.Errorf("open printed %q", out)
	}
	out := h.ok("attend", "s1", "--present", "all", "--absent", "m6,m7")
	if want := fmt.Sprintf("5/7 %s (%s)\n", i18n.T("en", "msg.present"), i18n.T("en", "msg.quorum_line", 4, cli.QuorumRuleName("en", "majority"), i18n.T("en", "msg.quorum_met"))); out != want {
		t.Errorf("attend printed %q, want %q", out, want)
	}

	h.ok("item", "s1", "1", "start")
	if out := h.ok("vote", "s1", "1", "--for", "4", "--against", "0", "--abstain", "1"); !strings.HasPrefix(out, "s1/1: adopted: 4 for > 0 against") {
		t.Errorf("vote printed %q", out)
	}

	h.ok("item", "s1", "2", "start")
	h.ok("speaker", "s1", "2", "m3", "add")
	h.ok("speaker", "s1", "2", "m3", "start")
	h.ok("speaker", "s1", "2", "m3", "done")
	h.ok("item", "s1", "2", "note", "The", "report", "was", "read.")
	h.ok("item", "s1", "2", "done")

	h.ok("attend", "s1", "--arrive", "m6")
	h.ok("item", "s1", "3", "start")
	h.ok("vote", "s1", "3", "--named", "m2=against,m3=abstain", "--rest", "for")

	h.ok("attend", "s1", "--leave", "m6")
	h.ok("item", "s1", "4", "start")
	h.ok("vote", "s1", "4", "--for", "4", "--against", "1", "--abstain", "0")

	h.ok("item", "s1", "5", "start")
	if out := h.ok("amend", "s1", "5", "E1", "650.00", "--reason", "new hire"); out != i18n.T("en", "msg.amended", "E1", "650.00")+"\n" {
		t.Errorf("amend printed %q", out)
	}
	h.ok("amend", "s1", "5", "E2", "350", "--reason", "cheaper rent")
	h.ok("vote", "s1", "5", "--for", "5", "--against", "0", "--abstain", "0")

	h.ok("suspend", "s1")
	h.ok("open", "s1", "--call", "2")
	h.ok("attend", "s1", "--present", "m1,m2,m3")
	if s := h.status("s1"); s.Sitting != 2 || s.Call != 2 || s.Present != 3 || s.QuorumRequired != 3 || !s.QuorumMet {
		t.Errorf("second sitting under the second convocation: %+v", s)
	}
	h.ok("item", "s1", "6", "start")
	h.ok("vote", "s1", "6", "--line", "R1", "--for", "3")
	h.ok("vote", "s1", "6", "--line", "E1", "--for", "2", "--against", "1")
	h.ok("vote", "s1", "6", "--for", "3")
	h.ok("close", "s1")

	s := h.status("s1")
	var outcomes []string
	for _, it := range s.Items {
		outcomes = append(outcomes, string(it.Outcome))
	}
	if s.State != "closed" || strings.Join(outcomes, " ") != "adopted noted adopted adopted adopted adopted" {
		t.Errorf("closed session: state %s, outcomes %v", s.State, outcomes)
	}

	d := h.show("s1/3")
	if d.For != 4 || d.Against != 1 || d.Abstain != 1 || d.Present != 6 || d.Named["m2"] != model.Against || len(d.Named) != 6 {
		t.Errorf("named vote with --rest for: %+v", d)
	}
	// The lines of a budget voted whole are not decisions of their own.
	h.refused(4, "err.decision_not_found", []any{"s1/5/E1"}, "show", "s1/5/E1")
	if d := h.show("s1/6/E1"); d.Line != "E1" || d.Amount == nil || d.Amount.String() != "500.00" || d.For != 2 || d.Present != 3 {
		t.Errorf("line decision: %+v", d)
	}
	if d := h.show("s1/2"); d.Outcome != model.Noted || len(d.Notes) != 1 || d.Notes[0].Text != "The report was read." {
		t.Errorf("noted item: %+v", d)
	}
	text := h.ok("show", "s1/3")
	for _, want := range []string{"s1/3  Partnership with the region", d.Explanation, "m2", i18n.T("en", "choice.against")} {
		if !strings.Contains(text, want) {
			t.Errorf("show s1/3 lacks %q:\n%s", want, text)
		}
	}
	// The explanation is said in the reader's language, from the vote's figures.
	fr := h.ok("show", "s1/3", "--lang", "fr")
	if want := fmt.Sprintf("adopté : %d pour", d.For); !strings.Contains(fr, want) || strings.Contains(fr, d.Explanation) {
		t.Errorf("show --lang fr: want the explanation in French (%q), not %q:\n%s", want, d.Explanation, fr)
	}

	var all []model.Decision
	h.jsonOf(&all, "decisions", "--json")
	if len(all) != 8 { // six items and the two lines of item 6
		t.Errorf("decisions: %d, want 8", len(all))
	}
	if out := h.ok("sessions"); !strings.Contains(out, "s1") || !strings.Contains(out, "Test session") {
		t.Errorf("sessions: %q", out)
	}
	if out := h.ok("verify"); !strings.HasPrefix(out, "ok: ") {
		t.Errorf("verify: %q", out)
	}
}

func TestRefusals(t *testing.T) {
	h := withSession(t)
	h.refused(3, "err.not_open", []any{"s1"}, "attend", "s1", "--present", "all")
	h.ok("open", "s1")
	h.refused(3, "err.already_open", []any{"s1"}, "open", "s1")
	h.ok("attend", "s1", "--present", "m1,m2,m3")
	h.refused(3, "err.item_not_open", []any{1}, "vote", "s1", "1", "--for", "3")
	h.ok("item", "s1", "1", "start")
	noQuorum := model.NoQuorum(3, 4, 7).(*model.Error)
	h.refused(3, noQuorum.Key, noQuorum.Args, "vote", "s1", "1", "--for", "3")
	h.ok("attend", "s1", "--arrive", "m4,m5")
	h.refused(3, "count.sum", []any{4, 1, 1, 5}, "vote", "s1", "1", "--for", "4", "--against", "1", "--abstain", "1")
	h.refused(3, "err.voter_not_present", []any{"m6"}, "vote", "s1", "1", "--named", "m1=for,m6=for")
	h.refused(3, "err.tie_needs_chair", []any{2, 2}, "vote", "s1", "1", "--for", "2", "--against", "2")
	h.refused(3, "err.other_item_open", []any{1}, "item", "s1", "3", "start")
	h.refused(3, "err.item_needs_vote", []any{1}, "item", "s1", "1", "done")
	h.refused(3, "err.no_vote_to_correct", []any{"s1/1"}, "correct", "s1", "1", "--for", "3", "--reason", "typo")
	h.ok("vote", "s1", "1", "--for", "3")
	h.refused(3, "err.vote_recorded", []any{"s1/1"}, "vote", "s1", "1", "--for", "4")
	h.refused(3, "err.item_no_vote", []any{2}, "vote", "s1", "2", "--for", "4")

	h.ok("item", "s1", "5", "start")
	h.refused(3, "err.whole_budget", []any{5}, "vote", "s1", "5", "--line", "R1", "--for", "4")
	h.ok("amend", "s1", "5", "E1", "700", "--reason", "raise")
	h.refused(3, "err.unbalanced", []any{"1000.00", "1100.00"}, "vote", "s1", "5", "--for", "4")
	h.ok("item", "s1", "5", "defer")
	h.ok("item", "s1", "6", "start")
	h.refused(3, "err.lines_unvoted", []any{2, "R1, E1"}, "vote", "s1", "6", "--for", "4")
	h.ok("vote", "s1", "6", "--line", "R1", "--for", "4")
	h.refused(3, "err.amend_after_vote", []any{"R1"}, "amend", "s1", "6", "R1", "1", "--reason", "late")
	h.refused(3, "err.close_pending_both", []any{"3, 4, 6", "2"}, "close", "s1")
	for _, n := range []string{"2", "3", "4", "6"} {
		h.ok("item", "s1", n, "defer")
	}
	h.ok("close", "s1")

	closed := []any{"s1"}
	for _, args := range [][]string{
		{"open", "s1"},
		{"attend", "s1", "--arrive", "m6"},
		{"item", "s1", "3", "start"},
		{"item", "s1", "1", "note", "too late"},
		{"vote", "s1", "3", "--for", "4"},
		{"correct", "s1", "1", "--for", "4", "--reason", "too late"},
		{"amend", "s1", "5", "E1", "600", "--reason", "too late"},
		{"suspend", "s1"},
		{"close", "s1"},
	} {
		h.refused(3, "err.closed", closed, args...)
	}
	h.refused(3, "err.session_exists", []any{"s1"}, "init", "s.yaml")
}

func TestNotFound(t *testing.T) {
	h := withSession(t)
	h.ok("open", "s1")
	h.ok("attend", "s1", "--present", "all")
	for _, c := range []struct {
		key  string
		args []any
		cmd  []string
	}{
		{"err.session_not_found", []any{"nope"}, []string{"status", "nope"}},
		{"err.session_not_found", []any{"nope"}, []string{"open", "nope"}},
		{"err.session_not_found", []any{"nope"}, []string{"vote", "nope", "1", "--for", "1"}},
		{"err.item_not_found", []any{9, "s1", 6}, []string{"item", "s1", "9", "start"}},
		{"err.item_not_found", []any{9, "s1", 6}, []string{"vote", "s1", "9", "--for", "1"}},
		{"err.line_not_found", []any{"Z9", 6}, []string{"vote", "s1", "6", "--line", "Z9", "--for", "1"}},
		{"err.line_not_found", []any{"Z9", 5}, []string{"amend", "s1", "5", "Z9", "1", "--reason", "r"}},
		{"err.member_not_found", []any{"m99"}, []string{"attend", "s1", "--absent", "m99"}},
		{"err.decision_not_found", []any{"s1/1"}, []string{"show", "s1/1"}},
		{"err.decision_not_found", []any{"s9/1"}, []string{"show", "s9/1"}},
		{"err.decision_not_found", []any{"s1/6/Z9"}, []string{"show", "s1/6/Z9"}},
	} {
		h.refused(4, c.key, c.args, c.cmd...)
	}
	h.fails(4, "init", "missing.yaml")
	h.fails(4, "import", "missing.json")
}

func TestUsageErrors(t *testing.T) {
	h := withSession(t)
	h.ok("open", "s1")
	h.ok("attend", "s1", "--present", "all")
	h.ok("item", "s1", "1", "start")
	h.ok("vote", "s1", "1", "--for", "4")
	for _, args := range [][]string{
		{"frobnicate"},
		{"status"},
		{"status", "s1", "s2"},
		{"status", "s1", "--bogus"},
		{"open", "s1", "--call", "4"},
		{"open", "s1", "--call", "x"},
		{"attend", "s1"},
		{"item", "s1", "x", "start"},
		{"item", "s1", "0", "start"},
		{"item", "s1", "1", "jump"},
		{"item", "s1", "1", "note"},
		{"item", "s1", "1", "start", "extra"},
		{"vote", "s1", "1"},
		{"vote", "s1", "1", "--for", "x"},
		{"vote", "s1", "1", "--for", "-1"},
		{"vote", "s1", "1", "--for", "3", "--named", "m1=for"},
		{"vote", "s1", "1", "--for", "3", "--rest", "for"},
		{"vote", "s1", "1", "--for", "3", "--chair", "maybe"},
		{"vote", "s1", "1", "--named", "m1=yes"},
		{"vote", "s1", "1", "--named", "m1=for,m1=against"},
		{"vote", "s1", "1", "--named", "m1=for", "--rest", "perhaps"},
		{"vote", "s1", "1", "--named", ""},
		{"correct", "s1", "1", "--for", "3"},
		{"amend", "s1", "5", "E1", "12.345", "--reason", "r"},
		{"amend", "s1", "5", "E1", "600"},
		{"decisions", "--since", "2024-13-01"},
		{"decisions", "--until", "yesterday"},
		{"decisions", "--outcome", "won"},
		{"decisions", "--kind", "law"},
		{"decisions", "--limit", "-1"},
	} {
		h.fails(2, args...)
	}
	// Flag errors name the command's usage.
	if line := h.fails(2, "vote", "s1", "1", "--bogus"); !strings.Contains(line, "usage: jalsa vote SESSION N") {
		t.Errorf("bad flag: %q does not show the usage", line)
	}
}

func TestErrorsInTheChosenLanguage(t *testing.T) {
	h := withSession(t)
	h.ok("open", "s1")
	h.ok("attend", "s1", "--present", "m1,m2")
	h.ok("item", "s1", "1", "start")
	vote := []string{"vote", "s1", "1", "--for", "2"}
	en := h.fails(3, vote...)
	for _, lang := range []string{"fr", "ar"} {
		want := "jalsa: " + model.Message(model.NoQuorum(2, 4, 7), lang)
		if want == en {
			t.Fatalf("%s message equals the English one", lang)
		}
		if got := h.fails(3, append(vote, "--lang", lang)...); got != want {
			t.Errorf("--lang %s: %q, want %q", lang, got, want)
		}
		h.lang = lang // $JALSA_LANG
		if got := h.fails(3, vote...); got != want {
			t.Errorf("JALSA_LANG=%s: %q, want %q", lang, got, want)
		}
		h.lang = ""
	}
	// Usage errors too, and the flag wins over the environment.
	h.lang = "ar"
	if got, want := h.fails(2, "item", "s1", "x", "start", "--lang", "fr"), "jalsa: "+i18n.T("fr", "err.bad_item", "x"); got != want {
		t.Errorf("--lang fr over JALSA_LANG=ar: %q, want %q", got, want)
	}
}

// hasFields fails unless m has every one of fields.
func hasFields(t *testing.T, what string, m map[string]any, fields ...string) {
	t.Helper()
	for _, f := range fields {
		if _, ok := m[f]; !ok {
			t.Errorf("%s has no field %q: %v", what, f, m)
		}
	}
}

func TestJSONFieldNames(t *testing.T) {
	h := withDemo(t)

	var status map[string]any
	h.jsonOf(&status, "status", "2024-10", "--json")
	hasFields(t, "status", status, "session", "state", "present", "seats", "quorum_required", "quorum_met", "items")
	if status["session"] != "2024-10" || status["state"] != "draft" || status["seats"] != json.Number("82") ||
		status["quorum_required"] != json.Number("42") || status["quorum_met"] != false {
		t.Errorf("status of the demo's October session: %v", status)
	}
	items, _ := status["items"].([]any)
	if len(items) != 10 {
		t.Fatalf("status items: %v", status["items"])
	}
	for i, it := range items {
		m := it.(map[string]any)
		hasFields(t, "status item", m, "n", "title", "kind", "outcome")
		if m["n"] != json.Number(fmt.Sprint(i+1)) || m["outcome"] != "pending" {
			t.Errorf("item %d: %v", i+1, m)
		}
	}

	var decisions []map[string]any
	h.jsonOf(&decisions, "decisions", "--session", "2024-06", "--json")
	if len(decisions) != 6 {
		t.Fatalf("June decisions: %d, want 6", len(decisions))
	}
	date := regexp.MustCompile(`^\d{4}-\d{2}-\d{2}$`)
	for _, d := range decisions {
		hasFields(t, "decision", d, "ref", "session", "date", "item", "line", "title", "kind", "outcome",
			"for", "against", "abstain", "present", "seats", "rule", "explanation", "text")
		if ref := fmt.Sprintf("%s/%s", d["session"], d["item"]); d["ref"] != ref || d["line"] != "" {
			t.Errorf("decision %v: ref, session, item and line disagree", d["ref"])
		}
		if s, _ := d["date"].(string); !date.MatchString(s) || s != "2024-06-24" {
			t.Errorf("decision %v: date %v", d["ref"], d["date"])
		}
	}

	var sessions []map[string]any
	h.jsonOf(&sessions, "sessions", "--json")
	if len(sessions) != 2 {
		t.Fatalf("sessions: %v", sessions)
	}
	for _, s := range sessions {
		hasFields(t, "session", s, "session", "kind", "title", "date", "state")
	}

	// show --json is one element of decisions --json, and more.
	var shown map[string]any
	h.jsonOf(&shown, "show", "2024-06/4", "--json")
	i := slices.IndexFunc(decisions, func(d map[string]any) bool { return d["ref"] == "2024-06/4" })
	if i < 0 {
		t.Fatal("decisions --json lacks 2024-06/4")
	}
	for k, v := range decisions[i] {
		if fmt.Sprint(shown[k]) != fmt.Sprint(v) {
			t.Errorf("show 2024-06/4 %s = %v, decisions says %v", k, shown[k], v)
		}
	}
	if named, _ := shown["named"].(map[string]any); len(named) != 68 {
		t.Errorf("show 2024-06/4: %d named votes, want the 68 present", len(named))
	}
}

func TestDecisionFilters(t *testing.T) {
	h := withDemo(t)
	refs := func(args ...string) []string {
		t.Helper()
		var ds []model.Decision
		h.jsonOf(&ds, append([]string{"decisions", "--json"}, args...)...)
		var out []string
		for _, d := range ds {
			out = append(out, d.Ref)
		}
		slices.Sort(out)
		return out
	}
	for _, c := range []struct {
		args []string
		want string
	}{
		{[]string{"--outcome", "deferred"}, "2024-06/6"},
		{[]string{"--outcome", "noted", "--session", "2024-06"}, "2024-06/2"},
		{[]string{"--kind", "minutes"}, "2024-06/1"},
		{[]string{"--kind", "agreement", "--outcome", "adopted"}, "2024-06/3 2024-06/4 2024-06/5"},
		{[]string{"--since", "2024-06-24", "--until", "2024-06-24", "--kind", "report"}, "2024-06/2"},
		{[]string{"--since", "2024-06-25"}, ""},
		{[]string{"--until", "2024-06-23"}, ""},
		{[]string{"--session", "2024-10"}, ""},
		{[]string{"بمكناس"}, "2024-06/3"},
	} {
		if got := strings.Join(refs(c.args...), " "); got != c.want {
			t.Errorf("decisions %v: %q, want %q", c.args, got, c.want)
		}
	}
	if got := refs("--limit", "2"); len(got) != 2 {
		t.Errorf("--limit 2: %v", got)
	}
	if out := h.ok("decisions", "--session", "2024-10"); out != i18n.T("en", "msg.no_decisions")+"\n" {
		t.Errorf("no decisions: %q", out)
	}
}

func TestAttendAllThenNamed(t *testing.T) {
	h := withSession(t)
	h.ok("open", "s1")
	// "all" applies first, whatever the order of the flags.
	h.ok("attend", "s1", "--absent", "m6,m7", "--present", "all")
	if s := h.status("s1"); s.Present != 5 {
		t.Errorf("--present all --absent m6,m7: %d present, want 5", s.Present)
	}
	h.ok("attend", "s1", "--excused", "all", "--present", "m1,m2,m3,m4")
	if s := h.status("s1"); s.Present != 4 || !s.QuorumMet {
		t.Errorf("--excused all --present m1..m4: %+v", s)
	}
	h.ok("attend", "s1", "--arrive", "m5", "--leave", "m1")
	h.ok("item", "s1", "1", "start")
	h.ok("vote", "s1", "1", "--named", "m2=against", "--rest", "abstain")
	d := h.show("s1/1")
	var ids []string
	for id := range d.Named {
		ids = append(ids, id)
	}
	slices.Sort(ids)
	if strings.Join(ids, ",") != "m2,m3,m4,m5" || d.Against != 1 || d.Abstain != 3 || d.Outcome != model.Rejected {
		t.Errorf("after --arrive m5 --leave m1, the present voters are %v: %+v", ids, d)
	}
	// A correction counts the voters present at the vote: m1 had left.
	h.refused(3, "err.voter_not_present", []any{"m1"}, "correct", "s1", "1", "--named", "m1=for", "--reason", "r")
}

func TestNamedVotes(t *testing.T) {
	h := withSession(t)
	h.ok("open", "s1")
	h.ok("attend", "s1", "--present", "all", "--absent", "m7")
	for _, c := range []struct {
		item        string
		named, rest string
		f, a, ab    int
		out         model.Outcome
	}{
		// --rest none counts only the named; the chair (m1) voted for, so the tie is adopted.
		{"1", "m1=for,m2=against", "none", 1, 1, 0, model.Adopted},
		{"3", "m1=against,m2=for", "none", 1, 1, 0, model.Rejected},
		// No --rest is --rest none; the chair abstained, so the tie is rejected.
		{"5", "m1=abstain,m2=for,m3=against", "", 1, 1, 1, model.Rejected},
		// Two thirds of the 6 present: 4 for is just enough.
		{"4", "m2=against,m3=against", "for", 4, 2, 0, model.Adopted},
	} {
		h.ok("item", "s1", c.item, "start")
		args := []string{"vote", "s1", c.item, "--named", c.named}
		if c.rest != "" {
			args = append(args, "--rest", c.rest)
		}
		h.ok(args...)
		d := h.show("s1/" + c.item)
		if d.For != c.f || d.Against != c.a || d.Abstain != c.ab || d.Outcome != c.out || len(d.Named) != c.f+c.a+c.ab {
			t.Errorf("%s --rest %q on item %s: %d/%d/%d %s, want %d/%d/%d %s", c.named, c.rest, c.item, d.For, d.Against, d.Abstain, d.Outcome, c.f, c.a, c.ab, c.out)
		}
	}
}

func TestTieAndChair(t *testing.T) {
	h := withSession(t)
	h.ok("open", "s1")
	h.ok("attend", "s1", "--present", "all")
	for _, c := range []struct {
		item, chair string
		out         model.Outcome
	}{
		{"1", "for", model.Adopted},
		{"3", "against", model.Rejected},
		{"5", "abstain", model.Rejected},
	} {
		h.ok("item", "s1", c.item, "start")
		h.refused(3, "err.tie_needs_chair", []any{3, 3}, "vote", "s1", c.item, "--for", "3", "--against", "3")
		h.ok("vote", "s1", c.item, "--for", "3", "--against", "3", "--chair", c.chair)
		if d := h.show("s1/" + c.item); d.Outcome != c.out {
			t.Errorf("tie with --chair %s on item %s: %s, want %s (%s)", c.chair, c.item, d.Outcome, c.out, d.Explanation)
		}
	}
	// Under two thirds of the present there is no tie to break.
	h.ok("item", "s1", "4", "start")
	h.ok("vote", "s1", "4", "--for", "3", "--against", "3")
	if d := h.show("s1/4"); d.Outcome != model.Rejected || d.Rule != "two-thirds-present" {
		t.Errorf("3–3 under two-thirds-present: %+v", d)
	}
}

func TestCorrectKeepsTheOldVote(t *testing.T) {
	h := withSession(t)
	h.ok("open", "s1")
	h.ok("attend", "s1", "--present", "all")
	h.ok("item", "s1", "1", "start")
	h.ok("vote", "s1", "1", "--for", "3", "--against", "3", "--chair", "against")
	before := h.show("s1/1")
	out := h.ok("correct", "s1", "1", "--for", "4", "--against", "3", "--reason", "one vote was missed")
	if !strings.HasPrefix(out, "s1/1: adopted: 4 for > 3 against") {
		t.Errorf("correct printed %q", out)
	}
	d := h.show("s1/1")
	if d.Outcome != model.Adopted || d.For != 4 || len(d.Corrections) != 1 {
		t.Fatalf("after correct: %+v", d)
	}
	c := d.Corrections[0]
	if c.Reason != "one vote was missed" || c.Previous.For != 3 || c.Previous.Against != 3 || c.Previous.Outcome != model.Rejected ||
		c.Previous.Chair != model.Against || c.Previous.Explanation != before.Explanation || c.By != "clerk" {
		t.Errorf("the correction does not keep the old vote: %+v", c)
	}
	// A second correction keeps both.
	h.ok("correct", "s1", "1", "--named", "m1=for", "--rest", "against", "--reason", "roll call")
	if d := h.show("s1/1"); len(d.Corrections) != 2 || d.Corrections[1].Previous.For != 4 || d.Outcome != model.Rejected || d.Against != 6 {
		t.Errorf("second correction: %+v", d)
	}
	if text := h.ok("show", "s1/1"); !strings.Contains(text, "one vote was missed") || !strings.Contains(text, "roll call") {
		t.Errorf("show does not list the corrections:\n%s", text)
	}
}

func TestExportImportBackupVerify(t *testing.T) {
	h := withDemo(t)
	exp := filepath.Join(h.dir, "export.json")
	h.ok("export", "-o", "export.json")
	first, err := os.ReadFile(exp)
	if err != nil {
		t.Fatal(err)
	}
	if stdout := h.ok("export"); stdout != string(first) {
		t.Error("export to stdout and to a file differ")
	}

	// Into an empty database, the import reproduces the export exactly.
	h2 := newHarness(t)
	var x store.Export
	if err := json.Unmarshal(first, &x); err != nil || len(x.Events) < 20 {
		t.Fatalf("export: %d events, %v", len(x.Events), err)
	}
	if out := h2.ok("import", exp); out != i18n.T("en", "msg.imported", len(x.Events))+"\n" {
		t.Errorf("import printed %q", out)
	}
	if again := h2.ok("export"); again != string(first) {
		t.Error("export of the imported database differs from the original export")
	}
	// Not into a database that holds anything.
	h.refused(3, "err.import_not_empty", []any{h.db}, "import", exp)
	if err := os.WriteFile(filepath.Join(h.dir, "junk.json"), []byte(`{"format":"other"}`), 0o644); err != nil {
		t.Fatal(err)
	}
	// A refused import into a new database leaves no database behind.
	h4 := newHarness(t)
	h4.fails(2, "import", filepath.Join(h.dir, "junk.json"))
	if _, err := os.Stat(h4.db); !errors.Is(err, os.ErrNotExist) {
		t.Errorf("a refused import left %s behind (%v)", h4.db, err)
	}

	bak := filepath.Join(t.TempDir(), "copy.db")
	if out := h.ok("backup", bak); out != i18n.T("en", "msg.backup", bak)+"\n" {
		t.Errorf("backup printed %q", out)
	}
	h3 := newHarness(t)
	h3.db = bak
	if out := h3.ok("verify"); !strings.HasPrefix(out, "ok: ") {
		t.Errorf("verify of the backup: %q", out)
	}
	if h3.ok("export") != string(first) {
		t.Error("the backup does not hold the same record")
	}
	h.refused(3, "err.backup_onto_db", []any{h.db}, "backup", h.db)
}

// An observer (SSH role) may read but not change anything.
func TestObserverChangesNothing(t *testing.T) {
	h := withSession(t)
	st, err := store.Open(h.db, store.Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	var out, errb bytes.Buffer
	env := &cli.Env{Getenv: noEnv, Role: model.RoleObserver, Store: st, Stdout: &out, Stderr: &errb}
	if code := cli.Run(context.Background(), env, []string{"open", "s1"}); code != 3 || errb.String() != "jalsa: "+i18n.T("en", "err.role_readonly", model.RoleObserver)+"\n" {
		t.Errorf("an observer opening a sitting: exit %d %q", code, errb.String())
	}
	if code := cli.Run(context.Background(), env, []string{"status", "s1"}); code != 0 || !strings.Contains(out.String(), "Test session") {
		t.Errorf("an observer reading the status: exit %d %q", code, errb.String())
	}
	if st.Seq() != 1 {
		t.Error("an observer changed the record")
	}
}

// Every message of cli, store and model exists in ar, fr and en.
// The wording of help is registered when help is first shown.
func TestCatalog(t *testing.T) {
	newHarness(t).ok("help")
	i18n.CheckCatalog(t)
}

// TestVoteWarnsWhenBalanceIsLocked: the vote on the last line of an
// unbalanced budget is recorded (exit 0), and stderr says at once that the
// final vote will be refused; earlier line votes say nothing.
func TestVoteWarnsWhenBalanceIsLocked(t *testing.T) {
	h := withSession(t)
	h.ok("open", "s1")
	h.ok("attend", "s1", "--present", "all")
	h.ok("amend", "s1", "6", "R1", "600.00", "--reason", "new levy")
	h.ok("item", "s1", "6", "start")
	h.ok("vote", "s1", "6", "--line", "R1", "--for", "5")
	code, out, errs := h.run("vote", "s1", "6", "--line", "E1", "--for", "5")
	if code != 0 || !strings.HasPrefix(out, "s1/6/E1: adopted") {
		t.Fatalf("the last line's vote: exit %d, stdout %q", code, out)
	}
	want := "jalsa: warning: every line of s1/6 has its vote and the budget does not balance (revenue 600.00, expense 500.00)"
	if !strings.HasPrefix(errs, want) || strings.Count(errs, "\n") != 1 {
		t.Errorf("stderr %q, want one line starting %q", errs, want)
	}
}
