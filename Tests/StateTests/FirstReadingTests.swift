import Foundation
import FeedParser
import State
import Testing

/// `backlog` at the state store: a feed's first reading offers only its
/// newest entries and records the others as seen, for good.
@Suite("First reading and backlog")
struct FirstReadingTests {
    /// Episode `number` of a podcast, published `number` days after 2024-01-01.
    static func episode(_ number: Int, dated: Bool = true, title: String? = nil) -> Entry {
        Entry(guid: "urn:episode:\(number)", title: title ?? "Episode \(number)",
              link: "https://podcast.example.org/\(number)",
              published: dated ? Date(timeIntervalSince1970: 1_704_067_200 + Double(number) * 86_400) : nil)
    }

    @Test func firstReadingOffersTheNewestByDateInDocumentOrder() throws {
        let folder = try TemporaryFolder()
        let state = try folder.open()
        // Oldest first, as some podcast feeds list them.
        let offered = try state.newEntries(feed: "cast", entries: (1...10).map { Self.episode($0) }, updates: false, backlog: 3)
        #expect(offered.map(\.key) == ["urn:episode:8", "urn:episode:9", "urn:episode:10"])
    }

    @Test func entriesWithoutDatesAreCutInDocumentOrder() throws {
        let folder = try TemporaryFolder()
        let state = try folder.open()
        let entries = [Self.episode(1), Self.episode(2, dated: false), Self.episode(3)]
        let offered = try state.newEntries(feed: "cast", entries: entries, updates: false, backlog: 2)
        #expect(offered.map(\.key) == ["urn:episode:1", "urn:episode:2"])
    }

    @Test func leftOutEntriesAreNeverOfferedAgainButTheNewestAreUntilDelivered() throws {
        let folder = try TemporaryFolder()
        let state = try folder.open()
        let entries = (1...10).reversed().map { Self.episode($0) }
        #expect(try state.newEntries(feed: "cast", entries: entries, updates: false, backlog: 2).count == 2)
        #expect(try state.isSeen(feed: "cast", key: "urn:episode:8"))
        // Not delivered (a failed delivery, a crash): offered again, no more.
        let again = try state.newEntries(feed: "cast", entries: [Self.episode(11)] + entries, updates: false, backlog: 2)
        #expect(again.map(\.key) == ["urn:episode:11", "urn:episode:10", "urn:episode:9"])
    }

    @Test func leftOutEntriesAreNotOfferedAsUpdatesWhenTheyChange() throws {
        let folder = try TemporaryFolder()
        let state = try folder.open()
        _ = try state.newEntries(feed: "cast", entries: (1...5).map { Self.episode($0) }, updates: true, backlog: 1)
        let edited = (1...5).map { Self.episode($0, title: "Episode \($0), remastered") }
        let offered = try state.newEntries(feed: "cast", entries: edited, updates: true, backlog: 1)
        #expect(offered.map(\.key) == ["urn:episode:5"], "only the kept, undelivered episode")
    }

    @Test func aFeedWithSeenKeysIsNotCut() throws {
        let folder = try TemporaryFolder()
        let state = try folder.open()
        _ = try state.newEntries(feed: "cast", entries: (1...3).map { Self.episode($0) }, updates: false, backlog: 1)
        let offered = try state.newEntries(feed: "cast", entries: (1...9).map { Self.episode($0) }, updates: false, backlog: 1)
        #expect(offered.map(\.key) == (3...9).map { "urn:episode:\($0)" })
    }

    @Test func withoutABacklogEveryEntryIsOffered() throws {
        let folder = try TemporaryFolder()
        let state = try folder.open()
        #expect(try state.newEntries(feed: "cast", entries: (1...30).map { Self.episode($0) }, updates: false).count == 30)
        #expect(!(try state.isSeen(feed: "cast", key: "urn:episode:1")))
    }

    @Test func backlogZeroOffersNothingAndRecordsEverything() throws {
        let folder = try TemporaryFolder()
        let state = try folder.open()
        #expect(try state.newEntries(feed: "cast", entries: (1...4).map { Self.episode($0) }, updates: false, backlog: 0).isEmpty)
        #expect(try state.newEntries(feed: "cast", entries: (1...5).map { Self.episode($0) }, updates: false, backlog: 0)
            .map(\.key) == ["urn:episode:5"])
    }

    @Test func theBacklogCountsOnlyEntriesTheFiltersAccept() throws {
        let folder = try TemporaryFolder()
        let state = try folder.open()
        let entries = (1...10).map { Self.episode($0, title: $0.isMultiple(of: 2) ? "Swift \($0)" : "Other \($0)") }
        let swift = { (entry: Entry) in entry.title?.hasPrefix("Swift") == true }
        let offered = try state.newEntries(feed: "cast", entries: entries, updates: false, backlog: 2, accepts: swift)
        #expect(offered.map(\.key) == ["urn:episode:8", "urn:episode:10"])
        // Rejected entries are not recorded, as on every reading.
        #expect(!(try state.isSeen(feed: "cast", key: "urn:episode:9")))
        #expect(try state.isSeen(feed: "cast", key: "urn:episode:6"))
    }
}
