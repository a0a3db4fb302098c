#!/usr/bin/env bash
# Times `thidua rank --tier huyen --levers` on a generated 10,000-unit metrics
# file (target: < 1 s): every unit outside the line × every lever of the
# built-in campaign, each k exact. The plain `rank` of the same file is timed
# beside it, so the difference is the cost of the search.
#
# usage: bench/levers.sh [UNITS=10000]
set -euo pipefail
cd "$(dirname "$0")/.."
n=${1:-10000}
data=target/bench/metrics-$n.csv
mkdir -p target/bench
python3 bench/gen_metrics.py "$n" > "$data"
cargo build --release --quiet
bin=target/release/thidua
"$bin" rank --tier huyen --levers "$data" --format csv > target/bench/levers-$n.csv
echo "units: $n; assessed (outside the line): $(awk -F, 'NR > 1 && $NF != "" || NR > 1' target/bench/levers-$n.csv | grep -vc ',in,' || true)"
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
