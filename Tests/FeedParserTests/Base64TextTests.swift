import Testing
@testable import FeedParser

/// Atom text constructs in base64: Atom 0.3's `mode="base64"` and Atom 1.0's
/// types that are neither text nor XML (RFC 4287 §4.1.3.3).
@Suite struct Base64TextTests {
    @Test func atom10BinaryTypedTitleIsDecoded() throws {
        let feed = try parse(atom(entries: """
            <entry><title type="application/octet-stream">
              RXhhbXBsZSA8Yj5BdG9tPC9iPg==
            </title></entry>
            """))
        #expect(feed.entries[0].title == "Example <b>Atom</b>")
    }

    @Test func atom03Base64ModeSummaryIsDecodedAsHTMLWhenTyped() throws {
        let feed = try parse("""
            <feed version="0.3" xmlns="http://purl.org/atom/ns#"><title mode="base64">SGFyYm91cg==</title>
            <entry><summary type="text/html" mode="base64">PHA+SGk8L3A+</summary></entry></feed>
            """)
        #expect(feed.title == "Harbour")
        #expect(feed.entries[0].summary == "<p>Hi</p>")
    }

    @Test func base64OfBinaryDataIsDropped() throws {
        let feed = try parse(atom(entries: """
            <entry><title>Kept</title><summary type="image/png">iVBORw0KGgoAAAANSUhEUgAAAAEAAAAB</summary></entry>
            """))
        #expect(feed.entries[0].title == "Kept")
        #expect(feed.entries[0].summary == nil)
    }
}
