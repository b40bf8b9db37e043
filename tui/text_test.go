package tui

import (
	"slices"
	"strings"
	"testing"

	"github.com/jalsa-app/jalsa/i18n"
	"github.com/jalsa-app/jalsa/tui/bidi"
)

// Lines break at blanks, never inside a number (even one grouped by
// ordinary spaces) nor inside an isolate.
func TestWrapKeepsNumbersWhole(t *testing.T) {
	for _, tc := range []struct {
		in   string
		w    int
		want []string
	}{
		{"المبلغ 1 234 567,89 درهم", 12, []string{"المبلغ", "1 234 567,89", "درهم"}},
		{"dépenses 250 000,00", 14, []string{"dépenses", "250 000,00"}},
		{"a \u2066b c\u2069 d", 3, []string{"a", "\u2066b c\u2069", "d"}},
		{"one two\nthree", 20, []string{"one two", "three"}},
	} {
		if got := wrap(tc.in, tc.w); !slices.Equal(got, tc.want) {
			t.Errorf("wrap(%q, %d) = %q, want %q", tc.in, tc.w, got, tc.want)
		}
	}
}

// Every line a paragraph wraps into is drawn in the paragraph's direction:
// the second line of an Arabic explanation, which starts with numbers, is
// right-aligned and right to left with its ≥ mirrored; an Arabic note that
// begins with a place name is right to left in an Arabic UI.
func TestWrappedLinesKeepTheParagraphsDirection(t *testing.T) {
	st := demoStore(t)
	m := newTestUI(t, st, Options{Lang: "ar"})
	c := m.c
	lines := c.cells("اعتمد بأغلبية الأصوات المعبر عنها 80/82 ≥ 42", 34, 0)
	if len(lines) != 2 {
		t.Fatalf("%d lines: %q", len(lines), lines)
	}
	if want := bidi.CellDir(i18n.IsolateNumbers("80/82 ≥ 42", true), 34, bidi.ModeApp, true); lines[1] != want {
		t.Errorf("second line %q, want %q", lines[1], want)
	}
	if !strings.HasPrefix(lines[1], " ") || !strings.Contains(lines[1], "42 ≤ 80/82") {
		t.Errorf("second line is not right-aligned and right to left: %q", lines[1])
	}
	note := c.cells("Fès-Meknès، أن الكلفة الإجمالية للمشروع", 60, 0)[0]
	if !strings.HasSuffix(note, "،Fès-Meknès") {
		t.Errorf("the note is not right to left: %q", note)
	}
}
