import Testing
@testable import FeedParser

/// Media RSS, iTunes and Dublin Core fields, found by namespace URI whatever
/// the prefix, and RSS declared in a namespace of its own.
@Suite struct ModuleTests {
    @Test func mediaGroupGivesEnclosureSummaryAndCategories() throws {
        let feed = try Fixture.feed("Feeds/atom10-video-channel.xml")
        let first = feed.entries[0]
        #expect(first.enclosures == [Enclosure(url: "https://www.youtube.com/v/Qm3kN8wP2aE?version=3",
                                               type: "application/x-shockwave-flash")])
        #expect(first.summary == "New capacitors, a fresh regulator &amp; a case that finally closes.\nParts list in the pinned comment.")
        #expect(feed.entries[1].categories == ["Education"])
        #expect(feed.entries[1].summary == "Two hours of flux and questions.")
    }

    @Test func mediaTitleStandsInForAMissingTitleOnly() throws {
        let feed = try parse("""
            <rss version="2.0" xmlns:media="http://search.yahoo.com/mrss/"><channel>
            <item><media:title>From media</media:title></item>
            <item><media:title>From media</media:title><title>Own title</title></item>
            </channel></rss>
            """)
        #expect(feed.entries.map(\.title) == ["From media", "Own title"])
    }

    @Test func rssInUserlandNamespaceWithModulesUnderOtherPrefixes() throws {
        let feed = try Fixture.feed("Feeds/rss20-userland-namespace.xml")
        #expect(feed.format == .rss20)
        #expect(feed.title == "Harbour Radio Notes")
        #expect(feed.link == "https://harbourradio.example.net/")
        let first = feed.entries[0]
        #expect(first.title == "Gale warnings and what \"imminent\" means")
        #expect(printed(first.published) == "2024-11-04T05:00:00Z")
        #expect(first.categories == ["forecasts", "weather", "sea areas"])
        #expect(first.content == "<p>Imminent means within six hours.</p>")
    }

    @Test func itunesCategoriesNestedAndKeywordsAreCategories() throws {
        let feed = try parse("""
            <rss version="2.0" xmlns:itunes="http://www.itunes.com/dtds/podcast-1.0.dtd"><channel>
            <item><itunes:category text="Technology"><itunes:category text="Gadgets"/></itunes:category>
            <itunes:keywords>radio, , antennas </itunes:keywords></item></channel></rss>
            """)
        #expect(feed.entries[0].categories == ["Technology", "Gadgets", "radio", "antennas"])
    }

    @Test func dublinCoreTitleStandsInForAMissingTitle() throws {
        let feed = try parse(rss(items: "<item><dc:title>Only DC</dc:title></item>",
                                 channel: "<dc:title>Channel by DC</dc:title>"))
        #expect(feed.title == "Channel by DC")
        #expect(feed.entries[0].title == "Only DC")
    }

    @Test(arguments: ["http://purl.org/dc/elements/1.1", "https://purl.org/dc/elements/1.1/",
                      "HTTP://PURL.ORG/DC/ELEMENTS/1.1/"])
    func namespaceURIVariantsAreRecognised(uri: String) throws {
        let feed = try parse("""
            <rss version="2.0" xmlns:x="\(uri)"><channel><item><x:creator>Kim</x:creator></item></channel></rss>
            """)
        #expect(feed.entries[0].authors == ["Kim"])
    }
}

/// Element names in another case, and Atom 0.3 under a draft namespace.
@Suite struct ElementNameTests {
    @Test func rssElementNamesAreReadInAnyCase() throws {
        let feed = try parse("""
            <rss version="2.0"><channel><TiTlE>Example title</TiTlE>
            <ITEM><Title>One</Title><PUBDATE>Mon, 06 May 2024 10:00:00 GMT</PUBDATE></ITEM></channel></rss>
            """)
        #expect(feed.title == "Example title")
        #expect(feed.entries.map(\.title) == ["One"])
        #expect(printed(feed.entries[0].published) == "2024-05-06T10:00:00Z")
    }

    @Test func atom03FeedInAnUnknownDefaultNamespaceIsRead() throws {
        let feed = try parse("""
            <feed version="0.3" xmlns="http://example.com/newformat#"><title>Example Atom</title>
            <entry><title>First</title></entry></feed>
            """)
        #expect(feed.format == .atom03)
        #expect(feed.title == "Example Atom")
        #expect(feed.entries.map(\.title) == ["First"])
    }

    @Test func unknownNamespaceElementsStayOutsideOtherFeeds() throws {
        let feed = try parse(rss(items: """
            <item xmlns:x="http://example.org/x"><x:title>Not this</x:title><title>This</title></item>
            """))
        #expect(feed.entries[0].title == "This")
    }
}
