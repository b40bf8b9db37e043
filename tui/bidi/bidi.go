// Package bidi draws Arabic (and other right-to-left) text in terminals.
//
// Text in jalsa is stored, searched and exported in logical order (SPEC §10);
// this package only produces what is written to the screen. It is pure: no
// I/O, no globals that change, safe for concurrent use.
//
// Terminals fall in two groups:
//
//   - Terminals that run the Unicode bidi algorithm themselves, per line, and
//     cannot be told to stop (Konsole, mlterm, macOS Terminal.app). jalsa must
//     write logical order to them ([ModeTerminal]); reordering in the app as
//     well would flip the text back ("double bidi").
//   - Terminals that do no bidi at all (xterm, kitty, Alacritty, Windows
//     Terminal, tmux, …) and terminals that honour the explicit-mode escape of
//     the terminal-wg recommendation (VTE: GNOME Terminal, Tilix, …). jalsa
//     reorders every cell itself ([ModeApp]) with [Visual], right-aligns RTL
//     cells, and writes [EnterExplicit] at start and [LeaveExplicit] at exit so
//     that VTE does not reorder a second time.
//
// Every TUI text cell goes through [CellDir], in its paragraph's direction,
// which also neutralises control and escape characters ([Sanitize]) so that
// user data such as a member named "\x1b[2J" prints harmlessly. In
// [ModeTerminal] each cell is written inside an isolate of its direction and
// each screen line inside a left-to-right embedding ([Anchor]), so that a
// terminal reordering whole lines keeps every cell, and every pane, in place.
package bidi

import (
	"fmt"
	"strings"
)

// BDSM (Bi-Directional Support Mode, ECMA-48 mode 8) per the terminal-wg
// "BiDi in Terminal Emulators" recommendation: CSI 8 l switches the terminal
// to explicit mode (it stops reordering, the application does it), CSI 8 h
// restores implicit mode. In [ModeApp] the TUI writes EnterExplicit at start
// and LeaveExplicit at exit, including on a crash or a signal. Terminals that
// do not know the mode ignore it.
const (
	EnterExplicit = "\x1b[8l"
	LeaveExplicit = "\x1b[8h"
)

// Mode says who puts right-to-left text in visual order.
type Mode string

const (
	// ModeAuto picks ModeApp or ModeTerminal from the environment ([Detect]).
	ModeAuto Mode = "auto"
	// ModeApp: jalsa reorders each cell and right-aligns RTL cells; the
	// terminal is put in explicit mode.
	ModeApp Mode = "app"
	// ModeTerminal: jalsa writes logical order; the terminal reorders.
	ModeTerminal Mode = "terminal"
)

// Modes lists the accepted mode names, in the order shown to users.
var Modes = []Mode{ModeAuto, ModeApp, ModeTerminal}

// ParseMode parses a mode name (case-insensitive, surrounding blanks ignored).
// The empty string is an error: callers choose their own default.
func ParseMode(s string) (Mode, error) {
	switch m := Mode(strings.ToLower(strings.TrimSpace(s))); m {
	case ModeAuto, ModeApp, ModeTerminal:
		return m, nil
	}
	return "", fmt.Errorf("bidi: unknown mode %q: allowed values are %q, %q and %q",
		s, ModeAuto, ModeApp, ModeTerminal)
}

// String implements fmt.Stringer and, with Set and Type, pflag.Value, so a
// *Mode can be bound to a command-line flag directly.
func (m Mode) String() string { return string(m) }

// Set parses s into m (pflag.Value).
func (m *Mode) Set(s string) error {
	v, err := ParseMode(s)
	if err != nil {
		return err
	}
	*m = v
	return nil
}

// Type names the flag type in help output (pflag.Value).
func (*Mode) Type() string { return "auto|app|terminal" }

// Detect resolves [ModeAuto] from an environment lookup such as os.Getenv or
// the environment of an SSH session. It never returns ModeAuto. A nil env is
// treated as an empty environment.
//
// Why these rules (terminal-wg bidi study, research/domain_rules.md §4):
//
//   - KONSOLE_VERSION: Konsole reorders each line itself (profile option,
//     usually on for Arabic users) and ignores CSI 8 l → ModeTerminal.
//   - VTE_VERSION: VTE ≥ 0.58 (GNOME Terminal, Tilix, xfce4-terminal,
//     Terminator) implements the recommendation, so the app can switch it to
//     explicit mode and reorder itself → ModeApp. KONSOLE_VERSION is
//     checked first because a Konsole started from a VTE terminal inherits
//     VTE_VERSION.
//   - TERM_PROGRAM=Apple_Terminal: macOS Terminal.app applies bidi per line
//     with no way to turn it off → ModeTerminal.
//   - TERM containing "mlterm", or MLTERM set: mlterm does bidi and shaping
//     by default → ModeTerminal.
//   - Anything else → ModeApp: xterm, kitty, Alacritty, Windows Terminal,
//     st, foot, tmux and screen do no bidi, so without app-side reordering
//     Arabic would read backwards. This is also the answer over SSH, where
//     usually only TERM is forwarded; users of a bidi terminal not listed here
//     (mintty, iTerm2 or WezTerm with their bidi option on) choose
//     ModeTerminal explicitly.
//
// Variables are inherited through tmux and screen, which is what we want: the
// outer terminal is the one that draws.
func Detect(env func(string) string) Mode {
	if env == nil {
		return ModeApp
	}
	switch {
	case env("KONSOLE_VERSION") != "":
		return ModeTerminal
	case env("VTE_VERSION") != "":
		return ModeApp
	case env("TERM_PROGRAM") == "Apple_Terminal":
		return ModeTerminal
	case strings.Contains(env("TERM"), "mlterm"), env("MLTERM") != "":
		return ModeTerminal
	}
	return ModeApp
}
