#!/usr/bin/env python3
"""Score the clean benchmark's extractions and write the report.

Three commands, all standard-library only:

  evaluate.py prepare aeb|readability DATA_DIR WORK_DIR
      Decompresses each page of the set into WORK_DIR/html/<id>.html (only
      pages that are missing or older than their .gz) and writes
      WORK_DIR/pages.tsv ("id<TAB>url<TAB>html path", one page a line, in id
      order) and WORK_DIR/truth.json (id -> url, text, readerable, half).
      AEB's truth is the articleBody of DATA_DIR/ground-truth.json; the
      Readability set's is the text of each pages/<id>/expected.html.gz, with
      the readerable flag of its expected-metadata.json and the URL its test
      suite uses (http://fakehost/test/page.html).

  evaluate.py report OUTPUT_MD WORK_DIR...
      Scores each set's WORK_DIR/feedspool/<id>.txt and WORK_DIR/trafilatura.json
      against its truth, reads the timings run.sh left in WORK_DIR/timings.tsv,
      prints the Markdown report and writes it to OUTPUT_MD; per-page scores go
      to WORK_DIR/per-page.tsv, worst feedspool F1 first.

  evaluate.py score WORK_DIR
      For tuning: F1 per half of one set's texts as they stand, and the pages
      lost to trafilatura by most; times nothing, writes nothing.

Each set is split into halves by a fixed rule, the first hex digit of the
SHA-1 of the page's name (0-7 tuning, 8-f held out), and scored per half.
Pages marked readerable: false (not articles) are scored apart.

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
import hashlib
import html.parser
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

# The URL Readability's test suite gives every page of its set.
READABILITY_URL = "http://fakehost/test/page.html"
# Elements whose edges separate words in the ground truth's HTML.
BLOCK_TAGS = {
    "address", "article", "aside", "blockquote", "br", "dd", "div", "dl", "dt", "figcaption", "figure",
    "footer", "h1", "h2", "h3", "h4", "h5", "h6", "header", "hr", "li", "main", "nav", "ol", "p", "pre",
    "section", "table", "tbody", "td", "tfoot", "th", "thead", "tr", "ul", "img", "caption", "details",
    "summary",
}


class _TextOf(html.parser.HTMLParser):
    """The text of an HTML fragment, a space at the edge of every block."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.parts = []

    def handle_starttag(self, tag, attrs):
        if tag in BLOCK_TAGS:
            self.parts.append(" ")

    def handle_endtag(self, tag):
        if tag in BLOCK_TAGS:
            self.parts.append(" ")

    def handle_data(self, data):
        self.parts.append(data)


def text_of_html(markup):
    parser = _TextOf()
    parser.feed(markup)
    parser.close()
    return re.sub(r"\s+", " ", "".join(parser.parts)).strip()


def half_of(page_id):
    """The half a page belongs to, by a fixed rule: the first hex digit of
    the SHA-1 of its name, 0-7 tuning, 8-f held out."""
    return "tuning" if hashlib.sha1(page_id.encode("utf-8")).hexdigest()[0] in "01234567" else "held-out"


def read_truth_aeb(data_dir):
    with open(os.path.join(data_dir, "ground-truth.json"), encoding="utf-8") as f:
        truth = json.load(f)
    return {page_id: {"url": entry.get("url", ""), "text": entry.get("articleBody", ""), "readerable": True,
                      "source": os.path.join(data_dir, "html", page_id + ".html.gz")}
            for page_id, entry in truth.items()}


def read_truth_readability(data_dir):
    truth = {}
    pages = os.path.join(data_dir, "pages")
    for page_id in sorted(os.listdir(pages)):
        folder = os.path.join(pages, page_id)
        with gzip.open(os.path.join(folder, "expected.html.gz"), "rt", encoding="utf-8") as f:
            text = text_of_html(f.read())
        with open(os.path.join(folder, "expected-metadata.json"), encoding="utf-8") as f:
            metadata = json.load(f)
        truth[page_id] = {"url": READABILITY_URL, "text": text, "readerable": metadata.get("readerable", True),
                          "source": os.path.join(folder, "source.html.gz")}
    return truth


def prepare(kind, data_dir, work_dir):
    truth = {"aeb": read_truth_aeb, "readability": read_truth_readability}[kind](data_dir)
    html_dir = os.path.join(work_dir, "html")
    os.makedirs(html_dir, exist_ok=True)
    lines = []
    for page_id in sorted(truth):
        source = truth[page_id].pop("source")
        target = os.path.join(html_dir, page_id + ".html")
        if not os.path.exists(target) or os.path.getmtime(target) < os.path.getmtime(source):
            with gzip.open(source, "rb") as f:
                data = f.read()
            with open(target, "wb") as f:
                f.write(data)
        truth[page_id]["half"] = half_of(page_id)
        lines.append("%s\t%s\t%s\n" % (page_id, truth[page_id]["url"], target))
    with open(os.path.join(work_dir, "pages.tsv"), "w", encoding="utf-8") as f:
        f.writelines(lines)
    with open(os.path.join(work_dir, "truth.json"), "w", encoding="utf-8") as f:
        json.dump(truth, f)
    print(len(lines))


# MARK: - report

SET_NAMES = {
    "aeb": "AEB: the scrapinghub article-extraction-benchmark, human-written article text",
    "readability": "Readability: mozilla/readability's test pages, its reviewed output as the truth",
}
TOOLS = ("feedspool", "trafilatura")


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


def read_texts(work_dir, ids):
    """Each tool's text per page id: feedspool's from WORK_DIR/feedspool/,
    trafilatura's from WORK_DIR/trafilatura.json; a tool that did not run
    is left out."""
    tools = {}
    folder = os.path.join(work_dir, "feedspool")
    if os.path.isdir(folder):
        texts = {}
        for page_id in ids:
            try:
                with open(os.path.join(folder, page_id + ".txt"), encoding="utf-8", errors="replace") as f:
                    texts[page_id] = f.read()
            except OSError:
                texts[page_id] = ""
        tools["feedspool"] = texts
    path = os.path.join(work_dir, "trafilatura.json")
    if os.path.exists(path):
        with open(path, encoding="utf-8") as f:
            tools["trafilatura"] = json.load(f)
    return tools


class PageSet:
    """One set's truth, texts and scores, read from its work folder."""

    def __init__(self, work_dir, timed=True):
        self.name = os.path.basename(work_dir.rstrip("/"))
        self.work_dir = work_dir
        with open(os.path.join(work_dir, "truth.json"), encoding="utf-8") as f:
            self.truth = json.load(f)
        self.ids = sorted(self.truth)
        timings_path = os.path.join(work_dir, "timings.tsv")
        self.timings = read_timings(timings_path) if os.path.exists(timings_path) else {}
        loaded = read_texts(work_dir, self.ids)
        # Texts a timed run did not write are a previous run's: not scored.
        if timed and not self.timings.get("feedspool_runs"):
            loaded.pop("feedspool", None)
        self.trafilatura = loaded.get("trafilatura")
        if timed and self.trafilatura is not None and self.timings.get("trafilatura") != "ok":
            self.trafilatura = None
        self.texts = {name: (t["texts"] if name == "trafilatura" else t) for name, t in loaded.items()
                      if name != "trafilatura" or self.trafilatura is not None}
        self.counts = {name: {i: tp_fp_fn(self.truth[i]["text"], texts.get(i, "")) for i in self.ids}
                       for name, texts in self.texts.items()}
        self.articles = [i for i in self.ids if self.truth[i]["readerable"]]
        self.non_articles = [i for i in self.ids if not self.truth[i]["readerable"]]

    def metrics(self, tool, ids, intervals=True):
        counts = [self.counts[tool][i] for i in ids]
        return with_intervals(counts) if intervals else aggregate(counts)

    def half(self, name):
        return [i for i in self.articles if self.truth[i]["half"] == name]


def score(work_dir):
    """A quick look while tuning: F1 per half and the pages lost to
    trafilatura by most, without timing anything."""
    page_set = PageSet(work_dir, timed=False)
    for half in ("tuning", "held-out", None):
        ids = page_set.half(half) if half else page_set.articles
        cells = ["%s %.4f" % (tool, page_set.metrics(tool, ids, False)["f1"]) for tool in page_set.counts]
        print("%-12s %-9s %3d pages  %s" % (page_set.name, half or "all", len(ids), "  ".join(cells)))
    if len(page_set.counts) == 2:
        for row in largest_losses(page_set, 12):
            print("  %-44.44s feedspool %s / %s / %s  trafilatura %s" % row)


def largest_losses(page_set, count):
    """The article pages where feedspool's F1 falls furthest below
    trafilatura's: (page, P, R, F1, trafilatura F1) as text."""
    rows = []
    for i in page_set.articles:
        fs, tr = page_set.counts["feedspool"][i], page_set.counts["trafilatura"][i]
        gap = page_f1(tr) - page_f1(fs)
        if gap > 0:
            rows.append((gap, i))
    rows.sort(reverse=True)
    out = []
    for _, i in rows[:count]:
        fs = page_set.counts["feedspool"][i]
        out.append((i, "%.3f" % precision_score(*fs), "%.3f" % recall_score(*fs), "%.3f" % page_f1(fs),
                    "%.3f" % page_f1(page_set.counts["trafilatura"][i])))
    return out


def speed_rows(page_set):
    """(label, tool or None, pages/s) rows of one set, the reference first."""
    timings, n = page_set.timings, len(page_set.ids)
    rows = []
    if timings.get("feedspool_runs"):
        batch_runs = seconds_list(timings.get("batch_runs", ""))
        fs_best = min(seconds_list(timings["feedspool_runs"]))
        if batch_runs:
            rows.append(("feedspool clean --text, one process", "feedspool", n / min(batch_runs)))
            rows.append(("feedspool clean --text, one process a page", None, n / fs_best))
        else:
            rows.append(("feedspool clean --text, one process a page", "feedspool", n / fs_best))
    if page_set.trafilatura is not None:
        rows.append(("trafilatura %s" % page_set.trafilatura["version"], "trafilatura",
                     n / min(page_set.trafilatura["seconds"])))
    return rows


def clocks_paragraph(page_set):
    timings, n = page_set.timings, len(page_set.ids)
    fs_runs = seconds_list(timings["feedspool_runs"])
    startup_runs = seconds_list(timings.get("startup_runs", ""))
    fs_best = min(fs_runs)
    startup_best = min(startup_runs) if startup_runs else 0.0
    net = fs_best - startup_best
    text = ("%s: one feedspool process a page costs %.1f ms of start-up (`feedspool --version`, %d times), "
            "%.0f %% of that run's time; without it, %.1f pages/s." % (
                page_set.name, startup_best / n * 1000, n, 100 * startup_best / fs_best if fs_best else 0,
                n / net if net > 0 else float("nan")))
    if timings.get("batch_runs"):
        text += " The one-process run printed %s the per-page runs printed." % (
            "exactly what" if timings.get("batch_matches") == "yes" else "**not** what")
    return text


def versions_rows(page_set):
    timings, out = page_set.timings, []
    if "feedspool" in page_set.texts and timings.get("feedspool_runs"):
        fs_runs = seconds_list(timings["feedspool_runs"])
        startup_runs = seconds_list(timings.get("startup_runs", ""))
        batch_runs = seconds_list(timings.get("batch_runs", ""))
        failed = timings.get("feedspool_failed", "0")
        runs = "one process a page: %s; start-up alone: %s" % (
            ", ".join("%.3f" % s for s in fs_runs), ", ".join("%.3f" % s for s in startup_runs))
        if batch_runs:
            runs = "one process: %s; %s" % (", ".join("%.3f" % s for s in batch_runs), runs)
            if timings.get("batch_failed", "0") not in ("", "0"):
                runs += " ⚠ the one-process run exited non-zero"
        out.append("| %s | feedspool | %s | %s%s | %d |" % (
            page_set.name, timings.get("feedspool_version", "?"), runs,
            " ⚠ %s page(s) exited non-zero" % failed if failed not in ("", "0") else "",
            sum(1 for i in page_set.ids if not page_set.texts["feedspool"][i].strip())))
    if page_set.trafilatura is not None:
        out.append("| %s | trafilatura | %s, %s | %s | %d |" % (
            page_set.name, page_set.trafilatura["version"], timings.get("python_version", "Python ?"),
            ", ".join("%.3f" % s for s in page_set.trafilatura["seconds"]),
            sum(1 for i in page_set.ids if not page_set.texts["trafilatura"][i].strip())))
    return out


def write_per_page(page_set):
    rows = []
    for i in page_set.ids:
        row = [i, page_set.truth[i]["url"], page_set.truth[i]["half"],
               "yes" if page_set.truth[i]["readerable"] else "no"]
        for tool in TOOLS:
            if tool in page_set.counts:
                c = page_set.counts[tool][i]
                row += ["%.3f" % precision_score(*c), "%.3f" % recall_score(*c), "%.3f" % page_f1(c)]
            else:
                row += ["", "", ""]
        rows.append(row)
    if "feedspool" in page_set.counts:
        rows.sort(key=lambda r: float(r[6]))
    with open(os.path.join(page_set.work_dir, "per-page.tsv"), "w", encoding="utf-8", newline="") as f:
        writer = csv.writer(f, delimiter="\t", lineterminator="\n")
        writer.writerow(["id", "url", "half", "readerable", "feedspool_p", "feedspool_r", "feedspool_f1",
                         "trafilatura_p", "trafilatura_r", "trafilatura_f1"])
        writer.writerows(rows)


def report(output_md, work_dirs):
    sets = [PageSet(d) for d in work_dirs]
    now = datetime.now(timezone.utc).strftime("%Y-%m-%d %H:%M UTC")
    out = ["# Clean benchmark: latest run", ""]
    out.append("Run %s on %d cores (%s), %s RAM, %s." % (
        now, os.cpu_count() or 0, cpu_model(), memory_gib(), platform.platform()))
    out.append("")
    for page_set in sets:
        out.append("- **%s** (`%s`): %d pages, %.1f MB of HTML; %d scored as articles%s." % (
            page_set.name, SET_NAMES.get(page_set.name, page_set.name), len(page_set.ids),
            float(page_set.timings.get("bytes", "0")) / 1e6, len(page_set.articles),
            ", %d marked `readerable: false` scored apart" % len(page_set.non_articles)
            if page_set.non_articles else ""))
    other = max((float(s.timings.get("other_cpu", "0") or 0) for s in sets), default=0.0)
    out.append("")
    out.append("Other processes used up to %.1f%% of one core while the tools were timed.%s" % (
        other, " **The figures are low: the machine was busy.**" if other >= BUSY_PERCENT else ""))
    out.append("")
    out.append("| set | tool | precision | recall | F1 | pages/s | speed vs feedspool |")
    out.append("| --- | --- | ---: | ---: | ---: | ---: | ---: |")
    for page_set in sets:
        rows = speed_rows(page_set)
        ref_rate = rows[0][2] if rows and rows[0][1] == "feedspool" else None
        for label, tool, rate in rows:
            ratio = "%.2f×" % (rate / ref_rate) if ref_rate else "n/a"
            cells = metric_cells(page_set.metrics(tool, page_set.articles)) if tool else ["same text", "", ""]
            out.append("| %s | %s | %s | %.1f | %s |" % (page_set.name, label, " | ".join(cells), rate, ratio))
        if "feedspool" not in page_set.texts:
            out.append("| %s | feedspool clean --text | not built | | | | n/a |" % page_set.name)
    out.append("")
    out.append("Precision, recall and F1 are the AEB's own metric over 4-word shingles (see "
               "`Benchmarks/README.md`), over the pages that are articles, ± a 95 % bootstrap interval over "
               "the pages. Published F1 on AEB: trafilatura 2.0.0 0.958, Readability.js 0.947, "
               "readability-lxml 0.922, all visible text 0.665. The Readability set's truth is Readability's "
               "own output, which keeps captions and some bylines that AEB's leaves out.")
    out.append("")
    out.append("F1 per half: each set is split by a fixed rule (the first hex digit of the SHA-1 of the page's "
               "name: 0–7 tuning, 8–f held out). Rules are tuned on the tuning halves; a change is kept only if "
               "it does not lower either held-out half.")
    out.append("")
    out.append("| set | half | pages | feedspool F1 | trafilatura F1 |")
    out.append("| --- | --- | ---: | ---: | ---: |")
    for page_set in sets:
        for half in ("tuning", "held-out"):
            ids = page_set.half(half)
            cells = ["%.3f" % page_set.metrics(t, ids, False)["f1"] if t in page_set.counts else "—"
                     for t in TOOLS]
            out.append("| %s | %s | %d | %s |" % (page_set.name, half, len(ids), " | ".join(cells)))
    out.append("")
    for page_set in sets:
        if not page_set.non_articles:
            continue
        out.append("Pages of %s that are not articles (`readerable: false`, %d: test stubs and a product page), "
                   "where Readability itself would not offer a reader view: how many each tool returned text for, "
                   "how much, and its F1 against what Readability extracts anyway." % (
                       page_set.name, len(page_set.non_articles)))
        out.append("")
        out.append("| tool | pages with text | words returned, mean | F1 |")
        out.append("| --- | ---: | ---: | ---: |")
        for tool in TOOLS:
            if tool not in page_set.texts:
                continue
            texts = [page_set.texts[tool][i] for i in page_set.non_articles]
            words = statistics.mean(len(TOKEN.findall(t)) for t in texts)
            out.append("| %s | %d | %.0f | %.3f |" % (
                tool, sum(1 for t in texts if t.strip()), words,
                page_set.metrics(tool, page_set.non_articles, False)["f1"]))
        out.append("")
    timed = [s for s in sets if s.timings.get("feedspool_runs")]
    out.append("Clocks: trafilatura runs in one Python process and its clock covers only the `extract()` calls. "
               "`feedspool clean --text FILE…` cleans every page of a set in one process; its clock covers the "
               "whole process: start-up, reading the files, cleaning, writing the text. `feedspool clean --text "
               "--base URL FILE`, one process a page as a feed reader that shells out to it would run it, is the "
               "text that is scored. " + " ".join(clocks_paragraph(s) for s in timed))
    out.append("")
    out.append("Speeds use the best of %s timed pass(es) over all pages, with a warm page cache." % (
        sets[0].timings.get("repeats", "?") if sets else "?"))
    out.append("")
    out.append("| set | tool | version | runs (s) | pages with no text |")
    out.append("| --- | --- | --- | --- | ---: |")
    for page_set in sets:
        out.extend(versions_rows(page_set))
    out.append("")
    for page_set in sets:
        if len(page_set.counts) < 2:
            continue
        write_per_page(page_set)
        out.append("%s: the 10 article pages where feedspool falls furthest below trafilatura (every page is in "
                   "`Benchmarks/work/%s/per-page.tsv`):" % (page_set.name, page_set.name))
        out.append("")
        out.append("| page | feedspool P / R / F1 | trafilatura F1 |")
        out.append("| --- | --- | ---: |")
        for page, p, r, f1, traf in largest_losses(page_set, 10):
            label = page if page_set.name != "aeb" else "%s `%s`" % (
                re.sub(r"^https?://(www\.)?", "", page_set.truth[page]["url"]).split("/")[0], page[:8])
            out.append("| %s | %s / %s / %s | %s |" % (label, p, r, f1, traf))
        out.append("")

    text = "\n".join(out)
    print(text)
    with open(output_md, "w", encoding="utf-8") as f:
        f.write(text)


def main():
    if len(sys.argv) == 5 and sys.argv[1] == "prepare" and sys.argv[2] in ("aeb", "readability"):
        prepare(sys.argv[2], sys.argv[3], sys.argv[4])
    elif len(sys.argv) >= 4 and sys.argv[1] == "report":
        report(sys.argv[2], sys.argv[3:])
    elif len(sys.argv) == 3 and sys.argv[1] == "score":
        score(sys.argv[2])
    else:
        sys.exit(__doc__)


if __name__ == "__main__":
    main()
