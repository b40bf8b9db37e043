package cli

import (
	"fmt"
	"io"
	"strconv"
	"strings"

	"github.com/jalsa-app/jalsa/i18n"
	"github.com/jalsa-app/jalsa/model"
	"github.com/jalsa-app/jalsa/report"
)

func itemNumber(s string) (int, error) {
	n, err := strconv.Atoi(s)
	if err != nil || n < 1 {
		return 0, model.Usage("err.bad_item", s)
	}
	return n, nil
}

func runInit(c *call, _ *noFlags) error {
	r, err := openInput(c.Env, c.args[0])
	if err != nil {
		return err
	}
	data, err := io.ReadAll(r)
	r.Close()
	if err != nil {
		return model.NotFound("err.read_file", c.args[0], err.Error())
	}
	cmd, err := model.LoadSessionFile(c.args[0], data)
	if err != nil {
		return err
	}
	if _, err := c.do(c.st, cmd); err != nil {
		return err
	}
	fmt.Fprintln(c.Stdout, cmd.Session.ID)
	return nil
}

// openFlags are `jalsa open`'s flags.
type openFlags struct {
	Call string `flag:"call" values:"1|2|3" default:"1"`
}

func runOpen(c *call, f *openFlags) error {
	n, err := strconv.Atoi(f.Call)
	if err != nil || n < 1 || n > 3 {
		return model.Usage("err.bad_call_flag", f.Call)
	}
	if _, err := c.do(c.st, &model.OpenCmd{Session: c.args[0], Call: n}); err != nil {
		return err
	}
	return printQuorum(c, c.args[0], "msg.opened")
}

func ids(s string) []string {
	var out []string
	for _, f := range strings.Split(s, ",") {
		if f = strings.TrimSpace(f); f != "" {
			out = append(out, f)
		}
	}
	return out
}

// attendFlags are `jalsa attend`'s flags: lists of member ids, or all.
type attendFlags struct {
	Present string `flag:"present" value:"IDS" complete:"members"`
	Absent  string `flag:"absent" value:"IDS" complete:"members"`
	Excused string `flag:"excused" value:"IDS" complete:"members"`
	Arrive  string `flag:"arrive" value:"IDS" complete:"members"`
	Leave   string `flag:"leave" value:"IDS" complete:"members"`
}

func runAttend(c *call, f *attendFlags) error {
	cmd := &model.AttendCmd{Session: c.args[0], Present: ids(f.Present), Absent: ids(f.Absent), Excused: ids(f.Excused),
		Arrive: ids(f.Arrive), Leave: ids(f.Leave)}
	if _, err := c.do(c.st, cmd); err != nil {
		return err
	}
	return printQuorum(c, c.args[0], "")
}

// printQuorum prints "present/seats" and the quorum line after a change of
// attendance, prefixed by an optional message.
func printQuorum(c *call, id, msg string) error {
	env := c.Env
	var q model.Quorum
	var sitting, call int
	c.st.Read(func(s *model.State) {
		sess := s.Sessions[id]
		q = s.QuorumNow(sess)
		if sit := sess.Sitting(); sit != nil {
			sitting, call = sit.N, sit.Call
		}
	})
	if msg != "" {
		fmt.Fprintln(env.Stdout, i18n.T(env.lang, msg, id, sitting, call))
	}
	mark := i18n.T(env.lang, "msg.quorum_met")
	if !q.Met {
		mark = i18n.T(env.lang, "msg.quorum_not_met")
	}
	fmt.Fprintf(env.Stdout, "%d/%d %s (%s)\n", q.Present, q.Seats, i18n.T(env.lang, "msg.present"), i18n.T(env.lang, "msg.quorum_line", q.Required, QuorumRuleName(env.lang, q.Rule), mark))
	return nil
}

// QuorumRuleName says a quorum rule in lang; a number stays a number.
func QuorumRuleName(lang, rule string) string {
	if _, err := strconv.Atoi(rule); err == nil {
		return rule
	}
	return i18n.T(lang, "quorum."+rule)
}

// runItem takes TEXT after note only.
func runItem(c *call, _ *noFlags) error {
	n, err := itemNumber(c.args[1])
	if err != nil {
		return err
	}
	cmd := &model.ItemCmd{Session: c.args[0], N: n, Action: c.args[2]}
	if (cmd.Action == model.ActNote) != (len(c.args) > 3) {
		return model.Usage("err.args", usageOf(c.cobra))
	}
	cmd.Text = strings.Join(c.args[3:], " ")
	if _, err := c.do(c.st, cmd); err != nil {
		return err
	}
	env := c.Env
	var title string
	var out model.Outcome
	c.st.Read(func(s *model.State) {
		it := s.Sessions[cmd.Session].Items[n-1]
		title, out = it.Title, it.Outcome
	})
	fmt.Fprintln(env.Stdout, i18n.T(env.lang, "msg.item_"+cmd.Action, n, title, i18n.T(env.lang, "outcome."+string(out))))
	return nil
}

// speakerFlags are `jalsa speaker`'s flags.
type speakerFlags struct {
	Guest string `flag:"guest" value:"NAME"`
}

func runSpeaker(c *call, f *speakerFlags) error {
	cmd, err := SpeakerCommand(c.args, f.Guest, usageOf(c.cobra))
	if err != nil {
		return err
	}
	_, err = c.do(c.st, cmd)
	return err
}

// amendFlags are `jalsa amend`'s flags.
type amendFlags struct {
	Reason string `flag:"reason" value:"TEXT"`
}

func runAmend(c *call, f *amendFlags) error {
	n, err := itemNumber(c.args[1])
	if err != nil {
		return err
	}
	amount, err := model.ParseCents(c.args[3])
	if err != nil {
		return model.Usage("err.bad_amount", c.args[3])
	}
	if _, err := c.do(c.st, &model.AmendCmd{Session: c.args[0], N: n, Line: c.args[2], Amount: amount, Reason: f.Reason}); err != nil {
		return err
	}
	fmt.Fprintln(c.Stdout, i18n.T(c.lang, "msg.amended", c.args[2], amount.String()))
	return nil
}

// ParseNamed reads "m01=for,m02=against" into named votes.
func ParseNamed(s string) (map[string]model.Choice, error) {
	named := map[string]model.Choice{}
	for _, f := range ids(s) {
		id, ch, ok := strings.Cut(f, "=")
		c, valid := model.ParseChoice(ch)
		if !ok || id == "" || !valid || c == model.NoVote {
			return nil, model.Usage("err.bad_named", f)
		}
		if _, dup := named[id]; dup {
			return nil, model.Usage("err.dup_named", id)
		}
		named[id] = c
	}
	if len(named) == 0 {
		return nil, model.Usage("err.bad_named", s)
	}
	return named, nil
}

// voteFlags are `jalsa vote`'s flags: counts, or named votes.
type voteFlags struct {
	Line    string `flag:"line" value:"CODE" complete:"lines"`
	For     int    `flag:"for" value:"N"`
	Against int    `flag:"against" value:"N"`
	Abstain int    `flag:"abstain" value:"N"`
	Chair   string `flag:"chair" values:"for|against|abstain"`
	Named   string `flag:"named" value:"ID=CHOICE,…" complete:"members"`
	Rest    string `flag:"rest" values:"for|against|abstain|none"`
}

// correctFlags are `jalsa correct`'s: a vote's, and why it is corrected.
type correctFlags struct {
	voteFlags
	Reason string `flag:"reason" value:"TEXT"`
}

func runVote(c *call, f *voteFlags) error { return recordVote(c, f, false, "") }

func runCorrect(c *call, f *correctFlags) error { return recordVote(c, &f.voteFlags, true, f.Reason) }

// voteCommand builds a VoteCmd from the vote and correct flags.
func voteCommand(c *call, f *voteFlags, correct bool, reason string) (*model.VoteCmd, error) {
	n, err := itemNumber(c.args[1])
	if err != nil {
		return nil, err
	}
	cmd := &model.VoteCmd{Session: c.args[0], N: n, Line: f.Line, Correct: correct, Reason: reason}
	counts := c.set("for") || c.set("against") || c.set("abstain")
	switch {
	case c.set("named") && (counts || c.set("chair")):
		return nil, model.Usage("err.counts_and_named")
	case c.set("named"):
		if cmd.Named, err = ParseNamed(f.Named); err != nil {
			return nil, err
		}
		rest, ok := model.ParseChoice(f.Rest)
		if !ok {
			return nil, model.Usage("err.bad_rest", f.Rest)
		}
		cmd.Rest = rest
	case counts:
		if c.set("rest") {
			return nil, model.Usage("err.rest_needs_named")
		}
		cmd.For, cmd.Against, cmd.Abstain = f.For, f.Against, f.Abstain
		if cmd.For < 0 || cmd.Against < 0 || cmd.Abstain < 0 {
			return nil, model.Usage("err.negative_count_flag")
		}
		if c.set("chair") {
			ch, ok := model.ParseChoice(f.Chair)
			if !ok || ch == model.NoVote {
				return nil, model.Usage("err.bad_chair", f.Chair)
			}
			cmd.Chair = ch
		}
	default:
		return nil, model.Usage("err.vote_needs_counts", usageOf(c.cobra))
	}
	return cmd, nil
}

// recordVote records a vote or its correction and says its outcome.
func recordVote(c *call, f *voteFlags, correct bool, reason string) error {
	cmd, err := voteCommand(c, f, correct, reason)
	if err != nil {
		return err
	}
	if _, err := c.do(c.st, cmd); err != nil {
		return err
	}
	env := c.Env
	var v *model.Vote
	locked := false
	var rev, exp model.Cents
	c.st.Read(func(s *model.State) {
		it := s.Sessions[cmd.Session].Items[cmd.N-1]
		v = it.Vote
		if cmd.Line != "" {
			l, _ := it.Line(cmd.Line)
			v = l.Vote
			locked = it.BalanceLocked()
			rev, exp = it.Totals()
		}
	})
	fmt.Fprintf(env.Stdout, "%s: %s\n", model.Ref(cmd.Session, cmd.N, cmd.Line), model.Explain(env.lang, v))
	if locked {
		// The vote stands (the assembly cast it); the clerk must hear
		// at once that the budget can no longer be balanced.
		fmt.Fprintln(env.Stderr, "jalsa: "+i18n.T(env.lang, "msg.balance_locked", model.Ref(cmd.Session, cmd.N, ""), report.FormatMoney(env.lang, rev), report.FormatMoney(env.lang, exp)))
	}
	return nil
}

func runSuspend(c *call, _ *noFlags) error {
	return runSimple(c, &model.SuspendCmd{Session: c.args[0]}, "msg.suspended")
}

func runClose(c *call, _ *noFlags) error {
	return runSimple(c, &model.CloseCmd{Session: c.args[0]}, "msg.closed")
}

// runSimple carries out a command on one session and says so.
func runSimple(c *call, cmd model.Command, msg string) error {
	if _, err := c.do(c.st, cmd); err != nil {
		return err
	}
	fmt.Fprintln(c.Stdout, i18n.T(c.lang, msg, c.args[0]))
	return nil
}
