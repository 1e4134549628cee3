import Testing
@testable import Config

/// The line syntax: feeds, settings, sections, comments, quotes.
@Suite struct SyntaxTests {
    @Test func aBareURLAppendedWithEchoIsAFeedWithDefaultSettings() throws {
        let folder = try ConfigFolder()
        let config = try folder.load(text: "https://lwn.net/headlines/rss\n")
        #expect(config.feeds.count == 1)
        let feed = try #require(config.feeds.first)
        #expect(feed.url == "https://lwn.net/headlines/rss")
        #expect(feed.host == "lwn.net")
        #expect(feed.name == "lwn.net-headlines-rss")
        #expect(feed.interval == .seconds(3600))
        #expect(feed.source.line == 1)
    }

    @Test func blankLinesAndCommentLinesAreSkipped() throws {
        let folder = try ConfigFolder()
        let config = try folder.load(text: """
            # a comment

               # an indented comment
            \t
            https://example.org/feed.xml
            """)
        #expect(config.feeds.map(\.source.line) == [5])
    }

    @Test func feedOptionsFollowTheURLSeparatedByWhiteSpace() throws {
        let folder = try ConfigFolder()
        let config = try folder.load(text: """
            https://lwn.net/headlines/rss  name=lwn\tinterval=30m tags=news,linux fulltext=yes
            """)
        let feed = try #require(config.feeds.first)
        #expect(feed.name == "lwn")
        #expect(feed.interval == .seconds(1800))
        #expect(feed.tags == ["news", "linux"])
        #expect(feed.fulltext)
    }

    @Test func settingsTakeAnyWhiteSpaceAroundTheEqualsSign() throws {
        let folder = try ConfigFolder()
        let config = try folder.load(text: """
            interval=2h
            concurrency   =   4
            \tper-host\t=\t3
            """)
        #expect(config.globals.interval == .seconds(7200))
        #expect(config.globals.concurrency == 4)
        #expect(config.globals.perHost == 3)
    }

    @Test func aSettingValueKeepsItsInnerSpacesWithoutQuotes() throws {
        let folder = try ConfigFolder()
        let config = try folder.load(text: "user-agent = feedspool (ops@example.org)   \n")
        #expect(config.globals.userAgent == "feedspool (ops@example.org)")
    }

    @Test func doubleQuotesKeepSpacesInAFeedOption() throws {
        let folder = try ConfigFolder()
        let config = try folder.load(text: """
            https://example.org/summaries.xml exclude="title~(?i)sponsored post" user-agent="my reader 1.0"
            """)
        let feed = try #require(config.feeds.first)
        #expect(feed.exclude == [EntryFilter(field: .title, pattern: "(?i)sponsored post")])
        #expect(feed.userAgent == "my reader 1.0")
    }

    @Test func aBackslashInQuotesEscapesAQuoteOrABackslash() throws {
        let folder = try ConfigFolder()
        let config = try folder.load(text: #"""
            user-agent = "say \"hi\" \\ bye"
            https://example.org/feed.xml include="title~\"quoted\""
            """#)
        #expect(config.globals.userAgent == #"say "hi" \ bye"#)
        #expect(config.feeds.first?.include.first?.pattern == #""quoted""#)
    }

    @Test func otherBackslashesInQuotesAreKeptSoRegexesNeedNoDoubling() throws {
        let folder = try ConfigFolder()
        let config = try folder.load(text: #"""
            https://example.org/feed.xml exclude="title~^\d+ \w+ deals\b"
            """#)
        #expect(config.feeds.first?.exclude.first?.pattern == #"^\d+ \w+ deals\b"#)
    }

    @Test func quotedAndPlainPartsOfAValueJoin() throws {
        let folder = try ConfigFolder()
        let config = try folder.load(text: #"https://example.org/feed.xml exclude=title~"free stuff"|spam"#)
        #expect(config.feeds.first?.exclude.first?.pattern == "free stuff|spam")
    }

    @Test func aHashInsideAURLIsPartOfTheURL() throws {
        let folder = try ConfigFolder()
        let config = try folder.load(text: "https://example.org/feeds#main name=main # the main feed\n")
        let feed = try #require(config.feeds.first)
        #expect(feed.url == "https://example.org/feeds#main")
        #expect(feed.name == "main")
    }

    @Test func aHashAfterWhiteSpaceStartsAComment() throws {
        let folder = try ConfigFolder()
        let config = try folder.load(text: """
            interval = 2h # two hours
            https://example.org/feed.xml # no options
            [host example.org]   # a section
            per-host = 1\t# one at a time
            """)
        #expect(config.globals.interval == .seconds(7200))
        #expect(config.feeds.first?.url == "https://example.org/feed.xml")
        #expect(config.hosts.first?.perHost == 1)
    }

    @Test func aHashInsideQuotesOrInsideAWordIsKept() throws {
        let folder = try ConfigFolder()
        let config = try folder.load(text: """
            user-agent = "bot #1"
            https://example.org/feed.xml tags=c#,f# user-agent=bot#2
            """)
        #expect(config.globals.userAgent == "bot #1")
        #expect(config.feeds.first?.tags == ["c#", "f#"])
        #expect(config.feeds.first?.userAgent == "bot#2")
    }

    @Test func aFeedLineInsideAHostSectionIsStillAFeed() throws {
        let folder = try ConfigFolder()
        let config = try folder.load(text: """
            [host *.reddit.com]
            per-host = 1
            https://www.reddit.com/r/swift/.rss
            min-interval = 1h
            """)
        #expect(config.feeds.count == 1)
        #expect(config.hosts.count == 1)
        #expect(config.hosts[0].perHost == 1)
        #expect(config.hosts[0].minInterval == .seconds(3600))
    }

    @Test func theDefaultsSectionGoesBackToGlobalSettings() throws {
        let folder = try ConfigFolder()
        let config = try folder.load(text: """
            [host example.org]
            interval = 2h
            [defaults]
            interval = 3h
            """)
        #expect(config.hosts.first?.interval == .seconds(7200))
        #expect(config.globals.interval == .seconds(3 * 3600))
    }

    @Test func windowsLineEndingsAndAByteOrderMarkAreAccepted() throws {
        let folder = try ConfigFolder()
        let config = try folder.load(text: "\u{FEFF}interval = 2h\r\n# note\r\nhttps://example.org/feed.xml name=x\r\n")
        #expect(config.globals.interval == .seconds(7200))
        #expect(config.feeds.first?.name == "x")
        #expect(config.feeds.first?.source.line == 3)
    }

    @Test func schemesAreRecognisedInAnyCase() throws {
        let folder = try ConfigFolder()
        let config = try folder.load(text: "HTTPS://Example.ORG/Feed.xml\n")
        #expect(config.feeds.first?.host == "example.org")
        #expect(config.feeds.first?.url == "HTTPS://Example.ORG/Feed.xml")
    }
}
