import Foundation
import Testing

/// `backlog` end to end: a feed's first successful poll delivers only its
/// newest entries (20 by default), the others never arrive, and what the
/// feed publishes afterwards is delivered as usual.
@Suite struct OnceBacklogTests {
    /// A podcast feed of `episodes`, listed oldest first (as some podcast
    /// hosts do, so "newest" must come from the dates), episode N published
    /// N days after 2024-01-01.
    static func podcast(_ episodes: ClosedRange<Int>, titled: (Int) -> String = { "Episode \($0)" }) -> String {
        let format = DateFormatter()
        format.locale = Locale(identifier: "en_US_POSIX")
        format.timeZone = TimeZone(identifier: "UTC")
        format.dateFormat = "EEE, dd MMM yyyy HH:mm:ss Z"
        let items = episodes.map { number in
            let date = format.string(from: Date(timeIntervalSince1970: 1_704_067_200 + Double(number) * 86_400))
            return """
                <item><title>\(titled(number))</title><guid>urn:uptime:\(number)</guid>
                <link>https://uptime.example.org/\(number)</link><pubDate>\(date)</pubDate>
                <enclosure url="https://uptime.example.org/\(number).mp3" length="1000" type="audio/mpeg"/>
                <description>Show notes of episode \(number).</description></item>
                """
        }
        return """
            <?xml version="1.0"?><rss version="2.0"><channel><title>Uptime Stories</title>
            <link>https://uptime.example.org/</link>\(items.joined(separator: "\n"))</channel></rss>
            """
    }

    /// Serves `text` as `www/name`.
    static func serve(_ text: String, as name: String, in workspace: OnceWorkspace) throws {
        try Data(text.utf8).write(to: workspace.www.appendingPathComponent(name))
    }

    /// The episode numbers of the articles in `spool/new` of `feed`, sorted.
    static func episodes(in workspace: OnceWorkspace, feed: String = "cast") throws -> [Int] {
        try workspace.articles().filter { $0.feedName == feed }
            .compactMap { $0.guid.flatMap { Int($0.dropFirst("urn:uptime:".count)) } }.sorted()
    }

    @Test func theFirstPollOfAHundredEpisodesDeliversTheTwentyNewestAndNeverTheOthers() async throws {
        let workspace = try await OnceWorkspace()
        try Self.serve(Self.podcast(1...100), as: "cast.rss", in: workspace)
        // /plain/ has no validators: every run reads the whole document again.
        try workspace.configure("\(workspace.url("/plain/cast.rss")) name=cast")

        let first = try await workspace.once()
        #expect(first.status == 0)
        #expect(first.stderr == "")
        #expect(try Self.episodes(in: workspace) == Array(81...100))
        _ = try workspace.consume()

        #expect(try await workspace.once().status == 0)
        #expect(try workspace.newFileNames().isEmpty, "nothing of the back catalogue, later either")

        try Self.serve(Self.podcast(1...101), as: "cast.rss", in: workspace)
        #expect(try await workspace.once().status == 0)
        #expect(try Self.episodes(in: workspace) == [101])
    }

    @Test func backlogAllDeliversTheWholeFirstDocument() async throws {
        let workspace = try await OnceWorkspace()
        try Self.serve(Self.podcast(1...100), as: "cast.rss", in: workspace)
        try workspace.configure("backlog = all\n\(workspace.url("/plain/cast.rss")) name=cast")
        #expect(try await workspace.once().status == 0)
        #expect(try Self.episodes(in: workspace) == Array(1...100))
    }

    @Test func aFeedOptionOverridesTheSetting() async throws {
        let workspace = try await OnceWorkspace()
        try Self.serve(Self.podcast(1...30), as: "cast.rss", in: workspace)
        try Self.serve(Self.podcast(1...30), as: "archive.rss", in: workspace)
        try Self.serve(Self.podcast(1...30), as: "quiet.rss", in: workspace)
        try workspace.configure("""
            backlog = 3
            \(workspace.url("/plain/cast.rss")) name=cast
            \(workspace.url("/plain/archive.rss")) name=archive backlog=all
            \(workspace.url("/plain/quiet.rss")) name=quiet backlog=0
            """)
        #expect(try await workspace.once().status == 0)
        #expect(try Self.episodes(in: workspace, feed: "cast") == [28, 29, 30])
        #expect(try Self.episodes(in: workspace, feed: "archive") == Array(1...30))
        #expect(try Self.episodes(in: workspace, feed: "quiet") == [])

        try Self.serve(Self.podcast(1...31), as: "quiet.rss", in: workspace)
        _ = try workspace.consume()
        #expect(try await workspace.once().status == 0)
        #expect(try Self.episodes(in: workspace, feed: "quiet") == [31])
        #expect(try workspace.articles().count == 1)
    }

    @Test func aFeedAddedToAnExistingConfigurationGetsTheCutOnItsFirstPoll() async throws {
        let workspace = try await OnceWorkspace()
        try workspace.serve("notes.rss")
        try Self.serve(Self.podcast(1...50), as: "cast.rss", in: workspace)
        let notes = "\(workspace.url("/plain/notes.rss")) name=notes"
        try workspace.configure("backlog = 5\n" + notes)
        #expect(try await workspace.once().status == 0)
        #expect(try workspace.consume().count == 3)

        try workspace.configure("backlog = 5\n\(notes)\n\(workspace.url("/plain/cast.rss")) name=cast")
        #expect(try await workspace.once().status == 0)
        #expect(try Self.episodes(in: workspace) == Array(46...50))
        #expect(try workspace.articles().count == 5, "nothing more of notes")
    }

    @Test func aFeedWhoseFirstPollFailedGetsTheCutOnItsFirstSuccessfulOne() async throws {
        let workspace = try await OnceWorkspace()
        try Self.serve(Self.podcast(1...50), as: "cast.rss", in: workspace)
        try workspace.setStatus("503", for: "cast.rss")
        try workspace.configure("backlog = 4\n\(workspace.url("/feeds/cast.rss")) name=cast")
        let failed = try await workspace.once()
        #expect(failed.status == 1)
        #expect(failed.stderr.contains("cast: HTTP 503"))

        try workspace.setStatus(nil, for: "cast.rss")
        #expect(try await workspace.once(["cast"]).status == 0)
        #expect(try Self.episodes(in: workspace) == Array(47...50))
    }

    @Test func theBackCatalogueIsNotDeliveredWhenItChangesWithUpdatesOn() async throws {
        let workspace = try await OnceWorkspace()
        try Self.serve(Self.podcast(1...10), as: "cast.rss", in: workspace)
        try workspace.configure("\(workspace.url("/plain/cast.rss")) name=cast updates=yes backlog=2")
        #expect(try await workspace.once().status == 0)
        #expect(try Self.episodes(in: workspace) == [9, 10])
        _ = try workspace.consume()

        try Self.serve(Self.podcast(1...10) { "Episode \($0) (remastered)" }, as: "cast.rss", in: workspace)
        #expect(try await workspace.once().status == 0)
        let updates = try workspace.articles()
        #expect(updates.compactMap(\.guid).sorted() == ["urn:uptime:10", "urn:uptime:9"])
        #expect(updates.allSatisfy { $0.kind == "update" })
    }

    /// A kill at any step of the first delivery, then a normal run: the
    /// newest arrive exactly once and the back catalogue never.
    @Test(arguments: ["1:1", "2:1", "3:1", "4:1"])
    func aCrashDuringTheFirstDeliveryNeverLetsTheBackCatalogueThrough(point: String) async throws {
        let workspace = try await OnceWorkspace()
        try Self.serve(Self.podcast(1...40), as: "cast.rss", in: workspace)
        try workspace.configure("backlog = 3\n\(workspace.url("/plain/cast.rss")) name=cast")
        let killed = try await workspace.once(environment: ["FEEDSPOOL_CRASH_AT": point])
        #expect(killed.status == 137)

        #expect(try await workspace.once().status == 0)
        #expect(try Self.episodes(in: workspace) == [38, 39, 40])
        #expect(try await workspace.once().status == 0)
        #expect(try workspace.articles().count == 3)
        #expect(try workspace.temporaryFileNames().isEmpty)
    }
}
