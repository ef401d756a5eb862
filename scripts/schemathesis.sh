#!/usr/bin/env bash
# Probes the live API with Schemathesis (PyPI), driven by the server's own OpenAPI document:
# a small demo office is served (`api-fuzz-server`, built by the test command), and Schemathesis
# runs against it with an API token of each role in turn (staff, lead, planner, buergerbuero, datenschutz, admin — the
# admin last, because it may lock users out). Checks: no 5xx, every status documented, every
# answer's media type and JSON schema as documented. Prints per role the requests sent, the
# writes the server accepted (POST answered 2xx) and the failures, and exits non-zero on any
# failure or on any 5xx the server counted.
#
#   bash scripts/schemathesis.sh [SECONDS_PER_ROLE]     (default 60; CI runs 40, by hand 600)
#
# With WIFO_SCHEMATHESIS_KEEP=DIR the server's log, Schemathesis' output and the HAR files of
# each role are kept in DIR for inspection.
set -euo pipefail
cd "$(dirname "$0")/.."

SECONDS_PER_ROLE="${1:-60}"
export CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-$HOME/.cache/wifo/target}"
VENV="$HOME/.cache/wifo/schemathesis"
VERSION=4.32.5
if ! command -v python3 > /dev/null; then
    if [ "$(id -u)" = 0 ]; then
        apt-get update && apt-get install -y python3 python3-venv
    else
        echo "python3 fehlt. Bitte als root ausführen: apt-get install -y python3 python3-venv" >&2
        exit 1
    fi
fi
if [ ! -x "$VENV/bin/schemathesis" ] || ! "$VENV/bin/schemathesis" --version | grep -q "$VERSION"; then
    rm -rf "$VENV"
    if ! python3 -m venv "$VENV" 2>/dev/null; then
        # Debian's python3 needs its venv package for this.
        if [ "$(id -u)" = 0 ]; then
            apt-get update && apt-get install -y python3-venv
            rm -rf "$VENV" && python3 -m venv "$VENV"
        else
            echo "python3-venv fehlt. Bitte als root ausführen: apt-get install -y python3-venv" >&2
            exit 1
        fi
    fi
    "$VENV/bin/pip" install --quiet "schemathesis==$VERSION"
fi
SERVER="${WIFO_API_FUZZ_SERVER:-$CARGO_TARGET_DIR/release/api-fuzz-server}"
if [ ! -x "$SERVER" ]; then
    cargo build --release --all-features --locked -p wifo-tests --bin api-fuzz-server
fi

KEEP="${WIFO_SCHEMATHESIS_KEEP:-}"
if [ -n "$KEEP" ]; then rm -rf "$KEEP" && mkdir -p "$KEEP" && WORK="$(cd "$KEEP" && pwd)"; else WORK="$(mktemp -d)"; fi
SERVER_PID=""
cleanup() {
    if [ -n "$SERVER_PID" ]; then kill "$SERVER_PID" 2>/dev/null || true; fi
    if [ -z "$KEEP" ]; then rm -rf "$WORK"; fi
}
trap cleanup EXIT

mkdir "$WORK/data"
"$SERVER" "$WORK/data" > "$WORK/server.out" 2> "$WORK/server.log" &
SERVER_PID=$!
for _ in $(seq 1 600); do
    grep -q '^listening ' "$WORK/server.out" && break
    kill -0 "$SERVER_PID" 2>/dev/null || { cat "$WORK/server.log" >&2; exit 1; }
    sleep 0.5
done
ADDRESS="$(awk '/^listening /{print $2}' "$WORK/server.out")"
[ -n "$ADDRESS" ] || { echo "Der Server hat nicht gestartet." >&2; cat "$WORK/server.log" >&2; exit 1; }
BASE="http://$ADDRESS"
echo "== server $BASE"

status=0
for role in staff lead planner buergerbuero datenschutz admin; do
    token="$(awk -v role="$role" '$1=="token" && $2==role {print $3}' "$WORK/server.out")"
    echo "== schemathesis as $role ($SECONDS_PER_ROLE s)"
    set +e
    "$VENV/bin/schemathesis" run "$BASE/api/v1/openapi.json" \
        --header "Authorization: Bearer $token" \
        --checks not_a_server_error,status_code_conformance,content_type_conformance,response_schema_conformance \
        --max-time "$SECONDS_PER_ROLE" --workers 1 --seed 20261207 \
        --exclude-path /api/v1/session \
        --suppress-health-check all \
        --report har --report-har-path "$WORK/$role.har" \
        --output-truncate true > "$WORK/$role.txt" 2>&1
    code=$?
    set -e
    tail -n 25 "$WORK/$role.txt"
    python3 - "$WORK/$role.har" "$role" <<'PY'
import json, sys
har = json.load(open(sys.argv[1]))["log"]["entries"]
writes = [e for e in har if e["request"]["method"] == "POST"]
accepted = [e for e in writes if 200 <= e["response"]["status"] < 300]
errors = [e for e in har if e["response"]["status"] >= 500]
print(f"{sys.argv[2]}: {len(har)} Anfragen, {len(writes)} schreibend, {len(accepted)} angenommen, {len(errors)} mit 5xx")
PY
    if [ "$code" -ne 0 ]; then status=1; fi
done

server_errors="$(curl -s "$BASE/metrics" | awk '/^wifo_http_server_errors_total/{print $2}')"
echo "== 5xx answers counted by the server: ${server_errors:-?}"
if [ "${server_errors:-1}" != "0" ]; then status=1; fi
if grep -q "panicked" "$WORK/server.log"; then
    echo "Der Server hat eine Panik protokolliert:" >&2
    grep -A5 "panicked" "$WORK/server.log" >&2
    status=1
fi
exit "$status"
