import Foundation
import Testing

/// Under systemd, `feedspool run`'s standard error is the journal's stream,
/// named by `$JOURNAL_STREAM`: each log line then starts with its syslog
/// priority (`<3>` error, `<4>` warning, `<6>` information) instead of the
/// program name, so `journalctl -p warning` tells a failed feed from a
/// round's summary. Anywhere else, and from `once` always, the lines stay
/// as they were.
@Suite struct RunJournalTests {
    /// A workspace with a feed that delivers, one recovered from broken XML
    /// (a warning) and one that fails (HTTP 500).
    private func mixedWorkspace() async throws -> OnceWorkspace {
        let workspace = try await OnceWorkspace()
        try workspace.serve("notes.rss")
        try workspace.serve("truncated.rss")
        try workspace.configure("""
            \(workspace.url("/feeds/notes.rss")) name=notes
            \(workspace.url("/plain/truncated.rss")) name=pkg
            \(workspace.url("/status/500")) name=flaky
            """)
        return workspace
    }

    private let recovered = "warning: pkg: recovered from broken XML: line 19: Premature end of data in tag channel line 3"

    @Test func inTheJournalTheSummaryIsInformationAndAFailedFeedAnError() async throws {
        let workspace = try await mixedWorkspace()
        let daemon = try DaemonProcess(in: workspace, journal: true)
        #expect(try await eventually { try daemon.logged("<6>polled 3 feeds, delivered 5 articles, 1 failed") })
        daemon.send(SIGTERM)
        #expect(await daemon.exitStatus(within: 60) == 0)

        let log = try daemon.log()
        #expect(log.first == "<6>running: 3 feeds from feeds.conf, spool \(workspace.spool.path)")
        #expect(log.last == "<6>stopping on SIGTERM")
        // The feeds' lines come in the order their answers arrived.
        #expect(log.sorted() == [
            "<3>flaky: HTTP 500",
            "<4>\(recovered)",
            "<6>polled 3 feeds, delivered 5 articles, 1 failed",
            "<6>running: 3 feeds from feeds.conf, spool \(workspace.spool.path)",
            "<6>stopping on SIGTERM",
        ])
    }

    @Test func inTheJournalAGoneFeedAndARefusedReloadAreWarnings() async throws {
        let workspace = try await OnceWorkspace()
        try workspace.serve("notes.rss")
        try workspace.serve("releases.atom")
        try workspace.setStatus("410", for: "notes.rss")
        try workspace.configure("\(workspace.url("/feeds/notes.rss")) name=oldblog")
        #expect(try await workspace.once().status == 1)

        let daemon = try DaemonProcess(in: workspace, journal: true)
        let gone = "<4>oldblog: not polled: gone (HTTP 410); `feedspool once oldblog` polls it again while run is stopped"
        #expect(try await eventually { try daemon.logged(gone) })

        try workspace.configure("""
            \(workspace.url("/feeds/notes.rss")) name=oldblog
            \(workspace.url("/feeds/releases.atom")) name=releases intervall=1h
            """)
        daemon.send(SIGHUP)
        #expect(try await eventually { try daemon.logged("<4>kept the running configuration: feeds.conf has 1 problem") })
        #expect(try daemon.logged("<3>feeds.conf:4: unknown option \"intervall\" (did you mean \"interval\"?)"))

        try workspace.folder.write("feeds.conf", """
            spool = elsewhere
            state = state
            \(workspace.url("/feeds/notes.rss")) name=oldblog
            \(workspace.url("/feeds/releases.atom")) name=releases
            """)
        daemon.send(SIGHUP)
        #expect(try await eventually { try daemon.logged("<6>polled 1 feed, delivered 2 articles") })
        let log = try daemon.log()
        #expect(log.contains("<6>reloaded feeds.conf: 2 feeds"))
        #expect(log.contains { $0.hasPrefix("<4>warning: spool is now ") && $0.hasSuffix("still using \(workspace.spool.path)") })
        #expect(log.filter { $0 == gone }.count == 2)
        #expect(log.allSatisfy { !$0.hasPrefix("feedspool: ") })
    }

    @Test func aProblemAtStartIsAnErrorInTheJournal() async throws {
        let workspace = try await OnceWorkspace()
        try workspace.configure("""
            intervall = 1h
            \(workspace.url("/feeds/notes.rss")) name=notes tags=
            """)
        let result = try await CommandRunner.run(["run"], in: workspace.folder.url, journal: true)
        #expect(result.status == 2)
        #expect(result.stderrLines == [
            "<3>feeds.conf:3: unknown setting \"intervall\" (did you mean \"interval\"?)",
            "<3>feeds.conf:4: missing value for \"tags\"",
        ])
    }

    @Test func aStateHeldByAnotherProcessIsAnErrorInTheJournal() async throws {
        let workspace = try await OnceWorkspace()
        try workspace.serve("notes.rss")
        try workspace.configure("\(workspace.url("/feeds/notes.rss")) name=notes")
        let daemon = try DaemonProcess(in: workspace)
        #expect(try await eventually { try daemon.logged("feedspool: polled 1 feed, delivered 3 articles") })

        let second = try await CommandRunner.run(["run"], in: workspace.folder.url,
                                           environment: OnceWorkspace.loopbackOnly, journal: true)
        #expect(second.status == 1)
        let lock = workspace.folder.url.appendingPathComponent("state/lock").path
        #expect(second.stderrLines == [
            "<3>cannot lock \(lock): held by another feedspool process (is `feedspool run` running?)",
        ])
        #expect(daemon.isRunning)
    }

    @Test func withJournalStreamNamingAnotherFileTheLinesAreUnchanged() async throws {
        let workspace = try await mixedWorkspace()
        // As a child of a service inherits the variable with its stderr
        // redirected elsewhere.
        let other = try FileHandle(forReadingFrom: workspace.folder.url.appendingPathComponent("feeds.conf"))
        let daemon = try DaemonProcess(in: workspace,
                                       environment: ["JOURNAL_STREAM": streamIdentity(of: other.fileDescriptor)])
        #expect(try await eventually { try daemon.logged("feedspool: polled 3 feeds, delivered 5 articles, 1 failed") })
        #expect(try daemon.log().sorted() == [
            "feedspool: flaky: HTTP 500",
            "feedspool: polled 3 feeds, delivered 5 articles, 1 failed",
            "feedspool: running: 3 feeds from feeds.conf, spool \(workspace.spool.path)",
            "feedspool: \(recovered)",
        ])
    }

    @Test func onceNeverPrefixesItsLinesEvenOnTheJournalsStream() async throws {
        let workspace = try await mixedWorkspace()
        let result = try await CommandRunner.run(["once"], in: workspace.folder.url,
                                           environment: OnceWorkspace.loopbackOnly, journal: true)
        #expect(result.status == 1)
        #expect(result.stderrLines.sorted() == [
            "feedspool: 3 feeds, 5 new, 0 updated, 1 failed", "feedspool: flaky: HTTP 500", "feedspool: \(recovered)",
        ])
    }
}
