#!/usr/bin/env bash
# /healthz latency during a burst of 30 failed logins, against idle /healthz
# latency (the floor), in one run, as a ratio. Password hashing runs on a
# bounded blocking pool, so the burst should barely move /healthz.
#
#   scripts/bench-login-burst.sh
set -euo pipefail
cd "$(dirname "$0")/.."
cargo bench --locked -p polku-web --bench login_burst
