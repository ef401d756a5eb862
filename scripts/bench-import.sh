#!/usr/bin/env bash
# Import benchmark: a CSV of N rows (default 400,000) in the IHK Berlin open data layout, made by
# repeating the 30 real rows of ../shared/data with fresh ids, imported end to end by
# `wifo import organizations` into an empty data directory (read, plan, duplicate check, 400,000
# commands through the business rules, views caught up, snapshot written). Prints wall time,
# rows per second and peak RSS, and beside it a peer in the same run: Python's csv module loading
# the same file into one SQLite table in one transaction (no validation, no events) — the floor
# of "just copying the rows".
set -euo pipefail
cd "$(dirname "$0")/.."
ROWS="${1:-400000}"
WORK="${WIFO_BENCH_DIR:-$HOME/.cache/wifo-bench-import}"
export CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-$HOME/.cache/wifo/target}"
# WIFO_BIN: an already built `wifo` binary (any feature set) instead of building one.
if [ -z "${WIFO_BIN:-}" ]; then
    cargo build --release -p wifo-server --quiet
    WIFO_BIN="$CARGO_TARGET_DIR/release/wifo"
fi
mkdir -p "$WORK"
rm -rf "$WORK/data" "$WORK/peer.sqlite"
python3 - "$ROWS" "$WORK/ihk.csv" ../shared/data/ihk-berlin-gewerbedaten-sample-2023-03.csv <<'PY'
import sys
rows, out, sample = int(sys.argv[1]), sys.argv[2], sys.argv[3]
lines = open(sample, encoding="utf-8-sig", newline="").read().split("\r\n")
header, body = lines[0], [l for l in lines[1:] if l]
with open(out, "w", encoding="utf-8-sig", newline="") as f:
    f.write(header + "\r\n")
    for i in range(rows):
        fields = body[i % len(body)].split(";", 1)
        f.write(f"{10_000_000 + i};{fields[1]}\r\n")
PY
echo "file: $(du -h "$WORK/ihk.csv" | cut -f1), $ROWS rows"
python3 - "$WIFO_BIN" "$WORK" "$ROWS" <<'PY'
import csv, resource, sqlite3, subprocess, sys, time
wifo, work, rows = sys.argv[1], sys.argv[2], int(sys.argv[3])
start = time.perf_counter()
done = subprocess.run([wifo, "import", "organizations", "--data", f"{work}/data", f"{work}/ihk.csv"],
                      stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
wall = time.perf_counter() - start
rss = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
if done.returncode != 0:
    sys.exit(f"import failed: {done.stdout[-2000:]}")
print(done.stdout.strip().splitlines()[-2])
print(done.stdout.strip().splitlines()[-1])
print(f"wifo import:  {wall:6.1f} s  {rows / wall:9,.0f} rows/s  peak RSS {rss:,.0f} MiB")
start = time.perf_counter()
db = sqlite3.connect(f"{work}/peer.sqlite")
with open(f"{work}/ihk.csv", encoding="utf-8-sig", newline="") as f:
    reader = csv.reader(f, delimiter=";")
    header = next(reader)
    db.execute(f"CREATE TABLE t ({', '.join(f'c{i}' for i in range(len(header)))})")
    db.executemany(f"INSERT INTO t VALUES ({', '.join('?' * len(header))})",
                   (r[:len(header)] + [''] * (len(header) - len(r)) for r in reader))
db.commit()
peer = time.perf_counter() - start
print(f"peer (Python csv → one SQLite table, no checks): {peer:6.1f} s  {rows / peer:9,.0f} rows/s")
PY
