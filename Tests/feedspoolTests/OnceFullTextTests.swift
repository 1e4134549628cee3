import Foundation
import Testing

/// `fulltext=yes`: the article comes from the entry's web page, cleaned of
/// the page around it; when the page cannot be had, the feed's summary.
@Suite struct OnceFullTextTests {
    @Test func aSummaryOnlyFeedDeliversTheArticleFromItsPage() async throws {
        let workspace = try await OnceWorkspace()
        let page = """
            <!DOCTYPE html><html><head><title>Moving the mail server | Admin notes</title></head><body>
            <nav><a href="/">Home</a> <a href="/about">About</a></nav>
            <article><h1>Moving the mail server</h1>
            <p>We moved the mail server to new hardware over one night, with a single short outage at three.</p>
            <p>The queue drained in four minutes once the new host took the address, and nothing was lost.</p>
            </article>
            <aside class="sidebar"><h2>Popular</h2><ul><li><a href="/x">Something else</a></li></ul></aside>
            <footer>© Admin notes</footer></body></html>
            """
        try Data(page.utf8).write(to: workspace.www.appendingPathComponent("mail.html"))
        let feed = """
            <rss version="2.0"><channel><title>Admin notes</title><link>\(workspace.url("/"))</link>
            <item><title>Moving the mail server</title><link>\(workspace.url("/plain/mail.html"))</link>
            <guid>mail-move</guid><description>We moved the mail server…</description></item>
            <item><title>Gone page</title><link>\(workspace.url("/status/404"))</link>
            <guid>gone-page</guid><description>Only the summary survives.</description></item>
            </channel></rss>
            """
        try Data(feed.utf8).write(to: workspace.www.appendingPathComponent("notes.rss"))
        try workspace.configure("\(workspace.url("/plain/notes.rss")) name=admin fulltext=yes")

        let result = try await workspace.once()
        #expect(result.status == 0)
        #expect(result.stderr == "feedspool: warning: admin: full text of \(workspace.url("/status/404")): HTTP 404; kept the feed's summary\n")
        let articles = try workspace.articles()
        let moved = try #require(articles.first { $0.title == "Moving the mail server" })
        let text = try #require(moved.string("content_text"))
        #expect(text.contains("with a single short outage at three."))
        #expect(text.contains("nothing was lost."))
        #expect(!text.contains("Popular"))
        #expect(!text.contains("Home"))
        #expect(moved.string("summary_text") == "We moved the mail server…")
        let gone = try #require(articles.first { $0.title == "Gone page" })
        #expect(gone.string("content_text") == "Only the summary survives.")
    }

    /// Cleaning takes several times a page in memory: a page over 16 MiB
    /// is not fetched whole, whatever the feed's `max-size`.
    @Test func aPageOver16MiBIsRefusedAndTheSummaryKept() async throws {
        let workspace = try await OnceWorkspace()
        let page = "<html><body><article><p>" + String(repeating: "Far too long. ", count: (17 << 20) / 14)
            + "</p></article></body></html>"
        try Data(page.utf8).write(to: workspace.www.appendingPathComponent("huge.html"))
        let feed = """
            <rss version="2.0"><channel><title>Huge</title>
            <item><title>Huge page</title><link>\(workspace.url("/plain/huge.html"))</link>
            <guid>huge</guid><description>Only the summary.</description></item></channel></rss>
            """
        try Data(feed.utf8).write(to: workspace.www.appendingPathComponent("huge.rss"))
        try workspace.configure("\(workspace.url("/plain/huge.rss")) name=huge fulltext=yes max-size=100M")
        let result = try await workspace.once()
        #expect(result.status == 0)
        #expect(result.stderr.hasPrefix("feedspool: warning: huge: full text of \(workspace.url("/plain/huge.html")): "))
        #expect(result.stderr.hasSuffix("; kept the feed's summary\n"))
        let article = try #require(try workspace.articles().first)
        #expect(article.string("content_text") == "Only the summary.")
    }

    @Test func pagesOfSeveralFeedsShareThePerHostCap() async throws {
        let workspace = try await OnceWorkspace()
        var lines: [String] = ["concurrency = 4", "per-host = 2"]
        for feed in ["a", "b"] {
            var items = ""
            for n in 1...4 {
                let page = "<html><body><article><h1>Page \(feed)\(n)</h1><p>The whole text of page \(feed)\(n), "
                    + "long enough to be an article of its own for the extractor.</p></article></body></html>"
                try Data(page.utf8).write(to: workspace.www.appendingPathComponent("\(feed)\(n).html"))
                items += "<item><title>Page \(feed)\(n)</title><link>\(workspace.url("/slow/\(feed)\(n).html"))</link>"
                    + "<guid>\(feed)\(n)</guid><description>Summary.</description></item>"
            }
            let rss = "<rss version=\"2.0\"><channel><title>Feed \(feed)</title>\(items)</channel></rss>"
            try Data(rss.utf8).write(to: workspace.www.appendingPathComponent("\(feed).rss"))
            lines.append("\(workspace.url("/plain/\(feed).rss")) name=\(feed) fulltext=yes")
        }
        try workspace.configure(lines.joined(separator: "\n"))

        let result = try await workspace.once()
        #expect(result.status == 0 && result.stderr == "")
        #expect(try workspace.articles().filter { $0.string("content_text")?.contains("The whole text of page") == true }.count == 8)
        // Every page is on the one host: however many feeds fetch pages at
        // once, no more than `per-host` requests are open together.
        let log = try workspace.server.requests().filter { $0.path.hasPrefix("/slow/") }
        var open = 0, peak = 0
        for request in log.sorted(by: { $0.time < $1.time }) {
            open += request.event == nil ? 1 : -1
            peak = max(peak, open)
        }
        #expect(log.count == 16)
        #expect(peak == 2)
    }
}
