package model

import (
	"sync"
	"time"
	// Morocco moves its clock for Ramadan every year; the embedded zone
	// database keeps every time right on hosts without tzdata.
	_ "time/tzdata"

	"github.com/jalsa-app/jalsa/i18n"
)

// DefaultTimezone is the zone of a body that names none (SPEC §12).
const DefaultTimezone = "Africa/Casablanca"

// zones caches loaded locations by name: LoadLocation reads and parses the
// zone data on every call, and every time jalsa shows goes through here.
var zones sync.Map // string → *time.Location

// LoadZone returns the IANA time zone name ("" is DefaultTimezone). It
// fails on a name that is not a zone, so a session file or a command can
// refuse it with the name.
func LoadZone(name string) (*time.Location, error) {
	if name == "" {
		name = DefaultTimezone
	}
	if loc, ok := zones.Load(name); ok {
		return loc.(*time.Location), nil
	}
	loc, err := time.LoadLocation(name)
	if err != nil || name == "Local" {
		// "Local" is the host's zone, whatever it is: not a body's zone.
		return nil, Usage("err.bad_timezone", name)
	}
	zones.Store(name, loc)
	return loc, nil
}

// ValidTimezone reports whether name is an IANA zone a body may use.
func ValidTimezone(name string) bool {
	_, err := LoadZone(name)
	return err == nil
}

// Zone is the name of the body's time zone.
func (b *Body) Zone() string {
	if b == nil || b.Timezone == "" {
		return DefaultTimezone
	}
	return b.Timezone
}

// Location is the body's time zone: the minutes, `show`, the TUI and every
// other place jalsa shows a time or a day of the body's sessions use it,
// so a note taken at 10:40 UTC reads 11:40 everywhere in Fès. A zone that
// no longer loads (a record from a newer zone database) falls back to
// DefaultTimezone rather than to the host's.
func (b *Body) Location() *time.Location {
	if loc, err := LoadZone(b.Zone()); err == nil {
		return loc
	}
	loc, _ := LoadZone(DefaultTimezone)
	return loc
}

// Location is the time zone of session s's body.
func (st *State) Location(s *Session) *time.Location { return st.BodyOf(s).Location() }

func init() {
	i18n.Register(map[string]i18n.Text{
		"err.bad_timezone": {En: "%q is not a time zone: use an IANA name such as Africa/Casablanca or Europe/Paris", Fr: "%q n'est pas un fuseau horaire : utilisez un nom IANA comme Africa/Casablanca ou Europe/Paris", Ar: "%q ليست منطقة زمنية: استعمل اسما من قاعدة IANA مثل Africa/Casablanca أو Europe/Paris"},
	})
}
