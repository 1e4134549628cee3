import Config
import Fetcher
import Spool
import State

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
    /// Also its login, headers, cookies and proxy, which pages never get.
    init(for feed: FeedSettings, id: Int, state: FeedState) {
        self.init(url: feed.url, id: id, settings: feed)
        etag = state.etag
        lastModified = state.lastModified
        allowFile = feed.url.lowercased().hasPrefix("file://")
        let access = feed.access
        login = access.login.map { FetchRequest.Login(user: $0.user, password: $0.password) }
        netrcFile = access.netrcFile
        headers = access.headers
        cookieFile = access.cookieFile
        switch access.proxy {
        case nil: proxy = nil
        case .direct: proxy = .direct
        case .url(let url): proxy = .url(url)
        }
    }
}
