import Testing
@testable import FeedParser

/// An entry's link: `<link>` or an Atom alternate, else a permalink guid
/// only when it is an absolute http(s) URL; never an identifier.
@Suite struct LinkTests {
    @Test(arguments: ["a", "episode::1", "episode/1/", "tag:example.org,2024:1", "urn:uuid:1b4e28ba"])
    func guidThatIsNoWebURLIsNeverTheLink(guid: String) throws {
        let feed = try parse(rss(items: "<item><guid>\(guid)</guid></item>"),
                             baseURL: "https://example.org/feed.xml")
        #expect(feed.entries[0].guid == guid)
        #expect(feed.entries[0].link == nil)
    }

    @Test func relativeGuidUnderUserlandNamespaceIsNoLink() throws {
        let entry = try Fixture.feed("Feeds/rss20-userland-namespace.xml").entries[1]
        #expect(entry.guid == "episode/2/")
        #expect(entry.link == nil)
    }

    @Test func relativeGuidUnderXMLBaseIsTheLinkAndStaysTheGuid() throws {
        let feed = try parse("""
            <rss version="2.0"><channel xml:base="https://example.org/blog/">
            <item><guid>posts/7</guid></item>
            <item><guid isPermaLink="false">posts/8</guid></item>
            </channel></rss>
            """, baseURL: "https://example.org/feed.xml")
        #expect(feed.entries[0].guid == "posts/7")
        #expect(feed.entries[0].link == "https://example.org/blog/posts/7")
        #expect(feed.entries[1].link == nil)
    }

    @Test func absolutePermalinkGuidIsTheLink() throws {
        let feed = try parse(rss(items: "<item><guid>https://example.org/posts/7</guid></item>"))
        #expect(feed.entries[0].link == "https://example.org/posts/7")
    }
}

/// Bases that are no web address resolve nothing.
@Suite struct UnsafeBaseTests {
    @Test func javascriptBaseLeavesRelativeLinksAsWritten() throws {
        let feed = try parse(atom(entries: "", feed: "<link rel=\"alternate\" href=\"/abs\"/>"),
                             baseURL: "javascript:alert('unsafe');")
        #expect(feed.link == "/abs")
    }

    @Test func javascriptXMLBaseLeavesLinksRelative() throws {
        let feed = try parse(atom(entries: """
            <entry xml:base="javascript:alert(1)//"><link href="x"/></entry>
            """), baseURL: "https://example.org/feed")
        #expect(feed.entries[0].link == "x")
    }
}
