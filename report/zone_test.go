package report_test

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/jalsa-app/jalsa/cli"
)

// TestOneTimeZone: a note taken at 01:40 UTC reads 10:40 in a body whose
// zone is Asia/Tokyo — in the minutes and in `show` alike, whatever the
// host's zone — and the day of the decision is Tokyo's day.
func TestOneTimeZone(t *testing.T) {
	dir := t.TempDir()
	file := `body: {id: b1, name: Body, language: en, timezone: Asia/Tokyo}
members: [{id: m01, name: One}, {id: m02, name: Two}, {id: m03, name: Three}]
session: {id: s1, title: Title, date: 2024-10-28, chair: m01}
agenda: [{title: Agreement, kind: agreement}]
`
	if err := os.WriteFile(filepath.Join(dir, "s.yaml"), []byte(file), 0o644); err != nil {
		t.Fatal(err)
	}
	// 23:40 UTC on the 27th is 08:40 on the 28th in Tokyo; each command
	// moves the clock a minute.
	at := time.Date(2024, 10, 27, 23, 37, 0, 0, time.UTC)
	run := func(args ...string) string {
		var out, errOut bytes.Buffer
		env := &cli.Env{Stdout: &out, Stderr: &errOut, Getenv: func(string) string { return "" }, Dir: dir, Actor: "test",
			Clock: func() time.Time { at = at.Add(time.Minute); return at }}
		if code := cli.Run(context.Background(), env, append([]string{"--db", filepath.Join(dir, "j.db")}, args...)); code != 0 {
			t.Fatalf("%v: exit %d: %s", args, code, errOut.String())
		}
		return out.String()
	}
	run("init", "s.yaml")
	run("open", "s1")
	run("attend", "s1", "--present", "all")
	run("item", "s1", "1", "start")
	run("item", "s1", "1", "note", "a note") // 23:42 UTC = 08:42 in Tokyo
	run("vote", "s1", "1", "--for", "3", "--against", "0", "--abstain", "0")
	show := run("show", "s1/1")
	minutes := run("minutes", "s1")
	if !strings.Contains(show, "08:42: a note") {
		t.Errorf("show gives the note's time in another zone than the body's:\n%s", show)
	}
	if !strings.Contains(minutes, "- 08:42 — a note") {
		t.Errorf("the minutes give the note's time in another zone than the body's:\n%s", minutes)
	}
	if !strings.Contains(show, "28 October 2024") {
		t.Errorf("show gives the decision's day in another zone than the body's:\n%s", show)
	}
}
