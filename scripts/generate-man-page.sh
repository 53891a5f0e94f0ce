#!/usr/bin/env bash
# generate-man-page.sh BINARY OUT.1
# Writes the man page of BINARY with swift-argument-parser's generate-manual tool, from
# the help texts the binary itself prints, so the page never drifts from the flags.
set -euo pipefail
binary=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
out=$2
swift=${SWIFT:-swift}
cd "$(dirname "$0")/.."
# generate-manual is a tool of the argument-parser package, not one of its products: build
# that package on its own (its executable targets are products there), in a folder of
# ours, from the checkout our build already resolved.
checkout=.build/checkouts/swift-argument-parser
[ -d "$checkout" ] || "$swift" package resolve
log=$(mktemp)
trap 'rm -f "$log"' EXIT
"$swift" build --package-path "$checkout" --scratch-path .build/tools/argument-parser \
    -c release --product generate-manual >"$log" 2>&1 || { cat "$log" >&2; exit 1; }
tool=$("$swift" build --package-path "$checkout" --scratch-path .build/tools/argument-parser -c release --show-bin-path)/generate-manual
pages=$(mktemp -d)
trap 'rm -f "$log"; rm -rf "$pages"' EXIT
"$tool" "$binary" --output-directory "$pages" >"$log" 2>&1 || { cat "$log" >&2; exit 1; }
page="$pages/$(basename "$binary").1"
[ -s "$page" ] || { echo "generate-man-page.sh: generate-manual wrote no $(basename "$page")" >&2; exit 1; }
cp "$page" "$out"
