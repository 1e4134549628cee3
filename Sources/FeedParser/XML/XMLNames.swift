/// The XML namespaces feeds use, as far as the parser tells them apart.
enum Namespace: Sendable, Equatable {
    /// No namespace: RSS 0.91 to 2.0 elements, and feeds that forgot theirs.
    case none
    case atom10, atom03, rss10, rss090, rdf, dublinCore, dublinCoreTerms
    case content, media, itunes, xhtml, xml
    /// RSS 1.0's syndication module (`sy:updatePeriod`), which RSS 2.0 feeds use too.
    case syndication
    /// The Podcasting 2.0 namespace (podcastindex.org).
    case podcast
    /// Any namespace feedspool has no use for.
    case other

    /// The namespace a URI names. Feeds spell some URIs in several ways
    /// (with or without a trailing slash, in another case), so the match is lenient.
    init(uri: String) {
        switch uri {
        case "http://www.w3.org/2005/Atom": self = .atom10
        case "http://purl.org/atom/ns#": self = .atom03
        case "http://purl.org/rss/1.0/": self = .rss10
        case "http://my.netscape.com/rdf/simple/0.9/": self = .rss090
        case "http://www.w3.org/1999/02/22-rdf-syntax-ns#": self = .rdf
        case "http://purl.org/dc/elements/1.1/": self = .dublinCore
        case "http://purl.org/dc/terms/": self = .dublinCoreTerms
        case "http://purl.org/rss/1.0/modules/content/": self = .content
        case "http://purl.org/rss/1.0/modules/syndication/": self = .syndication
        case "http://search.yahoo.com/mrss/", "http://search.yahoo.com/mrss": self = .media
        case "http://www.w3.org/1999/xhtml": self = .xhtml
        case "http://www.w3.org/XML/1998/namespace": self = .xml
        case "https://podcastindex.org/namespace/1.0": self = .podcast
        // RSS 0.91–2.0 declared in a namespace, which RSS has none of: its elements are core.
        case "http://backend.userland.com/rss2", "http://backend.userland.com/rss",
             "http://blogs.law.harvard.edu/tech/rss":
            self = .none
        // The names Atom 0.3 went by while it was drafted.
        case "http://purl.org/echo/", "http://purl.org/pie/": self = .atom03
        default:
            self = Namespace(variantURI: uri)
        }
    }

    /// The namespace of a URI spelled another way than its specification does:
    /// another case, `https`, a missing or extra trailing `/` or `#`.
    private init(variantURI uri: String) {
        var lowered = uri.lowercased()
        if lowered.hasPrefix("https://") { lowered.removeFirst(5); lowered = "http" + lowered }
        while lowered.hasSuffix("/") || lowered.hasSuffix("#") { lowered.removeLast() }
        switch lowered {
        case "http://www.w3.org/2005/atom": self = .atom10
        case "http://purl.org/atom/ns": self = .atom03
        case "http://purl.org/dc/elements/1.1": self = .dublinCore
        case "http://purl.org/dc/terms": self = .dublinCoreTerms
        case "http://purl.org/rss/1.0/modules/content": self = .content
        case "http://purl.org/rss/1.0/modules/syndication": self = .syndication
        case "http://search.yahoo.com/mrss", "http://video.search.yahoo.com/mrss",
             "http://www.rssboard.org/media-rss":
            self = .media
        case "http://backend.userland.com/rss2", "http://backend.userland.com/rss": self = .none
        case "http://podcastindex.org/namespace/1.0": self = .podcast
        default:
            if lowered.hasPrefix("http://www.itunes.com/dtds/podcast-1.0.dtd") {
                self = .itunes
            } else if lowered.hasPrefix("http://purl.org/rss/1.0") {
                self = .rss10
            } else {
                self = .other
            }
        }
    }

    /// The namespace a prefix conventionally stands for, used when a feed never declared it.
    /// A common mistake: `dc:creator` written without declaring `xmlns:dc`.
    init(undeclaredPrefix prefix: String) {
        switch prefix {
        case "atom": self = .atom10
        case "dc": self = .dublinCore
        case "dcterms": self = .dublinCoreTerms
        case "content": self = .content
        case "media": self = .media
        case "itunes": self = .itunes
        case "podcast": self = .podcast
        case "rdf": self = .rdf
        case "sy": self = .syndication
        case "xhtml": self = .xhtml
        default: self = .other
        }
    }

    /// Whether this is one of the Atom namespaces.
    var isAtom: Bool { self == .atom10 || self == .atom03 }
}

/// The local element and attribute names the parser acts on; every other name is `.other`.
enum LocalName: String, Sendable {
    case rss, RDF, channel, feed, item, entry, html
    case title, link, description, guid, id, author, name, email, creator, managingEditor
    case pubDate, date, published, updated, modified, issued, lastBuildDate, created
    case category, subject, summary, content, encoded, subtitle, tagline, language
    case enclosure, group, image, textinput, textInput, source, div, body, keywords
    case ttl, updatePeriod, updateFrequency
    case transcript, chapters, person
    // Attributes.
    case about, base, lang, version, href, rel, type, length, url, fileSize, role
    case term, label, isPermaLink, mode, src, text
    case other

    /// The name `text` spells, in any case (`TiTlE`, `PUBDATE`); `.other` when none.
    /// feedparser and iTunes read feed element names so.
    init(anyCase text: String) {
        if let exact = LocalName(rawValue: text) {
            self = exact
        } else {
            self = Self.byLowercasedName[text.lowercased()] ?? .other
        }
    }

    private static let byLowercasedName: [String: LocalName] = Dictionary(
        uniqueKeysWithValues: [LocalName](arrayLiteral:
            .rss, .RDF, .channel, .feed, .item, .entry, .html, .title, .link, .description, .guid, .id,
            .author, .name, .email, .creator, .managingEditor, .pubDate, .date, .published, .updated,
            .modified, .issued, .lastBuildDate, .created, .category, .subject, .summary, .content,
            .encoded, .subtitle, .tagline, .language, .enclosure, .group, .image, .textInput, .source,
            .keywords, .ttl, .updatePeriod, .updateFrequency, .transcript, .chapters, .person
        ).map { ($0.rawValue.lowercased(), $0) })

    /// Whether this names an element of a feed's structure or fields, as opposed to markup or attributes:
    /// such an element opening inside a plain-text field means the field's end
    /// tag is missing.
    var isFeedElement: Bool {
        switch self {
        case .other, .div, .body, .html, .about, .base, .lang, .version, .href, .rel, .type,
             .length, .url, .fileSize, .role, .term, .label, .isPermaLink, .mode, .src, .name, .email, .text:
            return false
        default:
            return true
        }
    }
}

/// Turns the name pointers libxml2 hands to SAX callbacks into enums, remembering each pointer:
/// libxml2 interns names in a per-parse dictionary, so each distinct name is
/// decoded once per document, not once per element.
struct NameTable {
    private var localNames = PointerMap<LocalName>()
    private var namespaces = PointerMap<Namespace>()
    private var prefixes = PointerMap<Namespace>()

    /// The local name `pointer` spells.
    mutating func localName(_ pointer: UnsafePointer<UInt8>) -> LocalName {
        let key = UnsafeRawPointer(pointer)
        if let known = localNames[key] { return known }
        let name = LocalName(anyCase: String(cString: pointer))
        localNames.insert(name, for: key)
        return name
    }

    /// The namespace of an element or attribute, from its URI, or from its prefix when the feed never declared one.
    mutating func namespace(uri: UnsafePointer<UInt8>?, prefix: UnsafePointer<UInt8>?) -> Namespace {
        if let uri {
            let key = UnsafeRawPointer(uri)
            if let known = namespaces[key] { return known }
            let namespace = Namespace(uri: String(cString: uri))
            namespaces.insert(namespace, for: key)
            return namespace
        }
        guard let prefix else { return .none }
        let key = UnsafeRawPointer(prefix)
        if let known = prefixes[key] { return known }
        let namespace = Namespace(undeclaredPrefix: String(cString: prefix))
        prefixes.insert(namespace, for: key)
        return namespace
    }
}

/// A small map keyed by pointer identity, for `NameTable`.
///
/// Open addressing on the pointer's bits, so a lookup is a multiply and a compare or two instead of
/// `Dictionary`'s SipHash, on every element and attribute.
struct PointerMap<Value> {
    private var keys = [UnsafeRawPointer?](repeating: nil, count: 64)
    private var values = [Value?](repeating: nil, count: 64)
    private var count = 0

    /// The value stored for `key`, or nil.
    subscript(key: UnsafeRawPointer) -> Value? {
        let mask = keys.count - 1
        var slot = Self.slot(of: key, mask: mask)
        while let stored = keys[slot] {
            if stored == key { return values[slot] }
            slot = (slot + 1) & mask
        }
        return nil
    }

    /// Stores `value` for `key`, which must not be stored yet.
    mutating func insert(_ value: Value, for key: UnsafeRawPointer) {
        if (count + 1) * 2 > keys.count { grow() }
        let mask = keys.count - 1
        var slot = Self.slot(of: key, mask: mask)
        while keys[slot] != nil { slot = (slot + 1) & mask }
        keys[slot] = key
        values[slot] = value
        count += 1
    }

    private mutating func grow() {
        let oldKeys = keys
        let oldValues = values
        keys = [UnsafeRawPointer?](repeating: nil, count: oldKeys.count * 2)
        values = [Value?](repeating: nil, count: oldKeys.count * 2)
        count = 0
        for (key, value) in zip(oldKeys, oldValues) {
            if let key, let value { insert(value, for: key) }
        }
    }

    /// Fibonacci hashing: the high bits of the pointer times 2⁶⁴/φ.
    @inline(__always)
    private static func slot(of key: UnsafeRawPointer, mask: Int) -> Int {
        let product = UInt(bitPattern: Int(bitPattern: key)) &* 0x9E37_79B9_7F4A_7C15
        return Int(truncatingIfNeeded: product >> 40) & mask
    }
}
