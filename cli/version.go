package cli

import (
	"fmt"
	"runtime"
	"runtime/debug"
	"sync"

	"github.com/jalsa-app/jalsa/i18n"
)

// Set by the linker for a release (.goreleaser.yaml):
//
//	-X github.com/jalsa-app/jalsa/cli.version=1.2.0
//	-X github.com/jalsa-app/jalsa/cli.commit=…  -X github.com/jalsa-app/jalsa/cli.date=…
//
// A plain `go build` leaves them empty and the build info fills them in.
var version, commit, date string

// Version is what `jalsa version --json` prints.
type Version struct {
	Version string `json:"version"`
	Commit  string `json:"commit"`
	Date    string `json:"date"`
	Go      string `json:"go"`
}

// BuildVersion is this binary's version: the linker's flags, else the
// module version and VCS stamp that `go build` records.
var BuildVersion = sync.OnceValue(func() Version {
	v := Version{Version: version, Commit: commit, Date: date, Go: runtime.Version()}
	info, ok := debug.ReadBuildInfo()
	if !ok {
		return v.orUnknown()
	}
	if v.Version == "" && info.Main.Version != "" && info.Main.Version != "(devel)" {
		v.Version = info.Main.Version
	}
	modified := false
	for _, s := range info.Settings {
		switch s.Key {
		case "vcs.revision":
			if v.Commit == "" {
				v.Commit = s.Value
			}
		case "vcs.time":
			if v.Date == "" {
				v.Date = s.Value
			}
		case "vcs.modified":
			modified = s.Value == "true"
		}
	}
	if modified && commit == "" && v.Commit != "" {
		v.Commit += "+dirty"
	}
	return v.orUnknown()
})

// orUnknown says "devel" and "unknown" where nothing is known.
func (v Version) orUnknown() Version {
	if v.Version == "" {
		v.Version = "devel"
	}
	if v.Commit == "" {
		v.Commit = "unknown"
	}
	if v.Date == "" {
		v.Date = "unknown"
	}
	return v
}

// versionLine is `jalsa --version` and `jalsa version` in lang.
func versionLine(lang string) string {
	v := BuildVersion()
	return i18n.T(lang, "msg.version", v.Version, v.Commit, v.Date, v.Go)
}

// versionFlags are `jalsa version`'s flags.
type versionFlags struct {
	JSON bool `flag:"json"`
}

func runVersion(c *call, f *versionFlags) error {
	if f.JSON {
		return writeJSON(c.Stdout, BuildVersion())
	}
	_, err := fmt.Fprintln(c.Stdout, versionLine(c.lang))
	return err
}
