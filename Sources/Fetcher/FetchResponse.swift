#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// What a server answered, whatever the status.
/// A 404, 410, 429 or 500 is a response too, and what it means for the feed is
/// the scheduler's call. Only transport failures are `FetchError`s.
public struct FetchResponse: Sendable, Hashable {
    /// The request's `id`.
    public var id: Int
    /// The URL that was requested.
    public var url: String
    /// The URL the body came from, after redirects.
    public var effectiveURL: String
    /// The HTTP status of the last response, such as 200, 304 or 410. A file
    /// that was read reports 200.
    public var status: Int
    /// The body, decompressed; empty for a 304.
    public var body: [UInt8]
    /// The `Content-Type` header, such as `application/rss+xml; charset=utf-8`.
    public var contentType: String?
    /// The `charset` parameter of `Content-Type`, unquoted (`utf-8`, `ISO-8859-1`).
    public var charset: String?
    /// The `ETag` to store for the next conditional request. A 304 that does
    /// not repeat it keeps the request's.
    public var etag: String?
    /// The `Last-Modified` to store for the next conditional request. A 304
    /// that does not repeat it keeps the request's.
    public var lastModified: String?
    /// Where the requested URL has moved for good.
    /// The target of the last 301 or 308 in the unbroken run of them that
    /// starts the redirect chain. A temporary redirect (302, 303, 307) ends the
    /// run, since the URL before it is the one to keep. feedspool reports it;
    /// it never edits the config.
    public var permanentRedirect: String?
    /// When the server asked to be polled again (`Retry-After`).
    /// Given in seconds or as an HTTP date, usually with a 429 or 503.
    public var retryAfter: Date?
    /// How long the server said the response stays fresh, in seconds; nil when it did not say.
    /// Read from `Cache-Control: max-age`, else `Expires`. Also nil when it said to check
    /// every time (`no-cache`).
    public var freshFor: TimeInterval?

    /// Whether the server said the feed has not changed since the validators were stored (HTTP 304).
    /// The body is empty then.
    public var isNotModified: Bool { status == 304 }
    /// Whether the server said the feed is gone for good (HTTP 410).
    public var isGone: Bool { status == 410 }
    /// Whether the status is 2xx.
    public var isSuccess: Bool { (200..<300).contains(status) }

    /// Makes a response; the Fetcher fills every field, tests and other stages may make their own.
    public init(
        id: Int, url: String, effectiveURL: String, status: Int, body: [UInt8] = [],
        contentType: String? = nil, charset: String? = nil, etag: String? = nil,
        lastModified: String? = nil, permanentRedirect: String? = nil, retryAfter: Date? = nil,
        freshFor: TimeInterval? = nil
    ) {
        self.id = id
        self.url = url
        self.effectiveURL = effectiveURL
        self.status = status
        self.body = body
        self.contentType = contentType
        self.charset = charset
        self.etag = etag
        self.lastModified = lastModified
        self.permanentRedirect = permanentRedirect
        self.retryAfter = retryAfter
        self.freshFor = freshFor
    }
}
