/// A feed listed in an OPML subscription list.
public struct Subscription: Sendable, Equatable {
    /// The feed's URL, trimmed, with `feed:` schemes turned into `http:`/`https:`.
    public var url: String
    /// The outline's `title`, else its `text`, trimmed; nil when both are empty.
    public var title: String?
    /// The outline's tags, without repeats.
    /// The folders the outline sits in, outermost first, then the segments of
    /// its `category` attribute.
    public var tags: [String]

    /// Makes a subscription.
    public init(url: String, title: String?, tags: [String]) {
        self.url = url
        self.title = title
        self.tags = tags
    }
}

/// Why a document could not be read as an OPML subscription list.
/// The description is the one-line message, to be prefixed with the file.
public enum OPMLError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The document is larger than the reader accepts.
    case tooLarge(bytes: Int, limit: Int)
    /// The document is not XML at all (empty, binary, text, JSON or HTML).
    case notXML(String)
    /// The document is XML, but its root element is not `<opml>`.
    case notOPML(rootElement: String)

    public var description: String {
        switch self {
        case .tooLarge(let bytes, let limit):
            return "not read: the document has \(bytes) bytes, more than the limit of \(limit)"
        case .notXML(let what):
            return "not OPML: the document is \(what)"
        case .notOPML(let root) where ["rss", "rdf", "feed"].contains(root.lowercased()):
            return "not OPML: this is a feed (<\(root)>); add its URL to feeds.conf instead"
        case .notOPML(let root):
            return "not OPML: the root element is <\(root)>, not opml"
        }
    }
}

/// Reads OPML subscription lists (OPML 1.0 and 2.0, as feed readers export them) into `Subscription` values.
///
/// Real-world lists are forgiving-read: attribute names in any case
/// (`xmlUrl`, `xmlurl`), `type` missing or odd, folders nested to any depth
/// (each folder's title becomes a tag), broken XML recovered, any encoding
/// the document declares. Outlines without a feed URL are folders or links,
/// not feeds.
public enum SubscriptionList {
    /// The largest list read, in bytes: a list of 100,000 feeds fits.
    public static let maximumBytes = 32 << 20

    /// The subscriptions of an OPML document, in document order, with duplicates (the same URL again) left in:
    /// the caller reports them.
    /// - Throws: `OPMLError` when the document is not OPML.
    public static func read(_ document: [UInt8]) throws(OPMLError) -> [Subscription] {
        guard document.count <= maximumBytes else {
            throw .tooLarge(bytes: document.count, limit: maximumBytes)
        }
        let decoded = DocumentEncoding.decode(document, httpCharset: nil)
        let kind = decoded.bytes.withUnsafeBufferPointer { DocumentSniffer.kind(of: $0) }
        switch kind {
        case .empty: throw .notXML("empty")
        case .binary: throw .notXML("binary data")
        case .plainText: throw .notXML("plain text")
        case .json: throw .notXML("JSON")
        case .html: throw .notXML("an HTML page")
        case .xml(let offset):
            let reader = OPMLReader.read(Array(decoded.bytes[offset...]))
            guard let root = reader.rootName else { throw .notXML("broken XML with no element") }
            guard root.lowercased() == "opml" else { throw .notOPML(rootElement: root) }
            return reader.outlines.compactMap(subscription)
        }
    }

    private static func subscription(_ outline: OPMLReader.Outline) -> Subscription? {
        let attributes = outline.attributes
        // `url` names a feed only on outlines typed as one; elsewhere it is a link.
        let type = attributes["type"]?.lowercased()
        let candidate = attributes["xmlurl"] ?? (type == "rss" || type == "atom" ? attributes["url"] : nil)
        guard let raw = candidate?.trimmingXMLWhitespace(), !raw.isEmpty else { return nil }
        var tags: [String] = []
        func add(_ tag: String) {
            let tag = tag.replacing(",", with: " ").trimmingXMLWhitespace()
            if !tag.isEmpty, !tags.contains(tag) { tags.append(tag) }
        }
        outline.folders.forEach(add)
        for category in (attributes["category"] ?? "").split(separator: ",") {
            category.split(separator: "/").forEach { add(String($0)) }
        }
        let title = (attributes["title"]?.trimmedOrNil ?? attributes["text"]?.trimmedOrNil)
        return Subscription(url: webURL(raw), title: title, tags: tags)
    }

    /// `feed://host/x` and `feed:https://host/x` as the http(s) URL they stand for.
    ///
    /// The feed: pseudo-scheme is what some browsers and lists use.
    static func webURL(_ url: String) -> String {
        let lower = url.lowercased()
        if lower.hasPrefix("feed://") { return "http://" + url.dropFirst(7) }
        if lower.hasPrefix("feed:http://") || lower.hasPrefix("feed:https://") { return String(url.dropFirst(5)) }
        return url
    }
}
