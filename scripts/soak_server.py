"""The soak test's feed server: many feeds on 127.0.0.1 that change over time, and faults.

GET /feed/N serves feed N (RSS 2.0 for even N, Atom for odd N). Its entries are
N-e0, N-e1, ... and only grow (no entry ever leaves a feed), so every entry a
complete 200 served is still in the feed at the end. While `faults` is on, a
request is answered at random with a connection reset, a 5xx, a 429 with
Retry-After, a slow body, a truncated body, garbage or a parser-hostile document.
Every answer is one JSON line in the log: time, feed, kind, status, and for a
complete feed body the number of entries it held (`entries`) or for a 429 the
time before which the feed must not be asked again (`until`).
"""

import email.utils
import json
import random
import socket
import struct
import sys
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

SPONSORED_EVERY = 4  # every 4th entry is titled "Sponsored: ..."; filtered feeds drop those
FAULTS = [  # (kind, probability per request while faults are on)
    ("reset", 0.02), ("5xx", 0.03), ("429", 0.02), ("slow", 0.004),
    ("cut-connection", 0.01), ("cut-document", 0.01), ("garbage", 0.01), ("hostile", 0.012),
]


class FeedWorld:
    """The feeds' contents over time, the fault switch and the log; shared by all handler threads."""

    def __init__(self, feeds, log_path, secret_path, seed):
        self.random = random.Random(seed)
        self.lock = threading.Lock()
        self.entries = [5] * feeds          # entries each feed holds now
        self.edits = [0] * feeds            # how often the newest entry's text was edited
        self.faults = True
        self.frozen = False
        self.secret_path = secret_path
        self.log_file = open(log_path, "a", buffering=1)

    def tick(self):
        """Adds an entry to a few feeds and edits another few: about one new entry a feed every two minutes."""
        with self.lock:
            if self.frozen:
                return
            for _ in range(max(1, len(self.entries) // 120)):
                self.entries[self.random.randrange(len(self.entries))] += 1
                self.edits[self.random.randrange(len(self.entries))] += 1

    def log(self, **record):
        with self.lock:
            self.log_file.write(json.dumps(record) + "\n")

    def choose_fault(self):
        with self.lock:
            if not self.faults:
                return None
            roll = self.random.random()
        for kind, probability in FAULTS:
            if roll < probability:
                return kind
            roll -= probability
        return None


def entry_title(feed, index):
    prefix = "Sponsored: " if index % SPONSORED_EVERY == 3 else ""
    return f"{prefix}Report {index} from feed {feed}"


def feed_document(feed, count, edits):
    """Feed `feed` with its first `count` entries, newest first; the newest entry's text shows `edits`."""
    updated = "2026-12-01T00:00:00Z"
    items = []
    for index in reversed(range(count)):
        body = f"<p>Entry {index} of feed {feed}: the measured figures and what they mean.</p>"
        if index == count - 1:
            body += f"<p>Revised {edits} times.</p>"
        title, guid = entry_title(feed, index), f"{feed}-e{index}"
        if feed % 2 == 0:
            items.append(f"<item><title>{title}</title><guid isPermaLink=\"false\">{guid}</guid>"
                         f"<link>http://127.0.0.1/{feed}/{index}</link>"
                         f"<description><![CDATA[{body}]]></description></item>")
        else:
            items.append(f"<entry><title>{title}</title><id>{guid}</id>"
                         f"<link href=\"http://127.0.0.1/{feed}/{index}\"/><updated>{updated}</updated>"
                         f"<content type=\"html\"><![CDATA[{body}]]></content></entry>")
    if feed % 2 == 0:
        return ("<?xml version=\"1.0\"?><rss version=\"2.0\"><channel>"
                f"<title>Feed {feed}</title><link>http://127.0.0.1/{feed}</link>"
                + "".join(items) + "</channel></rss>").encode()
    return ("<?xml version=\"1.0\"?><feed xmlns=\"http://www.w3.org/2005/Atom\">"
            f"<title>Feed {feed}</title><id>urn:feed:{feed}</id><updated>{updated}</updated>"
            + "".join(items) + "</feed>").encode()


def hostile_document(feed, rng, secret_path, port):
    """A document built to hurt a parser; any entry it carries has a guid starting `hostile-`."""
    kind = rng.choice(["deep-xml", "deep-html", "huge-attribute", "laughs", "external-entity"])
    head = f"<?xml version=\"1.0\"?>"
    if kind == "deep-xml":
        body = "<rss version=\"2.0\"><channel><title>x</title>" + "<x>" * 100_000 + "</x>" * 100_000 + "</channel></rss>"
    elif kind == "deep-html":
        html = "&lt;div&gt;" * 50_000 + "deep" + "&lt;/div&gt;" * 50_000
        body = (f"<rss version=\"2.0\"><channel><title>x</title><item><title>deep</title>"
                f"<guid>hostile-{feed}-deep-html</guid><description>{html}</description></item></channel></rss>")
    elif kind == "huge-attribute":
        body = (f"<rss version=\"2.0\"><channel><title>x</title><item a=\"{'A' * 3_000_000}\"><title>huge</title>"
                f"<guid>hostile-{feed}-huge-attribute</guid><description>x</description></item></channel></rss>")
    elif kind == "laughs":
        entities = "<!ENTITY l0 \"lol\">" + "".join(f"<!ENTITY l{i} \"{f'&l{i-1};' * 10}\">" for i in range(1, 10))
        body = (f"<!DOCTYPE rss [{entities}]><rss version=\"2.0\"><channel><title>x</title><item><title>&l9;</title>"
                f"<guid>hostile-{feed}-laughs</guid><description>&l9;</description></item></channel></rss>")
    else:
        body = (f"<!DOCTYPE rss [<!ENTITY secret SYSTEM \"file://{secret_path}\">"
                f"<!ENTITY remote SYSTEM \"http://127.0.0.1:{port}/xxe\">]><rss version=\"2.0\"><channel><title>x</title>"
                f"<item><title>&secret;</title><guid>hostile-{feed}-external-entity</guid>"
                f"<description>&secret;&remote;</description></item></channel></rss>")
    return kind, (head + body).encode()


class FeedHandler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    world: FeedWorld = None

    def log_message(self, *args):
        pass

    def do_GET(self):
        now = time.time()
        world = self.world
        if not self.path.startswith("/feed/"):
            world.log(t=now, feed=None, kind="other", path=self.path, status=404)
            return self.answer(404, b"not here")
        feed = int(self.path.split("/")[2])
        fault = world.choose_fault()
        with world.lock:
            count, edits = world.entries[feed], world.edits[feed]
            rng = random.Random(world.random.random())
        document = feed_document(feed, count, edits)
        etag = f"\"{count}.{edits}\""
        if fault == "reset":
            world.log(t=now, feed=feed, kind="reset", status=0)
            self.connection.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
            self.close_connection = True
            return
        if fault == "5xx":
            status = rng.choice([500, 502, 503])
            world.log(t=now, feed=feed, kind="5xx", status=status)
            return self.answer(status, b"server trouble")
        if fault == "429":
            seconds = rng.randint(5, 40)
            world.log(t=now, feed=feed, kind="429", status=429, until=now + seconds)
            return self.answer(429, b"slow down", {"Retry-After": str(seconds)})
        if fault == "garbage":
            world.log(t=now, feed=feed, kind="garbage", status=200)
            return self.answer(200, rng.randbytes(rng.randint(1, 20_000)))
        if fault == "hostile":
            kind, body = hostile_document(feed, rng, world.secret_path, self.server.server_address[1])
            world.log(t=now, feed=feed, kind="hostile-" + kind, status=200)
            return self.answer(200, body)
        if fault == "cut-document":  # a complete response holding a document cut short
            world.log(t=now, feed=feed, kind="cut-document", status=200)
            return self.answer(200, document[: rng.randint(1, len(document) - 1)])
        if self.headers.get("If-None-Match") == etag:
            world.log(t=now, feed=feed, kind="not-modified", status=304)
            return self.answer(304, b"", {"ETag": etag})
        headers = {"ETag": etag, "Last-Modified": email.utils.formatdate(usegmt=True)}
        if fault == "cut-connection":  # Content-Length promises more than is sent
            world.log(t=now, feed=feed, kind="cut-connection", status=200)
            self.send_response(200)
            self.send_header("Content-Type", "application/xml")
            self.send_header("Content-Length", str(len(document)))
            self.end_headers()
            self.wfile.write(document[: len(document) // 2])
            self.close_connection = True
            return
        if fault == "slow":
            self.answer(200, document, headers, pause=rng.uniform(0.5, 3.0))
            world.log(t=now, feed=feed, kind="slow", status=200, entries=count)
            return
        self.answer(200, document, headers)
        world.log(t=now, feed=feed, kind="ok", status=200, entries=count)

    def answer(self, status, body, headers=None, pause=0.0):
        self.send_response(status)
        self.send_header("Content-Type", "application/xml" if status == 200 else "text/plain")
        self.send_header("Content-Length", str(len(body)))
        for name, value in (headers or {}).items():
            self.send_header(name, value)
        self.end_headers()
        if not pause:
            self.wfile.write(body)
            return
        for start in range(0, len(body), 512):  # a slow server: a piece, then a pause
            self.wfile.write(body[start:start + 512])
            self.wfile.flush()
            time.sleep(pause)


class FeedServer(ThreadingHTTPServer):
    """A threading HTTP server with a deep accept queue, so bursts of connections are not refused."""
    request_queue_size = 1024
    daemon_threads = True

    def handle_error(self, request, client_address):
        if not issubclass(sys.exc_info()[0], ConnectionError):  # clients that time out mid-body are expected
            super().handle_error(request, client_address)


def start(world, port=0):
    """Serves `world` on 127.0.0.1 from a background thread, with a ticker changing the feeds every second."""
    handler = type("Handler", (FeedHandler,), {"world": world})
    server = FeedServer(("127.0.0.1", port), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()

    def ticker():
        while True:
            time.sleep(1)
            world.tick()
    threading.Thread(target=ticker, daemon=True).start()
    return server
