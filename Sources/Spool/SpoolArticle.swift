#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import State
import Cleaner
import FeedParser

/// What the spool says about the feed an article came from.
public struct FeedInfo: Sendable, Equatable {
    /// The feed's name in `feeds.conf`; ids and state are keyed by it.
    public var name: String
    /// The URL the feed is fetched from.
    public var url: String
    /// The feed's own title.
    public var title: String?
    /// The feed's web site.
    public var link: String?
    /// The tags `feeds.conf` gives the feed.
    public var tags: [String]

    /// Makes a feed description.
    public init(name: String, url: String, title: String? = nil, link: String? = nil, tags: [String] = []) {
        self.name = name
        self.url = url
        self.title = title
        self.link = link
        self.tags = tags
    }
}

/// One article as the spool writes it: the feed, the entry, what the cleaner made of it, and when it was fetched.
/// `jsonBytes()` is the file's content; docs/spool.md describes every key.
public struct SpoolArticle: Sendable, Equatable {
    /// The version of the file format, the `schema` key.
    public static let schema: Int64 = 1

    /// Hex SHA-256 of the feed's name, a zero byte and the entry key.
    /// The same for every delivery of one entry, its updates included.
    public var id: String
    /// First delivery or update.
    public var kind: ArticleKind
    /// The feed it came from.
    public var feed: FeedInfo
    /// The entry as parsed; its summary and content are not written as they are, the cleaned forms below are.
    public var entry: Entry
    /// An attribution the cleaner took out of the text ("Original Source: …").
    public var source: String?
    /// The cleaned body (the entry's content, else its summary) as sanitised HTML.
    public var contentHTML: String?
    /// The cleaned body as plain text.
    public var contentText: String?
    /// The entry's summary as clean plain text.
    public var summaryText: String?
    /// What the cleaner removed from the body, and why.
    public var removed: [Removal]
    /// When the feed was fetched.
    public var fetched: Date
    /// With `enclosures = DIR`, the absolute path of each enclosure's download.
    ///
    /// In the order of `entry.enclosures`, nil for one not downloaded.
    /// Nil without the setting: the key is then left out.
    public var enclosureFiles: [String?]?
    /// The entry key the state store records once the article is delivered.
    public var key: String
    /// The fingerprint recorded with the key, to notice later changes.
    public var fingerprint: String

    /// Makes an article from a new or changed entry and what the cleaner made of it.
    /// - Parameters:
    ///   - feed: The feed it came from.
    ///   - newEntry: The entry, its key, kind and fingerprint (`StateStore.newEntries`).
    ///   - body: The cleaned content, else the cleaned summary; nil when the
    ///     entry has neither.
    ///   - summary: The cleaned summary, for `summary_text`.
    ///   - fetched: When the feed was fetched.
    public init(feed: FeedInfo, newEntry: NewEntry, body: CleanArticle?, summary: CleanArticle?, fetched: Date) {
        self.id = EntryKeys.articleID(feed: feed.name, key: newEntry.key)
        self.kind = newEntry.kind
        self.feed = feed
        self.entry = newEntry.entry
        self.source = body?.source ?? summary?.source
        self.contentHTML = body?.html
        self.contentText = body?.text
        self.summaryText = summary?.text
        self.removed = body?.removed ?? []
        self.fetched = fetched
        self.key = newEntry.key
        self.fingerprint = newEntry.fingerprint
    }

    /// The file name of a delivery of article `id` in second `second` (UTC).
    /// `20241130T120000Z-<the id's first 16 hex digits>.json`. Nothing in it
    /// comes from the feed.
    public static func fileName(id: String, second: Int64) -> String {
        UTCTime.compactString(seconds: second) + "-" + id.prefix(16) + ".json"
    }

    /// The file's content: one JSON object, ending in a newline.
    /// Keys come in contract order, every key present (`null` when absent).
    public func jsonBytes() -> [UInt8] {
        let textBytes = (contentHTML?.utf8.count ?? 0) + (contentText?.utf8.count ?? 0)
            + (summaryText?.utf8.count ?? 0)
        var writer = JSONWriter(capacity: 1024 + textBytes + textBytes / 16)
        writer.beginObject()
        writer.key("schema"); writer.number(Self.schema)
        writer.key("id"); writer.string(id)
        writer.key("kind"); writer.string(kind.rawValue)
        writer.key("feed")
        writer.beginObject()
        writer.key("name"); writer.string(feed.name)
        writer.key("url"); writer.string(feed.url)
        writer.key("title"); writer.string(feed.title)
        writer.key("link"); writer.string(feed.link)
        writer.key("tags"); writer.strings(feed.tags)
        writer.endObject()
        entry.writeFields(to: &writer, openObject: false, bodies: false)
        writer.key("source"); writer.string(source)
        writer.key("content_html"); writer.string(contentHTML)
        writer.key("content_text"); writer.string(contentText)
        writer.key("summary_text"); writer.string(summaryText)
        writer.key("removed"); writer.removals(removed)
        writer.key("fetched"); writer.string(UTCTime.contractString(fetched))
        if let enclosureFiles {
            writer.key("enclosure_files")
            writer.beginArray()
            for file in enclosureFiles { writer.string(file) }
            writer.endArray()
        }
        writer.endObject()
        writer.newline()
        return writer.bytes
    }
}
