import Testing
import Cleaner

/// More wordings and shapes of the follow, sponsor, donation and "appeared
/// first" families, as unlabelled real feeds write them: blog-engine
/// footers in many languages, sponsors' offers on their own, follow
/// sections under any inviting label and lists of linked networks. Each
/// table is paired with prose that uses the same words and must stay.
@Suite struct WordingVariantTests {
    typealias Case = BoilerplateFamilyTests.Case
    static let second = BoilerplateFamilyTests.secondParagraph
    static let body = bodyParagraph + "\n\n" + second

    // MARK: - Appeared first

    static let appearedFirst: [Case] = [
        Case(html: "<p>Der Beitrag <a href=\"https://a.example/x\">Neue Figur vorgestellt</a> erschien zuerst auf <a href=\"https://a.example/\">Anime2You</a>.</p>", kind: FirstPublishedKind.name, edges: [.tail]),
        Case(html: "<p>L'articolo Romanews su Telegram per restare aggiornati sembra essere il primo su Romanews.</p>", kind: FirstPublishedKind.name, edges: [.tail]),
        Case(html: "<p>L’articolo <a href=\"https://b.example/x\">Il porto riapre</a> proviene da <a href=\"https://b.example/\">Gazzetta del Porto</a>.</p>", kind: FirstPublishedKind.name, edges: [.tail]),
        Case(html: "<p>Cet article Le port rouvre est apparu en premier sur Le Journal du Port.</p>", kind: FirstPublishedKind.name, edges: [.tail]),
        Case(html: "<p>La entrada El puerto reabre se publicó primero en Diario del Puerto.</p>", kind: FirstPublishedKind.name, edges: [.tail]),
        Case(html: "<p>O post O porto reabre apareceu primeiro em Jornal do Porto.</p>", kind: FirstPublishedKind.name, edges: [.tail]),
        Case(html: "<p>Het bericht De haven gaat weer open verscheen eerst op Havenkrant.</p>", kind: FirstPublishedKind.name, edges: [.tail]),
        Case(html: "<p>The post Kdenlive 24.12.3 released first appeared on Kdenlive.</p>", kind: FirstPublishedKind.name, edges: [.tail]),
        Case(html: "<p>The article <a href=\"https://c.example/x\">Tides of March</a> was first published on <a href=\"https://c.example/\">Harbour Notes</a>.</p>", kind: FirstPublishedKind.name, edges: [.tail]),
        Case(html: "<p>The post Tides of March appeared first on Harbour Notes. This content is for readers, not scrapers.</p>", kind: FirstPublishedKind.name, edges: [.tail]),
        Case(html: "<p>The post Tides of March appeared first on Harbour Notes. © 2025 Harbour Notes. All rights reserved.</p>", kind: FirstPublishedKind.name, edges: [.tail]),
        Case(html: "<p><a href=\"https://c.example/x\">Tides of March</a> appeared first on <a href=\"https://c.example/\">Harbour Notes</a>.</p>", kind: FirstPublishedKind.name, edges: [.tail]),
        Case(html: "<p>Сообщение <a href=\"https://d.example/x\">Зимние приливы</a> появились сначала на <a href=\"https://d.example/\">Порт</a>.</p>", kind: FirstPublishedKind.name, edges: [.tail]),
        Case(html: "<p>投稿 <a href=\"https://d.example/x\">冬の潮</a> は <a href=\"https://d.example/\">港だより</a> に最初に表示されました。</p>", kind: FirstPublishedKind.name, edges: [.tail]),
        Case(html: "<p>文章<a href=\"https://d.example/x\">冬季潮汐</a>最先出现在<a href=\"https://d.example/\">港口日报</a>。</p>", kind: FirstPublishedKind.name, edges: [.tail]),
        Case(html: "<p>Pos <a href=\"https://d.example/x\">Pasang surut musim dingin</a> muncul pertama kali di <a href=\"https://d.example/\">Kabar Pelabuhan</a>.</p>", kind: FirstPublishedKind.name, edges: [.tail]),
    ]

    /// The kind name the "appeared first" footers leave.
    enum FirstPublishedKind { static let name = "appeared first on" }

    @Test(arguments: appearedFirst) func appearedFirstFootersGo(family: Case) { BoilerplateFamilyTests.check(family) }

    @Test func appearedFirstFooterGoesFromTheLastLineOfAPlainTextEntry() {
        let article = clean(Self.body + "\nDer Beitrag Neue Figur vorgestellt erschien zuerst auf Anime2You.")
        #expect(article.text == Self.body, "\(article.removedWhat)")
    }

    static let appearedFirstProse = [
        "The article first appeared on the front page of the Harbour Gazette in 1971, and the mayor resigned a week later.",
        "Der Beitrag erschien zuerst auf der Titelseite, und der Bürgermeister trat eine Woche später zurück, wie viele erwartet hatten.",
        "The post office van appeared first on the ridge road at ten past nine, as it has every weekday since 1987. By half past, the village knew.",
        "This article is from the archive: it first appeared in print in the spring issue of 1994 and is reproduced with the author’s permission.",
        "文章最先出现在港口日报的头版，一周后市长辞职了，许多人早就预料到了这一点。",
    ]

    @Test(arguments: appearedFirstProse) func proseAboutWhereAPostAppearedStays(prose: String) {
        WordingFamilyTests.checkKept(prose)
    }

    // MARK: - Sponsors

    static let sponsors: [Case] = [
        Case(html: "<p>Go to <a href=\"https://tidewater.example/harbour\">tidewater.example/harbour</a> for 20% off your first year.</p>", kind: "sponsor message"),
        Case(html: "<p>Use code HARBOUR at checkout for a free month of Quaywise.</p>", kind: "sponsor message"),
        Case(html: "<p>Quaywise: invoices that chase themselves. Try it free at quaywise.example/harbour.</p>", kind: "sponsor message"),
        Case(html: "<p>Support for NPR and the following message come from Tidewater.</p>", kind: "sponsor message"),
        Case(html: "<p>Support for this podcast comes from Quaywise, the invoicing tool for small teams.</p>", kind: "sponsor message"),
        Case(html: "<p>Today’s show is supported by Tidewater.</p>", kind: "sponsor message"),
        Case(html: "<p>This episode is made possible by Quaywise. Get 15% off at quaywise.example/harbour.</p>", kind: "sponsor message"),
        Case(html: "<p>Visit northbeam.example/podcast and use promo code TIDE to get 10% off your first order.</p>", kind: "sponsor message"),
        Case(html: "<p>Besuche hafenbank.example/podcast und spare 20% mit dem Gutscheincode HAFEN.</p>", kind: "sponsor message", edges: [.tail]),
    ]

    @Test(arguments: sponsors) func sponsorOffersAndMessagesGo(family: Case) { BoilerplateFamilyTests.check(family) }

    static let offersBetweenParagraphs = [
        "<p>Go to <a href=\"https://tidewater.example/harbour\">tidewater.example/harbour</a> for 20% off your first year.</p>",
        "<p>Head to quaywise.example/harbour and use code HARBOUR for a 30-day free trial.</p>",
    ]

    @Test(arguments: offersBetweenParagraphs) func sponsorOffersGoBetweenParagraphs(noise: String) {
        WordingFamilyTests.checkBetweenParagraphs(noise)
    }

    static let taggedItems = [
        "<p><strong>Sponsored:</strong> Quaywise sends your invoices and chases them, so you don’t have to. Try it free at <a href=\"https://quaywise.example\">quaywise.example</a>.</p>",
        "<p>Tidewater backs up every laptop in your company without anyone thinking about it. (Sponsored)</p>",
        "<p>Hafenbank: das Konto für Selbstständige, ohne Grundgebühr. (Anzeige)</p>",
    ]

    @Test(arguments: taggedItems) func taggedPaidItemsGoBetweenParagraphs(noise: String) {
        WordingFamilyTests.checkBetweenParagraphs(noise)
    }

    @Test func sponsorLabelAndItsAdLinesGoFromTheLinesOfAParagraph() {
        let article = clean("""
            <p>\(bodyParagraph)</p><p>In this episode: the winter timetable.<br>This episode is brought to you by:<br>Tidewater – backups for small teams, tidewater.example/harbour<br><a href="https://quaywise.example">Quaywise</a>, invoices that chase themselves<br>Music by the Quay Band.</p><p>\(Self.second)</p>
            """)
        #expect(article.text == bodyParagraph + "\n\nIn this episode: the winter timetable.\nMusic by the Quay Band.\n\n" + Self.second,
                "\(article.removedWhat)")
    }

    @Test func sponsorLabelLineOverProseLinesStays() {
        let lines = "Our sponsors:<br>the harbour trust, the council and forty volunteers, who paid for the new slipway"
        let article = clean("<p>\(bodyParagraph)</p><p>\(lines)<br>Music by the Quay Band.</p><p>\(Self.second)</p>")
        #expect(article.removed.isEmpty, "\(article.removedWhat)")
    }

    @Test func adCopyNamingTheSponsorGoesWithAHeadMessage() {
        let article = clean("""
            <p>This episode is sponsored by Tidewater.</p><p>Tidewater backs up every laptop in your company without anyone thinking about it.</p>\(BoilerplateFamilyTests.bodyHTML)
            """)
        #expect(article.text == Self.body, "\(article.removedWhat)")
    }

    @Test func adCopyNamingTheSponsorGoesWithATailLabel() {
        let prose = (1...3).map { "<p>\(bodyParagraph) Day \($0).</p>" }.joined()
        let article = clean(prose + """
            <p>Sponsored by Tidewater</p><p>Tidewater backs up every laptop in your company, and restores a lost file in a minute.</p>
            """)
        #expect(article.text == (1...3).map { "\(bodyParagraph) Day \($0)." }.joined(separator: "\n\n"), "\(article.removedWhat)")
    }

    static let sponsorProse = [
        "Shoppers who used the promo code at harbour.example saved 20% on ferry tickets, the operator said.",
        "The shop’s spring sale took 20% off every bicycle, and harbour.example reported queues round the block.",
        "This episode was presented by Ana Ruiz, who spent a week on the night ferry for it.",
        "If you just want to try out the ferry app, the easiest way is to go to https://ferry.example/try. It allows you to book one trip and try it for free – but only for 60 minutes.",
        "And to celebrate the release, we’re discounting <a href=\"https://harbour.example/app\">Harbour</a> by 50% for a limited time. So if you haven’t upgraded yet, now is a good time.",
        "The festival is supported by the town council and forty volunteers, as it has been since 1987.",
        "Support for the ferry link comes from every party on the island council, and from the fishermen.",
        "Sponsored: that was the word on every shirt at the regatta, and the sailors hated it.",
        "The word the regulator wants on such posts is plain: (sponsored)",
    ]

    @Test(arguments: sponsorProse) func proseAboutOffersAndSupportStays(prose: String) { WordingFamilyTests.checkKept(prose) }

    // MARK: - Follow

    static let follow: [Case] = [
        Case(html: "<p>Follow the show: <a href=\"https://instagram.com/h\">Instagram</a> | <a href=\"https://twitter.com/h\">Twitter</a></p>", kind: "social links"),
        Case(html: "<p>Ana Ruiz: Twitter · Instagram · Mastodon</p>", kind: "social links", edges: [.tail]),
        Case(html: "<p>@harbourgazette on X · @gazette.bsky.social on Bluesky</p>", kind: "social links"),
        Case(html: "<p>Where to find Ana: <a href=\"https://ana.example\">ana.example</a> | <a href=\"https://twitter.com/ana\">@ana</a></p>", kind: "social links"),
        Case(html: "<p>Twitter: @harbour | Instagram: @harbour.weekly</p>", kind: "social links"),
        Case(html: "<p><a href=\"https://fb.example/h\">Facebook</a> <a href=\"https://tw.example/h\">Twitter</a> <a href=\"https://ig.example/h\">Instagram</a></p>", kind: "social links"),
    ]

    @Test(arguments: follow) func followLinesGo(family: Case) { BoilerplateFamilyTests.check(family) }

    static let followSections = [
        // A label ending in ":" that invites, and the networks under it.
        "<p>Here are all the places you can find us:</p><ul><li><a href=\"https://x.com/h\">HarbourHQ on X</a></li><li><a href=\"https://m.example/@h\">HarbourHQ on Mastodon</a></li><li>harbour.example on Bluesky</li></ul>",
        "<p>#ABONNIERE UNS HIER:</p><p>Facebook Fanpage: https://fb.example/hafen</p><p>Instagram: https://ig.example/hafen</p><p>Seminare: https://hafen.example/s</p>",
    ]

    @Test(arguments: followSections) func followSectionsGoBetweenParagraphsAndAtTheTail(noise: String) {
        WordingFamilyTests.checkBetweenParagraphs(noise)
        let article = clean(BoilerplateFamilyTests.bodyHTML + noise)
        #expect(article.text == Self.body, "\(article.removedWhat)")
    }

    @Test func linkedNetworksUnderAnInvitationGoAndTheInvitationStays() {
        let intro = "We are on more networks now, so be sure to follow our journey from the platform of your choice!"
        let article = clean("""
            <p>\(bodyParagraph)</p><p>\(intro)</p><ul><li><a href="https://m.example/@h">Mastodon</a></li><li><a href="https://bsky.example/h">Bluesky</a></li><li><a href="https://threads.example/h">Threads</a></li></ul><p>\(Self.second)</p>
            """)
        #expect(article.text == bodyParagraph + "\n\n" + intro + "\n\n" + Self.second, "\(article.removedWhat)")
    }

    @Test func linkedNetworksEndingTheArticleGo() {
        let article = clean(BoilerplateFamilyTests.bodyHTML + """
            <ul><li><a href="https://m.example/@h">Mastodon</a></li><li><a href="https://bsky.example/h">Bluesky</a></li><li><a href="https://yt.example/h">YouTube</a></li></ul>
            """)
        #expect(article.text == Self.body, "\(article.removedWhat)")
    }

    @Test func linkedNetworksEndingAnArticleThatIntroducesThemStay() {
        let article = clean(BoilerplateFamilyTests.bodyHTML + """
            <p>The harbour office tried three networks before settling on one:</p><ul><li><a href="https://m.example/">Mastodon</a></li><li><a href="https://bsky.example/">Bluesky</a></li></ul>
            """)
        #expect(article.removed.isEmpty, "\(article.removedWhat)")
    }

    @Test func linkedNetworksInAnArticleAboutThemStay() {
        let article = clean("""
            <p>\(bodyParagraph)</p><p>The harbour office tried three alternatives before settling on one:</p><ul><li><a href="https://m.example/">Mastodon</a></li><li><a href="https://bsky.example/">Bluesky</a></li><li><a href="https://threads.example/">Threads</a></li></ul><p>\(Self.second)</p>
            """)
        #expect(article.text.contains("Mastodon") && article.text.contains("Bluesky") && article.text.contains("Threads"))
        #expect(article.removed.isEmpty, "\(article.removedWhat)")
    }

    static let followProse = [
        "@vicarious_fm on Twitter",
        "Photo: Instagram @ana",
        "Where to find the best chips: the van by the lighthouse, every Friday from six.",
        "Follow the show’s hosts as they sail from Cork to Brest in a boat they built themselves over three winters.",
    ]

    @Test(arguments: followProse) func proseAboutFollowingStays(prose: String) { WordingFamilyTests.checkKept(prose) }

    // MARK: - Donation

    static let donation: [Case] = [
        Case(html: "<p>You can also help us by making a donation! Any contribution, however small, helps us cover the server costs.</p>", kind: "donation appeal"),
        Case(html: "<p>Get bonus episodes at <a href=\"https://patreon.com/harbour\">patreon.com/harbour</a></p>", kind: "donation appeal"),
        Case(html: "<p>Ko-fi – https://ko-fi.com/harbour</p>", kind: "donation appeal"),
        Case(html: "<p>Become a sponsor on <a href=\"https://github.com/sponsors/harbour\">GitHub Sponsors</a></p>", kind: "donation appeal"),
        Case(html: "<p>Unterstützen</p>", kind: "donation appeal"),
        Case(html: "<p>Soutenir</p>", kind: "donation appeal"),
        Case(html: "<p>Apoyar</p>", kind: "donation appeal"),
        Case(html: "<p>Werde Unterstützer auf steadyhq.com/hafen</p>", kind: "donation appeal"),
        Case(html: "<p>Devenez tipeur sur tipeee.com/port et recevez les épisodes en avance.</p>", kind: "donation appeal"),
        Case(html: "<p>Hazte patrocinador en patreon.com/puerto</p>", kind: "donation appeal"),
    ]

    @Test(arguments: donation) func donationAppealsGo(family: Case) { BoilerplateFamilyTests.check(family) }

    @Test func appealForDonationsGoesBetweenParagraphs() {
        WordingFamilyTests.checkBetweenParagraphs("<p>You can also help us by making a donation! Any contribution, however small, helps us cover the server costs and keeps the newsletter free.</p>")
    }

    static let donationProse = [
        "You can also help us by telling the harbour office when a mooring buoy has come loose.",
        "The club moved its fundraising to patreon.com/harbourclub last spring, the treasurer said.",
        "Patreon.com and Ko-fi both changed their fees this year, and small creators noticed at once.",
        "Get bonus points at the café when you bring your own cup, the owner told us.",
        "https://www.gofundme.com/computer-for-the-harbour-school",
    ]

    @Test(arguments: donationProse) func proseAboutGivingStays(prose: String) { WordingFamilyTests.checkKept(prose) }

    // MARK: - Show-notes shapes

    static let showNotes: [Case] = [
        Case(html: "<p>Follow Night Harbour on Twitter @NightHarbour and on Instagram.</p>", kind: "social links"),
        Case(html: "<p>► Follow us on Instagram: https://instagram.com/harbour</p>", kind: "social links"),
        Case(html: "<p>👉 Support us on Patreon: https://patreon.com/harbour</p>", kind: "donation appeal"),
        Case(html: "<p>Like our content? Please consider becoming our Patron to support us: http://www.patreon.com/harbour</p>", kind: "donation appeal"),
        Case(html: "<p>Support Harbour Radio! Donate today at harbour.example/donate.</p>", kind: "donation appeal"),
        Case(html: "<p>This episode is sponsored by Tidewater. Tidewater backs up every laptop in your company without anyone thinking about it, and restores a lost file in under a minute. Teams of every size use it, from two-person shops to companies with thousands of laptops. Go to tidewater.example/harbour and use code HARBOUR to get your first three months free, and see why so many listeners already switched.</p>", kind: "sponsor message"),
    ]

    @Test(arguments: showNotes) func showNotesLinesGo(family: Case) { BoilerplateFamilyTests.check(family) }

    static let showNotesBetweenParagraphs = [
        "<p>Like our content? Please consider becoming our Patron to support us: http://www.patreon.com/harbour</p>",
        "<p>So - you should probably follow us on twitter, or join the mailing list!</p>",
        "<p>► FOLLOW US ONLINE:</p><p>Twitter: https://twitter.com/harbour</p><p>Instagram: https://instagram.com/harbour</p>",
    ]

    @Test(arguments: showNotesBetweenParagraphs) func showNotesLinesGoBetweenParagraphs(noise: String) {
        WordingFamilyTests.checkBetweenParagraphs(noise)
    }

    @Test func followSectionAsLinesOfPlainTextGoes() {
        let article = clean(bodyParagraph + "\n\n#FOLLOW US HERE:\nAcademy: https://harbour.example/academy\nInstagram: https://ig.example/harbour\nTwitter: https://tw.example/harbour\n\n" + Self.second)
        #expect(article.text == Self.body, "\(article.removedWhat)")
    }

    @Test func communityChatInvitationGoesBetweenParagraphs() {
        WordingFamilyTests.checkBetweenParagraphs("<p>We also have a Harbour Community Discord server where you can join our community for real-time discussion and chat with other readers. There is also a subreddit.</p>")
    }

    static let showNotesProse = [
        "Follow the money: the ferry company paid £2m to the consultants, and the consultants paid it on to the owners.",
        "Follow our installation instructions: <a href=\"https://harbour.example/install/windows\">Install from Windows</a>",
        "The council’s Discord channel, the mayor wrote, is where residents join our planning debates every Tuesday.",
        "When the storm hit, neighbours on the island’s Telegram group organised boats for everyone who needed one.",
        "So many readers follow us on Twitter now that the ferry office asked us to post the timetable there, the editor said.",
        "And the minister said: follow us on Instagram.",
        "► The harbour office opens at nine on weekdays and at ten on Saturdays, and it closes for lunch.",
        "Support Harbour Radio’s application for a licence, the council urged, at a meeting on Tuesday.",
        "This episode is sponsored by nobody: we turned down every offer, because the island would not want it, and we explain why over the next forty minutes of the show, with the people who asked us and the people who told us not to. It was not an easy decision, and we lost money on it, and we are still not sure.",
    ]

    @Test(arguments: showNotesProse) func showNotesProseStays(prose: String) { WordingFamilyTests.checkKept(prose) }
}
