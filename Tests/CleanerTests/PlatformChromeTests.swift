import Testing
import Cleaner

/// Platform chrome at an entry's edges (`PlatformChrome`): player labels,
/// buttons, empty byline labels, counters, tweet footers, author boxes and
/// company profile boxes; and podcast-links lines between paragraphs
/// (`InlineNoise`); paired with prose, chapter lists and paragraphs about
/// people that use the same words and numbers.
@Suite struct PlatformChromeTests {
    static let body = "<p>\(bodyParagraph)</p><p>\(secondParagraph)</p>"
    static let secondParagraph = "By evening the harbour master had counted them all back, and the lifeboat crew went home for supper."
    static let bodyText = bodyParagraph + "\n\n" + secondParagraph

    @Test func playerTimeLabelsGoAtTheHead() {
        let article = clean("<p>0:00</p><p>/0:32</p>" + Self.body)
        #expect(article.text == Self.bodyText, "\(article.removedWhat)")
    }

    @Test func aPodcastLinksLineBetweenParagraphsGoes() {
        let links = #"<p>You can <a href="https://harbour.example/ep1.m4a">download the m4a file</a> or <a href="https://podcasts.apple.com/p/1">subscribe in iTunes</a>. (Or <a href="https://harbour.example/rss.xml">subscribe to the podcast feed</a>.)</p>"#
        let article = clean("<p>\(bodyParagraph)</p>" + links + "<p>\(Self.secondParagraph)</p>")
        #expect(article.text == Self.bodyText, "\(article.removedWhat)")
    }

    static let chrome: [BoilerplateFamilyTests.Case] = [
        .init(html: "<p>1×</p>", kind: "platform chrome"),
        .init(html: "<p>Listen to this article · 6 min</p>", kind: "platform chrome"),
        .init(html: "<p>4 min listen</p>", kind: "platform chrome"),
        .init(html: "<p>Dismiss</p>", kind: "platform chrome"),
        .init(html: "<p><a href=\"#top\">Back to top</a></p>", kind: "platform chrome"),
        .init(html: "<p>Erstellt von:</p>", kind: "platform chrome"),
        .init(html: "<p>Written by:</p>", kind: "platform chrome"),
        .init(html: "<p>Publié par :</p>", kind: "platform chrome"),
        .init(html: "<p>12 likes · 3 restacks</p>", kind: "platform chrome"),
        .init(html: "<p>1.2K views</p>", kind: "platform chrome"),
        .init(html: "<p>87 likes · 12 shares · 4 comments</p>", kind: "platform chrome"),
        .init(html: "<p>3 posts - 2 participants</p>", kind: "platform chrome"),
        .init(html: "<p>Published in <a href=\"https://gazette.example\">The Harbour Gazette</a> · 5 min read · Jan 3, 2024</p>", kind: "platform chrome"),
        .init(html: "<p>Posted on March 3, 2024 at 10:45 am by Jo Reyes</p>", kind: "platform chrome"),
        .init(html: "<p>Publié le 3 mars 2024 par Jo Reyes</p>", kind: "platform chrome"),
        .init(html: "<p>Posted on Tuesday 15 October 2019 at 09:11 by Jo M. Reyes.</p>", kind: "platform chrome"),
        .init(html: "<p>First published on November 20, 2019 / 1:07 AM</p>", kind: "platform chrome"),
        .init(html: "<p><em>Phil Okafor is a reporter for The Harbour Gazette.</em></p>", kind: "author box", edges: [.tail]),
        .init(html: "<p>47 minutes ago via Twitter for Mac<a href=\"https://twitter.com/i/r\">Reply</a><a href=\"https://twitter.com/i/rt\">Retweet</a><a href=\"https://twitter.com/i/f\">Favorite</a></p>", kind: "platform chrome"),
        .init(html: "<p><em>Jo Reyes is a senior writer at The Harbour Gazette, where she covers ferries and fisheries. Follow her on Mastodon at @jo@harbour.example.</em></p>", kind: "author box", edges: [.tail]),
        .init(html: "<p><a href=\"https://gazette.example/authors/sam\">Sam Okafor</a> covers energy for the Gazette. Reach him at sam@gazette.example.</p><p>Share this: <a href=\"https://x.example/share\">X</a></p>", kind: "author box", edges: [.tail]),
        .init(html: "<p><i>Lena Vogt ist Redakteurin bei der Hafenzeitung. Folgen Sie ihr auf Mastodon.</i></p>", kind: "author box", edges: [.tail]),
    ]

    @Test(arguments: chrome) func platformChromeGoesAtTheEdges(family: BoilerplateFamilyTests.Case) {
        BoilerplateFamilyTests.check(family)
    }

    static let widgetLines = [
        "<div><span>0:00</span><div>/<span>0:32</span></div></div>",
        "<div><span>1:02:03 / 1:10:00</span></div>",
        "<div><a href=\"https://social.example/s/1\">47 minutes ago</a> via <a href=\"https://apps.example/t\">Twitter for Mac</a><a href=\"https://twitter.com/intent/tweet?in_reply_to=1\">Reply</a><a href=\"https://twitter.com/intent/retweet?tweet_id=1\">Retweet</a><a href=\"https://twitter.com/intent/favorite?tweet_id=1\">Favorite</a></div>",
    ]

    @Test(arguments: widgetLines) func widgetLinesGoBetweenParagraphs(noise: String) {
        WordingFamilyTests.checkBetweenParagraphs(noise)
    }

    @Test func aVideoCardsPlayerLabelsGoAndItsCaptionStays() {
        let card = """
            <figure><div><video src="https://harbour.example/tide.webm"></video><div><span>0:00</span>
            <div>/<span>0:32</span></div><button>1&times;</button></div></div>
            <figcaption><p>The tide at 0:32 past noon.</p></figcaption></figure>
            """
        let article = clean("<p>\(bodyParagraph)</p>" + card + "<p>\(Self.secondParagraph)</p>")
        #expect(article.text == bodyParagraph + "\n\nThe tide at 0:32 past noon.\n\n" + Self.secondParagraph, "\(article.removedWhat)")
        #expect(article.html.contains("<video"))
    }

    @Test func timesAndYearsBetweenParagraphsStay() {
        for line in ["1984", "10:30", "0:00 Intro", "3:16 pm ferry to Leith", "2 replies to the council, 1 retweet of the notice"] {
            let article = clean("<p>\(bodyParagraph)</p><p>\(line)</p><p>\(Self.secondParagraph)</p>")
            #expect(article.text.contains(line), "\(line): \(article.removedWhat)")
        }
    }

    @Test func aCompanyProfileBoxGoesAtTheTail() {
        let box = """
            <div class="module"><h2><a href="https://profiles.example">Crunchbase</a></h2>
            <ul><li><a href="javascript:void(0)">TIDEWATER</a></li></ul>
            <div><span>Company:</span> <span><a href="https://profiles.example/tidewater">Tidewater</a></span></div>
            <div><span>Website:</span> <span><a href="https://tidewater.example">tidewater.example</a></span></div>
            <div><span>Launch Date:</span> <span>January 6, 2006</span></div>
            <div><span>Funding:</span> <span>$29.5M</span></div>
            <p>Tidewater is software that backs up the laptops of small companies, with offices in Leith and Bergen and customers in forty countries across Europe.</p>
            <a href="https://profiles.example/tidewater">Learn more</a></div>
            """
        // A news post is longer than the box under it.
        let more = "Tidewater said the new service would reach the islands in spring, once the undersea cable is repaired, "
            + "and that the harbour office would be its first customer outside the city."
        let article = clean(Self.body + "<p>\(more)</p><p>\(more)</p>" + box)
        #expect(article.text == Self.bodyText + "\n\n" + more + "\n\n" + more, "\(article.removedWhat)")
        #expect(article.removedWhat.contains { $0.contains("profile box") })
    }

    // MARK: - The same words in the article

    @Test func proseAboutUpdatesAndChapterTimesStays() {
        let paragraphs = [
            "Last updated at 14:25 on Friday, the tide table was wrong for the whole weekend.",
            "0:00 Intro",
            "Last modified by the council in 2019. The map still shows the old pier at 10:30 low tide.",
        ]
        for paragraph in paragraphs {
            for html in ["<p>\(paragraph)</p>" + Self.body, Self.body + "<p>\(paragraph)</p>"] {
                let article = clean(html)
                #expect(article.text.contains(paragraph), "\(article.removedWhat)")
            }
        }
    }

    @Test func anAboutTheAuthorSectionGoesAtTheTail() {
        let more = "Tidewater said the new service would reach the islands in spring, once the undersea cable is repaired, "
            + "and that the harbour office would be its first customer outside the city."
        let section = "<h3>About the author</h3><p>Jo Reyes has written about the islands since 2009 and lives in Leith.</p>"
        let article = clean(Self.body + "<p>\(more)</p>" + section)
        #expect(article.text == Self.bodyText + "\n\n" + more, "\(article.removedWhat)")
    }

    @Test func anAuthorBoxAtTheHeadIsTheArticlesIntroduction() {
        let intro = "Jo Reyes is a senior writer at The Harbour Gazette, and this week she took the night ferry to find out why it is always late. Follow her on Mastodon."
        let article = clean("<p>\(intro)</p>" + Self.body)
        #expect(article.text.hasPrefix(intro), "\(article.removedWhat)")
    }

    @Test func aProfileWhoseAuthorSectionRunsOnStays() {
        let paragraphs = (1...4).map { "<p>In \(2000 + $0) she moved to another island, and wrote about its ferries, its school and its one shop.</p>" }
        let html = Self.body + "<h3>About the author</h3>" + paragraphs.joined()
        let article = clean(html)
        #expect(article.text.contains("About the author"), "\(article.removedWhat)")
        #expect(article.text.contains("In 2004 she moved"), "\(article.removedWhat)")
    }

    static let proseAboutPeopleAndPlatforms = [
        "Morag is a ferry captain at the harbour, and she has sailed the winter route for thirty years.",
        "The mayor is a former reporter at the Gazette and still follows her old colleagues on Twitter.",
        "Sam Okafor is a reporter who spent a decade covering the island before the paper closed.",
        "Sam Okafor is a reporter. He spent a decade covering the island before the paper closed.",
        "Morag is a harbour master at Leith.",
        "Rhys Pender is a winemaker, farmer, writer, and a Master of Wine; follow him on the ferry as he tastes.",
        "Bonus: James writes about how this concert is full circle for him. It's a special night, follow him on Twitter.",
        "By the time the ferry came in, the crew had counted 12 likes and 3 complaints on the harbour notice board.",
        "Written by hand in 1887, the harbour log records every ship that came in through the winter storms.",
        "The company: Tidewater, founded in 2006 in Leith, backs up the laptops of the harbour office.",
        "Listen to this article's author read the tide tables aloud and you will hear why the ferry is late.",
        "Posted on March 3, 2024, the notice told every skipper to leave the inner harbour by noon.",
        "Published in 1887 by the harbour trust, the tide tables were the first to print the times in the paper.",
        "The crew had a 5 min read of the charts · then they sailed.",
    ]

    @Test(arguments: proseAboutPeopleAndPlatforms) func proseAboutPeopleAndPlatformsStays(prose: String) {
        WordingFamilyTests.checkKept(prose)
    }

    @Test func companyDetailsInTheArticleStay() {
        let details = "<p>Company: Tidewater</p><p>Founded: 2006, in Leith</p><p>Funding: $29.5M from two harbour trusts.</p>"
        let article = clean("<p>\(bodyParagraph)</p>" + details + "<p>\(Self.secondParagraph)</p>")
        #expect(article.text.contains("Funding: $29.5M from two harbour trusts."), "\(article.removedWhat)")
    }

    @Test func aLinkRichParagraphAboutPodcastsInTheMiddleStays() {
        let prose = #"<p>You can download <a href="https://harbour.example/a">the harbour podcast</a> from <a href="https://podcasts.apple.com/p/1">Apple Podcasts</a>, but the <a href="https://harbour.example/b">first three episodes</a> were recorded on a phone in the fish market, and the <a href="https://harbour.example/c">gulls</a> are louder than the guests.</p>"#
        let article = clean("<p>\(bodyParagraph)</p>" + prose + "<p>\(Self.secondParagraph)</p>")
        #expect(article.text.contains("and the gulls are louder than the guests."))
        #expect(article.removed.isEmpty)
    }
}
