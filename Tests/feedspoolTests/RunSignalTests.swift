import Foundation
import Testing

/// `feedspool run` under signals, as systemd drives it: SIGTERM and SIGINT
/// stop it with status 0 (abandoning a round in progress, which the spool's
/// protocol makes safe), SIGHUP reloads feeds.conf or, when it has
/// problems, logs each and keeps the running configuration; and with
/// `$NOTIFY_SOCKET` it reports READY=1, RELOADING=1 and STOPPING=1.
@Suite struct RunSignalTests {
    /// A workspace whose feeds.conf polls `releases.atom` (two entries) hourly.
    private func releasesWorkspace() async throws -> OnceWorkspace {
        let workspace = try await OnceWorkspace()
        try workspace.serve("releases.atom")
        try workspace.serve("notes.rss")
        try workspace.configure("\(workspace.url("/feeds/releases.atom")) name=releases")
        return workspace
    }

    @Test(arguments: [SIGTERM, SIGINT])
    func aStopSignalEndsTheDaemonWithStatusZero(signal: Int32) async throws {
        let workspace = try await releasesWorkspace()
        let daemon = try DaemonProcess(in: workspace)
        #expect(try await eventually { try daemon.logged("feedspool: polled 1 feed, delivered 2 articles") })
        daemon.send(signal)
        #expect(await daemon.exitStatus(within: 60) == 0)
        #expect(try daemon.log().last == "feedspool: stopping on \(signal == SIGTERM ? "SIGTERM" : "SIGINT")")
    }

    @Test func aStopSignalAbandonsARoundInProgressAndTheNextStartDeliversItsFeed() async throws {
        let workspace = try await releasesWorkspace()
        try workspace.configure("""
            \(workspace.url("/feeds/releases.atom")) name=releases
            \(workspace.url("/feeds/notes.rss")) name=notes
            """)
        // One byte a second: the round lasts until the low-speed limit (30 s).
        try workspace.setDripping(true, for: "notes.rss")
        let daemon = try DaemonProcess(in: workspace)
        #expect(try await eventually { try !workspace.server.requests(for: "/feeds/notes.rss").isEmpty })
        daemon.send(SIGTERM)
        #expect(await daemon.exitStatus(within: 60) == 0)
        #expect(try daemon.log().last
            == "feedspool: stopping on SIGTERM: the round in progress is abandoned; the next start finishes its deliveries")

        try workspace.setDripping(false, for: "notes.rss")
        let next = try DaemonProcess(in: workspace)
        #expect(try await eventually { try workspace.articles().filter { $0.feedName == "notes" }.count == 3 })
        #expect(try workspace.articles().filter { $0.feedName == "releases" }.count == 2)
        #expect(try workspace.temporaryFileNames() == [])
        next.send(SIGTERM)
        #expect(await next.exitStatus(within: 60) == 0)
    }

    @Test func aFeedAddedToTheConfigurationIsPolledAfterSIGHUP() async throws {
        let workspace = try await releasesWorkspace()
        let daemon = try DaemonProcess(in: workspace)
        #expect(try await eventually { try daemon.logged("feedspool: polled 1 feed, delivered 2 articles") })

        try workspace.configure("""
            \(workspace.url("/feeds/releases.atom")) name=releases
            \(workspace.url("/feeds/notes.rss")) name=notes
            """)
        daemon.send(SIGHUP)
        #expect(try await eventually { try workspace.articles().filter { $0.feedName == "notes" }.count == 3 })
        #expect(try daemon.logged("feedspool: reloaded feeds.conf: 2 feeds"))
        // The hourly feed keeps its schedule across the reload.
        #expect(try workspace.server.requests(for: "/feeds/releases.atom").count == 1)
        #expect(daemon.isRunning)
    }

    @Test func aBrokenConfigurationOnSIGHUPIsLoggedAndTheRunningOneKept() async throws {
        let workspace = try await releasesWorkspace()
        try workspace.configure("\(workspace.url("/feeds/notes.rss")) name=notes interval=1s")
        let daemon = try DaemonProcess(in: workspace)
        #expect(try await eventually { try workspace.server.requests(for: "/feeds/notes.rss").count >= 1 })

        try workspace.configure("""
            \(workspace.url("/feeds/notes.rss")) name=notes interval=1s
            \(workspace.url("/feeds/releases.atom")) name=releases intervall=1h
            """)
        daemon.send(SIGHUP)
        #expect(try await eventually { try daemon.logged("feedspool: kept the running configuration: feeds.conf has 1 problem") })
        #expect(try daemon.logged("feeds.conf:4: unknown option \"intervall\" (did you mean \"interval\"?)"))

        // The running configuration goes on: its feed is polled again, the
        // broken file's new feed never.
        let polls = try workspace.server.requests(for: "/feeds/notes.rss").count
        #expect(try await eventually { try workspace.server.requests(for: "/feeds/notes.rss").count >= polls + 2 })
        #expect(try workspace.server.requests(for: "/feeds/releases.atom").isEmpty)
        #expect(daemon.isRunning)
    }

    @Test(arguments: [false, true])
    func systemdHearsReadyReloadingAndStopping(abstract: Bool) async throws {
        let workspace = try await releasesWorkspace()
        let socket = try NotifySocket(
            path: abstract ? "feedspool-test-\(UUID().uuidString)" : workspace.folder.url.path + "/notify",
            abstract: abstract)
        let daemon = try DaemonProcess(in: workspace, environment: ["NOTIFY_SOCKET": socket.environmentValue])
        #expect(await eventually { socket.fields().contains("READY=1") })
        // Ready once recovered and running.
        #expect(try daemon.log().first?.hasPrefix("feedspool: running: 1 feed") == true)

        daemon.send(SIGHUP)
        #expect(await eventually { socket.fields().filter { $0 == "READY=1" }.count == 2 })
        let fields = socket.fields()
        let reloading = try #require(fields.firstIndex(of: "RELOADING=1"))
        #expect(fields[reloading + 1].hasPrefix("MONOTONIC_USEC="))
        #expect(fields.lastIndex(of: "READY=1")! > reloading)

        daemon.send(SIGTERM)
        #expect(await daemon.exitStatus(within: 60) == 0)
        #expect(socket.fields().last == "STOPPING=1")
    }
}
