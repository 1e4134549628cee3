import Foundation

/// A child process a test starts, started so that many tests can start
/// theirs at once: Foundation's `Process` closes the parent's descriptors in
/// the child only as far as the highest one open when it lists them, so a
/// pipe or exit-watch socket another thread opens meanwhile leaks into the
/// child, where it holds that pipe open (a reader never sees its end) or
/// hides that process's exit. Here every start, and every pipe made with
/// `pipe()`, happens under one lock, and those pipes close on exec.
public final class ChildProcess: @unchecked Sendable {
    /// The process, started.
    public let process: Process
    private let exit = NSCondition()
    private var ended = false
    private var waiters: [CheckedContinuation<Void, Never>] = []

    private static let starting = NSLock()

    /// A pipe whose ends close on exec, so that only the child it is given
    /// to (as its standard input, output or error) holds them.
    public static func pipe() -> Pipe {
        starting.lock()
        defer { starting.unlock() }
        let pipe = Pipe()
        for descriptor in [pipe.fileHandleForReading.fileDescriptor, pipe.fileHandleForWriting.fileDescriptor] {
            _ = fcntl(descriptor, F_SETFD, fcntl(descriptor, F_GETFD) | FD_CLOEXEC)
        }
        return pipe
    }

    /// Starts `process`, set up but not yet run.
    public init(_ process: Process) throws {
        self.process = process
        process.terminationHandler = { [weak self] _ in self?.finish() }
        Self.starting.lock()
        defer { Self.starting.unlock() }
        try process.run()
    }

    /// Called when the process has ended: wakes every waiter.
    private func finish() {
        // Foundation's `Process` keeps a run-loop source that retains the
        // process until `waitUntilExit` drops it (a cycle LeakSanitizer
        // reports). The process has ended and its source is invalidated
        // before this handler runs, so the call returns at once.
        process.waitUntilExit()
        exit.lock()
        ended = true
        let waiting = waiters
        waiters = []
        exit.broadcast()
        exit.unlock()
        for waiter in waiting { waiter.resume() }
    }

    /// Its process id.
    public var pid: Int32 { process.processIdentifier }

    /// Whether it has not ended yet.
    public var isRunning: Bool {
        exit.lock()
        defer { exit.unlock() }
        return !ended
    }

    /// Sends it `signal`.
    public func send(_ signal: Int32) {
        kill(process.processIdentifier, signal)
    }

    /// Waits until it has ended, without holding a thread, and returns how:
    /// its exit status, or the signal that ended it.
    @discardableResult
    public func ending() async -> (reason: Process.TerminationReason, status: Int32) {
        await withCheckedContinuation { continuation in
            exit.lock()
            if ended {
                exit.unlock()
                continuation.resume()
            } else {
                waiters.append(continuation)
                exit.unlock()
            }
        }
        return (process.terminationReason, process.terminationStatus)
    }

    /// Its exit status once it has ended; nil when a signal ended it.
    public func exitStatus() async -> Int32? {
        let (reason, status) = await ending()
        return reason == .exit ? status : nil
    }

    /// Blocks the calling thread until it has ended, and returns how.
    @discardableResult
    public func waitForEnd() -> (reason: Process.TerminationReason, status: Int32) {
        exit.lock()
        while !ended { exit.wait() }
        exit.unlock()
        return (process.terminationReason, process.terminationStatus)
    }
}
