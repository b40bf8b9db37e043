package server

import (
	"fmt"
	"strings"

	"github.com/jalsa-app/jalsa/model"
	"mvdan.cc/sh/v3/expand"
	"mvdan.cc/sh/v3/syntax"
)

// MaxCommand is the longest command line an SSH client may pass (SPEC §7):
// longer ones are refused on the raw exec payload, before any parsing.
const MaxCommand = 64 << 10

// splitCommand splits the command line a client passed into its words the
// way a POSIX shell would (quotes and backslashes), in time linear in its
// length (the splitter of charmbracelet/ssh takes quadratic time on a long
// word). jalsa runs no shell, so anything a shell would do beyond quoting
// (&&, ;, |, redirections, $VAR, `…`, comments) is refused rather than
// passed on as words or silently dropped; quoted, the same characters are
// plain text.
func splitCommand(raw string) ([]string, error) {
	// The parser reads a carriage return before a newline as a line end,
	// even quoted: a control character would not come back as sent.
	if i := strings.IndexFunc(raw, control); i >= 0 {
		return nil, model.Usage("server.command_control", fmt.Sprintf("U+%04X", raw[i]), i)
	}
	f, err := syntax.NewParser(syntax.Variant(syntax.LangPOSIX), syntax.KeepComments(true)).Parse(strings.NewReader(raw), "")
	if err != nil {
		return nil, model.Usage("server.bad_command", raw)
	}
	if len(f.Last) > 0 {
		return nil, model.Usage("server.shell_syntax", "#")
	}
	if len(f.Stmts) != 1 {
		return nil, model.Usage("server.shell_syntax", operatorAfter(f))
	}
	st := f.Stmts[0]
	call, ok := st.Cmd.(*syntax.CallExpr)
	switch {
	case len(st.Comments) > 0:
		return nil, model.Usage("server.shell_syntax", "#")
	case st.Background:
		return nil, model.Usage("server.shell_syntax", "&")
	case !ok || st.Negated || st.Coprocess || len(call.Assigns) > 0:
		if bin, isBin := st.Cmd.(*syntax.BinaryCmd); isBin {
			return nil, model.Usage("server.shell_syntax", bin.Op.String())
		}
		return nil, model.Usage("server.shell_syntax", shellText(raw, st.Pos(), st.End()))
	case len(st.Redirs) > 0:
		return nil, model.Usage("server.shell_syntax", st.Redirs[0].Op.String())
	}
	args := make([]string, 0, len(call.Args))
	for _, w := range call.Args {
		if bad := expansion(w); bad != nil {
			return nil, model.Usage("server.shell_syntax", shellText(raw, bad.Pos(), bad.End()))
		}
		// Quote removal, as a shell does it; a brace pattern ({a,b}) would
		// make more than one word of it.
		a, err := expand.Fields(nil, w)
		if err != nil {
			return nil, model.Usage("server.bad_command", raw)
		}
		if len(a) != 1 {
			return nil, model.Usage("server.shell_syntax", shellText(raw, w.Pos(), w.End()))
		}
		args = append(args, a[0])
	}
	return args, nil
}

// control reports the characters a command line may not hold: the C0
// controls but tab and newline, and DEL.
func control(r rune) bool { return (r < 0x20 && r != '\t' && r != '\n') || r == 0x7f }

// expansion returns the first part of w a shell would expand (a variable,
// a command, arithmetic, a brace or glob pattern), or nil when w is quoting
// and text only.
func expansion(w *syntax.Word) syntax.Node {
	var bad syntax.Node
	syntax.Walk(w, func(n syntax.Node) bool {
		switch n.(type) {
		case *syntax.Word, *syntax.Lit, *syntax.SglQuoted, *syntax.DblQuoted:
			return bad == nil
		case nil:
			return false
		}
		if bad == nil {
			bad = n
		}
		return false
	})
	return bad
}

// operatorAfter names what separates the first statement of f from the
// next (;, &&, a newline…), for the message.
func operatorAfter(f *syntax.File) string {
	if len(f.Stmts) > 1 {
		if s := f.Stmts[0]; s.Semicolon.IsValid() {
			return ";"
		}
		return `\n`
	}
	return ";"
}

// shellText is the text of raw between two positions of its parse, cut
// short for a message.
func shellText(raw string, from, to syntax.Pos) string {
	a, b := int(from.Offset()), int(to.Offset())
	if a < 0 || b > len(raw) || a >= b {
		return raw
	}
	s := []rune(raw[a:b])
	if len(s) > 40 {
		return string(s[:40]) + "…"
	}
	return string(s)
}
