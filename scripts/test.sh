#!/usr/bin/env bash
# Polku's one test command (see CONTRACT.md, "Two commands").
#
# On a fresh machine it installs what the tests need (Debian's chromium, and
# PostgreSQL when no server answers), then runs: cargo fmt --check, clippy with
# -D warnings, every Rust test (store, HTTP and CLI tests each on SQLite and on
# PostgreSQL), and the browser tests in headless Chromium with axe-core.
# A missing PostgreSQL fails the run; nothing is skipped. Timing per stage is
# printed at the end.
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$(pwd)

declare -a TIMINGS=()
stage() {
    local name=$1
    shift
    local start=$SECONDS
    echo
    echo "==> $name"
    "$@"
    TIMINGS+=("$(printf '%-28s %4ss' "$name" $((SECONDS - start)))")
}

print_timings() {
    echo
    echo "Stage timings:"
    for line in "${TIMINGS[@]}"; do echo "  $line"; done
    echo "  total                        ${SECONDS}s"
}

APT_UPDATED=no
apt_install() {
    if [ "$APT_UPDATED" = no ]; then
        apt-get update -qq
        APT_UPDATED=yes
    fi
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "$@" >/dev/null
}

install_tools() {
    if [ ! -x /usr/bin/chromium ]; then
        echo "installing Debian's chromium"
        apt_install chromium
    fi
    if ! command -v node >/dev/null || ! command -v npm >/dev/null; then
        echo "installing node and npm"
        apt_install nodejs npm
    fi
    if ! command -v pg_isready >/dev/null || ! command -v psql >/dev/null; then
        echo "installing the PostgreSQL client"
        apt_install postgresql-client
    fi
    rustup component list --installed 2>/dev/null | grep -q '^clippy' || rustup component add clippy rustfmt
}

PRIVATE_PG_DIR=""
stop_private_postgres() {
    if [ -n "$PRIVATE_PG_DIR" ] && [ -d "$PRIVATE_PG_DIR" ]; then
        runuser -u postgres -- "$PG_BIN/pg_ctl" -D "$PRIVATE_PG_DIR/data" -m immediate stop >/dev/null 2>&1 || true
        rm -rf "$PRIVATE_PG_DIR"
    fi
}
trap stop_private_postgres EXIT

pg_answers() {
    psql "$1" -Atqc 'SELECT 1' >/dev/null 2>&1
}

find_postgres() {
    if [ -n "${POLKU_TEST_DATABASE_URL:-}" ]; then
        echo "using POLKU_TEST_DATABASE_URL"
    elif pg_answers "postgres://postgres@127.0.0.1:5432/postgres"; then
        export POLKU_TEST_DATABASE_URL="postgres://postgres@127.0.0.1:5432"
        echo "using the server at 127.0.0.1:5432"
    else
        echo "no PostgreSQL answers at 127.0.0.1:5432: starting a private cluster"
        if ! ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1; then
            apt_install postgresql
        fi
        PG_BIN=$(dirname "$(ls /usr/lib/postgresql/*/bin/initdb | sort -V | tail -n 1)")
        PRIVATE_PG_DIR=$(mktemp -d /tmp/polku-pg.XXXXXX)
        chown postgres "$PRIVATE_PG_DIR"
        local port
        port=$(python3 -c 'import socket;s=socket.socket();s.bind(("127.0.0.1",0));print(s.getsockname()[1])')
        runuser -u postgres -- "$PG_BIN/initdb" -D "$PRIVATE_PG_DIR/data" -U postgres --auth=trust >/dev/null
        runuser -u postgres -- "$PG_BIN/pg_ctl" -D "$PRIVATE_PG_DIR/data" -w -l "$PRIVATE_PG_DIR/log" \
            -o "-p $port -k $PRIVATE_PG_DIR -c listen_addresses=127.0.0.1 -c max_connections=300" start >/dev/null
        export POLKU_TEST_DATABASE_URL="postgres://postgres@127.0.0.1:$port"
    fi
    local base=${POLKU_TEST_DATABASE_URL%/}
    if ! pg_answers "$base/postgres"; then
        echo "PostgreSQL at $POLKU_TEST_DATABASE_URL does not answer: failing, not skipping." >&2
        exit 1
    fi
}

e2e_deps() {
    (cd e2e && npm ci --no-audit --no-fund --loglevel=error)
}

rust_tests() {
    cargo test --workspace --all-targets --locked
}

browser_tests() {
    # `cargo test` above already built target/debug/polku (the CLI tests run
    # it); building it again alone would recompile half the dependencies with
    # other features.
    [ -x target/debug/polku ] || cargo build --locked --bin polku
    POLKU_BIN="$ROOT/target/debug/polku" e2e/run.sh
}

stage "install tools" install_tools
stage "find PostgreSQL" find_postgres
stage "npm ci (e2e)" e2e_deps
stage "cargo fmt --check" cargo fmt --all -- --check
stage "cargo clippy" cargo clippy --workspace --all-targets --locked -- -D warnings
stage "rust tests (SQLite+PostgreSQL)" rust_tests
stage "browser tests (Chromium+axe)" browser_tests
print_timings
