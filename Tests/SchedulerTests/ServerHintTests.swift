import Foundation
import Testing
@testable import Scheduler

/// A feed's or server's hint (`ttl`, `sy:updatePeriod`, `max-age`) as a minimum interval,
/// capped at a day, never shortening the configured interval; and what status calls the reason.
@Suite struct ServerHintTests {
    let start = Date(timeIntervalSince1970: 1_700_000_000)

    @Test(arguments: [
        // interval, min-interval, hint: the wait (seconds)
        (3600, 0, nil, 3600),
        (3600, 0, 7200, 7200),  // a longer hint stretches the interval
        (3600, 0, 1800, 3600),  // a shorter one never shortens it
        (3600, 0, 7 * 86400, 86400),  // capped at a day
        (2 * 86400, 0, 7 * 86400, 2 * 86400),  // the cap never shortens a longer interval
        (600, 1800, 1200, 1800),  // min-interval still wins over a shorter hint
        (600, 1800, 3600, 3600),
    ] as [(Int, Int, Int?, Int)])
    func theHintIsAMinimumIntervalCappedAtADay(interval: Int, minInterval: Int, hint: Int?, wait: Int) {
        let schedule = PollSchedule(interval: .seconds(interval), minInterval: .seconds(minInterval))
        let record = PollRecord(lastAttempt: start, serverInterval: hint.map { .seconds($0) })
        #expect(schedule.nextPollTime(after: record) == start.addingTimeInterval(Double(wait)))
    }

    @Test func backOffStartsFromTheHint() {
        let schedule = PollSchedule(interval: .seconds(3600))
        #expect(schedule.wait(afterFailures: 2, serverInterval: .seconds(7200)) == .seconds(4 * 3600))
    }

    @Test func forcingIgnoresTheHint() {
        let schedule = PollSchedule(interval: .seconds(3600))
        let record = PollRecord(lastAttempt: start, serverInterval: .seconds(86400))
        #expect(schedule.decision(for: record, at: start.addingTimeInterval(60), force: .yes) == .due)
        #expect(schedule.decision(for: record, at: start.addingTimeInterval(7200)) == .notYet(start.addingTimeInterval(86400)))
    }

    @Test(arguments: [
        (PollRecord(), PollReason.neverPolled),
        (PollRecord(lastAttempt: Date(timeIntervalSince1970: 0)), .interval),
        (PollRecord(lastAttempt: Date(timeIntervalSince1970: 0), serverInterval: .seconds(7200)), .serverHint),
        (PollRecord(lastAttempt: Date(timeIntervalSince1970: 0), serverInterval: .seconds(600)), .interval),
        (PollRecord(lastAttempt: Date(timeIntervalSince1970: 0), consecutiveFailures: 2, serverInterval: .seconds(7200)), .backoff),
        (PollRecord(lastAttempt: Date(timeIntervalSince1970: 0), retryAfter: Date(timeIntervalSince1970: 86400 * 2),
                    serverInterval: .seconds(7200)), .retryAfter),
        (PollRecord(lastAttempt: Date(timeIntervalSince1970: 0), isGone: true), .gone),
    ])
    func theReasonNamesWhatSetTheNextPoll(record: PollRecord, reason: PollReason) {
        #expect(PollSchedule(interval: .seconds(3600)).reason(after: record) == reason)
    }

    @Test func minIntervalIsTheReasonWhenItIsLongerThanTheIntervalAndTheHint() {
        let schedule = PollSchedule(interval: .seconds(600), minInterval: .seconds(3600))
        let record = PollRecord(lastAttempt: start, serverInterval: .seconds(1800))
        #expect(schedule.reason(after: record) == .minInterval)
        #expect(schedule.reason(after: PollRecord(lastAttempt: start, serverInterval: .seconds(7200))) == .serverHint)
    }
}
