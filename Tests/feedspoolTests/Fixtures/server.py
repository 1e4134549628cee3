#!/usr/bin/env python3
"""The HTTP server the `feedspool once` tests poll: the feeds a test writes
into a folder, with validators and 304s, plus error statuses, redirects, and
bodies that drip or never end. Standard library only.

    server.py DOCROOT LOG

Listens on 127.0.0.1 on a free port and prints the port on the first line of
stdout. Appends one JSON line per request to LOG ({"path", "headers", "time"},
header names lowercased) before answering, so a test that waited for
feedspool to exit reads every request it made. Exits when its standard input
closes, so it never outlives the test process that started it.

Endpoints:
  /feeds/NAME        the file DOCROOT/NAME, with an ETag (a digest of the
                     content) and Last-Modified (its mtime); 304 when the
                     request's If-None-Match matches, or, without one, when
                     If-Modified-Since equals Last-Modified. Files beside it
                     change the answer, so a test can switch it between runs:
                     NAME.type     its Content-Type (default by extension)
                     NAME.status   a status to answer instead, and after a
                                   space the value of a Retry-After header
                     NAME.drip     Content-Length 1000, then one space a
                                   second until the client hangs up, which
                                   is logged as {"path", "event": "closed"}
  /plain/NAME        the same file without validators, never 304
  /slow/NAME         the same as /plain/NAME, a second late; logs
                     {"path", "event": "answered"} as the body is sent, so a
                     test can tell how many requests were open at once
  /status/CODE       answers CODE
  /loop              302 to itself
  /to-file           302 to file:///etc/passwd
  /to-gopher         302 to gopher://127.0.0.1:PORT/
  /endless           an RSS document without Content-Length whose items
                     never end, until the client hangs up
"""

import hashlib
import json
import os
import sys
import threading
import time
from email.utils import formatdate
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import unquote, urlsplit

DOCROOT = sys.argv[1]
LOG_PATH = sys.argv[2]
LOG_LOCK = threading.Lock()

TYPES = {
    ".rss": "application/rss+xml",
    ".atom": "application/atom+xml",
    ".xml": "application/xml",
    ".json": "application/feed+json",
    ".html": "text/html; charset=utf-8",
}


def log(entry):
    entry["time"] = time.time()
    with LOG_LOCK, open(LOG_PATH, "a", encoding="utf-8") as file:
        file.write(json.dumps(entry) + "\n")


def read_text(path):
    try:
        with open(path, encoding="utf-8") as file:
            return file.read().strip()
    except FileNotFoundError:
        return None


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

    def do_GET(self):
        log({"path": self.path,
             "headers": {name.lower(): value for name, value in self.headers.items()}})
        try:
            self.route()
        except (BrokenPipeError, ConnectionResetError):
            self.close_connection = True

    def route(self):
        url = urlsplit(self.path)
        path = url.path
        port = self.server.server_address[1]

        if path.startswith("/feeds/") or path.startswith("/plain/"):
            return self.file(unquote(path.split("/", 2)[2]), path.startswith("/feeds/"))
        if path.startswith("/slow/"):
            time.sleep(1)
            log({"path": self.path, "event": "answered"})
            return self.file(unquote(path.split("/", 2)[2]), False)
        if path.startswith("/status/"):
            code = int(path.split("/")[2])
            return self.reply(code, b"status %d\n" % code)
        if path == "/loop":
            return self.reply(302, b"", [("Location", "/loop")])
        if path == "/to-file":
            return self.reply(302, b"", [("Location", "file:///etc/passwd")])
        if path == "/to-gopher":
            return self.reply(302, b"", [("Location", "gopher://127.0.0.1:%d/" % port)])
        if path == "/endless":
            return self.endless()
        return self.reply(404, b"not found\n")

    def file(self, name, validators):
        full = os.path.join(DOCROOT, name)
        if "/" in name or name.startswith(".") or not os.path.isfile(full):
            return self.reply(404, b"not found\n")
        status = read_text(full + ".status")
        if status:
            words = status.split(" ", 1)
            headers = [("Retry-After", words[1])] if len(words) > 1 else []
            return self.reply(int(words[0]), b"status %s\n" % words[0].encode(), headers)
        if os.path.exists(full + ".drip"):
            return self.drip()
        with open(full, "rb") as file:
            body = file.read()
        content_type = read_text(full + ".type") or TYPES.get(os.path.splitext(name)[1], "application/xml")
        headers = [("Content-Type", content_type)]
        if not validators:
            return self.reply(200, body, headers)
        etag = '"%s"' % hashlib.sha256(body).hexdigest()[:16]
        modified = formatdate(int(os.stat(full).st_mtime), usegmt=True)
        headers += [("ETag", etag), ("Last-Modified", modified)]
        match = self.headers.get("If-None-Match")
        since = self.headers.get("If-Modified-Since")
        if match == etag or (match is None and since == modified):
            return self.reply(304, headers=[("ETag", etag)])
        return self.reply(200, body, headers)

    def drip(self):
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
    # ThreadingHTTPServer's backlog of 5 drops connections when feedspool
    # opens several at once on a loaded machine.
    request_queue_size = 128
    daemon_threads = True


def main():
    server = Server(("127.0.0.1", 0), Handler)
    print(server.server_address[1], flush=True)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    sys.stdin.read()  # returns when the test process closes the pipe or dies
    server.shutdown()


if __name__ == "__main__":
    main()
