#!/usr/bin/env python3
"""Write the deterministic feed corpus that the parse benchmark reads.

The corpus is about 200 feeds of 200 entries each (about 90 MB), mixed the way
feeds in the wild are: mostly RSS 2.0 (WordPress-style content:encoded in CDATA
or escaped, dc:creator, categories, podcast enclosures), then Atom 1.0 (html and
xhtml content, xml:base with relative links) and some RSS 1.0/RDF.  Entry bodies
are realistic HTML: paragraphs, headings, links, images, lists, quotes, code,
named and numeric character references and non-ASCII text.

Every feed is generated from its own random.Random(seed, index), so the same
arguments always give byte-identical files.  A manifest.json (feed, entry and
byte counts, and per file its format, entries and bytes) is written last: a
folder without it, or whose manifest was made with other arguments, is
regenerated; one that matches is left alone unless --force is given.

Standard library only.
"""

import argparse
import json
import os
import shutil
import sys
from datetime import datetime, timedelta, timezone
from random import Random
from xml.sax.saxutils import escape, quoteattr

# Bump when the output changes, so that stale corpora are regenerated.
GENERATOR_VERSION = 1

DEFAULT_OUTPUT = os.path.join(
    os.path.dirname(os.path.abspath(__file__)), "..", "work", "parse-corpus"
)

# Of every 20 feeds, 11 are RSS 2.0, 6 Atom 1.0 and 3 RSS 1.0, spread out
# rather than grouped, so any "every Nth file" subset of one format stays
# representative of that format.
FORMAT_CYCLE = [
    "rss2", "atom", "rss2", "rss1", "rss2", "atom", "rss2", "atom", "rss2", "rss2",
    "atom", "rss2", "rss1", "rss2", "atom", "rss2", "rss2", "atom", "rss1", "rss2",
]

# MARK: - Text

WORDS = """
the of and to in a is that for it as was with be by on not he this are or his
from at which but have an they you were her she there been one all we their
has would when if so no will more can out up about into than them some could
other then its time only new these two may first also any after over well where
most through back much before our just how years made year because people many
those very such state under while both last server release kernel build update
network security patch version support feature change data user users system
systems code project open source package library driver memory performance
storage file files model models test tests browser developers developer team
community design api service services cloud database query cache latency disk
cluster container image images compiler runtime language languages function
configuration deployment bug bugs fix fixes issue issues report reports review
maintainers maintainer distribution desktop mobile hardware firmware device
devices protocol standard draft proposal policy license contributors schedule
month week today yesterday announced introduced removed deprecated improved
faster slower smaller larger stable unstable experimental default optional
should must might although however therefore meanwhile instead especially
""".split()

PROPER = [
    "Linux", "Debian", "Ubuntu", "Fedora", "Swift", "Rust", "Python", "PostgreSQL",
    "SQLite", "Firefox", "Chromium", "GNOME", "KDE", "Wayland", "systemd", "OpenSSL",
    "LLVM", "GCC", "Kubernetes", "NetBSD", "FreeBSD", "Git", "Emacs", "Vim",
]

# Text that real feeds carry and that parsers must decode correctly.
FLAVOUR = [
    "café", "naïve", "façade", "résumé", "Zürich", "São Paulo", "Kraków", "Ångström",
    "“quoted”", "it’s", "don’t", "—", "…", "€42", "£10", "±3 %", "µs", "→",
    "日本語", "中文", "한국어", "Ελληνικά", "Русский", "עברית", "العربية", "🚀", "✓",
]

# Named entities that HTML (not XML) defines: only ever inside escaped or CDATA
# HTML, never in xhtml content where they would not be well-formed.
HTML_ONLY_ENTITIES = ["&nbsp;", "&mdash;", "&hellip;", "&copy;", "&eacute;", "&rsquo;"]
NUMERIC_REFS = ["&#8217;", "&#8220;", "&#8221;", "&#x2014;", "&#8230;", "&#169;", "&#xE9;", "&#160;"]


def sentence(rng, words_min=6, words_max=24):
    """One sentence of plain text, possibly with non-ASCII flavour."""
    n = rng.randint(words_min, words_max)
    words = rng.choices(WORDS, k=n)
    if rng.random() < 0.35:
        words[rng.randrange(n)] = rng.choice(PROPER)
    if rng.random() < 0.15:
        words[rng.randrange(n)] = rng.choice(FLAVOUR)
    words[0] = words[0].capitalize()
    return " ".join(words) + rng.choice(".....?!:")


def title_text(rng):
    words = rng.choices(WORDS, k=rng.randint(4, 10))
    words[0] = words[0].capitalize()
    if rng.random() < 0.5:
        words.insert(rng.randrange(len(words)), rng.choice(PROPER))
    if rng.random() < 0.2:
        words.append(rng.choice(["& more", "— part 2", "(updated)", "<br> tag fix", "“quotes”"]))
    return " ".join(words)


def slug(text):
    keep = "".join(c.lower() if c.isascii() and c.isalnum() else "-" for c in text)
    return "-".join(part for part in keep.split("-") if part)[:60] or "post"


# MARK: - HTML bodies


class Site:
    """What an entry body links to: the feed's host, and whether links are relative."""

    def __init__(self, host, base_path, relative):
        self.host = host
        self.base_path = base_path
        self.relative = relative

    def href(self, rng, path):
        if self.relative:
            # Atom feeds with xml:base: relative to the base, or to the host root.
            return path if rng.random() < 0.6 else "/" + path
        return "https://%s%s%s" % (self.host, self.base_path, path)


def inline_html(rng, site, xhtml):
    """A sentence with inline markup, links and character references."""
    text = escape(sentence(rng))
    r = rng.random()
    words = text.split(" ")
    i = rng.randrange(len(words))
    if r < 0.30:
        target = rng.choice([
            site.href(rng, "%d/%02d/%s/" % (rng.randint(2015, 2025), rng.randint(1, 12), slug(sentence(rng, 2, 5)))),
            "https://%s/%s?id=%d&amp;ref=feed" % (rng.choice(["example.com", "news.example.net", "lwn.example"]), slug(sentence(rng, 1, 3)), rng.randint(1, 99999)),
        ])
        words[i] = '<a href="%s">%s</a>' % (target, words[i])
    elif r < 0.45:
        words[i] = "<em>%s</em>" % words[i]
    elif r < 0.58:
        words[i] = "<strong>%s</strong>" % words[i]
    elif r < 0.66:
        words[i] = "<code>%s()</code>" % slug(words[i]).replace("-", "_")
    if rng.random() < 0.25:
        words.insert(rng.randrange(len(words)), "Q&amp;A")
    if rng.random() < 0.3:
        words.insert(rng.randrange(len(words)), rng.choice(NUMERIC_REFS))
    if not xhtml and rng.random() < 0.2:
        words.insert(rng.randrange(len(words)), rng.choice(HTML_ONLY_ENTITIES))
    return " ".join(words)


def paragraph(rng, site, xhtml):
    return "<p>%s</p>" % " ".join(inline_html(rng, site, xhtml) for _ in range(rng.randint(2, 6)))


def block(rng, site, xhtml):
    r = rng.random()
    if r < 0.62:
        return paragraph(rng, site, xhtml)
    if r < 0.70:
        tag = rng.choice(["h2", "h3"])
        return "<%s>%s</%s>" % (tag, escape(title_text(rng)), tag)
    if r < 0.80:
        tag = rng.choice(["ul", "ol"])
        items = "".join("<li>%s</li>" % inline_html(rng, site, xhtml) for _ in range(rng.randint(2, 7)))
        return "<%s>%s</%s>" % (tag, items, tag)
    if r < 0.88:
        src = site.href(rng, "wp-content/uploads/%d/%02d/%s.%s" % (
            rng.randint(2018, 2025), rng.randint(1, 12), slug(sentence(rng, 2, 4)), rng.choice(["jpg", "png", "webp"])))
        img = '<img src="%s" alt=%s width="%d" height="%d" loading="lazy" />' % (
            src, quoteattr(sentence(rng, 3, 8)), rng.choice([640, 800, 1024, 1200]), rng.choice([360, 480, 600, 675]))
        if rng.random() < 0.5:
            return "<figure>%s<figcaption>%s</figcaption></figure>" % (img, inline_html(rng, site, xhtml))
        return "<p>%s</p>" % img
    if r < 0.94:
        return "<blockquote><p>%s</p></blockquote>" % inline_html(rng, site, xhtml)
    # Code keeps its own escaped angle brackets and ampersands.
    lines = [
        "if (a &lt; b &amp;&amp; c &gt; d) {",
        "    let x = items.filter { $0.count &gt; 2 }",
        '    print("&lt;item&gt; &amp; done")',
        "}",
        "$ curl -s 'https://example.org/feed?a=1&amp;b=2' | xmllint --format -",
    ]
    return '<pre><code class="language-swift">%s</code></pre>' % "\n".join(rng.sample(lines, rng.randint(2, 5)))


def body_html(rng, site, blocks, xhtml=False):
    return "\n".join(block(rng, site, xhtml) for _ in range(blocks))


def summary_html(rng, site):
    return "<p>%s [&#8230;]</p>" % inline_html(rng, site, xhtml=False)


# MARK: - Wrapping HTML into XML


def cdata(html):
    # Our bodies never contain "]]>", but split it if one ever does.
    return "<![CDATA[%s]]>" % html.replace("]]>", "]]]]><![CDATA[>")


def wrap_html(rng, html, cdata_share):
    """HTML as XML text: in CDATA, or entity-escaped, as feeds do both."""
    return cdata(html) if rng.random() < cdata_share else escape(html)


# MARK: - Dates


def rfc822(dt, rng):
    zone = rng.choice(["+0000", "GMT", "-0500", "+0200", "EST", "+0530"])
    offsets = {"+0000": 0, "GMT": 0, "-0500": -300, "EST": -300, "+0200": 120, "+0530": 330}
    local = dt + timedelta(minutes=offsets[zone])
    return local.strftime("%a, %d %b %Y %H:%M:%S ") + zone


def rfc3339(dt, rng):
    r = rng.random()
    if r < 0.5:
        return dt.strftime("%Y-%m-%dT%H:%M:%SZ")
    if r < 0.75:
        return dt.strftime("%Y-%m-%dT%H:%M:%S.") + "%03dZ" % rng.randrange(1000)
    local = dt + timedelta(hours=-7)
    return local.strftime("%Y-%m-%dT%H:%M:%S-07:00")


# MARK: - Feeds


def feed_identity(rng, index):
    host = "%s.example.%s" % (slug(" ".join(rng.choices(WORDS, k=2))), rng.choice(["org", "com", "net", "dev"]))
    return {
        "host": host,
        "title": escape(title_text(rng)),
        "description": escape(sentence(rng)),
        "authors": ["%s %s" % (rng.choice(["Ana", "Björn", "Chen", "Dmitri", "Eva", "Farah", "José", "Kenji", "Léa", "Priya"]),
                               rng.choice(["Smith", "Müller", "Nakamura", "O’Brien", "García", "Kowalski", "Dubois", "Ng"]))
                    for _ in range(rng.randint(1, 4))],
        "categories": list(dict.fromkeys(rng.choice(PROPER + ["Security", "Releases", "Q&A", "Hardware", "Opinion"])
                                         for _ in range(12))),
        "start": datetime(2025, 6, 1, tzinfo=timezone.utc) - timedelta(minutes=rng.randint(0, 500000)),
        "index": index,
    }


def entry_dates(rng, start, count):
    t = start
    for _ in range(count):
        yield t
        t -= timedelta(minutes=rng.randint(20, 4000), seconds=rng.randint(0, 59))


def rss2_feed(rng, ident, entries, blocks_mean):
    site = Site(ident["host"], "/", relative=False)
    cdata_share = rng.choice([1.0, 1.0, 0.0, 0.7])
    podcast = rng.random() < 0.25
    out = [
        '<?xml version="1.0" encoding="UTF-8"?>\n',
        '<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/" '
        'xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:atom="http://www.w3.org/2005/Atom" '
        'xmlns:sy="http://purl.org/rss/1.0/modules/syndication/" xmlns:slash="http://purl.org/rss/1.0/modules/slash/">\n',
        "<channel>\n",
        "\t<title>%s</title>\n" % ident["title"],
        '\t<atom:link href="https://%s/feed/" rel="self" type="application/rss+xml" />\n' % ident["host"],
        "\t<link>https://%s/</link>\n" % ident["host"],
        "\t<description>%s</description>\n" % ident["description"],
        "\t<lastBuildDate>%s</lastBuildDate>\n" % rfc822(ident["start"], rng),
        "\t<language>%s</language>\n" % rng.choice(["en-US", "en-GB", "de-DE", "fr", "ja"]),
        "\t<sy:updatePeriod>\n\thourly\t</sy:updatePeriod>\n\t<sy:updateFrequency>\n\t1\t</sy:updateFrequency>\n",
        "\t<generator>https://wordpress.org/?v=6.%d</generator>\n" % rng.randint(0, 7),
        "\t<image>\n\t\t<url>https://%s/favicon-32.png</url>\n\t\t<title>%s</title>\n\t\t<link>https://%s/</link>\n"
        "\t\t<width>32</width>\n\t\t<height>32</height>\n\t</image>\n" % (ident["host"], ident["title"], ident["host"]),
    ]
    for n, when in enumerate(entry_dates(rng, ident["start"], entries)):
        title = title_text(rng)
        path = "%s/%s/" % (when.strftime("%Y/%m/%d"), slug(title))
        link = "https://%s/%s" % (ident["host"], path)
        out.append("\t<item>\n")
        out.append("\t\t<title>%s</title>\n" % escape(title))
        out.append("\t\t<link>%s</link>\n" % link)
        if rng.random() < 0.6:
            out.append("\t\t<comments>%s#comments</comments>\n" % link)
        out.append("\t\t<dc:creator>%s</dc:creator>\n" % cdata(rng.choice(ident["authors"])))
        out.append("\t\t<pubDate>%s</pubDate>\n" % rfc822(when, rng))
        for cat in rng.sample(ident["categories"], rng.randint(0, 4)):
            out.append("\t\t<category>%s</category>\n" % (cdata(cat) if cdata_share else escape(cat)))
        if rng.random() < 0.9:
            out.append('\t\t<guid isPermaLink="false">https://%s/?p=%d</guid>\n' % (ident["host"], 100000 - ident["index"] * 1000 - n))
        else:
            out.append("\t\t<guid>%s</guid>\n" % link)
        out.append("\t\t<description>%s</description>\n" % wrap_html(rng, summary_html(rng, site), cdata_share))
        blocks = max(1, int(rng.expovariate(1.0 / blocks_mean)))
        out.append("\t\t<content:encoded>%s</content:encoded>\n" % wrap_html(rng, body_html(rng, site, blocks), cdata_share))
        if podcast:
            out.append('\t\t<enclosure url="https://media.%s/episodes/%s.mp3?source=rss&amp;n=%d" length="%d" type="audio/mpeg" />\n'
                       % (ident["host"], slug(title), n, rng.randint(5_000_000, 90_000_000)))
        elif rng.random() < 0.05:
            out.append('\t\t<enclosure url="https://%s/files/%s.pdf" length="%d" type="application/pdf" />\n'
                       % (ident["host"], slug(title), rng.randint(50_000, 900_000)))
        if rng.random() < 0.5:
            out.append("\t\t<slash:comments>%d</slash:comments>\n" % rng.randint(0, 120))
        out.append("\t</item>\n")
    out.append("</channel>\n</rss>\n")
    return "".join(out)


def atom_feed(rng, ident, entries, blocks_mean):
    base_path = "/%s/" % rng.choice(["blog", "news", "journal", "posts"])
    site = Site(ident["host"], base_path, relative=True)
    xhtml_share = rng.choice([0.0, 0.3, 1.0])
    out = [
        '<?xml version="1.0" encoding="utf-8"?>\n',
        '<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="en" xml:base="https://%s%s">\n' % (ident["host"], base_path),
        "  <title type=\"text\">%s</title>\n" % ident["title"],
        '  <subtitle type="html">%s</subtitle>\n' % escape("<em>%s</em>" % ident["description"]),
        "  <id>tag:%s,2009:/feed</id>\n" % ident["host"],
        '  <link rel="alternate" type="text/html" href="./" />\n',
        '  <link rel="self" type="application/atom+xml" href="feed.atom" />\n',
        "  <updated>%s</updated>\n" % rfc3339(ident["start"], rng),
        "  <author><name>%s</name><uri>/about/</uri></author>\n" % escape(ident["authors"][0]),
        '  <generator uri="https://gohugo.io/" version="0.1%d">Hugo</generator>\n' % rng.randint(10, 40),
        "  <icon>/favicon.ico</icon>\n",
        "  <rights>© %d %s</rights>\n" % (ident["start"].year, escape(ident["authors"][0])),
    ]
    for n, when in enumerate(entry_dates(rng, ident["start"], entries)):
        title = title_text(rng)
        rel = "%s/%s/" % (when.strftime("%Y/%m"), slug(title))
        # Some entries move their own base, as planet aggregators do.
        entry_base = ' xml:base="https://%s/mirror/"' % ident["host"] if rng.random() < 0.1 else ""
        out.append("  <entry%s>\n" % entry_base)
        if rng.random() < 0.15:
            out.append('    <title type="html">%s</title>\n' % escape(escape(title)))
        else:
            out.append("    <title>%s</title>\n" % escape(title))
        out.append('    <link rel="alternate" type="text/html" href="%s" />\n' % rel)
        if rng.random() < 0.2:
            out.append('    <link rel="replies" type="text/html" href="%s#comments" thr:count="%d" xmlns:thr="http://purl.org/syndication/thread/1.0" />\n'
                       % (rel, rng.randint(0, 50)))
        out.append("    <id>tag:%s,%s:%s</id>\n" % (ident["host"], when.strftime("%Y-%m-%d"), rel))
        out.append("    <published>%s</published>\n" % rfc3339(when, rng))
        out.append("    <updated>%s</updated>\n" % rfc3339(when + timedelta(minutes=rng.randint(0, 3000)), rng))
        if rng.random() < 0.7:
            out.append("    <author><name>%s</name></author>\n" % escape(rng.choice(ident["authors"])))
        for cat in rng.sample(ident["categories"], rng.randint(0, 3)):
            out.append('    <category term=%s label=%s />\n' % (quoteattr(slug(cat)), quoteattr(cat)))
        if rng.random() < 0.5:
            out.append('    <summary type="text">%s</summary>\n' % escape(sentence(rng)))
        blocks = max(1, int(rng.expovariate(1.0 / blocks_mean)))
        if rng.random() < xhtml_share:
            body = body_html(rng, site, blocks, xhtml=True)
            out.append('    <content type="xhtml"><div xmlns="http://www.w3.org/1999/xhtml">%s</div></content>\n' % body)
        else:
            out.append('    <content type="html">%s</content>\n' % escape(body_html(rng, site, blocks)))
        out.append("  </entry>\n")
    out.append("</feed>\n")
    return "".join(out)


def rss1_feed(rng, ident, entries, blocks_mean):
    site = Site(ident["host"], "/", relative=False)
    full_content = rng.random() < 0.6
    dated = list(entry_dates(rng, ident["start"], entries))
    titles = [title_text(rng) for _ in dated]
    links = ["https://%s/%s/%s.html" % (ident["host"], d.strftime("%Y/%m/%d"), slug(t)) for d, t in zip(dated, titles)]
    out = [
        '<?xml version="1.0" encoding="UTF-8"?>\n',
        '<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns="http://purl.org/rss/1.0/" '
        'xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:content="http://purl.org/rss/1.0/modules/content/" '
        'xmlns:admin="http://webns.net/mvcb/">\n',
        '<channel rdf:about="https://%s/index.rdf">\n' % ident["host"],
        "<title>%s</title>\n" % ident["title"],
        "<link>https://%s/</link>\n" % ident["host"],
        "<description>%s</description>\n" % ident["description"],
        "<dc:language>en</dc:language>\n",
        "<dc:date>%s</dc:date>\n" % ident["start"].strftime("%Y-%m-%dT%H:%M:%S+00:00"),
        '<admin:generatorAgent rdf:resource="http://www.movabletype.org/?v=3.2" />\n',
        "<items>\n<rdf:Seq>\n",
    ]
    out.extend('<rdf:li rdf:resource="%s" />\n' % link for link in links)
    out.append("</rdf:Seq>\n</items>\n</channel>\n")
    for when, title, link in zip(dated, titles, links):
        out.append('<item rdf:about="%s">\n' % link)
        out.append("<title>%s</title>\n" % escape(title))
        out.append("<link>%s</link>\n" % link)
        out.append("<description>%s</description>\n" % escape(summary_html(rng, site)))
        if full_content:
            blocks = max(1, int(rng.expovariate(1.0 / blocks_mean)))
            out.append("<content:encoded>%s</content:encoded>\n" % wrap_html(rng, body_html(rng, site, blocks), 0.8))
        out.append("<dc:subject>%s</dc:subject>\n" % escape(rng.choice(ident["categories"])))
        out.append("<dc:creator>%s</dc:creator>\n" % escape(rng.choice(ident["authors"])))
        out.append("<dc:date>%s</dc:date>\n" % when.strftime("%Y-%m-%dT%H:%M:%S+00:00"))
        out.append("</item>\n")
    out.append("</rdf:RDF>\n")
    return "".join(out)


WRITERS = {"rss2": rss2_feed, "atom": atom_feed, "rss1": rss1_feed}


# MARK: - Corpus


def generate(output, feeds, entries, seed, blocks_mean):
    """Write every feed and then the manifest; returns the manifest."""
    tmp = output.rstrip("/") + ".tmp"
    shutil.rmtree(tmp, ignore_errors=True)
    os.makedirs(tmp)
    files = []
    for index in range(feeds):
        rng = Random("%d/%d" % (seed, index))
        fmt = FORMAT_CYCLE[index % len(FORMAT_CYCLE)]
        # Feeds differ in how long their posts are: some send summaries, some essays.
        mean = blocks_mean * rng.choice([0.4, 0.7, 1.0, 1.0, 1.3, 1.8])
        text = WRITERS[fmt](rng, feed_identity(rng, index), entries, mean)
        data = text.encode("utf-8")
        name = "%03d-%s.xml" % (index, fmt)
        with open(os.path.join(tmp, name), "wb") as f:
            f.write(data)
        files.append({"name": name, "format": fmt, "entries": entries, "bytes": len(data)})
    manifest = {
        "generator_version": GENERATOR_VERSION,
        "seed": seed,
        "blocks_mean": blocks_mean,
        "feeds": feeds,
        "entries": feeds * entries,
        "entries_per_feed": entries,
        "bytes": sum(f["bytes"] for f in files),
        "formats": {fmt: sum(1 for f in files if f["format"] == fmt) for fmt in WRITERS},
        "files": files,
    }
    with open(os.path.join(tmp, "manifest.json"), "w") as f:
        json.dump(manifest, f, indent=1)
        f.write("\n")
    shutil.rmtree(output, ignore_errors=True)
    os.rename(tmp, output)
    return manifest


def existing_manifest(output):
    try:
        with open(os.path.join(output, "manifest.json")) as f:
            return json.load(f)
    except (OSError, ValueError):
        return None


def corpus_matches(output, manifest, wanted):
    """Whether the folder holds a complete corpus made with the wanted arguments."""
    if not manifest or any(manifest.get(k) != v for k, v in wanted.items()):
        return False
    for f in manifest["files"]:
        path = os.path.join(output, f["name"])
        if not os.path.isfile(path) or os.path.getsize(path) != f["bytes"]:
            return False
    return True


def main():
    parser = argparse.ArgumentParser(description="Write the deterministic parse-benchmark feed corpus.")
    parser.add_argument("output", nargs="?", default=DEFAULT_OUTPUT, help="folder to write (default: Benchmarks/work/parse-corpus)")
    parser.add_argument("--feeds", type=int, default=200, help="number of feed files (default 200)")
    parser.add_argument("--entries", type=int, default=200, help="entries per feed (default 200)")
    parser.add_argument("--seed", type=int, default=20250601, help="random seed (default 20250601)")
    parser.add_argument("--blocks", type=float, default=3.5, help="mean HTML blocks per entry body; sets the corpus size (default 3.5, about 90 MB)")
    parser.add_argument("--force", action="store_true", help="regenerate even if a matching corpus exists")
    args = parser.parse_args()
    output = os.path.normpath(args.output)

    wanted = {"generator_version": GENERATOR_VERSION, "seed": args.seed, "feeds": args.feeds,
              "entries_per_feed": args.entries, "blocks_mean": args.blocks}
    old = existing_manifest(output)
    if not args.force and corpus_matches(output, old, wanted):
        print("corpus up to date: %s (%d feeds, %d entries, %.1f MB)"
              % (output, old["feeds"], old["entries"], old["bytes"] / 1e6), file=sys.stderr)
        return
    m = generate(output, args.feeds, args.entries, args.seed, args.blocks)
    print("wrote corpus: %s (%d feeds, %d entries, %.1f MB; %s)"
          % (output, m["feeds"], m["entries"], m["bytes"] / 1e6,
             ", ".join("%d %s" % (n, fmt) for fmt, n in m["formats"].items())), file=sys.stderr)


if __name__ == "__main__":
    main()
