package server

import (
	"strings"
	"testing"

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
		{"init --db /srv/j.db -", 0, ""},
		{"item 2024-10 3 note -o", 0, ""},
		{"export -o /home/jalsa/.config/jalsa/operators", 3, "/home/jalsa/.config/jalsa/operators"},
		{"export --output /srv/jalsa.db", 3, "/srv/jalsa.db"},
		{"export --output=x.json", 3, "x.json"},
		{"minutes 2024-10 -ox.md", 3, "x.md"},
		{"minutes 2024-10 -o=x.md", 3, "x.md"},
		{"init session.yaml", 3, "session.yaml"},
		{"import /etc/passwd", 3, "/etc/passwd"},
		{"--lang fr import-decisions old.csv", 3, "old.csv"},
		{"import -- /etc/passwd", 3, "/etc/passwd"},
		{"backup /tmp/copy.db", 3, ""},
	} {
		err := remoteArgs(strings.Fields(c.args), c.args)
		if got := model.ExitCode(err); got != c.code {
			t.Errorf("%s: exit %d (%v), want %d", c.args, got, err, c.code)
			continue
		}
		if c.file != "" && !strings.HasPrefix(err.Error(), c.file+" names a file on the server") {
			t.Errorf("%s: %v, want it to name %s", c.args, err, c.file)
		}
	}
	if err := remoteArgs(nil, `decisions "unclosed`); model.ExitCode(err) != 2 {
		t.Errorf("unsplittable command: %v, want a usage error", err)
	}
}
