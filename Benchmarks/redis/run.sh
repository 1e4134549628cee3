#!/usr/bin/env bash
# Redis sink benchmark: how many articles a second `feedspool once` delivers
# into a Redis stream (`sink = redis://…`), next to the same poll into the
# spool directory, on the poll benchmark's kind of corpus, and next to
# `redis-benchmark`'s XADD rate on the same server, the ceiling.
#
# Usage: Benchmarks/redis/run.sh
# Environment:
#   FEEDSPOOL   binary under test (default: .build/release/feedspool)
#   FEEDS       feeds served (default 1000), ENTRIES per feed (default 20)
# The Redis server is private (a free port, a temporary folder) and syncs
# its append-only file on every write (appendfsync always), as the tests do.
set -euo pipefail
export LC_ALL=C
here=$(cd "$(dirname "$0")" && pwd)
bench=$(dirname "$here")
root=$(dirname "$bench")
FEEDSPOOL=${FEEDSPOOL:-$root/.build/release/feedspool}
FEEDS=${FEEDS:-1000}
ENTRIES=${ENTRIES:-20}
work=$bench/work/redis
APT_LOG=$work/apt.log
mkdir -p "$work"
. "$bench/tools.sh"
ensure_command redis-server redis-server || { log "redis-server missing"; exit 1; }
[ -x "$FEEDSPOOL" ] || { log "feedspool not built at $FEEDSPOOL (swift build -c release)"; exit 1; }

corpus=$work/feeds
python3 "$bench/parse/generate_corpus.py" "$corpus" --feeds "$FEEDS" --entries "$ENTRIES" --blocks 1.0 >&2
free_port() { python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'; }
http_port=$(free_port)
redis_port=$(free_port)
rm -rf "$work/redis-data" "$work/run"; mkdir -p "$work/redis-data" "$work/run"
(cd "$corpus" && exec python3 -m http.server "$http_port" --bind 127.0.0.1 >/dev/null 2>&1) &
http_pid=$!
redis-server --port "$redis_port" --bind 127.0.0.1 --dir "$work/redis-data" --appendonly yes \
  --appendfsync always --save "" --daemonize no >/dev/null 2>&1 &
redis_pid=$!
trap 'kill $http_pid $redis_pid 2>/dev/null || true' EXIT
for _ in $(seq 50); do
  redis-cli -p "$redis_port" ping >/dev/null 2>&1 && curl -s -o /dev/null "http://127.0.0.1:$http_port/" && break
  sleep 0.1
done

conf() { # folder, extra line
  mkdir -p "$1"
  { printf 'spool = spool\nstate = state\nbacklog = all\nconcurrency = 16\nper-host = 16\n%s\n' "$2"
    python3 -c '
import json, sys
for f in json.load(open(sys.argv[1]))["files"]: print("http://127.0.0.1:%s/%s" % (sys.argv[2], f["name"]))' \
      "$corpus/manifest.json" "$http_port"; } >"$1/feeds.conf"
}
timed_once() { # folder → seconds
  local start=$EPOCHREALTIME
  "$FEEDSPOOL" once --config "$1/feeds.conf" >/dev/null 2>"$1/once.err" || { log "once failed: $(head -3 "$1/once.err")"; exit 1; }
  awk -v a="$start" -v b="$EPOCHREALTIME" 'BEGIN { printf "%.2f", b - a }'
}
articles=$((FEEDS * ENTRIES))
conf "$work/run/spool" ""
spool_s=$(timed_once "$work/run/spool")
spool_n=$(find "$work/run/spool/spool/new" -type f | wc -l)
conf "$work/run/redis" "sink = redis://127.0.0.1:$redis_port/0"
redis_s=$(timed_once "$work/run/redis")
redis_n=$(redis-cli -p "$redis_port" XLEN feedspool)
ceiling=$(redis-benchmark -p "$redis_port" -n 20000 -c 1 -q XADD benchstream '*' id x feed y json z 2>/dev/null | grep -o '[0-9.]* requests per second' | cut -d' ' -f1)
ceiling50=$(redis-benchmark -p "$redis_port" -n 50000 -c 50 -q XADD benchstream '*' id x feed y json z 2>/dev/null | grep -o '[0-9.]* requests per second' | cut -d' ' -f1)
rate() { awk -v n="$1" -v s="$2" 'BEGIN { printf "%.0f", n / s }'; }
spool_rate=$(rate "$spool_n" "$spool_s"); redis_rate=$(rate "$redis_n" "$redis_s")
{
  echo "# Redis sink: latest run"
  echo
  echo "$(date -u '+%Y-%m-%d %H:%M UTC'), $FEEDS feeds × $ENTRIES entries ($articles articles) from a local HTTP server,"
  echo "redis-server $(redis-server --version | grep -o 'v=[0-9.]*' | cut -c3-) with appendfsync always, $(nproc) cores."
  echo
  echo "| sink | articles | seconds | articles/s | vs spool |"
  echo "| --- | ---: | ---: | ---: | ---: |"
  echo "| spool directory (\`new/\`) | $spool_n | $spool_s | $spool_rate | 1.00× |"
  echo "| Redis stream (\`sink = redis://\`) | $redis_n | $redis_s | $redis_rate | $(awk -v a="$redis_rate" -v b="$spool_rate" 'BEGIN { printf "%.2f", a / b }')× |"
  echo "| redis-benchmark XADD, 1 client (ceiling) | 20000 | | ${ceiling%.*} | $(awk -v a="$ceiling" -v b="$spool_rate" 'BEGIN { printf "%.2f", a / b }')× |"
  echo "| redis-benchmark XADD, 50 clients | 50000 | | ${ceiling50%.*} | $(awk -v a="$ceiling50" -v b="$spool_rate" 'BEGIN { printf "%.2f", a / b }')× |"
} >"$here/latest.md"
cat "$here/latest.md"
