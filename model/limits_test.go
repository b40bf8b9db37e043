package model_test

import (
	"encoding/json"
	"errors"
	"fmt"
	"math"
	"math/big"
	"strings"
	"testing"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/jalsa-app/jalsa/model"
	"pgregory.net/rapid"
)

// anyCount draws a count from everywhere an attacker or a typo might: the
// extremes of int, numbers near them, and small numbers around a room's
// size.
func anyCount(t *rapid.T, label string) int {
	return rapid.OneOf(
		rapid.IntRange(-3, 120),
		rapid.IntRange(model.MaxSeats-3, model.MaxSeats+3),
		rapid.SampledFrom([]int{math.MaxInt, math.MaxInt - 1, math.MaxInt / 2, math.MaxInt/2 + 1, math.MaxInt / 3 * 2, math.MinInt, math.MinInt + 1, -1}),
		rapid.Int(),
	).Draw(t, label)
}

// TestCheckCountsProperty holds CheckCounts to SPEC §11 exactly, with the
// arithmetic done in big integers: it accepts a vote's figures if and only
// if every count is 0 ≤ n, for+against+abstain ≤ present ≤ seats ≤ MaxSeats
// and seats ≥ 1; a refusal names one of the figures, and a malformed
// (negative or out of range) figure is exit 2, one above the room exit 3.
func TestCheckCountsProperty(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		tl := model.Tally{For: anyCount(t, "for"), Against: anyCount(t, "against"), Abstain: anyCount(t, "abstain")}
		present, seats := anyCount(t, "present"), anyCount(t, "seats")
		field, err := model.CheckCounts(tl, present, seats)

		sum := new(big.Int)
		for _, n := range []int{tl.For, tl.Against, tl.Abstain} {
			sum.Add(sum, big.NewInt(int64(n)))
		}
		valid := tl.For >= 0 && tl.Against >= 0 && tl.Abstain >= 0 && present >= 0 &&
			sum.Cmp(big.NewInt(int64(present))) <= 0 && present <= seats && seats >= 1 && seats <= model.MaxSeats
		if valid != (err == nil) {
			t.Fatalf("CheckCounts(%+v, present %d, seats %d) = %v; valid by big arithmetic: %v", tl, present, seats, err, valid)
		}
		if err == nil {
			return
		}
		switch field {
		case "for", "against", "abstain", "present", "seats":
		default:
			t.Fatalf("refusal names field %q", field)
		}
		code := model.ExitCode(err)
		negative := tl.For < 0 || tl.Against < 0 || tl.Abstain < 0 || present < 0 || seats < 1 || seats > model.MaxSeats
		if (code == 2) != negative || (code != 2 && code != 3) {
			t.Fatalf("%+v present %d seats %d: exit %d (%v)", tl, present, seats, code, err)
		}
	})
}

// TestVoteProperty is the property of issue 11 on the command itself: for
// any arguments of a vote or a correction by counts, an accepted command
// leaves a vote whose counts are ≤ the present voters ≤ the seats, and a
// refused one leaves the state as it was.
func TestVoteProperty(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		members := rapid.IntRange(1, 60).Draw(t, "members")
		seats := rapid.IntRange(members, members+40).Draw(t, "seats")
		present := rapid.IntRange(0, members).Draw(t, "present")
		st := roomState(t, members, seats, present)
		rule := rapid.SampledFrom(model.Majorities).Draw(t, "rule")
		st.Sessions["s"].Items[0].Majority = rule

		ctx := model.Ctx{Time: time.Date(2024, 10, 28, 10, 0, 0, 0, time.UTC), Actor: "p"}
		for _, correct := range []bool{false, true} {
			cmd := &model.VoteCmd{Session: "s", N: 1, Correct: correct, Reason: "recount",
				For: anyCount(t, "for"), Against: anyCount(t, "against"), Abstain: anyCount(t, "abstain"),
				Chair: rapid.SampledFrom([]model.Choice{model.For, model.Against, model.Abstain, model.NoVote, "x"}).Draw(t, "chair")}
			before, _ := json.Marshal(st)
			err := cmd.Apply(st, ctx)
			if err != nil {
				if after, _ := json.Marshal(st); string(after) != string(before) {
					t.Fatalf("refused %+v changed the state", cmd)
				}
				if c := model.ExitCode(err); c != 2 && c != 3 {
					t.Fatalf("%+v: exit %d (%v)", cmd, c, err)
				}
				continue
			}
			v := st.Sessions["s"].Items[0].Vote
			if v.For < 0 || v.Against < 0 || v.Abstain < 0 || v.For > v.Present || v.Against > v.Present ||
				v.Abstain > v.Present || v.For+v.Against+v.Abstain > v.Present || v.Present > v.Seats || v.Seats != seats {
				t.Fatalf("accepted an impossible vote: %+v", v)
			}
			if v.Present != present {
				t.Fatalf("vote records %d present, the sitting has %d", v.Present, present)
			}
		}
	})
}

// roomState is a session of members members (seats seats) under way, with
// present of them present, no quorum required and item 1 open for its vote.
func roomState(t *rapid.T, members, seats, present int) *model.State {
	b := model.Body{ID: "b", Name: "Body", Language: "en", Seats: seats,
		Rules: model.Rules{Quorum: []string{"none"}, Majority: model.MajorityCast, Tie: model.TiePresident}}
	for i := range members {
		b.Members = append(b.Members, model.Member{ID: fmt.Sprintf("m%02d", i+1), Name: fmt.Sprintf("Member %d", i+1)})
	}
	init := &model.InitCmd{Body: b, Session: model.Session{ID: "s", Kind: "ordinary", Title: "S", Date: "2024-10-28", Chair: "m01",
		Items: []*model.Item{{Title: "Minutes", Kind: model.KindMinutes, Votes: true}}}}
	st := model.NewState()
	ctx := model.Ctx{Time: time.Date(2024, 10, 28, 9, 0, 0, 0, time.UTC), Actor: "p"}
	var ids []string
	for i := range present {
		ids = append(ids, fmt.Sprintf("m%02d", i+1))
	}
	cmds := []model.Command{init, &model.OpenCmd{Session: "s", Call: 1}, &model.ItemCmd{Session: "s", N: 1, Action: model.ActStart}}
	if len(ids) > 0 {
		cmds = append(cmds, &model.AttendCmd{Session: "s", Present: ids})
	}
	for _, c := range cmds {
		if err := c.Apply(st, ctx); err != nil {
			t.Fatalf("%T: %v", c, err)
		}
	}
	return st
}

// TestCheckTextProperty: an accepted text is valid UTF-8, within the
// limit, and holds no control character (line breaks and tabs only where
// multiline) and no embedding, override or isolate control; direction
// marks stay.
func TestCheckTextProperty(t *testing.T) {
	alphabet := []rune{'a', 'ب', ' ', '\n', '\t', '\r', 0, 0x7f, 0x85, '\u200e', '\u200f', '\u061c', '\u202a', '\u202b',
		'\u202c', '\u202d', '\u202e', '\u2066', '\u2067', '\u2068', '\u2069', '\u2028', '\uFFFD', '😀'}
	rapid.Check(t, func(t *rapid.T) {
		limit := rapid.IntRange(1, 40).Draw(t, "limit")
		multiline := rapid.Bool().Draw(t, "multiline")
		rs := rapid.SliceOfN(rapid.SampledFrom(alphabet), 0, 50).Draw(t, "runes")
		s := string(rs)
		if rapid.Bool().Draw(t, "invalid") {
			s += "\xff"
		}
		err := model.CheckText("note", s, limit, multiline)
		ok := utf8.ValidString(s) && utf8.RuneCountInString(s) <= limit
		for _, r := range s {
			switch {
			case r == '\n' || r == '\t':
				ok = ok && multiline
			case unicode.IsControl(r) || model.IsFormatControl(r) || r == '\u2028':
				ok = false
			}
		}
		if ok != (err == nil) {
			t.Fatalf("CheckText(%q, %d, multiline %v) = %v, want ok %v", s, limit, multiline, err, ok)
		}
		if err != nil {
			if model.ExitCode(err) != 2 || !strings.HasPrefix(err.Error(), "note: ") {
				t.Fatalf("refusal %q (exit %d) does not name the field", err, model.ExitCode(err))
			}
		}
	})
}

// TestTextLimits holds each command that takes a text to its limit, one
// character either side.
func TestTextLimits(t *testing.T) {
	r := newCmdRun(t)
	r.ok("init", testInit(t))
	r.ok("open", &model.OpenCmd{Session: cmdSID, Call: 1})
	for _, tc := range []struct {
		name  string
		limit int
		cmd   func(text string) model.Command
	}{
		{"note", model.MaxText, func(s string) model.Command {
			return &model.ItemCmd{Session: cmdSID, N: 1, Action: model.ActNote, Text: s}
		}},
		{"reason", model.MaxText, func(s string) model.Command {
			return &model.AmendCmd{Session: cmdSID, N: nBudget, Line: "I.1", Amount: 100, Reason: s}
		}},
	} {
		r.ok(tc.name+" at the limit", tc.cmd(strings.Repeat("ع", tc.limit)))
		r.no(tc.name+" one above", tc.cmd(strings.Repeat("x", tc.limit+1)), 2, "text.too_long")
		r.no(tc.name+" with an override", tc.cmd("a\u202eb"), 2, "text.control")
		r.ok(tc.name+" with marks", tc.cmd("a\u200fb\u200ec\u061cd"))
		long := strings.Repeat("x", 40000)
		err := tc.cmd(long).Apply(r.st, r.ctx())
		if want := fmt.Sprintf("%s: 40000 characters; at most %d are allowed", tc.name, tc.limit); err == nil || err.Error() != want {
			t.Errorf("%s of 40000 letters: %v, want %q", tc.name, err, want)
		}
	}
}

// TestInitReplayChecks: an init event that did not come from the loader
// (an edited, re-chained export) is held to the session file's rules, and
// what a session file cannot give (votes, sittings) is not taken from it.
func TestInitReplayChecks(t *testing.T) {
	for _, tc := range []struct {
		name, field string
		edit        func(c *model.InitCmd)
	}{
		{"seats above the maximum", "body.seats", func(c *model.InitCmd) { c.Body.Seats = math.MaxInt }},
		{"negative seats", "body.seats", func(c *model.InitCmd) { c.Body.Seats = -5 }},
		{"seats below members", "body.seats", func(c *model.InitCmd) { c.Body.Seats = 2 }},
		{"long title", "agenda[2].title", func(c *model.InitCmd) { c.Session.Items[1].Title = strings.Repeat("t", model.MaxTitle+1) }},
		{"long text", "agenda[2].text", func(c *model.InitCmd) { c.Session.Items[1].Text = strings.Repeat("t ", model.MaxText) }},
		{"long name", "members[3].name", func(c *model.InitCmd) { c.Body.Members[2].Name = strings.Repeat("n", model.MaxName+1) }},
		{"isolate in a name", "body.name", func(c *model.InitCmd) { c.Body.Name = "x\u2067y" }},
		{"long session id", "session.id", func(c *model.InitCmd) { c.Session.ID = strings.Repeat("s", 40000) }},
		{"quorum above seats", "body.rules.quorum[1]", func(c *model.InitCmd) { c.Body.Rules.Quorum = []string{"1000"} }},
		{"huge amount", "agenda[6].lines[1].amount", func(c *model.InitCmd) { c.Session.Items[5].Lines[0].Amount = math.MaxInt64 }},
		{"bad time zone", "body.timezone", func(c *model.InitCmd) { c.Body.Timezone = "Mars/Olympus" }},
		{"long legal basis", "body.legal_basis", func(c *model.InitCmd) { c.Body.LegalBasis = strings.Repeat("l ", model.MaxText) }},
		{"bad gender", "members[2].gender", func(c *model.InitCmd) { c.Body.Members[1].Gender = "x" }},
		{"bad guest gender", "session.guests[1].gender", func(c *model.InitCmd) {
			c.Session.Guests = []model.Guest{{Name: "g", Gender: "female"}}
		}},
		{"bad convocation date", "session.convened", func(c *model.InitCmd) { c.Session.Convened = "28/10/2024" }},
		{"part no line uses", "agenda[6].parts.9", func(c *model.InitCmd) { c.Session.Items[5].Parts = map[string]string{"9": "x"} }},
	} {
		t.Run(tc.name, func(t *testing.T) {
			c := testInit(t)
			tc.edit(c)
			err := c.Apply(model.NewState(), model.Ctx{})
			if field, _ := model.SplitField(err); err == nil || field != tc.field || model.ExitCode(err) != 2 {
				t.Fatalf("got %v (field %q, exit %d), want exit 2 naming %s", err, field, model.ExitCode(err), tc.field)
			}
		})
	}
	c := testInit(t)
	c.Session.Items[0].Vote = &model.Vote{For: math.MaxInt}
	c.Session.Sittings = []*model.Sitting{{N: 1}}
	st := model.NewState()
	if err := c.Apply(st, model.Ctx{}); err != nil {
		t.Fatal(err)
	}
	if s := st.Sessions[c.Session.ID]; s.Items[0].Vote != nil || len(s.Sittings) != 0 {
		t.Errorf("init took a vote or a sitting from the event: %+v", s)
	}
}

// TestRegisterRowCountsProperty: a past register's row is accepted only
// with counts within its own room (its seats, or MaxSeats), whatever the
// numbers, and a refusal names the field without repeating it.
func TestRegisterRowCountsProperty(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		d := model.Decision{Ref: "2019-06/1", Session: "2019-06", Item: 1, Date: "2019-06-10", Title: "T", Kind: "other",
			Outcome: model.Adopted, For: anyCount(t, "for"), Against: anyCount(t, "against"), Abstain: anyCount(t, "abstain"),
			Present: anyCount(t, "present"), Seats: anyCount(t, "seats")}
		field, err := model.CheckRegisterRow(d)
		room := int64(d.Seats)
		if d.Seats == 0 {
			room = model.MaxSeats
		}
		base := int64(d.Present)
		if d.Present == 0 {
			base = room
		}
		sum := new(big.Int)
		for _, n := range []int{d.For, d.Against, d.Abstain} {
			sum.Add(sum, big.NewInt(int64(n)))
		}
		valid := d.Seats >= 0 && d.Seats <= model.MaxSeats && d.Present >= 0 && int64(d.Present) <= room &&
			d.For >= 0 && d.Against >= 0 && d.Abstain >= 0 && sum.Cmp(big.NewInt(base)) <= 0
		if valid != (err == nil) {
			t.Fatalf("%+v: %v (field %s), valid %v", d, err, field, valid)
		}
		if err != nil && strings.HasPrefix(err.Error(), field+":") {
			t.Fatalf("the row's error repeats its field: %s: %v", field, err)
		}
	})
}

// TestSessionFileLimits: the session file is held to the same limits at
// init, with the place and the limit in the message.
func TestSessionFileLimits(t *testing.T) {
	for _, tc := range []struct {
		name, field, value, want string
	}{
		{"a 40 000-letter word", "agenda[1].text", strings.Repeat("x", 40000), "40000 characters; at most 20000 are allowed"},
		{"a long title", "agenda[1].title", strings.Repeat("t", model.MaxTitle+1), "1001 characters; at most 1000 are allowed"},
		{"an override in a title", "agenda[1].title", "a\u202eb", "contains the control character U+202E"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			title, text := "Minutes", "ok"
			if strings.HasSuffix(tc.field, "title") {
				title = tc.value
			} else {
				text = tc.value
			}
			file := fmt.Sprintf(`body: {id: b, name: Body, seats: 3}
members: [{id: m1, name: A}, {id: m2, name: B}]
session: {id: s, title: S, date: 2024-10-28, chair: m1}
agenda:
  - {kind: minutes, title: "%s", text: "%s"}
`, title, text)
			_, err := model.LoadSessionFile("s.yaml", []byte(file))
			var fe *model.FileError
			if !errors.As(err, &fe) || fe.Field != tc.field || !strings.HasSuffix(err.Error(), tc.field+": "+tc.want) || model.ExitCode(err) != 2 {
				t.Fatalf("got %v, want exit 2 at %s: %s", err, tc.field, tc.want)
			}
		})
	}
}
