import Foundation
import Poller
import Testing

/// The systemd watchdog: the loop pings it every half of `WATCHDOG_USEC` while it loops, and
/// not while a round is stuck, so that systemd restarts a daemon that hangs.
@Suite struct DaemonWatchdogTests {
    static let notes = "http://feeds.test/notes.rss"

    /// The gaps between the pings, in seconds.
    private func gaps(_ pings: [Date]) -> [Double] {
        zip(pings, pings.dropFirst()).map { $1.timeIntervalSince($0) }
    }

    @Test func whileTheLoopSleepsItPingsEveryHalfTheTimeout() throws {
        let world = try DaemonWorld(answers: [Self.notes: .document(rss("notes", items: 2))])
        try world.configure("\(Self.notes) name=notes interval=1h")
        let host = TestHost(clock: world.clock, stopAt: DaemonWorld.start.addingTimeInterval(600))
        try world.run(host, watchdog: Watchdog(period: 30))

        let pings = host.watchdogPings
        #expect(pings.first == DaemonWorld.start)
        #expect(pings.count == 21)
        #expect(gaps(pings).allSatisfy { $0 == 30 })
        #expect(world.fetcher.times(Self.notes) == [DaemonWorld.start])
    }

    @Test func whileRoundsFollowEachOtherItStillPingsOnTime() throws {
        let world = try DaemonWorld(answers: [Self.notes: .document(rss("notes", items: 1))])
        try world.configure("\(Self.notes) name=notes interval=1s jitter=0%")
        let host = TestHost(clock: world.clock, stopAt: DaemonWorld.start.addingTimeInterval(300))
        try world.run(host, watchdog: Watchdog(period: 5))

        #expect(world.fetcher.times(Self.notes).count > 100)
        #expect(host.watchdogPings.count >= 50)
        #expect(gaps(host.watchdogPings).allSatisfy { $0 <= 5 })
    }

    @Test func aStuckRoundSendsNoPingUntilItEnds() throws {
        let stuck = "http://feeds.test/stuck.rss"
        let world = try DaemonWorld(answers: [stuck: .stuck(300, rss("stuck", items: 1))])
        try world.configure("\(stuck) name=stuck interval=1h")
        let host = TestHost(clock: world.clock, stopAt: DaemonWorld.start.addingTimeInterval(600))
        try world.run(host, watchdog: Watchdog(period: 30))

        let pings = host.watchdogPings
        // Pinged as the loop started, then nothing for the 300 s the round hung: with
        // WatchdogSec=60s, systemd would have stopped it after 60.
        #expect(pings.first == DaemonWorld.start)
        #expect(!pings.contains { $0 > DaemonWorld.start && $0 < DaemonWorld.start.addingTimeInterval(300) })
        // Once the round ended, the pings came back on time.
        let after = pings.filter { $0 >= DaemonWorld.start.addingTimeInterval(300) }
        #expect(after.first == DaemonWorld.start.addingTimeInterval(300))
        #expect(after.count >= 10)
        #expect(gaps(after).allSatisfy { $0 <= 30 })
    }

    @Test func withoutAWatchdogNothingIsPinged() throws {
        let world = try DaemonWorld(answers: [Self.notes: .document(rss("notes", items: 1))])
        try world.configure("\(Self.notes) name=notes interval=1h")
        let host = TestHost(clock: world.clock, stopAt: DaemonWorld.start.addingTimeInterval(600))
        try world.run(host)
        #expect(host.watchdogPings.isEmpty)
    }

    @Test(arguments: [
        ("60000000", nil, 30.0), ("60000000", "4242", 30), ("2000000", "4242", 1),
    ] as [(String?, String?, Double)])
    func theWatchdogIsHalfOfWatchdogUSec(microseconds: String?, pid: String?, period: Double) {
        #expect(Watchdog(microseconds: microseconds, pid: pid, ownPID: 4242)?.period == period)
    }

    @Test(arguments: [
        (nil, nil), ("0", nil), ("soon", nil), ("60000000", "1"), ("60000000", "not a pid"),
    ] as [(String?, String?)])
    func noWatchdogWhenNoneIsSetOrItIsAnotherProcesss(microseconds: String?, pid: String?) {
        #expect(Watchdog(microseconds: microseconds, pid: pid, ownPID: 4242) == nil)
    }

    @Test func aClockThatWentBackStillGetsItsPing() throws {
        let clock = TestClock(DaemonWorld.start)
        let host = TestHost(clock: clock, stopAt: DaemonWorld.start)
        var watchdog = Watchdog(period: 30)
        watchdog.ping(host, at: DaemonWorld.start)
        watchdog.ping(host, at: DaemonWorld.start.addingTimeInterval(10))
        #expect(host.notified == [.watchdog])
        let earlier = DaemonWorld.start.addingTimeInterval(-3600)
        #expect(watchdog.nextPing(after: earlier) == earlier.addingTimeInterval(30))
        watchdog.ping(host, at: earlier)
        #expect(host.notified == [.watchdog, .watchdog])
    }
}
