package tui

import (
	"errors"
	"slices"

	"github.com/jalsa-app/jalsa/model"
)

// advice rewords the refusals the clerk's keys answer, naming the keys: the
// command line's wording names commands instead. The arguments are the
// same.
var advice = map[string]string{
	"err.item_no_vote":        "tui.advice.item_no_vote",
	"err.item_not_open":       "tui.advice.item_not_open",
	"err.item_needs_vote":     "tui.advice.item_needs_vote",
	"err.other_item_open":     "tui.advice.other_item_open",
	"err.vote_recorded":       "tui.advice.vote_recorded",
	"err.not_open":            "tui.advice.not_open",
	"err.close_pending":       "tui.advice.close_pending",
	"err.close_pending_noted": "tui.advice.close_pending_noted",
	"err.close_pending_both":  "tui.advice.close_pending_both",
}

// say is err in the session's language as the clerk's screen says it:
// amounts written the language's one way, and the keys that answer it.
func (c *Common) say(err error) string {
	var e *model.Error
	if !errors.As(err, &e) {
		return model.Message(err, c.Lang)
	}
	args := slices.Clone(e.Args)
	for i, a := range args {
		switch v := a.(type) {
		case model.Cents:
			args[i] = c.Money(v)
		case model.Phrase:
			args[i] = v.In(c.Lang)
		}
	}
	key := e.Key
	if k, ok := advice[key]; ok {
		key = k
	}
	return c.T(key, args...)
}
