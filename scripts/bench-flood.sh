#!/usr/bin/env bash
# Flood benchmark of the public inquiry form: builds the release binaries, fills a data
# directory with the demo office (`wifo demo --orgs 5000`), starts `wifo serve` and runs
# `wifo-flood` (tests/src/bin/wifo-flood.rs): a staff member reads organization pages of the
# staff UI at a fixed rate for 20 s alone, 60 s beside a flood of public submissions from many
# loopback addresses, and 20 s alone again; prints the staff latencies per phase, the
# submissions accepted and refused per second, and the server's CPU.
#
# Run from anywhere (about 2 minutes, plus the demo data the first time):
#   scripts/bench-flood.sh 2>&1 | tee bench-flood.txt
# Knobs (environment):
#   WIFO_BENCH_DATA=DIR           data directory (default ~/.cache/wifo-bench-flood; the flood's
#                                 inquiries stay in it, WIFO_BENCH_FRESH=1 starts over)
#   WIFO_BENCH_ORGS=5000          businesses of the demo office
#   WIFO_FLOOD_SECONDS=60         seconds of the flood; WIFO_FLOOD_QUIET=20 seconds before and after
#   WIFO_FLOOD_CONNECTIONS=32     connections of the flood
#   WIFO_FLOOD_STAFF_RATE=100     staff pages per second; WIFO_FLOOD_STAFF_CONNECTIONS=8
#   WIFO_BENCH_LISTEN=127.0.0.1:8089
#   CARGO_TARGET_DIR              (default ~/.cache/wifo/target)
set -euo pipefail

cd "$(dirname "$0")/.."
export CARGO_TARGET_DIR=${CARGO_TARGET_DIR:-$HOME/.cache/wifo/target}
DATA=${WIFO_BENCH_DATA:-$HOME/.cache/wifo-bench-flood}
ORGS=${WIFO_BENCH_ORGS:-5000}
LISTEN=${WIFO_BENCH_LISTEN:-127.0.0.1:8089}

echo "== build (release)"
cargo build --release --workspace --all-targets --all-features
WIFO=$CARGO_TARGET_DIR/release/wifo
FLOOD=$CARGO_TARGET_DIR/release/wifo-flood

echo "== machine: $(nproc) CPUs; load average:$(uptime | sed 's/.*load average://')"

if [[ "${WIFO_BENCH_FRESH:-0}" == 1 ]]; then
    rm -rf "$DATA"
fi
PASSWORD=$DATA.password
if [[ ! -f "$DATA/events.sqlite" ]]; then
    echo "== wifo demo --orgs $ORGS"
    "$WIFO" demo --data "$DATA" --orgs "$ORGS" > "$DATA.demo.log" 2>&1 ||
        { tail -20 "$DATA.demo.log"; exit 1; }
    echo "bench-flood-password-1" > "$PASSWORD"
    "$WIFO" user add --data "$DATA" --name bench-flood --role staff --password-stdin < "$PASSWORD" > /dev/null
fi
echo "events in the log: $("$WIFO" events stats --data "$DATA" --json | grep -m1 '"events"' | tr -dc '0-9')"

"$WIFO" serve --data "$DATA" --listen "$LISTEN" > "$DATA.serve.log" 2>&1 &
SERVER=$!
trap 'kill -TERM $SERVER 2> /dev/null || true' EXIT
until curl -fs "http://$LISTEN/readyz" > /dev/null; do
    if ! kill -0 "$SERVER" 2> /dev/null; then
        cat "$DATA.serve.log"
        exit 1
    fi
    sleep 0.05
done

echo "== flood"
"$FLOOD" --addr "$LISTEN" --user bench-flood --password-file "$PASSWORD" --pid "$SERVER" \
    --quiet-seconds "${WIFO_FLOOD_QUIET:-20}" --flood-seconds "${WIFO_FLOOD_SECONDS:-60}" \
    --flood-connections "${WIFO_FLOOD_CONNECTIONS:-32}" \
    --staff-rate "${WIFO_FLOOD_STAFF_RATE:-100}" \
    --staff-connections "${WIFO_FLOOD_STAFF_CONNECTIONS:-8}"
