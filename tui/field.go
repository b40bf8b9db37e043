package tui

import (
	"github.com/charmbracelet/bubbles/textinput"
	tea "github.com/charmbracelet/bubbletea"
	"github.com/jalsa-app/jalsa/tui/bidi"
)

// field is a one-line text entry. bubbles' textinput does the editing; the
// field draws the value itself through Cell, with a bar where the cursor
// is, so that typed Arabic is reordered like every other cell and control
// characters never reach the terminal.
type field struct {
	in textinput.Model
}

func newField(limit int) field {
	in := textinput.New()
	in.CharLimit = limit
	in.Focus()
	return field{in: in}
}

// update edits the value with a key.
func (f *field) update(msg tea.KeyMsg) {
	if msg.Type == tea.KeyRunes {
		// Typed or pasted control characters are dropped, not stored.
		kept := msg.Runes[:0:0]
		for _, r := range msg.Runes {
			if s := string(r); bidi.Sanitize(s) == s {
				kept = append(kept, r)
			}
		}
		msg.Runes = kept
	}
	f.in, _ = f.in.Update(msg)
}

// Value is what was typed.
func (f *field) Value() string { return f.in.Value() }

// SetValue replaces what was typed and puts the cursor at the end.
func (f *field) SetValue(s string) {
	f.in.SetValue(s)
	f.in.CursorEnd()
}

// view draws the value in w cells, with the cursor bar when focused.
func (f *field) view(c *Common, w int, focused bool) string {
	v := []rune(f.in.Value())
	if focused {
		pos := min(f.in.Position(), len(v))
		v = append(v[:pos:pos], append([]rune{'▏'}, v[pos:]...)...)
	}
	st := c.Styles.Dim
	if focused {
		st = c.Styles.Accent
	}
	return st.Render("[") + c.Cell(string(v), w-2) + st.Render("]")
}
