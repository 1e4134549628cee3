import Testing
import Cleaner

/// Boilerplate families that feeds put at the head or tail of an entry,
/// each in several wordings, at both edges, as HTML and (when it has no
/// links) as plain text: podcast platform links and hosting notes, sponsor
/// messages with their ad copy, paywall prompts, blogging-platform chrome,
/// aggregator metadata, labelled link lists, "Follow us" lines, ad labels,
/// permalink markers and "read in full" prompts. `OverStrippingTests`
/// holds the articles that use the same words and must keep them.
@Suite struct BoilerplateFamilyTests {
    /// Where the boilerplate sits.
    enum Edge: String, CaseIterable, Sendable { case head, tail }

    /// One piece of boilerplate: its HTML, and the start of the removal
    /// description it should leave.
    struct Case: Sendable, CustomTestStringConvertible {
        var html: String
        var kind: String
        var edges: [Edge] = Edge.allCases

        var testDescription: String { html }
        /// The text of the boilerplate, when it is one `<p>` without markup.
        var plainText: String? {
            guard html.hasPrefix("<p>"), html.hasSuffix("</p>") else { return nil }
            let inner = html.dropFirst(3).dropLast(4)
            return inner.contains("<") ? nil : String(inner)
        }
    }

    static let bodyHTML = "<p>\(bodyParagraph)</p><p>\(secondParagraph)</p>"
    static let secondParagraph = "By evening the harbour master had counted them all back, and the lifeboat crew went home for supper."

    static func article(_ noise: String, at edge: Edge) -> String {
        edge == .head ? noise + bodyHTML : bodyHTML + noise
    }

    static func check(_ family: Case) {
        for edge in family.edges {
            let article = clean(article(family.html, at: edge))
            #expect(article.text == bodyParagraph + "\n\n" + secondParagraph, "\(edge): \(article.removedWhat)")
            #expect(article.removedWhat.contains { $0.contains(family.kind) }, "\(edge): \(article.removedWhat)")
            guard let text = family.plainText else { continue }
            let plain = edge == .head
                ? text + "\n\n" + bodyParagraph + "\n\n" + secondParagraph
                : bodyParagraph + "\n\n" + secondParagraph + "\n\n" + text
            let cleaned = clean(plain)
            #expect(cleaned.text == bodyParagraph + "\n\n" + secondParagraph, "plain \(edge): \(cleaned.removedWhat)")
        }
    }

    // MARK: - Podcasts

    static let podcast: [Case] = [
        Case(html: "<p>Listen on <a href=\"https://podcasts.apple.com/p/1\">Apple Podcasts</a> · <a href=\"https://open.spotify.com/show/1\">Spotify</a> · <a href=\"https://overcast.fm/1\">Overcast</a></p>", kind: "podcast links"),
        Case(html: "<p><a href=\"https://podcasts.apple.com/p/1\">Apple Podcasts</a> | <a href=\"https://pocketcasts.com/p\">Pocket Casts</a> | <a href=\"https://castbox.fm/p\">Castbox</a></p>", kind: "podcast links"),
        Case(html: "<p>Subscribe on Apple Podcasts, Spotify or wherever you get your podcasts.</p>", kind: "podcast links"),
        Case(html: "<p>Apple Podcasts / Spotify / Overcast / RSS</p>", kind: "podcast links"),
        Case(html: "<p>See omnystudio.com/listener for privacy information.</p>", kind: "podcast hosting notice"),
        Case(html: "<p>Hosted on Acast. See acast.com/privacy for more information.</p>", kind: "podcast hosting notice"),
        Case(html: "<p>Learn more about your ad choices. Visit megaphone.fm/adchoices</p>", kind: "podcast hosting notice"),
        Case(html: "<p>Get this episode by subscribing to our podcast: type Harbour Hours into your podcasting app.</p>", kind: "podcast links"),
        Case(html: "<p>For sponsor-free episodes, sign up for Harbour Hours+ via Apple Podcasts or at plus.harbour.example.</p>", kind: "podcast links"),
        Case(html: "<p>Listen on:</p><ul><li><a href=\"https://podcasts.apple.com/p/1\">Apple Podcasts</a></li><li><a href=\"https://open.spotify.com/show/1\">Spotify</a></li></ul>", kind: "podcast links", edges: [.tail]),
    ]

    @Test(arguments: podcast) func podcastLinksAndHostingNotesGo(family: Case) { Self.check(family) }

    // MARK: - Sponsors

    static let sponsors: [Case] = [
        Case(html: "<p>This episode is sponsored by Tidewater. Tidewater backs up every laptop in your company without anyone thinking about it. Go to tidewater.com/harbour for 20% off your first year.</p>", kind: "sponsor message"),
        Case(html: "<p>Today’s episode is brought to you by Northbeam. Visit northbeam.app/free to get started.</p>", kind: "sponsor message"),
        Case(html: "<p>Thanks to our sponsor Quaywise. Use code HARBOUR for 15% off at quaywise.com.</p>", kind: "sponsor message"),
        Case(html: "<p>Sponsor: Lanternly, the calm way to run on-call.</p><p>Lanternly routes each page to the right person. Try it free for 30 days at <a href=\"https://lanternly.io/pod\">lanternly.io/pod</a>.</p>", kind: "sponsor message"),
        Case(html: "<p>Support for this podcast comes from Brightwell Insurance.</p>", kind: "sponsor message"),
    ]

    @Test(arguments: sponsors) func sponsorMessagesGoWithTheirAdCopy(family: Case) { Self.check(family) }

    @Test func sponsorSectionUnderAHeadingInTheMiddleGoes() {
        let article = clean("""
            <p>\(bodyParagraph)</p><h3>Sponsors</h3><p><a href="https://tidewater.com/harbour">Tidewater</a>: backups for small teams, 20% off with code HARBOUR.</p><p><a href="https://quaywise.com">Quaywise</a>: invoices that chase themselves.</p><h3>Links</h3><p>\(Self.secondParagraph)</p>
            """)
        #expect(article.text == bodyParagraph + "\n\nLinks\n\n" + Self.secondParagraph, "\(article.removedWhat)")
        #expect(article.removed("inline: sponsor message"))
    }

    // MARK: - Paywalls

    static let paywalls: [Case] = [
        Case(html: "<p>Keep reading with a 7-day free trial</p>", kind: "paywall prompt", edges: [.tail]),
        Case(html: "<p>Already a paid subscriber? <a href=\"https://x.substack.com/sign-in\">Sign in</a></p>", kind: "paywall prompt"),
        Case(html: "<p>Subscribe to keep reading</p>", kind: "paywall prompt"),
        Case(html: "<p>Upgrade to paid</p>", kind: "paywall prompt"),
        Case(html: "<p>Get full access to The Harbour Letter and thousands of other newsletters.</p>", kind: "paywall prompt"),
        Case(html: "<p>This post is for paid subscribers</p><p><a href=\"https://x.substack.com/subscribe\">Subscribe</a></p><p>Already a paid subscriber? <a href=\"https://x.substack.com/sign-in\">Sign in</a></p>", kind: "paywall prompt", edges: [.tail]),
        Case(html: "<p>Weiterlesen mit Z+ – jetzt 4 Wochen kostenlos testen</p>", kind: "paywall prompt", edges: [.tail]),
        Case(html: "<p>Abonnez-vous pour lire la suite de cet article.</p>", kind: "paywall prompt", edges: [.tail]),
        Case(html: "<p>Contenuto riservato agli abbonati.</p>", kind: "paywall prompt", edges: [.tail]),
        Case(html: "<p>Conteúdo exclusivo para assinantes.</p>", kind: "paywall prompt", edges: [.tail]),
        Case(html: "<p>Материал доступен только подписчикам.</p>", kind: "paywall prompt", edges: [.tail]),
        Case(html: "<p>Continuez la lecture avec un essai gratuit de 7 jours</p>", kind: "paywall prompt", edges: [.tail]),
        Case(html: "<p>Sigue leyendo con una prueba gratuita de 7 días</p>", kind: "paywall prompt", edges: [.tail]),
        Case(html: "<p>Déjà abonné ? <a href=\"https://x.example/connexion\">Se connecter</a></p>", kind: "paywall prompt", edges: [.tail]),
    ]

    @Test(arguments: paywalls) func paywallPromptsGo(family: Case) { Self.check(family) }

    // MARK: - Blogging platforms and aggregators

    static let chrome: [Case] = [
        Case(html: "<p>Member-only story</p>", kind: "platform chrome"),
        Case(html: "<p>1.2K Followers</p>", kind: "platform chrome"),
        Case(html: "<p>Recommended from Medium</p>", kind: "platform chrome", edges: [.head]),
        Case(html: "<p><a href=\"/2024/05/newer\">Newer Post</a> <a href=\"/2024/04/older\">Older Post</a> <a href=\"/\">Home</a></p>", kind: "platform chrome"),
        Case(html: "<p>Subscribe to: <a href=\"/feeds/posts/default\">Post Comments (Atom)</a></p>", kind: "platform chrome"),
        Case(html: "<p>Labels: ferries, islands, winter</p>", kind: "post metadata"),
        Case(html: "<p>Posted by Morag at 10:45 AM</p>", kind: "post metadata"),
        Case(html: "<p>Article URL: <a href=\"https://example.org/ferry\">https://example.org/ferry</a></p><p>Comments URL: <a href=\"https://news.ycombinator.com/item?id=4182\">https://news.ycombinator.com/item?id=4182</a></p><p>Points: 87</p><p># Comments: 64</p>", kind: "aggregator metadata"),
        Case(html: "<p>87 points, 64 comments</p>", kind: "aggregator metadata"),
        Case(html: "<p>submitted by <a href=\"https://www.reddit.com/user/harbourmaster\">/u/harbourmaster</a> <br> <a href=\"https://example.org/ferry\">[link]</a> <a href=\"https://www.reddit.com/r/ferries/comments/1\">[comments]</a></p>", kind: "tail: Reddit footer", edges: [.tail]),
    ]

    @Test(arguments: chrome) func platformChromeAndAggregatorMetadataGo(family: Case) { Self.check(family) }

    @Test func recommendedFromMediumSectionGoesAtTheTail() {
        let article = clean(Self.bodyHTML + "<h2>Recommended from Medium</h2><p><a href=\"https://medium.com/a\">How I sail</a></p><p><a href=\"https://medium.com/b\">Ten ferries</a></p>")
        #expect(article.text == bodyParagraph + "\n\n" + Self.secondParagraph)
    }

    // MARK: - Links, social, labels, markers, prompts

    static let linkLists: [Case] = [
        Case(html: "<p>Read more: <a href=\"https://example.org/a\">Ferry fares rise again</a>, <a href=\"https://example.org/b\">The island that lost its bank</a></p>", kind: "link list"),
        Case(html: "<p><strong>Related:</strong> <a href=\"https://example.org/a\">How the ferry timetable is set</a></p>", kind: "link list"),
        Case(html: "<p>See also: <a href=\"https://example.org/a\">Winter sailings</a> · <a href=\"https://example.org/b\">Harbour dues</a></p>", kind: "link list"),
        Case(html: "<p>More from The Gazette: <a href=\"https://example.org/a\">Island schools to merge</a></p>", kind: "link list"),
        Case(html: "<p>Lesen Sie auch: <a href=\"https://example.de/a\">Fähre fällt aus</a></p>", kind: "link list"),
    ]

    @Test(arguments: linkLists) func labelledLinkListsGo(family: Case) { Self.check(family) }

    @Test(arguments: linkLists) func labelledLinkListsGoFromTheMiddleToo(family: Case) {
        let article = clean("<p>\(bodyParagraph)</p>\(family.html)<p>\(Self.secondParagraph)</p>")
        #expect(article.text == bodyParagraph + "\n\n" + Self.secondParagraph, "\(article.removedWhat)")
    }

    static let social: [Case] = [
        Case(html: "<p>Follow us on Twitter and Facebook for the latest sailings.</p>", kind: "social links"),
        Case(html: "<p>Follow us: <a href=\"https://twitter.com/gazette\">Twitter</a> <a href=\"https://instagram.com/gazette\">Instagram</a></p>", kind: "social links"),
        Case(html: "<p>Like us on Facebook</p>", kind: "social links"),
        Case(html: "<p>Folgen Sie uns auf Instagram und Mastodon.</p>", kind: "social links"),
        Case(html: "<p>Find us on social media @harbourgazette</p>", kind: "social links"),
        Case(html: "<p>Twitter @harbourgazette</p>", kind: "social links"),
        Case(html: "<p>Email us at letters@harbourgazette.example.</p>", kind: "contact line"),
        Case(html: "<p>Instagram: @gazette | Mastodon: @gazette</p>", kind: "social links"),
    ]

    @Test(arguments: social) func followUsLinesGo(family: Case) { Self.check(family) }

    static let labels = ["Advertisement", "ADVERTISEMENT", "Sponsored", "Anzeige", "Publicité", "- Advertisement -",
                         "Story continues below advertisement"]

    @Test(arguments: labels) func loneAdLabelsGoAtTheEdgesAndInTheMiddle(label: String) {
        Self.check(Case(html: "<p>\(label)</p>", kind: "ad label"))
        let article = clean("<p>\(bodyParagraph)</p><div>\(label)</div><p>\(Self.secondParagraph)</p>")
        #expect(article.text == bodyParagraph + "\n\n" + Self.secondParagraph, "\(article.removedWhat)")
    }

    static let markers = ["★", "Permalink", "#", "¶", "Link", "∞"]

    @Test(arguments: markers) func permalinkMarkersGoAsABlockOrAsATrailingLink(marker: String) {
        Self.check(Case(html: "<p><a href=\"https://example.org/2024/ferry\">\(marker)</a></p>", kind: "permalink marker",
                        edges: [.tail]))
        guard marker != "Link" else { return }
        let article = clean("<p>\(bodyParagraph)</p><p>\(Self.secondParagraph) <a href=\"https://example.org/2024/ferry\">\(marker)</a></p>")
        #expect(article.text == bodyParagraph + "\n\n" + Self.secondParagraph, "\(article.removedWhat)")
    }

    static let sourceLinks = ["Source", "Original", "View original", "Quelle", "Fuente", "原文链接", "Источник", "[Source]"]

    @Test(arguments: sourceLinks) func aLoneLinkToTheOriginalGoesAtTheEdges(label: String) {
        Self.check(Case(html: "<p><a href=\"https://example.org/2024/ferry\">\(label)</a></p>", kind: "source link"))
    }

    /// A "Source" heading over references, an attribution with a name and a sentence about sources stay.
    @Test(arguments: [
        "<h3>Source</h3>",
        "<p>Source: the harbour master's log for June.</p>",
        "<p><a href=\"https://example.org/log\">Source</a> code for the tide tables is on the council's site.</p>",
    ]) func sourcesThatSayMoreThanTheLinkStay(html: String) {
        let article = clean("<p>\(bodyParagraph)</p>" + html)
        #expect(!article.removedWhat.contains { $0.contains("source link") }, "\(article.removedWhat)")
        #expect(article.text.hasPrefix(bodyParagraph))
    }

    static let clickHere = [
        "Click here to see all the photos.", "Clique aqui ou na imagem abaixo para acompanhar a cobertura completa.",
        "Cliquez ici pour lire la suite", "Klicken Sie hier für mehr Informationen.", "Haz clic aquí para ver el vídeo.",
        "Clicca qui per leggere l'articolo completo.", "Click here", "点击此处查看更多奖项", "點擊這裡閱讀全文。",
        "ここをクリックして続きを読む", "여기를 클릭하여 자세히 보기",
    ]

    @Test(arguments: clickHere) func callsToClickGoAtTheEdgesAndLinkedBetweenParagraphs(line: String) {
        Self.check(Case(html: "<p>\(line)</p>", kind: "click-here prompt"))
        let linked = "<p><a href=\"https://example.org/coverage\">\(line)</a></p>"
        let article = clean("<p>\(bodyParagraph)</p>\(linked)<p>\(Self.secondParagraph)</p>")
        #expect(article.text == bodyParagraph + "\n\n" + Self.secondParagraph, "\(article.removedWhat)")
    }

    /// A sentence that goes on after "Click here," and a longer paragraph opening with it stay.
    @Test(arguments: [
        "Click here, the instructor told us, was the only button the old terminals had, and nobody dared to press it.",
        "点击此处的按钮，地图就会显示每个码头的潮汐表和渡轮时刻表。",
        "点击这里。港口管理局说，新网站每十分钟读取一次潮位计。",
        "Click here and there on the harbour map and the tide tables change: the council's new site reads the gauges "
            + "every ten minutes. The old one only printed the week's tables. The difference matters to the ferry crews, "
            + "who now plan their crossings by the hour.",
    ]) func sentencesOpeningWithClickHereStay(paragraph: String) {
        for article in ["<p>\(bodyParagraph)</p><p>\(paragraph)</p>", "<p>\(paragraph)</p><p>\(bodyParagraph)</p>"] {
            let cleaned = clean(article)
            #expect(cleaned.text.contains(paragraph), "\(cleaned.removedWhat)")
        }
    }

    static let readInFull: [Case] = [
        Case(html: "<p>To read this article in full, please click here</p>", kind: "read-in-full prompt"),
        Case(html: "<p>To read this article in full, please <a href=\"https://example.org/full\">click here</a></p>", kind: "read-in-full prompt"),
        Case(html: "<p><a href=\"https://example.org/full\">Click here to read more</a></p>", kind: "read-in-full prompt", edges: [.tail]),
        Case(html: "<p>Read more of this story at Slashdot.</p>", kind: "read-in-full prompt", edges: [.tail]),
        Case(html: "<p><a href=\"https://example.org/full\">Read 12 remaining paragraphs</a> | <a href=\"https://example.org/full#comments\">Comments</a></p>", kind: "read-in-full prompt"),
        Case(html: "<p><a href=\"https://example.org/full\">Read full article &gt;&gt;</a></p>", kind: "read-in-full prompt"),
    ]

    @Test(arguments: readInFull) func readInFullPromptsGo(family: Case) { Self.check(family) }

    @Test func readInFullCaptionGoesAndItsImageStays() {
        let article = clean("""
            <figure><img src="https://example.org/ferry.jpg" alt="The ferry"><figcaption>To read this article in full, please click here</figcaption></figure>\(Self.bodyHTML)
            """)
        #expect(article.text == bodyParagraph + "\n\n" + Self.secondParagraph)
        #expect(article.html.contains("<img src=\"https://example.org/ferry.jpg\""))
        #expect(article.removed("inline: read-in-full prompt (caption)"))
    }
}
