import Foundation
import Poller
import Scheduler
import State
import Testing

/// The daemon's schedule beyond the interval, in-process on a test clock: jitter parting
/// feeds with one interval, a feed's or server's hint stretching it, and `interval = auto`.
@Suite struct DaemonHintTests {
    /// The gaps between `times`, in seconds.
    private func gaps(_ times: [Date]) -> [Double] {
        zip(times, times.dropFirst()).map { $1.timeIntervalSince($0) }
    }

    @Test func feedsWithOneIntervalPartAfterTheirFirstPoll() throws {
        let urls = (1...20).map { "http://feeds.test/\($0).rss" }
        let world = try DaemonWorld(answers: Dictionary(uniqueKeysWithValues: urls.map { ($0, .document(rss("f", items: 1))) }))
        try world.configure("interval = 1h\njitter = 10%\n" + urls.enumerated().map { "\($1) name=feed\($0)" }.joined(separator: "\n"))
        try world.run(TestHost(clock: world.clock, stopAt: DaemonWorld.start.addingTimeInterval(2 * 3600)))

        let seconds = urls.map { world.fetcher.times($0).dropFirst().first?.timeIntervalSince(DaemonWorld.start) ?? 0 }
        #expect(seconds.allSatisfy { $0 >= 3240 && $0 <= 3960 + Daemon.gathering })
        // Together at start, they come back in many rounds instead of one.
        #expect(Set(seconds).count >= 10)
    }

    @Test func aServersMaxAgeStretchesTheInterval() throws {
        let notes = "http://feeds.test/notes.rss"
        let world = try DaemonWorld(answers: [notes: .cached(rss("notes", items: 1), maxAge: 60)])
        try world.configure("\(notes) name=notes interval=10s jitter=0%")
        try world.run(TestHost(clock: world.clock, stopAt: DaemonWorld.start.addingTimeInterval(600)))

        let waits = gaps(world.fetcher.times(notes))
        #expect(waits.count >= 8)
        #expect(waits.allSatisfy { $0 >= 60 && $0 <= 60 + Daemon.gathering })
        #expect(try world.store().feedState("notes").cacheHint == 60)
    }

    @Test func aFeedsTTLStretchesTheIntervalButAShorterOneChangesNothing() throws {
        let slow = "http://feeds.test/slow.rss"
        let quick = "http://feeds.test/quick.rss"
        func document(ttl: Int) -> String {
            rss("ttl", items: 1).replacingOccurrences(of: "<channel>", with: "<channel><ttl>\(ttl)</ttl>")
        }
        let world = try DaemonWorld(answers: [slow: .document(document(ttl: 5)), quick: .document(document(ttl: 1))])
        try world.configure("jitter = 0%\n\(slow) name=slow interval=30s\n\(quick) name=quick interval=2m")
        try world.run(TestHost(clock: world.clock, stopAt: DaemonWorld.start.addingTimeInterval(1800)))

        #expect(gaps(world.fetcher.times(slow)).allSatisfy { $0 >= 300 && $0 <= 300 + Daemon.gathering })
        #expect(gaps(world.fetcher.times(quick)).allSatisfy { $0 >= 120 && $0 <= 120 + Daemon.gathering })
        #expect(try world.store().feedState("slow").feedHint == 300)
    }

    @Test func aHintIsCappedAtADay() throws {
        let notes = "http://feeds.test/notes.rss"
        let world = try DaemonWorld(answers: [notes: .cached(rss("notes", items: 1), maxAge: 30 * 86400)])
        try world.configure("\(notes) name=notes interval=1h jitter=0%")
        try world.run(TestHost(clock: world.clock, stopAt: DaemonWorld.start.addingTimeInterval(3 * 86400 + 10)))

        #expect(gaps(world.fetcher.times(notes)).allSatisfy { $0 >= 86400 && $0 <= 86400 + Daemon.gathering })
        #expect(world.fetcher.times(notes).count == 4)
    }

    @Test func anAutoIntervalFollowsThePublishingPace() throws {
        let notes = "http://feeds.test/notes.atom"
        // Ten entries two hours apart, the newest as the daemon starts: one every 1.8 h, so
        // polled every 54 minutes.
        let world = try DaemonWorld(answers: [notes: .document(atom(published: (0..<10).map {
            DaemonWorld.start.addingTimeInterval(Double(-$0) * 7200)
        }))])
        try world.configure("\(notes) name=notes interval=auto jitter=0%")
        try world.run(TestHost(clock: world.clock, stopAt: DaemonWorld.start.addingTimeInterval(3600)))

        #expect(world.fetcher.times(notes).count == 2)
        #expect(gaps(world.fetcher.times(notes)).allSatisfy { $0 >= 3240 && $0 <= 3240 + Daemon.gathering })
        // The second poll measured again, the silence since the newest entry included.
        #expect(try world.store().feedState("notes").autoInterval.map { $0 > 3240 && $0 < 3500 } == true)
    }

    @Test func anAutoFeedWithoutDatesKeepsTheConfiguredInterval() throws {
        let notes = "http://feeds.test/notes.rss"
        let world = try DaemonWorld(answers: [notes: .document(rss("notes", items: 3))])
        try world.configure("interval = 20m\n\(notes) name=notes interval=auto jitter=0%")
        try world.run(TestHost(clock: world.clock, stopAt: DaemonWorld.start.addingTimeInterval(3600)))

        #expect(gaps(world.fetcher.times(notes)).allSatisfy { $0 >= 1200 && $0 <= 1200 + Daemon.gathering })
    }
}

/// An Atom document whose entries were published at `published`, newest first.
func atom(published: [Date]) -> String {
    let format = ISO8601DateFormatter()
    let entries = published.enumerated().map { index, date in
        "<entry><id>urn:notes:\(index)</id><title>Note \(index)</title>"
            + "<link href=\"https://example.org/notes/\(index)\"/><published>\(format.string(from: date))</published>"
            + "<updated>\(format.string(from: date))</updated><summary>Note \(index).</summary></entry>"
    }
    return "<?xml version=\"1.0\"?><feed xmlns=\"http://www.w3.org/2005/Atom\"><title>Notes</title>"
        + "<id>urn:notes</id><updated>\(format.string(from: published[0]))</updated>\(entries.joined())</feed>"
}
