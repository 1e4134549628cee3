#!/usr/bin/env bash
# Adversarial input for the cleaner: pages of N unclosed raw-text start tags
# (`<script>`, `<svg>`, `<style>`, `<noscript>`, `<template>`), each followed
# by a short paragraph. A cleaner that searches for each tag's end anew does
# work quadratic in N (100,000 tags, 800 KB: 17 s); a linear one takes time
# proportional to the page. The table shows seconds and microseconds per
# kilobyte for sizes doubling from SMALLEST tags: the last column stays flat
# (or falls, as the process start-up is spread over more bytes) when time
# grows linearly with size. The table also goes to latest.md.
#
# Environment: FEEDSPOOL (binary, default .build/release/feedspool), TAGS
# (default script svg), SMALLEST (default 12500), STEPS (default 4).
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
FEEDSPOOL=${FEEDSPOOL:-$root/.build/release/feedspool}
TAGS=${TAGS:-script svg}
SMALLEST=${SMALLEST:-12500}
STEPS=${STEPS:-4}
work=$root/Benchmarks/work/hostile

[ -x "$FEEDSPOOL" ] || { echo "feedspool not built at $FEEDSPOOL (swift build -c release)" >&2; exit 1; }
mkdir -p "$work"

{
printf '| tag | start tags | KB | seconds | µs per KB |\n| --- | ---: | ---: | ---: | ---: |\n'
for tag in $TAGS; do
    count=$SMALLEST
    for _ in $(seq "$STEPS"); do
        page=$work/$tag-$count.html
        [ -f "$page" ] || python3 -c '
import sys
tag, count, path = sys.argv[1], int(sys.argv[2]), sys.argv[3]
with open(path, "w") as f:
    f.write("<html><body>" + ("<%s><p>x</p>" % tag) * count + "</body></html>")
' "$tag" "$count" "$page"
        bytes=$(stat -c %s "$page")
        start=$(date +%s.%N)
        "$FEEDSPOOL" clean --json "$page" >/dev/null
        end=$(date +%s.%N)
        python3 -c '
import sys
tag, count, size, seconds = sys.argv[1], int(sys.argv[2]), int(sys.argv[3]), float(sys.argv[5]) - float(sys.argv[4])
print("| <%s> | %d | %d | %.3f | %.1f |" % (tag, count, size // 1000, seconds, seconds * 1e6 / (size / 1000)))
' "$tag" "$count" "$bytes" "$start" "$end"
        count=$((count * 2))
    done
done
} | tee "$here/latest.md"
