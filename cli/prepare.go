package cli

import (
	"bufio"
	"encoding/json"
	"fmt"
	"strconv"
	"strings"
	"text/tabwriter"

	"github.com/jalsa-app/jalsa/i18n"
	"github.com/jalsa-app/jalsa/model"
	"github.com/jalsa-app/jalsa/report"
)

// Preparing a session (SPEC §12): a draft on the body's roster, its
// details, guests, agenda and budget lines, without writing YAML.

// sessionFlags are the details of a session `jalsa new` and `jalsa edit`
// take.
type sessionFlags struct {
	Title     string `flag:"title" value:"TITLE"`
	Date      string `flag:"date" value:"DATE"`
	Time      string `flag:"time" value:"HH:MM"`
	Kind      string `flag:"kind" values:"ordinary|extraordinary"`
	Place     string `flag:"place" value:"PLACE"`
	Chair     string `flag:"chair" value:"ID" complete:"members"`
	Secretary string `flag:"secretary" value:"ID" complete:"members"`
	Convened  string `flag:"convened" value:"DATE"`
	Public    string `flag:"public" values:"yes|no"`
	// SpeakingTime is read as the session file's speaking_time.
	SpeakingTime string `flag:"speaking-time" value:"MINUTES"`
}

// speakingTime reads --speaking-time: nil when it is not given.
func (c *call) speakingTime(v string) (*int, error) {
	if !c.set("speaking-time") {
		return nil, nil
	}
	secs, ok := model.ParseSpeakingTime(v)
	if !ok {
		return nil, model.Usage("err.field", "--speaking-time", model.Phrase{Key: "sessionfile.speaking_time", Args: []any{v}})
	}
	return &secs, nil
}

// public reads --public.
func (c *call) public(v string) (*bool, error) {
	if !c.set("public") {
		return nil, nil
	}
	switch v {
	case "yes":
		b := true
		return &b, nil
	case "no":
		b := false
		return &b, nil
	}
	return nil, model.Usage("err.bad_flag_choice", "--public", v, "yes, no")
}

func runNew(c *call, f *sessionFlags) error {
	for _, name := range []string{"title", "date"} {
		if !c.set(name) {
			return model.Usage("err.flag_required", "--"+name)
		}
	}
	public, err := c.public(f.Public)
	if err != nil {
		return err
	}
	limit, err := c.speakingTime(f.SpeakingTime)
	if err != nil {
		return err
	}
	cmd := &model.NewSessionCmd{ID: c.args[0], Kind: f.Kind, Title: f.Title, Date: f.Date, Time: f.Time, Place: f.Place, Chair: f.Chair,
		Secretary: f.Secretary, Convened: f.Convened, Public: public}
	if limit != nil {
		cmd.SpeakingTime = *limit
	}
	if err := c.withBody(func(id string) error {
		cmd.Body = id
		_, err := c.do(c.st, cmd)
		return err
	}, ""); err != nil {
		return err
	}
	var roll int
	var chair string
	c.st.Read(func(st *model.State) {
		s := st.Sessions[cmd.ID]
		b := st.BodyOf(s)
		roll, chair = len(b.Members), b.MemberName(s.Chair)
	})
	fmt.Fprintln(c.Stdout, i18n.T(c.lang, "msg.new", cmd.ID, roll, chair))
	return nil
}

func runEdit(c *call, f *sessionFlags) error {
	public, err := c.public(f.Public)
	if err != nil {
		return err
	}
	limit, err := c.speakingTime(f.SpeakingTime)
	if err != nil {
		return err
	}
	cmd := &model.EditSessionCmd{Session: c.args[0], Title: c.str("title", f.Title), Kind: c.str("kind", f.Kind),
		Date: c.str("date", f.Date), Time: c.str("time", f.Time), Place: c.str("place", f.Place), Chair: c.str("chair", f.Chair),
		Secretary: c.str("secretary", f.Secretary), Convened: c.str("convened", f.Convened), Public: public,
		SpeakingTime: limit}
	if _, err := c.do(c.st, cmd); err != nil {
		return err
	}
	fmt.Fprintln(c.Stdout, i18n.T(c.lang, "msg.edited", c.args[0]))
	return nil
}

// guestsFlags are `jalsa guests`' flags.
type guestsFlags struct {
	Role   string `flag:"role" value:"ROLE"`
	Gender string `flag:"gender" values:"f|m"`
}

func runGuests(c *call, f *guestsFlags) error {
	cmd := &model.GuestsCmd{Session: c.args[0], Action: c.args[1]}
	if cmd.Action == "add" {
		cmd.Guest = model.Guest{Name: c.args[2], Role: f.Role, Gender: f.Gender}
	} else {
		n, err := strconv.Atoi(c.args[2])
		if err != nil || n < 1 {
			return model.Usage("err.bad_guest", c.args[2])
		}
		cmd.N = n
	}
	if _, err := c.do(c.st, cmd); err != nil {
		return err
	}
	var names []string
	c.st.Read(func(st *model.State) {
		for i, g := range st.Sessions[cmd.Session].Guests {
			names = append(names, fmt.Sprintf("%d. %s", i+1, g.Name))
		}
	})
	fmt.Fprintln(c.Stdout, i18n.T(c.lang, "msg.guests", len(names)))
	for _, n := range names {
		fmt.Fprintln(c.Stdout, "  "+n)
	}
	return nil
}

// agendaFlags are `jalsa agenda`'s flags.
type agendaFlags struct {
	Title    string `flag:"title" value:"TITLE"`
	Kind     string `flag:"kind" values:"kinds"`
	Majority string `flag:"majority" values:"majorities"`
	Text     string `flag:"text" value:"TEXT"`
	Vote     string `flag:"vote" values:"lines|whole|yes|no"`
	At       int    `flag:"at" value:"N"`
	Urgent   bool   `flag:"urgent"`
	Reason   string `flag:"reason" value:"TEXT"`
}

// agendaArgs are the words each agenda action takes after it.
var agendaArgs = map[string]string{"add": "TITLE", "edit": "N", "move": "N TO", "remove": "N"}

func runAgenda(c *call, f *agendaFlags) error {
	action, rest := c.args[1], c.args[2:]
	if want := strings.Fields(agendaArgs[action]); len(rest) != len(want) {
		return model.Usage("err.args", "agenda SESSION "+action+" "+agendaArgs[action]+" [flags]")
	}
	cmd := &model.AgendaCmd{Session: c.args[0], Action: action, Title: c.str("title", f.Title), Kind: c.str("kind", f.Kind),
		Majority: c.str("majority", f.Majority), Text: c.str("text", f.Text), Vote: c.str("vote", f.Vote),
		At: f.At, Urgent: f.Urgent, Reason: f.Reason}
	switch action {
	case "add":
		cmd.Title = &rest[0]
	case "move":
		to, err := strconv.Atoi(rest[1])
		if err != nil || to < 1 {
			return model.Usage("err.bad_item", rest[1])
		}
		cmd.To = to
		fallthrough
	default:
		n, err := itemNumber(rest[0])
		if err != nil {
			return err
		}
		cmd.N = n
	}
	if _, err := c.do(c.st, cmd); err != nil {
		return err
	}
	return printAgenda(c, cmd.Session)
}

// printAgenda prints a session's agenda, one item a line.
func printAgenda(c *call, id string) error {
	tw := tabwriter.NewWriter(c.Stdout, 0, 4, 2, ' ', 0)
	c.st.Read(func(st *model.State) {
		for _, it := range st.Sessions[id].Items {
			mark := ""
			if it.Urgent != nil {
				mark = " " + i18n.T(c.lang, "msg.urgent")
			}
			if it.Kind == model.KindBudget {
				mark += " " + i18n.T(c.lang, "msg.lines", len(it.Lines))
			}
			fmt.Fprintf(tw, "%d\t%s\t%s%s\n", it.N, i18n.T(c.lang, "kind."+it.Kind), it.Title, mark)
		}
	})
	return tw.Flush()
}

// budgetFlags are `jalsa budget`'s flags.
type budgetFlags struct {
	Sheet  string `flag:"sheet" value:"NAME"`
	Yes    bool   `flag:"yes"`
	DryRun bool   `flag:"dry-run"`
}

// runBudget imports a budget's lines. It prints the totals and balance of
// each part first, then: with --dry-run, stops; on a terminal, asks; else
// (a script, a command sent to the UI that holds the database) imports.
func runBudget(c *call, f *budgetFlags) error {
	n, err := itemNumber(c.args[1])
	if err != nil {
		return err
	}
	t, err := readTable(c, c.args[3], f.Sheet)
	if err != nil {
		return err
	}
	lines, parts, rows, err := t.Budget()
	if err != nil {
		return err
	}
	cmd := &model.BudgetImportCmd{Session: c.args[0], N: n, Lines: lines, Parts: parts}
	if err := t.Explain(c.dryRun(cmd), rows, true); err != nil {
		return err
	}
	printTotals(c, lines, parts)
	switch {
	case f.DryRun:
		fmt.Fprintln(c.Stdout, i18n.T(c.lang, "msg.budget.dry_run"))
		return nil
	case !f.Yes && c.Terminal && c.Stdin != nil && !c.Forwarded:
		fmt.Fprint(c.Stdout, i18n.T(c.lang, "msg.budget.confirm", len(lines), n))
		answer, _ := bufio.NewReader(c.Stdin).ReadString('\n')
		if !yes(answer) {
			fmt.Fprintln(c.Stdout, i18n.T(c.lang, "msg.budget.declined"))
			return nil
		}
	}
	if _, err := c.do(c.st, cmd); err != nil {
		return t.Explain(err, rows, true)
	}
	fmt.Fprintln(c.Stdout, i18n.T(c.lang, "msg.budget.imported", len(lines), n))
	return nil
}

// yes reads an answer to a question: yes in any of the languages.
func yes(answer string) bool {
	switch strings.ToLower(strings.TrimSpace(answer)) {
	case "y", "yes", "o", "oui", "ن", "نعم":
		return true
	}
	return false
}

// printTotals prints the revenue, expense and balance of each part, in the
// order the parts come, then of the whole.
func printTotals(c *call, lines []model.BudgetLine, names map[string]string) {
	type total struct{ revenue, expense model.Cents }
	var order []string
	totals := map[string]*total{}
	var all total
	for _, l := range lines {
		t, ok := totals[l.Part]
		if !ok {
			t = &total{}
			totals[l.Part] = t
			order = append(order, l.Part)
		}
		if l.Kind == "revenue" {
			t.revenue += l.Amount
			all.revenue += l.Amount
		} else {
			t.expense += l.Amount
			all.expense += l.Amount
		}
	}
	l := c.lang
	money := func(v model.Cents) string {
		if v < 0 {
			return "-" + report.FormatMoney(l, -v)
		}
		return report.FormatMoney(l, v)
	}
	tw := tabwriter.NewWriter(c.Stdout, 0, 4, 2, ' ', tabwriter.AlignRight)
	fmt.Fprintf(tw, "%s\t%s\t%s\t%s\t\n", i18n.T(l, "msg.budget.part"), i18n.T(l, "msg.budget.revenue"), i18n.T(l, "msg.budget.expense"), i18n.T(l, "msg.budget.balance"))
	for _, p := range order {
		t := totals[p]
		name := p
		if p == "" {
			name = "—"
		}
		if names[p] != "" {
			name += " " + names[p]
		}
		fmt.Fprintf(tw, "%s\t%s\t%s\t%s\t\n", name, money(t.revenue), money(t.expense), money(t.revenue-t.expense))
	}
	fmt.Fprintf(tw, "%s\t%s\t%s\t%s\t\n", i18n.T(l, "msg.budget.total"), money(all.revenue), money(all.expense), money(all.revenue-all.expense))
	tw.Flush()
	if all.revenue == all.expense {
		fmt.Fprintln(c.Stdout, i18n.T(l, "msg.budget.balanced", len(lines)))
	} else {
		fmt.Fprintln(c.Stdout, i18n.T(l, "msg.budget.unbalanced", len(lines), money(all.revenue-all.expense)))
	}
}

// dryRun applies cmd to a copy of the session it changes and its body,
// and says what the record would answer, changing nothing.
func (c *call) dryRun(cmd model.Command) error {
	var err error
	c.st.Read(func(st *model.State) {
		scratch := model.NewState()
		if s := st.Sessions[cmd.SessionID()]; s != nil {
			scratch.Sessions[s.ID] = copyOf(s)
			if b := st.Bodies[s.Body]; b != nil {
				scratch.Bodies[b.ID] = copyOf(b)
			}
		}
		err = model.Do(scratch, cmd, model.Ctx{Time: c.now(), Actor: c.Actor})
	})
	return err
}

// copyOf is a deep copy of v, through JSON, as the record keeps it.
func copyOf[T any](v *T) *T {
	data, err := json.Marshal(v)
	if err != nil {
		panic(err)
	}
	out := new(T)
	if err := json.Unmarshal(data, out); err != nil {
		panic(err)
	}
	return out
}

// sessionFileFlags are `jalsa session-file`'s flags.
type sessionFileFlags struct {
	outputFlags
}

func runSessionFile(c *call, f *sessionFileFlags) error {
	var data []byte
	var err error
	c.st.Read(func(st *model.State) { data, err = model.SessionFile(st, c.args[0]) })
	if err != nil {
		return err
	}
	return f.write(c, data)
}
