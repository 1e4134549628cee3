import Foundation
import Testing

/// `enclosures = DIR` end to end: each new article's enclosures are
/// downloaded into DIR/<feed>/ and their paths recorded in the article; one
/// too large, missing or not http is left out with a warning, and the article
/// is delivered all the same.
@Suite struct OnceEnclosureTests {
    /// An RSS feed of one episode whose enclosures are `urls`.
    static func feed(_ urls: [String]) -> String {
        let enclosures = urls.map { #"<enclosure url="\#($0)" length="1000" type="audio/mpeg"/>"# }.joined()
        return """
            <?xml version="1.0"?><rss version="2.0"><channel><title>Uptime Stories</title>
            <link>https://uptime.example.org/</link>
            <item><title>Episode 1</title><guid>urn:uptime:1</guid><link>https://uptime.example.org/1</link>
            \(enclosures)<description>Show notes.</description></item></channel></rss>
            """
    }

    @Test func enclosuresAreDownloadedAndFailuresLeaveTheArticleWithoutTheirPath() async throws {
        let workspace = try await OnceWorkspace()
        let audio = Data((0..<2_000).map { UInt8($0 % 251) })
        try audio.write(to: workspace.www.appendingPathComponent("ep1.mp3"))
        try Data(count: 8_192).write(to: workspace.www.appendingPathComponent("big.mp3"))
        let urls = [
            workspace.url("/plain/ep1.mp3?source=rss"), workspace.url("/plain/big.mp3"),
            workspace.url("/plain/missing.mp3"), "ftp://uptime.example.org/ep1.mp3",
        ]
        try Data(Self.feed(urls).utf8).write(to: workspace.www.appendingPathComponent("cast.rss"))
        try workspace.configure("""
            enclosures = media
            enclosure-max-size = 4k
            \(workspace.url("/plain/cast.rss")) name=cast
            """)

        let run = try await workspace.once()
        #expect(run.status == 0)
        let warnings = run.stderr.split(separator: "\n")
        #expect(warnings.count == 1)
        #expect(run.stderr.contains("enclosure \(urls[1]): too large: the body is over the limit of 4096 bytes; delivered without it"))
        #expect(run.stderr.contains("enclosure \(urls[2]): HTTP 404; delivered without it"))
        #expect(run.stderr.contains("enclosure \(urls[3]): not http or https, not downloaded"))

        let article = try #require(try workspace.articles().first)
        let id = try #require(article.id)
        let media = workspace.folder.url.appendingPathComponent("media/cast")
        let saved = media.appendingPathComponent("\(id.prefix(16))-1-ep1.mp3")
        let files = try #require(article.object["enclosure_files"] as? [Any])
        #expect(files.count == 4)
        #expect(files.first as? String == saved.path)
        #expect(files.dropFirst().allSatisfy { $0 is NSNull })
        #expect(try Data(contentsOf: saved) == audio)
        #expect(try FileManager.default.contentsOfDirectory(atPath: media.path) == [saved.lastPathComponent],
                "nothing else, no .part file")
        #expect((article.object["enclosures"] as? [Any])?.count == 4, "the entry's own list is unchanged")
    }

    @Test func withoutTheSettingNothingIsDownloadedAndTheKeyIsLeftOut() async throws {
        let workspace = try await OnceWorkspace()
        try Data(count: 100).write(to: workspace.www.appendingPathComponent("ep1.mp3"))
        try Data(Self.feed([workspace.url("/plain/ep1.mp3")]).utf8)
            .write(to: workspace.www.appendingPathComponent("cast.rss"))
        try workspace.configure("\(workspace.url("/plain/cast.rss")) name=cast")
        #expect(try await workspace.once().status == 0)
        let article = try #require(try workspace.articles().first)
        #expect(article.object["enclosure_files"] == nil)
        #expect(try workspace.server.requests(for: "/plain/ep1.mp3").isEmpty)
    }

    @Test func anUpdateKeepsTheFileAlreadyDownloaded() async throws {
        let workspace = try await OnceWorkspace()
        try Data(count: 100).write(to: workspace.www.appendingPathComponent("ep1.mp3"))
        let url = workspace.url("/plain/ep1.mp3")
        try Data(Self.feed([url]).utf8).write(to: workspace.www.appendingPathComponent("cast.rss"))
        try workspace.configure("enclosures = media\n\(workspace.url("/plain/cast.rss")) name=cast updates=yes")
        #expect(try await workspace.once().status == 0)
        let first = try #require(try workspace.consume().first?.object["enclosure_files"] as? [String])

        let edited = Self.feed([url]).replacingOccurrences(of: "Show notes.", with: "Show notes, corrected.")
        try Data(edited.utf8).write(to: workspace.www.appendingPathComponent("cast.rss"))
        #expect(try await workspace.once().status == 0)
        let update = try #require(try workspace.articles().first)
        #expect(update.kind == "update")
        #expect(update.object["enclosure_files"] as? [String] == first)
        #expect(try workspace.server.requests(for: "/plain/ep1.mp3").count == 1)
    }
}
