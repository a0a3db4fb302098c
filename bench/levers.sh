#!/usr/bin/env bash
# Times `thidua rank --tier huyen --levers` on a generated 10,000-unit metrics
# file (target: < 1 s): every unit outside the line × every lever of the
# built-in campaign, each k exact. The plain `rank` of the same file is timed
# beside it, so the difference is the cost of the search.
#
# Measured (10,000 units × 7 levers, 9,987 outside the line; release with LTO,
# 2 shared cores; hyperfine 10 runs; callgrind instruction counts):
#   rank --tier huyen            0.05 s wall, 0.03 s user, 0.33 G instructions
#   rank --tier huyen --levers   0.43 s wall, 0.18 s user, 1.65 G instructions
#   (before probes re-scored into a reused score and the ceiling skipped
#   hopeless searches: 1.7–3.3 s wall, 0.94–1.42 s user, 9.10 G instructions)
#
# usage: bench/levers.sh [UNITS=10000]
set -euo pipefail
cd "$(dirname "$0")/.."
n=${1:-10000}
. bench/prepare.sh "$n"
"$bin" rank --tier huyen --levers "$data" --format json > target/bench/levers-$n.json
python3 - "target/bench/levers-$n.json" <<'PY'
import json, sys
units = json.load(open(sys.argv[1]))["units"]
asked = [u for u in units if u.get("levers") is not None]
answers = [a for u in asked for a in u["levers"]]
reached = sum(a["reachable"] for a in answers)
bent = [(u["unit_id"], a["id"]) for u in asked for a in u["levers"] if not a["monotone"]]
print(f"units: {len(units)}; outside the line: {len(asked)}; answers: {len(answers)} ({reached} reachable)")
print(f"not monotone in k (decided by a scan): {len(bent)}", bent[:5])
PY
if command -v hyperfine > /dev/null; then
  hyperfine --warmup 2 --runs 10 -N \
    "$bin rank --tier huyen $data --format csv" \
    "$bin rank --tier huyen --levers $data --format csv"
else
  for cmd in "rank --tier huyen $data --format csv" "rank --tier huyen --levers $data --format csv"; do
    echo "thidua $cmd"
    # shellcheck disable=SC2086
    for _ in 1 2 3; do /usr/bin/time -f "  %e s, %M KiB" "$bin" $cmd > /dev/null; done
  done
fi
