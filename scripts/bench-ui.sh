#!/usr/bin/env bash
# Page timings of the web UI on the ≥ 1M-event demo office (the data directory of
# scripts/bench-http.sh): starts `wifo serve` on it, logs in as staff, lead, planner and admin
# through the login form, requests every page REPEAT times and prints, per page, the median and
# the maximum time to the last byte as curl measures it on the same machine (so the number is
# the server's time plus one local round trip). Target: every page within 50 ms.
#
#   scripts/bench-ui.sh            (WIFO_BENCH_DATA, WIFO_BENCH_LISTEN, REPEAT=20 as knobs)
set -euo pipefail
cd "$(dirname "$0")/.."
export CARGO_TARGET_DIR=${CARGO_TARGET_DIR:-$HOME/.cache/wifo-target}
DATA=${WIFO_BENCH_DATA:-$HOME/.cache/wifo-bench-http}
LISTEN=${WIFO_BENCH_LISTEN:-127.0.0.1:8089}
REPEAT=${REPEAT:-20}
PASSWORD=wifo-demo-2026
BASE="http://$LISTEN"

cargo build --release -p wifo-server --bin wifo
WIFO=$CARGO_TARGET_DIR/release/wifo
[ -f "$DATA/events.sqlite" ] || { echo "no demo data in $DATA: run scripts/bench-http.sh first" >&2; exit 1; }

"$WIFO" serve --data "$DATA" --listen "$LISTEN" > "$DATA.ui-serve.log" 2>&1 &
SERVER=$!
JARS=$(mktemp -d)
trap 'kill -TERM $SERVER 2> /dev/null || true; rm -rf "$JARS"' EXIT
until curl -fs "$BASE/readyz" > /dev/null; do
    kill -0 "$SERVER" 2> /dev/null || { cat "$DATA.ui-serve.log"; exit 1; }
    sleep 0.5
done
echo "== $("$WIFO" events stats --data "$DATA" --json | grep -m1 '"events"' | tr -dc '0-9') events; $REPEAT requests per page"

login() { # user → cookie jar
    curl -fs -c "$JARS/$1" -o /dev/null -d "name=$1&password=$PASSWORD" "$BASE/anmelden"
}
for user in a.schneider d.krause s.richter p.lehmann; do login "$user"; done

get() { curl -fs -b "$JARS/$1" "$BASE$2"; }
ORG=$(get a.schneider '/api/v1/organizations?per_page=1&q=b' | grep -o '"id":"[^"]*"' | head -1 | cut -d'"' -f4)
INQUIRY=$(get a.schneider /anliegen | grep -o 'href="/anliegen/0[^"]*"' | head -1 | cut -d'"' -f2)
RETREAT=$(get s.richter /klausur | grep -o 'href="/klausur/0[^"]*"' | head -1 | cut -d'"' -f2)
YEAR=$(date +%Y)

PAGES=(
    "a.schneider /woche"
    "a.schneider /organisationen"
    "a.schneider /organisationen?q=b%C3%A4ck"
    "a.schneider /organisationen?ohne_kontakt=12"
    "a.schneider /organisationen/$ORG"
    "a.schneider /organisationen/$ORG?stand=$((YEAR - 1))-06-30"
    "a.schneider /organisationen/neu"
    "a.schneider /organisationen/$ORG/besuche/erfassen"
    "a.schneider /organisationen/$ORG/besuche/neu"
    "a.schneider /organisationen/$ORG/kontakte/neu"
    "a.schneider /organisationen/$ORG/personen/neu"
    "a.schneider /anliegen"
    "a.schneider /anliegen/neu"
    "a.schneider $INQUIRY"
    "d.krause /leitung"
    "d.krause /leitung/liste?was=besuche&jahr=$YEAR"
    "d.krause /leitung/liste?was=kontakte&jahr=$YEAR"
    "d.krause /leitung/liste?was=anliegen&jahr=$YEAR"
    "d.krause /kooperationen"
    "s.richter /klausur"
    "s.richter $RETREAT"
    "p.lehmann /verwaltung"
    "p.lehmann /verwaltung/taxonomien/regions"
    "p.lehmann /verwaltung/datenschutz"
    "p.lehmann /anmelden"
)
printf '%-58s %9s %9s %s\n' page median_ms max_ms verdict
for entry in "${PAGES[@]}"; do
    user=${entry%% *}
    path=${entry#* }
    times=$(for _ in $(seq "$REPEAT"); do
        curl -s -o /dev/null -b "$JARS/$user" -w '%{http_code} %{time_total}\n' "$BASE$path"
    done)
    codes=$(echo "$times" | cut -d' ' -f1 | sort -u | tr '\n' ' ')
    sorted=$(echo "$times" | cut -d' ' -f2 | sort -n)
    median=$(echo "$sorted" | awk -v n="$REPEAT" 'NR == int((n + 1) / 2) { printf "%.1f", $1 * 1000 }')
    max=$(echo "$sorted" | tail -1 | awk '{ printf "%.1f", $1 * 1000 }')
    verdict=$(awk -v m="$max" 'BEGIN { print (m <= 50 ? "met" : "missed") }')
    printf '%-58s %9s %9s %s (HTTP %s)\n' "$user ${path:0:46}" "$median" "$max" "$verdict" "${codes% }"
done
