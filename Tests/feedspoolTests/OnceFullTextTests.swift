import Foundation
import Testing

/// `fulltext=yes`: the article comes from the entry's web page, cleaned of
/// the page around it; when the page cannot be had, the feed's summary.
@Suite struct OnceFullTextTests {
    @Test func aSummaryOnlyFeedDeliversTheArticleFromItsPage() throws {
        let workspace = try OnceWorkspace()
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

        let result = try workspace.once()
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
}
