#!/usr/bin/env bash
# Search benchmark on the ≥ 1M-event demo office (the data directory of scripts/bench-http.sh):
# starts `wifo serve` on it, takes search texts from the data itself — streets of listed
# organizations, names of their contact persons, and organization names with two neighbouring
# letters swapped (a typo) — and runs the load generator `wifo-load` on each kind at 1 and at 64
# keep-alive connections, printing requests per second and p50/p99 latency.
#
#   scripts/bench-search.sh        (WIFO_BENCH_DATA, WIFO_BENCH_LISTEN, WIFO_BENCH_SECONDS=5 as knobs)
set -euo pipefail
cd "$(dirname "$0")/.."
export CARGO_TARGET_DIR=${CARGO_TARGET_DIR:-$HOME/.cache/wifo/target}
DATA=${WIFO_BENCH_DATA:-$HOME/.cache/wifo-bench-http}
LISTEN=${WIFO_BENCH_LISTEN:-127.0.0.1:8090}
SECONDS_PER=${WIFO_BENCH_SECONDS:-5}
BASE="http://$LISTEN"

cargo build --release --all-features -p wifo-server -p wifo-tests --bin wifo --bin wifo-load
WIFO=$CARGO_TARGET_DIR/release/wifo
LOAD=$CARGO_TARGET_DIR/release/wifo-load
[ -f "$DATA/events.sqlite" ] || { echo "no demo data in $DATA: run scripts/bench-http.sh first" >&2; exit 1; }
command -v jq > /dev/null || { echo "jq is needed (apt-get install jq)" >&2; exit 1; }

TOKENS=$DATA/search-tokens.txt
if [[ ! -s "$TOKENS" ]]; then
    echo "search-bench-passwort-2026" |
        "$WIFO" user add --data "$DATA" --name search-bench --role staff --password-stdin > /dev/null 2>&1 || true
    echo "search-bench $("$WIFO" token create --data "$DATA" --user search-bench)" > "$TOKENS"
fi
TOKEN=$(cut -d' ' -f2 "$TOKENS")

"$WIFO" serve --data "$DATA" --listen "$LISTEN" > "$DATA.search-serve.log" 2>&1 &
SERVER=$!
WORK=$(mktemp -d)
trap 'kill -TERM $SERVER 2> /dev/null || true; rm -rf "$WORK"' EXIT
until curl -fs "$BASE/readyz" > /dev/null; do
    kill -0 "$SERVER" 2> /dev/null || { cat "$DATA.search-serve.log"; exit 1; }
    sleep 0.5
done
get() { curl -fs -H "Authorization: Bearer $TOKEN" "$BASE$1"; }

# 1,000 listed organizations (two pages of 500), spread over the alphabet by the name order.
: > "$WORK/listed.json"
for page in 1 20; do
    get "/api/v1/organizations?per_page=500&page=$page" | jq -c '.entries[]' >> "$WORK/listed.json"
done
# Streets without the house number ("Breite Straße").
jq -r '.address.street // empty' "$WORK/listed.json" | sed -E 's/ [0-9].*$//' | sort -u | head -200 > "$WORK/streets.txt"
# The longest word of each name with its 2nd and 3rd letters swapped ("Bäckerei" → "Bcäkerei").
jq -r '.name' "$WORK/listed.json" | python3 -c '
import sys
for line in sys.stdin:
    words = [w for w in line.split() if w.isalpha()]
    if words:
        best = max(words, key=len)
        if len(best) >= 5:
            print(best[0] + best[2] + best[1] + best[3:])
' | sort -u | head -200 > "$WORK/typos.txt"
# Contact persons' names, from the profiles of the listed organizations.
for id in $(jq -r '.id' "$WORK/listed.json" | head -400); do
    get "/api/v1/organizations/$id" | jq -r '.person_details[]?.name // empty'
done | grep -v '^gelöscht' | sort -u | head -200 > "$WORK/persons.txt" || true

echo "== $("$WIFO" events stats --data "$DATA" --json | grep -m1 '"events"' | tr -dc '0-9') events; search texts: $(wc -l < "$WORK/streets.txt") streets, $(wc -l < "$WORK/persons.txt") person names, $(wc -l < "$WORK/typos.txt") misspelt names"
for kind in streets persons typos; do
    [ -s "$WORK/$kind.txt" ] || { echo "$kind: no search texts found, skipped"; continue; }
    echo
    echo "== search by $kind (e.g. „$(head -1 "$WORK/$kind.txt")“)"
    "$LOAD" run --addr "$LISTEN" --tokens "$TOKENS" --pid "$SERVER" --queries "$WORK/$kind.txt" \
        --scenarios search@1,search@64 --seconds "$SECONDS_PER" --warmup 1
done
