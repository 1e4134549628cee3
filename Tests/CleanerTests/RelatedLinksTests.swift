import Testing
import Cleaner

/// The related-links family (`RelatedLinks`): a short label over links to
/// other posts, as a section of blocks, as lines of a block, as one block,
/// or a box named "related"; each paired with prose that uses the same
/// words, and with a link-rich paragraph of the article, which stay.
@Suite struct RelatedLinksTests {
    static let body = "<p>\(bodyParagraph)</p><p>\(secondParagraph)</p>"
    static let secondParagraph = "By evening the harbour master had counted them all back, and the lifeboat crew went home for supper."
    static let bodyText = bodyParagraph + "\n\n" + secondParagraph

    static let sections = [
        #"<h3>Recent Harbour Blog Stories</h3><ul><li><a href="https://example.org/a">Ferry fares rise again</a></li><li><a href="https://example.org/b">The island that lost its bank</a></li></ul>"#,
        #"<p><strong>More stories from the Gazette</strong></p><p><a href="https://example.org/a">Island schools to merge</a></p><p><a href="https://example.org/b">Winter sailings cut</a></p>"#,
        #"<h4>Further reading</h4><ul><li><a href="https://example.org/a">A history of the breakwater</a></li></ul>"#,
        #"<h4>You might also enjoy</h4><ul><li><a href="https://example.org/a">A history of the breakwater</a></li><li><a href="https://example.org/b">The lighthouse keepers</a></li></ul>"#,
        #"<h3>More on the ferry strike</h3><p><a href="https://example.org/a">Crews vote to walk out</a></p><p><a href="https://example.org/b">What the strike means for you</a></p>"#,
        #"<h3>À lire aussi</h3><ul><li><a href="https://example.fr/a">Le ferry ne part plus</a></li><li><a href="https://example.fr/b">Le port en hiver</a></li></ul>"#,
        #"<p><strong>Suggested Read 📖: </strong><a href="https://example.org/a"><em>How island schools are answering the new rules</em></a></p>"#,
        #"<p><strong>NEXT:</strong> <a href="https://example.org/a">The ferry company is building a bigger boat, obviously</a></p>"#,
        #"<p><em><strong>More: </strong><a href="https://example.org/a">The winter timetable guide: sailings, fares and more!</a></em></p>"#,
        #"<div class="related_articles_wrapper"><h4>The island that lost its bank</h4><p>Two years after the last branch closed, the island's shops still take cash only.</p></div>"#,
    ]

    @Test(arguments: sections) func relatedLinksGoAtTheTail(html: String) {
        let article = clean(Self.body + html)
        #expect(article.text == Self.bodyText, "\(article.removedWhat)")
    }

    @Test(arguments: ["<h3>Leer también</h3>", "<h3>Posts relacionados</h3>", "<p>Читайте также:</p>", "<h3>Похожие записи</h3>",
                      "<h3>相关文章</h3>", "<h3>関連記事</h3>", "<h3>Gerelateerde berichten</h3>", "<h3>Articles similaires</h3>",
                      "<h3>Ähnliche Artikel</h3>", "<p>Vous aimerez aussi :</p>"])
    func labelsInOtherLanguagesOverLinksGoAtTheTail(label: String) {
        let article = clean(Self.body + label + Self.linkList)
        #expect(article.text == Self.bodyText, "\(article.removedWhat)")
    }

    @Test func aLabelLeftLastWithoutItsLinksGoes() {
        let article = clean(Self.body + "<p><strong><em>Previously On The Gazette:</em></strong></p><p></p>")
        #expect(article.text == Self.bodyText, "\(article.removedWhat)")
    }

    @Test func aLastParagraphEndingWithAColonThatIsNoLabelStays() {
        let article = clean(Self.body + "<p>The harbour master's last words to the crew were:</p>")
        #expect(article.text == Self.bodyText + "\n\nThe harbour master's last words to the crew were:")
        #expect(article.removed.isEmpty)
    }

    @Test func linesOfLinksUnderALabelGoFromTheEndOfABlockOfLines() {
        let html = """
            The tide turned at noon and the boats came back in one by one.<br><br>\
            <b>Recent Harbour Blog Stories</b><br>\
            &#8226; <a href="https://example.org/a">Ferry fares rise again</a><br>\
            &#8226; <a href="https://example.org/b">The island that lost its bank</a><br>
            """
        let article = clean(html)
        #expect(article.text == "The tide turned at noon and the boats came back in one by one.", "\(article.removedWhat)")
    }

    // MARK: - The same words in the article

    @Test func proseThatSaysRelatedOrMoreFromStays() {
        let paragraphs = [
            "Related stories were told by every skipper in the harbour that night, and none of them agreed.",
            "More from the lifeboat crew next week, when they have slept.",
            "Recent stories in the Gazette said the ferry would run all winter; it did not.",
            "Next: we sail for the island at dawn, if the wind lets us.",
            "More: the crew wants a second boat, and the council has said no twice.",
        ]
        for paragraph in paragraphs {
            let article = clean(Self.body + "<p>\(paragraph)</p>")
            #expect(article.text == Self.bodyText + "\n\n" + paragraph)
            #expect(article.removed.isEmpty)
        }
    }

    @Test func aLinkRichParagraphInTheMiddleStays() {
        let links = #"<p>The <a href="https://example.org/ferry">ferry company</a> blamed the <a href="https://example.org/weather">weather</a>, the <a href="https://example.org/union">union</a> blamed the <a href="https://example.org/company">company</a>.</p>"#
        let article = clean("<p>\(bodyParagraph)</p>" + links + "<p>\(Self.secondParagraph)</p>")
        #expect(article.text.contains("The ferry company blamed the weather, the union blamed the company."))
        #expect(article.removed.isEmpty)
    }

    @Test func aHeadingOverTheArticlesOwnProseStays() {
        let article = clean(Self.body + "<h3>More on the ferry strike</h3><p>The crews meet again on Monday, and the "
            + "company says it will bring a new offer.</p>")
        #expect(article.text.hasSuffix("More on the ferry strike\n\nThe crews meet again on Monday, and the company says it will bring a new offer."))
    }

    @Test func aNewslettersItemWithItsLinksAndWhatTheyAreStays() {
        let item = #"<li><p>More on the breakwater<br><a href="https://video.example/watch?v=KGn">https://video.example/watch?v=KGn</a><br>"#
            + #"<a href="https://wiki.example/Breakwater">https://wiki.example/Breakwater</a></p><p>The first link is a talk "#
            + "on how the old breakwater was built; the second explains why it needs rebuilding now.</p></li>"
        let others = "<li><p>Winter sailings<br><a href=\"https://ferry.example/winter\">https://ferry.example/winter</a></p>"
            + "<p>The timetable for the winter, with the two new evening sailings.</p></li>"
        for list in ["<ul>\(others)\(item)\(others)</ul>", "<ul>\(item)</ul>"] {
            let article = clean(Self.body + list + "<p>\(bodyParagraph)</p>")
            #expect(article.text.contains("More on the breakwater\nhttps://video.example/watch?v=KGn"), "\(article.removedWhat)")
        }
        // The same label and links as a paragraph of their own are a list of other posts.
        let links = String(item.dropFirst("<li>".count)).components(separatedBy: "</p>")[0] + "</p>"
        let paragraph = clean(Self.body + links + "<p>\(bodyParagraph)</p>")
        #expect(!paragraph.text.contains("https://wiki.example/Breakwater"), "\(paragraph.removedWhat)")
    }

    @Test(arguments: [
        #"<p>See also: <a href="https://a.example/p">Patrick Collison</a>, <a href="https://b.example/c">Ben Matasar</a>, and "#
            + #"<a href="https://b.example/d">Slava Pestov</a>.</p>"#,
        #"<p>Siehe auch: <a href="https://a.example/p">die Antwort von Jo</a> und <a href="https://b.example/c">die von Ana</a>.</p>"#,
    ]) func pointersWrittenAsASentenceStay(html: String) {
        let text = WordingFamilyTests.textOf(html)
        for article in [Self.body + html, "<p>\(bodyParagraph)</p>\(html)<p>\(Self.secondParagraph)</p>"] {
            let cleaned = clean(article)
            #expect(cleaned.text.contains(text), "\(cleaned.removedWhat)")
        }
    }

    @Test func showNotesWhoseItemIsNamedNextStay() {
        // Show notes: a list of links, one of them a company called NeXT.
        let notes = #"<ul><li><a href="https://example.org/beos">BeOS</a></li><li><a href="https://example.org/next">NeXT</a></li><li><a href="https://example.org/svn">Subversion</a></li><li><a href="https://example.org/versions">Versions</a></li></ul>"#
        let article = clean(Self.body + notes)
        #expect(article.text == Self.bodyText + "\n\n- BeOS\n- NeXT\n- Subversion\n- Versions")
    }

    @Test func anEntryThatIsOnlyALabelledListOfLinksStays() {
        let html = #"<h3>Recent posts</h3><ul><li><a href="https://example.org/a">Ferry fares rise again</a></li><li><a href="https://example.org/b">Winter sailings cut</a></li></ul>"#
        #expect(clean(html).text == "Recent posts\n\n- Ferry fares rise again\n- Winter sailings cut")
        let lines = #"Recent posts<br>&#8226; <a href="https://example.org/a">Ferry fares rise again</a><br>&#8226; <a href="https://example.org/b">Winter sailings cut</a>"#
        #expect(clean(lines).text.contains("Ferry fares rise again"))
    }

    // MARK: - Between paragraphs

    static let linkList = #"<ul><li><a href="https://example.org/a">Ferry fares rise again</a></li><li><a href="https://example.org/b">The island that lost its bank</a></li><li><a href="https://example.org/c">Winter sailings cut</a></li></ul>"#

    static let inlineLabels = [
        "<p><strong>Victory Royale! Check out the rest of our ferry content:</strong></p>",
        "<p>More of our coverage of the ferry strike:</p>",
        "<h3>Related</h3>",
        "<p>Lesen Sie auch:</p>",
        "<p><strong>Dive deeper:</strong></p>",
    ]

    @Test(arguments: inlineLabels) func aLabelOverAListOfLinksGoesBetweenParagraphs(label: String) {
        let article = clean("<p>\(bodyParagraph)</p>" + label + Self.linkList + "<p>\(Self.secondParagraph)</p>")
        #expect(article.text == Self.bodyText, "\(article.removedWhat)")
        #expect(article.removedWhat.map { $0.hasPrefix("inline: related links") } == [true])
    }

    @Test func aLabelledLinkParagraphGoesBetweenParagraphs() {
        let dive = #"<p><em><strong>Dive deeper:</strong> <a href="https://example.org/a">How the new timetable changes the winter sailings</a></em></p>"#
        let article = clean("<p>\(bodyParagraph)</p>" + dive + "<p>\(Self.secondParagraph)</p>")
        #expect(article.text == Self.bodyText, "\(article.removedWhat)")
    }

    @Test func theLabelAboveARelatedBoxGoesWithTheBox() {
        let box = """
            <div class="shortcodes_wrapper"><div class="shortcodes-header"><div class="shortcodes-title">Editor's Pick</div></div>\
            <div class="related_articles_wrapper"><div class="related_article_item"><a href="https://example.org/a"></a>\
            <h4>Here's what every ferry ticket will cost you</h4><div>If you want to be one of the first to sail, you will pay up.</div>\
            </div></div></div>
            """
        let article = clean("<p>\(bodyParagraph)</p>" + box + "<p>\(Self.secondParagraph)</p>")
        #expect(article.text == Self.bodyText, "\(article.removedWhat)")
        #expect(article.removed.map(\.rule) == ["related-posts", "related-posts-label"])
    }

    // MARK: - The same words between paragraphs

    @Test func aHeadingAboveARelatedBoxThatIsNoLabelStays() {
        let html = #"<p>\#(bodyParagraph)</p><h3>The harbour in winter</h3><div class="related"><a href="https://example.org/a">Winter sailings cut</a></div><p>\#(Self.secondParagraph)</p>"#
        let article = clean(html)
        #expect(article.text == bodyParagraph + "\n\nThe harbour in winter\n\n" + Self.secondParagraph)
    }

    @Test func aListOfTheArticlesOwnLinksOrProseUnderALabelStays() {
        let cases = [
            // The article's sources: a list of links, but no label that names other posts.
            "<p>The three reports the council relied on:</p>" + Self.linkList,
            // The site's own words over a list of prose, not links.
            "<p>Check out the rest of our ferry content:</p><ul><li>The timetable changes on Monday.</li>"
                + "<li>The fares go up in March.</li><li>The night boat stops until spring.</li></ul>",
            // "Our" in a sentence about the harbour, not the site.
            "<p>Here are all of our harbour's ferries:</p>" + Self.linkList,
            // A digest's own section between paragraphs.
            "<h3>Top stories</h3>" + Self.linkList,
        ]
        for html in cases {
            let article = clean("<p>\(bodyParagraph)</p>" + html + "<p>\(Self.secondParagraph)</p>")
            #expect(article.removed.isEmpty, "\(article.removedWhat)")
            #expect(article.text.hasSuffix(Self.secondParagraph))
        }
    }

    @Test func proseThatDivesDeeperStays() {
        let paragraph = "Dive deeper into the harbour's history at the museum, which opens at ten and shows the old charts."
        let article = clean("<p>\(bodyParagraph)</p><p>\(paragraph)</p><p>\(Self.secondParagraph)</p>")
        #expect(article.text == bodyParagraph + "\n\n" + paragraph + "\n\n" + Self.secondParagraph)
    }
}
