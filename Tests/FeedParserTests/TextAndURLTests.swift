import Foundation
import Testing
@testable import FeedParser

/// How text is read (titles as plain text on one line; summaries and content
/// as HTML with entities decoded once) and how relative URLs resolve against
/// `xml:base` and the document's own URL.
@Suite struct TextAndURLTests {
    private func title(_ markup: String) throws -> String? {
        try parse(rss(items: "<item>\(markup)</item>")).entries.first?.title
    }

    private func summary(_ markup: String, baseURL: String? = nil) throws -> String? {
        try parse(rss(items: "<item><title>S</title>\(markup)</item>"), baseURL: baseURL).entries.first?.summary
    }

    // MARK: - Titles

    @Test func titleWhitespaceCollapsesToSingleSpaces() throws {
        #expect(try title("<title>\n\t  Several\t\tspaces\n and&#160;lines  \r\n</title>") == "Several spaces and lines")
    }

    @Test func emptyTitleIsNull() throws {
        #expect(try title("<title>  \n </title>") == nil)
    }

    @Test func cdataTitleIsPlainText() throws {
        #expect(try title("<title><![CDATA[Fish & Chips <3]]></title>") == "Fish & Chips <3")
    }

    @Test func doublyEscapedTitleIsDecodedToCharacters() throws {
        #expect(try title("<title>Ben &amp;amp; Jerry&amp;#8217;s</title>") == "Ben & Jerry\u{2019}s")
    }

    @Test func numericCharacterReferencesDecode() throws {
        #expect(try title("<title>&#8220;Quoted&#8221; &#x2014; dash</title>") == "\u{201C}Quoted\u{201D} \u{2014} dash")
    }

    @Test func markupInAnRSSTitleIsStripped() throws {
        #expect(try title("<title>&lt;b&gt;Breaking:&lt;/b&gt; news</title>") == "Breaking: news")
    }

    /// Inline elements join the words around them; only block-level ones
    /// (`p`, `br`, `div`, `li`…) separate words.
    @Test func inlineTagsInATitleAddNoSpace() throws {
        #expect(try title("<title>&lt;em&gt;Rust&lt;/em&gt;, memory and you</title>") == "Rust, memory and you")
        #expect(try title("<title>Bold&lt;b&gt;face&lt;/b&gt;d</title>") == "Boldfaced")
    }

    @Test func lessThanSignThatStartsNoTagIsKept() throws {
        #expect(try title("<title>1 &lt; 2 and 3 &lt;= 4</title>") == "1 < 2 and 3 <= 4")
    }

    @Test func authorNamesCollapseWhitespace() throws {
        let feed = try parse(rss(items: "<item><title>A</title><dc:creator>\n  Jane\n  Doe  </dc:creator></item>"))
        #expect(feed.entries.first?.authors == ["Jane Doe"])
    }

    @Test func feedSubtitleIsPlainText() throws {
        let feed = try parse(rss(items: "", channel: "<title>T</title><description>&lt;p&gt;Daily   notes&lt;/p&gt;</description>"))
        #expect(feed.subtitle == "Daily notes")
    }

    // MARK: - Summaries and content

    @Test func summaryEntitiesAreDecodedExactlyOnce() throws {
        #expect(try summary("<description>&lt;p&gt;5 &amp;lt; 6&lt;/p&gt;</description>") == "<p>5 &lt; 6</p>")
    }

    @Test func summaryURLsStayUntouched() throws {
        let text = try summary("""
            <description>&lt;img src="images/a.png"&gt; &lt;a href="/about"&gt;About&lt;/a&gt;</description>
            """, baseURL: "https://example.com/blog/feed.xml")
        #expect(text == "<img src=\"images/a.png\"> <a href=\"/about\">About</a>")
    }

    @Test func summaryKeepsItsInnerWhitespace() throws {
        #expect(try summary("<description>  &lt;pre&gt;a\n  b&lt;/pre&gt;  </description>") == "<pre>a\n  b</pre>")
    }

    @Test func emptySummaryIsNull() throws {
        #expect(try summary("<description>   </description>") == nil)
        #expect(try summary("<description><![CDATA[]]></description>") == nil)
    }

    // MARK: - URLs

    @Test func relativeLinkResolvesAgainstTheDocumentURL() throws {
        let feed = try parse(rss(items: "<item><title>R</title><link>/posts/1</link></item>"),
                             baseURL: "https://example.com/blog/feed.xml")
        #expect(feed.entries.first?.link == "https://example.com/posts/1")
    }

    @Test func relativeLinkStaysRelativeWithoutADocumentURL() throws {
        let feed = try parse(rss(items: "<item><title>R</title><link>/posts/1</link></item>"))
        #expect(feed.entries.first?.link == "/posts/1")
    }

    @Test func linkWithSurroundingWhitespaceIsTrimmed() throws {
        let feed = try parse(rss(items: "<item><title>W</title><link>\n   https://example.com/w   \n</link></item>"))
        #expect(feed.entries.first?.link == "https://example.com/w")
    }

    @Test func absoluteLinkIsLeftAsWritten() throws {
        let feed = try parse(rss(items: "<item><title>A</title><link>https://example.com/a?b=c&amp;d=e#f</link></item>"),
                             baseURL: "https://other.example.org/feed")
        #expect(feed.entries.first?.link == "https://example.com/a?b=c&d=e#f")
    }

    @Test func xmlBaseChainResolvesAgainstTheDocumentURL() throws {
        let feed = try parse(atom(entries: """
            <entry xml:base="2024/"><title>Chain</title><link href="post/"/></entry>
            """, attributes: " xml:base=\"/blog/\""), baseURL: "https://example.com/feeds/atom.xml")
        #expect(feed.entries.first?.link == "https://example.com/blog/2024/post/")
    }

    @Test func xmlBaseOnTheLinkElementItselfApplies() throws {
        let feed = try parse(atom(entries: """
            <entry><title>Own base</title><link xml:base="https://mirror.example.net/docs/" href="page.html"/></entry>
            """), baseURL: "https://example.com/atom.xml")
        #expect(feed.entries.first?.link == "https://mirror.example.net/docs/page.html")
    }

    /// A base that is not a web URL never turns a relative link into one
    /// with its scheme: `<a href>` of a link `javascript:…//x` runs a script.
    @Test(arguments: ["javascript:alert(1)//", "JAVASCRIPT:alert(2)//a/", "data:text/html,x//", "vbscript:x//"])
    func aBaseThatIsNotAWebURLLeavesRelativeLinksAsWritten(base: String) throws {
        let entry = "<entry xml:base=\"\(base)\"><title>Script base</title><link href=\"post/\"/>"
            + "<link rel=\"enclosure\" href=\"a.mp3\" type=\"audio/mpeg\"/></entry>"
        let feed = try parse(atom(entries: entry), baseURL: "https://example.com/atom.xml")
        #expect(feed.entries.first?.link == "post/")
        #expect(feed.entries.first?.enclosures.first?.url == "a.mp3")
        let direct = try parse(rss(items: "<item><title>R</title><link>/posts/1</link></item>"), baseURL: base)
        #expect(direct.entries.first?.link == "/posts/1")
    }

    @Test func xmlBaseOnAnRSSItemResolvesItsLink() throws {
        let feed = try parse("""
            <rss version="2.0" xml:base="https://example.com/feed/"><channel><title>T</title>
            <item xml:base="/items/"><title>I</title><link>one.html</link></item></channel></rss>
            """)
        #expect(feed.entries.first?.link == "https://example.com/items/one.html")
    }

    @Test func protocolRelativeEnclosureTakesTheDocumentScheme() throws {
        let feed = try parse(rss(items: """
            <item><title>P</title><enclosure url="//cdn.example.com/ep.mp3" type="audio/mpeg" length="100"/></item>
            """), baseURL: "https://example.com/podcast.xml")
        #expect(feed.entries.first?.enclosures.map(\.url) == ["https://cdn.example.com/ep.mp3"])
    }

    @Test func enclosureURLWithEscapedAmpersandKeepsThePlainAmpersand() throws {
        let feed = try parse(rss(items: """
            <item><title>Q</title><enclosure url="https://cdn.example.com/ep.mp3?token=a&amp;exp=9" type="audio/mpeg" length="1"/></item>
            """))
        #expect(feed.entries.first?.enclosures.map(\.url) == ["https://cdn.example.com/ep.mp3?token=a&exp=9"])
    }

    @Test func relativeFeedLinkResolvesAgainstTheDocumentURL() throws {
        let feed = try parse(rss(items: "", channel: "<title>T</title><link>../</link>"),
                             baseURL: "https://example.com/blog/feed/rss.xml")
        #expect(feed.link == "https://example.com/blog/")
    }

    @Test func plainRelativeLinksResolveExactlyAsFoundationDoes() {
        let bases = [
            "https://a.example/posts/", "https://a.example/posts", "https://a.example", "http://a.example:8080/x/y/z.html",
            "https://a.example/a/./b/", "https://a.example/a/../b/c", "https://a.example/a/b/..", "https://a.example/a//b/",
            "https://a.example/~u/p.x/", "https://a.example/..", "http://A.example/x", "https://a.example/a/b?q=1",
        ]
        let references = [
            "g", "./g", "g/", "/g", "../g", "../../../g", ".", "./", "..", "../", "g/..", "g/.", "g/./h", "g/../h",
            "/./g", "/../g", "g.", "..g", "...", "a//b", "/", "//g", "~x", "../a/./b/../c/", "x/y/z/../../..", "a b",
        ]
        for base in bases {
            for reference in references {
                let foundation = URL(string: reference, relativeTo: URL(string: base))?.absoluteString
                if let plain = PlainURLResolver.resolve(reference, against: base) {
                    #expect(plain == foundation, "\(reference) against \(base)")
                }
            }
        }
        #expect(PlainURLResolver.resolve("2024/10/post/", against: "https://a.example/posts/")
            == "https://a.example/posts/2024/10/post/")
        #expect(PlainURLResolver.resolve("a b", against: "https://a.example/") == nil)
    }

    @Test func longTextDecodesExactlyAsStringDecodingDoes() {
        // Mostly ASCII with valid, truncated and stray multi-byte sequences,
        // from a fixed pseudo-random sequence.
        var state: UInt64 = 20_250_601
        func next() -> UInt64 {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return state >> 33
        }
        let pieces: [[UInt8]] = [
            Array("é".utf8), Array("“quotes”".utf8), Array("Ελληνικά".utf8), Array("😀".utf8),
            [0xE2, 0x80], [0x80], [0xFF], [0xC3], [0xF0, 0x9F, 0x98], [0xED, 0xA0, 0x80],
        ]
        for _ in 0..<300 {
            var bytes: [UInt8] = []
            for _ in 0..<Int(next() % 2_000) {
                if next() % 40 == 0 {
                    bytes += pieces[Int(next() % UInt64(pieces.count))]
                } else {
                    bytes.append(UInt8(0x20 + next() % 0x5F))
                }
            }
            bytes.withUnsafeBufferPointer { buffer in
                #expect(String(utf8Text: buffer).utf8.elementsEqual(String(decoding: buffer, as: UTF8.self).utf8))
            }
        }
    }

    @Test func htmlEscapingReplacesEveryMarkupCharacterWhereverItStands() {
        func naive(_ text: String, inAttribute: Bool) -> String {
            var escaped = ""
            for character in text {
                switch character {
                case "&": escaped += "&amp;"
                case "<": escaped += "&lt;"
                case ">": escaped += "&gt;"
                case "\"" where inAttribute: escaped += "&quot;"
                default: escaped.append(character)
                }
            }
            return escaped
        }
        let alphabet = Array("ab &<>\"é\n")
        var state: UInt64 = 7
        for length in 0..<40 {
            for _ in 0..<20 {
                let text = String((0..<length).map { _ in
                    state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
                    return alphabet[Int(state >> 33) % alphabet.count]
                })
                #expect(HTMLMarkup.escape(text) == naive(text, inAttribute: false))
                var copy = text
                let attribute = copy.withUTF8 { bytes in
                    let buffer = ByteBuffer()
                    HTMLMarkup.appendEscaped(bytes, to: buffer, inAttribute: true)
                    return String(decoding: buffer.bytes, as: UTF8.self)
                }
                #expect(attribute == naive(text, inAttribute: true))
            }
        }
    }
}

/// Titles are text: the code of a script or style inside one is no part of it.
@Suite struct TitleScriptTests {
    @Test func scriptAndStyleContentsAreDroppedFromTitles() throws {
        let feed = try parse(rss(items: """
            <item><title>safe&lt;script type="text/javascript"&gt;location.href='x';&lt;/script&gt; description\
            &lt;STYLE&gt;p{}&lt;/STYLE&gt;</title></item>
            """))
        #expect(feed.entries[0].title == "safe description")
    }

    @Test func wordsScriptAndStyleInATitleAreKept() throws {
        let feed = try parse(rss(items: "<item><title>The script &amp; the style &lt;b&gt;guide&lt;/b&gt;</title></item>"))
        #expect(feed.entries[0].title == "The script & the style guide")
    }
}
