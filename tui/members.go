package tui

import (
	"strings"

	"github.com/jalsa-app/jalsa/model"
	"github.com/jalsa-app/jalsa/search"
)

// memberFinder finds members by id, name or group as the clerk types, with
// the lookup's Arabic, French and English folding.
type memberFinder struct {
	field
	// index holds each member's words, normalised, for the snapshot it was
	// built from.
	index    []string
	indexFor *Snapshot
}

func newMemberFinder() memberFinder { return memberFinder{field: newField(60)} }

// matches lists the members of the snapshot's body that the typed text
// finds, in the body's order.
func (f *memberFinder) matches(d *Snapshot) []model.Member {
	if d.Body == nil {
		return nil
	}
	q := search.Normalize(strings.TrimSpace(f.Value()))
	if q == "" {
		return d.Body.Members
	}
	if f.indexFor != d {
		f.index = make([]string, len(d.Body.Members))
		for i, mem := range d.Body.Members {
			f.index[i] = search.Normalize(mem.ID + " " + mem.Name + " " + mem.Group)
		}
		f.indexFor = d
	}
	var out []model.Member
	for i, mem := range d.Body.Members {
		if strings.Contains(f.index[i], q) {
			out = append(out, mem)
		}
	}
	return out
}
