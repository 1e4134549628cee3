import Config
import Poller
import Testing

/// Which of the feeds found `add` offers: none configured already, by its URL or where it redirects,
/// and the numbered menu the user picks from.
@Suite struct FeedChoiceTests {
    static let found: [FeedDiscovery.Candidate] = [
        .init(url: "https://example.org/feed", title: "Posts", finalURL: nil),
        .init(url: "https://example.org/old.rss", title: nil, finalURL: "https://example.org/comments.rss"),
        .init(url: "https://example.org/atom.xml", title: nil, finalURL: nil),
        .init(url: "https://example.org/comments.xml", title: "Comments", finalURL: "https://example.org/c.xml"),
    ]

    /// Additions to a configuration that has the second feed's final URL and the third feed.
    static func additions() throws -> (FeedAdditions, DaemonWorld) {
        let world = try DaemonWorld(answers: [:])
        try world.configure("https://example.org/comments.rss name=comments\nhttps://EXAMPLE.org/atom.xml name=atom")
        return (FeedAdditions(existing: try ConfigLoader.load(path: world.configPath).feeds), world)
    }

    @Test func feedsConfiguredByTheirURLOrWhereTheyRedirectAreLeftOutWithALineEach() throws {
        let (additions, world) = try Self.additions()
        let choice = FeedChoice(.page(Self.found), additions: additions)
        #expect(choice.candidates == [Self.found[0], Self.found[3]])
        #expect(choice.configured == [
            "https://example.org/old.rss: already in \(world.configPath):1 as comments",
            "https://example.org/atom.xml: already in \(world.configPath):2 as atom",
        ])
    }

    @Test func aFeedURLIsTheOnlyCandidate() throws {
        let (additions, _) = try Self.additions()
        let choice = FeedChoice(.feed(Self.found[0]), additions: additions)
        #expect(choice.candidates == [Self.found[0]] && choice.configured.isEmpty)
        #expect(FeedChoice(.feed(Self.found[2]), additions: additions).candidates.isEmpty)
    }

    @Test func theMenuNumbersTheCandidatesWithTheirTitlesAndAnAnswerPicksOne() throws {
        let choice = FeedChoice(.page(Self.found), additions: FeedAdditions(existing: []))
        #expect(choice.menu == """
              1. https://example.org/feed  (Posts)
              2. https://example.org/old.rss
              3. https://example.org/atom.xml
              4. https://example.org/comments.xml  (Comments)
            """)
        #expect(choice.picked(" 2 \n") == Self.found[1])
        #expect(choice.picked("4") == Self.found[3])
        for answer in ["0", "5", "", "two", "-1"] { #expect(choice.picked(answer) == nil, "\(answer)") }
    }
}
