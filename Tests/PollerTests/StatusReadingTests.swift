import Config
import Foundation
import Poller
import State
import Testing

/// `status`'s reading of the state folder: without the lock, and without creating a state that is not there.
@Suite struct StatusReadingTests {
    /// The world's configuration, its state in the world's folder, with two feeds.
    func configuration(_ world: DaemonWorld) throws -> Configuration {
        try world.configure("""
            state = \(world.folder)/state
            http://feeds.test/notes.rss name=notes
            http://feeds.test/releases.rss name=releases
            """)
        return try ConfigLoader.load(path: world.configPath)
    }

    @Test func withNoStateYetEveryFeedIsNeverPolledAndNoStateIsCreated() throws {
        let world = try DaemonWorld(answers: [:])
        let read = try FeedStatus.all(of: try configuration(world))
        #expect(!read.stateFound)
        #expect(read.feeds.map(\.settings.name) == ["notes", "releases"])
        #expect(FeedStatus.table(read.feeds).split(separator: "\n").map { $0.split(separator: "\t")[2] }
            == ["result", "never polled", "never polled"])
        #expect(!FileManager.default.fileExists(atPath: world.folder + "/state"))
    }

    @Test func theStateIsReadWhileTheDaemonHoldsItsLock() throws {
        let world = try DaemonWorld(answers: [:])
        let configuration = try configuration(world)
        let daemon = try StateStore.open(folder: configuration.statePath)
        try daemon.setFeedState(FeedState(lastResult: "ok: 3 new", lastFetch: DaemonWorld.start), for: "releases")

        let read = try FeedStatus.all(of: configuration)
        #expect(read.stateFound)
        #expect(read.feeds.map(\.state.lastResult) == [nil, "ok: 3 new"])
        let table = FeedStatus.table(read.feeds)
        #expect(table == ([FeedStatus.header] + read.feeds.map(\.line)).map { $0 + "\n" }.joined())
        #expect(table.hasSuffix("\n") && table.split(separator: "\n").count == 3)
    }
}
