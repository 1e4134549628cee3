import Testing
import Config

/// Feed lines written for `feeds.conf` (what `feedspool import` prints) read
/// back as the same feed, and names made from titles are valid names.
@Suite struct FeedLineTests {
    @Test func aWrittenLineLoadsAsTheSameURLNameAndTags() throws {
        let tags = ["Tech News", "c#", "say \"hi\"", "back\\slash"]
        let line = FeedLine.format(url: "https://example.org/feed?a=1&b=2#x", name: "example", tags: tags)
        let folder = try ConfigFolder()
        let feed = try #require(try folder.load(text: line + "\n").feeds.first)
        #expect(feed.url == "https://example.org/feed?a=1&b=2#x")
        #expect(feed.name == "example")
        #expect(feed.tags == tags)
    }

    @Test func aLineWithoutNameOrTagsIsTheURLAlone() {
        #expect(FeedLine.format(url: "https://lwn.net/headlines/rss", name: nil, tags: []) == "https://lwn.net/headlines/rss")
    }

    @Test(arguments: [
        ("LWN.net", "lwn.net"),
        ("Ars Technica", "ars-technica"),
        ("  Über Café — Notes!  ", "uber-cafe-notes"),
        ("...hidden", "hidden"),
        ("-dash-", "dash"),
        ("under_score 2.0", "under_score-2.0"),
    ])
    func aTitleBecomesAValidName(title: String, name: String) throws {
        #expect(FeedLine.name(fromTitle: title) == name)
        let folder = try ConfigFolder()
        let config = try folder.load(text: "https://example.org/feed name=\(name)\n")
        #expect(config.feeds.first?.name == name)
    }

    @Test func aTitleWithNoLatinLetterGivesNoName() {
        #expect(FeedLine.name(fromTitle: "日本語のブログ") == nil)
        #expect(FeedLine.name(fromTitle: " — ") == nil)
    }

    @Test func aLongTitleGivesANameOfAtMost48Characters() throws {
        let name = try #require(FeedLine.name(fromTitle: String(repeating: "word ", count: 40)))
        #expect(name.count <= 48)
        #expect(!name.hasSuffix("-"))
    }

    @Test func urlsFeedsConfCannotTakeAreNamedWithTheReason() {
        #expect(FeedLine.problem(with: "https://example.org/feed") == nil)
        #expect(FeedLine.problem(with: "javascript:alert(1)") == #"bad URL "javascript:alert(1)" (use http://, https:// or file://)"#)
        #expect(FeedLine.problem(with: "https://example.org/a b")?.hasPrefix("bad URL") == true)
    }

    @Test func theSameFeedHasOneIdentityWhateverTheCaseOfSchemeAndHost() {
        #expect(FeedLine.identity(of: "HTTPS://LWN.NET/headlines/rss") == FeedLine.identity(of: "https://lwn.net/headlines/rss"))
        #expect(FeedLine.identity(of: "https://lwn.net/Headlines/rss") != FeedLine.identity(of: "https://lwn.net/headlines/rss"))
    }

    @Test func credentialsAreRemovedFromAURLAndOnlyThem() {
        #expect(URLCredentials.removed(from: "https://me:s3cret@example.org:8443/feed?u=a@b") == "https://example.org:8443/feed?u=a@b")
        #expect(URLCredentials.removed(from: "https://example.org/feed?u=a@b") == "https://example.org/feed?u=a@b")
        #expect(URLCredentials.present(in: "http://token@example.org/"))
        #expect(!URLCredentials.present(in: "http://example.org/@user"))
    }
}
