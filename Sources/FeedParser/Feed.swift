#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// A parsed feed: what the feed says about itself and its entries.
///
/// The entries are in the order the feed lists them. Every stage after parsing works on this value.
public struct Feed: Sendable, Equatable {
    /// The feed's title as plain text.
    public var title: String?
    /// The feed's web site, resolved to an absolute URL when a base is known.
    public var link: String?
    /// The feed's description or subtitle as plain text.
    public var subtitle: String?
    /// The language the feed declares (`en-us`), as given.
    public var language: String?
    /// When the feed says it last changed.
    public var updated: Date?
    /// The syndication format the document is written in.
    public var format: FeedFormat
    /// The entries, in document order.
    public var entries: [Entry]
    /// How often the feed asks to be fetched (RSS `ttl`, `sy:updatePeriod`); empty when it does not say.
    /// Not part of the JSON contract.
    public var schedule = FeedSchedule()
    /// Problems libxml2 recovered from while reading the document, one line each.
    /// For example `line 12: Opening and ending tag mismatch: title and item`.
    /// Empty for a well-formed feed.
    public var warnings: [String]
    /// Whether the document ended inside its last entry, as a download cut short does:
    /// that entry is in `entries`, but any of its fields (the guid and link
    /// included) may stop anywhere. Not part of the JSON contract.
    public var lastEntryIsCutOff = false

    /// Makes a feed; every field but the format is optional.
    public init(
        title: String? = nil, link: String? = nil, subtitle: String? = nil,
        language: String? = nil, updated: Date? = nil, format: FeedFormat,
        entries: [Entry] = [], warnings: [String] = []
    ) {
        self.title = title
        self.link = link
        self.subtitle = subtitle
        self.language = language
        self.updated = updated
        self.format = format
        self.entries = entries
        self.warnings = warnings
    }
}

/// The syndication formats feedspool reads. The raw values are the ones the
/// JSON contract prints.
public enum FeedFormat: String, Sendable, Equatable, CaseIterable {
    /// RSS 2.0, and RSS documents without a version.
    case rss20 = "rss2.0"
    /// RSS 1.0, the RDF-based format.
    case rss10 = "rss1.0"
    /// RSS 0.90 (RDF-based) and Userland's RSS 0.91 to 0.94.
    case rss09x = "rss0.9x"
    /// Atom 1.0 (RFC 4287).
    case atom10 = "atom1.0"
    /// The Atom 0.3 draft.
    case atom03 = "atom0.3"
    /// JSON Feed 1.0 and 1.1.
    case json1x = "json1.x"
}

/// One article or episode of a feed.
public struct Entry: Sendable, Equatable {
    /// The entry's identifier as the feed gives it (RSS `guid`, Atom `id`, RSS 1.0 `rdf:about`, JSON Feed `id`).
    public var guid: String?
    /// The title as plain text, whitespace collapsed.
    public var title: String?
    /// The entry's web page, resolved to an absolute URL when a base is known.
    public var link: String?
    /// Author names, in feed order, without duplicates.
    public var authors: [String]
    /// When the entry was first published.
    public var published: Date?
    /// When the entry last changed.
    public var updated: Date?
    /// Categories and tags, in feed order, without duplicates.
    public var categories: [String]
    /// The short form of the entry as HTML, entities decoded, URLs untouched.
    public var summary: String?
    /// The full entry as HTML, entities decoded, URLs untouched.
    public var content: String?
    /// Attached media.
    public var enclosures: [Enclosure]
    /// Transcripts, chapters and people from the Podcasting 2.0 namespace; nil when the feed gives none.
    public var podcast: PodcastDetails?

    /// Makes an entry; every field is optional.
    public init(
        guid: String? = nil, title: String? = nil, link: String? = nil,
        authors: [String] = [], published: Date? = nil, updated: Date? = nil,
        categories: [String] = [], summary: String? = nil, content: String? = nil,
        enclosures: [Enclosure] = [], podcast: PodcastDetails? = nil
    ) {
        self.guid = guid
        self.title = title
        self.link = link
        self.authors = authors
        self.published = published
        self.updated = updated
        self.categories = categories
        self.summary = summary
        self.content = content
        self.enclosures = enclosures
        self.podcast = podcast
    }
}

/// A media file attached to an entry (a podcast episode, an image).
public struct Enclosure: Sendable, Equatable {
    /// Where the file is, resolved to an absolute URL when a base is known.
    public var url: String
    /// The MIME type the feed declares.
    public var type: String?
    /// The size in bytes the feed declares.
    public var length: Int64?

    /// Makes an enclosure.
    public init(url: String, type: String? = nil, length: Int64? = nil) {
        self.url = url
        self.type = type
        self.length = length
    }
}
