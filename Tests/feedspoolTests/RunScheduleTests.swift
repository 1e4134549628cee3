import Foundation
import Testing

/// `feedspool run` polls each feed when it is due, and only then: the
/// articles of due feeds arrive in the spool exactly once, a feed is not
/// polled again before its interval, and feeds that are gone or whose
/// server asked to wait are left alone. The server's request log tells
/// when each feed was fetched.
@Suite struct RunScheduleTests {
    @Test func theArticlesOfDueFeedsArriveInTheSpool() throws {
        let workspace = try OnceWorkspace()
        try workspace.serve("notes.rss")
        try workspace.serve("releases.atom")
        try workspace.configure("""
            \(workspace.url("/feeds/notes.rss")) name=notes
            \(workspace.url("/feeds/releases.atom")) name=releases
            """)
        let daemon = try DaemonProcess(in: workspace)
        #expect(try eventually { try daemon.logged("feedspool: polled 2 feeds, delivered 5 articles") })
        #expect(try workspace.articles().compactMap(\.feedName).sorted()
            == ["notes", "notes", "notes", "releases", "releases"])
        #expect(try daemon.log().first == "feedspool: running: 2 feeds from feeds.conf, spool \(workspace.spool.path)")
        #expect(try workspace.temporaryFileNames() == [])
        #expect(daemon.isRunning)
    }

    @Test func aFeedIsNotPolledAgainBeforeItsInterval() throws {
        let workspace = try OnceWorkspace()
        try workspace.serve("notes.rss")
        try workspace.serve("releases.atom")
        try workspace.configure("""
            \(workspace.url("/feeds/notes.rss")) name=often interval=1s
            \(workspace.url("/feeds/releases.atom")) name=hourly
            """)
        let daemon = try DaemonProcess(in: workspace)
        #expect(try eventually { try workspace.server.requests(for: "/feeds/notes.rss").count >= 4 })

        let times = try workspace.server.requests(for: "/feeds/notes.rss").map(\.time)
        for (earlier, later) in zip(times, times.dropFirst()) {
            // The next poll is due an interval after the last one was
            // recorded, which is after its request reached the server.
            #expect(later - earlier >= 1.0, "polled again after \(later - earlier) s")
        }
        #expect(try workspace.server.requests(for: "/feeds/releases.atom").count == 1)
        // Polled over and over, each entry is delivered once.
        #expect(try workspace.articles().count == 5)
        #expect(daemon.isRunning)
    }

    @Test func feedsThatAreGoneOrAskedToWaitAreNotPolledAgain() throws {
        let workspace = try OnceWorkspace()
        for name in ["notes.rss", "gone.rss", "busy.rss"] { try workspace.serve("notes.rss", as: name) }
        try workspace.setStatus("410", for: "gone.rss")
        try workspace.setStatus("503 3600", for: "busy.rss")
        try workspace.configure("""
            interval = 1s
            \(workspace.url("/feeds/notes.rss")) name=often
            \(workspace.url("/feeds/gone.rss")) name=gone
            \(workspace.url("/feeds/busy.rss")) name=busy
            """)
        let started = Date()
        let daemon = try DaemonProcess(in: workspace)
        #expect(try eventually { try workspace.server.requests(for: "/feeds/notes.rss").count >= 4 })

        #expect(try workspace.server.requests(for: "/feeds/gone.rss").count == 1)
        #expect(try workspace.server.requests(for: "/feeds/busy.rss").count == 1)
        let log = try daemon.log()
        #expect(log.contains("feedspool: gone: HTTP 410 Gone: the feed was removed; it is polled again only when named"))
        let retry = [started, Date()].map { utcHoursAndMinutes($0.addingTimeInterval(3600)) }
        #expect(retry.contains { log.contains("feedspool: busy: HTTP 503, retrying after \($0) UTC") })
        #expect(log.contains("feedspool: polled 3 feeds, delivered 3 articles, 2 failed"))
    }

    @Test func aGoneFeedIsNamedWhenTheDaemonStarts() throws {
        let workspace = try OnceWorkspace()
        try workspace.serve("notes.rss")
        try workspace.setStatus("410", for: "notes.rss")
        try workspace.configure("\(workspace.url("/feeds/notes.rss")) name=oldblog")
        #expect(try workspace.once().status == 1)

        let daemon = try DaemonProcess(in: workspace)
        #expect(try eventually {
            try daemon.logged("feedspool: oldblog: not polled: gone (HTTP 410); `feedspool once oldblog` polls it again while run is stopped")
        })
        daemon.send(SIGTERM)
        #expect(daemon.exitStatus(within: 60) == 0)
        #expect(try workspace.server.requests(for: "/feeds/notes.rss").count == 1)
    }

    @Test func aConfigurationErrorAtStartExitsTwoNamingEachLine() throws {
        let workspace = try OnceWorkspace()
        try workspace.configure("""
            intervall = 1h
            \(workspace.url("/feeds/notes.rss")) name=notes tags=
            """)
        let result = try CommandRunner.run(["run"], in: workspace.folder.url)
        #expect(result.status == 2)
        #expect(result.stderrLines == [
            "feeds.conf:3: unknown setting \"intervall\" (did you mean \"interval\"?)",
            "feeds.conf:4: missing value for \"tags\"",
        ])
    }
}
