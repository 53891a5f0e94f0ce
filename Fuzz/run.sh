#!/bin/sh
# Fuzzes the JSON5 parser and the config loader (with the whole audit and
# `--fix --dry-run` behind it) with libFuzzer and AddressSanitizer.
#
#   Fuzz/run.sh SECONDS [libFuzzer options...]
#
# Builds Fuzz/ (ConfigFuzzer) into .build-fuzz, then fuzzes for SECONDS seconds with the
# seeds (the JSON5 test suite, Examples/, the conformance configs, Fuzz/seeds) and the
# corpus grown by earlier runs (.build-fuzz/corpus). Crashes, leaks and timeouts are
# written to .build-fuzz/artifacts/; the log to .build-fuzz/fuzz.log. Exit status is
# libFuzzer's: 0 when nothing was found.
#
# Environment: FUZZ_NICE (default 19),
# SWIFT_BUILD_LOCK (a file to flock around the build, default /tmp/swiftbuild.lock so
# that builds on a shared machine take turns; set it empty for no lock).
set -eu

usage() { echo "usage: Fuzz/run.sh SECONDS [libFuzzer options...]" >&2; exit 64; }
[ $# -ge 1 ] || usage
seconds=$1
shift
case $seconds in '' | *[!0-9]*) usage ;; esac

repo=$(cd "$(dirname "$0")/.." && pwd)
scratch=$repo/.build-fuzz
nice_level=${FUZZ_NICE:-19}
lock=${SWIFT_BUILD_LOCK-/tmp/swiftbuild.lock}
mkdir -p "$scratch/corpus" "$scratch/artifacts"

echo "building ConfigFuzzer (log: $scratch/build.log)" >&2
build() {
    set -- swift build --package-path "$repo/Fuzz" --scratch-path "$scratch" -c release \
        -Xswiftc -sanitize=fuzzer,address -Xswiftc -g
    if [ -n "$lock" ] && command -v flock >/dev/null 2>&1; then
        nice -n "$nice_level" flock "$lock" "$@"
    else
        nice -n "$nice_level" "$@"
    fi
}
# SwiftPM may keep the build plan of the parent package (a path dependency) when only
# files were added to it: drop the plan so it is made again.
rm -f "$scratch/release.yaml" "$scratch"/*/release/description.json
if ! build >"$scratch/build.log" 2>&1; then
    tail -30 "$scratch/build.log" >&2
    exit 1
fi
binary=$scratch/release/ConfigFuzzer

# Seeds are rebuilt each run from their sources, so they follow the suite and the examples.
seeds=$scratch/seeds
rm -rf "$seeds"
mkdir -p "$seeds"
find "$repo/Tests/Fixtures/json5-tests" -type f \( -name '*.json5' -o -name '*.json' -o -name '*.js' -o -name '*.txt' \) |
    while read -r file; do cp "$file" "$seeds/json5-tests-$(echo "$file" | cksum | cut -d' ' -f1)"; done
for file in "$repo"/Examples/*/openclaw.json; do
    cp "$file" "$seeds/example-$(basename "$(dirname "$file")")"
done
cp "$repo"/Fuzz/seeds/* "$seeds/"
if command -v python3 >/dev/null 2>&1; then
    python3 - "$repo/Tests/Fixtures/conformance/cases.json" "$seeds" <<'EOF'
import json, sys
for case in json.load(open(sys.argv[1])):
    if isinstance(case.get("config"), dict):
        with open(f"{sys.argv[2]}/conformance-{case['id']}", "w") as out:
            json.dump(case["config"], out, indent=2)
EOF
fi

# The state dirs the target writes for each input live in memory when /dev/shm exists.
if [ -z "${FUZZ_TMPDIR:-}" ] && [ -d /dev/shm ] && [ -w /dev/shm ]; then
    FUZZ_TMPDIR=/dev/shm
    export FUZZ_TMPDIR
fi

echo "fuzzing for $seconds s (log: $scratch/fuzz.log)" >&2
status=0
cd "$scratch"
ASAN_OPTIONS=${ASAN_OPTIONS:-detect_leaks=1} nice -n "$nice_level" "$binary" \
    -max_total_time="$seconds" -timeout=20 -report_slow_units=5 -rss_limit_mb=2048 -max_len=65536 \
    -dict="$repo/Fuzz/json5.dict" -artifact_prefix="$scratch/artifacts/" -print_final_stats=1 \
    "$@" \
    "$scratch/corpus" "$seeds" >"$scratch/fuzz.log" 2>&1 || status=$?
tail -15 "$scratch/fuzz.log" >&2
ls "$scratch/artifacts" >&2
exit $status
