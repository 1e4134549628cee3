#!/usr/bin/env bash
# Clean benchmark: how much of the article text `feedspool clean --text` gets
# from real whole pages, and how fast, next to trafilatura, in one run on the
# same pages, for two independent page sets.  See Benchmarks/README.md.
#
# Usage: Benchmarks/clean/run.sh
# Environment:
#   FEEDSPOOL         binary under test (default: .build/release/feedspool)
#   AEB               the AEB pages (default: shared/data/pages/aeb beside the repo)
#   READABILITY       Readability's test pages (default: shared/data/pages/readability)
#   REPEATS           timed passes per tool; the best is reported (default 3)
#   TRAFILATURA_SPEC  pip requirement for trafilatura (default trafilatura==2.0.0,
#                     the version with a published F1 on the AEB pages)
set -euo pipefail
export LC_ALL=C

here=$(cd "$(dirname "$0")" && pwd)
bench=$(dirname "$here")
root=$(dirname "$bench")
FEEDSPOOL=${FEEDSPOOL:-$root/.build/release/feedspool}
AEB=${AEB:-$(dirname "$root")/shared/data/pages/aeb}
READABILITY=${READABILITY:-$(dirname "$root")/shared/data/pages/readability}
REPEATS=${REPEATS:-3}
TRAFILATURA_SPEC=${TRAFILATURA_SPEC:-trafilatura==2.0.0}
venv=$bench/.venv
work=$bench/work
case ${1:-} in
    -h|--help) sed -n '2,13p' "$0"; exit 0 ;;
    "") ;;
    *) echo "run.sh: unknown argument '$1' (try --help)" >&2; exit 2 ;;
esac

log() { printf '%s\n' "$*" >&2; }

# name, kind, folder of each set that is present.
sets=()
if [ -f "$AEB/ground-truth.json" ] && [ -d "$AEB/html" ]; then sets+=("aeb aeb $AEB")
else log "clean benchmark: $AEB not found: skipped"; fi
if [ -d "$READABILITY/pages" ]; then sets+=("readability readability $READABILITY")
else log "clean benchmark: $READABILITY not found: skipped"; fi
[ ${#sets[@]} -gt 0 ] || { echo "clean benchmark: no page set found: skipped"; exit 0; }
mkdir -p "$work"

# MARK: - Tools

as_root() { if [ "$(id -u)" = 0 ]; then "$@"; else sudo "$@"; fi; }

# trafilatura 2.0.0 imports lxml.html.clean, which lxml 5.2 and later ship as
# the separate lxml_html_clean.
ensure_trafilatura() {
    if "$venv/bin/python" -c 'import trafilatura' 2>/dev/null; then return 0; fi
    log "installing $TRAFILATURA_SPEC into $venv"
    if ! python3 -m venv "$venv" >"$work/pip.log" 2>&1; then
        as_root apt-get update -q >>"$work/pip.log" 2>&1
        as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -q python3-venv >>"$work/pip.log" 2>&1 \
            && python3 -m venv "$venv" >>"$work/pip.log" 2>&1 || return 1
    fi
    # A pinned version the index no longer has: take the newest, and say so.
    local spec=$TRAFILATURA_SPEC
    if [[ $spec == trafilatura==* ]]; then
        local versions
        versions=$("$venv/bin/python" -m pip index versions trafilatura 2>>"$work/pip.log" | sed -n 's/^Available versions: //p')
        if [ -n "$versions" ] && ! grep -qx "${spec#trafilatura==}" <<<"${versions//, /$'\n'}"; then
            log "$spec is not on the package index (it has: ${versions%%,*}, …): installing the newest"
            spec=trafilatura
        fi
    fi
    "$venv/bin/python" -m pip install -q "$spec" lxml_html_clean >>"$work/pip.log" 2>&1 || return 1
    "$venv/bin/python" -c 'import trafilatura' 2>>"$work/pip.log"
}

have_trafilatura=; ensure_trafilatura && have_trafilatura=1 || log "could not install trafilatura: see $work/pip.log"
have_feedspool=; [ -x "$FEEDSPOOL" ] && have_feedspool=1 || log "feedspool not built at $FEEDSPOOL: measuring trafilatura only"

# MARK: - Measuring

seconds_since() { awk -v a="$1" -v b="$EPOCHREALTIME" 'BEGIN { printf "%.4f", b - a }'; }

# One pass of feedspool over every page in one process (`feedspool clean FILE
# FILE...`), the fair match for trafilatura's loop.  Sets secs and fails.  No
# --base: it only resolves links in the HTML, never changes the text.
time_feedspool_batch() {
    local start=$EPOCHREALTIME
    fails=0
    "$FEEDSPOOL" clean --text "${page_files[@]}" >"$work/feedspool-batch.txt" 2>>"$work/feedspool.err" || fails=1
    secs=$(seconds_since "$start")
}

# One pass of feedspool over every page, one process a page, as a feed reader
# that shells out to it would run it.  Sets secs and fails; writes the text of
# each page to $work/feedspool/<id>.txt, which is what gets scored.
time_feedspool() {
    local id url path start=$EPOCHREALTIME
    fails=0
    while IFS=$'\t' read -r id url path; do
        "$FEEDSPOOL" clean --text --base "$url" "$path" >"$work/feedspool/$id.txt" 2>>"$work/feedspool.err" \
            || fails=$((fails + 1))
    done <"$work/pages.tsv"
    secs=$(seconds_since "$start")
}

# The same number of processes that do nothing but start and exit: the share
# of feedspool's time that is process start-up, not cleaning.
time_startup() {
    local id url path start=$EPOCHREALTIME
    while IFS=$'\t' read -r id url path; do
        "$FEEDSPOOL" --version >/dev/null
    done <"$work/pages.tsv"
    secs=$(seconds_since "$start")
}

machine_busy_ticks() { awk '/^cpu / { print $2 + $3 + $4 + $7 + $8 + $9 }' /proc/stat; }
own_ticks() { awk '{ print $14 + $15 + $16 + $17 }' "/proc/$$/stat"; }

# MARK: - Each set

# Measures one set: prepares its pages into $bench/work/NAME, times
# feedspool and trafilatura on them, and leaves the texts and timings.tsv
# there for evaluate.py.
measure_set() {
    local name=$1 kind=$2 data=$3
    work=$bench/work/$name
    mkdir -p "$work"
    log "$name: decompressing the pages into $work/html"
    pages=$(python3 "$here/evaluate.py" prepare "$kind" "$data" "$work")
    log "$name: $pages pages; warming the page cache"
    cut -f3 "$work/pages.tsv" | xargs -d '\n' cat >/dev/null
    bytes=$(cut -f3 "$work/pages.tsv" | xargs -d '\n' cat | wc -c)

    timings=$work/timings.tsv
    : >"$timings"
    echo -e "repeats\t$REPEATS\nbytes\t$bytes" >>"$timings"
    set_start=$EPOCHREALTIME
    busy_before=$(machine_busy_ticks); own_before=$(own_ticks)

    if [ -n "$have_feedspool" ]; then
        rm -rf "$work/feedspool"; mkdir -p "$work/feedspool"; : >"$work/feedspool.err"
        mapfile -t page_files < <(cut -f3 "$work/pages.tsv")
        "$FEEDSPOOL" clean --text "${page_files[0]}" >/dev/null 2>&1 || true
        # Builds from before `clean` took several files reject two.
        batch=; "$FEEDSPOOL" clean --text "${page_files[0]}" "${page_files[0]}" >/dev/null 2>&1 && batch=1
        fs_runs=; startup_runs=; batch_runs=; batch_fails=0
        for rep in $(seq "$REPEATS"); do
            if [ -n "$batch" ]; then
                log "$name, run $rep/$REPEATS: feedspool clean, all pages in one process"
                time_feedspool_batch; batch_runs=${batch_runs:+$batch_runs,}$secs; batch_fails=$((batch_fails + fails))
            fi
            log "$name, run $rep/$REPEATS: feedspool clean, one process a page, then feedspool --version as often"
            time_feedspool; fs_runs=${fs_runs:+$fs_runs,}$secs
            time_startup; startup_runs=${startup_runs:+$startup_runs,}$secs
        done
        # The one-process run must print what the per-page runs printed.
        batch_matches=
        if [ -n "$batch" ]; then
            batch_matches=no
            cut -f1 "$work/pages.tsv" | sed "s|.*|$work/feedspool/&.txt|" | xargs -d '\n' cat \
                | cmp -s - "$work/feedspool-batch.txt" && batch_matches=yes
            echo -e "batch_runs\t$batch_runs\nbatch_failed\t$batch_fails\nbatch_matches\t$batch_matches" >>"$timings"
        fi
        version=$("$FEEDSPOOL" --version 2>/dev/null | head -n 1) || version=
        commit=$(git -C "$root" rev-parse --short HEAD 2>/dev/null) || commit="no commit"
        dirty=$(git -C "$root" status --porcelain -- Sources 2>/dev/null | head -n 1) || dirty=
        echo -e "feedspool_runs\t$fs_runs\nstartup_runs\t$startup_runs\nfeedspool_failed\t$fails" >>"$timings"
        echo -e "feedspool_version\t${version:-?} ($commit${dirty:+, modified})" >>"$timings"
    fi

    if [ -n "$have_trafilatura" ]; then
        log "$name: trafilatura, $REPEATS pass(es) in one process"
        if "$venv/bin/python" "$here/trafilatura_loop.py" "$work/pages.tsv" "$work/trafilatura.json" "$REPEATS" \
            2>"$work/trafilatura.err"; then
            echo -e "trafilatura\tok\npython_version\t$("$venv/bin/python" --version)" >>"$timings"
        else
            log "trafilatura failed: see $work/trafilatura.err"
        fi
    fi

    other_cpu=$(awk -v b0="$busy_before" -v b1="$(machine_busy_ticks)" -v o0="$own_before" -v o1="$(own_ticks)" \
        -v hz="$(getconf CLK_TCK)" -v wall="$(seconds_since "$set_start")" \
        'BEGIN { o = ((b1 - b0) - (o1 - o0)) / hz / wall * 100; printf "%.1f", o < 0 ? 0 : o }')
    echo -e "other_cpu\t$other_cpu" >>"$timings"
    if awk -v o="$other_cpu" 'BEGIN { exit !(o >= 25) }'; then
        log "warning: other processes used $other_cpu% of a core while timing $name: the figures are low"
    fi
}

run_start=$EPOCHREALTIME
work_dirs=()
for set in "${sets[@]}"; do
    read -r name kind data <<<"$set"
    measure_set "$name" "$kind" "$data"
    work_dirs+=("$bench/work/$name")
done

# MARK: - Report

log "scoring"
python3 "$here/evaluate.py" report "$here/latest.md" "${work_dirs[@]}"
log "run took $(seconds_since "$run_start") s; report written to $here/latest.md"
