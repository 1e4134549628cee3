import Foundation
import Poller
import Testing

/// `backlog` in the daemon, in-process on a test clock: each feed's first
/// reading is cut to its newest entries, a feed added by a reload too, and
/// later rounds deliver what the feeds add.
@Suite struct DaemonBacklogTests {
    static let notes = "http://feeds.test/notes.rss"
    static let added = "http://feeds.test/added.rss"

    @Test func aFeedAddedByAReloadIsCutOnItsFirstPollAndLaterRoundsDeliverWhatIsNew() throws {
        let world = try DaemonWorld(answers: [Self.notes: .document(rss("notes", items: 30)),
                                              Self.added: .document(rss("added", items: 12))])
        try world.configure("interval = 1m\nbacklog = 4\n\(Self.notes) name=notes")
        let host = TestHost(clock: world.clock, stopAt: DaemonWorld.start.addingTimeInterval(150))
        host.onSleep = { count in
            if count == 1 {
                try? world.configure("interval = 1m\nbacklog = 4\n\(Self.notes) name=notes\n\(Self.added) name=added")
                return DaemonRequests(reload: true)
            }
            // Undated items are cut in document order; after the first
            // reading, item 31 is new wherever the document lists it.
            world.fetcher.answer(Self.notes, with: .document(rss("notes", items: 31)))
            return DaemonRequests()
        }
        try world.run(host)

        #expect(world.fetcher.times(Self.notes).count >= 2)
        let delivered = try world.delivered().map { file in
            let data = try Data(contentsOf: URL(fileURLWithPath: world.spool.newFolder + "/" + file))
            return try #require((try JSONSerialization.jsonObject(with: data) as? [String: Any])?["guid"] as? String)
        }
        #expect(delivered.sorted() == [
            "urn:added:1", "urn:added:2", "urn:added:3", "urn:added:4",
            "urn:notes:1", "urn:notes:2", "urn:notes:3", "urn:notes:31", "urn:notes:4",
        ])
    }
}
