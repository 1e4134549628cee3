#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import Config
import Scheduler
import Spool
import State

extension PollRecord {
    /// The scheduler's view of what the state store remembers of a feed.
    /// The server's hint is the longer of the document's and the HTTP cache's.
    public init(_ state: FeedState) {
        let hint = [state.feedHint, state.cacheHint].compactMap { $0 }.max()
        self.init(lastAttempt: state.lastFetch, consecutiveFailures: state.errorCount, retryAfter: state.retryAfter,
                  isGone: state.gone, movedTo: state.permanentRedirect,
                  serverInterval: hint.map { .seconds($0) })
    }
}

extension PollSchedule {
    /// The schedule of `feed`: its settings, and with `interval = auto` the measured interval.
    ///
    /// That is the interval its last document measured (its configured interval until one did).
    public init(for feed: FeedSettings, state: FeedState) {
        let measured = feed.autoInterval ? state.autoInterval.map { Duration.seconds($0) } : nil
        self.init(interval: measured ?? feed.interval, minInterval: feed.minInterval, jitter: feed.jitter,
                  seed: Self.seed(forFeed: feed.name))
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
