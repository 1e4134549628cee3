import Testing
@testable import Config

/// `include PATH`: relative to the including file, globs in lexical order,
/// missing files, cycles.
@Suite struct IncludeTests {
    @Test func anIncludedFilesFeedsTakeThePlaceOfTheIncludeLine() throws {
        let folder = try ConfigFolder()
        try folder.write("more.conf", "https://b.example.org/feed\n")
        let config = try folder.load(text: """
            https://a.example.org/feed
            include more.conf
            https://c.example.org/feed
            """)
        #expect(config.feeds.map(\.host) == ["a.example.org", "b.example.org", "c.example.org"])
        #expect(config.feeds[1].source == ConfigLocation(file: folder.path + "/more.conf", line: 1))
    }

    @Test func includePathsAreRelativeToTheIncludingFile() throws {
        let folder = try ConfigFolder()
        try folder.write("conf.d/news.conf", "include more/tech.conf\n")
        try folder.write("conf.d/more/tech.conf", "https://lwn.net/headlines/rss\n")
        let config = try folder.load(text: "include conf.d/news.conf\n")
        #expect(config.feeds.first?.source.file == folder.path + "/conf.d/more/tech.conf")
    }

    @Test func aGlobIncludesItsMatchesInLexicalOrder() throws {
        let folder = try ConfigFolder()
        try folder.write("feeds.conf.d/b.conf", "https://b.example.org/feed\n")
        try folder.write("feeds.conf.d/10-first.conf", "https://ten.example.org/feed\n")
        try folder.write("feeds.conf.d/2-second.conf", "https://two.example.org/feed\n")
        try folder.write("feeds.conf.d/a.conf", "https://a.example.org/feed\n")
        try folder.write("feeds.conf.d/a.conf~", "https://backup.example.org/feed\n")
        try folder.write("feeds.conf.d/.hidden.conf", "https://hidden.example.org/feed\n")
        let config = try folder.load(text: "include feeds.conf.d/*.conf\n")
        #expect(config.feeds.map(\.host) == ["ten.example.org", "two.example.org", "a.example.org", "b.example.org"])
    }

    @Test func aGlobThatMatchesNothingIsFine() throws {
        let folder = try ConfigFolder()
        let config = try folder.load(text: "include feeds.conf.d/*.conf\nhttps://example.org/feed\n")
        #expect(config.feeds.count == 1)
    }

    @Test func aQuotedIncludePathMayContainSpaces() throws {
        let folder = try ConfigFolder()
        try folder.write("my feeds/news.conf", "https://example.org/feed\n")
        let config = try folder.load(text: "include \"my feeds/news.conf\"  # quoted\n")
        #expect(config.feeds.count == 1)
    }

    @Test func anAbsoluteIncludePathIsUsedAsItIs() throws {
        let folder = try ConfigFolder()
        let other = try ConfigFolder()
        let path = try other.write("shared.conf", "https://example.org/feed\n")
        let config = try folder.load(text: "include \(path)\n")
        #expect(config.feeds.first?.source.file == path)
    }

    @Test func aMissingLiteralIncludeIsAnError() throws {
        let folder = try ConfigFolder()
        #expect(try folder.problems(text: "\ninclude feeds.conf.d/missing.conf\n") == [
            "feeds.conf:2: cannot read \"feeds.conf.d/missing.conf\": No such file or directory",
        ])
    }

    @Test func includingADirectoryIsAnError() throws {
        let folder = try ConfigFolder()
        try folder.write("conf.d/a.conf", "")
        #expect(try folder.problems(text: "include conf.d\n") == [
            "feeds.conf:1: cannot read \"conf.d\": Is a directory",
        ])
    }

    @Test func anIncludeCycleIsReportedWhereItCloses() throws {
        let folder = try ConfigFolder()
        try folder.write("a.conf", "include sub/b.conf\n")
        try folder.write("sub/b.conf", "https://example.org/feed\ninclude ../feeds.conf\n")
        #expect(try folder.problems(text: "include a.conf\n") == [
            "sub/b.conf:2: include cycle: feeds.conf -> a.conf -> sub/b.conf -> feeds.conf",
        ])
    }

    @Test func aGlobThatMatchesTheIncludingFileIsACycle() throws {
        let folder = try ConfigFolder()
        try folder.write("extra.conf", "https://example.org/feed\n")
        #expect(try folder.problems(text: "include *.conf\n") == [
            "feeds.conf:1: include cycle: feeds.conf -> feeds.conf",
        ])
    }

    @Test func theSameFileIncludedTwiceIsAnError() throws {
        let folder = try ConfigFolder()
        try folder.write("conf.d/news.conf", "https://example.org/feed\n")
        #expect(try folder.problems(text: "include conf.d/*.conf\ninclude conf.d/news.conf\n") == [
            "feeds.conf:2: \"conf.d/news.conf\" is already included (at feeds.conf:1)",
        ])
    }

    @Test func sectionsDoNotCrossFileBoundaries() throws {
        let folder = try ConfigFolder()
        try folder.write("hosts.conf", "interval = 2h\n[host example.org]\ninterval = 3h\n")
        let config = try folder.load(text: """
            [host example.net]
            include hosts.conf
            per-host = 1
            """)
        #expect(config.globals.interval == .seconds(7200))
        #expect(config.hosts.map(\.pattern) == ["example.net", "example.org"])
        #expect(config.hosts[0].perHost == 1)
        #expect(config.hosts[1].interval == .seconds(3 * 3600))
        #expect(config.hosts[1].perHost == nil)
    }

    @Test func problemsInAnIncludedFileNameThatFile() throws {
        let folder = try ConfigFolder()
        try folder.write("feeds.conf.d/news.conf", "# news\nhttps://lwn.net/rss intervall=1h\n")
        #expect(try folder.problems(text: "include feeds.conf.d/*.conf\nconcurency = 4\n") == [
            "feeds.conf.d/news.conf:2: unknown option \"intervall\" (did you mean \"interval\"?)",
            "feeds.conf:2: unknown setting \"concurency\" (did you mean \"concurrency\"?)",
        ])
    }
}
