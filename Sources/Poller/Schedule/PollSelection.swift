import Config
import Scheduler
import Spool
import State
#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// Which feeds to poll at a moment, by each feed's `PollSchedule` and what the state store remembers of its polls.
/// And, for the others, why not. `once` polls every feed it may (`force`);
/// `run` only the feeds due.
public struct PollSelection {
    /// A feed to poll, with what is remembered of it (its validators).
    public struct Due: Sendable {
        /// The feed's settings.
        public let feed: FeedSettings
        /// What the state store remembers of it.
        public let state: FeedState
    }

    /// The feeds to poll now, in configuration order.
    public private(set) var due: [Due] = []
    /// The feeds not polled now, in configuration order, with what kept each back.
    /// The decision is `.notYet`, `.waitingForServer` or `.gone`.
    public private(set) var waiting: [(feed: FeedSettings, decision: PollDecision)] = []

    /// Decides for each of `feeds` at `now`.
    /// - Parameter polledAt: When this process last polled a feed, by name:
    ///   counts as its last poll when later than the stored one, so that a
    ///   feed whose poll could not be recorded in the state store is not
    ///   polled again at once, over and over.
    public init(_ feeds: [FeedSettings], state: StateStore, at now: Date, force: PollSchedule.Force,
         polledAt: [String: Date] = [:]) {
        for feed in feeds {
            let record = (try? state.feedState(feed.name)) ?? FeedState()
            let schedule = PollSchedule(for: feed, state: record)
            var pollRecord = PollRecord(record)
            pollRecord.lastAttempt = [record.lastFetch, polledAt[feed.name]].compactMap { $0 }.max()
            let decision = schedule.decision(for: pollRecord, at: now, force: force)
            if decision == .due {
                due.append(Due(feed: feed, state: record))
            } else {
                waiting.append((feed, decision))
            }
        }
    }

    /// When the first of the waiting feeds falls due; nil when none will (none waits, or only gone feeds do).
    public var nextDue: Date? {
        waiting.compactMap { _, decision -> Date? in
            switch decision {
            case .notYet(let date), .waitingForServer(let date): return date
            case .due, .gone: return nil
            }
        }.min()
    }
}
