import Config
import Fetcher
import Foundation
@testable import Poller
import Spool
import State
import Testing

/// A feed whose record cannot be read fails, and nothing is written back: a
/// blank record would erase its validators, failures and Retry-After.
@Suite struct UnreadableStateTests {
    @Test func aFeedWhoseRecordCannotBeReadFailsAndKeepsNothingToWrite() throws {
        let world = try DaemonWorld(answers: [:])
        try world.configure("http://feeds.test/notes.rss name=notes")
        let feed = try #require(try ConfigLoader.load(path: world.configPath).feeds.first)
        let state = try world.store()
        try state.setFeedState(FeedState(etag: "\"v1\"", errorCount: 2), for: "notes")
        // Another process breaks the store under the open connection.
        let python = Process()
        python.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        python.arguments = ["python3", "-c", """
            import sqlite3, sys
            c = sqlite3.connect(sys.argv[1]); c.execute("ALTER TABLE feeds RENAME TO feeds_elsewhere"); c.commit()
            """, world.folder + "/state/state.sqlite"]
        try python.run()
        python.waitUntilExit()
        #expect(python.terminationStatus == 0)

        let poll = FeedPoll(feed: feed, state: state, pageFetcher: nil,
                            poison: PoisonGuard(stateFolder: world.folder + "/state"))
        let response = FetchResponse(id: 0, url: feed.url, effectiveURL: feed.url, status: 200,
                                     body: Array("<rss version=\"2.0\"><channel><title>t</title></channel></rss>".utf8))
        let prepared = poll.prepare(.success(response), now: DaemonWorld.start)
        #expect(prepared.record == nil)
        guard case .failed(let reason) = prepared.outcome else {
            Issue.record("the poll did not fail: \(prepared.outcome)")
            return
        }
        #expect(reason.hasPrefix("cannot read its record in the state store, nothing delivered"))
        #expect(prepared.articles == nil)
    }
}
