import FeedParser
import Foundation
import Spool
import State
import Testing

/// `updates=yes`: a changed entry is delivered again as `"kind": "update"`.
@Suite("Updated entries")
struct UpdateTests {
    @Test func changedContentIsRedeliveredAsUpdateWhenUpdatesAreOn() throws {
        let folder = try TemporaryFolder()
        let (state, spool) = try folder.open()
        try poll([post(1)], state: state, spool: spool, updates: true)
        let again = try poll([post(1, content: "<p>Corrected.</p>")], state: state, spool: spool, updates: true,
                             now: Date().addingTimeInterval(60))
        #expect(again.map(\.kind) == [.update])
        let kinds = try documents(in: spool.newFolder).compactMap { $0["kind"] as? String }
        #expect(kinds == ["new", "update"])
        let ids = Set(try documents(in: spool.newFolder).compactMap { $0["id"] as? String })
        #expect(ids.count == 1)
    }

    @Test func laterUpdatedDateIsRedeliveredAsUpdate() throws {
        let folder = try TemporaryFolder()
        let (state, _) = try folder.open()
        var entry = post(1)
        entry.updated = Date(timeIntervalSince1970: 1_700_000_000)
        try deliverAll(state.newEntries(feed: "blog", entries: [entry], updates: true), state)
        entry.updated = Date(timeIntervalSince1970: 1_700_003_600)
        #expect(try state.newEntries(feed: "blog", entries: [entry], updates: true).map(\.kind) == [.update])
    }

    @Test func unchangedEntryIsNotRedelivered() throws {
        let folder = try TemporaryFolder()
        let (state, spool) = try folder.open()
        try poll([post(1)], state: state, spool: spool, updates: true)
        #expect(try poll([post(1)], state: state, spool: spool, updates: true).isEmpty)
    }

    @Test func updateIsDeliveredOnceNotOnEveryPoll() throws {
        let folder = try TemporaryFolder()
        let (state, spool) = try folder.open()
        try poll([post(1)], state: state, spool: spool, updates: true)
        let changed = post(1, content: "<p>Corrected.</p>")
        try poll([changed], state: state, spool: spool, updates: true, now: Date().addingTimeInterval(60))
        #expect(try poll([changed], state: state, spool: spool, updates: true, now: Date().addingTimeInterval(120)).isEmpty)
        #expect(files(in: spool.newFolder).count == 2)
    }

    @Test func changedEntryIsIgnoredWhenUpdatesAreOff() throws {
        let folder = try TemporaryFolder()
        let (state, spool) = try folder.open()
        try poll([post(1)], state: state, spool: spool)
        #expect(try poll([post(1, content: "<p>Corrected.</p>")], state: state, spool: spool).isEmpty)
    }

    private func deliverAll(_ fresh: [NewEntry], _ state: StateStore) throws {
        let folder = try TemporaryFolder()
        try Spool(path: folder.path).deliver(articles(fresh), feed: "blog", state: state)
    }
}
