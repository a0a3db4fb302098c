#!/usr/bin/env bash
# Times `thidua import --dossiers` on a deterministic dossier file against
# DuckDB doing the same counting (bench/duckdb_dossiers.py) and against
# `wc -l` (the floor: reading the file once). Each contender runs RUNS times,
# interleaved so machine load hits them alike; the best wall time and the
# largest peak RSS of each are reported. Results of thidua and DuckDB are
# compared, so the race is between equal answers.
#
# usage: bench/dossiers.sh [ROWS=2000000] [RUNS=3]
set -euo pipefail
cd "$(dirname "$0")/.."
ROWS=${1:-2000000}
RUNS=${2:-3}
FROM=2023-01-01
TO=2023-10-31
WORK=target/bench
FILE=$WORK/dossiers-$ROWS.csv
mkdir -p "$WORK"

[ -f "$FILE" ] || python3 bench/gen_dossiers.py "$ROWS" "$FILE"
if ! "$WORK/venv/bin/python" -c "import duckdb" 2>/dev/null; then
  python3 -m venv "$WORK/venv"
  "$WORK/venv/bin/pip" install --quiet duckdb
fi
cargo build --release --quiet
BIN=target/release/thidua
cat "$FILE" > /dev/null # all contenders read from the page cache

measure() { # name, command...: appends "name seconds kib" to $WORK/times
  local name=$1; shift
  /usr/bin/time -f "$name %e %M" -o "$WORK/time.one" "$@" > "$WORK/$name.out" 2> "$WORK/$name.err"
  cat "$WORK/time.one" >> "$WORK/times"
}

: > "$WORK/times"
for _ in $(seq "$RUNS"); do
  measure thidua "$BIN" import --dossiers "$FILE" --from "$FROM" --to "$TO"
  measure duckdb "$WORK/venv/bin/python" bench/duckdb_dossiers.py "$FILE" "$FROM" "$TO"
  measure duckdb_nodup "$WORK/venv/bin/python" bench/duckdb_dossiers.py "$FILE" "$FROM" "$TO" --no-dup-check
  measure wc wc -l "$FILE"
done

# thidua prints unit_id,unit_name,group,counts…; DuckDB prints unit_id,counts…
diff <(tail -n +2 "$WORK/thidua.out" | cut -d, -f1,4- | sort) <(sort "$WORK/duckdb.out") > /dev/null \
  || { echo "thidua and DuckDB disagree on the counts" >&2; exit 1; }

awk -v rows="$ROWS" -v bytes="$(stat -c %s "$FILE")" '
  { if (!($1 in best) || $2 < best[$1]) best[$1] = $2; if ($3 > rss[$1]) rss[$1] = $3 }
  END {
    printf "file: %d dossier rows, %.0f MiB; best of runs, wall time; load average %s\n", rows, bytes / 1048576, load
    printf "%-14s %8s %14s %12s\n", "contender", "seconds", "rows/s", "peak RSS"
    n = split("thidua duckdb duckdb_nodup wc", order, " ")
    for (i = 1; i <= n; i++) { c = order[i]
      printf "%-14s %8.2f %14.0f %9.1f MiB\n", c, best[c], rows / best[c], rss[c] / 1024 }
    printf "ratio thidua/duckdb (same work: counts + unique numbers): %.2f\n", best["thidua"] / best["duckdb"]
    printf "ratio thidua/duckdb without the uniqueness check:         %.2f\n", best["thidua"] / best["duckdb_nodup"]
    printf "ratio thidua/wc -l:                                       %.1f\n", best["thidua"] / best["wc"]
  }' load="$(cut -d' ' -f1-3 /proc/loadavg)" "$WORK/times"
