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
}
