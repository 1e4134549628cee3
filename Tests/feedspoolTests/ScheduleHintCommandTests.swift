import Foundation
import Testing

/// The schedule beyond the interval, as a user sees it with the real binary and the fixture
/// server: jitter parting feeds, a server's `Cache-Control` or a feed's `<ttl>` as "server
/// hint", `interval = auto` measured from the entries' dates, and the systemd watchdog.
/// When polls happen over days is tested in-process (Tests/PollerTests/DaemonHintTests.swift).
@Suite struct ScheduleHintCommandTests {
    /// The objects `status --json` prints, by feed name.
    private func status(_ workspace: OnceWorkspace) async throws -> [String: [String: Any]] {
        let result = try await CommandRunner.run(["status", "--json"], in: workspace.folder.url)
        #expect(result.status == 0)
        let array = try #require(try JSONSerialization.jsonObject(with: result.stdoutData) as? [[String: Any]])
        return Dictionary(uniqueKeysWithValues: array.map { ($0["name"] as? String ?? "", $0) })
    }

    /// Seconds from a feed's last poll to its next, by `status --json`.
    private func wait(_ feed: [String: Any]?) throws -> Double {
        let format = ISO8601DateFormatter()
        let last = try #require((feed?["last_poll"] as? String).flatMap { format.date(from: $0) })
        let next = try #require((feed?["next_poll"] as? String).flatMap { format.date(from: $0) })
        return next.timeIntervalSince(last)
    }

    /// Makes `/feeds/name` answer with these extra header lines.
    private func setHeaders(_ lines: String, for name: String, in workspace: OnceWorkspace) throws {
        try Data(lines.utf8).write(to: workspace.www.appendingPathComponent(name + ".headers"))
    }

    @Test func feedsWithOneIntervalAreDueAtTimesSpreadByTheirJitter() async throws {
        let workspace = try await OnceWorkspace()
        try workspace.serve("notes.rss")
        let names = (1...8).map { "notes\($0)" }
        try workspace.configure("interval = 1h\njitter = 10%\n"
            + names.map { "\(workspace.url("/feeds/notes.rss"))?\($0) name=\($0)" }.joined(separator: "\n"))
        #expect(try await workspace.once().status == 0)

        let feeds = try await status(workspace)
        let waits = try names.map { try wait(feeds[$0]) }
        #expect(waits.allSatisfy { $0 >= 3240 - 1 && $0 <= 3960 + 1 })
        #expect(Set(waits).count >= 6)
        #expect(names.allSatisfy { feeds[$0]?["next_poll_reason"] as? String == "interval" })
    }

    @Test func aServersMaxAgeOrAFeedsTTLLongerThanTheIntervalIsTheServerHint() async throws {
        let workspace = try await OnceWorkspace()
        try workspace.serve("notes.rss")
        try setHeaders("Cache-Control: public, max-age=7200\n", for: "notes.rss", in: workspace)
        let ttl = try String(contentsOf: FeedServer.fixtures.appendingPathComponent("notes.rss"), encoding: .utf8)
            .replacingOccurrences(of: "<channel>", with: "<channel><ttl>180</ttl>")
        try Data(ttl.utf8).write(to: workspace.www.appendingPathComponent("ttl.rss"))
        try workspace.configure("""
            interval = 1h
            jitter = 0%
            \(workspace.url("/feeds/notes.rss")) name=cached
            \(workspace.url("/feeds/ttl.rss")) name=ttl
            \(workspace.url("/feeds/ttl.rss"))?short name=short interval=1d
            """)
        #expect(try await workspace.once().status == 0)
        // A 304 keeps the hint: its headers say the same.
        #expect(try await workspace.once(["cached"]).status == 0)

        let feeds = try await status(workspace)
        #expect(feeds["cached"]?["result"] as? String == "not modified")
        #expect(feeds["cached"]?["next_poll_reason"] as? String == "server hint")
        #expect(try wait(feeds["cached"]) == 7200)
        #expect(feeds["ttl"]?["next_poll_reason"] as? String == "server hint")
        #expect(try wait(feeds["ttl"]) == 3 * 3600)
        // A hint shorter than the interval changes nothing.
        #expect(feeds["short"]?["next_poll_reason"] as? String == "interval")
        #expect(try wait(feeds["short"]) == 86400)

        let text = try await CommandRunner.run(["status"], in: workspace.folder.url)
        let lines = text.stdout.split(separator: "\n").map { $0.split(separator: "\t", omittingEmptySubsequences: false) }
        #expect(lines.first { $0.first == "cached" }?[5] == "server hint: at most every 2h")
        #expect(lines.first { $0.first == "ttl" }?[5] == "server hint: at most every 3h")
        #expect(lines.first { $0.first == "short" }?[5] == "-")
    }

    @Test func anAutoIntervalIsMeasuredFromTheEntriesDates() async throws {
        let workspace = try await OnceWorkspace()
        let format = ISO8601DateFormatter()
        let now = Date()
        // Ten entries two hours apart, the newest now: one every 1.8 h, polled every 54 minutes.
        let entries = (0..<10).map { index in
            let date = format.string(from: now.addingTimeInterval(Double(-index) * 7200))
            return "<entry><id>urn:pace:\(index)</id><title>Entry \(index)</title>"
                + "<link href=\"https://example.org/pace/\(index)\"/><published>\(date)</published>"
                + "<updated>\(date)</updated><summary>Entry \(index).</summary></entry>"
        }
        let atom = "<?xml version=\"1.0\"?><feed xmlns=\"http://www.w3.org/2005/Atom\"><title>Pace</title>"
            + "<id>urn:pace</id><updated>\(format.string(from: now))</updated>\(entries.joined())</feed>"
        try Data(atom.utf8).write(to: workspace.www.appendingPathComponent("pace.atom"))
        try workspace.configure("""
            jitter = 0%
            \(workspace.url("/feeds/pace.atom")) name=pace interval=auto
            \(workspace.url("/feeds/undated.rss")) name=undated interval=auto
            """)
        try Data("""
            <rss version="2.0"><channel><title>Undated</title>
            <item><title>One</title><guid>urn:undated:1</guid><description>One.</description></item>
            <item><title>Two</title><guid>urn:undated:2</guid><description>Two.</description></item>
            </channel></rss>
            """.utf8).write(to: workspace.www.appendingPathComponent("undated.rss"))
        #expect(try await workspace.once().status == 0)

        let feeds = try await status(workspace)
        #expect(feeds["pace"]?["next_poll_reason"] as? String == "auto")
        let paced = try wait(feeds["pace"])
        #expect(paced >= 3240 - 1 && paced <= 3240 + 10)
        #expect(try workspace.articles().count(where: { $0.feedName == "pace" }) == 10)
        // Without dated entries, the configured interval (1h by default) stays.
        #expect(feeds["undated"]?["next_poll_reason"] as? String == "auto")
        #expect(try wait(feeds["undated"]) == 3600)
    }

    @Test func theDaemonPingsTheWatchdogEveryHalfOfWatchdogUSec() async throws {
        let workspace = try await OnceWorkspace()
        try workspace.serve("notes.rss")
        try workspace.configure("\(workspace.url("/feeds/notes.rss")) name=notes")
        let socket = try NotifySocket(path: workspace.folder.url.path + "/notify", abstract: false)
        let daemon = try DaemonProcess(in: workspace, environment: [
            "NOTIFY_SOCKET": socket.environmentValue, "WATCHDOG_USEC": "600000",
        ])
        #expect(await eventually { socket.fields().contains("READY=1") })
        let start = Date()
        #expect(await eventually { socket.fields().filter { $0 == "WATCHDOG=1" }.count >= 5 })
        // Five pings every 0.3 s take about 1.2 s; a loop sleeping its minute would take minutes.
        #expect(Date().timeIntervalSince(start) < 30)
        daemon.send(SIGTERM)
        #expect(await daemon.exitStatus(within: 60) == 0)
    }

    @Test func aWatchdogMeantForAnotherProcessIsNotPinged() async throws {
        let workspace = try await OnceWorkspace()
        try workspace.serve("notes.rss")
        try workspace.configure("\(workspace.url("/feeds/notes.rss")) name=notes")
        let socket = try NotifySocket(path: workspace.folder.url.path + "/notify", abstract: false)
        let daemon = try DaemonProcess(in: workspace, environment: [
            "NOTIFY_SOCKET": socket.environmentValue, "WATCHDOG_USEC": "200000", "WATCHDOG_PID": "1",
        ])
        #expect(await eventually { socket.fields().contains("READY=1") })
        #expect(try await eventually { try daemon.logged("feedspool: polled 1 feed, delivered 3 articles") })
        try await Task.sleep(for: .seconds(1))
        #expect(!socket.fields().contains("WATCHDOG=1"))
        daemon.send(SIGTERM)
        #expect(await daemon.exitStatus(within: 60) == 0)
    }
}
