import Testing
import Cleaner

/// Reply-by-email footers (`EmailReplyPrompts`), podcast hosts' lines
/// (`PodcastPlatforms.isHostLine`) and the dividers left above them; each
/// paired with prose that uses the same words and stays.
@Suite struct EmailReplyAndPodcastHostTests {
    static let secondParagraph = "By evening the harbour master had counted them all back, and the lifeboat crew went home for supper."
    static let body = "<p>\(bodyParagraph)</p><p>\(secondParagraph)</p>"
    static let bodyText = bodyParagraph + "\n\n" + secondParagraph

    // MARK: - Reply by email

    static let replyPrompts = [
        "<p>Reply to this post by email</p>",
        #"<p><a href="mailto:jo@harbour.example">Respond via email</a> or on <a href="https://social.example/@jo">Mastodon</a></p>"#,
        "<p>Reply by email: jo@harbour.example</p>",
        "<p>Have thoughts? Email me at jo@harbour.example.</p>",
        "<p>To reply, send me an email. Thanks for reading!</p>",
        "<p>Comments? Feel free to email me.</p>",
        "<p>Comment by email</p>",
        "<p>Per E-Mail antworten</p>",
        "<p>Schreib mir eine E-Mail, wenn du antworten möchtest.</p>",
        "<p>Répondre par e-mail</p>",
        "<p>Responder por correo</p>",
        "<p>Rispondi via email</p>",
        "<p>You can reply to this post by sending me an email.</p>",
        "<p>Pour réagir, écrivez-moi par e-mail.</p>",
        "<p>Kommentare bitte per E-Mail an jo@harbour.example</p>",
    ]

    @Test(arguments: replyPrompts) func replyByEmailPromptsGoAtTheTail(prompt: String) {
        let article = clean(Self.body + prompt)
        #expect(article.text == Self.bodyText, "\(article.removedWhat)")
        #expect(article.removed.count == 1)
    }

    @Test func aReplyPromptWithPleasantriesOnItsOwnLinesGoesWithTheFleuronAboveIt() {
        let footer = """
            <div class="post-contact-spacer">❦</div>
            <div class="post-contact">
              You can email me at <span>“jo (at) &lt;this domain&gt;”</span> to respond!<br> Or just say hi. That's cool too!
            </div>
            """
        let article = clean(Self.body + footer)
        #expect(article.text == Self.bodyText, "\(article.removedWhat)")
        #expect(article.removedWhat == ["tail: reply-by-email prompt", "tail: divider"])
    }

    /// Prose about replying by e-mail, at either edge.
    static let replyProse = [
        "You can email me at the office to respond to the council's survey, the mayor said on Tuesday.",
        "To respond to the flooding, the council emailed us a plan that nobody had read.",
        "If you want to reply to the council, email the clerk before Friday.",
        "Reply by email was the only way to reach the harbour office in 1998, and few people did.",
        "Email me the tide tables, she wrote to her brother, and I will reply with the ferry times for next week.",
        "Email me your questions about the harbour, and I'll reply in next week's column.",
    ]

    @Test(arguments: replyProse) func proseAboutReplyingByEmailStaysAtEitherEdge(paragraph: String) {
        for html in [Self.body + "<p>\(paragraph)</p>", "<p>\(paragraph)</p>" + Self.body] {
            let article = clean(html)
            #expect(article.text.contains(paragraph), "\(article.removedWhat)")
            #expect(article.removed.isEmpty, "\(article.removedWhat)")
        }
    }

    @Test func aCreditLineUnderAReplyPromptKeepsTheBlock() {
        let article = clean(Self.body + "<p>Reply via email<br>Producer: Jane Doe.</p>")
        #expect(article.text.hasSuffix("Producer: Jane Doe."), "\(article.removedWhat)")
    }

    // MARK: - Podcast hosts' lines

    @Test func anAnchorFooterGoesWithItsDividers() {
        let footer = """
            <p>--- </p><p>This episode is sponsored by <br> · Anchor: The easiest way to make a podcast. \
            <a href="https://anchor.fm/app">https://anchor.fm/app</a></p><p>--- </p>\
            <p>Send in a voice message: <a href="https://podcasters.spotify.com/pod/show/harbour/message">\
            https://podcasters.spotify.com/pod/show/harbour/message</a><br>Support this podcast: \
            <a href="https://podcasters.spotify.com/pod/show/harbour/support">https://podcasters.spotify.com/pod/show/harbour/support</a></p>
            """
        let article = clean(Self.body + footer)
        #expect(article.text == Self.bodyText, "\(article.removedWhat)")
    }

    static let hostLines = [
        #"<p>Start your podcast for FREE with <a href="https://www.buzzsprout.example/">Buzzsprout</a></p>"#,
        "<p>Become a supporter of this podcast: https://www.spreaker.com/podcast/harbour-hours--123/support.</p>",
        "<p>Send us a voice message and we might play it on the show: https://podcasters.spotify.com/pod/show/harbour/message</p>",
        "<p>--- Send in a voice message: https://anchor.fm/harbour/message</p>",
        "<p>Support the show</p>",
        "<p>Hosted on Acast. See acast.com/privacy for more information.</p>",
        "<p>Learn more about your ad choices. Visit megaphone.fm/adchoices</p>",
        "<p>Want to start a podcast? Podbean makes it easy: https://www.podbean.com/start-podcast</p>",
        "<p>Hosted by Ausha. See ausha.co/privacy-policy for more information.</p>",
        "<p>See Privacy Policy at https://art19.com/privacy and California Privacy Notice at https://art19.com/privacy#do-not-sell-my-info.</p>",
    ]

    @Test(arguments: hostLines) func podcastHostLinesGoAtEitherEdge(line: String) {
        for html in [Self.body + line, line + Self.body] {
            let article = clean(html)
            #expect(article.text == Self.bodyText, "\(article.removedWhat)")
        }
    }

    @Test func aSendUsATextLinkGoesAtTheHead() {
        let link = #"<p><a href="https://www.buzzsprout.com/twilio/text_messages/1/open_sms">Send us a text</a></p>"#
        let article = clean(link + Self.body)
        #expect(article.text == Self.bodyText, "\(article.removedWhat)")
        #expect(article.removedWhat == ["head: podcast host line"])
    }

    /// Prose about podcast hosts, at either edge.
    static let hostProse = [
        "We host the show on Buzzsprout, which was the easiest way to start a podcast in 2019.",
        "Start a podcast with Buzzsprout or Libsyn, the guide says, and you will have an audience by spring.",
        "Anchor: the new harbour wall holds the boats in a storm, and the crew trusts it.",
        "Send us a text when the ferry leaves, the harbour master told the crew.",
        "Hosted by Jo Reed, this week's episode is about privacy on the harbour's new cameras.",
    ]

    @Test(arguments: hostProse) func proseAboutPodcastHostsStaysAtEitherEdge(paragraph: String) {
        for html in [Self.body + "<p>\(paragraph)</p>", "<p>\(paragraph)</p>" + Self.body] {
            let article = clean(html)
            #expect(article.text.contains(paragraph), "\(article.removedWhat)")
            #expect(article.removed.isEmpty, "\(article.removedWhat)")
        }
    }

    // MARK: - Dividers

    @Test func aDividerBetweenParagraphsStays() {
        let article = clean("<p>\(bodyParagraph)</p><p>* * *</p><p>\(Self.secondParagraph)</p>")
        #expect(article.text == bodyParagraph + "\n\n* * *\n\n" + Self.secondParagraph)
        #expect(article.removed.isEmpty, "\(article.removedWhat)")
    }

    @Test func aDividerAboveAFooterTheFeedTemplateTookGoes() {
        let entries = (1...4).map { number in
            "<p>Fluentflame build \(number): \(number * 3) fixes and a new reader view, after \(number) weeks of work.</p>"
                + "<div>❦</div><div>You can email me at “jo (at) &lt;this domain&gt;” to respond!<br> Or just say hi.</div>"
        }
        let article = clean(entries[1], template: FeedTemplate(learningFrom: entries))
        #expect(article.text == "Fluentflame build 2: 6 fixes and a new reader view, after 2 weeks of work.", "\(article.removedWhat)")
        #expect(article.removed.map(\.rule) == ["feed-template", "boundary-tail"])
    }
}
