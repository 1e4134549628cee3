import Foundation
import Testing

/// While `feedspool run` holds the state folder's lock, `feedspool status`
/// reads the state alongside it, and `feedspool once`, a second writer, is
/// refused with a message naming the lock.
@Suite struct RunLockTests {
    @Test func statusShowsWhatEachFeedAnsweredWhileRunPolls() async throws {
        let workspace = try await OnceWorkspace()
        try workspace.serve("notes.rss")
        try workspace.serve("notes.rss", as: "busy.rss")
        try workspace.setStatus("503 3600", for: "busy.rss")
        try workspace.configure("""
            \(workspace.url("/feeds/notes.rss")) name=often interval=1s
            \(workspace.url("/feeds/busy.rss")) name=busy
            """)
        let daemon = try DaemonProcess(in: workspace)
        #expect(try await eventually { try daemon.logged("feedspool: polled 2 feeds, delivered 3 articles, 1 failed") })
        let state = workspace.folder.url.appendingPathComponent("state").path
        #expect(try FileManager.default.attributesOfItem(atPath: state)[.posixPermissions] as? Int == 0o700)

        // Over and over while the daemon records a poll of `often` every second.
        let polled = try workspace.server.requests(for: "/feeds/notes.rss").count
        var problems: [String] = []
        #expect(try await eventually {
            let status = try await CommandRunner.run(["status"], in: workspace.folder.url)
            if status.status != 0 || !status.stderr.isEmpty { problems.append("\(status.status): \(status.stderr)") }
            return try workspace.server.requests(for: "/feeds/notes.rss").count >= polled + 2
        })
        #expect(problems == [])

        // A third request comes an interval after the second was recorded.
        let status = try await CommandRunner.run(["status"], in: workspace.folder.url)
        let lines = status.stdout.split(separator: "\n").map { $0.split(separator: "\t").map(String.init) }
        #expect(lines.first == ["feed", "last poll", "result", "failures", "next poll", "notes", "template"])
        let often = try #require(lines.first { $0.first == "often" })
        #expect(often[2] == "not modified")
        #expect(often[3] == "0")
        let busy = try #require(lines.first { $0.first == "busy" })
        #expect(busy[2].hasPrefix("error: "))
        #expect(busy[3] == "1")
        #expect(busy[5].hasPrefix("server asked to wait until "))
        #expect(daemon.isRunning)
    }

    @Test func onceIsRefusedNamingTheLockWhileRunRuns() async throws {
        let workspace = try await OnceWorkspace()
        try workspace.serve("notes.rss")
        try workspace.configure("\(workspace.url("/feeds/notes.rss")) name=notes")
        let daemon = try DaemonProcess(in: workspace)
        #expect(try await eventually { try daemon.logged("feedspool: polled 1 feed, delivered 3 articles") })

        let once = try await workspace.once()
        #expect(once.status == 1)
        let lock = workspace.folder.url.appendingPathComponent("state/lock").path
        #expect(once.stderrLines == [
            "feedspool: cannot lock \(lock): held by another feedspool process (is `feedspool run` running?)",
        ])
        #expect(try workspace.server.requests(for: "/feeds/notes.rss").count == 1)
        #expect(daemon.isRunning)

        daemon.send(SIGTERM)
        #expect(await daemon.exitStatus(within: 60) == 0)
        #expect(try await workspace.once().status == 0)
    }
}
