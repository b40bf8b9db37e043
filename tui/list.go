package tui

import (
	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"
)

// cursor is the selection and scroll position of a list of n rows shown in
// height rows. Screens keep one per list and draw rows[top:top+height].
type cursor struct {
	pos, top int
}

// clamp keeps the cursor on a row and in view.
func (c *cursor) clamp(n, height int) {
	if c.pos >= n {
		c.pos = n - 1
	}
	if c.pos < 0 {
		c.pos = 0
	}
	if height < 1 {
		height = 1
	}
	if c.pos < c.top {
		c.top = c.pos
	}
	if c.pos >= c.top+height {
		c.top = c.pos - height + 1
	}
	if c.top > max(n-height, 0) {
		c.top = max(n-height, 0)
	}
	if c.top < 0 {
		c.top = 0
	}
}

// move handles the keys that move a list cursor; it reports whether msg was
// one of them.
func (c *cursor) move(msg tea.KeyMsg, k *KeyMap, n, height int) bool {
	switch {
	case key.Matches(msg, k.Up):
		c.pos--
	case key.Matches(msg, k.Down):
		c.pos++
	case key.Matches(msg, k.PageUp):
		c.pos -= max(height-1, 1)
	case key.Matches(msg, k.PageDown):
		c.pos += max(height-1, 1)
	case key.Matches(msg, k.Home):
		c.pos = 0
	case key.Matches(msg, k.End):
		c.pos = n - 1
	default:
		return false
	}
	c.clamp(n, height)
	return true
}

// window is the range of rows to draw.
func (c *cursor) window(n, height int) (from, to int) {
	c.clamp(n, height)
	return c.top, min(c.top+height, n)
}
