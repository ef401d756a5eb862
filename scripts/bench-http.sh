#!/usr/bin/env bash
# HTTP load benchmark of wifo: builds the release binaries, fills a data directory with the demo
# office (≥ 1M events), measures the cold start without and with the views snapshot, then runs
# the load generator `wifo-load` (tests/src/bin/wifo-load.rs) against `wifo serve` — the HTTP
# floor (/healthz), HTTP + token authentication, organization profile, directory search and the
# 70/30 read/write mix at 64 keep-alive connections — and prints every number with the verdict
# against the targets (profile p99 ≤ 2 ms; mixed ≥ 15,000 req/s, p99 ≤ 20 ms; 0 errors; cold
# start from snapshot ≤ 3 s) and the server's RSS.
#
# Run from anywhere (takes ~4 minutes, plus ~1.5 minutes the first time for the demo data):
#   scripts/bench-http.sh 2>&1 | tee bench-http.txt
# Run it on a quiet machine: the generator shares the CPUs with the server (its share is printed).
# Knobs (environment):
#   WIFO_BENCH_DATA=DIR        data directory, kept between runs (default ~/.cache/wifo-bench-http)
#   WIFO_BENCH_FRESH=1         regenerate the demo data even if DIR holds enough events
#   WIFO_BENCH_ORGS=45000      businesses of the demo office; WIFO_BENCH_YEARS=10 years it covers
#                              (45,000 × 10 years ≈ 1.05M events; the demo writes ~26 events per
#                              business over 10 years, ~11 over 3)
#   WIFO_BENCH_SECONDS=10      measured seconds per scenario (after WIFO_BENCH_WARMUP=2)
#   WIFO_BENCH_CONNECTIONS=64  connections of the scenarios without an explicit `@N`
#   WIFO_BENCH_SCENARIOS=…     e.g. `profile,mixed` (see `wifo-load run --help`)
#   WIFO_BENCH_USERS=8         staff users (and API tokens) the connections are spread over
#   WIFO_BENCH_SUSTAINED=0     seconds of a second, long mixed run; the running views write a
#                              snapshot every 15 minutes while events arrive and apply nothing
#                              meanwhile, so 960 includes one (reads and writes of users with a
#                              pending write wait for it, 503 after 2 s)
#   WIFO_BENCH_LISTEN=127.0.0.1:8088
#   CARGO_TARGET_DIR           (default ~/.cache/wifo-target)
set -euo pipefail

cd "$(dirname "$0")/.."
export CARGO_TARGET_DIR=${CARGO_TARGET_DIR:-$HOME/.cache/wifo-target}
DATA=${WIFO_BENCH_DATA:-$HOME/.cache/wifo-bench-http}
ORGS=${WIFO_BENCH_ORGS:-45000}
YEARS=${WIFO_BENCH_YEARS:-10}
SECONDS_PER=${WIFO_BENCH_SECONDS:-10}
WARMUP=${WIFO_BENCH_WARMUP:-2}
CONNECTIONS=${WIFO_BENCH_CONNECTIONS:-64}
USERS=${WIFO_BENCH_USERS:-8}
SUSTAINED=${WIFO_BENCH_SUSTAINED:-0}
LISTEN=${WIFO_BENCH_LISTEN:-127.0.0.1:8088}
MIN_EVENTS=1000000

echo "== build (release)"
cargo build --release -p wifo-server -p wifo-tests --bin wifo --bin wifo-load
WIFO=$CARGO_TARGET_DIR/release/wifo
LOAD=$CARGO_TARGET_DIR/release/wifo-load

elapsed() {
    awk -v from="$1" -v to="$(date +%s.%N)" 'BEGIN { printf "%.1f", to - from }'
}

events_in() {
    "$WIFO" events stats --data "$1" --json | grep -m1 '"events"' | tr -dc '0-9'
}

echo
echo "== machine: $(nproc) CPUs, $(free -g | awk '/^Mem:/ {print $2}') GiB RAM; load average:$(uptime | sed 's/.*load average://')"

echo
echo "== data: $DATA"
existing=0
if [[ -f "$DATA/events.sqlite" && "${WIFO_BENCH_FRESH:-0}" != 1 ]]; then
    existing=$(events_in "$DATA")
fi
if ((existing < MIN_EVENTS)); then
    rm -rf "$DATA"
    echo "wifo demo --orgs $ORGS --years $YEARS (a few minutes) …"
    started=$(date +%s.%N)
    "$WIFO" demo --data "$DATA" --orgs "$ORGS" --years "$YEARS" > "$DATA.demo.log" 2>&1 ||
        { tail -20 "$DATA.demo.log"; exit 1; }
    echo "demo written in $(elapsed "$started") s:"
    grep -E "Befehle|Unternehmen \(" "$DATA.demo.log" || true
else
    echo "reusing the existing data (WIFO_BENCH_FRESH=1 regenerates it)"
fi
events=$(events_in "$DATA")
echo "events in the log: $events; size on disk: $(du -sh "$DATA" | cut -f1)"
if ((events < MIN_EVENTS)); then
    echo "fewer than $MIN_EVENTS events: raise WIFO_BENCH_ORGS" >&2
    exit 1
fi

TOKENS=$DATA/bench-tokens.txt
if [[ ! -s "$TOKENS" ]]; then
    : > "$TOKENS.new"
    for i in $(seq 1 "$USERS"); do
        echo "bench-load-password-$i" |
            "$WIFO" user add --data "$DATA" --name "bench-$i" --role staff --password-stdin > /dev/null ||
            echo "(bench-$i exists already)"
        echo "bench-$i $("$WIFO" token create --data "$DATA" --user "bench-$i")" >> "$TOKENS.new"
    done
    mv "$TOKENS.new" "$TOKENS"
fi
echo "users: $(wc -l < "$TOKENS") staff users with API tokens in $TOKENS"

echo
echo "== cold start (b): without snapshot, full replay of the log"
rm -f "$DATA/views.snapshot"
"$LOAD" cold-start --wifo "$WIFO" --data "$DATA" --listen "$LISTEN" --log "$DATA.serve.log"

echo
echo "== cold start (a): from the snapshot written at the SIGTERM above"
"$LOAD" cold-start --wifo "$WIFO" --data "$DATA" --listen "$LISTEN" --log "$DATA.serve.log"

echo
echo "== load: wifo serve --data $DATA --listen $LISTEN"
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
echo "(the column \"other\" is the CPU everything else on the machine used meanwhile: keep it near 0 %)"
scenarios=()
if [[ -n "${WIFO_BENCH_SCENARIOS:-}" ]]; then
    scenarios=(--scenarios "$WIFO_BENCH_SCENARIOS")
fi
"$LOAD" run --addr "$LISTEN" --tokens "$TOKENS" --pid "$SERVER" \
    --connections "$CONNECTIONS" --seconds "$SECONDS_PER" --warmup "$WARMUP" "${scenarios[@]}"

if ((SUSTAINED > 0)); then
    echo
    echo "== sustained: mixed 70/30 for $SUSTAINED s"
    "$LOAD" run --addr "$LISTEN" --tokens "$TOKENS" --pid "$SERVER" \
        --connections "$CONNECTIONS" --seconds "$SUSTAINED" --warmup 0 --scenarios mixed
fi

echo
echo "== stop: SIGTERM (the server finishes requests, writes the snapshot, drains the writer)"
stopping=$(date +%s.%N)
kill -TERM "$SERVER"
wait "$SERVER" || true
trap - EXIT
echo "stopped after $(elapsed "$stopping") s"

echo
echo "== cold start (a) again: from the snapshot written after the load ($(events_in "$DATA") events)"
"$LOAD" cold-start --wifo "$WIFO" --data "$DATA" --listen "$LISTEN" --log "$DATA.serve.log"
