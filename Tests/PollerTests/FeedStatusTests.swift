import Config
import Foundation
@testable import Poller
import State
import Testing

/// What `feedspool status` says of a feed: when it is next due and what set
/// that time, the notes, the template's counts.
@Suite struct FeedStatusTests {
    private let polled = Date(timeIntervalSince1970: 1_796_605_200)  // 2026-12-07T01:00:00Z

    /// The first feed of a `feeds.conf`, without jitter so its times are exact.
    private func feed(_ text: String) throws -> FeedSettings {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("feedspool-status-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        try ("jitter = 0%\n" + text + "\n").write(to: folder.appendingPathComponent("feeds.conf"), atomically: true, encoding: .utf8)
        return try #require(try ConfigLoader.load(path: folder.appendingPathComponent("feeds.conf").path).feeds.first)
    }

    @Test func theNextPollSaysWhatSetIt() throws {
        let plain = try feed("https://lwn.net/rss name=lwn interval=1h")
        let slow = try feed("min-interval = 2h\nhttps://lwn.net/rss name=lwn interval=1h")
        let hour: TimeInterval = 3600
        let cases: [(FeedSettings, FeedState, Date?, String)] = [
            (plain, FeedState(), nil, "never polled"),
            (plain, FeedState(gone: true, lastFetch: polled), nil, "gone"),
            (plain, FeedState(lastFetch: polled), polled + hour, "interval"),
            // A min-interval longer than the feed's interval sets the time (regression: said "interval").
            (slow, FeedState(lastFetch: polled), polled + 2 * hour, "min-interval"),
            (plain, FeedState(errorCount: 2, lastFetch: polled), polled + 2 * hour, "backoff"),
            (plain, FeedState(lastFetch: polled, retryAfter: polled + 5 * hour), polled + 5 * hour, "retry-after"),
            // A Retry-After the schedule passes anyway does not set the time.
            (plain, FeedState(lastFetch: polled, retryAfter: polled + 60), polled + hour, "interval"),
        ]
        for (settings, state, date, reason) in cases {
            let next = FeedStatus(settings: settings, state: state).nextPoll
            #expect(next.0 == date && next.1 == reason, "\(state) gave \(next)")
        }
    }

    @Test func theLineHasOneFieldPerColumnOfTheHeader() throws {
        let settings = try feed("https://lwn.net/rss name=lwn interval=1h")
        let state = FeedState(lastResult: "ok: 3 new", permanentRedirect: "https://lwn.net/feed", lastFetch: polled,
                              templateBlocksLastDelivery: 3, templateBlocksTotal: 41)
        let line = FeedStatus(settings: settings, state: state).line
        #expect(line.split(separator: "\t").count == FeedStatus.header.split(separator: "\t").count)
        #expect(line == "lwn\t2026-12-07T01:00:00Z\tok: 3 new\t0\t2026-12-07T02:00:00Z\t"
            + "moved permanently to https://lwn.net/feed\t3 last, 41 total")
    }

    @Test func aFeedNeverPolledIsDueNowWithNothingCounted() throws {
        let line = FeedStatus(settings: try feed("https://lwn.net/rss name=lwn"), state: FeedState()).line
        #expect(line == "lwn\t-\tnever polled\t0\tnow\t-\t-")
    }

    @Test func aFeedThatLearnsNoTemplateSaysOff() throws {
        let status = FeedStatus(settings: try feed("https://lwn.net/rss name=lwn clean=no"), state: FeedState(lastFetch: polled))
        #expect(status.templateColumn == "off")
        let json = String(decoding: FeedStatus.json([status]), as: UTF8.self)
        #expect(json.contains(#""template_last":null,"template_total":null"#))
    }

    @Test func theJSONNeverShowsAPassword() throws {
        let status = FeedStatus(settings: try feed("https://me:secret@lwn.net/rss name=lwn"), state: FeedState())
        let json = String(decoding: FeedStatus.json([status]), as: UTF8.self)
        #expect(json.contains(#""url":"https://lwn.net/rss""#))
        #expect(!json.contains("secret"))
    }
}
