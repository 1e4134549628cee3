import Foundation
import FeedParser
import State
import Testing

@Suite("Feed fetch state")
struct FeedStateTests {
    @Test func feedNeverFetchedHasTheDefaultState() throws {
        let folder = try TemporaryFolder()
        let state = try folder.open()
        #expect(try state.feedState("lwn") == FeedState())
    }

    @Test func stateSurvivesReopeningTheStore() throws {
        let folder = try TemporaryFolder()
        let saved = FeedState(
            etag: "\"abc\"", lastModified: "Sat, 30 Nov 2024 12:00:00 GMT", lastResult: "HTTP 503", errorCount: 3,
            permanentRedirect: "https://lwn.net/headlines/rss", gone: true,
            lastFetch: Date(timeIntervalSince1970: 1_732_968_000), nextFetch: Date(timeIntervalSince1970: 1_732_971_600),
            retryAfter: Date(timeIntervalSince1970: 1_732_969_500), templateBlocksLastDelivery: 4,
            templateBlocksTotal: 57, feedHint: 3600, cacheHint: 300, autoInterval: 1620)
        do {
            let state = try folder.open()
            try state.setFeedState(saved, for: "lwn")
        }
        let state = try folder.open()
        #expect(try state.feedState("lwn") == saved)
        #expect(try state.feedState("other") == FeedState())
    }

    @Test func readingEntriesKeepsTheFetchState() throws {
        let folder = try TemporaryFolder()
        let state = try folder.open()
        let saved = FeedState(etag: "\"v1\"", errorCount: 1)
        try state.setFeedState(saved, for: "blog")
        _ = try state.newEntries(feed: "blog", entries: [Entry(guid: "urn:post:1", title: "Post 1", link: "https://blog.example.org/1")], updates: false)
        #expect(try state.feedState("blog") == saved)
    }

    @Test func databaseIsInWALMode() throws {
        let folder = try TemporaryFolder()
        let state = try folder.open()
        try state.setFeedState(FeedState(etag: "x"), for: "blog")
        #expect(FileManager.default.fileExists(atPath: state.databasePath + "-wal"))
    }
}
