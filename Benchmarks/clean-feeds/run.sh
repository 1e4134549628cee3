#!/usr/bin/env bash
# Clean-feeds benchmark: of real feed entries labelled by hand, how much
# article text the cleaner keeps and how many boilerplate blocks it removes,
# per boilerplate family, dev and holdout apart, next to trafilatura on the
# same entries.  See Benchmarks/README.md.
#
# Usage: Benchmarks/clean-feeds/run.sh
# Environment:
#   FEEDSPOOL         binary under test (default: build .build/release/feedspool)
#   FEEDS             the real feeds (default: shared/data/feeds/real beside the repo)
#   TRAFILATURA_SPEC  pip requirement for trafilatura (default trafilatura==2.0.0)
set -euo pipefail
export LC_ALL=C.UTF-8

here=$(cd "$(dirname "$0")" && pwd)
bench=$(dirname "$here")
root=$(dirname "$bench")
FEEDS=${FEEDS:-$(dirname "$root")/shared/data/feeds/real}
TRAFILATURA_SPEC=${TRAFILATURA_SPEC:-trafilatura==2.0.0}
venv=$bench/.venv
work=$bench/work/clean-feeds/run
case ${1:-} in
    -h|--help) sed -n '2,11p' "$0"; exit 0 ;;
    "") ;;
    *) echo "run.sh: unknown argument '$1' (try --help)" >&2; exit 2 ;;
esac

if [ ! -d "$FEEDS" ]; then
    echo "clean-feeds benchmark: $FEEDS not found: skipped"
    exit 0
fi
rm -rf "$work"
mkdir -p "$work"
APT_LOG=$work/apt.log
# shellcheck source=../tools.sh
. "$bench/tools.sh"

# MARK: - Tools

if [ -z "${FEEDSPOOL:-}" ]; then
    log "building feedspool (release)"
    (cd "$root" && swift build -c release --product feedspool >"$work/build.log" 2>&1) \
        || { log "swift build failed: see $work/build.log"; exit 1; }
    FEEDSPOOL=$root/.build/release/feedspool
fi
export FEEDSPOOL

# trafilatura 2.0.0 imports lxml.html.clean, which lxml 5.2 and later ship as
# the separate lxml_html_clean.
ensure_trafilatura() {
    "$venv/bin/python" -c 'import trafilatura' 2>/dev/null && return 0
    log "installing $TRAFILATURA_SPEC into $venv"
    python3 -m venv "$venv" >"$work/pip.log" 2>&1 \
        || { apt_install python3-venv && python3 -m venv "$venv" >>"$work/pip.log" 2>&1; } || return 1
    "$venv/bin/python" -m pip install -q "$TRAFILATURA_SPEC" lxml_html_clean >>"$work/pip.log" 2>&1 || return 1
    "$venv/bin/python" -c 'import trafilatura' 2>>"$work/pip.log"
}
have_trafilatura=; ensure_trafilatura && have_trafilatura=1 || log "could not install trafilatura: see $work/pip.log"

# MARK: - Running

log "writing the labelled entries' bodies and a feeds.conf of their feeds"
entries=$(python3 "$here/score.py" prepare "$FEEDS" "$here/labels" "$work")
log "$entries labelled entries"

# The cleaner one entry at a time, as `feedspool clean` runs it.
"$FEEDSPOOL" clean --json --files-from "$work/list" >"$work/clean.jsonl" 2>"$work/clean.err"

# The poller's path: every labelled feed read through file:// by `feedspool
# once`, so each entry is cleaned with the template learned from its feed.
# Its exit status is 1 when a feed gave warnings; the report counts entries.
"$FEEDSPOOL" once --config "$work/feeds.conf" >"$work/once.out" 2>"$work/once.err" || true

if [ -n "$have_trafilatura" ]; then
    log "trafilatura on every labelled entry"
    "$venv/bin/python" "$here/trafilatura_entries.py" "$work/entries.tsv" "$work/trafilatura.json" \
        2>"$work/trafilatura.err" || log "trafilatura failed: see $work/trafilatura.err"
fi

# MARK: - Report

log "scoring"
python3 "$here/score.py" report "$FEEDS" "$here/labels" "$work" "$here/latest.md"
log "report written to $here/latest.md"
