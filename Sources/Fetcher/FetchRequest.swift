/// One feed to fetch.
/// Its URL, the validators stored from its last fetch, and the limits that keep
/// one bad server from holding up or flooding the others.
public struct FetchRequest: Sendable, Hashable {
    /// The User-Agent feedspool sends unless a request says otherwise. The
    /// version must match `feedspool --version` (`Feedspool.version`); the
    /// project has no public web page yet to name after a `+`.
    public static let defaultUserAgent = "feedspool/0.1.0 (feed aggregator; libcurl)"

    /// The caller's number for this request, handed back with its result.
    public var id: Int
    /// The URL to fetch, as the user wrote it: http, https, or file when `allowFile` is set.
    public var url: String
    /// The `ETag` from the last fetch; sent as `If-None-Match`.
    public var etag: String?
    /// The `Last-Modified` from the last fetch; sent as `If-Modified-Since`.
    public var lastModified: String?
    /// The `User-Agent` header.
    public var userAgent: String
    /// How long connecting (DNS, TCP and TLS) may take.
    public var connectTimeout: Duration
    /// How long the whole transfer may take, redirects included.
    public var timeout: Duration
    /// How long the transfer may run below `lowSpeedLimit` before it is abandoned.
    /// A server that drips bytes times out after this, not after `timeout`.
    /// Rounded up to whole seconds (libcurl's unit).
    public var lowSpeedTime: Duration
    /// The slowest transfer rate, in bytes a second, tolerated for `lowSpeedTime`.
    public var lowSpeedLimit: Int
    /// The most bytes of body, counted after decompression, that are kept.
    /// A larger body fails with `FetchError.tooLarge`.
    public var maxBytes: Int
    /// Whether a `file://` URL may be read. Only the requested URL itself can
    /// be a file; a redirect to one is always refused.
    public var allowFile: Bool
    /// The most transfers at once to this request's host, when not the fetcher's `perHost`.
    /// It comes from a `[host]` section of `feeds.conf`. Requests to one host
    /// should agree; the last one queued wins.
    public var perHost: Int?
    /// The user and password to log in with (HTTP Basic, or what the server asks for).
    /// They are sent only to the URL's own host, never after a redirect to
    /// another. nil uses the URL's `user:password@`, if any.
    public var login: Login?
    /// A netrc(5) file to take the login for the URL's host from, when neither `login` nor the URL gives one.
    public var netrcFile: String?
    /// Extra headers, `Name: value`, sent with the request.
    public var headers: [String] = []
    /// A cookie file (Netscape format) whose cookies for the URL are sent.
    public var cookieFile: String?
    /// The proxy; nil leaves libcurl's default.
    /// The default follows the `http_proxy`, `https_proxy` and `no_proxy`
    /// environment variables.
    public var proxy: Proxy?

    /// A user and password. Its description never shows the password.
    public struct Login: Sendable, Hashable, CustomStringConvertible {
        public var user: String
        public var password: String

        /// Makes a login.
        public init(user: String, password: String) {
            self.user = user
            self.password = password
        }

        public var description: String { "\(user):…" }
    }

    /// How the request reaches the server.
    public enum Proxy: Sendable, Hashable {
        /// Straight to the server, whatever the environment says.
        case direct
        /// Through this proxy URL.
        case url(String)
    }

    /// Makes a request with feedspool's defaults.
    /// 15 s to connect, 120 s in all, abandoned below 64 bytes a second for
    /// 30 s, at most 64 MiB (the parser's own limit).
    public init(
        id: Int, url: String, etag: String? = nil, lastModified: String? = nil,
        userAgent: String = FetchRequest.defaultUserAgent,
        connectTimeout: Duration = .seconds(15), timeout: Duration = .seconds(120),
        lowSpeedTime: Duration = .seconds(30), lowSpeedLimit: Int = 64,
        maxBytes: Int = 64 << 20, allowFile: Bool = false, perHost: Int? = nil
    ) {
        self.id = id
        self.url = url
        self.etag = etag
        self.lastModified = lastModified
        self.userAgent = userAgent
        self.connectTimeout = connectTimeout
        self.timeout = timeout
        self.lowSpeedTime = lowSpeedTime
        self.lowSpeedLimit = lowSpeedLimit
        self.maxBytes = maxBytes
        self.allowFile = allowFile
        self.perHost = perHost
    }
}

extension Duration {
    /// The duration in whole milliseconds, rounded up, at least 1: libcurl reads 0 as "no limit".
    var curlMilliseconds: Int {
        let (seconds, attoseconds) = components
        guard seconds >= 0 else { return 1 }
        guard seconds < Int64.max / 1000 - 1 else { return Int.max }
        let milliseconds = seconds * 1000 + (attoseconds + 999_999_999_999_999) / 1_000_000_000_000_000
        return max(1, Int(clamping: milliseconds))
    }

    /// The duration in whole seconds, rounded up, at least 1.
    var curlSeconds: Int {
        (curlMilliseconds + 999) / 1000
    }
}
