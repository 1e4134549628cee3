import Foundation
import Logging
import Poller
import Spool
import State
import Testing

/// The daemon's loop, run in-process on a test clock with feeds that answer
/// at once: which feeds each round polls, when it sleeps, what it logs. Each
/// test covers minutes or days of the daemon's time in milliseconds.
@Suite struct DaemonScheduleTests {
    static let notes = "http://feeds.test/notes.rss"
    static let releases = "http://feeds.test/releases.rss"

    @Test func theArticlesOfDueFeedsAreDeliveredOnceAndSummarised() throws {
        let world = try DaemonWorld(answers: [Self.notes: .document(rss("notes", items: 3)),
                                              Self.releases: .document(rss("releases", items: 2))])
        try world.configure("""
            interval = 10s
            jitter = 0%
            \(Self.notes) name=notes
            \(Self.releases) name=releases
            """)
        let host = TestHost(clock: world.clock, stopAt: DaemonWorld.start.addingTimeInterval(60))
        try world.run(host)

        #expect(try world.delivered().count == 5)
        #expect(world.fetcher.times(Self.notes).count >= 5)
        let summaries = world.logged(.info).filter { $0.hasPrefix("polled ") }
        #expect(summaries.first == "polled 2 feeds, delivered 5 articles")
        #expect(summaries.dropFirst().allSatisfy { $0 == "polled 2 feeds, delivered 0 articles" })
        #expect(world.logged(.info).last == "stopping on SIGTERM")
        #expect(world.logged(.error).isEmpty)
        #expect(host.notified.first == .status("08:00 UTC: polled 2 feeds, delivered 5 articles"))
        #expect(host.notified.last == .stopping)
    }

    @Test func aFeedIsPolledEveryIntervalNeverSoonerAndAtMostAGatheringLater() throws {
        let world = try DaemonWorld(answers: [Self.notes: .document(rss("notes", items: 1)),
                                              Self.releases: .document(rss("releases", items: 1))])
        try world.configure("""
            jitter = 0%
            \(Self.notes) name=often interval=10s
            \(Self.releases) name=hourly interval=1h
            """)
        try world.run(TestHost(clock: world.clock, stopAt: DaemonWorld.start.addingTimeInterval(600)))

        let times = world.fetcher.times(Self.notes)
        #expect(times.count >= 50)
        for (earlier, later) in zip(times, times.dropFirst()) {
            #expect(later.timeIntervalSince(earlier) >= 10)
            #expect(later.timeIntervalSince(earlier) <= 10 + Daemon.gathering)
        }
        #expect(world.fetcher.times(Self.releases) == [DaemonWorld.start])
    }

    @Test func failuresInARowDoubleTheWait() throws {
        let world = try DaemonWorld(answers: [Self.notes: .status(503, retryAfter: nil)])
        try world.configure("\(Self.notes) name=flaky interval=10s jitter=0%")
        try world.run(TestHost(clock: world.clock, stopAt: DaemonWorld.start.addingTimeInterval(700)))

        let times = world.fetcher.times(Self.notes)
        let waits = zip(times, times.dropFirst()).map { $1.timeIntervalSince($0) }
        #expect(waits.count == 6)
        for (wait, expected) in zip(waits, [10.0, 20, 40, 80, 160, 320]) {
            #expect(wait >= expected && wait <= expected + Daemon.gathering)
        }
        #expect(world.logged(.error).allSatisfy { $0 == "flaky: HTTP 503" })
    }

    @Test func goneFeedsAndFeedsThatAskedToWaitAreLeftAlone() throws {
        let gone = "http://feeds.test/gone.rss"
        let busy = "http://feeds.test/busy.rss"
        let world = try DaemonWorld(answers: [
            Self.notes: .document(rss("notes", items: 1)), gone: .status(410, retryAfter: nil),
            busy: .status(503, retryAfter: DaemonWorld.start.addingTimeInterval(3600)),
        ])
        try world.configure("""
            interval = 10s
            \(Self.notes) name=often
            \(gone) name=gone
            \(busy) name=busy
            """)
        try world.run(TestHost(clock: world.clock, stopAt: DaemonWorld.start.addingTimeInterval(1800)))

        #expect(world.fetcher.times(Self.notes).count >= 100)
        #expect(world.fetcher.times(gone).count == 1)
        #expect(world.fetcher.times(busy).count == 1)
        // The two feeds fail at once, in whichever order their answers come.
        #expect(world.logged(.error).sorted() == [
            "busy: HTTP 503, retrying after 09:00 UTC",
            "gone: HTTP 410 Gone: the feed was removed; it is polled again only when named",
        ])
        #expect(world.logged(.info).first == "polled 3 feeds, delivered 1 article, 2 failed")
    }

    @Test func aGoneFeedIsNamedAtStartAndNotPolled() throws {
        let world = try DaemonWorld(answers: [Self.notes: .document(rss("notes", items: 1))])
        try world.configure("\(Self.notes) name=oldblog")
        try world.store().setFeedState(FeedState(gone: true), for: "oldblog")
        try world.run(TestHost(clock: world.clock, stopAt: DaemonWorld.start.addingTimeInterval(3600)))

        #expect(world.fetcher.times(Self.notes).isEmpty)
        #expect(world.logged(.warning) == [
            "oldblog: not polled: gone (HTTP 410); `feedspool once oldblog` polls it again while run is stopped",
        ])
    }

    @Test func withNothingDueTheLoopSleepsAtMostAMinute() {
        let now = DaemonWorld.start
        #expect(Daemon.wake(after: now, nextDue: nil) == now.addingTimeInterval(60))
        #expect(Daemon.wake(after: now, nextDue: now.addingTimeInterval(3600)) == now.addingTimeInterval(60))
        #expect(Daemon.wake(after: now, nextDue: now.addingTimeInterval(5)) == now.addingTimeInterval(6))
    }
}
