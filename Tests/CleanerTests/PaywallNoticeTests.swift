import Testing
import Cleaner

/// Paywall notices in a feed's copy of a members-only post (`PaywallNotice`),
/// at the head and tail, and with the link they introduce; paired with
/// prose about members and subscribers that stays.
@Suite struct PaywallNoticeTests {
    static let body = "<p>\(bodyParagraph)</p><p>\(secondParagraph)</p>"
    static let secondParagraph = "By evening the harbour master had counted them all back, and the lifeboat crew went home for supper."
    static let bodyText = bodyParagraph + "\n\n" + secondParagraph

    static let notices = [
        "<h4>The story will be unlocked and available to all of our readers after 30 days.</h4>",
        "<p><em>Previously available only to members, this story is now free to everyone.</em></p>",
        "<p>This post is available only to paid subscribers of the Gazette.</p>",
        "<p>Dieser Artikel ist nur für Abonnenten.</p>",
        "<p>Subscribe to Harbour Notes to keep reading this post and get 7 days of free access to the full archives.</p>",
        "<p><strong><em>This story is now unlocked and available to all of our readers.</em></strong></p>",
        #"<p><a href="https://gazette.example/membership/">Join Gazette Plus</a></p>"#,
        "<p>Become a Harbour Gazette member</p>",
    ]

    @Test(arguments: notices) func paywallNoticesGoAtEitherEdge(notice: String) {
        for html in [notice + Self.body, Self.body + notice] {
            let article = clean(html)
            #expect(article.text == Self.bodyText, "\(article.removedWhat)")
        }
    }

    @Test func aNoticeWithTheLinkItIntroducesGoesAtTheTail() {
        let article = clean(Self.body + """
            <p><strong><em>This story is currently available to Medium Members at the following link:</em></strong></p>
            <p><a href="https://medium.com/@harbour/the-tide-1851c54fbce5">The Tide Turned at Noon</a></p>
            <h4>The story will be unlocked and available to all of our readers after 30 days.</h4>
            """)
        #expect(article.text == Self.bodyText, "\(article.removedWhat)")
    }

    @Test func aRuleBetweenTheNoticeAndTheFooterDoesNotStopTheTailRules() {
        let article = clean(Self.body + """
            <h4>The story will be unlocked and available to all of our readers after 30 days.</h4><hr>
            <p><a href="https://medium.com/i/the-tide">The Tide</a> was originally published in \
            <a href="https://medium.com/i">Harbour Notes</a> on Medium, where people are continuing the conversation \
            by highlighting and responding to this story.</p>
            """)
        #expect(article.text == Self.bodyText, "\(article.removedWhat)")
    }

    // MARK: - The same words in the article

    @Test func proseAboutMembersAndSubscribersStays() {
        let paragraphs = [
            "The museum's archive is available only to members of the society, who pay twelve pounds a year.",
            "Subscribers will be unlocked from the old contract in March, the ferry company said.",
            "The new timetable is now free to everyone who asks at the harbour office.",
            "Join the crew of the Harbour Pro.",
            "Get the harbour master to sign up as a lifeboat member.",
            "Try Harbour Radio Premium",
            "Il museo del porto è riservato agli abbonati della società nautica, che pagano dodici euro l'anno.",
            "Только для подписчиков клуба яхтсменов открыт новый причал, сообщил капитан порта.",
        ]
        for paragraph in paragraphs {
            for html in ["<p>\(paragraph)</p>" + Self.body, Self.body + "<p>\(paragraph)</p>"] {
                let article = clean(html)
                #expect(article.text.contains(paragraph))
                #expect(article.removed.isEmpty)
            }
        }
    }

    @Test func aLongParagraphAboutAPaywalledStoryStays() {
        let paragraph = "Our story about the ferry strike was available only to members for a week, and readers wrote to "
            + "say that news about a strike should not be locked; we agreed, and every story about the strike is now "
            + "free to read for everyone, members or not."
        let article = clean(Self.body + "<p>\(paragraph)</p>")
        #expect(article.text == Self.bodyText + "\n\n" + paragraph)
    }

    @Test func aNoticeUnderTheCaptionAndTitleGoes() {
        let head = "<figure><img src=\"https://example.org/tide.jpg\"><figcaption>The harbour at noon</figcaption></figure>"
            + "<h4>How the Tide Turned</h4><p><em>Previously available only to members, we are now pleased to offer "
            + "this article for free to everyone.</em></p>"
        let article = clean(head + Self.body)
        #expect(article.text == "The harbour at noon\n\nHow the Tide Turned\n\n" + Self.bodyText, "\(article.removedWhat)")
    }

    // MARK: - Call-to-action boxes

    static let membershipBoxes = [
        """
        <div class="kg-card kg-cta-card kg-cta-minimal"><div class="kg-cta-text"><p>YOUR support keeps us going, keeps \
        us independent. And it costs less than a sandwich.<br><br>Opt for the Plus membership to:</p>\
        <p>&#9989; Get 5 free eBooks on ferries<br>&#9989; Enjoy an ad-free reading experience</p></div>\
        <a href="https://gazette.example/membership/" class="kg-cta-button">Join Gazette Plus</a></div>
        """,
        #"<div class="post-upsell"><p>Become a paid subscriber to read every issue.</p><a href="https://g.example/s">Subscribe</a></div>"#,
        #"<div id="paywall-cta"><p>Werden Sie Mitglied und lesen Sie alle Artikel.</p></div>"#,
    ]

    /// A paragraph long enough that a box is a small part of the article.
    static let longParagraph = String(
        String(repeating: "The ferry left at dawn and came back at dusk, full of sheep and post. ", count: 6).dropLast())

    @Test(arguments: membershipBoxes) func aMembershipCallToActionBoxGoesBetweenParagraphs(box: String) {
        let article = clean("<p>\(Self.longParagraph)</p>" + box + "<p>\(Self.secondParagraph)</p>")
        #expect(article.text == Self.longParagraph + "\n\n" + Self.secondParagraph, "\(article.removedWhat)")
        #expect(article.removed.map(\.rule) == ["paywall-prompt"])
    }

    @Test func aCallToActionBoxThatAsksForNoMembershipStays() {
        let box = #"<div class="kg-card kg-cta-card"><p>The tide tables for the whole winter, one page per week.</p><a href="https://example.org/tides.pdf" class="kg-cta-button">Download the tide tables</a></div>"#
        let article = clean("<p>\(Self.longParagraph)</p>" + box + "<p>\(Self.secondParagraph)</p>")
        #expect(article.text.contains("The tide tables for the whole winter, one page per week."))
        #expect(article.removed.isEmpty)
    }

    @Test func aCallToActionBoxAboutTheWritersTalkStays() {
        let box = #"<div class="cta"><div class="cta-button"><a href="https://example.org/conf">E2EVC</a></div><div class="cta-text"><h3>The harbour session</h3><p>Join this session for the best of the harbour's new timetable: you will be one of the first to know.</p></div></div>"#
        let article = clean("<p>\(Self.longParagraph)</p>" + box + "<p>\(Self.secondParagraph)</p>")
        #expect(article.text.contains("Join this session for the best of the harbour's new timetable"))
        #expect(article.removed.isEmpty, "\(article.removedWhat)")
    }

    @Test func proseAboutAMembershipStays() {
        let paragraph = "Opt for the Plus membership of the museum and your support keeps the lifeboat exhibition open "
            + "through the winter, the curator told the meeting."
        let article = clean("<p>\(bodyParagraph)</p><p>\(paragraph)</p><p>\(Self.secondParagraph)</p>")
        #expect(article.text == bodyParagraph + "\n\n" + paragraph + "\n\n" + Self.secondParagraph)
    }
}
