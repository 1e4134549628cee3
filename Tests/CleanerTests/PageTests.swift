import Testing
import Cleaner

/// Whole web pages: the article's title comes from the page's head, and
/// the text is the article's body without the header, navigation,
/// breadcrumbs, sidebar, comments, author box, footer or cookie notice.
@Suite struct PageTests {
    private static let lamp = "https://lighthouse.example.org/2024/05/replacing-the-lamp/"

    private static let lampBody = """
        The lamp in the lantern room at Carrick Point had been a 1,000-watt metal halide since 1994. It was \
        bright, it was hot, and it drew more power than the rest of the station put together.

        Last week the keepers’ trust replaced it with a ring of twelve LED modules, mounted on a bracket that a \
        volunteer machined from a single block of aluminium. The new light is visible for 18 nautical miles, two \
        more than before, and the whole ring draws 240 watts.

        The old lens stays. The modules sit where the lamp sat, so the first-order Fresnel lens still does the \
        work it has done since 1872, and the character of the light, a white flash every fifteen seconds, has \
        not changed.

        Visitors can see the new lamp on open days from June, when the tower is open on Saturdays and Sundays \
        from eleven until four, weather permitting.
        """

    /// `feedspool clean --text` asks for no HTML: the text must not change.
    @Test func textIsTheSameWithoutWritingTheHTML() throws {
        let page = Array(try Fixture.text("Pages/wordpress-page.html").utf8)
        let full = Cleaner().clean(utf8: page, baseURL: Self.lamp)
        let textOnly = Cleaner().clean(utf8: page, baseURL: Self.lamp, writesHTML: false)
        #expect(textOnly.text == full.text)
        #expect(textOnly.text.hasPrefix("The lamp in the lantern room"))
        #expect(textOnly.htmlUTF8.isEmpty)
        #expect(!full.htmlUTF8.isEmpty)
    }

    @Test func wordpressPageTitleIsTheOpenGraphTitle() throws {
        let article = try Fixture.clean("Pages/wordpress-page.html", baseURL: Self.lamp)
        #expect(article.title == "Replacing the lamp at Carrick Point")
    }

    /// The text is the body. Whether the article's own `<h1>` heads it is a
    /// choice either way (it repeats `title`, but it is part of the article
    /// element), so both are accepted; nothing else may come with it.
    @Test func wordpressPageTextIsTheBody() throws {
        let article = try Fixture.clean("Pages/wordpress-page.html", baseURL: Self.lamp)
        #expect(article.text == Self.lampBody
            || article.text == "Replacing the lamp at Carrick Point\n\n" + Self.lampBody)
    }

    @Test(arguments: [
        "Skip to content", "News from the Carrick Point Lighthouse Trust", "Visit the lighthouse", "Donate",
        "Maintenance", "Published", "Aoife Brennan", "Share this", "Twitter", "Categorised as", "Tagged",
        "thoughts on", "clockwork", "Leave a comment", "Your email address", "Previous post", "Recent Posts",
        "Opening times", "Archives", "registered charity", "Proudly powered by", "We use cookies", "Privacy policy",
        "_stq",
    ])
    func wordpressPageTextHasNoPageFurniture(phrase: String) throws {
        let article = try Fixture.clean("Pages/wordpress-page.html", baseURL: Self.lamp)
        #expect(!article.text.contains(phrase))
    }

    @Test func wordpressPageHtmlHasNoScriptsFormsOrStatsPixel() throws {
        let article = try Fixture.clean("Pages/wordpress-page.html", baseURL: Self.lamp)
        for fragment in ["<script", "<form", "<nav", "<aside", "<footer", "pixel.wp.com", "gravatar", "cookie"] {
            #expect(!article.html.contains(fragment), "\(fragment)")
        }
        #expect(article.html.contains("<p>Visitors can see the new lamp on open days from June"))
    }

    /// What went outside the article is one record; what went from inside
    /// it (the share bar in the entry content) is named.
    @Test func wordpressPageRemovalsNameWhatWentInsideTheArticle() throws {
        let article = try Fixture.clean("Pages/wordpress-page.html", baseURL: Self.lamp)
        #expect(article.removed("page outside the main content"))
        #expect(article.removedWhat.contains { $0.hasPrefix("shar") }, "removed: \(article.removedWhat)")
        #expect(article.removed.reduce(0) { $0 + $1.chars } > 1_500)
    }

    @Test func pageWithShareEnabledContentGivesTitleAndBody() throws {
        let article = try Fixture.clean("Pages/share-enabled-page.html", baseURL: "https://streetnews.example.org/mill-road")
        #expect(article.title == "Mill Road cycle lane approved")
        #expect(article.text.hasSuffix("""
            The council has approved the new cycle lane on Mill Road, after three years of consultation and two \
            rounds of trial closures.

            Work starts in September and should take eight weeks. The lane will run on both sides of the road, \
            separated from traffic by a kerb, from the railway bridge to the junction with Hills Road.

            Parking on Mill Road itself will go, but the council says the side streets can take the forty spaces \
            that are lost, and residents’ permits will cover them.
            """))
        for phrase in ["Cambridge Street News", "Transport", "About us", "Facebook", "Twitter", "volunteer-run"] {
            #expect(!article.text.contains(phrase), "\(phrase)")
        }
    }

    @Test func titleFallsBackToTheTitleElementWithoutTheSiteName() {
        let article = clean("""
            <!DOCTYPE html><html><head><title>Painting the tower &#8211; Lighthouse Notes</title></head>
            <body><article><h1>Painting the tower</h1><p>The tower was repainted in March, for the first time \
            since 2009, by four volunteers and a hired cherry picker, in eleven dry days spread over three weeks.</p>
            <p>The paint is a marine grade white, chosen because it has lasted on the harbour wall since 2015.</p></article>
            <footer><p>Lighthouse Notes, the newsletter of the Carrick Point Lighthouse Trust.</p></footer></body></html>
            """)
        #expect(article.title == "Painting the tower")
        #expect(article.text.hasSuffix("it has lasted on the harbour wall since 2015."))
        #expect(!article.text.contains("newsletter of the Carrick Point"))
    }

    @Test func pageWithoutHeadStillCountsAsAPage() {
        let article = clean("""
            <html><body><div id="sidebar"><ul><li><a href="/a">Archive</a></li><li><a href="/b">About</a></li></ul></div>
            <div class="post"><p>The harbour wall was repaired this week, after the winter storms took a section of \
            the parapet and three of the old iron mooring rings, which the council has promised to replace.</p>
            <p>The rings came from the same foundry as the originals, which is still working, two streets from the quay.</p></div></body></html>
            """)
        #expect(!article.text.contains("Archive"))
        #expect(article.text.hasPrefix("The harbour wall was repaired this week"))
        #expect(article.text.hasSuffix("two streets from the quay."))
    }
}
