package bidioracle

import (
	_ "embed"
	"strings"
)

// Sample is one line of the corpus: its logical text, and the number-like
// runs marked in it by hand, in order.
type Sample struct {
	Text string
	Runs []string
}

//go:embed corpus.txt
var corpus string

// escapes are the invisible characters the corpus writes as escapes.
var escapes = strings.NewReplacer(`\u202f`, "\u202f", `\u00a0`, "\u00a0")

// Corpus returns the samples of corpus.txt.
func Corpus() []Sample {
	var out []Sample
	for _, line := range strings.Split(corpus, "\n") {
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		line = escapes.Replace(line)
		var s Sample
		for {
			open := strings.Index(line, "⟦")
			if open < 0 {
				break
			}
			end := strings.Index(line[open:], "⟧")
			if end < 0 {
				panic("bidioracle: corpus line with ⟦ and no ⟧: " + line)
			}
			run := line[open+len("⟦") : open+end]
			s.Runs = append(s.Runs, run)
			line = line[:open] + run + line[open+end+len("⟧"):]
		}
		s.Text = line
		out = append(out, s)
	}
	return out
}
