#!/usr/bin/env bash
# bench-search.sh: the decision lookup at scale (issues 5 and 18). In one
# run, on a register of N generated decisions (default 100,000; realistic
# Arabic and French, store/internal/corpus) loaded with
# `jalsa import-decisions`:
#
#   - the import time (target < 60 s) and the file's size against SQLite
#     FTS5 over the same rows, every column kept (target ≤ 2×);
#   - in-process lookups, p50 and p99 per class of query, 1 and 3 words,
#     Arabic and French (BenchmarkLookup; target p99 ≤ 5 ms);
#   - whole-process `jalsa decisions QUERY --json --limit 20`, median,
#     beside `grep -c` and sqlite3's FTS5 over the same rows, interleaved,
#     with the ratios (target ≤ 1 against FTS5), for jalsa as built and
#     built without cgo; what the start of each process costs; the same
#     lookups through the socket of a process that owns the database;
#   - the longest wait of `status` and `decisions` while the owner imports
#     the register (target ≤ 200 ms);
#   - recall and precision on the judged queries, jalsa against FTS5 on
#     the same 20,000 rows (searchbench eval).
#
#   scripts/bench-search.sh [N]
set -euo pipefail

n=${1:-100000}
cd "$(dirname "$0")/.."
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
go build -o "$work/jalsa" .
CGO_ENABLED=0 go build -trimpath -o "$work/jalsa-static" .
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

# The same rows in FTS5, every column kept, the texts indexed.
sqlite3 "$work/fts.db" ".import --csv $work/rows.csv rows" ".read scripts/fts5.sql"
j=$(stat -c %s "$work/j.db")
f=$(stat -c %s "$work/fts.db")
awk -v j="$j" -v f="$f" 'BEGIN { printf "file size: jalsa %.1f MB, SQLite FTS5 %.1f MB: %.2f× (target ≤ 2)\n", j / 1048576, f / 1048576, j / f }'

echo
echo "in-process lookups of 20 decisions (BenchmarkLookup), µs:"
JALSA_BENCH_DB="$work/j.db" go test ./store -run '^$' -bench '^BenchmarkLookup$' -benchtime 2000x |
	awk '/^BenchmarkLookup\// {
		sub(/^BenchmarkLookup\//, ""); sub(/-[0-9]+$/, "", $1)
		for (i = 3; i < NF; i++) m[$(i + 1)] = $i # each value stands before its unit
		printf "  %-5s p50 %8s   p99 %8s   processor %8s   (target p99 ≤ 5000)\n", $1, m["p50-µs"], m["p99-µs"], m["cpu-µs/op"]
	}'

echo
"$work/searchbench" compare -jalsa "$work/jalsa" -static "$work/jalsa-static" -db "$work/j.db" -jsonl "$work/rows.jsonl" -fts "$work/fts.db"

echo
"$work/searchbench" importwait -jalsa "$work/jalsa" -db "$work/w.db" -rows "$work/rows.jsonl" -session demo/2024-10.yaml

echo
"$work/searchbench" eval
