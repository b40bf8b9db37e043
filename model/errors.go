package model

import (
	"errors"
	"fmt"
	"strings"

	"github.com/jalsa-app/jalsa/i18n"
)

// ErrKind classes an error by the exit code the command line gives it.
type ErrKind int

// Error kinds, with the exit codes of SPEC §4.
const (
	KindFailure  ErrKind = 1
	KindUsage    ErrKind = 2
	KindRefused  ErrKind = 3
	KindNotFound ErrKind = 4
)

// Error is a domain error: a kind for the exit code and a message key with
// its arguments, so each front end can say it in the user's language.
type Error struct {
	Kind ErrKind
	Key  string
	Args []any
}

// Error returns the message in English.
func (e *Error) Error() string { return e.In("en") }

// In returns the message in lang; an argument that is itself a Phrase is
// said in lang too.
func (e *Error) In(lang string) string { return i18n.T(lang, e.Key, sayArgs(lang, e.Args)...) }

// sayArgs says the Phrase arguments of a message in lang.
func sayArgs(lang string, args []any) []any {
	out := make([]any, len(args))
	for i, a := range args {
		if p, ok := a.(Phrase); ok {
			a = p.In(lang)
		}
		out[i] = a
	}
	return out
}

// Refused is a request that a rule or the state forbids (exit 3).
func Refused(key string, args ...any) error { return &Error{KindRefused, key, args} }

// NotFound is a request naming something that does not exist (exit 4).
func NotFound(key string, args ...any) error { return &Error{KindNotFound, key, args} }

// Usage is a malformed request (exit 2).
func Usage(key string, args ...any) error { return &Error{KindUsage, key, args} }

// Failure is any other error (exit 1).
func Failure(key string, args ...any) error { return &Error{KindFailure, key, args} }

// NoQuorum refuses a vote for want of quorum: present members counted,
// the quorum, and the seats it is reckoned on.
func NoQuorum(present, required, seats int) error {
	return Refused("err.no_quorum", Phrase{Key: "model.n.present", Args: []any{present}}, required,
		Phrase{Key: "model.n.seats.gen", Args: []any{seats}})
}

// ExitCode maps err to the command line's exit code.
func ExitCode(err error) int {
	if err == nil {
		return 0
	}
	var e *Error
	if errors.As(err, &e) {
		return int(e.Kind)
	}
	var fe *FileError
	if errors.As(err, &fe) {
		return int(KindUsage)
	}
	return 1
}

// Message says err in lang when it can be said in any language (a domain
// error, a session file error), else as Go says it.
func Message(err error, lang string) string {
	var e interface{ In(lang string) string }
	if errors.As(err, &e) {
		return e.In(lang)
	}
	return err.Error()
}

// Where writes the place of an error in a file, "FILE:LINE:COL: FIELD: ",
// leaving out what is unknown (line or column 0, field ""), so every file a
// user gives jalsa is reported the same way.
func Where(file string, line, col int, field string) string {
	var b strings.Builder
	b.WriteString(file)
	if line > 0 {
		fmt.Fprintf(&b, ":%d", line)
		if col > 0 {
			fmt.Fprintf(&b, ":%d", col)
		}
	}
	b.WriteString(": ")
	if field != "" {
		b.WriteString(field)
		b.WriteString(": ")
	}
	return b.String()
}
