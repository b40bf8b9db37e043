package tui

import (
	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"
)

// prompt asks before something that cannot be undone (withdrawing an item,
// discarding what was typed), optionally with a choice (the convocation of
// a sitting). Every screen asks the same way: enter does it, esc does not.
type prompt struct {
	question string
	choices  []string
	choice   int
	// run does what was asked; its error is shown, done on success.
	run  func(choice int) error
	done string
	// answer says what enter and esc do, when not "confirm · cancel".
	answer string
}

// update answers the prompt with a key; it reports whether the prompt is
// over (done, failed or cancelled).
func (p *prompt) update(c *Common, msg tea.KeyMsg) bool {
	k := c.Keys
	switch {
	case key.Matches(msg, k.Back):
		return true
	case key.Matches(msg, k.Left) && len(p.choices) > 0:
		p.choice = (p.choice + len(p.choices) - 1) % len(p.choices)
	case key.Matches(msg, k.Right), key.Matches(msg, k.Tab):
		if len(p.choices) > 0 {
			p.choice = (p.choice + 1) % len(p.choices)
		}
	case key.Matches(msg, k.Enter):
		if err := p.run(p.choice); err != nil {
			c.Fail(err)
			return true
		}
		if p.done != "" {
			c.Info(p.done)
		}
		return true
	default:
		for i, ch := range p.choices {
			if msg.String() == ch {
				p.choice = i
			}
		}
	}
	return false
}

// view is the question (wrapped), the choice if any, and how to answer,
// each line w cells wide and starting where the layout reads from.
func (p *prompt) view(c *Common, w int) []string {
	st := c.Styles
	var out []string
	for _, l := range wrap(p.question, w) {
		out = append(out, c.CellStart(l, w))
	}
	if len(p.choices) > 0 {
		pieces := []string{c.Cell(c.T("tui.cockpit.call"), 0)}
		for i, ch := range p.choices {
			if i == p.choice {
				pieces = append(pieces, " ", st.Selected.Render("‹"+ch+"›"))
			} else {
				pieces = append(pieces, "  "+ch+" ")
			}
		}
		out = append(out, c.line(c.row(pieces...), w))
	}
	answer := p.answer
	if answer == "" {
		answer = c.T("tui.prompt.confirm")
	}
	return append(out, c.hint(answer, w))
}

// box draws the prompt in a focused box w cells wide; it returns the box
// and its height.
func (p *prompt) box(c *Common, w int) (string, int) {
	lines := p.view(c, w-4)
	return c.Styles.Box(lines, w-4, true), len(lines) + 2
}

// help is the help bar while the prompt waits.
func (p *prompt) help(k *KeyMap) []key.Binding { return []key.Binding{k.Enter, k.Back} }
