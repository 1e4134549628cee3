import FeedParser
import Foundation
@testable import Spool
@testable import State
import Testing

/// Delivering the articles of several feeds in one batch (group commit):
/// the same exactly-once guarantees as one feed a batch, per feed.
@Suite("Batches of several feeds")
struct BatchTests {
    private let news = FeedInfo(name: "news", url: "https://news.example.org/rss", tags: [])

    /// One part of a batch: `entries` of `feed` as `newEntries` offers them.
    private func part(_ entries: [Entry], _ feed: FeedInfo, _ state: StateStore) throws -> Spool.FeedArticles {
        let fresh = try state.newEntries(feed: feed.name, entries: entries, updates: false)
        return Spool.FeedArticles(feed: feed.name, articles: articles(fresh, feed: feed))
    }

    @Test func batchDeliversEveryFeedsArticlesOnceAndSaysWhichFilesAreWhose() throws {
        let folder = try TemporaryFolder()
        let (state, spool) = try folder.open()
        let batch = [try part([post(1), post(2)], blog, state), try part([post(1)], news, state),
                     Spool.FeedArticles(feed: "quiet", articles: [])]
        let delivered = try spool.deliver(batch, state: state)
        #expect(delivered["blog"]?.count == 2 && delivered["news"]?.count == 1 && delivered["quiet"] == nil)
        #expect(files(in: spool.newFolder) == (delivered["blog"]! + delivered["news"]!).sorted())
        #expect(try state.isSeen(feed: "news", key: "urn:post:1") && state.isSeen(feed: "blog", key: "urn:post:2"))
        #expect(try state.pendingCount() == 0)
        // Delivering the same batch again delivers nothing.
        #expect(try spool.deliver(batch, state: state).isEmpty)
        #expect(files(in: spool.newFolder).count == 3)
    }

    @Test func batchFinishesLeftoversOfItsFeedsWithTheNewArticles() throws {
        let folder = try TemporaryFolder()
        let (state, spool) = try folder.open()
        try FileManager.default.createDirectory(atPath: spool.temporaryFolder, withIntermediateDirectories: true)
        let left = try state.newEntries(feed: "blog", entries: [post(1)], updates: false)
        let planned = try state.plan(articles(left), now: Date())
        for article in planned {
            try Data(article.json).write(to: URL(fileURLWithPath: spool.temporaryFolder + "/" + article.row.file))
        }
        try state.recordPending(planned.map(\.row))
        let delivered = try spool.deliver([try part([post(2)], blog, state), try part([post(3)], news, state)], state: state)
        #expect(delivered["blog"]?.count == 2 && delivered["news"]?.count == 1)
        #expect(try state.pendingCount() == 0)
        #expect(files(in: spool.newFolder).count == 3)
    }

    @Test func unwritableSpoolFailsTheWholeBatchAndEveryFeedIsOfferedAgain() throws {
        let folder = try TemporaryFolder()
        let (state, _) = try folder.open()
        // A file where the spool's folder should be.
        try Data().write(to: URL(fileURLWithPath: folder.path + "/spool"))
        let spool = Spool(path: folder.path + "/spool")
        let batch = [try part([post(1)], blog, state), try part([post(2)], news, state)]
        #expect(throws: StorageError.self) { try spool.deliver(batch, state: state) }
        #expect(try state.pendingCount() == 0)
        #expect(try state.newEntries(feed: "blog", entries: [post(1)], updates: false).count == 1)
        #expect(try state.newEntries(feed: "news", entries: [post(2)], updates: false).count == 1)
    }

    @Test func failureWritingFilesAbandonsTheNewArticlesButKeepsLeftovers() throws {
        let disk = try #require(try SmallFileSystem(size: "64k"), "needs root to mount a tmpfs")
        let state = try StateStore.open(folder: FileManager.default.temporaryDirectory.path + "/feedspool-batch-\(UUID().uuidString)")
        let spool = Spool(path: disk.path + "/spool")
        try FileManager.default.createDirectory(atPath: spool.temporaryFolder, withIntermediateDirectories: true)
        let left = try state.newEntries(feed: "blog", entries: [post(1)], updates: false)
        let planned = try state.plan(articles(left), now: Date())
        for article in planned {
            try Data(article.json).write(to: URL(fileURLWithPath: spool.temporaryFolder + "/" + article.row.file))
        }
        try state.recordPending(planned.map(\.row))
        let big = String(repeating: "<p>All work and no play makes Jack a dull boy.</p>", count: 400)
        let fresh = try state.newEntries(feed: "news", entries: (1...5).map { post($0, content: big) }, updates: false)
        let heavy = fresh.map { item in
            var article = articles([item], feed: news)[0]
            article.contentHTML = item.entry.content
            return article
        }
        #expect(throws: StorageError.self) {
            try spool.deliver([Spool.FeedArticles(feed: "blog", articles: []), Spool.FeedArticles(feed: "news", articles: heavy)],
                              state: state)
        }
        // The leftover stays pending for the next attempt; the new articles
        // are forgotten and offered again; nothing reached new/.
        #expect(try state.pendingCount() == 1)
        #expect(try state.newEntries(feed: "news", entries: (1...5).map { post($0, content: big) }, updates: false).count == 5)
        #expect(files(in: spool.newFolder).isEmpty)
        try disk.remount("size=4m")
        #expect(try spool.recover(state: state).moved == 1)
        #expect(files(in: spool.newFolder).count == 1)
    }

    @Test func aFeedTwiceInOneBatchIsRefused() throws {
        let folder = try TemporaryFolder()
        let (state, spool) = try folder.open()
        let once = try part([post(1)], blog, state)
        #expect(throws: StorageError.self) { try spool.deliver([once, once], state: state) }
        #expect(files(in: spool.newFolder).isEmpty)
    }
}
