package tui

import (
	"io"
	"strings"
	"testing"

	"github.com/charmbracelet/lipgloss"
	"github.com/jalsa-app/jalsa/model"
	"github.com/muesli/termenv"
)

// environ is a fixed environment for a renderer.
type environ map[string]string

func (e environ) Getenv(k string) string { return e[k] }

func (e environ) Environ() []string {
	var out []string
	for k, v := range e {
		out = append(out, k+"="+v)
	}
	return out
}

func TestStylesHonourNoColor(t *testing.T) {
	colour := environ{"TERM": "xterm-256color", "COLORTERM": "truecolor"}
	noColour := environ{"TERM": "xterm-256color", "COLORTERM": "truecolor", "NO_COLOR": "1"}
	r := lipgloss.NewRenderer(io.Discard, termenv.WithEnvironment(colour), termenv.WithTTY(true))
	if s := DefaultStyles(r).Bad.Render("x"); !strings.Contains(s, "\x1b[") {
		t.Fatalf("a colour terminal gets colours: %q", s)
	}
	r = lipgloss.NewRenderer(io.Discard, termenv.WithEnvironment(noColour), termenv.WithTTY(true))
	st := DefaultStyles(r)
	for _, p := range []Paint{st.Bad, st.Good, st.Selected, st.Header, st.HeaderBad} {
		if s := p.Render("x"); s != "x" {
			t.Errorf("NO_COLOR: %q", s)
		}
	}
	// Without colour, statuses still differ by their marks.
	seen := map[string]bool{}
	for _, o := range []string{"adopted", "rejected", "deferred", "withdrawn", "noted", "pending"} {
		mark, _ := st.Outcome(model.Outcome(o), "")
		if seen[mark] {
			t.Errorf("outcome %s shares its mark %q", o, mark)
		}
		seen[mark] = true
	}
}
