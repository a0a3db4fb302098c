# Sourced by the bench scripts: a generated metrics file of N units in
# $data and the release build in $bin. usage: . bench/prepare.sh N
# The file is kept while it is newer than its generator (a million units take
# 15 s to write), and written under another name first so that an interrupted
# run leaves no half file behind.
mkdir -p target/bench
data=target/bench/metrics-$1.csv
if ! [ "$data" -nt bench/gen_metrics.py ]; then
  python3 bench/gen_metrics.py "$1" > "$data.part" && mv "$data.part" "$data"
fi
cargo build --release --quiet
bin=target/release/thidua
