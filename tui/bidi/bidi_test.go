package bidi

import (
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/charmbracelet/x/ansi"
	"github.com/jalsa-app/jalsa/i18n"
	"golang.org/x/text/unicode/norm"
	"pgregory.net/rapid"
)

// Expected visual strings below are written by hand: the Arabic words are
// spelled backwards (grapheme cluster by cluster), the word order of an RTL
// line is reversed, numbers and Latin words keep their own order, and
// brackets inside RTL text are swapped.

func TestVisual(t *testing.T) {
	tests := []struct {
		name, in, want string
	}{
		{
			name: "pure English unchanged",
			in:   "Ordinary session of October 2024 (Fes) [item 3]",
			want: "Ordinary session of October 2024 (Fes) [item 3]",
		},
		{
			name: "empty",
			in:   "",
			want: "",
		},
		{
			// The year is at the logical end, so it is drawn at the left,
			// digits in their own order.
			name: "session title with year",
			in:   "الدورة العادية لشهر أكتوبر 2024",
			want: "2024 ربوتكأ رهشل ةيداعلا ةرودلا",
		},
		{
			// Leading number: RTL paragraph (first strong letter is Arabic),
			// so the number is drawn at the right end.
			name: "amount first",
			in:   "50 مليون درهم",
			want: "مهرد نويلم 50",
		},
		{
			// "(" opens before المرحلة logically; read from the right the
			// visual line must still show an opening bracket first.
			name: "brackets and numbers",
			in:   "المصادقة على اتفاقية (المرحلة 2) بقيمة 50 مليون درهم",
			want: "مهرد نويلم 50 ةميقب (2 ةلحرملا) ةيقافتا ىلع ةقداصملا",
		},
		{
			name: "Latin name inside Arabic",
			in:   "اتفاقية مع ODCO فاس",
			want: "ساف ODCO عم ةيقافتا",
		},
		{
			name: "Latin words keep their order inside Arabic",
			in:   "اجتماع مع Jean Dupont اليوم",
			want: "مويلا Jean Dupont عم عامتجا",
		},
		{
			name: "guillemets mirrored",
			in:   "مشروع «المرحلة»",
			want: "«ةلحرملا» عورشم",
		},
		{
			// LTR paragraph: Arabic and the number after it (level 2) are
			// reordered as a block; " report" (level 0) must not move. This
			// is the case go-text's merged runs get wrong (see
			// runsLevelsField).
			name: "Arabic and number inside English",
			in:   "Session عادية 2024 report",
			want: "Session 2024 ةيداع report",
		},
		{
			// Brackets resolve to L here (N0 with preceding L context), so
			// they are not mirrored.
			name: "bracketed Arabic inside English",
			in:   "Item (عادية) ok",
			want: "Item (ةيداع) ok",
		},
		{
			// مُحَمَّد: each haraka stays after its base letter.
			name: "harakat stay attached",
			in:   "مُحَمَّد",
			want: "د" + "مَّ" + "حَ" + "مُ",
		},
		{
			name: "harakat in a title with a number",
			in:   "الدَّورة 3",
			want: "3 ةرو" + "دَّ" + "لا",
		},
		{
			name: "lines reordered separately",
			in:   "درهم\nفاس",
			want: "مهرد\nساف",
		},
		{
			name: "bidi marks dropped",
			in:   "\u200fمع ODCO\u200e",
			want: "ODCO عم",
		},
		{
			// After Arabic the digits are AN (W2); "." between them joins
			// them (W4) but "%" is not absorbed (W5 is for EN only), so it
			// resolves to R and is drawn left of the number, as browsers do.
			name: "decimal keeps order, percent follows RTL",
			in:   "نسبة 12.5% فقط",
			want: "طقف %12.5 ةبسن",
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := Visual(tt.in)
			if got != tt.want {
				t.Errorf("Visual(%q)\n got %q\nwant %q", tt.in, got, tt.want)
			}
			if gw, iw := ansi.StringWidth(got), ansi.StringWidth(tt.in); gw != iw {
				t.Errorf("width changed: %d -> %d", iw, gw)
			}
		})
	}
}

// TestLibraryLevelsReachable pins the go-text workaround: if a new version of
// go-text/typesetting renames Runs.levels, Visual silently degrades to run
// levels; fail loudly instead.
func TestLibraryLevelsReachable(t *testing.T) {
	if runsLevelsField == nil {
		t.Fatal("go-text/typesetting/bidi.Runs has no levels []Level field any more; revisit runeLevels")
	}
}

func TestVisualFastPathDoesNotAllocate(t *testing.T) {
	s := "Ordinary session — “October” 2024…"
	if Visual(s) != s {
		t.Errorf("Visual(%q) changed it", s)
	}
	if n := testing.AllocsPerRun(100, func() { _ = Visual(s) }); n != 0 {
		t.Errorf("Visual on ASCII allocates %v times", n)
	}
}

func TestIsRTL(t *testing.T) {
	tests := []struct {
		in   string
		want bool
	}{
		{"الدورة العادية لشهر أكتوبر 2024", true},
		{"50 مليون درهم", true},
		{"(2024) الدورة", true},
		{"Session عادية 2024", false},
		{"ODCO فاس", false},
		{"2024", false},
		{"", false},
		{"\u2066ODCO\u2069 فاس", true}, // isolate skipped (P2)
		{"abc\nعربي", false},           // first paragraph only
		{"שלום", true},                 // Hebrew is R
	}
	for _, tt := range tests {
		if got := IsRTL(tt.in); got != tt.want {
			t.Errorf("IsRTL(%q) = %v, want %v", tt.in, got, tt.want)
		}
	}
}

func TestSanitize(t *testing.T) {
	tests := []struct {
		name, in, want string
	}{
		{"clear screen", "\x1b[2J", "\uFFFD[2J"},
		{"bell", "\x07", "\uFFFD"},
		{"C1 CSI", "\u009b31m", "\uFFFD31m"},
		{"OSC title", "\x1b]0;pwned\x07", "\uFFFD]0;pwned\uFFFD"},
		{"tab and newline", "a\tb\nc\r", "a\uFFFDb\uFFFDc\uFFFD"},
		{"DEL and NUL", "a\x7f\x00", "a\uFFFD\uFFFD"},
		{"invalid UTF-8", "a\xff\x9b", "a\uFFFD\uFFFD"},
		{"line separator", "a\u2028b", "a\uFFFDb"},
		{"Arabic untouched", "المصادقة على اتفاقية (المرحلة 2)", "المصادقة على اتفاقية (المرحلة 2)"},
		{"harakat untouched", "مُحَمَّد", "مُحَمَّد"},
		{"override neutralised", "abc\u202Edef", "abc\uFFFDdef"},
		{"embeddings neutralised", "\u202Aa\u202Bb\u202Cc\u202Dd", "\uFFFDa\uFFFDb\uFFFDc\uFFFDd"},
		{"open isolate closed", "\u2067abc", "\u2067abc\u2069"},
		{"nested isolates closed in order", "\u2067a\u2066b", "\u2067a\u2066b\u2069\u2069"},
		{"balanced isolates untouched", "\u2066a\u2069 \u2068b\u2069", "\u2066a\u2069 \u2068b\u2069"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := Sanitize(tt.in)
			if got != tt.want {
				t.Errorf("Sanitize(%q) = %q, want %q", tt.in, got, tt.want)
			}
			if strings.ContainsAny(got, "\x1b\x07\u009b\n\r\t\u202a\u202b\u202c\u202d\u202e") || !utf8.ValidString(got) {
				t.Errorf("Sanitize(%q) left something dangerous: %q", tt.in, got)
			}
		})
	}
}

func TestCell(t *testing.T) {
	const title = "الدورة العادية لشهر أكتوبر 2024" // 31 cells
	tests := []struct {
		name  string
		in    string
		width int
		mode  Mode
		want  string
	}{
		{"RTL right-aligned", title, 40, ModeApp,
			strings.Repeat(" ", 9) + "2024 ربوتكأ رهشل ةيداعلا ةرودلا"},
		{"RTL exact width", title, 31, ModeApp,
			"2024 ربوتكأ رهشل ةيداعلا ةرودلا"},
		// Logical "الدورة العا…": the ellipsis ends the logical text, so it is
		// drawn at the left.
		{"RTL truncated", title, 12, ModeApp, "…اعلا ةرودلا"},
		// "الدورة " fits in 7 cells; the blank before the ellipsis goes and
		// one cell of padding goes on the left.
		{"RTL truncated at a blank", title, 8, ModeApp, " …ةرودلا"},
		{"RTL no width", title, 0, ModeApp, "2024 ربوتكأ رهشل ةيداعلا ةرودلا"},
		// Logical order in a right-to-left isolate, right-aligned: a
		// terminal that reorders the whole line keeps the cell in place.
		{"terminal mode keeps logical order", title, 40, ModeTerminal,
			strings.Repeat(" ", 9) + RLI + title + PDI},
		{"terminal mode truncates", title, 12, ModeTerminal, RLI + "الدورة العا…" + PDI},
		{"terminal mode LTR needs no isolate", "Budget 2025", 13, ModeTerminal, "Budget 2025  "},
		{"terminal mode LTR cell with Arabic", "Budget فاس", 11, ModeTerminal, LRI + "Budget فاس" + PDI + " "},
		// A cut never splits a number: all of 2024 goes.
		{"number never cut", title, 29, ModeApp, "  …ربوتكأ رهشل ةيداعلا ةرودلا"},
		{"isolate never cut", "المرجع \u20662024-10/10/III.2\u2069 ok", 14, ModeApp, "       …عجرملا"},
		{"LTR number never cut", "Session of June 2024", 18, ModeApp, "Session of June…  "},
		{"auto treated as app", "50 مليون درهم", 15, ModeAuto, "  مهرد نويلم 50"},
		{"LTR left-aligned", "Budget 2025", 15, ModeApp, "Budget 2025    "},
		{"LTR truncated", "Convention with ODCO Fes", 10, ModeApp, "Conventio…"},
		{"LTR truncated at a blank", "Budget of the year", 8, ModeApp, "Budget… "},
		{"harakat are zero width", "مُحَمَّد", 6, ModeApp, "  " + "د" + "مَّ" + "حَ" + "مُ"},
		{"wide characters", "会議会議", 5, ModeApp, "会議…"},
		{"wide character at the edge", "会議会議", 4, ModeApp, "会… "},
		{"escape sequence harmless", "\x1b[2J", 6, ModeApp, "\uFFFD[2J  "},
		{"escape sequence no width", "\x1b[2J", 0, ModeTerminal, LRI + "\uFFFD[2J" + PDI},
		{"width one", title, 1, ModeApp, "…"},
		{"Latin in Arabic truncated", "اتفاقية مع ODCO فاس", 14, ModeApp, "…OD عم ةيقافتا"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := Cell(tt.in, tt.width, tt.mode)
			if got != tt.want {
				t.Errorf("Cell(%q, %d, %s)\n got %q\nwant %q", tt.in, tt.width, tt.mode, got, tt.want)
			}
			if tt.width > 0 {
				if w := ansi.StringWidth(got); w != tt.width {
					t.Errorf("width %d, want %d: %q", w, tt.width, got)
				}
			}
		})
	}
}

// Every width from 1 to past the text, both modes, many texts: the cell is
// exactly width cells, and nothing a terminal acts on gets through.
func TestCellWidthsExact(t *testing.T) {
	texts := []string{
		"الدورة العادية لشهر أكتوبر 2024",
		"50 مليون درهم",
		"المصادقة على اتفاقية (المرحلة 2) بقيمة 50 مليون درهم",
		"اتفاقية مع ODCO فاس",
		"مُحَمَّد بْنُ عَبْدِ اللهِ",
		"Ordinary session of October 2024",
		"会議 جلسة 2024",
		"\x1b[2J\x07\u009b member",
		"\u202Eevil override\u202C ok",
		"cafe\u0301 #\uFE0F 👍🏽 🇲🇦 ok",
		"",
	}
	for _, s := range texts {
		for _, mode := range []Mode{ModeApp, ModeTerminal} {
			for w := 1; w <= ansi.StringWidth(s)+3; w++ {
				got := Cell(s, w, mode)
				if gw := ansi.StringWidth(got); gw != w {
					t.Errorf("Cell(%q, %d, %s) = %q is %d cells", s, w, mode, got, gw)
				}
				if strings.ContainsAny(got, "\x1b\x07\u009b") {
					t.Errorf("Cell(%q, %d, %s) = %q contains a control", s, w, mode, got)
				}
			}
		}
	}
}

// fit reports the width ansi.StringWidth (and so lipgloss) would measure.
func TestFitWidthMatchesAnsi(t *testing.T) {
	for _, s := range []string{
		"الدورة العادية لشهر أكتوبر 2024",
		"مُحَمَّد بْنُ عَبْدِ اللهِ",
		"cafe\u0301 #\uFE0F 👍🏽 🇲🇦 👨‍👩‍👧 ok",
		"会議 جلسة 2024",
	} {
		for w := 1; w <= ansi.StringWidth(s)+2; w++ {
			got, gw, _ := fit(s, w)
			if aw := ansi.StringWidth(got); gw != aw || gw > w {
				t.Errorf("fit(%q, %d) = %q, width %d; ansi says %d", s, w, got, gw, aw)
			}
		}
	}
}

func TestShape(t *testing.T) {
	tests := []struct {
		name, in, want string
	}{
		{"latin unchanged", "ODCO 2024", "ODCO 2024"},
		// ب initial, ي medial, ت final.
		{"dual-joining word", "بيت", "\uFE91\uFEF4\uFE96"},
		// د ا ر are right-joining only: none joins the next letter.
		{"right-joining letters", "دار", "\uFEA9\uFE8D\uFEAD"},
		// No lam-alef ligature: lam initial, alef final.
		{"lam alef stays two letters", "سلام", "\uFEB3\uFEE0\uFE8E\uFEE1"},
		{"lam alef alone", "لا", "\uFEDF\uFE8E"},
		// Marks are transparent and kept: م initial, ح medial, م medial, د final.
		{"harakat kept", "مُحَمَّد", "\uFEE3\u064F\uFEA4\u064E\uFEE4\u064E\u0651\uFEAA"},
		{"hamza isolated", "ماء", "\uFEE3\uFE8E\uFE80"},
		{"tatweel joins", "ـب", "\u0640\uFE90"},
		{"ZWNJ breaks", "ب\u200cب", "\uFE8F\u200c\uFE8F"},
		{"ZWJ joins", "ب\u200d", "\uFE91\u200d"},
		// ع final; alef does not join forward, so س after it is isolated.
		{"words separate", "مع فاس", "\uFEE3\uFECA \uFED3\uFE8E\uFEB1"},
		{"alef maksura final", "على", "\uFECB\uFEE0\uFEF0"},
		{"Moroccan ng", "ڭال", "\uFBD5\uFE8E\uFEDD"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := Shape(tt.in)
			if got != tt.want {
				t.Errorf("Shape(%q) = %+q, want %+q", tt.in, got, tt.want)
			}
			if norm.NFKC.String(got) != norm.NFKC.String(tt.in) {
				t.Errorf("NFKC(Shape(%q)) does not fold back", tt.in)
			}
			if ansi.StringWidth(got) != ansi.StringWidth(tt.in) {
				t.Errorf("Shape(%q) changed the width", tt.in)
			}
		})
	}
}

// Every presentation form in the tables decomposes (NFKD) like its letter.
func TestShapeTable(t *testing.T) {
	check := func(base rune, l letter) {
		for _, f := range []rune{l.iso, l.fin, l.ini, l.med} {
			if f == 0 {
				continue
			}
			if got := norm.NFKD.String(string(f)); got != norm.NFKD.String(string(base)) {
				t.Errorf("U+%04X: form U+%04X decomposes to %+q", base, f, got)
			}
		}
		if l.jt == jtR && (l.ini != 0 || l.med != 0) {
			t.Errorf("U+%04X: right-joining letter with initial/medial forms", base)
		}
	}
	for i, l := range basicLetters {
		check(rune(0x0621+i), l)
	}
	for r, l := range extraLetters {
		check(r, l)
	}
}

func TestParseMode(t *testing.T) {
	for _, in := range []string{"auto", "app", "terminal", " App ", "TERMINAL"} {
		m, err := ParseMode(in)
		if err != nil || m != Mode(strings.ToLower(strings.TrimSpace(in))) {
			t.Errorf("ParseMode(%q) = %q, %v", in, m, err)
		}
	}
	for _, in := range []string{"", "off", "rtl", "application"} {
		_, err := ParseMode(in)
		if err == nil {
			t.Errorf("ParseMode(%q): no error", in)
			continue
		}
		for _, allowed := range []string{`"auto"`, `"app"`, `"terminal"`} {
			if !strings.Contains(err.Error(), allowed) {
				t.Errorf("ParseMode(%q) error %q does not list %s", in, err, allowed)
			}
		}
	}
	var m Mode
	if err := m.Set("terminal"); err != nil || m != ModeTerminal {
		t.Errorf("Set: %q, %v", m, err)
	}
	if err := m.Set("bogus"); err == nil || m != ModeTerminal {
		t.Errorf("Set(bogus) changed the mode or gave no error: %q, %v", m, err)
	}
}

func TestDetect(t *testing.T) {
	tests := []struct {
		name string
		env  map[string]string
		want Mode
	}{
		{"empty", nil, ModeApp},
		{"xterm", map[string]string{"TERM": "xterm-256color"}, ModeApp},
		{"kitty", map[string]string{"TERM": "xterm-kitty", "KITTY_WINDOW_ID": "1"}, ModeApp},
		{"Windows Terminal", map[string]string{"WT_SESSION": "x", "TERM": "xterm-256color"}, ModeApp},
		{"tmux", map[string]string{"TERM": "tmux-256color", "TMUX": "/tmp/x"}, ModeApp},
		{"Konsole", map[string]string{"KONSOLE_VERSION": "230804", "TERM": "xterm-256color"}, ModeTerminal},
		{"Konsole started from GNOME Terminal", map[string]string{"KONSOLE_VERSION": "230804", "VTE_VERSION": "7600"}, ModeTerminal},
		{"tmux inside Konsole", map[string]string{"KONSOLE_VERSION": "230804", "TERM": "tmux-256color"}, ModeTerminal},
		{"GNOME Terminal", map[string]string{"VTE_VERSION": "7600", "TERM": "xterm-256color"}, ModeApp},
		{"Terminal.app", map[string]string{"TERM_PROGRAM": "Apple_Terminal"}, ModeTerminal},
		{"iTerm2", map[string]string{"TERM_PROGRAM": "iTerm.app"}, ModeApp},
		{"mlterm TERM", map[string]string{"TERM": "mlterm-256color"}, ModeTerminal},
		{"mlterm variable", map[string]string{"MLTERM": "3.9.3", "TERM": "xterm"}, ModeTerminal},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			env := func(k string) string { return tt.env[k] }
			if got := Detect(env); got != tt.want {
				t.Errorf("Detect = %q, want %q", got, tt.want)
			}
		})
	}
	if got := Detect(nil); got != ModeApp {
		t.Errorf("Detect(nil) = %q", got)
	}
}

func TestEscapes(t *testing.T) {
	if EnterExplicit != "\x1b[8l" || LeaveExplicit != "\x1b[8h" {
		t.Error("BDSM sequences changed")
	}
}

func TestConcurrent(t *testing.T) {
	const in = "المصادقة على اتفاقية (المرحلة 2) بقيمة 50 مليون درهم"
	const want = "مهرد نويلم 50 ةميقب (2 ةلحرملا) ةيقافتا ىلع ةقداصملا"
	done := make(chan bool)
	for range 8 {
		go func() {
			ok := true
			for range 200 {
				ok = ok && Visual(in) == want
			}
			done <- ok
		}()
	}
	for range 8 {
		if !<-done {
			t.Error("concurrent Visual gave a wrong result")
		}
	}
}

// benchTitle is an agenda title longer than 80 cells, cut by Cell.
const benchTitle = "المصادقة على اتفاقية الشراكة (المرحلة 2) بين الجماعة والمكتب الوطني للماء والكهرباء بقيمة 50 مليون درهم لسنة 2024"

func BenchmarkCell(b *testing.B) {
	if ansi.StringWidth(benchTitle) <= 80 {
		b.Fatal("bench title too short")
	}
	for b.Loop() {
		_ = Cell(benchTitle, 80, ModeApp)
	}
}

func BenchmarkCellASCII(b *testing.B) {
	s := "Approval of the partnership agreement (phase 2) between the municipality and ONEE, 50 million dirhams"
	for b.Loop() {
		_ = Cell(s, 80, ModeApp)
	}
}

// Visual and Cell never panic, Visual only moves grapheme clusters (plus
// mirroring and dropping bidi marks), and a cell is always width cells.
func FuzzCell(f *testing.F) {
	for _, s := range []string{
		"الدورة العادية لشهر أكتوبر 2024",
		"المصادقة على اتفاقية (المرحلة 2) بقيمة 50 مليون درهم",
		"Session عادية 2024 report",
		"\u2067abc\u202B\u05d0\u2069 (x) \x1b[2J",
		"مُحَمَّد\r\nفاس",
	} {
		f.Add(s, 20)
	}
	f.Fuzz(func(t *testing.T, s string, width int) {
		width %= 200
		if !utf8.ValidString(s) {
			s = strings.ToValidUTF8(s, "\uFFFD")
		}
		v := Visual(s)
		count := func(x string) map[rune]int {
			m := map[rune]int{}
			for _, r := range x {
				if isBidiFormat(r) {
					continue
				}
				if m2, ok := mirror(r); ok && m2 < r {
					r = m2 // count a bracket pair as one kind
				}
				m[r]++
			}
			return m
		}
		a, b := count(s), count(v)
		if len(a) != len(b) {
			t.Fatalf("Visual(%q) = %q: runes differ", s, v)
		}
		for r, n := range a {
			if b[r] != n {
				t.Fatalf("Visual(%q) = %q: rune %q %d -> %d", s, v, r, n, b[r])
			}
		}
		c := Cell(s, width, ModeApp)
		if width > 0 && ansi.StringWidth(c) != width {
			t.Fatalf("Cell(%q, %d) = %q is %d cells", s, width, c, ansi.StringWidth(c))
		}
		if strings.ContainsAny(c, "\x1b\x07\u009b\n\r") {
			t.Fatalf("Cell(%q) = %q lets a control through", s, c)
		}
	})
}

// A cut cell never ends inside a number or an isolate, whatever the text
// and the width: "لشهر يونيو 2024" loses all of 2024, never "24".
func TestCellNeverCutsANumber(t *testing.T) {
	piece := rapid.SampledFrom([]string{"الدورة", "يونيو", "Session", " ", " ", "2024", "-", "10", "/", "3",
		",", "89", "\u202f", "234", "\u2066", "\u2069", "%", "…", "会"})
	rapid.Check(t, func(t *rapid.T) {
		s := strings.Join(rapid.SliceOfN(piece, 1, 20).Draw(t, "pieces"), "")
		w := rapid.IntRange(1, ansi.StringWidth(s)+1).Draw(t, "width")
		got, gw, cut := fit(s, w)
		if gw != ansi.StringWidth(got) || gw > w {
			t.Fatalf("fit(%q, %d) = %q, width %d", s, w, got, gw)
		}
		if !cut {
			return
		}
		kept := len(strings.TrimSuffix(got, Ellipsis))
		for _, r := range i18n.NumberRuns(s) {
			if r.Start < kept && kept < r.End {
				t.Fatalf("fit(%q, %d) = %q cuts %q", s, w, got, s[r.Start:r.End])
			}
		}
		if depth := strings.Count(s[:kept], "\u2066") - strings.Count(s[:kept], "\u2069"); depth > 0 {
			t.Fatalf("fit(%q, %d) = %q cuts an isolate", s, w, got)
		}
	})
}

// The direction a cell is drawn in is the one it is given: a line wrapped
// out of an Arabic paragraph that begins with a number or a Latin word is
// still right to left, right-aligned, its ≥ mirrored.
func TestCellDirKeepsTheParagraphsDirection(t *testing.T) {
	if got := CellDir("80/82 ≥ 42 حاضرا", 20, ModeApp, true); got != "    ارضاح 42 ≤ 80/82" {
		t.Errorf("RTL line starting with numbers: %q", got)
	}
	if got := CellDir("Fès-Meknès، أن", 20, ModeApp, true); got != "      نأ ،Fès-Meknès" {
		t.Errorf("RTL line starting with a Latin word: %q", got)
	}
	if got := CellDir("Fès-Meknès، أن", 20, ModeApp, false); got != "Fès-Meknès، نأ      " {
		t.Errorf("the same line, LTR: %q", got)
	}
}

// In terminal mode every line of a frame is a left-to-right embedding
// anchored by LRMs at both ends.
func TestAnchor(t *testing.T) {
	if got, want := Anchor("a\nب"), LRE+LRM+"a"+LRM+PDF+"\n"+LRE+LRM+"ب"+LRM+PDF; got != want {
		t.Errorf("Anchor = %q, want %q", got, want)
	}
}
