#!/bin/sh
# Runs the whole test suite under AddressSanitizer, then under ThreadSanitizer.
#
#   scripts/sanitize.sh            # both
#   scripts/sanitize.sh thread     # one of: address thread
#
# Each sanitizer builds into its own folder (.build-asan, .build-tsan) so the normal
# build is untouched; the log of each run is <folder>/test.log. The CLI binary that the
# tests run as a child is built with the same sanitizer. Tests that bound a child's peak
# memory allow more under a sanitizer (OPENCLAW_TEST_SANITIZER tells them), as the
# sanitizers' shadow memory and quarantine count in it.
#
# Exit status: 0 when every run passed with no sanitizer report.
# Environment: SWIFT_BUILD_LOCK (a file to flock around each run, default
# /tmp/swiftbuild.lock, empty for none), SANITIZE_NICE (default 10).
set -u

repo=$(cd "$(dirname "$0")/.." && pwd)
lock=${SWIFT_BUILD_LOCK-/tmp/swiftbuild.lock}
nice_level=${SANITIZE_NICE:-10}
[ $# -gt 0 ] || set -- address thread

locked() {
    if [ -n "$lock" ] && command -v flock >/dev/null 2>&1; then
        nice -n "$nice_level" flock "$lock" "$@"
    else
        nice -n "$nice_level" "$@"
    fi
}

failed=0
for sanitizer in "$@"; do
    case $sanitizer in
        address) scratch=$repo/.build-asan ;;
        thread) scratch=$repo/.build-tsan ;;
        *) echo "unknown sanitizer: $sanitizer (address or thread)" >&2; exit 64 ;;
    esac
    mkdir -p "$scratch"
    log=$scratch/test.log
    echo "== $sanitizer: swift test --sanitize=$sanitizer (log: $log)" >&2
    OPENCLAW_TEST_SANITIZER=$sanitizer ASAN_OPTIONS=${ASAN_OPTIONS:-detect_leaks=1} \
        LSAN_OPTIONS=${LSAN_OPTIONS:-suppressions=$repo/scripts/lsan-suppressions.txt} \
        TSAN_OPTIONS=${TSAN_OPTIONS:-halt_on_error=0} \
        locked swift test --package-path "$repo" --scratch-path "$scratch" --sanitize="$sanitizer" >"$log" 2>&1
    status=$?
    reports=$(grep -c -E "^(==[0-9]+==ERROR: (AddressSanitizer|LeakSanitizer)|WARNING: ThreadSanitizer)" "$log")
    # The linker's notes about the sanitizer runtime's own symbols are not ours.
    warnings=$(grep "warning:" "$log" | grep -c -v "ld.gold: warning: Cannot export local symbol")
    summary=$(grep -E "^(✔|✘|━) Test run with" "$log" | tail -1)
    echo "$sanitizer: exit status $status, $reports sanitizer report(s), $warnings compiler warning(s)" >&2
    [ -n "$summary" ] && echo "$summary" >&2
    if [ "$status" -ne 0 ] || [ "$reports" -ne 0 ]; then
        failed=1
        grep -E -A12 "^(==[0-9]+==ERROR|WARNING: ThreadSanitizer)" "$log" | head -60 >&2
        grep -E "✘|error:" "$log" | head -20 >&2
    fi
done
exit $failed
