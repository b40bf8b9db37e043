package tui

import (
	"slices"
	"strings"

	"github.com/jalsa-app/jalsa/tui/bidi"
)

// line pads a drawn row to w cells at its reading end, so that rows of a
// form start where the reader starts: at the left, or at the right in a
// mirrored layout.
func (c *Common) line(s string, w int) string {
	if c.RTL() {
		return padLeft(s, w)
	}
	return padRight(s, w)
}

// CellStart is Cell with the text at the layout's reading start whatever
// its own direction: an Arabic session title in a French screen starts at
// the left like its neighbours, instead of running into what follows it.
// Results are cached with Cell's.
func (c *Common) CellStart(s string, w int) string {
	if w <= 0 {
		return c.Cell(s, w)
	}
	k := cellKey{s: s, w: w, start: true}
	if v, ok := c.cellCache[k]; ok {
		return v
	}
	v := c.Cell(s, w)
	// Cell pads with spaces on one side: moving them keeps the width.
	if c.RTL() {
		t := strings.TrimRight(v, " ")
		v = strings.Repeat(" ", len(v)-len(t)) + t
	} else {
		t := strings.TrimLeft(v, " ")
		v = t + strings.Repeat(" ", len(v)-len(t))
	}
	c.remember(k, v)
	return v
}

// hint draws a line of advice (how to answer a question, what a key does)
// w cells wide, at the reading start of the layout.
func (c *Common) hint(s string, w int) string { return c.Styles.Dim.Render(c.CellStart(s, w)) }

// paragraph draws text wrapped to w cells, each line after lead (a bullet,
// an indent; the lines after the first get as many spaces), every line in
// its paragraph's direction (paragraphRTL). In app mode the paragraph sits
// on the side its own direction starts from: an Arabic note in a French
// screen reads from the right, its bullet at the right.
func (c *Common) paragraph(text, lead string, w int, style Paint) []string {
	lw := ansiWidth(lead)
	var out []string
	for _, para := range strings.Split(text, "\n") {
		rtl := c.paragraphRTL(para)
		right := rtl && c.Bidi == bidi.ModeApp
		for _, l := range wrap(para, max(w-lw, 1)) {
			cell := c.CellIn(l, w-lw, rtl)
			var line string
			if right {
				line = padLeft(strings.TrimLeft(cell, " "), w-lw) + mirror(lead)
			} else {
				line = lead + padRight(strings.TrimRight(cell, " "), w-lw)
			}
			out = append(out, style.Render(line))
			lead = strings.Repeat(" ", lw)
		}
	}
	return out
}

// mirror reverses a lead such as "• " for a line read from the right.
func mirror(s string) string {
	r := []rune(s)
	slices.Reverse(r)
	return string(r)
}
