import Foundation
import Testing

/// `feedspool check` as a user sees it: a summary on stdout when the
/// configuration is sound, `file:line: message` lines on stderr when not.
@Suite struct CheckCommandTests {
    static let repository = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    @Test func aSoundConfigurationPrintsASummaryAndExitsZero() async throws {
        let folder = try TemporaryFolder()
        try FileManager.default.createDirectory(
            at: folder.url.appendingPathComponent("feeds.conf.d"), withIntermediateDirectories: true)
        try folder.write("feeds.conf.d/news.conf", "https://lwn.net/headlines/rss name=lwn\n")
        try folder.write("feeds.conf", """
            interval = 1h
            include feeds.conf.d/*.conf
            [host *.reddit.com]
            per-host = 1
            [defaults]
            https://www.reddit.com/r/swift/.rss
            """)
        let result = try await CommandRunner.run(["check"], in: folder.url)
        #expect(result.status == 0)
        #expect(result.stdout == "feeds.conf: 2 feeds, 1 host, no problems\n")
        #expect(result.stderr.isEmpty)
    }

    @Test func aShardSaysHowManyFeedsAndHostsItPolls() async throws {
        let folder = try TemporaryFolder()
        try folder.write("feeds.conf", """
            shard = 2/3
            https://lwn.net/headlines/rss
            https://lwn.net/other
            http://127.0.0.2/feed
            file:///srv/feeds/local.xml
            """)
        // By the documented hash, lwn.net and 127.0.0.2 fall to shard 1 of 3, file:// feeds (no host) to 2.
        let result = try await CommandRunner.run(["check"], in: folder.url)
        #expect(result.status == 0)
        #expect(result.stdout == "feeds.conf: 4 feeds, 0 hosts, no problems; shard 2/3 polls 1 of them, on 1 of 3 hosts\n")
    }

    @Test func everyProblemIsPrintedAsFileLineMessageAndExitsOne() async throws {
        let folder = try TemporaryFolder()
        try FileManager.default.createDirectory(
            at: folder.url.appendingPathComponent("feeds.conf.d"), withIntermediateDirectories: true)
        try folder.write("feeds.conf.d/news.conf", "https://lwn.net/headlines/rss intervall=30m\n")
        try folder.write("feeds.conf", """
            concurency = 16
            include feeds.conf.d/*.conf
            htp://x
            """)
        let result = try await CommandRunner.run(["check", "--config", "feeds.conf"], in: folder.url)
        #expect(result.status == 1)
        #expect(result.stdout.isEmpty)
        #expect(result.stderrLines == [
            #"feeds.conf:1: unknown setting "concurency" (did you mean "concurrency"?)"#,
            #"feeds.conf.d/news.conf:1: unknown option "intervall" (did you mean "interval"?)"#,
            #"feeds.conf:3: bad URL "htp://x" (use http://, https:// or file://)"#,
        ])
    }

    @Test func theConfigurationCanComeFromTheEnvironment() async throws {
        let folder = try TemporaryFolder()
        let path = try folder.write("elsewhere.conf", "https://example.org/feed.xml\n")
        let result = try await CommandRunner.run(["check"], in: folder.url, environment: ["FEEDSPOOL_CONFIG": path])
        #expect(result.status == 0)
        #expect(result.stdout == "\(path): 1 feed, 0 hosts, no problems\n")
    }

    @Test func aMissingConfigurationFailsWithTheSystemsReason() async throws {
        let folder = try TemporaryFolder()
        let result = try await CommandRunner.run(["check"], in: folder.url)
        #expect(result.status == 1)
        #expect(result.stderr == "feeds.conf: cannot read: No such file or directory\n")
    }

    @Test func anUnknownFlagIsAUsageError() async throws {
        let result = try await CommandRunner.run(["check", "--confg", "feeds.conf"])
        #expect(result.status == 2)
        #expect(result.stdout.isEmpty)
    }

    @Test func theRepositoryExampleChecksClean() async throws {
        let result = try await CommandRunner.run(["check"], in: Self.repository)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout == "feeds.conf: 4 feeds, 2 hosts, no problems\n")
    }

    /// The commands that read feeds.conf share one `--config` option, and
    /// an empty path is a usage error in each of them.
    @Test(arguments: ["check", "once", "run", "status"])
    func anEmptyConfigPathIsAUsageError(command: String) async throws {
        let result = try await CommandRunner.run([command, "--config", ""])
        #expect(result.status == 2)
        #expect(result.stderr.contains("--config needs a path"))
    }
}
