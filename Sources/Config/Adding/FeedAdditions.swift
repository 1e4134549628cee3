/// The `feeds.conf` lines for feeds to add to a configuration (`add`, `import`).
/// Each URL is added once and never when configured already; a name from a
/// feed's title is made unique among the names in use.
public struct FeedAdditions {
    /// The feeds configured already.
    private let existing: [FeedSettings]
    /// The URLs configured or added, as `FeedLine.identity(of:)` gives them.
    private var identities: Set<String>
    /// The names configured or added.
    private var names: Set<String>
    /// The lines so far, without line breaks.
    public private(set) var lines: [String] = []

    /// Additions to a configuration with `existing` feeds (none when it has no file yet).
    public init(existing: [FeedSettings]) {
        self.existing = existing
        identities = Set(existing.map { FeedLine.identity(of: $0.url) ?? $0.url })
        names = Set(existing.map(\.name))
    }

    /// The configured feed with the same URL as `url`, if any.
    public func configured(_ url: String) -> FeedSettings? {
        guard let identity = FeedLine.identity(of: url) else { return nil }
        return existing.first { FeedLine.identity(of: $0.url) == identity }
    }

    /// Why `url` is not added when it, or the URL it redirects to, is configured already; nil when neither is.
    /// `URL: already in FILE:LINE as NAME`, the URL shown without a user and password.
    public func alreadyConfigured(_ url: String, redirectingTo finalURL: String? = nil) -> String? {
        (configured(url) ?? finalURL.flatMap(configured))
            .map { "\(URLCredentials.removed(from: url)): already in \($0.source) as \($0.name)" }
    }

    /// Adds a line for `url` with `options` (`key=value` each).
    /// Without a `name` among them, the name comes from `title`.
    public mutating func add(url: String, title: String?, options: [String]) {
        var pairs = options.map { option in
            let equals = option.firstIndex(of: "=") ?? option.endIndex
            let value = equals == option.endIndex ? "" : String(option[option.index(after: equals)...])
            return (key: String(option[..<equals]), value: value)
        }
        if !pairs.contains(where: { $0.key == "name" }), let name = title.flatMap(FeedLine.name(fromTitle:)) {
            pairs.insert(("name", FeedLine.unique(name, among: &names)), at: 0)
        }
        lines.append(FeedLine.format(url: url, options: pairs))
    }

    /// Adds a line for a subscription of an OPML list, named from `title` and tagged with `tags`.
    /// Returns why it was left out or changed, one line each (a URL feeds.conf
    /// cannot take, one listed already, a user:password, which is never
    /// printed).
    public mutating func subscribe(url: String, title: String?, tags: [String]) -> [String] {
        let shown = URLCredentials.removed(from: url)
        if FeedLine.problem(with: url) != nil {
            // Worded from the URL without its password, which must not be shown.
            return ["left out: " + (FeedLine.problem(with: shown) ?? "bad URL \"\(shown)\"")]
        }
        guard identities.insert(FeedLine.identity(of: url) ?? url).inserted else {
            return ["left out \(shown): already listed"]
        }
        let name = title.flatMap(FeedLine.name(fromTitle:)).map { FeedLine.unique($0, among: &names) }
        lines.append(FeedLine.format(url: shown, name: name, tags: tags))
        return shown == url ? [] : ["\(shown): user and password left out; add them to the line yourself"]
    }
}
