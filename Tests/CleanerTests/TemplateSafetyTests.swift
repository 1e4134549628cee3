import Testing
@testable import Cleaner

/// What a feed template must never take: text that differs between entries
/// (a version, a count, a link), blocks in the middle of an entry, part of
/// a list, most of an entry. Regressions of a release-announcement feed whose
/// template took every entry's opening paragraph, its download links and
/// "Highlights include:" (they had the same shape in every release), and of a
/// feed of short same-shape entries delivered with no text at all.
/// `Releases/` holds six announcements of one project: same wording, other
/// versions, counts, links and highlights; the same last bullet and the
/// same thanks line.
@Suite struct TemplateSafetyTests {
    private static func releases() throws -> [String] {
        try (1...6).map { try Fixture.text("Releases/release-\($0).html") }
    }

    @Test func releaseAnnouncementsKeepEverythingButTheirIdenticalThanksLine() throws {
        let entries = try Self.releases()
        let template = FeedTemplate(learningFrom: entries)
        let without = entries.map { clean($0) }
        for (entry, plain) in zip(entries, without) {
            let article = clean(entry, template: template)
            #expect(article.removed.map(\.rule) == ["feed-template"])
            #expect(article.removed.first?.text.hasPrefix("Thanks to everyone who reported bugs") == true)
            #expect(plain.text.hasSuffix("\n\nThanks to everyone who reported bugs, tested release candidates and sent "
                + "patches. — The Spoolkit release team"))
            #expect(article.text == plain.text.components(separatedBy: "\n\nThanks to everyone").first)
            #expect(article.text.hasPrefix("The Spoolkit project is pleased to announce the availability of the Spoolkit "))
            #expect(article.text.contains("The release can be downloaded from the download page"))
            #expect(article.text.contains("Highlights include:\n\n- "))
            #expect(article.text.hasSuffix("- Many bug fixes and documentation improvements."))
        }
        // The links of the download paragraph stay, each release's own.
        let first = clean(entries[0], template: template)
        #expect(first.html.contains("https://spoolkit.example.org/download/10.1.0/"))
        #expect(first.html.contains("https://spoolkit.example.org/changelog/10.1.0.html"))
    }

    @Test func shortEntriesOfOneShapeKeepAllTheirText() {
        // Same words, other version, counts and link in each: nothing is
        // identical, so nothing is template, though every entry looks alike.
        let entries = (1...6).map { release in
            """
            <p>Spoolkit 2.4.\(release) is out with \(release * 3 + 2) fixes from \(release + 4) contributors.</p>
            <p><a href="https://spoolkit.example.org/releases/2.4.\(release)">Read the release notes</a></p>
            """
        }
        let template = FeedTemplate(learningFrom: entries)
        #expect(template.isEmpty)
        for (release, entry) in zip(1..., entries) {
            let article = clean(entry, template: template)
            #expect(article.text == """
                Spoolkit 2.4.\(release) is out with \(release * 3 + 2) fixes from \(release + 4) contributors.

                Read the release notes
                """)
            #expect(article.removed.isEmpty)
        }
    }

    @Test func anEntryMostlyMadeOfTemplateBlocksIsKeptWholeAndSaysSo() {
        // The identical opening is three quarters of each entry: the shape of
        // the feed, not a frame around it.
        let entries = (1...5).map { release in
            """
            <p>A new version of Spoolkit, the feed spooler for small servers, is available for download today.</p>
            <p>This is version 3.\(release).</p>
            """
        }
        let template = FeedTemplate(learningFrom: entries)
        #expect(template.fingerprints.count == 1)
        let article = clean(entries[2], template: template)
        #expect(article.text == """
            A new version of Spoolkit, the feed spooler for small servers, is available for download today.

            This is version 3.3.
            """)
        #expect(article.removed.map(\.rule) == ["feed-template-kept"])
        #expect(article.removed.first?.chars == 0)
        #expect(article.removed.first?.what
            == "feed template kept: its blocks are 83% of this entry's text (more than two thirds), so the entry is delivered whole")
    }

    @Test func anEntryThatIsOnlyTemplateBlocksIsKeptWhole() {
        let entry = "<p>New episode of the Night Shift podcast is out now.</p><p>Listen wherever you get your podcasts.</p>"
        let template = FeedTemplate(learningFrom: Array(repeating: entry, count: 4))
        let article = clean(entry, template: template)
        #expect(article.text == "New episode of the Night Shift podcast is out now.\n\nListen wherever you get your podcasts.")
        #expect(article.removed.map(\.rule) == ["feed-template-kept"])
    }

    @Test func anIdenticalBlockInTheMiddleStays() {
        let entries = (1...5).map { issue in
            """
            <p>Issue \(issue): this week we looked at \(["queues", "caches", "logs", "locks", "clocks"][issue - 1]) \
            and what breaks first when they fill up.</p>
            <p>As always, the summary of the discussion follows below.</p>
            <p>Everyone agreed that \(["queues", "caches", "logs", "locks", "clocks"][issue - 1]) need a limit \
            and an alarm before they need anything else, and we wrote down what the limit should be.</p>
            """
        }
        let template = FeedTemplate(learningFrom: entries)
        #expect(template.fingerprints.count == 1)
        for entry in entries {
            let article = clean(entry, template: template)
            #expect(article.text.contains("As always, the summary of the discussion follows below."))
            #expect(article.removed.isEmpty)
        }
    }

    @Test func theIdenticalLastItemOfAListStaysWithItsList() {
        let entries = (1...4).map { release in
            """
            <p>Changes in version 5.\(release), released this morning after the usual week of testing:</p>
            <ul><li>Faster start-up on machines with \(release * 100) feeds.</li><li>Smaller memory use.</li></ul>
            <p>Report problems on the issue tracker of the project; we read every one of them.</p>
            """
        }
        let template = FeedTemplate(learningFrom: entries)
        let article = clean(entries[0], template: template)
        #expect(article.text.hasSuffix("- Faster start-up on machines with 100 feeds.\n- Smaller memory use."))
        #expect(article.removed.map(\.text) == ["Report problems on the issue tracker of the project; we read every one of them."])
    }

    @Test func aShortIdenticalBlockGoesOnlyWithALongerOne() {
        let entries = (1...4).map { day in
            """
            <p>Day \(day) of the conference: the talks on storage engines were the best attended, again, by far.</p>
            <p>More soon.</p>
            """
        }
        let template = FeedTemplate(learningFrom: entries)
        #expect(!template.isEmpty)
        #expect(clean(entries[1], template: template).text.hasSuffix("More soon."))

        let signed = (1...4).map { day in
            """
            <p>Day \(day) of the conference: the talks on storage engines were the best attended, again, by far.</p>
            <hr><p>More soon.</p><p>Sent from the conference hall by the Night Shift Notes team.</p>
            """
        }
        let article = clean(signed[1], template: FeedTemplate(learningFrom: signed))
        #expect(article.text == "Day 2 of the conference: the talks on storage engines were the best attended, again, by far.")
        #expect(article.removed.count == 3, "the rule, the short line and the signature")
    }

    @Test func aSectionRepeatedAsOneUnitInTheMiddleGoes() {
        let topics = ["queues", "caches", "logs", "locks", "clocks"]
        let entries = topics.map { topic in
            """
            <p>This week's long read is about \(topic), and why every team rediscovers the same three mistakes.</p>
            <h3>A word from our sponsor</h3>
            <p>Harbourline runs managed Postgres for small teams; readers get three months free.</p>
            <p>The short version: put a bound on \(topic), measure how full they are, and alert before they \
            overflow rather than after.</p>
            <p>Back next week with more about \(topic).</p>
            """
        }
        let template = FeedTemplate(learningFrom: entries)
        #expect(template.sections.count == 1)
        let article = clean(entries[3], template: template)
        #expect(!article.text.contains("sponsor"))
        #expect(!article.text.contains("Harbourline"))
        #expect(article.text.hasPrefix("This week's long read is about locks"))
        #expect(article.text.hasSuffix("Back next week with more about locks."))
        #expect(article.removed.count == 2)

        // The same two blocks in an entry that holds only one of them, or
        // holds them apart, are no section: they stay.
        let apart = """
            <p>This week's long read is about clocks, and why every team rediscovers the same three mistakes.</p>
            <h3>A word from our sponsor</h3>
            <p>Clocks drift; they drift more when the machine is busy, which is when you need them most.</p>
            <p>Harbourline runs managed Postgres for small teams; readers get three months free.</p>
            <p>Back next week with more about clocks.</p>
            """
        #expect(clean(apart, template: template).removed.isEmpty)
    }

    @Test func anIdenticalLabelStaysWithTheListItIntroduces() {
        // Podcast show notes: the same opening line and the same sponsor
        // section in every episode, each introducing the episode's own list.
        let episodes = [["launch dates", "launch anxiety"], ["microphones", "rooms"], ["editing", "music"],
                        ["guests", "interviews"], ["feeds", "directories"]]
        let entries = episodes.map { topics in
            """
            <p>In this episode we cover:</p>
            <ul><li>How to choose \(topics[0])</li><li>What to do about \(topics[1])</li></ul>
            <p>Show sponsors:</p>
            <ul><li>Harbourline: managed Postgres for small teams</li><li>Tidewater: tide tables as a service</li></ul>
            <p>Links and picks:</p>
            <ul><li>A long read about \(topics[0])</li></ul>
            """
        }
        let template = FeedTemplate(learningFrom: entries)
        let article = clean(entries[1], template: template)
        #expect(article.text == """
            In this episode we cover:

            - How to choose microphones
            - What to do about rooms

            Links and picks:

            - A long read about microphones
            """)
        #expect(article.removed.map(\.text) == [
            "Show sponsors:", "Harbourline: managed Postgres for small teams", "Tidewater: tide tables as a service",
        ])
    }

    @Test func cleaningThatLeavesNoTextFallsBackAndSaysSo() {
        // The template takes less than two thirds; the boundary rules then
        // take the rest, a comment-form tail.
        let entries = (1...4).map { number in
            """
            <p>Sponsored by Harbourline, managed Postgres.</p>
            <p>Post \(number) of the series on backups that work.</p>
            """
        }
        let template = FeedTemplate(learningFrom: entries)
        let input = """
            <p>Sponsored by Harbourline, managed Postgres.</p>
            <h3>Leave a Reply</h3>
            <p>Your email address will not be published. Required fields are marked *</p>
            """
        let cleaner = Cleaner()
        let cleaned = cleaner.clean(input, template: template)
        #expect(cleaned.text == "")
        let kept = cleaner.keepingText(cleaned, of: input, baseURL: nil, template: template)
        #expect(kept.text == "Sponsored by Harbourline, managed Postgres.")
        #expect(kept.removed.last?.rule == "fallback")
        #expect(kept.removed.last?.what == "cleaning with the feed template left no text, so the entry was cleaned without it")

        // Without a template, the fallback is the sanitised entry.
        let reply = "<h3>Leave a Reply</h3><p>Your email address will not be published.</p>"
        let sanitised = cleaner.keepingText(cleaner.clean(reply), of: reply, baseURL: nil, template: nil)
        #expect(sanitised.text == "Leave a Reply\n\nYour email address will not be published.")
        #expect(sanitised.removed.map(\.rule) == ["fallback"])

        // An entry without text stays without.
        let image = #"<p><img src="https://example.org/photo.jpg" alt=""></p>"#
        let picture = cleaner.clean(image)
        #expect(cleaner.keepingText(picture, of: image, baseURL: nil, template: nil) == picture)
    }
}
