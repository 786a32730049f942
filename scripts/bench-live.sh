#!/usr/bin/env bash
# Live-session fan-out under load (issue 10): N participants hold their SSE
# streams while notes are posted; p50/p99 post-to-arrival latency over every
# stream, events lost and duplicated, the server's peak memory; on SQLite, on
# PostgreSQL with two `polku serve` instances, and a bare broadcast floor
# measured the same way, in one run. Prints a markdown table.
#
#   scripts/bench-live.sh [N...]          default: 100 1000 2000 5000 10000
#
# Environment: POLKU_TEST_DATABASE_URL (default postgres://postgres@127.0.0.1:5432),
# BENCH_LIVE_BACKENDS (default sqlite,postgres), BENCH_LIVE_ARGS (more
# arguments, e.g. "--notes 50 --rate 10 --posters 10").
set -euo pipefail
cd "$(dirname "$0")/.."
sizes=("$@")
if [ ${#sizes[@]} -eq 0 ]; then
    sizes=(100 1000 2000 5000 10000)
fi
n_list=$(IFS=,; echo "${sizes[*]}")
# Each stream is one socket in the client and one in the server.
ulimit -n 65536 2>/dev/null || ulimit -n "$(ulimit -Hn)"
echo "open files: $(ulimit -n) per process" >&2
cargo build --locked --release -p polku
target=$(cargo metadata --format-version 1 --no-deps | sed -n 's/.*"target_directory":"\([^"]*\)".*/\1/p')
# shellcheck disable=SC2086
cargo bench --locked -p polku-web --bench live_fanout -- \
    --polku "$target/release/polku" \
    --n "$n_list" \
    --backends "${BENCH_LIVE_BACKENDS:-sqlite,postgres}" \
    ${BENCH_LIVE_ARGS:-}
