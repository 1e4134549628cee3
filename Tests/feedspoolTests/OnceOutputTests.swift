import Foundation
import Testing

/// What `feedspool once` prints for cron and pipes: one summary line on
/// stderr when it delivered or failed anything, nothing otherwise;
/// `--quiet` leaves the summary out, `--verbose` adds a line per feed.
@Suite struct OnceOutputTests {
    /// A feed of three entries and one that answers 404.
    private func workspace() async throws -> OnceWorkspace {
        let workspace = try await OnceWorkspace()
        try workspace.serve("notes.rss")
        try workspace.configure("""
            \(workspace.url("/feeds/notes.rss")) name=notes
            \(workspace.url("/status/404")) name=missing
            """)
        return workspace
    }

    @Test func aRunThatDeliversOrFailsEndsWithOneSummaryLine() async throws {
        let workspace = try await workspace()
        let first = try await workspace.once(summary: true)
        #expect(first.status == 1)
        #expect(first.stderrLines == ["feedspool: missing: HTTP 404", "feedspool: 2 feeds, 3 new, 0 updated, 1 failed"])

        let second = try await workspace.once(summary: true)
        #expect(second.stderrLines == ["feedspool: missing: HTTP 404", "feedspool: 2 feeds, 0 new, 0 updated, 1 failed"])
    }

    @Test func aRunWithNothingNewAndNothingFailedPrintsNothing() async throws {
        let workspace = try await OnceWorkspace()
        try workspace.serve("notes.rss")
        try workspace.configure("\(workspace.url("/feeds/notes.rss")) name=notes")
        #expect(try await workspace.once(summary: true).stderr == "feedspool: 1 feed, 3 new, 0 updated\n")
        let second = try await workspace.once(summary: true)
        #expect(second.status == 0)
        #expect(second.stderr == "")
        #expect(second.stdout == "")
    }

    @Test func quietLeavesOutTheSummaryButNotTheFailures() async throws {
        let workspace = try await workspace()
        let result = try await workspace.once(["--quiet"], summary: true)
        #expect(result.status == 1)
        #expect(result.stderr == "feedspool: missing: HTTP 404\n")
        #expect(try workspace.newFileNames().count == 3)
    }

    @Test func verboseAddsOneLinePerFeedPolled() async throws {
        let workspace = try await workspace()
        let first = try await workspace.once(["--verbose"], summary: true)
        #expect(first.stderrLines == [
            "feedspool: missing: HTTP 404", "feedspool: notes: 3 new", "feedspool: 2 feeds, 3 new, 0 updated, 1 failed",
        ])
        let second = try await workspace.once(["-v"], summary: true)
        #expect(second.stderrLines == [
            "feedspool: missing: HTTP 404", "feedspool: notes: not modified",
            "feedspool: 2 feeds, 0 new, 0 updated, 1 failed",
        ])
    }

    @Test func quietAndVerboseTogetherAreAUsageError() async throws {
        let workspace = try await workspace()
        let result = try await workspace.once(["--quiet", "--verbose"], summary: true)
        #expect(result.status == 2)
        #expect(result.stderr.contains("--quiet and --verbose exclude each other"))
        #expect(try workspace.newFileNames() == [])
    }

    @Test func anUpdateIsCountedAsUpdatedInTheSummaryAndTheStatus() async throws {
        let workspace = try await OnceWorkspace()
        try workspace.serve("notes.rss")
        try workspace.configure("\(workspace.url("/feeds/notes.rss")) name=notes updates=yes")
        #expect(try await workspace.once(summary: true).status == 0)
        try workspace.serve("notes-edited.rss", as: "notes.rss")
        let second = try await workspace.once(summary: true)
        #expect(second.stderr == "feedspool: 1 feed, 0 new, 1 updated\n")
        let status = try await CommandRunner.run(["status"], in: workspace.folder.url)
        let line = try #require(status.stdout.split(separator: "\n").last).split(separator: "\t")
        #expect(line[2] == "ok: 0 new, 1 updated")
    }
}
