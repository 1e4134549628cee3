import Foundation
import Testing

/// `feedspool add` against the fixture server: a feed URL, a page that
/// advertises feeds, a page that advertises none, feeds already configured,
/// and options that do not check.
@Suite struct AddCommandTests {
    private func workspace() async throws -> OnceWorkspace {
        let workspace = try await OnceWorkspace()
        try workspace.serve("notes.rss")
        try workspace.serve("releases.atom")
        return workspace
    }

    private func feedsConf(_ workspace: OnceWorkspace) throws -> String {
        try String(contentsOf: workspace.folder.url.appendingPathComponent("feeds.conf"), encoding: .utf8)
    }

    @Test func aFeedURLIsAppendedWithANameFromItsTitleAndTheOptionsGiven() async throws {
        let workspace = try await workspace()
        try workspace.folder.write("feeds.conf", "interval = 1h")  // no final line break
        let url = workspace.server.url("/feeds/notes.rss")
        let result = try await CommandRunner.run(["add", url, "tags=ops,blog", "interval=30m"], in: workspace.folder.url)
        #expect(result.status == 0)
        let line = "\(url) name=night-shift-notes tags=ops,blog interval=30m"
        #expect(result.stdout == "feeds.conf:2: \(line)\n")
        #expect(try feedsConf(workspace) == "interval = 1h\n\(line)\n")
        #expect(try await CommandRunner.run(["check"], in: workspace.folder.url).status == 0)
    }

    @Test func theConfigurationIsCreatedWhenThereIsNone() async throws {
        let workspace = try await workspace()
        let url = workspace.server.url("/feeds/releases.atom")
        let result = try await CommandRunner.run(["add", url, "name=project"], in: workspace.folder.url)
        #expect(result.status == 0)
        #expect(try feedsConf(workspace) == "\(url) name=project\n")
    }

    @Test func aPageThatAdvertisesOneFeedAddsThatFeed() async throws {
        let workspace = try await workspace()
        try workspace.folder.write("www/page.html", """
            <html><head><link rel="alternate" type="application/atom+xml" href="releases.atom"></head><body>x</body></html>
            """)
        let result = try await CommandRunner.run(["add", workspace.server.url("/feeds/page.html")], in: workspace.folder.url)
        #expect(result.status == 0)
        #expect(try feedsConf(workspace).hasPrefix(workspace.server.url("/feeds/releases.atom") + " name="))
    }

    @Test func aPageWithSeveralFeedsListsThemOffATerminalAndAddsAllWithAll() async throws {
        let workspace = try await workspace()
        try workspace.folder.write("www/page.html", """
            <html><head><link rel="alternate" type="application/rss+xml" href="notes.rss">
            <link rel="alternate" type="application/atom+xml" href="releases.atom"></head></html>
            """)
        let page = workspace.server.url("/feeds/page.html")
        let listed = try await CommandRunner.run(["add", page], in: workspace.folder.url)
        #expect(listed.status == 1)
        #expect(listed.stderr.contains("has 2 feeds"))
        #expect(listed.stderr.contains("1. " + workspace.server.url("/feeds/notes.rss")))
        #expect(!FileManager.default.fileExists(atPath: workspace.folder.url.appendingPathComponent("feeds.conf").path))

        let all = try await CommandRunner.run(["add", "--all", page, "tags=x"], in: workspace.folder.url)
        #expect(all.status == 0)
        #expect(all.stdout.split(separator: "\n").count == 2)
        let config = try feedsConf(workspace)
        #expect(config.contains(workspace.server.url("/feeds/notes.rss")))
        #expect(config.contains(workspace.server.url("/feeds/releases.atom")))
    }

    @Test func aPageThatAdvertisesNothingFallsBackToTheSitesCommonFeedPaths() async throws {
        let workspace = try await workspace()
        try workspace.folder.write("www/plain.html", "<html><head><title>x</title></head><body>no feed here</body></html>")
        // The fixture server answers /feed with an RSS feed.
        let result = try await CommandRunner.run(["add", workspace.server.url("/feeds/plain.html")], in: workspace.folder.url)
        #expect(result.status == 0)
        #expect(try feedsConf(workspace).hasPrefix(workspace.server.url("/feed") + " "))
    }

    @Test func aURLThatIsNeitherFeedNorPageFailsWithOneLine() async throws {
        let workspace = try await workspace()
        try workspace.folder.write("www/notes.txt", "just some words")
        let text = try await CommandRunner.run(["add", workspace.server.url("/feeds/notes.txt")], in: workspace.folder.url)
        #expect(text.status == 1)
        #expect(text.stderrLines.count == 1)
        #expect(text.stderr.contains("notes.txt: not a feed"))
        let missing = try await CommandRunner.run(["add", workspace.server.url("/feeds/none.xml")], in: workspace.folder.url)
        #expect(missing.status == 1)
        #expect(missing.stderrLines == ["feedspool: \(workspace.server.url("/feeds/none.xml")): HTTP 404"])
    }

    @Test func aFeedAlreadyConfiguredIsRefusedByItsURLOrWhereItRedirects() async throws {
        let workspace = try await workspace()
        let url = workspace.server.url("/feeds/notes.rss")
        try workspace.folder.write("feeds.conf", "\(url) name=blog\n")
        let same = try await CommandRunner.run(["add", url.replacingOccurrences(of: "http://", with: "HTTP://")],
                                         in: workspace.folder.url)
        #expect(same.status == 1)
        #expect(same.stderr.contains("already in feeds.conf:1 as blog"))
        let moved = try await CommandRunner.run(["add", workspace.server.url("/moved/notes.rss")], in: workspace.folder.url)
        #expect(moved.status == 1)
        #expect(moved.stderr.contains("already in feeds.conf:1 as blog"))
        #expect(try feedsConf(workspace) == "\(url) name=blog\n")
    }

    @Test func anOptionThatDoesNotCheckLeavesTheFileAsItWas() async throws {
        let workspace = try await workspace()
        try workspace.folder.write("feeds.conf", "interval = 1h\n")
        let result = try await CommandRunner.run(["add", workspace.server.url("/feeds/notes.rss"), "interval=5x"],
                                           in: workspace.folder.url)
        #expect(result.status == 1)
        #expect(result.stderr.contains("feeds.conf:2: bad interval \"5x\""))
        #expect(try feedsConf(workspace) == "interval = 1h\n")
    }

    @Test func aURLOtherThanHTTPIsAUsageError() async throws {
        let folder = try TemporaryFolder()
        let result = try await CommandRunner.run(["add", "file:///etc/passwd"], in: folder.url)
        #expect(result.status == 2)
    }
}
