package model

import (
	"encoding/json"
	"errors"
	"os"
	"reflect"
	"strings"
	"testing"
)

func TestLoadSessionFileFull(t *testing.T) {
	data, err := os.ReadFile("testdata/session.yaml")
	if err != nil {
		t.Fatal(err)
	}
	got, err := LoadSessionFile("session.yaml", data)
	if err != nil {
		t.Fatalf("LoadSessionFile: %v", err)
	}
	want := &InitCmd{
		Body: Body{
			ID:   "cat-test",
			Name: "غرفة الصناعة التقليدية لجهة فاس – مكناس",
			Names: map[string]string{
				"fr": "Chambre d'Artisanat de la Région Fès-Meknès",
				"en": "Chamber of Traditional Industry",
			},
			Language:   "ar",
			Seats:      7,
			Rules:      Rules{Quorum: []string{"majority", "third", "2"}, Majority: MajorityVoting, Tie: TieRejected},
			LegalBasis: "طبقا لمقتضيات القانون رقم 18.09،\nولا سيما المادة 11 منه،",
			Timezone:   "Europe/Paris",
			Members: []Member{
				{ID: "m01", Name: "ناجي الفخاري", Role: "president"},
				{ID: "m02", Name: "خديجة العمراني", Role: "vice-president", Group: "مكناس", Gender: Female},
				{ID: "m03", Name: "إدريس بوعزة", Group: "تازة", Gender: Male},
				{ID: "m04", Name: "لطيفة الحجوي", Role: "secretary"},
				{ID: "m05", Name: "يوسف الدباغ"},
			},
		},
		Session: Session{
			ID:           "2024-10",
			Body:         "cat-test",
			Kind:         "extraordinary",
			Title:        "الدورة الاستثنائية لشهر أكتوبر 2024",
			Date:         "2024-10-28",
			Time:         "10:00",
			Place:        "فاس",
			Chair:        "m02",
			Secretary:    "m04",
			Convened:     "2024-10-14",
			Public:       new(false),
			SpeakingTime: 210,
			Guests: []Guest{
				{Name: "معاذ الجامعي", Role: "والي جهة فاس – مكناس", Gender: Male},
				{Name: "نجاة الفلاحي"},
			},
			Items: []*Item{
				{N: 1, Title: "افتتاح الدورة", Kind: KindProcedural, Votes: false},
				{N: 2, Title: "المصادقة على محضر الدورة السابقة", Kind: KindMinutes, Votes: true},
				{N: 3, Title: "عرض التقرير الأدبي", Kind: KindReport, Votes: true},
				{N: 4, Title: "اتفاقية شراكة", Kind: KindAgreement, Votes: true,
					Text: "تصادق الجمعية العامة على الاتفاقية،\nوتأذن لرئيس الغرفة بتوقيعها."},
				{N: 5, Title: "تعديل النظام الداخلي", Kind: KindRegulation, Votes: true, Majority: MajorityTwoThirdsPresent},
				{N: 6, Title: "مسائل مختلفة", Kind: KindOther, Votes: false},
				{N: 7, Title: "مشروع ميزانية سنة 2025", Kind: KindBudget, Votes: true, VoteMode: "whole", Balanced: false,
					Parts: map[string]string{"1": "مداخيل التسيير", "II": "مصاريف التسيير"},
					Lines: []*BudgetLine{
						{Code: "I.1.1", Part: "1", Kind: "revenue", Label: "حصة الغرفة من منتوج الرسم المهني", Amount: 480000010},
						{Code: "I.1.2", Part: "1", Kind: "revenue", Label: "إعانة الدولة للتسيير", Amount: 120000050},
						{Code: "II.1.1", Part: "II", Kind: "expense", Label: "أجور الموظفين", Amount: 312684000},
						{Code: "IV.9.1", Kind: "expense", Label: "نفقات طارئة", Amount: 99},
					}},
				{N: 8, Title: "ميزانية ملحقة", Kind: KindBudget, Votes: true, VoteMode: "lines", Balanced: true,
					Lines: []*BudgetLine{
						{Code: "A-1", Kind: "revenue", Label: "مداخيل", Amount: 1000},
						{Code: "A-2", Kind: "expense", Label: "مصاريف", Amount: 1000},
					}},
			},
		},
	}
	if !reflect.DeepEqual(got, want) {
		g, _ := json.MarshalIndent(got, "", " ")
		w, _ := json.MarshalIndent(want, "", " ")
		t.Fatalf("loaded\n%s\nwant\n%s", g, w)
	}
	if got.Session.Items[6].Lines[0].Amount.String() != "4800000.10" {
		t.Errorf("amount %s, want 4800000.10", got.Session.Items[6].Lines[0].Amount)
	}
}

const minimal = `body: {id: b1, name: Body}
members:
  - {id: m01, name: One}
  - {id: m02, name: Two}
session: {id: s1, title: Title, date: 2024-10-28, chair: m01}
agenda:
  - {title: X, kind: agreement}
`

func TestLoadSessionFileDefaults(t *testing.T) {
	got, err := LoadSessionFile("session.yaml", []byte(minimal))
	if err != nil {
		t.Fatal(err)
	}
	b, s := got.Body, got.Session
	if b.Language != "ar" || b.Seats != 2 || !reflect.DeepEqual(b.Rules, DefaultRules()) || b.Names != nil {
		t.Errorf("body defaults: %+v", b)
	}
	if s.Kind != "ordinary" || s.Secretary != "" || s.Guests != nil || s.Body != "b1" {
		t.Errorf("session defaults: %+v", s)
	}
	if len(s.Items) != 1 || !s.Items[0].Votes || s.Items[0].N != 1 || s.Items[0].VoteMode != "" {
		t.Errorf("item: %+v", s.Items[0])
	}

	// A partial rules mapping keeps the other defaults.
	partial := strings.Replace(minimal, "name: Body}", "name: Body, rules: {majority: seats}}", 1)
	got, err = LoadSessionFile("session.yaml", []byte(partial))
	if err != nil {
		t.Fatal(err)
	}
	want := DefaultRules()
	want.Majority = MajoritySeats
	if !reflect.DeepEqual(got.Body.Rules, want) {
		t.Errorf("rules %+v, want %+v", got.Body.Rules, want)
	}
}

// Each vote override and its effect on Votes.
func TestLoadSessionFileVoteOverride(t *testing.T) {
	for _, tc := range []struct {
		item  string
		votes bool
	}{
		{"{title: X, kind: procedural}", false},
		{"{title: X, kind: report}", false},
		{"{title: X, kind: minutes}", true},
		{"{title: X, kind: regulation}", true},
		{"{title: X, kind: other}", true},
		{"{title: X, kind: report, vote: true}", true},
		{"{title: X, kind: report, vote: \"yes\"}", true},
		{"{title: X, kind: agreement, vote: no}", false},
		{"{title: X, kind: agreement, vote: false}", false},
	} {
		data := strings.Replace(minimal, "{title: X, kind: agreement}", tc.item, 1)
		got, err := LoadSessionFile("session.yaml", []byte(data))
		if err != nil {
			t.Errorf("%s: %v", tc.item, err)
			continue
		}
		if v := got.Session.Items[0].Votes; v != tc.votes {
			t.Errorf("%s: votes %v, want %v", tc.item, v, tc.votes)
		}
	}
}

// brokenFiles are session files with one error each and the exact message.
var brokenFiles = []struct {
	name, data, want string
}{
	{"bad item kind", `body: {id: b1, name: Body}
members:
  - {id: m01, name: One}
session: {id: s1, title: Title, date: 2024-10-28, chair: m01}
agenda:
  - {title: A, kind: minutes}
  - {title: B, kind: report}
  - title: C
    kind: agrement
`, `session.yaml:9:11: agenda[3].kind: "agrement" is not one of procedural, minutes, report, agreement, regulation, budget, other`},

	{"unknown key", `body:
  id: b1
  name: Body
  colour: blue
members: [{id: m01, name: One}]
session: {id: s1, title: Title, date: 2024-10-28, chair: m01}
agenda: [{title: X, kind: agreement}]
`, `session.yaml:4:3: body.colour: unknown key (allowed: id, name, names, language, seats, rules, legal_basis, timezone)`},

	{"unknown top-level key", `body: {id: b1, name: Body}
members: [{id: m01, name: One}]
sesion: {id: s1, title: Title, date: 2024-10-28, chair: m01}
agenda: [{title: X, kind: agreement}]
`, `session.yaml:3:1: sesion: unknown key (allowed: body, members, session, agenda)`},

	{"duplicate member id", `body: {id: b1, name: Body}
members:
  - {id: m01, name: One}
  - {id: m02, name: Two}
  - {id: m01, name: Three}
session: {id: s1, title: Title, date: 2024-10-28, chair: m01}
agenda: [{title: X, kind: agreement}]
`, `session.yaml:5:10: members[3].id: duplicate member id "m01" (first at line 3)`},

	{"chair not a member", `body: {id: b1, name: Body}
members:
  - {id: m01, name: One}
session:
  id: s1
  title: Title
  date: 2024-10-28
  chair: m09
agenda: [{title: X, kind: agreement}]
`, `session.yaml:8:10: session.chair: "m09" is not the id of a member`},

	{"secretary not a member", `body: {id: b1, name: Body}
members: [{id: m01, name: One}]
session: {id: s1, title: Title, date: 2024-10-28, chair: m01, secretary: m5}
agenda: [{title: X, kind: agreement}]
`, `session.yaml:3:74: session.secretary: "m5" is not the id of a member`},

	{"bad date", `body: {id: b1, name: Body}
members: [{id: m01, name: One}]
session:
  id: s1
  title: Title
  date: 2024-02-30
  chair: m01
agenda: [{title: X, kind: agreement}]
`, `session.yaml:6:9: session.date: "2024-02-30" is not a date YYYY-MM-DD`},

	{"amount with 3 decimals", `body: {id: b1, name: Body}
members: [{id: m01, name: One}]
session: {id: s1, title: Title, date: 2024-10-28, chair: m01}
agenda:
  - title: Budget
    kind: budget
    lines:
      - {code: I.1.1, kind: revenue, label: Tax, amount: 4800000.00}
      - {code: I.1.2, kind: revenue, label: Aid, amount: 12.345}
`, `session.yaml:9:58: agenda[1].lines[2].amount: "12.345" is not an amount with at most two decimals`},

	{"negative amount", `body: {id: b1, name: Body}
members: [{id: m01, name: One}]
session: {id: s1, title: Title, date: 2024-10-28, chair: m01}
agenda:
  - title: Budget
    kind: budget
    lines:
      - code: I.1.1
        kind: expense
        label: Tax
        amount: -5.00
`, `session.yaml:11:17: agenda[1].lines[1].amount: "-5.00" is negative`},

	{"duplicate line code", `body: {id: b1, name: Body}
members: [{id: m01, name: One}]
session: {id: s1, title: Title, date: 2024-10-28, chair: m01}
agenda:
  - title: Budget
    kind: budget
    lines:
      - {code: I.1, kind: revenue, label: Tax, amount: 1}
      - {code: I.1, kind: expense, label: Pay, amount: 1}
`, `session.yaml:9:16: agenda[1].lines[2].code: duplicate line code "I.1" (first at line 8)`},

	{"budget without lines", `body: {id: b1, name: Body}
members: [{id: m01, name: One}]
session: {id: s1, title: Title, date: 2024-10-28, chair: m01}
agenda:
  - {title: Budget, kind: budget, vote: lines}
`, `session.yaml:5:5: agenda[1].lines: required field is missing`},

	{"lines on a plain item", `body: {id: b1, name: Body}
members: [{id: m01, name: One}]
session: {id: s1, title: Title, date: 2024-10-28, chair: m01}
agenda:
  - title: X
    kind: agreement
    lines: []
`, `session.yaml:7:5: agenda[1].lines: only budget items have lines (this item is agreement)`},

	{"vote lines on a plain item", `body: {id: b1, name: Body}
members: [{id: m01, name: One}]
session: {id: s1, title: Title, date: 2024-10-28, chair: m01}
agenda: [{title: X, kind: agreement, vote: whole}]
`, `session.yaml:4:44: agenda[1].vote: "whole" is only for budget items; use true or false`},

	{"bad vote value", `body: {id: b1, name: Body}
members: [{id: m01, name: One}]
session: {id: s1, title: Title, date: 2024-10-28, chair: m01}
agenda: [{title: X, kind: report, vote: maybe}]
`, `session.yaml:4:41: agenda[1].vote: "maybe" is not true or false (or yes or no)`},

	{"missing title", `body: {id: b1, name: Body}
members: [{id: m01, name: One}]
session: {id: s1, title: Title, date: 2024-10-28, chair: m01}
agenda:
  - title: A
    kind: minutes
  - kind: report
    text: no title here
`, `session.yaml:7:5: agenda[2].title: required field is missing`},

	{"empty title", `body: {id: b1, name: Body}
members: [{id: m01, name: One}]
session: {id: s1, title: "  ", date: 2024-10-28, chair: m01}
agenda: [{title: X, kind: agreement}]
`, `session.yaml:3:26: session.title: must not be empty`},

	{"bad timezone", `body: {id: b1, name: Body, timezone: Africa/Fes}
members: [{id: m01, name: One}]
session: {id: s1, title: Title, date: 2024-10-28, chair: m01}
agenda: [{title: X, kind: agreement}]
`, `session.yaml:1:38: body.timezone: "Africa/Fes" is not a time zone: use an IANA name such as Africa/Casablanca`},

	{"host zone is no body zone", `body: {id: b1, name: Body, timezone: Local}
members: [{id: m01, name: One}]
session: {id: s1, title: Title, date: 2024-10-28, chair: m01}
agenda: [{title: X, kind: agreement}]
`, `session.yaml:1:38: body.timezone: "Local" is not a time zone: use an IANA name such as Africa/Casablanca`},

	{"bad gender", `body: {id: b1, name: Body}
members: [{id: m01, name: One, gender: F}]
session: {id: s1, title: Title, date: 2024-10-28, chair: m01}
agenda: [{title: X, kind: agreement}]
`, `session.yaml:2:40: members[1].gender: "F" is not one of f, m`},

	{"bad guest gender", `body: {id: b1, name: Body}
members: [{id: m01, name: One}]
session: {id: s1, title: Title, date: 2024-10-28, chair: m01, guests: [{name: G, gender: female}]}
agenda: [{title: X, kind: agreement}]
`, `session.yaml:3:90: session.guests[1].gender: "female" is not one of f, m`},

	{"bad convened", `body: {id: b1, name: Body}
members: [{id: m01, name: One}]
session: {id: s1, title: Title, date: 2024-10-28, chair: m01, convened: 14/10/2024}
agenda: [{title: X, kind: agreement}]
`, `session.yaml:3:73: session.convened: "14/10/2024" is not a date YYYY-MM-DD`},

	{"bad public", `body: {id: b1, name: Body}
members: [{id: m01, name: One}]
session: {id: s1, title: Title, date: 2024-10-28, chair: m01, public: sometimes}
agenda: [{title: X, kind: agreement}]
`, `session.yaml:3:71: session.public: "sometimes" is not true or false (or yes or no)`},

	{"parts on a plain item", `body: {id: b1, name: Body}
members: [{id: m01, name: One}]
session: {id: s1, title: Title, date: 2024-10-28, chair: m01}
agenda: [{title: X, kind: agreement, parts: {1: A}}]
`, `session.yaml:4:38: agenda[1].parts: only budget items have parts (this item is agreement)`},

	{"part named but unused", `body: {id: b1, name: Body}
members: [{id: m01, name: One}]
session: {id: s1, title: Title, date: 2024-10-28, chair: m01}
agenda:
  - title: B
    kind: budget
    parts: {1: مداخيل, 2: مصاريف}
    lines:
      - {code: A, part: 1, kind: revenue, label: L, amount: 1}
      - {code: B, part: 1, kind: expense, label: L, amount: 1}
`, `session.yaml:7:24: agenda[1].parts.2: no line is in part "2"`},

	{"agenda not a list", `body: {id: b1, name: Body}
members: [{id: m01, name: One}]
session: {id: s1, title: Title, date: 2024-10-28, chair: m01}
agenda:
  title: X
  kind: agreement
`, `session.yaml:5:3: agenda: expected a list, found a mapping (key: value)`},

	{"empty agenda", `body: {id: b1, name: Body}
members: [{id: m01, name: One}]
session: {id: s1, title: Title, date: 2024-10-28, chair: m01}
agenda: []
`, `session.yaml:4:9: agenda: must be a non-empty list`},

	{"member not a mapping", `body: {id: b1, name: Body}
members:
  - m01
session: {id: s1, title: Title, date: 2024-10-28, chair: m01}
agenda: [{title: X, kind: agreement}]
`, `session.yaml:3:5: members[1]: expected a mapping (key: value), found "m01"`},

	{"bad quorum rule", `body:
  id: b1
  name: Body
  rules:
    quorum: [majority, half, none]
members: [{id: m01, name: One}]
session: {id: s1, title: Title, date: 2024-10-28, chair: m01}
agenda: [{title: X, kind: agreement}]
`, `session.yaml:5:24: body.rules.quorum[2]: "half" is not a quorum rule: majority, third, none or a whole number`},

	{"quorum above seats", `body: {id: b1, name: Body, seats: 3, rules: {quorum: [5]}}
members: [{id: m01, name: One}]
session: {id: s1, title: Title, date: 2024-10-28, chair: m01}
agenda: [{title: X, kind: agreement}]
`, `session.yaml:1:55: body.rules.quorum[1]: a quorum of 5 is more than the 3 seats`},

	{"bad majority", `body: {id: b1, name: Body, rules: {majority: simple}}
members: [{id: m01, name: One}]
session: {id: s1, title: Title, date: 2024-10-28, chair: m01}
agenda: [{title: X, kind: agreement}]
`, `session.yaml:1:46: body.rules.majority: "simple" is not one of cast, voting, present, seats, two-thirds-cast, two-thirds-present, two-thirds-seats, unanimous`},

	{"seats below members", `body: {id: b1, name: Body, seats: 1}
members: [{id: m01, name: One}, {id: m02, name: Two}]
session: {id: s1, title: Title, date: 2024-10-28, chair: m01}
agenda: [{title: X, kind: agreement}]
`, `session.yaml:1:35: body.seats: 1 seat is fewer than the members listed (2)`},

	{"seats zero", `body: {id: b1, name: Body, seats: 0}
members: [{id: m01, name: One}]
session: {id: s1, title: Title, date: 2024-10-28, chair: m01}
agenda: [{title: X, kind: agreement}]
`, `session.yaml:1:35: body.seats: "0" is not a whole number from 1 to 100000`},

	{"bad session id", `body: {id: b1, name: Body}
members: [{id: m01, name: One}]
session: {id: "2024/10", title: Title, date: 2024-10-28, chair: m01}
agenda: [{title: X, kind: agreement}]
`, `session.yaml:3:15: session.id: "2024/10" is not an id: use 1 to 64 letters A-Z a-z, digits, '.', '_' or '-', starting with a letter or digit`},

	{"bad language", `body: {id: b1, name: Body, language: de}
members: [{id: m01, name: One}]
session: {id: s1, title: Title, date: 2024-10-28, chair: m01}
agenda: [{title: X, kind: agreement}]
`, `session.yaml:1:38: body.language: "de" is not one of ar, fr, en`},

	{"first error in the file wins", `body:
  id: b 1
  name: Body
  colour: blue
members: [{id: m01, name: One}]
session: {id: s1, title: Title, date: 2024-10-28, chair: m09}
agenda: [{title: X, kind: agreement}]
`, `session.yaml:2:7: body.id: "b 1" is not an id: use 1 to 64 letters A-Z a-z, digits, '.', '_' or '-', starting with a letter or digit`},

	{"missing item kind", `body: {id: b1, name: Body}
members: [{id: m01, name: One}]
session: {id: s1, title: Title, date: 2024-10-28, chair: m01}
agenda:
  - {title: X, kind: agreement}
  - {title: Y, lines: []}
`, `session.yaml:6:5: agenda[2].kind: required field is missing`},

	{"reserved member id", `body: {id: b1, name: Body}
members: [{id: all, name: One}]
session: {id: s1, title: Title, date: 2024-10-28, chair: all}
agenda: [{title: X, kind: agreement}]
`, `session.yaml:2:16: members[1].id: "all" is reserved for the command line; choose another id`},

	{"duplicate key", `body: {id: b1, name: Body}
members: [{id: m01, name: One}]
session: {id: s1, title: Title, date: 2024-10-28, chair: m01}
agenda:
  - title: X
    kind: agreement
    title: Y
`, `session.yaml:7:5: agenda[1].title: duplicate key (first at line 5)`},

	{"missing section", `body: {id: b1, name: Body}
members: [{id: m01, name: One}]
agenda: [{title: X, kind: agreement}]
`, `session.yaml:1:1: session: required field is missing`},

	{"alias", `body: {id: &b b1, name: Body}
members: [{id: m01, name: *b}]
session: {id: s1, title: Title, date: 2024-10-28, chair: m01}
agenda: [{title: X, kind: agreement}]
`, `session.yaml:2:27: members[1].name: YAML aliases (*b) are not supported; write the value out`},

	{"tab indentation", "body: {id: b1, name: Body}\nmembers:\n\t- {id: m01, name: One}\n",
		`session.yaml:3:1: YAML syntax: a tab character cannot indent or start a value; use spaces`},

	{"syntax error", "body: {id: b1, name: Body\nmembers: []\n",
		`session.yaml:1: YAML syntax: did not find expected ',' or '}'`},

	{"two documents", minimal + "---\nbody: {}\n",
		`session.yaml:8:1: a session file holds one YAML document; remove the second one (after ---)`},

	{"empty file", "# nothing\n", `session.yaml:1:1: the file is empty; it needs body, members, session and agenda`},

	{"root is a list", "- body\n", `session.yaml:1:1: expected a mapping (key: value), found a list`},
}

func TestLoadSessionFileErrors(t *testing.T) {
	for _, tc := range brokenFiles {
		t.Run(tc.name, func(t *testing.T) {
			cmd, err := LoadSessionFile("session.yaml", []byte(tc.data))
			if err == nil {
				t.Fatalf("no error; loaded %+v", cmd)
			}
			if cmd != nil {
				t.Errorf("command returned along with the error")
			}
			var fe *FileError
			if !errors.As(err, &fe) {
				t.Fatalf("error %T, want *FileError", err)
			}
			if got := err.Error(); got != tc.want {
				t.Errorf("error\n got %s\nwant %s", got, tc.want)
			}
		})
	}
}

// A file saved on Windows (byte-order mark, CRLF line ends) loads the same.
func TestLoadSessionFileBOMCRLF(t *testing.T) {
	data, err := os.ReadFile("testdata/session.yaml")
	if err != nil {
		t.Fatal(err)
	}
	want, err := LoadSessionFile("session.yaml", data)
	if err != nil {
		t.Fatal(err)
	}
	win := append([]byte("\ufeff"), strings.ReplaceAll(string(data), "\n", "\r\n")...)
	got, err := LoadSessionFile("session.yaml", win)
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("BOM/CRLF file loads differently:\n%+v\n%+v", got.Session.Items[3], want.Session.Items[3])
	}
}

func TestFileErrorFormat(t *testing.T) {
	for _, tc := range []struct {
		e    FileError
		want string
	}{
		{FileError{File: "f.yaml", Line: 3, Col: 7, Field: "a.b", Msg: "bad"}, "f.yaml:3:7: a.b: bad"},
		{FileError{File: "f.yaml", Line: 3, Field: "", Msg: "bad"}, "f.yaml:3: bad"},
		{FileError{File: "f.yaml", Msg: "bad"}, "f.yaml: bad"},
		{FileError{File: "f.yaml", Line: 2, Col: 1, Key: "sessionfile.dup_key"}, "f.yaml:2:1: duplicate key"},
	} {
		if got := tc.e.Error(); got != tc.want {
			t.Errorf("%+v: %q, want %q", tc.e, got, tc.want)
		}
	}
}

// Every error of a broken file is said in French and Arabic too, with the
// position, the field and the values from the file unchanged, and nothing
// left in English (the catalog test checks that each key has its three
// languages; this checks that the loader uses keys, phrases included).
func TestLoadSessionFileErrorsInEveryLanguage(t *testing.T) {
	for _, tc := range brokenFiles {
		_, err := LoadSessionFile("session.yaml", []byte(tc.data))
		var fe *FileError
		if !errors.As(err, &fe) {
			t.Fatalf("%s: error %T, want *FileError", tc.name, err)
		}
		en := fe.In("en")
		if en != tc.want || Message(err, "en") != tc.want {
			t.Errorf("%s: In(en) = %q, want %q", tc.name, en, tc.want)
		}
		prefix := en[:strings.Index(en, ": ")+2]
		if fe.Field != "" {
			prefix += fe.Field + ": "
		}
		for _, lang := range []string{"fr", "ar"} {
			got := Message(err, lang)
			if !strings.HasPrefix(got, prefix) {
				t.Errorf("%s: %s message %q lost its position %q", tc.name, lang, got, prefix)
			}
			if got == en && fe.Key != "sessionfile.syntax" {
				t.Errorf("%s: the %s message is the English one: %q", tc.name, lang, got)
			}
			for _, phrase := range []string{"a list", "a mapping", "nothing", "the number"} {
				if strings.Contains(got, phrase) {
					t.Errorf("%s: %s message %q holds the English %q", tc.name, lang, got, phrase)
				}
			}
		}
	}
	_, err := LoadSessionFile("s.yaml", []byte("- body\n"))
	if got, want := Message(err, "fr"), "s.yaml:1:1: un dictionnaire (clé : valeur) attendu, trouvé une liste"; got != want {
		t.Errorf("French: %q, want %q", got, want)
	}
	if got, want := Message(err, "ar"), "s.yaml:1:1: المنتظر قاموس (مفتاح: قيمة)، والموجود لائحة"; got != want {
		t.Errorf("Arabic: %q, want %q", got, want)
	}
}

// An amount that is not one and one that is too large get their own words.
func TestSessionFileAmountErrors(t *testing.T) {
	for amount, want := range map[string]string{
		"12.345":            `"12.345" is not an amount with at most two decimals`,
		"99999999999999999": `"99999999999999999" is too large`,
		"-5":                `"-5" is negative`,
	} {
		data := strings.Replace(minimal, "  - {title: X, kind: agreement}",
			"  - {title: B, kind: budget, balanced: false, lines: [{code: A1, kind: revenue, label: L, amount: "+amount+"}]}", 1)
		_, err := LoadSessionFile("s.yaml", []byte(data))
		if err == nil || !strings.HasSuffix(err.Error(), want) {
			t.Errorf("amount %s: %v, want …%s", amount, err, want)
		}
	}
}

// The built-in demo files load, with their balanced budget exact to the centime.
func TestLoadSessionFileDemo(t *testing.T) {
	for _, f := range []string{"2024-06.yaml", "2024-10.yaml"} {
		data, err := os.ReadFile("../demo/" + f)
		if err != nil {
			t.Fatal(err)
		}
		cmd, err := LoadSessionFile(f, data)
		if err != nil {
			t.Fatalf("%s: %v", f, err)
		}
		if cmd.Body.Seats != 82 || len(cmd.Body.Members) != 82 || len(cmd.Session.Items) == 0 {
			t.Errorf("%s: %d seats, %d members, %d items", f, cmd.Body.Seats, len(cmd.Body.Members), len(cmd.Session.Items))
		}
		for _, it := range cmd.Session.Items {
			var rev, exp Cents
			for _, l := range it.Lines {
				if l.Kind == "revenue" {
					rev += l.Amount
				} else {
					exp += l.Amount
				}
			}
			if it.Kind == KindBudget && it.Balanced && rev != exp {
				t.Errorf("%s item %d: revenue %s, expense %s", f, it.N, rev, exp)
			}
		}
	}
}

func FuzzLoadSessionFile(f *testing.F) {
	if data, err := os.ReadFile("testdata/session.yaml"); err == nil {
		f.Add(data)
	}
	f.Add([]byte(minimal))
	for _, tc := range brokenFiles {
		f.Add([]byte(tc.data))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		cmd, err := LoadSessionFile("fuzz.yaml", data)
		if err != nil {
			if cmd != nil {
				t.Fatal("command returned along with an error")
			}
			var fe *FileError
			if !errors.As(err, &fe) || !strings.HasPrefix(err.Error(), "fuzz.yaml:") {
				t.Fatalf("error %T %q", err, err)
			}
			return
		}
		s := cmd.Session
		if s.ID == "" || len(s.Items) == 0 || cmd.Body.ID == "" || len(cmd.Body.Members) == 0 {
			t.Fatalf("loaded an incomplete command: %+v", cmd)
		}
		if _, ok := cmd.Body.Member(s.Chair); !ok {
			t.Fatalf("chair %q is not a member", s.Chair)
		}
		if cmd.Body.Seats < len(cmd.Body.Members) {
			t.Fatalf("%d seats for %d members", cmd.Body.Seats, len(cmd.Body.Members))
		}
		for i, it := range s.Items {
			if it.N != i+1 || it.Title == "" || it.Kind == "" {
				t.Fatalf("item %d: %+v", i, it)
			}
			if it.Kind == KindBudget && len(it.Lines) == 0 {
				t.Fatalf("budget item %d without lines", it.N)
			}
			for _, l := range it.Lines {
				if l.Amount < 0 || l.Code == "" {
					t.Fatalf("line %+v", l)
				}
			}
		}
	})
}

// TestInitKeepsWhatTheFileGives guards InitCmd's copy, which takes only what
// a session file can give: every field the loader sets on the session, its
// items and their lines must come through Apply unchanged, so that a field
// added to the file is not silently dropped from the record.
func TestInitKeepsWhatTheFileGives(t *testing.T) {
	for _, file := range []string{"testdata/session.yaml", "../demo/2024-06.yaml", "../demo/2024-10.yaml"} {
		data, err := os.ReadFile(file)
		if err != nil {
			t.Fatal(err)
		}
		cmd, err := LoadSessionFile(file, data)
		if err != nil {
			t.Fatal(err)
		}
		st := NewState()
		if err := cmd.Apply(st, Ctx{}); err != nil {
			t.Fatalf("%s: %v", file, err)
		}
		got := st.Sessions[cmd.Session.ID]
		sameSetFields(t, file+": session", reflect.ValueOf(cmd.Session), reflect.ValueOf(*got))
		for i, it := range cmd.Session.Items {
			sameSetFields(t, file+": item "+it.Title, reflect.ValueOf(*it), reflect.ValueOf(*got.Items[i]))
			for j, l := range it.Lines {
				sameSetFields(t, file+": line "+l.Code, reflect.ValueOf(*l), reflect.ValueOf(*got.Items[i].Lines[j]))
			}
		}
	}
}

// sameSetFields reports each field that is set in want and differs in got;
// slices of pointers (items, lines) are compared element by element by the
// caller.
func sameSetFields(t *testing.T, what string, want, got reflect.Value) {
	t.Helper()
	for i := range want.NumField() {
		f := want.Type().Field(i)
		w := want.Field(i)
		if !f.IsExported() || w.IsZero() {
			continue
		}
		if w.Kind() == reflect.Slice && w.Type().Elem().Kind() == reflect.Pointer {
			if got.Field(i).Len() != w.Len() {
				t.Errorf("%s: %s has %d elements after init, the file %d", what, f.Name, got.Field(i).Len(), w.Len())
			}
			continue
		}
		if !reflect.DeepEqual(w.Interface(), got.Field(i).Interface()) {
			t.Errorf("%s: %s is %v after init, the file gives %v", what, f.Name, got.Field(i).Interface(), w.Interface())
		}
	}
}
