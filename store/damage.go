package store

import (
	"errors"
	"fmt"
	"regexp"
	"runtime/debug"
	"strings"

	"github.com/jalsa-app/jalsa/i18n"
)

// A damaged file (a zeroed or flipped page, a truncation, a bad overflow
// field) must never crash jalsa with a stack trace (SPEC §11). bbolt reads
// the file through a memory map and trusts what it finds: a page beyond
// the end of the file faults (SIGBUS), and a page that is not what its
// parent says trips one of bbolt's assertions (a panic). shield turns the
// fault into a panic and the panic into a DamagedError, at the edge of
// every store operation that reads the file.

// DamagedError says the database file is damaged, and where when known.
type DamagedError struct {
	Path string
	// Where is the page, event or record at fault ("page 12", "event 17"),
	// or "" when unknown.
	Where string
	// Cause is what was found there, as bbolt or the decoder says it.
	Cause string
}

func (e *DamagedError) Error() string { return e.In("en") }

// In says the error in lang.
func (e *DamagedError) In(lang string) string {
	what := e.Cause
	if e.Where != "" && !strings.HasPrefix(what, e.Where) {
		what = e.Where + ": " + what
	}
	return i18n.T(lang, "err.damaged", e.Path, what)
}

// damaged is the error for a record of path that cannot be read: where it
// is and why. A DamagedError already is one and comes back as it is.
func damaged(path, where string, err error) error {
	var d *DamagedError
	if errors.As(err, &d) {
		return d
	}
	return &DamagedError{Path: path, Where: where, Cause: oneLine(err.Error())}
}

// Shield runs fn with the file of the database at path under shield, for
// the callers of the store's operations (the command line) that reach
// bbolt through functions of their own.
func Shield(path string, fn func() error) (err error) {
	defer shield(path, &err)()
	return fn()
}

// shield makes a memory fault in the calling goroutine a panic instead of
// a crash, and returns the function to defer, which restores the setting
// and turns a panic that came from reading the file (a fault, or a panic
// inside bbolt) into a DamagedError in *err. Any other panic is a bug and
// goes on. Use: defer shield(path, &err)().
func shield(path string, err *error) func() {
	old := debug.SetPanicOnFault(true)
	leave := dog.enter()
	return func() {
		leave()
		debug.SetPanicOnFault(old)
		p := recover()
		if p == nil {
			return
		}
		msg := fmt.Sprint(p)
		if !fromFile(p) {
			panic(p)
		}
		*err = &DamagedError{Path: path, Where: pageOf(msg), Cause: causeOf(p, msg)}
	}
}

// fromFile reports whether panic p came from reading the file: a memory
// fault at an address (the map, past the end of a truncated file), or a
// panic raised inside bbolt.
func fromFile(p any) bool {
	if _, ok := p.(interface{ Addr() uintptr }); ok {
		return true
	}
	return strings.Contains(string(debug.Stack()), "go.etcd.io/bbolt")
}

var pageRef = regexp.MustCompile(`[Pp]age(?: expected to be:)? (\d+)`)

// pageOf finds the page a bbolt message names.
func pageOf(msg string) string {
	if m := pageRef.FindStringSubmatch(msg); m != nil {
		return "page " + m[1]
	}
	return ""
}

func causeOf(p any, msg string) string {
	if _, ok := p.(interface{ Addr() uintptr }); ok {
		return "a page lies outside the file (" + oneLine(msg) + ")"
	}
	return oneLine(strings.TrimPrefix(msg, "assertion failed: "))
}

// oneLine keeps the first line of a message, short enough for one line of
// a terminal.
func oneLine(s string) string {
	s, _, _ = strings.Cut(s, "\n")
	if r := []rune(s); len(r) > 160 {
		s = string(r[:160]) + "…"
	}
	return s
}

func init() {
	i18n.Register(map[string]i18n.Text{
		"err.damaged": {En: "the database %s is damaged (%s): restore a backup", Fr: "la base %s est endommagée (%s) : restaurez une sauvegarde", Ar: "قاعدة البيانات %s تالفة (%s): استرجع نسخة احتياطية"},
	})
}
