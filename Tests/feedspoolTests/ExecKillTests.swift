import Foundation
import TestSupport
import Testing

/// Nothing is lost when feedspool dies while `exec` hooks run: `feedspool
/// once` is killed with SIGKILL at random moments, and stopped at each step
/// of the claim through `FEEDSPOOL_CRASH_AT`, while a feed grows and a hook
/// (which sometimes fails) handles its articles. After the restarts, every
/// article was handled by a successful run at least once (more than once
/// only when a kill caught its run), and nothing is left in `new/`, `cur/`
/// or `tmp/`.
@Suite struct ExecKillTests {
    /// A workspace whose feed `grow` serves `count` items, and `hooks/handle`:
    /// logs `start ID`, waits up to 50 ms, fails one time in five (`fail ID`),
    /// else logs `done ID`.
    static func workspace(concurrency: Int) async throws -> OnceWorkspace {
        let workspace = try await OnceWorkspace()
        try OnceExecTests.script("hooks/handle", in: workspace, """
            #!/bin/sh
            echo "start $FEEDSPOOL_ARTICLE_ID" >> "$HOOK_LOG"
            draw=$(od -An -N1 -tu1 /dev/urandom | tr -d ' ')
            sleep "0.0$((draw % 5))"
            if [ $((draw % 5)) = 0 ]; then echo "fail $FEEDSPOOL_ARTICLE_ID" >> "$HOOK_LOG"; exit 1; fi
            echo "done $FEEDSPOOL_ARTICLE_ID" >> "$HOOK_LOG"
            """)
        try workspace.configure("""
            exec-concurrency = \(concurrency)
            \(workspace.url("/feeds/grow.rss")) name=grow exec=hooks/handle
            """)
        return workspace
    }

    static func serve(_ count: Int, in workspace: OnceWorkspace) throws {
        let items = (1...count).map { "<item><title>Item \($0)</title><guid>urn:grow:\($0)</guid><description>Text \($0).</description></item>" }
        try workspace.folder.write("www/grow.rss", "<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>Grow</title>\(items.joined())</channel></rss>")
    }

    /// Starts `feedspool once` and kills it after `delay` seconds (if still running); its exit status, or nil when killed.
    static func once(_ workspace: OnceWorkspace, killAfter delay: Double?, environment: [String: String] = [:])
        async throws -> Int32?
    {
        let command = try backgroundCommand(
            ["once", "--quiet"], in: workspace.folder.url,
            environment: OnceWorkspace.loopbackOnly.merging(OnceExecTests.environment(workspace)) { $1 }
                .merging(environment) { $1 })
        if let delay {
            try await Task.sleep(for: .seconds(delay))
            command.send(SIGKILL)
        }
        return await command.exitStatus()
    }

    /// Runs `once` (the retry times moved into the past first) until every
    /// article has a successful run and nothing waits, at most 30 times.
    static func finish(_ workspace: OnceWorkspace, ids: Set<String>) async throws {
        for _ in 0..<30 {
            try await OnceExecTests.moveRetriesIntoThePast(workspace)
            _ = try await once(workspace, killAfter: nil)
            if try succeeded(workspace).keys.count == ids.count, try workspace.newFileNames().isEmpty { break }
        }
    }

    /// How many successful runs each article id had.
    static func succeeded(_ workspace: OnceWorkspace) throws -> [String: Int] {
        var counts: [String: Int] = [:]
        for run in OnceExecTests.hookLog(workspace) {
            let words = run[0].split(separator: " ")
            if words.first == "done" { counts[String(words[1]), default: 0] += 1 }
        }
        return counts
    }

    /// What must hold at the end: every id handled, nothing waiting anywhere.
    static func checkNothingLost(_ workspace: OnceWorkspace, ids: Set<String>, interrupted: Int, concurrency: Int) throws {
        let counts = try succeeded(workspace)
        #expect(Set(counts.keys) == ids)
        #expect(counts.values.filter { $0 > 1 }.count <= interrupted * concurrency)
        #expect(try workspace.newFileNames().isEmpty)
        #expect(try OnceExecTests.names(in: workspace.spool.appendingPathComponent("cur")).isEmpty)
        #expect(try workspace.temporaryFileNames().isEmpty)
    }

    static func ids(_ count: Int) async throws -> Set<String> {
        var ids: Set<String> = []
        for number in 1...count { ids.insert(try await articleID(feed: "grow", key: "urn:grow:\(number)")) }
        return ids
    }

    @Test func killedAtRandomMomentsWhileHooksRunNothingIsLost() async throws {
        let concurrency = 3
        let workspace = try await Self.workspace(concurrency: concurrency)
        var random = SplitMix64(seed: 0x5EED_E7EC)
        let kills = 16
        for round in 1...kills {
            try Self.serve(4 * round, in: workspace)
            try await OnceExecTests.moveRetriesIntoThePast(workspace)
            _ = try await Self.once(workspace, killAfter: Double.random(in: 0.02...0.6, using: &random))
        }
        // A command the last kill orphaned before its process was recorded finishes first.
        try await Task.sleep(for: .milliseconds(300))
        try await Self.finish(workspace, ids: try Self.ids(4 * kills))
        try await Self.checkNothingLost(workspace, ids: try Self.ids(4 * kills), interrupted: kills, concurrency: concurrency)
    }

    @Test func theDaemonKilledAtRandomMomentsWhilePollingAndRunningHooksLosesNothing() async throws {
        let concurrency = 2
        let workspace = try await Self.workspace(concurrency: concurrency)
        // Polled every few seconds, so rounds and commands overlap.
        try workspace.configure("""
            exec-concurrency = \(concurrency)
            \(workspace.url("/feeds/grow.rss")) name=grow exec=hooks/handle interval=1s
            """)
        var random = SplitMix64(seed: 0xDAE_3011)
        let kills = 8
        for round in 1...kills {
            try Self.serve(5 * round, in: workspace)
            try await OnceExecTests.moveRetriesIntoThePast(workspace)
            let daemon = try DaemonProcess(in: workspace, environment: OnceExecTests.environment(workspace))
            try await Task.sleep(for: .seconds(Double.random(in: 0.2...2.5, using: &random)))
            daemon.send(SIGKILL)
            _ = await daemon.exitStatus(within: 10)
        }
        let ids = try await Self.ids(5 * kills)
        let daemon = try DaemonProcess(in: workspace, environment: OnceExecTests.environment(workspace))
        #expect(try await eventually {
            try await OnceExecTests.moveRetriesIntoThePast(workspace)
            return try Self.succeeded(workspace).keys.count == ids.count && workspace.newFileNames().isEmpty
        })
        // The earlier runs may have finished everything: the stop must come after the daemon catches it.
        #expect(try await eventually { try daemon.hasStarted() })
        daemon.send(SIGTERM)
        #expect(await daemon.exitStatus(within: 60) == 0)
        try Self.checkNothingLost(workspace, ids: ids, interrupted: kills, concurrency: concurrency)
    }

    @Test(arguments: ["hook-record:1", "hook-record:3", "hook-claim:1", "hook-claim:4", "hook-ran:1", "hook-ran:5"])
    func stoppedAtAStepOfTheClaimNothingIsLost(point: String) async throws {
        let workspace = try await Self.workspace(concurrency: 1)
        try Self.serve(6, in: workspace)
        let status = try await Self.once(workspace, killAfter: nil, environment: ["FEEDSPOOL_CRASH_AT": point])
        #expect(status == 137, "FEEDSPOOL_CRASH_AT=\(point) was not reached")
        let claimed = try OnceExecTests.names(in: workspace.spool.appendingPathComponent("cur"))
        if point.hasPrefix("hook-claim") { #expect(claimed.count == 1) }
        try await Self.finish(workspace, ids: try Self.ids(6))
        try await Self.checkNothingLost(workspace, ids: try Self.ids(6), interrupted: 1, concurrency: 1)
    }
}
