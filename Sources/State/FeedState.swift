#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// What the state store remembers about fetching one feed between runs.
/// The HTTP validators for conditional requests, how the last fetch went, and
/// when to fetch next. A feed never fetched has the default value.
public struct FeedState: Sendable, Equatable {
    /// The `ETag` of the last successful response, sent as `If-None-Match`.
    public var etag: String?
    /// The `Last-Modified` of the last successful response, sent as `If-Modified-Since`.
    public var lastModified: String?
    /// How the last fetch ended, in the fetcher's words (`200`, `304`, `HTTP 503`, `timeout`).
    public var lastResult: String?
    /// Failed fetches in a row; 0 after a success.
    public var errorCount: Int
    /// Where a permanent redirect (301, 308) said the feed now lives.
    public var permanentRedirect: String?
    /// The server said the feed is gone for good (HTTP 410).
    public var gone: Bool
    /// When the feed was last fetched.
    public var lastFetch: Date?
    /// When the feed should be fetched next.
    public var nextFetch: Date?
    /// The earliest time the server allows the next request (`Retry-After`).
    public var retryAfter: Date?
    /// The HTTP status of the last response.
    /// Nil when none came (a timeout, a refused connection) or the feed is a
    /// file.
    public var httpStatus: Int?
    /// Why the last failed poll failed, kept after later successes.
    public var lastError: String?
    /// Articles delivered in all, new and updated.
    public var deliveredTotal: Int
    /// New articles delivered by the last poll.
    public var lastNew: Int
    /// Updated articles (`updates=yes`) delivered by the last poll.
    public var lastUpdated: Int
    /// Polls recorded, and those the server answered 304 Not Modified.
    public var polls: Int, notModifiedPolls: Int
    /// How many blocks the feed's template removed from the articles of the last poll that delivered any.
    public var templateBlocksLastDelivery: Int
    /// How many blocks the feed's template removed from all the articles delivered since the store counts them.
    public var templateBlocksTotal: Int
    /// The least time between polls, in seconds, that the feed's last document asked for.
    /// From RSS `ttl` or `sy:updatePeriod`.
    public var feedHint: TimeInterval?
    /// How long, in seconds, the server said its last answer stays fresh (`Cache-Control: max-age`, `Expires`).
    public var cacheHint: TimeInterval?
    /// The interval, in seconds, that `interval = auto` measured from the last document.
    public var autoInterval: TimeInterval?

    /// Makes a state; the defaults describe a feed never fetched.
    public init(
        etag: String? = nil, lastModified: String? = nil, lastResult: String? = nil,
        errorCount: Int = 0, permanentRedirect: String? = nil, gone: Bool = false,
        lastFetch: Date? = nil, nextFetch: Date? = nil, retryAfter: Date? = nil,
        httpStatus: Int? = nil, lastError: String? = nil, deliveredTotal: Int = 0,
        lastNew: Int = 0, lastUpdated: Int = 0, polls: Int = 0, notModifiedPolls: Int = 0,
        templateBlocksLastDelivery: Int = 0, templateBlocksTotal: Int = 0,
        feedHint: TimeInterval? = nil, cacheHint: TimeInterval? = nil, autoInterval: TimeInterval? = nil
    ) {
        self.etag = etag
        self.lastModified = lastModified
        self.lastResult = lastResult
        self.errorCount = errorCount
        self.permanentRedirect = permanentRedirect
        self.gone = gone
        self.lastFetch = lastFetch
        self.nextFetch = nextFetch
        self.retryAfter = retryAfter
        self.httpStatus = httpStatus
        self.lastError = lastError
        self.deliveredTotal = deliveredTotal
        self.lastNew = lastNew
        self.lastUpdated = lastUpdated
        self.polls = polls
        self.notModifiedPolls = notModifiedPolls
        self.templateBlocksLastDelivery = templateBlocksLastDelivery
        self.templateBlocksTotal = templateBlocksTotal
        self.feedHint = feedHint
        self.cacheHint = cacheHint
        self.autoInterval = autoInterval
    }
}
