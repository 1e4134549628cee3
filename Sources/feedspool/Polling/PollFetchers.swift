import Config
import Fetcher

/// The fetchers polls go through, under the configuration's `concurrency`
/// and `per-host` caps: one for the feeds and, when a feed has
/// `fulltext=yes`, one for the entries' pages. Pages need their own: the
/// feeds' fetcher may be waiting for a worker to take a response, so a
/// worker must never wait for it. `run` keeps them from round to round, so
/// their connections and DNS answers are reused.
struct PollFetchers {
    /// Fetches the feeds.
    let feeds: Fetcher
    /// Fetches the pages of `fulltext=yes` feeds; nil when no feed has it.
    let pages: Fetcher?

    /// Fetchers for `feeds` under the caps of `globals`.
    init(for feeds: [FeedSettings], globals: GlobalSettings) {
        self.feeds = Fetcher(concurrency: globals.concurrency, perHost: globals.perHost)
        pages = feeds.contains(where: \.fulltext)
            ? Fetcher(concurrency: globals.concurrency, perHost: globals.perHost) : nil
    }

    /// Whether these fetchers serve `configuration` as new ones would: the
    /// same caps, and a page fetcher exactly when a feed needs one.
    func serve(_ configuration: Configuration) -> Bool {
        let globals = configuration.globals
        return feeds.concurrency == max(1, globals.concurrency) && feeds.perHost == max(1, globals.perHost)
            && (pages != nil) == configuration.feeds.contains(where: \.fulltext)
    }
}
