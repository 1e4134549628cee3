import Foundation
import Testing

/// Which entries `feedspool once` delivers and what their files hold: keys
/// for feeds with repeated or missing guids, the charset of the HTTP
/// header, filters, the cleaner (or not), and a feed recovered from broken XML.
@Suite struct OnceEntryTests {
    @Test func aCharsetOnlyInTheHTTPHeaderIsHonoured() async throws {
        let workspace = try await OnceWorkspace()
        // KOI8-R bytes, and an XML declaration without an encoding: read
        // without the header's charset they would be windows-1252 mojibake.
        try workspace.serve("koi8r.rss")
        try workspace.setContentType("application/rss+xml; charset=KOI8-R", for: "koi8r.rss")
        try workspace.configure("\(workspace.url("/feeds/koi8r.rss")) name=zametki")
        let result = try await workspace.once()
        #expect(result.status == 0)
        #expect(result.stderr == "")
        let articles = try workspace.articles()
        try #require(articles.count == 1)
        #expect(articles[0].title == "Как мы перенесли почту на новый сервер")
        #expect(articles[0].feed("title") as? String == "Заметки админа")
        #expect(articles[0].string("content_text") == "Переезд занял одну ночь и две чашки кофе.")
    }

    @Test func entriesThatRepeatOneGuidAreKeyedByLinkAndEachDeliveredOnce() async throws {
        let workspace = try await OnceWorkspace()
        try workspace.serve("repeated-guids.rss")
        try workspace.configure("\(workspace.url("/plain/repeated-guids.rss")) name=council")
        let first = try await workspace.once()
        #expect(first.status == 0)
        #expect(first.stderr == "")
        let links = [
            "https://council.example.org/notices/mill-lane-closure",
            "https://council.example.org/notices/christmas-waste",
            "https://council.example.org/notices/library-hours",
        ]
        let articles = try workspace.articles()
        #expect(articles.compactMap(\.link).sorted() == links.sorted())
        for article in articles {
            #expect(article.guid == "https://council.example.org/notices/feed")
            #expect(article.id == (try await articleID(feed: "council", key: article.link ?? "")))
        }

        let second = try await workspace.once()
        #expect(second.status == 0)
        #expect(try workspace.newFileNames() == articles.map(\.name))
    }

    @Test func entriesWithoutGuidsAreKeyedByLinkElseByTitleAndContent() async throws {
        let workspace = try await OnceWorkspace()
        // The seed swap is listed twice, with the same link: one article.
        try workspace.serve("no-guids.rss")
        try workspace.configure("\(workspace.url("/plain/no-guids.rss")) name=allotments")
        let first = try await workspace.once()
        #expect(first.status == 0)
        #expect(first.stderr == "")
        let articles = try workspace.articles()
        #expect(articles.compactMap(\.title).sorted() == ["Seed swap on Saturday", "Water is off for the winter"])
        let seeds = try #require(articles.first { $0.title == "Seed swap on Saturday" })
        #expect(seeds.guid == nil)
        #expect(seeds.id == (try await articleID(feed: "allotments", key: "https://allotments.example.org/news/seed-swap")))
        let water = try #require(articles.first { $0.title == "Water is off for the winter" })
        #expect(water.link == nil)
        let digest = try await sha256Hex(Array("Water is off for the winter".utf8) + [0]
            + Array("The troughs are drained until March; please do not open the mains tap.".utf8))
        #expect(water.id == (try await articleID(feed: "allotments", key: "sha256:" + digest)))

        let second = try await workspace.once()
        #expect(second.status == 0)
        #expect(try workspace.newFileNames() == articles.map(\.name))
    }

    /// Regression: the filters ran before the state store saw the entries,
    /// so a feed whose entries share one guid looked unique when a filter
    /// let only one through: keyed by that guid, the next accepted entry
    /// counted as seen (lost), or, once two got through, the first came again.
    @Test func filteredOutEntriesStillShowThatAFeedRepeatsGuids() async throws {
        let workspace = try await OnceWorkspace()
        try workspace.serve("repeated-guids.rss", as: "council.rss")
        try workspace.configure("\(workspace.url("/plain/council.rss")) name=council include=title~^Library")
        #expect(try await workspace.once().status == 0)
        #expect(try workspace.consume().compactMap(\.title) == ["Library opening hours"])

        try workspace.serve("repeated-guids-next.rss", as: "council.rss")
        let second = try await workspace.once()
        #expect(second.status == 0)
        #expect(second.stderr == "")
        let articles = try workspace.articles()
        #expect(articles.compactMap(\.title) == ["Library closed on Boxing Day"])
        #expect(articles.first?.id
            == (try await articleID(feed: "council", key: "https://council.example.org/notices/library-boxing-day")))
    }

    @Test func includeAndExcludeFiltersChooseTheEntries() async throws {
        let workspace = try await OnceWorkspace()
        try workspace.serve("weekly.rss")
        // Either include may match; an exclude wins over an include.
        try workspace.configure("""
            \(workspace.url("/plain/weekly.rss")) name=weekly include="title~(?i)swift" include=category~^Debian$ exclude=category~Sponsored
            """)
        let result = try await workspace.once()
        #expect(result.status == 0)
        #expect(result.stderr == "")
        #expect(try workspace.articles().compactMap(\.title).sorted() == [
            "Debian 13 freeze dates announced", "Swift 6.1 is out with faster builds",
        ])

        let second = try await workspace.once()
        #expect(second.status == 0)
        #expect(try workspace.newFileNames().count == 2)
    }

    @Test func cleanNoKeepsWhatTheCleanerWouldRemove() async throws {
        let workspace = try await OnceWorkspace()
        try workspace.serve("notes.rss")
        try workspace.configure("""
            \(workspace.url("/feeds/notes.rss")) name=cleaned
            \(workspace.url("/plain/notes.rss")) name=raw clean=no
            """)
        let result = try await workspace.once()
        #expect(result.status == 0)
        #expect(result.stderr == "")
        let articles = try workspace.articles().filter { $0.guid == OnceDeliveryTests.notesGuids[0] }
        let cleaned = try #require(articles.first { $0.feedName == "cleaned" })
        let raw = try #require(articles.first { $0.feedName == "raw" })
        #expect(cleaned.string("content_html")?.contains("Share this") == false)
        #expect(cleaned.string("content_text")?.contains("appeared first on") == false)
        #expect((cleaned.object["removed"] as? [Any])?.count == 2)
        // Sanitised only: the share bar and the "appeared first" line stay.
        #expect(raw.string("content_html")?.contains("Share this:") == true)
        #expect(raw.string("content_text")?.hasSuffix("appeared first on Night Shift Notes.") == true)
        #expect((raw.object["removed"] as? [Any])?.isEmpty == true)
    }

    @Test func aFeedRecoveredFromBrokenXMLIsDeliveredWithOneWarningLine() async throws {
        let workspace = try await OnceWorkspace()
        // Cut after its second item: no </channel>, no </rss>.
        try workspace.serve("truncated.rss")
        try workspace.configure("\(workspace.url("/plain/truncated.rss")) name=pkg")
        let warning = "feedspool: warning: pkg: recovered from broken XML: line 19: Premature end of data in tag channel line 3\n"
        let result = try await workspace.once()
        #expect(result.status == 0)
        #expect(result.stderr == warning)
        #expect(try workspace.articles().compactMap(\.title).sorted()
            == ["Reproducible builds for our internal packages", "Why dh_strip stopped stripping"])

        let second = try await workspace.once()
        #expect(second.status == 0)
        #expect(second.stderr == warning)
        #expect(try workspace.newFileNames().count == 2)
    }

    @Test func anEntryCutOffByTheEndOfTheDocumentWaitsUntilItArrivesWhole() async throws {
        let workspace = try await OnceWorkspace()
        let whole = try String(contentsOf: FeedServer.fixtures.appendingPathComponent("truncated.rss"), encoding: .utf8)
            + """
            \t<item>
            \t\t<title>Lintian overrides we keep</title>
            \t\t<guid>https://pkg.example.org/2024/overrides</guid>
            \t\t<description>Three of them, each with the reason in a comment.</description>
            \t</item>
            </channel>
            </rss>
            """
        // The same feed, cut in the middle of the third entry's guid.
        let cut = String(whole[..<whole.range(of: "2024/overr")!.upperBound])
        let file = workspace.www.appendingPathComponent("pkg.rss")
        try Data(cut.utf8).write(to: file)
        try workspace.configure("\(workspace.url("/plain/pkg.rss")) name=pkg")
        let first = try await workspace.once()
        #expect(first.status == 0)
        #expect(first.stderr.hasSuffix("; the document ends inside its last entry, left out until it arrives whole\n"))
        #expect(try workspace.articles().compactMap(\.guid).sorted()
            == ["https://pkg.example.org/2024/dh-strip", "https://pkg.example.org/2024/reproducible"])

        try Data(whole.utf8).write(to: file)
        let second = try await workspace.once()
        #expect(second.status == 0 && second.stderr == "")
        let third = try workspace.articles().filter { $0.guid == "https://pkg.example.org/2024/overrides" }
        #expect(third.count == 1)
        #expect(third.first?.string("content_text") == "Three of them, each with the reason in a comment.")
        #expect(try workspace.newFileNames().count == 3)
    }
}
