#!/usr/bin/env bash
# bench-start.sh: what a whole jalsa process costs (issue 18), this tree
# against a base revision, built as a release is (static, -trimpath, -s -w),
# on a register of N generated decisions (default 20,000): the binaries'
# sizes, then `jalsa version` and `jalsa decisions صفرو --json --limit 20`
# of each, an empty Go program, sqlite3's start and the same lookup in
# FTS5 over the same rows, run in turn RUNS times each (default 60), with
# the CPU time's minimum and median and the ratios against the empty
# program and sqlite3 measured in the same run.
#
#   scripts/bench-start.sh [BASE_REV [N [RUNS]]]     (BASE_REV: main)
set -euo pipefail

base=${1:-main}
n=${2:-20000}
runs=${3:-60}
cd "$(dirname "$0")/.."
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
release() { CGO_ENABLED=0 go build -trimpath -ldflags '-s -w' -o "$1" .; }
release "$work/new"
mkdir "$work/base-src"
git archive "$base" | tar -x -C "$work/base-src"
(cd "$work/base-src" && release "$work/base")
go build -o "$work/searchbench" ./store/internal/corpus/searchbench
awk -v b="$(stat -c %s "$work/base")" -v n="$(stat -c %s "$work/new")" -v r="$base" \
	'BEGIN { printf "binary size: base (%s) %.2f MB, this tree %.2f MB (%.1f%%)\n\n", r, b / 1048576, n / 1048576, 100 * (n - b) / b }'

"$work/searchbench" gen -n "$n" -format jsonl >"$work/rows.jsonl"
"$work/searchbench" gen -n "$n" -format csv >"$work/rows.csv"
JALSA_LANG=en "$work/new" --db "$work/j.db" import-decisions "$work/rows.jsonl" >/dev/null
sqlite3 "$work/fts.db" ".import --csv $work/rows.csv rows" ".read scripts/fts5.sql"

"$work/searchbench" start -runs "$runs" -jalsa "base=$work/base" -jalsa "new=$work/new" -db "$work/j.db" -fts "$work/fts.db"
