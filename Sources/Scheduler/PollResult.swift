#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// What a poll came to, as far as the schedule is concerned.
public enum PollResult: Sendable, Equatable {
    /// Fetched and delivered, or not modified (HTTP 304).
    case succeeded
    /// The poll failed.
    /// - `retryAfter`: the server's `Retry-After`, when it sent one.
    /// - `answered`: the server served the feed (2xx or 304) and something
    ///   after the fetch failed, so the feed is not gone.
    case failed(retryAfter: Date? = nil, answered: Bool = false)
    /// The server said the feed is gone for good (HTTP 410).
    case gone
}

extension PollSchedule {
    /// The record after a poll at `now` that came to `result`, and when the feed is next due.
    ///
    /// A success clears the failures, the server's wait and a gone mark; a
    /// failure counts one more in a row (the wait doubles, `wait(afterFailures:)`)
    /// and keeps a `Retry-After` it brought; 410 marks the feed gone, never
    /// due again until named. A permanent redirect is remembered whatever
    /// the result, for `feedspool status` to show: feeds.conf stays as written.
    /// - Parameter movedTo: Where a permanent redirect said the feed now lives.
    /// - Returns: The new record, and when it is next due (nil for a gone feed).
    public func record(after result: PollResult, movedTo: String? = nil, of record: PollRecord,
                       at now: Date) -> (record: PollRecord, nextDue: Date?) {
        var next = record
        next.lastAttempt = now
        if let movedTo { next.movedTo = movedTo }
        switch result {
        case .succeeded:
            next.consecutiveFailures = 0
            next.retryAfter = nil
            next.isGone = false
        case .failed(let retryAfter, let answered):
            next.consecutiveFailures += 1
            if let retryAfter { next.retryAfter = retryAfter }
            if answered { next.isGone = false }
        case .gone:
            next.consecutiveFailures += 1
            next.isGone = true
        }
        return (next, nextPollTime(after: next))
    }
}
