import Testing
@testable import Config

/// `jitter` and `interval = auto`: their defaults, where they may be set, and which scope wins.
@Suite struct ScheduleOptionTests {
    @Test func byDefaultFeedsJitterTenPercentAndKeepAFixedInterval() throws {
        let config = try ConfigFolder().load(text: "https://example.org/feed.xml\n")
        let feed = try #require(config.feeds.first)
        #expect(feed.jitter == 0.1)
        #expect(!feed.autoInterval)
        #expect(feed.interval == .seconds(3600))
    }

    @Test(arguments: [("0%", 0.0), ("5%", 0.05), ("50%", 0.5)])
    func jitterIsAPercentage(text: String, fraction: Double) throws {
        let config = try ConfigFolder().load(text: "jitter = \(text)\nhttps://example.org/feed.xml\n")
        #expect(config.feeds.first?.jitter == fraction)
    }

    @Test func theFeedsJitterWinsOverItsHostsAndTheGlobalOne() throws {
        let config = try ConfigFolder().load(text: """
            jitter = 20%
            [host lwn.net]
            jitter = 5%
            [defaults]
            https://lwn.net/headlines/rss name=lwn
            https://lwn.net/other.rss name=exact jitter=0%
            https://example.org/feed.xml name=other
            """)
        #expect(config.feeds.map(\.jitter) == [0.05, 0, 0.2])
    }

    @Test func autoKeepsTheIntervalBeforeItAsTheOneToStartWith() throws {
        let config = try ConfigFolder().load(text: """
            interval = 30m
            https://example.org/a.xml name=auto interval=auto
            https://example.org/b.xml name=fixed
            """)
        #expect(config.feeds.map(\.autoInterval) == [true, false])
        #expect(config.feeds.map(\.interval) == [.seconds(1800), .seconds(1800)])
    }

    @Test func aDurationBelowAutoTurnsItOff() throws {
        let config = try ConfigFolder().load(text: """
            interval = auto
            [host lwn.net]
            interval = 2h
            [host example.org]
            interval = auto
            [defaults]
            https://lwn.net/headlines/rss name=lwn
            https://lwn.net/other.rss name=lwnauto interval=auto
            https://example.org/feed.xml name=example
            https://example.org/fixed.xml name=fixed interval=10m
            https://example.net/feed.xml name=global
            """)
        #expect(config.feeds.map(\.autoInterval) == [false, true, true, false, true])
        #expect(config.feeds.map(\.interval) == [.seconds(7200), .seconds(7200), .seconds(3600), .seconds(600), .seconds(3600)])
        #expect(config.globals.autoInterval)
    }
}
