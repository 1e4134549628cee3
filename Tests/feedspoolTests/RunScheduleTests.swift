import Foundation
import Testing

/// `feedspool run`, the real binary against the fixture server: the
/// articles of due feeds arrive in the spool exactly once, and a gone feed
/// is named at start. When each feed is polled (intervals, back-off,
/// Retry-After, 410) is tested in-process on a test clock, in
/// Tests/PollerTests/DaemonScheduleTests.swift.
@Suite struct RunScheduleTests {
    @Test func theArticlesOfDueFeedsArriveInTheSpool() async throws {
        let workspace = try await OnceWorkspace()
        try workspace.serve("notes.rss")
        try workspace.serve("releases.atom")
        try workspace.configure("""
            \(workspace.url("/feeds/notes.rss")) name=notes
            \(workspace.url("/feeds/releases.atom")) name=releases
            """)
        let daemon = try DaemonProcess(in: workspace)
        #expect(try await eventually { try daemon.logged("feedspool: polled 2 feeds, delivered 5 articles") })
        #expect(try workspace.articles().compactMap(\.feedName).sorted()
            == ["notes", "notes", "notes", "releases", "releases"])
        #expect(try daemon.log().first == "feedspool: running: 2 feeds from feeds.conf, spool \(workspace.spool.path)")
        #expect(try workspace.temporaryFileNames() == [])
        #expect(daemon.isRunning)
    }

    @Test func aGoneFeedIsNamedWhenTheDaemonStarts() async throws {
        let workspace = try await OnceWorkspace()
        try workspace.serve("notes.rss")
        try workspace.setStatus("410", for: "notes.rss")
        try workspace.configure("\(workspace.url("/feeds/notes.rss")) name=oldblog")
        #expect(try await workspace.once().status == 1)

        let daemon = try DaemonProcess(in: workspace)
        #expect(try await eventually {
            try daemon.logged("feedspool: oldblog: not polled: gone (HTTP 410); `feedspool once oldblog` polls it again while run is stopped")
        })
        daemon.send(SIGTERM)
        #expect(await daemon.exitStatus(within: 60) == 0)
        #expect(try workspace.server.requests(for: "/feeds/notes.rss").count == 1)
    }

    @Test func aConfigurationErrorAtStartExitsTwoNamingEachLine() async throws {
        let workspace = try await OnceWorkspace()
        try workspace.configure("""
            intervall = 1h
            \(workspace.url("/feeds/notes.rss")) name=notes tags=
            """)
        let result = try await CommandRunner.run(["run"], in: workspace.folder.url)
        #expect(result.status == 2)
        #expect(result.stderrLines == [
            "feeds.conf:3: unknown setting \"intervall\" (did you mean \"interval\"?)",
            "feeds.conf:4: missing value for \"tags\"",
        ])
    }
}
