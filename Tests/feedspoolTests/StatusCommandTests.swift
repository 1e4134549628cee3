import Foundation
import Testing

/// `feedspool status`: one tab-separated line per configured feed.
@Suite struct StatusCommandTests {
    @Test func statusShowsPolledAndNeverPolledFeeds() async throws {
        let folder = try TemporaryFolder()
        let feedPath = try folder.write("local.xml", """
            <rss version="2.0"><channel><title>Local</title>
            <item><title>One</title><guid>one</guid></item></channel></rss>
            """)
        try folder.write("feeds.conf", """
            spool = spool
            state = state
            file://\(feedPath) name=local interval=2h
            file://\(folder.url.path)/missing.xml name=missing
            """)
        let config = folder.url.appendingPathComponent("feeds.conf").path

        let before = try await CommandRunner.run(["status", "--config", config])
        #expect(before.status == 0)
        let beforeRows: [[String]] = before.stdout.split(separator: "\n").dropFirst().map { $0.split(separator: "\t").map(String.init) }
        #expect(beforeRows == [
            ["local", "-", "never polled", "0", "now", "-", "-"],
            ["missing", "-", "never polled", "0", "now", "-", "-"],
        ])

        let once = try await CommandRunner.run(["once", "--config", config])
        #expect(once.status == 1)
        #expect(once.stderr.hasPrefix("feedspool: missing: "))

        let after = try await CommandRunner.run(["status", "--config", config])
        let lines = after.stdout.split(separator: "\n").map { $0.split(separator: "\t").map(String.init) }
        #expect(lines.first == ["feed", "last poll", "result", "failures", "next poll", "notes", "template"])
        let local = try #require(lines.first { $0.first == "local" })
        #expect(local[2] == "ok: 1 new")
        #expect(local[3] == "0")
        #expect(local[1].hasSuffix("Z") && local[4].hasSuffix("Z") && local[1] < local[4])
        let missing = try #require(lines.first { $0.first == "missing" })
        #expect(missing[2].hasPrefix("error: "))
        #expect(missing[3] == "1")
    }

    @Test func statusWithoutStateSaysSoAndCreatesNone() async throws {
        let folder = try TemporaryFolder()
        try folder.write("feeds.conf", "spool = spool\nstate = state\nhttps://example.org/feed.xml name=blog\n")
        let state = folder.url.appendingPathComponent("state")

        let result = try await CommandRunner.run(["status"], in: folder.url)
        #expect(result.status == 0)
        #expect(result.stdout == "feed\tlast poll\tresult\tfailures\tnext poll\tnotes\ttemplate\nblog\t-\tnever polled\t0\tnow\t-\t-\n")
        #expect(result.stderrLines == ["feedspool: no state yet in \(state.path): no feed has been polled"])
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.url.path).sorted() == ["feeds.conf"])

        // A state folder made by hand, without a database, stays empty.
        try FileManager.default.createDirectory(at: state, withIntermediateDirectories: false,
                                                attributes: [.posixPermissions: 0o700])
        #expect(try await CommandRunner.run(["status"], in: folder.url).stderrLines == result.stderrLines)
        #expect(try FileManager.default.contentsOfDirectory(atPath: state.path) == [])
    }

    @Test func aBrokenConfigurationExitsTwo() async throws {
        let folder = try TemporaryFolder()
        try folder.write("feeds.conf", "intervall = 1h\n")
        let result = try await CommandRunner.run(["status", "--config", folder.url.appendingPathComponent("feeds.conf").path])
        #expect(result.status == 2)
        #expect(result.stderr.contains("feeds.conf:1: "))
    }
}
