import Config
import Fetcher
import Foundation
import Poller
import TestSupport
import Testing

/// Finding the feeds behind a URL, against the fixture server: a feed, a
/// page that advertises feeds, a page that advertises none, an error.
@Suite struct FeedDiscoveryTests {
    /// A fixture server on a folder of its own, and discovery through libcurl.
    private final class Site {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("feedspool-discovery-\(UUID().uuidString)")
        let server: FixtureProcess
        let discovery = FeedDiscovery(fetcher: Fetcher(concurrency: 4, perHost: 4), globals: .defaults)

        init(_ files: [String: String]) throws {
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            for (name, text) in files { try text.write(to: folder.appendingPathComponent(name), atomically: true, encoding: .utf8) }
            server = try FixtureProcess(arguments: [folder.path, folder.appendingPathComponent("requests.log").path])
        }

        deinit { try? FileManager.default.removeItem(at: folder) }

        func url(_ path: String) -> String { server.url(path) }
    }

    private static func rss(_ title: String) -> String {
        "<rss version=\"2.0\"><channel><title>\(title)</title><item><title>a</title><guid>a</guid></item></channel></rss>"
    }

    @Test func aFeedURLIsTheFeedWithItsTitle() throws {
        let site = try Site(["notes.rss": Self.rss("Night shift notes")])
        let outcome = try site.discovery.discover(site.url("/feeds/notes.rss"))
        #expect(outcome == .feed(.init(url: site.url("/feeds/notes.rss"), title: "Night shift notes", finalURL: nil)))
    }

    @Test func aFeedReachedThroughARedirectKeepsTheURLGivenAndNotesWhereItAnswered() throws {
        let site = try Site(["notes.rss": Self.rss("Notes")])
        let outcome = try site.discovery.discover(site.url("/moved/notes.rss"))
        #expect(outcome == .feed(.init(url: site.url("/moved/notes.rss"), title: "Notes", finalURL: site.url("/feeds/notes.rss"))))
    }

    @Test func aPageGivesTheFeedsItAdvertisesThatAnswerInPageOrder() throws {
        let site = try Site([
            "a.rss": Self.rss("A"), "b.rss": Self.rss("B"),
            "page.html": """
                <html><head><link rel="alternate" type="application/rss+xml" href="b.rss">
                <link rel="alternate" type="application/rss+xml" href="missing.rss">
                <link rel="alternate" type="application/rss+xml" href="a.rss"></head><body>x</body></html>
                """,
        ])
        let outcome = try site.discovery.discover(site.url("/feeds/page.html"))
        #expect(outcome == .page([
            .init(url: site.url("/feeds/b.rss"), title: "B", finalURL: nil),
            .init(url: site.url("/feeds/a.rss"), title: "A", finalURL: nil),
        ]))
    }

    @Test func aPageThatAdvertisesNoFeedFallsBackToTheCommonPathsOfItsSite() throws {
        // The fixture server answers /feed, the first common path, with a feed.
        let site = try Site(["page.html": "<html><head><title>x</title></head><body>no feeds here</body></html>"])
        guard case .page(let found) = try site.discovery.discover(site.url("/feeds/page.html")) else {
            Issue.record("not a page")
            return
        }
        #expect(found.map(\.url) == [site.url("/feed")])
    }

    @Test func anErrorStatusIsOneLineNamingTheURL() throws {
        let site = try Site([:])
        let failure = #expect(throws: FeedDiscovery.Failure.self) { try site.discovery.discover(site.url("/status/404")) }
        #expect(failure?.description == site.url("/status/404") + ": HTTP 404")
    }
}
