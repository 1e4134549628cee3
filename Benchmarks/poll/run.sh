#!/usr/bin/env bash
# Poll benchmark: how fast `feedspool once` polls 2,000 feeds served by a
# private nginx on 127.0.0.1, first with every article new (all 200) and then
# with nothing changed (all 304), next to `curl --parallel` fetching the same
# URLs, the transport's limit.  See Benchmarks/README.md.
#
# Usage: Benchmarks/poll/run.sh [--force] [--perf]
#   --force   regenerate the feeds
#   --perf    afterwards, profile one more pass 1 and pass 2 with `perf record`
#             (top symbols to Benchmarks/work/poll/perf-pass{1,2}.txt; not timed)
# Environment:
#   FEEDSPOOL     binary under test (default: .build/release/feedspool)
#   FEEDS         feeds served (default 2000)
#   CORPUS        where the feeds are generated (default: Benchmarks/work/poll/feeds)
#   ENTRIES       entries per feed (default 20)
#   BLOCKS        mean HTML blocks per entry body (default 1.0, about 27 KB a feed)
#   CONCURRENCY   transfers at once, for feedspool (concurrency and per-host) and curl (default 16)
#   CURL_REPEATS  timed curl runs per pass; the best is reported (default 3)
#   NOSYNC        1 = also time pass 1 under eatmydata (fsync made a no-op), as a diagnostic (default 1)
#   SETTLE        1 = before pass 1, wait until the last run's spool files were deleted 6 minutes
#                 ago, for ext4 without a journal (see Benchmarks/README.md; default 0)
#   KEEP          1 = keep this run's spools and states in Benchmarks/work/poll/run/ (default 0)
set -euo pipefail
export LC_ALL=C

here=$(cd "$(dirname "$0")" && pwd)
bench=$(dirname "$here")
root=$(dirname "$bench")
FEEDSPOOL=${FEEDSPOOL:-$root/.build/release/feedspool}
FEEDS=${FEEDS:-2000}
ENTRIES=${ENTRIES:-20}
BLOCKS=${BLOCKS:-1.0}
CONCURRENCY=${CONCURRENCY:-16}
CURL_REPEATS=${CURL_REPEATS:-3}
NOSYNC=${NOSYNC:-1}
SETTLE=${SETTLE:-0}
KEEP=${KEEP:-0}
work=$bench/work/poll
corpus=${CORPUS:-$work/feeds}
runs=$work/run
force= perf=
for arg in "$@"; do
    case $arg in
        --force) force=--force ;;
        --perf) perf=1 ;;
        -h|--help) sed -n '2,24p' "$0"; exit 0 ;;
        *) echo "run.sh: unknown argument '$arg' (try --help)" >&2; exit 2 ;;
    esac
done

# MARK: - Tools

APT_LOG=$work/apt.log
. "$bench/tools.sh"   # log, as_root, apt_install, ensure_command
die() { log "run.sh: $*"; exit 1; }

mkdir -p "$work"
# One run at a time: two would share the scratch folder, and time each other.
exec 9>"$work/.lock"
flock -n 9 || die "another run.sh is using $work; wait for it to finish"
# Debian's nginx package enables its own service on port 80; where policy-rc.d
# allows it (not in this container), the install starts it.  This benchmark
# never uses or touches that service: it runs a private instance below.
ensure_command nginx nginx || die "nginx is needed"
ensure_command curl curl || die "curl is needed"
ensure_command /usr/bin/time time || die "GNU time (/usr/bin/time) is needed"
have_eatmydata=
if [ "$NOSYNC" = 1 ]; then ensure_command eatmydata eatmydata && have_eatmydata=1; fi
if [ -n "$perf" ]; then ensure_command perf linux-perf || die "--perf needs perf (linux-perf)"; fi
have_cc=; ensure_command cc gcc && cc -O2 -o "$work/spool_floor" "$here/spool_floor.c" && have_cc=1 \
    || log "no C compiler: the spool floor is not measured"
have_feedspool=; [ -x "$FEEDSPOOL" ] && have_feedspool=1 || log "feedspool not built at $FEEDSPOOL: measuring curl only (build it with: swift build -c release)"

# MARK: - Feeds

# The parse benchmark's generator, with many small feeds instead of few large ones.
python3 "$bench/parse/generate_corpus.py" "$corpus" --feeds "$FEEDS" --entries "$ENTRIES" --blocks "$BLOCKS" $force
manifest=$corpus/manifest.json
names=$work/names.list
python3 -c '
import json, sys
for f in json.load(open(sys.argv[1]))["files"]: print(f["name"])' "$manifest" >"$names"
entries=$(python3 -c 'import json, sys; print(json.load(open(sys.argv[1]))["entries"])' "$manifest")
log "warming the page cache"
cat "$corpus"/*.xml >/dev/null

# MARK: - nginx, private

# A free port on the loopback interface, chosen by the kernel.
port=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
ngx=$work/nginx
rm -rf "$ngx"; mkdir -p "$ngx/tmp"
# etag on (the default) and if_modified_since exact make nginx answer
# conditional requests with 304; gzip stays off, so every client gets the
# same bytes.  All paths are under $ngx, so nothing of the system's nginx is
# read or written.
cat >"$ngx/nginx.conf" <<EOF
# Written by Benchmarks/poll/run.sh for one run; a private instance.
worker_processes 2;
pid $ngx/nginx.pid;
error_log $ngx/error.log warn;
events { worker_connections 1024; }
http {
    access_log off;
    client_body_temp_path $ngx/tmp/body;
    proxy_temp_path $ngx/tmp/proxy;
    fastcgi_temp_path $ngx/tmp/fastcgi;
    uwsgi_temp_path $ngx/tmp/uwsgi;
    scgi_temp_path $ngx/tmp/scgi;
    types { application/xml xml; }
    default_type application/octet-stream;
    sendfile on;
    tcp_nopush on;
    keepalive_timeout 60s;
    keepalive_requests 100000;
    etag on;
    if_modified_since exact;
    server {
        listen 127.0.0.1:$port;
        root $corpus;
    }
}
EOF

nginx_pid=
stop_nginx() {
    [ -n "$nginx_pid" ] || return 0
    kill -QUIT "$nginx_pid" 2>/dev/null || true
    # nginx removes its pid file on exit.  (Its master may linger as a zombie
    # where PID 1 does not reap, so the pid file is the sign, not kill -0.)
    for _ in $(seq 50); do [ -e "$ngx/nginx.pid" ] || break; sleep 0.1; done
    [ -e "$ngx/nginx.pid" ] && kill -TERM "$nginx_pid" 2>/dev/null || true
    nginx_pid=
}
trap stop_nginx EXIT
trap 'exit 130' INT TERM

nginx -c "$ngx/nginx.conf" -p "$ngx/" -e "$ngx/error.log" || die "nginx did not start: see $ngx/error.log"
for _ in $(seq 50); do [ -s "$ngx/nginx.pid" ] && break; sleep 0.1; done
nginx_pid=$(cat "$ngx/nginx.pid" 2>/dev/null) || die "nginx wrote no pid file: see $ngx/error.log"
base=http://127.0.0.1:$port
first=$(head -n 1 "$names")
code=
for _ in $(seq 50); do
    code=$(curl -s -o /dev/null -w '%{http_code}' "$base/$first" || true)
    [ "$code" = 200 ] && break
    sleep 0.1
done
[ "$code" = 200 ] || die "nginx answered $code for $base/$first (can its workers read $corpus?): see $ngx/error.log"
log "nginx $nginx_pid serving $corpus on $base"

# MARK: - Clients

# feedspool: one feed a line, every one on the same host, so per-host must
# equal concurrency for both clients to keep the same number of transfers going.
# Each pass 1 gets a new folder, run/NAME/, with this file and its empty spool
# and state beside it.
feeds_conf() { # folder
    mkdir -p "$1"
    {
        printf '# Written by Benchmarks/poll/run.sh; all feeds are on one host.\n'
        printf 'spool = spool\nstate = state\nbacklog = all\nconcurrency = %d\nper-host = %d\n' "$CONCURRENCY" "$CONCURRENCY"
        awk -v base="$base" '{ print base "/" $0 }' "$names"
    } >"$1/feeds.conf"
}

# On ext4 without a journal (this VM's disk), a new inode is not taken from
# those freed in the last 60 s, or 360 s when their inode-table block is dirty
# (and new files make it dirty): the allocator looks each one up and skips it.
# Creating 40,000 files beside 40,000 just deleted cost pass 1 about half as
# much again.  So spools are deleted when a run ends, not before its pass 1,
# and the report says how long before pass 1 the last deletion was.
remove_runs() {
    [ -d "$runs" ] || return 0
    local n
    n=$(find "$runs" -type f | wc -l)
    rm -rf "$runs"
    # A handful of files (a run that stopped early) does not count.
    [ "$n" -ge 1000 ] && printf '%s %s\n' "$(date +%s)" "$n" >"$work/deleted-at"
    return 0
}
remove_runs
if [ -n "$have_feedspool" ]; then
    feeds_conf "$runs/pass"
    "$FEEDSPOOL" check --config "$runs/pass/feeds.conf" >"$work/check.out" 2>&1 || die "feedspool check failed: see $work/check.out"
fi

# curl: one option group per URL (separated by `next`), so each can save or
# compare its own ETag; --parallel runs the groups' transfers together.  The
# timed pass 1 saves nothing: writing 2,000 ETag files took curl 3-4 times as
# long as the transfers on this disk.  An untimed run saves them for pass 2.
mkdir -p "$work/etags"
curl_config() { # "" | etag-save | etag-compare
    awk -v base="$base" -v etags="$work/etags" -v opt="$1" '
        NR > 1 { print "next" }
        {
            printf "url = \"%s/%s\"\noutput = \"/dev/null\"\n", base, $0
            if (opt != "") printf "%s = \"%s/%s\"\n", opt, etags, $0
            print "write-out = \"%{http_code}\\n\""
        }' "$names"
}
curl_config "" >"$work/curl-pass1.K"
curl_config etag-save >"$work/curl-etags.K"
curl_config etag-compare >"$work/curl-pass2.K"

# MARK: - Measuring

seconds_since() { awk -v a="$1" -v b="$EPOCHREALTIME" 'BEGIN { printf "%.4f", b - a }'; }
# CPU time in clock ticks: of the whole machine, of this script with its
# waited-for children, and of nginx (a daemon, so not among those children).
machine_busy_ticks() { awk '/^cpu / { print $2 + $3 + $4 + $7 + $8 + $9 }' /proc/stat; }
own_ticks() { awk '{ print $14 + $15 + $16 + $17 }' "/proc/$$/stat"; }
nginx_ticks() {
    local p total=0 t
    for p in "$nginx_pid" $(ps --ppid "$nginx_pid" -o pid= 2>/dev/null); do
        t=$(awk '{ print $14 + $15 }' "/proc/$p/stat" 2>/dev/null) || t=0
        total=$((total + ${t:-0}))
    done
    echo "$total"
}
hz=$(getconf CLK_TCK)

# Runs one command under GNU time.  Sets wall (s, the shell's clock), rss
# (KiB), user and sys (s), nginx_s (CPU s nginx used meanwhile), other (% of
# one core that other processes used meanwhile) and rc.  Its standard output
# goes to $work/NAME.out, its standard error to $work/NAME.err.
timed() { # name, command…
    local name=$1 b0 o0 n0 start line
    shift
    b0=$(machine_busy_ticks); o0=$(own_ticks); n0=$(nginx_ticks)
    start=$EPOCHREALTIME
    rc=0
    /usr/bin/time -f '%M %U %S' -o "$work/$name.time" "$@" >"$work/$name.out" 2>"$work/$name.err" || rc=$?
    wall=$(seconds_since "$start")
    # GNU time puts "Command exited with non-zero status N" first when it does.
    line=$(tail -n 1 "$work/$name.time")
    read -r rss user sys <<<"$line"
    read -r nginx_s other < <(awk -v b0="$b0" -v b1="$(machine_busy_ticks)" -v o0="$o0" -v o1="$(own_ticks)" \
        -v n0="$n0" -v n1="$(nginx_ticks)" -v hz="$hz" -v wall="$wall" \
        'BEGIN { n = (n1 - n0) / hz; o = ((b1 - b0) - (o1 - o0) - (n1 - n0)) / hz / wall * 100
                 printf "%.2f %.1f\n", n, o < 0 ? 0 : o }')
}

results=$work/results.tsv
printf 'key\tlabel\tstatus\tfeeds\tarticles\tseconds\truns\trss_kib\tuser\tsys\tnginx_s\tother_cpu\tcheck\n' >"$results"
row() { local IFS=$'\t'; echo "$*" >>"$results"; }

statuses() { sort "$1" | uniq -c | awk '{ printf "%s%s× %s", (NR > 1 ? ", " : ""), $1, $2 }'; }

# curl, best of CURL_REPEATS; peak RSS is the largest of the runs.
time_curl() { # pass (1|2), expected status
    local pass=$1 want=$2 runs= best= best_user= best_sys= best_nginx= best_other= max_rss=0 check bad=0 rep
    for rep in $(seq "$CURL_REPEATS"); do
        log "curl pass $pass, run $rep/$CURL_REPEATS"
        timed "curl-pass$pass" curl --parallel --parallel-max "$CONCURRENCY" --no-progress-meter -K "$work/curl-pass$pass.K"
        [ "$rc" = 0 ] || bad=1
        runs="${runs:+$runs,}$wall"
        [ "$rss" -gt "$max_rss" ] && max_rss=$rss
        if [ -z "$best" ] || awk -v a="$wall" -v b="$best" 'BEGIN { exit !(a < b) }'; then
            best=$wall best_user=$user best_sys=$sys best_nginx=$nginx_s best_other=$other
        fi
    done
    check="HTTP $(statuses "$work/curl-pass$pass.out")"
    [ "$(grep -cx "$want" "$work/curl-pass$pass.out")" = "$FEEDS" ] || bad=1
    [ "$bad" = 0 ] || check="⚠ $check (expected $FEEDS× $want; see $work/curl-pass$pass.err)"
    local articles=$entries; [ "$pass" = 2 ] && articles=0
    row "curl-$pass" "curl (pass $pass$([ "$pass" = 2 ] && echo ' / 304'))" ok "$FEEDS" "$articles" "$best" "$runs" \
        "$max_rss" "$best_user" "$best_sys" "$best_nginx" "$best_other" "$check"
}

delivered() { # folder
    if [ -d "$1/spool/new" ]; then find "$1/spool/new" -type f -name '*.json' | wc -l; else echo 0; fi
}
# How the state store recorded each feed's last poll, e.g. "2000× ok: 20 new".
recorded() { # folder
    python3 - "$1/state" <<'EOF'
import collections, glob, sqlite3, sys
paths = glob.glob(sys.argv[1] + "/*.sqlite")
if not paths:
    print("no state database"); sys.exit()
db = sqlite3.connect(paths[0])
counts = collections.Counter(r[0] for r in db.execute("SELECT last_result FROM feeds"))
print(", ".join("%d× %s" % (n, k) for k, n in counts.most_common()))
EOF
}

# One pass of feedspool once in run/FOLDER; pass 1 makes the folder, so it
# starts from an empty spool and state.
time_feedspool() { # key, label, folder, expected new files, wrapper…
    local key=$1 label=$2 folder=$runs/$3 want=$4 before=0 now check
    shift 4
    if [ -d "$folder" ]; then before=$(delivered "$folder"); else feeds_conf "$folder"; fi
    log "$label"
    timed "$key" "$@" "$FEEDSPOOL" once --config "$folder/feeds.conf"
    now=$(delivered "$folder")
    check="$now files in spool/new (expected $want); state: $(recorded "$folder")"
    [ "$rc" = 0 ] && [ "$now" = "$want" ] || check="⚠ $check; exit status $rc, see $work/$key.err"
    row "$key" "$label" ok "$FEEDS" $((now - before)) "$wall" "$wall" "$rss" "$user" "$sys" "$nginx_s" "$other" "$check"
}

# Seconds since the last run's spool files were deleted, and how many.
deleted_since=; deleted_files=
if [ -s "$work/deleted-at" ]; then
    read -r deleted_at deleted_files <"$work/deleted-at"
    deleted_since=$(( $(date +%s) - deleted_at ))
    if [ "$SETTLE" = 1 ] && [ "$deleted_since" -lt 360 ]; then
        log "SETTLE=1: waiting $((360 - deleted_since)) s, until the last run's spool files were deleted 6 minutes ago"
        sleep $((360 - deleted_since))
    fi
fi

run_start=$EPOCHREALTIME
load_before=$(cut -d ' ' -f 1-3 /proc/loadavg)
time_curl 1 200
log "curl: saving ETags for pass 2 (untimed)"
curl --parallel --parallel-max "$CONCURRENCY" --no-progress-meter -K "$work/curl-etags.K" >/dev/null 2>"$work/curl-etags.err" \
    || die "curl could not save the ETags: see $work/curl-etags.err"
time_curl 2 304
if [ -n "$have_feedspool" ]; then
    [ -n "$deleted_since" ] && deleted_since=$(( $(date +%s) - deleted_at ))
    time_feedspool feedspool-1 "feedspool once (pass 1)" pass "$entries"
    time_feedspool feedspool-2 "feedspool once (pass 2 / 304)" pass "$entries"
    if [ -n "$have_eatmydata" ]; then
        time_feedspool feedspool-nosync "feedspool once (pass 1, fsync off) ‡" nosync "$entries" eatmydata
    fi
    # The floor under pass 1: as many files, of pass 1's mean size, only
    # created and renamed (spool_floor.c).
    if [ -n "$have_cc" ]; then
        read -r files bytes < <(find "$runs/pass/spool/new" -type f -printf '%s\n' | awk '{ n++; b += $1 } END { print n + 0, b + 0 }')
        mean=$(( files > 0 ? bytes / files : 0 ))
        log "spool floor: $files files of $mean bytes"
        timed spool-floor "$work/spool_floor" "$runs/floor" "$files" "$mean"
        check="$(find "$runs/floor/new" -type f | wc -l) files of $mean bytes in new/"
        [ "$rc" = 0 ] || check="⚠ $check; exit status $rc, see $work/spool-floor.err"
        row spool-floor "spool floor, C: create and rename the files only ◊" ok "$FEEDS" "$files" "$wall" "$wall" \
            "$rss" "$user" "$sys" "$nginx_s" "$other" "$check"
    fi
else
    row feedspool-1 "feedspool once (pass 1)" "not built" "" "" "" "" "" "" "" "" "" ""
    row feedspool-2 "feedspool once (pass 2 / 304)" "not built" "" "" "" "" "" "" "" "" "" ""
fi

# MARK: - Profile (optional, untimed)

if [ -n "$perf" ] && [ -n "$have_feedspool" ]; then
    demangle() { if command -v swift-demangle >/dev/null 2>&1; then swift-demangle --simplified; else cat; fi; }
    report() { # data file, perf report options…
        local data=$1; shift
        perf report -i "$data" --stdio -g none "$@" 2>/dev/null | sed -e '/^#/d' -e '/^$/d' | demangle | sed -e 's/[ -]*$//'
    }
    feeds_conf "$runs/perf"
    for pass in 1 2; do
        log "perf record: feedspool once, pass $pass"
        # DWARF call graphs: Swift's runtime and libxml2 keep no frame pointers.
        perf record -q -F 199 --call-graph dwarf,16384 -o "$work/perf-pass$pass.data" \
            -- "$FEEDSPOOL" once --config "$runs/perf/feeds.conf" \
            >/dev/null 2>"$work/perf-pass$pass.err" || log "perf run exited non-zero: see $work/perf-pass$pass.err"
        log "perf report: pass $pass"
        {
            echo "# feedspool once, pass $pass: on-CPU samples (perf record -F 199, DWARF call graphs)"
            echo "# by shared object (self):"
            report "$work/perf-pass$pass.data" --no-children --sort dso | sed -n '1,12p'
            echo
            echo "# by symbol (self):"
            report "$work/perf-pass$pass.data" --no-children --sort dso,symbol | sed -n '1,30p'
            echo
            echo "# stages (inclusive: the function and what it calls):"
            report "$work/perf-pass$pass.data" --children --sort symbol \
                | grep -E ' (PollRun\.run|FeedPoll\.(handle|deliver)|FeedParser\.parse|Cleaner\.(clean|tree)|FeedTemplate\.init|Spool\.(deliver|finish)|FileSystem\.[a-zA-Z]+|StateStore\.[a-zA-Z]+|SpoolArticle\.[a-zA-Z]+|sqlite3_step|do_syscall_64|CurlTransferLoop\.run)\(' \
                | grep -v inlined | sed -n '1,30p'
        } >"$work/perf-pass$pass.txt" || true
        log "wrote $work/perf-pass$pass.txt"
    done
fi

# MARK: - Report

version=$([ -n "$have_feedspool" ] && "$FEEDSPOOL" --version 2>/dev/null | head -n 1) || version=
commit=$(git -C "$root" rev-parse --short HEAD 2>/dev/null) || commit="no commit"
[ -n "$(git -C "$root" status --porcelain -- Sources Package.swift 2>/dev/null)" ] && commit="$commit, Sources modified"
built=$([ -n "$have_feedspool" ] && date -u -r "$FEEDSPOOL" '+%Y-%m-%d %H:%M UTC') || built=
export POLL_FEEDSPOOL_VERSION="${version:-?} ($commit; binary built $built)"
export POLL_CURL_VERSION=$(curl --version | head -n 1 | cut -d ' ' -f 1-2)
export POLL_LIBCURL_VERSION=$(dpkg-query -W -f '${Version}' libcurl4 2>/dev/null || echo '?')
export POLL_SQLITE_VERSION=$(dpkg-query -W -f '${Version}' libsqlite3-0 2>/dev/null || echo '?')
export POLL_NGINX_VERSION=$(nginx -v 2>&1 | sed 's/.*version: //')
filesystem=$(df -PT "$work" | awk 'NR == 2 { print $2 " on " $1 }')
device=$(df -P "$work" | awk 'NR == 2 { sub(".*/", "", $1); print $1 }')
case $filesystem in
    ext4*) ls -d /proc/fs/jbd2/"$device"-* >/dev/null 2>&1 || filesystem="ext4 without a journal ${filesystem#ext4 }" ;;
esac
export POLL_FILESYSTEM=$filesystem
export POLL_DELETED_SINCE=$deleted_since POLL_DELETED_FILES=$deleted_files
export POLL_LOAD_BEFORE=$load_before POLL_CONCURRENCY=$CONCURRENCY
python3 "$here/report.py" "$results" "$manifest" "$here/latest.md"
if [ "$KEEP" = 1 ]; then
    log "KEEP=1: spools and states kept in $runs (deleted when the next run starts)"
else
    remove_runs
fi
log "run took $(seconds_since "$run_start") s after generating the feeds; report written to $here/latest.md"
