#!/usr/bin/env bash
# Page timings of the web UI on the ≥ 1M-event demo office (the data directory of
# scripts/bench-http.sh): creates one user per role (`ui-staff`, `ui-lead`, `ui-planner`,
# `ui-admin`; the demo users have no password there) unless they exist, starts `wifo serve` on
# it, logs in through the login form, requests every page REPEAT times and prints, per page, the median and
# the maximum time to the last byte as curl measures it on the same machine (so the number is
# the server's time plus one local round trip). Target: every page within 50 ms.
#
#   scripts/bench-ui.sh            (WIFO_BENCH_DATA, WIFO_BENCH_LISTEN, REPEAT=20 as knobs)
set -euo pipefail
cd "$(dirname "$0")/.."
export CARGO_TARGET_DIR=${CARGO_TARGET_DIR:-$HOME/.cache/wifo/target}
DATA=${WIFO_BENCH_DATA:-$HOME/.cache/wifo-bench-http}
LISTEN=${WIFO_BENCH_LISTEN:-127.0.0.1:8089}
REPEAT=${REPEAT:-20}
PASSWORD=ui-bench-passwort-2026
BASE="http://$LISTEN"

cargo build --release --all-features -p wifo-server --bin wifo
WIFO=$CARGO_TARGET_DIR/release/wifo
[ -f "$DATA/events.sqlite" ] || { echo "no demo data in $DATA: run scripts/bench-http.sh first" >&2; exit 1; }

for role in staff lead planner admin; do
    echo "$PASSWORD" | "$WIFO" user add --data "$DATA" --name "ui-$role" --role "$role" --password-stdin \
        > /dev/null 2>&1 || true # exists from an earlier run
done

"$WIFO" serve --data "$DATA" --listen "$LISTEN" > "$DATA.ui-serve.log" 2>&1 &
SERVER=$!
JARS=$(mktemp -d)
trap 'kill -TERM $SERVER 2> /dev/null || true; rm -rf "$JARS"' EXIT
until curl -fs "$BASE/readyz" > /dev/null; do
    kill -0 "$SERVER" 2> /dev/null || { cat "$DATA.ui-serve.log"; exit 1; }
    sleep 0.5
done
set +o pipefail # the id look-ups below stop reading early (head -1)
echo "== $("$WIFO" events stats --data "$DATA" --json | grep -m1 '"events"' | tr -dc '0-9') events; $REPEAT requests per page"

login() { # user → cookie jar
    curl -fs -c "$JARS/$1" -o /dev/null -d "name=$1&password=$PASSWORD" "$BASE/anmelden"
}
for user in ui-staff ui-lead ui-planner ui-admin; do login "$user"; done

get() { curl -fs -b "$JARS/$1" "$BASE$2"; }
ORG=$(get ui-staff '/api/v1/organizations?per_page=1&q=b' | grep -o '"id":"[^"]*"' | head -1 | cut -d'"' -f4)
INQUIRY=$(get ui-staff /anliegen | grep -o 'href="/anliegen/[0-9a-f][^"]*"' | head -1 | cut -d'"' -f2)
RETREAT=$(get ui-planner /klausur | grep -o 'href="/klausur/[0-9a-f][^"]*"' | head -1 | cut -d'"' -f2)
YEAR=$(date +%Y)
PROFILE=$(get ui-staff "/organisationen/$ORG")
VISIT=$(echo "$PROFILE" | grep -o 'href="/besuche/[0-9a-f][^"/]*"' | head -1 | cut -d'"' -f2)
CONTACT=$(echo "$PROFILE" | grep -o 'href="/kontakte/[0-9a-f][^"/]*"' | head -1 | cut -d'"' -f2)
# The first of 50 organizations whose profile links a person.
PERSON=
for org in $(get ui-staff '/api/v1/organizations?per_page=50' | grep -o '"id":"[^"]*"' | cut -d'"' -f4); do
    PERSON=$(get ui-staff "/organisationen/$org" | grep -o 'href="/personen/[0-9a-f][^"/]*"' | head -1 | cut -d'"' -f2)
    [ -z "$PERSON" ] || break
done
COOPERATION=$(get ui-lead /kooperationen | grep -o 'href="/kooperationen/[0-9a-f][^"/]*"' | head -1 | cut -d'"' -f2)
GATHERING=$(get ui-planner /api/v1/gatherings | grep -o '"gathering":"[^"]*"' | head -1 | cut -d'"' -f4)
GATHERING=${GATHERING:+/veranstaltungen/$GATHERING}

PAGES=(
    "ui-staff /woche"
    "ui-staff /organisationen"
    "ui-staff /organisationen?q=b%C3%A4ck"
    "ui-staff /organisationen?ohne_kontakt=12"
    "ui-staff /organisationen/$ORG"
    "ui-staff /organisationen/$ORG?stand=$YEAR-01-01"
    "ui-staff /organisationen/neu"
    "ui-staff /organisationen/$ORG/besuche/erfassen"
    "ui-staff /organisationen/$ORG/besuche/neu"
    "ui-staff /organisationen/$ORG/kontakte/neu"
    "ui-staff /organisationen/$ORG/personen/neu"
    "ui-staff /anliegen"
    "ui-staff /anliegen/neu"
    "ui-staff $INQUIRY"
    "ui-staff $VISIT"
    "ui-staff $CONTACT"
    "ui-staff $PERSON"
    "ui-staff /konto"
    "ui-lead /leitung"
    "ui-lead /leitung/liste?was=besuche&jahr=$YEAR"
    "ui-lead /leitung/liste?was=kontakte&jahr=$YEAR"
    "ui-lead /leitung/liste?was=anliegen&jahr=$YEAR"
    "ui-lead /kooperationen"
    "ui-lead $COOPERATION"
    "ui-planner $GATHERING"
    "ui-planner /klausur"
    "ui-planner $RETREAT"
    "ui-admin /verwaltung"
    "ui-admin /verwaltung/taxonomien/regions"
    "ui-admin /verwaltung/datenschutz"
    "ui-admin /anmelden"
)
printf '%-58s %9s %9s %s\n' page median_ms max_ms verdict
for entry in "${PAGES[@]}"; do
    user=${entry%% *}
    path=${entry#* }
    # A record the demo data does not link from the page the id was taken from.
    [ -n "$path" ] || { echo "$user: no record found for one of the record pages, skipped"; continue; }
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
