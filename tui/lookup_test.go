package tui

import (
	"fmt"
	"strings"
	"testing"

	"github.com/jalsa-app/jalsa/model"
)

func TestLookup(t *testing.T) {
	st := demoStore(t)
	m := newTestUI(t, st, Options{})
	press(t, m, "/")
	if m.active != screenLookup {
		t.Fatalf("/: screen %d", m.active)
	}
	all := len(m.pages[screenLookup].(*lookup).results)
	if all == 0 {
		t.Fatal("an empty query lists the decisions")
	}
	press(t, m, "اتفاقية")
	lk := m.pages[screenLookup].(*lookup)
	if n := len(lk.results); n == 0 || n >= all {
		t.Fatalf("اتفاقية finds %d of %d decisions", n, all)
	}
	v := view(t, m)
	for _, r := range lk.results {
		contains(t, v, r.Ref+" ")
	}
	contains(t, v, fmt.Sprintf("%d decisions, best match first", len(lk.results)))
	// q and / are typed into the query, not taken as keys.
	press(t, m, "q/")
	if m.active != screenLookup || lk.query.Value() != "اتفاقيةq/" {
		t.Fatalf("screen %d query %q", m.active, lk.query.Value())
	}
	press(t, m, "backspace", "backspace", "enter")
	if lk.open == nil {
		t.Fatal("enter opens the decision")
	}
	ref := lk.open.Ref
	contains(t, view(t, m), ref)
	press(t, m, "g")
	if m.active != screenCockpit || m.c.SessionID != lk.open.Session {
		t.Fatalf("g: screen %d session %q, want the cockpit of %s", m.active, m.c.SessionID, lk.open.Session)
	}
	if it := m.pages[screenCockpit].(*cockpit).selected(); it.N != lk.open.Item {
		t.Fatalf("g: item %d selected, want %d", it.N, lk.open.Item)
	}
}

// A query that finds nothing as typed shows what it found for the words
// meant, and says so.
func TestLookupSaysWhatItShows(t *testing.T) {
	st := demoStore(t)
	m := newTestUI(t, st, Options{})
	press(t, m, "/", "اتفاقيت")
	lk := m.pages[screenLookup].(*lookup)
	if len(lk.results) == 0 || lk.showing == "" {
		t.Fatalf("a typo: %d results, showing %q", len(lk.results), lk.showing)
	}
	contains(t, view(t, m), "showing results for")
	press(t, m, "backspace", "ة")
	if lk.showing != "" {
		t.Errorf("the word typed right still says showing for %q", lk.showing)
	}
}

// A roll-call decision opened in full names who voted against and who
// abstained, and counts those for (June 2024 item 4 of the demo).
func TestLookupShowsNamedVotes(t *testing.T) {
	st := demoStore(t)
	m := newTestUI(t, st, Options{Bidi: "terminal"})
	press(t, m, "/")
	lk := m.pages[screenLookup].(*lookup)
	for i, r := range lk.results {
		if r.Ref == "2024-06/4" {
			lk.cursor.pos = i
		}
	}
	press(t, m, "enter")
	if lk.open == nil || lk.open.Ref != "2024-06/4" {
		t.Fatalf("opened %+v, want 2024-06/4", lk.open)
	}
	var body *model.Body
	st.Read(func(s *model.State) { body = s.BodyOf(s.Sessions["2024-06"]) })
	v := written(view(t, m))
	contains(t, v, "against (1): "+body.MemberName("m02"))
	contains(t, v, "abstained (1): "+body.MemberName("m09"))
	contains(t, v, fmt.Sprintf("for: %d", len(lk.open.Named)-2))
}

// A decision opened in full explains its outcome in the UI's language, as
// `jalsa show` does, whatever language it was recorded in.
func TestLookupExplainsInTheUILanguage(t *testing.T) {
	st := demoStore(t)
	for lang, want := range map[string]string{"fr": "suffrages exprimés", "en": "votes cast"} {
		m := newTestUI(t, st, Options{Lang: lang})
		press(t, m, "/", "enter")
		lk := m.pages[screenLookup].(*lookup)
		for lk.open != nil && lk.open.For == 0 {
			press(t, m, "esc", "down", "enter")
		}
		if lk.open == nil {
			t.Fatalf("%s: no decision opens", lang)
		}
		d, err := st.Decision(lk.open.Ref)
		if err != nil {
			t.Fatal(err)
		}
		v := view(t, m)
		contains(t, v, want, d.ExplanationIn(lang)[:20])
		if lang != "en" && strings.Contains(v, "votes cast") {
			t.Errorf("%s: the explanation is in English:\n%s", lang, v)
		}
	}
}
