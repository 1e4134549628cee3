import Foundation
import Testing
@testable import Poller

/// `HookProcess`: a real command started in its own process group, its
/// standard error kept, ended at its timeout.
@Suite struct HookProcessTests {
    private func run(_ script: String, _ arguments: [String] = [], environment: [(String, String)] = [],
                     timeout: Duration = .seconds(10), grace: Duration = .seconds(5)) -> HookProcess.Outcome {
        HookProcess(words: ["/bin/sh", "-c", script, "sh"] + arguments, environment: environment,
                    timeout: timeout, grace: grace).run()
    }

    @Test func aCommandGetsItsArgumentsWholeTheEnvironmentAndNoInput() {
        let outcome = run(#"printf '%s|' "$@" >&2; echo "$FEEDSPOOL_FEED" >&2; cat >&2; echo out; exit 0"#,
                          ["with space", "it's"], environment: [("FEEDSPOOL_FEED", "lwn")])
        #expect(outcome.ending == .exited(0))
        #expect(outcome.succeeded)
        // Standard output is not kept; standard input is empty.
        #expect(outcome.errorLines == ["with space|it's|lwn"])
    }

    @Test func theExitStatusAndAKillingSignalAreReported() {
        #expect(run("echo failed >&2; exit 3") == HookProcess.Outcome(ending: .exited(3), errorLines: ["failed"], moreLines: 0))
        #expect(run("kill -USR1 $$").ending == .signalled(SIGUSR1))
    }

    @Test func aMissingProgramIsNotStarted() {
        let outcome = HookProcess(words: ["/nonexistent/hook"], environment: [], timeout: .seconds(5), grace: .seconds(1)).run()
        #expect(outcome.ending == .notStarted("No such file or directory"))
        let onPath = HookProcess(words: ["feedspool-no-such-hook"], environment: [], timeout: .seconds(5), grace: .seconds(1)).run()
        #expect(onPath.ending == .notStarted("No such file or directory"))
    }

    @Test func standardErrorIsKeptToTenLinesEachCutAndCleaned() {
        let outcome = run(#"for i in $(seq 1 14); do echo "line $i" >&2; done; printf 'x%.0s' $(seq 1 400) >&2; printf 'a\tb\033c' >&2"#)
        #expect(outcome.errorLines == (1...10).map { "line \($0)" })
        #expect(outcome.moreLines == 5)
        let long = run(#"printf 'x%.0s' $(seq 1 400) >&2; echo >&2; printf 'a\tb\033c' >&2"#)
        #expect(long.errorLines == [String(repeating: "x", count: 300) + "…", "a b c"])
    }

    @Test func aCommandStillRunningAtTheTimeoutIsEndedWithItsChildren() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("feedspool-hook-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: folder) }
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        let started = ContinuousClock.now
        let outcome = run(#"sleep 30 & echo $! > "$1"; wait"#, [folder + "/child"], timeout: .milliseconds(300))
        #expect(outcome.ending == .timedOut)
        #expect(ContinuousClock.now - started < .seconds(5))
        let child = try #require(Int32(String(contentsOfFile: folder + "/child", encoding: .utf8).trimmingCharacters(in: .whitespacesAndNewlines)))
        #expect(Self.isGone(child))
    }

    @Test func aCommandWritingWithoutEndIsStillEndedAtItsTimeout() {
        let started = ContinuousClock.now
        let outcome = run("yes 'error' >&2", timeout: .milliseconds(500))
        #expect(outcome.ending == .timedOut)
        #expect(ContinuousClock.now - started < .seconds(5))
        #expect(outcome.errorLines.count == 10 && outcome.moreLines > 0)
    }

    @Test func aCommandIgnoringSIGTERMIsKilledAfterTheGrace() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("feedspool-hook-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: folder) }
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        let started = ContinuousClock.now
        let outcome = run(#"trap '' TERM; sleep 30 & echo $! > "$1"; wait; wait"#, [folder + "/child"],
                          timeout: .milliseconds(200), grace: .milliseconds(700))
        let took = ContinuousClock.now - started
        #expect(outcome.ending == .timedOut)
        #expect(took >= .milliseconds(850) && took < .seconds(5))
        let child = try #require(Int32(String(contentsOfFile: folder + "/child", encoding: .utf8).trimmingCharacters(in: .whitespacesAndNewlines)))
        #expect(Self.isGone(child))
    }

    @Test func aRecordedIdentityEndsTheGroupOnlyWhileItsProcessIsTheSame() throws {
        let running = RunningCommand(["/bin/sh", "-c", "sleep 30 & sleep 30"])
        let identity = try #require(HookProcess.identity(of: running.pid))
        #expect(identity.split(separator: ":").dropLast().last == "\(running.pid)")
        // Another start time is another process: left alone.
        #expect(!HookProcess.endGroup(of: identity.split(separator: ":").dropLast().joined(separator: ":") + ":1"))
        #expect(HookProcess.endGroup(of: identity))
        #expect(running.outcome().ending == .signalled(SIGKILL))
        #expect(HookProcess.identity(of: running.pid) == nil)
        #expect(!HookProcess.endGroup(of: identity))
    }

    /// Whether process `pid` ended: no longer there, or a zombie waiting for
    /// a parent that is not this process (a container's init may reap late).
    static func isGone(_ pid: Int32) -> Bool {
        for _ in 0..<50 {
            guard let stat = try? String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8) else { return true }
            if let close = stat.lastIndex(of: ")"), stat[stat.index(close, offsetBy: 2)] == "Z" { return true }
            usleep(20_000)
        }
        return false
    }
}

/// A command `HookProcess` runs on another thread, as a hook worker runs it.
final class RunningCommand: @unchecked Sendable {
    private let started = DispatchSemaphore(value: 0)
    private let ended = DispatchSemaphore(value: 0)
    // Written once each before the semaphore that publishes it.
    private var startedPid: pid_t = 0
    private var result: HookProcess.Outcome?

    /// Starts `words` (within a 60 s timeout) and waits until it runs.
    init(_ words: [String]) {
        DispatchQueue.global().async {
            self.result = HookProcess(words: words, environment: [], timeout: .seconds(60), grace: .seconds(1)).run { pid in
                self.startedPid = pid
                self.started.signal()
            }
            self.ended.signal()
        }
        started.wait()
    }

    var pid: pid_t { startedPid }

    /// Waits for the command's end.
    func outcome() -> HookProcess.Outcome {
        ended.wait()
        ended.signal()
        return result!
    }
}
