package store

import (
	"slices"
	"strings"
	"testing"

	"github.com/jalsa-app/jalsa/model"
	"github.com/jalsa-app/jalsa/search"
	"github.com/jalsa-app/jalsa/store/internal/corpus"
	"pgregory.net/rapid"
)

// TestLookupLimitIsAPrefix: a lookup of k decisions gives the first k of
// the same lookup without a limit, whatever the words (of the register,
// several, with or without the article, in either language), the
// filters and k. Lookups with a limit take shortcuts (a word's lower
// alternatives left unread once its best fill the ranking): they must
// never change the answer.
func TestLookupLimitIsAPrefix(t *testing.T) {
	st := openLookupStore(t)
	var rows strings.Builder
	var words []string
	seen := map[string]bool{}
	for d := range corpus.Rows(3000, 7) {
		for _, w := range search.Tokens(d.Title + " " + d.Text) {
			if !seen[w] {
				seen[w] = true
				words = append(words, w)
			}
		}
		rows.WriteString(jsonLines(t, []model.Decision{d}))
	}
	slices.Sort(words)
	if _, err := st.ImportRegister(Origin{Actor: "test"}, "rows.jsonl", strings.NewReader(rows.String()), RegisterOptions{}); err != nil {
		t.Fatal(err)
	}
	for _, class := range corpus.Classes {
		words = append(words, corpus.Queries[class]...)
	}
	for _, j := range corpus.JudgedQueries {
		words = append(words, j.Query)
	}
	rapid.Check(t, func(t *rapid.T) {
		q := Query{Text: strings.Join(rapid.SliceOfN(rapid.SampledFrom(words), 1, 3).Draw(t, "words"), " ")}
		if rapid.Bool().Draw(t, "filtered") {
			q.Outcome = string(rapid.SampledFrom(model.RegisterOutcomes).Draw(t, "outcome"))
		}
		all, err := st.Search(q)
		if err != nil {
			t.Fatal(err)
		}
		q.Limit = rapid.IntRange(fewHits, 40).Draw(t, "limit")
		some, err := st.Search(q)
		if err != nil {
			t.Fatal(err)
		}
		want := all.Decisions[:min(q.Limit, len(all.Decisions))]
		if some.ShowingFor != all.ShowingFor || !slices.EqualFunc(some.Decisions, want, func(a, b model.Decision) bool { return a.Ref == b.Ref }) {
			t.Fatalf("%q, limit %d: %d decisions %v (for %q), want the first of %d %v (for %q)", q.Text, q.Limit,
				len(some.Decisions), refsOf(some.Decisions), some.ShowingFor, len(all.Decisions), refsOf(want), all.ShowingFor)
		}
	})
}

func refsOf(ds []model.Decision) []string {
	out := make([]string, len(ds))
	for i, d := range ds {
		out[i] = d.Ref
	}
	return out
}
