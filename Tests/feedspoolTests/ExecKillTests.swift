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
    static func workspace(concurrency: Int) throws -> OnceWorkspace {
        let workspace = try OnceWorkspace()
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
    static func once(_ workspace: OnceWorkspace, killAfter delay: Double?, environment: [String: String] = [:]) throws -> Int32? {
        let process = Process()
        process.executableURL = CommandRunner.binary
        process.arguments = ["once", "--quiet"]
        process.currentDirectoryURL = workspace.folder.url
        process.environment = ProcessInfo.processInfo.environment.merging(OnceWorkspace.loopbackOnly) { $1 }
            .merging(OnceExecTests.environment(workspace)) { $1 }.merging(environment) { $1 }
        process.standardInput = FileHandle.nullDevice
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        if let delay {
            usleep(UInt32(delay * 1_000_000))
            kill(process.processIdentifier, SIGKILL)
        }
        process.waitUntilExit()
        return process.terminationReason == .exit ? process.terminationStatus : nil
    }

    /// Runs `once` (the retry times moved into the past first) until every
    /// article has a successful run and nothing waits, at most 30 times.
    static func finish(_ workspace: OnceWorkspace, ids: Set<String>) throws {
        for _ in 0..<30 {
            try OnceExecTests.moveRetriesIntoThePast(workspace)
            _ = try once(workspace, killAfter: nil)
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

    static func ids(_ count: Int) throws -> Set<String> {
        Set(try (1...count).map { try articleID(feed: "grow", key: "urn:grow:\($0)") })
    }

    @Test func killedAtRandomMomentsWhileHooksRunNothingIsLost() throws {
        let concurrency = 3
        let workspace = try Self.workspace(concurrency: concurrency)
        var random = SplitMix64(seed: 0x5EED_E7EC)
        let kills = 16
        for round in 1...kills {
            try Self.serve(4 * round, in: workspace)
            try OnceExecTests.moveRetriesIntoThePast(workspace)
            _ = try Self.once(workspace, killAfter: Double.random(in: 0.02...0.6, using: &random))
        }
        // A command the last kill orphaned before its process was recorded finishes first.
        usleep(300_000)
        try Self.finish(workspace, ids: try Self.ids(4 * kills))
        try Self.checkNothingLost(workspace, ids: try Self.ids(4 * kills), interrupted: kills, concurrency: concurrency)
    }

    @Test func theDaemonKilledAtRandomMomentsWhilePollingAndRunningHooksLosesNothing() throws {
        let concurrency = 2
        let workspace = try Self.workspace(concurrency: concurrency)
        // Polled every few seconds, so rounds and commands overlap.
        try workspace.configure("""
            exec-concurrency = \(concurrency)
            \(workspace.url("/feeds/grow.rss")) name=grow exec=hooks/handle interval=1s
            """)
        var random = SplitMix64(seed: 0xDAE_3011)
        let kills = 8
        for round in 1...kills {
            try Self.serve(5 * round, in: workspace)
            try OnceExecTests.moveRetriesIntoThePast(workspace)
            let daemon = try DaemonProcess(in: workspace, environment: OnceExecTests.environment(workspace))
            usleep(UInt32(Double.random(in: 0.2...2.5, using: &random) * 1_000_000))
            daemon.send(SIGKILL)
            _ = daemon.exitStatus(within: 10)
        }
        let ids = try Self.ids(5 * kills)
        let daemon = try DaemonProcess(in: workspace, environment: OnceExecTests.environment(workspace))
        #expect(try eventually {
            try OnceExecTests.moveRetriesIntoThePast(workspace)
            return try Self.succeeded(workspace).keys.count == ids.count && workspace.newFileNames().isEmpty
        })
        daemon.send(SIGTERM)
        #expect(daemon.exitStatus(within: 60) == 0)
        try Self.checkNothingLost(workspace, ids: ids, interrupted: kills, concurrency: concurrency)
    }

    @Test(arguments: ["hook-record:1", "hook-record:3", "hook-claim:1", "hook-claim:4", "hook-ran:1", "hook-ran:5"])
    func stoppedAtAStepOfTheClaimNothingIsLost(point: String) throws {
        let workspace = try Self.workspace(concurrency: 1)
        try Self.serve(6, in: workspace)
        let status = try Self.once(workspace, killAfter: nil, environment: ["FEEDSPOOL_CRASH_AT": point])
        #expect(status == 137, "FEEDSPOOL_CRASH_AT=\(point) was not reached")
        let claimed = try OnceExecTests.names(in: workspace.spool.appendingPathComponent("cur"))
        if point.hasPrefix("hook-claim") { #expect(claimed.count == 1) }
        try Self.finish(workspace, ids: try Self.ids(6))
        try Self.checkNothingLost(workspace, ids: try Self.ids(6), interrupted: 1, concurrency: 1)
    }
}
