import Testing
import Cleaner

/// The seed article's head (title, comment count, id line) and tail
/// (attribution, comment form) in every layout a feed or an export writes:
/// plain text with blank or single line breaks, LF or CRLF; HTML with
/// `<br>` between lines, a `<p>` or a `<div>` a line. Every layout is
/// tried with every comment count, id line and attribution.
@Suite struct SeedLayoutTests {
    /// How the lines of the article are written.
    enum Layout: String, CaseIterable, Sendable {
        case textBlankLines, textSingleLines, textCRLFBlankLines, textCRLFSingleLines
        case htmlBreaks, htmlDoubleBreaks, htmlParagraphs, htmlDivs

        /// Whether the input is plain text, whose title the cleaner finds.
        var isText: Bool { rawValue.hasPrefix("text") }

        func render(_ lines: [String]) -> String {
            switch self {
            case .textBlankLines: return lines.joined(separator: "\n\n")
            case .textSingleLines: return lines.joined(separator: "\n")
            case .textCRLFBlankLines: return lines.joined(separator: "\r\n\r\n")
            case .textCRLFSingleLines: return lines.joined(separator: "\r\n")
            case .htmlBreaks: return lines.joined(separator: "<br>\n")
            case .htmlDoubleBreaks: return lines.joined(separator: "<br /><br />")
            case .htmlParagraphs: return lines.map { "<p>\($0)</p>" }.joined(separator: "\n")
            case .htmlDivs: return lines.map { "<div>\($0)</div>" }.joined()
            }
        }
    }

    /// One combination of head and tail lines.
    struct Variant: Sendable, CustomTestStringConvertible {
        var count: String
        var id: String
        var attribution: String
        var source: String

        var testDescription: String { "\(count) | \(id) | \(attribution)" }
    }

    static let counts = ["0", "3 Comments", "No Comments", "1 Comment"]
    static let ids = ["5a5ba9a7-bdf9-4604-a044-38d264183138", "9f86d081884c7d65", "4821337"]
    static let attributions = [
        ("Original Source: news.sky.com", "news.sky.com"), ("Source: Reuters", "Reuters"),
        ("Via: example.org", "example.org"), ("Originally published at The Harbour Gazette", "The Harbour Gazette"),
    ]
    static let variants: [Variant] = counts.flatMap { count in
        ids.flatMap { id in
            attributions.map { Variant(count: count, id: id, attribution: $0.0, source: $0.1) }
        }
    }

    static let title = "Ferry Timetable Changes Leave Island Commuters Stranded"
    /// Body paragraphs: long enough that a text with single line breaks
    /// reads as a paragraph a line.
    static let body = [
        "The new winter timetable for the island ferry came into force on Monday, and by Tuesday morning the "
            + "first sailing of the day had been cancelled twice for want of a crew. Commuters who rely on the "
            + "seven o'clock boat to reach the mainland in time for work were left on the slipway.",
        "The operator said the changes were needed to free two vessels for their annual overhaul, and that the "
            + "reduced service would last until the end of February. Councillors on the island said they had not "
            + "been consulted and asked for the early sailing to be restored.",
        "A petition calling for a guaranteed morning crossing has gathered more than two thousand signatures, "
            + "about a third of the island's population, in three days.",
    ]

    static func lines(_ variant: Variant) -> [String] {
        [title, variant.count, variant.id] + body
            + [variant.attribution, "Leave a Reply", "Your email address will not be published. Required fields are marked *"]
    }

    @Test(arguments: Layout.allCases, variants)
    func headAndTailGoInEveryLayout(layout: Layout, variant: Variant) {
        let article = clean(layout.render(Self.lines(variant)))
        let textLines = article.text.split(whereSeparator: \.isNewline).map(String.init)
        if layout.isText {
            #expect(article.title == Self.title)
            #expect(textLines == Self.body, "removed: \(article.removedWhat)")
        } else {
            // A fragment's title line is article text: it stays, above the body.
            #expect(textLines == [Self.title] + Self.body, "removed: \(article.removedWhat)")
        }
        #expect(article.source == variant.source)
    }

    @Test(arguments: Layout.allCases)
    func paragraphsOfTheBodyStayParagraphs(layout: Layout) {
        guard layout != .htmlBreaks else { return }
        let article = clean(layout.render(Self.lines(Self.variants[0])))
        #expect(article.paragraphs.suffix(3) == Self.body[...])
    }

    // MARK: - The same words as article text

    @Test(arguments: [Layout.textBlankLines, .textSingleLines, .htmlBreaks, .htmlParagraphs])
    func sourceSentenceOpeningOrClosingTheArticleStays(layout: Layout) {
        let opening = "Source: the ministry said the figures were provisional and would be revised in the spring."
        let closing = "Source: the harbour authority, which counts every passenger who boards at the slipway."
        let article = clean(layout.render([opening] + Self.body + [closing]))
        #expect(article.source == nil)
        #expect(article.text.hasPrefix(opening))
        #expect(article.text.hasSuffix(closing))
        #expect(article.removed.isEmpty, "\(article.removedWhat)")
    }

    @Test(arguments: [Layout.textBlankLines, .textSingleLines, .htmlBreaks, .htmlParagraphs])
    func zeroPeopleWereHurtStaysAtTheHeadAndInTheMiddle(layout: Layout) {
        let opening = "0 people were hurt when the crane fell, the fire service said, because the quay had been closed."
        let middle = "0 people were hurt."
        let article = clean(layout.render([opening, Self.body[0], middle, Self.body[1]]))
        #expect(article.text.hasPrefix(opening))
        #expect(article.text.contains(middle))
        #expect(article.removed.isEmpty, "\(article.removedWhat)")
    }

    @Test(arguments: [Layout.textBlankLines, .textSingleLines, .htmlBreaks, .htmlParagraphs])
    func proseThatSaysLeaveAReplyStays(layout: Layout) {
        let closing = "If you sailed on Tuesday, leave a reply below with the time you reached the mainland."
        let article = clean(layout.render(Self.body + [closing]))
        #expect(article.text.hasSuffix(closing))
        #expect(article.removed.isEmpty, "\(article.removedWhat)")
    }

    /// A list of numbers at the head is content: a bare number is a
    /// comment count or an id only as a line of its own.
    @Test func numberedLinesInsideAListStay() {
        let article = clean("""
            <ul><li>4821337</li><li>0</li><li>12</li></ul><p>\(Self.body[0])</p><ol><li>3</li><li>9f86d081884c7d65</li></ol>
            """)
        #expect(article.text.hasPrefix("- 4821337\n- 0\n- 12"))
        #expect(article.text.hasSuffix("1. 3\n2. 9f86d081884c7d65") || article.text.hasSuffix("- 3\n- 9f86d081884c7d65"),
                "\(article.text)")
        #expect(article.removed.isEmpty, "\(article.removedWhat)")
    }

    /// A short first line without a full stop is kept as a title only above
    /// head noise; with none under it, nothing goes.
    @Test func titleLikeFirstLineWithoutNoiseUnderItStays() {
        let article = clean("<p>Ferry timetable: what changes</p><p>\(Self.body[0])</p><p>\(Self.body[1])</p>")
        #expect(article.paragraphs.count == 3)
        #expect(article.removed.isEmpty)
    }

    @Test func sentenceAfterOriginallyPublishedAtIsNotASource() {
        let closing = "Originally published at the height of the strike, the pamphlet sold out in a week."
        let article = clean("<p>\(Self.body[0])</p><p>\(closing)</p>")
        #expect(article.source == nil)
        #expect(article.text.hasSuffix(closing))
    }
}
