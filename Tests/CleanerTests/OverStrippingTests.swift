import Testing
import Cleaner

/// Every boilerplate pattern, paired with a legitimate use of the same
/// words or names that must survive. Removing a sentence of the article is
/// the worst thing the cleaner can do, worse than leaving a share prompt
/// in, so each test here asserts that the article comes out whole.
@Suite struct OverStrippingTests {
    // MARK: - Comment-form words in the body

    /// "Leave a Reply" as a heading in the first third and "Leave a reply
    /// to…" opening a paragraph, in an article about comment forms.
    @Test func articleAboutCommentModerationKeepsEveryParagraph() throws {
        let article = try Fixture.clean("Legitimate/comment-moderation.html")
        #expect(article.text == """
            Most small blogs get their comment settings from whatever the theme shipped with, and then wonder why \
            the only comments they get are spam. Here is what we changed on the community garden site, and what \
            happened.

            Leave a Reply

            That is the heading WordPress puts above the form by default, and it is a strange thing to say to a \
            stranger. We changed it to “Tell us what you grew this year”, and the number of real comments went up \
            in the first month, from four to nineteen.

            Leave a reply to every first-time commenter within a day, even if it is only a thank-you. People who \
            get an answer come back; people who shout into a void do not.

            We also removed the line that says “Your email address will not be published” and put a sentence in \
            plain words under the form instead, saying what we do with addresses: nothing, apart from sending a \
            note when someone answers you.

            The spam did not go away. Akismet still catches about forty a week, and one of us clears the queue on \
            Sunday evenings with a cup of tea.
            """)
        #expect(article.removed.isEmpty)
    }

    /// The comment-form rule's legitimate twin: a whole announcement whose
    /// one paragraph starts with "Comments are closed".
    @Test func announcementThatStartsCommentsAreClosedKeepsItsParagraph() {
        let text = "Comments are closed on the old forum from today, and the discussion moves to the mailing list, "
            + "which is archived and searchable and does not need an account."
        let article = clean("<p>\(text)</p>")
        #expect(article.text == text)
        #expect(article.removed.isEmpty)
    }

    /// A "N thoughts on X" heading that is a section of the essay, not the
    /// comment count WordPress prints above a thread ("3 thoughts on “X”").
    @Test func essaySectionHeadedTwoThoughtsOnKeepsItsParagraphs() {
        let article = clean("""
            <p>The fare cap has been in place for a year, and the numbers are in. Ridership on the buses is up by a fifth, and most of the growth is outside the rush hour, which is what the council hoped for when it took the gamble.</p>
            <p>The cost is larger than planned, though: the subsidy ran to nine million pounds, three more than budgeted, and the money came out of the roads budget.</p>
            <h2>Two thoughts on the fare cap</h2>
            <p>First, the growth outside the rush hour suggests the cap is reaching people who used to stay at home, not just moving commuters from cars. That is a social gain the ridership figures do not capture on their own.</p>
            <p>Second, a cap that costs three million more than planned every year will not survive the next budget unless someone decides which roads will not be resurfaced to pay for it.</p>
            """)
        #expect(article.paragraphs.count == 5)
        #expect(article.text.contains("Two thoughts on the fare cap"))
        #expect(article.text.hasSuffix("which roads will not be resurfaced to pay for it."))
        #expect(article.removed.isEmpty)
    }

    /// A style guide whose last section is about code comments, in short
    /// paragraphs; a "Comments" heading is not a comment thread when what
    /// follows it is prose, not names, dates and reply links.
    @Test func styleGuideEndingWithACommentsSectionKeepsIt() {
        let article = clean("""
            <p>Good code needs few comments, but the right ones save hours. These are the rules our team agreed in review last spring, for code in every repository we own.</p>
            <h2>Naming</h2>
            <p>Name functions for what they return, not how they work.</p>
            <h2>Comments</h2>
            <p>Say why, not what.</p>
            <p>Delete comments that the code already says.</p>
            """)
        #expect(article.text.hasSuffix("Comments\n\nSay why, not what.\n\nDelete comments that the code already says."))
        #expect(article.removed.isEmpty)
    }

    // MARK: - Share words in the body

    @Test func essayAboutShareButtonsKeepsItsQuotedShareThis() throws {
        let article = try Fixture.clean("Legitimate/share-buttons-essay.html")
        #expect(article.text == """
            I took the share buttons off this blog in January, and I have been meaning to write down why.

            The row of icons under every post loaded scripts from five companies. Each one set cookies, and two of \
            them slowed the page down by more than a second on a phone. In four years the buttons were used 212 \
            times, and more than half of those were the email button.

            Share this:

            Those two words, and the row of logos under them, were the last thing on every page. Readers who \
            wanted to share this blog already knew how to copy a link.

            Nothing bad happened. Traffic is the same, the pages load in half the time, and I no longer have to \
            explain to anyone why their reading habits are being reported to an advertising company.
            """)
        #expect(article.removed.isEmpty)
    }

    @Test func mainDivClassedShareEnabledIsKept() throws {
        let article = try Fixture.clean("Legitimate/share-enabled-content.html")
        #expect(article.text == """
            The council has approved the new cycle lane on Mill Road, after three years of consultation and two \
            rounds of trial closures.

            Work starts in September and should take eight weeks. The lane will run on both sides of the road, \
            separated from traffic by a kerb, from the railway bridge to the junction with Hills Road.

            Parking on Mill Road itself will go, but the council says the side streets can take the forty spaces \
            that are lost.
            """)
        #expect(article.removed.isEmpty)
    }

    // MARK: - Footer phrases in the body

    /// "The post … appeared first on …" is one sentence with two links;
    /// a paragraph about the post office that happens to use the words is not.
    @Test func paragraphAboutThePostOfficeAtTheEndIsKept() throws {
        let article = try Fixture.clean("Legitimate/post-office.html")
        #expect(article.text == """
            The bus to the market town still runs twice a day, and the shop has started selling stamps from \
            behind the counter, next to the lottery tickets.

            But the village has lost more than a counter. For sixty years it was where you heard who was ill, who \
            had a new baby, and whose hedge needed cutting.

            The post office van appeared first on the ridge road at ten past nine, as it has every weekday since \
            1987. By half past, the whole village knew the new timetable had changed nothing.
            """)
        #expect(article.removed.isEmpty)
    }

    /// "Posted in X | Tagged Y" is metadata; a closing sentence about a
    /// letter posted in 1916 is history.
    @Test func closingSentenceStartingPostedInIsKept() {
        let last = "Posted in 1916 from the Somme, the letter took eleven weeks to reach Leeds."
        let article = clean("<p>\(bodyParagraph)</p><p>Letters from the front, 1916, part two.</p><p>\(last)</p>")
        #expect(article.text.hasSuffix(last))
        #expect(article.removed.isEmpty)
    }

    /// "Listen on Apple Podcasts | Spotify" is a podcast link line; advice
    /// to listen on headphones is part of a record review.
    @Test func closingAdviceToListenOnHeadphonesIsKept() {
        let last = "Listen on headphones if you can: the stereo picture is half the point of the record, and on "
            + "speakers it collapses into a muddle."
        let article = clean("""
            <p>The quartet recorded the album in one room, with one pair of microphones, in a single afternoon.</p><p>\(last)</p>
            """)
        #expect(article.text.hasSuffix(last))
        #expect(article.removed.isEmpty)
    }

    @Test func paragraphOpeningWithContinueReadingIsKept() {
        let article = clean("""
            <p>Continue reading for the full list of changes: the new release touches the parser, the scheduler and every command-line flag.</p><p>The parser now accepts JSON Feed 1.1.</p>
            """)
        #expect(article.paragraphs.count == 2)
        #expect(article.removed.isEmpty)
    }

    @Test func readMoreInsideASentenceIsKept() {
        let text = "Read more about the new rules on the council’s website, where the full consultation response "
            + "is published with the officers’ notes."
        let article = clean("<p>\(bodyParagraph)</p><p>\(text)</p>")
        #expect(article.text == bodyParagraph + "\n\n" + text)
    }

    // MARK: - Section words in the body

    @Test func researchPostsRelatedWorkSectionIsKept() throws {
        let article = try Fixture.clean("Legitimate/related-work.html")
        #expect(article.paragraphs == [
            "Introduction",
            "Compilers spend a surprising share of their time in name lookup, and most of that time goes to "
                + "lookups that fail. We measured this in three production compilers and found that between 38% "
                + "and 61% of lookups in a full build return nothing.",
            "Related work",
            "Earlier work on lookup caching, starting with the symbol-table hashing schemes of the 1970s, assumed "
                + "that most lookups succeed and optimised for the hit path. Negative caching appears in a few build "
                + "systems, but we found no compiler that caches failed lookups across translation units.",
            "Incremental compilers such as those used in IDEs keep dependency graphs that could record failed "
                + "lookups, but they discard them at the end of each session, so a fresh build pays the full cost again.",
            "Method",
            "We instrumented each compiler to log every lookup with its scope chain and result, and replayed the "
                + "logs against a persistent negative cache keyed on the scope’s content hash.",
        ])
        #expect(article.removed.isEmpty)
    }

    @Test func relatedHeadingInTheMiddleFollowedByProseIsKept() {
        let article = clean("""
            <p>\(bodyParagraph)</p><h2>Related</h2><p>The same tide also floods the car park by the slipway, which the council has promised to raise before next winter, and the footpath along the quay.</p><p>\(bodyParagraph)</p>
            """)
        #expect(article.paragraphs.count == 4)
        #expect(article.removed.isEmpty)
    }

    // MARK: - Names in the body

    /// Static-site generators give every heading an id made from its text,
    /// so a recipe's "Cookies" heading is `<h2 id="cookies">`: that is not
    /// a cookie notice.
    @Test func cookieRecipeKeepsItsCookiesHeading() throws {
        let article = try Fixture.clean("Legitimate/cookie-recipe.html")
        #expect(article.text == """
            These are the brown butter cookies my grandmother made every December, written down properly for the \
            first time. The dough needs a night in the fridge, so start the day before.

            Ingredients

            - 225 g butter
            - 200 g dark brown sugar
            - 2 eggs
            - 300 g plain flour
            - 1 tsp bicarbonate of soda

            Cookies

            Brown the butter until it smells of toffee, let it cool, then beat in the sugar and the eggs. Fold in \
            the flour and the soda, cover the bowl, and leave it in the fridge overnight.

            Roll the dough into balls the size of a walnut and bake them at 180°C for eleven minutes. The cookies \
            will look underdone; they firm up as they cool.

            Store the cookies in a tin for up to a week, if they last that long.
            """)
        #expect(article.removed.isEmpty)
    }

    @Test(arguments: [("newsletter", "Newsletter"), ("sponsor", "Sponsor"), ("share", "Share"), ("ads", "Ads")])
    func headingWithAGeneratedIdIsKept(id: String, heading: String) {
        let article = clean("""
            <p>\(bodyParagraph)</p><h2 id="\(id)">\(heading)</h2><p>This section of the club’s annual report covers the \(id) budget for the year, which the committee approved in March with one abstention.</p>
            """)
        #expect(article.paragraphs.count == 3, "\(article.removedWhat)")
        #expect(article.text.contains("\n\n\(heading)\n\n"))
    }

    /// A year-by-year history opens with a year heading; a bare number at
    /// the head is a comment count only when it is not a heading.
    @Test func timelineOpeningWithAYearHeadingKeepsIt() {
        let article = clean("""
            <h2>2019</h2><p>We moved the workshop from the garage to the old dairy, and for the first time we had room for two lathes side by side.</p><h2>2020</h2><p>The dairy closed for five months, and we learned to teach turning over a video call, badly at first.</p>
            """)
        #expect(article.text.hasPrefix("2019\n\nWe moved the workshop"))
        #expect(article.removed.isEmpty)
    }

    @Test func uuidInsideTheBodyIsKept() {
        let article = clean("""
            <p>Run the import again with the job id below if you want to reproduce the crash on your own machine; it takes about ten minutes.</p><p>8f14e45f-ceea-467a-9575-0e1f2c6d9b3a</p><p>The crash happens when the second batch starts, always at the same row.</p>
            """)
        #expect(article.paragraphs.count == 3)
        #expect(article.removed.isEmpty)
    }

    @Test func sourceLineInTheMiddleStaysInTheText() {
        let article = clean("""
            <p>The interview ran for an hour; this is an edited transcript, with a few answers shortened.</p><p>Source: the 2021 census, table KS201, which counts residents by ethnic group in every local authority.</p><p>We compared those counts with the school rolls for the same year.</p>
            """)
        #expect(article.source == nil)
        #expect(article.paragraphs.count == 3)
    }

    // MARK: - Boilerplate families' words in the body

    /// Each sentence opens or closes an article: where the edge rules look.
    /// Each uses the words of a boilerplate family in prose.
    @Test(arguments: [
        "Listen on headphones if you can: the stereo picture is half the point of the podcast, and on speakers it collapses.",
        "We talked about the ferry on the podcast last week, and a listener wrote in with the 1987 timetable.",
        "Sponsored by Senator Jane Marsh, the bill would cap ferry fares at their 2019 level for five years.",
        "The festival's main sponsor, a local brewery, pulled out in March, and the council stepped in.",
        "Brought to you by the same crew that built the old pier, the new slipway opens in May, weather permitting.",
        "Follow us on a walk through the old town, from the harbour to the castle, in the photographs below.",
        "Advertisement was the family trade: my grandfather painted signs for the ferry company for forty years.",
        "Every post has a permalink, and the archive page lists them all by month, oldest first.",
        "Subscribers to the ferry's season ticket scheme will get a refund for every cancelled sailing.",
        "Already a subscriber to the season ticket scheme, Ms Reid asked for her money back in January.",
        "Upgrade to paid parking was the council's answer to the queue at the terminal, and nobody liked it.",
        "Points: the council made three, and none of them was about the ferry.",
        "Click here, the old ticket machines said, and nothing happened for a minute; the new ones are quicker.",
        "Labels on the timetable were too small to read, the harbour users' group said in its letter.",
        "Related work on island transport, by the university's geography department, is summarised below.",
        "Source: the ministry said the figures were provisional and would be revised in the spring.",
        "Hosted on the quay, the market runs every Saturday until the end of October.",
        "I subscribed to three podcasts on Spotify last year and listened to none of them past the second episode.",
        "Read 40 remaining pages of the report and you will find the ferry mentioned once.",
        "The team scored 87 points in the final, and 64 comments on the club's page called it the best game in years.",
        "Our newsletter editor, who joined the paper in 1998, retires this week after twenty-six years.",
        "Email us at the address on the back of the timetable if your sailing was cancelled, and keep your ticket.",
    ])
    func familyWordsInProseAtEitherEdgeStay(sentence: String) {
        for input in ["<p>\(sentence)</p><p>\(bodyParagraph)</p>", "<p>\(bodyParagraph)</p><p>\(sentence)</p>",
                      "\(sentence)\n\n\(bodyParagraph)", "\(bodyParagraph)\n\n\(sentence)"] {
            let article = clean(input)
            #expect(article.text.contains(sentence), "\(input.prefix(30)): \(article.removedWhat)")
            #expect(article.removed.isEmpty, "\(article.removedWhat)")
        }
    }

    /// A credit under a sponsor line or a subscribe prompt is the
    /// article's: it stays, in its own paragraph or on the prompt's last
    /// line, while the sponsor label above it goes.
    @Test func creditsUnderSponsorLinesAndSubscribePromptsStay() {
        let thanks = "Many thanks to Morag Reid, who co-produced this episode with me."
        let sponsored = clean("""
            <p>\(bodyParagraph)</p><p>Episode Sponsor: <a href="https://tidewater.example.com">Tidewater</a></p><p>Many thanks to <a href="https://example.org/morag">Morag Reid</a>, who co-produced this episode with me.</p>
            """)
        #expect(sponsored.text == bodyParagraph + "\n\n" + thanks, "\(sponsored.removedWhat)")
        let credit = "The Harbour Hours podcast is produced by Keiran Reid."
        let prompted = clean("""
            <p>\(bodyParagraph)</p><p><b>Get this episode by subscribing: type Harbour Hours into your podcasting app.</b><br><br><em>\(credit)</em></p>
            """)
        #expect(prompted.text.hasSuffix(credit), "\(prompted.removedWhat)")
    }

    /// A "links of the week" post is a list of links under a label: when
    /// the list is the article, it stays.
    @Test func linksOfTheWeekPostKeepsItsLinks() {
        let article = clean("""
            <p>Five things worth reading.</p><h2>Read more</h2><ul><li><a href="https://example.org/a">Why ferries run late</a></li><li><a href="https://example.org/b">The island that lost its bank</a></li><li><a href="https://example.org/c">A history of the slipway</a></li><li><a href="https://example.org/d">Harbour dues, explained</a></li></ul>
            """)
        #expect(article.text.contains("Why ferries run late"))
        #expect(article.text.contains("Harbour dues, explained"))
        #expect(article.removed.isEmpty, "\(article.removedWhat)")
    }

    @Test func linkListThatIsTheWholeEntryStays() {
        let article = clean("""
            <p>Read more: <a href="https://example.org/a">Why ferries run late</a>, <a href="https://example.org/b">The island that lost its bank</a>, <a href="https://example.org/c">A history of the slipway</a></p>
            """)
        #expect(article.text.contains("A history of the slipway"))
    }

    /// A heading "Advertising" titles a section of a marketing essay, and a
    /// sponsor section with prose under it is the article's.
    @Test func advertisingHeadingAndSponsorSectionOfProseStay() {
        let article = clean("""
            <p>\(bodyParagraph)</p><h2>Advertising</h2><p>The ferry company spent less on posters this year than in any year since 1990, and more on its website.</p><h2>Sponsors</h2><p>The regatta's sponsors met in the clubhouse on Friday and agreed to pay for a second safety boat, which the race officer had asked for since the capsize two summers ago.</p><p>\(bodyParagraph)</p>
            """)
        #expect(article.paragraphs.count == 6, "\(article.removedWhat)")
        #expect(article.removed.isEmpty)
    }

    /// A podcast's show notes that talk about sponsors, subscribing and
    /// following keep every paragraph between the edges.
    @Test func showNotesAboutSponsorsAndFollowersKeepTheirBody() {
        let middle = "We asked the harbour master why the sponsor of the lifeboat station wanted its name on the boat, and whether anyone would follow us on the next launch."
        let article = clean("<p>\(bodyParagraph)</p><p>\(middle)</p><p>\(bodyParagraph)</p>")
        #expect(article.paragraphs.count == 3)
        #expect(article.removed.isEmpty)
    }

    // MARK: - Tracking patterns in the body

    /// A link to a project's bug tracker is a link, and its words are part
    /// of the sentence: a tracker *link* may lose its URL, never its text.
    @Test func linkToABugTrackerKeepsItsWords() {
        let article = clean("""
            <p>See the report on the project’s <a href="https://sourceforge.net/tracker/?func=detail&amp;aid=3094017&amp;group_id=2435&amp;atid=102435">bug tracker</a> for the details of the crash.</p>
            """)
        #expect(article.text == "See the report on the project’s bug tracker for the details of the crash.")
    }

    /// FeedBurner rewrote links in entry bodies to its `~r/` redirector;
    /// the words inside them are the article's.
    @Test func feedBurnerRedirectLinkInsideASentenceKeepsItsWords() {
        let article = clean("""
            <p>Here is <a href="http://feedproxy.google.com/~r/PluginWorkshop/~3/q3xKz1u0gNc/version-2-4.html">the full announcement</a> from the maintainers.</p>
            """)
        #expect(article.text == "Here is the full announcement from the maintainers.")
    }

    @Test func smallButNotTinyImagesStay() {
        let article = clean("<p>Rated <img src=\"https://example.com/star.png\" width=\"16\" height=\"16\" alt=\"4 stars\"> by readers.</p>")
        #expect(article.html == "<p>Rated <img src=\"https://example.com/star.png\" width=\"16\" height=\"16\" alt=\"4 stars\"> by readers.</p>")
    }

    /// `aria-hidden` hides an element from screen readers, not from sight:
    /// KaTeX draws the visible formula inside `aria-hidden="true"`.
    @Test func mathRenderedByKaTeXKeepsItsVisibleFormula() {
        let article = clean("""
            <p>The energy is <span class="katex"><span class="katex-mathml"><math><semantics><mrow><mi>E</mi><mo>=</mo><mi>m</mi><msup><mi>c</mi><mn>2</mn></msup></mrow><annotation encoding="application/x-tex">E=mc^2</annotation></semantics></math></span><span class="katex-html" aria-hidden="true"><span class="base"><span class="mord mathnormal">E</span><span class="mrel">=</span><span class="mord mathnormal">m</span><span class="mord"><span class="mord mathnormal">c</span><span class="msupsub"><span class="mord mtight">2</span></span></span></span></span></span> for a body at rest.</p>
            """)
        #expect(article.text == "The energy is E=mc2 for a body at rest.")
    }
}
