import Foundation
import Logging
import Poller
import Testing

/// What the daemon does when asked to reload or stop (SIGHUP, SIGTERM in
/// the program), run in-process on a test clock.
@Suite struct DaemonRequestTests {
    static let notes = "http://feeds.test/notes.rss"
    static let added = "http://feeds.test/added.rss"

    @Test func aStopAskedBeforeTheFirstRoundPollsNothing() throws {
        let world = try DaemonWorld(answers: [Self.notes: .document(rss("notes", items: 1))])
        try world.configure("\(Self.notes) name=notes")
        let host = TestHost(clock: world.clock, stopAt: .distantFuture, requests: DaemonRequests(stop: "SIGINT"))
        try world.run(host)

        #expect(world.fetcher.times(Self.notes).isEmpty)
        #expect(world.logged(.info) == ["stopping on SIGINT"])
        #expect(host.notified == [.stopping])
    }

    @Test func aReloadPollsTheFeedsTheFileNowLists() throws {
        let world = try DaemonWorld(answers: [Self.notes: .document(rss("notes", items: 1)),
                                              Self.added: .document(rss("added", items: 2))])
        try world.configure("\(Self.notes) name=notes")
        let host = TestHost(clock: world.clock, stopAt: DaemonWorld.start.addingTimeInterval(120))
        host.onSleep = { count in
            guard count == 1 else { return DaemonRequests() }
            try? world.configure("""
                \(Self.notes) name=notes
                \(Self.added) name=added
                """)
            return DaemonRequests(reload: true)
        }
        try world.run(host)

        #expect(world.fetcher.times(Self.added).count == 1)
        #expect(world.logged(.info).contains("reloaded \(world.configPath): 2 feeds"))
        #expect(try world.delivered().count == 3)
        #expect(host.notified.contains(.reloading))
        #expect(host.notified.firstIndex(of: .reloading).map { host.notified[$0 + 1] } == .ready)
    }

    @Test func aReloadWithProblemsKeepsTheRunningConfigurationAndNamesEachLine() throws {
        let world = try DaemonWorld(answers: [Self.notes: .document(rss("notes", items: 1))])
        try world.configure("interval = 10s\n\(Self.notes) name=notes")
        let host = TestHost(clock: world.clock, stopAt: DaemonWorld.start.addingTimeInterval(60))
        host.onSleep = { count in
            guard count == 1 else { return DaemonRequests() }
            try? world.configure("intervall = 10s\n\(Self.notes) name=notes")
            return DaemonRequests(reload: true)
        }
        try world.run(host)

        let problems = world.logs.entries.filter { $0.metadata[Logger.formKey] == Logger.fileLineForm }
        #expect(problems.map(\.message.description) == [
            "\(world.configPath):1: unknown setting \"intervall\" (did you mean \"interval\"?)",
        ])
        #expect(problems.allSatisfy { $0.level == .error })
        #expect(world.logged(.warning) == ["kept the running configuration: \(world.configPath) has 1 problem"])
        // Still polled every 10 s, as the running configuration says.
        #expect(world.fetcher.times(Self.notes).count >= 5)
    }
}
