#!/usr/bin/env python3
"""Turn the parse benchmark's raw results into the Markdown report.

Usage: report.py RESULTS_TSV MANIFEST_JSON OUTPUT_MD [OTHER_CPU_PERCENT]

RESULTS_TSV is what run.sh writes: a header line, then one row per tool with
the columns named in COLUMNS.  Rates are computed here from the manifest, over
the files each tool actually read (its list), so a tool run on a subset is
normalised to that subset.  OTHER_CPU_PERCENT is how much of one core other
processes used while the tools were timed: on a 2-core machine a build running
alongside lowers every figure.  The report goes to OUTPUT_MD and to stdout.
"""

import csv
import json
import os
import platform
import sys
from datetime import datetime, timezone

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), ".."))
from machine import cpu_model, memory_gib, thousands  # noqa: E402

# Other processes using this share of one core (in %) while timing competed with
# the tools.  An idle machine shows up to about 10 %: kernel work for hundreds of short
# processes is not all charged to them.  A concurrent build shows 100 % or more.
BUSY_PERCENT = 25.0

COLUMNS = ["tool", "label", "version", "status", "list", "seconds", "runs", "rss_kib", "failed", "entries_found", "note"]


def read_list(path):
    with open(path) as f:
        return [os.path.basename(line.strip()) for line in f if line.strip()]


def main():
    results_path, manifest_path, output_path = sys.argv[1:4]
    other_cpu = float(sys.argv[4]) if len(sys.argv) > 4 else None
    with open(manifest_path) as f:
        manifest = json.load(f)
    by_name = {f["name"]: f for f in manifest["files"]}
    with open(results_path, newline="") as f:
        rows = list(csv.DictReader(f, delimiter="\t"))

    # MARK: - Rates

    for row in rows:
        row["ok"] = row["status"] == "ok"
        if not row["ok"]:
            continue
        names = read_list(row["list"])
        row["files"] = len(names)
        row["bytes"] = sum(by_name[n]["bytes"] for n in names)
        row["entries"] = sum(by_name[n]["entries"] for n in names)
        seconds = float(row["seconds"])
        row["mbps"] = row["bytes"] / 1e6 / seconds
        row["eps"] = row["entries"] / seconds
        row["subset"] = row["files"] < manifest["feeds"]
        row["rates"] = [row["bytes"] / 1e6 / float(t) for t in row["runs"].split(",")] if row["runs"] else []

    reference = next((r for r in rows if r["tool"] == "feedspool" and r["ok"]), None)

    def median_ratio(row):
        """The median over the rounds of the tool's MB/s over feedspool's in
        the same round: the machine's speed drifts between rounds (by up to
        half here), which best-of-N figures taken in different rounds do not
        cancel."""
        pairs = sorted(a / b for a, b in zip(row["rates"], reference["rates"]))
        if not pairs:
            return None
        middle = len(pairs) // 2
        return pairs[middle] if len(pairs) % 2 else (pairs[middle - 1] + pairs[middle]) / 2

    # MARK: - Table

    notes = []
    table = ["| tool | MB/s | entries/s | peak RSS MB | speed vs feedspool | same, round by round (median) |",
             "| --- | ---: | ---: | ---: | ---: | ---: |"]
    for row in rows:
        name = row["label"]
        if not row["ok"]:
            table.append("| %s | %s | — | — | — | — |" % (name, row["status"]))
            continue
        if row["subset"]:
            mark = "†" * (1 + sum(1 for n in notes if n.startswith("†")))
            name += " " + mark
            notes.append("%s %s read %d of %d files (%s), %.1f MB, %s entries; its rates are over that subset."
                         % (mark, row["tool"], row["files"], manifest["feeds"], row["note"] or "a fixed subset",
                            row["bytes"] / 1e6, thousands(row["entries"])))
        if int(row["failed"] or 0):
            name += " ⚠"
            notes.append("⚠ %s exited non-zero on %s of %d files; see Benchmarks/work/parse-results/%s.err."
                         % (row["tool"], row["failed"], row["files"], row["tool"]))
        ratio = "%.2f×" % (row["mbps"] / reference["mbps"]) if reference else "n/a"
        paired = median_ratio(row) if reference else None
        table.append("| %s | %.1f | %s | %.1f | %s | %s |"
                     % (name, row["mbps"], thousands(row["eps"]), int(row["rss_kib"]) / 1024, ratio,
                        "%.2f×" % paired if paired is not None else "n/a"))

    # MARK: - Report

    now = datetime.now(timezone.utc).strftime("%Y-%m-%d %H:%M UTC")
    formats = manifest["formats"]
    lines = [
        "# Parse benchmark: latest run",
        "",
        "Run %s on %d cores (%s), %s RAM, %s." % (now, os.cpu_count() or 0, cpu_model(), memory_gib(), platform.platform()),
        "",
        "Corpus: %d feeds (%d RSS 2.0, %d Atom 1.0, %d RSS 1.0), %s entries, %.1f MB, from "
        "`generate_corpus.py` (seed %d, generator v%d)."
        % (manifest["feeds"], formats.get("rss2", 0), formats.get("atom", 0), formats.get("rss1", 0),
           thousands(manifest["entries"]), manifest["bytes"] / 1e6, manifest["seed"], manifest["generator_version"]),
        "",
    ]
    if other_cpu is not None:
        busy = other_cpu >= BUSY_PERCENT
        lines += ["%sOther processes used %.1f%% of one core while the tools were timed%s" % (
            "**Warning:** " if busy else "", other_cpu,
            ", so these figures are low." if busy else "."), ""]
    lines += table
    lines += [""] + notes + ([""] if notes else [])
    repeats = max((len(r["runs"].split(",")) for r in rows if r["ok"]), default=0)
    lines += [
        "Wall time is the best of %d run(s) with a warm page cache, the tools taking turns round by round "
        "(the last column compares each tool with feedspool within each round and takes the median); each run reads every file in the "
        "tool's list. MB/s counts 10⁶ bytes of feed. Peak RSS is that of the largest single process "
        "(GNU time `%%M`, in MiB); for the CLI tools it comes from a separate untimed pass. "
        "xmllint and feedspool read all files in one process (xargs); sfeed reads only standard "
        "input, so it runs once per file (about 1 ms of start-up each, included); feedparser runs "
        "in one Python process whose clock leaves out interpreter start-up and import. "
        "Speed vs feedspool is the tool's MB/s divided by feedspool's." % repeats,
        "",
        "| tool | version | runs (s) | entries found |",
        "| --- | --- | --- | --- |",
    ]
    for row in rows:
        runs = ", ".join("%.3f" % float(t) for t in row["runs"].split(",")) if row["runs"] else "—"
        lines.append("| %s | %s | %s | %s |" % (row["tool"], row["version"] or "—", runs, row["entries_found"] or "—"))
    text = "\n".join(lines) + "\n"
    with open(output_path, "w") as f:
        f.write(text)
    sys.stdout.write(text)


if __name__ == "__main__":
    main()
