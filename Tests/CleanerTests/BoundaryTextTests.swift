import Testing
import Cleaner

/// Boilerplate that no class names: plain paragraphs at the head or the
/// tail of an entry ("The post X appeared first on Y.", "Share this:",
/// "Leave a comment", comment counts, UUID lines, Reddit and Medium
/// footers) and inline trailers ("Continue reading →", "[…]").
@Suite struct BoundaryTextTests {
    // MARK: - Platform footers

    @Test func yoastAppearedFirstOnFooterAndElisionGo() throws {
        let article = try Fixture.clean("Entries/yoast-excerpt.html")
        #expect(article.text == """
            Every spring the tide tables for the estuary are printed in the parish newsletter, and every spring \
            someone gets cut off on the sandbank by the old pier. This year the harbour master has put up a sign.
            """)
        #expect(article.removedWhat == ["tail: \"The post … appeared first on …\"", "trailer: elision \"[…]\""])
    }

    @Test func appearedFirstOnFooterGoesWhenTheTitleHoldsAFullStop() {
        let body = "<p>The committee met on Tuesday and agreed the budget for the coming year without a vote.</p>"
        let footer = "<p>The post <a href=\"https://example.org/smith\">Mr. Smith goes to the county hall</a> "
            + "appeared first on <a href=\"https://example.org/\">Parish News</a>.</p>"
        let article = clean(body + footer)
        #expect(article.text == "The committee met on Tuesday and agreed the budget for the coming year without a vote.")
        #expect(article.removedWhat == ["tail: \"The post … appeared first on …\""])
    }

    @Test func mediumOriginallyPublishedFooterGoes() throws {
        let article = try Fixture.clean("Entries/medium-item.html")
        #expect(article.text == """
            What a year of on-call taught our team

            Photo by the author

            A year ago we moved from a single on-call engineer per week to a pair: one primary, one secondary, \
            rotating every Thursday at noon.

            The number of pages did not change much. What changed was how long an incident took to close, and how \
            people felt on the Friday after a bad night.

            Pairs close incidents faster

            With a second person awake, the primary could keep their hands on the problem while the secondary \
            wrote the timeline and talked to support.
            """)
        #expect(article.removed("tail: \"… was originally published in … on Medium\""))
        #expect(!article.text.contains("continuing the conversation"))
    }

    @Test func redditSubmittedByLineGoes() throws {
        let article = try Fixture.clean("Entries/reddit-self-post.html")
        #expect(article.text == """
            I have a 2014 bike with a 10-speed cassette and I want to go 1x for the winter. Is a 42t narrow-wide \
            ring going to be enough for hills around here, or should I drop to a 38t?

            Most climbs are short but steep, 10–12% for a few hundred metres.
            """)
        #expect(article.removedWhat == ["tail: Reddit footer"])
    }

    @Test func redditLinkPostWithOnlyAFooterLeavesNoText() throws {
        let article = try Fixture.clean("Entries/reddit-link-post.html")
        #expect(article.text == "")
        #expect(article.removedWhat == ["tail: Reddit footer"])
    }

    @Test func substackThanksForReadingParagraphGoes() {
        let article = clean("""
            <p>\(bodyParagraph)</p>
            <p>Thanks for reading The Slow Garden! Subscribe for free to receive new posts and support my work.</p>
            """)
        #expect(article.text == bodyParagraph)
        #expect(article.removedWhat == ["tail: newsletter prompt"])
    }

    @Test func podcastListenOnLinesGoAndShowNotesStay() throws {
        let article = try Fixture.clean("Entries/podcast-show-notes.html")
        #expect(article.text == """
            This week Priya and Tom talk to a bridge inspector about what she looks for on a walk-under \
            inspection, and why pigeons are her biggest problem.

            In this episode:

            - 00:00 Introductions
            - 04:12 What a walk-under inspection is
            - 19:40 Pigeons, rust and expansion joints
            - 41:05 Listener questions

            The inspection manual she mentions is free to download from the highways agency.
            """)
        // Short, mostly links: they go wherever they stand (`InlineNoise`).
        #expect(article.removedWhat == ["inline: podcast links", "inline: podcast links"])
    }

    // MARK: - WordPress excerpts

    @Test func continueReadingLinkAndPostedInTaggedLineGo() throws {
        let article = try Fixture.clean("Entries/continue-reading-excerpt.html")
        #expect(article.text == """
            The kiln reached cone 6 for the first time on Sunday, eleven hours after I switched it on. Half the \
            glazes ran, two pots cracked, and one bowl came out better than anything I have made.
            """)
        #expect(article.removedWhat == ["tail: post metadata", "trailer: \"Continue reading\" link"])
        #expect(!article.html.contains("more-link"))
        #expect(!article.html.contains("Continue"))
    }

    @Test func readMoreLinkEndingTheLastParagraphGoes() {
        let article = clean("<p>\(bodyParagraph) <a href=\"/2024/05/tides/\">Read more</a></p>")
        #expect(article.text == bodyParagraph)
        #expect(article.removedWhat == ["trailer: \"Read more\" link"])
    }

    @Test func continueReadingParagraphAfterTheBodyGoes() {
        let article = clean("<p>\(bodyParagraph)</p><p><a href=\"/2024/05/tides/\">Continue reading →</a></p>")
        #expect(article.text == bodyParagraph)
        #expect(article.removed.count == 1)
    }

    @Test func trailingElisionGoes() {
        let article = clean("<p>\(bodyParagraph) [&hellip;]</p>")
        #expect(article.text == bodyParagraph)
        #expect(article.removedWhat == ["trailer: elision \"[…]\""])
    }

    @Test func postedInTaggedLineGoes() {
        let article = clean("""
            <p>\(bodyParagraph)</p>
            <p>Posted in <a href="/c/harbour/">Harbour</a> | Tagged <a href="/t/boats/">boats</a>, <a href="/t/tides/">tides</a></p>
            """)
        #expect(article.text == bodyParagraph)
        #expect(article.removedWhat == ["tail: post metadata"])
    }

    // MARK: - Share and related prompts

    @Test func shareThisAndLikeThisBlocksGoAsOneSection() {
        let article = clean("""
            <p>\(bodyParagraph)</p>
            <p>Share this:</p><ul><li><a href="#">Twitter</a></li><li><a href="#">Facebook</a></li></ul>
            <p>Like this:</p><p>Like Loading…</p>
            """)
        #expect(article.text == bodyParagraph)
        #expect(article.removedWhat == ["tail: share prompt from \"Share this:\""])
    }

    @Test func relatedHeadingWithItsLinksGoes() {
        let article = clean("""
            <p>\(bodyParagraph)</p>
            <h3>Related</h3>
            <p><a href="/2024/01/boats-in-winter/">Boats in winter</a></p>
            <p><a href="/2023/11/the-harbour-wall/">The harbour wall</a></p>
            """)
        #expect(article.text == bodyParagraph)
        #expect(article.removedWhat == ["tail: related posts from \"Related\""])
    }

    // MARK: - Comment forms and threads as plain text

    @Test func commentFormTailAsPlainParagraphsGoes() {
        let article = clean("""
            <p>\(bodyParagraph)</p>
            <p>Leave a comment</p>
            <p>Your email address will not be published. Required fields are marked *</p>
            <p>Save my name, email, and website in this browser for the next time I comment.</p>
            <p>Post Comment</p>
            """)
        #expect(article.text == bodyParagraph)
        #expect(article.removed("tail: comments section from \"Leave a comment\""))
    }

    @Test func thoughtsOnTitleSectionGoesWithTheCommentsUnderIt() {
        let article = clean("""
            <p>We finally swapped the old gas boiler for an air-source heat pump in March. This post covers what it cost, what the installer got wrong, and what our bills look like now.</p>
            <p>The quote was £11,400 before the grant and £3,900 after it, and the installer needed three days in all, one of them to come back and fit bigger radiators upstairs.</p>
            <h2>3 thoughts on “Living with a heat pump”</h2>
            <p>Rachel says: Thanks for the honest numbers. Did the installer say anything about the noise from the outdoor unit?</p>
            <p>Dan says: Ours is quieter than the old boiler flue was, honestly. You can only hear it standing next to it.</p>
            <p>Owen says: What flow temperature are you running? Dropping ours to 45 took a third off the bill.</p>
            """)
        #expect(article.paragraphs.count == 2)
        #expect(article.text.hasSuffix("fit bigger radiators upstairs."))
        #expect(article.removedWhat == ["tail: comments section from \"3 thoughts on “Living with a heat pump”\""])
    }

    // MARK: - Head

    @Test func bareCommentCountsAtTheHeadGo() {
        for count in ["0", "12 Comments", "Comments (3)", "1 comment", "No comments"] {
            let article = clean("<p>\(count)</p><p>\(bodyParagraph)</p>")
            #expect(article.text == bodyParagraph, "\(count)")
            #expect(article.removedWhat == ["head: comment count"], "\(count)")
        }
    }

    @Test func uuidLineAtTheHeadGoes() {
        let article = clean("<p>5a5ba9a7-bdf9-4604-a044-38d264183138</p><p>\(bodyParagraph)</p>")
        #expect(article.text == bodyParagraph)
        #expect(article.removedWhat == ["head: UUID line"])
    }

    @Test func readingTimeAtTheHeadGoes() {
        let article = clean("<p>5 min read</p><p>\(bodyParagraph)</p>")
        #expect(article.text == bodyParagraph)
        #expect(article.removedWhat == ["head: reading time"])
    }

    // MARK: - Attribution

    @Test func sourceLineAtTheTailBecomesTheSource() {
        let article = clean("<p>\(bodyParagraph)</p><p>Source: Harbour Gazette</p>")
        #expect(article.text == bodyParagraph)
        #expect(article.source == "Harbour Gazette")
        #expect(article.removedWhat == ["attribution: \"Source: Harbour Gazette\""])
    }

    @Test func originalSourceLineAtTheHeadBecomesTheSource() {
        let article = clean("<p>Original Source: news.example.com</p><p>\(bodyParagraph)</p>")
        #expect(article.text == bodyParagraph)
        #expect(article.source == "news.example.com")
    }

    @Test func articleWithoutAttributionHasNoSource() throws {
        let article = try Fixture.clean("Entries/wordpress-jetpack.html")
        #expect(article.source == nil)
    }
}
