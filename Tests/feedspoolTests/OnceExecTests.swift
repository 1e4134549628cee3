import Foundation
import Testing

/// `exec = COMMAND` with `feedspool once`: each new article's file claimed
/// into `cur/`, the command run on it, the file removed (or kept) when it
/// succeeds and back in `new/` when it fails, hangs or cannot start.
@Suite struct OnceExecTests {
    /// A workspace with the three-article `notes.rss` and `hooks/record`, a
    /// hook that appends one line per run to `hooks.log`, `|`-separated: its
    /// arguments, `$FEEDSPOOL_FEED`, `$FEEDSPOOL_ARTICLE_ID`,
    /// `$FEEDSPOOL_ATTEMPT`; then it exits `$HOOK_EXIT` (0 by default).
    static func workspace() async throws -> OnceWorkspace {
        let workspace = try await OnceWorkspace()
        try workspace.serve("notes.rss")
        try script("hooks/record", in: workspace, """
            #!/bin/sh
            line=""
            for argument in "$@"; do line="$line$argument|"; done
            # One write per run: hooks run side by side and append to one log.
            printf '%s\n' "$line$FEEDSPOOL_FEED|$FEEDSPOOL_ARTICLE_ID|$FEEDSPOOL_ATTEMPT" >> "$HOOK_LOG"
            test -t 0 && echo "a terminal as input" >&2
            [ "${HOOK_EXIT:-0}" = 0 ] || echo "archive unreachable for $FEEDSPOOL_FEED" >&2
            exit "${HOOK_EXIT:-0}"
            """)
        return workspace
    }

    /// Writes an executable script at `path` inside the workspace.
    @discardableResult
    static func script(_ path: String, in workspace: OnceWorkspace, _ text: String) throws -> String {
        let file = workspace.folder.url.appendingPathComponent(path)
        try FileManager.default.createDirectory(at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data((text + "\n").utf8).write(to: file)
        try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: file.path)
        return file.path
    }

    static func hookLog(_ workspace: OnceWorkspace) -> [[String]] {
        let text = (try? String(contentsOf: workspace.folder.url.appendingPathComponent("hooks.log"), encoding: .utf8)) ?? ""
        return text.split(separator: "\n").map { $0.split(separator: "|", omittingEmptySubsequences: false).map(String.init) }
    }

    static func environment(_ workspace: OnceWorkspace, exit: Int32 = 0) -> [String: String] {
        ["HOOK_LOG": workspace.folder.url.appendingPathComponent("hooks.log").path, "HOOK_EXIT": String(exit)]
    }

    static func names(in folder: URL) throws -> [String] {
        guard FileManager.default.fileExists(atPath: folder.path) else { return [] }
        return try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted()
    }

    @Test func aSucceedingHookGetsEachArticleOnceAndItsFileIsRemoved() async throws {
        let workspace = try await Self.workspace()
        try workspace.configure("""
            exec = hooks/record --from feedspool
            \(workspace.url("/feeds/notes.rss")) name=notes
            """)
        let result = try await workspace.once(environment: Self.environment(workspace))
        #expect(result.status == 0)
        #expect(result.stderr == "")
        let runs = Self.hookLog(workspace)
        #expect(runs.count == 3)
        for run in runs {
            // The words, the path last, then the environment.
            #expect(run.count == 6)
            #expect(run[0...1] == ["--from", "feedspool"])
            #expect(run[2].hasPrefix(workspace.spool.path + "/cur/") && run[2].hasSuffix(".json"))
            #expect(run[3] == "notes")
            #expect(run[4].count == 64 && run[2].contains(run[4].prefix(16)))
            #expect(run[5] == "1")
        }
        #expect(Set(runs.map { $0[4] }).count == 3)
        #expect(try workspace.newFileNames().isEmpty)
        #expect(try Self.names(in: workspace.spool.appendingPathComponent("cur")).isEmpty)
        // Nothing new, nothing run again.
        #expect(try await workspace.once(environment: Self.environment(workspace)).status == 0)
        #expect(Self.hookLog(workspace).count == 3)
    }

    @Test func withExecKeepTheFilesStayInCur() async throws {
        let workspace = try await Self.workspace()
        try workspace.configure("""
            \(workspace.url("/feeds/notes.rss")) name=notes exec=hooks/record exec-keep=yes
            """)
        #expect(try await workspace.once(environment: Self.environment(workspace)).status == 0)
        let runs = Self.hookLog(workspace)
        #expect(runs.count == 3)
        let kept = try Self.names(in: workspace.spool.appendingPathComponent("cur"))
        #expect(kept == runs.map { ($0[0] as NSString).lastPathComponent }.sorted())
        #expect(try workspace.newFileNames().isEmpty)
    }

    @Test func quotedWordsAndPathsWithSpacesReachTheCommandWhole() async throws {
        let workspace = try await Self.workspace()
        try Self.script("hook folder/record it", in: workspace, #"#!/bin/sh"# + "\n" + #"exec "$(dirname "$0")/../hooks/record" "$@""#)
        try workspace.folder.write("feeds.conf", """
            spool = "spool with spaces"
            state = state
            exec = "'hook folder/record it' 'two words' \\"double quoted\\" back\\\\ slash '$HOME' ''"
            \(workspace.url("/feeds/notes.rss")) name=notes
            \(workspace.url("/feeds/notes.rss?copy")) name=copy exec="hooks/record 'it''s' x\\\\ y"

            """)
        let result = try await workspace.once(environment: Self.environment(workspace))
        #expect(result.status == 0, "\(result.stderr)")
        let runs = Self.hookLog(workspace)
        let spool = workspace.folder.url.appendingPathComponent("spool with spaces").path
        let notes = runs.filter { $0.dropLast(2).last == "notes" }
        let copy = runs.filter { $0.dropLast(2).last == "copy" }
        #expect(notes.count == 3 && copy.count == 3)
        #expect(notes.allSatisfy { Array($0.prefix(5)) == ["two words", "double quoted", "back slash", "$HOME", ""] })
        #expect(notes.allSatisfy { $0[5].hasPrefix(spool + "/cur/") })
        #expect(copy.allSatisfy { Array($0.prefix(2)) == ["its", "x y"] })
    }

    @Test func aFailingHookLeavesTheFileInNewLogsItsStderrAndIsRetriedAfterItsBackoff() async throws {
        let workspace = try await Self.workspace()
        try workspace.configure("""
            \(workspace.url("/feeds/notes.rss")) name=notes exec=hooks/record
            """)
        let failed = try await workspace.once(environment: Self.environment(workspace, exit: 1), summary: true)
        #expect(failed.status == 1)
        let files = try workspace.newFileNames()
        #expect(files.count == 3)
        #expect(try Self.names(in: workspace.spool.appendingPathComponent("cur")).isEmpty)
        let lines = failed.stderrLines.map(String.init)
        #expect(lines.filter { $0 == "feedspool: warning: notes: exec: archive unreachable for notes" }.count == 3)
        for file in files {
            #expect(lines.contains { $0.hasPrefix("feedspool: warning: notes: exec failed (exit status 1) on \(file), failure 1: back in new/, tried again after ") })
        }
        #expect(lines.last == "feedspool: 1 feed, 3 new, 0 updated, 3 exec failed")
        let status = try await CommandRunner.run(["status"], in: workspace.folder.url)
        #expect(status.stdout.split(separator: "\n").last?.split(separator: "\t")[5]
            .hasPrefix("exec failed on 3 articles, next try 20") == true, "\(status.stdout)")
        let json = try await CommandRunner.run(["status", "--json"], in: workspace.folder.url).stdout
        #expect(json.contains(#""exec_failed":3,"exec_next_try":"20"#), "\(json)")
        // Not again before the backoff is over.
        let early = try await workspace.once(environment: Self.environment(workspace))
        #expect(early.status == 0 && early.stderr == "")
        #expect(Self.hookLog(workspace).count == 3)
        // Once it is over (the retry time moved into the past), each is run again, its second attempt.
        try await Self.moveRetriesIntoThePast(workspace)
        let retried = try await workspace.once(environment: Self.environment(workspace))
        #expect(retried.status == 0 && retried.stderr == "")
        let runs = Self.hookLog(workspace)
        #expect(runs.count == 6)
        #expect(runs.suffix(3).allSatisfy { $0.last == "2" })
        #expect(try workspace.newFileNames().isEmpty)
    }

    /// Sets every hook record's retry time to 1970, with Python's sqlite3
    /// (the test does not share feedspool's code for it); nothing before the
    /// state store exists.
    static func moveRetriesIntoThePast(_ workspace: OnceWorkspace) async throws {
        let database = workspace.folder.url.appendingPathComponent("state/state.sqlite").path
        guard FileManager.default.fileExists(atPath: database) else { return }
        let result = try await CommandRunner.run(
            // A run killed before the store made its tables leaves the file without `hook_runs`.
            ["-c", "import sqlite3,sys; c=sqlite3.connect(sys.argv[1]); "
                + "t=c.execute(\"SELECT 1 FROM sqlite_master WHERE name='hook_runs'\").fetchone(); "
                + "t and c.execute('UPDATE hook_runs SET retry_after = 0'); c.commit()",
             database],
            executable: URL(fileURLWithPath: "/usr/bin/python3"))
        #expect(result.status == 0, "\(result.stderr)")
    }

    @Test func aHangingHookIsEndedAtItsTimeoutWithItsChildrenAndItsFileReturned() async throws {
        let workspace = try await Self.workspace()
        try Self.script("hooks/hang", in: workspace, """
            #!/bin/sh
            sleep 60 &
            echo $! >> "$HOOK_LOG.children"
            wait
            """)
        try workspace.configure("""
            exec-concurrency = 3
            \(workspace.url("/feeds/notes.rss")) name=notes exec=hooks/hang exec-timeout=1s
            """)
        let started = Date()
        let result = try await workspace.once(environment: Self.environment(workspace))
        #expect(Date().timeIntervalSince(started) < 20)
        #expect(result.status == 1)
        #expect(result.stderrLines.filter { $0.contains("exec failed (still running after exec-timeout 1s: ended)") }.count == 3)
        #expect(try workspace.newFileNames().count == 3)
        #expect(try Self.names(in: workspace.spool.appendingPathComponent("cur")).isEmpty)
        let children = try String(contentsOfFile: workspace.folder.url.appendingPathComponent("hooks.log.children").path, encoding: .utf8)
            .split(separator: "\n").compactMap { Int32($0) }
        #expect(children.count == 3)
        for child in children { #expect(await Self.ended(child)) }
    }

    /// Whether process `pid` ended (gone, or a zombie its parent has not reaped).
    static func ended(_ pid: Int32) async -> Bool {
        await eventually(within: 5) {
            guard let stat = try? String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8),
                  let close = stat.lastIndex(of: ")") else { return true }
            return stat[stat.index(close, offsetBy: 2)] == "Z"
        }
    }

    @Test func aMissingProgramIsAFailureNamingIt() async throws {
        let workspace = try await Self.workspace()
        try workspace.configure("""
            \(workspace.url("/feeds/notes.rss")) name=notes exec=hooks/missing
            """)
        let result = try await workspace.once()
        #expect(result.status == 1)
        let program = workspace.folder.url.appendingPathComponent("hooks/missing").path
        #expect(result.stderrLines.filter { $0.contains("exec failed (cannot start \(program): No such file or directory)") }.count == 3)
        #expect(try workspace.newFileNames().count == 3)
    }

    @Test func noMoreCommandsRunAtOnceThanExecConcurrency() async throws {
        let workspace = try await OnceWorkspace()
        let items = (1...8).map { "<item><title>Item \($0)</title><guid>urn:item:\($0)</guid><description>Text \($0).</description></item>" }
        try workspace.folder.write("www/many.rss", "<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>Many</title>\(items.joined())</channel></rss>")
        try Self.script("hooks/timed", in: workspace, """
            #!/bin/sh
            echo "start $(date +%s.%N)" >> "$HOOK_LOG"
            sleep 1
            echo "stop $(date +%s.%N)" >> "$HOOK_LOG"
            """)
        try workspace.configure("""
            exec-concurrency = 3
            \(workspace.url("/feeds/many.rss")) name=many exec=hooks/timed
            """)
        #expect(try await workspace.once(environment: Self.environment(workspace)).status == 0)
        let fields: [[Substring]] = Self.hookLog(workspace).map { $0[0].split(separator: " ") }
        let events: [(time: Double, change: Int)] = fields
            .map { (time: Double($0[1])!, change: $0[0] == "start" ? 1 : -1) }.sorted { $0.time < $1.time }
        var running = 0, most = 0
        for event in events {
            running += event.change
            most = max(most, running)
        }
        #expect(events.count == 16)
        #expect(most == 3)
    }

    @Test func aBadExecSettingIsAnErrorWithItsLine() async throws {
        let workspace = try await Self.workspace()
        try workspace.configure("""
            exec-timeout = soon
            \(workspace.url("/feeds/notes.rss")) name=notes exec="hooks/record 'open"
            """)
        let result = try await workspace.once()
        #expect(result.status == 2)
        #expect(result.stderrLines == [
            "feeds.conf:3: bad duration \"soon\" (use s, m, h, d or w, e.g. 30m)",
            "feeds.conf:4: bad exec command (unterminated single quote)",
        ])
        #expect(try workspace.server.requests().isEmpty)
    }
}
