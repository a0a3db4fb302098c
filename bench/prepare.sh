# Sourced by the bench scripts: a generated metrics file of N units in
# $data and the release build in $bin. usage: . bench/prepare.sh N
mkdir -p target/bench
data=target/bench/metrics-$1.csv
python3 bench/gen_metrics.py "$1" > "$data"
cargo build --release --quiet
bin=target/release/thidua
