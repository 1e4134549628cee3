#!/usr/bin/env python3
"""The HTTP server both test suites talk to: the Fetcher tests (feeds,
validators, redirects, error statuses, slow and endless bodies, a gzip bomb,
counters of how many requests it served at once) and the `feedspool once`
tests (the feeds a test writes into a folder, and a log of every request).
Standard library only.

    server.py [DOCROOT LOG]
    server.py --fork

Listens on 127.0.0.1 on a free port and prints the port on the first line of
stdout. With LOG, appends one JSON line per request to it ({"path", "headers",
"time"}, header names lowercased) before answering, so a test that waited for
feedspool to exit reads every request it made. Exits when its standard input
closes, so it never outlives the test process that started it.

With --fork, starts servers without paying for Python's start and imports
each time (a twentieth of a second of CPU, which a test run pays a hundred
times): for each line `[]` or `["DOCROOT", "LOG"]` on stdin, forks a server
as those arguments would start one, and answers `PID PORT` on stdout. Each
runs until it is killed or this process ends (at the end of its stdin). Its listen
backlog is 128, not 5, so no connection is dropped when a client opens many
at once on a loaded machine.

Endpoints:
  /feed                  an RSS feed with ETag and Last-Modified; 304 when the
                         request's If-None-Match or If-Modified-Since matches
  /feeds/NAME            the file DOCROOT/NAME, with an ETag (a digest of the
                         content) and Last-Modified (its mtime); 304 when the
                         request's If-None-Match matches, or, without one,
                         when If-Modified-Since equals Last-Modified. Files
                         beside it change the answer, so a test can switch it
                         between runs:
                         NAME.type     its Content-Type (default by extension)
                         NAME.status   a status to answer instead, and after a
                                       space the value of a Retry-After header
                         NAME.headers  more headers for its 200 and 304 answers,
                                       one "Name: value" a line
                         NAME.drip     Content-Length 1000, then one space a
                                       second until the client hangs up, which
                                       is logged as {"path", "event": "closed"}
  /plain/NAME            the same file without validators, never 304
  /slow/NAME             the same as /plain/NAME, a second late; logs
                         {"path", "event": "answered"} as the body is sent, so
                         a test can tell how many requests were open at once
  /login/USER/PASS/REST  /REST (any path above) behind HTTP basic authentication:
                         401 with a WWW-Authenticate challenge unless the request
                         logs in as USER with PASS
  /echo                  the request's headers as JSON ({"path", "headers"})
  /port                  the client's TCP port, to see connections reused
  /chain/C1/C2/...       redirects with status C1 to /chain/C2/..., and so on;
                         /chain itself answers 200 "end of chain"
  /moved/NAME            301 to /feeds/NAME
  /loop                  302 to itself
  /to-file, /to-gopher   302 to file:///etc/passwd, to gopher://127.0.0.1:PORT/
  /status/CODE           answers CODE; ?retry-after=VALUE adds Retry-After
  /cached                the feed; ?cache-control=VALUE and ?expires=VALUE add
                         those headers
  /charset               a Latin-1 feed whose charset is only in Content-Type
  /gzip, /deflate, /br   the feed with that Content-Encoding
  /drip                  Content-Length 100, then one byte a second
  /late/MS               200 "late" after MS milliseconds
  /endless               an RSS document without Content-Length whose items
                         never end, until the client hangs up
  /bomb                  gzip whose 1 GiB of zeros is about 1 MiB on the wire
  /hold/KEY?want=N       records the most requests for KEY that ever ran at
                         once; the first ones wait until N run (or 10 s pass)
  /most/KEY              that record, as a number; /most/KEY@HOST counts only
                         the requests that named HOST in their Host header
  http://host/...        (an absolute-form request line, as sent to a proxy)
                         200 "proxied URL"
"""

import base64
import hashlib
import json
import os
import signal
import struct
import sys
import threading
import time
import zlib
from email.utils import formatdate
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qs, unquote, urlsplit

# The folder /feeds/, /plain/ and /slow/ serve, and the request log; both
# unset when the server is started without arguments.
DOCROOT = sys.argv[1] if len(sys.argv) > 2 else None
LOG_PATH = sys.argv[2] if len(sys.argv) > 2 else None
LOG_LOCK = threading.Lock()

TYPES = {
    ".rss": "application/rss+xml",
    ".atom": "application/atom+xml",
    ".xml": "application/xml",
    ".json": "application/feed+json",
    ".html": "text/html; charset=utf-8",
}

FEED = (
    b'<?xml version="1.0" encoding="utf-8"?>\n'
    b'<rss version="2.0"><channel><title>Fixture feed</title>\n'
    b'<link>http://127.0.0.1/</link><description>For the Fetcher tests</description>\n'
    b'<item><title>First post</title><link>http://127.0.0.1/first</link>'
    b'<guid>first</guid></item>\n'
    b'</channel></rss>\n'
)
ETAG = '"feed-v1"'
LAST_MODIFIED = "Wed, 01 Jan 2025 00:00:00 GMT"
LATIN1_FEED = (
    '<?xml version="1.0"?>\n<rss version="2.0"><channel>'
    '<title>Caf\u00e9 cr\u00e8me</title></channel></rss>\n'
).encode("latin-1")


def log(entry):
    """Appends `entry` to the request log, when there is one."""
    if LOG_PATH is None:
        return
    entry["time"] = time.time()
    with LOG_LOCK, open(LOG_PATH, "a", encoding="utf-8") as file:
        file.write(json.dumps(entry) + "\n")


def read_text(path):
    try:
        with open(path, encoding="utf-8") as file:
            return file.read().strip()
    except FileNotFoundError:
        return None


def brotli_stored(data):
    """`data` as a brotli stream of uncompressed meta-blocks (RFC 7932):
    valid brotli that any decoder reads, without a brotli encoder."""
    bits = []

    def put(value, count):
        for i in range(count):
            bits.append((value >> i) & 1)

    def align():
        while len(bits) % 8:
            bits.append(0)

    out = bytearray()

    def flush():
        align()
        for i in range(0, len(bits), 8):
            out.append(sum(bit << j for j, bit in enumerate(bits[i:i + 8])))
        bits.clear()

    put(0, 1)  # WBITS: 16
    for start in range(0, len(data), 65536):
        chunk = data[start:start + 65536]
        put(0, 1)  # ISLAST
        put(0, 2)  # MNIBBLES: 4
        put(len(chunk) - 1, 16)  # MLEN - 1
        put(1, 1)  # ISUNCOMPRESSED
        flush()
        out.extend(chunk)
    put(1, 1)  # ISLAST
    put(1, 1)  # ISLASTEMPTY
    flush()
    return bytes(out)


def gzip_bytes(data):
    compressor = zlib.compressobj(9, zlib.DEFLATED, 31)
    return compressor.compress(data) + compressor.flush()


class Bomb:
    """A gzip stream of 1 GiB of zeros, made of identical fully flushed
    deflate segments, so it is produced on the fly in constant memory."""

    CHUNK = 1 << 20
    CHUNKS = 1024

    def __init__(self):
        compressor = zlib.compressobj(9, zlib.DEFLATED, 31)
        zeros = bytes(self.CHUNK)
        self.first = compressor.compress(zeros) + compressor.flush(zlib.Z_FULL_FLUSH)
        self.middle = compressor.compress(zeros) + compressor.flush(zlib.Z_FULL_FLUSH)
        assert compressor.compress(zeros) + compressor.flush(zlib.Z_FULL_FLUSH) == self.middle

    def segments(self):
        yield self.first
        crc = zlib.crc32(bytes(self.CHUNK))
        zeros = bytes(self.CHUNK)
        for _ in range(self.CHUNKS - 1):
            yield self.middle
            crc = zlib.crc32(zeros, crc)
        # An empty final block, then the gzip trailer: CRC-32 and size mod 2^32.
        yield b"\x03\x00" + struct.pack("<II", crc, (self.CHUNK * self.CHUNKS) & 0xFFFFFFFF)


BOMB = []
BOMB_LOCK = threading.Lock()


def bomb():
    """The bomb, made on first use so the server starts fast."""
    with BOMB_LOCK:
        if not BOMB:
            BOMB.append(Bomb())
        return BOMB[0]


class Counters:
    """How many /hold requests run now, and the most that ever ran, by key.
    The first requests for a key wait for each other until `want` of them run
    at once (or 10 s pass), so a client that runs `want` at a time is seen
    doing so however slow the machine; later ones only linger for 50 ms."""

    def __init__(self):
        self.condition = threading.Condition()
        self.now = {}
        self.most = {}
        self.gathered = set()

    def hold(self, key, want, host):
        # Counted for the key, and for the key at the Host the client named.
        keys = (key, key + "@" + host)
        with self.condition:
            for name in keys:
                self.now[name] = self.now.get(name, 0) + 1
                self.most[name] = max(self.most.get(name, 0), self.now[name])
            self.condition.notify_all()
            if key not in self.gathered:
                self.condition.wait_for(lambda: self.now[key] >= want, timeout=10)
                self.gathered.add(key)
        time.sleep(0.05)
        with self.condition:
            for name in keys:
                self.now[name] -= 1


COUNTERS = Counters()


class Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"

    def log_message(self, format, *args):
        pass

    def reply(self, status, body=b"", headers=()):
        self.send_response(status)
        for name, value in headers:
            self.send_header(name, value)
        if status != 304:
            self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        if status != 304:
            self.wfile.write(body)

    def redirect(self, status, location):
        self.reply(status, b"redirecting\n", [("Location", location)])

    def do_GET(self):
        log({"path": self.path,
             "headers": {name.lower(): value for name, value in self.headers.items()}})
        try:
            self.route()
        except (BrokenPipeError, ConnectionResetError):
            self.close_connection = True

    def route(self):
        if self.path.startswith("http://"):
            return self.reply(200, ("proxied " + self.path).encode())
        url = urlsplit(self.path)
        path, query = url.path, parse_qs(url.query)
        port = self.server.server_address[1]

        if path == "/feed":
            headers = [("ETag", ETAG), ("Last-Modified", LAST_MODIFIED),
                       ("Content-Type", "application/rss+xml")]
            match = self.headers.get("If-None-Match")
            since = self.headers.get("If-Modified-Since")
            if match == ETAG or (match is None and since == LAST_MODIFIED):
                return self.reply(304, headers=[("ETag", ETAG)])
            return self.reply(200, FEED, headers)
        if path.startswith("/feeds/") or path.startswith("/plain/"):
            return self.file(unquote(path.split("/", 2)[2]), path.startswith("/feeds/"))
        if path.startswith("/slow/"):
            time.sleep(1)
            log({"path": self.path, "event": "answered"})
            return self.file(unquote(path.split("/", 2)[2]), False)
        if path.startswith("/login/"):
            parts = path.split("/", 4)
            if len(parts) < 5:
                return self.reply(404, b"no such login path\n")
            expected = "Basic " + base64.b64encode(f"{parts[2]}:{parts[3]}".encode()).decode()
            if self.headers.get("Authorization") != expected:
                return self.reply(401, b"log in first\n", [("WWW-Authenticate", 'Basic realm="feeds"')])
            self.path = "/" + parts[4] + (("?" + url.query) if url.query else "")
            return self.route()
        if path == "/echo":
            headers = {name.lower(): value for name, value in self.headers.items()}
            body = json.dumps({"path": self.path, "headers": headers}).encode()
            return self.reply(200, body, [("Content-Type", "application/json")])
        if path == "/port":
            return self.reply(200, str(self.client_address[1]).encode())
        if path == "/chain" or path.startswith("/chain/"):
            codes = path.split("/")[2:]
            if not codes:
                return self.reply(200, b"end of chain\n")
            return self.redirect(int(codes[0]), "/".join(["/chain"] + codes[1:]))
        if path.startswith("/moved/"):
            return self.redirect(301, "/feeds/" + path.split("/", 2)[2])
        if path == "/loop":
            return self.redirect(302, "/loop")
        if path == "/to-file":
            return self.redirect(302, "file:///etc/passwd")
        if path == "/to-gopher":
            return self.redirect(302, "gopher://127.0.0.1:%d/" % port)
        if path.startswith("/status/"):
            code = int(path.split("/")[2])
            headers = [("Retry-After", v) for v in query.get("retry-after", [])]
            return self.reply(code, b"status %d\n" % code, headers)
        if path == "/cached":
            headers = [("Cache-Control", v) for v in query.get("cache-control", [])]
            headers += [("Expires", v) for v in query.get("expires", [])]
            return self.reply(200, FEED, [("Content-Type", "application/rss+xml")] + headers)
        if path == "/charset":
            return self.reply(200, LATIN1_FEED,
                              [("Content-Type", 'application/rss+xml; charset="ISO-8859-1"')])
        if path in ("/gzip", "/deflate", "/br"):
            encoded = {"/gzip": gzip_bytes, "/deflate": zlib.compress, "/br": brotli_stored}[path](FEED)
            return self.reply(200, encoded, [("Content-Encoding", path[1:]),
                                             ("Content-Type", "application/rss+xml")])
        if path.startswith("/late/"):
            time.sleep(int(path.split("/")[2]) / 1000)
            return self.reply(200, b"late")
        if path == "/drip":
            self.send_response(200)
            self.send_header("Content-Length", "100")
            self.end_headers()
            for _ in range(100):
                self.wfile.write(b"x")
                self.wfile.flush()
                time.sleep(1)
            return
        if path == "/endless":
            return self.endless()
        if path == "/bomb":
            self.send_response(200)
            self.send_header("Content-Type", "application/rss+xml")
            self.send_header("Content-Encoding", "gzip")
            self.send_header("Connection", "close")
            self.end_headers()
            self.close_connection = True
            for segment in bomb().segments():
                self.wfile.write(segment)
            return
        if path.startswith("/hold/"):
            want = int(query.get("want", ["1"])[0])
            host = (self.headers.get("Host") or "").split(":")[0]
            COUNTERS.hold(path.split("/")[2], want, host)
            return self.reply(200, b"held\n")
        if path.startswith("/most/"):
            with COUNTERS.condition:
                most = COUNTERS.most.get(path.split("/")[2], 0)
            return self.reply(200, str(most).encode())
        return self.reply(404, b"not found\n")

    def file(self, name, validators):
        """DOCROOT/NAME as /feeds/ (with validators) or /plain/ serves it."""
        if DOCROOT is None:
            return self.reply(404, b"not found\n")
        full = os.path.join(DOCROOT, name)
        if "/" in name or name.startswith(".") or not os.path.isfile(full):
            return self.reply(404, b"not found\n")
        status = read_text(full + ".status")
        if status:
            words = status.split(" ", 1)
            headers = [("Retry-After", words[1])] if len(words) > 1 else []
            return self.reply(int(words[0]), b"status %s\n" % words[0].encode(), headers)
        if os.path.exists(full + ".drip"):
            return self.drip_file()
        with open(full, "rb") as file:
            body = file.read()
        content_type = read_text(full + ".type") or TYPES.get(os.path.splitext(name)[1], "application/xml")
        extra = [tuple(part.strip() for part in line.split(":", 1))
                 for line in (read_text(full + ".headers") or "").splitlines() if ":" in line]
        headers = [("Content-Type", content_type)] + extra
        if not validators:
            return self.reply(200, body, headers)
        etag = '"%s"' % hashlib.sha256(body).hexdigest()[:16]
        modified = formatdate(int(os.stat(full).st_mtime), usegmt=True)
        headers += [("ETag", etag), ("Last-Modified", modified)]
        match = self.headers.get("If-None-Match")
        since = self.headers.get("If-Modified-Since")
        if match == etag or (match is None and since == modified):
            return self.reply(304, headers=[("ETag", etag)] + extra)
        return self.reply(200, body, headers)

    def drip_file(self):
        """A file with NAME.drip beside it: one space a second, and a log
        line when the client hangs up."""
        self.send_response(200)
        self.send_header("Content-Type", "application/rss+xml")
        self.send_header("Content-Length", "1000")
        self.end_headers()
        try:
            for _ in range(1000):
                self.wfile.write(b" ")
                self.wfile.flush()
                time.sleep(1)
        finally:
            log({"path": self.path, "event": "closed"})
            self.close_connection = True

    def endless(self):
        self.send_response(200)
        self.send_header("Content-Type", "application/rss+xml")
        self.send_header("Connection", "close")
        self.end_headers()
        self.close_connection = True
        self.wfile.write(b'<?xml version="1.0" encoding="utf-8"?>\n'
                         b'<rss version="2.0"><channel><title>Endless</title>\n')
        block = b"<item><title>Again</title><guid>again</guid></item>\n" * 1000
        for _ in range(100_000):  # 5 GB, so a broken client still ends
            self.wfile.write(block)


class Server(ThreadingHTTPServer):
    # ThreadingHTTPServer's backlog of 5 drops connections when a test, or
    # feedspool, opens many at once on a loaded machine.
    request_queue_size = 128
    daemon_threads = True


def fork_servers():
    """--fork: a server forked for each request line, as the docstring says."""
    global DOCROOT, LOG_PATH
    signal.signal(signal.SIGCHLD, signal.SIG_IGN)  # the kernel reaps the servers killed
    alive, alive_writer = os.pipe()  # at end of file in the servers when this process ends
    for line in sys.stdin:
        arguments = json.loads(line)
        server = Server(("127.0.0.1", 0), Handler)
        pid = os.fork()
        if pid == 0:
            os.close(alive_writer)
            null = os.open(os.devnull, os.O_RDWR)
            os.dup2(null, 0)
            os.dup2(null, 1)
            DOCROOT, LOG_PATH = arguments if arguments else (None, None)
            threading.Thread(target=server.serve_forever, daemon=True).start()
            os.read(alive, 1)
            os._exit(0)
        server.server_close()
        print(pid, server.server_address[1], flush=True)


def main():
    if sys.argv[1:] == ["--fork"]:
        return fork_servers()
    server = Server(("127.0.0.1", 0), Handler)
    print(server.server_address[1], flush=True)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    sys.stdin.read()  # returns when the test process closes the pipe or dies
    # Exits at once, without `server.shutdown()`, which waits for
    # `serve_forever` to look up from its 0.5 s poll. Handler threads are
    # daemons: one still answering is cut off, as a killed server's would be.
    os._exit(0)


if __name__ == "__main__":
    main()
