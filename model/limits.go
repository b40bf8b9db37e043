package model

import (
	"errors"
	"regexp"
	"sync"
	"unicode"
	"unicode/utf8"

	"github.com/jalsa-app/jalsa/i18n"
)

// Limits of SPEC §11. Every path into the record (command line, TUI,
// socket, SSH, session file, register, import of an export) goes through
// the checks below, so that nothing recorded exceeds them.
const (
	// MaxSeats bounds the seats of a body and of a past register's row:
	// far above any real assembly, and low enough that no sum of counts
	// overflows.
	MaxSeats = 100000
	// MaxName bounds a name: a body's, a member's, a guest's, a role, a
	// group, a place, a budget line's part.
	MaxName = 200
	// MaxTitle bounds a title: a session's, an item's, a budget line's label.
	MaxTitle = 1000
	// MaxText bounds a free text: a note, a draft decision's text, a reason.
	MaxText = 20000
)

// CheckCounts checks the figures of a vote: seats within 1..MaxSeats,
// present voters within 0..seats, each count within 0..present and their
// sum at most present. Each figure is bounded before any sum is taken, so
// nothing overflows whatever the input. A negative figure is malformed
// (Usage); one above what the room allows is Refused. field names the
// figure at fault: "for", "against", "abstain", "present" or "seats".
func CheckCounts(t Tally, present, seats int) (field string, err error) {
	counts := []struct {
		field string
		n     int
	}{{"present", present}, {"for", t.For}, {"against", t.Against}, {"abstain", t.Abstain}}
	// Every malformed figure is named before any figure above the room.
	if seats < 1 || seats > MaxSeats {
		return "seats", fieldErr(KindUsage, "seats", "count.range", seats, 1, MaxSeats)
	}
	for _, c := range counts {
		if c.n < 0 {
			return c.field, fieldErr(KindUsage, c.field, "count.negative", c.n)
		}
	}
	if present > seats {
		return "present", fieldErr(KindRefused, "present", "count.above_seats", present, seats)
	}
	for _, c := range counts[1:] {
		if c.n > present {
			return c.field, fieldErr(KindRefused, c.field, "count.above_present", c.n, present)
		}
	}
	if t.Total() > present {
		return "present", Refused("count.sum", t.For, t.Against, t.Abstain, present)
	}
	return "", nil
}

// CheckText checks a text a user gives against SPEC §11: valid UTF-8, at
// most limit characters, and no control characters (line breaks and tabs
// only when multiline). Embedding, override and isolate controls count as
// control characters: they reorder whatever follows them on a terminal, in
// the minutes and in a lookup's results. The marks LRM, RLM and ALM, which
// only give a neutral character a direction, stay. The error names field.
func CheckText(field, s string, limit int, multiline bool) error {
	if key, args := textFault(s, limit, multiline); key != "" {
		return fieldErr(KindUsage, field, key, args...)
	}
	return nil
}

// fieldErr is an error about one field: "FIELD: what is wrong".
func fieldErr(kind ErrKind, field, key string, args ...any) error {
	return &Error{kind, "err.field", []any{field, Phrase{Key: key, Args: args}}}
}

// SplitField returns the field an error of the checks above names, and the
// error without the field, for a report that names the field itself (a
// register's FILE:LINE: FIELD: …). Any other error comes back as it is.
func SplitField(err error) (field string, bare error) {
	var e *Error
	if errors.As(err, &e) && e.Key == "err.field" && len(e.Args) == 2 {
		f, _ := e.Args[0].(string)
		if p, ok := e.Args[1].(Phrase); ok {
			return f, &Error{e.Kind, p.Key, p.Args}
		}
	}
	return "", err
}

// textFault says what is wrong with s, as a message key and its
// arguments; "" when nothing is. The session file reports the same faults
// at their line and column.
func textFault(s string, limit int, multiline bool) (key string, args []any) {
	// Counting characters costs a pass over the text; a text of more bytes
	// than four times the limit has more characters than the limit anyway.
	if n := len(s); n > limit && (n > 4*limit || utf8.RuneCountInString(s) > limit) {
		return "text.too_long", []any{utf8.RuneCountInString(s), limit}
	}
	for i, r := range s {
		switch {
		case r == utf8.RuneError && !validAt(s, i):
			return "text.utf8", nil
		case r == '\n' || r == '\r' || r == '\u2028' || r == '\u2029':
			if !multiline {
				return "text.one_line", nil
			}
			if r != '\n' {
				return "text.control", []any{r}
			}
		case r == '\t':
			if !multiline {
				return "text.control", []any{r}
			}
		case IsFormatControl(r) || unicode.IsControl(r):
			return "text.control", []any{r}
		}
	}
	return "", nil
}

// validAt reports whether the U+FFFD at byte i of s is written out in the
// text rather than standing for an invalid byte.
func validAt(s string, i int) bool {
	_, size := utf8.DecodeRuneInString(s[i:])
	return size == 3
}

// IsFormatControl reports whether r is one of the bidirectional embedding,
// override or isolate controls (U+202A–U+202E, U+2066–U+2069), which SPEC
// §11 refuses in user text.
func IsFormatControl(r rune) bool {
	return (r >= '\u202A' && r <= '\u202E') || (r >= '\u2066' && r <= '\u2069')
}

// idPattern is the syntax of identifiers (SPEC §3): body, session and
// member ids, budget line codes. Compiled on first use.
var idPattern = sync.OnceValue(func() *regexp.Regexp {
	return regexp.MustCompile(`^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$`)
})

// checkID checks an identifier of a command that did not come from the
// session file's loader (an import, a re-chained export).
func checkID(field, id string) error {
	if !idPattern().MatchString(id) {
		if len(id) > 80 {
			id = id[:80] + "…"
		}
		return fieldErr(KindUsage, field, "sessionfile.bad_id", id)
	}
	return nil
}

func init() {
	// The tallies (for, against) are labels, not counted nouns; French
	// abstentions are, and so are members, seats and characters. Arabic
	// says "the number of members present, N", which agrees with any N.
	i18n.RegisterCounted(map[string]i18n.Counted{
		"count.above_present": {Arg: 2,
			En: i18n.Forms{One: "%d is more than the %d member present", Other: "%d is more than the %d members present"},
			Fr: i18n.Forms{Other: "%d dépasse le nombre de membres présents (%d)"},
			Ar: i18n.Forms{Other: "%d أكثر من عدد الأعضاء الحاضرين %d"}},
		"count.above_seats": {Arg: 2,
			En: i18n.Forms{One: "%d is more than the %d seat", Other: "%d is more than the %d seats"},
			Fr: i18n.Forms{Other: "%d dépasse le nombre de sièges (%d)"},
			Ar: i18n.Forms{Other: "%d أكثر من عدد المقاعد %d"}},
		"count.sum": {Arg: 3,
			En: i18n.Forms{Other: "%d for + %d against + %d abstaining exceed the %d present"},
			Fr: i18n.Forms{One: "%d pour + %d contre + %d abstention dépassent le nombre de présents (%d)", Other: "%d pour + %d contre + %d abstentions dépassent le nombre de présents (%d)"},
			Ar: i18n.Forms{Other: "%d مع + %d ضد + %d امتناع تتجاوز عدد الحاضرين %d"}},
		"text.too_long": {Arg: 1,
			En: i18n.Forms{One: "%d character; at most %d are allowed", Other: "%d characters; at most %d are allowed"},
			Fr: i18n.Forms{One: "%d caractère ; %d au plus sont permis", Other: "%d caractères ; %d au plus sont permis"},
			Ar: i18n.Forms{One: "حرف واحد؛ المسموح به %[2]d على الأكثر", Two: "حرفان؛ المسموح به %[2]d على الأكثر", Few: "%d أحرف؛ المسموح به %d على الأكثر", Many: "%d حرفا؛ المسموح به %d على الأكثر", Other: "%d حرف؛ المسموح به %d على الأكثر"}},
	})
	i18n.Register(map[string]i18n.Text{
		"err.field":      {En: "%s: %s", Fr: "%s : %s", Ar: "%s: %s"},
		"count.range":    {En: "%d; allowed are %d to %d", Fr: "%d ; valeurs permises de %d à %d", Ar: "%d؛ القيم المسموح بها من %d إلى %d"},
		"count.negative": {En: "%d; a count cannot be negative", Fr: "%d ; un nombre ne peut être négatif", Ar: "%d؛ لا يمكن أن يكون العدد سالبا"},
		"text.control":   {En: "contains the control character %U", Fr: "contient le caractère de contrôle %U", Ar: "يتضمن حرف التحكم %U"},
		"text.one_line":  {En: "must be on one line", Fr: "doit tenir sur une ligne", Ar: "يجب أن يكون في سطر واحد"},
		"text.utf8":      {En: "not valid UTF-8 text", Fr: "texte UTF-8 invalide", Ar: "نص UTF-8 غير صالح"},
	})
}
