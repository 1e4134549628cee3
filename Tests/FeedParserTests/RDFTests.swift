import Foundation
import Testing
@testable import FeedParser

/// The RDF-based formats: RSS 1.0 with its Dublin Core fields, and
/// Netscape's RSS 0.90. Both put items, the image and the text input beside
/// the channel rather than inside it.
@Suite struct RDFTests {
    private static let mailingList = "Feeds/rss10-mailing-list.rdf"

    // MARK: - RSS 1.0

    @Test func rss10ChannelFieldsAreRead() throws {
        let feed = try Fixture.feed(Self.mailingList)
        #expect(feed.format == .rss10)
        #expect(feed.title == "tools-dev mailing list archive")
        #expect(feed.link == "https://lists.example.org/tools-dev/")
        #expect(feed.subtitle == "Recent posts to the tools-dev list")
        #expect(feed.language == "en")
        #expect(printed(feed.updated) == "2024-01-15T09:30:00Z")
        #expect(feed.warnings.isEmpty)
    }

    @Test func imageAndTextInputTitlesDoNotReplaceTheChannelTitle() throws {
        let feed = try Fixture.feed(Self.mailingList)
        #expect(feed.title == "tools-dev mailing list archive")
        #expect(feed.entries.map(\.title) == [
            "Re: [PATCH v3] build: drop the autotools fallback",
            "[PATCH v3] build: drop the autotools fallback",
        ])
    }

    @Test func rss10ItemReadsDublinCoreFields() throws {
        let entry = try Fixture.feed(Self.mailingList).entries[0]
        #expect(entry.guid == "https://lists.example.org/tools-dev/2024-January/000812.html")
        #expect(entry.link == "https://lists.example.org/tools-dev/2024-January/000812.html")
        #expect(entry.authors == ["Hiroshi Tanaka"])
        #expect(printed(entry.published) == "2024-01-15T09:30:00Z")
        #expect(entry.updated == nil)
        #expect(entry.categories == ["build", "patches"])
        #expect(entry.summary == "I tested this on <b>three</b> distributions & it builds cleanly.")
        #expect(entry.content == "<pre>I tested this on three distributions & it builds cleanly.\nTested-by: Hiroshi Tanaka</pre>")
    }

    @Test func itemWithoutALinkIsKnownByItsRDFAboutButHasNoLink() throws {
        // rdf:about names the item, as a guid that is no permalink does;
        // feedparser gives such an item no link either.
        let entry = try Fixture.feed(Self.mailingList).entries[1]
        #expect(entry.guid == "https://lists.example.org/tools-dev/2024-January/000811.html")
        #expect(entry.link == nil)
        #expect(printed(entry.published) == "2024-01-14T22:05:41Z")
    }

    @Test func dcCreatorWithAnAddressInAngleBracketsGivesTheName() throws {
        let entry = try Fixture.feed(Self.mailingList).entries[1]
        #expect(entry.authors == ["Lena Brandt"])
    }

    @Test func rdfAboutThatIsNoWebURLIsTheGuidButNotTheLink() throws {
        let feed = try parse("""
            <rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns="http://purl.org/rss/1.0/">
            <channel rdf:about="urn:x-list:tools"><title>URN list</title></channel>
            <item rdf:about="urn:x-list:tools:812"><title>Not a page</title></item>
            </rdf:RDF>
            """)
        #expect(feed.entries.first?.guid == "urn:x-list:tools:812")
        #expect(feed.entries.first?.link == nil)
    }

    // MARK: - RSS 0.90

    @Test func rss090IsRecognisedByItsNamespace() throws {
        let feed = try Fixture.feed("Feeds/rss090-netscape.rdf")
        #expect(feed.format == .rss09x)
        #expect(feed.title == "Hypertext Harbour")
        #expect(feed.link == "http://www.hypertext-harbour.example.com")
        #expect(feed.subtitle == "Links worth following, updated daily.")
        #expect(feed.warnings.isEmpty)
    }

    @Test func rss090ItemsBesideTheChannelAreAllRead() throws {
        let feed = try Fixture.feed("Feeds/rss090-netscape.rdf")
        #expect(feed.entries.map(\.title) == [
            "New browser beta ships with frames",
            "Webring etiquette, revisited",
            "Why your counter says 000017",
        ])
        #expect(feed.entries.map(\.link) == [
            "http://www.hypertext-harbour.example.com/1999/03/frames.html",
            "http://www.hypertext-harbour.example.com/1999/03/webrings.html",
            "http://www.hypertext-harbour.example.com/1999/03/counters.html",
        ])
        #expect(feed.entries.allSatisfy { $0.guid == nil && $0.published == nil && $0.summary == nil })
    }
}
