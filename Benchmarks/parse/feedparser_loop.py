#!/usr/bin/env python3
"""Time Python feedparser over a list of feed files, in one process.

One process for all files is the fair way to run feedparser: it would otherwise
pay interpreter start-up and its own import (a third of a second) per file.
The clock covers reading each file and feedparser.parse(bytes) on it; start-up,
the import and one untimed warm-up parse (which compiles feedparser's regular
expressions) are left out.

Usage: feedparser_loop.py LIST_FILE
LIST_FILE holds one feed path per line.  Prints one line:
"<seconds> <entries parsed> <files parsed> <files feedparser flagged bozo>".
"""

import sys
import time

import feedparser


def main():
    with open(sys.argv[1]) as f:
        paths = [line.rstrip("\n") for line in f if line.strip()]
    if not paths:
        sys.exit("feedparser_loop: %s lists no files" % sys.argv[1])

    with open(paths[0], "rb") as f:
        feedparser.parse(f.read())

    entries = bozo = 0
    start = time.perf_counter()
    for path in paths:
        with open(path, "rb") as f:
            result = feedparser.parse(f.read())
        entries += len(result.entries)
        bozo += bool(result.bozo)
    seconds = time.perf_counter() - start
    print("%.6f %d %d %d" % (seconds, entries, len(paths), bozo))


if __name__ == "__main__":
    main()
