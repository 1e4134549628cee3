import FeedParser
import Foundation
import Testing

/// OPML subscription lists as feed readers really export them: folders,
/// missing or odd attributes, broken XML, legacy encodings.
@Suite struct SubscriptionListTests {
    private func read(_ text: String) throws -> [Subscription] {
        try SubscriptionList.read(Array(text.utf8))
    }

    @Test func nestedFoldersBecomeTagsOutermostFirst() throws {
        let feeds = try read("""
            <opml version="2.0"><head><title>x</title></head><body>
              <outline text="Tech"><outline title="Linux" text="ignored">
                <outline text="LWN" type="rss" xmlUrl="https://lwn.net/headlines/rss"/>
              </outline></outline>
              <outline text="Top" xmlUrl="https://example.org/top.xml"/>
            </body></opml>
            """)
        #expect(feeds == [
            Subscription(url: "https://lwn.net/headlines/rss", title: "LWN", tags: ["Tech", "Linux"]),
            Subscription(url: "https://example.org/top.xml", title: "Top", tags: []),
        ])
    }

    @Test func attributeNamesAreReadInAnyCaseAndTypeMayBeMissing() throws {
        let feeds = try read("""
            <opml version="1.0"><body>
              <outline TEXT="a" XMLURL="https://a.example/feed"/>
              <outline text="b" xmlurl="https://b.example/feed"/>
            </body></opml>
            """)
        #expect(feeds.map(\.url) == ["https://a.example/feed", "https://b.example/feed"])
        #expect(feeds.map(\.title) == ["a", "b"])
    }

    @Test func theTitleIsPreferredToTheTextAndBothMayBeAbsent() throws {
        let feeds = try read("""
            <opml><body><outline title="Title" text="Text" xmlUrl="https://a.example/f"/>
            <outline xmlUrl="https://b.example/f"/><outline text="  " xmlUrl="https://c.example/f"/></body></opml>
            """)
        #expect(feeds.map(\.title) == ["Title", nil, nil])
    }

    @Test func linksAndFoldersAreNotFeedsButTypedURLsAre() throws {
        let feeds = try read("""
            <opml><body>
              <outline text="a page" type="link" url="https://example.org/page.html"/>
              <outline text="empty folder"/>
              <outline text="typed" type="rss" url="https://example.org/feed.rss"/>
            </body></opml>
            """)
        #expect(feeds.map(\.url) == ["https://example.org/feed.rss"])
    }

    @Test func categorySegmentsAreTagsAfterTheFoldersWithoutRepeats() throws {
        let feeds = try read("""
            <opml><body><outline text="News"><outline text="w" xmlUrl="https://w.example/f"
              category="/Boston/Weather,News,/a,b/"/></outline></body></opml>
            """)
        #expect(feeds.first?.tags == ["News", "Boston", "Weather", "a", "b"])
    }

    @Test func entitiesInURLsAndTitlesAreDecodedAndFeedSchemesBecomeHTTP() throws {
        let feeds = try read("""
            <opml><body>
              <outline text="caf&eacute; &amp; co &#233;" xmlUrl="feed://example.org/f?a=1&amp;b=2"/>
              <outline text="s" xmlUrl="feed:https://example.org/secure"/>
            </body></opml>
            """)
        #expect(feeds.map(\.url) == ["http://example.org/f?a=1&b=2", "https://example.org/secure"])
        #expect(feeds.first?.title == "café & co é")
    }

    @Test func aBrokenListIsReadAsFarAsItGoes() throws {
        // A bare & and an unclosed folder, as hand-edited lists have.
        let feeds = try read("""
            <opml><body><outline text="R&D">
              <outline text="one" xmlUrl="https://one.example/f?a=1&b=2"/>
              <outline text="two" xmlUrl="https://two.example/f"/>
            </body></opml>
            """)
        #expect(feeds.map(\.url) == ["https://one.example/f?a=1&b=2", "https://two.example/f"])
        #expect(feeds.first?.tags == ["R&D"])
    }

    @Test func duplicatesAreLeftForTheCallerToReport() throws {
        let feeds = try read("""
            <opml><body><outline xmlUrl="https://a.example/f"/><outline xmlUrl="https://a.example/f"/></body></opml>
            """)
        #expect(feeds.count == 2)
    }

    @Test func aLatin1ListIsDecoded() throws {
        var bytes = Array(#"<?xml version="1.0" encoding="ISO-8859-1"?><opml><body><outline text="caf"#.utf8)
        bytes.append(0xE9)
        bytes += Array(#"" xmlUrl="https://a.example/f"/></body></opml>"#.utf8)
        #expect(try SubscriptionList.read(bytes).first?.title == "café")
    }

    @Test func declaredEntitiesNeverExpand() throws {
        let feeds = try read("""
            <?xml version="1.0"?><!DOCTYPE opml [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;">]>
            <opml><body><outline text="&b;" xmlUrl="https://a.example/f"/></body></opml>
            """)
        #expect(feeds.map(\.url) == ["https://a.example/f"])
        #expect(feeds.first?.title?.contains("aaaa") != true)
    }

    @Test(arguments: [
        ("<rss version=\"2.0\"><channel/></rss>", OPMLError.notOPML(rootElement: "rss")),
        ("<html><body>hi</body></html>", .notXML("an HTML page")),
        ("   ", .notXML("empty")),
        ("just words", .notXML("plain text")),
        ("{\"version\": 1}", .notXML("JSON")),
        ("<outlines/>", .notOPML(rootElement: "outlines")),
    ])
    func aDocumentThatIsNotOPMLIsRefusedWithItsKind(text: String, error: OPMLError) {
        #expect(throws: error) { try read(text) }
    }

    @Test func aFeedIsToldApartFromOtherXMLInTheMessage() {
        #expect(OPMLError.notOPML(rootElement: "feed").description
            == "not OPML: this is a feed (<feed>); add its URL to feeds.conf instead")
        #expect(OPMLError.notOPML(rootElement: "outlines").description == "not OPML: the root element is <outlines>, not opml")
    }

    @Test func theWriterEscapesMarkupAndControlCharacters() throws {
        let feed = Subscription(url: "https://a.example/f?x=1&y=<2>", title: "say \"hi\"\u{1}\n", tags: ["a&b"])
        let document = OPMLWriter.document([feed], title: "t & t", created: "Mon, 07 Dec 2026 00:00:00 GMT")
        #expect(document.contains(#"xmlUrl="https://a.example/f?x=1&amp;y=&lt;2&gt;""#))
        #expect(document.contains(#"title="say &quot;hi&quot;&#10;""#))
        #expect(document.contains("<title>t &amp; t</title>"))
        #expect(try SubscriptionList.read(Array(document.utf8)) == [
            Subscription(url: "https://a.example/f?x=1&y=<2>", title: "say \"hi\"", tags: ["a&b"]),
        ])
    }

    @Test func theCreationDateIsWrittenAsRFC822InGMT() {
        #expect(OPMLWriter.dateCreated(Date(timeIntervalSince1970: 1_796_605_323.7)) == "Mon, 07 Dec 2026 01:02:03 GMT")
        #expect(OPMLWriter.dateCreated(Date(timeIntervalSince1970: -1)) == "Wed, 31 Dec 1969 23:59:59 GMT")
        #expect(OPMLWriter.dateCreated(Date(timeIntervalSince1970: 0)) == "Thu, 01 Jan 1970 00:00:00 GMT")
    }

    @Test func writtenListsReadBackWithTheSameFeedsAndTags() throws {
        let feeds = [
            Subscription(url: "https://lwn.net/headlines/rss", title: "lwn", tags: ["news", "linux"]),
            Subscription(url: "https://example.org/b", title: "b", tags: []),
            Subscription(url: "https://example.org/c", title: "c", tags: ["news"]),
            Subscription(url: "https://example.org/d", title: "d", tags: ["misc", "x", "y"]),
        ]
        let document = OPMLWriter.document(feeds, title: "x", created: "Mon, 07 Dec 2026 00:00:00 GMT")
        let back = try SubscriptionList.read(Array(document.utf8))
        #expect(Set(back.map(\.url)) == Set(feeds.map(\.url)))
        for feed in feeds { #expect(back.first { $0.url == feed.url } == feed) }
    }
}

/// `feedspool parse` given a subscription list says what it is and what to use.
@Suite struct OPMLGivenToTheParserTests {
    @Test func anOPMLListIsNotAFeedAndTheMessageNamesImport() throws {
        let document = Array("<opml version=\"2.0\"><body><outline xmlUrl=\"https://a.example/f\"/></body></opml>".utf8)
        #expect(throws: FeedParseError.notAFeed(rootElement: "opml")) { try FeedParser().parse(document) }
        #expect(FeedParseError.notAFeed(rootElement: "opml").description.contains("feedspool import"))
    }
}
