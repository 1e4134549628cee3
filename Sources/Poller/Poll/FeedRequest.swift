import Config
import Fetcher
import Spool

extension FetchRequest {
    /// A request for `url` under `feed`'s settings: its user agent, timeout, size cap and per-host cap.
    /// Feeds and their entries' pages both use it.
    init(url: String, id: Int, settings feed: FeedSettings) {
        self.init(id: id, url: url)
        if let userAgent = feed.userAgent { self.userAgent = userAgent }
        timeout = feed.timeout
        maxBytes = feed.maxSize
        perHost = feed.perHost
    }

    /// The request for `feed` itself, with the validators of its last fetch.
    init(for feed: FeedSettings, id: Int, state: FeedState) {
        self.init(url: feed.url, id: id, settings: feed)
        etag = state.etag
        lastModified = state.lastModified
        allowFile = feed.url.lowercased().hasPrefix("file://")
    }
}
