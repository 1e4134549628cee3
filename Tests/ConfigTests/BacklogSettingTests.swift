import Config
import Testing

/// `backlog`: a global, `[host]` and feed setting, `all` or a whole number.
@Suite struct BacklogSettingTests {
    @Test func theDefaultIsTheTwentyNewest() throws {
        let folder = try ConfigFolder()
        let config = try folder.load(text: "https://example.org/feed\n")
        #expect(config.globals.backlog == .newest(20))
        #expect(config.feeds[0].backlog == .newest(20))
    }

    @Test func aFeedOverridesItsHostSectionWhichOverridesTheGlobalSetting() throws {
        let folder = try ConfigFolder()
        let config = try folder.load(text: """
            backlog = all
            [host podcasts.example.org]
            backlog = 5
            [defaults]
            https://example.org/feed
            https://podcasts.example.org/a.xml
            https://podcasts.example.org/b.xml  backlog=0
            """)
        #expect(config.feeds.map(\.backlog) == [.all, .newest(5), .newest(0)])
    }

    @Test func badValuesNameTheFileAndLine() throws {
        let folder = try ConfigFolder()
        let problems = try folder.problems(text: """
            backlog = lots
            https://example.org/feed  backlog=-1
            https://example.org/other  backlog=1e3
            """)
        let usage = "(use a whole number of entries, e.g. 20, or all)"
        #expect(problems == [
            "feeds.conf:1: bad backlog \"lots\" \(usage)",
            "feeds.conf:2: bad backlog \"-1\" \(usage)",
            "feeds.conf:3: bad backlog \"1e3\" \(usage)",
        ])
    }

    @Test func aNumberTooLargeForMemoryIsRefusedNotRoundedOff() throws {
        let folder = try ConfigFolder()
        #expect(try folder.problems(text: "backlog = 99999999999999999999").count == 1)
    }
}

/// `enclosures` and `enclosure-max-size`: global, `[host]` and feed settings.
@Suite struct EnclosureSettingTests {
    @Test func theFolderResolvesAgainstTheFileAndTheCapDefaultsTo200M() throws {
        let folder = try ConfigFolder()
        let config = try folder.load(text: """
            enclosures = media
            https://example.org/feed
            https://podcasts.example.org/a.xml  enclosures=/srv/media enclosure-max-size=1G
            """)
        #expect(config.globals.enclosureMaxSize == 200 << 20)
        #expect(config.feeds.map(\.enclosureFolder) == [folder.path + "/media", "/srv/media"])
        #expect(config.feeds.map(\.enclosureMaxSize) == [200 << 20, 1 << 30])
    }

    @Test func withoutTheSettingNothingIsDownloaded() throws {
        let folder = try ConfigFolder()
        #expect(try folder.load(text: "https://example.org/feed").feeds[0].enclosureFolder == nil)
    }

    @Test func aBadSizeNamesTheFileAndLine() throws {
        let folder = try ConfigFolder()
        #expect(try folder.problems(text: "enclosure-max-size = huge") == [
            "feeds.conf:1: bad size \"huge\" (use bytes, or k, M or G, e.g. 5M)",
        ])
    }
}
