package server

import (
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/jalsa-app/jalsa/cli"
	"github.com/jalsa-app/jalsa/i18n"
	"github.com/jalsa-app/jalsa/model"
)

func TestRemoteArgs(t *testing.T) {
	for _, c := range []struct {
		args string
		code int
		file string
	}{
		{"decisions صفرو --json", 0, ""},
		{"export", 0, ""},
		{"export -o -", 0, ""},
		{"minutes 2024-10 --format html --output=-", 0, ""},
		{"import -", 0, ""},
		{"--lang ar init -", 0, ""},
		{"item 2024-10 3 note -o", 0, ""},
		{"init --db /srv/j.db -", 3, "/srv/j.db"},
		{"export -o /home/jalsa/.config/jalsa/operators", 3, "/home/jalsa/.config/jalsa/operators"},
		{"export --output /srv/jalsa.db", 3, "/srv/jalsa.db"},
		{"export --output=x.json", 3, "x.json"},
		{"minutes 2024-10 -ox.md", 3, "x.md"},
		{"minutes 2024-10 -o=x.md", 3, "x.md"},
		{"--output x.md minutes 2024-10", 3, "x.md"},
		{"init session.yaml", 3, "session.yaml"},
		{"import /etc/passwd", 3, "/etc/passwd"},
		{"--lang fr import-decisions old.csv", 3, "old.csv"},
		{"import -- /etc/passwd", 3, "/etc/passwd"},
		{"backup /tmp/copy.db", 3, ""},
		{"backup -", 3, ""},
		{"man /tmp/man", 3, ""},
	} {
		err := remoteArgs(strings.Fields(c.args), c.args, model.RoleClerk)
		if got := model.ExitCode(err); got != c.code {
			t.Errorf("%s: exit %d (%v), want %d", c.args, got, err, c.code)
			continue
		}
		if c.file != "" && !strings.HasPrefix(err.Error(), c.file+" names a file on the server") {
			t.Errorf("%s: %v, want it to name %s", c.args, err, c.file)
		}
	}
	if err := remoteArgs(nil, `decisions "unclosed`, model.RoleClerk); model.ExitCode(err) != 2 {
		t.Errorf("unsplittable command: %v, want a usage error", err)
	}
}

// TestEveryFileIsRefusedOverSSH walks every command of the table over a
// real SSH connection: wherever the table says a command names a file (an
// argument, a flag, --db), a clerk's command naming a server file there
// is refused (exit 3, naming it) and the file is neither read nor written;
// "-" (the client's own standard input or output) passes that check.
func TestEveryFileIsRefusedOverSSH(t *testing.T) {
	f := newFixture(t, nil)
	secret := filepath.Join(f.dir, "operators") // a file the server holds
	before, err := os.ReadFile(secret)
	if err != nil {
		t.Fatal(err)
	}
	target := filepath.Join(f.dir, "written")
	uses := cli.FileUses(target)
	names := make([]string, 0, len(uses))
	for name := range uses {
		names = append(names, name)
	}
	slices.Sort(names)
	refused := 0
	for _, name := range names {
		for _, line := range uses[name] {
			for _, path := range []string{target, secret} {
				args := slices.Clone(line)
				args[slices.Index(args, target)] = path
				cmd := strings.Join(args, " ")
				r := f.run("fatima", cmd, nil)
				byName := "jalsa: " + i18n.T("en", "err.remote_file", path) + "\n"
				byCommand := "jalsa: " + i18n.T("en", "err.remote_writes_files", name) + "\n"
				if r.Code != 3 || (r.Stderr != byName && r.Stderr != byCommand) || r.Stdout != "" {
					t.Errorf("ssh … %s: exit %d, stdout %.60q, stderr %q; want it refused", cmd, r.Code, r.Stdout, r.Stderr)
				}
				refused++
			}
			stdio := slices.Clone(line)
			stdio[slices.Index(stdio, target)] = "-"
			if r := f.run("fatima", strings.Join(stdio, " "), nil); strings.Contains(r.Stderr, "names a file on the server") {
				t.Errorf("ssh … %s: - was refused: %q", strings.Join(stdio, " "), r.Stderr)
			}
		}
	}
	if after, _ := os.ReadFile(secret); string(after) != string(before) {
		t.Error("a client changed the operators file")
	}
	if exists(target) {
		t.Error("a client wrote a file on the server")
	}
	if len(names) < 20 || refused < 2*len(names) {
		t.Errorf("walked %d commands, %d refusals: the table has more", len(names), refused)
	}
	t.Logf("%d commands walked, %d file-naming command lines refused", len(names), refused)
}
