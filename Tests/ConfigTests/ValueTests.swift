import Testing
@testable import Config

/// The kinds of value: durations, sizes, counts, yes/no, tags, host patterns.
@Suite struct ValueTests {
    @Test(arguments: [
        ("90s", 90), ("30m", 1800), ("1h", 3600), ("1h30m", 5400), ("2d", 172_800), ("1w", 604_800),
        ("1w2d3h4m5s", 604_800 + 172_800 + 3 * 3600 + 4 * 60 + 5), ("0h30m", 1800),
    ] as [(String, Int64)])
    func durationsAddUpNumbersWithUnits(text: String, seconds: Int64) throws {
        #expect(try Values.duration(text) == .seconds(seconds))
    }

    @Test(arguments: ["30", "5x", "1h1h", "30m1h", "h", "1.5h", "1H", "-1h", "1h 30m", "99999999999999999999s"])
    func durationsWithoutAUnitOrOutOfOrderAreRejected(text: String) {
        #expect(throws: ValueError("bad duration \"\(text)\" (use s, m, h, d or w, e.g. 30m)")) {
            try Values.duration(text)
        }
    }

    @Test func aZeroDurationIsRejected() {
        #expect(throws: ValueError("bad duration \"0s\" (must be more than zero)")) { try Values.duration("0s") }
    }

    @Test(arguments: [("512", 512), ("64k", 65536), ("64K", 65536), ("5M", 5 << 20), ("1G", 1 << 30)])
    func sizesAreBytesWithAnOptionalBinarySuffix(text: String, bytes: Int) throws {
        #expect(try Values.size(text) == bytes)
    }

    @Test(arguments: ["5X", "M", "5 M", "1.5M", "-1", "5MB"])
    func sizesWithOtherSuffixesAreRejected(text: String) {
        #expect(throws: ValueError("bad size \"\(text)\" (use bytes, or k, M or G, e.g. 5M)")) {
            try Values.size(text)
        }
    }

    @Test(arguments: ["0", "-2", "two", "1.5", "+3"])
    func countsAreWholeNumbersFromOne(text: String) {
        #expect(throws: ValueError("bad number \"\(text)\" (use a whole number of at least 1)")) {
            try Values.count(text)
        }
    }

    @Test func switchesAreYesOrNoOnly() throws {
        #expect(try Values.flag("yes"))
        #expect(try !Values.flag("no"))
        #expect(throws: ValueError("bad value \"true\" (use yes or no)")) { try Values.flag("true") }
    }

    @Test func tagsAreTrimmedWithoutEmptyItemsOrRepeats() throws {
        #expect(try Values.tags("news, linux,,news ,") == ["news", "linux"])
        #expect(throws: ValueError("bad tags \",\" (use a comma-separated list, e.g. news,linux)")) {
            try Values.tags(",")
        }
    }

    @Test(arguments: [("example.org", "example.org"), ("*.Reddit.com", "*.reddit.com"), ("127.0.0.1", "127.0.0.1")])
    func hostPatternsAreHostNamesOrAStarDotDomain(text: String, pattern: String) throws {
        #expect(try Values.hostPattern(text) == pattern)
    }

    @Test(arguments: ["*reddit.com", "www.*.com", "*", "example.org:8080", "exa mple.org", "example..org", "a/b"])
    func otherHostPatternsAreRejected(text: String) {
        #expect(throws: ValueError("bad host pattern \"\(text)\" (use a host name or *.domain)")) {
            try Values.hostPattern(text)
        }
    }

    @Test func aStarDotDomainMatchesTheDomainAndItsSubdomainsOnly() {
        let section = HostSettings(pattern: "*.reddit.com", source: ConfigLocation(file: "f", line: 1))
        #expect(section.matches(host: "reddit.com"))
        #expect(section.matches(host: "www.reddit.com"))
        #expect(section.matches(host: "old.www.Reddit.com"))
        #expect(!section.matches(host: "notreddit.com"))
        #expect(!section.matches(host: "reddit.com.evil.org"))
        let exact = HostSettings(pattern: "lwn.net", source: ConfigLocation(file: "f", line: 1))
        #expect(exact.matches(host: "LWN.net"))
        #expect(!exact.matches(host: "www.lwn.net"))
    }

    @Test func urlsKeepTheirHostWithoutUserPortOrBrackets() throws {
        #expect(try FeedURL("https://user:secret@Feeds.Example.org:8443/a.xml?x=1#y").host == "feeds.example.org")
        #expect(try FeedURL("http://[::1]:8080/feed").host == "::1")
        #expect(try FeedURL("file:///srv/feeds/blog.rss").host == "")
        #expect(try FeedURL("https://example.org/a.xml?x=1#y").path == "/a.xml")
    }
}

extension HostSettings {
    /// A section that sets nothing, for matching tests.
    init(pattern: String, source: ConfigLocation) {
        self.init(
            pattern: pattern, perHost: nil, minInterval: nil, interval: nil, timeout: nil, maxSize: nil,
            userAgent: nil, source: source)
    }
}
