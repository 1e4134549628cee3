import FeedParser
import Foundation
import Spool
import State
import Testing

/// Keys are kept for the retention period after their entry leaves the feed.
@Suite("Retention of seen keys")
struct RetentionTests {
    static let day: TimeInterval = 86_400
    static let start = Date(timeIntervalSince1970: 1_700_000_000)

    @Test func keyOfEntryThatLeftIsForgottenAfterNinetyDays() throws {
        let folder = try TemporaryFolder()
        let (state, spool) = try folder.open()
        try poll([post(1), post(2)], state: state, spool: spool, now: Self.start)
        // Post 1 leaves the feed the next day.
        try poll([post(2)], state: state, spool: spool, now: Self.start + Self.day)
        #expect(try state.prune(now: Self.start + 89 * Self.day) == 0)
        #expect(try state.prune(now: Self.start + 91 * Self.day) == 1)
        #expect(try !state.isSeen(feed: "blog", key: "urn:post:1"))
        #expect(try state.isSeen(feed: "blog", key: "urn:post:2"))
    }

    @Test func keyOfEntryStillInTheFeedIsKeptHoweverOld() throws {
        let folder = try TemporaryFolder()
        let (state, spool) = try folder.open()
        // The feed stops answering after its first poll; its entry is still listed.
        try poll([post(1)], state: state, spool: spool, now: Self.start)
        #expect(try state.prune(now: Self.start + 400 * Self.day) == 0)
        #expect(try poll([post(1)], state: state, spool: spool, now: Self.start + 401 * Self.day).isEmpty)
    }

    @Test func retentionIsConfigurable() throws {
        let folder = try TemporaryFolder()
        let (state, spool) = try folder.open()
        try poll([post(1)], state: state, spool: spool, now: Self.start)
        try poll([post(2)], state: state, spool: spool, now: Self.start + Self.day)
        #expect(try state.prune(retention: 7 * Self.day, now: Self.start + 6 * Self.day) == 0)
        #expect(try state.prune(retention: 7 * Self.day, now: Self.start + 8 * Self.day) == 1)
    }

    @Test func forgottenEntryThatReturnsIsDeliveredAgain() throws {
        let folder = try TemporaryFolder()
        let (state, spool) = try folder.open()
        try poll([post(1)], state: state, spool: spool, now: Self.start)
        try poll([post(2)], state: state, spool: spool, now: Self.start + Self.day)
        try state.prune(now: Self.start + 100 * Self.day)
        #expect(try poll([post(1)], state: state, spool: spool, now: Self.start + 101 * Self.day).map(\.kind) == [.new])
    }

    @Test func forgottenFeedStartsAfresh() throws {
        let folder = try TemporaryFolder()
        let (state, spool) = try folder.open()
        try state.setFeedState(FeedState(etag: "\"v1\""), for: "blog")
        try poll([post(1)], state: state, spool: spool)
        try state.forgetFeed("blog")
        #expect(try state.feedState("blog") == FeedState())
        #expect(try !state.isSeen(feed: "blog", key: "urn:post:1"))
    }
}
