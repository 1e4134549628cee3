import Foundation
import Testing

/// `feedspool once` given a configuration or command line it cannot use:
/// exit 2, the problem on stderr, and nothing polled, created or delivered.
@Suite struct OnceBadInputTests {
    @Test func aBrokenConfigurationLineExitsTwoAndDeliversNothing() async throws {
        let workspace = try await OnceWorkspace()
        try workspace.serve("notes.rss")
        try workspace.serve("releases.atom")
        try workspace.configure("""
            \(workspace.url("/feeds/notes.rss")) name=notes
            \(workspace.url("/feeds/releases.atom")) name=releases intervall=30m
            """)
        let result = try await workspace.once()
        #expect(result.status == 2)
        // After the two lines `configure` writes: spool and state.
        #expect(result.stderr == #"feeds.conf:4: unknown option "intervall" (did you mean "interval"?)"# + "\n")
        #expect(result.stdout == "")
        #expect(try workspace.server.requests().isEmpty)
        #expect(!FileManager.default.fileExists(atPath: workspace.spool.path))
        #expect(!FileManager.default.fileExists(atPath: workspace.folder.url.appendingPathComponent("state").path))

        try workspace.configure("""
            \(workspace.url("/feeds/notes.rss")) name=notes
            \(workspace.url("/feeds/releases.atom")) name=releases interval=30m
            """)
        let fixed = try await workspace.once()
        #expect(fixed.status == 0)
        #expect(fixed.stderr == "")
        #expect(try workspace.newFileNames().count == 5)
    }

    @Test func anUnknownFeedNameExitsTwoAndPollsNothing() async throws {
        let workspace = try await OnceWorkspace()
        try workspace.serve("notes.rss")
        try workspace.configure("\(workspace.url("/feeds/notes.rss")) name=notes")
        let result = try await workspace.once(["notes", "nope"])
        #expect(result.status == 2)
        #expect(result.stderr == "feedspool: no feed named nope in feeds.conf\n")
        #expect(result.stdout == "")
        #expect(try workspace.server.requests().isEmpty)
        #expect(!FileManager.default.fileExists(atPath: workspace.spool.path))

        let named = try await workspace.once(["notes"])
        #expect(named.status == 0)
        #expect(named.stderr == "")
        #expect(try workspace.newFileNames().count == 3)
    }
}
