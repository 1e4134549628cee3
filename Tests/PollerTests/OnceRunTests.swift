import Config
import Foundation
import Logging
import Poller
import Spool
import State
import Testing

/// `once`'s work in-process, with feeds that answer at once: what is left out
/// and why, the progress line, the `exec` commands, and the run's outcome.
@Suite struct OnceRunTests {
    static let notes = "http://feeds.test/notes.rss"
    static let broken = "http://feeds.test/broken.rss"

    /// What the progress line drew, in order.
    final class Drawn {
        var texts: [String] = []
    }

    /// Runs `once` over the world's `feeds.conf`, as `feedspool once` with `named` feeds would.
    static func run(_ world: DaemonWorld, named: [String] = [], drawn: Drawn? = nil) throws -> OnceRun.Outcome {
        let configuration = try ConfigLoader.load(path: world.configPath)
        let state = try world.store()
        try world.spool.recover(state: state)
        let fetcher = world.fetcher
        let once = OnceRun(configuration: configuration, state: state, spool: world.spool, clock: world.clock,
                           log: Logger(label: "feedspool") { _ in world.logs },
                           makeFetchers: { _, _ in PollFetchers(feeds: fetcher, pages: nil, for: configuration) })
        let feeds = named.isEmpty ? configuration.feeds : configuration.feeds(named: named).feeds
        return once.run(feeds, force: named.isEmpty ? .yes : .evenGone,
                        draw: drawn.map { drawn in { drawn.texts.append($0) } })
    }

    @Test func aFailedFeedIsLoggedAndCountedWhileTheOthersAreDelivered() throws {
        let world = try DaemonWorld(answers: [Self.notes: .document(rss("notes", items: 3))])
        try world.configure("\(Self.notes) name=notes\n\(Self.broken) name=broken")
        let outcome = try Self.run(world)

        #expect(try world.delivered().count == 3)
        #expect(world.logged(.error) == ["broken: fetch failed: Could not resolve host"])
        #expect(outcome.totals.results.map { "\($0.feed): \($0.result)" } == ["notes: 3 new"])
        #expect(outcome.summary == "2 feeds, 3 new, 0 updated, 1 failed")
        #expect(outcome.failed)
    }

    @Test func theProgressLineCountsFeedsAndArticlesAndIsClearedAtTheEnd() throws {
        let world = try DaemonWorld(answers: [Self.notes: .document(rss("notes", items: 2))])
        try world.configure("\(Self.notes) name=notes")
        let drawn = Drawn()
        _ = try Self.run(world, drawn: drawn)

        let erase = "\r\u{1B}[K"
        #expect(drawn.texts == [erase + "0/1 feeds, 0 articles", erase, erase + "1/1 feeds, 2 articles", erase])
    }

    @Test func aGoneFeedIsLeftOutAsAFailureUntilItIsNamed() throws {
        let world = try DaemonWorld(answers: [Self.notes: .document(rss("notes", items: 1))])
        try world.configure("\(Self.notes) name=notes")
        try world.store().setFeedState(FeedState(lastResult: "error: HTTP 410", gone: true), for: "notes")

        let all = try Self.run(world)
        #expect(world.logged(.error) == ["notes: skipped: gone (HTTP 410); name it to poll it again"])
        #expect(world.fetcher.times(Self.notes).isEmpty)
        #expect(all.summary == "1 feed, 0 new, 0 updated, 1 failed" && all.failed)

        let named = try Self.run(world, named: ["notes"])
        #expect(world.fetcher.times(Self.notes).count == 1)
        #expect(named.summary == "1 feed, 1 new, 0 updated" && !named.failed)
    }

    @Test func aRunThatDeliveredAndFailedNothingHasNoSummary() throws {
        let world = try DaemonWorld(answers: [Self.notes: .document(rss("notes", items: 1))])
        try world.configure("\(Self.notes) name=notes")
        _ = try Self.run(world)
        let again = try Self.run(world)
        #expect(again.summary == nil && !again.failed)
        #expect(again.totals.results.map { $0.result } == ["0 new"])
    }

    @Test func execCommandsRunOnWhatWasDeliveredAndTheirFailuresCountApart() throws {
        let world = try DaemonWorld(answers: [Self.notes: .document(rss("notes", items: 2))])
        try world.configure(#"\#(Self.notes) name=notes exec="/bin/sh -c 'exit 3'""#)
        let outcome = try Self.run(world)

        #expect(outcome.execFailures == 2 && outcome.failures == 0 && outcome.failed)
        #expect(outcome.summary == "1 feed, 2 new, 0 updated, 2 exec failed")
        // A failed command's file goes back to new/ for a later try.
        #expect(try world.delivered().count == 2)
    }

    @Test func aSucceedingExecCommandTakesItsFilesAway() throws {
        let world = try DaemonWorld(answers: [Self.notes: .document(rss("notes", items: 2))])
        try world.configure(#"\#(Self.notes) name=notes exec="/bin/sh -c 'exit 0'""#)
        let outcome = try Self.run(world)

        #expect(outcome.execFailures == 0 && !outcome.failed)
        #expect(try world.delivered().isEmpty)
    }
}
