/// Why a document could not be read as a feed. The descriptions are the
/// one-line messages feedspool prints; callers prefix the feed's name or file.
public enum FeedParseError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The document has no bytes, or only white space.
    case empty
    /// The document is larger than the parser accepts.
    case tooLarge(bytes: Int, limit: Int)
    /// The document is binary data, not text.
    case binary
    /// The document is text that is neither XML nor JSON.
    case plainText
    /// The document is an HTML page.
    /// `advertisedFeeds` are the absolute URLs of the feeds it links to with
    /// `<link rel="alternate">`.
    case htmlPage(advertisedFeeds: [String])
    /// The document is XML, but its root element is no feed format.
    case notAFeed(rootElement: String)
    /// The XML is broken before any feed element could be read.
    case malformedXML(line: Int, message: String)
    /// The document looks like JSON but is no JSON Feed.
    case malformedJSON(String)

    public var description: String {
        switch self {
        case .empty:
            return "not a feed: the document is empty"
        case .tooLarge(let bytes, let limit):
            return "not parsed: the document has \(bytes) bytes, more than the limit of \(limit)"
        case .binary:
            return "not a feed: the document is binary data"
        case .plainText:
            return "not a feed: the document is plain text, neither XML nor JSON"
        case .htmlPage(let feeds) where feeds.isEmpty:
            return "not a feed: this is an HTML page, and it advertises no feeds"
        case .htmlPage(let feeds):
            return "not a feed: this is an HTML page; it advertises: " + feeds.joined(separator: " ")
        case .notAFeed(let root) where root.lowercased() == "opml":
            return "not a feed: this is an OPML subscription list; feedspool import prints its feeds as feeds.conf lines"
        case .notAFeed(let root):
            return "not a feed: the root element is <\(root)>, not rss, RDF or feed"
        case .malformedXML(let line, let message):
            return "not a feed: malformed XML at line \(line): \(message)"
        case .malformedJSON(let message):
            return "not a feed: \(message)"
        }
    }
}
