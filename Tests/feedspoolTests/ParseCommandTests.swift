import Foundation
import Testing

/// `feedspool parse` as a user's script sees it: the JSON on stdout, one
/// line per problem on stderr, and the exit status.
@Suite struct ParseCommandTests {
    static let feed = """
        <?xml version="1.0"?>
        <rss version="2.0"><channel><title>Ops log</title><link>https://ops.example.org/</link>
        <item><title>Disk  full
        on db1</title><link>/2024/disk-full</link><guid>ops-1</guid>
        <pubDate>Sat, 30 Nov 2024 12:00:00 +0100</pubDate>
        <description>&lt;p&gt;Cleared &amp;amp; rotated.&lt;/p&gt;</description></item>
        </channel></rss>
        """

    private func json(_ result: CommandRunner.Result) throws -> [String: Any] {
        try #require(JSONSerialization.jsonObject(with: result.stdoutData) as? [String: Any])
    }

    @Test func aFeedFilePrintsOneJSONDocumentAndExitsZero() async throws {
        let folder = try TemporaryFolder()
        let path = try folder.write("ops.xml", Self.feed)
        let result = try await CommandRunner.run(["parse", "--base", "https://ops.example.org/feed.xml", path])
        #expect(result.status == 0)
        #expect(result.stderr.isEmpty)
        let document = try json(result)
        let feed = try #require(document["feed"] as? [String: Any])
        #expect(feed["title"] as? String == "Ops log")
        #expect(feed["format"] as? String == "rss2.0")
        #expect(feed["updated"] is NSNull)
        let entries = try #require(document["entries"] as? [[String: Any]])
        #expect(entries.count == 1)
        #expect(entries[0]["title"] as? String == "Disk full on db1")
        #expect(entries[0]["link"] as? String == "https://ops.example.org/2024/disk-full")
        #expect(entries[0]["published"] as? String == "2024-11-30T11:00:00Z")
        #expect(entries[0]["summary"] as? String == "<p>Cleared &amp; rotated.</p>")
        #expect(entries[0]["content"] is NSNull)
    }

    @Test func standardInputIsReadForADash() async throws {
        let result = try await CommandRunner.run(["parse", "-"], stdin: Data(Self.feed.utf8))
        #expect(result.status == 0)
        #expect(try json(result)["entries"] as? [Any] != nil)
    }

    @Test func aRecoveredBrokenFeedWarnsOnOneLineAndStillPrintsEveryEntry() async throws {
        let broken = """
            <rss version="2.0"><channel><title>Broken</title>
            <item><title>AT&T outage</title></item>
            <item><title>Second</title></item>
            </channel></rss>
            """
        let result = try await CommandRunner.run(["parse", "-"], stdin: Data(broken.utf8))
        #expect(result.status == 0)
        #expect(result.stderrLines.count == 1)
        #expect(result.stderr.hasPrefix("feedspool: warning: -: recovered from broken XML: line 2:"))
        let entries = try #require(try json(result)["entries"] as? [[String: Any]])
        #expect(entries.map { $0["title"] as? String } == ["AT&T outage", "Second"])
    }

    @Test func anHTMLPageFailsWithTheFeedsItAdvertises() async throws {
        let folder = try TemporaryFolder()
        let path = try folder.write("page.html", """
            <!DOCTYPE html><html><head><title>Blog</title>
            <link rel="alternate" type="application/rss+xml" title="RSS" href="/feed/">
            </head><body><p>Hello</p></body></html>
            """)
        let result = try await CommandRunner.run(["parse", "--base", "https://blog.example.com/post/1", path])
        #expect(result.status == 1)
        #expect(result.stdout.isEmpty)
        #expect(result.stderr
            == "feedspool: \(path): not a feed: this is an HTML page; it advertises: https://blog.example.com/feed/\n")
    }

    @Test func aMissingFileFailsWithTheSystemsReason() async throws {
        let result = try await CommandRunner.run(["parse", "/nonexistent/feed.xml"])
        #expect(result.status == 1)
        #expect(result.stderr == "feedspool: /nonexistent/feed.xml: cannot read: No such file or directory\n")
    }

    @Test func severalFilesPrintOneDocumentEachAndAFailureSetsTheStatus() async throws {
        let folder = try TemporaryFolder()
        let good = try folder.write("good.xml", Self.feed)
        let empty = try folder.write("empty.xml", "")
        let result = try await CommandRunner.run(["parse", good, empty, good])
        #expect(result.status == 1)
        #expect(result.stderr == "feedspool: \(empty): not a feed: the document is empty\n")
        let documents = result.stdout.split(separator: "\n").filter { $0.hasPrefix("{\"feed\"") }
        #expect(documents.count == 2)
    }

    @Test(arguments: [[String](), ["parse"], ["parse", "--no-such-flag", "x"], ["frobnicate"]])
    func usageErrorsExitWithTwo(arguments: [String]) async throws {
        let result = try await CommandRunner.run(arguments)
        #expect(result.status == 2)
        #expect(!result.stderr.isEmpty)
    }

    @Test func versionAndHelpExitZero() async throws {
        let version = try await CommandRunner.run(["--version"])
        #expect(version.status == 0)
        #expect(version.stdout.hasPrefix("0."))
        let help = try await CommandRunner.run(["parse", "--help"])
        #expect(help.status == 0)
        #expect(help.stdout.contains("--charset"))
    }

    @Test func theHTTPCharsetOverridesTheDeclaration() async throws {
        var bytes = Data("<?xml version=\"1.0\" encoding=\"utf-8\"?><rss><channel><title>".utf8)
        bytes.append(contentsOf: [0xF0, 0xD2, 0xC9, 0xD7, 0xC5, 0xD4])  // "Привет" in KOI8-R
        bytes.append(contentsOf: Data("</title></channel></rss>".utf8))
        let result = try await CommandRunner.run(["parse", "--charset", "koi8-r", "-"], stdin: bytes)
        #expect(result.status == 0)
        let feed = try #require(try json(result)["feed"] as? [String: Any])
        #expect(feed["title"] as? String == "Привет")
    }
}
