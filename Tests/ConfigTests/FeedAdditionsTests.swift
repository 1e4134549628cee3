import Config
import Testing

/// The lines `add` and `import` make: each URL once, names from titles made
/// unique, and never a password printed.
@Suite struct FeedAdditionsTests {
    private func existing() throws -> [FeedSettings] {
        try ConfigFolder().load(text: "https://lwn.net/headlines/rss name=lwn").feeds
    }

    @Test func aConfiguredURLIsFoundWhateverTheCaseOfItsSchemeAndHost() throws {
        let additions = FeedAdditions(existing: try existing())
        #expect(additions.configured("HTTPS://LWN.NET/headlines/rss")?.name == "lwn")
        #expect(additions.configured("https://lwn.net/other") == nil)
    }

    @Test func aConfiguredURLOrRedirectIsRefusedNamingWhereItIsWithoutAPassword() throws {
        let folder = try ConfigFolder()
        let additions = FeedAdditions(existing: try folder.load(text: """
            https://lwn.net/headlines/rss name=lwn
            https://me:secret@example.org/private.rss name=private
            """).feeds)
        #expect(additions.alreadyConfigured("https://LWN.net/headlines/rss") == "https://LWN.net/headlines/rss: already in \(folder.path)/feeds.conf:1 as lwn")
        #expect(additions.alreadyConfigured("https://me:secret@EXAMPLE.org/private.rss")
            == "https://EXAMPLE.org/private.rss: already in \(folder.path)/feeds.conf:2 as private")
        #expect(additions.alreadyConfigured("https://lwn.net/old", redirectingTo: "https://lwn.net/headlines/rss")
            == "https://lwn.net/old: already in \(folder.path)/feeds.conf:1 as lwn")
        #expect(additions.alreadyConfigured("https://lwn.net/other", redirectingTo: "https://lwn.net/other.rss") == nil)
    }

    @Test func addedLinesTakeTheirNameFromTheTitleUnlessOneIsGiven() throws {
        var additions = FeedAdditions(existing: try existing())
        additions.add(url: "https://a.example/f", title: "LWN", options: ["tags=news"])
        additions.add(url: "https://b.example/f", title: "Ignored", options: ["name=mine", "interval=30m"])
        #expect(additions.lines == [
            "https://a.example/f name=lwn-2 tags=news",
            "https://b.example/f name=mine interval=30m",
        ])
    }

    @Test func subscriptionsAreLeftOutWhenListedOrUnusableAndSayWhy() throws {
        var additions = FeedAdditions(existing: try existing())
        #expect(additions.subscribe(url: "HTTPS://LWN.NET/headlines/rss", title: "LWN", tags: []) == [
            "left out HTTPS://LWN.NET/headlines/rss: already listed",
        ])
        #expect(additions.subscribe(url: "javascript:alert(1)", title: nil, tags: []).first?.hasPrefix("left out: bad URL") == true)
        #expect(additions.subscribe(url: "https://a.example/f", title: "A feed", tags: ["x"]) == [])
        #expect(additions.subscribe(url: "https://a.example/f", title: "Again", tags: []) == [
            "left out https://a.example/f: already listed",
        ])
        #expect(additions.lines == ["https://a.example/f name=a-feed tags=x"])
    }

    @Test func aSubscriptionsPasswordIsLeftOutOfItsLineAndOfTheNote() throws {
        var additions = FeedAdditions(existing: [])
        let notes = additions.subscribe(url: "https://me:secret@a.example/f", title: nil, tags: [])
        #expect(notes == ["https://a.example/f: user and password left out; add them to the line yourself"])
        #expect(additions.lines == ["https://a.example/f"])
        #expect(!(notes + additions.lines).joined().contains("secret"))
    }
}

/// `feeds.conf` as `add` appends to it: lines added at the end, taken back
/// when the configuration would no longer load.
@Suite struct ConfigFileTests {
    @Test func linesAreAppendedAfterALineBreakAndTheirPlacesReturned() throws {
        let folder = try ConfigFolder()
        let path = try folder.write("feeds.conf", "interval = 1h")
        let added = try ConfigFile(path: path).append(["https://a.example/f name=a", "https://b.example/f name=b"])
        #expect(added.map(\.location) == [ConfigLocation(file: path, line: 2), ConfigLocation(file: path, line: 3)])
        #expect(try folder.load().feeds.map(\.name) == ["a", "b"])
    }

    @Test func aMissingFileIsCreated() throws {
        let folder = try ConfigFolder()
        let file = ConfigFile(path: folder.path + "/feeds.conf")
        #expect(!file.exists)
        #expect(try file.append(["https://a.example/f"]).map(\.location.line) == [1])
        #expect(file.exists)
    }

    @Test func aLineThatBreaksTheConfigurationIsTakenBack() throws {
        let folder = try ConfigFolder()
        let path = try folder.write("feeds.conf", "https://a.example/f name=a\n")
        #expect(throws: ConfigError.self) { try ConfigFile(path: path).append(["https://b.example/f name=a"]) }
        #expect(try folder.load().feeds.map(\.name) == ["a"])
        #expect(folder.problems() == [])
    }
}
