import Foundation
import Testing

/// `exec` with `feedspool run`: commands run beside the polling, and a stop
/// waits for the running ones, whose files go back to `new/` at their timeout.
@Suite struct RunExecTests {
    @Test func theDaemonRunsTheHookOnEachArticleItDelivers() throws {
        let workspace = try OnceExecTests.workspace()
        try workspace.configure("""
            exec = hooks/record
            \(workspace.url("/feeds/notes.rss")) name=notes
            """)
        let daemon = try DaemonProcess(in: workspace, environment: OnceExecTests.environment(workspace))
        #expect(eventually { OnceExecTests.hookLog(workspace).count == 3 })
        #expect(try eventually { try workspace.newFileNames().isEmpty })
        daemon.send(SIGTERM)
        #expect(daemon.exitStatus(within: 60) == 0)
        #expect(OnceExecTests.hookLog(workspace).count == 3)
        #expect(try OnceExecTests.names(in: workspace.spool.appendingPathComponent("cur")).isEmpty)
    }

    @Test func aStopWaitsForARunningHookUntilItsTimeoutAndReturnsItsFile() throws {
        let workspace = try OnceExecTests.workspace()
        try OnceExecTests.script("hooks/slow", in: workspace, """
            #!/bin/sh
            echo "$1" >> "$HOOK_LOG"
            sleep 60
            """)
        try workspace.configure("""
            exec-concurrency = 1
            \(workspace.url("/feeds/notes.rss")) name=notes exec=hooks/slow exec-timeout=2s
            """)
        let daemon = try DaemonProcess(in: workspace, environment: OnceExecTests.environment(workspace))
        #expect(eventually { OnceExecTests.hookLog(workspace).count == 1 })
        let claimed = try #require(OnceExecTests.hookLog(workspace).first?.first)
        #expect(FileManager.default.fileExists(atPath: claimed))
        daemon.send(SIGTERM)
        #expect(daemon.exitStatus(within: 60) == 0)
        // The one running went back to new/ at its timeout; no other was started.
        #expect(OnceExecTests.hookLog(workspace).count == 1)
        #expect(try workspace.newFileNames().count == 3)
        #expect(try workspace.newFileNames().contains((claimed as NSString).lastPathComponent))
        #expect(try OnceExecTests.names(in: workspace.spool.appendingPathComponent("cur")).isEmpty)
        #expect(try daemon.log().contains { $0.hasPrefix("feedspool: warning: notes: exec failed (still running after exec-timeout 2s: ended)") })
    }
}
