package tui

import (
	"github.com/charmbracelet/bubbles/help"
	"github.com/charmbracelet/lipgloss"
	"github.com/jalsa-app/jalsa/model"
)

// Styles are the looks of every screen, built from one session's renderer so
// that each SSH client gets its own colour profile. Colours are adaptive
// (readable on light and dark backgrounds) and vanish with NO_COLOR or an
// ASCII profile; every status also has a mark, so nothing is told by colour
// alone.
type Styles struct {
	Header    lipgloss.Style
	HeaderDim lipgloss.Style
	Title     lipgloss.Style
	Label     lipgloss.Style
	Dim       lipgloss.Style
	Selected  lipgloss.Style
	Good      lipgloss.Style
	Bad       lipgloss.Style
	Warn      lipgloss.Style
	Accent    lipgloss.Style
	Pane      lipgloss.Style
	Focused   lipgloss.Style
	Error     lipgloss.Style
	Info      lipgloss.Style
	Big       lipgloss.Style
	Help      help.Styles
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
	s := &Styles{}
	s.Header = r.NewStyle().Bold(true).Background(colorHeadBg)
	s.HeaderDim = r.NewStyle().Foreground(colorDim).Background(colorHeadBg)
	s.Title = r.NewStyle().Bold(true).Foreground(colorAccent)
	s.Label = r.NewStyle().Foreground(colorDim)
	s.Dim = r.NewStyle().Foreground(colorDim)
	s.Selected = r.NewStyle().Bold(true).Background(colorSelBg)
	s.Good = r.NewStyle().Foreground(colorGood)
	s.Bad = r.NewStyle().Foreground(colorBad).Bold(true)
	s.Warn = r.NewStyle().Foreground(colorWarn)
	s.Accent = r.NewStyle().Foreground(colorAccent)
	s.Pane = r.NewStyle().Border(lipgloss.RoundedBorder()).BorderForeground(colorBorder)
	s.Focused = r.NewStyle().Border(lipgloss.RoundedBorder()).BorderForeground(colorAccent)
	s.Error = r.NewStyle().Foreground(colorBad).Bold(true)
	s.Info = r.NewStyle().Foreground(colorGood)
	s.Big = r.NewStyle().Bold(true)
	s.Help = help.Styles{
		ShortKey:       r.NewStyle().Foreground(colorAccent),
		ShortDesc:      r.NewStyle().Foreground(colorDim),
		ShortSeparator: r.NewStyle().Foreground(colorBorder),
		Ellipsis:       r.NewStyle().Foreground(colorDim),
		FullKey:        r.NewStyle().Foreground(colorAccent),
		FullDesc:       r.NewStyle().Foreground(colorDim),
		FullSeparator:  r.NewStyle().Foreground(colorBorder),
	}
	return s
}

// Outcome returns the mark and style of an outcome or item state.
func (s *Styles) Outcome(o model.Outcome, state string) (string, lipgloss.Style) {
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
