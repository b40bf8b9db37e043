package cli

import (
	"bytes"
	"context"
	"io"
	"testing"
)

// BenchmarkHelp is `jalsa help` without the process start: building the
// command tree from the table, reading the line, and writing the help.
func BenchmarkHelp(b *testing.B) {
	env := &Env{Stdout: io.Discard, Stderr: io.Discard, Getenv: func(string) string { return "" }}
	for b.Loop() {
		if code := Run(context.Background(), env, []string{"help"}); code != 0 {
			b.Fatal(code)
		}
	}
}

// BenchmarkCommandLine is what every command pays before it runs: the tree
// of the table and finding the command in the line (here one that fails
// on its arguments, so no database is opened).
func BenchmarkCommandLine(b *testing.B) {
	var errb bytes.Buffer
	env := &Env{Stdout: io.Discard, Stderr: &errb, Getenv: func(string) string { return "" }}
	for b.Loop() {
		errb.Reset()
		if code := Run(context.Background(), env, []string{"vote", "--lang", "ar"}); code != 2 {
			b.Fatal(code, errb.String())
		}
	}
}
