package tui

import (
	"strings"

	"github.com/charmbracelet/bubbles/help"
	"github.com/charmbracelet/lipgloss"
	"github.com/jalsa-app/jalsa/model"
	"github.com/jalsa-app/jalsa/tui/bidi"
)

// Styles are the looks of every screen, built from one session's renderer so
// that each SSH client gets its own colour profile. Colours are adaptive
// (readable on light and dark backgrounds) and vanish with NO_COLOR or an
// ASCII profile; every status also has a mark, so nothing is told by colour
// alone.
type Styles struct {
	Header    Paint
	HeaderDim Paint
	// HeaderGood and HeaderBad draw the quorum mark in the header.
	HeaderGood Paint
	HeaderBad  Paint
	Title      Paint
	Label      Paint
	Dim        Paint
	Selected   Paint
	Good       Paint
	Bad        Paint
	Warn       Paint
	Accent     Paint
	Error      Paint
	Info       Paint
	Big        Paint
	Border     Paint
	// BorderFocused draws the border of a box waiting for an answer.
	BorderFocused Paint
	Help          help.Styles

	// anchored puts a left-to-right mark outside each vertical border of
	// a box (bidi terminal mode, see Box).
	anchored bool
}

// Paint is a lipgloss style reduced to the escape sequences around its
// text. Screens draw many one-line cells whose width is already exact
// (Cell makes them so); lipgloss would measure every one of them again,
// which costs more than the rest of a frame.
type Paint struct{ pre, post string }

// paint captures what st writes before and after a line of text.
func paint(st lipgloss.Style) Paint {
	const mark = "\x00"
	pre, post, _ := strings.Cut(st.Render(mark), mark)
	return Paint{pre, post}
}

// Render paints one line of text (the pieces are joined with nothing).
func (p Paint) Render(s ...string) string {
	t := strings.Join(s, "")
	if p.pre == "" && p.post == "" {
		return t
	}
	return p.pre + t + p.post
}

// Palette: calm, adaptive colours.
var (
	colorAccent = lipgloss.AdaptiveColor{Light: "#0550AE", Dark: "#79C0FF"}
	colorGood   = lipgloss.AdaptiveColor{Light: "#1A7F37", Dark: "#56D364"}
	colorBad    = lipgloss.AdaptiveColor{Light: "#CF222E", Dark: "#FF7B72"}
	colorWarn   = lipgloss.AdaptiveColor{Light: "#9A6700", Dark: "#E3B341"}
	colorDim    = lipgloss.AdaptiveColor{Light: "#6E7781", Dark: "#8B949E"}
	colorBorder = lipgloss.AdaptiveColor{Light: "#D0D7DE", Dark: "#30363D"}
	colorSelBg  = lipgloss.AdaptiveColor{Light: "#DDF4FF", Dark: "#1F3A5F"}
	colorHeadBg = lipgloss.AdaptiveColor{Light: "#EAEEF2", Dark: "#161B22"}
)

// DefaultStyles returns the styles drawn with renderer r.
func DefaultStyles(r *lipgloss.Renderer) *Styles {
	fg := func(c lipgloss.TerminalColor) lipgloss.Style { return r.NewStyle().Foreground(c) }
	head := r.NewStyle().Background(colorHeadBg)
	return &Styles{
		Header:        paint(head.Bold(true)),
		HeaderDim:     paint(head.Foreground(colorDim)),
		HeaderGood:    paint(head.Foreground(colorGood).Bold(true)),
		HeaderBad:     paint(head.Foreground(colorBad).Bold(true).Underline(true)),
		Title:         paint(fg(colorAccent).Bold(true)),
		Label:         paint(fg(colorDim)),
		Dim:           paint(fg(colorDim)),
		Selected:      paint(r.NewStyle().Bold(true).Background(colorSelBg)),
		Good:          paint(fg(colorGood)),
		Bad:           paint(fg(colorBad).Bold(true)),
		Warn:          paint(fg(colorWarn)),
		Accent:        paint(fg(colorAccent)),
		Error:         paint(fg(colorBad).Bold(true)),
		Info:          paint(fg(colorGood)),
		Big:           paint(r.NewStyle().Bold(true)),
		Border:        paint(fg(colorBorder)),
		BorderFocused: paint(fg(colorAccent)),
		Help: help.Styles{
			ShortKey:       fg(colorAccent),
			ShortDesc:      fg(colorDim),
			ShortSeparator: fg(colorBorder),
			Ellipsis:       fg(colorDim),
			FullKey:        fg(colorAccent),
			FullDesc:       fg(colorDim),
			FullSeparator:  fg(colorBorder),
		},
	}
}

// Box draws a rounded border with a space of padding around lines that are
// each exactly w cells wide; the box is w+4 cells wide.
//
// In bidi terminal mode the terminal reorders whole screen lines, and two
// boxes side by side make one line: Arabic on both sides of "││" would
// merge into one right-to-left run and the panes' texts would swap. A
// left-to-right mark outside each border (zero width) keeps each pane's
// text between its own borders, even on a terminal that knows no isolates.
func (s *Styles) Box(lines []string, w int, focused bool) string {
	p := s.Border
	if focused {
		p = s.BorderFocused
	}
	var b strings.Builder
	edge := strings.Repeat("─", w+2)
	b.WriteString(p.Render("╭" + edge + "╮"))
	left, right := p.Render("│")+" ", " "+p.Render("│")
	if s.anchored {
		left, right = bidi.LRM+left, right+bidi.LRM
	}
	for _, l := range lines {
		b.WriteByte('\n')
		b.WriteString(left)
		b.WriteString(l)
		b.WriteString(right)
	}
	b.WriteByte('\n')
	b.WriteString(p.Render("╰" + edge + "╯"))
	return b.String()
}

// Outcome returns the mark and style of an outcome or item state.
func (s *Styles) Outcome(o model.Outcome, state string) (string, Paint) {
	switch {
	case state == model.ItemOpen:
		return "▶", s.Warn
	case o == model.Adopted:
		return "✓", s.Good
	case o == model.Rejected:
		return "✗", s.Bad
	case o == model.Deferred:
		return "↷", s.Dim
	case o == model.Withdrawn:
		return "⊘", s.Dim
	case o == model.Noted:
		return "≡", s.Accent
	}
	return "·", s.Dim
}
