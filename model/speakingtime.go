package model

import (
	"strconv"
	"time"

	"github.com/jalsa-app/jalsa/i18n"
	"go.yaml.in/yaml/v3"
)

// maxSpeakingTime bounds a turn's limit: longer is surely a typing mistake.
const maxSpeakingTime = 4 * time.Hour

// ParseSpeakingTime reads a speaking-time limit as the session file gives
// it: whole minutes ("5") or a duration ("3m30s", "90s"), at least a second
// and at most four hours. It returns the limit in seconds.
func ParseSpeakingTime(s string) (int, bool) {
	d, err := time.ParseDuration(s)
	if n, nerr := strconv.Atoi(s); nerr == nil && allDigits(s) {
		d, err = time.Duration(n)*time.Minute, nil
	}
	if err != nil || d < time.Second || d > maxSpeakingTime || d%time.Second != 0 {
		return 0, false
	}
	return int(d / time.Second), true
}

// speakingTimeNode writes a limit of secs seconds as ParseSpeakingTime
// reads it: whole minutes as a number, as a clerk writes them, else a
// duration.
func speakingTimeNode(secs int) *yaml.Node {
	if secs%60 == 0 {
		return scalar("!!int", strconv.Itoa(secs/60))
	}
	return str((time.Duration(secs) * time.Second).String())
}

// speakingTime reads session.speaking_time.
func (l *sessionLoader) speakingTime(n *yaml.Node, path string) int {
	s, ok := l.scalar(n, path)
	if !ok {
		return 0
	}
	secs, ok := ParseSpeakingTime(s)
	if !ok {
		l.fail(n, path, "sessionfile.speaking_time", s)
	}
	return secs
}

func init() {
	i18n.Register(map[string]i18n.Text{
		"sessionfile.speaking_time": {En: "%q is not a speaking time: write minutes (5) or a duration (3m30s), up to 4h", Fr: "%q n'est pas un temps de parole : écrivez des minutes (5) ou une durée (3m30s), 4h au plus", Ar: "%q ليست مدة تدخل: اكتب عدد الدقائق (5) أو مدة (3m30s)، لا تتجاوز 4h"},
	})
}
