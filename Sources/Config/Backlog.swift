/// How much of a feed's first document is delivered (`backlog`): its newest entries, or all.
///
/// The entries left out are recorded as seen, so a podcast's back
/// catalogue never arrives, then or later.
public enum Backlog: Sendable, Equatable, CustomStringConvertible {
    /// Every entry of the first document, as before `backlog` existed.
    case all
    /// At most this many entries, the newest (0 delivers none: a catch-up).
    case newest(Int)

    /// The default, 20 entries.
    ///
    /// Most blogs' and news sites' feeds list 10 to 20 entries and arrive whole, while a podcast's
    /// hundred episodes or a full-archive feed do not flood a script on their first poll.
    public static let standard = Backlog.newest(20)

    /// The most entries a first poll delivers; nil for `all`.
    public var limit: Int? {
        switch self {
        case .all: return nil
        case .newest(let count): return count
        }
    }

    /// As written in `feeds.conf`: `all` or the number.
    public var description: String { limit.map(String.init) ?? "all" }
}

extension Values {
    /// A `backlog`: `all`, or a whole number from 0.
    static func backlog(_ text: String) throws(ValueError) -> Backlog {
        if text == "all" { return .all }
        guard text.allSatisfy({ $0.isASCII && $0.isNumber }), let count = Int(text) else {
            throw ValueError("bad backlog \(quoted(text)) (use a whole number of entries, e.g. 20, or all)")
        }
        return .newest(count)
    }
}
