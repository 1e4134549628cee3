import FeedParser

/// Whether an article is delivered for the first time or again because its entry changed.
/// The raw values are the JSON contract's `kind`.
public enum ArticleKind: String, Sendable, Equatable {
    /// The entry has never been delivered.
    case new
    /// The entry was delivered before and has changed since (`updates=yes`).
    case update
}

/// An entry to deliver, with what the spool needs to record it.
/// The state store has not delivered it yet, or, with updates on, it changed.
public struct NewEntry: Sendable, Equatable {
    /// The entry as parsed.
    public var entry: Entry
    /// The key that identifies it within its feed (see `EntryKeys`).
    public var key: String
    /// First delivery or a changed entry.
    public var kind: ArticleKind
    /// A digest of its title, summary and content, to notice changes.
    public var fingerprint: String

    /// Makes a new entry record.
    public init(entry: Entry, key: String, kind: ArticleKind, fingerprint: String) {
        self.entry = entry
        self.key = key
        self.kind = kind
        self.fingerprint = fingerprint
    }
}

/// How an entry is told apart from the others of its feed.
///
/// The key is the guid, unless the feed repeats guids (two entries of one
/// document share a guid: a CMS that gives every item the feed's URL);
/// else the link; else `sha256:` and the digest of the title and content
/// (the summary when there is no content). Empty strings count as absent.
/// Guids and links share one key space on purpose: many feeds use the
/// permalink as the guid, so a feed that starts repeating guids keeps its
/// keys for those entries.
public enum EntryKeys {
    /// Whether two entries of one document share a guid.
    public static func guidsRepeat(in entries: [Entry]) -> Bool {
        var guids = Set<String>()
        for entry in entries {
            guard let guid = present(entry.guid) else { continue }
            if !guids.insert(guid).inserted { return true }
        }
        return false
    }

    /// The key of `entry`; with `useGuid` false the guid is passed over.
    public static func key(for entry: Entry, useGuid: Bool) -> String {
        if useGuid, let guid = present(entry.guid) { return guid }
        if let link = present(entry.link) { return link }
        var hasher = SHA256()
        hasher.update(entry.title ?? "")
        hasher.update([0])
        hasher.update(entry.content ?? entry.summary ?? "")
        return "sha256:" + SHA256.hexString(hasher.finalize())
    }

    /// A digest of what a reader sees of the entry (title, summary, content), as 16 hex digits.
    /// A change to any of them is an update.
    public static func fingerprint(of entry: Entry) -> String {
        var hasher = SHA256()
        hasher.update(entry.title ?? "")
        hasher.update([0])
        hasher.update(entry.summary ?? "")
        hasher.update([0])
        hasher.update(entry.content ?? "")
        return String(SHA256.hexString(hasher.finalize()).prefix(16))
    }

    /// The article id of an entry key: the SHA-256, in hex, of the feed's name, a zero byte and the key.
    public static func articleID(feed: String, key: String) -> String {
        var hasher = SHA256()
        hasher.update(feed)
        hasher.update([0])
        hasher.update(key)
        return SHA256.hexString(hasher.finalize())
    }

    static func present(_ text: String?) -> String? {
        guard let text, !text.isEmpty else { return nil }
        return text
    }
}
