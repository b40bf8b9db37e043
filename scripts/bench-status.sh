#!/usr/bin/env bash
# bench-status.sh: whole-process time of `jalsa status 2024-10 --json` on the
# built-in demo (issue 2's target: ≤ 20 ms), beside baselines measured in the
# same run: `jalsa help` (process start without the database) and /bin/true
# (process start alone). Prints the median of N runs of each (default 50).
#
#   scripts/bench-status.sh [N]
set -euo pipefail

n=${1:-50}
cd "$(dirname "$0")/.."
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
go build -o "$work/jalsa" .
export JALSA_DB="$work/j.db" JALSA_LANG=en

# Without a terminal the demo loads the database and prints its status.
"$work/jalsa" demo </dev/null >/dev/null
if ! "$work/jalsa" status 2024-10 --json >/dev/null; then
	echo "bench-status: the demo did not load" >&2
	exit 1
fi

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

status=$(median_ms "$work/jalsa" status 2024-10 --json)
help=$(median_ms "$work/jalsa" help)
true_=$(median_ms /bin/true)
printf 'median of %d runs (ms)\n' "$n"
printf '  jalsa status 2024-10 --json  %7s   target ≤ 20\n' "$status"
printf '  jalsa help                   %7s   baseline: start of jalsa\n' "$help"
printf '  /bin/true                    %7s   baseline: start of a process\n' "$true_"
awk -v s="$status" -v h="$help" 'BEGIN { printf "  status − help                %7.2f   the database part\n", s - h }'
