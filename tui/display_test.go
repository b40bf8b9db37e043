package tui

import (
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/jalsa-app/jalsa/i18n"
	"github.com/jalsa-app/jalsa/model"
	"github.com/jalsa-app/jalsa/tui/bidi"
	"github.com/rivo/uniseg"
)

// agendaTitles are real agenda titles of the shapes that go wrong: a year,
// an amount, a Latin name, brackets, guillemets, harakat.
var agendaTitles = []string{
	"الدورة العادية لشهر أكتوبر 2024",
	"المصادقة على اتفاقية (المرحلة 2) مع ODCO بقيمة 50 مليون درهم",
	"اتفاقية تعاون وتفويض الإشراف: «دعم التأهيل البيئي»",
	"دراسة مشروع ميزانية الغرفة برسم سنة 2025",
	"عَرْضُ التَّقْرِيرِ الأَدَبِيِّ لِلْغُرْفَةِ وَالْمُصَادَقَةُ عَلَيْهِ",
}

// arabicSession adds a session whose agenda holds agendaTitles, open with
// everyone present.
func arabicSession(t testing.TB, st interface {
	Do(string, model.Command) (model.Event, error)
}) {
	t.Helper()
	var items []*model.Item
	for _, title := range agendaTitles {
		items = append(items, &model.Item{Title: title, Kind: model.KindAgreement, Votes: true})
	}
	cmd := &model.InitCmd{
		Body: model.Body{ID: "ar", Name: "غرفة", Language: "ar", Seats: 3, Rules: model.DefaultRules(),
			Members: []model.Member{{ID: "m1", Name: "مُحَمَّد بْنُ عَبْدِ اللهِ"}, {ID: "m2", Name: "Jean Dupont"}, {ID: "m3", Name: "فاطمة"}}},
		Session: model.Session{ID: "ar-1", Title: agendaTitles[0], Date: "2024-10-28", Chair: "m1", Items: items},
	}
	for _, c := range []model.Command{cmd, &model.OpenCmd{Session: "ar-1"}, &model.AttendCmd{Session: "ar-1", Present: []string{"all"}}} {
		if _, err := st.Do("test", c); err != nil {
			t.Fatal(err)
		}
	}
}

// boxColumns returns, for each line of v, the cell columns where a box
// border "│" is drawn.
func boxColumns(v string) [][]int {
	var out [][]int
	for _, line := range strings.Split(v, "\n") {
		var cols []int
		col := 0
		g := uniseg.NewGraphemes(line)
		for g.Next() {
			if g.Str() == "│" {
				cols = append(cols, col)
			}
			col += g.Width()
		}
		out = append(out, cols)
	}
	return out
}

// Every screen in both modes, in Arabic, French and English: the frame
// fits the terminal exactly, holds no escape, and the box borders of the
// cockpit stand in the same columns on every row, whatever the harakat.
// In app mode the titles are in visual order; in terminal mode in logical
// order.
func TestViewInEachMode(t *testing.T) {
	st := demoStore(t)
	arabicSession(t, st)
	for _, lang := range []string{"ar", "fr", "en"} {
		for _, mode := range []bidi.Mode{bidi.ModeApp, bidi.ModeTerminal} {
			for _, size := range [][2]int{{80, 24}, {160, 50}} {
				m := newTestUI(t, st, Options{Lang: lang, Bidi: mode, Session: "ar-1", Width: size[0], Height: size[1]})
				name := lang + "/" + string(mode)
				v := view(t, m)
				var borders []int
				for i, cols := range boxColumns(v) {
					if len(cols) == 0 {
						continue
					}
					if borders == nil {
						borders = cols
					} else if !slices.Equal(cols, borders) {
						t.Errorf("%s %v: line %d has borders at %v, others at %v", name, size, i+1, cols, borders)
					}
				}
				if len(borders) != 4 {
					t.Errorf("%s %v: the cockpit has borders at %v, want two boxes", name, size, borders)
				}
				if size[0] == 160 {
					for _, title := range []string{agendaTitles[0], agendaTitles[2], agendaTitles[3]} {
						if want := bidi.Visual(title); mode == bidi.ModeApp && !strings.Contains(v, want) {
							t.Errorf("%s: the agenda lacks %q in visual order:\n%s", name, want, v)
						}
						if mode == bidi.ModeTerminal && !strings.Contains(written(v), title) {
							t.Errorf("%s: the agenda lacks %q in logical order:\n%s", name, title, v)
						}
					}
				}
				for _, keys := range [][]string{{"a"}, {"esc", "v"}, {"esc", "n"}, {"esc", "/"}, {"esc", "B"}, {"esc", "?"}, {"esc"}, {"esc", "esc"}} {
					press(t, m, keys...)
					view(t, m)
				}
			}
		}
	}
}

// With Arabic drawn by the app the cockpit reads from the right: the
// agenda is the right-hand box and an item's number is at its right end.
// In terminal mode, and in French, the agenda stays on the left.
func TestArabicLayoutMirrors(t *testing.T) {
	st := demoStore(t)
	arabicSession(t, st)
	title := agendaTitles[0]
	for _, tc := range []struct {
		lang      string
		mode      bidi.Mode
		rightSide bool
	}{
		{"ar", bidi.ModeApp, true},
		{"ar", bidi.ModeTerminal, false},
		{"fr", bidi.ModeApp, false},
	} {
		m := newTestUI(t, st, Options{Lang: tc.lang, Bidi: tc.mode, Session: "ar-1", Width: 120, Height: 30})
		var row string
		want := bidi.Visual(title)
		if tc.mode == bidi.ModeTerminal {
			want = title
		}
		for _, l := range strings.Split(written(view(t, m)), "\n") {
			if strings.Contains(l, want) && strings.Contains(l, " 1 ") {
				row = l
			}
		}
		if row == "" {
			t.Fatalf("%s/%s: no agenda row for item 1", tc.lang, tc.mode)
		}
		half := len([]rune(row)) / 2
		agendaRight := strings.Contains(string([]rune(row)[half:]), " 1 ")
		if agendaRight != tc.rightSide {
			t.Errorf("%s/%s: agenda on the right = %v, want %v:\n%s", tc.lang, tc.mode, agendaRight, tc.rightSide, row)
		}
		if tc.rightSide && !strings.HasSuffix(strings.TrimSuffix(row, "│"), "·  1 ‹ ") {
			t.Errorf("%s/%s: the number is not at the row's right end: %q", tc.lang, tc.mode, row)
		}
	}
}

// The home screen's section titles stand at the right in a mirrored
// layout, like its rows, and in French at the left. In terminal mode an
// Arabic title is right-aligned in its cell too: jalsa writes it padded on
// the left, in logical order, for the terminal to reorder within the cell.
func TestArabicHomeTitlesMirror(t *testing.T) {
	st := demoStore(t)
	for _, tc := range []struct {
		lang  string
		mode  bidi.Mode
		right bool
	}{
		{"ar", bidi.ModeApp, true},
		{"ar", bidi.ModeTerminal, true},
		{"fr", bidi.ModeApp, false},
	} {
		m := newTestUI(t, st, Options{Lang: tc.lang, Bidi: tc.mode})
		lines := strings.Split(written(view(t, m)), "\n")
		for _, key := range []string{"tui.home.sessions", "tui.home.recent"} {
			title := written(bidi.Cell(i18n.T(tc.lang, key), 0, tc.mode))
			var line string
			for _, l := range lines {
				if strings.TrimSpace(l) == title {
					line = l
				}
			}
			if line == "" {
				t.Fatalf("%s/%s: no line holding just %q", tc.lang, tc.mode, title)
			}
			right := strings.HasSuffix(line, title) && strings.HasPrefix(line, " ")
			if right != tc.right {
				t.Errorf("%s/%s: %s at the right = %v, want %v: %q", tc.lang, tc.mode, key, right, tc.right, line)
			}
		}
	}
}

// Amounts keep their digit groups in order inside Arabic, drawn by the app.
func TestAmountsReadRightInArabic(t *testing.T) {
	st := demoStore(t)
	openWithRoll(t, st)
	m := newTestUI(t, st, Options{Lang: "ar", Width: 120, Height: 30})
	press(t, m, "j", "j", "j", "j", "j", "j", "j", "j", "j", "enter")
	v := view(t, m)
	contains(t, v, "17\u202f072\u202f560,50")
	if strings.Contains(v, "560,50 072 17") {
		t.Errorf("an amount's groups were reordered:\n%s", v)
	}
}

// The "check your terminal" screen draws the sample in every way, applies
// the choice at once, tells the terminal with the next frame, and remembers
// it for the operator, which the next start uses unless --bidi is given.
func TestCheckYourTerminal(t *testing.T) {
	st := demoStore(t)
	prefs := filepath.Join(t.TempDir(), "cfg", "jalsa", "prefs.json")
	m := newTestUI(t, st, Options{Lang: "ar", Bidi: bidi.ModeApp, Actor: "fatima", Prefs: prefs})
	press(t, m, "B")
	if m.active != screenCheck {
		t.Fatalf("B: screen %d", m.active)
	}
	v := view(t, m)
	contains(t, v, bidi.Visual(checkSample), checkSample, bidi.Visual(bidi.Shape(checkSample)), bidi.Shape(checkSample))
	requireGolden(t, m)

	press(t, m, "3") // the terminal orders
	if m.c.Bidi != bidi.ModeTerminal || m.c.Shape {
		t.Fatalf("after 3: %s shape %v", m.c.Bidi, m.c.Shape)
	}
	frame := m.View()
	if !strings.HasPrefix(frame, bidi.LeaveExplicit) {
		t.Errorf("after switching to terminal the frame does not restore implicit mode: %q", frame[:20])
	}
	if p, ok := LoadPrefs(prefs, "fatima"); !ok || p.Bidi != bidi.ModeTerminal || p.Shape {
		t.Errorf("remembered %+v %v", p, ok)
	}
	press(t, m, "2", "esc") // app, shaped
	if frame := m.View(); !strings.HasPrefix(frame, bidi.EnterExplicit) || !strings.Contains(frame, bidi.Visual(bidi.Shape(agendaTitles[0]))) {
		t.Errorf("after switching to app+shape: %q", frame[:40])
	}

	// Next start: the remembered choice, said in the help; --bidi wins.
	m2 := newTestUI(t, st, Options{Lang: "en", Bidi: bidiUnset, Actor: "fatima", Prefs: prefs})
	if m2.c.Bidi != bidi.ModeApp || !m2.c.Shape || m2.c.bidiFrom != fromRemembered {
		t.Errorf("next start: %s shape %v from %s", m2.c.Bidi, m2.c.Shape, m2.c.bidiFrom)
	}
	press(t, m2, "?")
	contains(t, view(t, m2), "ordered by jalsa (app), chosen by your last choice;", "joined by jalsa. B: check your terminal")
	m3 := newTestUI(t, st, Options{Lang: "en", Bidi: bidi.ModeTerminal, Actor: "fatima", Prefs: prefs})
	if m3.c.Bidi != bidi.ModeTerminal || m3.c.bidiFrom != fromFlag {
		t.Errorf("--bidi terminal: %s from %s", m3.c.Bidi, m3.c.bidiFrom)
	}
	// Someone else, never seen: detected from the environment.
	m4 := newTestUI(t, st, Options{Lang: "en", Bidi: bidiUnset, Actor: "omar", Prefs: prefs,
		Env: func(k string) string { return map[string]string{"KONSOLE_VERSION": "230804"}[k] }})
	if m4.c.Bidi != bidi.ModeTerminal || m4.c.Shape || m4.c.bidiFrom != fromDetected {
		t.Errorf("omar in Konsole: %s shape %v from %s", m4.c.Bidi, m4.c.Shape, m4.c.bidiFrom)
	}
}

// A choice that cannot be written is applied, and the clerk is told why it
// was not kept; nothing else in the file is lost.
func TestCheckYourTerminalUnwritable(t *testing.T) {
	st := demoStore(t)
	prefs := filepath.Join(t.TempDir(), "prefs.json")
	if err := os.WriteFile(prefs, []byte("{not json"), 0o600); err != nil {
		t.Fatal(err)
	}
	m := newTestUI(t, st, Options{Actor: "fatima", Prefs: prefs})
	press(t, m, "B", "4")
	if m.c.Bidi != bidi.ModeTerminal || !m.c.Shape {
		t.Errorf("the choice was not applied: %s %v", m.c.Bidi, m.c.Shape)
	}
	if !m.c.statusBad || !strings.Contains(m.c.status, "not kept: cannot write "+prefs) {
		t.Errorf("status %q", m.c.status)
	}
	if data, _ := os.ReadFile(prefs); string(data) != "{not json" {
		t.Errorf("the unreadable file was replaced: %q", data)
	}
}

func TestPrefsFile(t *testing.T) {
	path := filepath.Join(t.TempDir(), "a", "b", "prefs.json")
	if _, ok := LoadPrefs(path, "x"); ok {
		t.Fatal("a missing file holds no choice")
	}
	if err := SavePrefs(path, "fatima", Prefs{Bidi: bidi.ModeApp, Shape: true}); err != nil {
		t.Fatal(err)
	}
	if err := SavePrefs(path, "omar", Prefs{Bidi: bidi.ModeTerminal}); err != nil {
		t.Fatal(err)
	}
	if p, ok := LoadPrefs(path, "fatima"); !ok || p != (Prefs{bidi.ModeApp, true}) {
		t.Errorf("fatima: %+v %v", p, ok)
	}
	if p, ok := LoadPrefs(path, "omar"); !ok || p != (Prefs{bidi.ModeTerminal, false}) {
		t.Errorf("omar: %+v %v", p, ok)
	}
	if fi, err := os.Stat(path); err != nil || fi.Mode().Perm() != 0o600 {
		t.Errorf("prefs file mode: %v %v", fi.Mode(), err)
	}
	if left, _ := filepath.Glob(filepath.Join(filepath.Dir(path), ".prefs-*")); len(left) != 0 {
		t.Errorf("temporary files left: %v", left)
	}
	// An entry with an unknown mode is no choice.
	os.WriteFile(path, []byte(`{"operators":{"x":{"bidi":"sideways"}}}`), 0o600)
	if _, ok := LoadPrefs(path, "x"); ok {
		t.Error("an unknown mode was taken")
	}
	if got := DefaultPrefsPath(func(k string) string { return map[string]string{"XDG_CONFIG_HOME": "/cfg"}[k] }); got != "/cfg/jalsa/prefs.json" {
		t.Errorf("DefaultPrefsPath = %q", got)
	}
}

// --shape draws joined letters on screen only: what is typed and stored
// stays in the plain Arabic letters.
func TestShapeOnScreenOnly(t *testing.T) {
	st := demoStore(t)
	openWithRoll(t, st)
	m := newTestUI(t, st, Options{Lang: "ar", Shape: true, Session: "2024-10"})
	v := view(t, m)
	title := session(t, st, "2024-10").Title
	contains(t, v, bidi.Visual(bidi.Shape(title)))
	if strings.Contains(v, bidi.Visual(title)) {
		t.Error("the unshaped title is on screen")
	}
	press(t, m, "n", "ملاحظة مهمة", "enter")
	notes := session(t, st, "2024-10").Items[0].Notes
	if len(notes) != 1 || notes[0].Text != "ملاحظة مهمة" {
		t.Fatalf("stored note %+v", notes)
	}
	contains(t, view(t, m), bidi.Visual(bidi.Shape("ملاحظة مهمة")))
}

// The keys' help texts are built from names ("tui.key."+name) that the
// source scan of the root test cannot see: each must be registered.
func TestEveryKeyLabelIsRegistered(t *testing.T) {
	n := 0
	DefaultKeyMap(func(key string) string {
		n++
		if _, ok := i18n.Lookup(key); !ok {
			t.Errorf("key label %q is not registered", key)
		}
		return key
	})
	if n < 40 {
		t.Errorf("only %d labels", n)
	}
}
