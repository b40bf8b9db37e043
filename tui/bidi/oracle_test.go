package bidi

import (
	"strings"
	"testing"

	"github.com/jalsa-app/jalsa/i18n"
	"github.com/jalsa-app/jalsa/internal/bidioracle"
)

// line is one corpus sample as the app draws it in a UI of one direction.
type line struct {
	sample  bidioracle.Sample
	uiRTL   bool
	rtl     bool   // the paragraph's direction
	logical string // with jalsa's isolates
}

// lines lays the corpus out in an Arabic and in a French UI.
func lines() []line {
	var out []line
	for _, s := range bidioracle.Corpus() {
		for _, ui := range []bool{true, false} {
			rtl := i18n.ParagraphRTL(s.Text, ui)
			out = append(out, line{s, ui, rtl, i18n.IsolateNumbers(s.Text, rtl)})
		}
	}
	return out
}

// fribidi runs FriBidi over each text in its own direction.
func fribidi(t *testing.T, texts []string, rtl []bool) []string {
	var r, l []string
	for i, s := range texts {
		if rtl[i] {
			r = append(r, s)
		} else {
			l = append(l, s)
		}
	}
	vr, vl := bidioracle.Visual(t, bidioracle.RTL, r...), bidioracle.Visual(t, bidioracle.LTR, l...)
	out := make([]string, len(texts))
	for i := range texts {
		if rtl[i] {
			out[i], vr = vr[0], vr[1:]
		} else {
			out[i], vl = vl[0], vl[1:]
		}
	}
	return out
}

// The app-mode visual line of every corpus sample, in an Arabic and in a
// French UI, is what GNU FriBidi makes of the same logical text with
// jalsa's isolates, in the same direction; every number reads in its
// logical order in it; and the isolates are the only change to the text.
func TestVisualMatchesFriBidiOnTheCorpus(t *testing.T) {
	ls := lines()
	texts, dirs := make([]string, len(ls)), make([]bool, len(ls))
	for i, l := range ls {
		texts[i], dirs[i] = l.logical, l.rtl
	}
	want := fribidi(t, texts, dirs)
	mismatches, reversed := 0, 0
	for i, l := range ls {
		got := CellDir(l.logical, 0, ModeApp, l.rtl)
		if bidioracle.Fold(got) != bidioracle.Fold(want[i]) {
			mismatches++
			t.Errorf("%q (UI rtl %v, paragraph rtl %v):\n   jalsa %q\n fribidi %q", l.sample.Text, l.uiRTL, l.rtl, got, want[i])
		}
		for _, run := range l.sample.Runs {
			if !strings.Contains(bidioracle.Fold(got), bidioracle.Fold(run)) {
				reversed++
				t.Errorf("%q: %q is not in logical order on screen: %q", l.sample.Text, run, got)
			}
		}
		if strings.NewReplacer(i18n.LRI, "", i18n.PDI, "").Replace(l.logical) != l.sample.Text {
			t.Errorf("isolating changed the text: %q", l.logical)
		}
	}
	t.Logf("mismatches against FriBidi: %d of %d lines; numbers out of order: %d", mismatches, len(ls), reversed)
}

// The corpus does exercise the fault: without jalsa's isolates, FriBidi
// itself draws many of its numbers out of order.
func TestCorpusShowsTheFault(t *testing.T) {
	ls := lines()
	texts, dirs := make([]string, len(ls)), make([]bool, len(ls))
	for i, l := range ls {
		texts[i], dirs[i] = l.sample.Text, l.rtl
	}
	bare := fribidi(t, texts, dirs)
	broken := 0
	for i, l := range ls {
		for _, run := range l.sample.Runs {
			if !strings.Contains(bidioracle.Fold(bare[i]), bidioracle.Fold(run)) {
				broken++
				break
			}
		}
	}
	t.Logf("without isolates, %d of %d lines show a number out of order", broken, len(ls))
	if broken < len(ls)/4 {
		t.Errorf("only %d of %d lines go wrong without isolates: the corpus does not test the fault", broken, len(ls))
	}
}
