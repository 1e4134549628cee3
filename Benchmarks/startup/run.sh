#!/usr/bin/env bash
# Start-up time: what one short command costs, as a script or cron job runs it.
#
# hyperfine (Debian's) times, in the same run:
# - `feedspool --version` and `feedspool parse` of a small feed (the example
#   blog.rss, 6 entries) with the installed kind of binary (release,
#   --static-swift-stdlib, as `make` builds it);
# - sfeed on the same feed (sfeed reads standard input);
# - three C programs that print a line and exit: linked to nothing but libc;
#   to the libraries feedspool links (libxml2, libsqlite3, libstdc++), the
#   floor they set; and to those and libcurl, which feedspool loads only when
#   it first fetches (Sources/CCurlLoader): what linking it would cost.
# Figures are the minimum and the median wall time, and the mean CPU time
# (user + system), which drifts less on this shared machine: the minimum is
# what a quiet machine gives.
#
# Environment: FEEDSPOOL (binary, default .build/release/feedspool),
# RUNS (default 300).
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
FEEDSPOOL=${FEEDSPOOL:-$root/.build/release/feedspool}
RUNS=${RUNS:-300}
work=$root/Benchmarks/work/startup
APT_LOG=$work/apt.log
mkdir -p "$work"
# shellcheck source=../tools.sh
. "$root/Benchmarks/tools.sh"

[ -x "$FEEDSPOOL" ] || { echo "feedspool not built at $FEEDSPOOL (make, or swift build -c release --static-swift-stdlib)" >&2; exit 1; }
ensure_command hyperfine hyperfine
ensure_command sfeed sfeed
ensure_command cc gcc

feed=$work/blog.rss
cp "$root/examples/feeds/blog.rss" "$feed"
printf '#include <stdio.h>\nint main(void) { puts("0.1.0"); return 0; }\n' >"$work/hello.c"
cc -O2 "$work/hello.c" -o "$work/hello-libc"
cc -O2 "$work/hello.c" -o "$work/hello-libs" -Wl,--no-as-needed -lxml2 -lsqlite3 -lstdc++
cc -O2 "$work/hello.c" -o "$work/hello-curl" -Wl,--no-as-needed -lcurl -lxml2 -lsqlite3 -lstdc++

# Without a shell (-N) but for sfeed, which reads standard input: hyperfine
# runs it through its shell and subtracts the shell's own start-up.
hyperfine -N --warmup 20 --runs "$RUNS" --export-json "$work/exec.json" \
    -n "feedspool --version" "$FEEDSPOOL --version" \
    -n "feedspool parse blog.rss" "$FEEDSPOOL parse $feed" \
    -n "C: print a line (libc only)" "$work/hello-libc" \
    -n "C: print a line, linked to feedspool's libraries" "$work/hello-libs" \
    -n "C: the same and libcurl" "$work/hello-curl" >"$work/hyperfine.log" 2>&1
hyperfine --warmup 20 --runs "$RUNS" --export-json "$work/shell.json" \
    -n "sfeed < blog.rss" "sfeed < $feed" >>"$work/hyperfine.log" 2>&1

python3 - "$work/exec.json,$work/shell.json" "$("$FEEDSPOOL" --version)" "$(dpkg-query -W -f '${Version}' sfeed)" \
    "$(ldd "$FEEDSPOOL" | wc -l)" "$(ldd "$work/hello-libs" | wc -l)" "$RUNS" <<'PY' | tee "$here/latest.md"
import json, subprocess, sys
times, version, sfeed, feedspool_libs, libs, runs = sys.argv[1:]
results = [r for path in times.split(",") for r in json.load(open(path))["results"]]
results.sort(key=lambda r: (not r["command"].startswith("feedspool"), not r["command"].startswith("sfeed")))
print("# Start-up benchmark: latest run\n")
print(f"feedspool {version} (release, --static-swift-stdlib), sfeed {sfeed}, hyperfine, "
      f"{runs} runs each after 20 warm-up runs; {subprocess.getoutput('nproc')} cores, "
      f"{subprocess.getoutput('date -u +%F')}. feedspool loads {feedspool_libs} shared objects "
      f"(ldd), the C program linked to its libraries {libs}.\n")
print("| command | wall ms, min | wall ms, median | CPU ms (user + system), mean |")
print("| --- | ---: | ---: | ---: |")
for r in results:
    print(f"| {r['command']} | {r['min']*1e3:.1f} | {r['median']*1e3:.1f} | "
          f"{(r['user'] + r['system'])*1e3:.1f} |")
PY
