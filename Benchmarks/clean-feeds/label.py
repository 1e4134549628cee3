#!/usr/bin/env python3
"""Helps a person label feed entries for the clean-feeds benchmark.

  label.py propose FEEDS_DIR FEED [FEED...] --out DRAFT_DIR [--max N]
      Writes DRAFT_DIR/<feed with / as +>.txt: for each of the feed's first N
      entries with a body (default 8), one line per text block of the body,
      prefixed with a proposed label: `K` (a reader keeps it) or `B:family`
      (boilerplate of that family), and `P:tracking <src>` for an image that
      looks like a beacon.  The proposals come from a few patterns below;
      they are a start for the person labelling, who reads each entry and
      corrects the prefixes (and may drop an entry with `SKIP` on its header
      line).  The patterns never decide a label on their own.

  label.py compile FEEDS_DIR DRAFT [DRAFT...] --out LABEL_DIR
      Turns corrected drafts into label files, LABEL_DIR/<same name>.json:
      {"feed": path under FEEDS_DIR, "split": "dev" | "holdout",
       "entries": [{"index", "guid", "keep": [span], "boilerplate":
       [span + {"family"}], "pixels": [{"family", "src"}]}]}
      A span is {"text": …} when it has at most 8 words, else {"head": first
      4 words, "tail": last 4 words, "words": count}, so the repository keeps
      no publisher's prose; the scorer finds the span again in the feed.

The split is fixed by the feed's path alone (see `split_of`), so a feed is
wholly dev or wholly holdout and the rule never looks at the labels.
"""

import argparse
import hashlib
import json
import os
import re
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import blocks as B  # noqa: E402

FAMILIES = [
    ("appeared-first", r"\b(appeared|was published|first appeared) (first )?on\b|originally published (in|on|at)\b"),
    ("aggregator-metadata", r"^(article url|comments url|points|# comments)\s*:|^submitted by\b|^\[link\]|^\[comments\]"),
    ("podcast-platforms", r"(apple podcasts|google podcasts|spotify|stitcher|overcast|pocket ?casts|castbox|iheart|"
                          r"for privacy information|podcastchoices|omnystudio\.com/listener|\brss feed\b)"),
    ("paywall", r"(free trial|paid subscriber|upgrade to paid|subscribe now|become a (paid )?(member|subscriber)|"
                r"subscribers? only|keep reading with)"),
    ("platform-chrome", r"^(member-only story|\d[\d.,k]* followers|recommended from|newer post|older post|"
                        r"post comments \(atom\)|subscribe to:|home$)"),
    ("comments", r"^(leave a (reply|comment)|\d+ comments?|no comments|comments?$|add a comment|post a comment|"
                 r"view comments|join the (discussion|conversation)|discuss( on| this)?)\b"),
    ("read-more", r"^(continue reading|read more|keep reading|read the (full|rest)|the post .* appeared)|"
                  r"(continue reading|read more|read the rest)( of this (post|entry|article))?\W*$"),
    ("related-links", r"^(related|read more|see also|more from|also read|further reading|more on this)\s*:"),
    ("follow", r"\b(follow (us|me)( on)?|like us on|join us on|find us on)\b"),
    ("advertisement", r"^(advertisement|advertising|ad|anzeige|sponsored|publicité|werbung)$"),
    ("permalink", r"^(★|☆|permalink|#|¶|∞|link)$"),
    ("click-here", r"click here to (read|view|see|watch)|read (it )?in full\b"),
    ("donation", r"\b(donate|donation|patreon|buy me a coffee|ko-fi|support (us|the show|our work))\b"),
    ("attribution", r"^(original source|via|source|h/t|hat tip)\s*:"),
    ("share", r"^(share( this| on| via)?|tweet( this)?|email( this)?|print|pin it|facebook|twitter|linkedin|"
              r"reddit|whatsapp|pinterest)\b"),
    ("sponsor", r"\b(sponsor(ed)?( by)?|brought to you by|promo code|use code|partner content|affiliate)\b"),
]
PATTERNS = [(family, re.compile(pattern, re.IGNORECASE)) for family, pattern in FAMILIES]
PROPOSE_MAX_CHARS = 300
BEACON = re.compile(r"(feeds\.feedburner\.com/~r|/~ff/|stats\.wordpress\.com|pixel|beacon|p\.php\?idsite|"
                    r"matomo|piwik|/b\.gif|/1x1|analytics|doubleclick|feedsportal|pheedo|/ad[sx]?/|tracker|track\?|"
                    r"mf\.gif|/t\.gif|/open\b)", re.IGNORECASE)


def split_of(feed):
    """'holdout' for about a third of the feeds, by a hash of the path alone."""
    return "holdout" if int(hashlib.sha256(feed.encode()).hexdigest()[:8], 16) % 3 == 0 else "dev"


def draft_name(feed):
    """A feed path as a file name: '/' becomes '+'."""
    return feed.replace("/", "+")


def propose_block(text):
    """A guessed label for one block: 'K', or 'B:family' for a short block a pattern matches."""
    if len(text) > PROPOSE_MAX_CHARS:
        return "K"
    for family, pattern in PATTERNS:
        if pattern.search(text):
            return "B:" + family
    return "K"


def is_beacon(image):
    """Whether an image looks like a tracking beacon: 0 or 1 pixel, or a known beacon URL."""
    tiny = image["width"] in ("0", "1") or image["height"] in ("0", "1")
    return tiny or BEACON.search(image["src"] or "") is not None


def propose(args):
    """Writes a draft per feed (see the module doc)."""
    feedspool = os.environ.get("FEEDSPOOL", ".build/release/feedspool")
    os.makedirs(args.out, exist_ok=True)
    for feed in args.feeds:
        lines, taken = [], 0
        for entry in B.entries(feedspool, os.path.join(args.feeds_dir, feed)):
            texts, images = B.blocks(entry["body"])
            if not texts or taken >= args.max:
                continue
            taken += 1
            lines.append("=== %d %s" % (entry["index"], json.dumps(entry["guid"] or entry["link"] or "")))
            lines.append("# title: %s" % B.normalise(entry["title"] or ""))
            lines += ["%s\t%s" % (propose_block(t), t) for t in texts]
            lines += ["P:tracking\t%s" % image["src"] for image in images if is_beacon(image)]
        with open(os.path.join(args.out, draft_name(feed) + ".txt"), "w", encoding="utf-8") as f:
            f.write("\n".join(lines) + "\n")
        print("%s: %d entries" % (feed, taken))


def compile_drafts(args):
    """Turns corrected drafts into label files, checking every span is found in its entry."""
    feedspool = os.environ.get("FEEDSPOOL", ".build/release/feedspool")
    os.makedirs(args.out, exist_ok=True)
    for draft in args.drafts:
        name = os.path.basename(draft)[:-len(".txt")]
        feed = name.replace("+", "/")
        by_index = {e["index"]: e for e in B.entries(feedspool, os.path.join(args.feeds_dir, feed))}
        labelled, current = [], None
        with open(draft, encoding="utf-8") as f:
            for number, line in enumerate(f, 1):
                line = line.rstrip("\n")
                if line.startswith("==="):
                    parts = line.split(" ", 2)
                    current = None
                    if "SKIP" in line.split('"')[-1]:
                        continue
                    index = int(parts[1])
                    current = {"index": index, "guid": by_index[index]["guid"], "keep": [], "boilerplate": [],
                               "pixels": []}
                    labelled.append(current)
                elif not line.strip() or line.startswith("#") or current is None:
                    continue
                else:
                    tag, _, text = line.partition("\t")
                    if tag == "K":
                        if B.tokens(text):
                            current["keep"].append(B.span_of(text))
                    elif tag.startswith("B:"):
                        current["boilerplate"].append(dict(B.span_of(text), family=tag[2:]))
                    elif tag.startswith("P:"):
                        current["pixels"].append({"family": tag[2:], "src": text})
                    elif tag in ("X", "-"):
                        continue  # neither: a block the person left unlabelled
                    else:
                        sys.exit("%s:%d: unknown label %r" % (draft, number, tag))
        # Every span must be found again in its entry.
        for entry in labelled:
            source = B.tokens(B.entry_text(by_index[entry["index"]]["body"]))
            for span in entry["keep"] + entry["boilerplate"]:
                if B.tokens(span.get("text", "x")) and B.resolve(span, source) is None:
                    sys.exit("%s: entry %d: span not found: %r" % (draft, entry["index"], span))
        out = {"feed": feed, "split": split_of(feed), "entries": labelled}
        with open(os.path.join(args.out, name + ".json"), "w", encoding="utf-8") as f:
            # One line per entry: small, and a diff shows which entry changed.
            f.write('{"feed": %s, "split": %s, "entries": [\n' % (json.dumps(out["feed"]), json.dumps(out["split"])))
            f.write(",\n".join(json.dumps(e, ensure_ascii=False) for e in labelled))
            f.write("\n]}\n")
        print("%s: %d entries, %s" % (feed, len(labelled), out["split"]))


def main():
    """Dispatches the command line."""
    parser = argparse.ArgumentParser()
    sub = parser.add_subparsers(dest="command", required=True)
    p = sub.add_parser("propose")
    p.add_argument("feeds_dir")
    p.add_argument("feeds", nargs="+")
    p.add_argument("--out", required=True)
    p.add_argument("--max", type=int, default=8)
    c = sub.add_parser("compile")
    c.add_argument("feeds_dir")
    c.add_argument("drafts", nargs="+")
    c.add_argument("--out", required=True)
    args = parser.parse_args()
    propose(args) if args.command == "propose" else compile_drafts(args)


if __name__ == "__main__":
    main()
