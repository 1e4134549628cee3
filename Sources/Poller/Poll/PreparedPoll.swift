import Scheduler
import Spool
import State
#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// A fetched feed handled up to its delivery (`FeedPoll.prepare`).
/// The articles waiting to be delivered with a group of other feeds, and the feed state to record
/// once that delivery is settled.
struct PreparedPoll: Sendable {
    /// The feed's name.
    let feed: String
    /// What to record about this poll; the validators join it only when the delivery succeeded.
    /// Nil when the feed's state could not be read: nothing is recorded then.
    var record: FeedState?
    /// Where the poll stands.
    ///
    /// `.delivered` (its count still 0) and `.notModified` wait for
    /// the delivery of `articles`; others are final.
    var outcome: PollOutcome
    /// The articles to deliver; nil when the poll ended before delivery.
    ///
    /// Empty when only the feed's leftovers are finished.
    var articles: [SpoolArticle]?
    /// The response's `ETag` and `Last-Modified`, stored after delivery.
    var validators: (etag: String?, lastModified: String?) = (nil, nil)
    /// How many blocks the feed's template removed from `articles`, counted in `record` once they are delivered.
    var templateBlocks = 0
    /// What the server said that the schedule keeps.
    /// A `Retry-After`, a permanent redirect, whether it served the feed or said it is gone.
    var retryAfter: Date?
    var movedTo: String?
    var answered = false
    var isGone = false
    /// The feed's schedule (with `interval = auto`, as this poll measured it), and when it was polled.
    var schedule: PollSchedule
    let polledAt: Date

    init(feed: String, record: FeedState?, outcome: PollOutcome, schedule: PollSchedule, polledAt: Date) {
        self.feed = feed
        self.record = record
        self.outcome = outcome
        self.schedule = schedule
        self.polledAt = polledAt
    }

    /// Settles the poll with how its group's delivery went, and updates `record` to match.
    ///
    /// `delivery` holds how many of the feed's files reached `new/`, or why none did; nil when the
    /// feed had nothing to deliver.
    mutating func settle(_ delivery: Result<Int, StorageError>?) {
        switch (delivery, outcome) {
        case (.success(let files), .delivered(_, let warning)):
            outcome = .delivered(articles: files, warning: warning)
            record?.etag = validators.etag
            record?.lastModified = validators.lastModified
            if articles?.isEmpty == false {
                record?.templateBlocksLastDelivery = templateBlocks
                record?.templateBlocksTotal += templateBlocks
            }
        case (.failure(let error), _):
            outcome = .failed(error.messageWithoutFeed)
        default:
            break
        }
        let result: PollResult
        switch outcome {
        case .delivered(let count, _):
            // `count` may include files an earlier, interrupted delivery
            // left for this feed; the updates are among this poll's articles.
            let updated = min(count, articles?.filter { $0.kind == .update }.count ?? 0)
            result = .succeeded
            record?.lastResult = updated == 0 ? "ok: \(count) new" : "ok: \(count - updated) new, \(updated) updated"
            record?.count(new: count - updated, updated: updated)
        case .notModified:
            result = .succeeded
            record?.lastResult = "not modified"
            record?.count(new: 0, updated: 0)
            record?.notModifiedPolls += 1
        case .failed(let reason):
            result = isGone ? .gone : .failed(retryAfter: retryAfter, answered: answered)
            record?.lastResult = "error: \(reason)"
            record?.lastError = reason
            record?.count(new: 0, updated: 0)
        case .skipped:
            return
        }
        guard var known = record else { return }
        let (next, nextDue) = schedule.record(after: result, movedTo: movedTo, of: PollRecord(known), at: polledAt)
        known.update(from: next, nextDue: nextDue)
        record = known
    }
}

extension FeedState {
    /// Counts a poll that delivered `new` and `updated` articles.
    mutating func count(new: Int, updated: Int) {
        polls += 1
        lastNew = new
        lastUpdated = updated
        deliveredTotal += new + updated
    }
}
