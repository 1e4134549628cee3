#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// What set a feed's next poll, as `feedspool status` words it.
public enum PollReason: String, Sendable, Equatable {
    /// Never polled: due now.
    case neverPolled = "never polled"
    /// Its interval.
    case interval
    /// Its host's `min-interval`, which the interval does not pass.
    case minInterval = "min-interval"
    /// The feed's or its server's hint (`ttl`, `sy:updatePeriod`, `max-age`), longer than both.
    case serverHint = "server hint"
    /// Failures in a row.
    case backoff
    /// The server's `Retry-After`.
    case retryAfter = "retry-after"
    /// Gone (HTTP 410): never, until named.
    case gone
}

extension PollSchedule {
    /// What sets the next poll after `record` (`nextPollTime(after:)`).
    public func reason(after record: PollRecord) -> PollReason {
        if record.isGone { return .gone }
        guard record.lastAttempt != nil else { return .neverPolled }
        var scheduled = record
        scheduled.retryAfter = nil
        if let retryAfter = record.retryAfter, nextPollTime(after: scheduled).map({ retryAfter > $0 }) ?? true {
            return .retryAfter
        }
        if record.consecutiveFailures > 0 { return .backoff }
        if shortestWait(serverInterval: record.serverInterval) > max(interval, minInterval) { return .serverHint }
        // The configuration raises an interval shorter than min-interval to it.
        return minInterval > .zero && minInterval >= interval ? .minInterval : .interval
    }
}
