import Foundation
import Testing
@testable import FeedParser

/// Feeds with XML errors: the parser recovers every entry it can reach and
/// says what it recovered from in one line of `Feed.warnings`.
@Suite struct BrokenFeedTests {
    @Test func wellFormedFeedHasNoWarnings() throws {
        #expect(try Fixture.feed("Feeds/rss20-wordpress.xml").warnings == [])
        #expect(try Fixture.feed("Feeds/atom10-blog.xml").warnings == [])
    }

    @Test(arguments: [
        "Broken/bare-ampersand.xml", "Broken/unclosed-title.xml",
        "Broken/junk-after-root.xml", "Broken/truncated.xml",
    ])
    func brokenFeedGivesExactlyOneWarningLine(path: String) throws {
        let feed = try Fixture.feed(path)
        #expect(feed.warnings.count == 1)
        let warning = try #require(feed.warnings.first)
        #expect(warning.hasPrefix("recovered from broken XML: line "))
        #expect(!warning.contains("\n"))
    }

    // MARK: - Undefined entities

    /// An entity nobody declared is shown as written, the way browsers show
    /// an unknown `&name;`.
    @Test func undefinedEntityIsKeptAsTextAndEveryItemKept() throws {
        let feed = try Fixture.feed("Broken/undefined-entity.xml")
        #expect(feed.title == "Festival Listings")
        #expect(feed.entries.map(\.title) == ["Jazz on the pier", "Folk night &foo; open mic", "Late-night cinema"])
        #expect(feed.entries[0].summary == "Tickets &foo; day passes at the gate.")
        #expect(feed.entries.map(\.guid) == [
            "https://listings.example.org/events/jazz-pier",
            "https://listings.example.org/events/folk-night",
            "https://listings.example.org/events/cinema",
        ])
    }

    /// An undefined entity is a well-formedness error (XML 1.0, "WFC: Entity
    /// Declared"), so the feed is broken and says so, naming the entity.
    @Test func undefinedEntityIsReportedAsOneWarningLine() throws {
        let feed = try Fixture.feed("Broken/undefined-entity.xml")
        #expect(feed.warnings.count == 1)
        #expect(feed.warnings.first?.contains("foo") == true)
    }

    // MARK: - Bare ampersands

    @Test func bareAmpersandFeedKeepsEveryItem() throws {
        let feed = try Fixture.feed("Broken/bare-ampersand.xml")
        #expect(feed.entries.count == 2)
        #expect(feed.entries[1].title == "Spectrum auction raises $4.2bn")
        #expect(printed(feed.entries[0].published) == "2024-04-24T20:15:00Z")
        #expect(feed.warnings.first?.hasPrefix("recovered from broken XML: line 6: xmlParseEntityRef: no name") == true)
    }

    @Test func bareAmpersandInATitleStaysAnAmpersand() throws {
        let feed = try Fixture.feed("Broken/bare-ampersand.xml")
        #expect(feed.subtitle == "Carriers, spectrum & regulation")
        #expect(feed.entries.first?.title == "AT&T reports quarterly earnings")
    }

    @Test func bareAmpersandInALinkQueryIsKept() throws {
        let feed = try Fixture.feed("Broken/bare-ampersand.xml")
        #expect(feed.entries.first?.link
            == "https://telecomweekly.example.com/2024/04/att-earnings?utm_source=rss&utm_medium=feed")
    }

    // MARK: - Unclosed and misnested elements

    @Test func unclosedTitleStillYieldsEveryItem() throws {
        let feed = try Fixture.feed("Broken/unclosed-title.xml")
        #expect(feed.entries.count == 4)
        #expect(feed.entries[0].title == "First post")
        #expect(feed.entries[2].title == "Third post")
        #expect(feed.entries[2].link == "https://handrolled.example.net/3")
        #expect(feed.entries[3].title == "Fourth post")
        #expect(feed.warnings.first?.contains("Opening and ending tag mismatch: title line 13 and item") == true)
    }

    @Test func unclosedTitleDoesNotSwallowTheRestOfTheItem() throws {
        let entry = try Fixture.feed("Broken/unclosed-title.xml").entries[1]
        #expect(entry.title == "Second post, whose title never closes")
        #expect(entry.link == "https://handrolled.example.net/2")
        #expect(entry.guid == "https://handrolled.example.net/2")
    }

    @Test func itemLeftOpenIsClosedByTheNextItem() throws {
        let feed = try parse(rss(items: """
            <item><title>Left open</title><link>https://example.com/1</link>
            <item><title>Next</title><link>https://example.com/2</link></item>
            """))
        #expect(feed.entries.map(\.title) == ["Left open", "Next"])
        #expect(feed.entries.map(\.link) == ["https://example.com/1", "https://example.com/2"])
        #expect(feed.warnings.count == 1)
    }

    // MARK: - Junk and truncation

    @Test func junkAfterTheRootElementIsIgnored() throws {
        let feed = try Fixture.feed("Broken/junk-after-root.xml")
        #expect(feed.title == "Plugin Output")
        #expect(feed.entries.map(\.title) == ["Release 2.3", "Release 2.2"])
        #expect(feed.warnings == ["recovered from broken XML: line 16: Extra content at the end of the document"])
    }

    @Test func truncatedFeedKeepsEveryEntryUpToTheCut() throws {
        let feed = try Fixture.feed("Broken/truncated.xml")
        #expect(feed.entries.map(\.title) == ["Complete item one", "Complete item two", "Cut-off item three"])
        #expect(feed.entries[1].summary == "All there too.")
        #expect(feed.entries[2].link == "https://interrupted.example.com/three")
        #expect(feed.entries[2].summary == "This description stops in the mid")
        #expect(feed.warnings.first?.contains("Premature end of data") == true)
        #expect(feed.lastEntryIsCutOff)
    }

    @Test func feedCutBetweenEntriesHasNoCutOffEntry() throws {
        let feed = try parse("<rss version=\"2.0\"><channel><title>T</title><item><title>Whole</title></item>")
        #expect(feed.entries.map(\.title) == ["Whole"])
        #expect(!feed.lastEntryIsCutOff)
        #expect(try !Fixture.feed("Broken/junk-after-root.xml").lastEntryIsCutOff)
    }

    @Test func feedCutInsideTheChannelTitleKeepsTheTitle() throws {
        let feed = try parse("<rss version=\"2.0\"><channel><title>Cut sho")
        #expect(feed.title == "Cut sho")
        #expect(feed.entries.isEmpty)
        #expect(feed.warnings.count == 1)
    }

    @Test func invalidUTF8BytesDoNotLoseTheItems() throws {
        let feed = try Fixture.feed("Broken/invalid-bytes.xml")
        #expect(feed.title == "Bistro Menu")
        #expect(feed.entries.count == 2)
        let damaged = try #require(feed.entries.first?.title)
        #expect(damaged.hasPrefix("Today: soup"))
        #expect(damaged.hasSuffix("of the day"))
        #expect(feed.entries.first?.link == "https://bistro.example.com/today")
        #expect(feed.entries.last?.title == "Tomorrow: closed")
    }

    // MARK: - Too broken to be a feed

    @Test func documentWithNoElementIsMalformedXML() {
        let error = parseError(Array("<?xml version=\"1.0\"?><!-- nothing else -->".utf8))
        #expect(error == .malformedXML(line: 1, message: "Start tag expected, '<' not found"))
        #expect(error?.description == "not a feed: malformed XML at line 1: Start tag expected, '<' not found")
    }

    @Test func lessThanSignAloneIsMalformedXML() {
        guard case .malformedXML(let line, let message)? = parseError(Array("<".utf8)) else {
            Issue.record("expected malformedXML")
            return
        }
        #expect(line == 1)
        #expect(!message.isEmpty && !message.contains("\n"))
    }
}

/// Character references HTML allows and XML does not.
@Suite struct HTMLStyleReferenceTests {
    @Test func capitalXHexReferenceIsReadAsHTMLReadsIt() throws {
        let feed = try parse(rss(items: "<item><title>&#X41;&#x42;&#67; &amp; more</title></item>"))
        #expect(feed.entries[0].title == "ABC & more")
    }
}
