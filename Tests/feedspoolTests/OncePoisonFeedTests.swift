import Foundation
import Testing

/// A feed that crashes feedspool while it is parsed: after two crashes in a
/// row on the same document it is quarantined, logged and shown in
/// `status`, and the other feeds are delivered; a changed document is
/// parsed again. The crash is the debug builds' `FEEDSPOOL_CRASH_AT`
/// (`parse-NAME`), standing for any input that kills the process.
@Suite struct OncePoisonFeedTests {
    @Test func aFeedInFlightAtTwoCrashesInARowIsQuarantinedAndTheOthersDeliver() async throws {
        let workspace = try await OnceWorkspace()
        try workspace.serve("notes.rss")
        try workspace.serve("releases.atom")
        try workspace.configure("""
            \(workspace.url("/feeds/notes.rss")) name=notes
            \(workspace.url("/feeds/releases.atom")) name=releases
            """)
        let crash = ["FEEDSPOOL_CRASH_AT": "parse-releases:1"]
        #expect(try await workspace.once(environment: crash).status == 137)
        let second = try await workspace.once(environment: crash)
        #expect(second.status == 137)
        #expect(second.stderr.contains(
            "feedspool: warning: releases: feedspool stopped while parsing it; once more in a row and it is quarantined\n"))

        let third = try await workspace.once()
        #expect(third.status == 1)
        #expect(third.stderr.contains("feedspool: warning: releases: quarantined: feedspool stopped twice in a row"))
        #expect(third.stderr.contains("feedspool: releases: quarantined: "))
        let names = try workspace.articles().map { $0.feed("name") as? String }
        #expect(names.filter { $0 == "notes" }.count == 3)
        #expect(!names.contains("releases"))
        let status = try await CommandRunner.run(["status"], in: workspace.folder.url)
        let line = try #require(status.stdout.split(separator: "\n").first { $0.hasPrefix("releases\t") })
        #expect(line.contains("quarantined: feedspool stopped twice while parsing it"))

        // The same document stays quarantined; a changed one is parsed again.
        #expect(try await workspace.once().status == 1)
        let feed = workspace.www.appendingPathComponent("releases.atom")
        try (try String(contentsOf: feed, encoding: .utf8) + "\n").write(to: feed, atomically: true, encoding: .utf8)
        let changed = try await workspace.once()
        #expect(changed.status == 0)
        #expect(changed.stderr == "")
        #expect(try workspace.articles().filter { $0.feed("name") as? String == "releases" }.count == 2)
        let after = try await CommandRunner.run(["status"], in: workspace.folder.url)
        #expect(!after.stdout.contains("quarantined"))
    }
}
