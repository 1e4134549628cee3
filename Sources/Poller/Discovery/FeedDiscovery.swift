import Config
import FeedParser
import Fetcher

/// Finds the feeds behind a URL the user wants to add (`feedspool add`).
/// The URL itself when it is a feed; else the feeds its page advertises with
/// `<link rel="alternate">` (`HTMLFeedLinkScanner` finds them); else the
/// feeds at the paths blog platforms commonly use, tried on the site's root.
public struct FeedDiscovery {
    /// A feed found, with the title it gives itself.
    public struct Candidate: Equatable, Sendable {
        /// The feed's URL, as advertised or tried.
        public var url: String
        /// The feed's own title, if it has one.
        public var title: String?
        /// The URL the feed answered from after redirects, when that differs.
        public var finalURL: String?

        /// A candidate for the feed at `url`.
        public init(url: String, title: String?, finalURL: String?) {
            self.url = url
            self.title = title
            self.finalURL = finalURL
        }
    }

    /// What the URL turned out to be.
    public enum Outcome: Equatable, Sendable {
        /// The URL is a feed.
        case feed(Candidate)
        /// The URL is a page; these are the feeds found for it, in page order, then in the order of `commonPaths`.
        case page([Candidate])
    }

    /// Why nothing could be found; the description is one line for the user.
    public struct Failure: Error, CustomStringConvertible {
        /// The line for the user.
        public var description: String
    }

    /// Where WordPress, Blogger, Ghost, Hugo, Jekyll and the like put their feeds.
    public static let commonPaths = ["/feed", "/rss", "/feed.xml", "/rss.xml", "/atom.xml", "/index.xml",
                              "/feeds/posts/default", "/blog/feed"]

    private let fetcher: any FeedFetching
    private let globals: GlobalSettings

    /// Discovery through `fetcher`, with the user agent, timeout and size cap of `globals`.
    public init(fetcher: any FeedFetching, globals: GlobalSettings) {
        self.fetcher = fetcher
        self.globals = globals
    }

    /// Fetches `url` and finds its feeds.
    public func discover(_ url: String) throws(Failure) -> Outcome {
        let response = try fetch([url])[0].get()
        switch parse(response) {
        case .feed(let feed):
            return .feed(candidate(url, feed: feed, response: response))
        case .page(let advertised):
            let found = advertised.isEmpty ? [] : fetchFeeds(advertised)
            if !found.isEmpty { return .page(found) }
            let fallbacks = Self.commonPaths.compactMap { path in root(of: response.effectiveURL).map { $0 + path } }
                .filter { !advertised.contains($0) }
            let guessed = fetchFeeds(fallbacks)
            if guessed.isEmpty {
                let what = advertised.isEmpty ? "advertises no feed" : "advertises no feed that answers"
                throw Failure(description: "\(url): this is an HTML page that \(what), and none of "
                              + Self.commonPaths.joined(separator: ", ") + " on its site is a feed")
            }
            return .page(guessed)
        case .neither(let reason):
            throw Failure(description: "\(url): \(reason)")
        }
    }

    private enum Parsed {
        case feed(Feed)
        case page(advertised: [String])
        case neither(String)
    }

    private func parse(_ response: FetchResponse) -> Parsed {
        do {
            return .feed(try FeedParser().parse(response.body, baseURL: response.effectiveURL, charset: response.charset))
        } catch .htmlPage(let feeds) {
            return .page(advertised: feeds.filter { $0.hasPrefix("http://") || $0.hasPrefix("https://") })
        } catch {
            return .neither(error.description)
        }
    }

    /// The feeds among `urls` that answer with a feed, in the order given.
    private func fetchFeeds(_ urls: [String]) -> [Candidate] {
        zip(urls, fetch(urls)).compactMap { url, result in
            guard case .success(let response) = result, case .feed(let feed) = parse(response) else { return nil }
            return candidate(url, feed: feed, response: response)
        }
    }

    private func candidate(_ url: String, feed: Feed, response: FetchResponse) -> Candidate {
        Candidate(url: url, title: feed.title,
                  finalURL: response.effectiveURL == url ? nil : response.effectiveURL)
    }

    /// Fetches `urls` at once.
    /// A transport failure or a status other than 2xx is that URL's failure,
    /// worded for the user.
    private func fetch(_ urls: [String]) -> [Result<FetchResponse, Failure>] {
        let requests = urls.enumerated().map { index, url in
            FetchRequest(id: index, url: url, userAgent: globals.userAgent ?? FetchRequest.defaultUserAgent,
                         timeout: globals.timeout, maxBytes: globals.maxSize)
        }
        var results = [Result<FetchResponse, Failure>](repeating: .failure(Failure(description: "")), count: urls.count)
        fetcher.fetch(requests) { id, result in
            switch result {
            case .success(let response) where response.isSuccess:
                results[id] = .success(response)
            case .success(let response):
                results[id] = .failure(Failure(description: "\(urls[id]): HTTP \(response.status)"))
            case .failure(let error):
                results[id] = .failure(Failure(description: "\(urls[id]): \(error)"))
            }
        }
        return results
    }

    /// `scheme://host[:port]` of `url`, without credentials; nil when it has none.
    private func root(of url: String) -> String? {
        let url = URLCredentials.removed(from: url)
        guard let separator = url.firstRange(of: "://") else { return nil }
        let rest = url[separator.upperBound...]
        let end = rest.firstIndex { $0 == "/" || $0 == "?" || $0 == "#" } ?? rest.endIndex
        return String(url[..<end])
    }
}
