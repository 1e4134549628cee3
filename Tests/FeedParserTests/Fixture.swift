import Foundation
import Testing
@testable import FeedParser

/// The documents under `Fixtures/`, which the test target copies as a
/// resource folder: `Feeds/` (well-formed feeds of every format), `Broken/`
/// (feeds with XML errors a reader must survive), `Hostile/` (entity and DTD
/// attacks) and `NotFeeds/` (documents that must be refused with a clear error).
enum Fixture {
    /// The raw bytes of `Fixtures/<path>`.
    static func bytes(_ path: String) throws -> [UInt8] {
        let folder = try #require(
            Bundle.module.url(forResource: "Fixtures", withExtension: nil),
            "the Fixtures folder is missing from the test bundle")
        return [UInt8](try Data(contentsOf: folder.appendingPathComponent(path)))
    }

    /// `Fixtures/<path>` parsed as if it had been fetched from `baseURL`.
    static func feed(_ path: String, baseURL: String? = nil) throws -> Feed {
        try FeedParser().parse(bytes(path), baseURL: baseURL)
    }
}

/// Parses a document written inline in a test, as if fetched from `baseURL`.
func parse(_ document: String, baseURL: String? = nil) throws -> Feed {
    try FeedParser().parse(Array(document.utf8), baseURL: baseURL)
}

/// The error parsing `bytes` throws, or nil when it parses.
func parseError(_ bytes: [UInt8], baseURL: String? = nil) -> FeedParseError? {
    do {
        _ = try FeedParser().parse(bytes, baseURL: baseURL)
        return nil
    } catch {
        return error
    }
}

/// A date the way the JSON contract prints it (`2024-05-14T07:12:44Z`).
func printed(_ date: Date?) -> String? {
    date.map(FeedDate.format)
}

/// Wraps RSS 2.0 `<item>` markup in a minimal channel.
func rss(items: String, channel: String = "<title>Test channel</title>") -> String {
    """
    <?xml version="1.0" encoding="UTF-8"?>
    <rss version="2.0" xmlns:dc="http://purl.org/dc/elements/1.1/" \
    xmlns:content="http://purl.org/rss/1.0/modules/content/">
    <channel>\(channel)\(items)</channel>
    </rss>
    """
}

/// Wraps Atom 1.0 `<entry>` markup in a minimal feed.
func atom(entries: String, feed: String = "<title>Test feed</title>", attributes: String = "") -> String {
    """
    <?xml version="1.0" encoding="UTF-8"?>
    <feed xmlns="http://www.w3.org/2005/Atom"\(attributes)>\(feed)\(entries)</feed>
    """
}
