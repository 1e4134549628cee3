import Config
import Fetcher

/// The fetchers polls go through, under the configuration's `concurrency` and `per-host` caps.
/// One for the feeds and, when a feed has `fulltext=yes` or `enclosures`, one for the entries'
/// pages and enclosures.
///
/// Pages need their own: the feeds' fetcher may be waiting for a worker to
/// take a response, so a worker must never wait for it. `run` keeps them
/// from round to round, so their connections and DNS answers are reused.
public struct PollFetchers: Sendable {
    /// Fetches the feeds.
    public let feeds: any FeedFetching
    /// Fetches the pages of `fulltext=yes` feeds and the enclosures of feeds with `enclosures`.
    /// nil when no feed needs it.
    public let pages: (any FeedFetching)?
    /// The `concurrency` and `per-host` caps they were made for.
    private let caps: [Int]

    /// libcurl fetchers for `feeds` under the caps of `globals`.
    public init(for feeds: [FeedSettings], globals: GlobalSettings) {
        self.feeds = Fetcher(concurrency: globals.concurrency, perHost: globals.perHost)
        pages = feeds.contains(where: Self.needsPages)
            ? Fetcher(concurrency: globals.concurrency, perHost: globals.perHost) : nil
        caps = Self.caps(of: globals)
    }

    /// libcurl fetchers for the feeds of `configuration`.
    public init(for configuration: Configuration) {
        self.init(for: configuration.feeds, globals: configuration.globals)
    }

    /// The given fetchers, standing for those `configuration` would have.
    public init(feeds: any FeedFetching, pages: (any FeedFetching)?, for configuration: Configuration) {
        self.feeds = feeds
        self.pages = pages
        caps = Self.caps(of: configuration.globals)
    }

    /// Whether these fetchers serve `configuration` as new ones would.
    /// The same caps, and a page fetcher exactly when a feed needs one.
    func serve(_ configuration: Configuration) -> Bool {
        caps == Self.caps(of: configuration.globals)
            && (pages != nil) == configuration.feeds.contains(where: Self.needsPages)
    }

    /// Whether `feed` fetches more than itself: its entries' pages or enclosures.
    private static func needsPages(_ feed: FeedSettings) -> Bool {
        feed.fulltext || feed.enclosureFolder != nil
    }

    private static func caps(of globals: GlobalSettings) -> [Int] {
        [max(1, globals.concurrency), max(1, globals.perHost)]
    }
}
