import Config
import Foundation
import InMemoryLogging
import Logging
import Poller
import Spool
import State
import Testing

/// What `run` opens before its loop, on a real state store and spool: each step logged, a failure stopping the start.
@Suite struct DaemonStartTests {
    let logs = InMemoryLogHandler()
    var log: Logger { Logger(label: "feedspool") { _ in self.logs } }

    /// The configuration of `world` with its state and spool in the world's folder.
    func configuration(_ world: DaemonWorld, feeds: String = "http://feeds.test/notes.rss name=notes") throws -> Configuration {
        try world.configure("state = \(world.folder)/state\nspool = \(world.folder)/spool\n\(feeds)")
        return try ConfigLoader.load(path: world.configPath)
    }

    @Test func aFreshStartOpensTheStateTheSpoolAndTheExecQueueAndSaysNothing() throws {
        let world = try DaemonWorld(answers: [:])
        let start = try #require(DaemonStart(configuration: try configuration(world), log: log))
        #expect(start.hooks != nil)
        #expect(start.destination == "spool \(world.folder)/spool")
        #expect(FileManager.default.fileExists(atPath: world.spool.newFolder))
        #expect(logs.entries.isEmpty)
    }

    @Test func aStateFolderThatCannotBeOpenedStopsTheStartWithItsReason() throws {
        let world = try DaemonWorld(answers: [:])
        let configuration = try configuration(world)
        try "not a folder".write(toFile: world.folder + "/state", atomically: true, encoding: .utf8)
        #expect(DaemonStart(configuration: configuration, log: log) == nil)
        #expect(logs.entries.map(\.level) == [.error])
    }

    @Test func theStateHeldByAnotherRunStopsTheStart() throws {
        let world = try DaemonWorld(answers: [:])
        let configuration = try configuration(world)
        let running = try #require(DaemonStart(configuration: configuration, log: log))
        #expect(DaemonStart(configuration: configuration, log: log) == nil)
        #expect(logs.entries.map(\.level) == [.error])
        #expect(logs.entries.first?.message.description.hasSuffix("held by another feedspool process (is `feedspool run` running?)") == true)
        _ = running
    }

    @Test func filesAnEarlierProcessClaimedForExecGoBackToNewAndAreCounted() throws {
        let world = try DaemonWorld(answers: [:])
        let configuration = try configuration(world, feeds: #"http://feeds.test/notes.rss name=notes exec="/bin/true""#)
        do {
            let state = try StateStore.open(folder: configuration.statePath)
            try world.spool.recover(state: state)
            let name = "20241130T120000Z-0101010101010101.json"
            let text = #"{"schema":1,"id":"\#(String(repeating: "01", count: 32))","kind":"new","feed":{"name":"notes","url":null},"title":"x"}"#
            try (text + "\n").write(toFile: world.spool.newFolder + "/" + name, atomically: false, encoding: .utf8)
            try state.recordHookRun(HookRun(file: name, feed: "notes", claimed: true))
            #expect(try world.spool.claim(name))
        }
        let start = try #require(DaemonStart(configuration: configuration, log: log))
        #expect(logs.entries.map(\.message.description)
            == ["returned 1 file an earlier process had claimed for exec from cur/ to new/"])
        #expect(try world.spool.waitingFiles().count == 1)
        _ = start
    }
}
