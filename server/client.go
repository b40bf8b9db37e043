package server

import (
	"strings"

	"github.com/charmbracelet/ssh"
	"github.com/jalsa-app/jalsa/i18n"
)

// client is what one SSH client tells about itself: the environment it sent
// (ssh's SendEnv/SetEnv, and TERM for a pty) and the language chosen from it.
type client struct {
	env  []string
	lang string
}

// newClient reads sess's environment; serverLang is for clients that send
// no language of their own.
func newClient(sess ssh.Session, serverLang string) client {
	c := client{env: sess.Environ()}
	c.lang = i18n.Choose(c.lookup("JALSA_LANG"), c.lookup("LC_ALL"), c.lookup("LANG"), serverLang)
	return c
}

// lookup returns the value the client sent for k ("" if none).
func (c client) lookup(k string) string {
	for i := len(c.env) - 1; i >= 0; i-- {
		if v, ok := strings.CutPrefix(c.env[i], k+"="); ok {
			return v
		}
	}
	return ""
}

// getenv is the environment a command run for this client sees: the
// client's variables, never the server's, with JALSA_LANG pinned to the
// language already chosen (cli.Run prefers it to LC_ALL and LANG).
func (c client) getenv(k string) string {
	if k == "JALSA_LANG" {
		return c.lang
	}
	return c.lookup(k)
}
