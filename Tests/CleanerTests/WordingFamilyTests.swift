import Testing
import Cleaner

/// The wording families of boilerplate (follow and contact lines, donation
/// appeals, sponsor messages and segments, affiliate disclosures, Reddit
/// footers, read-more links and image hints), each in several wordings and
/// languages, at the edges and, where the block is only the call to action,
/// between paragraphs. Each family is paired with articles whose own prose
/// uses the same words, which must keep every word.
@Suite struct WordingFamilyTests {
    typealias Case = BoilerplateFamilyTests.Case
    static let second = BoilerplateFamilyTests.secondParagraph
    static let body = bodyParagraph + "\n\n" + second

    /// `noise` between the two body paragraphs goes, and they stay.
    static func checkBetweenParagraphs(_ noise: String) {
        let article = clean("<p>\(bodyParagraph)</p>\(noise)<p>\(second)</p>")
        #expect(article.text == body, "\(article.removedWhat)")
    }

    /// `prose` stays whole at the head, at the tail and between paragraphs.
    static func checkKept(_ prose: String) {
        for html in ["<p>\(prose)</p>" + BoilerplateFamilyTests.bodyHTML, BoilerplateFamilyTests.bodyHTML + "<p>\(prose)</p>",
                     "<p>\(bodyParagraph)</p><p>\(prose)</p><p>\(second)</p>"]
        {
            let article = clean(html)
            #expect(article.text.contains(textOf(prose)), "\(html): \(article.removedWhat)")
        }
    }

    /// `html` without its tags.
    static func textOf(_ html: String) -> String {
        var text = "", inTag = false
        for character in html {
            if character == "<" { inTag = true } else if character == ">" { inTag = false } else if !inTag { text.append(character) }
        }
        return text
    }

    // MARK: - Follow

    static let follow: [Case] = [
        Case(html: "<p>Find us on Mastodon: <a href=\"https://harbour.example/@gazette\">@gazette@harbour.example</a></p>", kind: "social links"),
        Case(html: "<p>Join our Discord: <a href=\"https://discord.gg/harbour\">discord.gg/harbour</a></p>", kind: "social links"),
        Case(html: "<p>Retrouvez-nous sur Instagram et Mastodon.</p>", kind: "social links"),
        Case(html: "<p>Síguenos en Twitter: @gaceta</p>", kind: "social links"),
        Case(html: "<p>Volg ons op Instagram en Bluesky</p>", kind: "social links"),
        Case(html: "<p>Seguici su Facebook</p>", kind: "social links"),
        Case(html: "<p><a href=\"https://youtube.com/@harbour\">Subscribe to Harbour Weekly’s YouTube Channel</a></p>", kind: "social links"),
        Case(html: "<p>Got a question? Email us at letters@harbour.example</p>", kind: "contact line"),
        Case(html: "<p><a href=\"https://twitter.com/gazette\">Follow @gazette</a></p>", kind: "social links"),
        Case(html: "<p>Twitter: <a href=\"https://twitter.com/gazette\">https://twitter.com/gazette</a></p>", kind: "social links"),
        Case(html: "<p>For more stories like this, visit www.harbour.example</p>", kind: "social links"),
        Case(html: "<p><strong>FOLLOW:</strong> <a href=\"https://blog.example/profile\">Blog</a> | <a href=\"https://twitter.com/gazette\">Twitter</a></p>", kind: "social links"),
    ]

    @Test(arguments: follow) func followAndContactLinesGo(family: Case) { BoilerplateFamilyTests.check(family) }

    static let followBetweenParagraphs = [
        "<p>Find us on social media @harbourgazette</p>",
        "<p>Got a question or a comment? You can reach us at show@harbour.example</p>",
        "<p>Folgen Sie uns auf <a href=\"https://instagram.com/hafen\">Instagram</a></p>",
        "<p><a href=\"https://twitter.com/gazette\">Follow @gazette</a></p>",
        "<h3>For other stories about wild greens, please visit <a href=\"https://greens.example/\">www.greens.example</a></h3>",
        "<p><a href=\"https://twitter.com/gazette\">Follow @gazette on Twitter</a></p>",
        "<p><a href=\"https://twitter.com/g\">Twitter</a> | <a href=\"https://instagram.com/g\">Instagram</a> | <a href=\"https://m.example/@g\">Mastodon</a></p>",
    ]

    @Test(arguments: followBetweenParagraphs) func followLinesGoBetweenParagraphs(noise: String) {
        Self.checkBetweenParagraphs(noise)
    }

    @Test func followAndDonationLinesGoFromTheLinesOfAParagraph() {
        let article = clean("""
            <p>\(bodyParagraph)</p><p>In this episode: the winter timetable.<br>Follow us on Twitter and Instagram<br>Support us on <a href="https://patreon.com/harbour">Patreon</a><br>Music by the Quay Band.</p><p>\(Self.second)</p>
            """)
        #expect(article.text == bodyParagraph + "\n\nIn this episode: the winter timetable.\nMusic by the Quay Band.\n\n" + Self.second,
                "\(article.removedWhat)")
    }

    @Test func followLineGoesFromLinesInsideAWrapper() {
        let article = clean("""
            <p><span>\(bodyParagraph)<br>Follow us on Twitter, Facebook, and Instagram.<br>Music by the Quay Band.</span></p><p>\(Self.second)</p>
            """)
        #expect(article.text == bodyParagraph + "\nMusic by the Quay Band.\n\n" + Self.second, "\(article.removedWhat)")
    }

    @Test func followSectionUnderAFirstPersonLabelGoesBetweenParagraphs() {
        Self.checkBetweenParagraphs("""
            <p>Find us online:</p><p><a href="https://twitter.com/gazette">@gazette</a> on Twitter</p><p>Mastodon: @gazette@harbour.example</p>
            """)
        let lines = clean("""
            <p>\(bodyParagraph)</p><p>Music by the Quay Band.<br>Follow us:<br>@gazette on Twitter<br>Slack</p><p>\(Self.second)</p>
            """)
        #expect(lines.text == bodyParagraph + "\n\nMusic by the Quay Band.\n\n" + Self.second, "\(lines.removedWhat)")
    }

    @Test func followLabelOverProseStays() {
        let prose = "The ferry’s last crossing of the season leaves at six, and the crew say they will wave."
        let article = clean("<p>\(bodyParagraph)</p><p>Follow us</p><p>\(prose)</p><p>\(Self.second)</p>")
        #expect(article.text == bodyParagraph + "\n\nFollow us\n\n" + prose + "\n\n" + Self.second, "\(article.removedWhat)")
    }

    static let followProse = [
        "We follow the guidelines of the Press Council on reporting suicide, and we follow them in this story too.",
        "Follow us on this journey as we rebuild the mill, one beam at a time, over the next twelve months.",
        "Find Andy Weir on Instagram @andyweirofficial",
        "Follow us on Twitter, the minister urged, as the ministry’s own site went down under the load.",
        "Join our reporters on the night ferry, where the crew have worked the same crossing for thirty years.",
        "Twitter, Facebook: both fell 3% on Monday as advertisers left.",
        "I’m on the new microblog system now. Here’s where you can follow me: <a href=\"https://micro.example/me\">micro.example/me</a>.",
    ]

    @Test(arguments: followProse) func proseAboutFollowingStays(prose: String) { Self.checkKept(prose) }

    // MARK: - Donation

    static let donation: [Case] = [
        Case(html: "<p>Support us on <a href=\"https://patreon.com/harbour\">Patreon</a></p>", kind: "donation appeal"),
        Case(html: "<p>Buy me a coffee: <a href=\"https://buymeacoffee.com/harbour\">buymeacoffee.com/harbour</a></p>", kind: "donation appeal"),
        Case(html: "<p>If you enjoy the show, please consider supporting us at harbour.example/support.</p>", kind: "donation appeal"),
        Case(html: "<p>If you’d like to support my writing, please consider chipping in on <a href=\"https://ko-fi.com/harbour\">Ko-fi</a>.</p>", kind: "donation appeal"),
        Case(html: "<p>Donate: <a href=\"https://ko-fi.com/harbour\">https://ko-fi.com/harbour</a></p>", kind: "donation appeal"),
        Case(html: "<p>Donate</p>", kind: "donation appeal"),
        Case(html: "<p>Unterstütze uns auf Patreon.</p>", kind: "donation appeal"),
        Case(html: "<p>Soutenez-nous sur Tipeee.</p>", kind: "donation appeal"),
        Case(html: "<p>Apóyanos en Patreon</p>", kind: "donation appeal"),
        Case(html: "<p>Steun ons via <a href=\"https://liberapay.com/haven\">Liberapay</a></p>", kind: "donation appeal"),
    ]

    @Test(arguments: donation) func donationAppealsGo(family: Case) { BoilerplateFamilyTests.check(family) }

    @Test func donationAppealNamingWhereToGiveGoesBetweenParagraphs() {
        Self.checkBetweenParagraphs("<p>Support the show on <a href=\"https://patreon.com/harbour\">Patreon</a>.</p>")
    }

    static let donationProse = [
        "The lifeboat station’s donation drive raised £40,000 in a week, the organisers said, enough to refit the boat.",
        "If you enjoy walking, the coast path from Ardmore to Youghal is the best day out in the county.",
        "Donate blood at the town hall on Saturday, the health board asked.",
        "Support for the ferry link was strong: 70% of islanders voted for it.",
        "PayPal said on Tuesday it would cut 2,000 jobs, its second round of layoffs this year.",
        "Patreon, the membership platform, laid off 17% of its staff on Tuesday.",
        "Tips: contribute to open source (<a href=\"https://example.org/which\">what project should I contribute to?</a>)",
    ]

    @Test(arguments: donationProse) func proseAboutDonationsStays(prose: String) { Self.checkKept(prose) }

    // MARK: - Sponsors

    static let sponsors: [Case] = [
        Case(html: "<p>Diese Folge wird präsentiert von Hafenbank. Mehr unter hafenbank.example/podcast.</p>", kind: "sponsor message"),
        Case(html: "<p>Cet épisode est sponsorisé par Quaywise.</p>", kind: "sponsor message"),
        Case(html: "<p>Este episodio está patrocinado por Northbeam.</p>", kind: "sponsor message"),
        Case(html: "<p>Thanks to Northbeam for sponsoring this episode.</p>", kind: "sponsor message"),
        Case(html: "<p>The Harbour Weekly newsletter is brought to you by <a href=\"https://tidewater.example\">Tidewater</a>.</p>", kind: "sponsor message"),
        Case(html: "<p>Affiliate disclosure: we may earn a commission when you buy through links on this page.</p>", kind: "affiliate disclosure"),
        Case(html: "<p>As an Amazon Associate I earn from qualifying purchases.</p>", kind: "affiliate disclosure"),
        Case(html: "<p><em>We may see a share of revenue from any purchases made through affiliate links.</em></p>", kind: "affiliate disclosure"),
    ]

    @Test(arguments: sponsors) func sponsorMessagesAndDisclosuresGo(family: Case) { BoilerplateFamilyTests.check(family) }

    @Test func sponsorSegmentBetweenParagraphsGoesUpToTheProseAfterIt() {
        let after = "Our guest’s new book on lighthouses is out now from <a href=\"https://books.example/lights\">Quay Books</a>, and she reads from it at the end."
        let article = clean("""
            <p>\(bodyParagraph)</p><p>This episode is sponsored by Tidewater.</p><p>Tidewater backs up every laptop in your company. Go to <a href="https://tidewater.example/harbour">tidewater.example/harbour</a> for 20% off.</p><p>\(after)</p><p>\(Self.second)</p>
            """)
        #expect(article.text == bodyParagraph + "\n\nOur guest’s new book on lighthouses is out now from Quay Books, and she reads from it at the end.\n\n"
                + Self.second, "\(article.removedWhat)")
        #expect(article.removed("inline: sponsor message"))
    }

    @Test func sponsorListUnderAMessageEndingInAColonGoes() {
        Self.checkBetweenParagraphs("""
            <p>This episode is sponsored by:</p><ul><li><a href="https://tidewater.example/harbour">Tidewater</a>: backups for small teams at tidewater.example/harbour.</li><li><a href="https://quaywise.example">Quaywise</a>, invoices that chase themselves.</li></ul>
            """)
    }

    @Test func longAdCopyNamingTheSponsorGoesWithItsMessage() {
        let copy = String(repeating: "Tidewater backs up every laptop in your company without anyone thinking about it, and restores a lost file in a minute. ", count: 3)
        let prose = (1...4).map { "<p>\(bodyParagraph) Day \($0).</p>" }.joined()
        let article = clean(prose + "<p>This episode is sponsored by Tidewater.</p><p>\(copy)</p><p>\(Self.second)</p>")
        #expect(article.text == (1...4).map { "\(bodyParagraph) Day \($0)." }.joined(separator: "\n\n") + "\n\n" + Self.second,
                "\(article.removedWhat)")
    }

    @Test func sponsorLabelBetweenParagraphsGoes() {
        Self.checkBetweenParagraphs("<p>Show Sponsors: <a href=\"https://tidewater.example\">Tidewater</a> and Quaywise</p>")
        Self.checkBetweenParagraphs("<p>Sponsored by: <a href=\"https://tidewater.example\">Tidewater</a></p>")
    }

    @Test func sponsorListUnderABareLabelGoesBetweenParagraphs() {
        Self.checkBetweenParagraphs("""
            <p><strong>Sponsors:</strong></p><ul><li><a href="https://tidewater.example/harbour">Tidewater</a>: backups for small teams, 20% off with code HARBOUR.</li><li><a href="https://quaywise.example">Quaywise</a>: invoices that chase themselves.</li></ul>
            """)
    }

    @Test func bareSponsorLabelOverProseStays() {
        let prose = "The regatta’s sponsors met in the clubhouse on Friday and agreed to pay for a second safety boat."
        let article = clean("<p>\(bodyParagraph)</p><p><strong>Sponsors</strong></p><p>\(prose)</p><p>\(Self.second)</p>")
        #expect(article.text == bodyParagraph + "\n\nSponsors\n\n" + prose + "\n\n" + Self.second, "\(article.removedWhat)")
    }

    @Test func sourceNamingAKindOfSiteIsAnAttribution() {
        let article = clean(BoilerplateFamilyTests.bodyHTML + "<p>Source: <a href=\"https://blog.chromium.org/2026/03/arm\">Chromium blog</a></p>")
        #expect(article.text == Self.body, "\(article.removedWhat)")
        #expect(article.source == "Chromium blog")
    }

    static let sponsorProse = [
        "The podcast was sponsored by a grant from the Arts Council, which paid for the recording trip to Orkney.",
        "The festival is brought to you by forty volunteers and a borrowed marquee, as it has been since 1987.",
        "Affiliate links let bloggers earn a commission when readers buy, and the regulator wants them disclosed.",
        "Thanks to the council for supporting the ferry service through the winter, the island kept its school.",
    ]

    @Test(arguments: sponsorProse) func proseAboutSponsorsStays(prose: String) { Self.checkKept(prose) }

    // MARK: - Aggregators, read-more links, image hints

    @Test func redditFooterInItsOlderWordingGoes() {
        let article = clean(BoilerplateFamilyTests.bodyHTML + """
            <p>submitted by <a href="https://www.reddit.com/user/harbourmaster">harbourmaster</a> to <a href="https://www.reddit.com/r/ferries">ferries</a><br><a href="https://example.org/ferry">[link]</a> <a href="https://www.reddit.com/r/ferries/comments/1">[275 comments]</a></p>
            """)
        #expect(article.text == Self.body, "\(article.removedWhat)")
    }

    static let betweenParagraphs = [
        "<p><a href=\"https://example.org/2024/ferry\">Read the full post</a></p>",
        "<p><a href=\"https://example.org/2024/ferry\">Continue reading →</a></p>",
        "<p>(Click for larger view)</p>",
        "<p>Click image to enlarge</p>",
    ]

    @Test(arguments: betweenParagraphs) func readMoreLinksAndImageHintsGoBetweenParagraphs(noise: String) {
        Self.checkBetweenParagraphs(noise)
    }

    @Test func lastLineSendingTheReaderOnGoes() {
        let article = clean("<p>\(bodyParagraph)</p><p>\(Self.second)<br>Reader comments · Read more in this week’s issue of Harbour Weekly…</p>")
        #expect(article.text == Self.body, "\(article.removedWhat)")
    }

    static let readMoreProse = [
        "Click here to download the form, then fill in the boxes marked in red and post it to the harbour office.",
        "To enlarge the photo, click it.",
        "Read more about the ferry in our earlier report.",
        "Submitted by the harbour trust to the planning board, the plan was rejected twice.",
        "Advertisement revenue fell 12% last year as the paper lost its last cinema listings.",
    ]

    @Test(arguments: readMoreProse) func proseWithTheSameWordsStays(prose: String) { Self.checkKept(prose) }
}
