import Testing
import Cleaner

/// Lines that podcast show notes end with, in the shapes shows write them: follow lines for a
/// host with a linked network, a lead-in before "follow us on", an address alone under "Get in
/// touch", review appeals after a condition. Each paired with prose that uses the same words.
@Suite struct ShowNotesTests {
    typealias Case = BoilerplateFamilyTests.Case

    static let lines: [Case] = [
        Case(html: "<p>Follow Marshall on <a href=\"https://twitter.com/m\">Twitter</a></p>", kind: "social links"),
        Case(html: "<p>Stay up to date with the latest news: follow us on Twitter, Instagram and Facebook.</p>", kind: "social links"),
        Case(html: "<p>Give us a follow on <a href=\"https://instagram.com/dd\">Instagram</a>!</p>", kind: "social links"),
        Case(html: "<p><a href=\"mailto:hi@harbour.fm\">hi@harbour.fm</a></p>", kind: "contact line", edges: [.tail]),
        Case(html: "<p>If you like the show, please leave us a review on Apple Podcasts. It really helps!</p>", kind: "podcast links"),
        Case(html: "<p>If you enjoyed this episode, rate and review us on Spotify.</p>", kind: "podcast links"),
    ]

    @Test(arguments: lines) func showNotesLinesGo(line: Case) { BoilerplateFamilyTests.check(line) }

    /// Prose with the same words stays at the head, at the tail and between paragraphs.
    @Test(arguments: [
        "Follow Brian on his long walk from Oslo to Lagos, which his sister filmed for Instagram.",
        "The minister said: follow us on Twitter was the campaign's only message, and it worked.",
        "If you like the show's host, you will love her new book about the harbour's ferries.",
        "Write to jo@harbour.fm with your tide photos and we will print the best of them next week.",
    ]) func proseWithTheSameWordsStays(prose: String) { WordingFamilyTests.checkKept(prose) }
}

/// A sponsor label over short linked blocks, and contact lines that ask to send or call.
@Suite struct ShowNotesSponsorAndContactTests {
    typealias Case = BoilerplateFamilyTests.Case

    @Test(arguments: [
        Case(html: "<p>Thanks to our sponsors:</p><ul><li><a href=\"https://linear.example\">Linear</a> – the issue tracker built for speed</li>"
            + "<li><a href=\"https://mercury.example\">Mercury</a> – banking for startups</li></ul>", kind: "sponsor message", edges: [.tail]),
        Case(html: "<p>Sponsors:</p><p><a href=\"https://linear.example\">Linear</a> – the issue tracker built for speed</p>",
             kind: "sponsor message", edges: [.tail]),
        Case(html: "<p>Have a question for the show? Send it to questions@harbour.fm or leave a voicemail.</p>", kind: "contact line"),
    ]) func theyGo(line: Case) { BoilerplateFamilyTests.check(line) }

    /// A list of linked tools the episode discusses, under a label that is not a sponsor's, stays.
    @Test func aListOfLinksTheEpisodeDiscussesStays() {
        let list = "<p>Tools we mention:</p><ul><li><a href=\"https://figma.example\">Figma</a> – where the prototypes live</li>"
            + "<li><a href=\"https://maze.example\">Maze</a> – how they test them with customers</li></ul>"
        let article = clean(BoilerplateFamilyTests.bodyHTML + list)
        #expect(article.text.contains("Figma – where the prototypes live"), "\(article.removedWhat)")
        #expect(article.text.contains("Maze – how they test them with customers"), "\(article.removedWhat)")
    }

    /// Prose that asks to send something, without an address, stays.
    @Test func aRequestWithoutAnAddressStays() {
        WordingFamilyTests.checkKept("Have a story about the old ferry? Send it to the harbour office and we may read it on air.")
    }
}

/// Pointers to an episode's page or transcript, and prose about show notes.
@Suite struct ShowNotesPointerTests {
    typealias Case = BoilerplateFamilyTests.Case

    @Test(arguments: [
        Case(html: "<p>Show notes and links: <a href=\"https://dd.example/12\">dd.example/12</a></p>", kind: "show-notes link"),
        Case(html: "<p>Full show notes at dd.example/12</p>", kind: "show-notes link"),
        Case(html: "<p>Transcript: <a href=\"https://dd.example/12/transcript\">dd.example/12/transcript</a></p>",
             kind: "show-notes link"),
    ]) func pointersGo(pointer: Case) { BoilerplateFamilyTests.check(pointer) }

    @Test func proseAboutShowNotesStays() {
        WordingFamilyTests.checkKept("Show notes are the part of a podcast most listeners skip, the survey of 2,000 listeners found.")
        WordingFamilyTests.checkKept("The transcript of the hearing runs to 300 pages. Read it at the court's site, archive.example.")
    }
}

/// Credits and closing lines that end show notes ("Edited by Sam Lee. Music by Blue Dot Sessions.",
/// "Thanks for listening!", hashtags) stay, and the boilerplate above them goes as it would at the very end.
@Suite struct ShowNotesCreditsTests {
    static let credits = [
        "<p>Edited by Sam Lee. Music by Blue Dot Sessions.</p>",
        "<p>Producer: Keiran Harris.</p><p>Audio mastering: Ben Cordell.</p>",
        "<p>The Harbour Hour is produced by Jo Reyes and Sam Lee.</p>",
        "<p>Theme music by Lena Ortiz<br>Cover art by Tom Baker</p>",
        "<p>Hosted and produced by Jo Reyes. Mixed and mastered by Sam Lee.</p>",
        "<p>Music: “Harbour Lights” by Blue Dot Sessions (CC BY 4.0)<br>Artwork: harbour.fm/art</p>",
        "<p>Thanks for listening!</p>",
        "<p>Until next time, stay curious.</p>",
        "<p>#harbour #history #podcast</p>",
        "<p>Music by Blue Dot Sessions.</p><p>Bis zum nächsten Mal!</p>",
    ]

    @Test(arguments: credits) func boilerplateAboveCreditsGoes(credits: String) {
        let noise = "<p>Follow us on Instagram <a href=\"https://instagram.com/harbour\">@harbourpod</a></p>"
            + "<p>Rate and review us on Apple Podcasts!</p>"
        let article = clean(BoilerplateFamilyTests.bodyHTML + noise + credits)
        #expect(article.text.hasPrefix(bodyParagraph + "\n\n" + BoilerplateFamilyTests.secondParagraph + "\n\n"), "\(article.removedWhat)")
        #expect(!article.text.contains("Instagram"), "\(article.removedWhat)")
        #expect(!article.text.contains("Apple Podcasts"), "\(article.removedWhat)")
        #expect(article.text.hasSuffix(WordingFamilyTests.textOf(credits.replacingOccurrences(of: "</p><p>", with: "\n\n")
            .replacingOccurrences(of: "<br>", with: "\n"))), "\(article.text)")
    }

    /// A last paragraph that says who made something, but as a sentence of the article, is no
    /// credit: it stays, and the tail rules do not look past it at the review appeal above it.
    @Test(arguments: [
        "<p>The new harbour wall was designed by engineers from three countries.</p>",
        "<p>Edited by Sam Lee. Thanks to everyone who wrote in about the ferry timetable, we read every letter.</p>",
    ]) func aSentenceThatIsNoCreditEndsTheTail(last: String) {
        let appeal = "<p>Enjoying the show? Tell a friend about it!</p>"
        let article = clean(BoilerplateFamilyTests.bodyHTML + appeal + last)
        #expect(article.text.contains("Enjoying the show? Tell a friend about it!"), "\(article.removedWhat)")
        #expect(article.text.hasSuffix(WordingFamilyTests.textOf(last)), "\(article.removedWhat)")
    }

    /// The last chapter's start time above the credits stays ("Outro", "03:06:30", "Erstellt von: Max").
    @Test func aChapterTimeAboveCreditsStays() {
        let article = clean(BoilerplateFamilyTests.bodyHTML + "<h3>Outro</h3><p>03:06:30</p><p>Erstellt von: Max</p>")
        #expect(article.text.contains("03:06:30"), "\(article.removedWhat)")
        #expect(article.text.hasSuffix("Erstellt von: Max"), "\(article.removedWhat)")
    }

    /// Credits and the prose above them stay when there is no boilerplate.
    @Test func creditsUnderProseStay() {
        let credits = "<p>Edited by Sam Lee. Music by Blue Dot Sessions.</p>"
        let article = clean(BoilerplateFamilyTests.bodyHTML + "<p>Follow the river north and you reach the old mill, built by monks.</p>" + credits)
        #expect(article.text.contains("Follow the river north"), "\(article.removedWhat)")
        #expect(article.text.contains("Music by Blue Dot Sessions."), "\(article.removedWhat)")
    }
}
