package cli

import (
	"encoding/json"
	"fmt"
	"io"
	"sort"
	"strconv"
	"strings"
	"text/tabwriter"
	"time"

	"github.com/jalsa-app/jalsa/i18n"
	"github.com/jalsa-app/jalsa/model"
	"github.com/jalsa-app/jalsa/report"
	"github.com/jalsa-app/jalsa/store"
)

// jsonFlags are the flags of a command that prints text or JSON.
type jsonFlags struct {
	JSON bool `flag:"json"`
}

func writeJSON(w io.Writer, v any) error {
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	return enc.Encode(v)
}

// SessionSummary is one row of `jalsa sessions --json`.
type SessionSummary struct {
	Session string `json:"session"`
	Body    string `json:"body"`
	Kind    string `json:"kind"`
	Title   string `json:"title"`
	Date    string `json:"date"`
	State   string `json:"state"`
	Items   int    `json:"items"`
}

func runSessions(c *call, f *jsonFlags) error {
	env := c.Env
	var rows []SessionSummary
	c.st.Read(func(s *model.State) {
		for _, sess := range s.SessionList() {
			rows = append(rows, SessionSummary{sess.ID, sess.Body, sess.Kind, sess.Title, sess.Date, sess.State, len(sess.Items)})
		}
	})
	return writeList(env, f.JSON, rows, "msg.no_sessions", func(r SessionSummary) []string {
		return []string{r.Session, report.FormatDay(env.lang, r.Date), i18n.T(env.lang, "state."+r.State), i18n.T(env.lang, "kind."+r.Kind), r.Title}
	})
}

// writeList prints rows as one JSON array (empty, never null) or as aligned
// text columns, one row a line, or says there are none.
func writeList[T any](env *Env, asJSON bool, rows []T, none string, columns func(T) []string) error {
	if asJSON {
		if rows == nil {
			rows = []T{}
		}
		return writeJSON(env.Stdout, rows)
	}
	if len(rows) == 0 {
		fmt.Fprintln(env.Stdout, i18n.T(env.lang, none))
		return nil
	}
	tw := tabwriter.NewWriter(env.Stdout, 0, 4, 2, ' ', 0)
	for _, r := range rows {
		fmt.Fprintln(tw, strings.Join(columns(r), "\t"))
	}
	return tw.Flush()
}

// Status is `jalsa status --json`.
type Status struct {
	Session        string       `json:"session"`
	Title          string       `json:"title"`
	State          string       `json:"state"`
	Sitting        int          `json:"sitting"`
	Call           int          `json:"call"`
	Present        int          `json:"present"`
	Seats          int          `json:"seats"`
	QuorumRequired int          `json:"quorum_required"`
	QuorumRule     string       `json:"quorum_rule"`
	QuorumMet      bool         `json:"quorum_met"`
	Current        int          `json:"current"`
	Items          []ItemStatus `json:"items"`
}

// ItemStatus is one item of Status.
type ItemStatus struct {
	N       int           `json:"n"`
	Title   string        `json:"title"`
	Kind    string        `json:"kind"`
	State   string        `json:"state"`
	Outcome model.Outcome `json:"outcome"`
	For     int           `json:"for,omitempty"`
	Against int           `json:"against,omitempty"`
	Abstain int           `json:"abstain,omitempty"`
	Lines   int           `json:"lines,omitempty"`
	Voted   int           `json:"lines_voted,omitempty"`
}

// StatusOf builds the status of a session.
func StatusOf(st *model.State, sess *model.Session) Status {
	q := st.QuorumNow(sess)
	out := Status{Session: sess.ID, Title: sess.Title, State: sess.State, Present: q.Present, Seats: q.Seats,
		QuorumRequired: q.Required, QuorumRule: q.Rule, QuorumMet: q.Met, Current: sess.Current, Items: []ItemStatus{}}
	if sit := sess.Sitting(); sit != nil {
		out.Sitting, out.Call = sit.N, sit.Call
	}
	for _, it := range sess.Items {
		is := ItemStatus{N: it.N, Title: it.Title, Kind: it.Kind, State: it.State, Outcome: it.Outcome, Lines: len(it.Lines)}
		if it.Vote != nil {
			is.For, is.Against, is.Abstain = it.Vote.For, it.Vote.Against, it.Vote.Abstain
		}
		for _, l := range it.Lines {
			if l.Vote != nil {
				is.Voted++
			}
		}
		out.Items = append(out.Items, is)
	}
	return out
}

func runStatus(c *call, f *jsonFlags) error {
	env := c.Env
	var status Status
	var err error
	c.st.Read(func(s *model.State) {
		var sess *model.Session
		if sess, err = s.Session(c.args[0]); err == nil {
			status = StatusOf(s, sess)
		}
	})
	if err != nil {
		return err
	}
	if f.JSON {
		return writeJSON(env.Stdout, status)
	}
	l := env.lang
	fmt.Fprintf(env.Stdout, "%s  %s  [%s]\n", status.Session, status.Title, i18n.T(l, "state."+status.State))
	if status.Sitting > 0 {
		mark := i18n.T(l, "msg.quorum_met")
		if !status.QuorumMet {
			mark = i18n.T(l, "msg.quorum_not_met")
		}
		fmt.Fprintf(env.Stdout, "%s %d (%s %d)  %d/%d %s  %s\n", i18n.T(l, "label.sitting"), status.Sitting, i18n.T(l, "label.call"), status.Call,
			status.Present, status.Seats, i18n.T(l, "msg.present"), i18n.T(l, "msg.quorum_line", status.QuorumRequired, QuorumRuleName(l, status.QuorumRule), mark))
	}
	tw := tabwriter.NewWriter(env.Stdout, 0, 4, 2, ' ', 0)
	for _, it := range status.Items {
		cur := " "
		if it.N == status.Current {
			cur = "▶"
		}
		counts := ""
		if it.For+it.Against+it.Abstain > 0 {
			counts = fmt.Sprintf("%d/%d/%d", it.For, it.Against, it.Abstain)
		}
		fmt.Fprintf(tw, "%s%2d\t%s\t%s\t%s\t%s\n", cur, it.N, i18n.T(l, "outcome."+string(it.Outcome)), i18n.T(l, "kind."+it.Kind), counts, it.Title)
		// A budget's progress goes under its title: in the counts column,
		// its sentence widened that column for every item, and the titles
		// wrapped at 80 columns.
		if it.Lines > 0 {
			fmt.Fprintf(tw, "\t\t\t\t%s\n", i18n.T(l, "msg.lines_voted", it.Voted, it.Lines))
		}
	}
	return tw.Flush()
}

// decisionsFlags are `jalsa decisions`' flags.
type decisionsFlags struct {
	jsonFlags
	CSV     bool   `flag:"csv"`
	Session string `flag:"session" value:"SESSION" complete:"sessions"`
	Since   string `flag:"since" value:"DATE"`
	Until   string `flag:"until" value:"DATE"`
	Outcome string `flag:"outcome" value:"OUTCOME" values:"outcomes"`
	Kind    string `flag:"kind" value:"KIND" values:"kinds"`
	Limit   int    `flag:"limit" value:"N"`
}

// pageSize is how many decisions a terminal shows when --limit is not given.
const pageSize = 30

// query checks the flags and makes the lookup.
func (f *decisionsFlags) query(text string) (store.Query, error) {
	q := store.Query{Text: text, Session: f.Session, Since: f.Since, Until: f.Until, Outcome: f.Outcome, Kind: f.Kind, Limit: f.Limit}
	for _, d := range []struct{ flag, v string }{{"--since", f.Since}, {"--until", f.Until}} {
		if d.v != "" && !validDate(d.v) {
			return q, model.Usage("err.bad_date", d.flag, d.v)
		}
	}
	if q.Outcome != "" && !validOutcome(q.Outcome) {
		return q, model.Usage("err.bad_outcome", q.Outcome)
	}
	if q.Kind != "" && !validKind(q.Kind) {
		return q, model.Usage("err.bad_kind", q.Kind, strings.Join(model.ItemKinds, ", "))
	}
	if f.Limit < 0 {
		return q, model.Usage("err.bad_limit", strconv.Itoa(f.Limit))
	}
	return q, nil
}

func validDate(s string) bool {
	if len(s) != 10 {
		return false
	}
	_, err := time.Parse("2006-01-02", s)
	return err == nil
}

func validOutcome(s string) bool {
	for _, o := range model.Outcomes {
		if string(o) == s {
			return true
		}
	}
	return false
}

func validKind(s string) bool {
	for _, k := range model.ItemKinds {
		if k == s {
			return true
		}
	}
	return false
}

// runDecisions lists the decisions found, best match first. A terminal
// shows the first pageSize unless --limit says otherwise, and how many
// more there are; --json prints them all.
func runDecisions(c *call, f *decisionsFlags) error {
	q, err := f.query(strings.Join(c.args, " "))
	if err != nil {
		return err
	}
	if f.CSV && f.JSON {
		return model.Usage("report.err_two_formats")
	}
	res, err := c.st.Search(q)
	if err != nil {
		return err
	}
	l := c.lang
	if res.ShowingFor != "" { // on stderr beside JSON or CSV, whose stdout is the list alone
		notice := c.Stdout
		if f.JSON || f.CSV {
			notice = c.Stderr
		}
		fmt.Fprintln(notice, store.ShowingForMessage(l, res.ShowingFor))
	}
	ds := res.Decisions
	if f.CSV {
		return report.DecisionsCSV(c.Stdout, ds, l)
	}
	more := 0
	if c.Terminal && !f.JSON && !c.set("limit") && len(ds) > pageSize {
		more, ds = len(ds)-pageSize, ds[:pageSize]
	}
	err = writeList(c.Env, f.JSON, ds, "msg.no_decisions", func(d model.Decision) []string {
		counts := ""
		if d.For+d.Against+d.Abstain > 0 {
			counts = fmt.Sprintf("%d/%d/%d", d.For, d.Against, d.Abstain)
		}
		return []string{d.Ref, report.FormatDay(l, d.Date), i18n.T(l, "outcome."+string(d.Outcome)), counts, d.Title}
	})
	if err == nil && more > 0 {
		_, err = fmt.Fprintln(c.Stdout, i18n.T(l, "msg.more_decisions", more))
	}
	return err
}

func runShow(c *call, f *jsonFlags) error {
	env, st := c.Env, c.st
	d, err := st.Decision(c.args[0])
	if err != nil {
		return err
	}
	if f.JSON {
		return writeJSON(env.Stdout, d)
	}
	l := env.lang
	w := env.Stdout
	// Times are shown in the body's zone, as the minutes and the TUI show them.
	loc := (*model.Body)(nil).Location()
	st.Read(func(s *model.State) {
		if sess := s.Sessions[d.Session]; sess != nil {
			loc = s.Location(sess)
		}
	})
	fmt.Fprintf(w, "%s  %s\n", d.Ref, d.Title)
	fmt.Fprintf(w, "%s: %s (%s)  %s: %s\n", i18n.T(l, "label.session"), d.Session, report.FormatDay(l, d.Date), i18n.T(l, "label.kind"), i18n.T(l, "kind."+d.Kind))
	fmt.Fprintf(w, "%s: %s\n", i18n.T(l, "label.outcome"), i18n.T(l, "outcome."+string(d.Outcome)))
	if d.Amount != nil {
		fmt.Fprintf(w, "%s: %s\n", i18n.T(l, "label.amount"), report.FormatMoney(l, *d.Amount))
	}
	if d.Text != "" {
		fmt.Fprintf(w, "%s: %s\n", i18n.T(l, "label.text"), d.Text)
	}
	if d.Rule != "" {
		fmt.Fprintf(w, "%s: %d  %s: %d  %s: %d  (%s %d/%d)\n", i18n.T(l, "choice.for"), d.For, i18n.T(l, "choice.against"), d.Against,
			i18n.T(l, "choice.abstain"), d.Abstain, i18n.T(l, "msg.present"), d.Present, d.Seats)
		fmt.Fprintf(w, "%s: %s\n", i18n.T(l, "label.rule"), d.Rule)
		fmt.Fprintf(w, "%s: %s\n", i18n.T(l, "label.explanation"), d.ExplanationIn(l))
	}
	if len(d.Named) > 0 {
		fmt.Fprintf(w, "%s:\n", i18n.T(l, "label.named"))
		name := func(id string) string { return id }
		st.Read(func(s *model.State) {
			if sess := s.Sessions[d.Session]; sess != nil {
				if b := s.BodyOf(sess); b != nil {
					names := map[string]string{}
					for _, m := range b.Members {
						names[m.ID] = m.Name
					}
					name = func(id string) string { return names[id] }
				}
			}
		})
		for _, id := range sortedKeys(d.Named) {
			fmt.Fprintf(w, "  %s\t%s\t%s\n", id, i18n.T(l, "choice."+string(d.Named[id])), name(id))
		}
	}
	for _, n := range d.Notes {
		if n.Time.IsZero() { // a past register's notes carry no time
			fmt.Fprintf(w, "%s: %s\n", i18n.T(l, "label.note"), n.Text)
			continue
		}
		fmt.Fprintf(w, "%s %s: %s\n", i18n.T(l, "label.note"), n.Time.In(loc).Format("15:04"), n.Text)
	}
	for _, c := range d.Corrections {
		fmt.Fprintf(w, "%s %s: %s (%s: %d/%d/%d)\n", i18n.T(l, "label.correction"), report.FormatDate(l, c.Time.In(loc))+" "+c.Time.In(loc).Format("15:04"), c.Reason,
			i18n.T(l, "label.previous"), c.Previous.For, c.Previous.Against, c.Previous.Abstain)
	}
	return nil
}

func sortedKeys(m map[string]model.Choice) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys
}
