package cli

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"strconv"
	"strings"
	"text/tabwriter"

	"github.com/jalsa-app/jalsa/i18n"
	"github.com/jalsa-app/jalsa/model"
	"github.com/jalsa-app/jalsa/store"
	"github.com/spf13/pflag"
)

func init() {
	jsonFlag := func(fs *pflag.FlagSet, o *opts) { fs.BoolVar(&o.jsonOut, "json", false, "") }
	add(&command{name: "sessions", usage: "sessions [--json]", flags: jsonFlag, run: runSessions})
	add(&command{name: "status", usage: "status SESSION [--json]", flags: jsonFlag, run: runStatus})
	add(&command{name: "show", usage: "show REF [--json]", flags: jsonFlag, run: runShow})
	add(&command{name: "decisions", usage: "decisions [QUERY] [--session S] [--since DATE] [--until DATE] [--outcome O] [--kind K] [--limit N] [--json]",
		flags: func(fs *pflag.FlagSet, o *opts) {
			jsonFlag(fs, o)
			fs.StringVar(&o.session, "session", "", "")
			fs.StringVar(&o.since, "since", "", "")
			fs.StringVar(&o.until, "until", "", "")
			fs.StringVar(&o.outcome, "outcome", "", "")
			fs.StringVar(&o.kind, "kind", "", "")
			fs.IntVar(&o.limit, "limit", 0, "")
		}, run: runDecisions})
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

func runSessions(ctx context.Context, env *Env, st *store.Store, o *opts) error {
	var rows []SessionSummary
	st.Read(func(s *model.State) {
		for _, sess := range s.SessionList() {
			rows = append(rows, SessionSummary{sess.ID, sess.Body, sess.Kind, sess.Title, sess.Date, sess.State, len(sess.Items)})
		}
	})
	return writeList(env, o.jsonOut, rows, "msg.no_sessions", func(r SessionSummary) []string {
		return []string{r.Session, FormatDay(env.lang, r.Date), i18n.T(env.lang, "state."+r.State), i18n.T(env.lang, "kind."+r.Kind), r.Title}
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

func runStatus(ctx context.Context, env *Env, st *store.Store, o *opts) error {
	if err := needArgs(o, 1, commands["status"].usage); err != nil {
		return err
	}
	var status Status
	var err error
	st.Read(func(s *model.State) {
		var sess *model.Session
		if sess, err = s.Session(o.args[0]); err == nil {
			status = StatusOf(s, sess)
		}
	})
	if err != nil {
		return err
	}
	if o.jsonOut {
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
		if it.Lines > 0 {
			counts = strings.TrimSpace(counts + " " + i18n.T(l, "msg.lines_voted", it.Voted, it.Lines))
		}
		fmt.Fprintf(tw, "%s%2d\t%s\t%s\t%s\t%s\n", cur, it.N, i18n.T(l, "outcome."+string(it.Outcome)), i18n.T(l, "kind."+it.Kind), counts, it.Title)
	}
	return tw.Flush()
}

// Filter narrows a decision lookup.
type Filter struct {
	Query, Session, Since, Until, Outcome, Kind string
	Limit                                       int
}

func (o *opts) filter() (Filter, error) {
	f := Filter{Query: strings.Join(o.args, " "), Session: o.session, Since: o.since, Until: o.until, Outcome: o.outcome, Kind: o.kind, Limit: o.limit}
	for _, d := range []struct{ flag, v string }{{"--since", f.Since}, {"--until", f.Until}} {
		if d.v != "" && !validDate(d.v) {
			return f, usageError("err.bad_date", d.flag, d.v)
		}
	}
	if f.Outcome != "" && !validOutcome(f.Outcome) {
		return f, usageError("err.bad_outcome", f.Outcome)
	}
	if f.Kind != "" && !validKind(f.Kind) {
		return f, usageError("err.bad_kind", f.Kind, strings.Join(model.ItemKinds, ", "))
	}
	if f.Limit < 0 {
		return f, usageError("err.bad_limit", strconv.Itoa(f.Limit))
	}
	return f, nil
}

func validDate(s string) bool {
	if len(s) != 10 {
		return false
	}
	_, err := parseDate(s)
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

func runDecisions(ctx context.Context, env *Env, st *store.Store, o *opts) error {
	f, err := o.filter()
	if err != nil {
		return err
	}
	res, err := st.Search(store.Query{Text: f.Query, Session: f.Session, Since: f.Since, Until: f.Until, Outcome: f.Outcome, Kind: f.Kind, Limit: f.Limit})
	if err != nil {
		return err
	}
	if res.ShowingFor != "" { // on stderr beside JSON, whose stdout is the array alone
		fmt.Fprintln(map[bool]io.Writer{false: env.Stdout, true: env.Stderr}[o.jsonOut], store.ShowingForMessage(env.lang, res.ShowingFor))
	}
	return writeList(env, o.jsonOut, res.Decisions, "msg.no_decisions", func(d model.Decision) []string {
		counts := ""
		if d.For+d.Against+d.Abstain > 0 {
			counts = fmt.Sprintf("%d/%d/%d", d.For, d.Against, d.Abstain)
		}
		return []string{d.Ref, FormatDay(env.lang, d.Date), i18n.T(env.lang, "outcome."+string(d.Outcome)), counts, d.Title}
	})
}

func runShow(ctx context.Context, env *Env, st *store.Store, o *opts) error {
	if err := needArgs(o, 1, commands["show"].usage); err != nil {
		return err
	}
	d, err := st.Decision(o.args[0])
	if err != nil {
		return err
	}
	if o.jsonOut {
		return writeJSON(env.Stdout, d)
	}
	l := env.lang
	w := env.Stdout
	fmt.Fprintf(w, "%s  %s\n", d.Ref, d.Title)
	fmt.Fprintf(w, "%s: %s (%s)  %s: %s\n", i18n.T(l, "label.session"), d.Session, FormatDay(l, d.Date), i18n.T(l, "label.kind"), i18n.T(l, "kind."+d.Kind))
	fmt.Fprintf(w, "%s: %s\n", i18n.T(l, "label.outcome"), i18n.T(l, "outcome."+string(d.Outcome)))
	if d.Amount != nil {
		fmt.Fprintf(w, "%s: %s\n", i18n.T(l, "label.amount"), FormatMoney(l, *d.Amount))
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
		fmt.Fprintf(w, "%s %s: %s\n", i18n.T(l, "label.note"), n.Time.Local().Format("15:04"), n.Text)
	}
	for _, c := range d.Corrections {
		fmt.Fprintf(w, "%s %s: %s (%s: %d/%d/%d)\n", i18n.T(l, "label.correction"), FormatDate(l, c.Time.Local())+" "+c.Time.Local().Format("15:04"), c.Reason,
			i18n.T(l, "label.previous"), c.Previous.For, c.Previous.Against, c.Previous.Abstain)
	}
	return nil
}

func sortedKeys(m map[string]model.Choice) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sortStrings(keys)
	return keys
}
