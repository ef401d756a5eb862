#!/usr/bin/env bash
# The test command of wifo (README, .ci/run): installs what the browser tests need on a fresh
# machine — Debian's chromium and chromium-driver (as root; otherwise it prints the command and
# fails) and axe-core from the npm registry (`npm ci --prefix tests/browser`) —, starts a
# throw-away PostgreSQL server for the PostgreSQL backend's tests (`scripts/postgres.sh`,
# installing Debian's postgresql when missing), then runs every test of the workspace in release
# mode with every feature.
set -euo pipefail
cd "$(dirname "$0")/.."

if ! command -v chromium >/dev/null 2>&1 || ! command -v chromedriver >/dev/null 2>&1; then
    if [ "$(id -u)" = 0 ]; then
        apt-get update
        apt-get install -y chromium chromium-driver
    else
        echo "Chromium und chromedriver fehlen. Bitte als root ausführen:" >&2
        echo "  apt-get install -y chromium chromium-driver" >&2
        exit 1
    fi
fi
if [ ! -d tests/browser/node_modules ]; then
    npm ci --prefix tests/browser
fi
# Exports WIFO_POSTGRES_URL and WIFO_POSTGRES_DATA; stops the server when this script ends.
source scripts/postgres.sh
# The flood test opens 10,000 sockets in one process; many shells start with 1,024 handles.
ulimit -n "$(ulimit -Hn)" 2>/dev/null || true
cargo test --workspace --release --all-features --locked "$@"
