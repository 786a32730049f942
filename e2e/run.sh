#!/usr/bin/env bash
# Browser end-to-end tests: headless Debian Chromium (/usr/bin/chromium) driven
# by playwright-core, with axe-core. Each test file starts its own polku server
# ($POLKU_BIN, default ../target/debug/polku) on a fresh temporary SQLite db.
set -uo pipefail
cd "$(dirname "$0")" || exit 1

if [ ! -d node_modules ]; then
  npm ci --no-audit --no-fund || exit 1
fi

# The timeout applies to each whole file too (Node runs each as one test):
# the crawl of every page as every role in three languages takes minutes.
# Test files are listed by the shell (tests/*.test.mjs): Node 20 also accepts
# a bare directory (`tests/`), but Node 21+ would try to load it as a module.
node --test --test-reporter=spec --test-timeout=600000 tests/*.test.mjs
exit $?
