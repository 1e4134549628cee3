#!/usr/bin/env python3
"""Turn the poll benchmark's raw results into the Markdown report.

Usage: report.py RESULTS_TSV MANIFEST_JSON OUTPUT_MD

RESULTS_TSV is what run.sh writes: a header line, then one row per timed run
(curl-1, curl-2, feedspool-1, feedspool-2 and, optionally, feedspool-nosync and spool-floor).
Versions and the machine's details come from POLL_* environment variables
that run.sh sets.  The report goes to OUTPUT_MD and to stdout.
"""

import csv
import json
import os
import platform
import sys
from datetime import datetime, timezone

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), ".."))
from machine import cpu_model, memory_gib, thousands  # noqa: E402

# Other processes using this share of one core (in %) while a run was timed
# competed with it; a concurrent build shows 100 % or more.
BUSY_PERCENT = 25.0

# The goals from the issue.
FIRST_PASS_SHARE = 0.80     # of curl's feeds/s, with parse, clean and spool
SECOND_PASS_FEEDS = 2000.0  # feeds/s, all 304
RSS_LIMIT_MIB = 100.0

# On ext4 without a journal, inodes freed this recently are skipped when new
# files are created (60 s, or 360 s while their inode-table block is dirty).
RECENTLY_DELETED_SECONDS = 360


def main():
    results_path, manifest_path, output_path = sys.argv[1:4]
    env = os.environ.get
    with open(manifest_path) as f:
        manifest = json.load(f)
    with open(results_path, newline="") as f:
        rows = list(csv.DictReader(f, delimiter="\t"))
    by_key = {}
    for row in rows:
        row["ok"] = row["status"] == "ok"
        by_key[row["key"]] = row
        if not row["ok"]:
            continue
        row["wall"] = float(row["seconds"])
        row["fps"] = int(row["feeds"]) / row["wall"]
        row["aps"] = int(row["articles"]) / row["wall"]
        row["rss_mib"] = int(row["rss_kib"]) / 1024
        row["cpu"] = float(row["user"]) + float(row["sys"])
        row["warn"] = row["check"].startswith("⚠")

    def reference(row):
        """The curl row a row compares with: the same pass."""
        return by_key.get("curl-2" if row["key"].endswith("-2") else "curl-1")

    # MARK: - Table

    table = ["| run | wall s | feeds/s | articles/s | peak RSS MB | speed vs curl | RSS vs curl |",
             "| --- | ---: | ---: | ---: | ---: | ---: | ---: |"]
    for row in rows:
        if not row["ok"]:
            table.append("| %s | %s | — | — | — | — | — |" % (row["label"], row["status"]))
            continue
        ref = reference(row)
        speed = "%.2f×" % (row["fps"] / ref["fps"]) if ref and ref["ok"] else "n/a"
        memory = "%.1f×" % (row["rss_mib"] / ref["rss_mib"]) if ref and ref["ok"] else "n/a"
        articles = thousands(row["aps"]) if int(row["articles"]) else "—"
        table.append("| %s%s | %.2f | %s | %s | %.1f | %s | %s |" % (
            row["label"], " ⚠" if row["warn"] else "", row["wall"], thousands(row["fps"]), articles,
            row["rss_mib"], speed, memory))

    # MARK: - Goals

    def verdict(ok):
        return "**PASS**" if ok else "**FAIL**"

    goals = []
    c1, f1, f2 = by_key.get("curl-1"), by_key.get("feedspool-1"), by_key.get("feedspool-2")
    if f1 and f1["ok"] and c1 and c1["ok"]:
        share = f1["fps"] / c1["fps"]
        goals.append("- First pass ≥ %d%% of curl's feeds/s, including parse, clean and spool: %s — "
                     "%.1f%% (%s feeds/s against curl's %s)."
                     % (FIRST_PASS_SHARE * 100, verdict(share >= FIRST_PASS_SHARE and not f1["warn"]), share * 100,
                        thousands(f1["fps"]), thousands(c1["fps"])))
        floor = by_key.get("spool-floor")
        if floor and floor["ok"]:
            goals.append("  The floor under it, only creating and renaming as many files in C (◊), reaches %.1f%% "
                         "of curl's feeds/s: on this disk no program that writes one file per article can meet "
                         "this goal; feedspool's pass 1 takes %.1f× the floor's time."
                         % (floor["fps"] / c1["fps"] * 100, f1["wall"] / floor["wall"]))
    else:
        goals.append("- First pass ≥ %d%% of curl's feeds/s: n/a (not measured)." % (FIRST_PASS_SHARE * 100))
    if f2 and f2["ok"]:
        goals.append("- Second pass ≥ %s feeds/s: %s — %s feeds/s."
                     % (thousands(SECOND_PASS_FEEDS), verdict(f2["fps"] >= SECOND_PASS_FEEDS and not f2["warn"]),
                        thousands(f2["fps"])))
    else:
        goals.append("- Second pass ≥ %s feeds/s: n/a (not measured)." % thousands(SECOND_PASS_FEEDS))
    measured = [r for r in (f1, f2) if r and r["ok"]]
    if measured:
        peak = max(r["rss_mib"] for r in measured)
        goals.append("- Peak RSS under %d MB in both passes: %s — %.1f MB."
                     % (RSS_LIMIT_MIB, verdict(peak < RSS_LIMIT_MIB), peak))
    else:
        goals.append("- Peak RSS under %d MB: n/a (not measured)." % RSS_LIMIT_MIB)

    # MARK: - Report

    now = datetime.now(timezone.utc).strftime("%Y-%m-%d %H:%M UTC")
    formats = manifest["formats"]
    concurrency = env("POLL_CONCURRENCY", "?")
    busiest = max((float(r["other_cpu"]) for r in rows if r["ok"]), default=0.0)
    lines = [
        "# Poll benchmark: latest run",
        "",
        "Run %s on %d cores (%s), %s RAM, %s; spool and state on %s. Load average before: %s."
        % (now, os.cpu_count() or 0, cpu_model(), memory_gib(), platform.platform(),
           env("POLL_FILESYSTEM", "?"), env("POLL_LOAD_BEFORE", "?")),
        "",
        "Feeds: %s from a private nginx on 127.0.0.1 (%d RSS 2.0, %d Atom 1.0, %d RSS 1.0), %s entries "
        "(%d a feed), %.1f MB, mean %.1f KB a feed, from `parse/generate_corpus.py` (seed %d, blocks %.1f). "
        "Both clients keep %s transfers going (feedspool: `concurrency = %s`, `per-host = %s`, as every feed "
        "is on the one host; curl: `--parallel-max %s`)."
        % (thousands(manifest["feeds"]), formats.get("rss2", 0), formats.get("atom", 0), formats.get("rss1", 0),
           thousands(manifest["entries"]), manifest["entries_per_feed"], manifest["bytes"] / 1e6,
           manifest["bytes"] / manifest["feeds"] / 1e3, manifest["seed"], manifest["blocks_mean"],
           concurrency, concurrency, concurrency, concurrency),
        "",
    ]
    deleted_since, deleted_files = env("POLL_DELETED_SINCE"), env("POLL_DELETED_FILES")
    if deleted_since and deleted_files and int(deleted_since) < RECENTLY_DELETED_SECONDS:
        lines += ["**Warning:** the last run's %s spool files were deleted %s s before pass 1. On ext4 without "
                  "a journal, creating files among inodes freed in the last 60–360 s makes the allocator skip "
                  "each of those, so pass 1 is slower than it would be (by up to half again here). Run with "
                  "`SETTLE=1`, or 6 minutes after the last run, for comparable figures."
                  % (thousands(int(deleted_files)), deleted_since), ""]
    if busiest >= BUSY_PERCENT:
        lines += ["**Warning:** other processes used up to %.0f%% of one core while a run was timed "
                  "(see the last column below), so these figures are low." % busiest, ""]
    lines += table
    lines += [""]
    if "feedspool-nosync" in by_key:
        lines += ["‡ A diagnostic, not a goal: pass 1 again from an empty spool and state, under `eatmydata`, "
                  "which makes fsync, fdatasync and sync_file_range no-ops. The difference from pass 1 is "
                  "what durability (every file and folder synced, SQLite `synchronous = FULL`) costs on this "
                  "disk.", ""]
    if "spool-floor" in by_key:
        lines += ["◊ Not a feed reader: `spool_floor.c` creates as many files as pass 1 delivered, each of their "
                  "mean size, in `tmp/`, and renames each into `new/`, on one thread, without fetching, parsing, "
                  "cleaning or syncing anything: the least work any spool of one file per article does. Its "
                  "feeds/s counts the %s feeds whose articles those files stand for." % thousands(
                      int(by_key["spool-floor"]["feeds"]) if by_key["spool-floor"]["ok"] else 0), ""]
    lines += ["Goals:", ""] + goals + [""]
    lines += [
        "Wall time is the shell's clock around one process; peak RSS is that process's (GNU time "
        "`%M`, in MiB). curl's rows are the best of its runs (peak RSS the largest), feedspool's one run "
        "each: pass 1 starts from an empty spool and state, pass 2 follows it. curl writes the bodies to "
        "/dev/null; an untimed run between its passes saves each ETag (`--etag-save`), and pass 2 sends "
        "`If-None-Match` from them (`--etag-compare`). articles/s counts the entries in the feeds fetched (curl) or "
        "the files delivered into spool/new (feedspool). Speed and RSS vs curl compare with curl's row of "
        "the same pass.",
        "",
        "Spool and state start empty, in a new folder, for each pass 1; spools are deleted when a run ends%s."
        % ("; the last deletion was %s s before this pass 1 (%s files)" % (deleted_since, thousands(int(deleted_files)))
           if deleted_since and deleted_files else ""),
        "",
        "| run | runs (s) | user s | sys s | CPU use | nginx CPU s | other CPU | check |",
        "| --- | --- | ---: | ---: | ---: | ---: | ---: | --- |",
    ]
    for row in rows:
        if not row["ok"]:
            lines.append("| %s | %s | — | — | — | — | — | — |" % (row["label"], row["status"]))
            continue
        runs = ", ".join("%.3f" % float(t) for t in row["runs"].split(","))
        lines.append("| %s | %s | %.2f | %.2f | %.0f%% | %.2f | %.0f%% | %s |" % (
            row["label"], runs, float(row["user"]), float(row["sys"]), row["cpu"] / row["wall"] * 100,
            float(row["nginx_s"]), float(row["other_cpu"]), row["check"]))
    lines += [
        "",
        "CPU use is the client's user + sys time over its wall time (200% = both cores). Other CPU is "
        "what other processes on the machine used meanwhile, as a share of one core (nginx not "
        "counted: it has its own column).",
        "",
        "Versions: feedspool %s; %s; libcurl %s (Debian, which feedspool links); SQLite %s (Debian); nginx %s."
        % (env("POLL_FEEDSPOOL_VERSION", "?"), env("POLL_CURL_VERSION", "curl ?"), env("POLL_LIBCURL_VERSION", "?"),
           env("POLL_SQLITE_VERSION", "?"), env("POLL_NGINX_VERSION", "?")),
    ]
    text = "\n".join(lines) + "\n"
    with open(output_path, "w") as f:
        f.write(text)
    sys.stdout.write(text)


if __name__ == "__main__":
    main()
