#!/usr/bin/env bash
# Parse benchmark: how fast `feedspool parse FILE` reads the generated corpus,
# next to raw libxml2 streaming (xmllint --stream), sfeed and Python feedparser,
# all timed in one run on the same files.  See Benchmarks/README.md.
#
# Usage: Benchmarks/parse/run.sh [--force]   (--force regenerates the corpus)
# Environment:
#   FEEDSPOOL         binary under test (default: .build/release/feedspool)
#   CORPUS            corpus folder (default: Benchmarks/work/parse-corpus)
#   REPEATS           timed rounds, each running every tool once (default 5)
#   FEEDPARSER_EVERY  feedparser reads every Nth file of each format (default 5; 1 = all)
#   FEEDPARSER_SPEC   pip requirement for feedparser (default feedparser==6.0.14)
set -euo pipefail
export LC_ALL=C

here=$(cd "$(dirname "$0")" && pwd)
bench=$(dirname "$here")
root=$(dirname "$bench")
FEEDSPOOL=${FEEDSPOOL:-$root/.build/release/feedspool}
CORPUS=${CORPUS:-$bench/work/parse-corpus}
REPEATS=${REPEATS:-5}
FEEDPARSER_EVERY=${FEEDPARSER_EVERY:-5}
FEEDPARSER_SPEC=${FEEDPARSER_SPEC:-feedparser==6.0.14}
venv=$bench/.venv
scratch=$bench/work/parse-results
force=
for arg in "$@"; do
    case $arg in
        --force) force=--force ;;
        -h|--help) sed -n '2,14p' "$0"; exit 0 ;;
        *) echo "run.sh: unknown argument '$arg' (try --help)" >&2; exit 2 ;;
    esac
done

# MARK: - Tools

APT_LOG=$scratch/apt.log
. "$bench/tools.sh"   # log, as_root, apt_install, ensure_command

ensure_feedparser() {
    if "$venv/bin/python" -c 'import feedparser' 2>/dev/null; then return 0; fi
    log "installing $FEEDPARSER_SPEC into $venv"
    if ! python3 -m venv "$venv" >"$scratch/pip.log" 2>&1; then
        apt_install python3-venv && python3 -m venv "$venv" >>"$scratch/pip.log" 2>&1 || return 1
    fi
    "$venv/bin/python" -m pip install -q "$FEEDPARSER_SPEC" >>"$scratch/pip.log" 2>&1 || return 1
}

mkdir -p "$scratch"
have_time=; ensure_command /usr/bin/time time && have_time=1
have_xmllint=; ensure_command xmllint libxml2-utils && have_xmllint=1
have_sfeed=; ensure_command sfeed sfeed && have_sfeed=1
have_feedparser=; ensure_feedparser && have_feedparser=1 || log "could not install feedparser: see $scratch/pip.log"
have_feedspool=; [ -x "$FEEDSPOOL" ] && have_feedspool=1 || log "feedspool not built at $FEEDSPOOL: measuring the others"
[ -n "$have_time" ] || { log "GNU time (/usr/bin/time) is needed for peak RSS"; exit 1; }

# MARK: - Corpus

python3 "$here/generate_corpus.py" "$CORPUS" $force
manifest=$CORPUS/manifest.json
all=$scratch/all.list
subset=$scratch/feedparser.list
python3 -c '
import json, os, sys
m = json.load(open(sys.argv[1]))
for f in m["files"]:
    print(os.path.join(os.path.dirname(os.path.abspath(sys.argv[1])), f["name"]))
' "$manifest" >"$all"
# Every Nth file of each format, by name: the same files on every run.
awk -v n="$FEEDPARSER_EVERY" '{ fmt = $0; sub(/.*-/, "", fmt); if (seen[fmt]++ % n == 0) print }' "$all" >"$subset"

log "warming the page cache"
xargs cat <"$all" >/dev/null

# MARK: - Measuring

# One function per CLI tool, run once per file.  "${wrap[@]}" is empty when
# timing, and GNU time in the RSS pass, so that the tool itself is measured.
wrap=()
tool_xmllint() { "${wrap[@]}" xmllint --stream --noout "$1"; }
tool_sfeed() { "${wrap[@]}" sfeed <"$1" >/dev/null; }
tool_feedspool() { "${wrap[@]}" "$FEEDSPOOL" parse "$1" >/dev/null; }

# Tools that take many files in one run are timed that way, so the timing is
# of parsing, not of process start-up (about 1 ms for xmllint, 10 ms for a
# Swift binary). sfeed reads only standard input: one process per file.
batch_xmllint() { xargs -d '\n' -a "$1" xmllint --stream --noout; }
batch_feedspool() { xargs -d '\n' -a "$1" "$FEEDSPOOL" parse >/dev/null; }

seconds_since() { awk -v a="$1" -v b="$EPOCHREALTIME" 'BEGIN { printf "%.4f", b - a }'; }

# Times one pass of a CLI tool over a list; sets secs and fails.  Runs in
# this shell, not a subshell, so the tools' CPU time is counted as ours at once.
time_cli() { # tool, list
    local f start=$EPOCHREALTIME
    fails=0
    if declare -F "batch_$1" >/dev/null; then
        "batch_$1" "$2" 2>>"$scratch/$1.err" || fails=1
        secs=$(seconds_since "$start")
        return
    fi
    while IFS= read -r f; do
        "tool_$1" "$f" 2>>"$scratch/$1.err" || fails=$((fails + 1))
    done <"$2"
    secs=$(seconds_since "$start")
}

# Peak RSS of the largest single process over a list, in KiB.  A separate,
# untimed pass: GNU time around each run would add its start-up to the timings.
peak_rss_cli() { # tool, list
    local f
    : >"$scratch/$1.rss"
    wrap=(/usr/bin/time -f %M -a -o "$scratch/$1.rss")
    while IFS= read -r f; do
        "tool_$1" "$f" 2>/dev/null || true
    done <"$2"
    wrap=()
    sort -n "$scratch/$1.rss" | tail -n 1
}

# Times feedparser over a list in one process; sets secs, fails, fp_entries,
# fp_files, fp_bozo and fp_rss (KiB).
time_feedparser() { # list
    fails=0
    /usr/bin/time -f %M -o "$scratch/feedparser.rss" "$venv/bin/python" "$here/feedparser_loop.py" "$1" \
        >"$scratch/feedparser.out" 2>>"$scratch/feedparser.err" || fails=1
    read -r secs fp_entries fp_files fp_bozo <"$scratch/feedparser.out" || true
    fp_rss=$(tail -n 1 "$scratch/feedparser.rss")
    [ "$fails" = 0 ] && [ -n "${secs:-}" ] || { log "feedparser failed: see $scratch/feedparser.err"; exit 1; }
}

# CPU time in clock ticks: of the whole machine, and of this script with its children.
machine_busy_ticks() { awk '/^cpu / { print $2 + $3 + $4 + $7 + $8 + $9 }' /proc/stat; }
own_ticks() { awk '{ print $14 + $15 + $16 + $17 }' "/proc/$$/stat"; }

# Entries a tool reports on a list: sfeed prints one TSV line per entry,
# feedspool a JSON document with an "entries" array.
entries_found() { # tool, list
    local f n total=0
    while IFS= read -r f; do
        case $1 in
            sfeed) n=$(sfeed <"$f" | wc -l) ;;
            feedspool) n=$("$FEEDSPOOL" parse "$f" 2>/dev/null | python3 -c 'import json, sys; print(len(json.load(sys.stdin)["entries"]))' 2>/dev/null) || n=0 ;;
        esac
        total=$((total + n))
    done <"$2"
    echo "$total"
}

tools=()
[ -n "$have_xmllint" ] && tools+=(xmllint)
[ -n "$have_sfeed" ] && tools+=(sfeed)
[ -n "$have_feedparser" ] && tools+=(feedparser)
[ -n "$have_feedspool" ] && tools+=(feedspool)
declare -A runs=() best=() failed=() rss=()
for tool in "${tools[@]}"; do : >"$scratch/$tool.err"; done

run_start=$EPOCHREALTIME
busy_before=$(machine_busy_ticks); own_before=$(own_ticks)
# Round-robin over the tools, so drift in the machine's speed hits them alike.
for rep in $(seq "$REPEATS"); do
    for tool in "${tools[@]}"; do
        log "run $rep/$REPEATS: $tool"
        if [ "$tool" = feedparser ]; then
            time_feedparser "$subset"
            rss[$tool]=$(( ${rss[$tool]:-0} > fp_rss ? ${rss[$tool]:-0} : fp_rss ))
        else
            time_cli "$tool" "$all"
        fi
        runs[$tool]="${runs[$tool]:+${runs[$tool]},}$secs"
        failed[$tool]=$fails
        if [ -z "${best[$tool]:-}" ] || awk -v a="$secs" -v b="${best[$tool]}" 'BEGIN { exit !(a < b) }'; then
            best[$tool]=$secs
        fi
    done
done

# What other processes used while we timed, as a share of one core.  An idle
# machine shows up to about 10 % (kernel work for short processes is not all charged to
# them); a build running alongside shows 100 % or more and lowers the figures.
other_cpu=$(awk -v b0="$busy_before" -v b1="$(machine_busy_ticks)" -v o0="$own_before" -v o1="$(own_ticks)" \
    -v hz="$(getconf CLK_TCK)" -v wall="$(seconds_since "$run_start")" \
    'BEGIN { o = ((b1 - b0) - (o1 - o0)) / hz / wall * 100; printf "%.1f", o < 0 ? 0 : o }')
if awk -v o="$other_cpu" 'BEGIN { exit !(o >= 25) }'; then
    log "warning: other processes used $other_cpu% of a core while timing: the figures are low"
fi

for tool in "${tools[@]}"; do
    [ "$tool" = feedparser ] && continue
    log "peak RSS pass: $tool"
    rss[$tool]=$(peak_rss_cli "$tool" "$all")
done

# MARK: - Report

results=$scratch/results.tsv
printf 'tool\tlabel\tversion\tstatus\tlist\tseconds\truns\trss_kib\tfailed\tentries_found\tnote\n' >"$results"
row() { local IFS=$'\t'; echo "$*" >>"$results"; }
result_row() { # tool, label, version, list, entries-found, note
    row "$1" "$2" "$3" ok "$4" "${best[$1]}" "${runs[$1]}" "${rss[$1]}" "${failed[$1]}" "$5" "$6"
}

# "xmllint: using libxml version 20914" -> "libxml2 2.9.14"
libxml2_version() {
    xmllint --version 2>&1 | awk 'NR == 1 { v = $NF; printf "libxml2 %d.%d.%d\n", v / 10000, (v / 100) % 100, v % 100 }'
}

subset_entries=$(python3 -c '
import json, os, sys
m = {f["name"]: f["entries"] for f in json.load(open(sys.argv[1]))["files"]}
print(sum(m[os.path.basename(l.strip())] for l in open(sys.argv[2]) if l.strip()))' "$manifest" "$subset")

if [ -n "$have_xmllint" ]; then
    result_row xmllint "xmllint --stream" "$(libxml2_version)" "$all" "" ""
else
    row xmllint "xmllint --stream" "" "not available" "" "" "" "" "" "" ""
fi
if [ -n "$have_sfeed" ]; then
    log "counting sfeed's entries on the feedparser subset"
    result_row sfeed sfeed "sfeed $(dpkg-query -W -f '${Version}' sfeed 2>/dev/null || echo '?')" "$all" \
        "$(entries_found sfeed "$subset")/$subset_entries on the feedparser subset" ""
else
    row sfeed sfeed "" "not available" "" "" "" "" "" "" ""
fi
if [ -n "$have_feedparser" ]; then
    result_row feedparser feedparser "feedparser $("$venv/bin/python" -c 'import feedparser; print(feedparser.__version__)'), $("$venv/bin/python" --version)" \
        "$subset" "$fp_entries/$subset_entries ($fp_bozo of $fp_files files flagged bozo)" "one file in $FEEDPARSER_EVERY of each format, by name"
else
    row feedparser feedparser "" "not available" "" "" "" "" "" "" ""
fi
if [ -n "$have_feedspool" ]; then
    log "counting feedspool's entries on the feedparser subset"
    version=$("$FEEDSPOOL" --version 2>/dev/null | head -n 1) || version=
    commit=$(git -C "$root" rev-parse --short HEAD 2>/dev/null) || commit="no commit"
    result_row feedspool "feedspool parse" "${version:-feedspool} ($commit)" "$all" \
        "$(entries_found feedspool "$subset")/$subset_entries on the feedparser subset" ""
else
    row feedspool "feedspool parse" "" "not built" "" "" "" "" "" "" ""
fi

python3 "$here/report.py" "$results" "$manifest" "$here/latest.md" "$other_cpu"
log "run took $(seconds_since "$run_start") s after corpus generation; report written to $here/latest.md"
