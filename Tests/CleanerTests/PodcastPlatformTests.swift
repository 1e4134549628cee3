import Testing
import Cleaner

/// Calls to listen or subscribe where podcasts are heard (`PodcastPlatforms`,
/// `EdgeNoise`), at either edge and at the end of a block of lines above a
/// show's credits; paired with prose about listening and with the credits,
/// which stay.
@Suite struct PodcastPlatformTests {
    static let body = "<p>\(bodyParagraph)</p><p>\(secondParagraph)</p>"
    static let secondParagraph = "By evening the harbour master had counted them all back, and the lifeboat crew went home for supper."
    static let bodyText = bodyParagraph + "\n\n" + secondParagraph

    static let calls = [
        "Subscribe: Apple | Google | RSS",
        "Listen: Apple Podcasts · Spotify · RSS",
        "Find us on Pocket Casts",
        "Subscribe wherever you get your podcasts.",
        "Never miss an episode: subscribe on Apple Podcasts",
        "Listen to this episode in your favourite podcast app",
        "Hören Sie uns auf Spotify, Apple Podcasts oder Deezer.",
        "Écoutez-nous sur Apple Podcasts et Spotify",
        "Escúchanos en Spotify y Apple Podcasts",
        "Rate, review and subscribe on Apple Podcasts",
        "Available on all podcast platforms",
        "Advertising Inquiries: https://redcircle.com/brands",
        "Privacy & Opt-Out: https://redcircle.com/privacy",
    ]

    @Test(arguments: calls) func callsToListenGoAtEitherEdge(call: String) {
        for html in ["<p>\(call)</p>" + Self.body, Self.body + "<p>\(call)</p>"] {
            let article = clean(html)
            #expect(article.text == Self.bodyText, "\(article.removedWhat)")
        }
    }

    @Test func aSubscribePromptAboveTheCreditsGoesAndTheCreditsStay() {
        let notes = """
            <p>\(bodyParagraph)</p>&#8226; Why the ferry runs late<br>&#8226; What the tide tables say<br><br>\
            <b>Get this episode by subscribing: type Harbour Hours into your podcasting app.</b><br><br>\
            <em>Producer: Jane Doe.<br>Audio mastering: Ben Smith.<br>Transcriptions: Ann Lee.</em>
            """
        let article = clean(notes)
        #expect(article.text.hasSuffix("What the tide tables say\n\nProducer: Jane Doe.\nAudio mastering: Ben Smith.\nTranscriptions: Ann Lee."),
                "\(article.text)")
        #expect(!article.text.contains("Get this episode"))
    }

    @Test func aPromptInsideTheSameEmphasisAsTheCreditsGoes() {
        let notes = """
            <p>\(bodyParagraph)<br><br><em>This episode was hosted by Jo Reed and produced by Sam Hale.<br><br>Help \
            support </em>Harbour Hours<em> and hear our bonus episodes by subscribing to </em>Harbour Hours<em>+ </em>\
            <a href="https://example.org/p"><em>in Apple Podcasts</em></a><em> or at </em>\
            <a href="https://example.org/plus"><em>plus.harbour.example</em></a><em>.</em></p>
            """
        let article = clean(notes)
        #expect(article.text.hasSuffix("This episode was hosted by Jo Reed and produced by Sam Hale."), "\(article.text)")
    }

    @Test func aSubscribeHeadingOverAListOfPlatformsGoesBetweenParagraphs() {
        let platforms = ["YouTube Podcasts", "Pocket Casts", "Spotify", "Apple Podcasts", "Overcast"]
            .map { #"<li><a href="https://example.org/\#($0.count)">\#($0)</a></li>"# }.joined()
        let article = clean("<p>\(bodyParagraph)</p><h2>Subscribe</h2><ul>\(platforms)</ul><p>\(Self.secondParagraph)</p>")
        #expect(article.text == Self.bodyText, "\(article.removedWhat)")
    }

    @Test func aLinkedCallToListenGoesFromTheLinesOfAParagraph() {
        let html = """
            <p>\(bodyParagraph)<br><br>Listen on your favourite podcast app or at \
            <a href="https://example.org/show">harbour.example</a><br><br>\(Self.secondParagraph)</p><p>\(bodyParagraph)</p>
            """
        let article = clean(html)
        #expect(article.text == bodyParagraph + "\n\n" + Self.secondParagraph + "\n\n" + bodyParagraph, "\(article.removedWhat)")
    }

    // MARK: - The same words in the article

    @Test func aListUnderASubscribeHeadingThatNamesNoPlatformStays() {
        let list = "<ul><li>The tide tables</li><li>The ferry timetable</li><li>The harbour news</li></ul>"
        let article = clean("<p>\(bodyParagraph)</p><h2>Subscribe</h2>" + list + "<p>\(Self.secondParagraph)</p>")
        #expect(article.text.contains("Subscribe\n\n- The tide tables\n- The ferry timetable\n- The harbour news"))
        #expect(article.removed.isEmpty)
    }

    @Test func proseAboutListeningStays() {
        let paragraphs = [
            "I listened to the whole album on Spotify while the ferry crossed to the island.",
            "Listen to the harbour master, who has sailed since 1970, and you learn the tides.",
            "Subscribe: the harbour, the ferry and the crew all signed the letter to the council.",
            "Find us on the quay at noon, the crew said, and we will show you the new boat.",
            "Advertising inquiries went up after the harbour festival, the council said.",
        ]
        for paragraph in paragraphs {
            for html in ["<p>\(paragraph)</p>" + Self.body, Self.body + "<p>\(paragraph)</p>"] {
                let article = clean(html)
                #expect(article.text.contains(paragraph))
                #expect(article.removed.isEmpty, "\(article.removedWhat)")
            }
        }
    }

    @Test func creditsEndingABlockOfLinesStayWhenNothingAboveThemIsBoilerplate() {
        let notes = "<p>\(bodyParagraph)<br>Producer: Jane Doe.<br>Audio mastering: Ben Smith.</p>"
        let article = clean(notes)
        #expect(article.text == bodyParagraph + "\nProducer: Jane Doe.\nAudio mastering: Ben Smith.")
        #expect(article.removed.isEmpty)
    }
}
