package cli

import (
	"context"
	"fmt"
	"io"
	"strconv"
	"strings"

	"github.com/jalsa-app/jalsa/i18n"
	"github.com/jalsa-app/jalsa/model"
	"github.com/jalsa-app/jalsa/store"
	"github.com/spf13/pflag"
)

func init() {
	add(&command{name: "init", usage: "init FILE", writes: true, run: runInit})
	add(&command{name: "open", usage: "open SESSION [--call 1|2|3]", writes: true,
		flags: func(fs *pflag.FlagSet, o *opts) { fs.StringVar(&o.call, "call", "1", "") }, run: runOpen})
	add(&command{name: "attend", usage: "attend SESSION [--present IDS] [--absent IDS] [--excused IDS] [--arrive IDS] [--leave IDS]", writes: true,
		flags: func(fs *pflag.FlagSet, o *opts) {
			fs.StringVar(&o.present, "present", "", "")
			fs.StringVar(&o.absent, "absent", "", "")
			fs.StringVar(&o.excused, "excused", "", "")
			fs.StringVar(&o.arrive, "arrive", "", "")
			fs.StringVar(&o.leave, "leave", "", "")
		}, run: runAttend})
	add(&command{name: "item", usage: "item SESSION N start|done|defer|withdraw|note TEXT", writes: true, run: runItem})
	add(&command{name: "speaker", usage: "speaker SESSION N (MEMBER | --guest NAME) add|start|done|remove", writes: true,
		flags: func(fs *pflag.FlagSet, o *opts) { fs.StringVar(&o.guest, "guest", "", "") }, run: runSpeaker})
	add(&command{name: "amend", usage: "amend SESSION N LINE AMOUNT --reason TEXT", writes: true,
		flags: func(fs *pflag.FlagSet, o *opts) { fs.StringVar(&o.reason, "reason", "", "") }, run: runAmend})
	voteFlags := func(fs *pflag.FlagSet, o *opts) {
		fs.StringVar(&o.line, "line", "", "")
		fs.IntVar(&o.forN, "for", 0, "")
		fs.IntVar(&o.againstN, "against", 0, "")
		fs.IntVar(&o.abstainN, "abstain", 0, "")
		fs.StringVar(&o.chair, "chair", "", "")
		fs.StringVar(&o.named, "named", "", "")
		fs.StringVar(&o.rest, "rest", "", "")
		fs.StringVar(&o.reason, "reason", "", "")
	}
	add(&command{name: "vote", usage: "vote SESSION N [--line CODE] (--for N --against N --abstain N [--chair SIDE] | --named ID=CHOICE,… [--rest CHOICE])", writes: true, flags: voteFlags, run: runVote(false)})
	add(&command{name: "correct", usage: "correct SESSION N [--line CODE] --reason TEXT (counts or --named)", writes: true, flags: voteFlags, run: runVote(true)})
	add(&command{name: "suspend", usage: "suspend SESSION", writes: true, run: func(ctx context.Context, env *Env, st *store.Store, o *opts) error {
		return runSimple(env, st, o, func(id string) model.Command { return &model.SuspendCmd{Session: id} }, "msg.suspended")
	}})
	add(&command{name: "close", usage: "close SESSION", writes: true, run: func(ctx context.Context, env *Env, st *store.Store, o *opts) error {
		return runSimple(env, st, o, func(id string) model.Command { return &model.CloseCmd{Session: id} }, "msg.closed")
	}})
}

// needArgs checks the count of positional arguments.
func needArgs(o *opts, n int, usage string) error {
	if len(o.args) != n {
		return usageError("err.args", usage)
	}
	return nil
}

func itemNumber(s string) (int, error) {
	n, err := strconv.Atoi(s)
	if err != nil || n < 1 {
		return 0, usageError("err.bad_item", s)
	}
	return n, nil
}

func runInit(ctx context.Context, env *Env, st *store.Store, o *opts) error {
	if err := needArgs(o, 1, commands["init"].usage); err != nil {
		return err
	}
	r, err := openInput(env, o.args[0])
	if err != nil {
		return err
	}
	data, err := io.ReadAll(r)
	r.Close()
	if err != nil {
		return model.NotFound("err.read_file", o.args[0], err.Error())
	}
	cmd, err := model.LoadSessionFile(o.args[0], data)
	if err != nil {
		return err
	}
	if _, err := env.do(st, cmd); err != nil {
		return err
	}
	fmt.Fprintln(env.Stdout, cmd.Session.ID)
	return nil
}

func runOpen(ctx context.Context, env *Env, st *store.Store, o *opts) error {
	if err := needArgs(o, 1, commands["open"].usage); err != nil {
		return err
	}
	call, err := strconv.Atoi(o.call)
	if err != nil || call < 1 || call > 3 {
		return usageError("err.bad_call_flag", o.call)
	}
	if _, err := env.do(st, &model.OpenCmd{Session: o.args[0], Call: call}); err != nil {
		return err
	}
	return printQuorum(env, st, o.args[0], "msg.opened")
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

func runAttend(ctx context.Context, env *Env, st *store.Store, o *opts) error {
	if err := needArgs(o, 1, commands["attend"].usage); err != nil {
		return err
	}
	cmd := &model.AttendCmd{Session: o.args[0], Present: ids(o.present), Absent: ids(o.absent), Excused: ids(o.excused),
		Arrive: ids(o.arrive), Leave: ids(o.leave)}
	if _, err := env.do(st, cmd); err != nil {
		return err
	}
	return printQuorum(env, st, o.args[0], "")
}

// printQuorum prints "present/seats" and the quorum line after a change of
// attendance, prefixed by an optional message.
func printQuorum(env *Env, st *store.Store, id, msg string) error {
	var q model.Quorum
	var sitting, call int
	st.Read(func(s *model.State) {
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

func runItem(ctx context.Context, env *Env, st *store.Store, o *opts) error {
	u := commands["item"].usage
	if len(o.args) < 3 {
		return usageError("err.args", u)
	}
	n, err := itemNumber(o.args[1])
	if err != nil {
		return err
	}
	cmd := &model.ItemCmd{Session: o.args[0], N: n, Action: o.args[2]}
	switch cmd.Action {
	case model.ActNote:
		if len(o.args) < 4 {
			return usageError("err.args", u)
		}
		cmd.Text = strings.Join(o.args[3:], " ")
	case model.ActStart, model.ActDone, model.ActDefer, model.ActWithdraw:
		if len(o.args) != 3 {
			return usageError("err.args", u)
		}
	default:
		return usageError("err.bad_item_action", cmd.Action)
	}
	if _, err := env.do(st, cmd); err != nil {
		return err
	}
	var title string
	var out model.Outcome
	st.Read(func(s *model.State) {
		it := s.Sessions[cmd.Session].Items[n-1]
		title, out = it.Title, it.Outcome
	})
	fmt.Fprintln(env.Stdout, i18n.T(env.lang, "msg.item_"+cmd.Action, n, title, i18n.T(env.lang, "outcome."+string(out))))
	return nil
}

func runSpeaker(ctx context.Context, env *Env, st *store.Store, o *opts) error {
	cmd, err := SpeakerCommand(o.args, o.guest)
	if err != nil {
		return err
	}
	_, err = env.do(st, cmd)
	return err
}

func runAmend(ctx context.Context, env *Env, st *store.Store, o *opts) error {
	if err := needArgs(o, 4, commands["amend"].usage); err != nil {
		return err
	}
	n, err := itemNumber(o.args[1])
	if err != nil {
		return err
	}
	amount, err := model.ParseCents(o.args[3])
	if err != nil {
		return usageError("err.bad_amount", o.args[3])
	}
	if _, err := env.do(st, &model.AmendCmd{Session: o.args[0], N: n, Line: o.args[2], Amount: amount, Reason: o.reason}); err != nil {
		return err
	}
	fmt.Fprintln(env.Stdout, i18n.T(env.lang, "msg.amended", o.args[2], amount.String()))
	return nil
}

// ParseNamed reads "m01=for,m02=against" into named votes.
func ParseNamed(s string) (map[string]model.Choice, error) {
	named := map[string]model.Choice{}
	for _, f := range ids(s) {
		id, ch, ok := strings.Cut(f, "=")
		c, valid := model.ParseChoice(ch)
		if !ok || id == "" || !valid || c == model.NoVote {
			return nil, usageError("err.bad_named", f)
		}
		if _, dup := named[id]; dup {
			return nil, usageError("err.dup_named", id)
		}
		named[id] = c
	}
	if len(named) == 0 {
		return nil, usageError("err.bad_named", s)
	}
	return named, nil
}

// voteCommand builds a VoteCmd from the vote and correct flags.
func voteCommand(o *opts, correct bool, usage string) (*model.VoteCmd, error) {
	if len(o.args) != 2 {
		return nil, usageError("err.args", usage)
	}
	n, err := itemNumber(o.args[1])
	if err != nil {
		return nil, err
	}
	cmd := &model.VoteCmd{Session: o.args[0], N: n, Line: o.line, Correct: correct, Reason: o.reason}
	counts := o.set("for") || o.set("against") || o.set("abstain")
	switch {
	case o.set("named") && (counts || o.set("chair")):
		return nil, usageError("err.counts_and_named")
	case o.set("named"):
		if cmd.Named, err = ParseNamed(o.named); err != nil {
			return nil, err
		}
		rest, ok := model.ParseChoice(o.rest)
		if !ok {
			return nil, usageError("err.bad_rest", o.rest)
		}
		cmd.Rest = rest
	case counts:
		if o.set("rest") {
			return nil, usageError("err.rest_needs_named")
		}
		cmd.For, cmd.Against, cmd.Abstain = o.forN, o.againstN, o.abstainN
		if cmd.For < 0 || cmd.Against < 0 || cmd.Abstain < 0 {
			return nil, usageError("err.negative_count_flag")
		}
		if o.set("chair") {
			ch, ok := model.ParseChoice(o.chair)
			if !ok || ch == model.NoVote {
				return nil, usageError("err.bad_chair", o.chair)
			}
			cmd.Chair = ch
		}
	default:
		return nil, usageError("err.vote_needs_counts", usage)
	}
	return cmd, nil
}

func runVote(correct bool) func(context.Context, *Env, *store.Store, *opts) error {
	return func(ctx context.Context, env *Env, st *store.Store, o *opts) error {
		name := "vote"
		if correct {
			name = "correct"
		}
		cmd, err := voteCommand(o, correct, commands[name].usage)
		if err != nil {
			return err
		}
		if _, err := env.do(st, cmd); err != nil {
			return err
		}
		var v *model.Vote
		locked := false
		var rev, exp model.Cents
		st.Read(func(s *model.State) {
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
			fmt.Fprintln(env.Stderr, "jalsa: "+i18n.T(env.lang, "msg.balance_locked", model.Ref(cmd.Session, cmd.N, ""), FormatMoney(env.lang, rev), FormatMoney(env.lang, exp)))
		}
		return nil
	}
}

func runSimple(env *Env, st *store.Store, o *opts, mk func(id string) model.Command, msg string) error {
	if len(o.args) != 1 {
		return usageError("err.args", "SESSION")
	}
	if _, err := env.do(st, mk(o.args[0])); err != nil {
		return err
	}
	fmt.Fprintln(env.Stdout, i18n.T(env.lang, msg, o.args[0]))
	return nil
}
