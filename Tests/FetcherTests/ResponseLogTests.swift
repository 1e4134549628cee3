import Foundation
import Testing
@_spi(Fuzzing) @testable import Fetcher

/// Reading response headers: which response of a redirect chain they belong
/// to, and the values taken from them.
@Suite struct ResponseLogTests {
    /// Feeds `lines` to a log; a status line's URL is `urls` in turn.
    private func log(_ lines: [String], urls: [String] = []) -> ResponseLog {
        var log = ResponseLog()
        var remaining = urls[...]
        for line in lines {
            _ = log.read(line: Array((line + "\r\n").utf8)) { line.hasPrefix("HTTP/") ? remaining.popFirst() : nil }
        }
        return log
    }

    @Test func onlyTheLastResponsesHeadersAreKept() {
        let read = log(["HTTP/1.1 302 Found", "Location: /b", "ETag: \"old\"", "",
                        "HTTP/1.1 200 OK", "Content-Type: text/xml", ""], urls: ["http://x/a", "http://x/b"])
        #expect(read.status == 200)
        #expect(read.headers["etag"] == nil)
        #expect(read.headers["content-type"] == "text/xml")
    }

    @Test func anInterimContinueDoesNotEndThePermanentRun() {
        let read = log(["HTTP/1.1 100 Continue", "", "HTTP/1.1 301 Moved", "Location: /b", "",
                        "HTTP/1.1 200 OK", ""], urls: ["http://x/a", "http://x/a", "http://x/b"])
        #expect(read.permanentRedirect == "http://x/b")
    }

    @Test func http2StatusLinesAreRead() {
        let read = log(["HTTP/2 308 ", "location: /b", "", "HTTP/2 200 ", ""], urls: ["https://x/a", "https://x/b"])
        #expect(read.status == 200)
        #expect(read.permanentRedirect == "https://x/b")
    }

    @Test func headerNamesAreCaseInsensitiveAndValuesTrimmed() {
        let read = log(["HTTP/1.1 200 OK", "eTaG:   \"v\"  ", "LAST-MODIFIED:Wed, 01 Jan 2025 00:00:00 GMT"])
        #expect(read.headers["etag"] == "\"v\"")
        #expect(read.headers["last-modified"] == "Wed, 01 Jan 2025 00:00:00 GMT")
    }

    @Test(arguments: [
        ("text/xml; charset=utf-8", "utf-8"),
        ("application/rss+xml;charset=\"ISO-8859-1\"", "ISO-8859-1"),
        ("text/html; Charset = windows-1251 ; q=1", "windows-1251"),
        ("text/xml; format=flowed", nil),
        ("text/xml; charset=", nil),
        ("text/xml", nil),
    ] as [(String, String?)])
    func theCharsetParameterIsFound(contentType: String, charset: String?) {
        #expect(ResponseLog.charset(inContentType: contentType) == charset)
    }

    @Test func retryAfterSecondsCountFromNow() {
        let now = Date(timeIntervalSince1970: 1_000_000)
        #expect(ResponseLog.retryAfter("90", now: now) { _ in nil } == Date(timeIntervalSince1970: 1_000_090))
        #expect(ResponseLog.retryAfter(" 0 ", now: now) { _ in nil } == now)
    }

    @Test func retryAfterSecondsAreCappedAtAYear() {
        let now = Date(timeIntervalSince1970: 0)
        #expect(ResponseLog.retryAfter("99999999999999999999", now: now) { _ in nil }
            == Date(timeIntervalSince1970: 366 * 86_400))
    }

    @Test func retryAfterDatesInEveryHTTPFormatAreRead() {
        let now = Date(timeIntervalSince1970: 0)
        for text in ["Sun, 06 Nov 1994 08:49:37 GMT", "Sunday, 06-Nov-94 08:49:37 GMT", "Sun Nov  6 08:49:37 1994"] {
            #expect(ResponseLog.retryAfter(text, now: now, httpDate: CurlLibrary.seconds(fromHTTPDate:))
                == Date(timeIntervalSince1970: 784_111_777), "\(text)")
        }
    }

    @Test func anUnreadableRetryAfterIsIgnored() {
        #expect(ResponseLog.retryAfter("soon", now: Date(), httpDate: CurlLibrary.seconds(fromHTTPDate:)) == nil)
        #expect(ResponseLog.retryAfter("-5", now: Date(), httpDate: CurlLibrary.seconds(fromHTTPDate:)) == nil)
    }

    @Test func headerValuesWithControlCharactersAreUnsafeToSend() {
        #expect(ResponseLog.isSafeHeaderValue("W/\"abc\""))
        #expect(ResponseLog.isSafeHeaderValue("a\tb"))
        #expect(!ResponseLog.isSafeHeaderValue("a\r\nX-Evil: 1"))
        #expect(!ResponseLog.isSafeHeaderValue("a\u{0}b"))
    }
}

/// How long a response stays fresh, from `Cache-Control: max-age` or `Expires`: the server's
/// hint of how often to poll.
@Suite struct FreshnessTests {
    let now = Date(timeIntervalSince1970: 1_800_000_000)

    /// An HTTP date: seconds since 1970 written as digits, for these tests.
    private func httpDate(_ text: String) -> Int? { Int(text) }

    @Test(arguments: [
        ("max-age=3600", nil, 3600.0),
        ("public, max-age=600, must-revalidate", nil, 600),
        ("Max-Age = \"120\"", nil, 120),
        ("max-age=3600", "1800000060", 3600),  // max-age wins over Expires
        (nil, "1800007200", 7200),
        ("public", "1800000300", 300),
        ("max-age=99999999999", nil, 366 * 86400),  // a server bug, capped
    ] as [(String?, String?, Double)])
    func theLifetimeIsRead(cacheControl: String?, expires: String?, seconds: Double) {
        #expect(ResponseLog.freshness(cacheControl: cacheControl, expires: expires, now: now, httpDate: httpDate) == seconds)
    }

    @Test(arguments: [
        ("no-cache, max-age=600", nil), ("no-store", "1800007200"), ("max-age=0", nil), ("max-age=soon", nil),
        ("=, ,max-age", nil), (nil, "1799999000"), (nil, "0"), (nil, "yesterday"), (nil, nil),
    ] as [(String?, String?)])
    func noHintComesOfHeadersThatGiveNone(cacheControl: String?, expires: String?) {
        #expect(ResponseLog.freshness(cacheControl: cacheControl, expires: expires, now: now, httpDate: httpDate) == nil)
    }
}
