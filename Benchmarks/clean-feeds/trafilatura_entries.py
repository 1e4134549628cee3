#!/usr/bin/env python3
"""Run trafilatura on each labelled entry, as fairly as a page extractor can be.

Usage: trafilatura_entries.py ENTRIES_TSV OUTPUT_JSON
ENTRIES_TSV has one "key<TAB>body file<TAB>kind" line per entry, kind being
html or text.  Writes {"version": ..., "texts": {key: text}}.

How each entry is given to trafilatura (the choice the README writes down):
- the entry body is wrapped as a page, <html><body><article>BODY</article>
  </body></html>, since trafilatura extracts from whole documents and a feed
  entry is the article part of one;
- a plain-text body (YouTube descriptions) becomes one <p> per line;
- extract(..., include_comments=False, include_tables=True), trafilatura's
  defaults otherwise, except that its minimum sizes (MIN_EXTRACTED_SIZE,
  MIN_OUTPUT_SIZE, MIN_EXTRACTED_COMM_SIZE, MIN_OUTPUT_COMM_SIZE) are set to
  1: those thresholds make it return nothing for a short page, which suits
  web pages but would drop most short feed entries whole, and so score it
  on a rule meant for another input instead of on its boilerplate removal.
"""

import html
import json
import sys
from copy import deepcopy

import trafilatura
from trafilatura.settings import DEFAULT_CONFIG


def config():
    c = deepcopy(DEFAULT_CONFIG)
    for key in ("MIN_EXTRACTED_SIZE", "MIN_OUTPUT_SIZE", "MIN_EXTRACTED_COMM_SIZE", "MIN_OUTPUT_COMM_SIZE"):
        c.set("DEFAULT", key, "1")
    return c


def page(body, kind):
    if kind == "text":
        body = "".join("<p>%s</p>" % html.escape(line) for line in body.splitlines() if line.strip())
    return "<html><body><article>%s</article></body></html>" % body


def main():
    settings = config()
    texts = {}
    with open(sys.argv[1], encoding="utf-8") as f:
        for line in f:
            if not line.strip():
                continue
            key, path, kind = line.rstrip("\n").split("\t")
            with open(path, encoding="utf-8") as body:
                document = page(body.read(), kind)
            text = trafilatura.extract(document, include_comments=False, include_tables=True, config=settings)
            texts[key] = text or ""
    with open(sys.argv[2], "w", encoding="utf-8") as f:
        json.dump({"version": trafilatura.__version__, "texts": texts}, f, ensure_ascii=False)


if __name__ == "__main__":
    main()
