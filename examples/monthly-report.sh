#!/bin/sh
# A month's report of an emulation campaign from a multi-period metrics CSV:
# the scores and ranks of every group, with the change since the month
# before, as Markdown (to read or mail) and CSV (to open in a spreadsheet:
# written for Excel on a Vietnamese Windows — UTF-8 BOM, `;`, decimal commas —
# so a double-click opens it in columns with the diacritics intact).
#
# Usage: sh examples/monthly-report.sh DATA.csv [YYYY-MM] [OUT_DIR]
#   YYYY-MM   month to report; default: last month (what cron wants)
#   OUT_DIR   default: reports; the files go to OUT_DIR/YYYY-MM/:
#             report.md (ranks then scores), rank.md, rank.csv, scores.md, scores.csv
# Environment (all optional):
#   THIDUA    the binary (default: thidua on the PATH)
#   CRITERIA  campaign YAML (default: the built-in plan 236/KH-UBND)
#   TIER      also draw this tier's quota line in the ranks (e.g. huyen)
#   LABELS    vi or en (default: vi)
#   CSV       plain: comma CSV with decimal points, for programs (default: excel)
#
# cron, 07:00 on the 3rd of every month, when last month's data is in:
#   0 7 3 * * cd /srv/thidua && sh examples/monthly-report.sh data/monthly.csv >>reports/cron.log 2>&1
# The script stops at the first error (exit 1 bad data, 2 bad usage) and
# leaves nothing behind: the files are made in a temporary folder and moved
# to OUT_DIR/YYYY-MM only when all of them are written.
# A unit with no dossier that month is not graded: its class reads
# "không có hồ sơ trong kỳ". Windows: examples/monthly-report.ps1 does the same.
set -eu

[ $# -ge 1 ] || { echo "usage: $0 DATA.csv [YYYY-MM] [OUT_DIR]" >&2; exit 2; }
data=$1
thidua=${THIDUA:-thidua}

# The month before YYYY-MM, in plain shell arithmetic (no GNU date needed).
month_before() {
    y=${1%-*}
    m=${1#*-}
    m=${m#0}
    if [ "$m" -eq 1 ]; then
        printf '%04d-12\n' $((y - 1))
    else
        printf '%04d-%02d\n' "$y" $((m - 1))
    fi
}

month=${2:-$(month_before "$(date +%Y-%m)")}
case $month in
    [0-9][0-9][0-9][0-9]-[0-1][0-9]) ;;
    *) echo "$0: month must be YYYY-MM, got '$month'" >&2; exit 2 ;;
esac
dir=${3:-reports}/$month
prev=$(month_before "$month")
# The first month of the data has nothing to compare with.
if ! grep -q ",$prev," "$data"; then
    echo "$0: no $prev rows in $data: the report shows no change" >&2
    prev=
fi
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

# report COMMAND OUTPUT [FLAG...]: one thidua run for the month, with the
# change since the month before when there is one.
report() {
    cmd=$1
    out=$2
    shift 2
    set -- "$cmd" "$data" --period "$month" --lang "${LABELS:-vi}" -o "$work/$out" "$@"
    if [ -n "$prev" ]; then set -- "$@" --baseline-period "$prev"; fi
    if [ -n "${CRITERIA:-}" ]; then set -- "$@" --criteria "$CRITERIA"; fi
    if [ "$1" = rank ] && [ -n "${TIER:-}" ]; then set -- "$@" --tier "$TIER"; fi
    "$thidua" "$@"
}

case ${CSV:-excel} in
    plain) csv=--format=csv ;;
    excel) csv=--excel ;;
    *) echo "$0: CSV must be excel or plain, got '$CSV'" >&2; exit 2 ;;
esac
report rank rank.md
report rank rank.csv "$csv"
report score scores.md
report score scores.csv "$csv"
# "tháng 10/2023", as people write a month.
m=${month#*-}
shown="${m#0}/${month%-*}"
case ${LABELS:-vi} in
    en) title="Emulation campaign report, month $shown" ;;
    *) title="Báo cáo thi đua tháng $shown" ;;
esac
{
    printf '# %s\n\n' "$title"
    cat "$work/rank.md" "$work/scores.md"
} >"$work/report.md"
mkdir -p "$dir"
for f in report.md rank.md rank.csv scores.md scores.csv; do
    mv "$work/$f" "$dir/$f"
done
echo "$dir"
