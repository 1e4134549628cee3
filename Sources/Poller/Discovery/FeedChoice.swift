import Config

/// Which of the feeds `FeedDiscovery` found `feedspool add` may add: those not configured yet.
/// With several, the user picks one from a numbered menu.
public struct FeedChoice {
    /// The feeds found that are not configured yet, in the order found.
    public let candidates: [FeedDiscovery.Candidate]
    /// A line for each feed found that is configured already, by its URL or where it redirects.
    public let configured: [String]

    /// The choice among the feeds of `outcome` that `additions` has not configured.
    public init(_ outcome: FeedDiscovery.Outcome, additions: FeedAdditions) {
        let found: [FeedDiscovery.Candidate]
        switch outcome {
        case .feed(let feed): found = [feed]
        case .page(let feeds): found = feeds
        }
        var candidates: [FeedDiscovery.Candidate] = []
        var configured: [String] = []
        for candidate in found {
            if let note = additions.alreadyConfigured(candidate.url, redirectingTo: candidate.finalURL) {
                configured.append(note)
            } else {
                candidates.append(candidate)
            }
        }
        self.candidates = candidates
        self.configured = configured
    }

    /// The candidates numbered from 1, a line each (`  2. URL  (title)`), without a final line break.
    public var menu: String {
        candidates.enumerated().map { index, candidate in
            "  \(index + 1). \(candidate.url)" + (candidate.title.map { "  (\($0))" } ?? "")
        }.joined(separator: "\n")
    }

    /// The candidate the user's `answer` numbers, blanks aside; nil for anything else.
    public func picked(_ answer: String) -> FeedDiscovery.Candidate? {
        guard let number = Int(answer.filter { !$0.isWhitespace }), candidates.indices.contains(number - 1) else { return nil }
        return candidates[number - 1]
    }
}
