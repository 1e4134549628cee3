import Foundation
import Testing
import Scheduler

/// What one poll does to a feed's record and its next due time: failures,
/// Retry-After, 410, permanent redirects and min-interval, as a table.
@Suite struct PollResultTests {
    static let start = Date(timeIntervalSince1970: 1_700_000_000)
    static let hourly = PollSchedule(interval: .seconds(3600))
    static let later = start.addingTimeInterval(5 * 3600)

    /// One row: the record before, the result, the record after (its
    /// `lastAttempt` is always `start`) and the next due time.
    struct Row: Sendable, CustomStringConvertible {
        let description: String
        var schedule = PollResultTests.hourly
        let before: PollRecord
        let result: PollResult
        var movedTo: String?
        let after: PollRecord
        let nextDue: Date?
    }

    static let rows: [Row] = [
        Row(description: "a first success waits one interval", before: PollRecord(), result: .succeeded,
            after: PollRecord(lastAttempt: start), nextDue: start.addingTimeInterval(3600)),
        Row(description: "a success clears failures, the server's wait and a gone mark",
            before: PollRecord(consecutiveFailures: 4, retryAfter: later, isGone: true), result: .succeeded,
            after: PollRecord(lastAttempt: start), nextDue: start.addingTimeInterval(3600)),
        Row(description: "a first failure waits one interval", before: PollRecord(), result: .failed(),
            after: PollRecord(lastAttempt: start, consecutiveFailures: 1), nextDue: start.addingTimeInterval(3600)),
        Row(description: "a third failure in a row waits four intervals",
            before: PollRecord(consecutiveFailures: 2), result: .failed(),
            after: PollRecord(lastAttempt: start, consecutiveFailures: 3), nextDue: start.addingTimeInterval(4 * 3600)),
        Row(description: "failures never wait more than a day",
            before: PollRecord(consecutiveFailures: 30), result: .failed(),
            after: PollRecord(lastAttempt: start, consecutiveFailures: 31), nextDue: start.addingTimeInterval(86400)),
        Row(description: "Retry-After later than the back-off decides",
            before: PollRecord(), result: .failed(retryAfter: later),
            after: PollRecord(lastAttempt: start, consecutiveFailures: 1, retryAfter: later), nextDue: later),
        Row(description: "Retry-After sooner than the back-off does not shorten it",
            before: PollRecord(), result: .failed(retryAfter: start.addingTimeInterval(60)),
            after: PollRecord(lastAttempt: start, consecutiveFailures: 1, retryAfter: start.addingTimeInterval(60)),
            nextDue: start.addingTimeInterval(3600)),
        Row(description: "a failure without a response keeps a gone mark",
            before: PollRecord(consecutiveFailures: 1, isGone: true), result: .failed(),
            after: PollRecord(lastAttempt: start, consecutiveFailures: 2, isGone: true), nextDue: nil),
        Row(description: "a feed served but unreadable is not gone",
            before: PollRecord(consecutiveFailures: 1, isGone: true), result: .failed(answered: true),
            after: PollRecord(lastAttempt: start, consecutiveFailures: 2), nextDue: start.addingTimeInterval(2 * 3600)),
        Row(description: "410 marks the feed gone and never due", before: PollRecord(), result: .gone,
            after: PollRecord(lastAttempt: start, consecutiveFailures: 1, isGone: true), nextDue: nil),
        Row(description: "a permanent redirect is remembered", before: PollRecord(), result: .succeeded,
            movedTo: "https://new.example.org/feed",
            after: PollRecord(lastAttempt: start, movedTo: "https://new.example.org/feed"),
            nextDue: start.addingTimeInterval(3600)),
        Row(description: "a permanent redirect outlives later polls without one",
            before: PollRecord(movedTo: "https://new.example.org/feed"), result: .failed(),
            after: PollRecord(lastAttempt: start, consecutiveFailures: 1, movedTo: "https://new.example.org/feed"),
            nextDue: start.addingTimeInterval(3600)),
        Row(description: "min-interval above the interval decides",
            schedule: PollSchedule(interval: .seconds(600), minInterval: .seconds(1800)),
            before: PollRecord(), result: .succeeded,
            after: PollRecord(lastAttempt: start), nextDue: start.addingTimeInterval(1800)),
    ]

    @Test(arguments: rows)
    func aPollGivesTheNextRecordAndDueTime(row: Row) {
        let (after, nextDue) = row.schedule.record(after: row.result, movedTo: row.movedTo, of: row.before,
                                                    at: Self.start)
        #expect(after == row.after)
        #expect(nextDue == row.nextDue)
    }
}
