#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// What the scheduler knows about a feed's past polls; the state store keeps it, the scheduler only reads it.
public struct PollRecord: Sendable, Equatable {
    /// When the feed was last polled, successfully or not.
    public var lastAttempt: Date?
    /// How many polls in a row have failed (0 after a success).
    public var consecutiveFailures: Int
    /// A time before which the server asked not to be polled (`Retry-After`).
    public var retryAfter: Date?
    /// The server said the feed is gone for good (HTTP 410).
    public var isGone: Bool
    /// Where a permanent redirect (301, 308) said the feed now lives.
    public var movedTo: String?
    /// The least time between polls the feed or its server asked for, as they said it.
    /// From RSS `ttl`, `sy:updatePeriod` or `Cache-Control: max-age`; the schedule caps it.
    public var serverInterval: Duration?

    /// Makes a record; a feed never polled has the defaults.
    public init(lastAttempt: Date? = nil, consecutiveFailures: Int = 0, retryAfter: Date? = nil, isGone: Bool = false,
                movedTo: String? = nil, serverInterval: Duration? = nil) {
        self.lastAttempt = lastAttempt
        self.consecutiveFailures = consecutiveFailures
        self.retryAfter = retryAfter
        self.isGone = isGone
        self.movedTo = movedTo
        self.serverInterval = serverInterval
    }
}

/// Whether a feed is to be polled now, and if not, why.
public enum PollDecision: Sendable, Equatable {
    /// Poll it now.
    case due
    /// Its interval has not passed; next poll at the date.
    case notYet(Date)
    /// The server asked to wait until the date (`Retry-After`).
    case waitingForServer(Date)
    /// The feed is gone (HTTP 410); it is polled again only when named.
    case gone
}

/// When a feed is polled.
/// Every `interval`, never more often than `minInterval` or than the server's hint (capped at
/// `maximumServerInterval`), later after failures (the interval doubles with each failure in a
/// row, up to a day or the interval if that is longer), spread by `jitter`, and never before a
/// server's `Retry-After`.
public struct PollSchedule: Sendable, Equatable {
    /// The longest wait that failures alone can cause.
    public static let maximumBackoff: Duration = .seconds(24 * 3600)
    /// The longest a server's hint (`ttl`, `sy:updatePeriod`, `max-age`) may stretch the interval.
    public static let maximumServerInterval: Duration = .seconds(24 * 3600)

    /// The time between polls of a healthy feed.
    public var interval: Duration
    /// The shortest time allowed between polls (a host's `min-interval`).
    public var minInterval: Duration
    /// How far each wait is spread either way, as a fraction of it (0.1 for `jitter = 10%`).
    public var jitter: Double
    /// What picks this feed's spread (`seed(forFeed:)`), so that feeds with one interval part.
    public var seed: UInt64

    /// Makes a schedule; without `jitter`, every wait is exact.
    public init(interval: Duration, minInterval: Duration = .zero, jitter: Double = 0, seed: UInt64 = 0) {
        self.interval = interval
        self.minInterval = minInterval
        self.jitter = jitter
        self.seed = seed
    }

    /// The shortest wait allowed: `minInterval`, or the server's hint capped at `maximumServerInterval`.
    public func shortestWait(serverInterval: Duration?) -> Duration {
        max(minInterval, min(serverInterval ?? .zero, Self.maximumServerInterval))
    }

    /// The wait after the last attempt, given the failures in a row and the server's hint, before jitter.
    public func wait(afterFailures failures: Int, serverInterval: Duration? = nil) -> Duration {
        let base = max(interval, shortestWait(serverInterval: serverInterval))
        guard failures > 0 else { return base }
        let factor = 1 << min(failures - 1, 16)
        let backedOff = base * factor
        return max(base, min(backedOff, max(Self.maximumBackoff, base)))
    }

    /// When the feed is next to be polled; nil for a gone feed.
    public func nextPollTime(after record: PollRecord) -> Date? {
        guard !record.isGone else { return nil }
        guard let last = record.lastAttempt else { return record.retryAfter ?? .distantPast }
        let wait = wait(afterFailures: record.consecutiveFailures, serverInterval: record.serverInterval)
        let spread = spread(wait, after: last, atLeast: shortestWait(serverInterval: record.serverInterval))
        let next = last.addingTimeInterval(spread)
        if let retryAfter = record.retryAfter, retryAfter > next { return retryAfter }
        return next
    }

    /// Whether to poll at `now`.
    /// With `force` (a user naming the feed, or `feedspool once`), the interval is ignored but a
    /// server's `Retry-After` and `min-interval` are still honoured, and a gone feed is polled only
    /// when `force` is `.evenGone`.
    public func decision(for record: PollRecord, at now: Date, force: Force = .no) -> PollDecision {
        if record.isGone && force != .evenGone { return .gone }
        if let retryAfter = record.retryAfter, retryAfter > now { return .waitingForServer(retryAfter) }
        if force != .no {
            guard let last = record.lastAttempt else { return .due }
            let earliest = last.addingTimeInterval(minInterval.seconds)
            return earliest > now ? .notYet(earliest) : .due
        }
        guard let next = nextPollTime(after: record) else { return .gone }
        return next > now ? .notYet(next) : .due
    }

    /// How far `decision` overrides the interval.
    public enum Force: Sendable, Equatable {
        /// Follow the schedule.
        case no
        /// Poll now unless the server or `min-interval` forbids it.
        case yes
        /// As `.yes`, and poll even a feed that was gone.
        case evenGone
    }
}

extension Duration {
    /// The duration in seconds, as a `TimeInterval`.
    public var seconds: Double {
        let (seconds, attoseconds) = components
        return Double(seconds) + Double(attoseconds) / 1e18
    }
}
