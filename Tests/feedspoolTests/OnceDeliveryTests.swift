import Foundation
import Testing

/// `feedspool once` against a real server, spool and state: every entry
/// reaches `spool/new` once, as the file docs/spool.md describes, and the
/// next run delivers only what is new or, with `updates=yes`, changed. Also
/// which feeds a run polls and how, and what it prints while it does.
@Suite struct OnceDeliveryTests {
    /// The keys of an article file, nested `feed` keys included, in order.
    static let keysInOrder = [
        "schema", "id", "kind", "feed", "name", "url", "title", "link", "tags",
        "guid", "title", "link", "authors", "published", "updated", "categories", "enclosures", "podcast",
        "source", "content_html", "content_text", "summary_text", "removed", "fetched",
    ]

    static let notesGuids = [
        "https://nightshift.example.net/?p=412",
        "https://nightshift.example.net/?p=405",
        "https://nightshift.example.net/?p=398",
    ]

    @Test func theFirstRunDeliversEveryEntryOnceAndTheSecondNothing() async throws {
        let workspace = try await OnceWorkspace()
        try workspace.serve("notes.rss")
        // /plain/ sends no validators: the second run gets the whole feed again.
        let url = workspace.url("/plain/notes.rss")
        try workspace.configure("\(url) name=notes tags=ops,linux")

        let first = try await workspace.once()
        #expect(first.status == 0)
        #expect(first.stderr == "")
        #expect(first.stdout == "")
        let articles = try workspace.articles()
        #expect(articles.compactMap(\.guid).sorted() == Self.notesGuids.sorted())
        for article in articles {
            let id = try #require(article.id)
            #expect(id == (try await articleID(feed: "notes", key: article.guid ?? "")))
            // YYYYmmddTHHMMSSZ of the delivery, which comes after the fetch,
            // then the id.
            let fetched = try #require(article.string("fetched"))
            let fetchStamp = fetched.replacingOccurrences(of: "-", with: "").replacingOccurrences(of: ":", with: "")
            let deliveryStamp = String(article.name.prefix(16))
            #expect(deliveryStamp >= fetchStamp)
            #expect(article.name == "\(deliveryStamp)-\(id.prefix(16)).json")
            #expect(article.name.wholeMatch(of: /\d{8}T\d{6}Z-[0-9a-f]{16}\.json/) != nil)
            #expect(Set(article.object.keys) == Set(Self.keysInOrder).subtracting(["name", "url", "tags"]))
            try expectKeysInContractOrder(article)
            #expect(article.text.hasSuffix("}\n"))
            #expect(article.object["schema"] as? Int == 1)
            #expect(article.kind == "new")
            #expect(article.feedName == "notes")
            #expect(article.feed("url") as? String == url)
            #expect(article.feed("title") as? String == "Night Shift Notes")
            #expect(article.feed("link") as? String == "https://nightshift.example.net")
            #expect(article.feed("tags") as? [String] == ["ops", "linux"])
        }
        let disk = try #require(articles.first { $0.guid == Self.notesGuids[0] })
        #expect(disk.title == "The night the disk filled up")
        #expect(disk.link == "https://nightshift.example.net/2024/12/the-disk-that-filled-up/")
        #expect(disk.object["authors"] as? [String] == ["Ines Barros"])
        #expect(disk.string("published") == "2024-12-02T07:00:00Z")
        #expect(disk.object["updated"] is NSNull)
        #expect(disk.object["categories"] as? [String] == ["Postmortems", "Logging"])
        #expect(disk.string("content_text") == """
            A debug flag left on after an incident wrote 40 GB of logs overnight, and /var filled up at 3 a.m.

            We now cap every service's journal with SystemMaxUse= and alert when a disk passes 80%.
            """)
        #expect(disk.string("summary_text") == "A debug flag left on in production wrote 40 GB of logs overnight.")
        let removed = try #require(disk.object["removed"] as? [[String: Any]])
        #expect(removed.compactMap { $0["what"] as? String } == [
            #"share bar (class "sharedaddy")"#, #"tail: "The post … appeared first on …""#,
        ])
        // The raw HTML is not written: content_html is its sanitised form.
        #expect(disk.object["content"] == nil && disk.object["summary"] == nil)

        let second = try await workspace.once()
        #expect(second.status == 0)
        #expect(second.stderr == "")
        #expect(try workspace.newFileNames() == articles.map(\.name))
        #expect(try workspace.server.requests(for: "/plain/notes.rss").count == 2)
    }

    @Test func anUnchangedFeedAnswers304AndIsNotParsedAgain() async throws {
        let workspace = try await OnceWorkspace()
        try workspace.serve("notes.rss")
        try workspace.configure("\(workspace.url("/feeds/notes.rss")) name=notes")
        #expect(try await workspace.once().status == 0)
        let delivered = try workspace.newFileNames()
        #expect(delivered.count == 3)

        let second = try await workspace.once()
        // A 304 has no body; parsing it would fail as "the document is empty".
        #expect(second.status == 0)
        #expect(second.stderr == "")
        #expect(try workspace.newFileNames() == delivered)
        let requests = try workspace.server.requests(for: "/feeds/notes.rss")
        #expect(requests.count == 2)
        #expect(requests[0].headers["if-none-match"] == nil)
        #expect(requests[0].headers["if-modified-since"] == nil)
        let etag = try #require(requests[1].headers["if-none-match"])
        #expect(etag.wholeMatch(of: /"[0-9a-f]{16}"/) != nil)
        let since = try #require(requests[1].headers["if-modified-since"])
        #expect(since.hasSuffix(" GMT"))
    }

    @Test func anEntryThatAppearsBetweenRunsIsDeliveredAlone() async throws {
        let workspace = try await OnceWorkspace()
        try workspace.serve("notes.rss")
        try workspace.configure("\(workspace.url("/feeds/notes.rss")) name=notes")
        #expect(try await workspace.once().status == 0)
        #expect(try workspace.consume().count == 3)

        try workspace.serve("notes-next.rss", as: "notes.rss")
        let second = try await workspace.once()
        #expect(second.status == 0)
        #expect(second.stderr == "")
        let articles = try workspace.articles()
        #expect(articles.map(\.guid) == ["https://nightshift.example.net/?p=419"])
        #expect(articles.map(\.kind) == ["new"])
        #expect(articles.map(\.title) == ["Why we pin our base images by digest"])
        // The server was asked conditionally, and the changed feed got a 200.
        #expect(try workspace.server.requests(for: "/feeds/notes.rss").last?.headers["if-none-match"] != nil)
    }

    @Test func withUpdatesAChangedEntryIsDeliveredAgainAsAnUpdate() async throws {
        let workspace = try await OnceWorkspace()
        try workspace.serve("notes.rss")
        try workspace.configure("\(workspace.url("/feeds/notes.rss")) name=notes updates=yes")
        #expect(try await workspace.once().status == 0)
        let original = try #require(try workspace.consume().first { $0.guid == Self.notesGuids[1] })

        try workspace.serve("notes-edited.rss", as: "notes.rss")
        let second = try await workspace.once()
        #expect(second.status == 0)
        #expect(second.stderr == "")
        let articles = try workspace.articles()
        try #require(articles.count == 1)
        let update = articles[0]
        #expect(update.kind == "update")
        #expect(update.id == original.id)
        #expect(update.guid == Self.notesGuids[1])
        #expect(update.name != original.name)
        #expect(update.title == "Moving cron jobs to systemd timers (updated)")
        #expect(update.string("content_text")?.hasSuffix("and two more the next morning.") == true)

        let third = try await workspace.once()
        #expect(third.status == 0)
        #expect(try workspace.newFileNames() == [update.name])
    }

    @Test func withoutUpdatesAChangedEntryIsNotDeliveredAgain() async throws {
        let workspace = try await OnceWorkspace()
        try workspace.serve("notes.rss")
        try workspace.configure("\(workspace.url("/feeds/notes.rss")) name=notes")
        #expect(try await workspace.once().status == 0)
        #expect(try workspace.consume().count == 3)

        try workspace.serve("notes-edited.rss", as: "notes.rss")
        let second = try await workspace.once()
        #expect(second.status == 0)
        #expect(second.stderr == "")
        #expect(try workspace.newFileNames() == [])
    }

    @Test func feedsNamedOnTheCommandLineAreTheOnlyOnesPolled() async throws {
        let workspace = try await OnceWorkspace()
        try workspace.serve("notes.rss")
        try workspace.serve("releases.atom")
        try workspace.serve("weekly.rss")
        try workspace.configure("""
            \(workspace.url("/feeds/notes.rss")) name=notes
            \(workspace.url("/feeds/releases.atom")) name=releases
            \(workspace.url("/feeds/weekly.rss")) name=weekly
            """)
        // A name given twice is polled once.
        let result = try await workspace.once(["weekly", "notes", "weekly"])
        #expect(result.status == 0)
        #expect(result.stderr == "")
        #expect(Set(try workspace.articles().compactMap(\.feedName)) == ["notes", "weekly"])
        #expect(try workspace.server.requests(for: "/feeds/releases.atom").isEmpty)
        #expect(try workspace.server.requests(for: "/feeds/weekly.rss").count == 1)

        let rest = try await workspace.once()
        #expect(rest.status == 0)
        #expect(try workspace.articles().count == 3 + 4 + 2)
    }

    @Test func aFileURLFeedIsReadFromDisk() async throws {
        let workspace = try await OnceWorkspace()
        try workspace.serve("releases.atom")
        let file = workspace.www.appendingPathComponent("releases.atom").path
        try workspace.configure("file://\(file) name=local")
        let result = try await workspace.once()
        #expect(result.status == 0)
        #expect(result.stderr == "")
        let articles = try workspace.articles()
        #expect(articles.compactMap(\.title).sorted() == ["pgpool-lite 2.4.0", "pgpool-lite 2.4.1"])
        #expect(articles.allSatisfy { $0.feed("url") as? String == "file://\(file)" })

        let second = try await workspace.once()
        #expect(second.status == 0)
        #expect(try workspace.newFileNames().count == 2)
    }

    @Test func aHostsMinIntervalHoldsBackTheNextRun() async throws {
        let workspace = try await OnceWorkspace()
        try workspace.serve("notes.rss")
        try workspace.configure("""
            [host 127.0.0.1]
            min-interval = 1h
            [defaults]
            \(workspace.url("/feeds/notes.rss")) name=notes
            """)
        let before = Date()
        #expect(try await workspace.once().status == 0)
        let after = Date()
        #expect(try workspace.newFileNames().count == 3)

        // `once` ignores the interval, not the host's min-interval.
        let second = try await workspace.once()
        #expect(second.status == 0)
        let minutes = Set([before, after].map { utcHoursAndMinutes($0.addingTimeInterval(3600)) })
        let line = try #require(second.stderrLines.first)
        let time = String(line.suffix("HH:MM UTC".count).prefix(5))
        #expect(minutes.contains(time))
        #expect(second.stderr == "feedspool: notes: skipped: min-interval allows the next poll at \(time) UTC\n")
        #expect(try workspace.server.requests(for: "/feeds/notes.rss").count == 1)
    }

    @Test func theConfiguredUserAgentIsSent() async throws {
        let workspace = try await OnceWorkspace()
        try workspace.serve("notes.rss")
        try workspace.serve("releases.atom")
        try workspace.configure("""
            user-agent = nightly-digest (ops@example.org)
            \(workspace.url("/feeds/notes.rss")) name=notes
            \(workspace.url("/feeds/releases.atom")) name=releases user-agent="releasebot/2 (ops@example.org)"
            """)
        #expect(try await workspace.once().status == 0)
        #expect(try workspace.server.requests(for: "/feeds/notes.rss").map { $0.headers["user-agent"] }
            == ["nightly-digest (ops@example.org)"])
        #expect(try workspace.server.requests(for: "/feeds/releases.atom").map { $0.headers["user-agent"] }
            == ["releasebot/2 (ops@example.org)"])
    }

    @Test func noProgressLineWhenStandardErrorIsNotATerminal() async throws {
        let workspace = try await OnceWorkspace()
        try workspace.serve("notes.rss")
        try workspace.configure("""
            \(workspace.url("/feeds/notes.rss")) name=notes
            \(workspace.url("/status/404")) name=missing
            """)
        let result = try await workspace.once()
        #expect(result.status == 1)
        #expect(result.stderr == "feedspool: missing: HTTP 404\n")
        #expect(result.stdout == "")
        #expect(try workspace.newFileNames().count == 3)
    }

    @Test(.enabled(if: FileManager.default.isExecutableFile(atPath: "/usr/bin/script"),
                   "needs script(1) from util-linux for a terminal"))
    func onATerminalTheProgressLineIsClearedForTheSummary() async throws {
        let workspace = try await OnceWorkspace()
        try workspace.serve("notes.rss")
        try workspace.configure("""
            \(workspace.url("/feeds/notes.rss")) name=notes
            \(workspace.url("/status/404")) name=missing
            """)
        // script(1) runs feedspool on a pseudo-terminal and copies what it
        // draws to standard output; the terminal turns "\n" into "\r\n".
        let result = try await CommandRunner.run(
            ["-qec", "'\(CommandRunner.binary.path)' once", "/dev/null"],
            in: workspace.folder.url, environment: OnceWorkspace.loopbackOnly,
            executable: URL(fileURLWithPath: "/usr/bin/script"))
        #expect(result.status == 1)
        let clear = "\r\u{1B}[K"
        #expect(result.stdout.hasPrefix(clear + "0/2 feeds, 0 articles"))
        #expect(result.stdout.contains(clear + "feedspool: missing: HTTP 404\r\n"))
        // The line is cleared at the end, leaving the summary alone on its line.
        #expect(result.stdout.hasSuffix("2/2 feeds, 3 articles" + clear + "feedspool: 2 feeds, 3 new, 0 updated, 1 failed\r\n"))
        #expect(try workspace.newFileNames().count == 3)
    }

    /// Every key of the contract appears in the file, in the contract's order.
    private func expectKeysInContractOrder(_ article: SpoolFile) throws {
        var position = article.text.startIndex
        for key in Self.keysInOrder {
            let found = try #require(article.text.range(of: "\"\(key)\":", range: position..<article.text.endIndex),
                                     "\(article.name): \"\(key)\" missing or out of order")
            position = found.upperBound
        }
    }
}
