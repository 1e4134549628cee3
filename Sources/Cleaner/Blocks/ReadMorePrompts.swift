/// The "read-more" and "click-here" families beyond `EdgeNoise`'s prompts.
///
/// A block that is only a "Read the full post" or "Continue reading →" link or an image hint
/// (`ImageZoomLabels`), and a last line that sends the reader on ("Comments · Read more in this
/// week's issue of X…"). Keys are `BoundaryText.normalized` text.
enum ReadMorePrompts {
    /// The kind name of these blocks.
    static let kind = "read-in-full prompt"

    /// The kind of a short block anywhere in an entry that is only a read-more link or image hint.
    ///
    /// Nil when it is neither.
    static func standaloneKind(of key: String, linkDensity: Double) -> String? {
        guard key.utf8.count <= 60 else { return nil }
        if ImageZoomLabels.matches(key, at: linkDensity >= 0.5 ? .link : .plain) { return ImageZoomLabels.kind }
        if linkDensity >= 0.8, BoundaryText.trailer(key)?.hasSuffix(" link") == true { return kind }
        return nil
    }

    /// The kind of a line at an edge that sends the reader on to the full text, or nil.
    ///
    /// For example "Reader comments · Read more in this week's issue…".
    static func kind(of key: String) -> String? {
        guard key.utf8.count <= 100, key.containsBytes(of: "read more ") || key.containsBytes(of: "continue reading "),
              let range = key.firstRange(of: "read more ") ?? key.firstRange(of: "continue reading "),
              key.utf8.distance(from: key.utf8.startIndex, to: range.lowerBound.samePosition(in: key.utf8)!) <= 24
        else { return nil }
        let rest = key[range.upperBound...]
        return ["in ", "at ", "on ", "from "].contains(where: rest.hasBytePrefix) ? kind : nil
    }
}
