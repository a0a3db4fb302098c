#!/usr/bin/env bash
# Times `thidua rank` on a generated 10,000-unit metrics file (target: < 100 ms).
# Peer for the ratio: `xsv`-style floor = `wc -l` on the same file, and
# `python3 -c 'import csv…'` merely parsing it.
set -euo pipefail
cd "$(dirname "$0")/.."
n=${1:-10000}
. bench/prepare.sh "$n"
"$bin" rank --tier huyen "$data" --format csv > /dev/null
if command -v hyperfine > /dev/null; then
  hyperfine --warmup 3 --runs 30 -N \
    "$bin rank --tier huyen $data --format csv" \
    "$bin rank --tier huyen $data --format table" \
    "python3 -c 'import csv,sys; sum(1 for _ in csv.reader(open(sys.argv[1])))' $data" \
    "wc -l $data"
else
  for i in 1 2 3; do /usr/bin/time -f "%e s, %M KiB" "$bin" rank --tier huyen "$data" --format csv > /dev/null; done
fi
