import Testing
@testable import Cleaner

/// A feed's template: the blocks most of its entries repeat word for word
/// (a sponsor line, a signature, a copyright footer), learned from the
/// entries and dropped at their edges. `Template/` holds five issues of one
/// newsletter: all five open with the same sponsor line and close with the
/// same signature and footer (whose year changes in the fifth); two carry
/// the same programming note.
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
        #expect(template.fingerprints.count == 3, "the sponsor line, the signature and the 2024 footer")
        #expect(template.sections.isEmpty, "every repeated block stands at an edge")
    }

    /// The signature is repeated too, but it is the writer's own words, with
    /// no boilerplate signal besides repetition: it stays.
    @Test func sponsorAndFooterRepeatedAcrossEntriesGoTheSignatureStays() throws {
        let article = try Fixture.clean("Template/entry-3.html", template: try Self.learned())
        #expect(article.text == """
            Two releases worth your time this week.

            The queue library now supports priorities without a second table, and the HTTP client finally sets a \
            default timeout, thirty seconds, instead of waiting forever.

            — Nadia, writing from a very rainy Glasgow. Reply to this email to reach me directly.
            """)
        #expect(article.removedWhat == [
            "feed template: \"This issue is sponsored by Harbourline, \"",
            "feed template: \"© 2024 Backend Weekly. You are receiving\"",
        ])
        #expect(article.removed.allSatisfy { $0.rule == "feed-template" })
    }

    @Test func footerWhoseYearChangedIsNoTemplateBlock() throws {
        // "© 2025" is not "© 2024": only identical blocks are template. The
        // footer goes by its own rule (a feed footer at the tail), not as template.
        let article = try Fixture.clean("Template/entry-5.html", template: try Self.learned())
        #expect(article.text.hasPrefix("Happy new year. The first issue of 2025 is about logging."))
        #expect(article.text.hasSuffix("— Nadia, writing from a very rainy Glasgow. Reply to this email to reach me directly."))
        #expect(article.removed.map(\.rule) == ["feed-template", "boundary-tail"])
        #expect(article.removed.last?.text
            == "© 2025 Backend Weekly. You are receiving this because you subscribed at backendweekly.example.com.")
    }

    @Test func blockInOnlyTwoOfFiveEntriesStays() throws {
        let article = try Fixture.clean("Template/entry-2.html", template: try Self.learned())
        #expect(article.text == """
            A short one this week, because the conference ate my weekend.

            The talk everyone was discussing in the corridor was about retry storms: how a single slow \
            dependency can take a fleet down when every client retries at once.

            Programming note: there will be no issue next Monday.

            — Nadia, writing from a very rainy Glasgow. Reply to this email to reach me directly.
            """)
    }

    @Test func newEntryOfTheSameFeedLosesTheTemplateBlocks() throws {
        let article = clean("""
            <p><em>This issue is sponsored by Harbourline, managed Postgres for small teams. Readers get three months free with the code WEEKLY.</em></p>
            <p>This week: why your health checks should not call the database, and what they should check instead.</p>
            <p>A health check that calls the database fails with it, and the load balancer then takes every instance out at once.</p>
            <p>&#8212; Nadia, writing from a very rainy Glasgow. Reply to this email to reach me directly.</p>
            <p>&#169; 2024 Backend Weekly. You are receiving this because you subscribed at backendweekly.example.com.</p>
            """, template: try Self.learned())
        #expect(article.text == """
            This week: why your health checks should not call the database, and what they should check instead.

            A health check that calls the database fails with it, and the load balancer then takes every instance \
            out at once.

            — Nadia, writing from a very rainy Glasgow. Reply to this email to reach me directly.
            """)
        #expect(article.removed.count == 2)
    }

    /// The sponsor line and the footer go by their own rules (a sponsor
    /// message at the head, a feed footer at the tail) without a template.
    @Test func withoutATemplateTheSponsorAndFooterGoByTheirOwnRules() throws {
        let article = try Fixture.clean("Template/entry-3.html")
        #expect(article.paragraphs.count == 3)
        #expect(article.text.hasPrefix("Two releases worth your time this week."))
        #expect(article.text.hasSuffix("Reply to this email to reach me directly."))
        #expect(article.removedWhat == ["head: sponsor message", "tail: feed footer"])
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

    // MARK: - Identity

    /// The template identity of the only block of `html`.
    private func key(_ html: String) throws -> TemplateBlock {
        let blocks = TemplateBlock.blocks(of: Cleaner().parse(html).tree)
        try #require(blocks.count == 1)
        return blocks[0].key
    }

    @Test func blocksDifferingInCaseDigitsOrLetterDiffer() throws {
        let block = try key("<p>Copyright 2024 Example Media</p>")
        #expect(try key("<p>Copyright 2024 Example Media</p>") == block)
        #expect(try key("<p>Copyright  2024\nExample Media </p>") == block, "white space is collapsed")
        #expect(try key("<p>Copyright 2025 Example Media</p>") != block)
        #expect(try key("<p>COPYRIGHT 2024 Example Media</p>") != block)
        #expect(try key("<p>Copyright 2024 Example Mediа</p>") != block, "a Cyrillic а is another letter")
        #expect(try key("<div>Copyright 2024 Example Media</div>") != block, "another element")
    }

    @Test func blocksWithTheSameWordsAndOtherLinksDiffer() throws {
        let block = try key(#"<p>Read the <a href="https://example.org/notes/2.4.1">release notes</a>.</p>"#)
        #expect(try key(#"<p>Read the <a href="https://example.org/notes/2.4.2">release notes</a>.</p>"#) != block)
        #expect(try key(#"<p>Read the <a href="https://example.org/notes/2.4.1">release notes</a>.</p>"#) == block)
        let image = try key(#"<p>Sponsored by <img src="https://example.org/a.png" alt="Acme"> Acme Hosting</p>"#)
        #expect(try key(#"<p>Sponsored by <img src="https://example.org/b.png" alt="Acme"> Acme Hosting</p>"#) != image)
    }

    @Test func trackingParametersAndPixelsDoNotMakeBlocksDiffer() throws {
        let block = try key(#"<p>Try <a href="https://acme.example/?utm_campaign=post-1">Acme</a> free.<img src="https://pixel.wp.com/g.gif?post=1"></p>"#)
        #expect(try key(#"<p>Try <a href="https://acme.example/?utm_campaign=post-2">Acme</a> free.<img src="https://pixel.wp.com/g.gif?post=2"></p>"#) == block)
    }

    @Test func blocksUnderTwelveCharactersAreShort() throws {
        #expect(try !key("<p>abcdefghijk</p>").isLong)
        #expect(try key("<p>abcdefghijkl</p>").isLong)
        #expect(try !key("<p>ééééééééééé</p>").isLong)
        #expect(try key("<p>éééééééééééé</p>").isLong)
    }
}
