import Testing
@testable import FeedParser

/// Entry authors: strings, the name when one is given, else the email; an
/// entry without authors takes the feed's.
@Suite struct AuthorTests {
    @Test func atomEntryWithoutAuthorTakesTheFeedAuthor() throws {
        let feed = try Fixture.feed("Feeds/atom10-video-channel.xml")
        #expect(feed.entries[0].authors == ["Bench Notes Workshop"])
        #expect(feed.entries[1].authors == ["Priya Raman"])
    }

    @Test func managingEditorIsTheChannelAuthorItemsInherit() throws {
        let feed = try Fixture.feed("Feeds/rss20-userland-namespace.xml")
        #expect(feed.entries[0].authors == ["Marit Olsen"])
        #expect(feed.entries[1].authors == ["Tomas Berg"])
    }

    @Test func channelDublinCoreCreatorAndItunesAuthorAreInherited() throws {
        let feed = try parse(rss(
            items: "<item><title>One</title></item>",
            channel: "<title>T</title><dc:creator>Ana Ruiz</dc:creator>"))
        #expect(feed.entries[0].authors == ["Ana Ruiz"])
    }

    @Test(arguments: [
        ("ed@example.org (Ed Example)", "Ed Example"),
        ("Ed Example (ed@example.org)", "Ed Example"),
        ("Ed Example &lt;ed@example.org&gt;", "Ed Example"),
        ("ed@example.org", "ed@example.org"),
        ("Sam (guest author)", "Sam (guest author)"),
    ])
    func everyRSSAuthorElementReadsTheSameForms(written: String, name: String) throws {
        for element in ["author", "dc:creator", "itunes:author"] {
            let feed = try parse("""
                <rss version="2.0" xmlns:dc="http://purl.org/dc/elements/1.1/" \
                xmlns:itunes="http://www.itunes.com/dtds/podcast-1.0.dtd"><channel>
                <item><\(element)>\(written)</\(element)></item></channel></rss>
                """)
            #expect(feed.entries[0].authors == [name], "\(element)")
        }
    }

    @Test func itunesOwnerIsApplesContactNotTheAuthor() throws {
        // The owner is "not publicly displayed" (Apple); feedparser files it under
        // publisher_detail, and lets its name overwrite the author only by a bug
        // (kurtmckee/feedparser#316).
        let channel = """
            <title>T</title><itunes:author>Sam Host - Gardening Talk</itunes:author>
            <itunes:owner><itunes:name>Sam Host</itunes:name>\
            <itunes:email>sam@example.org</itunes:email></itunes:owner>
            """
        let feed = try parse(podcast(items: "<item><title>One</title></item>", channel: channel))
        #expect(feed.entries[0].authors == ["Sam Host - Gardening Talk"])
        let ownerOnly = try parse(podcast(
            items: "<item><title>One</title></item>",
            channel: "<itunes:owner><itunes:name>Sam Host</itunes:name></itunes:owner>"))
        #expect(ownerOnly.entries[0].authors == [])
    }

    @Test func severalDublinCoreCreatorsAreAllAuthorsInOrder() throws {
        let feed = try parse(rss(items: """
            <item><dc:creator>Lee Park</dc:creator><dc:creator>Ana Ruiz</dc:creator>\
            <dc:creator>Lee Park</dc:creator></item>
            """))
        #expect(feed.entries[0].authors == ["Lee Park", "Ana Ruiz"])
    }

    @Test func webMasterIsNoAuthor() throws {
        let feed = try parse(rss(items: "<item><title>One</title></item>",
                                 channel: "<webMaster>web@example.org (Web Team)</webMaster>"))
        #expect(feed.entries[0].authors == [])
    }
}

/// Wraps RSS 2.0 `<item>` markup in a channel that binds the iTunes namespace.
private func podcast(items: String, channel: String) -> String {
    """
    <rss version="2.0" xmlns:itunes="http://www.itunes.com/dtds/podcast-1.0.dtd"><channel>
    \(channel)\(items)</channel></rss>
    """
}
