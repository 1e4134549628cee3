/// The "aggregator-metadata" family beyond `EdgeNoise`'s Hacker News labels.
///
/// Reddit's footer in its older wordings ("submitted by alice to pics", "[link] [275 comments]"),
/// and a news aggregator's link to a story's coverage ("View Full Coverage on Google News").
/// Keys are `BoundaryText.normalized` text.
enum AggregatorLines {
    /// The kind name of these lines.
    static let kind = "aggregator metadata"
    /// The kind name of Reddit's footer ("submitted by /u/alice to r/pics [link] [comments]").
    static let redditFooter = "Reddit footer"
    /// Every kind name an aggregator's lines about an entry are removed under.
    static let kinds = [kind, redditFooter]

    /// The kind of a line at an edge that is aggregator metadata, or nil.
    static func kind(of key: String, linkDensity: Double) -> String? {
        guard key.utf8.count <= 100, let first = key.utf8.first else { return nil }
        if first == UInt8(ascii: "["), isBracketedLinks(key) { return kind }
        if first == UInt8(ascii: "s"), isSubmittedBy(key) { return kind }
        return isCoverageLink(key, linkDensity: linkDensity) ? kind : nil
    }

    /// Whether `key` is a link to more coverage of the story, given its link density.
    ///
    /// For example "View Full Coverage on Google News", "Full coverage", "See all coverage", "More
    /// coverage", "Voir la couverture complète", "Ver cobertura completa en Google Noticias": mostly
    /// a link, a word for coverage and only the family's other words. "The full coverage of the
    /// trial is on page 4" says more, and stays.
    static func isCoverageLink(_ key: String, linkDensity: Double) -> Bool {
        guard linkDensity >= 0.5, key.utf8.count <= 100, coverageNouns.contains(where: key.containsBytes(of:)),
              let words = LabelWords.words(of: key, limit: 10)
        else { return false }
        return words.contains(where: coverageNouns.contains)
            && words.allSatisfy { coverageNouns.contains($0) || coverageWords.contains($0) }
    }

    /// Words for a story's coverage.
    private static let coverageNouns = [
        "coverage", "couverture", "cobertura", "copertura", "berichterstattung", "dekking",
    ]

    /// The other words of coverage links: verbs to look, "full", "all", "more", and aggregators' names.
    private static let coverageWords: Set<String> = [
        "view", "see", "read", "all", "full", "more", "the", "on", "in", "at", "google", "news", "apple", "yahoo",
        "bing", "voir", "toute", "la", "complète", "sur", "actualités", "plus", "de", "ver", "toda", "completa", "en",
        "noticias", "más", "visualizza", "vedi", "tutta", "su", "altra", "no", "notícias", "mais", "vollständige",
        "ganze", "alle", "mehr", "ansehen", "bei", "die", "volledige", "bekijk", "meer", "op", "nieuws",
    ]

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
