import Foundation
import Testing
@testable import FeedParser

/// Atom 1.0 (RFC 4287) and the Atom 0.3 draft: links and their relations,
/// text constructs, authors and their inheritance, `xml:base`.
@Suite struct AtomTests {
    private static let blog = "Feeds/atom10-blog.xml"

    // MARK: - Feed

    @Test func feedFieldsAreRead() throws {
        let feed = try Fixture.feed(Self.blog)
        #expect(feed.format == .atom10)
        #expect(feed.title == "Field Notes on Distributed Systems")
        #expect(feed.link == "https://journal.example.net/blog/")
        #expect(feed.subtitle == "Essays on consensus, clocks & failure")
        #expect(feed.language == "en")
        #expect(printed(feed.updated) == "2024-04-30T16:22:05Z")
        #expect(feed.entries.count == 4)
        #expect(feed.warnings.isEmpty)
    }

    @Test func feedWithoutNamespaceIsReadAsAtom10() throws {
        let feed = try parse("<feed><title>No namespace</title><entry><title>E</title></entry></feed>")
        #expect(feed.format == .atom10)
        #expect(feed.title == "No namespace")
        #expect(feed.entries.map(\.title) == ["E"])
    }

    // MARK: - Links

    @Test func atomPrefersTheHTMLAlternateLink() throws {
        let entry = try Fixture.feed(Self.blog).entries[0]
        #expect(entry.link == "https://journal.example.net/blog/posts/2024/fsync-lies/")
    }

    @Test func alternateLinkIsChosenOverRepliesLinkEvenWhenRepliesIsHTML() throws {
        let entry = try Fixture.feed(Self.blog).entries[2]
        #expect(entry.link == "https://journal.example.net/blog/consensus-again/")
    }

    @Test func linkWithoutRelIsTheAlternate() throws {
        let entry = try Fixture.feed(Self.blog).entries[1]
        #expect(entry.link == "https://journal.example.net/blog/clock-skew/")
    }

    @Test func firstAlternateIsUsedWhenNoneIsHTML() throws {
        let feed = try parse(atom(entries: """
            <entry><title>Paper</title><link rel="self" href="https://example.com/entry.atom"/>\
            <link rel="alternate" type="application/pdf" href="https://example.com/paper.pdf"/>\
            <link rel="alternate" type="text/plain" href="https://example.com/paper.txt"/></entry>
            """))
        #expect(feed.entries.first?.link == "https://example.com/paper.pdf")
    }

    @Test func entryWithOnlySelfAndRepliesLinksHasNoLink() throws {
        let feed = try parse(atom(entries: """
            <entry><title>Nowhere</title><id>tag:example.com,2024:1</id>\
            <link rel="self" href="https://example.com/entry.atom"/>\
            <link rel="replies" href="https://example.com/comments.atom"/></entry>
            """))
        #expect(feed.entries.first?.link == nil)
    }

    @Test func enclosureLinkBecomesAnEnclosureResolvedAgainstXMLBase() throws {
        let entry = try Fixture.feed(Self.blog).entries[0]
        #expect(entry.enclosures == [Enclosure(
            url: "https://journal.example.net/audio/fsync-lies.mp3", type: "audio/mpeg", length: 5_120_000)])
    }

    @Test func linkHrefWithEscapedAmpersandKeepsThePlainAmpersand() throws {
        let feed = try parse(atom(entries: """
            <entry><title>Query</title>\
            <link rel="alternate" href="https://example.com/read?id=7&amp;lang=en"/>\
            <link rel="enclosure" type="audio/mpeg" href="https://cdn.example.com/7.mp3?sig=a&amp;exp=9"/></entry>
            """))
        let entry = try #require(feed.entries.first)
        #expect(entry.link == "https://example.com/read?id=7&lang=en")
        #expect(entry.enclosures.map(\.url) == ["https://cdn.example.com/7.mp3?sig=a&exp=9"])
    }

    /// HTML's named entities work in attribute values as they do in text:
    /// the whole character, not its first byte.
    @Test func htmlEntityInAnAttributeValueKeepsItsWholeCharacter() throws {
        let feed = try parse(atom(entries: """
            <entry><title>Menu</title><category term="Caf&eacute; &amp; cr&egrave;me"/>            <content type="xhtml"><div xmlns="http://www.w3.org/1999/xhtml">            <img src="noir.png" alt="Caf&eacute;&nbsp;noir"/></div></content></entry>
            """))
        let entry = try #require(feed.entries.first)
        #expect(entry.categories == ["Café & crème"])
        #expect(entry.content == "<img src=\"noir.png\" alt=\"Café\u{A0}noir\">")
    }

    // MARK: - Text constructs

    @Test func htmlTitleBecomesPlainText() throws {
        let entry = try Fixture.feed(Self.blog).entries[0]
        #expect(entry.title == "Why fsync lies to you")
    }

    @Test func xhtmlTitleBecomesPlainText() throws {
        let entry = try Fixture.feed(Self.blog).entries[2]
        #expect(entry.title == "Consensus, explained again")
    }

    /// A `type="text"` title is plain text by definition: `<div>` in it is
    /// four characters of the title, not markup to strip.
    @Test func atomTextTitleKeepsAngleBrackets() throws {
        let feed = try parse(atom(entries: "<entry><title type=\"text\">Using &lt;div&gt; for layout</title></entry>"))
        #expect(feed.entries.first?.title == "Using <div> for layout")
    }

    @Test func textSummaryIsEscapedAsHTML() throws {
        let entry = try Fixture.feed(Self.blog).entries[0]
        #expect(entry.summary
            == "When write() returns in &lt; 1 ms, the data is not on disk &amp; fsync() is the only promise you get.")
    }

    @Test func htmlContentIsDecodedOnceWithURLsUntouched() throws {
        let entry = try Fixture.feed(Self.blog, baseURL: "https://journal.example.net/blog/feed.atom").entries[0]
        #expect(entry.content
            == "<p>Most databases call <code>fsync</code> and hope. See <a href=\"/blog/posts/2024/wal/\">the WAL post</a>.</p>")
    }

    @Test func xhtmlContentIsSerialisedAsHTMLWithoutTheWrapperDiv() throws {
        let entry = try Fixture.feed(Self.blog).entries[1]
        #expect(entry.content == "<p>NTP keeps clocks <em>roughly</em> aligned; <a href=\"/ntp/\">see the notes</a> "
            + "&amp; the graph:</p><img src=\"skew.png\" alt=\"skew &quot;graph&quot;\"><br>")
    }

    @Test func xhtmlSummaryIsTrimmedAndKeepsAttributes() throws {
        let entry = try Fixture.feed(Self.blog).entries[2]
        #expect(entry.summary == "<p>Raft, Paxos &amp; <abbr title=\"Viewstamped Replication\">VR</abbr>.</p>")
        #expect(entry.content == nil)
    }

    @Test func xhtmlContentKeepsANestedDivAndDropsOnlyTheWrapper() throws {
        let feed = try parse(atom(entries: """
            <entry><title>Nested</title><content type="xhtml">\
            <xhtml:div xmlns:xhtml="http://www.w3.org/1999/xhtml"><xhtml:div class="note">\
            <xhtml:p>Prefixed</xhtml:p></xhtml:div></xhtml:div></content></entry>
            """))
        #expect(feed.entries.first?.content == "<div class=\"note\"><p>Prefixed</p></div>")
    }

    @Test func xhtmlAttributeWithEscapedAmpersandIsWrittenOnce() throws {
        let feed = try parse(atom(entries: """
            <entry><title>Link</title><content type="xhtml"><div xmlns="http://www.w3.org/1999/xhtml">\
            <a href="https://example.com/?a=1&amp;b=2">x</a></div></content></entry>
            """))
        #expect(feed.entries.first?.content == "<a href=\"https://example.com/?a=1&amp;b=2\">x</a>")
    }

    @Test func contentWithSrcIsNoContent() throws {
        let feed = try parse(atom(entries: """
            <entry><title>Elsewhere</title><summary>Read it there.</summary>\
            <content type="text/html" src="https://example.com/full.html"/></entry>
            """))
        #expect(feed.entries.first?.content == nil)
        #expect(feed.entries.first?.summary == "Read it there.")
    }

    @Test func contentOfAMediaTypeIsNoContent() throws {
        let feed = try parse(atom(entries: """
            <entry><title>Pixel</title><content type="image/png">iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk</content></entry>
            """))
        #expect(feed.entries.first?.content == nil)
    }

    // MARK: - Authors

    @Test func authorWithEmailOnlyIsKnownByTheEmail() throws {
        let entry = try Fixture.feed(Self.blog).entries[0]
        #expect(entry.authors == ["Ines Carvalho", "tomasz@journal.example.net"])
    }

    @Test func authorWithNameAndEmailIsKnownByTheName() throws {
        let entry = try Fixture.feed(Self.blog).entries[2]
        #expect(entry.authors == ["Tomasz Wójcik"])
    }

    @Test func entryWithoutAuthorInheritsTheFeedAuthor() throws {
        let entry = try Fixture.feed(Self.blog).entries[1]
        #expect(entry.authors == ["Ines Carvalho"])
    }

    /// RFC 4287 §4.2.1: an entry without authors takes those of its
    /// `<source>` first, and the feed's only when the source has none.
    @Test func entryWithoutAuthorTakesTheSourceAuthorsBeforeTheFeeds() throws {
        let entry = try Fixture.feed(Self.blog).entries[3]
        #expect(entry.authors == ["Kai Lindholm"])
    }

    // MARK: - Source, categories, dates

    @Test func sourceTitleLinkDatesAndCategoriesDoNotLeakIntoTheEntry() throws {
        let entry = try Fixture.feed(Self.blog).entries[3]
        #expect(entry.title == "The network is reliable (it isn't)")
        #expect(entry.link == "https://digest.example.com/posts/network-reliable")
        #expect(entry.guid == "tag:digest.example.com,2013:/posts/network-reliable")
        #expect(printed(entry.updated) == "2024-02-01T08:00:00Z")
        #expect(entry.published == nil)
        #expect(entry.categories == [])
        #expect(entry.summary == "A classic, reposted with permission.")
    }

    @Test func categoryLabelIsPreferredToTermAndRepeatsAreDropped() throws {
        let entry = try Fixture.feed(Self.blog).entries[0]
        #expect(entry.categories == ["Storage engines", "durability"])
    }

    @Test func publishedAndUpdatedAreReadInUTC() throws {
        let entry = try Fixture.feed(Self.blog).entries[0]
        #expect(entry.guid == "tag:journal.example.net,2024-04-30:/blog/fsync-lies")
        #expect(printed(entry.published) == "2024-04-30T16:00:00Z")
        #expect(printed(entry.updated) == "2024-04-30T16:22:05Z")
    }

    @Test func unparseableDateIsNull() throws {
        let entry = try Fixture.feed(Self.blog).entries[2]
        #expect(printed(entry.published) == "2024-02-10T08:30:00Z")
        #expect(entry.updated == nil)
    }

    // MARK: - A Reddit-style feed

    @Test func redditStyleFeedIsRead() throws {
        let feed = try Fixture.feed("Feeds/atom10-reddit.xml")
        #expect(feed.format == .atom10)
        #expect(feed.title == "The Swift Programming Language")
        #expect(feed.link == "https://www.reddit.example/r/swiftlang/")
        #expect(feed.subtitle == "Discussion of the Swift programming language, its compiler and its libraries.")
        #expect(printed(feed.updated) == "2024-04-21T19:41:07Z")
        #expect(feed.entries.count == 2)
    }

    @Test func redditStylePostReadsEveryField() throws {
        let entry = try Fixture.feed("Feeds/atom10-reddit.xml").entries[0]
        #expect(entry.guid == "t3_1c9x2ab")
        // Reddit escapes titles twice; the reader shows the characters.
        #expect(entry.title == "Swift 6 migration: what actually broke & what didn't")
        #expect(entry.link == "https://www.reddit.example/r/swiftlang/comments/1c9x2ab/swift_6_migration/")
        #expect(entry.authors == ["/u/strict_concurrency_fan"])
        #expect(entry.categories == ["r/swiftlang"])
        #expect(printed(entry.published) == "2024-04-21T19:03:47Z")
        #expect(printed(entry.updated) == "2024-04-21T19:03:47Z")
        // A thumbnail is artwork, not an attachment.
        #expect(entry.enclosures == [])
        #expect(entry.content?.hasPrefix(
            "<!-- SC_OFF --><div class=\"md\"><p>Moving a 40k-line app to Swift 6 mode: <code>Sendable</code>") == true)
        #expect(entry.content?.hasSuffix(
            "<span><a href=\"https://www.reddit.example/r/swiftlang/comments/1c9x2ab/swift_6_migration/\">[comments]</a></span>") == true)
        #expect(entry.content?.contains(" &#32; submitted by &#32; ") == true)
    }

    @Test func redditStyleTitleWhitespaceAndQuotesAreKept() throws {
        let entry = try Fixture.feed("Feeds/atom10-reddit.xml").entries[1]
        #expect(entry.title == "Weekly \"What are you working on?\" thread")
        #expect(entry.authors == ["/u/swiftlang_mod"])
    }

    // MARK: - Atom 0.3

    @Test func atom03FeedFieldsAreRead() throws {
        let feed = try Fixture.feed("Feeds/atom03-weblog.xml")
        #expect(feed.format == .atom03)
        #expect(feed.title == "Pat\u{2019}s Weblog")
        #expect(feed.link == "http://weblog.pat.example.org/")
        #expect(feed.subtitle == "Markup, mostly")
        #expect(feed.language == "en-gb")
        #expect(printed(feed.updated) == "2005-11-09T11:56:34Z")
        #expect(feed.entries.count == 2)
    }

    @Test func atom03IssuedIsPublishedAndModifiedIsUpdated() throws {
        let entry = try Fixture.feed("Feeds/atom03-weblog.xml").entries[0]
        #expect(printed(entry.published) == "2005-11-09T11:56:34Z")
        #expect(printed(entry.updated) == "2005-11-09T12:10:00Z")
        #expect(printed(try Fixture.feed("Feeds/atom03-weblog.xml").entries[1].published) == "2005-10-02T19:00:00Z")
    }

    @Test func atom03EscapedContentIsHTMLAndPlainSummaryIsEscaped() throws {
        let entry = try Fixture.feed("Feeds/atom03-weblog.xml").entries[0]
        #expect(entry.content == "<p>Hello, <b>world</b>&hellip;</p>")
        #expect(entry.summary == "Short &amp; plain")
        #expect(entry.categories == ["markup"])
        #expect(entry.authors == ["Pat Example"])
    }

    @Test func atom03InlineXHTMLIsReadAndBase64ContentIgnored() throws {
        let entry = try Fixture.feed("Feeds/atom03-weblog.xml").entries[1]
        #expect(entry.content == "<p>Inline <i>xhtml</i> content.</p>")
        #expect(entry.link == "http://weblog.pat.example.org/2005/10/02/inline")
        #expect(entry.authors == ["Guest Writer"])
    }
}
