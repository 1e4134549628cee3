import Foundation
import Testing

/// Inputs built to hurt, given to the real binary in a child process: a
/// feed that once made the parser read freed memory, endless and huge
/// files. Each must end with a one-line message and an exit status, never
/// a signal, and never take the other feeds or files down with it.
@Suite struct HostileInputCommandTests {
    /// More than 256 nested elements that each carry an attribute the parser
    /// reads, then about 60 KB of text: libxml2's push parser, stopped at
    /// that depth, had freed the attribute values the parser went on to read.
    static let deepFeeds: [(name: String, document: String)] = {
        let depth = 300
        let text = String(repeating: "deep text ", count: 6_000)
        let atom = #"<?xml version="1.0"?><feed xmlns="http://www.w3.org/2005/Atom"><title>Deep</title>"#
        let span = atom + #"<entry><title>t</title><content type="xhtml"><div xmlns="http://www.w3.org/1999/xhtml">"#
            + String(repeating: #"<span title="x">"#, count: depth) + text + String(repeating: "</span>", count: depth)
            + "</div></content></entry></feed>"
        let base = atom + "<entry><title>t</title>"
            + String(repeating: #"<x:y xmlns:x="urn:x" xml:base="https://example.com/a/">"#, count: depth) + text
            + String(repeating: "</x:y>", count: depth) + "</entry></feed>"
        let content = atom + "<entry><title>t</title>"
            + String(repeating: #"<content type="html">"#, count: depth) + text
            + String(repeating: "</content>", count: depth) + "</entry></feed>"
        return [("span.xml", span), ("base.xml", base), ("content.xml", content)]
    }()

    /// The strict parser reads it as far as libxml2's depth limit, and the
    /// feed is what recovery kept, with a one-line warning.
    @Test(arguments: deepFeeds.map(\.name))
    func aDeepFeedWithAttributesEndsWithAWarningNotASignal(name: String) async throws {
        let folder = try TemporaryFolder()
        let document = try #require(Self.deepFeeds.first { $0.name == name }).document
        let path = try folder.write(name, document)
        let result = try await CommandRunner.run(["parse", path])
        #expect(result.status == 0, "exit status \(result.status) (a signal shows as its number)")
        #expect(result.stderr == "feedspool: warning: \(path): recovered from broken XML: line 1: "
            + "Excessive depth in document: 256 use XML_PARSE_HUGE option\n")
        let json = try #require(JSONSerialization.jsonObject(with: result.stdoutData) as? [String: Any])
        #expect((json["feed"] as? [String: Any])?["title"] as? String == "Deep")
    }

    @Test func aDeepFeedBesideAGoodOneInOnceLeavesTheGoodOneDelivered() async throws {
        let workspace = try await OnceWorkspace()
        try workspace.serve("notes.rss")
        for (name, document) in Self.deepFeeds {
            try Data(document.utf8).write(to: workspace.www.appendingPathComponent(name))
        }
        try workspace.configure("""
            \(workspace.url("/feeds/span.xml")) name=span
            \(workspace.url("/feeds/notes.rss")) name=notes
            \(workspace.url("/feeds/base.xml")) name=base
            \(workspace.url("/feeds/content.xml")) name=content
            """)
        let result = try await workspace.once()
        #expect(result.status == 0, "exit status \(result.status) (a signal shows as its number)")
        #expect(try workspace.articles().filter { $0.feed("name") as? String == "notes" }.count == 3)
        for name in ["span", "base", "content"] {
            #expect(result.stderr.contains("feedspool: warning: \(name): recovered from broken XML: "))
        }
    }

    // MARK: - Endless and huge inputs

    @Test func parseReadsAnEndlessDeviceOnlyUpToItsLimit() async throws {
        let result = try await CommandRunner.run(["parse", "/dev/zero"])
        #expect(result.status == 1)
        #expect(result.stderr == "feedspool: /dev/zero: larger than 64 MiB, not parsed\n")
    }

    @Test func cleanReadsAnEndlessDeviceOnlyUpToItsLimit() async throws {
        let result = try await CommandRunner.run(["clean", "--json", "/dev/zero"])
        #expect(result.status == 1)
        #expect(result.stderr == "feedspool: /dev/zero: larger than 16 MiB, not cleaned\n")
        #expect(result.stdout == "")
    }

    @Test func aHugePageIsRefusedBeforeItIsReadAndTheOthersAreCleaned() async throws {
        let folder = try TemporaryFolder()
        let huge = folder.url.appendingPathComponent("page.html")
        // A sparse file: 200 MB to its size, nothing on disk.
        #expect(FileManager.default.createFile(atPath: huge.path, contents: nil))
        let handle = try FileHandle(forWritingTo: huge)
        try handle.truncate(atOffset: 200_000_000)
        try handle.close()
        let good = try folder.write("good.html", "<p>\(String(repeating: "Kept words. ", count: 10))</p>")
        let result = try await CommandRunner.run(["clean", huge.path, good])
        #expect(result.status == 1)
        #expect(result.stderr == "feedspool: \(huge.path): larger than 16 MiB, not cleaned\n")
        #expect(result.stdout.hasPrefix("Kept words."))
        let parse = try await CommandRunner.run(["parse", huge.path])
        #expect(parse.stderr == "feedspool: \(huge.path): larger than 64 MiB, not parsed\n")
    }

    @Test func anIncludedDeviceOrPipeIsRefusedUnread() async throws {
        let folder = try TemporaryFolder()
        let fifo = folder.url.appendingPathComponent("fifo").path
        #expect(mkfifo(fifo, 0o600) == 0)
        try folder.write("feeds.conf", "https://lwn.net/headlines/rss name=lwn\ninclude /dev/zero\ninclude fifo\n")
        let result = try await CommandRunner.run(["check"], in: folder.url)
        #expect(result.status == 1)
        #expect(result.stderr == "feeds.conf:2: cannot read \"/dev/zero\": not a regular file\n"
            + "feeds.conf:3: cannot read \"fifo\": not a regular file\n")
    }

    @Test func anIncludedFileOverTheLimitIsRefusedBeforeItIsRead() async throws {
        let folder = try TemporaryFolder()
        let big = folder.url.appendingPathComponent("big.conf")
        #expect(FileManager.default.createFile(atPath: big.path, contents: nil))
        let handle = try FileHandle(forWritingTo: big)
        try handle.truncate(atOffset: 5 << 20)
        try handle.close()
        try folder.write("feeds.conf", "https://lwn.net/headlines/rss name=lwn\ninclude big.conf\n")
        let result = try await CommandRunner.run(["check"], in: folder.url)
        #expect(result.status == 1)
        #expect(result.stderr == "feeds.conf:2: cannot read \"big.conf\": larger than 4 MiB\n")
    }

    @Test func aVeryLongConfigurationLineIsRefusedWithoutBeingQuoted() async throws {
        let folder = try TemporaryFolder()
        let long = "https://example.org/" + String(repeating: "a", count: 1_000_000)
        try folder.write("feeds.conf", "https://lwn.net/headlines/rss name=lwn\n\(long) intervall=1h\n")
        let result = try await CommandRunner.run(["check"], in: folder.url)
        #expect(result.status == 1)
        #expect(result.stderr == "feeds.conf:2: line longer than 4096 bytes, not read\n")
    }

    @Test func aNULInAnIncludePathIsAnErrorNotAShorterPath() async throws {
        let folder = try TemporaryFolder()
        try folder.write("a", "https://example.org/a.xml name=a\n")
        try folder.write("feeds.conf", "https://lwn.net/headlines/rss name=lwn\ninclude a\u{0}junk\n")
        let result = try await CommandRunner.run(["check"], in: folder.url)
        #expect(result.status == 1)
        #expect(result.stderr == "feeds.conf:2: NUL byte in the line\n")
    }
}
