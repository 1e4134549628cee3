#!/usr/bin/env python3
"""Run trafilatura over the benchmark's pages in one process and time it.

One process for all pages is the fair way to run trafilatura: it would
otherwise pay interpreter start-up and its import (about a second) per page.
The clock covers only the trafilatura.extract() calls: reading the files,
start-up, the import and one untimed warm-up extraction (which compiles
trafilatura's XPath expressions and regular expressions) are left out.

The call is the one the article-extraction-benchmark makes for trafilatura
(extract(html, include_comments=False)), with the page's URL added, as
feedspool gets it too.

Usage: trafilatura_loop.py PAGES_TSV OUTPUT_JSON [REPEATS]
PAGES_TSV has one "id<TAB>url<TAB>html path" line per page.  Writes
{"seconds": [one per pass], "version": "...", "texts": {id: text}} to
OUTPUT_JSON; the texts are those of the first pass (extraction is
deterministic).
"""

import json
import sys
import time

import trafilatura


def main():
    pages = []
    with open(sys.argv[1], encoding="utf-8") as f:
        for line in f:
            if line.strip():
                page_id, url, path = line.rstrip("\n").split("\t")
                with open(path, encoding="utf-8") as page:
                    pages.append((page_id, url, page.read()))
    repeats = int(sys.argv[3]) if len(sys.argv) > 3 else 1
    if not pages:
        sys.exit("trafilatura_loop: %s lists no pages" % sys.argv[1])

    trafilatura.extract(pages[0][2], url=pages[0][1], include_comments=False)

    texts = {}
    seconds = []
    for _ in range(repeats):
        elapsed = 0.0
        for page_id, url, html in pages:
            start = time.perf_counter()
            text = trafilatura.extract(html, url=url, include_comments=False)
            elapsed += time.perf_counter() - start
            texts.setdefault(page_id, text or "")
        seconds.append(elapsed)

    with open(sys.argv[2], "w", encoding="utf-8") as f:
        json.dump({"seconds": seconds, "version": trafilatura.__version__, "texts": texts}, f)


if __name__ == "__main__":
    main()
