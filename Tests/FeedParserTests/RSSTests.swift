import Foundation
import Testing
@testable import FeedParser

/// RSS 0.91 to 2.0: a WordPress blog, a podcast, an old Netscape-era
/// channel, and the module elements feeds mix in.
@Suite struct RSSTests {
    // MARK: - A WordPress blog

    @Test func wordpressChannelFieldsAreRead() throws {
        let feed = try Fixture.feed("Feeds/rss20-wordpress.xml")
        #expect(feed.format == .rss20)
        #expect(feed.title == "Notes from the Allotment")
        #expect(feed.link == "https://allotment.example.org")
        #expect(feed.subtitle == "Growing vegetables badly since 2009")
        #expect(feed.language == "en-GB")
        #expect(printed(feed.updated) == "2024-05-14T07:12:44Z")
        #expect(feed.entries.count == 3)
        #expect(feed.warnings.isEmpty)
    }

    @Test func wordpressPostReadsEveryField() throws {
        let entry = try #require(try Fixture.feed("Feeds/rss20-wordpress.xml").entries.first)
        #expect(entry.guid == "https://allotment.example.org/?p=1412")
        #expect(entry.title == "Broad beans, blackfly & the art of giving up")
        #expect(entry.link == "https://allotment.example.org/2024/05/broad-beans-blackfly/")
        #expect(entry.authors == ["Margaret Hale"])
        #expect(printed(entry.published) == "2024-05-14T07:12:44Z")
        #expect(entry.updated == nil)
        #expect(entry.categories == ["Vegetables", "Pests"])
        #expect(entry.enclosures.isEmpty)
    }

    @Test func cdataDescriptionIsKeptVerbatimAsHTML() throws {
        let entry = try #require(try Fixture.feed("Feeds/rss20-wordpress.xml").entries.first)
        // Inside CDATA nothing is an XML entity: `&nbsp;` and `&#8211;` are the HTML's own.
        #expect(entry.summary
            == "The blackfly arrived on a Tuesday.&nbsp;By Thursday every tip was black &#8211; pinch them out&#8230;")
    }

    @Test func contentEncodedKeepsItsMarkupAndRelativeURLsUntouched() throws {
        let entry = try #require(try Fixture.feed("Feeds/rss20-wordpress.xml", baseURL: "https://allotment.example.org/feed/").entries.first)
        #expect(entry.content == """
            <p>The blackfly arrived on a Tuesday.&nbsp;By Thursday every tip was black.</p>
            <figure class="wp-block-image size-large"><img src="/wp-content/uploads/2024/05/beans-1024x768.jpg" alt="Broad beans &amp; blackfly"/></figure>
            <p>Read <a href="../2023/06/nasturtiums/">last year&#8217;s post</a> first.</p>
            """)
    }

    @Test func undeclaredHTMLEntitiesDecodeInTitlesAndDescriptions() throws {
        let entry = try Fixture.feed("Feeds/rss20-wordpress.xml").entries[1]
        #expect(entry.title == "Week 19 harvest: rhubarb, more rhubarb\u{2026}")
        #expect(entry.summary == "Rhubarb\u{A0}crumble, rhubarb fool & rhubarb gin\u{2026} "
            + "<a href=\"https://allotment.example.org/2024/05/week-19-harvest/\">Continue reading</a>")
    }

    @Test func everyDCCreatorIsAnAuthor() throws {
        let entry = try Fixture.feed("Feeds/rss20-wordpress.xml").entries[1]
        #expect(entry.authors == ["Margaret Hale", "Tom Okonjo"])
    }

    @Test func titleAndCategoryWhitespaceCollapses() throws {
        let entry = try Fixture.feed("Feeds/rss20-wordpress.xml").entries[2]
        #expect(entry.title == "Seed potatoes: to chit or not to chit?")
        #expect(entry.categories == ["Potatoes", "Growing tips"])
        #expect(printed(entry.published) == "2024-03-08T08:30:00Z")
    }

    @Test func channelImageTitleDoesNotReplaceTheChannelTitle() throws {
        let feed = try Fixture.feed("Feeds/rss20-wordpress.xml")
        #expect(feed.title == "Notes from the Allotment")
    }

    @Test func atomSelfLinkInAChannelIsNotTheChannelLink() throws {
        let feed = try parse(rss(items: "", channel: """
            <atom:link xmlns:atom="http://www.w3.org/2005/Atom" href="https://example.com/feed/" rel="self" type="application/rss+xml"/>
            <title>Only a self link</title>
            """))
        #expect(feed.link == nil)
    }

    // MARK: - A podcast

    @Test func podcastChannelFieldsAreRead() throws {
        let feed = try Fixture.feed("Feeds/rss20-podcast.xml", baseURL: "https://signalnoise.example.fm/feed.xml")
        #expect(feed.title == "Signal & Noise: The Radio Engineering Hour")
        #expect(feed.link == "https://signalnoise.example.fm/")
        #expect(feed.subtitle == "Weekly conversations about antennas, propagation and the people who build radios.")
        #expect(feed.language == "en-us")
        // No lastBuildDate: the channel's pubDate is when it last changed.
        #expect(printed(feed.updated) == "2024-05-02T09:00:00Z")
        #expect(feed.entries.count == 3)
    }

    @Test func podcastEnclosureKeepsTypeAndLength() throws {
        let entry = try Fixture.feed("Feeds/rss20-podcast.xml").entries[0]
        #expect(entry.enclosures == [Enclosure(
            url: "https://cdn.signalnoise.example.fm/episodes/042-ferrite.mp3", type: "audio/mpeg", length: 48_213_776)])
    }

    @Test func mediaContentDuplicatingTheEnclosureIsDroppedButGroupAlternativesAreKept() throws {
        let entry = try Fixture.feed("Feeds/rss20-podcast.xml").entries[1]
        #expect(entry.enclosures == [
            Enclosure(url: "https://cdn.signalnoise.example.fm/episodes/041-mailbag-128.mp3", type: "audio/mpeg", length: 28_901_234),
            Enclosure(url: "https://cdn.signalnoise.example.fm/episodes/041-mailbag-64.mp3", type: "audio/mpeg", length: 14_450_617),
        ])
    }

    @Test func relativeEnclosureResolvesAgainstTheFeedURLAndAnEmptyLengthIsUnknown() throws {
        let entry = try Fixture.feed("Feeds/rss20-podcast.xml", baseURL: "https://signalnoise.example.fm/feed.xml").entries[2]
        #expect(entry.enclosures == [Enclosure(
            url: "https://signalnoise.example.fm/media/040-bonus-field-day.m4a", type: "audio/x-m4a", length: nil)])
    }

    @Test func rssAuthorAndItunesAuthorNamingTheSamePersonGiveOneAuthor() throws {
        let entry = try Fixture.feed("Feeds/rss20-podcast.xml").entries[0]
        #expect(entry.authors == ["Dana Whitfield"])
    }

    @Test func itunesAuthorIsAnAuthor() throws {
        let entry = try Fixture.feed("Feeds/rss20-podcast.xml").entries[1]
        #expect(entry.authors == ["Dana Whitfield & Priya Raman"])
    }

    @Test func episodeWithoutAuthorInheritsTheChannelAuthor() throws {
        let entry = try Fixture.feed("Feeds/rss20-podcast.xml").entries[2]
        #expect(entry.authors == ["Dana Whitfield"])
    }

    @Test func itunesSummaryStandsInForAMissingDescriptionEscapedAsHTML() throws {
        let entry = try Fixture.feed("Feeds/rss20-podcast.xml").entries[0]
        #expect(entry.summary
            == "A deep dive into loopstick antennas &amp; the ferrite that makes them work. Bring a &lt;notebook&gt;.")
    }

    @Test func descriptionWinsOverItunesSummary() throws {
        let entry = try Fixture.feed("Feeds/rss20-podcast.xml").entries[1]
        #expect(entry.summary == "<p>Your questions about <a href=\"/episodes/38\">episode 38</a>, answered.</p>")
        // The category, then the episode's itunes:keywords, each as written.
        #expect(entry.categories == ["Mailbag", "mailbag", "questions"])
    }

    @Test func guidMarkedNotAPermalinkIsNeverTheLink() throws {
        let entry = try Fixture.feed("Feeds/rss20-podcast.xml").entries[0]
        #expect(entry.guid == "signalnoise-042")
        #expect(entry.link == nil)
        #expect(printed(entry.published) == "2024-05-02T09:00:00Z")
    }

    @Test func permalinkGuidIsTheLinkWhenThereIsNoLink() throws {
        let entry = try Fixture.feed("Feeds/rss20-podcast.xml").entries[2]
        #expect(entry.guid == "https://signalnoise.example.fm/episodes/bonus-field-day")
        #expect(entry.link == "https://signalnoise.example.fm/episodes/bonus-field-day")
    }

    @Test func guidThatIsNoWebURLIsNeverTheLink() throws {
        let feed = try parse(rss(items: "<item><title>Plain</title><guid>urn:uuid:3f1a9c2e-55b0-4f7e-9a55-0d3c6f7b8e21</guid></item>"))
        #expect(feed.entries.first?.guid == "urn:uuid:3f1a9c2e-55b0-4f7e-9a55-0d3c6f7b8e21")
        #expect(feed.entries.first?.link == nil)
    }

    // MARK: - Authors

    @Test(arguments: [
        ("jo@example.com (Jo Bloggs)", "Jo Bloggs"),
        ("jo@example.com   (Jo   Bloggs)", "Jo Bloggs"),
        ("Jo Bloggs &lt;jo@example.com&gt;", "Jo Bloggs"),
        ("&lt;jo@example.com&gt;", "jo@example.com"),
        ("jo@example.com", "jo@example.com"),
        ("Jo Bloggs", "Jo Bloggs"),
    ])
    func rssAuthorFormsGiveTheName(written: String, name: String) throws {
        let feed = try parse(rss(items: "<item><title>A</title><author>\(written)</author></item>"))
        #expect(feed.entries.first?.authors == [name])
    }

    /// "Name (nickname)" has no email before the parentheses, so it is not
    /// RSS's "email (Name)" form and is a name as a whole (newsboat's
    /// `rss_09x_with_bracket_author.xml` has the same case).
    @Test func rssAuthorWithParenthesesButNoEmailIsKeptWhole() throws {
        let feed = try parse(rss(items: "<item><title>A</title><author>Author (name)</author></item>"))
        #expect(feed.entries.first?.authors == ["Author (name)"])
    }

    @Test func emptyAuthorElementsGiveNoAuthor() throws {
        let feed = try parse(rss(items: "<item><title>A</title><author></author><author/><dc:creator> </dc:creator></item>"))
        #expect(feed.entries.first?.authors == [])
    }

    // MARK: - Undeclared prefixes

    @Test func dcElementsWithoutANamespaceDeclarationAreStillRead() throws {
        let feed = try Fixture.feed("Feeds/rss20-undeclared-dc.xml")
        #expect(feed.title == "Westbury Town Council: Minutes")
        #expect(feed.language == "en-gb")
        #expect(feed.entries.count == 2)
        let entry = feed.entries[0]
        #expect(entry.authors == ["Clerk to the Council"])
        #expect(printed(entry.published) == "2024-05-08T08:15:00Z")
        #expect(entry.categories == ["Planning"])
        #expect(feed.entries[1].authors == ["Deputy Clerk"])
        #expect(printed(feed.entries[1].published) == "2024-05-01T16:00:00Z")
    }

    @Test func undeclaredPrefixIsReportedAsOneWarningLine() throws {
        let feed = try Fixture.feed("Feeds/rss20-undeclared-dc.xml")
        #expect(feed.warnings.count == 1)
        #expect(feed.warnings.first?.contains("Namespace prefix dc") == true)
        #expect(feed.warnings.first?.contains("\n") == false)
    }

    // MARK: - RSS 0.91

    @Test func netscapeChannelWithDoctypeDecodesHTMLEntities() throws {
        let feed = try Fixture.feed("Feeds/rss091-doctype-entities.xml")
        #expect(feed.format == .rss09x)
        #expect(feed.title == "Café Society Weekly")
        #expect(feed.link == "http://www.cafesociety.example.com/")
        #expect(feed.subtitle == "News & gossip from the espresso bar \u{2014} since 1999")
        #expect(feed.language == "en-us")
        #expect(feed.updated == nil)
        #expect(feed.warnings.isEmpty)
    }

    @Test func netscapeItemsHaveTitleLinkAndDescriptionOnly() throws {
        let feed = try Fixture.feed("Feeds/rss091-doctype-entities.xml")
        #expect(feed.entries.count == 2)
        let first = feed.entries[0]
        #expect(first.title == "Price of a cortado: £2.40 \u{2013} outrageous?")
        #expect(first.link == "http://www.cafesociety.example.com/2001/03/cortado.html")
        #expect(first.summary == "Our correspondent <i>Renée</i> weighs in\u{2026}\u{A0}and is not amused.")
        #expect(first.guid == nil)
        #expect(first.published == nil)
        // The channel's managingEditor, "email (Name)", is every item's author.
        #expect(first.authors == ["João Pereira"])
        #expect(feed.entries[1].title == "Latte art «championship» results")
        #expect(feed.entries[1].summary == "Winners, losers & one very tall \"swan\".")
    }

    @Test(arguments: [
        ("0.91", FeedFormat.rss09x), ("0.92", .rss09x), ("0.93", .rss09x), ("0.94", .rss09x),
        ("2.0", .rss20), ("2.0.1", .rss20),
    ])
    func versionAttributeDecidesTheFormat(version: String, format: FeedFormat) throws {
        let feed = try parse("<rss version=\"\(version)\"><channel><title>V</title></channel></rss>")
        #expect(feed.format == format)
    }

    @Test func rssWithoutAVersionIsRSS20() throws {
        let feed = try parse("<rss><channel><title>No version</title></channel></rss>")
        #expect(feed.format == .rss20)
    }

    // MARK: - Layout quirks

    @Test func itemsBesideTheChannelAreRead() throws {
        let feed = try parse("""
            <rss version="2.0"><channel><title>Outside</title></channel>
            <item><title>Stray item</title><link>https://example.com/stray</link></item></rss>
            """)
        #expect(feed.title == "Outside")
        #expect(feed.entries.map(\.title) == ["Stray item"])
    }

    @Test func sourceElementDoesNotReplaceTheItemTitle() throws {
        let feed = try parse(rss(items: """
            <item><title>Original headline</title>\
            <source url="https://wire.example.com/rss">Wire Service Feed</source></item>
            """))
        #expect(feed.entries.first?.title == "Original headline")
    }

    @Test func contentEncodedAndDescriptionAreKeptApart() throws {
        let feed = try parse(rss(items: """
            <item><title>Both</title><description>Short.</description>\
            <content:encoded><![CDATA[<p>Long.</p>]]></content:encoded></item>
            """))
        #expect(feed.entries.first?.summary == "Short.")
        #expect(feed.entries.first?.content == "<p>Long.</p>")
    }

    @Test func firstOfRepeatedTextFieldsAndLastOfRepeatedDatesWin() throws {
        let feed = try parse(rss(items: """
            <item><title>First title</title><title>Second title</title>\
            <link>https://example.com/first</link><link>https://example.com/second</link>\
            <pubDate>Mon, 06 May 2024 10:00:00 GMT</pubDate><pubDate>Tue, 07 May 2024 10:00:00 GMT</pubDate></item>
            """))
        let entry = try #require(feed.entries.first)
        #expect(entry.title == "First title")
        #expect(entry.link == "https://example.com/first")
        // feedparser's rule: a later date overwrites, a later text does not.
        #expect(printed(entry.published) == "2024-05-07T10:00:00Z")
    }

    @Test func unreadableLaterDateDoesNotEraseAnEarlierOne() throws {
        let feed = try parse(rss(items: """
            <item><pubDate>Mon, 06 May 2024 10:00:00 GMT</pubDate><pubDate>soon</pubDate></item>
            """))
        #expect(printed(feed.entries[0].published) == "2024-05-06T10:00:00Z")
    }

    @Test func dcDateBesideAPubDateIsTheUpdateDate() throws {
        let feed = try parse(rss(items: """
            <item><pubDate>Mon, 06 May 2024 10:00:00 GMT</pubDate><dc:date>2024-05-08T09:00:00Z</dc:date></item>
            <item><dc:date>2024-05-08T09:00:00Z</dc:date></item>
            """))
        #expect(printed(feed.entries[0].published) == "2024-05-06T10:00:00Z")
        #expect(printed(feed.entries[0].updated) == "2024-05-08T09:00:00Z")
        #expect(printed(feed.entries[1].published) == "2024-05-08T09:00:00Z")
        #expect(feed.entries[1].updated == nil)
    }

    @Test func atomDatesInsideRSSItemsAreRead() throws {
        let feed = try parse("""
            <rss version="2.0" xmlns:atom="http://www.w3.org/2005/Atom"><channel><item>
            <pubDate>Wed, 20 Dec 2006 21:42:06 +0000</pubDate><atom:updated>2006-12-20T22:42:09.090+01:00</atom:updated>
            </item></channel></rss>
            """)
        #expect(printed(feed.entries[0].updated) == "2006-12-20T21:42:09Z")
    }
}
