import Foundation
import TestSupport
import Testing

/// A `feedspool run` started in a workspace, as systemd would start it:
/// its standard error (the log) goes to a file the test reads as it grows,
/// and the test sends it signals. Killed when the test ends, if still running.
/// With `journal`, `$JOURNAL_STREAM` names that file, as systemd names the
/// stream it connected to the journal.
final class DaemonProcess {
    private let daemon: ChildProcess
    private let logFile: URL

    /// Starts `feedspool run` with `arguments` in `workspace`, where it finds
    /// `feeds.conf`; `environment` adds to the test's own, and `journal`
    /// makes the log file the journal's stream.
    init(in workspace: OnceWorkspace, arguments: [String] = [], environment: [String: String] = [:],
         journal: Bool = false) throws {
        logFile = workspace.folder.url.appendingPathComponent("daemon-\(UUID().uuidString).log")
        try Data().write(to: logFile)
        let log = try FileHandle(forWritingTo: logFile)
        var environment = environment
        if journal { environment["JOURNAL_STREAM"] = streamIdentity(of: log.fileDescriptor) }
        let process = Process()
        process.executableURL = CommandRunner.binary
        process.arguments = ["run"] + arguments
        process.currentDirectoryURL = workspace.folder.url
        process.environment = ProcessInfo.processInfo.environment
            .merging(OnceWorkspace.loopbackOnly) { $1 }.merging(environment) { $1 }
        process.standardInput = FileHandle.nullDevice
        process.standardOutput = FileHandle.nullDevice
        process.standardError = log
        daemon = try ChildProcess(process)
    }

    deinit {
        if daemon.isRunning {
            daemon.send(SIGKILL)
            daemon.waitForEnd()
        }
    }

    /// The lines logged so far.
    func log() throws -> [String] {
        try String(contentsOf: logFile, encoding: .utf8).split(separator: "\n").map(String.init)
    }

    /// Whether a line logged so far is `line`.
    func logged(_ line: String) throws -> Bool {
        try log().contains(line)
    }

    /// Whether the daemon has logged its `running:` line: from then on it
    /// catches SIGTERM and SIGINT, which before would end it by default.
    func hasStarted() throws -> Bool {
        try log().contains { $0.hasPrefix("feedspool: running: ") }
    }

    /// Sends `signal` to the daemon.
    func send(_ signal: Int32) {
        daemon.send(signal)
    }

    /// The exit status once the daemon has exited within `seconds`; nil if
    /// it is still running, or was ended by a signal.
    func exitStatus(within seconds: Double) async -> Int32? {
        guard await eventually(within: seconds, { !daemon.isRunning }) else { return nil }
        return await daemon.exitStatus()
    }

    /// Whether the daemon is still running.
    var isRunning: Bool { daemon.isRunning }
}

/// The `device:inode` of what `descriptor` is open on, in decimal, as
/// systemd sets `$JOURNAL_STREAM` for the stream it connected to the journal.
func streamIdentity(of descriptor: Int32) -> String {
    var stats = stat()
    guard fstat(descriptor, &stats) == 0 else { return "" }
    return "\(stats.st_dev):\(stats.st_ino)"
}

/// Checks `condition` every 20 ms until it holds or `seconds` have passed;
/// whether it held. The deadlines are generous: they only bound how long a
/// broken build hangs, and never decide a passing run on a busy machine.
/// Sleeps without holding a thread, so other tests run meanwhile.
func eventually(within seconds: Double = 60, _ condition: () async throws -> Bool) async rethrows -> Bool {
    let deadline = Date().addingTimeInterval(seconds)
    while true {
        if try await condition() { return true }
        if Date() > deadline { return false }
        try? await Task.sleep(for: .milliseconds(20))
    }
}
