#!/usr/bin/env bash
# Coverage-guided fuzzing of wifo (fuzz/, cargo-fuzz with libFuzzer): builds the fuzz targets
# with the nightly toolchain, runs each for SECONDS_PER_TARGET seconds (default 60) starting from
# its committed seeds (fuzz/seeds/TARGET) and the corpus it grew before (fuzz/corpus/TARGET, not
# committed), and prints per target how many inputs it executed and whether it crashed. Exits
# non-zero if any target crashed; the crashing input lands in fuzz/artifacts/TARGET/ (see
# fuzz/README.md for how to reproduce it).
#
# Usage: scripts/fuzz.sh [SECONDS_PER_TARGET]
# Knobs (environment):
#   WIFO_FUZZ_TARGETS="codec_decode import_table command_json"   the targets to run
#   CARGO_TARGET_DIR   (default ~/.cache/wifo/fuzz-target; never the main workspace's target)
#   CARGO_BUILD_JOBS   (default 1: the build shares the machine)
# Needs the nightly toolchain (`rustup toolchain install nightly`); installs cargo-fuzz if it is
# missing. Logs of the last run: fuzz/logs/TARGET.log.
set -euo pipefail
cd "$(dirname "$0")/.."

seconds="${1:-60}"
if ! [[ "$seconds" =~ ^[0-9]+$ ]] || [ "$seconds" -eq 0 ]; then
    echo "usage: $0 [SECONDS_PER_TARGET]" >&2
    exit 2
fi
targets="${WIFO_FUZZ_TARGETS:-codec_decode import_table command_json}"
export CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-$HOME/.cache/wifo/fuzz-target}"
export CARGO_BUILD_JOBS="${CARGO_BUILD_JOBS:-1}"

if ! rustup run nightly rustc --version >/dev/null 2>&1; then
    echo "The nightly toolchain is missing: rustup toolchain install nightly" >&2
    exit 2
fi
if ! cargo fuzz --version >/dev/null 2>&1; then
    cargo install cargo-fuzz --locked
fi

nice -n 10 cargo +nightly fuzz build

mkdir -p fuzz/logs
crashed=0
summary=()
for target in $targets; do
    mkdir -p "fuzz/corpus/$target" "fuzz/artifacts/$target"
    log="fuzz/logs/$target.log"
    echo "== $target: ${seconds} s (log $log)"
    status=0
    # -timeout: an input that takes longer than 10 s counts as a hang (a crash);
    # new interesting inputs go to the first directory, the seeds are only read.
    nice -n 10 cargo +nightly fuzz run "$target" "fuzz/corpus/$target" "fuzz/seeds/$target" -- \
        -max_total_time="$seconds" -timeout=10 -print_final_stats=1 >"$log" 2>&1 || status=$?
    executions="$(sed -n 's/^stat::number_of_executed_units: *//p' "$log" | tail -n 1)"
    if [ -z "$executions" ]; then
        executions="$( (grep -oE '^#[0-9]+' "$log" || true) | tail -n 1 | tr -d '#')"
    fi
    done_line="$( (grep -E '^#[0-9]+[[:space:]]+DONE' "$log" || true) | tail -n 1)"
    artifact="$(sed -n 's/.*Test unit written to \(.*\)$/\1/p' "$log" | tail -n 1)"
    if [ -n "$artifact" ]; then
        crashed=1
        result="CRASH: $artifact"
        grep -m 1 -E "panicked at|ERROR: libFuzzer|ERROR: AddressSanitizer" "$log" || true
    elif [ "$status" -ne 0 ] && ! grep -q '^INFO: Seed:' "$log"; then
        crashed=1
        result="did not start (exit $status; a build error?), see $log"
        grep -m 1 -E "^error" "$log" || true
    elif [ "$status" -ne 0 ]; then
        crashed=1
        result="FAILED (exit $status), see $log"
    else
        result="no crash"
    fi
    summary+=("$(printf '%-14s %12s executions  %s' "$target" "${executions:-0}" "$result")")
    if [ -n "$done_line" ]; then
        echo "$done_line"
    fi
done

# The codec target keeps a key store per process; drop those of processes that ended.
for dir in /dev/shm/wifo-fuzz-keys "${TMPDIR:-/tmp}/wifo-fuzz-keys"; do
    [ -d "$dir" ] || continue
    for keys in "$dir"/*; do
        [ -e "$keys" ] || continue
        pid="$(basename "$keys")"
        kill -0 "$pid" 2>/dev/null || rm -rf "$keys"
    done
done

echo
echo "Fuzzing, ${seconds} s per target:"
printf '  %s\n' "${summary[@]}"
exit "$crashed"
