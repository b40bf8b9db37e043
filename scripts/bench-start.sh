#!/usr/bin/env bash
# bench-start.sh: whole-process time of `jalsa help` (the start of jalsa:
# the runtime, package initialisation, the command table) beside an empty Go
# program built here and /bin/true, measured in the same run. Prints the
# median of N runs of each (default 200) and the ratio to the empty program.
# BASE=/path/to/another/jalsa measures that build's `help` too.
#
#   scripts/bench-start.sh [N]
set -euo pipefail

n=${1:-200}
cd "$(dirname "$0")/.."
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
go build -o "$work/jalsa" .
mkdir "$work/empty"
printf 'package main\n\nfunc main() {}\n' >"$work/empty/main.go"
(cd "$work/empty" && go mod init empty >/dev/null 2>&1 && go build -o "$work/empty-go" .)
export JALSA_DB="$work/none.db" JALSA_LANG=en

# median_ms CMD...: runs CMD n times after 3 warm-up runs and prints the
# median wall time in milliseconds (bash's clock, no extra process timed).
median_ms() {
	local i start end
	for i in 1 2 3; do "$@" >/dev/null; done
	for ((i = 0; i < n; i++)); do
		start=$EPOCHREALTIME
		"$@" >/dev/null
		end=$EPOCHREALTIME
		echo "$start $end"
	done | awk '{ print ($2 - $1) * 1000 }' | sort -n | awk '{ v[NR] = $1 } END { m = (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2; printf "%.2f", m }'
}

empty=$(median_ms "$work/empty-go")
help=$(median_ms "$work/jalsa" help)
true_=$(median_ms /bin/true)
printf 'median of %d runs (ms)\n' "$n"
printf '  jalsa help        %7s   %5.2f× the empty Go program\n' "$help" "$(awk -v a="$help" -v b="$empty" 'BEGIN { print a / b }')"
if [ -n "${BASE:-}" ]; then
	base=$(median_ms "$BASE" help)
	printf '  %s help  %7s   %5.2f× the empty Go program\n' "$(basename "$BASE")" "$base" "$(awk -v a="$base" -v b="$empty" 'BEGIN { print a / b }')"
fi
printf '  empty Go program  %7s   baseline: start of the Go runtime\n' "$empty"
printf '  /bin/true         %7s   baseline: start of a process\n' "$true_"
