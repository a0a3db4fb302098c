#!/usr/bin/env bash
# Issue 20's table: how thidua's cost grows with the number of units, against
# DuckDB doing the same scoring in SQL (bench/scale.sql, run by
# bench/duckdb_scale.py on 2 threads) on the same generated metrics file
# (bench/gen_metrics.py: the built-in campaign's 20 columns), both writing CSV.
#
#   thidua score FILE --format csv              vs  the `score` query
#   thidua rank --tier huyen FILE --format csv  vs  the `rank` query
#
# at 10,000, 100,000 and 1,000,000 units (with --big also 9,000,000, about
# 850 MB, one run each, thidua's address space capped at BIG_CAP GiB, 20 by
# default, so that it fails rather than takes the machine's memory), plus
# a bare Python `csv` parse of the 10,000-unit file, thidua's startup and
# DuckDB's (Python importing it and connecting, included in its times).
# Runs alternate between the contenders so that load from other work hits
# them alike; each figure is the median of RUNS runs (3 × RUNS at 10,000
# units) of wall time and of CPU time (user + system: less moved by other work
# on the machine, but DuckDB's two threads add up), and the largest peak RSS
# (/usr/bin/time). The outputs of thidua and DuckDB are compared at every
# size, so the race is between equal answers. DuckDB 1.x comes from PyPI into
# target/bench/venv. SIZES="10000 100000" picks other sizes.
#
# usage: bench/scale.sh [--big] [RUNS=5]
set -euo pipefail
cd "$(dirname "$0")/.."
big=false
if [ "${1:-}" = --big ]; then big=true; shift; fi
runs=${1:-5}
sizes=(${SIZES:-10000 100000 1000000})
$big && sizes+=(9000000)
work=target/bench/scale
mkdir -p "$work"

venv=target/bench/venv
if ! "$venv/bin/python" -c "import duckdb" 2> /dev/null; then
  python3 -m venv "$venv"
  "$venv/bin/pip" install --quiet 'duckdb>=1,<2'
fi
py=$venv/bin/python
# The interpreter itself: `python3` may be a version manager's shell script,
# whose startup would flatter thidua against the bare parse.
python=$(python3 -c 'import sys; print(sys.executable)')
files=()
for n in "${sizes[@]}"; do
  . bench/prepare.sh "$n"
  files+=("$data")
done

load_before=$(cut -d' ' -f1-3 /proc/loadavg)
times=$work/times
: > "$times"

# measure WORK UNITS CONTENDER COMMAND...: runs COMMAND with its standard
# output into $work/WORK-CONTENDER-UNITS.csv and appends
# "WORK UNITS CONTENDER WALL_µs PEAK_KIB CPU_s" to $times (NA when it failed).
measure() {
  local what=$1 n=$2 who=$3 t0 t1 kib user sys
  shift 3
  t0=$(date +%s%N)
  if /usr/bin/time -f "%M %U %S" -o "$work/rss" "$@" > "$work/$what-$who-$n.csv" 2> "$work/err"; then
    t1=$(date +%s%N)
    read -r kib user sys < <(tail -n 1 "$work/rss")
    echo "$what $n $who $(((t1 - t0) / 1000)) $kib $(awk -v u="$user" -v s="$sys" 'BEGIN { print u + s }')" >> "$times"
  else
    echo "$what $n $who NA NA NA" >> "$times"
    echo "failed: $* ($(tail -n 2 "$work/err" | tr '\n' ' '))" >&2
  fi
}

for i in "${!sizes[@]}"; do
  n=${sizes[$i]}
  file=${files[$i]}
  cap=()
  reps=$runs
  [ "$n" -le 10000 ] && reps=$((3 * runs))
  if [ "$n" -gt 1000000 ]; then # minutes a run, and most of the memory
    cap=(prlimit --as=$((${BIG_CAP:-20} << 30)))
    reps=1
  fi
  cat "$file" > /dev/null # every contender reads from the page cache
  echo "$n units: $reps alternated runs of each…" >&2
  for _ in $(seq "$reps"); do
    measure score "$n" thidua "${cap[@]}" "$bin" score "$file" --format csv
    measure score "$n" duckdb "$py" bench/duckdb_scale.py score "$file" /dev/stdout 2
    measure rank "$n" thidua "${cap[@]}" "$bin" rank --tier huyen "$file" --format csv
    measure rank "$n" duckdb "$py" bench/duckdb_scale.py rank "$file" /dev/stdout 2
    if [ "$n" -le 10000 ]; then
      measure csv "$n" python "$python" -c 'import csv,sys; sum(1 for _ in csv.reader(open(sys.argv[1])))' "$file"
      measure startup 0 thidua "$bin" --version
      measure startup 0 duckdb "$py" -c 'import duckdb; duckdb.connect()'
    fi
  done
done

load_after=$(cut -d' ' -f1-3 /proc/loadavg)
python3 bench/scale_report.py "$times" "$work" "$load_before" "$load_after" "${files[@]}"
