#!/usr/bin/env python3
"""Prepare and score the clean-feeds benchmark (standard library only).

  score.py prepare FEEDS_DIR LABEL_DIR WORK_DIR
      Writes each labelled entry's body to WORK_DIR/bodies/<n>.html, the list
      of those files (WORK_DIR/list, for `feedspool clean --files-from`),
      WORK_DIR/entries.tsv (key, file, html|text, for trafilatura), and
      WORK_DIR/feeds.conf, which names every labelled feed by its file://
      URL, for `feedspool once`.

  score.py losses FEEDS_DIR LABEL_DIR WORK_DIR
      Prints, one `feed#index: span` a line, every keep span that the
      poller's output (WORK_DIR/spool) does not hold whole, named as
      LabelledFeedTests names them.

  score.py report FEEDS_DIR LABEL_DIR WORK_DIR OUTPUT_MD
      Scores what each tool kept of every labelled entry and writes the report.
      Reads WORK_DIR/clean.jsonl (feedspool clean, one line per listed file),
      WORK_DIR/spool/new/*.json (feedspool once) and WORK_DIR/trafilatura.json,
      whichever exist.

What is counted, per labelled span (see README.md for the why):
- a `keep` span is kept whole when its words appear in the tool's text in
  order, with nothing missing or added between its first and last word; its
  kept share is then 1, else the share of its 4-word windows found in the
  text.  Article text kept = sum(words x share) / sum(words).
- a boilerplate span of at most 8 words is removed when its word sequence
  occurs in the tool's text no more often than the entry's kept text
  accounts for (so "Advertisement" inside a sentence does not count against
  the removal of a lone "Advertisement" label); a longer one is removed when
  fewer than half of its 4-word windows are left.  A span with no words
  (a lone "★" or "#") is counted the same way on whitespace-separated pieces.
- a tracking pixel is removed when its URL is gone from the tool's HTML
  (trafilatura gives text only, so pixels are not scored for it).
"""

import glob
import html
import json
import os
import platform
import subprocess
import sys
from collections import defaultdict
from datetime import datetime, timezone

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import blocks as B  # noqa: E402

LONG_REMOVED_BELOW = 0.5
TOOLS = [
    ("once", "feedspool once (poller: feed templates)"),
    ("clean", "feedspool clean (one entry at a time)"),
    ("trafilatura", "trafilatura"),
]


def load_labels(label_dir):
    """Every label file of the folder, in name order."""
    labels = []
    for path in sorted(glob.glob(os.path.join(label_dir, "*.json"))):
        with open(path, encoding="utf-8") as f:
            labels.append(json.load(f))
    return labels


def feed_name(number):
    """The name a labelled feed gets in the benchmark's feeds.conf."""
    return "f%03d" % number


def labelled_entries(feeds_dir, label_dir):
    """(label file, feed number, label entry, parsed entry) for every labelled entry."""
    feedspool = os.environ["FEEDSPOOL"]
    for number, label in enumerate(load_labels(label_dir)):
        parsed = {e["index"]: e for e in B.entries(feedspool, os.path.join(feeds_dir, label["feed"]))}
        for entry in label["entries"]:
            yield label, number, entry, parsed[entry["index"]]


# MARK: - Prepare

def prepare(feeds_dir, label_dir, work):
    """Writes the bodies, the list, entries.tsv and feeds.conf (see the module's doc)."""
    os.makedirs(os.path.join(work, "bodies"), exist_ok=True)
    files, rows = [], []
    home = os.path.abspath(work)
    conf = ["spool = %s" % os.path.join(home, "spool"), "state = %s" % os.path.join(home, "state"), "backlog = all"]
    seen_feeds = set()
    for n, (label, number, entry, parsed) in enumerate(labelled_entries(feeds_dir, label_dir)):
        path = os.path.join(home, "bodies", "%04d.html" % n)
        with open(path, "w", encoding="utf-8") as f:
            f.write(parsed["body"])
        files.append(path)
        kind = "html" if B.looks_like_html(parsed["body"]) else "text"
        rows.append("%s#%d\t%s\t%s" % (label["feed"], entry["index"], path, kind))
        if number not in seen_feeds:
            seen_feeds.add(number)
            conf.append("file://%s  name=%s" % (os.path.abspath(os.path.join(feeds_dir, label["feed"])),
                                                 feed_name(number)))
    for name, lines in (("list", files), ("entries.tsv", rows), ("feeds.conf", conf)):
        with open(os.path.join(work, name), "w", encoding="utf-8") as f:
            f.write("\n".join(lines) + "\n")
    print(len(files))


# MARK: - Outputs

def clean_outputs(work, keys):
    """`feedspool clean`'s (text, html) per entry key, or None when it did not run."""
    path = os.path.join(work, "clean.jsonl")
    if not os.path.exists(path):
        return None
    with open(path, encoding="utf-8") as f:
        lines = [json.loads(line) for line in f if line.strip()]
    if len(lines) != len(keys):
        sys.exit("clean.jsonl has %d lines for %d entries" % (len(lines), len(keys)))
    return {key: (line["text"], line["html"]) for key, line in zip(keys, lines)}


def once_outputs(work, entries):
    """The poller's (content_text, content_html) per entry key, found by guid, else link and title."""
    files = glob.glob(os.path.join(work, "spool", "new", "*.json"))
    if not files:
        return None
    by_feed = defaultdict(list)
    for path in files:
        with open(path, encoding="utf-8") as f:
            article = json.load(f)
        by_feed[article["feed"]["name"]].append(article)
    out = {}
    for key, (label, number, entry, parsed) in entries.items():
        candidates = by_feed.get(feed_name(number), [])
        match = next((a for a in candidates if parsed["guid"] and a.get("guid") == parsed["guid"]), None) \
            or next((a for a in candidates if parsed["link"] and a.get("link") == parsed["link"]
                     and a.get("title") == parsed["title"]), None)
        if match is not None:
            out[key] = (match.get("content_text") or "", match.get("content_html") or "")
    return out


def trafilatura_outputs(work):
    """trafilatura's (text, None) per entry key and its version, or (None, None)."""
    path = os.path.join(work, "trafilatura.json")
    if not os.path.exists(path):
        return None, None
    with open(path, encoding="utf-8") as f:
        data = json.load(f)
    return {key: (text, None) for key, text in data["texts"].items()}, data["version"]


# MARK: - Scoring

def shingles(seq, n=4):
    """The set of n-word windows of a token list (one shorter window for a shorter list)."""
    return {tuple(seq[i:i + n]) for i in range(max(1, len(seq) - n + 1))}


def kept_whole(span, out_tokens):
    """The span's words in the text in order, nothing between its ends."""
    if "text" in span:
        wanted = B.tokens(span["text"])
        return B._find(out_tokens, wanted) >= 0
    head, tail, count = B.tokens(span["head"]), B.tokens(span["tail"]), span["words"]
    start = B._find(out_tokens, head)
    while start >= 0:
        if out_tokens[start + count - len(tail):start + count] == tail:
            return True
        start = B._find(out_tokens, head, start + 1)
    return False


def coverage(seq, out_shingles):
    """The share of a token sequence's 4-word windows that are in `out_shingles`."""
    own = shingles(seq)
    return sum(1 for s in own if s in out_shingles) / len(own) if own else 1.0


def pieces(text):
    """The whitespace-separated pieces of a text, for spans with no words."""
    return B.normalise(text).split(" ")


def score_entry(entry, source_text, output):
    """Per-span results for one entry and one tool's (text, html)."""
    text, out_html = output
    source = B.tokens(source_text)
    out_tokens = B.tokens(text)
    out_shingles = shingles(out_tokens)
    result = {"keep": [], "boilerplate": [], "pixels": []}
    for span in entry["keep"]:
        seq = B.resolve(span, source) or []
        share = 1.0 if kept_whole(span, out_tokens) else coverage(seq, out_shingles)
        result["keep"].append((span, len(seq), share, seq))
    # Identical short spans of one entry share the occurrences left over.
    groups = defaultdict(list)
    for span in entry["boilerplate"]:
        seq = B.resolve(span, source) or []
        if "text" in span:
            groups[(span["text"] if not seq else tuple(seq))].append((span, seq))
        else:
            removed = coverage(seq, out_shingles) < LONG_REMOVED_BELOW
            result["boilerplate"].append((span, removed))
    for key, members in groups.items():
        if isinstance(key, str):  # no words: whitespace-separated pieces
            in_source = sum(1 for p in pieces(source_text) if p == key)
            in_output = sum(1 for p in pieces(text) if p == key)
        else:
            in_source = B.count_occurrences(source, list(key))
            in_output = B.count_occurrences(out_tokens, list(key))
        survivors = min(len(members), max(0, in_output - (in_source - len(members))))
        for i, (span, _) in enumerate(members):
            result["boilerplate"].append((span, i >= survivors))
    for pixel in entry["pixels"]:
        if out_html is None:
            continue
        src = html.unescape(pixel["src"])
        tail = src.split("://", 1)[-1].split("/", 1)[-1]
        result["pixels"].append((pixel, src not in html.unescape(out_html) and tail not in html.unescape(out_html)))
    return result


def image_family(pixel):
    """An image's family: tracking-pixel, share-image (FeedBurner flare, share
    icons) or ad-image, apart from the text families of the same names."""
    return {"tracking": "tracking-pixel", "share": "share-image", "advertisement": "ad-image"}[pixel["family"]]


def span_text(span):
    if "text" in span:
        return span["text"]
    return "%s … %s (%d words)" % (span["head"], span["tail"], span["words"])


def report(feeds_dir, label_dir, work, output_md):
    """Scores every tool on every labelled entry and writes the Markdown report."""
    entries = {}
    for label, number, entry, parsed in labelled_entries(feeds_dir, label_dir):
        entries["%s#%d" % (label["feed"], entry["index"])] = (label, number, entry, parsed)
    keys = list(entries)
    outputs = {"clean": clean_outputs(work, keys), "once": once_outputs(work, entries)}
    outputs["trafilatura"], trafilatura_version = trafilatura_outputs(work)

    # totals[tool][split] = {"words", "kept", "bp", "removed", "families": {f: [n, removed]}}
    totals = {}
    lost, surviving, missing = defaultdict(list), defaultdict(lambda: defaultdict(list)), defaultdict(int)
    for tool, _ in TOOLS:
        if outputs[tool] is None:
            continue
        totals[tool] = {s: {"words": 0, "kept": 0.0, "bp": 0, "removed": 0, "px": 0, "px_removed": 0,
                            "families": defaultdict(lambda: [0, 0])} for s in ("dev", "holdout", "all")}
        for key, (label, number, entry, parsed) in entries.items():
            output = outputs[tool].get(key)
            if output is None:
                missing[tool] += 1
                output = ("", "")
            r = score_entry(entry, B.entry_text(parsed["body"]), output)
            for split in (label["split"], "all"):
                t = totals[tool][split]
                for span, words, share, seq in r["keep"]:
                    t["words"] += words
                    t["kept"] += words * share
                for span, removed in r["boilerplate"]:
                    t["bp"] += 1
                    t["removed"] += removed
                    t["families"][span["family"]][0] += 1
                    t["families"][span["family"]][1] += removed
                for pixel, removed in r["pixels"]:
                    t["px"] += 1
                    t["px_removed"] += removed
                    t["families"][image_family(pixel)][0] += 1
                    t["families"][image_family(pixel)][1] += removed
            if tool == "trafilatura":
                continue
            for span, words, share, seq in r["keep"]:
                if share < 1.0:
                    lost[tool].append((key, label["split"], span, words, share))
            for span, removed in r["boilerplate"]:
                if not removed:
                    surviving[tool][span["family"]].append((key, span))
            for pixel, removed in r["pixels"]:
                if not removed:
                    surviving[tool][image_family(pixel)].append((key, {"text": pixel["src"]}))

    lines = render(totals, lost, surviving, missing, entries, trafilatura_version)
    text = "\n".join(lines) + "\n"
    sys.stdout.write(text)
    with open(output_md, "w", encoding="utf-8") as f:
        f.write(text)


def percent(part, whole):
    """part / whole as a percentage, or n/a."""
    return "%.1f %%" % (100.0 * part / whole) if whole else "n/a"


def render(totals, lost, surviving, missing, entries, trafilatura_version):
    """The report's lines."""
    labels = {}
    for label, number, entry, parsed in entries.values():
        labels.setdefault(label["feed"], label["split"])
    n_feeds = {s: sum(1 for v in labels.values() if v == s) for s in ("dev", "holdout")}
    n_entries = {s: sum(1 for v in entries.values() if v[0]["split"] == s) for s in ("dev", "holdout")}
    version = subprocess.run([os.environ["FEEDSPOOL"], "--version"], capture_output=True, text=True).stdout.strip()
    root = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
    commit = subprocess.run(["git", "-C", root, "rev-parse", "--short", "HEAD"], capture_output=True,
                            text=True).stdout.strip()
    out = ["# Clean-feeds benchmark: latest run", ""]
    out.append("Run %s UTC on %s, feedspool %s (%s), trafilatura %s, Python %s." % (
        datetime.now(timezone.utc).strftime("%Y-%m-%d %H:%M"), platform.node() or "this machine", version or "?",
        commit or "no commit", trafilatura_version or "not run", platform.python_version()))
    out.append("")
    out.append("%d labelled entries from %d real feeds: dev %d entries of %d feeds, holdout %d of %d." % (
        len(entries), len(labels), n_entries["dev"], n_feeds["dev"], n_entries["holdout"], n_feeds["holdout"]))
    out.append("Goals: article text kept 100 %, boilerplate blocks removed ≥ 95 %.")
    out.append("")
    out.append("| tool | split | article text kept | boilerplate blocks removed | beacon, flare and ad images removed |")
    out.append("| --- | --- | ---: | ---: | ---: |")
    for tool, title in TOOLS:
        if tool not in totals:
            continue
        for split in ("dev", "holdout", "all"):
            t = totals[tool][split]
            out.append("| %s | %s | %s | %s (%d of %d) | %s |" % (
                title, split, percent(t["kept"], t["words"]), percent(t["removed"], t["bp"]), t["removed"], t["bp"],
                percent(t["px_removed"], t["px"]) if tool != "trafilatura" else "n/a (text only)"))
    for tool, count in missing.items():
        out.append("")
        out.append("⚠ %s: no output for %d labelled entries (scored as empty)." % (tool, count))
    out.append("")
    out.append("## Boilerplate removed, per family (dev / holdout)")
    out.append("")
    tools = [t for t, _ in TOOLS if t in totals]
    out.append("| family | blocks (dev / holdout) | " + " | ".join(dict(TOOLS)[t] for t in tools) + " |")
    out.append("| --- | ---: | " + " | ".join("---:" for _ in tools) + " |")
    families = sorted({f for t in tools for f in totals[t]["all"]["families"]})
    for family in families:
        base = totals[tools[0]]
        cells = []
        for tool in tools:
            d, h = totals[tool]["dev"]["families"].get(family), totals[tool]["holdout"]["families"].get(family)
            fmt = lambda c: ("%d/%d" % (c[1], c[0])) if c else "–"  # noqa: E731
            cells.append("%s / %s" % (fmt(d), fmt(h)) if not (tool == "trafilatura" and family in ("tracking-pixel", "share-image", "ad-image"))
                         else "n/a")
        out.append("| %s | %d / %d | %s |" % (family, base["dev"]["families"].get(family, [0])[0],
                                             base["holdout"]["families"].get(family, [0])[0], " | ".join(cells)))
    out.append("")
    out.append("Cells are removed/labelled blocks, dev / holdout.")
    for tool, title in TOOLS:
        if tool == "trafilatura" or tool not in totals:
            continue
        out.append("")
        out.append("## %s: removals that hit labelled article text" % title)
        out.append("")
        if not lost[tool]:
            out.append("None: every labelled article block is kept whole.")
        for key, split, span, words, share in sorted(lost[tool], key=lambda x: x[0]):
            out.append("- `%s` (%s): %.0f %% of %d words kept: “%s”" % (key, split, 100 * share, words,
                                                                      span_text(span)[:160]))
        out.append("")
        out.append("## %s: boilerplate left, by family" % title)
        for family in sorted(surviving[tool]):
            items = surviving[tool][family]
            out.append("")
            out.append("### %s (%d)" % (family, len(items)))
            out.append("")
            for key, span in items:
                out.append("- `%s`: “%s”" % (key, span_text(span)[:160]))
    return out


def losses(feeds_dir, label_dir, work):
    """Prints every keep span the poller's output does not hold whole."""
    entries = {}
    for label, number, entry, parsed in labelled_entries(feeds_dir, label_dir):
        entries["%s#%d" % (label["feed"], entry["index"])] = (label, number, entry, parsed)
    outputs = once_outputs(work, entries) or {}
    lines = set()
    for key, (label, number, entry, parsed) in entries.items():
        out_tokens = B.tokens(outputs.get(key, ("", ""))[0])
        for span in entry["keep"]:
            if not kept_whole(span, out_tokens):
                lines.add("%s: %s" % (key, span_text(span)))
    for line in sorted(lines):
        print(line)


def main():
    """Dispatches the command line."""
    command = sys.argv[1] if len(sys.argv) > 1 else ""
    if command == "losses" and len(sys.argv) == 5:
        losses(*sys.argv[2:5])
        return
    if command == "prepare" and len(sys.argv) == 5:
        prepare(*sys.argv[2:5])
    elif command == "report" and len(sys.argv) == 6:
        report(*sys.argv[2:6])
    else:
        sys.exit(__doc__)


if __name__ == "__main__":
    main()
