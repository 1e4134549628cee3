import Foundation
import Spool
import State
import Testing

/// The consumer's side of the contract: claim by renaming from new/ to
/// cur/, delete when done.
@Suite("Consumers claiming articles")
struct ConsumerTests {
    @Test func claimedArticleIsNeverDeliveredAgain() throws {
        let folder = try TemporaryFolder()
        let (state, spool) = try folder.open()
        try poll([post(1), post(2)], state: state, spool: spool)
        let claimed = try #require(files(in: spool.newFolder).first)
        try FileManager.default.moveItem(atPath: spool.newFolder + "/" + claimed, toPath: spool.claimedFolder + "/" + claimed)
        try poll([post(3), post(2), post(1)], state: state, spool: spool)
        try spool.recover(state: state)
        #expect(files(in: spool.claimedFolder) == [claimed])
        #expect(files(in: spool.newFolder).count == 2)
        #expect(!files(in: spool.newFolder).contains(claimed))
    }

    @Test func theStateFolderIsCreatedPrivateWhileConsumersShareTheSpool() throws {
        let folder = try TemporaryFolder()
        let (state, _) = try folder.open()
        let mode = try #require(try FileManager.default.attributesOfItem(atPath: state.folder)[.posixPermissions] as? Int)
        #expect(mode == 0o700)
    }

    @Test func shellConsumerFromTheDocsReadsEveryArticleOnce() throws {
        let jq = ["/usr/bin/jq", "/usr/local/bin/jq"].first { FileManager.default.isExecutableFile(atPath: $0) }
        guard let jq else {
            print("skipped: the documented consumer needs jq, which is not installed")
            return
        }
        let folder = try TemporaryFolder()
        let (state, spool) = try folder.open()
        try poll([post(1), post(2), post(3)], state: state, spool: spool)
        // The documented script works on the system service's spool (docs/daemon.md).
        let documented = try Self.documentedConsumer()
        #expect(documented.contains("cd /var/lib/feedspool/spool "))
        let script = documented.replacingOccurrences(of: "/var/lib/feedspool/spool", with: spool.path)
        var environment = ProcessInfo.processInfo.environment
        environment["PATH"] = (jq as NSString).deletingLastPathComponent + ":/usr/bin:/bin"
        let first = try run("/bin/sh", ["-c", script], environment: environment)
        #expect(first.status == 0)
        #expect(first.output.split(separator: "\n").sorted() == [
            "blog: Post 1 https://blog.example.org/1", "blog: Post 2 https://blog.example.org/2",
            "blog: Post 3 https://blog.example.org/3",
        ])
        #expect(files(in: spool.newFolder).isEmpty && files(in: spool.claimedFolder).isEmpty)
        let second = try run("/bin/sh", ["-c", script], environment: environment)
        #expect(second.output.isEmpty)
    }

    /// The shell consumer docs/spool.md shows, so the documented script is the tested one.
    static func documentedConsumer() throws -> String {
        let docs = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("docs/spool.md")
        let text = try String(contentsOf: docs, encoding: .utf8)
        let section = try #require(text.range(of: "## Consuming the spool"))
        let start = try #require(text.range(of: "```sh\n", range: section.upperBound..<text.endIndex))
        let end = try #require(text.range(of: "```", range: start.upperBound..<text.endIndex))
        return String(text[start.upperBound..<end.lowerBound])
    }
}
