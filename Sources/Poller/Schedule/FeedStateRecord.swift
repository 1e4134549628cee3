#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import Scheduler
import Spool
import State

extension PollRecord {
    /// The scheduler's view of what the state store remembers of a feed.
    public init(_ state: FeedState) {
        self.init(lastAttempt: state.lastFetch, consecutiveFailures: state.errorCount, retryAfter: state.retryAfter,
                  isGone: state.gone, movedTo: state.permanentRedirect)
    }
}

extension FeedState {
    /// Takes the scheduler's fields from `record`, and `nextDue` as the next fetch.
    mutating func update(from record: PollRecord, nextDue: Date?) {
        lastFetch = record.lastAttempt
        errorCount = record.consecutiveFailures
        retryAfter = record.retryAfter
        gone = record.isGone
        permanentRedirect = record.movedTo
        nextFetch = nextDue
    }
}
