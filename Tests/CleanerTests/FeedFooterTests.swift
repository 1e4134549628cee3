import Testing
import Cleaner

/// The feed-footer family (`FeedFooter`): notes to the feed's readers with
/// the site's addresses, subscription notices, copyright lines that name
/// the rights or the subscription, pointers to the archive; each paired with
/// an article whose prose uses the same words and keeps them.
@Suite struct FeedFooterTests {
    static let footers = [
        """
        <p>Thank you for reading via RSS (this is JSON). Browse the site at <a href="https://luke.example.com">luke.example.com</a> \
        or write to me at <a href="mailto:luke@luke.example.com">luke@luke.example.com</a> or @luke@typo.example.</p>
        """,
        "<p>Thanks for reading this post in your feed reader. Reply by email: hello@harbour.example</p>",
        "<p>You are receiving this because you subscribed at backendweekly.example.com.</p>",
        #"<p><a href="https://news.example.com/u">Unsubscribe</a> · <a href="https://news.example.com/p">Update your preferences</a></p>"#,
        "<p>© 2024 Backend Weekly. All rights reserved.</p>",
        "<p>Copyright © 2023 Harbour Gazette Ltd. Alle Rechte vorbehalten.</p>",
        #"<p>You can find the archive of past newsletters <a href="https://news.example.com/archive">here</a>.</p>"#,
        "<p>If you find anything interesting, you can contact Jo on the forums and it may be featured in the next newsletter.</p>",
        "<p>Got a tip? Reply to this email and it could be in the next issue.</p>",
        "<p>There are many ways to contribute:</p>",
        #"<p><a href="https://news.example.com/f">Forward this to a friend</a></p>"#,
        "<p>Copyright 2024 Harbour Gazette. All rights reserved.</p>",
        "<p>Our mailing address is: Harbour Gazette, 1 Quay Street, Portree</p>",
        #"<p>You are subscribed to email updates from <a href="https://gazette.example">Harbour Gazette</a>.</p>"#,
        "<p>You're currently a free subscriber to Harbour Notes.</p>",
        "<p>I know the ads are annoying: please bear with me, they pay for the hosting.</p>",
        "<p>Please disable your ad blocker for this site.</p>",
    ]

    @Test(arguments: footers) func feedFootersGoAtTheTail(footer: String) {
        let article = clean("<p>\(bodyParagraph)</p><p>The harbour master counted them all back by evening.</p>" + footer)
        #expect(article.text == bodyParagraph + "\n\nThe harbour master counted them all back by evening.", "\(article.removedWhat)")
        #expect(article.removedWhat == ["tail: feed footer"])
    }

    @Test func feedFooterRepeatedInEveryEntryGoesAsTemplateAndTheSignOffAboveStays() {
        let entries = (1...4).map { number in
            """
            <p>Lego build number \(number): a working iMac in bricks, with a screen that lights up and a drive that \
            opens, built over \(number * 3) weekends from parts of old sets.</p>
            <p>— Luke</p>
            <p>Thank you for reading via RSS. Browse the site at <a href="https://luke.example.com">luke.example.com</a>.</p>
            """
        }
        let article = clean(entries[1], template: FeedTemplate(learningFrom: entries))
        #expect(article.text.hasSuffix("old sets.\n\n— Luke"))
        #expect(article.removed.map(\.rule) == ["feed-template"])
    }

    @Test func aSignOffStaysAndTheFooterAboveItGoes() {
        let footer = "<p>You are receiving this because you subscribed at harbour.example.</p>"
        let article = clean("<p>\(bodyParagraph)</p><p>The harbour master counted them all back by evening.</p>" + footer
            + "<p>— Luke</p>")
        #expect(article.text == bodyParagraph + "\n\nThe harbour master counted them all back by evening.\n\n— Luke")
        #expect(article.removedWhat == ["tail: feed footer"])
    }

    // MARK: - The same words in the article

    @Test func aLastLineWithADashThatIsASentenceIsNoSignOff() {
        // Not a sign-off: the tail rules do not look past it, and the footer-like line above stays.
        let article = clean("<p>\(bodyParagraph)</p><p>Unsubscribe</p><p>- and that was the last ferry of the year.</p>")
        #expect(article.text.hasSuffix("Unsubscribe\n\n- and that was the last ferry of the year."))
    }

    @Test func lastParagraphThankingFeedReadersWithoutAnAddressStays() {
        let last = "Thank you for reading via RSS for all these years: the blog closes today, and its archive stays "
            + "online as it is, with every post where it always was."
        let article = clean("<p>\(bodyParagraph)</p><p>\(last)</p>")
        #expect(article.text == bodyParagraph + "\n\n" + last)
        #expect(article.removed.isEmpty)
    }

    @Test func proseAboutCopyrightAndUnsubscribingStays() {
        let paragraphs = [
            "© 2024 is printed on every page of the report, but the data behind it goes back to 1998, and the "
                + "council says the maps are older still.",
            "Unsubscribe links in the council's e-mails did not work for three weeks, and residents who "
                + "complained were told to write a letter instead.",
            "You can find the archive of the council's minutes in the library on Harbour Street, where the "
                + "clerk keeps them in numbered boxes.",
            "The ads for the ferry ran for a month, and the company says it will disable them in winter.",
            "Forward planning for the harbour begins in March, the council said.",
        ]
        for paragraph in paragraphs {
            let article = clean("<p>\(bodyParagraph)</p><p>\(paragraph)</p>")
            #expect(article.text == bodyParagraph + "\n\n" + paragraph)
            #expect(article.removed.isEmpty)
        }
    }

    @Test func photoCreditWithACopyrightSignStays() {
        let article = clean("<p>\(bodyParagraph)</p><p>Photo © Jane Doe</p><p>© Harbour Gazette archive</p>")
        #expect(article.text == bodyParagraph + "\n\nPhoto © Jane Doe\n\n© Harbour Gazette archive")
    }

    // MARK: - Footer sections

    /// A newsletter issue whose own part differs and whose footer sections
    /// are the same in every issue.
    static func issue(_ number: Int, footer: String) -> String {
        """
        <h2>Unix</h2><ul><li><p>Issue \(number): tracing the first pipe\(String(repeating: "!", count: number))<br>\
        <a href="https://example.org/pipes/\(number)">https://example.org/pipes/\(number)</a></p>\
        <p>How the pipe came to Unix over \(number + 2) weekends of reading old manuals and older mailing lists.</p></li></ul>\
        <h2>Thoughts</h2><blockquote><p>Plans are worthless, but planning is everything (\(number)).</p></blockquote>
        """ + footer
    }

    static let newsletterFooter = """
        <h2>Archive</h2><p>You can find the archive of past newsletters here:<br>\
        <a href="https://news.example.net/entries.php">https://news.example.net/entries.php</a></p>\
        <h2>Contribute</h2><p>There are many ways to contribute:</p><ol>\
        <li>If you find anything interesting you can contact Jo on the forums and it may be featured in the next newsletter.</li>\
        <li>Share it with your friends.</li><li>Open a thread on the forums to discuss one of the topics.</li></ol>
        """

    @Test func aNewslettersRepeatedFooterSectionsGoAsTemplate() {
        let entries = (1...4).map { Self.issue($0, footer: Self.newsletterFooter) }
        let article = clean(entries[1], template: FeedTemplate(learningFrom: entries))
        #expect(article.text.hasSuffix("Plans are worthless, but planning is everything (2)."), "\(article.text)")
        #expect(!article.text.contains("Contribute") && !article.text.contains("Archive"))
    }

    @Test func anArchiveSectionEndingOneEntryGoes() {
        let footer = """
            <h2>Archive</h2><p>You can find the archive of past newsletters here:<br>\
            <a href="https://news.example.net/entries.php">https://news.example.net/entries.php</a></p>
            """
        let article = clean(Self.issue(1, footer: footer))
        #expect(article.text.hasSuffix("planning is everything (1)."), "\(article.removedWhat)")
        #expect(article.removedWhat == ["tail: feed footer from \"Archive\""])
    }

    @Test func aNewslettersFooterSectionsGoFromOneEntry() {
        let body = (1...6).map { "<p>Link \($0): \(bodyParagraph)</p>" }.joined()
        let article = clean(body + Self.newsletterFooter)
        #expect(article.text.hasSuffix("Link 6: " + bodyParagraph), "\(article.removedWhat)")
        #expect(article.removedWhat == ["tail: feed footer from \"Archive\""])
    }

    static let feedNotices = [
        "By the way, not seeing new articles from the Gazette in your feed reader? That's because there is an ongoing "
            + "issue with the RSS feed as I am migrating to a new host. Please bear with me.",
        "Our feed has moved to gazette.example/feed.xml: please update your subscription.",
        "Sorry for the duplicate posts in your feed reader this morning.",
    ]

    @Test(arguments: feedNotices) func aNoteAboutTheFeedGoesWhereverItStands(notice: String) {
        let rest = (1...3).map { "<p>Boat \($0): \(bodyParagraph)</p>" }.joined()
        let article = clean("<p>\(bodyParagraph)</p><p>\(notice)</p>" + rest)
        #expect(article.text == ([bodyParagraph] + (1...3).map { "Boat \($0): \(bodyParagraph)" }).joined(separator: "\n\n"),
                "\(article.removedWhat)")
    }

    @Test func proseAboutFeedReadersStays() {
        let paragraphs = [
            "Feed readers have a problem with duplicate entries when a site changes its links, and the apps handle it differently.",
            "I am sorry to say that the RSS feed of the council's website still does not work, three years on.",
        ]
        for paragraph in paragraphs {
            let article = clean("<p>\(bodyParagraph)</p><p>\(paragraph)</p><p>\(bodyParagraph)</p>")
            #expect(article.text.contains(paragraph))
            #expect(article.removed.isEmpty, "\(article.removedWhat)")
        }
    }

    // MARK: - The same words in the article's sections

    @Test func aContributeSectionOfTheArticleStays() {
        let body = (1...6).map { "<p>Change \($0): \(bodyParagraph)</p>" }.joined()
        let section = "<h2>Contribute</h2><p>You can send patches to the mailing list.</p>"
            + "<ul><li>Share your benchmarks with us.</li><li>Open an issue when a feed breaks.</li></ul>"
        let article = clean(body + section)
        #expect(article.text.hasSuffix("Contribute\n\nYou can send patches to the mailing list.\n\n"
            + "- Share your benchmarks with us.\n- Open an issue when a feed breaks."), "\(article.removedWhat)")
        #expect(article.removed.isEmpty)
    }

    @Test func aRepeatedSectionUnderAnotherHeadingStays() {
        let install = "<h2>Install</h2><p>Download the archive, unpack it and run make install; contribute fixes on the forum.</p>"
        let entries = (1...4).map { Self.issue($0, footer: install) }
        let article = clean(entries[1], template: FeedTemplate(learningFrom: entries))
        #expect(article.text.hasSuffix("Install\n\nDownload the archive, unpack it and run make install; contribute fixes on the forum."))
    }

    @Test func anArchiveSectionOfTheArticlesProseStays() {
        let prose = "<h2>Archive</h2><p>The harbour office keeps its archive in the old customs house: ledgers from 1820 "
            + "onwards, every ship that called, and the letters of the harbour masters, which the volunteers are now "
            + "reading one by one.</p>"
        let article = clean("<p>\(bodyParagraph)</p>" + prose)
        #expect(article.text.hasSuffix("which the volunteers are now reading one by one."))
        #expect(article.removed.isEmpty)
    }

    @Test func proseAboutTheNextIssueStays() {
        let paragraphs = [
            "If you find the tide tables confusing, the next issue explains how the harbour master reads them.",
            "There are many ways to contribute to the lifeboat fund, and the harbour master listed them at the meeting.",
        ]
        for paragraph in paragraphs {
            let article = clean("<p>\(bodyParagraph)</p><p>\(paragraph)</p>")
            #expect(article.text == bodyParagraph + "\n\n" + paragraph)
            #expect(article.removed.isEmpty)
        }
    }
}

/// A newsletter's subscription notice in other languages (`FeedFooter`): the notice and the
/// unsubscribe and view-in-browser links go from the tail; a sentence opening with "Abmelden"
/// that is no link stays.
@Suite struct FeedFooterLanguagesTests {
    @Test(arguments: [
        #"<p><a href="https://x.example/u">Se désabonner</a> | <a href="https://x.example/b">Voir dans le navigateur</a></p>"#,
        #"<p><a href="https://x.example/u">Abmelden</a> | <a href="https://x.example/b">Im Browser ansehen</a></p>"#,
        #"<p><a href="https://x.example/u">Darse de baja</a> | <a href="https://x.example/b">Ver en el navegador</a></p>"#,
        #"<p><a href="https://x.example/u">Annulla l'iscrizione</a> | <a href="https://x.example/b">Visualizza nel browser</a></p>"#,
        #"<p><a href="https://x.example/u">Cancelar inscrição</a> | <a href="https://x.example/b">Ver no navegador</a></p>"#,
        #"<p><a href="https://x.example/u">Отписаться</a> | <a href="https://x.example/b">Открыть в браузере</a></p>"#,
        "<p>Vous recevez cet e-mail car vous êtes abonné à notre lettre d'information.</p>",
        "<p>Sie erhalten diese E-Mail, weil Sie unseren Newsletter abonniert haben.</p>",
        "<p>Recibes este correo porque te suscribiste a nuestro boletín.</p>",
    ]) func noticesLeftLastGo(html: String) {
        let article = clean(BoilerplateFamilyTests.bodyHTML + html)
        #expect(article.text == WordingFamilyTests.body, "\(article.removedWhat)")
    }

    @Test(arguments: ["Abmelden können sich Mitglieder bis Freitag beim Hafenmeister.",
                      "Afmelden kan tot vrijdag bij de havenmeester."])
    func sentencesOpeningWithTheSameWordStay(prose: String) {
        WordingFamilyTests.checkKept(prose)
    }
}
