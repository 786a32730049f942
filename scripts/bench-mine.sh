#!/usr/bin/env bash
# Benchmark of `polku mine` against pm4py, with a bare CSV parse as the floor.
#
#   scripts/bench-mine.sh            (from anywhere; works from a fresh clone)
#
# 1. Generates the logs with the shared generator (kept in target/bench/ and
#    reused on later runs; the seeds make them identical every time):
#    a 1,000,000-event CSV (seed 11) and a 100,000-event XES (seed 7).
# 2. Builds `polku` and the `csv_floor` example in release mode, and installs
#    pm4py into a virtualenv at target/pm4py-venv (reused when present).
# 3. Runs each command once untimed (warm-up; its output is kept for the
#    correctness check), then RUNS times (default 3) under /usr/bin/time -v,
#    output to /dev/null, and reports the median wall time and the median
#    peak RSS of the whole process:
#      CSV:  polku mine --json | pm4py oracle (pm4py_reference.py) | csv_floor
#      XES:  polku mine --json | pm4py.read_xes alone
#    plus `import pm4py` alone, the fixed start-up cost inside every pm4py row.
# 4. Checks that polku's JSON equals the oracle's on the 1M CSV (and, when
#    polku reads XES, that its report of the XES equals the oracle's on the
#    same log's CSV twin) with scripts/compare-with-oracle.py.
#
# Environment: RUNS (default 3), POLKU_SHARED (default ../shared next to the
# repository), PM4PY_SPEC (pip requirement, default "pm4py").
set -euo pipefail
cd "$(dirname "$0")/.."

RUNS=${RUNS:-3}
SHARED=${POLKU_SHARED:-../shared}
PM4PY_SPEC=${PM4PY_SPEC:-pm4py}
BENCH=target/bench
VENV=target/pm4py-venv
CSV_LOG=$BENCH/log1m.csv
XES_LOG=$BENCH/log100k.xes
XES_TWIN=$BENCH/log100k.csv
POLKU=target/release/polku
FLOOR=target/release/examples/csv_floor

die() {
    echo "bench-mine: $*" >&2
    exit 1
}

APT_UPDATED=no
apt_install() {
    local sudo=""
    if [ "$(id -u)" != 0 ]; then sudo=sudo; fi
    if [ "$APT_UPDATED" = no ]; then
        $sudo apt-get update -qq
        APT_UPDATED=yes
    fi
    DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "$@" >/dev/null
}

# --- Tools -------------------------------------------------------------------

[ -f "$SHARED/tools/gen_event_log.py" ] || die "$SHARED/tools/gen_event_log.py not found (set POLKU_SHARED)"
[ -f "$SHARED/tools/pm4py_reference.py" ] || die "$SHARED/tools/pm4py_reference.py not found (set POLKU_SHARED)"
command -v python3 >/dev/null || apt_install python3
if [ ! -x /usr/bin/time ]; then
    echo "==> installing Debian's time package for /usr/bin/time"
    apt_install time
fi

if ! "$VENV/bin/python" -c 'import pm4py' 2>/dev/null; then
    echo "==> installing $PM4PY_SPEC into $VENV"
    if [ ! -x "$VENV/bin/python" ]; then
        rm -rf "$VENV"
        if ! python3 -m venv "$VENV" 2>/dev/null; then
            rm -rf "$VENV"
            apt_install python3-venv
            python3 -m venv "$VENV"
        fi
    fi
    "$VENV/bin/python" -m pip install --quiet --upgrade pip
    "$VENV/bin/python" -m pip install --quiet "$PM4PY_SPEC"
fi
PM4PY_VERSION=$("$VENV/bin/python" -c 'import pm4py; print(pm4py.__version__)' 2>/dev/null)

echo "==> building polku and csv_floor (release)"
cargo build --release --quiet -p polku
cargo build --release --quiet -p polku-mining --example csv_floor

# --- Logs --------------------------------------------------------------------

mkdir -p "$BENCH"
# A log is regenerated when missing or made with other arguments (FILE.args).
CSV_ARGS="--target-events 1000000 --seed 11"
XES_ARGS="--target-events 100000 --seed 7"
if [ ! -s "$CSV_LOG" ] || [ "$(cat "$CSV_LOG.args" 2>/dev/null)" != "$CSV_ARGS" ]; then
    echo "==> generating $CSV_LOG"
    # shellcheck disable=SC2086 # word splitting of the arguments is meant
    python3 "$SHARED/tools/gen_event_log.py" $CSV_ARGS -o "$CSV_LOG.tmp"
    mv "$CSV_LOG.tmp" "$CSV_LOG"
    echo "$CSV_ARGS" >"$CSV_LOG.args"
fi
if [ ! -s "$XES_LOG" ] || [ ! -s "$XES_TWIN" ] || [ "$(cat "$XES_LOG.args" 2>/dev/null)" != "$XES_ARGS" ]; then
    echo "==> generating $XES_LOG"
    # shellcheck disable=SC2086
    python3 "$SHARED/tools/gen_event_log.py" $XES_ARGS -o "$XES_TWIN.tmp" --xes "$XES_LOG.tmp"
    mv "$XES_TWIN.tmp" "$XES_TWIN"
    mv "$XES_LOG.tmp" "$XES_LOG"
    echo "$XES_ARGS" >"$XES_LOG.args"
fi

# --- Measuring ---------------------------------------------------------------

declare -A WALL=() RSS=() NOTE=()

median() {
    sort -g | awk '{ v[NR] = $1 } END { if (NR % 2) print v[(NR + 1) / 2]; else print (v[NR / 2] + v[NR / 2 + 1]) / 2 }'
}

# measure KEY OUTPUT COMMAND...: one untimed run with standard output into
# OUTPUT (or /dev/null), then RUNS timed runs with it into /dev/null. Sets
# WALL[KEY] (seconds) and RSS[KEY] (MB), or NOTE[KEY] when the command fails.
measure() {
    local key=$1 output=$2
    shift 2
    local err=$BENCH/$key.stderr timing=$BENCH/$key.time
    printf '  %-16s' "$key"
    if ! "$@" >"$output" 2>"$err"; then
        NOTE[$key]="failed: $(grep -v '^\s*$' "$err" | tail -n 1 | cut -c1-90)"
        echo " ${NOTE[$key]}"
        return 0
    fi
    local walls=() peaks=() i start end
    for ((i = 1; i <= RUNS; i++)); do
        start=$(date +%s.%N)
        if ! /usr/bin/time -v -o "$timing" "$@" >/dev/null 2>"$err"; then
            NOTE[$key]="failed on run $i: $(grep -v '^\s*$' "$err" | tail -n 1 | cut -c1-80)"
            echo " ${NOTE[$key]}"
            return 0
        fi
        end=$(date +%s.%N)
        walls+=("$(awk -v a="$start" -v b="$end" 'BEGIN { printf "%.3f", b - a }')")
        peaks+=("$(awk -F': ' '/Maximum resident set size/ { printf "%.1f", $2 / 1024 }' "$timing")")
        printf ' %ss' "${walls[-1]}"
    done
    WALL[$key]=$(printf '%s\n' "${walls[@]}" | median)
    RSS[$key]=$(printf '%s\n' "${peaks[@]}" | median)
    echo
}

ratio() { # ratio A B: A / B with one decimal, or "-" when either is missing
    if [ -n "${1:-}" ] && [ -n "${2:-}" ]; then
        awk -v a="$1" -v b="$2" 'BEGIN { if (b > 0) printf "%.1f", a / b; else print "-" }'
    else
        echo "-"
    fi
}

echo "==> machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ *//'), load $(cut -d' ' -f1-3 /proc/loadavg)"
echo "==> polku $(git rev-parse --short HEAD 2>/dev/null || echo '?')$(git diff --quiet 2>/dev/null || echo '+changes'), pm4py $PM4PY_VERSION; median of $RUNS runs (seconds per run shown)"

echo "==> $CSV_LOG ($(du -m "$CSV_LOG" | cut -f1) MB)"
measure polku-csv "$BENCH/polku1m.json" "$POLKU" mine "$CSV_LOG" --json
measure pm4py-csv "$BENCH/oracle1m.json" "$VENV/bin/python" "$SHARED/tools/pm4py_reference.py" "$CSV_LOG"
measure floor-csv /dev/null "$FLOOR" "$CSV_LOG"

echo "==> $XES_LOG ($(du -m "$XES_LOG" | cut -f1) MB)"
measure polku-xes "$BENCH/polku100k-xes.json" "$POLKU" mine "$XES_LOG" --json
measure pm4py-xes /dev/null "$VENV/bin/python" -c 'import sys, pm4py; pm4py.read_xes(sys.argv[1])' "$XES_LOG"
measure pm4py-import /dev/null "$VENV/bin/python" -c 'import pm4py'

echo "==> correctness"
CORRECT_CSV="not checked"
if [ -z "${NOTE[polku-csv]:-}" ] && [ -z "${NOTE[pm4py-csv]:-}" ]; then
    CORRECT_CSV=$(python3 scripts/compare-with-oracle.py "$BENCH/polku1m.json" "$BENCH/oracle1m.json" || true)
fi
echo "  log1m.csv, polku vs pm4py oracle: $CORRECT_CSV"
CORRECT_XES="not checked (polku could not read the XES)"
if [ -z "${NOTE[polku-xes]:-}" ]; then
    "$VENV/bin/python" "$SHARED/tools/pm4py_reference.py" "$XES_TWIN" >"$BENCH/oracle100k.json"
    CORRECT_XES=$(python3 scripts/compare-with-oracle.py "$BENCH/polku100k-xes.json" "$BENCH/oracle100k.json" || true)
fi
echo "  log100k.xes (polku) vs its CSV twin (pm4py oracle): $CORRECT_XES"

# --- Table -------------------------------------------------------------------

row() { # row LOG WHAT KEY
    local key=$3
    if [ -n "${NOTE[$key]:-}" ]; then
        printf '| %-11s | %-26s | %8s | %8s | %s\n' "$1" "$2" "-" "-" "${NOTE[$key]}"
    else
        printf '| %-11s | %-26s | %8.2f | %8.0f |\n' "$1" "$2" "${WALL[$key]}" "${RSS[$key]}"
    fi
}

echo
echo "| log         | command                    |   wall s |  peak MB |"
echo "|-------------|----------------------------|---------:|---------:|"
row log1m.csv "polku mine --json" polku-csv
row log1m.csv "pm4py oracle" pm4py-csv
row log1m.csv "csv crate floor" floor-csv
row log100k.xes "polku mine --json" polku-xes
row log100k.xes "pm4py.read_xes" pm4py-xes
row "-" "python -c 'import pm4py'" pm4py-import
echo
echo "| ratio                          |  wall |   RSS |"
echo "|--------------------------------|------:|------:|"
printf '| %-30s | %5s | %5s |\n' "pm4py/polku, 1M CSV" \
    "$(ratio "${WALL[pm4py-csv]:-}" "${WALL[polku-csv]:-}")" "$(ratio "${RSS[pm4py-csv]:-}" "${RSS[polku-csv]:-}")"
printf '| %-30s | %5s | %5s |\n' "polku/floor, 1M CSV" \
    "$(ratio "${WALL[polku-csv]:-}" "${WALL[floor-csv]:-}")" "$(ratio "${RSS[polku-csv]:-}" "${RSS[floor-csv]:-}")"
printf '| %-30s | %5s | %5s |\n' "pm4py read_xes/polku, 100k XES" \
    "$(ratio "${WALL[pm4py-xes]:-}" "${WALL[polku-xes]:-}")" "$(ratio "${RSS[pm4py-xes]:-}" "${RSS[polku-xes]:-}")"
echo
echo "correctness (1M CSV): $CORRECT_CSV"
echo "correctness (100k XES): $CORRECT_XES"
case "$CORRECT_CSV" in OK*) ;; *) exit 1 ;; esac
