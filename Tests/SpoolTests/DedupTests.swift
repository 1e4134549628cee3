import FeedParser
import Foundation
@testable import Spool
@testable import State
import Testing

/// A seen entry is never spooled again, whichever key identifies it.
@Suite("Deduplication of seen entries")
struct DedupTests {
    @Test func entryWithAGuidIsDeliveredOnceAcrossPolls() throws {
        let folder = try TemporaryFolder()
        let (state, spool) = try folder.open()
        #expect(try poll([post(1), post(2)], state: state, spool: spool).map(\.key) == ["urn:post:1", "urn:post:2"])
        // The next document repeats both and adds one; the title of 1 changed, its guid did not.
        let again = try poll([post(3), post(2), post(1, title: "Post one, retitled")], state: state, spool: spool)
        #expect(again.map(\.key) == ["urn:post:3"])
        #expect(files(in: spool.newFolder).count == 3)
        #expect(try state.isSeen(feed: "blog", key: "urn:post:1"))
    }

    @Test func feedThatRepeatsGuidsIsKeyedByLink() throws {
        let folder = try TemporaryFolder()
        let (state, spool) = try folder.open()
        // A CMS that puts the feed's own URL in every guid.
        let entries = (1...3).map { number in
            Entry(guid: "https://blog.example.org/", title: "Post \(number)", link: "https://blog.example.org/\(number)")
        }
        let fresh = try poll(entries, state: state, spool: spool)
        #expect(fresh.map(\.key) == ["https://blog.example.org/1", "https://blog.example.org/2", "https://blog.example.org/3"])
        #expect(try poll(entries, state: state, spool: spool).isEmpty)
        #expect(files(in: spool.newFolder).count == 3)
    }

    @Test func feedKeepsLinkKeysOnceItHasRepeatedGuids() throws {
        let folder = try TemporaryFolder()
        let (state, _) = try folder.open()
        let twins = [Entry(guid: "same", link: "https://a.example/1"), Entry(guid: "same", link: "https://a.example/2")]
        _ = try state.newEntries(feed: "blog", entries: twins, updates: false)
        // The next document happens to have unique guids: still keyed by link.
        let next = try state.newEntries(feed: "blog", entries: [Entry(guid: "other", link: "https://a.example/3")], updates: false)
        #expect(next.map(\.key) == ["https://a.example/3"])
    }

    @Test func entriesDeliveredUnderTheirGuidAreNotRedeliveredWhenTheFeedStartsRepeatingGuids() throws {
        let folder = try TemporaryFolder()
        let (state, spool) = try folder.open()
        try poll([post(1), post(2)], state: state, spool: spool)
        // A broken release gives two new posts the same guid.
        let broken = [Entry(guid: "urn:dup", title: "New A", link: "https://blog.example.org/a"),
                      Entry(guid: "urn:dup", title: "New B", link: "https://blog.example.org/b"),
                      post(2), post(1)]
        let fresh = try poll(broken, state: state, spool: spool)
        #expect(fresh.map(\.key) == ["https://blog.example.org/a", "https://blog.example.org/b"])
        #expect(try poll(broken, state: state, spool: spool).isEmpty)
        #expect(files(in: spool.newFolder).count == 4)
    }

    @Test func entryWithoutGuidOrLinkIsKeyedByHashOfTitleAndContent() throws {
        let folder = try TemporaryFolder()
        let (state, spool) = try folder.open()
        let bare = [Entry(title: "Outage", content: "<p>Down.</p>"), Entry(title: "Outage", content: "<p>Up again.</p>")]
        let fresh = try poll(bare, state: state, spool: spool)
        #expect(fresh.count == 2)
        #expect(fresh.allSatisfy { $0.key.hasPrefix("sha256:") && $0.key.count == 71 })
        #expect(Set(fresh.map(\.key)).count == 2)
        #expect(try poll(bare.reversed(), state: state, spool: spool).isEmpty)
    }

    @Test func sameEntryTwiceInOneDocumentIsDeliveredOnce() throws {
        let folder = try TemporaryFolder()
        let (state, spool) = try folder.open()
        let twice = [Entry(title: "Same", content: "<p>Same.</p>"), Entry(title: "Same", content: "<p>Same.</p>")]
        #expect(try poll(twice, state: state, spool: spool).count == 1)
        #expect(files(in: spool.newFolder).count == 1)
    }

    @Test func emptyGuidCountsAsNoGuid() throws {
        let folder = try TemporaryFolder()
        let (state, _) = try folder.open()
        let fresh = try state.newEntries(feed: "blog", entries: [Entry(guid: "", link: "https://a.example/1")], updates: false)
        #expect(fresh.map(\.key) == ["https://a.example/1"])
    }

    @Test func feedsDoNotShareKeys() throws {
        let folder = try TemporaryFolder()
        let (state, spool) = try folder.open()
        try poll([post(1)], state: state, spool: spool)
        let other = FeedInfo(name: "mirror", url: "https://mirror.example/feed")
        #expect(try poll([post(1)], state: state, spool: spool, feed: other).count == 1)
        #expect(files(in: spool.newFolder).count == 2)
    }

    @Test func staleListOfNewArticlesIsNotDeliveredTwice() throws {
        let folder = try TemporaryFolder()
        let (state, spool) = try folder.open()
        let fresh = try state.newEntries(feed: "blog", entries: [post(1)], updates: false)
        try spool.deliver(articles(fresh), feed: "blog", state: state)
        try spool.deliver(articles(fresh), feed: "blog", state: state)
        #expect(files(in: spool.newFolder).count == 1)
    }

    @Test func secondProcessCannotOpenTheSameStateFolder() throws {
        let folder = try TemporaryFolder()
        let (state, _) = try folder.open()
        #expect(throws: StorageError.self) { try StateStore.open(folder: state.folder) }
        _ = state
    }

    @Test func readingAFeedLeavesTheStoreSyncingEveryCommit() throws {
        let folder = try TemporaryFolder()
        let (state, _) = try folder.open()
        _ = try state.newEntries(feed: "blog", entries: [post(1)], updates: false)
        // newEntries commits without a sync; the delivery's commits after it must sync (FULL = 2).
        let synchronous = try state.withDatabase { database throws(StorageError) in
            try database.statement("PRAGMA synchronous").firstRow([]) { $0.integer(0) }
        }
        #expect(synchronous == 2)
    }

    @Test func feedsDeliveredFromSeveralThreadsAtOnceEachGetEveryArticleOnce() throws {
        let folder = try TemporaryFolder()
        let (state, spool) = try folder.open()
        let failures = LockedCounter()
        DispatchQueue.concurrentPerform(iterations: 4) { feed in
            let info = FeedInfo(name: "feed-\(feed)", url: "https://example.org/\(feed)")
            for round in 0..<5 {
                do {
                    try poll((round..<(round + 3)).map { post($0) }, state: state, spool: spool, feed: info)
                } catch {
                    failures.increment()
                }
            }
        }
        #expect(failures.value == 0)
        #expect(files(in: spool.newFolder).count == 4 * 7)
    }
}

/// A counter tests on several threads may bump.
final class LockedCounter: @unchecked Sendable {
    private let lock = NSLock()
    private var count = 0
    var value: Int { lock.withLock { count } }
    func increment() { lock.withLock { count += 1 } }
}
