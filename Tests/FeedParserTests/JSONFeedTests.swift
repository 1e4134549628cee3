import Foundation
import Testing
@testable import FeedParser

/// JSON Feed 1.0 and 1.1 (https://jsonfeed.org): authors in both shapes,
/// HTML and text content, attachments, and JSON that is no JSON Feed.
@Suite struct JSONFeedTests {
    private static let sketchbook = "Feeds/jsonfeed10-sketchbook.json"
    private static let podcast = "Feeds/jsonfeed11-podcast.json"

    // MARK: - JSON Feed 1.0

    @Test func version10FeedFieldsAreRead() throws {
        let feed = try Fixture.feed(Self.sketchbook)
        #expect(feed.format == .json1x)
        #expect(feed.title == "Brent's Sketchbook")
        #expect(feed.link == "https://sketchbook.example.com/")
        #expect(feed.subtitle == "Drawings, mostly of birds.")
        #expect(feed.language == nil)
        #expect(feed.updated == nil)
        #expect(feed.entries.count == 2)
        #expect(feed.warnings.isEmpty)
    }

    @Test func version10ItemReadsEveryField() throws {
        let entry = try Fixture.feed(Self.sketchbook).entries[0]
        #expect(entry.guid == "2024-05-03-heron")
        #expect(entry.title == "Grey heron, Regent\u{2019}s Canal")
        #expect(entry.link == "https://sketchbook.example.com/2024/05/03/heron/")
        #expect(printed(entry.published) == "2024-05-03T13:20:00Z")
        #expect(printed(entry.updated) == "2024-05-04T07:00:00Z")
        #expect(entry.categories == ["ink", "birds"])
        #expect(entry.enclosures == [])
    }

    @Test func contentHTMLIsKeptVerbatim() throws {
        let entry = try Fixture.feed(Self.sketchbook).entries[0]
        #expect(entry.content == "<p>Ink &amp; wash on <em>Arches</em> paper.</p>\n<img src=\"/img/2024/heron.jpg\" alt=\"heron\">")
    }

    @Test func plainTextSummaryIsEscapedAsHTML() throws {
        let entry = try Fixture.feed(Self.sketchbook).entries[0]
        #expect(entry.summary == "A heron &amp; a shopping trolley")
    }

    @Test func version10AuthorObjectIsInheritedByEveryItem() throws {
        let feed = try Fixture.feed(Self.sketchbook)
        #expect(feed.entries.map(\.authors) == [["Brent Okafor"], ["Brent Okafor"]])
    }

    @Test func numericIDRelativeURLAndContentTextAreHandled() throws {
        let entry = try Fixture.feed(Self.sketchbook).entries[1]
        #expect(entry.guid == "1041")
        #expect(entry.title == nil)
        #expect(entry.link == "https://sketchbook.example.com/2024/04/28/pigeons/")
        #expect(entry.content == "Pigeons &lt; crows. Discuss.")
        #expect(entry.summary == nil)
        #expect(printed(entry.published) == "2024-04-28T08:00:00Z")
    }

    // MARK: - JSON Feed 1.1

    @Test func version11FeedFieldsAreRead() throws {
        let feed = try Fixture.feed(Self.podcast)
        #expect(feed.format == .json1x)
        #expect(feed.title == "The Quiet Hour")
        #expect(feed.link == "https://quiethour.example.com")
        #expect(feed.subtitle == "Slow conversations about attention.")
        #expect(feed.language == "en-GB")
        #expect(feed.entries.count == 2)
    }

    @Test func itemAuthorsReplaceTheFeedAuthors() throws {
        let entry = try Fixture.feed(Self.podcast).entries[0]
        #expect(entry.authors == ["Amara Lindqvist"])
    }

    @Test func itemWithoutAuthorsInheritsTheAuthorsArray() throws {
        let entry = try Fixture.feed(Self.podcast).entries[1]
        #expect(entry.authors == ["Amara Lindqvist", "Jonah Reyes"])
    }

    @Test func attachmentsBecomeEnclosuresResolvedAgainstTheFeedURL() throws {
        let entry = try Fixture.feed(Self.podcast).entries[0]
        #expect(entry.enclosures == [
            Enclosure(url: "https://media.quiethour.example.com/17.mp3", type: "audio/mpeg", length: 31_457_280),
            Enclosure(url: "https://quiethour.example.com/transcripts/17.vtt", type: "text/vtt", length: nil),
        ])
    }

    @Test func contentTextOnlyIsEscapedAsHTMLKeepingLineBreaks() throws {
        let entry = try Fixture.feed(Self.podcast).entries[0]
        #expect(entry.content == "Show notes:\n- Boredom &amp; attention\n- &lt;Silence&gt; as a feature")
        #expect(entry.title == "17: On boredom")
        #expect(entry.categories == ["attention"])
        #expect(printed(entry.published) == "2024-03-01T06:00:00Z")
    }

    @Test func externalURLIsTheLinkWhenThereIsNoURL() throws {
        let entry = try Fixture.feed(Self.podcast).entries[1]
        #expect(entry.link == "https://reviews.example.org/quiet-hour-season-two")
    }

    @Test func unparseableDateIsNullAndAttachmentWithoutURLIsSkipped() throws {
        let entry = try Fixture.feed(Self.podcast).entries[1]
        #expect(entry.published == nil)
        #expect(entry.enclosures == [])
    }

    // MARK: - Edge cases

    @Test func relativeLinksResolveAgainstTheDocumentURLWhenFeedURLIsNotAbsolute() throws {
        let feed = try parse("""
            {"version": "https://jsonfeed.org/version/1.1", "title": "Relative", "feed_url": "feed.json",
             "home_page_url": "/", "items": [{"id": "1", "url": "posts/1"}]}
            """, baseURL: "https://relative.example.com/blog/feed.json")
        #expect(feed.link == "https://relative.example.com/")
        #expect(feed.entries.first?.link == "https://relative.example.com/blog/posts/1")
    }

    @Test func itemsThatAreNotObjectsAreSkipped() throws {
        let feed = try parse("""
            {"version": "https://jsonfeed.org/version/1", "title": "Mixed",
             "items": [1, "two", null, {"id": "3", "title": "Three"}]}
            """)
        #expect(feed.entries.map(\.title) == ["Three"])
    }

    @Test func wronglyTypedFieldsAreIgnoredWithoutLosingTheFeed() throws {
        let feed = try parse("""
            {"version": "https://jsonfeed.org/version/1.1", "title": "Sloppy generator",
             "items": [{"id": "1", "title": "Good"},
                       {"id": "2", "title": 42, "date_published": 1714000000},
                       {"id": "3", "title": "Tags", "tags": ["a", 3],
                        "attachments": [{"url": "https://example.com/a.mp3", "size_in_bytes": "123"}]}]}
            """)
        #expect(feed.entries.map(\.guid) == ["1", "2", "3"])
        #expect(feed.entries.map(\.title) == ["Good", nil, "Tags"])
        #expect(feed.entries.last?.categories == ["a"])
        #expect(feed.entries.last?.enclosures.map(\.url) == ["https://example.com/a.mp3"])
    }

    @Test func feedWithoutItemsHasNoEntries() throws {
        let feed = try parse(#"{"version": "https://jsonfeed.org/version/1.1", "title": "Empty"}"#)
        #expect(feed.title == "Empty")
        #expect(feed.entries.isEmpty)
    }

    @Test func negativeAttachmentSizeIsUnknown() throws {
        let feed = try parse("""
            {"version": "https://jsonfeed.org/version/1.1", "items": [{"id": "1",
             "attachments": [{"url": "https://example.com/a.mp3", "mime_type": "audio/mpeg", "size_in_bytes": -1}]}]}
            """)
        #expect(feed.entries.first?.enclosures == [Enclosure(url: "https://example.com/a.mp3", type: "audio/mpeg", length: nil)])
    }

    // MARK: - Not a JSON Feed

    @Test func jsonWithoutAJSONFeedVersionIsRefused() throws {
        let error = parseError(try Fixture.bytes("NotFeeds/not-jsonfeed.json"))
        #expect(error == .malformedJSON("JSON, but no JSON Feed version (\"version\": \"https://jsonfeed.org/version/1.1\")"))
        #expect(error?.description.hasPrefix("not a feed: JSON, but no JSON Feed version") == true)
    }

    @Test func jsonArrayIsRefusedWithAMessageThatSaysWhy() {
        guard case .malformedJSON(let message)? = parseError(Array("[1, 2, 3]".utf8)) else {
            Issue.record("a JSON array was not refused as malformed JSON")
            return
        }
        #expect(message.hasPrefix("JSON, but not"))
        #expect(!message.hasSuffix(" at "), "the message ends naming no place: \(message)")
    }

    @Test func brokenJSONIsRefused() {
        #expect(parseError(Array(#"{"version": "https://jsonfeed.org/version/1.1", "title": "#.utf8)) == .malformedJSON("invalid JSON"))
    }

    @Test func versionOfAnotherSpecificationIsRefused() {
        let error = parseError(Array(#"{"version": "https://example.com/version/1", "items": []}"#.utf8))
        #expect(error == .malformedJSON("JSON, but no JSON Feed version (\"version\": \"https://jsonfeed.org/version/1.1\")"))
    }
}
