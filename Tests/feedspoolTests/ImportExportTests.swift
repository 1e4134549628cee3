import Foundation
import Testing

/// `feedspool import` and `export` as a user moving from another reader
/// sees them: lines ready for `>> feeds.conf`, an OPML list that other
/// readers (and import) read back, no password ever printed.
@Suite struct ImportExportTests {
    static let subscriptions = """
        <?xml version="1.0" encoding="UTF-8"?>
        <opml version="1.0"><head><title>Subscriptions</title></head><body>
          <outline text="Tech News"><outline text="Linux">
            <outline text="LWN.net" type="rss" xmlUrl="https://lwn.net/headlines/rss"/>
            <outline title="Über Blog" xmlurl="feed://example.org/feed?a=1&amp;b=2"/>
          </outline></outline>
          <outline text="A page" type="link" url="https://example.org/about"/>
          <outline text="Again" xmlUrl="HTTPS://LWN.NET/headlines/rss"/>
          <outline text="Script" xmlUrl="javascript:alert(1)"/>
          <outline text="Private" xmlUrl="https://reader:hunter2-secret@example.net/private.xml"/>
          <outline text="日本語" xmlUrl="https://example.jp/feed"/>
        </body></opml>
        """

    @Test func importPrintsOneCheckedLinePerNewFeedAndNamesWhatItLeftOut() async throws {
        let folder = try TemporaryFolder()
        try folder.write("subs.opml", Self.subscriptions)
        let result = try await CommandRunner.run(["import", "subs.opml"], in: folder.url)
        #expect(result.status == 0)
        #expect(result.stdout == """
            https://lwn.net/headlines/rss name=lwn.net tags="Tech News,Linux"
            http://example.org/feed?a=1&b=2 name=uber-blog tags="Tech News,Linux"
            https://example.net/private.xml name=private
            https://example.jp/feed

            """)
        #expect(result.stderrLines == [
            "feedspool: warning: subs.opml: left out HTTPS://LWN.NET/headlines/rss: already listed",
            #"feedspool: warning: subs.opml: left out: bad URL "javascript:alert(1)" (use http://, https:// or file://)"#,
            "feedspool: warning: subs.opml: https://example.net/private.xml: user and password left out; add them to the line yourself",
        ])
        #expect(!result.stdout.contains("hunter2") && !result.stderr.contains("hunter2"))
        // The lines are a sound configuration.
        try folder.write("feeds.conf", result.stdout)
        #expect(try await CommandRunner.run(["check"], in: folder.url).status == 0)
    }

    @Test func importLeavesOutFeedsAndNamesTheConfigurationHasAlready() async throws {
        let folder = try TemporaryFolder()
        try folder.write("subs.opml", """
            <opml><body><outline text="lwn" xmlUrl="https://lwn.net/headlines/rss"/>
            <outline text="lwn" xmlUrl="https://lwn.net/other"/></body></opml>
            """)
        try folder.write("feeds.conf", "https://LWN.net/headlines/rss name=lwn\n")
        let result = try await CommandRunner.run(["import", "subs.opml"], in: folder.url)
        #expect(result.status == 0)
        #expect(result.stdout == "https://lwn.net/other name=lwn-2\n")
        #expect(result.stderrLines == ["feedspool: warning: subs.opml: left out https://lwn.net/headlines/rss: already listed"])
    }

    @Test func importOfSomethingElseThanOPMLFailsWithOneLine() async throws {
        let folder = try TemporaryFolder()
        try folder.write("feed.xml", "<rss version=\"2.0\"><channel><title>x</title></channel></rss>")
        let result = try await CommandRunner.run(["import", "feed.xml"], in: folder.url)
        #expect(result.status == 1)
        #expect(result.stdout.isEmpty)
        #expect(result.stderrLines == ["feedspool: feed.xml: not OPML: this is a feed (<rss>); add its URL to feeds.conf instead"])
        let missing = try await CommandRunner.run(["import", "nowhere.opml"], in: folder.url)
        #expect(missing.status == 1)
        #expect(missing.stderrLines.count == 1)
        #expect(missing.stderr.contains("nowhere.opml"))
    }

    @Test func importRefusesToAddToABrokenConfiguration() async throws {
        let folder = try TemporaryFolder()
        try folder.write("subs.opml", Self.subscriptions)
        try folder.write("feeds.conf", "intervall = 1h\n")
        let result = try await CommandRunner.run(["import", "subs.opml"], in: folder.url)
        #expect(result.status == 1)
        #expect(result.stdout.isEmpty)
        #expect(result.stderr.contains("feeds.conf:1:"))
    }

    @Test func importReadsStandardInput() async throws {
        let folder = try TemporaryFolder()
        let result = try await CommandRunner.run(
            ["import", "-"], stdin: Data("<opml><body><outline xmlUrl=\"https://a.example/f\"/></body></opml>".utf8),
            in: folder.url)
        #expect(result.status == 0)
        #expect(result.stdout == "https://a.example/f\n")
    }

    @Test func exportThenImportGivesBackEveryFeedWithItsNameAndTags() async throws {
        let folder = try TemporaryFolder()
        try folder.write("feeds.conf", """
            interval = 1h
            https://lwn.net/headlines/rss name=lwn tags=news,linux
            https://example.org/feed.xml
            https://example.org/other.xml tags="Tech News"
            https://reader:hunter2-secret@example.net/private.xml name=private
            """)
        let exported = try await CommandRunner.run(["export"], in: folder.url)
        #expect(exported.status == 0)
        #expect(exported.stdout.hasPrefix("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<opml version=\"2.0\">"))
        #expect(!exported.stdout.contains("hunter2"))
        #expect(exported.stderrLines == ["feedspool: warning: private: exported without its user and password"])

        let other = try TemporaryFolder()
        try other.write("feeds.opml", exported.stdout)
        let imported = try await CommandRunner.run(["import", "feeds.opml"], in: other.url)
        #expect(imported.status == 0)
        // Feeds are grouped by their first tag in the list, so the order may change.
        #expect(imported.stdout.split(separator: "\n").sorted() == [
            "https://example.net/private.xml name=private",
            "https://example.org/feed.xml name=example.org-feed-xml",
            #"https://example.org/other.xml name=example.org-other-xml tags="Tech News""#,
            "https://lwn.net/headlines/rss name=lwn tags=news,linux",
        ])
    }
}
