import Foundation
import Testing
@testable import Scheduler

private let autoNow = Date(timeIntervalSince1970: 1_700_000_000)

/// `count` dates, one every `every` seconds, the newest `ago` seconds before `autoNow`.
private func dates(_ count: Int, every: Double, ago: Double = 0) -> [Date] {
    (0..<count).map { autoNow.addingTimeInterval(-ago - Double($0) * every) }
}

/// `interval = auto`: half the spacing of the newest entries, counted up to now, within
/// 15 minutes and a day.
@Suite struct AutoIntervalTests {
    static let now = autoNow

    @Test(arguments: [
        // Ten hourly entries span 9 h up to now: one every 54 min, polled every 27 min.
        (dates(10, every: 3600), 1620.0),
        // Only the newest ten count.
        (dates(30, every: 3600), 1620),
        // A busy feed: every minute. Clamped to 15 minutes.
        (dates(10, every: 60), 900),
        // A weekly feed: clamped to a day.
        (dates(10, every: 7 * 86400), 86400),
        // A burst a month ago: the silence since counts, so a day.
        (dates(10, every: 60, ago: 30 * 86400), 86400),
        // One entry six hours old: 3 h.
        (dates(1, every: 0, ago: 6 * 3600), 10800),
        // Two entries, the newest an hour old, the other five hours: 5 h ÷ 2 ÷ 2.
        ([autoNow.addingTimeInterval(-3600), autoNow.addingTimeInterval(-5 * 3600)], 4500),
        // Dates in the future count as now.
        (dates(3, every: 3600, ago: -86400), 900),
    ] as [([Date], Double)])
    func theIntervalFollowsThePublishingPace(published: [Date], seconds: Double) {
        #expect(PollSchedule.autoInterval(published: published, now: Self.now) == .seconds(seconds))
    }

    @Test func withoutDatesThereIsNoEstimate() {
        #expect(PollSchedule.autoInterval(published: [], now: Self.now) == nil)
    }

    @Test func theOrderOfTheEntriesDoesNotMatter() {
        let published = dates(12, every: 5400)
        #expect(PollSchedule.autoInterval(published: published.shuffled(), now: Self.now)
            == PollSchedule.autoInterval(published: published, now: Self.now))
    }
}
