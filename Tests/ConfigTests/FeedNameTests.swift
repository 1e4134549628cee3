import Testing
@testable import Config

/// Feed names: given with `name=`, or derived from the URL, unique either way.
@Suite struct FeedNameTests {
    @Test(arguments: [
        ("https://lwn.net/headlines/rss", "lwn.net-headlines-rss"),
        ("https://www.Example.com/Blog/Feed.XML", "example.com-blog-feed-xml"),
        ("https://example.org/", "example.org"),
        ("https://example.org/feed?format=atom", "example.org-feed"),
        ("https://example.org/~ana/posts//all.rss#x", "example.org-ana-posts-all-rss"),
        ("http://127.0.0.1:8088/blog.rss", "127.0.0.1-blog-rss"),
        ("file:///srv/feeds/blog.rss", "srv-feeds-blog-rss"),
        ("https://blog.example.net/caf%C3%A9/feed", "blog.example.net-caf-c3-a9-feed"),
    ])
    func aNameIsDerivedFromTheHostWithoutWwwAndThePath(url: String, name: String) throws {
        #expect(try FeedURL(url).derivedName == name)
    }

    @Test func aDerivedNameThatCollidesGetsANumber() throws {
        let folder = try ConfigFolder()
        let config = try folder.load(text: """
            https://example.org/feed
            http://example.org/feed
            https://www.example.org/feed/
            """)
        #expect(config.feeds.map(\.name) == ["example.org-feed", "example.org-feed-2", "example.org-feed-3"])
    }

    @Test func aDerivedNameGivesWayToANameGivenLaterInTheFile() throws {
        let folder = try ConfigFolder()
        let config = try folder.load(text: """
            https://example.org/feed
            https://example.org/other name=example.org-feed
            """)
        #expect(config.feeds.map(\.name) == ["example.org-feed-2", "example.org-feed"])
    }

    @Test func aGivenNameTakesLettersDigitsDotsUnderscoresAndDashes() throws {
        let folder = try ConfigFolder()
        let config = try folder.load(text: "https://example.org/feed name=Ops_Log-2.0\n")
        #expect(config.feed(named: "Ops_Log-2.0")?.url == "https://example.org/feed")
    }

    @Test func theSameGivenNameTwiceIsAnError() throws {
        let folder = try ConfigFolder()
        #expect(try folder.problems(text: """
            https://lwn.net/headlines/rss name=lwn
            https://lwn.net/headlines/newrss name=lwn
            """) == ["feeds.conf:2: duplicate feed name \"lwn\" (first at feeds.conf:1)"])
    }
}

/// The feeds `once` polls when the user names them.
@Suite struct NamedFeedsTests {
    @Test func namedFeedsComeOnceEachInTheOrderNamedWithTheUnknownNamesApart() throws {
        let configuration = try ConfigFolder().load(text: """
            https://a.example/f name=a
            https://b.example/f name=b
            """)
        let named = configuration.feeds(named: ["b", "x", "a", "b", "x"])
        #expect(named.feeds.map(\.name) == ["b", "a"])
        #expect(named.unknown == ["x"])
    }
}
