package tui

import (
	"encoding/json"
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"sync"

	"github.com/jalsa-app/jalsa/tui/bidi"
)

// Prefs is how one operator's terminal draws Arabic, as chosen on the
// "check your terminal" screen; it is used at their next start unless
// --bidi is given. It is a per-machine display setting, not part of the
// record, so it lives in the user's configuration directory and never in
// the database.
type Prefs struct {
	Bidi  bidi.Mode `json:"bidi"`
	Shape bool      `json:"shape"`
}

// prefsFile is the JSON file: one entry per operator name.
type prefsFile struct {
	Operators map[string]Prefs `json:"operators"`
}

// DefaultPrefsPath is $XDG_CONFIG_HOME/jalsa/prefs.json, else
// ~/.config/jalsa/prefs.json, beside the server's operators file and host
// key.
func DefaultPrefsPath(getenv func(string) string) string {
	dir := getenv("XDG_CONFIG_HOME")
	if dir == "" {
		home, err := os.UserHomeDir()
		if err != nil {
			return ""
		}
		dir = filepath.Join(home, ".config")
	}
	return filepath.Join(dir, "jalsa", "prefs.json")
}

// prefsMu serialises the read-modify-write of SavePrefs among the SSH
// clients of one server.
var prefsMu sync.Mutex

// LoadPrefs returns what actor chose, and whether anything valid was found.
// A missing or unreadable file, or an entry with an unknown mode, is "no
// choice": the screen then follows the environment.
func LoadPrefs(path, actor string) (Prefs, bool) {
	if path == "" {
		return Prefs{}, false
	}
	f, err := readPrefs(path)
	if err != nil {
		return Prefs{}, false
	}
	p, ok := f.Operators[actor]
	if !ok || (p.Bidi != bidi.ModeApp && p.Bidi != bidi.ModeTerminal) {
		return Prefs{}, false
	}
	return p, true
}

// SavePrefs remembers p for actor, keeping every other operator's entry.
// The file is replaced atomically (written beside it, synced, renamed), so
// a crash leaves the old file or the new one, never half of one. A file
// that exists but is not valid JSON is left alone and reported, rather than
// replaced by one that forgets everyone else.
func SavePrefs(path, actor string, p Prefs) error {
	if path == "" {
		return errors.New("no configuration directory")
	}
	prefsMu.Lock()
	defer prefsMu.Unlock()
	f, err := readPrefs(path)
	if errors.Is(err, fs.ErrNotExist) {
		f, err = &prefsFile{}, nil
	}
	if err != nil {
		return err
	}
	if f.Operators == nil {
		f.Operators = map[string]Prefs{}
	}
	f.Operators[actor] = p
	data, err := json.MarshalIndent(f, "", "  ")
	if err != nil {
		return err
	}
	dir := filepath.Dir(path)
	if err := os.MkdirAll(dir, 0o700); err != nil {
		return err
	}
	tmp, err := os.CreateTemp(dir, ".prefs-*.json")
	if err != nil {
		return err
	}
	defer os.Remove(tmp.Name()) // fails harmlessly once renamed
	if _, err := tmp.Write(append(data, '\n')); err != nil {
		tmp.Close()
		return err
	}
	if err := tmp.Sync(); err != nil {
		tmp.Close()
		return err
	}
	if err := tmp.Close(); err != nil {
		return err
	}
	return os.Rename(tmp.Name(), path)
}

func readPrefs(path string) (*prefsFile, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	var f prefsFile
	if err := json.Unmarshal(data, &f); err != nil {
		return nil, err
	}
	return &f, nil
}
