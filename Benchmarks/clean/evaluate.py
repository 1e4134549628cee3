#!/usr/bin/env python3
"""Score the clean benchmark's extractions and write the report.

Two commands, both standard-library only:

  evaluate.py prepare DATA_DIR WORK_DIR
      Decompresses DATA_DIR/html/<id>.html.gz into WORK_DIR/html/<id>.html
      (only pages that are missing or older than their .gz) and writes
      WORK_DIR/pages.tsv: "id<TAB>url<TAB>html path", one page a line, in id
      order, for the ids in DATA_DIR/ground-truth.json.

  evaluate.py report DATA_DIR WORK_DIR OUTPUT_MD
      Scores WORK_DIR/feedspool/<id>.txt and WORK_DIR/trafilatura.json against
      the ground truth, reads the timings run.sh left in WORK_DIR/timings.tsv,
      prints the Markdown report and writes it to OUTPUT_MD; per-page scores go
      to WORK_DIR/per-page.tsv, worst feedspool F1 first.

The metric is the article-extraction-benchmark's own (its evaluate.py),
reimplemented here line for line in meaning:

- Tokens are the runs of Unicode word characters, regex \\w+ (so punctuation
  and white space separate tokens and are dropped).  Case is kept: the
  benchmark compiles the pattern with IGNORECASE, which does not change what
  \\w matches, and never lowercases.
- A page's shingles are its 4-token windows, as a multiset; a text of 1 to 3
  tokens is one shorter shingle, an empty text has none.
- Per page, over the union of the two multisets, tp += min(true, predicted),
  fp += excess predicted, fn += excess true; then tp, fp and fn are divided by
  their sum, so that long pages weigh no more than short ones.
- Precision is the mean over pages with tp + fp > 0 (a page where the tool
  returned nothing is left out of precision and counts 0 for recall); recall
  the mean over pages with tp + fn > 0; both are 1 when fp = fn = 0.
- F1 = 2PR / (P + R) from those two means, not a mean of per-page F1s.
- The ± is 1.96 standard deviations over 1,000 bootstrap resamples of the
  pages (fixed seed here, so reruns agree).
"""

import csv
import gzip
import json
import os
import platform
import random
import re
import statistics
import sys
from collections import Counter
from datetime import datetime, timezone

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), ".."))
from machine import cpu_model, memory_gib  # noqa: E402

BUSY_PERCENT = 25.0
BOOTSTRAP_SAMPLES = 1000
TOKEN = re.compile(r"\w+", re.UNICODE | re.MULTILINE | re.IGNORECASE | re.DOTALL)


# MARK: - The benchmark's metric

def shingles(text, n=4):
    tokens = TOKEN.findall(text or "")
    grams = (tuple(tokens[i:i + n]) for i in range(0, max(1, len(tokens) - n + 1)))
    return Counter(gram for gram in grams if gram)


def tp_fp_fn(true, predicted):
    t, p = shingles(true), shingles(predicted)
    tp = fp = fn = 0.0
    for key in set(t) | set(p):
        tc, pc = t.get(key, 0), p.get(key, 0)
        tp += min(tc, pc)
        fp += max(0, pc - tc)
        fn += max(0, tc - pc)
    total = tp + fp + fn
    return (tp / total, fp / total, fn / total) if total > 0 else (tp, fp, fn)


def precision_score(tp, fp, fn):
    if fp == fn == 0:
        return 1.0
    if tp == fp == 0:
        return 0.0
    return tp / (tp + fp)


def recall_score(tp, fp, fn):
    if fp == fn == 0:
        return 1.0
    if tp == fn == 0:
        return 0.0
    return tp / (tp + fn)


def aggregate(counts):
    precision = statistics.mean([precision_score(*c) for c in counts if c[0] + c[1] > 0])
    recall = statistics.mean([recall_score(*c) for c in counts if c[0] + c[2] > 0])
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return {"precision": precision, "recall": recall, "f1": f1}


def with_intervals(counts):
    metrics = aggregate(counts)
    rng = random.Random(20240601)
    samples = {key: [] for key in metrics}
    for _ in range(BOOTSTRAP_SAMPLES):
        resample = [counts[rng.randrange(len(counts))] for _ in counts]
        for key, value in aggregate(resample).items():
            samples[key].append(value)
    for key, values in samples.items():
        metrics[key + "_ci"] = 1.96 * statistics.stdev(values)
    return metrics


def page_f1(counts):
    p, r = precision_score(*counts), recall_score(*counts)
    return 2 * p * r / (p + r) if p + r else 0.0


# MARK: - prepare

def prepare(data_dir, work_dir):
    with open(os.path.join(data_dir, "ground-truth.json"), encoding="utf-8") as f:
        truth = json.load(f)
    html_dir = os.path.join(work_dir, "html")
    os.makedirs(html_dir, exist_ok=True)
    lines = []
    for page_id in sorted(truth):
        source = os.path.join(data_dir, "html", page_id + ".html.gz")
        target = os.path.join(html_dir, page_id + ".html")
        if not os.path.exists(target) or os.path.getmtime(target) < os.path.getmtime(source):
            with gzip.open(source, "rb") as f:
                data = f.read()
            with open(target, "wb") as f:
                f.write(data)
        url = truth[page_id].get("url", "")
        lines.append("%s\t%s\t%s\n" % (page_id, url, target))
    with open(os.path.join(work_dir, "pages.tsv"), "w", encoding="utf-8") as f:
        f.writelines(lines)
    print(len(lines))


# MARK: - report

def read_timings(path):
    timings = {}
    with open(path, encoding="utf-8") as f:
        for line in f:
            key, _, value = line.rstrip("\n").partition("\t")
            timings[key] = value
    return timings


def seconds_list(text):
    return [float(s) for s in text.split(",") if s]


def metric_cells(m):
    return ["%.3f ± %.3f" % (m[key], m[key + "_ci"]) for key in ("precision", "recall", "f1")]


def report(data_dir, work_dir, output_md):
    with open(os.path.join(data_dir, "ground-truth.json"), encoding="utf-8") as f:
        truth = json.load(f)
    timings = read_timings(os.path.join(work_dir, "timings.tsv"))
    ids = sorted(truth)
    n = len(ids)

    tools = {}  # name -> {id: text}
    have_feedspool = timings.get("feedspool_runs", "") != ""
    if have_feedspool:
        texts = {}
        for page_id in ids:
            path = os.path.join(work_dir, "feedspool", page_id + ".txt")
            try:
                with open(path, encoding="utf-8", errors="replace") as f:
                    texts[page_id] = f.read()
            except OSError:
                texts[page_id] = ""
        tools["feedspool"] = texts
    trafilatura = None
    traf_path = os.path.join(work_dir, "trafilatura.json")
    if timings.get("trafilatura") == "ok" and os.path.exists(traf_path):
        with open(traf_path, encoding="utf-8") as f:
            trafilatura = json.load(f)
        tools["trafilatura"] = trafilatura["texts"]

    counts = {name: [tp_fp_fn(truth[i].get("articleBody", ""), texts.get(i, "")) for i in ids]
              for name, texts in tools.items()}
    metrics = {name: with_intervals(c) for name, c in counts.items()}

    # Speeds.  The reference is feedspool in one process when the build
    # can clean several files at once, else one process a page.
    rows = []  # (label, metrics or None, pages/s)
    ref_rate = None
    if have_feedspool:
        fs_runs = seconds_list(timings["feedspool_runs"])
        startup_runs = seconds_list(timings.get("startup_runs", ""))
        batch_runs = seconds_list(timings.get("batch_runs", ""))
        fs_best = min(fs_runs)
        startup_best = min(startup_runs) if startup_runs else 0.0
        if batch_runs:
            rows.append(("feedspool clean --text, one process", metrics["feedspool"], n / min(batch_runs)))
            rows.append(("feedspool clean --text, one process a page", None, n / fs_best))
        else:
            rows.append(("feedspool clean --text, one process a page", metrics["feedspool"], n / fs_best))
        ref_rate = rows[0][2]
    if trafilatura is not None:
        traf_best = min(trafilatura["seconds"])
        rows.append(("trafilatura %s" % trafilatura["version"], metrics["trafilatura"], n / traf_best))

    now = datetime.now(timezone.utc).strftime("%Y-%m-%d %H:%M UTC")
    out = ["# Clean benchmark: latest run", ""]
    out.append("Run %s on %d cores (%s), %s RAM, %s." % (
        now, os.cpu_count() or 0, cpu_model(), memory_gib(), platform.platform()))
    out.append("")
    out.append("Pages: %d real pages with human-written article text, from the scrapinghub "
               "article-extraction-benchmark (`shared/data/pages/aeb`), %.1f MB of HTML." % (
                   n, float(timings.get("bytes", "0")) / 1e6))
    other = timings.get("other_cpu", "")
    if other:
        out.append("")
        out.append("Other processes used %s%% of one core while the tools were timed.%s" % (
            other, " **The figures are low: the machine was busy.**" if float(other) >= BUSY_PERCENT else ""))
    out.append("")
    out.append("| tool | precision | recall | F1 | pages/s | speed vs feedspool |")
    out.append("| --- | ---: | ---: | ---: | ---: | ---: |")
    for label, m, rate in rows:
        ratio = "%.2f×" % (rate / ref_rate) if ref_rate else "n/a"
        cells = metric_cells(m) if m else ["same text", "", ""]
        out.append("| %s | %s | %.1f | %s |" % (label, " | ".join(cells), rate, ratio))
    if not have_feedspool:
        out.append("| feedspool clean --text | not built | | | | n/a |")
    out.append("")
    out.append("Precision, recall and F1 are the benchmark's own metric over 4-word shingles "
               "(see `Benchmarks/README.md`), ± a 95 % bootstrap interval over the pages. "
               "Published F1 on this set: trafilatura 2.0.0 0.958, Readability.js 0.947, "
               "readability-lxml 0.922, all visible text 0.665.")
    out.append("")
    if have_feedspool:
        per_process = startup_best / n * 1000
        net = fs_best - startup_best
        text = ("Clocks: trafilatura runs in one Python process and its clock covers only the "
                "`extract()` calls. ")
        if batch_runs:
            text += ("`feedspool clean --text FILE…` cleans every page in one process; its clock covers "
                     "the whole process: start-up, reading the files, cleaning, writing the text. ")
        text += ("`feedspool clean --text --base URL FILE`, one process a page as a feed reader that "
                 "shells out to it would run it, is the text that is scored. Its start-up alone "
                 "(`feedspool --version`, %d times) costs %.1f ms a process, %.0f %% of that run's time; "
                 "without it, %.1f pages/s." % (
                     n, per_process, 100 * startup_best / fs_best if fs_best else 0,
                     n / net if net > 0 else float("nan")))
        if batch_runs:
            matches = timings.get("batch_matches", "")
            text += (" The one-process run printed %s the per-page runs printed." % (
                "exactly what" if matches == "yes" else "**not** what"))
        out.append(text)
        out.append("")
    out.append("Speeds use the best of %s timed pass(es) over all pages, with a warm page cache." % timings.get("repeats", "?"))
    out.append("")
    out.append("| tool | version | runs (s) | pages with no text |")
    out.append("| --- | --- | --- | ---: |")
    if have_feedspool:
        failed = timings.get("feedspool_failed", "0")
        runs = "one process a page: %s; start-up alone: %s" % (
            ", ".join("%.3f" % s for s in fs_runs), ", ".join("%.3f" % s for s in startup_runs))
        if batch_runs:
            runs = "one process: %s; %s" % (", ".join("%.3f" % s for s in batch_runs), runs)
            if timings.get("batch_failed", "0") not in ("", "0"):
                runs += " ⚠ the one-process run exited non-zero"
        out.append("| feedspool | %s | %s%s | %d |" % (
            timings.get("feedspool_version", "?"), runs,
            " ⚠ %s page(s) exited non-zero" % failed if failed not in ("", "0") else "",
            sum(1 for i in ids if not tools["feedspool"][i].strip())))
    if trafilatura is not None:
        out.append("| trafilatura | %s, %s | %s | %d |" % (
            trafilatura["version"], timings.get("python_version", "Python ?"),
            ", ".join("%.3f" % s for s in trafilatura["seconds"]),
            sum(1 for i in ids if not tools["trafilatura"][i].strip())))
    out.append("")

    # Per-page scores, and the worst feedspool pages in the report.
    if counts:
        per_page = []
        for index, page_id in enumerate(ids):
            row = [page_id, truth[page_id].get("url", "")]
            for name in ("feedspool", "trafilatura"):
                if name in counts:
                    c = counts[name][index]
                    row += ["%.3f" % precision_score(*c), "%.3f" % recall_score(*c), "%.3f" % page_f1(c)]
                else:
                    row += ["", "", ""]
            per_page.append(row)
        if "feedspool" in counts:
            per_page.sort(key=lambda r: float(r[4]))
        with open(os.path.join(work_dir, "per-page.tsv"), "w", encoding="utf-8", newline="") as f:
            writer = csv.writer(f, delimiter="\t", lineterminator="\n")
            writer.writerow(["id", "url", "feedspool_p", "feedspool_r", "feedspool_f1",
                             "trafilatura_p", "trafilatura_r", "trafilatura_f1"])
            writer.writerows(per_page)
        if "feedspool" in counts:
            out.append("feedspool's 10 lowest-scoring pages (all of them are in `Benchmarks/work/aeb/per-page.tsv`):")
            out.append("")
            out.append("| page | feedspool P / R / F1 | trafilatura F1 |")
            out.append("| --- | --- | ---: |")
            for row in per_page[:10]:
                host = re.sub(r"^https?://(www\.)?", "", row[1]).split("/")[0]
                out.append("| %s `%s` | %s / %s / %s | %s |" % (host, row[0][:8], row[2], row[3], row[4], row[7] or "—"))
            out.append("")

    text = "\n".join(out)
    print(text)
    with open(output_md, "w", encoding="utf-8") as f:
        f.write(text)


def main():
    if len(sys.argv) == 4 and sys.argv[1] == "prepare":
        prepare(sys.argv[2], sys.argv[3])
    elif len(sys.argv) == 5 and sys.argv[1] == "report":
        report(sys.argv[2], sys.argv[3], sys.argv[4])
    else:
        sys.exit(__doc__)


if __name__ == "__main__":
    main()
