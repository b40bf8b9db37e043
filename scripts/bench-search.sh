#!/usr/bin/env bash
# bench-search.sh: the decision lookup at scale (issue 5). In one run, on a
# register of N generated decisions (default 100,000; realistic Arabic and
# French, store/internal/corpus) loaded with `jalsa import-decisions`:
#
#   - the import time (target < 60 s);
#   - in-process lookups, p50 and p99 per class of query, 1 and 3 words,
#     Arabic and French (BenchmarkLookup; target p99 ≤ 5 ms);
#   - whole-process `jalsa decisions QUERY --json --limit 20`, median
#     (target ≤ 30 ms), beside `grep -c` over the same rows as JSON lines and
#     sqlite3's FTS5 over the same rows, with the ratios (targets: < 1 against
#     grep, ≤ 1 against FTS5); the same lookups through the socket of a
#     process that owns the database;
#   - the index size against the size of the text it indexes.
#
#   scripts/bench-search.sh [N]
set -euo pipefail

n=${1:-100000}
cd "$(dirname "$0")/.."
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
go build -o "$work/jalsa" .
go build -o "$work/searchbench" ./store/internal/corpus/searchbench
export JALSA_LANG=en

echo "generating $n decisions"
"$work/searchbench" gen -n "$n" -format jsonl >"$work/rows.jsonl"
"$work/searchbench" gen -n "$n" -format csv >"$work/rows.csv"
printf '  %s MB as JSON lines\n' "$(($(stat -c %s "$work/rows.jsonl") / 1048576))"

start=$EPOCHREALTIME
"$work/jalsa" --db "$work/j.db" import-decisions "$work/rows.jsonl"
end=$EPOCHREALTIME
awk -v s="$start" -v e="$end" 'BEGIN { printf "import-decisions: %.1f s (target < 60)\n", e - s }'

# The same rows in FTS5, every text column indexed, the others kept.
sqlite3 "$work/fts.db" <<EOF
.import --csv $work/rows.csv rows
CREATE VIRTUAL TABLE d USING fts5(ref UNINDEXED, session UNINDEXED, date UNINDEXED, outcome UNINDEXED,
  title, text, notes, session_title, tokenize = 'unicode61 remove_diacritics 2');
INSERT INTO d SELECT ref, session, date, outcome, title, text, notes, session_title FROM rows;
DROP TABLE rows;
VACUUM;
EOF

echo
echo "in-process lookups of 20 decisions (BenchmarkLookup), µs:"
JALSA_BENCH_DB="$work/j.db" go test ./store -run '^$' -bench '^BenchmarkLookup$' -benchtime 2000x |
	awk '/^BenchmarkLookup\// { sub(/^BenchmarkLookup\//, ""); sub(/-[0-9]+$/, "", $1); printf "  %-5s p50 %8s   p99 %8s   (target p99 ≤ 5000)\n", $1, $5, $7 }'

echo
"$work/searchbench" compare -jalsa "$work/jalsa" -db "$work/j.db" -jsonl "$work/rows.jsonl" -fts "$work/fts.db"
printf 'FTS5 database for comparison: %s MB\n' "$(($(stat -c %s "$work/fts.db") / 1048576))"
