import Testing
@testable import Config

/// Effective settings: defaults, then global settings, then matching host
/// sections in file order, then the feed's options.
@Suite struct PrecedenceTests {
    @Test func aFeedWithNothingSetGetsTheDefaults() throws {
        let folder = try ConfigFolder()
        let config = try folder.load(text: "https://example.org/feed.xml\n")
        #expect(config.globals == .defaults)
        #expect(config.globals.keepSeen == .seconds(90 * 86400))
        let feed = try #require(config.feeds.first)
        #expect(feed.interval == .seconds(3600))
        #expect(feed.timeout == .seconds(30))
        #expect(feed.maxSize == 10 << 20)
        #expect(feed.userAgent == nil)
        #expect(feed.perHost == 2)
        #expect(feed.minInterval == .zero)
        #expect(feed.tags.isEmpty && feed.include.isEmpty && feed.exclude.isEmpty)
        #expect(!feed.fulltext && !feed.updates && feed.clean)
    }

    @Test func globalSettingsApplyToFeedsAboveThemToo() throws {
        let folder = try ConfigFolder()
        let config = try folder.load(text: """
            https://example.org/feed.xml
            interval = 4h
            timeout = 1m
            max-size = 1M
            user-agent = test-agent
            per-host = 5
            concurrency = 3
            keep-seen = 30d
            """)
        let feed = try #require(config.feeds.first)
        #expect(feed.interval == .seconds(4 * 3600))
        #expect(feed.timeout == .seconds(60))
        #expect(feed.maxSize == 1 << 20)
        #expect(feed.userAgent == "test-agent")
        #expect(feed.perHost == 5)
        #expect(config.globals.concurrency == 3)
        #expect(config.globals.keepSeen == .seconds(30 * 86400))
    }

    @Test func aMatchingHostSectionOverridesGlobalSettings() throws {
        let folder = try ConfigFolder()
        let config = try folder.load(text: """
            interval = 1h
            per-host = 4
            user-agent = global
            [host *.example.org]
            interval = 3h
            per-host = 1
            timeout = 10s
            max-size = 64k
            user-agent = host
            [defaults]
            https://feeds.example.org/a.xml
            https://example.net/b.xml
            """)
        let matched = try #require(config.feeds.first)
        #expect(matched.interval == .seconds(3 * 3600))
        #expect(matched.perHost == 1)
        #expect(matched.timeout == .seconds(10))
        #expect(matched.maxSize == 64 << 10)
        #expect(matched.userAgent == "host")
        let other = config.feeds[1]
        #expect(other.interval == .seconds(3600))
        #expect(other.perHost == 4)
        #expect(other.userAgent == "global")
    }

    @Test func laterHostSectionsWinOverEarlierOnes() throws {
        let folder = try ConfigFolder()
        let config = try folder.load(text: """
            https://news.example.org/rss
            [host news.example.org]
            interval = 2h
            per-host = 3
            [host *.example.org]
            interval = 5h
            """)
        let feed = try #require(config.feeds.first)
        #expect(feed.interval == .seconds(5 * 3600))
        #expect(feed.perHost == 3)
        #expect(config.hosts.map(\.pattern) == ["news.example.org", "*.example.org"])
    }

    @Test func feedOptionsOverrideHostSections() throws {
        let folder = try ConfigFolder()
        let config = try folder.load(text: """
            [host example.org]
            interval = 2h
            timeout = 10s
            max-size = 1M
            user-agent = host
            [defaults]
            https://example.org/feed.xml interval=3h timeout=20s max-size=2M user-agent=feed
            """)
        let feed = try #require(config.feeds.first)
        #expect(feed.interval == .seconds(3 * 3600))
        #expect(feed.timeout == .seconds(20))
        #expect(feed.maxSize == 2 << 20)
        #expect(feed.userAgent == "feed")
    }

    @Test func anIntervalIsNeverBelowItsHostsMinimumInterval() throws {
        let folder = try ConfigFolder()
        let config = try folder.load(text: """
            interval = 10m
            min-interval = 15m
            [host *.reddit.com]
            min-interval = 1h
            [defaults]
            https://www.reddit.com/r/swift/.rss interval=5m
            https://lwn.net/headlines/rss
            https://example.org/feed.xml interval=2h
            """)
        #expect(config.feeds.map(\.interval) == [.seconds(3600), .seconds(900), .seconds(7200)])
        #expect(config.feeds.map(\.minInterval) == [.seconds(3600), .seconds(900), .seconds(900)])
    }

    @Test func spoolAndStateDefaultToFoldersBesideTheMainFile() throws {
        let folder = try ConfigFolder()
        let config = try folder.load(text: "")
        #expect(config.spoolPath == folder.path + "/spool")
        #expect(config.statePath == folder.path + "/state")
        #expect(config.feeds.isEmpty)
    }

    @Test func relativeSpoolAndStatePathsResolveAgainstTheFileThatSetsThem() throws {
        let folder = try ConfigFolder()
        try folder.write("conf.d/paths.conf", "spool = ../data/./spool\nstate = state\n")
        let config = try folder.load(text: "include conf.d/paths.conf\n")
        #expect(config.spoolPath == folder.path + "/data/spool")
        #expect(config.statePath == folder.path + "/conf.d/state")
    }

    @Test func absoluteSpoolAndStatePathsAreKept() throws {
        let folder = try ConfigFolder()
        let config = try folder.load(text: "spool = /var/spool/feedspool/\nstate = /var/lib/feedspool\n")
        #expect(config.spoolPath == "/var/spool/feedspool")
        #expect(config.statePath == "/var/lib/feedspool")
    }
}
