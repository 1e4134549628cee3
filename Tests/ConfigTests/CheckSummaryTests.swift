import Config
import Testing

/// The line `check` prints for a configuration without problems: feeds and hosts counted, and a shard's share.
@Suite struct CheckSummaryTests {
    @Test func feedsAndHostSectionsAreCountedInTheSingularOrPlural() throws {
        let folder = try ConfigFolder()
        let one = try folder.load(text: "https://lwn.net/headlines/rss")
        #expect(one.checkSummary(path: "feeds.conf") == "feeds.conf: 1 feed, 0 hosts, no problems")
        let more = try folder.load(text: "[host lwn.net]\ninterval = 1h\n[defaults]\nhttps://lwn.net/headlines/rss\nhttps://lwn.net/other")
        #expect(more.checkSummary(path: "my.conf") == "my.conf: 2 feeds, 1 host, no problems")
    }

    @Test func aShardSaysHowManyOfTheFeedsAndHostsItPolls() throws {
        let configuration = try ConfigFolder().load(text: """
            shard = 2/3
            https://lwn.net/headlines/rss
            https://lwn.net/other
            http://127.0.0.2/feed
            file:///srv/feeds/local.xml
            """)
        // By the documented hash, lwn.net and 127.0.0.2 fall to shard 1 of 3, file:// feeds (no host) to 2.
        #expect(configuration.checkSummary(path: "feeds.conf")
            == "feeds.conf: 4 feeds, 0 hosts, no problems; shard 2/3 polls 1 of them, on 1 of 3 hosts")
    }
}
