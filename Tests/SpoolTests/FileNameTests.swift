import FeedParser
import Foundation
import Spool
import State
import Testing

@Suite("Spool file names")
struct FileNameTests {
    @Test func nameIsUTCDeliveryTimeAndSixteenHexOfTheID() {
        let id = "21063715de3183b07526894d62d6e72870140838067b9203d33cd5052c5ad022"
        // 2024-11-30T12:34:56Z
        #expect(SpoolArticle.fileName(id: id, second: 1_732_970_096) == "20241130T123456Z-21063715de3183b0.json")
    }

    @Test func idIsSHA256OfFeedNameAndEntryKey() {
        #expect(EntryKeys.articleID(feed: "blog", key: "urn:post:1")
            == "21063715de3183b07526894d62d6e72870140838067b9203d33cd5052c5ad022")
    }

    @Test func deliveredFileNameCarriesNoTextFromTheFeed() throws {
        let folder = try TemporaryFolder()
        let (state, spool) = try folder.open()
        let hostile = Entry(guid: "../../etc/passwd", title: "a/b\nc", link: "https://x.example/$(rm -rf ~)",
                            content: "<p>x</p>")
        let feed = FeedInfo(name: "../evil feed", url: "https://x.example/feed")
        let when = Date(timeIntervalSince1970: 1_732_970_096)
        try poll([hostile], state: state, spool: spool, feed: feed, now: when)
        let names = files(in: spool.newFolder)
        #expect(names.count == 1)
        let name = try #require(names.first)
        #expect(name.wholeMatch(of: /20241130T123456Z-[0-9a-f]{16}\.json/) != nil)
    }

    @Test func updateInTheSameSecondAsTheFirstDeliveryGetsTheNextSecond() throws {
        let folder = try TemporaryFolder()
        let (state, spool) = try folder.open()
        let when = Date(timeIntervalSince1970: 1_732_970_096)
        try poll([post(1)], state: state, spool: spool, updates: true, now: when)
        try poll([post(1, content: "<p>Corrected.</p>")], state: state, spool: spool, updates: true, now: when)
        #expect(files(in: spool.newFolder) == [
            "20241130T123456Z-21063715de3183b0.json", "20241130T123457Z-21063715de3183b0.json",
        ])
    }
}
