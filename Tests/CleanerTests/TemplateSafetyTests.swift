import Testing
@testable import Cleaner

/// What a feed template must never take: text that differs between entries
/// (a version, a count, a link), blocks in the middle of an entry, part of
/// a list, most of an entry. Regressions of a release-announcement feed whose
/// template took every entry's opening paragraph, its download links and
/// "Highlights include:" (they had the same shape in every release), and of a
/// feed of short same-shape entries delivered with no text at all, and of
/// real feeds whose credits, sign-offs and install instructions, the same
/// in every entry, were taken as template: a template block goes only with
/// a boilerplate signal of its own (`TemplateSignal`).
/// `Releases/` holds six announcements of one project: same wording, other
/// versions, counts, links and highlights; the same last bullet and the
/// same thanks line.
@Suite struct TemplateSafetyTests {
    private static func releases() throws -> [String] {
        try (1...6).map { try Fixture.text("Releases/release-\($0).html") }
    }

    @Test func releaseAnnouncementsKeepAllTheirTextWithTheirIdenticalThanksLine() throws {
        // The thanks line is identical in every release, at the tail, and
        // plain prose: no signal besides repetition, so it stays.
        let entries = try Self.releases()
        let template = FeedTemplate(learningFrom: entries)
        #expect(!template.isEmpty)
        let without = entries.map { clean($0) }
        for (entry, plain) in zip(entries, without) {
            let article = clean(entry, template: template)
            #expect(article.removed.isEmpty)
            #expect(article.text == plain.text)
            #expect(article.text.hasSuffix("\n\nThanks to everyone who reported bugs, tested release candidates and sent "
                + "patches. — The Spoolkit release team"))
            #expect(article.text.hasPrefix("The Spoolkit project is pleased to announce the availability of the Spoolkit "))
            #expect(article.text.contains("The release can be downloaded from the download page"))
            #expect(article.text.contains("Highlights include:\n\n- "))
            #expect(article.text.contains("- Many bug fixes and documentation improvements.\n\n"))
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
        let entry = "<p>New episode of the Night Shift podcast is out now.</p><p>It runs for forty minutes.</p>"
        let template = FeedTemplate(learningFrom: Array(repeating: entry, count: 4))
        let article = clean(entry, template: template)
        #expect(article.text == "New episode of the Night Shift podcast is out now.\n\nIt runs for forty minutes.")
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
            <p><a href="https://spoolkit.example.org/issues">Report problems on the issue tracker</a></p>
            """
        }
        let template = FeedTemplate(learningFrom: entries)
        let article = clean(entries[0], template: template)
        #expect(article.text.hasSuffix("- Faster start-up on machines with 100 feeds.\n- Smaller memory use."))
        #expect(article.removed.map(\.text) == ["Report problems on the issue tracker"])
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

        // Short links ("Archive") go with a longer block of links, not alone.
        let linked = (1...4).map { day in
            """
            <p>Day \(day) of the conference: the talks on storage engines were the best attended, again, by far.</p>
            <p><a href="https://nightshift.example.org/archive">Archive</a></p>
            """
        }
        #expect(clean(linked[1], template: FeedTemplate(learningFrom: linked)).text.hasSuffix("Archive"))
        let footed = (1...4).map { day in
            """
            <p>Day \(day) of the conference: the talks on storage engines were the best attended, again, by far.</p>
            <hr><p><a href="https://nightshift.example.org/archive">Archive</a></p>
            <p><a href="https://nightshift.example.org/">Night Shift Notes, from the conference hall</a></p>
            """
        }
        let article = clean(footed[1], template: FeedTemplate(learningFrom: footed))
        #expect(article.text == "Day 2 of the conference: the talks on storage engines were the best attended, again, by far.")
        #expect(article.removed.map(\.text) == ["Archive", "Night Shift Notes, from the conference hall"])

        // A short sign-off and a signature in plain words stay: repeated, not boilerplate.
        let signed = (1...4).map { day in
            """
            <p>Day \(day) of the conference: the talks on storage engines were the best attended, again, by far.</p>
            <hr><p>More soon.</p><p>Sent from the conference hall by the Night Shift Notes team.</p>
            """
        }
        #expect(clean(signed[1], template: FeedTemplate(learningFrom: signed)).removed.isEmpty)
    }

    @Test func aSectionRepeatedAsOneUnitInTheMiddleGoes() {
        let topics = ["queues", "caches", "logs", "locks", "clocks"]
        let entries = topics.map { topic in
            """
            <p>This week's long read is about \(topic), and why every team rediscovers the same three mistakes.</p>
            <h3>A word from our sponsor</h3>
            <p>Harbourline runs managed Postgres for small teams; readers get three months free at harbourline.example.com.</p>
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
            <p>Harbourline runs managed Postgres for small teams; readers get three months free at harbourline.example.com.</p>
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
            <ul><li><a href="https://harbourline.example.com/">Harbourline</a>: managed Postgres for small teams</li>
            <li><a href="https://tidewater.example.com/">Tidewater</a>: tide tables as a service</li></ul>
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

    @Test func repeatedCreditsAndSignOffStayWhileTheFeedFooterGoes() {
        // A video site's credits and a blogger's sign-off close every entry,
        // word for word, above a footer of links and addresses.
        let entries = (1...4).map { number in
            """
            <p>Part \(number) of the build log: the case, the fans, and the \(number * 10) hours it took. We tried \
            three layouts before one kept the graphics card under eighty degrees, and the quietest of them was \
            the one with the fewest fans, which surprised everyone who worked on it.</p>
            <h4>Credits</h4><h5>Test Lead, Host, Writing</h5><p>Steve Burke</p><h5>Video Editing</h5><p>Vitalii M.</p>
            <p>— Luke</p>
            <p>Thank you for reading via RSS. Browse the site at <a href="https://luke.example.com">luke.example.com</a> \
            or write to <a href="mailto:luke@luke.example.com">luke@luke.example.com</a>.</p>
            """
        }
        let template = FeedTemplate(learningFrom: entries)
        let article = clean(entries[2], template: template)
        #expect(article.text == """
            Part 3 of the build log: the case, the fans, and the 30 hours it took. We tried three layouts \
            before one kept the graphics card under eighty degrees, and the quietest of them was the one with \
            the fewest fans, which surprised everyone who worked on it.

            Credits

            Test Lead, Host, Writing

            Steve Burke

            Video Editing

            Vitalii M.

            — Luke
            """)
        #expect(article.removed.map(\.rule) == ["feed-template"])
    }

    @Test func repeatedInstructionsTheEntryIntroducesStay() {
        // Every release ends its notes with the same install links, under
        // the release's own "…:" line; a reader needs them.
        let entries = (1...4).map { minor in
            """
            <p>Tails 4.\(minor) fixes many security vulnerabilities. You should upgrade as soon as possible.</p>
            <p>If you don't need installation or upgrade instructions, you can download Tails 4.\(minor) directly:</p>
            <ul><li><a href="https://tails.example.org/install/download/">For USB sticks (USB image)</a></li>
            <li><a href="https://tails.example.org/install/download-iso/">For DVDs and virtual machines (ISO image)</a></li></ul>
            <p>Tails 4.\(minor + 1) is scheduled for the \(minor)th of next month.</p>
            """
        }
        let template = FeedTemplate(learningFrom: entries)
        #expect(template.sections.count == 1)
        let article = clean(entries[1], template: template)
        #expect(article.text.contains("- For USB sticks (USB image)\n- For DVDs and virtual machines (ISO image)"))
        #expect(article.removed.isEmpty)
    }

    @Test func aRepeatedSectionOfPlainProseInTheMiddleStays() {
        // The same paragraph and heading in every entry, as one unit: the
        // project's standing instructions, not boilerplate.
        let entries = (1...4).map { minor in
            """
            <p>Version 4.\(minor) is out with \(minor * 7) fixes, among them the long-awaited repair of the \
            persistent storage on sticks that were unplugged while writing.</p>
            <h2>To upgrade your USB stick</h2>
            <p>Automatic upgrades are available from earlier versions; if one fails, do a manual upgrade instead.</p>
            <p>Version 4.\(minor + 1) comes next month, with a new installer and the \(minor)th round of translations \
            from the volunteers who keep the documentation readable in thirty languages.</p>
            """
        }
        let template = FeedTemplate(learningFrom: entries)
        #expect(template.sections.count == 1)
        #expect(clean(entries[0], template: template).removed.isEmpty)
    }

    @Test func cleaningThatLeavesNoTextFallsBackAndSaysSo() {
        // The template takes less than two thirds; the boundary rules then
        // take the rest, a comment-form tail.
        let entries = (1...4).map { number in
            """
            <p><a href="https://harbourline.example.com/">Harbourline, managed Postgres</a></p>
            <p>Post \(number) of the series on backups that work.</p>
            """
        }
        let template = FeedTemplate(learningFrom: entries)
        let input = """
            <p><a href="https://harbourline.example.com/">Harbourline, managed Postgres</a></p>
            <h3>Leave a Reply</h3>
            <p>Your email address will not be published. Required fields are marked *</p>
            """
        let cleaner = Cleaner()
        let cleaned = cleaner.clean(input, template: template)
        #expect(cleaned.text == "")
        let kept = cleaner.keepingText(cleaned, of: input, baseURL: nil, template: template)
        #expect(kept.text == "Harbourline, managed Postgres")
        #expect(kept.removed.last?.rule == "fallback")
        #expect(kept.removed.last?.what == "cleaning with the feed template left no text, so the entry was cleaned without it")

        // Without a template, the fallback is the sanitised entry.
        let reply = "<h3>Leave a Reply</h3><p>Your email address will not be published.</p>"
        let sanitised = cleaner.keepingText(cleaner.clean(reply), of: reply, baseURL: nil, template: nil)
        #expect(sanitised.text == "Leave a Reply\n\nYour email address will not be published.")
        #expect(sanitised.removed.map(\.rule) == ["fallback"])

        // An entry whose only text is a link to its comments has no text of its own.
        for link in [#"<a href="https://news.example/item?id=4182">Comments</a>"#,
                     #"<p><a href="https://blog.example/p#comments">12 Comments</a></p>"#] {
            let cleaned = cleaner.clean(link)
            #expect(cleaned.text == "")
            #expect(cleaner.keepingText(cleaned, of: link, baseURL: nil, template: nil) == cleaned)
        }
        // So has a link post of a news aggregator, whose lines are all about the entry.
        for post in [
            #"<p>Article URL: <a href="https://example.org/ferry">https://example.org/ferry</a></p><p>Comments URL: "#
                + #"<a href="https://news.example/item?id=4182">https://news.example/item?id=4182</a></p>"#
                + "<p>Points: 87</p><p># Comments: 64</p>",
            #" &#32; submitted by &#32; <a href="https://www.reddit.com/user/ana"> /u/ana </a> &#32; to &#32; "#
                + #"<a href="https://www.reddit.com/r/harbour/"> r/harbour </a> <br/> <span><a href="https://i.redd.it/1.jpg">"#
                + #"[link]</a></span> &#32; <span><a href="https://www.reddit.com/r/harbour/comments/1/">[comments]</a></span>"#,
        ] {
            let cleaned = cleaner.clean(post)
            #expect(cleaned.text == "")
            #expect(cleaner.keepingText(cleaned, of: post, baseURL: nil, template: nil) == cleaned)
            // Learnt as the feed's template too, the lines are no text of the entry's own.
            let template = FeedTemplate(learningFrom: Array(repeating: post, count: 4))
            #expect(!cleaner.keepingText(cleaner.clean(post, template: template), of: post, baseURL: nil, template: template).hasText)
        }
        // A post with words of its own over the footer is delivered with them.
        let selfPost = "<p>Does anyone know why the lighthouse keeps its lamp on during the day?</p>"
            + #"<p>submitted by <a href="https://www.reddit.com/user/ana">/u/ana</a></p>"#
        #expect(cleaner.keepingText(cleaner.clean(selfPost), of: selfPost, baseURL: nil, template: nil).text
            == "Does anyone know why the lighthouse keeps its lamp on during the day?")

        // A link whose words are the article's own is delivered.
        let story = #"<p><a href="https://news.example/item?id=4182">Comments on the ferry timetable are due by Friday</a></p>"#
        #expect(cleaner.keepingText(cleaner.clean(story), of: story, baseURL: nil, template: nil).hasText)

        // An entry without text stays without.
        let image = #"<p><img src="https://example.org/photo.jpg" alt=""></p>"#
        let picture = cleaner.clean(image)
        #expect(cleaner.keepingText(picture, of: image, baseURL: nil, template: nil) == picture)
    }
}
