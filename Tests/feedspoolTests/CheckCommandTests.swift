import Foundation
import Testing

/// `feedspool check` as a user sees it: a summary on stdout when the
/// configuration is sound, `file:line: message` lines on stderr when not.
@Suite struct CheckCommandTests {
    static let repository = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    @Test func aSoundConfigurationPrintsASummaryAndExitsZero() throws {
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
        let result = try CommandRunner.run(["check"], in: folder.url)
        #expect(result.status == 0)
        #expect(result.stdout == "feeds.conf: 2 feeds, 1 host, no problems\n")
        #expect(result.stderr.isEmpty)
    }

    @Test func aShardSaysHowManyFeedsAndHostsItPolls() throws {
        let folder = try TemporaryFolder()
        try folder.write("feeds.conf", """
            shard = 2/3
            https://lwn.net/headlines/rss
            https://lwn.net/other
            http://127.0.0.2/feed
            file:///srv/feeds/local.xml
            """)
        // By the documented hash, lwn.net and 127.0.0.2 fall to shard 1 of 3, file:// feeds (no host) to 2.
        let result = try CommandRunner.run(["check"], in: folder.url)
        #expect(result.status == 0)
        #expect(result.stdout == "feeds.conf: 4 feeds, 0 hosts, no problems; shard 2/3 polls 1 of them, on 1 of 3 hosts\n")
    }

    @Test func everyProblemIsPrintedAsFileLineMessageAndExitsOne() throws {
        let folder = try TemporaryFolder()
        try FileManager.default.createDirectory(
            at: folder.url.appendingPathComponent("feeds.conf.d"), withIntermediateDirectories: true)
        try folder.write("feeds.conf.d/news.conf", "https://lwn.net/headlines/rss intervall=30m\n")
        try folder.write("feeds.conf", """
            concurency = 16
            include feeds.conf.d/*.conf
            htp://x
            """)
        let result = try CommandRunner.run(["check", "--config", "feeds.conf"], in: folder.url)
        #expect(result.status == 1)
        #expect(result.stdout.isEmpty)
        #expect(result.stderrLines == [
            #"feeds.conf:1: unknown setting "concurency" (did you mean "concurrency"?)"#,
            #"feeds.conf.d/news.conf:1: unknown option "intervall" (did you mean "interval"?)"#,
            #"feeds.conf:3: bad URL "htp://x" (use http://, https:// or file://)"#,
        ])
    }

    @Test func theConfigurationCanComeFromTheEnvironment() throws {
        let folder = try TemporaryFolder()
        let path = try folder.write("elsewhere.conf", "https://example.org/feed.xml\n")
        // CommandRunner passes the test's own environment on; this needs one more variable.
        let process = Process()
        process.executableURL = CommandRunner.binary
        process.arguments = ["check"]
        process.currentDirectoryURL = folder.url
        process.environment = ProcessInfo.processInfo.environment.merging(["FEEDSPOOL_CONFIG": path]) { $1 }
        let output = Pipe()
        process.standardOutput = output
        try process.run()
        let stdout = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        #expect(process.terminationStatus == 0)
        #expect(String(decoding: stdout, as: UTF8.self) == "\(path): 1 feed, 0 hosts, no problems\n")
    }

    @Test func aMissingConfigurationFailsWithTheSystemsReason() throws {
        let folder = try TemporaryFolder()
        let result = try CommandRunner.run(["check"], in: folder.url)
        #expect(result.status == 1)
        #expect(result.stderr == "feeds.conf: cannot read: No such file or directory\n")
    }

    @Test func anUnknownFlagIsAUsageError() throws {
        let result = try CommandRunner.run(["check", "--confg", "feeds.conf"])
        #expect(result.status == 2)
        #expect(result.stdout.isEmpty)
    }

    @Test func theRepositoryExampleChecksClean() throws {
        let result = try CommandRunner.run(["check"], in: Self.repository)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout == "feeds.conf: 4 feeds, 2 hosts, no problems\n")
    }

    /// The commands that read feeds.conf share one `--config` option, and
    /// an empty path is a usage error in each of them.
    @Test(arguments: ["check", "once", "run", "status"])
    func anEmptyConfigPathIsAUsageError(command: String) throws {
        let result = try CommandRunner.run([command, "--config", ""])
        #expect(result.status == 2)
        #expect(result.stderr.contains("--config needs a path"))
    }
}
