/// One `include=` or `exclude=` filter of a feed: `FIELD~REGEX`.
///
/// True when the regular expression matches somewhere in the field
/// (use `^…$` to anchor, `(?i)` to ignore case).
///
/// The pattern is kept as text: Swift's `Regex` is not `Sendable`, and this
/// type crosses from the loader to the poller's tasks. The loader compiles
/// every pattern once to reject bad ones, so compiling again on use cannot
/// fail; ``EntrySelector`` compiles a feed's filters once for a batch of entries.
public struct EntryFilter: Sendable, Hashable, CustomStringConvertible {
    /// The entry field a filter looks at.
    public enum Field: String, Sendable, Hashable, CaseIterable {
        /// The entry's title (plain text).
        case title
        /// The entry's link.
        case link
        /// Any one of the entry's authors.
        case author
        /// Any one of the entry's categories.
        case category
        /// The entry's content, or its summary when it has no content (HTML).
        case content
    }

    /// The field the pattern is matched against.
    public var field: Field
    /// The regular expression, as written.
    public var pattern: String

    /// Creates a filter; ``ConfigLoader`` checks that `pattern` compiles.
    public init(field: Field, pattern: String) {
        self.field = field
        self.pattern = pattern
    }

    /// `FIELD~REGEX`, as in the configuration.
    public var description: String { "\(field.rawValue)~\(pattern)" }

    /// Whether the filter matches an entry. An absent field never matches.
    /// Compiles the pattern on every call (a pattern that does not compile matches nothing).
    public func matches(
        title: String?, link: String?, authors: [String], categories: [String], content: String?
    ) -> Bool {
        guard let regex = try? Regex(pattern) else { return false }
        return matches(regex, title: title, link: link, authors: authors, categories: categories, content: content)
    }

    func matches(
        _ regex: Regex<AnyRegexOutput>,
        title: String?, link: String?, authors: [String], categories: [String], content: String?
    ) -> Bool {
        switch field {
        case .title: return title?.contains(regex) ?? false
        case .link: return link?.contains(regex) ?? false
        case .author: return authors.contains { $0.contains(regex) }
        case .category: return categories.contains { $0.contains(regex) }
        case .content: return content?.contains(regex) ?? false
        }
    }
}

/// A feed's `include` and `exclude` filters compiled, to test many entries.
///
/// Not `Sendable`, because `Regex` is not: make one inside the task that
/// handles the feed's entries rather than sharing it between tasks.
public struct EntrySelector {
    // nil for a pattern that does not compile: the loader rejects those, so only
    // a hand-built filter can have one, and it matches nothing.
    private let include: [(EntryFilter, Regex<AnyRegexOutput>?)]
    private let exclude: [(EntryFilter, Regex<AnyRegexOutput>?)]

    /// Compiles `feed`'s filters.
    public init(_ feed: FeedSettings) {
        include = feed.include.map { ($0, try? Regex($0.pattern)) }
        exclude = feed.exclude.map { ($0, try? Regex($0.pattern)) }
    }

    /// Whether an entry passes the filters.
    ///
    /// No `exclude` filter may match it and, when the feed has
    /// `include` filters, at least one of them must.
    public func accepts(
        title: String?, link: String?, authors: [String], categories: [String], content: String?
    ) -> Bool {
        let matches = { (pair: (EntryFilter, Regex<AnyRegexOutput>?)) in
            guard let regex = pair.1 else { return false }
            return pair.0.matches(regex, title: title, link: link, authors: authors, categories: categories, content: content)
        }
        if exclude.contains(where: matches) { return false }
        return include.isEmpty || include.contains(where: matches)
    }
}
