import Foundation
import Testing

/// Feed templates end to end: `feedspool once` against the fixture server,
/// the articles in the spool, `feedspool status`. `announcements.rss` holds
/// six release announcements of one project, worded alike, with their own
/// version, counts and link, and the same thanks line and line of site links
/// at the end of each; `announcements-next.rss` adds a seventh.
@Suite struct OnceTemplateTests {
    static let versions = ["3.2.0", "3.1.4", "3.1.3", "3.1.2", "3.1.1", "3.1.0"]
    static let thanks = "Thanks to everyone who reported bugs, tested release candidates and sent patches. — The Tidewater release team"
    static let links = "Tidewater · Documentation · Community"

    /// The thanks line is repeated too, but it is plain prose: only the
    /// links, boilerplate on their own, go.
    @Test func theIdenticalLinksGoAndEveryReleaseKeepsItsOwnTextAndThanks() async throws {
        let workspace = try await OnceWorkspace()
        try workspace.serve("announcements.rss")
        try workspace.configure("""
            \(workspace.url("/feeds/announcements.rss")) name=learned
            \(workspace.url("/plain/announcements.rss")) name=whole template=no
            """)
        let result = try await workspace.once()
        #expect(result.status == 0)
        #expect(result.stderr == "")
        let articles = try workspace.articles()
        let learned = articles.filter { $0.feedName == "learned" }
        #expect(learned.count == 6)
        for article in learned {
            let version = try #require(Self.versions.first { article.title == "Tidewater \($0) released" })
            let text = try #require(article.string("content_text"))
            #expect(text.hasPrefix("Tidewater \(version) is available: "))
            #expect(text.hasSuffix("Download it from the release page.\n\n" + Self.thanks))
            #expect(!text.contains("Documentation"))
            #expect(article.string("content_html")?.contains("https://tidewater.example.org/releases/\(version)/") == true)
            let removed = try #require(article.object["removed"] as? [[String: Any]])
            #expect(removed.count == 1)
            #expect(removed.first?["rule"] as? String == "feed-template")
            #expect(removed.first?["text"] as? String == Self.links)
            #expect(article.text.contains(#""removed":[{"what":"feed template: \"Tidewater · Documentation · Community\"","chars":37,"rule":"feed-template","text":""#))
        }

        // `template=no`: the same feed keeps its repeated lines.
        let whole = articles.filter { $0.feedName == "whole" }
        #expect(whole.count == 6)
        for article in whole {
            #expect(article.string("content_text")?.hasSuffix("\n\n" + Self.thanks + "\n\n" + Self.links) == true)
            #expect((article.object["removed"] as? [Any])?.isEmpty == true)
        }
    }

    @Test func statusCountsTheBlocksEachFeedsTemplateRemoved() async throws {
        let workspace = try await OnceWorkspace()
        try workspace.serve("announcements.rss")
        try workspace.serve("announcements.rss", as: "copy.rss")
        try workspace.configure("""
            \(workspace.url("/plain/announcements.rss")) name=learned
            \(workspace.url("/feeds/copy.rss")) name=whole template=no
            \(workspace.url("/plain/copy.rss")) name=raw clean=no
            """)
        func templateColumn() async throws -> [String: String] {
            let status = try await CommandRunner.run(["status"], in: workspace.folder.url)
            #expect(status.status == 0)
            let lines = status.stdout.split(separator: "\n").map { $0.split(separator: "\t").map(String.init) }
            #expect(lines.first == ["feed", "last poll", "result", "failures", "next poll", "notes", "template"])
            return Dictionary(uniqueKeysWithValues: lines.dropFirst().map { ($0[0], $0[6]) })
        }
        await #expect(try templateColumn() == ["learned": "-", "whole": "off", "raw": "off"])

        #expect(try await workspace.once().status == 0)
        await #expect(try templateColumn() == ["learned": "6 last, 6 total", "whole": "off", "raw": "off"])

        // Nothing new: the counts of the last delivery stay.
        #expect(try await workspace.once().status == 0)
        await #expect(try templateColumn()["learned"] == "6 last, 6 total")

        try workspace.serve("announcements-next.rss", as: "announcements.rss")
        #expect(try await workspace.once().status == 0)
        await #expect(try templateColumn()["learned"] == "1 last, 7 total")
        let newest = try workspace.articles().filter { $0.feedName == "learned" && $0.title == "Tidewater 3.2.1 released" }
        #expect(newest.first?.string("content_text")
            == "Tidewater 3.2.1 is available: 23 commits from 7 authors.\n\nFixes the new retention setting for feeds "
            + "without guids. Download it from the release page.\n\n" + Self.thanks)
    }

    @Test func anEntryThatCleaningWouldEmptyIsDeliveredSanitisedAndSaysSo() async throws {
        let workspace = try await OnceWorkspace()
        let body = "<h3>Leave a Reply</h3><p>Your email address will not be published.</p>"
        try Data("""
            <rss version="2.0"><channel><title>Replies</title>
            <item><title>Open thread</title><guid>urn:thread:1</guid>
            <description>\(body.replacingOccurrences(of: "<", with: "&lt;"))</description></item>
            </channel></rss>
            """.utf8).write(to: workspace.www.appendingPathComponent("replies.rss"))
        try workspace.configure("\(workspace.url("/plain/replies.rss")) name=replies")
        #expect(try await workspace.once().status == 0)
        let article = try #require(try workspace.articles().first)
        #expect(article.string("content_text") == "Leave a Reply\n\nYour email address will not be published.")
        let removed = try #require(article.object["removed"] as? [[String: Any]])
        #expect(removed.compactMap { $0["rule"] as? String } == ["fallback"])
    }

    @Test func aPageWithoutArticleTextKeepsTheFeedsSummaryAndSaysSo() async throws {
        let workspace = try await OnceWorkspace()
        try Data("<!DOCTYPE html><html><body><nav><a href=\"/\">Home</a></nav></body></html>".utf8)
            .write(to: workspace.www.appendingPathComponent("empty.html"))
        let page = workspace.url("/plain/empty.html")
        try Data("""
            <rss version="2.0"><channel><title>Admin notes</title>
            <item><title>Moved</title><link>\(page)</link><guid>moved</guid>
            <description>We moved the mail server to new hardware.</description></item>
            </channel></rss>
            """.utf8).write(to: workspace.www.appendingPathComponent("notes.rss"))
        try workspace.configure("\(workspace.url("/plain/notes.rss")) name=admin fulltext=yes")
        let result = try await workspace.once()
        #expect(result.status == 0)
        #expect(result.stderr == "feedspool: warning: admin: full text of \(page): no article text on the page; kept the feed's summary\n")
        #expect(try workspace.articles().first?.string("content_text") == "We moved the mail server to new hardware.")
    }
}
