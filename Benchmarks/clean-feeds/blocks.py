#!/usr/bin/env python3
"""What the clean-feeds labels and scorer share: entries, blocks, tokens, spans.

Standard library only.  Nothing here depends on how feedspool's cleaner cuts
an article up: blocks are this file's own (block-level elements and <br>
lines of the entry's HTML, or lines of a plain-text body), and a label names
its text by words, not by position.

- `entries(feedspool, path)`: the feed's entries as `feedspool parse` gives
  them; each entry's body is its content, else its summary, as the poller
  cleans it.
- `blocks(body)`: the body's text blocks, in order, and the images in it.
- `tokens(text)`: the lower-cased runs of word characters, the unit every
  comparison uses, so white space, punctuation and markup never matter.
- `span_of(text)` / `resolve(span, source_tokens)`: a label's span is either
  its whole text (short spans) or its first and last words and its length in
  words (long ones, so that the repository holds no publisher's prose); the
  scorer finds it again in the entry's own text.
"""

import json
import re
import subprocess
from html.parser import HTMLParser

TOKEN = re.compile(r"\w+", re.UNICODE)
SPACE = re.compile(r"\s+")
SHORT_SPAN_WORDS = 8
ANCHOR_WORDS = 4

BLOCK_TAGS = {
    "p", "div", "li", "ul", "ol", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "pre",
    "figure", "figcaption", "table", "tr", "td", "th", "dl", "dt", "dd", "section", "article",
    "header", "footer", "aside", "nav", "hr", "br", "center", "form", "details", "summary",
    "address", "main",
}
SKIPPED_TAGS = {"script", "style", "noscript", "template", "head", "title"}


def tokens(text):
    """The comparison unit: lower-cased runs of word characters."""
    return [t.lower() for t in TOKEN.findall(text or "")]


def normalise(text):
    """White space folded to single spaces, ends trimmed."""
    return SPACE.sub(" ", text or "").strip()


def looks_like_html(body):
    """Whether a body is HTML (a tag or an entity), not plain text."""
    return re.search(r"<\s*[a-zA-Z][^>]*>|&[a-zA-Z#][a-zA-Z0-9]*;", body) is not None


class _Blocks(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.blocks, self.images, self.current, self.skip = [], [], [], 0

    def flush(self):
        text = normalise("".join(self.current))
        if text:
            self.blocks.append(text)
        self.current = []

    def handle_starttag(self, tag, attrs):
        if tag in SKIPPED_TAGS:
            self.skip += 1
        elif tag in BLOCK_TAGS:
            self.flush()
        elif tag == "img":
            a = dict(attrs)
            self.images.append({"src": a.get("src") or "", "width": a.get("width"), "height": a.get("height"),
                                "alt": a.get("alt") or ""})
        if tag in ("td", "th"):
            self.current.append(" ")

    def handle_startendtag(self, tag, attrs):
        self.handle_starttag(tag, attrs)

    def handle_endtag(self, tag):
        if tag in SKIPPED_TAGS:
            self.skip = max(0, self.skip - 1)
        elif tag in BLOCK_TAGS:
            self.flush()

    def handle_data(self, data):
        if not self.skip:
            self.current.append(data)


def blocks(body):
    """(text blocks in order, images) of an entry body, HTML or plain text."""
    body = body or ""
    if not looks_like_html(body):
        return [b for b in (normalise(line) for line in body.splitlines()) if b], []
    parser = _Blocks()
    parser.feed(body)
    parser.close()
    parser.flush()
    return parser.blocks, parser.images


def entry_text(body):
    """The whole text of an entry body, its blocks joined by new lines."""
    return "\n".join(blocks(body)[0])


def entries(feedspool, path):
    """The entries of one feed file, as `feedspool parse` reads them."""
    out = subprocess.run([feedspool, "parse", path], check=True, capture_output=True).stdout
    document = json.loads(out)
    result = []
    for index, entry in enumerate(document["entries"]):
        body = entry.get("content") or entry.get("summary") or ""
        result.append({"index": index, "guid": entry.get("guid"), "link": entry.get("link"),
                       "title": entry.get("title"), "body": body})
    return result


# MARK: - Spans

def span_of(text):
    """A label span for `text`: whole when short, else its anchors."""
    words = TOKEN.findall(text)
    if len(words) <= SHORT_SPAN_WORDS:
        return {"text": text}
    return {"head": " ".join(words[:ANCHOR_WORDS]), "tail": " ".join(words[-ANCHOR_WORDS:]), "words": len(words)}


def _find(sequence, needle, start=0):
    """The first index at or after `start` where `needle` occurs in `sequence`, else -1."""
    n = len(needle)
    if n == 0:
        return -1
    first = needle[0]
    for i in range(start, len(sequence) - n + 1):
        if sequence[i] == first and sequence[i:i + n] == needle:
            return i
    return -1


def resolve(span, source_tokens):
    """The span's token sequence, found in the entry's tokens; None if absent."""
    if "text" in span:
        wanted = tokens(span["text"])
        return wanted if _find(source_tokens, wanted) >= 0 or not wanted else None
    head, tail, count = tokens(span["head"]), tokens(span["tail"]), span["words"]
    start = _find(source_tokens, head)
    while start >= 0:
        candidate = source_tokens[start:start + count]
        if len(candidate) == count and candidate[-len(tail):] == tail:
            return candidate
        start = _find(source_tokens, head, start + 1)
    return None


def count_occurrences(sequence, needle):
    """How often `needle` occurs in `sequence`, without overlaps."""
    count, start = 0, _find(sequence, needle)
    while start >= 0:
        count += 1
        start = _find(sequence, needle, start + len(needle))
    return count
