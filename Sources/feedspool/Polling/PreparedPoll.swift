import Spool

/// A fetched feed handled up to its delivery (`FeedPoll.prepare`): the
/// articles waiting to be delivered with a group of other feeds, and the feed
/// state to record once that delivery is settled.
struct PreparedPoll: Sendable {
    /// The feed's name.
    let feed: String
    /// What to record about this poll; the validators join it only when
    /// the delivery succeeded. Nil when the feed's state could not be read:
    /// nothing is recorded then.
    var record: FeedState?
    /// Where the poll stands: `.delivered` (its count still 0) and
    /// `.notModified` wait for the delivery of `articles`; others are final.
    var outcome: PollOutcome
    /// The articles to deliver (empty: only the feed's leftovers are
    /// finished); nil when the poll ended before delivery.
    var articles: [SpoolArticle]?
    /// The response's `ETag` and `Last-Modified`, stored after delivery.
    var validators: (etag: String?, lastModified: String?) = (nil, nil)

    init(feed: String, record: FeedState?, outcome: PollOutcome) {
        self.feed = feed
        self.record = record
        self.outcome = outcome
    }

    /// Settles the poll with how its group's delivery went (`files`: how
    /// many of the feed's files reached `new/`; nil when it had nothing to
    /// deliver), and updates `record` to match the outcome.
    mutating func settle(_ delivery: Result<Int, SpoolError>?) {
        switch (delivery, outcome) {
        case (.success(let files), .delivered(_, let warning)):
            outcome = .delivered(articles: files, warning: warning)
            record?.etag = validators.etag
            record?.lastModified = validators.lastModified
        case (.failure(let error), _):
            outcome = .failed(error.messageWithoutFeed)
        default:
            break
        }
        switch outcome {
        case .delivered(let count, _):
            record?.errorCount = 0
            record?.retryAfter = nil
            record?.lastResult = "ok: \(count) new"
        case .notModified:
            record?.errorCount = 0
            record?.retryAfter = nil
            record?.lastResult = "not modified"
        case .failed(let reason):
            record?.errorCount += 1
            record?.lastResult = "error: \(reason)"
        case .skipped:
            break
        }
    }
}
