#!/usr/bin/env bash
# Times `thidua rank --sensitivity 10000` on 1,000 units × 10 criteria
# (target: under 2 s on a 2-core machine), on both cores and on one, and the
# same Monte Carlo in numpy as the peer (bench/sensitivity_numpy.py, checked
# first to give thidua's ranks at spread 0). numpy goes into a venv under
# target/bench the first time.
set -euo pipefail
cd "$(dirname "$0")/.."
. bench/prepare.sh 1000
draws=(rank "$data" --criteria bench/ten-criteria.yaml --tier huyen --sensitivity 10000 --spread 0.25 --seed 7 --format csv)
if command -v hyperfine > /dev/null; then
  hyperfine --warmup 1 --runs 10 -N --output=null \
    "$bin ${draws[*]}" \
    "taskset -c 0 $bin ${draws[*]}"
else
  for i in 1 2 3; do /usr/bin/time -f "2 cores: %e s" "$bin" "${draws[@]}" > /dev/null; done
  for i in 1 2 3; do /usr/bin/time -f "1 core: %e s" taskset -c 0 "$bin" "${draws[@]}" > /dev/null; done
fi

venv=target/bench/venv
[ -x "$venv/bin/python" ] || { python3 -m venv "$venv" && "$venv/bin/pip" install --quiet numpy; }
"$bin" rank "$data" --criteria bench/ten-criteria.yaml --tier huyen --format csv > target/bench/nominal.csv
"$venv/bin/python" bench/sensitivity_numpy.py "$data" 20 0 7 target/bench/nominal.csv > /dev/null
for i in 1 2 3; do
  echo "numpy: $("$venv/bin/python" bench/sensitivity_numpy.py "$data" 10000 0.25 7) s (draws only)"
done
