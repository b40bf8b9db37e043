// Package bidioracle holds what the bidi tests measure jalsa against: GNU
// FriBidi (package libfribidi-bin), the reference implementation of the
// Unicode bidi algorithm, and a corpus of mixed Arabic, French and number
// text whose numbers are marked by hand. It is for tests only.
package bidioracle

import (
	"os/exec"
	"strings"
	"testing"

	"golang.org/x/text/unicode/norm"
)

// Base is the paragraph direction FriBidi is told to use.
type Base string

const (
	// RTL forces a right-to-left paragraph.
	RTL Base = "--rtl"
	// LTR forces a left-to-right paragraph.
	LTR Base = "--ltr"
	// Auto takes the direction of the first strong character, LTR when
	// there is none: what a terminal that reorders each line does.
	Auto Base = "--wltr"
)

// Visual returns FriBidi's visual order of each line, in the base
// direction given, with explicit marks removed (--clean) and no padding or
// line breaking. FriBidi also shapes Arabic; compare through [Fold]. The
// test is skipped, saying so, when fribidi is not installed.
func Visual(t testing.TB, base Base, lines ...string) []string {
	t.Helper()
	path, err := exec.LookPath("fribidi")
	if err != nil {
		t.Skip("fribidi is not installed (Debian package libfribidi-bin; .ci/run installs it): the bidi oracle is GNU FriBidi")
	}
	for _, l := range lines {
		if strings.ContainsAny(l, "\n\r") {
			t.Fatalf("fribidi.Visual: a line holds a line break: %q", l)
		}
	}
	cmd := exec.Command(path, "--nopad", "--nobreak", "--clean", string(base))
	cmd.Stdin = strings.NewReader(strings.Join(lines, "\n") + "\n")
	out, err := cmd.Output()
	if err != nil {
		t.Fatalf("fribidi: %v", err)
	}
	got := strings.Split(strings.TrimSuffix(string(out), "\n"), "\n")
	if len(got) != len(lines) {
		t.Fatalf("fribidi gave %d lines for %d", len(got), len(lines))
	}
	return got
}

// ligatures spells out FriBidi's lam-alef ligatures in visual order, alef
// first: NFKC would spell them lam first, as in logical order, while the
// text around them is reversed.
var ligatures = strings.NewReplacer(
	"\uFEF5", "\u0622\u0644", "\uFEF6", "\u0622\u0644",
	"\uFEF7", "\u0623\u0644", "\uFEF8", "\u0623\u0644",
	"\uFEF9", "\u0625\u0644", "\uFEFA", "\u0625\u0644",
	"\uFEFB", "\u0627\u0644", "\uFEFC", "\u0627\u0644")

// Fold makes visual text from FriBidi and from jalsa comparable: NFKC
// (FriBidi writes Arabic in its joined presentation forms; no-break spaces
// become spaces), lam-alef ligatures spelled out, explicit bidi marks
// dropped.
func Fold(s string) string {
	s = norm.NFKC.String(ligatures.Replace(s))
	return strings.Map(func(r rune) rune {
		switch {
		case r == 0x200E, r == 0x200F, r == 0x061C, 0x202A <= r && r <= 0x202E, 0x2066 <= r && r <= 0x2069:
			return -1
		}
		return r
	}, s)
}
