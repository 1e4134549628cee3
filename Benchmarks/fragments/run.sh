#!/usr/bin/env bash
# Cleaner throughput on feed fragments: how many entry bodies per second
# `feedspool clean` turns into clean text and HTML.
#
# The fragments are the `content` (else `summary`) of every entry of the first
# FEEDS feeds of the parse benchmark's corpus, one file each. Measured twice:
# - in memory, as the poller cleans them: `clean-fragments` (a target of the
#   package) reads them all first, then times Cleaner.clean over all of them,
#   REPEATS rounds in one process;
# - through the command line: one `feedspool clean --json --files-from LIST`
#   process reads the files and writes a JSON line each; its start-up,
#   measured on one empty file, is reported and subtracted.
# Each figure is the best of REPEATS: this machine's speed drifts.
#
# Environment: FEEDSPOOL (binary, default .build/release/feedspool), HARNESS
# (default .build/release/clean-fragments), FEEDS (default 25, i.e. 5,000
# fragments), REPEATS (default 7).
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
FEEDSPOOL=${FEEDSPOOL:-$root/.build/release/feedspool}
HARNESS=${HARNESS:-$root/.build/release/clean-fragments}
FEEDS=${FEEDS:-25}
REPEATS=${REPEATS:-7}
work=$root/Benchmarks/work/fragments
corpus=$root/Benchmarks/work/parse-corpus

[ -x "$FEEDSPOOL" ] || { echo "feedspool not built at $FEEDSPOOL (swift build -c release)" >&2; exit 1; }
[ -x "$HARNESS" ] || { echo "clean-fragments not built at $HARNESS (swift build -c release)" >&2; exit 1; }
python3 "$root/Benchmarks/parse/generate_corpus.py" >/dev/null

if [ ! -f "$work/.done-$FEEDS" ]; then
    rm -rf "$work" && mkdir -p "$work/html"
    # One JSON document per feed; split them with a streaming decoder.
    # The first FEEDS feeds, without `ls | head`: under pipefail its SIGPIPE would end the script.
    feeds=("$corpus"/*.xml)
    for f in "${feeds[@]:0:$FEEDS}"; do "$FEEDSPOOL" parse "$f"; done | python3 -c '
import json, sys
out = sys.argv[1]; n = 0; text = sys.stdin.read(); decoder = json.JSONDecoder(); i = 0
while i < len(text):
    while i < len(text) and text[i].isspace(): i += 1
    if i >= len(text): break
    document, i = decoder.raw_decode(text, i)
    for entry in document["entries"]:
        body = entry["content"] or entry["summary"] or ""
        with open("%s/%05d.html" % (out, n), "w") as f: f.write(body)
        n += 1
print(n)
' "$work/html" >"$work/count"
    touch "$work/.done-$FEEDS"
fi
count=$(cat "$work/count")
bytes=$(cat "$work/html"/*.html | wc -c)
ls "$work/html"/*.html >"$work/list"
cat "$work/html"/*.html >/dev/null

best() { sort -n | head -n 1; }
seconds() { local start=$EPOCHREALTIME; "$@"; awk -v a="$start" -v b="$EPOCHREALTIME" 'BEGIN { printf "%.4f\n", b - a }'; }
run_clean() { "$FEEDSPOOL" clean --json --files-from "$work/list" >/dev/null; }
# Start-up alone: the same process on one empty file.
: >"$work/empty.html"
run_empty() { "$FEEDSPOOL" clean --json "$work/empty.html" >/dev/null; }

# One checked pass first: every fragment must come out as one JSON line.
cleaned=$("$FEEDSPOOL" clean --json --files-from "$work/list" | wc -l)
[ "$cleaned" = "$count" ] || { echo "feedspool cleaned $cleaned of $count fragments" >&2; exit 1; }

memory=$("$HARNESS" "$work/list" "$REPEATS" | cut -f3)
total=$(for _ in $(seq "$REPEATS"); do seconds run_clean; done | best)
overhead=$(for _ in $(seq "$REPEATS"); do seconds run_empty; done | best)
python3 - "$count" "$bytes" "$memory" "$total" "$overhead" "$(nproc)" "$("$FEEDSPOOL" --version)" <<'PY' | tee "$here/latest.md"
import sys, datetime
count, size, memory, total, overhead, cores, version = sys.argv[1:]
count, size, memory, total, overhead = int(count), int(size), float(memory), float(total), float(overhead)
work = max(total - overhead, 1e-9)
print("# Fragment cleaning benchmark: latest run\n")
print("Run %s UTC on %s cores, feedspool %s.\n" % (datetime.datetime.utcnow().strftime("%Y-%m-%d %H:%M"), cores, version))
print("%d entry bodies (%.1f MB, %.1f KB on average) from the parse benchmark corpus, one core.\n" % (count, size / 1e6, size / count / 1e3))
print("| how | seconds, best of runs | fragments/s | MB/s |\n| --- | ---: | ---: | ---: |")
print("| in memory: `Cleaner.clean` as the poller calls it | %.3f | %.0f | %.1f |" % (memory, count / memory, size / 1e6 / memory))
print("| `feedspool clean --json --files-from`: read, clean, write JSON | %.3f | %.0f | %.1f |" % (work, count / work, size / 1e6 / work))
print("| the same, with the process start-up (%.3f s) | %.3f | %.0f | %.1f |" % (overhead, total, count / total, size / 1e6 / total))
PY
