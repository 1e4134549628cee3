/// The "aggregator-metadata" family beyond `EdgeNoise`'s Hacker News labels.
///
/// Reddit's footer in its older wordings ("submitted by alice to pics", "[link] [275 comments]").
/// Keys are `BoundaryText.normalized` text.
enum AggregatorLines {
    /// The kind name of these lines.
    static let kind = "aggregator metadata"

    /// The kind of a line at an edge that is aggregator metadata, or nil.
    static func kind(of key: String) -> String? {
        guard key.utf8.count <= 100, let first = key.utf8.first else { return nil }
        if first == UInt8(ascii: "["), isBracketedLinks(key) { return kind }
        if first == UInt8(ascii: "s"), isSubmittedBy(key) { return kind }
        return nil
    }

    /// "[link] [275 comments]": bracketed "link" and comment counts only.
    private static func isBracketedLinks(_ key: String) -> Bool {
        let parts = key.split(separator: "]").map { String($0).trimmingCharacters(in: " ") }
        return !parts.isEmpty && parts.allSatisfy { part in
            guard part.hasPrefix("[") else { return false }
            let words = part.dropFirst().split(separator: " ")
            if words == ["link"] || words == ["comments"] { return true }
            return words.count == 2 && words[0].allSatisfy(\.isNumber) && ["comment", "comments"].contains(words[1])
        }
    }

    /// Whether `key` names only a user and a forum ("submitted by alice to pics").
    ///
    /// "submitted by /u/alice to r/pics" too: a user and a forum, nothing more.
    private static func isSubmittedBy(_ key: String) -> Bool {
        guard key.hasBytePrefix("submitted by ") else { return false }
        let words = key.dropFirst(13).split(separator: " ")
        return (words.count == 3 || words.count == 1) && (words.count == 1 || words[1] == "to")
            && words.allSatisfy { !$0.contains(".") || $0.hasPrefix("/u/") || $0.hasPrefix("r/") }
    }
}
