import Testing
import Cleaner

/// What embedded media and posts show only in their own place (`EmbedPlaceholders`): the fallback
/// inside `<video>`, `<audio>` and `<iframe>` in any language, and an embedded post's placeholder
/// whose every word links to the network. The medium itself, a post's own words, and quotes and
/// prose that talk about browsers, Instagram or TikTok stay.
@Suite struct EmbedPlaceholderTests {
    typealias Case = BoilerplateFamilyTests.Case
    static let post = "https://www.instagram.com/p/C1xYz/?utm_source=ig_embed"

    static let placeholders: [Case] = [
        Case(html: "<video controls src=\"/a.mp4\">Your browser does not support the video tag.</video>",
             kind: "media fallback"),
        Case(html: "<audio controls><source src=\"/a.mp3\" type=\"audio/mpeg\">Ihr Browser unterstützt kein Audio.</audio>",
             kind: "media fallback"),
        Case(html: "<video controls><source src=\"/a.webm\"><source src=\"/a.mp4\"><p>Votre navigateur ne lit pas "
             + "cette vidéo : <a href=\"/a.mp4\">téléchargez-la</a>.</p></video>", kind: "media fallback"),
        Case(html: "<iframe src=\"https://player.example/embed/7\">Tu navegador no admite iframes.</iframe>",
             kind: "media fallback"),
        Case(html: "<blockquote class=\"instagram-media\"><div><a href=\"\(post)\">View this post on Instagram</a></div>"
             + "<p><a href=\"\(post)\">A post shared by Harbour Council (@harbourcouncil)</a></p></blockquote>",
             kind: "embedded post placeholder"),
        // Classes stripped by the feed, and the words in Portuguese: the links say what it is.
        Case(html: "<blockquote><div><div> </div><a href=\"\(post)\">Ver essa foto no Instagram</a></div>"
             + "<p><a href=\"\(post)\">Uma publicação compartilhada por Ana (@ana)</a></p></blockquote>",
             kind: "embedded post placeholder"),
        Case(html: "<blockquote class=\"imgur-embed-pub\" data-id=\"a/x\"><a href=\"//imgur.com/a/x\">View post on imgur.com</a>"
             + "</blockquote>", kind: "embedded post placeholder"),
        Case(html: "<blockquote class=\"text-post-media\"><a href=\"https://www.threads.net/@ana/post/C9\">"
             + "Beitrag von @ana ansehen</a></blockquote>", kind: "embedded post placeholder"),
    ]

    @Test(arguments: placeholders) func placeholdersGoAtTheEdges(placeholder: Case) {
        BoilerplateFamilyTests.check(placeholder)
    }

    @Test(arguments: placeholders) func placeholdersGoBetweenParagraphs(placeholder: Case) {
        WordingFamilyTests.checkBetweenParagraphs(placeholder.html)
    }

    @Test func theMediumItselfStays() {
        let article = clean("<p>\(bodyParagraph)</p><video controls poster=\"/p.jpg\"><source src=\"/a.mp4\">"
            + "<track kind=\"captions\" src=\"/a.vtt\">Your browser does not support video.</video>")
        #expect(article.text == bodyParagraph)
        #expect(article.html.contains("<source src=\"/a.mp4\">"))
        #expect(article.html.contains("<video"))
    }

    // MARK: - What stays

    /// Embeds and prose, with the words of each that must survive.
    static let kept: [(html: String, words: [String])] = [
        // A tweet's words and its attribution are the post; a caption of a TikTok is not a link.
        ("<blockquote class=\"twitter-tweet\"><p lang=\"en\">The ferry runs again from Monday.</p>&mdash; Harbour Council "
            + "(@harbourcouncil) <a href=\"https://twitter.com/harbourcouncil/status/1\">January 3, 2024</a></blockquote>",
         ["The ferry runs again from Monday.", "— Harbour Council (@harbourcouncil) January 3, 2024"]),
        ("<blockquote class=\"tiktok-embed\"><section><a href=\"https://www.tiktok.com/@ana\">@ana</a> The harbour at dawn, "
            + "filmed from the lighthouse <a href=\"https://www.tiktok.com/music/x\">♬ original sound</a></section></blockquote>",
         ["@ana The harbour at dawn, filmed from the lighthouse ♬ original sound"]),
        // A quote whose words link to the article it quotes, on a site that is not a network of embeds.
        ("<blockquote><a href=\"https://news.example/ferry\">The ferry will run twice an hour from the spring.</a></blockquote>",
         ["The ferry will run twice an hour from the spring."]),
        // A caption of an Instagram post, written out in the quote.
        ("<blockquote class=\"instagram-media\" data-instgrm-captioned><p>Sunrise over the harbour, the day the ferry "
            + "came back.</p><p><a href=\"\(post)\">A post shared by Ana (@ana)</a></p></blockquote>",
         ["Sunrise over the harbour, the day the ferry came back.", "A post shared by Ana (@ana)"]),
        ("<p>If your browser does not support this shortcut, use the address bar and copy the link by hand.</p>",
         ["If your browser does not support this shortcut, use the address bar and copy the link by hand."]),
        ("<p>The council posted a <a href=\"\(post)\">photo of the new ferry on Instagram</a> on Monday.</p>",
         ["The council posted a photo of the new ferry on Instagram on Monday."]),
        // A whole article left inside an unclosed element is kept, not read as its fallback.
        ("<div><audio controls src=\"/a.mp3\"><p>\(String(repeating: "The ferry timetable changes on Monday. ", count: 12))</p></div>",
         [String(repeating: "The ferry timetable changes on Monday. ", count: 11) + "The ferry timetable changes on Monday."]),
    ]

    @Test(arguments: kept.indices) func postsQuotesAndProseStay(index: Int) {
        let (html, words) = Self.kept[index]
        for article in [html + BoilerplateFamilyTests.bodyHTML, BoilerplateFamilyTests.bodyHTML + html,
                        "<p>\(bodyParagraph)</p>\(html)<p>\(BoilerplateFamilyTests.secondParagraph)</p>"]
        {
            let text = clean(article).text
            for line in words { #expect(text.contains(line), "\(article): \(text)") }
            #expect(text.contains(bodyParagraph) && text.contains(BoilerplateFamilyTests.secondParagraph))
        }
    }
}
