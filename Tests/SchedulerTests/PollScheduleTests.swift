import Foundation
import Testing
@testable import Scheduler

/// When feeds are polled: intervals, back-off after failures, Retry-After,
/// min-interval and gone feeds.
@Suite struct PollScheduleTests {
    let start = Date(timeIntervalSince1970: 1_700_000_000)
    let hourly = PollSchedule(interval: .seconds(3600))

    @Test func aFeedNeverPolledIsDue() {
        #expect(hourly.decision(for: PollRecord(), at: start) == .due)
    }

    @Test func aHealthyFeedWaitsOneInterval() {
        let record = PollRecord(lastAttempt: start)
        #expect(hourly.decision(for: record, at: start.addingTimeInterval(3599)) == .notYet(start.addingTimeInterval(3600)))
        #expect(hourly.decision(for: record, at: start.addingTimeInterval(3600)) == .due)
    }

    @Test(arguments: [(1, 3600.0), (2, 7200), (3, 14400), (5, 57600), (6, 86400), (40, 86400)])
    func failuresDoubleTheWaitUpToADay(failures: Int, seconds: Double) {
        #expect(hourly.wait(afterFailures: failures).seconds == seconds)
    }

    @Test func aFeedPolledLessOftenThanDailyBacksOffNoFurtherThanItsInterval() {
        let weekly = PollSchedule(interval: .seconds(7 * 86400))
        #expect(weekly.wait(afterFailures: 3).seconds == 7 * 86400)
    }

    @Test func minIntervalRaisesTheInterval() {
        let schedule = PollSchedule(interval: .seconds(600), minInterval: .seconds(3600))
        #expect(schedule.nextPollTime(after: PollRecord(lastAttempt: start)) == start.addingTimeInterval(3600))
    }

    @Test func retryAfterWinsOverAnEarlierScheduledPoll() {
        let later = start.addingTimeInterval(5 * 3600)
        let record = PollRecord(lastAttempt: start, consecutiveFailures: 1, retryAfter: later)
        #expect(hourly.decision(for: record, at: start.addingTimeInterval(3600)) == .waitingForServer(later))
        #expect(hourly.decision(for: record, at: later) == .due)
    }

    @Test func forcingIgnoresTheIntervalButNotTheServerOrMinInterval() {
        let schedule = PollSchedule(interval: .seconds(3600), minInterval: .seconds(600))
        let record = PollRecord(lastAttempt: start)
        #expect(schedule.decision(for: record, at: start.addingTimeInterval(700), force: .yes) == .due)
        #expect(schedule.decision(for: record, at: start.addingTimeInterval(60), force: .yes)
            == .notYet(start.addingTimeInterval(600)))
        let waiting = PollRecord(lastAttempt: start, retryAfter: start.addingTimeInterval(900))
        #expect(schedule.decision(for: waiting, at: start.addingTimeInterval(700), force: .yes)
            == .waitingForServer(start.addingTimeInterval(900)))
    }

    @Test func aGoneFeedIsPolledOnlyWhenForcedEvenIfGone() {
        let record = PollRecord(lastAttempt: start, isGone: true)
        #expect(hourly.nextPollTime(after: record) == nil)
        #expect(hourly.decision(for: record, at: start.addingTimeInterval(1e6)) == .gone)
        #expect(hourly.decision(for: record, at: start.addingTimeInterval(1e6), force: .yes) == .gone)
        #expect(hourly.decision(for: record, at: start.addingTimeInterval(1e6), force: .evenGone) == .due)
    }
}
