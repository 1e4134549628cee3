import Testing
@testable import Cleaner

/// A feed's template: the blocks most of its entries repeat (a sponsor
/// line, a signature, a copyright footer), learned from the entries and
/// dropped. `Template/` holds five issues of one newsletter: all five open
/// with the same sponsor line and close with the same signature and
/// footer (whose year changes); two carry the same programming note.
@Suite struct FeedTemplateTests {
    private static let paths = (1...5).map { "Template/entry-\($0).html" }

    private static func entries() throws -> [String] {
        try paths.map(Fixture.text)
    }

    private static func learned() throws -> FeedTemplate {
        FeedTemplate(learningFrom: try entries())
    }

    @Test func templateLearnedFromFiveEntriesIsNotEmpty() throws {
        let template = try Self.learned()
        #expect(!template.isEmpty)
        #expect(template.fingerprints.count == 3, "the sponsor line, the signature and the footer")
    }

    @Test func sponsorSignatureAndFooterRepeatedAcrossEntriesGo() throws {
        let article = try Fixture.clean("Template/entry-3.html", template: try Self.learned())
        #expect(article.text == """
            Two releases worth your time this week.

            The queue library now supports priorities without a second table, and the HTTP client finally sets a \
            default timeout, thirty seconds, instead of waiting forever.
            """)
        #expect(article.removedWhat == [
            "feed template: \"This issue is sponsored by Harbourline, \"",
            "feed template: \"— Nadia, writing from a very rainy Glasg\"",
            "feed template: \"© 2024 Backend Weekly. You are receiving\"",
        ])
    }

    @Test func footerWhoseYearChangedStillMatches() throws {
        let article = try Fixture.clean("Template/entry-5.html", template: try Self.learned())
        #expect(!article.text.contains("Backend Weekly"))
        #expect(article.text.hasPrefix("Happy new year. The first issue of 2025 is about logging."))
    }

    @Test func blockInOnlyTwoOfFiveEntriesStays() throws {
        let article = try Fixture.clean("Template/entry-2.html", template: try Self.learned())
        #expect(article.text == """
            A short one this week, because the conference ate my weekend.

            The talk everyone was discussing in the corridor was about retry storms: how a single slow \
            dependency can take a fleet down when every client retries at once.

            Programming note: there will be no issue next Monday.
            """)
    }

    @Test func newEntryOfTheSameFeedLosesTheTemplateBlocks() throws {
        let article = clean("""
            <p><em>This issue is sponsored by Harbourline, managed Postgres for small teams. Readers get three months free with the code WEEKLY.</em></p>
            <p>This week: why your health checks should not call the database.</p>
            <p>&#8212; Nadia, writing from a very rainy Glasgow. Reply to this email to reach me directly.</p>
            <p>&#169; 2026 Backend Weekly. You are receiving this because you subscribed at backendweekly.example.com.</p>
            """, template: try Self.learned())
        #expect(article.text == "This week: why your health checks should not call the database.")
        #expect(article.removed.count == 3)
    }

    /// The sponsor line goes by its own rule (a sponsor message at the
    /// head); the sign-off and the footer need the template.
    @Test func withoutATemplateTheRepeatedBlocksStay() throws {
        let article = try Fixture.clean("Template/entry-3.html")
        #expect(article.paragraphs.count == 4)
        #expect(article.text.hasPrefix("Two releases worth your time this week."))
        #expect(article.text.contains("Reply to this email to reach me directly."))
        #expect(article.text.hasSuffix("you subscribed at backendweekly.example.com."))
        #expect(article.removedWhat == ["head: sponsor message"])
    }

    @Test func twoEntriesAreTooFewToLearnFrom() throws {
        let template = FeedTemplate(learningFrom: Array(try Self.entries().prefix(2)))
        #expect(template.isEmpty)
    }

    @Test func entriesOfAnotherFeedAreNotTouched() throws {
        let article = try Fixture.clean("Entries/wordpress-jetpack.html", template: try Self.learned())
        #expect(!article.removed("feed template"))
        #expect(article.paragraphs.count == 3)
    }

    @Test func blockFingerprintIgnoresCaseAndDigitsInAnyScript() throws {
        let ascii = try #require(FeedTemplate.fingerprint(of: "Copyright 2024 Example Media"))
        #expect(FeedTemplate.fingerprint(of: "COPYRIGHT 2025 example MEDIA") == ascii)
        #expect(FeedTemplate.fingerprint(of: "Copyright 2024 Example Mediа") != ascii, "a Cyrillic а is another letter")
        let accented = try #require(FeedTemplate.fingerprint(of: "© 2024 Média Ünïon Group"))
        #expect(FeedTemplate.fingerprint(of: "© 2025 MÉDIA ÜNÏON group") == accented)
    }

    @Test func blocksUnderTwelveCharactersHaveNoFingerprint() {
        #expect(FeedTemplate.fingerprint(of: "abcdefghijk") == nil)
        #expect(FeedTemplate.fingerprint(of: "abcdefghijkl") != nil)
        // CR LF is one character.
        #expect(FeedTemplate.fingerprint(of: "abcdefghi\r\nk") == nil)
        #expect(FeedTemplate.fingerprint(of: "abcdefghij\r\nk") != nil)
        #expect(FeedTemplate.fingerprint(of: "ééééééééééé") == nil)
        #expect(FeedTemplate.fingerprint(of: "éééééééééééé") != nil)
    }
}
