import Foundation
import Testing

/// `exec` with `feedspool run`: commands run beside the polling, and a stop
/// waits for the running ones, whose files go back to `new/` at their timeout.
@Suite struct RunExecTests {
    @Test func theDaemonRunsTheHookOnEachArticleItDelivers() async throws {
        let workspace = try await OnceExecTests.workspace()
        try workspace.configure("""
            exec = hooks/record
            \(workspace.url("/feeds/notes.rss")) name=notes
            """)
        let daemon = try DaemonProcess(in: workspace, environment: OnceExecTests.environment(workspace))
        #expect(await eventually { OnceExecTests.hookLog(workspace).count == 3 })
        #expect(try await eventually { try workspace.newFileNames().isEmpty })
        daemon.send(SIGTERM)
        #expect(await daemon.exitStatus(within: 60) == 0)
        #expect(OnceExecTests.hookLog(workspace).count == 3)
        #expect(try OnceExecTests.names(in: workspace.spool.appendingPathComponent("cur")).isEmpty)
    }

    @Test func aStopWaitsForARunningHookUntilItsTimeoutAndReturnsItsFile() async throws {
        let workspace = try await OnceExecTests.workspace()
        // The hook logs its file and whether it is there, then stops the
        // daemon (its parent) itself: the stop comes while the first hook
        // runs however late this test would see the log.
        try OnceExecTests.script("hooks/slow", in: workspace, """
            #!/bin/sh
            if [ -f "$1" ]; then there=yes; else there=no; fi
            echo "$1|$there" >> "$HOOK_LOG"
            kill -TERM "$PPID"
            sleep 60
            """)
        try workspace.configure("""
            exec-concurrency = 1
            \(workspace.url("/feeds/notes.rss")) name=notes exec=hooks/slow exec-timeout=2s
            """)
        let daemon = try DaemonProcess(in: workspace, environment: OnceExecTests.environment(workspace))
        #expect(await daemon.exitStatus(within: 60) == 0)
        // The one running went back to new/ at its timeout; no other was started.
        let runs = OnceExecTests.hookLog(workspace)
        #expect(runs.count == 1)
        let claimed = try #require(runs.first?.first)
        #expect(runs.first?.last == "yes", "the hook's file was not there while it ran")
        #expect(try workspace.newFileNames().count == 3)
        #expect(try workspace.newFileNames().contains((claimed as NSString).lastPathComponent))
        #expect(try OnceExecTests.names(in: workspace.spool.appendingPathComponent("cur")).isEmpty)
        #expect(try daemon.log().contains { $0.hasPrefix("feedspool: warning: notes: exec failed (still running after exec-timeout 2s: ended)") })
        #expect(try daemon.log().contains { $0.hasPrefix("feedspool: stopping on SIGTERM") })
    }
}
