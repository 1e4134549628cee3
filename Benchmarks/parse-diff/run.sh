#!/usr/bin/env bash
# Differential test: `feedspool parse` against Python feedparser, field by field, on
# the test feeds of feedparser's own source distribution and ../shared/data/feeds/.
# Writes the agreement per field to latest.md beside this script; every disagreement
# goes to Benchmarks/work/parse-diff/<part>/disagreements.jsonl.  See README.md here.
#
# Usage: Benchmarks/parse-diff/run.sh [--held-out]   (--held-out: the files kept aside)
# Environment:
#   FEEDSPOOL         binary under test (default: .build/release/feedspool, else debug)
#   FEEDPARSER_SPEC   pip requirement for feedparser (default feedparser==6.0.14)
#   SHARED_FEEDS      more feeds (default: ../shared/data/feeds beside the checkout)
set -euo pipefail
export LC_ALL=C.UTF-8

here=$(cd "$(dirname "$0")" && pwd)
bench=$(dirname "$here")
root=$(dirname "$bench")
FEEDSPOOL=${FEEDSPOOL:-$root/.build/release/feedspool}
[ -x "$FEEDSPOOL" ] || FEEDSPOOL=$root/.build/debug/feedspool
FEEDPARSER_SPEC=${FEEDPARSER_SPEC:-feedparser==6.0.14}
SHARED_FEEDS=${SHARED_FEEDS:-$(dirname "$root")/shared/data/feeds}
venv=$bench/.venv
scratch=$bench/work/parse-diff
part=development
for arg in "$@"; do
    case $arg in
        --held-out) part=held-out ;;
        -h|--help) sed -n '2,12p' "$0"; exit 0 ;;
        *) echo "run.sh: unknown argument '$arg' (try --help)" >&2; exit 2 ;;
    esac
done
[ -x "$FEEDSPOOL" ] || { echo "run.sh: build feedspool first (swift build -c release)" >&2; exit 1; }
mkdir -p "$scratch"

APT_LOG=$scratch/apt.log
. "$bench/tools.sh"   # log, apt_install

if ! "$venv/bin/python" -c 'import feedparser' 2>/dev/null; then
    log "installing $FEEDPARSER_SPEC into $venv"
    python3 -m venv "$venv" >"$scratch/pip.log" 2>&1 \
        || { apt_install python3-venv && python3 -m venv "$venv" >>"$scratch/pip.log" 2>&1; }
    "$venv/bin/python" -m pip install -q "$FEEDPARSER_SPEC" >>"$scratch/pip.log" 2>&1
fi
version=$("$venv/bin/python" -c 'import feedparser; print(feedparser.__version__)')

# feedparser's test feeds come with its source distribution.
tests=$scratch/feedparser-$version/tests
if [ ! -d "$tests" ]; then
    log "downloading the feedparser $version source distribution for its test feeds"
    "$venv/bin/python" -m pip download -q --no-deps --no-binary :all: "feedparser==$version" -d "$scratch" \
        >>"$scratch/pip.log" 2>&1
    tar xzf "$scratch/feedparser-$version.tar.gz" -C "$scratch"
fi
# http/ and compression/ test HTTP handling, not parsing.
roots=("$tests/wellformed" "$tests/illformed" "$tests/encoding" "$tests/entities")
[ -d "$SHARED_FEEDS" ] && roots+=("$SHARED_FEEDS") || log "no $SHARED_FEEDS: feedparser's tests only"

flag=; [ "$part" = held-out ] && flag=--held-out
table=$("$venv/bin/python" "$here/diff.py" "$FEEDSPOOL" "$scratch/$part" $flag "${roots[@]}")
printf '%s\n' "$table"

out=$here/latest.md
[ "$part" = held-out ] && out=$here/latest-held-out.md
{
    echo "# parse-diff: feedspool against feedparser $version ($part part)"
    echo
    echo "Run $(date -u +%Y-%m-%d) with \`Benchmarks/parse-diff/run.sh${flag:+ $flag}\`. A field is counted"
    echo "where either side has a value; * marks the headline fields. Normalisation and the"
    echo "disagreements kept on purpose: README.md beside this file."
    echo
    printf '%s\n' "$table"
} >"$out"
log "wrote $out; disagreements in $scratch/$part/disagreements.jsonl"
