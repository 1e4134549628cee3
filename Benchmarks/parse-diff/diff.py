#!/usr/bin/env python3
"""Field-by-field differential test of `feedspool parse` against Python feedparser.

Usage: diff.py FEEDSPOOL OUT_DIR [--held-out] [--show FIELD] ROOT...

Each ROOT is a folder of feed files. Every file is parsed by feedparser (in this
process) and by `feedspool parse` (one process per file), with the same base URL and
HTTP charset, and both results are normalised the same way (see normalise_* below and
Benchmarks/parse-diff/README.md) before each field is compared.

A comparison counts when at least one side has a value; it agrees when the normalised
values are equal. Files are split into a development part and a held-out part by a
fixed rule (the SHA-1 of the file's path relative to its root: first byte % 5 == 0
is held out); the report covers the development part unless --held-out is given.
"""

import calendar
import concurrent.futures
import hashlib
import html
import json
import os
import re
import subprocess
import sys
import time
import urllib.parse
import warnings

import feedparser

warnings.simplefilter("ignore")


def _save_author_as_documented(self, key, value, prefix="author"):
    """feedparser 6.0.14 also writes a publisher's (itunes:owner's) name and email into
    the last author, contrary to its documentation (owner → publisher_detail) and
    acknowledged as a bug upstream (kurtmckee/feedparser#261, #316; fix in PR #262).
    The reference is compared with that fix applied."""
    if prefix == "author":
        return _save_author(self, key, value, prefix)
    self._get_context().setdefault(prefix + "_detail", feedparser.util.FeedParserDict())[key] = value


_save_author = feedparser.mixin._FeedParserMixin._save_author
feedparser.mixin._FeedParserMixin._save_author = _save_author_as_documented

HEADLINE = ["entry count", "feed title", "feed link", "title", "link", "guid", "published",
            "authors", "categories", "enclosures"]
OTHER = ["feed subtitle", "updated"]
FIELDS = HEADLINE + OTHER

# feedparser's test files say which HTTP headers the test server sends with them.
HEADER_RE = re.compile(rb"^Header:\s+([^:]+):(.+)$", re.MULTILINE)
TAG_RE = re.compile(r"<[^>]*>")
SPACE_RE = re.compile(r"\s+")


def is_held_out(relative_path):
    return hashlib.sha1(relative_path.encode()).digest()[0] % 5 == 0


def is_json(path):
    with open(path, "rb") as handle:
        return handle.read(512).lstrip().startswith(b"{")


def file_headers(data, url):
    """The headers feedparser's test server would send with the file."""
    headers = {k.strip().decode("latin-1").lower(): v.strip().decode("latin-1")
               for k, v in HEADER_RE.findall(data[:4000])}
    headers.setdefault("content-type", "application/xml")
    headers["content-location"] = urllib.parse.urljoin(url, headers.get("content-location", url))
    return headers


def charset_of(content_type):
    match = re.search(r"charset\s*=\s*\"?([^\";]+)", content_type, re.I)
    return match.group(1).strip() if match else None


# MARK: - Normalisation, the same for both sides


def normalise_text(value):
    """Tags dropped (`1930ft<sup>2</sup>` reads `1930ft2`), entities decoded, white space
    collapsed; None when empty."""
    if value is None:
        return None
    text = TAG_RE.sub("", value) if "<" in value else value
    text = SPACE_RE.sub(" ", html.unescape(text)).strip()
    return text or None


def normalise_url(value):
    """Trimmed, scheme and host lowercased, an empty path written as `/`."""
    if not value:
        return None
    value = value.strip()
    try:
        parts = urllib.parse.urlsplit(value)
    except ValueError:
        return value
    if parts.scheme in ("http", "https") and parts.netloc:
        path = parts.path or "/"
        value = urllib.parse.urlunsplit((parts.scheme.lower(), parts.netloc.lower(), path,
                                         parts.query, parts.fragment))
    return urllib.parse.unquote(value) or None


def normalise_list(values, normalise):
    out = []
    for value in values:
        value = normalise(value)
        if value and value not in out:
            out.append(value)
    return out


def iso_to_epoch(value):
    if not value:
        return None
    return calendar.timegm(time.strptime(value, "%Y-%m-%dT%H:%M:%SZ"))


def struct_to_epoch(value):
    return calendar.timegm(value) if value else None


def lone_dates(published, updated):
    """(published, updated); an entry with a single date is compared on that date
    whatever each side files it under (feedparser files dc:date as updated,
    feedspool as published)."""
    if published is None and updated is not None:
        return updated, None
    if updated is not None and updated == published:
        return published, None
    return published, updated


# MARK: - The two sides


def author_names(item):
    names = [a.get("name") or a.get("email") for a in item.get("authors", []) if isinstance(a, dict)]
    names = [name for name in names if name]
    if not names and item.get("author"):
        names = [item.get("author")]
    return names


def from_feedparser(data, headers):
    parsed = feedparser.parse(data, response_headers=headers)
    feed = parsed.get("feed", {})
    result = {
        "bozo": bool(parsed.get("bozo")),
        "version": parsed.get("version") or "",
        "feed": {
            "feed title": normalise_text(feed.get("title")),
            "feed link": normalise_url(feed.get("link")),
            "feed subtitle": normalise_text(feed.get("subtitle")),
        },
        "entries": [],
    }
    feed_authors = author_names(feed)
    for entry in parsed.get("entries", []):
        # Readers give an entry without authors the feed's; feedparser leaves that to them.
        authors = author_names(entry) or feed_authors
        categories = [t.get("label") or t.get("term") for t in entry.get("tags", [])]
        enclosures = [e.get("href") for e in entry.get("enclosures", [])]
        enclosures += [m.get("url") for m in entry.get("media_content", []) if m.get("url")]
        published, updated = lone_dates(struct_to_epoch(dict.get(entry, "published_parsed")),
                                        struct_to_epoch(dict.get(entry, "updated_parsed")))
        result["entries"].append({
            "title": normalise_text(entry.get("title")),
            "link": normalise_url(entry.get("link")),
            "guid": normalise_text(entry.get("id")),
            "published": published,
            "updated": updated,
            "authors": normalise_list(authors, normalise_text),
            "categories": normalise_list(categories, normalise_text),
            "enclosures": normalise_list(enclosures, normalise_url),
        })
    return result


def from_feedspool(binary, path, headers):
    command = [binary, "parse", "--base", headers["content-location"]]
    charset = charset_of(headers["content-type"])
    if charset:
        command += ["--charset", charset]
    try:
        run = subprocess.run(command + [path], capture_output=True, timeout=30)
    except subprocess.TimeoutExpired:
        return {"error": "timeout"}
    if run.returncode != 0:
        return {"error": run.stderr.decode("utf-8", "replace").strip()[:200] or f"exit {run.returncode}",
                "crash": run.returncode < 0 or run.returncode > 2}
    document = json.loads(run.stdout)
    feed = document["feed"]
    result = {
        "feed": {
            "feed title": normalise_text(feed["title"]),
            "feed link": normalise_url(feed["link"]),
            "feed subtitle": normalise_text(feed["subtitle"]),
        },
        "entries": [],
    }
    for entry in document["entries"]:
        published, updated = lone_dates(iso_to_epoch(entry["published"]), iso_to_epoch(entry["updated"]))
        result["entries"].append({
            "title": normalise_text(entry["title"]),
            "link": normalise_url(entry["link"]),
            "guid": normalise_text(entry["guid"]),
            "published": published,
            "updated": updated,
            "authors": normalise_list(entry["authors"], normalise_text),
            "categories": normalise_list(entry["categories"], normalise_text),
            "enclosures": normalise_list([e["url"] for e in entry["enclosures"]], normalise_url),
        })
    return result


# MARK: - Comparison


def empty(value):
    return value is None or value == [] or value == ""


def compare(reference, ours):
    """Yields (field, agrees, feedparser value, feedspool value) for each counted field."""
    if "error" in ours:
        ours = {"feed": {}, "entries": []}
    fp_entries, fs_entries = reference["entries"], ours["entries"]
    if fp_entries or fs_entries:
        yield "entry count", len(fp_entries) == len(fs_entries), len(fp_entries), len(fs_entries)
    for field in ("feed title", "feed link", "feed subtitle"):
        a, b = reference["feed"].get(field), ours["feed"].get(field)
        if not (empty(a) and empty(b)):
            yield field, a == b, a, b
    for index in range(max(len(fp_entries), len(fs_entries))):
        a = fp_entries[index] if index < len(fp_entries) else {}
        b = fs_entries[index] if index < len(fs_entries) else {}
        for field in ("title", "link", "guid", "published", "updated", "authors", "categories", "enclosures"):
            x, y = a.get(field), b.get(field)
            if not (empty(x) and empty(y)):
                yield field, x == y, x, y


def collect(roots):
    files = []
    for root in roots:
        for folder, _, names in os.walk(root):
            for name in sorted(names):
                if name.endswith((".md", ".py", ".gz", ".z")) or name.startswith("."):
                    continue
                path = os.path.join(folder, name)
                relative = os.path.relpath(path, os.path.dirname(root.rstrip("/")))
                files.append((relative, path))
    return sorted(files)


def main():
    args = sys.argv[1:]
    held_out = "--held-out" in args
    show = None
    if "--show" in args:
        show = args[args.index("--show") + 1]
        args.remove(show)
    args = [a for a in args if not a.startswith("--")]
    binary, out_dir, roots = args[0], args[1], args[2:]
    os.makedirs(out_dir, exist_ok=True)
    files = [(rel, path) for rel, path in collect(roots) if is_held_out(rel) == held_out]

    # feedparser 6 reads no JSON Feed: those files are left out.
    files = [(rel, path) for rel, path in files if not is_json(path)]

    def one(item):
        relative, path = item
        with open(path, "rb") as handle:
            data = handle.read()
        headers = file_headers(data, "http://127.0.0.1:8097/" + relative)
        return relative, from_feedparser(data, headers), from_feedspool(binary, path, headers)

    totals = {field: [0, 0] for field in FIELDS}
    # Per file: does every compared value of the field agree? One big feed weighs as one.
    file_totals = {field: [0, 0] for field in FIELDS}
    clean_totals = {field: [0, 0] for field in FIELDS}
    disagreements = []
    errors = []
    with concurrent.futures.ThreadPoolExecutor(max_workers=2) as pool:
        for relative, reference, ours in pool.map(one, files):
            if "error" in ours and (reference["entries"] or reference["version"]):
                errors.append((relative, ours["error"], ours.get("crash", False)))
            file_agrees = {}
            for field, agrees, a, b in compare(reference, ours):
                file_agrees[field] = file_agrees.get(field, True) and agrees
                for table, counts in ((totals, True), (clean_totals, not reference["bozo"])):
                    if counts:
                        table[field][0] += agrees
                        table[field][1] += 1
                if not agrees:
                    disagreements.append({"file": relative, "field": field, "feedparser": a, "feedspool": b})
            for field, agrees in file_agrees.items():
                file_totals[field][0] += agrees
                file_totals[field][1] += 1

    with open(os.path.join(out_dir, "disagreements.jsonl"), "w") as out:
        for item in disagreements:
            out.write(json.dumps(item, ensure_ascii=False, default=str) + "\n")
    with open(os.path.join(out_dir, "errors.tsv"), "w") as out:
        for relative, message, crash in errors:
            out.write(f"{relative}\t{'CRASH ' if crash else ''}{message}\n")

    part = "held-out" if held_out else "development"
    def share(agree, count):
        return f"{100 * agree / count:.1f}% of {count}" if count else "–"

    print(f"| field ({part} part, {len(files)} files) | values | values, feedparser not bozo | files agreeing throughout |")
    print("| --- | ---: | ---: | ---: |")
    for field in FIELDS:
        print(f"| {field}{' *' if field in HEADLINE else ''} | {share(*totals[field])} "
              f"| {share(*clean_totals[field])} | {share(*file_totals[field])} |")
    all_agree = sum(t[0] for t in totals.values())
    all_count = sum(t[1] for t in totals.values())
    print(f"| all fields | {share(all_agree, all_count)} | | |")
    print(f"\nfeedspool refused {len(errors)} file(s) feedparser read as a feed; "
          f"crashes: {sum(1 for e in errors if e[2])}")
    if show:
        for item in disagreements:
            if item["field"] == show:
                print(json.dumps(item, ensure_ascii=False, default=str))


if __name__ == "__main__":
    main()
