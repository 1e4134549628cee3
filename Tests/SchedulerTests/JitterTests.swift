import Foundation
import Testing
@testable import Scheduler

/// Jitter: each feed's wait spread by up to `jitter` either way, picked by a hash of the feed
/// and its last attempt, never before `min-interval`, a server's hint or its `Retry-After`.
@Suite struct JitterTests {
    let start = Date(timeIntervalSince1970: 1_700_000_000)
    let hour = 3600.0

    private func next(_ schedule: PollSchedule, _ record: PollRecord) -> Double {
        schedule.nextPollTime(after: record)!.timeIntervalSince(record.lastAttempt!)
    }

    @Test func withoutJitterEveryWaitIsExact() {
        let schedule = PollSchedule(interval: .seconds(3600), jitter: 0, seed: PollSchedule.seed(forFeed: "lwn"))
        #expect(next(schedule, PollRecord(lastAttempt: start)) == hour)
    }

    @Test(arguments: [0.01, 0.1, 0.25, 0.5])
    func everyWaitStaysWithinTheJitterEitherWay(jitter: Double) {
        var waits: [Double] = []
        for feed in 0..<300 {
            let schedule = PollSchedule(interval: .seconds(3600), jitter: jitter, seed: PollSchedule.seed(forFeed: "feed\(feed)"))
            waits.append(next(schedule, PollRecord(lastAttempt: start.addingTimeInterval(Double(feed * 7)))))
        }
        #expect(waits.allSatisfy { $0 >= hour * (1 - jitter) && $0 <= hour * (1 + jitter) })
        // Spread over the whole range, both sides of the interval.
        #expect(waits.min()! < hour * (1 - jitter / 2))
        #expect(waits.max()! > hour * (1 + jitter / 2))
        #expect(Set(waits).count > 290)
    }

    @Test func feedsPolledTogetherPartButEachFeedsSpreadIsTheSameEveryTimeItIsAsked() {
        let record = PollRecord(lastAttempt: start)
        let lwn = PollSchedule(interval: .seconds(3600), jitter: 0.1, seed: PollSchedule.seed(forFeed: "lwn"))
        let lobsters = PollSchedule(interval: .seconds(3600), jitter: 0.1, seed: PollSchedule.seed(forFeed: "lobsters"))
        #expect(next(lwn, record) != next(lobsters, record))
        #expect(next(lwn, record) == next(lwn, record))
        // The next attempt, a second later or more, draws its spread anew.
        let later = PollRecord(lastAttempt: start.addingTimeInterval(3600))
        let waits = (0..<20).map { next(lwn, PollRecord(lastAttempt: later.lastAttempt!.addingTimeInterval(Double($0)))) }
        #expect(Set(waits).count > 15)
    }

    @Test func theSpreadNeverGoesBelowMinIntervalOrTheServersHint() {
        for feed in 0..<200 {
            let seed = PollSchedule.seed(forFeed: "feed\(feed)")
            let atMinimum = PollSchedule(interval: .seconds(3600), minInterval: .seconds(3600), jitter: 0.5, seed: seed)
            #expect(next(atMinimum, PollRecord(lastAttempt: start)) >= hour)
            let hinted = PollSchedule(interval: .seconds(1800), jitter: 0.5, seed: seed)
            #expect(next(hinted, PollRecord(lastAttempt: start, serverInterval: .seconds(7200))) >= 2 * hour)
        }
    }

    @Test func theSpreadNeverComesBeforeRetryAfter() {
        let retryAfter = start.addingTimeInterval(hour + 1)
        for feed in 0..<200 {
            let schedule = PollSchedule(interval: .seconds(3600), jitter: 0.1, seed: PollSchedule.seed(forFeed: "feed\(feed)"))
            let record = PollRecord(lastAttempt: start, consecutiveFailures: 1, retryAfter: retryAfter)
            #expect(schedule.nextPollTime(after: record)! >= retryAfter)
        }
    }

    @Test func backOffIsSpreadToo() {
        let schedule = PollSchedule(interval: .seconds(3600), jitter: 0.1, seed: PollSchedule.seed(forFeed: "flaky"))
        let wait = next(schedule, PollRecord(lastAttempt: start, consecutiveFailures: 3))
        #expect(wait >= 4 * hour * 0.9 && wait <= 4 * hour * 1.1)
    }

    @Test func jitterOverTheMaximumSpreadsAsTheMaximum() {
        for feed in 0..<100 {
            let schedule = PollSchedule(interval: .seconds(3600), jitter: 3, seed: PollSchedule.seed(forFeed: "feed\(feed)"))
            let wait = next(schedule, PollRecord(lastAttempt: start))
            #expect(wait >= hour * 0.5 && wait <= hour * 1.5)
        }
    }

    @Test func forcingIgnoresTheSpread() {
        let schedule = PollSchedule(interval: .seconds(3600), jitter: 0.5, seed: PollSchedule.seed(forFeed: "lwn"))
        #expect(schedule.decision(for: PollRecord(lastAttempt: start), at: start.addingTimeInterval(1), force: .yes) == .due)
    }
}
